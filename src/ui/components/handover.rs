//! Handing answers over with no server: a file to download, a code to copy into the chat, and
//! the same code as a QR image for a facilitator's camera. All three say the same thing.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HandoverProps {
    /// The share code (`DK1-...`), or why there is none.
    pub code: Result<AttrValue, AttrValue>,
    /// The QR image of the code, as SVG markup made by the core.
    pub qr: Option<AttrValue>,
    /// How many questions have an answer.
    pub answered: usize,
    pub ondownload: Callback<()>,
    pub oncopy: Callback<()>,
    /// A line to show after copying or downloading ("Copied.").
    pub status: Option<AttrValue>,
}

#[component]
pub fn Handover(props: &HandoverProps) -> Html {
    let download = props.ondownload.reform(|_: MouseEvent| ());
    let copy = props.oncopy.reform(|_: MouseEvent| ());
    html! {
        <div class="handover">
            <p>{ format!("You answered {} question{}.", props.answered, if props.answered == 1 { "" } else { "s" }) }</p>
            <h3>{ "1. Paste this code in the chat" }</h3>
            { match &props.code {
                Ok(code) => html! {
                    <>
                        <textarea class="code" readonly=true rows="4" aria-label="Your answer code"
                            id="answer-code" value={code.clone()} />
                        <button type="button" class="primary" data-action="copy" onclick={copy}>{ "Copy the code" }</button>
                    </>
                },
                Err(e) => html! { <p class="error">{ e.clone() }</p> },
            } }
            <p class="status" role="status">{ props.status.clone().unwrap_or_default() }</p>
            <h3>{ "2. Or save your answers as a file" }</h3>
            <p>{ "Send the file to your facilitator (by e-mail or a messaging app)." }</p>
            <button type="button" class="secondary" data-action="download" onclick={download}>{ "Download my answers" }</button>
            if let Some(svg) = &props.qr {
                <h3>{ "3. Or show this QR code to your facilitator" }</h3>
                <div class="qr" role="img" aria-label="QR code of your answer code">
                    { Html::from_html_unchecked(svg.clone()) }
                </div>
            }
        </div>
    }
}
