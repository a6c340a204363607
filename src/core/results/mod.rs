//! Results: everything the day's records say, as one deterministic value that becomes
//! `results.json` (format described in `docs/results-format.md`, schema in
//! `docs/results.schema.json`).
//!
//! [`results`] takes a definition, the records (one per respondent, as
//! [`crate::core::dataset::Dataset::entries`] gives them) and a [`Filter`], and computes in one
//! walk over the participant records: every participant question's tally, the breakdown of
//! each by UN regional group, and every before / after pair the day declares with `repeats`.
//! The table records give each worksheet's result: for orderings, the share of groups placing
//! each option first, mean ranks and the Kemeny consensus ([`tables`]). [`breakdown_any`] and
//! [`breakdown_all`] split by any other variable on demand.
//!
//! The same records in any order give the same JSON, byte for byte: everything is counted in
//! whole numbers and listed in definition order (events by id).

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::countries::RegionalGroup;
use super::definition::{Definition, Kind, Question, RecordKind};
use super::record::{QuestionnaireRef, Record};
use super::tally::breakdown::{REGIONAL_GROUP, country_group};
use super::tally::{Breakdown, Change, ChangeCounter, Pass, QuestionTally, breakdowns, grouping};
use super::text::QuestionId;
use super::vals::{Layout, Respondent};

mod filter;
pub mod tables;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod schema_check;
#[cfg(test)]
mod tests;

pub use filter::Filtered;
use filter::{Pick, Selector};
pub use tables::{GroupConsensus, GroupRanking, ListTally, WorksheetResult, WorksheetTally};

/// The `format` value that marks a results file.
pub const FORMAT: &str = "dialogue-kit/results";
/// The version of the results format this build writes.
pub const FORMAT_VERSION: u64 = 1;

/// Which records the results are about. Both parts must hold for a record to count.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Only records of this event.
    pub event: Option<String>,
    /// Only participants whose country answer is in this group, and tables all of whose
    /// participants who gave a country are in it (see `docs/results-format.md`).
    pub regional_group: Option<RegionalGroup>,
}

impl Filter {
    /// What the filter keeps, in words ("the event pt-2020 and participants from GRULAC"); ""
    /// when it keeps everything.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(e) = &self.event {
            parts.push(format!("the event {e}"));
        }
        if let Some(g) = self.regional_group {
            parts.push(format!("participants from {}", g.name()));
        }
        parts.join(" and ")
    }
}

/// How many records of an event are counted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventCount {
    pub event: String,
    pub participants: u64,
    pub tables: u64,
}

/// Everything the records say; see `docs/results-format.md`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Results {
    pub format: &'static str,
    pub format_version: u64,
    pub questionnaire: QuestionnaireRef,
    pub filter: Filter,
    /// Participant records counted (after the filter).
    pub participants: u64,
    /// Table records counted (after the filter).
    pub tables: u64,
    /// Records left out because they answer another questionnaire or version.
    pub other_questionnaire: u64,
    /// The events of the records counted, by id.
    pub events: Vec<EventCount>,
    /// Every participant question, in definition order.
    pub questions: Vec<QuestionTally>,
    /// Every participant question broken down by UN regional group.
    pub regional_groups: Vec<Breakdown>,
    /// Every before / after pair (`repeats`), in definition order of the later question.
    pub changes: Vec<Change>,
    /// Every table worksheet, in definition order.
    pub worksheets: Vec<WorksheetResult>,
}

