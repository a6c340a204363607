//! Several items on one scale: each item is its own small group of radio buttons, stacked so
//! that it reads on a 360 px phone; "no clear opinion" sits apart at the end of each row.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::{KindProps, dom_id};
use crate::core::answers::{Answer, Cell};
use crate::core::definition::Kind;
use crate::core::text::ItemId;

#[component]
pub fn GridInput(props: &KindProps) -> Html {
    let q = &props.question;
    let Kind::Grid { items, scale } = &q.kind else { return html! {} };
    let lang = props.lang.as_str();
    let cells: BTreeMap<ItemId, Cell> = match &props.answer {
        Some(Answer::Grid(c)) => c.clone(),
        _ => BTreeMap::new(),
    };
    let set = |item: ItemId, cell: Cell| {
        let mut next = cells.clone();
        next.insert(item, cell);
        props.onanswer.reform(move |_| Some(Answer::Grid(next.clone())))
    };
    html! {
        <div class="grid">
            { for items.iter().map(|item| {
                let name = dom_id(q, item.id.as_str());
                let current = cells.get(&item.id);
                let radio = |cell: Cell, key: &str, label: &str| {
                    let checked = current == Some(&cell);
                    let id = format!("{name}-{key}");
                    html! {
                        <label class={classes!("option", "small", checked.then_some("chosen"))} for={id.clone()}>
                            <input type="radio" id={id} name={name.clone()} value={key.to_string()} {checked}
                                onchange={set(item.id.clone(), cell.clone())} />
                            <span class="option-text">{ label.to_string() }</span>
                        </label>
                    }
                };
                html! {
                    <fieldset class="grid-item" data-item={item.id.to_string()}>
                        <legend>{ item.label.get(lang) }</legend>
                        if let Some(h) = &item.hint { <p class="hint">{ h.get(lang) }</p> }
                        <div class="options row">
                            { for scale.points.iter().map(|p| radio(Cell::Option(p.id.clone()), p.id.as_str(), p.label.get(lang))) }
                            if let Some(t) = &scale.no_clear_opinion {
                                <span class="nco">{ radio(Cell::NoClearOpinion, "no_clear_opinion", t.get(lang)) }</span>
                            }
                        </div>
                    </fieldset>
                }
            }) }
        </div>
    }
}
