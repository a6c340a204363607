//! The page's `location.hash`, as a hook: both apps route on it (a hash router works from any
//! folder of any static host).

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::browser;

/// The current hash; the component renders again whenever it changes.
#[hook]
pub fn use_hash() -> String {
    let hash = use_state(browser::hash);
    {
        let hash = hash.clone();
        use_effect_with((), move |_| {
            let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || hash.set(browser::hash()));
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w
                        .remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    (*hash).clone()
}
