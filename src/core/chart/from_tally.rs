//! Charts of one question's tally, by the kind of question.
//!
//! | question | chart |
//! | --- | --- |
//! | single choice, yes / no | one stacked bar, Okabe-Ito colours, no clear opinion last |
//! | scale | one stacked bar, diverging colours in scale order, no clear opinion last |
//! | grid | a stacked bar per item (each with its N when the items' N differ) |
//! | multiple choice | ranked list: % of respondents choosing each option |
//! | ordering | ranked list: % placing each option first; the table adds the mean rank |
//! | numeric | a column per value (% of N); mean, median and SD in the subtitle |
//! | country | ranked list of the five UN regional groups; the table adds the top countries |
//! | text, list | none |

use super::fmt::{count, fixed};
use super::palette::{NO_CLEAR_OPINION, categorical, diverging};
use super::table::{pct, stacked_table};
use super::{
    Category, Chart, ChartBody, Column, Columns, DataTable, RankBar, RankRow, Ranked, StackBar, StackRow,
    Stacked, TableCell, caption,
};
use crate::core::countries::{COUNTRIES, by_code};
use crate::core::definition::{Definition, Kind, Question, Scale};
use crate::core::tally::{ChoiceTally, CountryTally, NumericTally, OrderingTally, Tally};

/// How many countries the table of a country question lists.
const TOP_COUNTRIES: usize = 10;

/// The chart of `q`'s tally (of any participant question but text and list), labels in `lang`.
pub fn question_chart(_def: &Definition, q: &Question, tally: &Tally, lang: &str) -> Option<Chart> {
    let title = q.text.get(lang).to_string();
    let id = q.id.to_string();
    match tally {
        Tally::Choice(t) => {
            let categories = categories(q, lang)?;
            let subtitle = valid(t.n);
            let stacked = Stacked {
                rows: vec![StackRow { label: String::new(), bars: vec![bar(&categories, t, None)] }],
                categories,
                each_n: false,
            };
            Some(stacked_chart(id, title, subtitle, stacked, "Item", None))
        }
        Tally::Grid(g) => {
            let categories = categories(q, lang)?;
            let rows = g
                .items
                .iter()
                .map(|it| StackRow {
                    label: item_label(q, it.item.as_str(), lang),
                    bars: vec![bar(&categories, &it.tally, None)],
                })
                .collect();
            let each_n = g.items.windows(2).any(|w| w[0].tally.n != w[1].tally.n);
            let subtitle = match g.items.first() {
                Some(first) if !each_n => valid(first.tally.n),
                _ => format!("N = {} respondents; N per item below", count(g.n)),
            };
            Some(stacked_chart(id, title, subtitle, Stacked { categories, rows, each_n }, "Item", None))
        }
        Tally::Multiple(t) => {
            let labels = option_labels(q, lang);
            let mut rows: Vec<(String, u64)> =
                t.options.iter().map(|o| (label_of(&labels, o.id.as_str()), o.count)).collect();
            rows.sort_by_key(|r| std::cmp::Reverse(r.1));
            let subtitle = format!(
                "N = {} respondents; more than one answer allowed, so the percentages add up to more than 100%",
                count(t.n)
            );
            let ranked = Ranked {
                max: 100.0,
                rows: rows.iter().map(|(l, c)| rank_row(l, pct(*c, t.n), None)).collect(),
            };
            let data = DataTable {
                caption: caption(&title, &subtitle),
                columns: vec!["Option".into(), "Count".into(), "%".into()],
                rows: rows
                    .iter()
                    .map(|(l, c)| {
                        vec![
                            TableCell::text(l.as_str()),
                            TableCell::count(*c),
                            TableCell::number(pct(*c, t.n), 1),
                        ]
                    })
                    .collect(),
            };
            Some(Chart { id, title, subtitle, body: ChartBody::Ranked(ranked), data })
        }
        Tally::Ordering(t) => Some(ordering(id, title, q, t, lang)),
        Tally::Numeric(t) => Some(numeric(id, title, q, t, lang)),
        Tally::Country(t) => Some(country(id, title, t)),
        Tally::Text(_) => None,
    }
}

/// "N = 4,503 valid answers".
pub(super) fn valid(n: u64) -> String {
    format!("N = {} valid answers", count(n))
}

/// A whole-number percentage for a bar (`48%`), `–` for none.
pub(super) fn whole_percent(p: Option<f64>) -> String {
    p.map_or_else(|| "–".to_string(), |p| format!("{}%", fixed(p, 0)))
}

