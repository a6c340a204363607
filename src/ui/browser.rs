//! The browser at the edges: time, randomness, fetching the definition, downloading a file and
//! copying text. Components call these inside event handlers and pass plain values on.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Seconds since 1970 (UTC).
pub fn now() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

/// A new random respondent id: 16 hex digits from the browser's cryptographic generator.
pub fn random_respondent() -> String {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    crate::core::hash::hex(&bytes)
}

/// The page's `location.hash`.
pub fn hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Sets `location.hash` (adds a history entry, fires `hashchange`).
pub fn set_hash(h: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(h);
    }
}

/// Fetches a text file relative to the page.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let resp = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| "no connection".to_string())?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "unexpected answer")?;
    if !resp.ok() {
        return Err(format!("the server answered {}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(|_| "unreadable answer")?)
        .await
        .map_err(|_| "unreadable answer")?;
    text.as_string().ok_or_else(|| "unreadable answer".to_string())
}

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    download_bytes(name, mime, content.as_bytes())
}

/// Offers `content` (any bytes: a zip, a text) as a file download named `name`.
pub fn download_bytes(name: &str, mime: &str, content: &[u8]) -> Result<(), String> {
    let fail = |_| "The file could not be made on this device.".to_string();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.style().set_property("display", "none").map_err(fail)?;
    let body = document.body().ok_or("no body")?;
    body.append_child(&a).map_err(fail)?;
    a.click();
    let _ = body.remove_child(&a);
    // The browser has taken the data once the click is handled; free it later, not now.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

/// Copies `text` to the clipboard.
pub async fn copy(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "Copying is not allowed here: select the code and copy it by hand.".to_string())
}
