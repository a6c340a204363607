//! Loads the definition, then shows the workspace (`#/r`), the presenter (`#/r/present`) or the
//! printable report (`#/r/print`), following `location.hash`.

use std::rc::Rc;

use yew::prelude::*;

use super::page::{ResultsPage, View};
use crate::core::definition::Definition;
use crate::ui::hash::use_hash;
use crate::ui::loader::{LoadError, load_definition};

fn view_of(hash: &str) -> View {
    let path = hash.trim_start_matches('#').split('?').next().unwrap_or("");
    match path.trim_end_matches('/') {
        "/r/present" => View::Present,
        "/r/print" => View::Print,
        _ => View::Workspace,
    }
}

#[component]
pub fn ResultsApp() -> Html {
    let loaded = use_state(|| None::<Result<Rc<Definition>, LoadError>>);
    let view = view_of(&use_hash());
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                loaded.set(Some(load_definition().await.map(Rc::new)));
            });
        });
    }
    match &*loaded {
        None => html! { <main class="screen"><p role="status">{ "Loading…" }</p></main> },
        Some(Ok(def)) => html! { <ResultsPage def={def.clone()} view={view} /> },
        Some(Err(LoadError::Unreachable(e))) => html! {
            <main class="screen" data-screen="error">
                <h1>{ "The questionnaire could not be loaded" }</h1>
                <p>{ format!("The results page needs the day's questionnaire to read answers ({e}).") }</p>
            </main>
        },
        Some(Err(LoadError::Invalid(problems))) => html! {
            <main class="screen" data-screen="error">
                <h1>{ "The questionnaire has problems" }</h1>
                <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            </main>
        },
    }
}
