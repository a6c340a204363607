//! dialogue-kit runs a "We, the Internet" citizens' deliberation day with no server.
//!
//! [`core`] is plain Rust: the questionnaire model and its validation, answers, the record file
//! and share-code formats. The native `dialogue-kit` command-line program and the web app are
//! both built on it. [`ui`] (compiled for the browser only) is a thin Yew layer that renders the
//! core's state and dispatches actions.

pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The default day, as shipped in `assets/day.json`.
pub const DEFAULT_DAY: &str = include_str!("../assets/day.json");
