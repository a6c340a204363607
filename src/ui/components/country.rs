//! The participant's country, from the 193 UN member states, as a native select (which every
//! phone shows as an easy scrolling list).

use yew::prelude::*;

use super::{KindProps, dom_id};
use crate::core::answers::Answer;
use crate::core::countries::COUNTRIES;

#[component]
pub fn CountryInput(props: &KindProps) -> Html {
    let q = &props.question;
    let current = match &props.answer {
        Some(Answer::Country(c)) => c.clone(),
        _ => String::new(),
    };
    let onchange = props.onanswer.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let code = select.value();
        (!code.is_empty()).then_some(Answer::Country(code))
    });
    html! {
        <div class="country">
            <label for={dom_id(q, "country")} class="visually-hidden">{ "Country" }</label>
            <select id={dom_id(q, "country")} {onchange}>
                <option value="" selected={current.is_empty()}>{ "Choose a country…" }</option>
                { for COUNTRIES.iter().map(|c| html! {
                    <option value={c.code} selected={current == c.code}>{ c.name }</option>
                }) }
            </select>
        </div>
    }
}
