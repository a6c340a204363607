//! Checking `repeats`: a participant grid that asks the items of an earlier participant grid
//! again (before / after). It must be a grid, on the participant's side, and name an earlier
//! participant grid with the same item ids and the same scale (point ids, in order, and the
//! same "no clear opinion" offer), so that the two answers of a respondent can be paired.

use std::collections::{BTreeMap, BTreeSet};

use super::Read;
use super::ctx::Ctx;
use crate::core::definition::{Choice, Kind, Question, Scale};
use crate::core::text::{ItemId, QuestionId};

/// Reports every misuse of `repeats`, each at the path of the `repeats` key concerned.
pub(super) fn check_repeats(cx: &mut Ctx, sessions: &[Read]) {
    let worksheets: BTreeSet<&QuestionId> =
        sessions.iter().flat_map(|s| s.worksheets.iter().flatten()).map(|(_, q)| &q.id).collect();
    for s in sessions {
        for (qi, q) in s.worksheets.iter().flatten() {
            if q.repeats.is_some() {
                let path = format!("$.sessions[{}].worksheets[{qi}].repeats", s.index);
                cx.problem(&path, "only a participant's grid may repeat an earlier grid, not a worksheet");
            }
        }
    }
    let mut earlier: BTreeMap<&QuestionId, &Question> = BTreeMap::new();
    for s in sessions {
        for (qi, q) in s.questions.iter().flatten() {
            if let Some(target) = &q.repeats {
                let path = format!("$.sessions[{}].questions[{qi}].repeats", s.index);
                if let Some(message) = misuse(q, target, &earlier, worksheets.contains(target)) {
                    cx.problem(&path, message);
                }
            }
            earlier.insert(&q.id, q);
        }
    }
}

/// What is wrong with `q` repeating `target`, if anything.
fn misuse(
    q: &Question,
    target: &QuestionId,
    earlier: &BTreeMap<&QuestionId, &Question>,
    is_worksheet: bool,
) -> Option<String> {
    let Kind::Grid { items, scale } = &q.kind else {
        return Some(format!("only a grid may repeat an earlier grid; this is a {} question", q.kind.name()));
    };
    let Some(t) = earlier.get(target) else {
        return Some(if is_worksheet {
            format!("'{target}' is a worksheet: a grid repeats an earlier participant grid")
        } else {
            format!("'{target}' is not a participant question that comes earlier")
        });
    };
    let Kind::Grid { items: t_items, scale: t_scale } = &t.kind else {
        return Some(format!("'{target}' is a {} question, not a grid", t.kind.name()));
    };
    let item_ids = |l: &[Choice<ItemId>]| l.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    if item_ids(items) != item_ids(t_items) {
        return Some(format!("the items differ from those of '{target}': the same ids, in the same order"));
    }
    if !same_scale(scale, t_scale) {
        return Some(format!(
            "the scale differs from that of '{target}': the same points, in the same order, and the \
             same \"no clear opinion\" offer"
        ));
    }
    None
}

fn same_scale(a: &Scale, b: &Scale) -> bool {
    let ids = |s: &Scale| s.points.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    ids(a) == ids(b) && a.no_clear_opinion.is_some() == b.no_clear_opinion.is_some()
}
