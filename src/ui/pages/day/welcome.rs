//! Welcome and consent: what the day is, what happens to the answers, and a clear "yes".

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    pub title: AttrValue,
    pub description: Option<AttrValue>,
    pub consented: bool,
    pub onconsent: Callback<()>,
}

#[component]
pub fn Welcome(props: &WelcomeProps) -> Html {
    let agreed = use_state(|| props.consented);
    let toggle = {
        let agreed = agreed.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            agreed.set(input.checked());
        })
    };
    let start = props.onconsent.reform(|_: MouseEvent| ());
    html! {
        <section class="screen" data-screen="welcome">
            <h1 tabindex="-1">{ &props.title }</h1>
            if let Some(d) = &props.description { <p>{ d }</p> }
            <h2>{ "Before you start" }</h2>
            <ul class="facts">
                <li>{ "You answer on your own, after each session of the day." }</li>
                <li>{ "You can skip any question." }</li>
                <li>{ "Your answers stay on this device. They leave it only when you hand them over, with a code, a file or a QR code." }</li>
                <li>{ "Your name is not asked. Results are only shown for groups of people." }</li>
            </ul>
            <label class="option consent" for="consent">
                <input type="checkbox" id="consent" checked={*agreed} onchange={toggle} />
                <span class="option-text">{ "I agree to take part and to hand over my answers for the results of this dialogue." }</span>
            </label>
            <button type="button" class="primary" data-action="consent" disabled={!*agreed} onclick={start}>
                { if props.consented { "Continue" } else { "Start" } }
            </button>
        </section>
    }
}
