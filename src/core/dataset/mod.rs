//! A dataset: the records a facilitator, partner or coordinator has gathered, where each came
//! from, and which versions were replaced by newer ones. It is what results are computed from.
//!
//! Anything handed over can be imported: a record file, a result bundle (another dataset,
//! exported; see [`bundle`]) or any text holding share codes (a whole chat transcript). Each
//! record found is *accepted* (a respondent not seen yet), a *duplicate* (the same respondent,
//! kind and content: counted once, its sources merged), a *conflict* (the same respondent and
//! kind, other content) or *rejected* with a reason. Nothing already imported is changed by a
//! rejected record, and a bundle or file that cannot be read as a whole changes nothing.
//!
//! Of two versions of a record, the one with the later `updated_at` is kept; at equal times,
//! the one with the larger [`digest`] (a content comparison, so that
//! the outcome never depends on the order of imports). The replaced version is listed in the
//! dataset's log of superseded versions. Merging is therefore a join: the kept record for a
//! respondent is the largest version ever seen, the sources of a version are the union of
//! where its copies came from, and the log is the set of every other version seen. Importing
//! the same things in any order, grouping or number of times gives the same bundle, byte for
//! byte.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::ballots::extract_codes;
use super::code::{self, PREFIX};
use super::definition::Definition;
use super::hash;
use super::packed::{Packed, Packer};
use super::record::{self, QuestionnaireRef, Record, RecordKind};
use super::time;

pub mod bundle;
mod report;

pub use report::{Conflict, ImportReport, Rejection};

/// A text larger than this is refused before it is read.
pub const MAX_IMPORT_BYTES: usize = 100 * 1024 * 1024;

/// Records are kept in (kind, respondent) order: participants first, then tables. A
/// respondent id's 16 hex digits, read as a number, sort as the digits do.
type Key = (RecordKind, u64);

fn key_of(kind: RecordKind, respondent: &str) -> Key {
    (kind, u64::from_str_radix(respondent, 16).unwrap_or(0))
}

/// `sha256:` and the hex SHA-256 of a record's canonical binary form ([`code::body`]: the
/// record packed against its definition, as in a share code before compression). Records that
/// cannot be packed (never the case once checked) fall back to their canonical JSON.
pub fn digest(record: &Record, def: &Definition) -> String {
    match code::body(record, def) {
        Ok(body) => format!("sha256:{}", hash::hex(&Sha256::digest(&body))),
        Err(_) => hash::content_hash(&serde_json::to_value(record).unwrap_or_default()),
    }
}

/// Which of two versions of one respondent's record a dataset keeps: `Greater` when it keeps
/// `a` (see [`rank`]).
pub fn compare_versions(a: &Record, b: &Record, def: &Definition) -> std::cmp::Ordering {
    if a == b {
        return std::cmp::Ordering::Equal;
    }
    rank(&a.updated_at, &digest(a, def)).cmp(&rank(&b.updated_at, &digest(b, def)))
}

/// What decides which of two versions is kept: the later `updated_at`, then the larger digest.
fn rank(updated_at: &str, digest: &str) -> (u64, String) {
    (time::parse_rfc3339(updated_at).unwrap_or(0), digest.to_string())
}

/// A record in the dataset, packed (see [`Packed`]), with where its copies came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub packed: Packed,
    /// File names, or `pasted text`.
    pub sources: BTreeSet<String>,
}

impl Entry {
    /// The record, whole (made again from its packed form, which was checked against `def`
    /// when it came in, so this fails only for another definition).
    pub fn record(&self, def: &Definition) -> Result<Record, code::CodeError> {
        self.packed.record(def)
    }
}

/// A version of a record that another version of the same respondent's record replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Superseded {
    pub kind: RecordKind,
    pub respondent: String,
    pub updated_at: String,
    pub digest: String,
    pub sources: BTreeSet<String>,
}

/// The records gathered for one questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    /// The questionnaire every record answers.
    pub questionnaire: QuestionnaireRef,
    /// When set, records of other events are rejected.
    pub event_filter: Option<String>,
    records: BTreeMap<Key, Entry>,
    log: BTreeMap<(Key, String), Superseded>,
}

