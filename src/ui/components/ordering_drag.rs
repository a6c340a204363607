//! Dragging in the ordering control, with pointer events (mouse, touch and pen alike).
//!
//! A drag starts on an option's grip: at once for a mouse, after a hold of [`HOLD_MS`] for a
//! finger or pen (a finger that moves sooner is not dragging). While it lasts, the list shows
//! where the option would land; letting go commits the new order, cancelling restores the old.
//! The grip has `touch-action: none`, so only the grip, not the rest of the page, stops
//! scrolling under a finger.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::ordering::moved;
use crate::core::text::OptionId;

/// How long a finger holds the grip before the option follows it.
pub const HOLD_MS: f64 = 200.0;
/// How far a finger may move during the hold before it counts as scrolling instead.
const SLOP_PX: i32 = 12;

/// A drag under way.
pub struct Drag {
    pointer: i32,
    start_y: i32,
    started_at: f64,
    /// The option's place when the drag began, and where it would land now.
    from: usize,
    pub current: usize,
    /// Following the pointer (after the hold, for touch).
    pub active: bool,
}

/// The pointer handlers of the list (`onmove`, `onup`, `oncancel`) and of each grip (`ondown`).
pub struct Handlers {
    pub ondown: Callback<(PointerEvent, usize)>,
    pub onmove: Callback<PointerEvent>,
    pub onup: Callback<PointerEvent>,
    pub oncancel: Callback<PointerEvent>,
}

/// The index in `order` of the option whose `li` an event targets.
pub fn index_of_target(e: &KeyboardEvent, order: &[OptionId]) -> Option<usize> {
    let li: web_sys::Element = e.target()?.dyn_into().ok()?;
    if li.tag_name() != "LI" {
        return None;
    }
    let id = li.get_attribute("data-option")?;
    order.iter().position(|o| o.as_str() == id)
}

/// Which place a pointer at `y` is over, from the items' boxes on screen.
fn place_at(list: &web_sys::Element, y: f64) -> Option<usize> {
    let items = list.query_selector_all(":scope > li").ok()?;
    let n = items.length() as usize;
    for i in 0..n {
        let el: web_sys::Element = items.item(i as u32)?.dyn_into().ok()?;
        let r = el.get_bounding_client_rect();
        if y < r.top() + r.height() / 2.0 {
            return Some(i);
        }
    }
    n.checked_sub(1)
}

#[allow(clippy::too_many_arguments)]
pub fn handlers(
    drag: Rc<RefCell<Option<Drag>>>,
    preview: UseStateHandle<Option<Vec<OptionId>>>,
    list: NodeRef,
    order: Vec<OptionId>,
    commit: Callback<(Vec<OptionId>, String)>,
    announce: UseStateHandle<String>,
    name_of: impl Fn(&OptionId) -> String + Clone + 'static,
) -> Handlers {
    let ondown = {
        let (drag, preview) = (drag.clone(), preview.clone());
        Callback::from(move |(e, i): (PointerEvent, usize)| {
            if e.button() != 0 && e.pointer_type() == "mouse" {
                return;
            }
            let mouse = e.pointer_type() == "mouse";
            if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = t.set_pointer_capture(e.pointer_id());
            }
            if mouse {
                e.prevent_default();
            }
            *drag.borrow_mut() = Some(Drag {
                pointer: e.pointer_id(),
                start_y: e.client_y(),
                started_at: js_sys::Date::now(),
                from: i,
                current: i,
                active: mouse,
            });
            if mouse {
                preview.set(None);
            }
        })
    };
    let onmove = {
        let (drag, preview, list, order, announce, name_of) =
            (drag.clone(), preview.clone(), list.clone(), order.clone(), announce.clone(), name_of.clone());
        Callback::from(move |e: PointerEvent| {
            let mut guard = drag.borrow_mut();
            let Some(d) = guard.as_mut().filter(|d| d.pointer == e.pointer_id()) else { return };
            if !d.active {
                let held = js_sys::Date::now() - d.started_at >= HOLD_MS;
                if (e.client_y() - d.start_y).abs() > SLOP_PX && !held {
                    *guard = None; // a swipe, not a drag
                    return;
                }
                if !held {
                    return;
                }
                d.active = true;
                announce.set(format!("{} picked up", name_of(&order[d.from])));
            }
            e.prevent_default();
            let Some(to) =
                list.cast::<web_sys::Element>().and_then(|l| place_at(&l, f64::from(e.client_y())))
            else {
                return;
            };
            if to != d.current || preview.is_none() {
                d.current = to;
                preview.set(Some(moved(&order, d.from, to)));
            }
        })
    };
    let finish = {
        let (drag, preview, order) = (drag.clone(), preview.clone(), order.clone());
        move |e: PointerEvent, keep: bool| {
            let taken = drag.borrow_mut().take();
            let Some(d) = taken.filter(|d| d.pointer == e.pointer_id()) else { return };
            preview.set(None);
            if d.active && keep && d.current != d.from {
                let name = name_of(&order[d.from]);
                let n = order.len();
                commit.emit((
                    moved(&order, d.from, d.current),
                    format!("{name} dropped at number {} of {n}", d.current + 1),
                ));
            }
        }
    };
    let onup = {
        let finish = finish.clone();
        Callback::from(move |e: PointerEvent| finish(e, true))
    };
    let oncancel = Callback::from(move |e: PointerEvent| finish(e, false));
    Handlers { ondown, onmove, onup, oncancel }
}
