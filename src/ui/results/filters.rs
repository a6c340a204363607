//! The filters of the results: one event, one UN regional group, or everything.

use std::collections::BTreeSet;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::state::{Action, Workspace};
use crate::core::countries::RegionalGroup;
use crate::core::results::Filter;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub ws: UseReducerHandle<Workspace>,
}

fn selected(e: &Event) -> String {
    e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}

#[component]
pub fn Filters(props: &Props) -> Html {
    let ws = &props.ws;
    let events: BTreeSet<String> = ws.data.borrow().entries().map(|e| e.packed.event().to_string()).collect();
    if events.is_empty() {
        return html! {};
    }
    let on_event = {
        let ws = ws.clone();
        Callback::from(move |e: Event| {
            let v = selected(&e);
            ws.dispatch(Action::SetFilter(Filter {
                event: (!v.is_empty()).then_some(v),
                ..ws.filter.clone()
            }));
        })
    };
    let on_group = {
        let ws = ws.clone();
        Callback::from(move |e: Event| {
            let v = selected(&e);
            let group = RegionalGroup::ALL.iter().copied().find(|g| g.id() == v);
            ws.dispatch(Action::SetFilter(Filter { regional_group: group, ..ws.filter.clone() }));
        })
    };
    let event = ws.filter.event.clone().unwrap_or_default();
    let group = ws.filter.regional_group.map(|g| g.id()).unwrap_or("");
    html! {
        <section class="filters" aria-label="Filters">
            <label>{ "Event " }
                <select onchange={on_event} data-testid="filter-event">
                    <option value="" selected={event.is_empty()}>{ "All events" }</option>
                    { for events.iter().map(|e| html! { <option value={e.clone()} selected={*e == event}>{ e }</option> }) }
                </select>
            </label>
            <label>{ "UN regional group " }
                <select onchange={on_group} data-testid="filter-group">
                    <option value="" selected={group.is_empty()}>{ "All groups" }</option>
                    { for RegionalGroup::ALL.iter().map(|g| html! {
                        <option value={g.id()} selected={g.id() == group}>{ g.name() }</option>
                    }) }
                </select>
            </label>
        </section>
    }
}