impl Dataset {
    /// An empty dataset for `def`.
    pub fn new(def: &Definition) -> Dataset {
        Dataset {
            questionnaire: QuestionnaireRef {
                id: def.id.clone(),
                version: def.version.clone(),
                hash: def.hash.clone(),
            },
            event_filter: None,
            records: BTreeMap::new(),
            log: BTreeMap::new(),
        }
    }

    /// The records kept, sorted by kind (participants first) and respondent.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.records.values()
    }

    /// The records kept, whole, in the order of [`Dataset::entries`].
    pub fn records(&self, def: &Definition) -> Vec<Record> {
        self.records.values().filter_map(|e| e.record(def).ok()).collect()
    }

    /// The versions replaced by newer ones, sorted by kind, respondent and digest.
    pub fn superseded(&self) -> impl Iterator<Item = &Superseded> {
        self.log.values()
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Imports a file's bytes: see [`Dataset::import_text`]; refuses what is not UTF-8.
    pub fn import_bytes(&mut self, def: &Definition, source: &str, bytes: &[u8]) -> ImportReport {
        let mut report = ImportReport::default();
        if let Some(reason) = too_big(bytes.len()) {
            report.reject(source, reason);
            return report;
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => self.import_text(def, source, text),
            Err(_) => {
                report.reject(source, "not UTF-8 text: not a record file, bundle or chat transcript");
                report
            }
        }
    }

    /// Imports a record file, a result bundle or any text holding share codes.
    pub fn import_text(&mut self, def: &Definition, source: &str, text: &str) -> ImportReport {
        let mut report = ImportReport::default();
        if let Some(reason) = too_big(text.len()) {
            report.reject(source, reason);
            return report;
        }
        if def.hash != self.questionnaire.hash {
            report.reject(
                source,
                format!(
                    "this dataset holds answers to {} version {}, not {} version {}",
                    self.questionnaire.id, self.questionnaire.version, def.id, def.version
                ),
            );
            return report;
        }
        let body = text.trim_start_matches('\u{feff}').trim_start();
        if body.starts_with('{') {
            // Read once as a record file or bundle, borrowing the codes (a bundle of 100,000
            // records is 20 MB); when that fails, again as any JSON to say what is wrong.
            let json_problem = match serde_json::from_str::<bundle::Doc>(body) {
                Ok(doc) => match doc.format.as_deref() {
                    Some(record::FORMAT) => {
                        self.import_record_file(def, source, text, &mut report);
                        return report;
                    }
                    Some(bundle::FORMAT) => {
                        self.import_bundle(def, source, doc, &mut report);
                        return report;
                    }
                    _ => not_ours(),
                },
                Err(typed) => match serde_json::from_str::<serde_json::Value>(body) {
                    Ok(value) => match value.get("format").and_then(serde_json::Value::as_str) {
                        Some(record::FORMAT) => {
                            self.import_record_file(def, source, text, &mut report);
                            return report;
                        }
                        Some(bundle::FORMAT) => {
                            bundle::refuse(source, &value, &typed, &mut report);
                            return report;
                        }
                        _ => not_ours(),
                    },
                    Err(e) => format!("not a record file or result bundle: not valid JSON ({e})"),
                },
            };
            // A chat saved as JSON still holds codes.
            if extract_codes(text).is_empty() {
                report.reject(source, json_problem);
                return report;
            }
        }
        self.import_codes(def, source, text, &mut report);
        report
    }

    /// Imports records already in memory (made by this program, e.g. a sample day), checked
    /// and merged exactly as if each came in its own file named `source`.
    pub fn import_records(
        &mut self,
        def: &Definition,
        source: &str,
        records: impl IntoIterator<Item = Record>,
    ) -> ImportReport {
        let mut report = ImportReport::default();
        let packer = Packer::new(def);
        for r in records {
            let what = format!("{source}: {} {}", r.kind.name(), r.respondent);
            match self.check(&packer, def, r) {
                Ok(p) => self.offer(p, BTreeSet::from([source.to_string()]), &mut report),
                Err(reason) => report.reject(what, reason),
            }
        }
        report
    }

    fn import_record_file(&mut self, def: &Definition, source: &str, text: &str, report: &mut ImportReport) {
        match Record::from_json(text).map_err(|e| e.0).and_then(|r| self.check(&Packer::new(def), def, r)) {
            Ok(p) => self.offer(p, BTreeSet::from([source.to_string()]), report),
            Err(reason) => report.reject(source, reason),
        }
    }

    fn import_codes(&mut self, def: &Definition, source: &str, text: &str, report: &mut ImportReport) {
        let codes = extract_codes(text);
        if codes.is_empty() {
            report
                .reject(source, format!("no record, bundle or share code found (codes start with {PREFIX})"));
        }
        let packer = Packer::new(def);
        for c in codes {
            let what = format!("{source}: {}…", c.chars().take(12).collect::<String>());
            match packer.code(&c).map_err(|e| e.to_string()).and_then(|p| self.check_event(p)) {
                Ok(p) => self.offer(p, BTreeSet::from([source.to_string()]), report),
                Err(reason) => report.reject(what, reason),
            }
        }
    }

    /// Whether a readable record belongs in this dataset; packs it.
    fn check(&self, packer: &Packer, def: &Definition, r: Record) -> Result<Packed, String> {
        if r.questionnaire.hash != def.hash {
            return Err(format!(
                "made for another questionnaire or version ({} version {}), not {} version {}",
                r.questionnaire.id, r.questionnaire.version, def.id, def.version
            ));
        }
        let problems = r.check_against(def);
        if !problems.is_empty() {
            return Err(format!("an answer does not fit the questionnaire: {}", problems.join("; ")));
        }
        let p = packer.record(&r).map_err(|e| e.to_string())?;
        self.check_event(p)
    }

    /// Whether a packed record (checked as it was packed) is of the event wanted, if one is.
    fn check_event(&self, p: Packed) -> Result<Packed, String> {
        if let Some(event) = &self.event_filter
            && p.event() != event
        {
            return Err(format!("from event '{}', not '{event}'", p.event()));
        }
        Ok(p)
    }

    /// Merges a checked record: the larger of two versions is kept, the other is logged.
    fn offer(&mut self, packed: Packed, sources: BTreeSet<String>, report: &mut ImportReport) {
        let key = (packed.kind(), packed.respondent_id());
        let Some(held) = self.records.get_mut(&key) else {
            // A respondent not seen yet: no digest needed (most records, so most of the time).
            self.records.insert(key, Entry { packed, sources });
            report.accepted += 1;
            return;
        };
        if held.packed.body() == packed.body() {
            // The same content (maybe written differently: bodies are canonical).
            held.sources.extend(sources);
            report.duplicates += 1;
            return;
        }
        let (held_digest, new_digest) = (held.packed.digest(), packed.digest());
        let new = Entry { packed, sources };
        let replaced = (new.packed.updated(), &new_digest) > (held.packed.updated(), &held_digest);
        let (dropped, dropped_digest) =
            if replaced { (std::mem::replace(held, new), held_digest) } else { (new, new_digest) };
        report.conflicts.push(Conflict {
            kind: dropped.packed.kind(),
            respondent: dropped.packed.respondent(),
            kept: held.packed.updated_at(),
            dropped: dropped.packed.updated_at(),
            replaced,
        });
        self.supersede(Superseded {
            kind: dropped.packed.kind(),
            respondent: dropped.packed.respondent(),
            updated_at: dropped.packed.updated_at(),
            digest: dropped_digest,
            sources: dropped.sources,
        });
    }

    fn supersede(&mut self, s: Superseded) {
        let key = (key_of(s.kind, &s.respondent), s.digest.clone());
        match self.log.get_mut(&key) {
            Some(held) => held.sources.extend(s.sources),
            None => {
                self.log.insert(key, s);
            }
        }
    }
}

/// Why a JSON document is neither a record file nor a bundle.
fn not_ours() -> String {
    format!(
        "not a record file or result bundle (no \"format\": \"{}\" or \"{}\")",
        record::FORMAT,
        bundle::FORMAT
    )
}

/// Why a text of `len` bytes is refused unread, if it is.
fn too_big(len: usize) -> Option<String> {
    (len > MAX_IMPORT_BYTES).then(|| {
        format!(
            "it is {} MB, more than the {} MB read at once: split it",
            len.div_ceil(1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        )
    })
}

#[cfg(test)]
mod tests;
