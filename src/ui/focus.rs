//! Moving the focus to a new screen's heading, so that a screen reader announces the step and a
//! keyboard user goes on from the top of it, rather than from a button that is gone.

use yew::prelude::*;

/// A ref for the screen's heading (which needs `tabindex="-1"`): it gets the focus when the
/// screen appears, and again whenever `key` changes (another session's start, say).
#[hook]
pub fn use_focus_heading<K: PartialEq + Clone + 'static>(key: K) -> NodeRef {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(key, move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    heading
}
