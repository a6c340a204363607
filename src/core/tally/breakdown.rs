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

use super::{Tally, participants, tally_question, valid_answer};
use crate::core::answers::Answer;
use crate::core::countries::{self, COUNTRIES, RegionalGroup};
use crate::core::definition::{Definition, Kind, Question};
use crate::core::record::Record;
use crate::core::text::QuestionId;

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
    let (order, keys) = grouping(def, by, &records)?;
    let mut groups: Vec<Group> = order
        .iter()
        .map(|value| {
            let members: Vec<&Record> = records
                .iter()
                .zip(&keys)
                .filter(|(_, k)| k.as_ref() == Some(value))
                .map(|(r, _)| *r)
                .collect();
            group(Some(value.clone()), &members, q)
        })
        .collect();
    let missing: Vec<&Record> =
        records.iter().zip(&keys).filter(|(_, k)| k.is_none()).map(|(r, _)| *r).collect();
    if !missing.is_empty() {
        groups.push(group(None, &missing, q));
    }
    Ok(Breakdown { by: by.to_string(), question: question.clone(), groups })
}

fn group(value: Option<String>, members: &[&Record], q: &Question) -> Group {
    Group { value, respondents: members.len() as u64, tally: tally_question(q, members) }
}

/// The groups' values in order, and each record's value.
type Grouping = (Vec<String>, Vec<Option<String>>);

fn grouping(def: &Definition, by: &str, records: &[&Record]) -> Result<Grouping, String> {
    match by {
        EVENT => {
            let keys: Vec<Option<String>> = records.iter().map(|r| Some(r.event.clone())).collect();
            let order: BTreeSet<String> = keys.iter().flatten().cloned().collect();
            Ok((order.into_iter().collect(), keys))
        }
        TABLE => {
            let order: BTreeSet<u32> = records.iter().map(|r| r.table).collect();
            let keys = records.iter().map(|r| Some(r.table.to_string())).collect();
            Ok((order.iter().map(u32::to_string).collect(), keys))
        }
        REGIONAL_GROUP => {
            let q = def
                .questions()
                .map(|(_, q)| q)
                .find(|q| matches!(q.kind, Kind::Country))
                .ok_or_else(|| format!("'{by}' needs a country question; {} has none", def.id))?;
            let keys = records
                .iter()
                .map(|r| match valid_answer(q, r) {
                    Some(Answer::Country(code)) => countries::group_of(code).map(|g| g.id().to_string()),
                    _ => None,
                })
                .collect();
            Ok((RegionalGroup::ALL.iter().map(|g| g.id().to_string()).collect(), keys))
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
            profile_grouping(q, records)
        }
    }
}

fn profile_grouping(q: &Question, records: &[&Record]) -> Result<Grouping, String> {
    let keys: Vec<Option<String>> = records
        .iter()
        .map(|r| match valid_answer(q, r) {
            Some(Answer::Option(o)) => Some(o.to_string()),
            Some(Answer::NoClearOpinion) => Some(NO_CLEAR_OPINION.to_string()),
            Some(Answer::Country(code)) => Some(code.clone()),
            _ => None,
        })
        .collect();
    let order = match &q.kind {
        Kind::SingleChoice { .. } | Kind::YesNo { .. } | Kind::Scale { .. } => {
            let mut order: Vec<String> = q.kind.option_ids().iter().map(ToString::to_string).collect();
            if q.kind.offers_no_clear_opinion() {
                order.push(NO_CLEAR_OPINION.to_string());
            }
            order
        }
        Kind::Country => COUNTRIES
            .iter()
            .filter(|c| keys.iter().any(|k| k.as_deref() == Some(c.code)))
            .map(|c| c.code.to_string())
            .collect(),
        kind => {
            return Err(format!(
                "cannot break down by '{}': a {} question does not put each respondent in one group",
                q.id,
                kind.name()
            ));
        }
    };
    Ok((order, keys))
}
