//! The record file: what a participant (or, later, a table) hands over, as self-describing
//! JSON. A share code decodes to exactly the same record.
//!
//! A record names the questionnaire it answers (id, version, content hash), the event and
//! table, a random respondent id made on the device, the language and times, and holds only the
//! answers to questions that were shown (a follow-up whose condition no longer holds is left
//! out). Readers refuse a newer `format_version` with a message saying which version is needed.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::answers::{self, Answers};
use super::definition::{Definition, Question};
use super::flow;
use super::time;

/// The `format` value that marks a record file.
pub const FORMAT: &str = "dialogue-kit/record";
/// The newest record format this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;
/// Record files larger than this are refused before parsing.
pub const MAX_RECORD_BYTES: usize = 2 * 1024 * 1024;

pub use super::definition::RecordKind;

/// The questionnaire a record answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
    pub hash: String,
}

/// A response file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub format: String,
    pub format_version: u64,
    pub kind: RecordKind,
    pub questionnaire: QuestionnaireRef,
    pub event: String,
    pub table: u32,
    /// 16 lowercase hex digits, random, made on the device.
    pub respondent: String,
    pub language: String,
    pub started_at: String,
    pub updated_at: String,
    pub answers: Answers,
}

/// Why a record (file or code) cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError(pub String);

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RecordError {}

fn err<T>(msg: impl Into<String>) -> Result<T, RecordError> {
    Err(RecordError(msg.into()))
}

/// The largest table number a link may carry.
pub const MAX_TABLE: u32 = 9999;

