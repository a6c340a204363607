//! A short list of free-text entries (a table's hopes, fears, must-haves): one line per entry,
//! up to the worksheet's maximum. Empty lines are not part of the answer.

use yew::prelude::*;

use super::{KindProps, dom_id};
use crate::core::answers::Answer;
use crate::core::definition::Kind;

#[component]
pub fn ListInput(props: &KindProps) -> Html {
    let q = &props.question;
    let Kind::List { max_items, max_length } = &q.kind else { return html! {} };
    let (max_items, max_length) = (*max_items as usize, *max_length as usize);
    let entries: Vec<String> = match &props.answer {
        Some(Answer::List(e)) => e.clone(),
        _ => Vec::new(),
    };
    // One more empty line than entries, up to the maximum, so there is always room to write.
    let lines = (entries.len() + 1).min(max_items);
    html! {
        <ol class="list-entries">
            { for (0..lines).map(|i| {
                let value = entries.get(i).cloned().unwrap_or_default();
                let entries = entries.clone();
                let oninput = props.onanswer.reform(move |e: InputEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    let text: String = input.value().chars().take(max_length).collect();
                    let mut next = entries.clone();
                    if i < next.len() { next[i] = text } else { next.push(text) }
                    let next: Vec<String> = next.into_iter().filter(|t| !t.trim().is_empty()).collect();
                    (!next.is_empty()).then_some(Answer::List(next))
                });
                let id = dom_id(q, &format!("entry-{i}"));
                html! {
                    <li>
                        <label for={id.clone()} class="visually-hidden">{ format!("Entry {}", i + 1) }</label>
                        <input type="text" id={id} {value} maxlength={max_length.to_string()} {oninput} />
                    </li>
                }
            }) }
        </ol>
    }
}
