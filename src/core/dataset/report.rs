//! What an import says happened: each record accepted, a duplicate, in conflict with another
//! version, or rejected with its reason; shown on the results page and in `import-log.txt`.

use std::fmt;

use super::RecordKind;

/// Two versions of one respondent's record met during an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub kind: RecordKind,
    pub respondent: String,
    /// `updated_at` of the version kept.
    pub kept: String,
    /// `updated_at` of the version set aside (listed in the log).
    pub dropped: String,
    /// The imported version replaced the one the dataset held.
    pub replaced: bool,
}

/// Something that could not be imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    /// The file, code (its first characters) or bundle record concerned.
    pub what: String,
    pub reason: String,
}

/// What happened to one imported text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Records of respondents not seen before.
    pub accepted: usize,
    /// Records already held, with the same content (counted once).
    pub duplicates: usize,
    /// Another version of a record already held.
    pub conflicts: Vec<Conflict>,
    pub rejected: Vec<Rejection>,
}

impl ImportReport {
    pub(super) fn reject(&mut self, what: impl Into<String>, reason: impl Into<String>) {
        self.rejected.push(Rejection { what: what.into(), reason: reason.into() });
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} accepted, {} duplicate, {} conflict, {} rejected",
            self.accepted,
            self.duplicates,
            self.conflicts.len(),
            self.rejected.len()
        )?;
        for r in &self.rejected {
            write!(f, "\n{}: {}", r.what, r.reason)?;
        }
        Ok(())
    }
}
