//! The questionnaire model: a day of sessions, each with the questions a participant answers
//! and (later) the worksheets a table fills.
//!
//! These types are what the rest of the program works with once a definition file has been
//! read and checked by [`crate::core::parse`]; they hold no invalid state (every condition
//! points to an earlier question, every id is unique). The file format is documented in
//! `docs/definition-format.md`.

use serde::Serialize;

use super::condition::Condition;
use super::text::{ItemId, OptionId, QuestionId, SessionId, Text};

/// The `format` value that marks a definition file.
pub const FORMAT: &str = "dialogue-kit/questionnaire";
/// The newest definition format version this build reads.
pub const FORMAT_VERSION: u64 = 1;

/// A whole deliberation day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Definition {
    pub id: String,
    pub version: String,
    /// `sha256:` and the hex digest of the canonical JSON; see [`crate::core::hash`].
    pub hash: String,
    pub title: Text,
    pub description: Option<Text>,
    pub languages: Vec<String>,
    pub sessions: Vec<Session>,
}

/// One session: a video, a discussion, a group choice, then an individual questionnaire.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Session {
    pub id: SessionId,
    pub title: Text,
    pub intro: Option<Text>,
    /// The individual questionnaire, in order.
    pub questions: Vec<Question>,
    /// The table's group work, in order (filled by the table app).
    pub worksheets: Vec<Question>,
}

/// One question, of any kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Question {
    pub id: QuestionId,
    pub text: Text,
    pub help: Option<Text>,
    pub kind: Kind,
    pub show_if: Option<Condition>,
    /// The profile variable this question gives (`age_band`, `country`...), for breakdowns.
    pub profile: Option<String>,
}

/// An option, a grid item or a scale point: an id and what a person reads.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Choice<Id> {
    pub id: Id,
    pub label: Text,
    pub hint: Option<Text>,
}

/// Labelled points in display order, and an optional "no clear opinion" kept apart from them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scale {
    pub points: Vec<Choice<OptionId>>,
    pub no_clear_opinion: Option<Text>,
}

/// What kind of answer a question takes, with what that kind needs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Kind {
    SingleChoice { options: Vec<Choice<OptionId>>, no_clear_opinion: Option<Text> },
    MultipleChoice { options: Vec<Choice<OptionId>>, max: Option<u32> },
    Scale { scale: Scale },
    Grid { items: Vec<Choice<ItemId>>, scale: Scale },
    Numeric { max: u32, min_label: Text, max_label: Text },
    YesNo { no_clear_opinion: Option<Text> },
    Text { max_length: u32 },
    Ordering { options: Vec<Choice<OptionId>>, top: Option<u32> },
    Country,
}

/// The option ids of a yes / no question.
pub const YES: &str = "yes";
/// See [`YES`].
pub const NO: &str = "no";

impl Kind {
    /// The name used in definition files (`single_choice`...).
    pub fn name(&self) -> &'static str {
        match self {
            Kind::SingleChoice { .. } => "single_choice",
            Kind::MultipleChoice { .. } => "multiple_choice",
            Kind::Scale { .. } => "scale",
            Kind::Grid { .. } => "grid",
            Kind::Numeric { .. } => "numeric",
            Kind::YesNo { .. } => "yes_no",
            Kind::Text { .. } => "text",
            Kind::Ordering { .. } => "ordering",
            Kind::Country => "country",
        }
    }

    /// The ids a one-option answer may take (single choice, scale, yes / no); empty otherwise.
    pub fn option_ids(&self) -> Vec<OptionId> {
        match self {
            Kind::SingleChoice { options, .. }
            | Kind::MultipleChoice { options, .. }
            | Kind::Ordering { options, .. } => options.iter().map(|o| o.id.clone()).collect(),
            Kind::Scale { scale } => scale.points.iter().map(|o| o.id.clone()).collect(),
            Kind::YesNo { .. } => vec![OptionId::from(YES), OptionId::from(NO)],
            _ => Vec::new(),
        }
    }

    /// Does this question offer "no clear opinion" as an answer?
    pub fn offers_no_clear_opinion(&self) -> bool {
        match self {
            Kind::SingleChoice { no_clear_opinion, .. } | Kind::YesNo { no_clear_opinion } => {
                no_clear_opinion.is_some()
            }
            Kind::Scale { scale } | Kind::Grid { scale, .. } => scale.no_clear_opinion.is_some(),
            _ => false,
        }
    }
}

impl Definition {
    /// Every participant question of the day, in order, with its session.
    pub fn questions(&self) -> impl Iterator<Item = (&Session, &Question)> {
        self.sessions.iter().flat_map(|s| s.questions.iter().map(move |q| (s, q)))
    }

    /// The participant question with this id.
    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| &q.id == id)
    }

    /// The session with this id.
    pub fn session(&self, id: &SessionId) -> Option<&Session> {
        self.sessions.iter().find(|s| &s.id == id)
    }

    /// The first 4 bytes of the content hash: what a share code carries to name its definition.
    pub fn fingerprint(&self) -> [u8; 4] {
        super::hash::fingerprint(&self.hash)
    }
}
