//! Before and after: two grid questions over the same items and scale (`knowledge_start` and
//! `knowledge_end`), paired per respondent.
//!
//! For each item, a respondent is *paired* when their record answers the item with a scale
//! point in both grids ("no clear opinion" or a missing answer on either side leaves them
//! out). The change is measured on the point index (1 = the first point, k = the last): the
//! index after minus the index before. A negative change moves **towards the first point**
//! (for the knowledge scale, whose first point is "know it well": knowing more), a positive one
//! **towards the last point**. Shares are of the paired N; the mean change is `None` when no
//! one is paired.

use serde::Serialize;

use super::{Share, participants, valid_answer};
use crate::core::answers::{Answer, Cell};
use crate::core::definition::{Choice, Definition, Kind, Question, Scale};
use crate::core::record::Record;
use crate::core::text::{ItemId, QuestionId};

/// One item's change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemChange {
    pub item: ItemId,
    /// Respondents with a point on this item in both grids.
    pub paired: u64,
    /// Moved towards the first point (smaller index after).
    pub towards_first: Share,
    /// Gave the same point.
    pub same: Share,
    /// Moved towards the last point (larger index after).
    pub towards_last: Share,
    /// Mean of (index after - index before); negative is towards the first point.
    pub mean_change: Option<f64>,
}

/// The change between two grids, item by item in definition order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub before: QuestionId,
    pub after: QuestionId,
    pub items: Vec<ItemChange>,
}

/// Pairs participant grids `before` and `after` per respondent. They must have the same items
/// (in the same order) and the same scale points.
pub fn change(
    def: &Definition,
    records: &[Record],
    before: &QuestionId,
    after: &QuestionId,
) -> Result<Change, String> {
    let (qb, items, scale) = grid(def, before)?;
    let (qa, after_items, after_scale) = grid(def, after)?;
    let ids = |c: &[Choice<ItemId>]| c.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    if ids(items) != ids(after_items) {
        return Err(format!("'{before}' and '{after}' do not have the same items"));
    }
    let points = |s: &Scale| s.points.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    if points(scale) != points(after_scale) {
        return Err(format!("'{before}' and '{after}' do not have the same scale points"));
    }
    let records = participants(records);
    let index = |q: &Question, r: &Record, item: &ItemId| match valid_answer(q, r) {
        Some(Answer::Grid(cells)) => match cells.get(item) {
            Some(Cell::Option(o)) => scale.points.iter().position(|p| &p.id == o).map(|i| i as i64 + 1),
            _ => None,
        },
        _ => None,
    };
    let items = items
        .iter()
        .map(|item| {
            let (mut first, mut same, mut last, mut sum) = (0u64, 0u64, 0u64, 0i64);
            for r in &records {
                let (Some(b), Some(a)) = (index(qb, r, &item.id), index(qa, r, &item.id)) else { continue };
                match (a - b).signum() {
                    -1 => first += 1,
                    0 => same += 1,
                    _ => last += 1,
                }
                sum += a - b;
            }
            let paired = first + same + last;
            ItemChange {
                item: item.id.clone(),
                paired,
                towards_first: Share::of(first, paired),
                same: Share::of(same, paired),
                towards_last: Share::of(last, paired),
                mean_change: (paired > 0).then(|| sum as f64 / paired as f64),
            }
        })
        .collect();
    Ok(Change { before: before.clone(), after: after.clone(), items })
}

fn grid<'a>(
    def: &'a Definition,
    id: &QuestionId,
) -> Result<(&'a Question, &'a [Choice<ItemId>], &'a Scale), String> {
    match def.question(id) {
        Some(q @ Question { kind: Kind::Grid { items, scale }, .. }) => Ok((q, items, scale)),
        Some(_) => Err(format!("'{id}' is not a grid question")),
        None => Err(format!("no participant question '{id}'")),
    }
}
