//! The day with its state, for a participant or a table: a reducer over [`ParticipantState`],
//! saved after every change in an effect, and the screen that the current position names. A
//! table walks through its worksheets exactly as a participant walks through questions; an
//! ordering worksheet with members' ballots also shows their consensus.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::focus::use_focus_heading;

use super::ballots::Ballots;
use super::overview::Overview;
use super::session::{SessionEnd, SessionStart};
use super::welcome::Welcome;
use crate::core::answers::Answer;
use crate::core::code;
use crate::core::definition::{Definition, Kind, RecordKind};
use crate::core::flow::{self, Position};
use crate::core::link::ParticipantLink;
use crate::core::qr;
use crate::core::record::Record;
use crate::ui::browser;
use crate::ui::components::handover::Handover;
use crate::ui::components::question::QuestionScreen;
use crate::ui::components::start_over::StartOver;
use crate::ui::state::{Action, ParticipantState};
use crate::ui::storage;

/// The last part of a downloaded file's name: the respondent, or "group" for a table.
fn file_who(r: &Record) -> &str {
    if r.kind == RecordKind::Table { "group" } else { &r.respondent }
}

#[derive(Properties, PartialEq)]
pub struct DayProps {
    pub def: Rc<Definition>,
    pub link: ParticipantLink,
    pub kind: RecordKind,
}

/// Dispatches `action` when called, whatever the event.
fn send<E>(state: &UseReducerHandle<ParticipantState>, action: Action) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |_| state.dispatch(action.clone()))
}

