//! The web app: a thin Yew layer over [`crate::core`]. Components render state and dispatch
//! actions; the browser is touched only in [`browser`] and [`storage`].

pub mod app;
pub mod browser;
pub mod components;
pub mod focus;
pub mod hash;
pub mod loader;
pub mod pages;
pub mod results;
pub mod state;
pub mod storage;

/// Mounts the app on `#app`.
pub fn start() {
    mount::<app::App>();
}

/// Mounts component `C` on the page's `#app` element (emptied first: it holds a "loading"
/// line for browsers without WebAssembly), or on the body when there is none.
pub fn mount<C: yew::BaseComponent<Properties = ()>>() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<C>::with_root(root).render();
        }
        None => {
            yew::Renderer::<C>::new().render();
        }
    }
}
