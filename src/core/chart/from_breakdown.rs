//! Charts of a breakdown: one question tallied per group of respondents (by UN regional group,
//! country, age band...), see [`crate::core::tally::breakdown`].
//!
//! Groups with no valid answer are left out. Every group's N is printed by its label.
//!
//! | question | chart |
//! | --- | --- |
//! | single choice, scale, yes / no | a stacked bar per group |
//! | grid | per item, a stacked bar per group (every item: a mean of scale points would hide the no clear opinion share) |
//! | multiple choice | per option (most chosen overall first), a bar per group: % choosing it |
//! | ordering | per option (most often first overall first), a bar per group: % placing it first; mean rank in the table |
//! | numeric | a bar per group: the mean on 0..max; median and SD in the table |
//! | country | per UN regional group, a bar per group: % of respondents |
//! | text, list | none |

use super::fmt::count;
use super::from_tally::{
    bar, categories, item_label, label_of, option_labels, rank_row, stacked_chart, whole_percent,
};
use super::{Chart, ChartBody, DataTable, RankBar, RankRow, Ranked, StackRow, Stacked, TableCell, caption};
use crate::core::countries::{RegionalGroup, by_code};
use crate::core::definition::{Definition, Kind, Question};
use crate::core::tally::breakdown::{EVENT, NO_CLEAR_OPINION, REGIONAL_GROUP, TABLE};
use crate::core::tally::{Breakdown, Group, Tally};

/// The chart of a breakdown, labels in `lang`; `None` for text and list questions (and for a
/// question the definition does not have).
pub fn breakdown_chart(def: &Definition, b: &Breakdown, lang: &str) -> Option<Chart> {
    let q = def.question(&b.question)?;
    let by_q = def
        .questions()
        .map(|(_, q)| q)
        .find(|q| q.profile.is_some() && (q.id.as_str() == b.by || q.profile.as_deref() == Some(&b.by)));
    let groups: Vec<(String, &Group)> = b
        .groups
        .iter()
        .filter(|g| g.tally.n() > 0)
        .map(|g| (group_label(by_q, &b.by, g.value.as_deref(), lang), g))
        .collect();
    let total: u64 = groups.iter().map(|(_, g)| g.tally.n()).sum();
    let title = q.text.get(lang).to_string();
    let by = variable_name(by_q, &b.by);
    let subtitle =
        format!("By {by}; N = {} valid answers in {} groups, N per group below", count(total), groups.len());
    let id = format!("{}-by-{}", b.question, b.by);
    match &q.kind {
        Kind::SingleChoice { .. } | Kind::YesNo { .. } | Kind::Scale { .. } => {
            let categories = categories(q, lang)?;
            let rows = groups
                .iter()
                .filter_map(|(label, g)| match &g.tally {
                    Tally::Choice(t) => {
                        Some(StackRow { label: label.clone(), bars: vec![bar(&categories, t, None)] })
                    }
                    _ => None,
                })
                .collect();
            Some(stacked_chart(
                id,
                title,
                subtitle,
                Stacked { categories, rows, each_n: true },
                "Group",
                None,
            ))
        }
        Kind::Grid { items, .. } => {
            let categories = categories(q, lang)?;
            let rows = items
                .iter()
                .map(|item| StackRow {
                    label: item_label(q, item.id.as_str(), lang),
                    bars: groups
                        .iter()
                        .filter_map(|(label, g)| match &g.tally {
                            Tally::Grid(t) => t
                                .items
                                .iter()
                                .find(|i| i.item == item.id && i.tally.n > 0)
                                .map(|i| bar(&categories, &i.tally, Some(label.clone()))),
                            _ => None,
                        })
                        .collect(),
                })
                .collect();
            Some(stacked_chart(
                id,
                title,
                subtitle,
                Stacked { categories, rows, each_n: true },
                "Item",
                Some("Group"),
            ))
        }
        Kind::MultipleChoice { .. } | Kind::Ordering { .. } | Kind::Country => {
            Some(shares(id, title, subtitle, q, &groups, lang))
        }
        Kind::Numeric { max, .. } => Some(numeric(id, title, subtitle, *max, &groups)),
        Kind::Text { .. } | Kind::List { .. } => None,
    }
}