/// A ranked row with one bar of percentage `p`.
pub(super) fn rank_row(label: &str, p: Option<f64>, n: Option<u64>) -> RankRow {
    RankRow {
        label: label.to_string(),
        bars: vec![RankBar { label: None, value: p.unwrap_or(0.0), display: whole_percent(p), n }],
    }
}

pub(super) fn stacked_chart(
    id: String,
    title: String,
    subtitle: String,
    stacked: Stacked,
    row_header: &str,
    bar_header: Option<&str>,
) -> Chart {
    let data = stacked_table(&caption(&title, &subtitle), &stacked, row_header, bar_header);
    Chart { id, title, subtitle, body: ChartBody::Stacked(stacked), data }
}

/// The categories of a one-answer question or grid: options or scale points in order, then "no
/// clear opinion" when offered. `None` for other kinds.
pub(super) fn categories(q: &Question, lang: &str) -> Option<Vec<Category>> {
    let cat = |label: &str, color: &String| Category { label: label.to_string(), color: color.clone() };
    let (mut cats, nco) = match &q.kind {
        Kind::SingleChoice { options, no_clear_opinion } => {
            let colors = categorical(options.len());
            (
                options.iter().zip(&colors).map(|(o, c)| cat(o.label.get(lang), c)).collect(),
                no_clear_opinion.as_ref(),
            )
        }
        Kind::YesNo { no_clear_opinion } => {
            let colors = categorical(2);
            (vec![cat("Yes", &colors[0]), cat("No", &colors[1])], no_clear_opinion.as_ref())
        }
        Kind::Scale { scale } | Kind::Grid { scale, .. } => {
            (scale_categories(scale, lang), scale.no_clear_opinion.as_ref())
        }
        _ => return None,
    };
    if let Some(text) = nco {
        cats.push(Category { label: text.get(lang).to_string(), color: NO_CLEAR_OPINION.to_string() });
    }
    Some(cats)
}

fn scale_categories(scale: &Scale, lang: &str) -> Vec<Category> {
    let colors = diverging(scale.points.len());
    scale
        .points
        .iter()
        .zip(colors)
        .map(|(p, color)| Category { label: p.label.get(lang).to_string(), color })
        .collect()
}

/// A bar of a choice tally over `categories` (options, then no clear opinion when present).
pub(super) fn bar(categories: &[Category], t: &ChoiceTally, label: Option<String>) -> StackBar {
    let mut counts: Vec<u64> = t.options.iter().map(|o| o.count).collect();
    counts.extend(t.no_clear_opinion.as_ref().map(|s| s.count));
    counts.resize(categories.len(), 0);
    StackBar { label, n: t.n, counts }
}

/// The label of grid item `id` (the id itself if the question has no such item).
pub(super) fn item_label(q: &Question, id: &str, lang: &str) -> String {
    match &q.kind {
        Kind::Grid { items, .. } => items
            .iter()
            .find(|i| i.id.as_str() == id)
            .map_or_else(|| id.to_string(), |i| i.label.get(lang).to_string()),
        _ => id.to_string(),
    }
}

/// The options of a choice, ordering or scale question as `(id, label)`.
pub(super) fn option_labels(q: &Question, lang: &str) -> Vec<(String, String)> {
    match &q.kind {
        Kind::SingleChoice { options, .. }
        | Kind::MultipleChoice { options, .. }
        | Kind::Ordering { options, .. } => {
            options.iter().map(|o| (o.id.to_string(), o.label.get(lang).to_string())).collect()
        }
        Kind::Scale { scale } => {
            scale.points.iter().map(|o| (o.id.to_string(), o.label.get(lang).to_string())).collect()
        }
        Kind::YesNo { .. } => vec![("yes".into(), "Yes".into()), ("no".into(), "No".into())],
        _ => Vec::new(),
    }
}

pub(super) fn label_of(labels: &[(String, String)], id: &str) -> String {
    labels.iter().find(|(i, _)| i == id).map_or_else(|| id.to_string(), |(_, l)| l.clone())
}

