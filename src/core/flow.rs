//! Moving through the day: which questions are shown, where "next" and "back" lead, and how far
//! along a participant is.
//!
//! Positions name sessions and questions by id, not by index, so a saved position still means
//! the same place after a definition is edited (and falls back to the overview if its question
//! is gone). Hidden questions (a `show_if` that does not hold) are stepped over.

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::definition::{Definition, Question, RecordKind, Session};
use super::text::{QuestionId, SessionId};

/// A place in the participant's app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Welcome and consent.
    Welcome,
    /// The list of sessions, with progress.
    Overview,
    /// A session's title and introduction.
    SessionStart { session: SessionId },
    /// One question.
    Question { session: SessionId, question: QuestionId },
    /// The end of a session: hand over now or go on.
    SessionEnd { session: SessionId },
    /// Hand over all answers (file, code, QR).
    Handover,
}

/// Is the question shown, given the answers so far?
pub fn is_visible(q: &Question, answers: &Answers) -> bool {
    q.show_if.as_ref().is_none_or(|c| c.holds(answers))
}

/// The answers to shown questions only, as exported. Conditions are evaluated on the answers
/// kept so far, so a follow-up of a hidden follow-up is hidden too.
pub fn visible_answers(def: &Definition, kind: RecordKind, answers: &Answers) -> Answers {
    let mut kept = Answers::new();
    for (_, q) in def.items(kind) {
        if let Some(a) = answers.get(&q.id)
            && is_visible(q, &kept)
        {
            kept.insert(q.id.clone(), a.clone());
        }
    }
    kept
}

/// The questions of a session that are shown now, in order.
pub fn visible_questions<'a>(session: &'a Session, kind: RecordKind, answers: &Answers) -> Vec<&'a Question> {
    session.items(kind).iter().filter(|q| is_visible(q, answers)).collect()
}

/// Where "next" leads from `pos`.
pub fn next(def: &Definition, kind: RecordKind, answers: &Answers, pos: &Position) -> Position {
    match pos {
        Position::Welcome => Position::Overview,
        Position::Overview | Position::Handover => Position::Overview,
        Position::SessionStart { session } => match def.session(session) {
            Some(s) => match visible_questions(s, kind, answers).first() {
                Some(q) => Position::Question { session: s.id.clone(), question: q.id.clone() },
                None => Position::SessionEnd { session: s.id.clone() },
            },
            None => Position::Overview,
        },
        Position::Question { session, question } => {
            let Some(s) = def.session(session) else { return Position::Overview };
            let Some(i) = s.items(kind).iter().position(|q| &q.id == question) else {
                return Position::Overview;
            };
            match s.items(kind)[i + 1..].iter().find(|q| is_visible(q, answers)) {
                Some(q) => Position::Question { session: s.id.clone(), question: q.id.clone() },
                None => Position::SessionEnd { session: s.id.clone() },
            }
        }
        Position::SessionEnd { session } => {
            let i = def.sessions.iter().position(|s| &s.id == session);
            match i.and_then(|i| def.sessions.get(i + 1)) {
                Some(s) => Position::SessionStart { session: s.id.clone() },
                None => Position::Handover,
            }
        }
    }
}

/// Where "back" leads from `pos`.
pub fn back(def: &Definition, kind: RecordKind, answers: &Answers, pos: &Position) -> Position {
    match pos {
        Position::Welcome | Position::Overview => Position::Welcome,
        Position::Handover | Position::SessionStart { .. } => Position::Overview,
        Position::Question { session, question } => {
            let Some(s) = def.session(session) else { return Position::Overview };
            let i = s.items(kind).iter().position(|q| &q.id == question).unwrap_or(0);
            match s.items(kind)[..i].iter().rev().find(|q| is_visible(q, answers)) {
                Some(q) => Position::Question { session: s.id.clone(), question: q.id.clone() },
                None => Position::SessionStart { session: s.id.clone() },
            }
        }
        Position::SessionEnd { session } => {
            let Some(s) = def.session(session) else { return Position::Overview };
            match visible_questions(s, kind, answers).last() {
                Some(q) => Position::Question { session: s.id.clone(), question: q.id.clone() },
                None => Position::SessionStart { session: s.id.clone() },
            }
        }
    }
}

