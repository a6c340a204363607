//! The web app: a thin Yew layer over [`crate::core`]. Components render state and dispatch
//! actions; the browser is touched only in [`browser`] and [`storage`].

pub mod app;
pub mod browser;
pub mod components;
pub mod loader;
pub mod pages;
pub mod results;
pub mod state;
pub mod storage;

/// Mounts the app on `#app`.
pub fn start() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
