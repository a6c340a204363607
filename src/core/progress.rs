//! What the participant's device keeps between visits: the record being filled, where the
//! participant is, whether they agreed to take part, and what was last handed over.
//!
//! The app saves a [`Progress`] after every change and reads it back on start. When the
//! definition changed since the participant started, [`Progress::reconcile`] keeps every
//! answer that still fits (by question id), sets aside the ones that no longer do (they stay
//! on the device, never silently dropped) and says what no longer matches.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::answers::{self, Answers};
use super::ballots::Member;
use super::definition::Definition;
use super::flow::{self, Position};
use super::record::{QuestionnaireRef, Record};
use super::text::QuestionId;

/// The storage format version of [`Progress`].
pub const PROGRESS_VERSION: u32 = 1;

/// A participant's saved state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    pub record: Record,
    pub position: Position,
    pub consented: bool,
    /// `updated_at` of the record when it was last downloaded or copied.
    pub exported_at: Option<String>,
    /// Answers that no longer fit an edited definition, kept rather than lost.
    #[serde(default)]
    pub set_aside: Answers,
    /// A table's members' ballots, per ordering worksheet (empty for a participant).
    #[serde(default)]
    pub members: BTreeMap<QuestionId, Vec<Member>>,
}

impl Progress {
    /// A fresh start.
    pub fn new(record: Record) -> Progress {
        Progress {
            version: PROGRESS_VERSION,
            record,
            position: Position::Welcome,
            consented: false,
            exported_at: None,
            set_aside: Answers::new(),
            members: BTreeMap::new(),
        }
    }

    /// Are there answers that were changed since they were last handed over?
    pub fn has_unexported_answers(&self) -> bool {
        !self.record.answers.is_empty()
            && self.exported_at.as_deref() != Some(self.record.updated_at.as_str())
    }

    /// Reads saved progress; `None` if it is not ours or damaged.
    pub fn from_json(s: &str) -> Option<Progress> {
        serde_json::from_str::<Progress>(s).ok().filter(|p| p.version == PROGRESS_VERSION)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Brings progress made against an older definition up to `def`; returns what no longer
    /// matches, in words for the participant (empty when nothing changed).
    pub fn reconcile(&mut self, def: &Definition) -> Vec<String> {
        let mut notes = Vec::new();
        let kind = self.record.kind;
        self.position = flow::resolve(def, kind, self.position.clone());
        if self.record.questionnaire.hash == def.hash {
            return notes;
        }
        let answers = std::mem::take(&mut self.record.answers);
        for (qid, a) in answers {
            match def.item(kind, &qid) {
                Some(q) => match answers::check(q, &a) {
                    Ok(()) => {
                        self.record.answers.insert(qid, a);
                    }
                    Err(e) => {
                        let text = q.text.get(&self.record.language);
                        notes.push(format!(
                            "Your answer to \"{text}\" no longer fits ({e}): please answer it again."
                        ));
                        self.set_aside.insert(qid, a);
                    }
                },
                None => {
                    notes.push(format!("The question '{qid}' was removed from the questionnaire."));
                    self.set_aside.insert(qid, a);
                }
            }
        }
        self.record.questionnaire =
            QuestionnaireRef { id: def.id.clone(), version: def.version.clone(), hash: def.hash.clone() };
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::Answer;
    use crate::core::parse::parse_definition;

    fn def(options: &str) -> Definition {
        parse_definition(&format!(
            r#"{{"format": "dialogue-kit/questionnaire", "format_version": 1, "id": "t", "version": "1",
            "title": {{"en": "T"}}, "languages": ["en"],
            "sessions": [{{"id": "s1", "title": {{"en": "One"}}, "questions": [
              {{"id": "a", "kind": "single_choice", "text": {{"en": "A?"}}, "options": [{options}]}},
              {{"id": "b", "kind": "yes_no", "text": {{"en": "B?"}}}}
            ]}}]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn keeps_what_fits_and_sets_aside_the_rest() {
        let old = def(r#"{"id": "x", "label": {"en": "X"}}, {"id": "y", "label": {"en": "Y"}}"#);
        let new = def(r#"{"id": "x", "label": {"en": "X"}}, {"id": "z", "label": {"en": "Z"}}"#);
        assert_ne!(old.hash, new.hash);
        let mut r = Record::new(&old, "ev", 1, "0123456789abcdef", "en", 0);
        r.answers.insert("a".into(), Answer::Option("y".into()));
        r.answers.insert("b".into(), Answer::Option("yes".into()));
        r.answers.insert("gone".into(), Answer::Number(1));
        let mut p = Progress::new(r);
        let notes = p.reconcile(&new);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert_eq!(p.record.answers.len(), 1);
        assert_eq!(p.set_aside.len(), 2);
        assert_eq!(p.record.questionnaire.hash, new.hash);
        assert!(p.reconcile(&new).is_empty());
    }

    #[test]
    fn unexported_answers() {
        let d = def(r#"{"id": "x", "label": {"en": "X"}}, {"id": "y", "label": {"en": "Y"}}"#);
        let mut p = Progress::new(Record::new(&d, "ev", 1, "0123456789abcdef", "en", 0));
        assert!(!p.has_unexported_answers());
        p.record.answers.insert("b".into(), Answer::Option("no".into()));
        assert!(p.has_unexported_answers());
        p.exported_at = Some(p.record.updated_at.clone());
        assert!(!p.has_unexported_answers());
        assert_eq!(Progress::from_json(&p.to_json()), Some(p));
        assert_eq!(Progress::from_json("{}"), None);
    }
}
