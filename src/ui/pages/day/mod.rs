//! The day, as a participant (`#/p`) or a table (`#/t`) lives it: loads the definition named by
//! the deployment, then hands over to [`screen::Day`], which holds the state. A definition that cannot be fetched falls back to the
//! copy kept from the last visit; a broken one lists its problems for the organiser.

mod ballots;
mod overview;
mod screen;
mod session;
mod welcome;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::definition::{Definition, RecordKind};
use crate::core::link::ParticipantLink;
use crate::ui::loader::{LoadError, load_definition};

#[derive(Properties, PartialEq)]
pub struct DayProps {
    pub kind: RecordKind,
    pub link: ParticipantLink,
}

#[derive(Clone, PartialEq)]
enum Loaded {
    Pending,
    Ready(Rc<Definition>),
    /// Could not be fetched, and no copy was kept.
    Unreachable(String),
    /// Fetched but not a valid definition: every problem, for the organiser.
    Invalid(Vec<String>),
}

#[component]
pub fn DayPage(props: &DayProps) -> Html {
    let loaded = use_state(|| Loaded::Pending);
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                loaded.set(match load_definition().await {
                    Ok(def) => Loaded::Ready(Rc::new(def)),
                    Err(LoadError::Unreachable(e)) => Loaded::Unreachable(e),
                    Err(LoadError::Invalid(problems)) => Loaded::Invalid(problems),
                });
            });
        });
    }
    match &*loaded {
        Loaded::Pending => html! {
            <main class="screen" data-screen="loading"><p role="status">{ "Loading the questionnaire…" }</p></main>
        },
        Loaded::Ready(def) => {
            html! { <screen::Day def={def.clone()} link={props.link.clone()} kind={props.kind} /> }
        }
        Loaded::Unreachable(e) => html! {
            <main class="screen" data-screen="error">
                <h1>{ "The questionnaire could not be loaded" }</h1>
                <p>{ format!("Check your connection and try again ({e}).") }</p>
                <button class="primary" onclick={Callback::from(|_| { let _ = web_sys::window().map(|w| w.location().reload()); })}>
                    { "Try again" }
                </button>
            </main>
        },
        Loaded::Invalid(problems) => html! {
            <main class="screen" data-screen="error">
                <h1>{ "The questionnaire file has problems" }</h1>
                <p>{ "Please tell the organiser of this event. The file needs these fixes:" }</p>
                <ul class="problems">{ for problems.iter().map(|p| html! { <li><code>{ p }</code></li> }) }</ul>
            </main>
        },
    }
}
