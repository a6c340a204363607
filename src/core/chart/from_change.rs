//! Charts of two moments of the same questions: how each respondent's answer moved
//! ([`change_chart`], from [`crate::core::tally::change()`]) and the start beside the end
//! ([`before_after_chart`], from two tallies).

use super::fmt::count;
use super::from_tally::{bar, categories, item_label, stacked_chart};
use super::palette::diverging;
use super::table::stacked_table;
use super::{Category, Chart, ChartBody, StackBar, StackRow, Stacked, TableCell, caption};
use crate::core::definition::{Definition, Kind, Question};
use crate::core::tally::{Change, ChoiceTally, Tally};

/// How each respondent's answer moved between two grids (see [`crate::core::tally::change()`]):
/// a bar per item with the shares that moved towards the first point, gave the same point and
/// moved towards the last point. The table adds the mean change of the point index.
pub fn change_chart(def: &Definition, change: &Change, lang: &str) -> Chart {
    let q = def.question(&change.before);
    let title = q.map_or_else(|| change.before.to_string(), |q| q.text.get(lang).to_string());
    let points = match q.map(|q| &q.kind) {
        Some(Kind::Grid { scale, .. }) => {
            scale.points.iter().map(|p| p.label.get(lang).to_string()).collect()
        }
        _ => Vec::new(),
    };
    let colors = diverging(points.len().max(2));
    let end = |i: usize, fallback: &str| points.get(i).map_or_else(|| fallback.to_string(), Clone::clone);
    let (first, last) = (end(0, "the first answer"), end(points.len().saturating_sub(1), "the last answer"));
    let categories = vec![
        Category { label: format!("Moved towards “{first}”"), color: colors[0].clone() },
        Category { label: "Same answer".into(), color: "#f7f7f7".into() },
        Category { label: format!("Moved towards “{last}”"), color: colors[colors.len() - 1].clone() },
    ];
    let each_n = change.items.windows(2).any(|w| w[0].paired != w[1].paired);
    let n_text = match change.items.first() {
        Some(i) if !each_n => format!("N = {} paired answers", count(i.paired)),
        _ => "N = paired answers per item below".to_string(),
    };
    let subtitle = format!("Change from the start to the end of the day, per respondent; {n_text}");
    let rows = change
        .items
        .iter()
        .map(|i| StackRow {
            label: q.map_or_else(|| i.item.to_string(), |q| item_label(q, i.item.as_str(), lang)),
            bars: vec![StackBar {
                label: None,
                n: i.paired,
                counts: vec![i.towards_first.count, i.same.count, i.towards_last.count],
            }],
        })
        .collect();
    let stacked = Stacked { categories, rows, each_n };
    let mut data = stacked_table(&caption(&title, &subtitle), &stacked, "Item", None);
    data.columns.push("Mean change of the answer's position (negative: towards the first)".into());
    for (row, item) in data.rows.iter_mut().zip(&change.items) {
        row.push(TableCell::number(item.mean_change, 2));
    }
    let id = format!("{}-{}-change", change.before, change.after);
    Chart { id, title, subtitle, body: ChartBody::Stacked(stacked), data }
}

/// The same grid (or scale) at two moments: per item, a bar at the start above a bar at the
/// end. `None` unless both are one-answer questions or grids over the same categories.
pub fn before_after_chart(
    _def: &Definition,
    before: (&Question, &Tally),
    after: (&Question, &Tally),
    lang: &str,
) -> Option<Chart> {
    let after_categories = categories(after.0, lang)?;
    let categories = categories(before.0, lang)?;
    if after_categories.len() != categories.len() {
        return None;
    }
    let (b, a) = (choices(before.0, before.1, lang)?, choices(after.0, after.1, lang)?);
    let rows: Vec<StackRow> = b
        .iter()
        .filter_map(|(label, tb)| {
            let (_, ta) = a.iter().find(|(l, _)| l == label)?;
            Some(StackRow {
                label: label.clone(),
                bars: vec![
                    bar(&categories, tb, Some("At the start".into())),
                    bar(&categories, ta, Some("At the end".into())),
                ],
            })
        })
        .collect();
    let title = before.0.text.get(lang).to_string();
    let subtitle = format!(
        "At the start and at the end of the day; N = {} and {} respondents, N per bar below",
        count(before.1.n()),
        count(after.1.n())
    );
    let id = format!("{}-{}-before-after", before.0.id, after.0.id);
    Some(stacked_chart(id, title, subtitle, Stacked { categories, rows, each_n: true }, "Item", Some("When")))
}

/// A one-answer tally as `[("", tally)]`, a grid's as `[(item label, tally)]`.
fn choices<'a>(q: &Question, t: &'a Tally, lang: &str) -> Option<Vec<(String, &'a ChoiceTally)>> {
    match t {
        Tally::Choice(c) => Some(vec![(String::new(), c)]),
        Tally::Grid(g) => {
            Some(g.items.iter().map(|i| (item_label(q, i.item.as_str(), lang), &i.tally)).collect())
        }
        _ => None,
    }
}
