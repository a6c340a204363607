//! The participant's state and every change that can happen to it, as a Yew reducer.
//!
//! `reduce` is pure: times and random ids arrive inside the actions (the page makes them at
//! the edge), and saving happens in an effect of the page, not here. Moves through the day
//! are [`crate::core::flow`]'s; this module only applies them.

use std::rc::Rc;

use yew::Reducible;

use crate::core::answers::Answer;
use crate::core::ballots::{self, ImportReport};
use crate::core::definition::{Definition, RecordKind};
use crate::core::flow::{self, Position};
use crate::core::progress::Progress;
use crate::core::record::Record;
use crate::core::text::QuestionId;
use crate::core::time;

/// A participant's app: the definition answered and the progress made.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantState {
    pub def: Rc<Definition>,
    pub progress: Progress,
    /// What changed in the definition since the participant started (shown until dismissed).
    pub notes: Vec<String>,
    /// What the last paste of members' codes gave (not saved: it describes one action).
    pub ballots_report: Option<ImportReport>,
}

/// Everything a participant can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Agreed to take part; go to the sessions.
    Consent,
    /// Go to a place.
    Goto(Position),
    Next,
    Back,
    /// Set (or, with `None`, clear) one question's answer.
    Answer {
        question: QuestionId,
        answer: Option<Answer>,
        now: u64,
    },
    /// The answers were downloaded or copied.
    Exported,
    /// Delete everything and start again as a new respondent.
    StartOver {
        respondent: String,
        now: u64,
    },
    /// A table reads its members' codes for an ordering worksheet.
    ImportBallots {
        worksheet: QuestionId,
        text: String,
    },
    /// A table counts (or stops counting) one member's ballot.
    IncludeMember {
        worksheet: QuestionId,
        respondent: String,
        included: bool,
    },
    /// Choose the language of the content.
    Language(String),
    DismissNotes,
}

impl ParticipantState {
    /// A fresh participant, or the saved one brought up to date with `def`.
    pub fn new(def: Rc<Definition>, saved: Option<Progress>, fresh: Record) -> ParticipantState {
        let (progress, notes) = match saved {
            Some(mut p) => {
                let notes = p.reconcile(&def);
                (p, notes)
            }
            None => {
                let mut p = Progress::new(fresh);
                // A table's record is kept by its facilitator: no consent step.
                if p.record.kind == RecordKind::Table {
                    p.consented = true;
                    p.position = Position::Overview;
                }
                (p, Vec::new())
            }
        };
        ParticipantState { def, progress, notes, ballots_report: None }
    }

    /// The record as it is handed over (answers to hidden questions left out).
    pub fn export(&self) -> Record {
        self.progress.record.for_export(&self.def)
    }

    pub fn language(&self) -> &str {
        &self.progress.record.language
    }
}

impl Reducible for ParticipantState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Consent => {
                s.progress.consented = true;
                s.progress.position = Position::Overview;
            }
            Action::Goto(p) => s.progress.position = flow::resolve(&s.def, s.progress.record.kind, p),
            Action::Next => {
                s.progress.position = flow::next(
                    &s.def,
                    s.progress.record.kind,
                    &s.progress.record.answers,
                    &s.progress.position,
                )
            }
            Action::Back => {
                s.progress.position = flow::back(
                    &s.def,
                    s.progress.record.kind,
                    &s.progress.record.answers,
                    &s.progress.position,
                )
            }
            Action::Answer { question, answer, now } => {
                let r = &mut s.progress.record;
                let changed = match answer {
                    Some(a) => r.answers.insert(question, a.clone()).as_ref() != Some(&a),
                    None => r.answers.remove(&question).is_some(),
                };
                if !changed {
                    return self;
                }
                r.updated_at = time::format_rfc3339(now);
            }
            Action::Exported => s.progress.exported_at = Some(s.progress.record.updated_at.clone()),
            Action::StartOver { respondent, now } => {
                let old = &s.progress.record;
                let fresh = Record::new(&s.def, &old.event, old.table, &respondent, &old.language, now)
                    .with_kind(old.kind);
                s.progress = ParticipantState::new(s.def.clone(), None, fresh).progress;
                s.notes.clear();
            }
            Action::ImportBallots { worksheet, text } => {
                let r = &s.progress.record;
                let (event, table) = (r.event.clone(), r.table);
                let members = s.progress.members.entry(worksheet.clone()).or_default();
                s.ballots_report = Some(ballots::import(&s.def, &worksheet, &event, table, &text, members));
            }
            Action::IncludeMember { worksheet, respondent, included } => {
                if let Some(m) = s
                    .progress
                    .members
                    .get_mut(&worksheet)
                    .and_then(|ms| ms.iter_mut().find(|m| m.respondent == respondent))
                {
                    m.included = included;
                }
            }
            Action::Language(l) => s.progress.record.language = l,
            Action::DismissNotes => s.notes.clear(),
        }
        Rc::new(s)
    }
}
