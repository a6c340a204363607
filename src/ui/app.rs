//! The router: reads `location.hash` (a hash router works from any folder of any static
//! host) and shows the page it names.

use yew::prelude::*;

use super::hash::use_hash;
use super::pages::day::DayPage;
use super::pages::home::Home;
use crate::core::definition::RecordKind;
use crate::core::link::{Route, parse_hash};

#[component]
pub fn App() -> Html {
    let route = parse_hash(&use_hash());
    match &route {
        Route::Home => html! { <Home problems={Vec::new()} table={false} /> },
        Route::Participant(Ok(link)) => {
            html! { <DayPage kind={RecordKind::Participant} link={link.clone()} /> }
        }
        Route::Table(Ok(link)) => html! { <DayPage kind={RecordKind::Table} link={link.clone()} /> },
        Route::Participant(Err(problems)) => html! { <Home problems={problems.clone()} table={false} /> },
        Route::Table(Err(problems)) => html! { <Home problems={problems.clone()} table={true} /> },
        Route::Results(hash) => {
            // The results have their own page and bundle: participants never download them.
            if let Some(w) = web_sys::window() {
                let _ = w.location().replace(&format!("results.html#{hash}"));
            }
            html! { <main class="screen"><p role="status">{ "Opening the results…" }</p></main> }
        }
        Route::Unknown(path) => html! {
            <main class="screen" data-screen="unknown">
                <h1>{ "This page does not exist" }</h1>
                <p>{ format!("The link points to \"{path}\", which this app does not have.") }</p>
                <p><a href="#/">{ "Go to the start page" }</a></p>
            </main>
        },
    }
}
