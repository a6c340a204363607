//! One walk over the respondents for many questions and groups at once.
//!
//! A [`Pass`] holds a [`Layout`] (where each question's answer sits in a buffer of whole
//! numbers, see [`crate::core::vals`]), a counter for each question it counts, and counts per
//! question and group. Each respondent is read once into the buffer ([`Pass::read`]); the
//! caller may look at it (a country answer decides a regional group), then [`Pass::count`]s
//! it in a group. The tally of a question over every group is the sum of the groups' counts.

use super::counter::{Counter, Counts};
use super::orders::Orders;
use super::{QuestionTally, Tally};
use crate::core::definition::{Kind, Question};
use crate::core::vals::{Layout, Respondent};

/// Counts of some questions over respondents split into groups `0..groups`.
pub struct Pass<'q> {
    layout: Layout<'q>,
    /// Per question counted, its index in the layout.
    counted: Vec<usize>,
    counters: Vec<Counter<'q>>,
    /// The counts of question `i` in group `g` at `i * groups + g`.
    counts: Vec<Counts>,
    groups: usize,
    respondents: Vec<u64>,
    /// For each ordering question, when asked for: every distinct order taken (options by
    /// index, first to last) and how many gave it, over every group.
    orders: Option<Vec<Orders>>,
}

impl<'q> Pass<'q> {
    /// A pass over `layout` counting every one of its questions, in `groups` groups.
    pub fn new(layout: Layout<'q>, groups: usize) -> Pass<'q> {
        let all: Vec<usize> = (0..layout.len()).collect();
        Pass::counting(layout, &all, groups)
    }

    /// A pass over `layout` counting its questions `counted` (indices, in the order their
    /// tallies are asked for), in `groups` groups.
    pub fn counting(layout: Layout<'q>, counted: &[usize], groups: usize) -> Pass<'q> {
        let counters: Vec<Counter<'q>> = counted.iter().map(|&i| Counter::new(layout.question(i))).collect();
        let counts = counters.iter().flat_map(|c| vec![c.empty(); groups]).collect();
        Pass {
            layout,
            counted: counted.to_vec(),
            counters,
            counts,
            groups,
            respondents: vec![0; groups],
            orders: None,
        }
    }

    /// Where the answers sit in a buffer.
    pub fn layout(&self) -> &Layout<'q> {
        &self.layout
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

    /// Reads `r`'s answers into `buf` (a [`Layout::buffer`] of this pass's layout).
    pub fn read(&self, r: &impl Respondent, buf: &mut [u32]) {
        r.read(&self.layout, buf);
    }

    /// Reads and counts `r` in `group`.
    pub fn add(&mut self, r: &impl Respondent, group: usize, buf: &mut [u32]) {
        self.read(r, buf);
        self.count(buf, group);
    }

    /// Counts a respondent's answers, as [`Pass::read`] wrote them in `buf`, in `group`.
    pub fn count(&mut self, buf: &[u32], group: usize) {
        self.respondents[group] += 1;
        for (i, &q) in self.counted.iter().enumerate() {
            let region = self.layout.region(q);
            let counted = self.counters[i].add(&mut self.counts[i * self.groups + group], &buf[region]);
            if let (true, Some(orders)) = (counted, &mut self.orders) {
                let order = self.counters[i].last_order();
                if !order.is_empty() {
                    orders[i].add(order);
                }
            }
        }
    }

    /// Records counted in `group`.
    pub fn respondents(&self, group: usize) -> u64 {
        self.respondents[group]
    }

    /// Questions counted.
    pub fn len(&self) -> usize {
        self.counters.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counters.is_empty()
    }

    /// The `i`-th question counted.
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