fn ordering(id: String, title: String, q: &Question, t: &OrderingTally, lang: &str) -> Chart {
    let labels = option_labels(q, lang);
    let mut opts: Vec<_> = t.options.iter().collect();
    // Most often first, then the better mean rank; definition order breaks remaining ties.
    opts.sort_by(|a, b| {
        b.first
            .cmp(&a.first)
            .then(a.mean_rank.unwrap_or(f64::MAX).total_cmp(&b.mean_rank.unwrap_or(f64::MAX)))
    });
    let subtitle = format!("% of respondents placing each option first; N = {} respondents", count(t.n));
    let ranked = Ranked {
        max: 100.0,
        rows: opts
            .iter()
            .map(|o| rank_row(&label_of(&labels, o.id.as_str()), o.percent_first, None))
            .collect(),
    };
    let data = DataTable {
        caption: caption(&title, &subtitle),
        columns: vec![
            "Option".into(),
            "Placed first".into(),
            "Placed first (%)".into(),
            "Mean rank (1 = first)".into(),
        ],
        rows: opts
            .iter()
            .map(|o| {
                vec![
                    TableCell::text(label_of(&labels, o.id.as_str())),
                    TableCell::count(o.first),
                    TableCell::number(o.percent_first, 1),
                    TableCell::number(o.mean_rank, 2),
                ]
            })
            .collect(),
    };
    Chart { id, title, subtitle, body: ChartBody::Ranked(ranked), data }
}

/// "mean 4.2 · median 4.0 · SD 2.1" (the parts there are).
pub(super) fn summary_text(mean: Option<f64>, median: Option<f64>, sd: Option<f64>) -> String {
    [("mean", mean), ("median", median), ("SD", sd)]
        .iter()
        .filter_map(|(name, v)| v.map(|v| format!("{name}\u{a0}{}", fixed(v, 1))))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn numeric(id: String, title: String, q: &Question, t: &NumericTally, lang: &str) -> Chart {
    let (start_label, end_label) = match &q.kind {
        Kind::Numeric { min_label, max_label, .. } => {
            (min_label.get(lang).to_string(), max_label.get(lang).to_string())
        }
        _ => (String::new(), String::new()),
    };
    let s = &t.summary;
    let stats = summary_text(s.mean, s.median, s.sd);
    let subtitle = if stats.is_empty() { valid(s.n) } else { format!("{} · {stats}", valid(s.n)) };
    let columns = Columns {
        max: t.values.iter().filter_map(|v| v.percent).fold(0.0, f64::max),
        columns: t
            .values
            .iter()
            .map(|v| Column {
                label: v.value.to_string(),
                value: v.percent.unwrap_or(0.0),
                display: whole_percent(v.percent),
            })
            .collect(),
        start_label,
        end_label,
    };
    let data = DataTable {
        caption: caption(&title, &subtitle),
        columns: vec!["Value".into(), "Count".into(), "%".into()],
        rows: t
            .values
            .iter()
            .map(|v| {
                vec![
                    TableCell::text(v.value.to_string()),
                    TableCell::count(v.count),
                    TableCell::number(v.percent, 1),
                ]
            })
            .collect(),
    };
    Chart { id, title, subtitle, body: ChartBody::Columns(columns), data }
}

fn country(id: String, title: String, t: &CountryTally) -> Chart {
    let mut groups: Vec<_> = t.groups.iter().collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.count));
    let subtitle = format!("% of respondents per UN regional group; N = {} valid answers", count(t.n));
    let ranked = Ranked {
        max: 100.0,
        rows: groups.iter().map(|g| rank_row(g.group.name(), g.percent, None)).collect(),
    };
    let mut rows: Vec<Vec<TableCell>> = groups
        .iter()
        .map(|g| {
            vec![
                TableCell::text(g.group.name()),
                TableCell::Empty,
                TableCell::count(g.count),
                TableCell::number(g.percent, 1),
            ]
        })
        .collect();
    let mut countries: Vec<_> = t.countries.iter().collect();
    countries.sort_by_key(|c| (std::cmp::Reverse(c.count), COUNTRIES.iter().position(|k| k.code == c.code)));
    rows.extend(countries.iter().take(TOP_COUNTRIES).map(|c| {
        let known = by_code(c.code);
        vec![
            TableCell::text(known.map_or("", |k| k.group.name())),
            TableCell::text(known.map_or(c.code, |k| k.name)),
            TableCell::count(c.count),
            TableCell::number(c.percent, 1),
        ]
    }));
    let data = DataTable {
        caption: caption(&title, &subtitle)
            + &format!("; the {TOP_COUNTRIES} countries with most respondents last"),
        columns: vec!["UN regional group".into(), "Country".into(), "Count".into(), "%".into()],
        rows,
    };
    Chart { id, title, subtitle, body: ChartBody::Ranked(ranked), data }
}
