//! Breakdowns: one question tallied separately for each group of respondents, the groups made
//! by a profile variable.
//!
//! The variable is a profile question (by id, or by its `profile` name: `age_band`,
//! `country`...), or one of the derived variables [`REGIONAL_GROUP`] (the UN regional group of
//! the answer to the country question), [`EVENT`] or [`TABLE`] (from the record). Groups come in
//! a fixed order: a choice question's options in definition order (every one, even with no
//! respondent, then "no clear opinion" where offered), the five regional groups in
//! [`RegionalGroup::ALL`] order, countries in [`COUNTRIES`] order, events by id, tables by
//! number. Respondents without a value for the variable form a last group whose `value` is
//! `None` (only when there are any). Each cell is a full [`Tally`], so it carries its N and,
//! for scales, grids and numeric questions, the standard deviation of the point index (1..k,
//! no clear opinion excluded) or of the value.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{Pass, Tally, participants};
use crate::core::countries::{COUNTRIES, RegionalGroup};
use crate::core::definition::{Definition, Kind, Question, RecordKind};
use crate::core::record::Record;
use crate::core::text::QuestionId;
use crate::core::vals::{self, Layout, Respondent};

/// The derived variable: the UN regional group of the country answered.
pub const REGIONAL_GROUP: &str = "regional_group";
/// The derived variable: the record's event.
pub const EVENT: &str = "event";
/// The derived variable: the record's table number.
pub const TABLE: &str = "table";
/// The group value of respondents who chose "no clear opinion" on the profile question.
pub const NO_CLEAR_OPINION: &str = "no_clear_opinion";

/// One group of a breakdown.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// The variable's value (option id, regional group id, country code, event, table
    /// number); `None` for respondents without one.
    pub value: Option<String>,
    /// Participant records in the group.
    pub respondents: u64,
    pub tally: Tally,
}

/// A question tallied per group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Breakdown {
    /// The variable, as asked for.
    pub by: String,
    pub question: QuestionId,
    pub groups: Vec<Group>,
}

/// Tallies participant question `question` separately for each group of `by`.
pub fn breakdown(
    def: &Definition,
    records: &[Record],
    by: &str,
    question: &QuestionId,
) -> Result<Breakdown, String> {
    let q = def.question(question).ok_or_else(|| format!("no participant question '{question}'"))?;
    let records = participants(records);
    let g = grouping(def, by, &records)?;
    Ok(breakdowns(def, &g, by, &[q], &records).remove(0))
}

/// The groups of a breakdown: their values in order, and each record's group (an index in
/// `values`; `None` for records without a value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grouping {
    pub values: Vec<String>,
    pub keys: Vec<Option<usize>>,
}

/// Tallies each of `questions` (participant questions of `def`) separately for each group of
/// `grouping` (made for `records` by [`grouping`]), in one walk over the records.
pub fn breakdowns<R: Respondent>(
    def: &Definition,
    grouping: &Grouping,
    by: &str,
    questions: &[&Question],
    records: &[&R],
) -> Vec<Breakdown> {
    let missing = grouping.values.len();
    let layout = Layout::of(def, RecordKind::Participant);
    let counted: Vec<usize> = questions.iter().filter_map(|q| layout.position(q.id.as_str())).collect();
    let mut pass = Pass::counting(layout, &counted, missing + 1);
    let mut buf = pass.layout().buffer();
    for (r, key) in records.iter().zip(&grouping.keys) {
        pass.add(r, key.unwrap_or(missing), &mut buf);
    }
    (0..pass.len()).map(|i| Breakdown::from_pass(&pass, i, by, &grouping.values)).collect()
}

impl Breakdown {
    /// Question `i` of a pass whose groups are `values` and then, as the last group, the
    /// records without a value (listed only when there are any).
    pub fn from_pass(pass: &Pass, i: usize, by: &str, values: &[String]) -> Breakdown {
        let missing = values.len();
        let with_missing = pass.respondents(missing) > 0;
        Breakdown {
            by: by.to_string(),
            question: pass.question(i).id.clone(),
            groups: values
                .iter()
                .map(|v| Some(v.clone()))
                .chain(with_missing.then_some(None))
                .enumerate()
                .map(|(g, value)| Group {
                    value,
                    respondents: pass.respondents(g),
                    tally: pass.tally(i, Some(g)),
                })
                .collect(),
        }
    }
}

