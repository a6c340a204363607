//! The only place that touches the browser's storage: saving and reading a participant's
//! progress and the last definition seen, in `localStorage`.
//!
//! Every call returns a `Result` with a sentence for the participant: storage can be disabled
//! (private browsing), full, or missing, and the app must say so and offer the file download
//! at once rather than lose answers silently.

use web_sys::Storage;

use crate::core::definition::RecordKind;
use crate::core::progress::Progress;

const PREFIX: &str = "dialogue-kit/v1";

fn local() -> Result<Storage, String> {
    let none = || "This browser does not let the app save answers on this device.".to_string();
    web_sys::window().ok_or_else(none)?.local_storage().map_err(|_| none())?.ok_or_else(none)
}

/// The key under which a participant's (or a table's) progress for one event and table is kept.
pub fn progress_key(kind: RecordKind, event: &str, table: u32) -> String {
    let who = match kind {
        RecordKind::Participant => "participant",
        RecordKind::Table => "table",
    };
    format!("{PREFIX}/{who}/{event}/{table}")
}

/// Reads saved progress; `Ok(None)` when there is none (or it is unreadable).
pub fn load_progress(key: &str) -> Result<Option<Progress>, String> {
    let raw = local()?.get_item(key).map_err(|_| "Saved answers could not be read.".to_string())?;
    Ok(raw.and_then(|s| Progress::from_json(&s)))
}

/// Saves progress after a change.
pub fn save_progress(key: &str, p: &Progress) -> Result<(), String> {
    local()?.set_item(key, &p.to_json()).map_err(|_| {
        "This device's storage is full or blocked: your latest answers are not saved.".to_string()
    })
}

/// Removes saved progress (after "start over").
pub fn clear(key: &str) -> Result<(), String> {
    local()?.remove_item(key).map_err(|_| "Could not clear saved answers.".to_string())
}

/// Keeps the last definition text, so that a reload without a connection still works.
pub fn save_definition(text: &str) {
    if let Ok(s) = local() {
        // Best effort: a full storage must not stop the participant, answers come first.
        let _ = s.set_item(&format!("{PREFIX}/definition"), text);
    }
}

/// The definition kept by [`save_definition`], if any.
pub fn load_definition() -> Option<String> {
    local().ok()?.get_item(&format!("{PREFIX}/definition")).ok()?
}
