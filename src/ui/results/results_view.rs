//! Every result, session by session: each chart with its numbers as a table (for screen
//! readers, and for anyone who wants the figures), and for participant questions a breakdown
//! by any profile variable.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::page::records;
use super::state::Workspace;
use crate::core::chart::{Chart, breakdown_chart};
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
        match breakdown_any(&ws.def, &records(ws), &ws.filter, &by, &question.as_str().into()) {
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
                </section>
            }) }
        </section>
    }
}