/// `pos` if it still names a place in `def`, else the overview.
pub fn resolve(def: &Definition, kind: RecordKind, pos: Position) -> Position {
    let ok = match &pos {
        Position::SessionStart { session } | Position::SessionEnd { session } => {
            def.session(session).is_some()
        }
        Position::Question { session, question } => {
            def.session(session).is_some_and(|s| s.items(kind).iter().any(|q| &q.id == question))
        }
        _ => true,
    };
    if ok { pos } else { Position::Overview }
}

/// (1-based number of the question among the shown ones, how many are shown) in its session.
pub fn step_of(
    def: &Definition,
    kind: RecordKind,
    answers: &Answers,
    session: &SessionId,
    question: &QuestionId,
) -> (usize, usize) {
    let Some(s) = def.session(session) else { return (0, 0) };
    let shown = visible_questions(s, kind, answers);
    let i = shown.iter().position(|q| &q.id == question).map_or(0, |i| i + 1);
    (i, shown.len())
}

/// (answered, shown) questions of a session.
pub fn session_progress(session: &Session, kind: RecordKind, answers: &Answers) -> (usize, usize) {
    let shown = visible_questions(session, kind, answers);
    let answered = shown.iter().filter(|q| answers.contains_key(&q.id)).count();
    (answered, shown.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::Answer;
    use crate::core::parse::parse_definition;

    const P: RecordKind = RecordKind::Participant;

    const DEF: &str = r#"{
      "format": "dialogue-kit/questionnaire", "format_version": 1, "id": "t", "version": "1",
      "title": {"en": "T"}, "languages": ["en"],
      "sessions": [
        {"id": "s1", "title": {"en": "One"}, "questions": [
          {"id": "a", "kind": "yes_no", "text": {"en": "A?"}},
          {"id": "b", "kind": "text", "max_length": 10, "text": {"en": "B?"},
           "show_if": {"question": "a", "is": ["yes"]}},
          {"id": "c", "kind": "text", "max_length": 10, "text": {"en": "C?"},
           "show_if": {"question": "b", "answered": true}},
          {"id": "d", "kind": "numeric", "max": 3, "min_label": {"en": "lo"}, "max_label": {"en": "hi"},
           "text": {"en": "D?"}}
        ]},
        {"id": "s2", "title": {"en": "Two"}, "questions": []}
      ]}"#;

    fn q(s: &str, q: &str) -> Position {
        Position::Question { session: s.into(), question: q.into() }
    }

    #[test]
    fn steps_over_hidden_questions() {
        let def = parse_definition(DEF).unwrap();
        let mut answers = Answers::new();
        assert_eq!(next(&def, P, &answers, &q("s1", "a")), q("s1", "d"));
        assert_eq!(back(&def, P, &answers, &q("s1", "d")), q("s1", "a"));
        answers.insert("a".into(), Answer::Option("yes".into()));
        assert_eq!(next(&def, P, &answers, &q("s1", "a")), q("s1", "b"));
        assert_eq!(step_of(&def, P, &answers, &"s1".into(), &"d".into()), (3, 3));
        assert_eq!(next(&def, P, &answers, &q("s1", "d")), Position::SessionEnd { session: "s1".into() });
        let s2 = Position::SessionStart { session: "s2".into() };
        assert_eq!(next(&def, P, &answers, &Position::SessionEnd { session: "s1".into() }), s2);
        // A session without questions goes straight to its end.
        assert_eq!(next(&def, P, &answers, &s2), Position::SessionEnd { session: "s2".into() });
        assert_eq!(
            next(&def, P, &answers, &Position::SessionEnd { session: "s2".into() }),
            Position::Handover
        );
    }

    #[test]
    fn hidden_answers_are_not_exported() {
        let def = parse_definition(DEF).unwrap();
        let mut answers = Answers::new();
        answers.insert("a".into(), Answer::Option("yes".into()));
        answers.insert("b".into(), Answer::Text("x".into()));
        answers.insert("c".into(), Answer::Text("y".into()));
        assert_eq!(visible_answers(&def, P, &answers).len(), 3);
        answers.insert("a".into(), Answer::Option("no".into()));
        let kept = visible_answers(&def, P, &answers);
        assert_eq!(kept.keys().map(|k| k.as_str()).collect::<Vec<_>>(), vec!["a"]);
    }

    #[test]
    fn stale_positions_fall_back() {
        let def = parse_definition(DEF).unwrap();
        assert_eq!(resolve(&def, P, q("s1", "gone")), Position::Overview);
        assert_eq!(resolve(&def, P, q("s1", "a")), q("s1", "a"));
    }
}
