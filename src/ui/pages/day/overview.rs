//! The sessions of the day as steps, each with how much is answered.

use yew::prelude::*;

use crate::ui::focus::use_focus_heading;

use crate::core::answers::Answers;
use crate::core::definition::{Definition, RecordKind};
use crate::core::flow::{self, Position};
use std::rc::Rc;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub def: Rc<Definition>,
    pub kind: RecordKind,
    pub answers: Answers,
    pub lang: AttrValue,
    pub ongoto: Callback<Position>,
}

#[component]
pub fn Overview(props: &OverviewProps) -> Html {
    let lang = props.lang.as_str();
    let table = props.kind == RecordKind::Table;
    let heading = use_focus_heading(table);
    html! {
        <section class="screen" data-screen="overview">
            if table {
                <h1 tabindex="-1" ref={heading.clone()}>{ "Your table's group work" }</h1>
                <p>{ "Fill in each session's worksheets with your group. Everything is saved on this device as you go." }</p>
            } else {
                <h1 tabindex="-1" ref={heading}>{ "The sessions of the day" }</h1>
                <p>{ "Answer each session's questions when your facilitator asks you to." }</p>
            }
            <ol class="sessions">
                { for props.def.sessions.iter().enumerate().map(|(i, s)| {
                    let (done, shown) = flow::session_progress(s, props.kind, &props.answers);
                    let state = if shown > 0 && done == shown { "done" } else if done > 0 { "started" } else { "new" };
                    let go = props.ongoto.reform({
                        let id = s.id.clone();
                        move |_: MouseEvent| Position::SessionStart { session: id.clone() }
                    });
                    html! {
                        <li class={classes!("session", state)} data-session={s.id.to_string()}>
                            <button type="button" onclick={go}>
                                <span class="session-number">{ format!("Session {}", i + 1) }</span>
                                <span class="session-title">{ s.title.get(lang) }</span>
                                <span class="session-state">{
                                    if shown == 0 {
                                        (if table { "No group work" } else { "No questions" }).to_string()
                                    } else {
                                        format!("{done} of {shown} answered")
                                    }
                                }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <button type="button" class="primary" data-action="handover"
                onclick={props.ongoto.reform(|_: MouseEvent| Position::Handover)}>{ if table { "Hand over the table's work" } else { "Hand over my answers" } }</button>
        </section>
    }
}
