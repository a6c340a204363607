//! Results: what the participants' answers say together, question by question.
//!
//! [`tally`] counts every participant question of a day over a set of records (already
//! deduplicated: one record per respondent). The rules, the same for every kind:
//!
//! - **N** (`n`) is the number of respondents who answered: a record with no answer to the
//!   question is *missing* and counted nowhere. An answer that does not fit its question
//!   ([`crate::core::answers::check`]) is treated as missing too.
//! - Percentages are `100 * count / N`; with N = 0 they are `None` (`null`), never NaN.
//! - **No clear opinion** is reported on its own (count and share of N), never among the
//!   options or scale points, and is left out of every mean, median and standard deviation.
//! - Scales and grid items also summarise the **point index** (1 for the first point .. k for
//!   the last) of the answers that chose a point, and, when every point id is a whole number
//!   (the 0-8 importance scale), the **numbers** themselves; numeric questions summarise their
//!   values. Standard deviations are sample ones (n - 1), see [`stats::Summary`].
//! - Texts and lists are not tallied: only their N.
//!
//! Everything is in definition order (`Vec`s) and computed from integer counts, so that the JSON
//! of a result is byte-identical for the same records in any order.
//! [`breakdown`] splits the records by a profile variable; [`change`] pairs a before and an
//! after grid. [`Pass`] tallies many questions over groups of records in one walk over each
//! record's answers, rather than one walk per question and group.

use serde::Serialize;

use super::answers::{self, Answer};
use super::countries::RegionalGroup;
use super::definition::{Definition, Question, RecordKind};
use super::record::Record;
use super::text::{ItemId, OptionId, QuestionId};
use super::vals::Layout;

pub mod breakdown;
pub mod change;
mod counter;
pub(crate) mod lookup;
pub mod orders;
mod pass;
pub mod stats;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use breakdown::{Breakdown, Group, Grouping, breakdown, breakdowns, grouping};
pub use change::{Change, ChangeCounter, ItemChange, change};
pub use pass::Pass;
pub use stats::{Summary, percent};

/// A count and its percentage of a base.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Share {
    pub count: u64,
    pub percent: Option<f64>,
}

impl Share {
    /// `count` out of `base`.
    pub fn of(count: u64, base: u64) -> Share {
        Share { count, percent: percent(count, base) }
    }
}

/// How many chose an option (or scale point), and their percentage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionCount {
    pub id: OptionId,
    pub count: u64,
    pub percent: Option<f64>,
}

/// A single choice, scale, yes / no question, or one grid item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChoiceTally {
    /// Respondents who answered (no clear opinion included).
    pub n: u64,
    /// Every option or scale point in definition order; percentages are of `n`.
    pub options: Vec<OptionCount>,
    /// "No clear opinion", as a share of `n`; `None` when the question does not offer it.
    pub no_clear_opinion: Option<Share>,
    /// Scales and grid items: the point index (1..k) over the answers that chose a point;
    /// `None` for single choice and yes / no.
    pub points: Option<Summary>,
    /// Scales and grid items whose point ids are all whole numbers (`"0"` .. `"8"`): those
    /// numbers, over the answers that chose a point; `None` otherwise.
    pub numbers: Option<Summary>,
}

/// A multiple choice question: percentages are of respondents (`n`), so they may add up to
/// more than 100.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MultipleTally {
    pub n: u64,
    pub options: Vec<OptionCount>,
}

/// One grid item, with its own N.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemTally {
    pub item: ItemId,
    #[serde(flatten)]
    pub tally: ChoiceTally,
}

/// A grid: each item tallied on its own.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GridTally {
    /// Respondents who answered at least one item.
    pub n: u64,
    pub items: Vec<ItemTally>,
}

/// How many gave a numeric value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ValueCount {
    pub value: u32,
    pub count: u64,
    pub percent: Option<f64>,
}

/// A numeric question: N, mean, median, sample standard deviation and every value 0..=max.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NumericTally {
    #[serde(flatten)]
    pub summary: Summary,
    pub values: Vec<ValueCount>,
}