/// Per option (or regional group), a bar per group: the % choosing it (multiple choice), placing
/// it first (ordering) or living there (country).
fn shares(
    id: String,
    title: String,
    subtitle: String,
    q: &Question,
    groups: &[(String, &Group)],
    lang: &str,
) -> Chart {
    // Per group: (option id, count, percent, mean rank) in definition order.
    type Share = (String, u64, Option<f64>, Option<f64>);
    let per_group: Vec<(&str, u64, Vec<Share>)> = groups
        .iter()
        .filter_map(|(label, g)| {
            let shares: Vec<Share> = match &g.tally {
                Tally::Multiple(t) => {
                    t.options.iter().map(|o| (o.id.to_string(), o.count, o.percent, None)).collect()
                }
                Tally::Ordering(t) => t
                    .options
                    .iter()
                    .map(|o| (o.id.to_string(), o.first, o.percent_first, o.mean_rank))
                    .collect(),
                Tally::Country(t) => {
                    t.groups.iter().map(|s| (s.group.id().to_string(), s.count, s.percent, None)).collect()
                }
                _ => return None,
            };
            Some((label.as_str(), g.tally.n(), shares))
        })
        .collect();
    let labels = if matches!(q.kind, Kind::Country) {
        RegionalGroup::ALL.iter().map(|g| (g.id().to_string(), g.name().to_string())).collect()
    } else {
        option_labels(q, lang)
    };
    let ids: Vec<String> =
        per_group.first().map(|(_, _, s)| s.iter().map(|s| s.0.clone()).collect()).unwrap_or_default();
    // Options by their overall share (counts over all groups), highest first.
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_key(|&i| {
        std::cmp::Reverse(per_group.iter().map(|(_, _, s)| s.get(i).map_or(0, |s| s.1)).sum::<u64>())
    });
    let ranked = Ranked {
        max: 100.0,
        rows: order
            .iter()
            .map(|&i| RankRow {
                label: label_of(&labels, &ids[i]),
                bars: per_group
                    .iter()
                    .map(|(group, n, s)| {
                        let p = s.get(i).and_then(|s| s.2);
                        RankBar {
                            label: Some(group.to_string()),
                            value: p.unwrap_or(0.0),
                            display: whole_percent(p),
                            n: Some(*n),
                        }
                    })
                    .collect(),
            })
            .collect(),
    };
    let ordering = matches!(q.kind, Kind::Ordering { .. });
    let mut columns = vec!["Option".to_string(), "Group".into(), "N".into(), "Count".into(), "%".into()];
    if ordering {
        columns[3] = "Placed first".into();
        columns[4] = "Placed first (%)".into();
        columns.push("Mean rank (1 = first)".into());
    }
    let (ids, labels) = (&ids, &labels);
    let rows = order
        .iter()
        .flat_map(|&i| {
            per_group.iter().map(move |(group, n, s)| {
                let share = s.get(i);
                let mut row = vec![
                    TableCell::text(ids.get(i).map_or_else(String::new, |id| label_of(labels, id))),
                    TableCell::text(*group),
                    TableCell::count(*n),
                    TableCell::count(share.map_or(0, |s| s.1)),
                    TableCell::number(share.and_then(|s| s.2), 1),
                ];
                if ordering {
                    row.push(TableCell::number(share.and_then(|s| s.3), 2));
                }
                row
            })
        })
        .collect();
    let data = DataTable { caption: caption(&title, &subtitle), columns, rows };
    Chart { id, title, subtitle, body: ChartBody::Ranked(ranked), data }
}

fn numeric(id: String, title: String, subtitle: String, max: u32, groups: &[(String, &Group)]) -> Chart {
    let summaries: Vec<_> = groups
        .iter()
        .filter_map(|(label, g)| match &g.tally {
            Tally::Numeric(t) => Some((label, &t.summary)),
            _ => None,
        })
        .collect();
    let subtitle = format!("Mean on 0 to {max}. {subtitle}");
    let ranked = Ranked {
        max: max as f64,
        rows: summaries
            .iter()
            .map(|(label, s)| {
                let mut row = rank_row(label, s.mean, Some(s.n));
                row.bars[0].display = s.mean.map_or_else(|| "–".into(), |m| super::fmt::fixed(m, 1));
                row
            })
            .collect(),
    };
    let data = DataTable {
        caption: caption(&title, &subtitle),
        columns: vec!["Group".into(), "N".into(), "Mean".into(), "Median".into(), "SD".into()],
        rows: summaries
            .iter()
            .map(|(label, s)| {
                vec![
                    TableCell::text(label.as_str()),
                    TableCell::count(s.n),
                    TableCell::number(s.mean, 2),
                    TableCell::number(s.median, 1),
                    TableCell::number(s.sd, 2),
                ]
            })
            .collect(),
    };
    Chart { id, title, subtitle, body: ChartBody::Ranked(ranked), data }
}

/// What the breakdown's variable is called in a subtitle.
fn variable_name(by_q: Option<&Question>, by: &str) -> String {
    match by {
        REGIONAL_GROUP => "UN regional group".into(),
        EVENT => "event".into(),
        TABLE => "table".into(),
        _ => by_q.and_then(|q| q.profile.clone()).unwrap_or_else(|| by.to_string()).replace('_', " "),
    }
}

/// The label of a group: the option's label, the regional group's or country's name, "Table 3".
fn group_label(by_q: Option<&Question>, by: &str, value: Option<&str>, lang: &str) -> String {
    let Some(v) = value else { return "No answer".into() };
    match by {
        REGIONAL_GROUP => RegionalGroup::from_id(v).map_or_else(|| v.to_string(), |g| g.name().to_string()),
        EVENT => format!("Event {v}"),
        TABLE => format!("Table {v}"),
        _ => match by_q.map(|q| &q.kind) {
            Some(Kind::Country) => by_code(v).map_or_else(|| v.to_string(), |c| c.name.to_string()),
            Some(kind) if v == NO_CLEAR_OPINION => {
                nco_text(kind, lang).unwrap_or_else(|| "No clear opinion".into())
            }
            Some(_) => by_q.map_or_else(|| v.to_string(), |q| label_of(&option_labels(q, lang), v)),
            None => v.to_string(),
        },
    }
}

fn nco_text(kind: &Kind, lang: &str) -> Option<String> {
    match kind {
        Kind::SingleChoice { no_clear_opinion, .. } | Kind::YesNo { no_clear_opinion } => {
            no_clear_opinion.as_ref().map(|t| t.get(lang).to_string())
        }
        Kind::Scale { scale } => scale.no_clear_opinion.as_ref().map(|t| t.get(lang).to_string()),
        _ => None,
    }
}
