//! The counting behind [`super::tally_question`], one function per shape of answer.

use super::stats::{Summary, percent};
use super::{
    ChoiceTally, CountryCount, CountryTally, GridTally, GroupCount, ItemTally, MultipleTally, NumericTally,
    OptionCount, OrderingTally, RankedOption, Share, Tally, TextTally, ValueCount, valid_answer,
};
use crate::core::answers::{Answer, Cell};
use crate::core::countries::{self, COUNTRIES, RegionalGroup};
use crate::core::definition::{Kind, Question, Scale};
use crate::core::ranking::Ballot;
use crate::core::record::Record;
use crate::core::text::OptionId;

/// One answer among options: an option or "no clear opinion".
enum Pick<'a> {
    Option(&'a OptionId),
    NoClearOpinion,
}

/// Tallies `q` over `records`.
pub(super) fn tally(q: &Question, records: &[&Record]) -> Tally {
    let answers: Vec<&Answer> = records.iter().filter_map(|r| valid_answer(q, r)).collect();
    let picks = || {
        answers.iter().filter_map(|a| match a {
            Answer::Option(o) => Some(Pick::Option(o)),
            Answer::NoClearOpinion => Some(Pick::NoClearOpinion),
            _ => None,
        })
    };
    match &q.kind {
        Kind::SingleChoice { .. } | Kind::YesNo { .. } => {
            Tally::Choice(choice(&q.kind.option_ids(), q.kind.offers_no_clear_opinion(), false, picks()))
        }
        Kind::Scale { scale } => Tally::Choice(scale_choice(scale, picks())),
        Kind::MultipleChoice { options, .. } => {
            let ids: Vec<&OptionId> = options.iter().map(|o| &o.id).collect();
            let mut counts = vec![0u64; ids.len()];
            let mut n = 0;
            for a in &answers {
                if let Answer::Options(chosen) = a {
                    n += 1;
                    for c in chosen {
                        if let Some(i) = ids.iter().position(|id| *id == c) {
                            counts[i] += 1;
                        }
                    }
                }
            }
            Tally::Multiple(MultipleTally { n, options: option_counts(&ids, &counts, n) })
        }
        Kind::Grid { items, scale } => {
            let cells: Vec<_> = answers
                .iter()
                .filter_map(|a| match a {
                    Answer::Grid(cells) => Some(cells),
                    _ => None,
                })
                .collect();
            let items = items
                .iter()
                .map(|item| {
                    let picks = cells.iter().filter_map(|c| match c.get(&item.id) {
                        Some(Cell::Option(o)) => Some(Pick::Option(o)),
                        Some(Cell::NoClearOpinion) => Some(Pick::NoClearOpinion),
                        None => None,
                    });
                    ItemTally { item: item.id.clone(), tally: scale_choice(scale, picks) }
                })
                .collect();
            Tally::Grid(GridTally { n: cells.len() as u64, items })
        }
        Kind::Numeric { max, .. } => {
            let mut counts = vec![0u64; *max as usize + 1];
            for a in &answers {
                if let Answer::Number(v) = a
                    && let Some(c) = counts.get_mut(*v as usize)
                {
                    *c += 1;
                }
            }
            let summary = Summary::from_histogram(&counts, 0);
            let values = (0..=*max)
                .zip(&counts)
                .map(|(value, &count)| ValueCount { value, count, percent: percent(count, summary.n) })
                .collect();
            Tally::Numeric(NumericTally { summary, values })
        }
        Kind::Text { .. } | Kind::List { .. } => Tally::Text(TextTally { n: answers.len() as u64 }),
        Kind::Ordering { options, .. } => Tally::Ordering(ordering(options.iter().map(|o| &o.id), &answers)),
        Kind::Country => Tally::Country(country(&answers)),
    }
}

fn option_counts(ids: &[&OptionId], counts: &[u64], n: u64) -> Vec<OptionCount> {
    ids.iter()
        .zip(counts)
        .map(|(id, &count)| OptionCount { id: (*id).clone(), count, percent: percent(count, n) })
        .collect()
}

fn scale_choice<'a>(scale: &Scale, picks: impl Iterator<Item = Pick<'a>>) -> ChoiceTally {
    let ids: Vec<OptionId> = scale.points.iter().map(|p| p.id.clone()).collect();
    choice(&ids, scale.no_clear_opinion.is_some(), true, picks)
}

/// Counts one-option answers over `ids`; `points`: also summarise the point index (1..k).
fn choice<'a>(
    ids: &[OptionId],
    offers_nco: bool,
    points: bool,
    picks: impl Iterator<Item = Pick<'a>>,
) -> ChoiceTally {
    let mut counts = vec![0u64; ids.len()];
    let mut nco = 0u64;
    for p in picks {
        match p {
            Pick::Option(o) => {
                if let Some(i) = ids.iter().position(|id| id == o) {
                    counts[i] += 1;
                }
            }
            Pick::NoClearOpinion => nco += 1,
        }
    }
    let n = counts.iter().sum::<u64>() + nco;
    let refs: Vec<&OptionId> = ids.iter().collect();
    ChoiceTally {
        n,
        options: option_counts(&refs, &counts, n),
        no_clear_opinion: offers_nco.then(|| Share::of(nco, n)),
        points: points.then(|| Summary::from_histogram(&counts, 1)),
    }
}

fn ordering<'a>(ids: impl Iterator<Item = &'a OptionId>, answers: &[&Answer]) -> OrderingTally {
    let ids: Vec<&OptionId> = ids.collect();
    let k = ids.len();
    let mut first = vec![0u64; k];
    let mut doubled = vec![0u64; k];
    let mut n = 0u64;
    for a in answers {
        let Answer::Order(order) = a else { continue };
        let idx: Vec<usize> = order.iter().filter_map(|o| ids.iter().position(|id| *id == o)).collect();
        let Some(&top) = idx.first() else { continue };
        n += 1;
        first[top] += 1;
        for (sum, pos) in doubled.iter_mut().zip(Ballot::strict(1, &idx).doubled_positions(k)) {
            *sum += pos;
        }
    }
    let options = ids
        .iter()
        .enumerate()
        .map(|(i, id)| RankedOption {
            id: (*id).clone(),
            first: first[i],
            percent_first: percent(first[i], n),
            mean_rank: (n > 0).then(|| doubled[i] as f64 / (2 * n) as f64),
        })
        .collect();
    OrderingTally { n, options }
}

fn country(answers: &[&Answer]) -> CountryTally {
    let mut counts = vec![0u64; COUNTRIES.len()];
    let mut groups = [0u64; RegionalGroup::ALL.len()];
    let mut n = 0u64;
    for a in answers {
        let Answer::Country(code) = a else { continue };
        let Some(i) = countries::index_of(code) else { continue };
        n += 1;
        counts[i] += 1;
        if let Some(g) = RegionalGroup::ALL.iter().position(|g| *g == COUNTRIES[i].group) {
            groups[g] += 1;
        }
    }
    CountryTally {
        n,
        countries: COUNTRIES
            .iter()
            .zip(&counts)
            .filter(|(_, c)| **c > 0)
            .map(|(c, &count)| CountryCount { code: c.code, count, percent: percent(count, n) })
            .collect(),
        groups: RegionalGroup::ALL
            .iter()
            .zip(groups)
            .map(|(&group, count)| GroupCount { group, count, percent: percent(count, n) })
            .collect(),
    }
}
