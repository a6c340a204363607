//! Putting options in order, on a phone as on a shared screen. Every way a person may try
//! works, and each move is announced to screen readers:
//! - buttons: "up" and "down" on each option (and, for a top-k question, "add" and "remove");
//! - keyboard: an option has focus; the arrow keys move it, Home and End send it to an end;
//! - drag: the grip of an option follows a mouse at once, and a finger after a short hold,
//!   so that a finger swiping anywhere else still scrolls the page.
//!
//! A full ordering starts in the definition's order and becomes an answer at the first move
//! (or "Keep this order"); a top-k ordering starts empty.

use yew::prelude::*;

use super::ordering_drag::{self, Drag};
use super::{KindProps, dom_id};
use crate::core::answers::Answer;
use crate::core::definition::Kind;
use crate::core::text::OptionId;

/// `order` with the option at `from` moved to `to`.
pub fn moved(order: &[OptionId], from: usize, to: usize) -> Vec<OptionId> {
    let mut next = order.to_vec();
    if from < next.len() && to < next.len() {
        let item = next.remove(from);
        next.insert(to, item);
    }
    next
}

#[component]
pub fn OrderingInput(props: &KindProps) -> Html {
    let q = &props.question;
    let Kind::Ordering { options, top } = &q.kind else { return html! {} };
    let lang = props.lang.as_str();
    let label = |id: &OptionId| {
        options.iter().find(|o| &o.id == id).map(|o| o.label.get(lang).to_string()).unwrap_or_default()
    };
    let answered = matches!(props.answer, Some(Answer::Order(_)));
    let order: Vec<OptionId> = match (&props.answer, top) {
        (Some(Answer::Order(o)), _) => o.clone(),
        (None, None) => options.iter().map(|o| o.id.clone()).collect(),
        _ => Vec::new(),
    };
    let announce = use_state(String::new);
    let focus_next = use_mut_ref(|| None::<OptionId>);
    let drag = use_mut_ref(|| None::<Drag>);
    let preview = use_state(|| None::<Vec<OptionId>>);
    let list_ref = use_node_ref();
    {
        // After a keyboard move, keep the focus on the option that moved.
        let (focus_next, list_ref) = (focus_next.clone(), list_ref.clone());
        use_effect(move || {
            if let Some(id) = focus_next.borrow_mut().take() {
                let li = list_ref
                    .cast::<web_sys::Element>()
                    .and_then(|l| l.query_selector(&format!("li[data-option=\"{id}\"]")).ok().flatten());
                if let Some(li) =
                    li.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = li.focus();
                }
            }
        });
    }
    let labels: Vec<(OptionId, String)> =
        options.iter().map(|o| (o.id.clone(), o.label.get(lang).to_string())).collect();
    let name_of =
        move |id: &OptionId| labels.iter().find(|(i, _)| i == id).map(|(_, l)| l.clone()).unwrap_or_default();
    let commit = {
        let (onanswer, announce) = (props.onanswer.clone(), announce.clone());
        Callback::from(move |(next, message): (Vec<OptionId>, String)| {
            announce.set(message);
            onanswer.emit((!next.is_empty()).then_some(Answer::Order(next)));
        })
    };
    let set = |next: Vec<OptionId>, message: String| {
        commit.reform(move |_: MouseEvent| (next.clone(), message.clone()))
    };
    let shown = (*preview).clone().unwrap_or_else(|| order.clone());
    let n = shown.len();
    let onkeydown = {
        let (order, commit, focus_next, name_of) =
            (order.clone(), commit.clone(), focus_next.clone(), name_of.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(i) = ordering_drag::index_of_target(&e, &order) else { return };
            let to = match e.key().as_str() {
                "ArrowUp" if i > 0 => i - 1,
                "ArrowDown" if i + 1 < order.len() => i + 1,
                "Home" => 0,
                "End" => order.len() - 1,
                _ => return,
            };
            e.prevent_default();
            if to != i {
                let name = name_of(&order[i]);
                *focus_next.borrow_mut() = Some(order[i].clone());
                commit.emit((
                    moved(&order, i, to),
                    format!("{name} moved to number {} of {}", to + 1, order.len()),
                ));
            }
        })
    };
    let handlers = ordering_drag::handlers(
        drag.clone(),
        preview.clone(),
        list_ref.clone(),
        order.clone(),
        commit.clone(),
        announce.clone(),
        name_of.clone(),
    );
    let rest: Vec<&OptionId> = options.iter().map(|o| &o.id).filter(|id| !order.contains(id)).collect();
    let room = top.is_some_and(|k| order.len() < k as usize);
    let dragging = drag.borrow().as_ref().is_some_and(|d| d.active);
    html! {
        <div class="ordering">
            if let Some(k) = top {
                <p class="limit">{ format!("Choose your top {k}, then put them in order.") }</p>
            } else {
                <p class="limit">{ "Put them in order: the first is the one you put first." }</p>
            }
            if n > 1 {
                <p class="limit how">{ "Move an option with its arrows, by dragging its grip ⠿, or with the arrow keys." }</p>
            }
            <ol class={classes!("order", dragging.then_some("dragging"))} aria-label="Your order" ref={list_ref}
                onkeydown={onkeydown}
                onpointermove={handlers.onmove} onpointerup={handlers.onup} onpointercancel={handlers.oncancel}>
                { for shown.iter().enumerate().map(|(i, id)| {
                    let name = label(id);
                    let held = dragging && drag.borrow().as_ref().is_some_and(|d| d.current == i);
                    html! {
                        <li class={classes!("order-item", held.then_some("held"))} data-option={id.to_string()}
                            tabindex="0" aria-label={format!("{name}, number {} of {n}", i + 1)}>
                            <span class="grip" aria-hidden="true" data-grip={i.to_string()}
                                onpointerdown={handlers.ondown.reform(move |e: PointerEvent| (e, i))}>{ "⠿" }</span>
                            <span class="rank" aria-hidden="true">{ i + 1 }</span>
                            <span class="order-label">{ name.clone() }</span>
                            <span class="order-buttons">
                                <button type="button" class="icon" data-move="up" disabled={i == 0} tabindex="-1"
                                    aria-label={format!("Move {name} up")}
                                    onclick={if i > 0 { set(moved(&shown, i, i - 1), format!("{name} moved up, now number {i}")) } else { Callback::noop() }}>{ "↑" }</button>
                                <button type="button" class="icon" data-move="down" disabled={i + 1 == n} tabindex="-1"
                                    aria-label={format!("Move {name} down")}
                                    onclick={if i + 1 < n { set(moved(&shown, i, i + 1), format!("{name} moved down, now number {}", i + 2)) } else { Callback::noop() }}>{ "↓" }</button>
                                if top.is_some() {
                                    <button type="button" class="icon" data-move="remove"
                                        aria-label={format!("Remove {name}")}
                                        onclick={set(shown.iter().filter(|x| *x != id).cloned().collect(), format!("{name} removed"))}>{ "✕" }</button>
                                }
                            </span>
                        </li>
                    }
                }) }
            </ol>
            if top.is_some() && !rest.is_empty() {
                <p class="add-title">{ if room { "Add:" } else { "Your list is full. Remove one to add another." } }</p>
                <div class="order-rest">
                    { for rest.iter().map(|id| {
                        let name = label(id);
                        let mut next = order.clone();
                        next.push((*id).clone());
                        html! {
                            <button type="button" class="add" data-add={id.to_string()} disabled={!room}
                                onclick={set(next, format!("{name} added as number {}", order.len() + 1))}>
                                { format!("+ {name}") }
                            </button>
                        }
                    }) }
                </div>
            }
            if top.is_none() && !answered {
                <button type="button" class="secondary" data-action="keep-order"
                    onclick={set(order.clone(), "Order kept".to_string())}>{ "Keep this order" }</button>
            }
            <p class="visually-hidden" aria-live="assertive" id={dom_id(q, "announce")}>{ (*announce).clone() }</p>
        </div>
    }
}
