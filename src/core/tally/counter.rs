//! The counting behind every tally: a [`Counter`] reads one question's answers into
//! [`Counts`] (whole numbers only), and turns counts into the question's [`Tally`].
//!
//! Counts add up: the counts of two sets of respondents, [`Counts::merge`]d, are the counts
//! of both. So a breakdown counts each group once and the whole is the sum of its groups, in
//! one walk over the records. [`Counter::add`] takes an answer only when it fits the question
//! (exactly the answers [`crate::core::answers::check`] accepts; a test holds them together),
//! and finds ids with [`super::lookup`] rather than by comparing strings one by one.

use super::lookup::Ids;
use super::stats::{Summary, percent};
use super::{
    ChoiceTally, CountryCount, CountryTally, GridTally, GroupCount, ItemTally, MultipleTally, NumericTally,
    OptionCount, OrderingTally, RankedOption, Share, Tally, TextTally, ValueCount,
};
use crate::core::countries::{COUNTRIES, RegionalGroup};
use crate::core::definition::{Choice, Kind, NO, Question, Scale, YES};
use crate::core::text::OptionId;

/// What the counts of a question hold, by the shape of its answers.
enum Shape<'q> {
    /// Single choice, yes / no, scale: a count per option, then no clear opinion.
    Choice { ids: Ids<'q>, nco: bool, points: bool },
    /// A count per option; `n` counts respondents.
    Multiple { ids: Ids<'q> },
    /// Per item, a count per point, then no clear opinion.
    Grid { items: Ids<'q>, points: Ids<'q>, nco: bool },
    /// A count per value `0..=max`.
    Numeric { max: u32 },
    /// First places per option, then twice the sum of positions per option.
    Ordering { ids: Ids<'q> },
    /// A count per country of [`COUNTRIES`].
    Country,
    /// Text: only `n`. List: also the number of entries.
    Text,
}

/// One question's counter.
pub(crate) struct Counter<'q> {
    pub(crate) q: &'q Question,
    shape: Shape<'q>,
    /// The numbers a scale's points stand for, when every point id is a whole number.
    numbers: Option<Vec<u64>>,
    /// The options (by index) of the last order or choice of options read, first to last:
    /// kept to avoid allocating.
    order: Vec<usize>,
}

/// Counts of one question over some respondents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Respondents whose answer was counted.
    pub(crate) n: u64,
    cells: Vec<u64>,
}

impl Counts {
    /// Adds `other`'s counts (of the same question) to these.
    pub(crate) fn merge(&mut self, other: &Counts) {
        self.n += other.n;
        for (a, b) in self.cells.iter_mut().zip(&other.cells) {
            *a += b;
        }
    }
}

fn point_ids(scale: &Scale) -> Ids<'_> {
    Ids::new(scale.points.iter().map(|p| p.id.as_str()))
}

/// The whole numbers the points stand for, if every point id is one (`"0"` .. `"8"`).
fn numbers(scale: &Scale) -> Option<Vec<u64>> {
    scale
        .points
        .iter()
        .map(|p| p.id.as_str())
        .map(|s| if s.bytes().all(|b| b.is_ascii_digit()) { s.parse().ok() } else { None })
        .collect()
}

