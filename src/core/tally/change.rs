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

use super::lookup::Ids;
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
    let (qb, qa) = (grid(def, before)?, grid(def, after)?);
    let mut counter = ChangeCounter::new(qb, qa)?;
    for r in participants(records) {
        if let (Some(b), Some(a)) = (valid_answer(qb, r), valid_answer(qa, r)) {
            counter.add(b, a);
        }
    }
    Ok(counter.change())
}

/// The counts behind a [`Change`], one respondent at a time.
pub struct ChangeCounter<'q> {
    before: &'q QuestionId,
    after: &'q QuestionId,
    items: Ids<'q>,
    points: Ids<'q>,
    /// Per item: towards the first point, same, towards the last, sum of the changes.
    counts: Vec<[i64; 4]>,
}

impl<'q> ChangeCounter<'q> {
    /// A counter for two grids; they must have the same items and scale points.
    pub fn new(before: &'q Question, after: &'q Question) -> Result<ChangeCounter<'q>, String> {
        let (Kind::Grid { items, scale }, Kind::Grid { items: after_items, scale: after_scale }) =
            (&before.kind, &after.kind)
        else {
            let which = if matches!(before.kind, Kind::Grid { .. }) { after } else { before };
            return Err(format!("'{}' is not a grid question", which.id));
        };
        let (b, a) = (&before.id, &after.id);
        let ids = |c: &[Choice<ItemId>]| c.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        if ids(items) != ids(after_items) {
            return Err(format!("'{b}' and '{a}' do not have the same items"));
        }
        let points = |s: &Scale| s.points.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        if points(scale) != points(after_scale) {
            return Err(format!("'{b}' and '{a}' do not have the same scale points"));
        }
        Ok(ChangeCounter {
            before: b,
            after: a,
            items: Ids::new(items.iter().map(|i| i.id.as_str())),
            points: Ids::new(scale.points.iter().map(|p| p.id.as_str())),
            counts: vec![[0; 4]; items.len()],
        })
    }

    /// Counts one respondent's answers to the two grids (answers that fit them).
    pub fn add(&mut self, before: &Answer, after: &Answer) {
        let (Answer::Grid(b), Answer::Grid(a)) = (before, after) else { return };
        // Both maps are sorted by item id: walk them together.
        let mut after_cells = a.iter().peekable();
        for (item, cell) in b {
            while after_cells.next_if(|(i, _)| *i < item).is_some() {}
            let Some((_, after_cell)) = after_cells.next_if(|(i, _)| *i == item) else { continue };
            let (Cell::Option(pb), Cell::Option(pa)) = (cell, after_cell) else { continue };
            let found = (
                self.items.index(item.as_str()),
                self.points.index(pb.as_str()),
                self.points.index(pa.as_str()),
            );
            let (Some(i), Some(ib), Some(ia)) = found else { continue };
            let d = ia as i64 - ib as i64;
            let c = &mut self.counts[i];
            c[(d.signum() + 1) as usize] += 1;
            c[3] += d;
        }
    }

    /// The change counted so far.
    pub fn change(&self) -> Change {
        let items = self
            .counts
            .iter()
            .enumerate()
            .map(|(i, &[first, same, last, sum])| {
                let (first, same, last) = (first as u64, same as u64, last as u64);
                let paired = first + same + last;
                ItemChange {
                    item: self.items.get(i).into(),
                    paired,
                    towards_first: Share::of(first, paired),
                    same: Share::of(same, paired),
                    towards_last: Share::of(last, paired),
                    mean_change: (paired > 0).then(|| sum as f64 / paired as f64),
                }
            })
            .collect();
        Change { before: self.before.clone(), after: self.after.clone(), items }
    }
}

fn grid<'a>(def: &'a Definition, id: &QuestionId) -> Result<&'a Question, String> {
    match def.question(id) {
        Some(q @ Question { kind: Kind::Grid { .. }, .. }) => Ok(q),
        Some(_) => Err(format!("'{id}' is not a grid question")),
        None => Err(format!("no participant question '{id}'")),
    }
}
