//! Putting options in order, with buttons only (no dragging, which fights scrolling on
//! phones): "up" and "down" on each option; for a top-k question, "add" from the options not
//! yet placed and "remove". Each move is announced to screen readers.

use yew::prelude::*;

use super::{KindProps, dom_id};
use crate::core::answers::Answer;
use crate::core::definition::Kind;
use crate::core::text::OptionId;

#[component]
pub fn OrderingInput(props: &KindProps) -> Html {
    let q = &props.question;
    let Kind::Ordering { options, top } = &q.kind else { return html! {} };
    let lang = props.lang.as_str();
    let label = |id: &OptionId| {
        options.iter().find(|o| &o.id == id).map(|o| o.label.get(lang).to_string()).unwrap_or_default()
    };
    let answered = matches!(props.answer, Some(Answer::Order(_)));
    // A full ordering starts in the definition's order; it becomes an answer at the first move
    // or when the participant keeps it as it is.
    let order: Vec<OptionId> = match (&props.answer, top) {
        (Some(Answer::Order(o)), _) => o.clone(),
        (None, None) => options.iter().map(|o| o.id.clone()).collect(),
        _ => Vec::new(),
    };
    let announce = use_state(String::new);
    let set = |next: Vec<OptionId>, message: String| {
        let announce = announce.clone();
        props.onanswer.reform(move |_| {
            announce.set(message.clone());
            (!next.is_empty()).then_some(Answer::Order(next.clone()))
        })
    };
    let n = order.len();
    let rest: Vec<&OptionId> = options.iter().map(|o| &o.id).filter(|id| !order.contains(id)).collect();
    let room = top.is_some_and(|k| n < k as usize);
    html! {
        <div class="ordering">
            if let Some(k) = top {
                <p class="limit">{ format!("Choose your top {k}, then put them in order.") }</p>
            } else {
                <p class="limit">{ "Put them in order: first is the one you put first." }</p>
            }
            <ol class="order" aria-label="Your order">
                { for order.iter().enumerate().map(|(i, id)| {
                    let name = label(id);
                    let swap = |j: usize, dir: &str| {
                        let mut next = order.clone();
                        next.swap(i, j);
                        set(next, format!("{name} moved {dir}, now number {}", j + 1))
                    };
                    let mut without = order.clone();
                    without.remove(i);
                    html! {
                        <li class="order-item" data-option={id.to_string()}>
                            <span class="rank" aria-hidden="true">{ i + 1 }</span>
                            <span class="order-label">{ name.clone() }</span>
                            <span class="order-buttons">
                                <button type="button" class="icon" data-move="up" disabled={i == 0}
                                    aria-label={format!("Move {name} up")}
                                    onclick={if i > 0 { swap(i - 1, "up") } else { Callback::noop() }}>{ "↑" }</button>
                                <button type="button" class="icon" data-move="down" disabled={i + 1 == n}
                                    aria-label={format!("Move {name} down")}
                                    onclick={if i + 1 < n { swap(i + 1, "down") } else { Callback::noop() }}>{ "↓" }</button>
                                if top.is_some() {
                                    <button type="button" class="icon" data-move="remove"
                                        aria-label={format!("Remove {name}")}
                                        onclick={set(without, format!("{name} removed"))}>{ "✕" }</button>
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
                                onclick={set(next, format!("{name} added as number {}", n + 1))}>
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
            <p class="visually-hidden" aria-live="polite" id={dom_id(q, "announce")}>{ (*announce).clone() }</p>
        </div>
    }
}