/// A text (or list) question: only how many answered.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextTally {
    pub n: u64,
}

/// One option of an ordering.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RankedOption {
    pub id: OptionId,
    /// Respondents who placed it first, and their percentage of N.
    pub first: u64,
    pub percent_first: Option<f64>,
    /// Mean position (1 = first). On a top-k order the unranked options share the remaining
    /// positions equally, as in `docs/ranking.md`.
    pub mean_rank: Option<f64>,
}

/// An ordering question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OrderingTally {
    pub n: u64,
    pub options: Vec<RankedOption>,
}

/// How many respondents are from a country.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountryCount {
    /// ISO 3166-1 alpha-3.
    pub code: &'static str,
    pub count: u64,
    pub percent: Option<f64>,
}

/// How many respondents are from a UN regional group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupCount {
    pub group: RegionalGroup,
    pub count: u64,
    pub percent: Option<f64>,
}

/// A country question: the countries answered (in the order of
/// [`crate::core::countries::COUNTRIES`]) and all five regional groups.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountryTally {
    pub n: u64,
    pub countries: Vec<CountryCount>,
    pub groups: Vec<GroupCount>,
}

/// The tally of one question, by the shape of its answers.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tally {
    /// Single choice, scale, yes / no.
    Choice(ChoiceTally),
    Multiple(MultipleTally),
    Grid(GridTally),
    Numeric(NumericTally),
    /// Text and list.
    Text(TextTally),
    Ordering(OrderingTally),
    Country(CountryTally),
}

impl Tally {
    /// Respondents who answered (for a grid: at least one item).
    pub fn n(&self) -> u64 {
        match self {
            Tally::Choice(t) => t.n,
            Tally::Multiple(t) => t.n,
            Tally::Grid(t) => t.n,
            Tally::Numeric(t) => t.summary.n,
            Tally::Text(t) => t.n,
            Tally::Ordering(t) => t.n,
            Tally::Country(t) => t.n,
        }
    }
}

/// One question's tally.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionTally {
    pub question: QuestionId,
    /// The question's kind as in definition files (`single_choice`...).
    pub kind: &'static str,
    pub tally: Tally,
}

/// The tallies of every participant question of a day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tallies {
    pub questionnaire: String,
    pub version: String,
    /// Participant records counted.
    pub respondents: u64,
    pub questions: Vec<QuestionTally>,
}

impl Tallies {
    /// The tally of the question with this id.
    pub fn get(&self, id: &str) -> Option<&Tally> {
        self.questions.iter().find(|q| q.question.as_str() == id).map(|q| &q.tally)
    }
}

/// Tallies every participant question of `def` over the participant records among `records`.
pub fn tally(def: &Definition, records: &[Record]) -> Tallies {
    let mut pass = Pass::new(Layout::of(def, RecordKind::Participant), 1);
    let mut buf = pass.layout().buffer();
    for r in records.iter().filter(|r| r.kind == RecordKind::Participant) {
        pass.add(r, 0, &mut buf);
    }
    Tallies {
        questionnaire: def.id.clone(),
        version: def.version.clone(),
        respondents: pass.respondents(0),
        questions: (0..pass.len()).map(|i| pass.question_tally(i, None)).collect(),
    }
}

/// Tallies one question over `records` (all of them are counted, whatever their kind).
pub fn tally_question(q: &Question, records: &[&Record]) -> Tally {
    let mut pass = Pass::new(Layout::new([q]), 1);
    let mut buf = pass.layout().buffer();
    for r in records {
        pass.add(*r, 0, &mut buf);
    }
    pass.tally(0, None)
}

/// The participant records among `records`.
pub fn participants(records: &[Record]) -> Vec<&Record> {
    records.iter().filter(|r| r.kind == RecordKind::Participant).collect()
}

/// The record's answer to `q`, when it has one that fits the question.
pub fn valid_answer<'a>(q: &Question, r: &'a Record) -> Option<&'a Answer> {
    r.answers.get(&q.id).filter(|a| answers::check(q, a).is_ok())
}
