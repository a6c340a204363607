//! Members' ballots on an ordering worksheet: the facilitator pastes the members' codes (one
//! or many at once, or a whole chat), sees who is counted, the table's consensus order, how far
//! each member is from it and how much the table agrees, and adopts the consensus as the
//! table's answer (then adjusts it by hand if the group wishes).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::answers::Answer;
use crate::core::ballots::{self, ImportReport, Member};
use crate::core::definition::Definition;
use crate::core::text::QuestionId;

#[derive(Properties, PartialEq)]
pub struct BallotsProps {
    pub def: Rc<Definition>,
    pub worksheet: QuestionId,
    pub event: AttrValue,
    pub table: u32,
    pub lang: AttrValue,
    pub members: Vec<Member>,
    pub report: Option<ImportReport>,
    pub onimport: Callback<String>,
    pub oninclude: Callback<(String, bool)>,
    pub onadopt: Callback<Option<Answer>>,
}

#[component]
pub fn Ballots(props: &BallotsProps) -> Html {
    let text = use_state(String::new);
    let lang = props.lang.as_str();
    let label = |id: &crate::core::text::OptionId| {
        props.def.worksheet(&props.worksheet).map_or_else(String::new, |q| match &q.kind {
            crate::core::definition::Kind::Ordering { options, .. } => options
                .iter()
                .find(|o| &o.id == id)
                .map(|o| o.label.get(lang).to_string())
                .unwrap_or_default(),
            _ => String::new(),
        })
    };
    let consensus = ballots::consensus(&props.def, &props.worksheet, &props.members);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let import = {
        let (text, onimport) = (text.clone(), props.onimport.clone());
        Callback::from(move |_: MouseEvent| {
            onimport.emit((*text).clone());
            text.set(String::new());
        })
    };
    let area_id = format!("ballots-{}", props.worksheet);
    html! {
        <section class="ballots" aria-labelledby={format!("{area_id}-title")}>
            <h3 id={format!("{area_id}-title")}>{ "Members' orders" }</h3>
            <p class="help">{ "Each member can order these options on their phone and send you their code. Paste the codes here (several at once, or the whole chat)." }</p>
            <label for={area_id.clone()} class="visually-hidden">{ "Members' codes" }</label>
            <textarea id={area_id} rows="3" class="code" value={(*text).clone()} {oninput}
                placeholder="DK1-…" data-input="member-codes" />
            <button type="button" class="secondary" data-action="import-ballots" onclick={import}>{ "Add these codes" }</button>
            if let Some(r) = &props.report {
                <div class="status" role="status" data-report="ballots">
                    <p>{ r.summary() }</p>
                    if !r.rejected.is_empty() {
                        <ul>{ for r.rejected.iter().map(|x| html! { <li>{ x }</li> }) }</ul>
                    }
                </div>
            }
            if !props.members.is_empty() {
                <div class="members-wrap">
                <table class="members">
                    <caption>{ format!("{} member order{}", props.members.len(), if props.members.len() == 1 { "" } else { "s" }) }</caption>
                    <thead><tr><th scope="col">{ "Member" }</th><th scope="col">{ "Their first choice" }</th>
                        <th scope="col">{ "Distance" }</th><th scope="col">{ "Counted" }</th></tr></thead>
                    <tbody>
                        { for props.members.iter().map(|m| {
                            let foreign = m.is_foreign(&props.event, props.table);
                            let distance = consensus.as_ref().ok().and_then(|c| c.distance_of(&m.respondent));
                            let toggle = {
                                let (r, on) = (m.respondent.clone(), !m.included);
                                props.oninclude.reform(move |_: Event| (r.clone(), on))
                            };
                            html! {
                                <tr data-member={m.respondent.clone()}>
                                    <td>{ format!("…{}", &m.respondent[m.respondent.len().saturating_sub(4)..]) }
                                        if foreign { <small class="warning">{ format!(" from {} table {}", m.event, m.table) }</small> }
                                    </td>
                                    <td>{ m.order.first().map(&label).unwrap_or_default() }</td>
                                    <td>{ distance.map(|d| format!("{d:.0}%")).unwrap_or_else(|| "–".into()) }</td>
                                    <td><input type="checkbox" checked={m.included} onchange={toggle}
                                        aria-label={format!("Count member …{}", &m.respondent[m.respondent.len().saturating_sub(4)..])} /></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </div>
            }
            { match &consensus {
                Ok(c) => {
                    let order = c.order.clone();
                    let adopt = props.onadopt.reform(move |_: MouseEvent| Some(Answer::Order(order.clone())));
                    html! {
                        <div class="consensus" data-consensus="">
                            <h4>{ format!("The table's consensus ({} members)", c.counted) }</h4>
                            <ol>{ for c.order.iter().map(|o| html! { <li data-option={o.to_string()}>{ label(o) }</li> }) }</ol>
                            <p class="help">{ c.describe() }</p>
                            <button type="button" class="primary" data-action="adopt" onclick={adopt}>{ "Use this order for the table" }</button>
                        </div>
                    }
                }
                Err(why) if !props.members.is_empty() => html! { <p class="help">{ why.clone() }</p> },
                Err(_) => html! {},
            } }
        </section>
    }
}
