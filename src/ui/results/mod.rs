//! The results app (`results.html#/r`), a separate WebAssembly bundle so that participants
//! never download it: imports what participants and tables hand over, keeps it in IndexedDB,
//! shows every result as charts with their tables, presents them on a shared screen, and
//! exports the bundle, the data package, the charts and a printable report.

mod app;
mod camera;
mod exports;
mod files;
mod filters;
pub mod idb;
mod import_log;
mod import_panel;
mod page;
mod presenter;
mod results_view;
mod state;

/// Mounts the results app on `#app`.
pub fn start() {
    crate::ui::mount::<app::ResultsApp>();
}
