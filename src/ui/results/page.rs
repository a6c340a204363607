//! The results page: holds the [`Workspace`], restores it from IndexedDB on arrival, saves it
//! after every change, computes the results and the report, and shows the view asked for.

use std::rc::Rc;

use yew::prelude::*;

use super::exports::Exports;
use super::filters::Filters;
use super::idb;
use super::import_log::ImportLog;
use super::import_panel::ImportPanel;
use super::presenter::Presenter;
use super::results_view::ResultsView;
use super::state::{Action, Meta, Workspace};
use crate::core::chart::fmt::count;
use crate::core::definition::Definition;
use crate::core::record::Record;
use crate::core::report::{self, Report};
use crate::core::results::{Results, results_from};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum View {
    Workspace,
    Present,
    Print,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub def: Rc<Definition>,
    pub view: View,
}

/// Where the saved copy stands.
#[derive(Clone, Debug, PartialEq)]
enum Saved {
    /// Reading what the browser kept.
    Opening,
    Yes,
    Failed(String),
}

/// The records the results are computed from, whole, in the dataset's order (for exports).
pub fn records(ws: &Workspace) -> Vec<Record> {
    ws.data.borrow().records(&ws.def)
}

#[component]
pub fn ResultsPage(props: &Props) -> Html {
    let ws = use_reducer({
        let def = props.def.clone();
        move || Workspace::new(def)
    });
    let saved = use_state(|| Saved::Opening);
    {
        let dispatcher = ws.dispatcher();
        let saved = saved.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match idb::load(idb::BUNDLE).await {
                    Ok(Some(bundle)) => {
                        let meta = idb::load(idb::META)
                            .await
                            .ok()
                            .flatten()
                            .and_then(|m| serde_json::from_str::<Meta>(&m).ok())
                            .unwrap_or_default();
                        dispatcher.dispatch(Action::Restore { bundle, meta });
                        saved.set(Saved::Yes);
                    }
                    Ok(None) => saved.set(Saved::Yes),
                    Err(e) => saved.set(Saved::Failed(e)),
                }
            });
        });
    }
    {
        let ws = ws.clone();
        let saved = saved.clone();
        use_effect_with((ws.revision, ws.exported), move |_| {
            if ws.revision > 0 && !ws.restored {
                let bundle = ws.data.borrow().to_bundle_json();
                let meta = serde_json::to_string(&ws.meta()).unwrap_or_default();
                wasm_bindgen_futures::spawn_local(async move {
                    match idb::save(&[(idb::BUNDLE, &bundle), (idb::META, &meta)]).await {
                        Ok(()) => saved.set(Saved::Yes),
                        Err(e) => saved.set(Saved::Failed(e)),
                    }
                });
            }
        });
    }
    let computed: Rc<(Results, Report)> = {
        let ws = ws.clone();
        use_memo((ws.revision, ws.filter.clone()), move |(_, filter)| {
            let res = results_from(&ws.def, ws.data.borrow().entries().map(|e| &e.packed), filter);
            let report = report::build(&ws.def, &res, "en");
            (res, report)
        })
    };
    let on_import = {
        let dispatcher = ws.dispatcher();
        Callback::from(move |incoming| dispatcher.dispatch(Action::Import(incoming)))
    };
    let (res, report) = (&computed.0, &computed.1);
    match props.view {
        View::Present => {
            return html! { <Presenter report={computed.clone()} on_import={on_import} /> };
        }
        View::Print => {
            let page = report::html::printable(&ws.def, res, report, &ws.filter.describe());
            let body = page.split_once("<body>").map_or("", |(_, b)| b).trim_end_matches("</body></html>\n");
            return html! {
                <div class="print-view" data-screen="print">
                    <p class="no-print">
                        <button class="primary" onclick={Callback::from(|_| { let _ = web_sys::window().map(|w| w.print()); })}>{ "Print or save as PDF" }</button>
                        { " " }<a href="#/r">{ "Back to the results" }</a>
                    </p>
                    { Html::from_html_unchecked(AttrValue::from(body.to_string())) }
                </div>
            };
        }
        View::Workspace => {}
    }
    let status = match &*saved {
        Saved::Opening => {
            html! { <p class="status" role="status">{ "Opening the results kept in this browser…" }</p> }
        }
        Saved::Yes if ws.data.borrow().is_empty() => html! {},
        Saved::Yes => {
            html! { <p class="status" role="status">{ "Kept in this browser: a reload loses nothing." }</p> }
        }
        Saved::Failed(e) => html! {
            <p class="banner warning" role="alert">
                { format!("This browser is not keeping the results ({e}). Download the result bundle before you close the page.") }
            </p>
        },
    };
    let filtered = ws.filter.describe();
    html! {
        <main class="results" data-screen="results">
            <header class="results-head">
                <h1>{ "Results" }</h1>
                <p class="counts" data-testid="counts">
                    { format!("{} participants and {} tables", count(res.participants), count(res.tables)) }
                    { if filtered.is_empty() { String::new() } else { format!(" (only {filtered})") } }
                </p>
                { status }
            </header>
            if *saved != Saved::Opening {
                <ImportPanel on_import={on_import.clone()} />
            }
            <ImportLog log={ws.log.clone()} />
            <Filters ws={ws.clone()} />
            <Exports ws={ws.clone()} computed={computed.clone()} />
            <p><a class="button" href="#/r/present">{ "Present on a shared screen" }</a>{ " " }
               <a class="button" href="#/r/print">{ "Printable report" }</a></p>
            <ResultsView ws={ws.clone()} report={computed.clone()} />
        </main>
    }
}
