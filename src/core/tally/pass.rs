//! One walk over the records for many questions and groups at once.
//!
//! A [`Pass`] holds a counter per question and counts per question and group. Each record is
//! read once, each answer's question found through a table of the questions' ids
//! ([`super::lookup::Ids`]). The tally of a question over every group is the sum of the
//! groups' counts. A record's group may depend on its answers (its country's regional group):
//! [`Pass::read`] finds the record's answers once, the caller decides the group from them, and
//! [`Pass::count`] counts them, without reading the record again.

use super::counter::{Counter, Counts};
use super::lookup::Ids;
use super::orders::Orders;
use super::{QuestionTally, Tally};
use crate::core::answers::Answer;
use crate::core::definition::{Kind, Question};
use crate::core::record::Record;

/// Counts of some questions over records split into groups `0..groups`.
pub struct Pass<'q> {
    counters: Vec<Counter<'q>>,
    /// The questions' ids, in the order of `counters`.
    ids: Ids<'q>,
    /// The counts of question `i` in group `g` at `i * groups + g`.
    counts: Vec<Counts>,
    groups: usize,
    respondents: Vec<u64>,
    /// For each question, its slot in the `seen` list of [`Pass::add`], if it is watched.
    watched: Vec<Option<usize>>,
    /// For each ordering question, when asked for: every distinct order taken (options by
    /// index, first to last) and how many gave it, over every group.
    orders: Option<Vec<Orders>>,
}

/// A record's answers to the questions of a pass: (question index, answer), in the record's
/// order. Kept between records to avoid allocating.
pub type Read<'r> = Vec<(usize, &'r Answer)>;

impl<'q> Pass<'q> {
    /// A pass over `questions` (in the order their tallies are asked for) and `groups` groups.
    pub fn new(questions: impl IntoIterator<Item = &'q Question>, groups: usize) -> Pass<'q> {
        let counters: Vec<Counter<'q>> = questions.into_iter().map(Counter::new).collect();
        let ids = Ids::new(counters.iter().map(|c| c.q.id.as_str()));
        let counts = counters.iter().flat_map(|c| vec![c.empty(); groups]).collect();
        let watched = vec![None; counters.len()];
        Pass { counters, ids, counts, groups, respondents: vec![0; groups], watched, orders: None }
    }

    /// Asks [`Pass::add`] to hand back the answers to these questions (by index), in this
    /// order, when they fit.
    pub fn watch(&mut self, questions: &[usize]) {
        for (slot, &q) in questions.iter().enumerate() {
            self.watched[q] = Some(slot);
        }
    }

    /// Also keeps every order given to an ordering question, for [`Pass::orders`].
    pub fn keep_orders(&mut self) {
        self.orders = Some(vec![Orders::default(); self.counters.len()]);
    }

    /// The orders given to question `i` (options by index, first to last) and how many gave
    /// each, when [`Pass::keep_orders`] was asked for and `i` is an ordering.
    pub fn orders(&self, i: usize) -> Option<&Orders> {
        self.orders
            .as_ref()
            .map(|o| &o[i])
            .filter(|_| matches!(self.counters[i].q.kind, Kind::Ordering { .. }))
    }

    /// Counts record `r` in `group`; `seen[slot]` receives its answer to each watched question
    /// when the answer fits (and is left as it was otherwise).
    pub fn add<'r>(&mut self, r: &'r Record, group: usize, seen: &mut [Option<&'r Answer>]) {
        self.respondents[group] += 1;
        for (id, a) in &r.answers {
            if let Some(i) = self.ids.index(id.as_str()) {
                self.take(i, group, a, seen);
            }
        }
    }

    /// Finds `r`'s answers to the questions of the pass (replacing what `read` held).
    pub fn read<'r>(&self, r: &'r Record, read: &mut Read<'r>) {
        read.clear();
        for (id, a) in &r.answers {
            if let Some(i) = self.ids.index(id.as_str()) {
                read.push((i, a));
            }
        }
    }

    /// The answer to question `i` among those `read`.
    pub fn answer<'r>(read: &Read<'r>, i: usize) -> Option<&'r Answer> {
        read.iter().find(|(q, _)| *q == i).map(|(_, a)| *a)
    }

    /// Counts a record's answers, as [`Pass::read`] found them, in `group`; see [`Pass::add`].
    pub fn count<'r>(&mut self, read: &Read<'r>, group: usize, seen: &mut [Option<&'r Answer>]) {
        self.respondents[group] += 1;
        for &(i, a) in read {
            self.take(i, group, a, seen);
        }
    }

    /// Counts answer `a` to question `i` in `group`, when it fits.
    #[inline(always)]
    fn take<'r>(&mut self, i: usize, group: usize, a: &'r Answer, seen: &mut [Option<&'r Answer>]) {
        if !self.counters[i].add(&mut self.counts[i * self.groups + group], a) {
            return;
        }
        if let Some(slot) = self.watched[i] {
            seen[slot] = Some(a);
        }
        if let (Some(orders), Answer::Order(_)) = (&mut self.orders, a) {
            orders[i].add(self.counters[i].last_order());
        }
    }

    /// Records counted in `group`.
    pub fn respondents(&self, group: usize) -> u64 {
        self.respondents[group]
    }

    /// Questions in the pass.
    pub fn len(&self) -> usize {
        self.counters.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counters.is_empty()
    }

    /// The `i`-th question.
    pub fn question(&self, i: usize) -> &'q Question {
        self.counters[i].q
    }

    /// The tally of question `i` in `group`, or over every group (`None`).
    pub fn tally(&self, i: usize, group: Option<usize>) -> Tally {
        let counter = &self.counters[i];
        match group {
            Some(g) => counter.tally(&self.counts[i * self.groups + g]),
            None => {
                let mut all = counter.empty();
                for c in self.of(i) {
                    all.merge(c);
                }
                counter.tally(&all)
            }
        }
    }

    /// For a list question: the entries written, over every group.
    pub fn entries(&self, i: usize) -> u64 {
        self.of(i).iter().map(|c| self.counters[i].entries(c)).sum()
    }

    /// The counts of question `i`, group by group.
    fn of(&self, i: usize) -> &[Counts] {
        &self.counts[i * self.groups..(i + 1) * self.groups]
    }

    /// [`Pass::tally`] with the question's id and kind.
    pub fn question_tally(&self, i: usize, group: Option<usize>) -> QuestionTally {
        let q = self.counters[i].q;
        QuestionTally { question: q.id.clone(), kind: q.kind.name(), tally: self.tally(i, group) }
    }
}
