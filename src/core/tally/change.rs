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

use super::Share;
use super::lookup::Ids;
use crate::core::definition::{Choice, Definition, Kind, Question, RecordKind, Scale};
use crate::core::record::Record;
use crate::core::text::{ItemId, QuestionId};
use crate::core::vals::Layout;

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
    let layout = Layout::new([qb, qa]);
    let mut buf = layout.buffer();
    for r in records.iter().filter(|r| r.kind == RecordKind::Participant) {
        layout.read_record(r, &mut buf);
        counter.add(&buf[layout.region(0)], &buf[layout.region(1)]);
    }
    Ok(counter.change())
}

/// The counts behind a [`Change`], one respondent at a time.
pub struct ChangeCounter<'q> {
    before: &'q QuestionId,
    after: &'q QuestionId,
    items: Ids<'q>,
    /// The number of scale points.
    points: usize,
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
            points: scale.points.len(),
            counts: vec![[0; 4]; items.len()],
        })
    }

    /// Counts one respondent's answers to the two grids: their regions of a
    /// [`crate::core::vals`] buffer (a point index per item, 0 when missing).
    pub fn add(&mut self, before: &[u32], after: &[u32]) {
        let points = self.points as u32;
        for ((c, &b), &a) in self.counts.iter_mut().zip(before).zip(after) {
            if (1..=points).contains(&b) && (1..=points).contains(&a) {
                let d = i64::from(a) - i64::from(b);
                c[(d.signum() + 1) as usize] += 1;
                c[3] += d;
            }
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
