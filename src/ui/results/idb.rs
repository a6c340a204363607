//! Keeps the results dataset in the browser's IndexedDB, so a reload or a closed laptop loses
//! nothing (localStorage holds a few megabytes; a global dataset is tens of them).
//!
//! One database, `dialogue-kit-results`, with one object store of strings: `bundle` (the
//! dataset as a result bundle, the format that is also exported) and `meta` (what the screen
//! needs besides: the import log and whether the data were exported since the last change).

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB: &str = "dialogue-kit-results";
const STORE: &str = "v1";
/// The key of the result bundle.
pub const BUNDLE: &str = "bundle";
/// The key of the screen's own state (JSON).
pub const META: &str = "meta";

fn js_error(what: &str, e: JsValue) -> String {
    let detail = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_default();
    format!("{what}{}", if detail.is_empty() { String::new() } else { format!(": {detail}") })
}

/// A promise settled by the request's `success` (with its result) or `error`.
fn settle(req: &IdbRequest) -> Promise {
    let req = req.clone();
    Promise::new(&mut |resolve, reject| {
        let done = req.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = req.clone();
        let err = Closure::once_into_js(move |_: web_sys::Event| {
            let why =
                failed.error().ok().flatten().map(|e| JsValue::from(e.message())).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &why);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    })
}

/// A promise settled when the transaction commits (or fails).
fn committed(tx: &IdbTransaction) -> Promise {
    let tx = tx.clone();
    Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let reject2 = reject.clone();
        let err = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("the browser refused to save"));
        });
        let abort = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject2
                .call1(&JsValue::NULL, &JsValue::from_str("saving was interrupted (is the disk full?)"));
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onerror(Some(err.unchecked_ref()));
        tx.set_onabort(Some(abort.unchecked_ref()));
    })
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("this browser does not let the page keep data (IndexedDB is off, e.g. in private mode)")?;
    let req: IdbOpenDbRequest =
        factory.open_with_u32(DB, 1).map_err(|e| js_error("cannot open storage", e))?;
    let upgrade = req.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(db) = upgrade.result().and_then(|r| r.dyn_into::<IdbDatabase>())
            && !db.object_store_names().contains(STORE)
        {
            let _ = db.create_object_store(STORE);
        }
    });
    req.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let db = JsFuture::from(settle(&req)).await.map_err(|e| js_error("cannot open storage", e))?;
    db.dyn_into::<IdbDatabase>().map_err(|_| "cannot open storage".to_string())
}

/// Stores `pairs` (key, text) in one transaction: all or nothing.
pub async fn save(pairs: &[(&str, &str)]) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(|e| js_error("cannot save", e))?;
    let store = tx.object_store(STORE).map_err(|e| js_error("cannot save", e))?;
    for (key, text) in pairs {
        store
            .put_with_key(&JsValue::from_str(text), &JsValue::from_str(key))
            .map_err(|e| js_error("cannot save", e))?;
    }
    let result = JsFuture::from(committed(&tx)).await.map_err(|e| js_error("cannot save", e));
    db.close();
    result.map(|_| ())
}

/// The text stored under `key`, if any.
pub async fn load(key: &str) -> Result<Option<String>, String> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE).map_err(|e| js_error("cannot read storage", e))?;
    let store = tx.object_store(STORE).map_err(|e| js_error("cannot read storage", e))?;
    let req = store.get(&JsValue::from_str(key)).map_err(|e| js_error("cannot read storage", e))?;
    let value = JsFuture::from(settle(&req)).await.map_err(|e| js_error("cannot read storage", e))?;
    db.close();
    Ok(value.as_string())
}

/// Forgets everything stored.
pub async fn clear() -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(|e| js_error("cannot clear", e))?;
    let store = tx.object_store(STORE).map_err(|e| js_error("cannot clear", e))?;
    store.clear().map_err(|e| js_error("cannot clear", e))?;
    let result = JsFuture::from(committed(&tx)).await.map_err(|e| js_error("cannot clear", e));
    db.close();
    result.map(|_| ())
}
