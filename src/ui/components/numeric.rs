//! A whole number from 0 to N, as a row of numbered radio buttons between two end labels.

use yew::prelude::*;

use super::{KindProps, dom_id};
use crate::core::answers::Answer;
use crate::core::definition::Kind;

#[component]
pub fn NumericInput(props: &KindProps) -> Html {
    let q = &props.question;
    let Kind::Numeric { max, min_label, max_label } = &q.kind else { return html! {} };
    let name = dom_id(q, "n");
    let lang = props.lang.as_str();
    html! {
        <div class="numeric">
            <div class="numbers" role="radiogroup">
                { for (0..=*max).map(|n| {
                    let checked = props.answer == Some(Answer::Number(n));
                    let id = dom_id(q, &n.to_string());
                    let label = if n == 0 {
                        format!("{n}: {}", min_label.get(lang))
                    } else if n == *max {
                        format!("{n}: {}", max_label.get(lang))
                    } else {
                        n.to_string()
                    };
                    html! {
                        <label class={classes!("number", checked.then_some("chosen"))} for={id.clone()}>
                            <input type="radio" id={id} name={name.clone()} value={n.to_string()} {checked}
                                aria-label={label}
                                onchange={props.onanswer.reform(move |_| Some(Answer::Number(n)))} />
                            <span aria-hidden="true">{ n }</span>
                        </label>
                    }
                }) }
            </div>
            <div class="ends" aria-hidden="true">
                <span>{ format!("0 = {}", min_label.get(lang)) }</span>
                <span>{ format!("{max} = {}", max_label.get(lang)) }</span>
            </div>
        </div>
    }
}
