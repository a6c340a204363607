//! Downloads: the result bundle for the next level up, the data package (tidy CSV, wide CSV,
//! codebook), results.json, every chart as SVG with its table as CSV and the printable report;
//! and forgetting everything, after a warning when it was not exported.

use std::rc::Rc;

use yew::prelude::*;

use super::idb;
use super::page::records;
use super::state::{Action, Workspace};
use crate::core::export::{data_package_zip, zip_files};
use crate::core::report::{Report, html::printable};
use crate::core::results::Results;
use crate::ui::browser;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub ws: UseReducerHandle<Workspace>,
    pub computed: Rc<(Results, Report)>,
}

/// Which download a button makes.
#[derive(Clone, Copy)]
enum What {
    Bundle,
    DataPackage,
    ResultsJson,
    Charts,
}

fn make(ws: &Workspace, computed: &(Results, Report), what: What) -> (String, &'static str, Vec<u8>) {
    let def = &ws.def;
    match what {
        What::Bundle => (
            "dialogue-kit-bundle.json".into(),
            "application/json",
            ws.data.borrow().to_bundle_json().into_bytes(),
        ),
        What::DataPackage => {
            ("dialogue-kit-data.zip".into(), "application/zip", data_package_zip(def, &records(ws)))
        }
        What::ResultsJson => ("results.json".into(), "application/json", computed.0.to_json().into_bytes()),
        What::Charts => {
            let mut files = computed.1.files();
            let page = printable(def, &computed.0, &computed.1, &ws.filter.describe());
            files.push(("report.html".into(), page.into_bytes()));
            files.push(("results.json".into(), computed.0.to_json().into_bytes()));
            ("dialogue-kit-charts.zip".into(), "application/zip", zip_files(&files))
        }
    }
}

#[component]
pub fn Exports(props: &Props) -> Html {
    let error = use_state(|| None::<String>);
    let ws = &props.ws;
    if ws.data.borrow().is_empty() {
        return html! {};
    }
    let button = |what: What, label: &str, hint: &str| {
        let (ws, computed, error) = (ws.clone(), props.computed.clone(), error.clone());
        let onclick = Callback::from(move |_| {
            let (name, mime, bytes) = make(&ws, &computed, what);
            match browser::download_bytes(&name, mime, &bytes) {
                Ok(()) => {
                    error.set(None);
                    if matches!(what, What::Bundle | What::DataPackage) {
                        ws.dispatch(Action::Exported);
                    }
                }
                Err(e) => error.set(Some(e)),
            }
        });
        html! {
            <li><button class="button" {onclick}>{ label.to_string() }</button>
                <span class="hint">{ hint.to_string() }</span></li>
        }
    };
    let on_clear = {
        let ws = ws.clone();
        Callback::from(move |_| {
            let n = ws.data.borrow().len();
            let warning = if ws.exported {
                format!("Forget the {n} records kept in this browser?")
            } else {
                format!(
                    "Forget the {n} records kept in this browser? They have NOT been downloaded since the last change: download the result bundle first, or they are lost."
                )
            };
            let sure = web_sys::window().and_then(|w| w.confirm_with_message(&warning).ok()).unwrap_or(false);
            if sure {
                let ws = ws.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = idb::clear().await;
                    ws.dispatch(Action::Clear);
                });
            }
        })
    };
    html! {
        <section class="exports" aria-labelledby="exports-title">
            <h2 id="exports-title">{ "Download" }</h2>
            <ul class="export-list">
                { button(What::Bundle, "Result bundle", "every record and where it came from: send this one to your national partner or the global coordinator") }
                { button(What::DataPackage, "Data for spreadsheets (zip)", "one row per answer, one row per respondent, and a codebook, as CSV") }
                { button(What::Charts, "Charts and tables (zip)", "every chart as SVG, its numbers as CSV, and the printable report") }
                { button(What::ResultsJson, "results.json", "every figure, for other programs") }
            </ul>
            if let Some(e) = &*error { <p class="banner warning" role="alert">{ e }</p> }
            if !ws.exported { <p class="hint">{ "Not downloaded since the last change." }</p> }
            <p><button class="button danger" onclick={on_clear}>{ "Forget these results…" }</button></p>
        </section>
    }
}
