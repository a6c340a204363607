//! Follow-up conditions: show a question only if an earlier answer is what the condition says.
//!
//! The parser guarantees that a condition only names questions that come earlier in the day,
//! so evaluating one never loops; [`crate::core::flow`] uses [`Condition::holds`] to decide which
//! questions a participant sees and which answers an export keeps.

use serde::Serialize;

use super::answers::{Answer, Answers};
use super::text::{OptionId, QuestionId};

/// The option id a condition may list to mean "answered with no clear opinion".
pub const NO_CLEAR_OPINION: &str = "no_clear_opinion";

/// A condition on earlier answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The question was answered with one of these options.
    Is {
        question: QuestionId,
        any_of: Vec<OptionId>,
    },
    /// The question has an answer (or, with `false`, has none).
    Answered {
        question: QuestionId,
        answered: bool,
    },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Condition {
    /// Does the condition hold for these answers?
    pub fn holds(&self, answers: &Answers) -> bool {
        match self {
            Condition::Is { question, any_of } => match answers.get(question) {
                Some(Answer::Option(o)) => any_of.contains(o),
                Some(Answer::Options(os)) => os.iter().any(|o| any_of.contains(o)),
                Some(Answer::NoClearOpinion) => any_of.iter().any(|o| o.0 == NO_CLEAR_OPINION),
                _ => false,
            },
            Condition::Answered { question, answered } => answers.contains_key(question) == *answered,
            Condition::All(cs) => cs.iter().all(|c| c.holds(answers)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(answers)),
            Condition::Not(c) => !c.holds(answers),
        }
    }

    /// Every question the condition reads.
    pub fn questions(&self) -> Vec<&QuestionId> {
        match self {
            Condition::Is { question, .. } | Condition::Answered { question, .. } => vec![question],
            Condition::All(cs) | Condition::Any(cs) => cs.iter().flat_map(|c| c.questions()).collect(),
            Condition::Not(c) => c.questions(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is(q: &str, os: &[&str]) -> Condition {
        Condition::Is { question: q.into(), any_of: os.iter().map(|o| (*o).into()).collect() }
    }

    #[test]
    fn evaluates() {
        let mut a = Answers::new();
        a.insert("understood".into(), Answer::Option("yes".into()));
        a.insert("how".into(), Answer::Options(vec!["x".into(), "y".into()]));
        a.insert("nco".into(), Answer::NoClearOpinion);
        assert!(is("understood", &["yes"]).holds(&a));
        assert!(!is("understood", &["no"]).holds(&a));
        assert!(is("how", &["y", "z"]).holds(&a));
        assert!(!is("missing", &["yes"]).holds(&a));
        assert!(is("nco", &[NO_CLEAR_OPINION]).holds(&a));
        assert!(!is("nco", &["yes"]).holds(&a));
        let answered = Condition::Answered { question: "missing".into(), answered: false };
        assert!(answered.holds(&a));
        assert!(Condition::All(vec![is("understood", &["yes"]), answered.clone()]).holds(&a));
        assert!(!Condition::All(vec![is("understood", &["no"]), answered.clone()]).holds(&a));
        assert!(Condition::Any(vec![is("understood", &["no"]), answered.clone()]).holds(&a));
        assert!(!Condition::Not(Box::new(answered)).holds(&a));
    }
}
