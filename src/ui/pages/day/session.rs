//! The start of a session (its title and introduction) and its end (hand over now, or go on).

use yew::prelude::*;

use crate::ui::focus::use_focus_heading;

#[derive(Properties, PartialEq)]
pub struct SessionStartProps {
    pub label: AttrValue,
    pub title: AttrValue,
    pub intro: Option<AttrValue>,
    pub questions: usize,
    pub kind: crate::core::definition::RecordKind,
    pub onnext: Callback<()>,
    pub onback: Callback<()>,
}

#[component]
pub fn SessionStart(props: &SessionStartProps) -> Html {
    let heading = use_focus_heading(props.title.clone());
    html! {
        <section class="screen" data-screen="session-start">
            <p class="where">{ &props.label }</p>
            <h1 tabindex="-1" ref={heading}>{ &props.title }</h1>
            if let Some(i) = &props.intro { <p class="intro">{ i }</p> }
            <p>{ match (props.kind, props.questions) {
                (crate::core::definition::RecordKind::Table, 0) => "This session has no group worksheet.".to_string(),
                (crate::core::definition::RecordKind::Table, n) => {
                    format!("{n} worksheet{} for your table.", if n == 1 { "" } else { "s" })
                }
                (_, 0) => "This session has no individual questions.".to_string(),
                (_, n) => format!("{n} question{} for you.", if n == 1 { "" } else { "s" }),
            } }</p>
            <nav class="buttons">
                <button type="button" class="secondary" data-action="back" onclick={props.onback.reform(|_: MouseEvent| ())}>{ "All sessions" }</button>
                <button type="button" class="primary" data-action="next" onclick={props.onnext.reform(|_: MouseEvent| ())}>{ "Start" }</button>
            </nav>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SessionEndProps {
    pub label: AttrValue,
    pub last: bool,
    pub onnext: Callback<()>,
    pub onback: Callback<()>,
    pub onoverview: Callback<()>,
    pub children: Html,
}

#[component]
pub fn SessionEnd(props: &SessionEndProps) -> Html {
    let heading = use_focus_heading(props.label.clone());
    html! {
        <section class="screen" data-screen="session-end">
            <p class="where">{ &props.label }</p>
            <h1 tabindex="-1" ref={heading}>{ "Thank you! This session is done." }</h1>
            <p>{ "If your facilitator asks for your answers now, hand them over here. You can also do it at the end of the day." }</p>
            { props.children.clone() }
            <nav class="buttons">
                <button type="button" class="secondary" data-action="back" onclick={props.onback.reform(|_: MouseEvent| ())}>{ "Back" }</button>
                <button type="button" class="secondary" data-action="overview" onclick={props.onoverview.reform(|_: MouseEvent| ())}>{ "All sessions" }</button>
                <button type="button" class="primary" data-action="next" onclick={props.onnext.reform(|_: MouseEvent| ())}>
                    { if props.last { "Finish" } else { "Next session" } }
                </button>
            </nav>
        </section>
    }
}
