//! Which records a [`Filter`] keeps, and each participant's regional group.
//!
//! - Records of another questionnaire or version (another content hash) are never counted.
//! - `event`: only records (participant and table) of that event.
//! - `regional_group`: a participant is kept when their answer to the country question names a
//!   country of that group. A table record has no country; it is kept when, among the
//!   participant records of the same event and table, at least one gave a country and every
//!   one who did is from that group. A table of mixed groups (or whose participants gave no
//!   country) is left out of every regional group's results, but counts without the filter.
//!
//! A [`Selector`] decides record by record, so that [`super::results`] reads each record once
//! (a record's answers are scattered in memory: reading them is much of the work): first by
//! what every record says of itself ([`Selector::pick`]), then, for a participant, by the
//! regional group of their answers ([`Selector::keep`]).

use std::collections::HashMap;

use super::Filter;
use crate::core::countries::RegionalGroup;
use crate::core::definition::{Definition, RecordKind};
use crate::core::tally::breakdown::{country_group, country_question};
use crate::core::vals::{Layout, Respondent};

/// What to do with a record.
pub(crate) enum Pick {
    /// A participant of the event wanted: [`Selector::keep`] decides by their regional group.
    Participant,
    /// Set this table record aside; [`Selector::keeps_table`] decides once every participant
    /// has been seen.
    Table,
    Skip,
}

/// A filter applied one record at a time.
pub(crate) struct Selector<'d, 'a> {
    def: &'d Definition,
    event: Option<&'d str>,
    wanted: Option<usize>,
    /// With a regional group wanted: the groups of each (event, table)'s participants, as bits.
    tables: HashMap<(&'a str, u32), u8>,
    pub(crate) other_questionnaire: u64,
}

impl<'d, 'a> Selector<'d, 'a> {
    pub(crate) fn new(def: &'d Definition, filter: &'d Filter) -> Selector<'d, 'a> {
        Selector {
            def,
            event: filter.event.as_deref(),
            wanted: filter.regional_group.and_then(|g| RegionalGroup::ALL.iter().position(|x| *x == g)),
            tables: HashMap::new(),
            other_questionnaire: 0,
        }
    }

    /// What record `r` is, and whether the questionnaire and the event let it count.
    pub(crate) fn pick<R: Respondent>(&mut self, r: &'a R) -> Pick {
        if !r.answers(self.def) {
            self.other_questionnaire += 1;
            return Pick::Skip;
        }
        if self.event.is_some_and(|e| e != r.event()) {
            return Pick::Skip;
        }
        match r.kind() {
            RecordKind::Table => Pick::Table,
            RecordKind::Participant => Pick::Participant,
        }
    }

    /// Whether participant `r` (picked as [`Pick::Participant`]), of regional group `group`
    /// (position in [`RegionalGroup::ALL`]; `None` without a country), counts.
    pub(crate) fn keep<R: Respondent>(&mut self, r: &'a R, group: Option<usize>) -> bool {
        let Some(wanted) = self.wanted else { return true };
        if let Some(g) = group {
            *self.tables.entry((r.event(), r.table())).or_default() |= 1 << g;
        }
        group == Some(wanted)
    }

    /// Whether table record `r` (picked as [`Pick::Table`]) counts, once every participant
    /// record has been picked.
    pub(crate) fn keeps_table<R: Respondent>(&self, r: &R) -> bool {
        match self.wanted {
            None => true,
            Some(w) => self.tables.get(&(r.event(), r.table())).is_some_and(|&bits| bits == 1 << w),
        }
    }
}

/// The records a filter keeps.
pub struct Filtered<'a, R> {
    /// Participant records kept, in the order given.
    pub participants: Vec<&'a R>,
    /// Each kept participant's regional group (position in [`RegionalGroup::ALL`]), if they
    /// gave a country.
    pub groups: Vec<Option<usize>>,
    /// Table records kept, in the order given.
    pub tables: Vec<&'a R>,
    /// Records of another questionnaire or version.
    pub other_questionnaire: u64,
}

impl<'a, R: Respondent> Filtered<'a, R> {
    /// Applies `filter` to `records`.
    pub fn new(
        def: &Definition,
        records: impl IntoIterator<Item = &'a R>,
        filter: &Filter,
    ) -> Filtered<'a, R> {
        let mut s = Selector::new(def, filter);
        let layout = Layout::of(def, RecordKind::Participant);
        let country = country_question(def).and_then(|q| layout.position(q.id.as_str()));
        let at = country.map(|c| layout.region(c).start);
        let mut buf = layout.buffer();
        let (mut participants, mut groups, mut tables) = (Vec::new(), Vec::new(), Vec::new());
        for r in records {
            match s.pick(r) {
                Pick::Participant => {
                    let g = at.and_then(|at| {
                        r.read(&layout, &mut buf);
                        country_group(buf[at])
                    });
                    if s.keep(r, g) {
                        participants.push(r);
                        groups.push(g);
                    }
                }
                Pick::Table => tables.push(r),
                Pick::Skip => {}
            }
        }
        tables.retain(|r| s.keeps_table(*r));
        Filtered { participants, groups, tables, other_questionnaire: s.other_questionnaire }
    }
}