/// The groups `by` makes of `records` (participant records).
pub fn grouping<R: Respondent>(def: &Definition, by: &str, records: &[&R]) -> Result<Grouping, String> {
    match by {
        EVENT => {
            let values: Vec<String> = records
                .iter()
                .map(|r| r.event())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .map(String::from)
                .collect();
            let keys =
                records.iter().map(|r| values.binary_search_by(|v| v.as_str().cmp(r.event())).ok()).collect();
            Ok(Grouping { values, keys })
        }
        TABLE => {
            let tables: Vec<u32> =
                records.iter().map(|r| r.table()).collect::<BTreeSet<_>>().into_iter().collect();
            let keys = records.iter().map(|r| tables.binary_search(&r.table()).ok()).collect();
            Ok(Grouping { values: tables.iter().map(u32::to_string).collect(), keys })
        }
        REGIONAL_GROUP => {
            let q = country_question(def)
                .ok_or_else(|| format!("'{by}' needs a country question; {} has none", def.id))?;
            let keys = values_of(def, q, records).into_iter().map(country_group).collect();
            Ok(Grouping { values: RegionalGroup::ALL.iter().map(|g| g.id().to_string()).collect(), keys })
        }
        _ => {
            let q = def
                .questions()
                .map(|(_, q)| q)
                .filter(|q| q.profile.is_some())
                .find(|q| q.id.as_str() == by || q.profile.as_deref() == Some(by))
                .ok_or_else(|| {
                    format!(
                        "'{by}' is neither a profile question nor one of {REGIONAL_GROUP}, {EVENT}, {TABLE}"
                    )
                })?;
            profile_grouping(def, q, records)
        }
    }
}

/// Each record's value for one-value question `q` (its [`crate::core::vals`] value: 0 missing).
fn values_of<R: Respondent>(def: &Definition, q: &Question, records: &[&R]) -> Vec<u32> {
    let layout = Layout::of(def, RecordKind::Participant);
    let Some(i) = layout.position(q.id.as_str()) else { return vec![0; records.len()] };
    let at = layout.region(i).start;
    let mut buf = layout.buffer();
    records
        .iter()
        .map(|r| {
            r.read(&layout, &mut buf);
            buf[at]
        })
        .collect()
}

/// The position in [`RegionalGroup::ALL`] of the group of a country value (0: none).
pub fn country_group(v: u32) -> Option<usize> {
    let group = COUNTRIES[vals::country(v)?].group;
    RegionalGroup::ALL.iter().position(|g| *g == group)
}

/// The day's country question, if it has one.
pub fn country_question(def: &Definition) -> Option<&Question> {
    def.questions().map(|(_, q)| q).find(|q| matches!(q.kind, Kind::Country))
}

fn profile_grouping<R: Respondent>(
    def: &Definition,
    q: &Question,
    records: &[&R],
) -> Result<Grouping, String> {
    match &q.kind {
        Kind::SingleChoice { .. } | Kind::YesNo { .. } | Kind::Scale { .. } => {
            let mut values: Vec<String> = q.kind.option_ids().iter().map(ToString::to_string).collect();
            if q.kind.offers_no_clear_opinion() {
                values.push(NO_CLEAR_OPINION.to_string());
            }
            // Value v > 0 is the (v - 1)-th option, or no clear opinion after them.
            let keys = values_of(def, q, records).into_iter().map(|v| (v as usize).checked_sub(1)).collect();
            Ok(Grouping { values, keys })
        }
        Kind::Country => {
            let index: Vec<Option<usize>> =
                values_of(def, q, records).into_iter().map(vals::country).collect();
            let mut present = vec![false; COUNTRIES.len()];
            index.iter().flatten().for_each(|&i| present[i] = true);
            // Group number of each country present, in the UN list's order.
            let mut number = vec![0; COUNTRIES.len()];
            let mut values = Vec::new();
            for (i, c) in COUNTRIES.iter().enumerate().filter(|(i, _)| present[*i]) {
                number[i] = values.len();
                values.push(c.code.to_string());
            }
            Ok(Grouping { values, keys: index.iter().map(|i| i.map(|i| number[i])).collect() })
        }
        kind => Err(format!(
            "cannot break down by '{}': a {} question does not put each respondent in one group",
            q.id,
            kind.name()
        )),
    }
}
