//! Open text with a length limit and a live count of what is left. Saved as typed.

use yew::prelude::*;

use super::{KindProps, dom_id};
use crate::core::answers::Answer;
use crate::core::definition::Kind;

#[component]
pub fn TextInput(props: &KindProps) -> Html {
    let q = &props.question;
    let Kind::Text { max_length } = &q.kind else { return html! {} };
    let max = *max_length as usize;
    let value = match &props.answer {
        Some(Answer::Text(t)) => t.clone(),
        _ => String::new(),
    };
    let oninput = props.onanswer.reform(move |e: InputEvent| {
        let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        let text: String = area.value().chars().take(max).collect();
        (!text.trim().is_empty()).then_some(Answer::Text(text))
    });
    let left = max.saturating_sub(value.chars().count());
    let count_id = dom_id(q, "count");
    html! {
        <div class="text-answer">
            <textarea id={dom_id(q, "text")} rows="5" maxlength={max.to_string()} {value} {oninput}
                aria-labelledby={dom_id(q, "title")} aria-describedby={count_id.clone()} />
            <p id={count_id} class="count">{ format!("{left} characters left") }</p>
        </div>
    }
}
