//! The questionnaire model: a day of sessions, each with the questions a participant answers
//! and (later) the worksheets a table fills.
//!
//! These types are what the rest of the program works with once a definition file has been
//! read and checked by [`crate::core::parse`]; they hold no invalid state (every condition
//! points to an earlier question, every id is unique). The file format is documented in
//! `docs/definition-format.md`.

use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::text::{ItemId, OptionId, QuestionId, SessionId, Text};

/// The `format` value that marks a definition file.
pub const FORMAT: &str = "dialogue-kit/questionnaire";
/// The newest definition format version this build reads.
pub const FORMAT_VERSION: u64 = 1;

/// Who answers: a participant (the `questions`) or a table (the `worksheets`).
/// Ordered as listed: participants' records come before tables' wherever records are sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// One participant's individual answers.
    Participant,
    /// A table's group worksheets.
    Table,
}

impl RecordKind {
    /// The kind as record files write it: `participant` or `table`.
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Participant => "participant",
            RecordKind::Table => "table",
        }
    }
}

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

impl Session {
    /// The session's questions (participant) or worksheets (table).
    pub fn items(&self, kind: RecordKind) -> &[Question] {
        match kind {
            RecordKind::Participant => &self.questions,
            RecordKind::Table => &self.worksheets,
        }
    }
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
    /// For a participant's ordering: the table worksheet this order is a ballot for. The table
    /// app gathers its members' ballots and shows their consensus.
    pub ballot_for: Option<QuestionId>,
    /// For a participant's grid: the earlier participant grid (same items, same scale) whose
    /// items this one asks again later in the day, so that results pair the two per respondent
    /// (before / after).
    pub repeats: Option<QuestionId>,
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
    SingleChoice {
        options: Vec<Choice<OptionId>>,
        no_clear_opinion: Option<Text>,
    },
    MultipleChoice {
        options: Vec<Choice<OptionId>>,
        max: Option<u32>,
    },
    Scale {
        scale: Scale,
    },
    Grid {
        items: Vec<Choice<ItemId>>,
        scale: Scale,
    },
    Numeric {
        max: u32,
        min_label: Text,
        max_label: Text,
    },
    YesNo {
        no_clear_opinion: Option<Text>,
    },
    Text {
        max_length: u32,
    },
    Ordering {
        options: Vec<Choice<OptionId>>,
        top: Option<u32>,
    },
    Country,
    /// A short list of free-text entries (a table's hopes, fears, must-haves).
    List {
        max_items: u32,
        max_length: u32,
    },
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
            Kind::List { .. } => "list",
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

    /// How many options [`Kind::option_ids`] would list, without listing them.
    pub fn option_count(&self) -> usize {
        match self {
            Kind::SingleChoice { options, .. }
            | Kind::MultipleChoice { options, .. }
            | Kind::Ordering { options, .. } => options.len(),
            Kind::Scale { scale } => scale.points.len(),
            Kind::YesNo { .. } => 2,
            _ => 0,
        }
    }

    /// The `i`th of [`Kind::option_ids`], without listing the others.
    pub fn option_at(&self, i: usize) -> Option<OptionId> {
        match self {
            Kind::SingleChoice { options, .. }
            | Kind::MultipleChoice { options, .. }
            | Kind::Ordering { options, .. } => options.get(i).map(|o| o.id.clone()),
            Kind::Scale { scale } => scale.points.get(i).map(|o| o.id.clone()),
            Kind::YesNo { .. } => [YES, NO].get(i).map(|&s| OptionId::from(s)),
            _ => None,
        }
    }

    /// Where `id` is in [`Kind::option_ids`], without listing them.
    pub fn option_index(&self, id: &OptionId) -> Option<usize> {
        match self {
            Kind::SingleChoice { options, .. }
            | Kind::MultipleChoice { options, .. }
            | Kind::Ordering { options, .. } => options.iter().position(|o| &o.id == id),
            Kind::Scale { scale } => scale.points.iter().position(|o| &o.id == id),
            Kind::YesNo { .. } => [YES, NO].iter().position(|&s| id.as_str() == s),
            _ => None,
        }
    }

    /// Whether `id` is one of [`Kind::option_ids`].
    pub fn has_option(&self, id: &OptionId) -> bool {
        self.option_index(id).is_some()
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
        self.items(RecordKind::Participant)
    }

    /// The questions (participant) or worksheets (table) of the day, in order, with their session.
    pub fn items(&self, kind: RecordKind) -> impl Iterator<Item = (&Session, &Question)> {
        self.sessions.iter().flat_map(move |s| s.items(kind).iter().map(move |q| (s, q)))
    }

    /// The question (participant) or worksheet (table) with this id.
    pub fn item(&self, kind: RecordKind, id: &QuestionId) -> Option<&Question> {
        self.items(kind).map(|(_, q)| q).find(|q| &q.id == id)
    }

    /// The participant question with this id.
    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.item(RecordKind::Participant, id)
    }

    /// The table worksheet with this id.
    pub fn worksheet(&self, id: &QuestionId) -> Option<&Question> {
        self.item(RecordKind::Table, id)
    }

    /// The participant questions whose answers are ballots for `worksheet`.
    pub fn ballots_for<'a>(&'a self, worksheet: &'a QuestionId) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions().map(|(_, q)| q).filter(move |q| q.ballot_for.as_ref() == Some(worksheet))
    }

    /// The before / after pairs the day declares: `(earlier, later)` for every participant
    /// question with `repeats`, in definition order.
    pub fn repeated_pairs(&self) -> impl Iterator<Item = (&QuestionId, &QuestionId)> {
        self.questions().filter_map(|(_, q)| q.repeats.as_ref().map(|earlier| (earlier, &q.id)))
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