impl Results {
    /// Pretty JSON, the same bytes for the same results.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// The values of the regional-group breakdown: the five groups' ids.
fn group_values() -> Vec<String> {
    RegionalGroup::ALL.iter().map(|g| g.id().to_string()).collect()
}

/// Computes the results of `records` for `def`, keeping what `filter` asks for.
pub fn results(def: &Definition, records: &[Record], filter: &Filter) -> Results {
    results_from(def, records, filter)
}

/// [`results`] over respondents held anywhere: records, or a dataset's packed records
/// (`results_from(&def, dataset.entries().map(|e| &e.packed), &filter)`), without copying them.
pub fn results_from<'r, R: Respondent + 'r>(
    def: &Definition,
    records: impl IntoIterator<Item = &'r R>,
    filter: &Filter,
) -> Results {
    let layout = Layout::of(def, RecordKind::Participant);
    let mut pairs = pairs(def, &layout);
    let groups = RegionalGroup::ALL.len();
    let country = layout.questions().iter().position(|q| matches!(q.kind, Kind::Country));
    let country_at = country.map(|c| layout.region(c).start);
    let mut pass = Pass::new(layout, groups + 1);
    let mut selector = Selector::new(def, filter);
    let mut tables = Vec::new();
    let mut events = Events::default();
    let mut buf = pass.layout().buffer();
    for r in records {
        match selector.pick(r) {
            Pick::Participant => {
                pass.read(r, &mut buf);
                let g = country_at.and_then(|at| country_group(buf[at]));
                if !selector.keep(r, g) {
                    continue;
                }
                pass.count(&buf, g.unwrap_or(groups));
                for (counter, b, a) in &mut pairs {
                    counter.add(&buf[b.clone()], &buf[a.clone()]);
                }
                events.get(r.event()).participants += 1;
            }
            Pick::Table => tables.push(r),
            Pick::Skip => {}
        }
    }
    tables.retain(|r| selector.keeps_table(*r));
    for r in &tables {
        events.get(r.event()).tables += 1;
    }
    let values = group_values();
    let participants = (0..=groups).map(|g| pass.respondents(g)).sum();
    Results {
        format: FORMAT,
        format_version: FORMAT_VERSION,
        questionnaire: QuestionnaireRef {
            id: def.id.clone(),
            version: def.version.clone(),
            hash: def.hash.clone(),
        },
        filter: filter.clone(),
        participants,
        tables: tables.len() as u64,
        other_questionnaire: selector.other_questionnaire,
        events: events.sorted(),
        questions: (0..pass.len()).map(|i| pass.question_tally(i, None)).collect(),
        regional_groups: (0..pass.len())
            .map(|i| Breakdown::from_pass(&pass, i, REGIONAL_GROUP, &values))
            .collect(),
        changes: pairs.iter().map(|(c, _, _)| c.change()).collect(),
        worksheets: tables::worksheets(def, &tables),
    }
}

/// The counts of each event.
#[derive(Default)]
struct Events<'r> {
    counts: Vec<EventCount>,
    /// Each event's place in `counts`.
    places: BTreeMap<&'r str, usize>,
    /// The event of the last record counted, and its place: records mostly come event by event.
    last: Option<(&'r str, usize)>,
}

impl<'r> Events<'r> {
    /// The counts of event `id`, added when new.
    fn get(&mut self, id: &'r str) -> &mut EventCount {
        let place = match self.last {
            Some((last, place)) if last == id => place,
            _ => {
                let next = self.counts.len();
                let place = *self.places.entry(id).or_insert(next);
                if place == next {
                    self.counts.push(EventCount { event: id.to_string(), participants: 0, tables: 0 });
                }
                self.last = Some((id, place));
                place
            }
        };
        &mut self.counts[place]
    }

    /// Every event's counts, by id.
    fn sorted(mut self) -> Vec<EventCount> {
        self.counts.sort_by(|a, b| a.event.cmp(&b.event));
        self.counts
    }
}

/// The before / after pairs of the day: per pair, its counter and the regions of its two
/// questions in a buffer of `layout`.
fn pairs<'q>(
    def: &'q Definition,
    layout: &Layout<'q>,
) -> Vec<(ChangeCounter<'q>, Range<usize>, Range<usize>)> {
    let mut pairs = Vec::new();
    for (before, after) in def.repeated_pairs() {
        if let (Some(b), Some(a)) = (layout.position(before.as_str()), layout.position(after.as_str()))
            && let Ok(counter) = ChangeCounter::new(layout.question(b), layout.question(a))
        {
            pairs.push((counter, layout.region(b), layout.region(a)));
        }
    }
    pairs
}

/// Participant question `question` broken down by `by` over the participants `filter` keeps.
/// `by` is a profile variable (`age_band`, `gender`, `occupation`, `education`, `area`,
/// `country`, or a profile question's id), `regional_group`, `event` or `table`; see
/// [`crate::core::tally::breakdown`] for the groups' order.
pub fn breakdown_any<'r, R: Respondent + 'r>(
    def: &Definition,
    records: impl IntoIterator<Item = &'r R>,
    filter: &Filter,
    by: &str,
    question: &QuestionId,
) -> Result<Breakdown, String> {
    let q = def.question(question).ok_or_else(|| format!("no participant question '{question}'"))?;
    let f = Filtered::new(def, records, filter);
    let g = grouping(def, by, &f.participants)?;
    Ok(breakdowns(def, &g, by, &[q], &f.participants).remove(0))
}

/// Every participant question broken down by `by` (as in [`breakdown_any`]), in one walk.
pub fn breakdown_all<'r, R: Respondent + 'r>(
    def: &Definition,
    records: impl IntoIterator<Item = &'r R>,
    filter: &Filter,
    by: &str,
) -> Result<Vec<Breakdown>, String> {
    let questions: Vec<&Question> = def.questions().map(|(_, q)| q).collect();
    let f = Filtered::new(def, records, filter);
    let g = grouping(def, by, &f.participants)?;
    Ok(breakdowns(def, &g, by, &questions, &f.participants))
}
