//! The result bundle: a whole [`Dataset`] as one JSON file, to hand from a facilitator to a
//! partner and from partners to a coordinator, and to import again anywhere.
//!
//! # Format (version 2)
//!
//! ```json
//! {
//!   "format": "dialogue-kit/bundle",
//!   "format_version": 2,
//!   "questionnaire": {"id": "wti-future-of-the-internet", "version": "1.2.0", "hash": "sha256:9ad1…"},
//!   "records": [{"code": "DK1-AAp_…", "sources": ["pasted text", "table-7.json"]}],
//!   "log": [
//!     {"kind": "participant", "respondent": "3f9c0a51d2e47b68", "updated_at": "2020-10-10T15:02:41Z",
//!      "digest": "sha256:…", "sources": ["chat.txt"]}
//!   ]
//! }
//! ```
//!
//! - `records`: one per (kind, respondent), sorted by kind (`participant` first) then respondent;
//!   each record is its share code, written uncompressed ([`code::encode_plain`]: lossless, a
//!   tenth of a record file), with the sorted, deduplicated list of where its copies came from
//!   (file names, or `pasted text`). Version 1 wrote the record file itself as `record`; it is
//!   still read.
//! - `log`: every version of a record that a newer one replaced (the later `updated_at` wins; at
//!   equal times the larger digest), sorted by kind, respondent and digest ([`super::digest`]).
//!   Each entry must name a respondent of `records` and rank below its record.
//!
//! The bundle holds no times of import and no counts, so the same imports in any order,
//! grouping or number of repeats give the same bytes; importing a bundle into an empty dataset
//! gives the same bundle back. Readers refuse a newer `format_version`, saying which.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Dataset, ImportReport, Key, Superseded, key_of, rank};
use crate::core::definition::Definition;
use crate::core::packed::Packer;
use crate::core::record::{self, QuestionnaireRef, Record};

/// The `format` value that marks a result bundle.
pub const FORMAT: &str = "dialogue-kit/bundle";
/// The newest bundle format this build reads and writes.
pub const FORMAT_VERSION: u64 = 2;

#[derive(Serialize)]
struct BundleOut<'a> {
    format: &'static str,
    format_version: u64,
    questionnaire: &'a QuestionnaireRef,
    records: Vec<EntryOut<'a>>,
    log: Vec<&'a Superseded>,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    code: String,
    sources: &'a BTreeSet<String>,
}

/// A record file or a bundle as read at first: the format, and a bundle's parts (the codes
/// borrowed from the text). Other fields (a record file's) are skipped.
#[derive(Deserialize)]
pub(super) struct Doc<'a> {
    #[serde(borrow)]
    pub(super) format: Option<Cow<'a, str>>,
    format_version: Option<Value>,
    questionnaire: Option<QuestionnaireRef>,
    #[serde(borrow)]
    records: Option<Vec<EntryIn<'a>>>,
    log: Option<Vec<Superseded>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryIn<'a> {
    /// Version 1: the record file itself.
    record: Option<Value>,
    /// Version 2: the record as a share code.
    #[serde(borrow)]
    code: Option<Cow<'a, str>>,
    sources: BTreeSet<String>,
}

/// Which bundle format versions are read: `Err` says why not.
fn version(v: Option<&Value>) -> Result<u64, String> {
    match v.and_then(Value::as_u64) {
        Some(n @ 1..=FORMAT_VERSION) => Ok(n),
        Some(n) if n > FORMAT_VERSION => Err(format!(
            "this bundle uses format version {n}; this app reads versions 1 to {FORMAT_VERSION}: \
             open it with a newer dialogue-kit"
        )),
        _ => Err("the bundle's format_version is missing or not a number".into()),
    }
}

/// Refuses a bundle that could not be read (`typed` says why), saying first when it is of a
/// newer format.
pub(super) fn refuse(source: &str, value: &Value, typed: &serde_json::Error, report: &mut ImportReport) {
    match version(value.get("format_version")) {
        Err(why) => report.reject(source, why),
        Ok(_) => report.reject(source, format!("damaged bundle: {typed}")),
    }
}

impl Dataset {
    /// The dataset as a result bundle: pretty JSON, the same bytes for the same records.
    pub fn to_bundle_json(&self) -> String {
        let out = BundleOut {
            format: FORMAT,
            format_version: FORMAT_VERSION,
            questionnaire: &self.questionnaire,
            records: self
                .records
                .values()
                .map(|e| EntryOut { code: e.packed.code_plain(), sources: &e.sources })
                .collect(),
            log: self.log.values().collect(),
        };
        let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Merges a bundle (read as a [`Doc`] with the bundle `format`).
    pub(super) fn import_bundle(
        &mut self,
        def: &Definition,
        source: &str,
        doc: Doc,
        report: &mut ImportReport,
    ) {
        let version = match version(doc.format_version.as_ref()) {
            Ok(v) => v,
            Err(why) => return report.reject(source, why),
        };
        let (Some(questionnaire), Some(records), Some(log)) = (doc.questionnaire, doc.records, doc.log)
        else {
            return report.reject(source, "damaged bundle: its questionnaire, records or log is missing");
        };
        if questionnaire.hash != def.hash {
            return report.reject(
                source,
                format!(
                    "this bundle holds answers to another questionnaire or version ({} version {}), \
                     not {} version {}",
                    questionnaire.id, questionnaire.version, def.id, def.version
                ),
            );
        }
        // The largest version of each respondent this bundle brings in.
        let mut brought: BTreeMap<Key, (u64, String)> = BTreeMap::new();
        let logged: BTreeSet<Key> = log.iter().map(|s| key_of(s.kind, &s.respondent)).collect();
        let packer = Packer::new(def);
        for (i, entry) in records.into_iter().enumerate() {
            let checked = match (version, entry.record, entry.code) {
                (1, Some(record), None) => Record::from_json(&record.to_string())
                    .map_err(|e| e.0)
                    .and_then(|r| self.check(&packer, def, r)),
                (2.., None, Some(c)) => {
                    packer.code(&c).map_err(|e| e.to_string()).and_then(|p| self.check_event(p))
                }
                (1, ..) => Err("a version 1 bundle record needs exactly its `record`".into()),
                _ => Err(format!("a version {version} bundle record needs exactly its `code`")),
            };
            match checked {
                Ok(p) => {
                    let key = (p.kind(), p.respondent_id());
                    // Only the respondents the log names need their digest.
                    if logged.contains(&key) {
                        let p_rank = (p.updated(), p.digest());
                        if brought.get(&key).is_none_or(|held| *held < p_rank) {
                            brought.insert(key, p_rank);
                        }
                    }
                    self.offer(p, entry.sources, report);
                }
                Err(reason) => report.reject(format!("{source}: record {}", i + 1), reason),
            }
        }
        for (i, s) in log.into_iter().enumerate() {
            let fits = record::is_valid_respondent(&s.respondent)
                && crate::core::time::parse_rfc3339(&s.updated_at).is_some()
                && brought
                    .get(&key_of(s.kind, &s.respondent))
                    .is_some_and(|r_rank| rank(&s.updated_at, &s.digest) < *r_rank);
            if fits {
                self.supersede(s);
            } else {
                report.reject(
                    format!("{source}: log entry {}", i + 1),
                    "its respondent's record was not imported, or it is newer than that record",
                );
            }
        }
    }
}
