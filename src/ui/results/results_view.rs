//! Every result, session by session: each chart with its numbers as a table (for screen
//! readers, and for anyone who wants the figures), and for participant questions a breakdown
//! by any profile variable.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::state::Workspace;
use crate::core::answers::Answer;
use crate::core::chart::{Chart, breakdown_chart};
use crate::core::definition::{Definition, Kind, Question, RecordKind};
use crate::core::report::Report;
use crate::core::results::{Results, breakdown_any};

/// The variables a question can be broken down by, and how the page names them.
const BREAKDOWNS: [(&str, &str); 9] = [
    ("regional_group", "UN regional group"),
    ("country", "country"),
    ("age_band", "age band"),
    ("gender", "gender"),
    ("occupation", "occupation"),
    ("education", "education"),
    ("area", "area"),
    ("event", "event"),
    ("table", "table"),
];

#[derive(Properties, PartialEq)]
pub struct Props {
    pub ws: UseReducerHandle<Workspace>,
    pub report: Rc<(Results, Report)>,
}

/// A chart as the page shows it: the SVG, then its table behind "Show the numbers".
pub fn figure(chart: &Chart, wide: bool) -> Html {
    let svg = if wide { chart.svg_wide() } else { chart.svg() };
    html! {
        <figure class="chart" data-chart={chart.id.clone()}>
            { Html::from_html_unchecked(AttrValue::from(svg)) }
            <details>
                <summary>{ "Show the numbers" }</summary>
                { Html::from_html_unchecked(AttrValue::from(chart.table_html())) }
            </details>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
struct QuestionProps {
    ws: UseReducerHandle<Workspace>,
    chart: Chart,
}

/// A participant question's chart with its "break down by" choice.
#[component]
fn QuestionResult(props: &QuestionProps) -> Html {
    let by = use_state(String::new);
    let ws = &props.ws;
    let question = props.chart.id.clone();
    let is_question = ws.def.question(&question.as_str().into()).is_some();
    let on_by = {
        let by = by.clone();
        Callback::from(move |e: Event| {
            by.set(e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default())
        })
    };
    let breakdown = (!by.is_empty() && is_question).then(|| {
        let data = ws.data.borrow();
        let packed = data.entries().map(|e| &e.packed);
        match breakdown_any(&ws.def, packed, &ws.filter, &by, &question.as_str().into()) {
            Ok(b) => breakdown_chart(&ws.def, &b, "en").map_or_else(|| html! {}, |c| figure(&c, false)),
            Err(e) => html! { <p class="hint">{ e }</p> },
        }
    });
    let select_id = format!("by-{question}");
    html! {
        <div class="result">
            { figure(&props.chart, false) }
            if is_question {
                <p class="breakdown-choice">
                    <label for={select_id.clone()}>{ "Break down by " }</label>
                    <select id={select_id} onchange={on_by}>
                        <option value="" selected={by.is_empty()}>{ "nothing" }</option>
                        { for BREAKDOWNS.iter().map(|(v, label)| html! {
                            <option value={*v} selected={*by == *v}>{ *label }</option>
                        }) }
                    </select>
                </p>
            }
            { breakdown.unwrap_or_default() }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct TextProps {
    ws: UseReducerHandle<Workspace>,
    question: Question,
    kind: RecordKind,
}

/// Free-text answers and tables' lists, read only when opened: shown as text, whatever they
/// hold (markup, formulas).
#[component]
fn TextAnswers(props: &TextProps) -> Html {
    let open = use_state(|| false);
    let ws = &props.ws;
    let q = &props.question;
    let texts: Vec<String> = if *open {
        let event = ws.filter.event.as_deref();
        ws.data
            .borrow()
            .entries()
            .filter(|e| e.packed.kind() == props.kind && event.is_none_or(|ev| e.packed.event() == ev))
            .filter_map(|e| e.record(&ws.def).ok()?.answers.remove(&q.id))
            .flat_map(|a| match a {
                Answer::Text(t) => vec![t],
                Answer::List(l) => l,
                _ => Vec::new(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let now = e.target_dyn_into::<web_sys::HtmlDetailsElement>().is_some_and(|d| d.open());
            open.set(now);
        })
    };
    let who = if props.kind == RecordKind::Table { "Tables" } else { "Participants" };
    html! {
        <details class="texts" {ontoggle}>
            <summary>{ format!("{who}' words: {}", q.text.get("en")) }</summary>
            <ul>{ for texts.iter().map(|t| html! { <li>{ t }</li> }) }</ul>
        </details>
    }
}

#[component]
pub fn ResultsView(props: &Props) -> Html {
    let (res, report) = (&props.report.0, &props.report.1);
    if res.participants == 0 && res.tables == 0 {
        return html! { <p class="empty">{ "No results yet: add files or paste codes above." }</p> };
    }
    html! {
        <section class="report" aria-label="Results by session">
            { for report.sections.iter().map(|s| html! {
                <section class="report-section">
                    <h2>{ &s.title }</h2>
                    { for s.charts.iter().map(|c| html! { <QuestionResult ws={props.ws.clone()} chart={c.clone()} /> }) }
                    { for s.notes.iter().map(|n| html! { <p class="note">{ n }</p> }) }
                    { for text_questions(&props.ws.def, &s.session).into_iter().map(|(q, kind)| html! {
                        <TextAnswers ws={props.ws.clone()} question={q.clone()} {kind} />
                    }) }
                </section>
            }) }
        </section>
    }
}

/// The free-text questions and list worksheets of session `id`.
fn text_questions<'a>(def: &'a Definition, id: &str) -> Vec<(&'a Question, RecordKind)> {
    let Some(s) = def.sessions.iter().find(|s| s.id.as_str() == id) else { return Vec::new() };
    let texty = |q: &&Question| matches!(q.kind, Kind::Text { .. } | Kind::List { .. });
    s.questions
        .iter()
        .filter(texty)
        .map(|q| (q, RecordKind::Participant))
        .chain(s.worksheets.iter().filter(texty).map(|q| (q, RecordKind::Table)))
        .collect()
}
