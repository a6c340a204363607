//! What each import did: accepted, duplicates (counted once), conflicts (the latest version
//! kept, the other listed) and every refusal with its reason. Newest first.

use std::rc::Rc;

use yew::prelude::*;

use super::state::LogEntry;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub log: Rc<Vec<LogEntry>>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[component]
pub fn ImportLog(props: &Props) -> Html {
    if props.log.is_empty() {
        return html! {};
    }
    let total = |f: fn(&LogEntry) -> usize| props.log.iter().map(f).sum::<usize>();
    let (accepted, duplicates) = (total(|e| e.accepted), total(|e| e.duplicates));
    let (conflicts, rejected) = (total(|e| e.conflicts.len()), total(|e| e.rejected.len()));
    html! {
        <section class="import-log" aria-labelledby="log-title">
            <h2 id="log-title">{ "What came in" }</h2>
            <p class="log-total" data-testid="log-total" role="status" aria-live="polite">
                { format!("{} accepted, {}, {}, {}.",
                    accepted,
                    plural(duplicates, "duplicate (counted once)", "duplicates (counted once)"),
                    plural(conflicts, "conflict (latest version kept)", "conflicts (latest version kept)"),
                    plural(rejected, "refused", "refused")) }
            </p>
            <ol class="log" reversed=true>
                { for props.log.iter().map(|e| html! {
                    <li class={classes!("log-entry", (!e.rejected.is_empty()).then_some("has-rejections"))}>
                        <strong>{ &e.source }</strong>{ ": " }
                        { format!("{} accepted, {} duplicate{}", e.accepted, e.duplicates, if e.duplicates == 1 { "" } else { "s" }) }
                        if !e.conflicts.is_empty() {
                            <details><summary>{ plural(e.conflicts.len(), "conflict", "conflicts") }</summary>
                                <ul>{ for e.conflicts.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
                            </details>
                        }
                        if !e.rejected.is_empty() {
                            <ul class="rejections">
                                { for e.rejected.iter().map(|(what, why)| html! {
                                    <li><span class="what">{ what }</span>{ ": " }{ why }</li>
                                }) }
                            </ul>
                        }
                    </li>
                }) }
            </ol>
        </section>
    }
}
