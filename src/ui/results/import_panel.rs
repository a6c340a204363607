//! Where results come in: pick or drop many files at once (record files, result bundles, chat
//! transcripts saved as text, photos or screenshots of QR codes), scan QR codes with the camera,
//! or paste text (a whole Zoom chat: every code in it is found).

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::camera::CameraScan;
use super::files::{self, Content, Incoming};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_import: Callback<Vec<Incoming>>,
}

/// Reads every file of `list`, then hands them over together.
fn read_all(list: Option<FileList>, on_import: Callback<Vec<Incoming>>, busy: UseStateHandle<bool>) {
    let Some(list) = list else { return };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    busy.set(true);
    wasm_bindgen_futures::spawn_local(async move {
        let mut incoming = Vec::with_capacity(files.len());
        for f in files {
            incoming.push(files::read(f).await);
        }
        on_import.emit(incoming);
        busy.set(false);
    });
}

#[component]
pub fn ImportPanel(props: &Props) -> Html {
    let busy = use_state(|| false);
    let over = use_state(|| false);
    let text = use_node_ref();
    let on_files = {
        let (on_import, busy) = (props.on_import.clone(), busy.clone());
        Callback::from(move |e: Event| {
            let input: Option<HtmlInputElement> = e.target().and_then(|t| t.dyn_into().ok());
            if let Some(input) = input {
                read_all(input.files(), on_import.clone(), busy.clone());
                input.set_value("");
            }
        })
    };
    let on_drop = {
        let (on_import, busy, over) = (props.on_import.clone(), busy.clone(), over.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            read_all(e.data_transfer().and_then(|d| d.files()), on_import.clone(), busy.clone());
        })
    };
    let on_drag_over = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let on_drag_leave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let on_paste_submit = {
        let (on_import, text) = (props.on_import.clone(), text.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(area) = text.cast::<HtmlTextAreaElement>() else { return };
            let value = area.value();
            if value.trim().is_empty() {
                return;
            }
            on_import.emit(vec![Incoming { source: "pasted text".into(), content: Content::Text(value) }]);
            area.set_value("");
        })
    };
    html! {
        <section class="import" aria-labelledby="import-title">
            <h2 id="import-title">{ "Add results" }</h2>
            <div class={classes!("dropzone", (*over).then_some("over"))}
                 ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
                <label class="button primary" for="import-files">{ "Choose files" }</label>
                <input id="import-files" class="visually-hidden" type="file" multiple=true
                       accept=".json,.txt,.csv,application/json,text/plain,image/*" onchange={on_files} />
                <p>{ "or drop them here: participants' and tables' files, other result bundles, chat transcripts saved as text, photos of QR codes." }</p>
                if *busy { <p role="status">{ "Reading the files…" }</p> }
            </div>
            <CameraScan on_import={props.on_import.clone()} />
            <form class="paste" onsubmit={on_paste_submit}>
                <label for="import-text">{ "Or paste codes, or a whole chat, here:" }</label>
                <textarea id="import-text" ref={text} rows="4" spellcheck="false" autocomplete="off"
                          placeholder="DK1-…" />
                <button type="submit" class="button">{ "Add what I pasted" }</button>
            </form>
        </section>
    }
}
