//! Several answers from a list, as checkboxes; once `max` are ticked the others wait.

use yew::prelude::*;

use super::{KindProps, dom_id};
use crate::core::answers::Answer;
use crate::core::definition::Kind;
use crate::core::text::OptionId;

#[component]
pub fn MultipleInput(props: &KindProps) -> Html {
    let q = &props.question;
    let Kind::MultipleChoice { options, max } = &q.kind else { return html! {} };
    let chosen: Vec<OptionId> = match &props.answer {
        Some(Answer::Options(c)) => c.clone(),
        _ => Vec::new(),
    };
    let full = max.is_some_and(|m| chosen.len() >= m as usize);
    let all_ids: Vec<OptionId> = options.iter().map(|o| o.id.clone()).collect();
    html! {
        <div class="options">
            if let Some(m) = max {
                <p class="limit" aria-live="polite">{ format!("Choose up to {m} ({} chosen).", chosen.len()) }</p>
            }
            { for options.iter().map(|o| {
                let on = chosen.contains(&o.id);
                let id = dom_id(q, o.id.as_str());
                let toggle = {
                    let chosen = chosen.clone();
                    let all_ids = all_ids.clone();
                    let oid = o.id.clone();
                    props.onanswer.reform(move |_| {
                        // Keep the definition's order, whatever order the boxes were ticked in.
                        let next: Vec<OptionId> = all_ids
                            .iter()
                            .filter(|i| if **i == oid { !chosen.contains(i) } else { chosen.contains(i) })
                            .cloned()
                            .collect();
                        (!next.is_empty()).then_some(Answer::Options(next))
                    })
                };
                html! {
                    <label class={classes!("option", on.then_some("chosen"))} for={id.clone()}>
                        <input type="checkbox" id={id} value={o.id.to_string()} checked={on}
                            disabled={full && !on} onchange={toggle} />
                        <span class="option-text">{ o.label.get(&props.lang) }</span>
                    </label>
                }
            }) }
        </div>
    }
}
