//! The results app (`results.html#/r`), a separate WebAssembly bundle so that participants
//! never download it: imports what participants and tables hand over, keeps it in IndexedDB,
//! shows every result as charts with their tables, presents them on a shared screen, and
//! exports the bundle, the data package, the charts and a printable report.

mod app;
mod exports;
mod files;
mod filters;
mod idb;
mod import_log;
mod import_panel;
mod page;
mod presenter;
mod results_view;
mod state;

/// Mounts the results app on `#app`.
pub fn start() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::ResultsApp>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::ResultsApp>::new().render();
        }
    }
}