#[component]
pub fn Day(props: &DayProps) -> Html {
    let link = &props.link;
    let kind = props.kind;
    let key = storage::progress_key(kind, &link.event, link.table);
    let storage_error = use_state(|| None::<String>);
    let state = {
        let (def, link, key, storage_error) =
            (props.def.clone(), link.clone(), key.clone(), storage_error.clone());
        use_reducer(move || {
            let saved = storage::load_progress(&key).unwrap_or_else(|e| {
                storage_error.set(Some(e));
                None
            });
            let lang = link.language.clone().unwrap_or_else(|| "en".into());
            let fresh = Record::new(
                &def,
                &link.event,
                link.table,
                &browser::random_respondent(),
                &lang,
                browser::now(),
            )
            .with_kind(kind);
            ParticipantState::new(def, saved, fresh)
        })
    };
    {
        // Save after every change; say so at once if it fails.
        let (key, storage_error) = (key.clone(), storage_error.clone());
        use_effect_with(state.progress.clone(), move |p| match storage::save_progress(&key, p) {
            Ok(()) if storage_error.is_some() => storage_error.set(None),
            Ok(()) => {}
            Err(e) => storage_error.set(Some(e)),
        });
    }
    let status = use_state(|| None::<AttrValue>);
    let export = state.export();
    let code = use_memo(export.clone(), |r| code::encode(r, &state.def).map_err(|e| e.to_string()));
    let download = {
        let (state, status, export) = (state.clone(), status.clone(), export.clone());
        Callback::from(move |_| {
            let name =
                format!("dialogue-kit-{}-table{}-{}.json", export.event, export.table, file_who(&export));
            match browser::download(&name, "application/json", &export.to_json()) {
                Ok(()) => {
                    state.dispatch(Action::Exported);
                    status.set(Some(format!("Saved as {name}.").into()));
                }
                Err(e) => status.set(Some(e.into())),
            }
        })
    };
    let copy = {
        let (state, status, code) = (state.clone(), status.clone(), code.clone());
        Callback::from(move |_| {
            let Ok(text) = (*code).clone() else { return };
            let (state, status) = (state.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match browser::copy(&text).await {
                    Ok(()) => {
                        state.dispatch(Action::Exported);
                        status.set(Some("Copied. Now paste it in the chat.".into()));
                    }
                    Err(e) => status.set(Some(e.into())),
                }
            });
        })
    };
    let handover = html! {
        <Handover
            code={(*code).clone().map(AttrValue::from).map_err(AttrValue::from)}
            qr={(*code).as_ref().ok().and_then(|c| qr::svg(c).ok()).map(AttrValue::from)}
            answered={export.answers.len()}
            ondownload={download.clone()}
            oncopy={copy}
            status={(*status).clone()}
        />
    };

    let handover_heading = use_focus_heading(state.progress.position == Position::Handover);
    let s = &*state;
    let def = &s.def;
    let lang: AttrValue = s.language().to_string().into();
    let answers = &s.progress.record.answers;
    let session_label = |id: &crate::core::text::SessionId| -> AttrValue {
        let i = def.sessions.iter().position(|x| &x.id == id).unwrap_or(0);
        let title = def.sessions.get(i).map(|x| x.title.get(&lang).to_string()).unwrap_or_default();
        format!("Session {} of {}: {title}", i + 1, def.sessions.len()).into()
    };
    let next = send(&state, Action::Next);
    let back = send(&state, Action::Back);
    let goto = {
        let state = state.clone();
        Callback::from(move |p: Position| state.dispatch(Action::Goto(p)))
    };
    let screen = match &s.progress.position {
        Position::Welcome => html! {
            <Welcome title={def.title.get(&lang).to_string()}
                description={def.description.as_ref().map(|d| AttrValue::from(d.get(&lang).to_string()))}
                consented={s.progress.consented} onconsent={send(&state, Action::Consent)} />
        },
        Position::Overview => html! {
            <Overview def={def.clone()} {kind} answers={answers.clone()} lang={lang.clone()} ongoto={goto.clone()} />
        },
        Position::SessionStart { session } => {
            let sess = def.session(session);
            html! {
                <SessionStart label={session_label(session)}
                    title={sess.map(|x| x.title.get(&lang).to_string()).unwrap_or_default()}
                    intro={sess.and_then(|x| x.intro.as_ref()).map(|t| AttrValue::from(t.get(&lang).to_string()))}
                    questions={sess.map_or(0, |x| flow::visible_questions(x, kind, answers).len())}
                    {kind}
                    onnext={next.clone()} onback={back.clone()} />
            }
        }
        Position::Question { session, question } => match def.item(kind, question) {
            Some(q) => {
                let onanswer = {
                    let (state, id) = (state.clone(), q.id.clone());
                    Callback::from(move |answer: Option<Answer>| {
                        state.dispatch(Action::Answer { question: id.clone(), answer, now: browser::now() })
                    })
                };
                html! {
                    <QuestionScreen question={Rc::new(q.clone())} answer={answers.get(&q.id).cloned()}
                        lang={lang.clone()} session_label={session_label(session)}
                        step={flow::step_of(def, kind, answers, session, question)}
                        unit={if kind == RecordKind::Table { "Worksheet" } else { "Question" }}
                        onanswer={onanswer.clone()} onnext={next.clone()} onback={back.clone()}>
                        if kind == RecordKind::Table && matches!(q.kind, Kind::Ordering { .. })
                            && def.ballots_for(&q.id).next().is_some() {
                            <Ballots def={def.clone()} worksheet={q.id.clone()} event={link.event.clone()}
                                table={link.table} lang={lang.clone()}
                                members={s.progress.members.get(&q.id).cloned().unwrap_or_default()}
                                report={s.ballots_report.clone()}
                                onimport={{
                                    let (state, id) = (state.clone(), q.id.clone());
                                    Callback::from(move |text| state.dispatch(Action::ImportBallots { worksheet: id.clone(), text }))
                                }}
                                oninclude={{
                                    let (state, id) = (state.clone(), q.id.clone());
                                    Callback::from(move |(respondent, included)| {
                                        state.dispatch(Action::IncludeMember { worksheet: id.clone(), respondent, included })
                                    })
                                }}
                                onadopt={onanswer} />
                        }
                    </QuestionScreen>
                }
            }
            None => html! {},
        },
        Position::SessionEnd { session } => html! {
            <SessionEnd label={session_label(session)}
                last={def.sessions.last().is_some_and(|x| &x.id == session)}
                onnext={next.clone()} onback={back.clone()}
                onoverview={goto.reform(|_| Position::Overview)}>
                { handover.clone() }
            </SessionEnd>
        },
        Position::Handover => html! {
            <section class="screen" data-screen="handover">
                <h1 tabindex="-1" ref={handover_heading.clone()}>{ "Hand over your answers" }</h1>
                { handover.clone() }
                <nav class="buttons">
                    <button type="button" class="secondary" data-action="overview"
                        onclick={goto.reform(|_: MouseEvent| Position::Overview)}>{ "All sessions" }</button>
                </nav>
            </section>
        },
    };
    let start_over = {
        let state = state.clone();
        Callback::from(move |_| {
            state
                .dispatch(Action::StartOver { respondent: browser::random_respondent(), now: browser::now() })
        })
    };
    html! {
        <>
            <header class="top">
                <span class="brand">{ "We, the Internet" }</span>
                <span class="context">{ format!("{} · table {}", link.event, link.table) }</span>
            </header>
            <main>
                if let Some(e) = &*storage_error {
                    <div class="banner error" role="alert" data-banner="storage">
                        <p>{ e }</p>
                        <p>{ "Download your answers now so that nothing is lost." }</p>
                        <button type="button" class="primary" data-action="download" onclick={download.reform(|_: MouseEvent| ())}>{ "Download my answers" }</button>
                    </div>
                }
                if !s.notes.is_empty() {
                    <div class="banner warning" role="status" data-banner="changed">
                        <p><strong>{ "The questionnaire was updated since you started. Your answers are kept." }</strong></p>
                        <ul>{ for s.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                        <button type="button" class="secondary" onclick={send(&state, Action::DismissNotes)}>{ "OK" }</button>
                    </div>
                }
                { screen }
            </main>
            if s.progress.consented {
                <footer class="bottom">
                    <StartOver unexported={s.progress.has_unexported_answers()} onconfirm={start_over} ondownload={download} />
                </footer>
            }
        </>
    }
}