/// Is `s` a usable event id: 1-40 of letters, digits, `-`, `_` and `.`?
pub fn is_valid_event(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

/// Whether a record's event, table and language tag are ones a record can hold (a record
/// file's header and a share code's head are checked alike).
pub fn check_place(event: &str, table: u32, language: &str) -> Result<(), RecordError> {
    if !is_valid_event(event) {
        return err(format!("the event id '{event}' is not valid"));
    }
    if table > MAX_TABLE {
        return err(format!("table {table} is above {MAX_TABLE}"));
    }
    if language.is_empty() || language.len() > 20 {
        return err("the language tag is empty or too long");
    }
    Ok(())
}

/// Is `s` a respondent id: 16 lowercase hex digits?
pub fn is_valid_respondent(s: &str) -> bool {
    s.len() == 16 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Record {
    /// A new, empty record of a table (its worksheets).
    pub fn new_table(
        def: &Definition,
        event: &str,
        table: u32,
        respondent: &str,
        language: &str,
        now: u64,
    ) -> Record {
        Record::new(def, event, table, respondent, language, now).with_kind(RecordKind::Table)
    }

    /// The same record, made by a participant or a table.
    pub fn with_kind(self, kind: RecordKind) -> Record {
        Record { kind, ..self }
    }

    /// A new, empty participant record.
    pub fn new(
        def: &Definition,
        event: &str,
        table: u32,
        respondent: &str,
        language: &str,
        now: u64,
    ) -> Record {
        let at = time::format_rfc3339(now);
        Record {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            kind: RecordKind::Participant,
            questionnaire: QuestionnaireRef {
                id: def.id.clone(),
                version: def.version.clone(),
                hash: def.hash.clone(),
            },
            event: event.into(),
            table,
            respondent: respondent.into(),
            language: language.into(),
            started_at: at.clone(),
            updated_at: at,
            answers: Answers::new(),
        }
    }

    /// The record as it is handed over: only the answers to questions that are shown.
    pub fn for_export(&self, def: &Definition) -> Record {
        let mut out = self.clone();
        out.answers = flow::visible_answers(def, self.kind, &self.answers);
        out
    }

    /// Pretty JSON, the same bytes for the same record.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Reads a record file, refusing other files and newer formats with a clear reason.
    pub fn from_json(text: &str) -> Result<Record, RecordError> {
        if text.len() > MAX_RECORD_BYTES {
            return err(format!(
                "the file is {} bytes, larger than any record ({MAX_RECORD_BYTES})",
                text.len()
            ));
        }
        let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| RecordError(format!("not a record file: not valid JSON ({e})")))?;
        match value.get("format").and_then(Value::as_str) {
            Some(FORMAT) => {}
            _ => return err("not a dialogue-kit record file (no \"format\": \"dialogue-kit/record\")"),
        }
        match value.get("format_version").and_then(Value::as_u64) {
            Some(FORMAT_VERSION) => {}
            Some(n) if n > FORMAT_VERSION => {
                return err(format!(
                    "this record uses format version {n}; this app reads version {FORMAT_VERSION}: \
                     open it with a newer dialogue-kit"
                ));
            }
            _ => return err("the record's format_version is missing or not a number"),
        }
        let record: Record =
            serde_json::from_value(value).map_err(|e| RecordError(format!("damaged record: {e}")))?;
        record.check_header()?;
        Ok(record)
    }

    /// Checks the fields that do not depend on a definition.
    pub fn check_header(&self) -> Result<(), RecordError> {
        check_place(&self.event, self.table, &self.language)?;
        if !is_valid_respondent(&self.respondent) {
            return err(format!("the respondent id '{}' is not 16 hex digits", self.respondent));
        }
        for (name, t) in [("started_at", &self.started_at), ("updated_at", &self.updated_at)] {
            if time::parse_rfc3339(t).is_none() {
                return err(format!("{name} '{t}' is not a time like 2020-10-10T09:30:00Z"));
            }
        }
        Ok(())
    }

    /// Checks every answer against the definition it names: same hash, known questions,
    /// values that fit. Lists every problem.
    pub fn check_against(&self, def: &Definition) -> Vec<String> {
        let mut problems = Vec::new();
        if self.questionnaire.hash != def.hash {
            problems.push(format!(
                "answered against questionnaire {} version {} ({}), not {} version {} ({})",
                self.questionnaire.id,
                self.questionnaire.version,
                self.questionnaire.hash,
                def.id,
                def.version,
                def.hash
            ));
        }
        let mut known = 0;
        for (_, q) in def.items(self.kind) {
            if let Some(answer) = self.answers.get(&q.id) {
                known += 1;
                if let Err(e) = answers::check(q, answer) {
                    problems.push(format!("'{}': {e}", q.id));
                }
            }
        }
        if known != self.answers.len() {
            for qid in self.answers.keys().filter(|qid| def.item(self.kind, qid).is_none()) {
                problems.push(format!("'{qid}': no such question"));
            }
        }
        problems
    }
}

/// The questions a record of this kind answers, in order.
pub fn questions_for(def: &Definition, kind: RecordKind) -> Vec<&Question> {
    def.items(kind).map(|(_, q)| q).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Record {
        Record {
            format: FORMAT.into(),
            format_version: 1,
            kind: RecordKind::Participant,
            questionnaire: QuestionnaireRef { id: "d".into(), version: "1".into(), hash: "sha256:00".into() },
            event: "pt-2020-10".into(),
            table: 7,
            respondent: "0123456789abcdef".into(),
            language: "en".into(),
            started_at: "2020-10-10T09:30:00Z".into(),
            updated_at: "2020-10-10T10:00:00Z".into(),
            answers: Answers::new(),
        }
    }

    #[test]
    fn json_round_trip() {
        let r = sample();
        assert_eq!(Record::from_json(&r.to_json()), Ok(r));
    }

    #[test]
    fn refuses_newer_and_foreign_files() {
        let newer = sample().to_json().replace("\"format_version\": 1", "\"format_version\": 3");
        let e = Record::from_json(&newer).unwrap_err();
        assert!(e.0.contains("format version 3"), "{e}");
        assert!(Record::from_json("{\"name\": \"a photo\"}").unwrap_err().0.contains("not a dialogue-kit"));
        assert!(Record::from_json("\u{0}\u{1}PNG").unwrap_err().0.contains("not valid JSON"));
        assert!(Record::from_json("").is_err());
    }

    #[test]
    fn checks_the_header() {
        let mut r = sample();
        r.respondent = "xyz".into();
        assert!(Record::from_json(&r.to_json()).is_err());
        let mut r = sample();
        r.event = "a b".into();
        assert!(r.check_header().is_err());
        assert!(is_valid_event("pt-2020-10"));
        assert!(!is_valid_event(""));
        assert!(!is_valid_event("<script>"));
    }
}