impl<'q> Counter<'q> {
    pub(crate) fn new(q: &'q Question) -> Counter<'q> {
        let ids = |options: &'q [Choice<OptionId>]| Ids::new(options.iter().map(|o| o.id.as_str()));
        let (shape, numbers) = match &q.kind {
            Kind::SingleChoice { options, no_clear_opinion } => {
                (Shape::Choice { ids: ids(options), nco: no_clear_opinion.is_some(), points: false }, None)
            }
            Kind::YesNo { no_clear_opinion } => (
                Shape::Choice { ids: Ids::new([YES, NO]), nco: no_clear_opinion.is_some(), points: false },
                None,
            ),
            Kind::Scale { scale } => (
                Shape::Choice { ids: point_ids(scale), nco: scale.no_clear_opinion.is_some(), points: true },
                numbers(scale),
            ),
            Kind::MultipleChoice { options, .. } => (Shape::Multiple { ids: ids(options) }, None),
            Kind::Grid { items, scale } => (
                Shape::Grid {
                    items: Ids::new(items.iter().map(|i| i.id.as_str())),
                    points: point_ids(scale),
                    nco: scale.no_clear_opinion.is_some(),
                },
                numbers(scale),
            ),
            Kind::Numeric { max, .. } => (Shape::Numeric { max: *max }, None),
            Kind::Ordering { options, .. } => (Shape::Ordering { ids: ids(options) }, None),
            Kind::Country => (Shape::Country, None),
            Kind::Text { .. } | Kind::List { .. } => (Shape::Text, None),
        };
        Counter { q, shape, numbers, order: Vec::new() }
    }

    /// Counts of no answer at all.
    pub(crate) fn empty(&self) -> Counts {
        let cells = match &self.shape {
            Shape::Choice { ids, .. } => ids.len() + 1,
            Shape::Multiple { ids, .. } => ids.len(),
            Shape::Grid { items, points, .. } => items.len() * (points.len() + 1),
            Shape::Numeric { max } => *max as usize + 1,
            Shape::Ordering { ids, .. } => 2 * ids.len(),
            Shape::Country => COUNTRIES.len(),
            Shape::Text => 1,
        };
        Counts { n: 0, cells: vec![0; cells] }
    }

    /// Counts the question's values `v` (its region of a [`crate::core::vals`] buffer, where
    /// only answers that fit are written) into `c`; says whether there was an answer.
    #[inline]
    pub(crate) fn add(&mut self, c: &mut Counts, v: &[u32]) -> bool {
        let ok = match &self.shape {
            Shape::Choice { .. } | Shape::Numeric { .. } | Shape::Country => {
                // 1..: the cell after the missing value (no clear opinion is the last cell).
                let x = v[0] as usize;
                if x > 0 {
                    c.cells[x - 1] += 1;
                }
                x > 0
            }
            Shape::Multiple { .. } => {
                if v[0] == 1 {
                    for (cell, &chosen) in c.cells.iter_mut().zip(&v[1..]) {
                        *cell += u64::from(chosen);
                    }
                }
                v[0] == 1
            }
            Shape::Grid { points, .. } => {
                let k = points.len() + 1;
                let mut any = false;
                for (item, &x) in v.iter().enumerate() {
                    if x > 0 {
                        c.cells[item * k + x as usize - 1] += 1;
                        any = true;
                    }
                }
                any
            }
            Shape::Ordering { ids, .. } => {
                let n = ids.len();
                let r = v[0] as usize;
                if r > 0 {
                    self.order.clear();
                    self.order.extend(v[1..=r].iter().map(|&i| i as usize));
                    let (first, doubled) = c.cells.split_at_mut(n);
                    first[self.order[0]] += 1;
                    // Twice the positions: ranked options at 1..=r, the unranked sharing r+1..=n.
                    let r = r as u64;
                    let unranked = 2 * r + (n as u64 - r) + 1;
                    for d in doubled.iter_mut() {
                        *d += unranked;
                    }
                    for (p, &i) in self.order.iter().enumerate() {
                        doubled[i] = doubled[i] - unranked + 2 * p as u64 + 2;
                    }
                }
                r > 0
            }
            Shape::Text => {
                c.cells[0] += u64::from(v[1]);
                v[0] == 1
            }
        };
        c.n += u64::from(ok);
        ok
    }

    /// The tally these counts make.
    pub(crate) fn tally(&self, c: &Counts) -> Tally {
        let n = c.n;
        match &self.shape {
            Shape::Choice { ids, nco, points } => {
                let k = ids.len();
                let numbers = self.numbers.as_deref();
                Tally::Choice(choice(ids, &c.cells[..k], nco.then_some(c.cells[k]), *points, numbers))
            }
            Shape::Multiple { ids, .. } => {
                Tally::Multiple(MultipleTally { n, options: option_counts(ids, &c.cells, n) })
            }
            Shape::Grid { items, points, nco } => {
                let k = points.len() + 1;
                let items = (0..items.len())
                    .map(|i| {
                        let row = &c.cells[i * k..(i + 1) * k];
                        let nco = nco.then_some(row[k - 1]);
                        let tally = choice(points, &row[..k - 1], nco, true, self.numbers.as_deref());
                        ItemTally { item: items.get(i).into(), tally }
                    })
                    .collect();
                Tally::Grid(GridTally { n, items })
            }
            Shape::Numeric { max } => {
                let summary = Summary::from_histogram(&c.cells, 0);
                let values = (0..=*max)
                    .zip(&c.cells)
                    .map(|(value, &count)| ValueCount { value, count, percent: percent(count, n) })
                    .collect();
                Tally::Numeric(NumericTally { summary, values })
            }
            Shape::Ordering { ids, .. } => {
                let (first, doubled) = c.cells.split_at(ids.len());
                let options = (0..ids.len())
                    .map(|i| RankedOption {
                        id: ids.get(i).into(),
                        first: first[i],
                        percent_first: percent(first[i], n),
                        mean_rank: (n > 0).then(|| doubled[i] as f64 / (2 * n) as f64),
                    })
                    .collect();
                Tally::Ordering(OrderingTally { n, options })
            }
            Shape::Country => Tally::Country(country(&c.cells, n)),
            Shape::Text => Tally::Text(TextTally { n }),
        }
    }

    /// For an ordering: the options (by index) of the last answer [`Counter::add`] took, first
    /// to last.
    pub(crate) fn last_order(&self) -> &[usize] {
        match self.shape {
            Shape::Ordering { .. } => &self.order,
            _ => &[],
        }
    }

    /// For a list: the entries counted.
    pub(crate) fn entries(&self, c: &Counts) -> u64 {
        match self.shape {
            Shape::Text => c.cells[0],
            _ => 0,
        }
    }
}

fn option_counts(ids: &Ids<'_>, counts: &[u64], n: u64) -> Vec<OptionCount> {
    counts
        .iter()
        .enumerate()
        .map(|(i, &count)| OptionCount { id: ids.get(i).into(), count, percent: percent(count, n) })
        .collect()
}

/// One-option answers: counts per option, no clear opinion when offered; `points`: also
/// summarise the point index (1..k), and the points' own numbers when they are numbers.
fn choice(
    ids: &Ids<'_>,
    counts: &[u64],
    nco: Option<u64>,
    points: bool,
    numbers: Option<&[u64]>,
) -> ChoiceTally {
    let n = counts.iter().sum::<u64>() + nco.unwrap_or(0);
    ChoiceTally {
        n,
        options: option_counts(ids, counts, n),
        no_clear_opinion: nco.map(|c| Share::of(c, n)),
        points: points.then(|| Summary::from_histogram(counts, 1)),
        numbers: numbers.map(|v| Summary::of_values(counts, v)),
    }
}

fn country(counts: &[u64], n: u64) -> CountryTally {
    let mut groups = [0u64; RegionalGroup::ALL.len()];
    for (c, &count) in COUNTRIES.iter().zip(counts) {
        if let Some(g) = RegionalGroup::ALL.iter().position(|g| *g == c.group) {
            groups[g] += count;
        }
    }
    CountryTally {
        n,
        countries: COUNTRIES
            .iter()
            .zip(counts)
            .filter(|(_, count)| **count > 0)
            .map(|(c, &count)| CountryCount { code: c.code, count, percent: percent(count, n) })
            .collect(),
        groups: RegionalGroup::ALL
            .iter()
            .zip(groups)
            .map(|(&group, count)| GroupCount { group, count, percent: percent(count, n) })
            .collect(),
    }
}
