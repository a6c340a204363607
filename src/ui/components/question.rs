//! One question on its own screen: where the participant is, the question, its input, and the
//! way on. An unanswered question can always be skipped; the button says so, because a skip
//! is recorded as missing and never as "no clear opinion".

use std::rc::Rc;

use yew::prelude::*;

use super::choice::ChoiceInput;
use super::country::CountryInput;
use super::grid::GridInput;
use super::list::ListInput;
use super::multiple::MultipleInput;
use super::numeric::NumericInput;
use super::ordering::OrderingInput;
use super::text::TextInput;
use super::{KindProps, dom_id};
use crate::core::answers::Answer;
use crate::core::definition::{Kind, Question};

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub question: Rc<Question>,
    pub answer: Option<Answer>,
    pub lang: AttrValue,
    /// "Session 3 of 9: My data, your data, our data".
    pub session_label: AttrValue,
    /// (number of this question, number of questions shown) in the session.
    pub step: (usize, usize),
    pub onanswer: Callback<Option<Answer>>,
    pub onnext: Callback<()>,
    pub onback: Callback<()>,
    /// What one step is called: "Question" for a participant, "Worksheet" for a table.
    #[prop_or(AttrValue::Static("Question"))]
    pub unit: AttrValue,
    /// Shown under the input (the table's members' ballots for an ordering worksheet).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn QuestionScreen(props: &QuestionProps) -> Html {
    let q = &props.question;
    let lang = props.lang.as_str();
    let heading = use_node_ref();
    {
        // Move focus to the new question's heading so screen readers announce it.
        let heading = heading.clone();
        use_effect_with(q.id.clone(), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let kind = KindProps {
        question: q.clone(),
        answer: props.answer.clone(),
        lang: props.lang.clone(),
        onanswer: props.onanswer.clone(),
    };
    let input = match &q.kind {
        Kind::SingleChoice { .. } | Kind::Scale { .. } | Kind::YesNo { .. } => {
            html! { <ChoiceInput ..kind /> }
        }
        Kind::MultipleChoice { .. } => html! { <MultipleInput ..kind /> },
        Kind::Grid { .. } => html! { <GridInput ..kind /> },
        Kind::Numeric { .. } => html! { <NumericInput ..kind /> },
        Kind::Text { .. } => html! { <TextInput ..kind /> },
        Kind::Ordering { .. } => html! { <OrderingInput ..kind /> },
        Kind::Country => html! { <CountryInput ..kind /> },
        Kind::List { .. } => html! { <ListInput ..kind /> },
    };
    let (n, total) = props.step;
    let answered = props.answer.is_some();
    let next = props.onnext.reform(|_: MouseEvent| ());
    let back = props.onback.reform(|_: MouseEvent| ());
    let clear = props.onanswer.reform(|_: MouseEvent| None);
    html! {
        <section class="screen question" data-question={q.id.to_string()} data-kind={q.kind.name()}>
            <p class="where">{ &props.session_label }</p>
            <div class="progress" role="progressbar" aria-label={format!("{}s in this session", props.unit)}
                aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={n.to_string()}>
                <div class="bar" style={format!("width: {}%", (n * 100).checked_div(total).unwrap_or(0))}></div>
            </div>
            <p class="step">{ format!("{} {n} of {total}", props.unit) }</p>
            <fieldset class="ask">
                <legend>
                    <h2 id={dom_id(q, "title")} tabindex="-1" ref={heading}>{ q.text.get(lang) }</h2>
                </legend>
                if let Some(h) = &q.help { <p class="help">{ h.get(lang) }</p> }
                { input }
                { props.children.clone() }
                if answered {
                    <p class="clear-row">
                        <button type="button" class="link" data-action="clear" onclick={clear}>{ "Clear my answer" }</button>
                    </p>
                }
            </fieldset>
            <nav class="buttons" aria-label="Move">
                <button type="button" class="secondary" data-action="back" onclick={back}>{ "Back" }</button>
                if answered {
                    <button type="button" class="primary" data-action="next" onclick={next}>{ "Next" }</button>
                } else {
                    <button type="button" class="primary skip" data-action="skip" onclick={next}>{ "Skip" }</button>
                }
            </nav>
        </section>
    }
}
