//! "Start over", asked first: it deletes this device's answers, so the dialog says so, and
//! warns (with a download button at hand) when the answers were never handed over.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartOverProps {
    pub unexported: bool,
    pub onconfirm: Callback<()>,
    pub ondownload: Callback<()>,
}

#[component]
pub fn StartOver(props: &StartOverProps) -> Html {
    let open = use_state(|| false);
    let title = use_node_ref();
    {
        // Move the focus into the dialog when it opens, so it is read out and in view.
        let title = title.clone();
        use_effect_with(*open, move |open| {
            if let Some(h) = title.cast::<web_sys::HtmlElement>().filter(|_| *open) {
                let _ = h.focus();
            }
        });
    }
    let show = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    let cancel = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    let confirm = {
        let open = open.clone();
        props.onconfirm.reform(move |_: MouseEvent| open.set(false))
    };
    let download = props.ondownload.reform(|_: MouseEvent| ());
    if !*open {
        return html! {
            <button type="button" class="link danger" data-action="start-over" onclick={show}>{ "Start over" }</button>
        };
    }
    html! {
        <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="start-over-title">
            <h2 id="start-over-title" tabindex="-1" ref={title}>{ "Start over?" }</h2>
            <p>{ "This deletes all your answers on this device." }</p>
            if props.unexported {
                <p class="warning" data-warning="unexported">
                    { "You have not handed over your latest answers yet. Download them first, or they are lost." }
                </p>
                <button type="button" class="secondary" data-action="download" onclick={download}>{ "Download my answers" }</button>
            }
            <div class="buttons">
                <button type="button" class="secondary" data-action="cancel" onclick={cancel}>{ "Keep my answers" }</button>
                <button type="button" class="danger" data-action="confirm-start-over" onclick={confirm}>{ "Delete and start over" }</button>
            </div>
        </div>
    }
}
