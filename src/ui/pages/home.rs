//! The start page, and what a participant sees when their link is incomplete or odd: what is
//! wrong, in plain words, and a form to type the event and table their facilitator gives.

use yew::prelude::*;

use crate::core::link::{LinkProblem, participant_hash, table_hash};
use crate::core::record::{MAX_TABLE, is_valid_event};
use crate::ui::browser;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    /// What is wrong with the participant link that was opened (empty on the start page).
    pub problems: Vec<LinkProblem>,
    /// The link was a table link (`#/t`): the form leads to the table app.
    pub table: bool,
}

#[component]
pub fn Home(props: &HomeProps) -> Html {
    let given = |field: &str| {
        props.problems.iter().find(|p| p.field == field).and_then(|p| p.given.clone()).unwrap_or_default()
    };
    let event = use_state(|| given("event"));
    let table = use_state(|| given("table"));
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let (event, table, error, to_table) = (event.clone(), table.clone(), error.clone(), props.table);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ev = event.trim().to_string();
            match (is_valid_event(&ev), table.trim().parse::<u32>()) {
                (true, Ok(t)) if (1..=MAX_TABLE).contains(&t) => browser::set_hash(&if to_table {
                    table_hash(&ev, t)
                } else {
                    participant_hash(&ev, t, None)
                }),
                (false, _) => error.set(Some(
                    "The event name is letters, digits, - _ or . (for example pt-2020-10).".into(),
                )),
                _ => error.set(Some(format!("The table is a number from 1 to {MAX_TABLE}."))),
            }
        })
    };
    let input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            state.set(el.value());
        })
    };
    html! {
        <main class="screen" data-screen={if props.problems.is_empty() { "home" } else { "link-problem" }}>
            <h1>{ "We, the Internet: citizens' dialogue" }</h1>
            if props.problems.is_empty() {
                <p>{ "To answer the questionnaire, open the link your facilitator gave you, or type the event and table below." }</p>
            } else {
                <div class="banner warning" role="alert">
                    <p><strong>{ "This link is not complete." }</strong></p>
                    <ul>{ for props.problems.iter().map(|p| html! { <li>{ &p.message }</li> }) }</ul>
                    <p>{ "Ask your facilitator for the event name and your table number, and type them here." }</p>
                </div>
            }
            <form class="link-form" {onsubmit}>
                <label for="event">{ "Event name" }</label>
                <input id="event" name="event" autocomplete="off" autocapitalize="none" value={(*event).clone()}
                    oninput={input(&event)} />
                <label for="table">{ "Table number" }</label>
                <input id="table" name="table" inputmode="numeric" value={(*table).clone()} oninput={input(&table)} />
                if let Some(e) = &*error { <p class="error" role="alert">{ e }</p> }
                <button type="submit" class="primary">
                    { if props.table { "Open the table's worksheets" } else { "Go to the questionnaire" } }
                </button>
            </form>
            <p class="results-link"><a href="results.html#/r">{ "Results: gather the answers and tables, see and share the results" }</a></p>
        </main>
    }
}
