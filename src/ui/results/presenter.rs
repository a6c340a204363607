//! Presenter mode for a shared screen (Zoom): one chart a screen, very large type, high
//! contrast. Arrow keys, Page Up / Page Down (what presentation clickers send), Space, Home and
//! End move; Escape goes back. Codes pasted anywhere on the page (Ctrl+V) are imported at once,
//! and the chart in view updates with them.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{ClipboardEvent, KeyboardEvent};
use yew::prelude::*;

use super::files::{Content, Incoming};
use crate::core::chart::fmt::count;
use crate::core::report::Report;
use crate::core::results::Results;
use crate::ui::browser;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Rc<(Results, Report)>,
    pub on_import: Callback<Vec<Incoming>>,
}

/// The chart to show after `key`, out of `n`, from `at`; `None` to leave.
fn step(key: &str, at: usize, n: usize) -> Option<Option<usize>> {
    let last = n.saturating_sub(1);
    Some(Some(match key {
        "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Enter" => (at + 1).min(last),
        "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" => at.saturating_sub(1),
        "Home" => 0,
        "End" => last,
        "Escape" => return Some(None),
        _ => return None,
    }))
}

#[component]
pub fn Presenter(props: &Props) -> Html {
    let (res, report) = (&props.report.0, &props.report.1);
    let charts: Vec<_> = report.charts().collect();
    let n = charts.len();
    // The chart in view is remembered by id, so that new data never moves the screen.
    let current = use_state(|| charts.first().map(|c| c.id.clone()));
    let at = current.as_ref().and_then(|id| charts.iter().position(|c| &c.id == id)).unwrap_or(0);
    {
        let ids: Vec<String> = charts.iter().map(|c| c.id.clone()).collect();
        let current = current.clone();
        let on_import = props.on_import.clone();
        use_effect_with((ids, at), move |(ids, at)| {
            let (ids, at) = (ids.clone(), *at);
            let keys = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
                if e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                match step(&e.key(), at, ids.len()) {
                    Some(Some(i)) => {
                        e.prevent_default();
                        current.set(ids.get(i).cloned());
                    }
                    Some(None) => browser::set_hash("#/r"),
                    None => {}
                }
            });
            let paste = Closure::<dyn Fn(ClipboardEvent)>::new(move |e: ClipboardEvent| {
                if let Some(text) = e.clipboard_data().and_then(|d| d.get_data("text").ok()) {
                    e.prevent_default();
                    on_import
                        .emit(vec![Incoming { source: "pasted text".into(), content: Content::Text(text) }]);
                }
            });
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(d) = &document {
                let _ = d.add_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref());
                let _ = d.add_event_listener_with_callback("paste", paste.as_ref().unchecked_ref());
            }
            move || {
                if let Some(d) = document {
                    let _ = d.remove_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref());
                    let _ = d.remove_event_listener_with_callback("paste", paste.as_ref().unchecked_ref());
                }
            }
        });
    }
    let go = |i: usize| {
        let current = current.clone();
        let id = charts.get(i).map(|c| c.id.clone());
        Callback::from(move |_| current.set(id.clone()))
    };
    let body = match charts.get(at) {
        None => {
            html! { <p class="present-empty">{ "No results yet. Paste codes here (Ctrl+V) and they appear." }</p> }
        }
        Some(c) => html! {
            <figure class="present-chart" data-chart={c.id.clone()} aria-live="polite">
                { Html::from_html_unchecked(AttrValue::from(c.svg())) }
            </figure>
        },
    };
    html! {
        <main class="presenter" data-screen="presenter" aria-roledescription="slide show">
            { body }
            <nav class="present-bar" aria-label="Slides">
                <button onclick={go(at.saturating_sub(1))} disabled={at == 0} aria-label="Previous chart">{ "◀" }</button>
                <span class="present-count" data-testid="slide">{ format!("{} / {}", if n == 0 { 0 } else { at + 1 }, n) }</span>
                <button onclick={go((at + 1).min(n.saturating_sub(1)))} disabled={at + 1 >= n} aria-label="Next chart">{ "▶" }</button>
                <span class="present-live" data-testid="present-counts">
                    { format!("{} participants, {} tables", count(res.participants), count(res.tables)) }
                </span>
                <a href="#/r" class="present-exit">{ "Exit (Esc)" }</a>
            </nav>
        </main>
    }
}
