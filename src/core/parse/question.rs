//! Reading one question (with its options, items and scale) and checking its condition.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::ctx::{Ctx, describe};
use crate::core::condition::{Condition, NO_CLEAR_OPINION};
use crate::core::definition::{Choice, Kind, Question, Scale};
use crate::core::text::{ItemId, OptionId, QuestionId};

/// The most options, items or points one question may have.
pub const MAX_OPTIONS: usize = 100;

const KINDS: &str =
    "single_choice, multiple_choice, scale, grid, numeric, yes_no, text, ordering, country, list";

pub(super) fn question(
    cx: &mut Ctx,
    v: &Value,
    path: &str,
    scales: &BTreeMap<String, Scale>,
) -> Option<Question> {
    let m = cx.object(v, path)?;
    let id = cx.id(m, "id", path);
    let text = cx.text(m, "text", path);
    let help = cx.optional_text(m, "help", path);
    let profile = match m.get("profile") {
        None => None,
        Some(Value::String(s)) if crate::core::text::is_valid_id(s) => Some(s.clone()),
        Some(v) => {
            cx.problem(&format!("{path}.profile"), format!("must be an id, found {}", describe(v)));
            None
        }
    };
    let show_if = m.get("show_if").and_then(|c| condition(cx, c, &format!("{path}.show_if")));
    let ballot_for = match m.get("ballot_for") {
        None => None,
        Some(Value::String(s)) if crate::core::text::is_valid_id(s) => Some(QuestionId(s.clone())),
        Some(v) => {
            cx.problem(
                &format!("{path}.ballot_for"),
                format!("must be a worksheet id, found {}", describe(v)),
            );
            None
        }
    };
    let repeats = match m.get("repeats") {
        None => None,
        Some(Value::String(s)) if crate::core::text::is_valid_id(s) => Some(QuestionId(s.clone())),
        Some(v) => {
            cx.problem(
                &format!("{path}.repeats"),
                format!("must be the id of an earlier question, found {}", describe(v)),
            );
            None
        }
    };
    let common = ["id", "kind", "text", "help", "show_if", "profile", "ballot_for", "repeats"];
    let kind_name = m.get("kind").and_then(Value::as_str);
    let (kind, extra): (Option<Kind>, &[&str]) = match kind_name {
        Some("single_choice") => (
            choices(cx, m, "options", path).map(|options| Kind::SingleChoice {
                options,
                no_clear_opinion: cx.optional_text(m, "no_clear_opinion", path),
            }),
            &["options", "no_clear_opinion"],
        ),
        Some("multiple_choice") => {
            let options = choices(cx, m, "options", path);
            let n = options.as_ref().map_or(MAX_OPTIONS, Vec::len) as u64;
            let max = match m.get("max") {
                None => Some(None),
                v => cx.number(v, &format!("{path}.max"), 1, n).map(Some),
            };
            (
                options.zip(max).map(|(options, max)| Kind::MultipleChoice { options, max }),
                &["options", "max"],
            )
        }
        Some("scale") => (scale_ref(cx, m, path, scales).map(|scale| Kind::Scale { scale }), &["scale"]),
        Some("grid") => {
            let items = choices(cx, m, "items", path).map(|items| {
                items
                    .into_iter()
                    .map(|c| Choice { id: ItemId(c.id.0), label: c.label, hint: c.hint })
                    .collect()
            });
            let scale = scale_ref(cx, m, path, scales);
            (items.zip(scale).map(|(items, scale)| Kind::Grid { items, scale }), &["items", "scale"])
        }
        Some("numeric") => {
            let max = cx.number(m.get("max"), &format!("{path}.max"), 1, 100);
            let lo = cx.text(m, "min_label", path);
            let hi = cx.text(m, "max_label", path);
            let kind = match (max, lo, hi) {
                (Some(max), Some(min_label), Some(max_label)) => {
                    Some(Kind::Numeric { max, min_label, max_label })
                }
                _ => None,
            };
            (kind, &["max", "min_label", "max_label"])
        }
        Some("yes_no") => (
            Some(Kind::YesNo { no_clear_opinion: cx.optional_text(m, "no_clear_opinion", path) }),
            &["no_clear_opinion"],
        ),
        Some("text") => (
            cx.number(m.get("max_length"), &format!("{path}.max_length"), 1, 2000)
                .map(|max_length| Kind::Text { max_length }),
            &["max_length"],
        ),
        Some("ordering") => {
            let options = choices(cx, m, "options", path);
            let n = options.as_ref().map_or(MAX_OPTIONS, Vec::len) as u64;
            let top = match m.get("top") {
                None => Some(None),
                v => cx.number(v, &format!("{path}.top"), 1, n).map(Some),
            };
            (options.zip(top).map(|(options, top)| Kind::Ordering { options, top }), &["options", "top"])
        }
        Some("country") => (Some(Kind::Country), &[]),
        Some("list") => {
            let items = cx.number(m.get("max_items"), &format!("{path}.max_items"), 1, 20);
            let len = cx.number(m.get("max_length"), &format!("{path}.max_length"), 1, 500);
            (
                items.zip(len).map(|(max_items, max_length)| Kind::List { max_items, max_length }),
                &["max_items", "max_length"],
            )
        }
        Some(other) => {
            cx.problem(&format!("{path}.kind"), format!("unknown kind '{other}' (expected one of: {KINDS})"));
            (None, &[])
        }
        None => {
            cx.problem(&format!("{path}.kind"), format!("missing: one of {KINDS}"));
            (None, &[])
        }
    };
    if kind_name.is_some() && kind.is_some() {
        let allowed: Vec<&str> = common.iter().chain(extra).copied().collect();
        cx.only_keys(m, path, &allowed);
    }
    // A missing text is already a problem; the question is kept so that the cross-checks
    // (unique ids, conditions) still see it and report everything in one pass.
    Some(Question {
        id: QuestionId(id?),
        text: text.unwrap_or_default(),
        help,
        kind: kind?,
        show_if,
        profile,
        ballot_for,
        repeats,
    })
}

/// A list of options (or items or points) under `key`: 2+ (1+ for items), ids unique.
fn choices(cx: &mut Ctx, m: &Map<String, Value>, key: &str, path: &str) -> Option<Vec<Choice<OptionId>>> {
    let p = format!("{path}.{key}");
    let min = if key == "items" { 1 } else { 2 };
    let Some(list) = m.get(key).and_then(Value::as_array) else {
        cx.problem(&p, format!("missing: a list of at least {min} {key}"));
        return None;
    };
    if list.len() < min || list.len() > MAX_OPTIONS {
        cx.problem(&p, format!("must hold {min} to {MAX_OPTIONS} {key}, found {}", list.len()));
    }
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let mut ok = true;
    for (i, v) in list.iter().enumerate() {
        let ip = format!("{p}[{i}]");
        let Some(o) = cx.object(v, &ip) else {
            ok = false;
            continue;
        };
        cx.only_keys(o, &ip, &["id", "label", "hint"]);
        let id = cx.id(o, "id", &ip);
        if let Some(id) = &id {
            if id == NO_CLEAR_OPINION {
                cx.problem(
                    &format!("{ip}.id"),
                    "'no_clear_opinion' is reserved: use the no_clear_opinion key",
                );
            } else if !seen.insert(id.clone()) {
                cx.problem(&format!("{ip}.id"), format!("id '{id}' is used twice in this list"));
            }
        }
        let label = cx.text(o, "label", &ip);
        let hint = cx.optional_text(o, "hint", &ip);
        match id {
            // As with questions: a missing label is reported, the option kept for the checks.
            Some(id) => out.push(Choice { id: OptionId(id), label: label.unwrap_or_default(), hint }),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// A scale: `{"points": [...], "no_clear_opinion": text?}`.
pub(super) fn scale(cx: &mut Ctx, v: &Value, path: &str) -> Option<Scale> {
    let m = cx.object(v, path)?;
    cx.only_keys(m, path, &["points", "no_clear_opinion"]);
    let points = choices(cx, m, "points", path);
    let no_clear_opinion = cx.optional_text(m, "no_clear_opinion", path);
    Some(Scale { points: points?, no_clear_opinion })
}

/// A question's `scale`: the name of a shared scale, or a scale written in place.
fn scale_ref(
    cx: &mut Ctx,
    m: &Map<String, Value>,
    path: &str,
    scales: &BTreeMap<String, Scale>,
) -> Option<Scale> {
    let p = format!("{path}.scale");
    match m.get("scale") {
        Some(Value::String(name)) => {
            let found = scales.get(name).cloned();
            if found.is_none() {
                let known: Vec<&str> = scales.keys().map(String::as_str).collect();
                cx.problem(&p, format!("no scale named '{name}' in $.scales (known: {})", known.join(", ")));
            }
            found
        }
        Some(v) => scale(cx, v, &p),
        None => {
            cx.problem(&p, "missing: a scale name or a scale");
            None
        }
    }
}

fn condition(cx: &mut Ctx, v: &Value, path: &str) -> Option<Condition> {
    let m = cx.object(v, path)?;
    let list = |cx: &mut Ctx, key: &str| -> Option<Vec<Condition>> {
        let p = format!("{path}.{key}");
        let Some(items) = m.get(key).and_then(Value::as_array).filter(|l| !l.is_empty()) else {
            cx.problem(&p, "must be a non-empty list of conditions");
            return None;
        };
        let out: Vec<Condition> =
            items.iter().enumerate().filter_map(|(i, c)| condition(cx, c, &format!("{p}[{i}]"))).collect();
        (out.len() == items.len()).then_some(out)
    };
    if m.contains_key("all") {
        cx.only_keys(m, path, &["all"]);
        return list(cx, "all").map(Condition::All);
    }
    if m.contains_key("any") {
        cx.only_keys(m, path, &["any"]);
        return list(cx, "any").map(Condition::Any);
    }
    if let Some(c) = m.get("not") {
        cx.only_keys(m, path, &["not"]);
        return condition(cx, c, &format!("{path}.not")).map(|c| Condition::Not(Box::new(c)));
    }
    let question = cx.id(m, "question", path).map(QuestionId);
    if let Some(is) = m.get("is") {
        cx.only_keys(m, path, &["question", "is"]);
        let ids: Option<Vec<OptionId>> = is
            .as_array()
            .filter(|l| !l.is_empty())
            .and_then(|l| l.iter().map(|o| o.as_str().map(OptionId::from)).collect());
        if ids.is_none() {
            cx.problem(&format!("{path}.is"), "must be a non-empty list of option ids");
        }
        return Some(Condition::Is { question: question?, any_of: ids? });
    }
    if let Some(a) = m.get("answered") {
        cx.only_keys(m, path, &["question", "answered"]);
        let Some(answered) = a.as_bool() else {
            cx.problem(&format!("{path}.answered"), "must be true or false");
            return None;
        };
        return Some(Condition::Answered { question: question?, answered });
    }
    cx.problem(path, "a condition needs 'question' with 'is' or 'answered', or 'all', 'any' or 'not'");
    None
}

/// Checks that a condition refers to earlier questions, with options those questions have.
pub(super) fn check_condition(
    cx: &mut Ctx,
    c: &Condition,
    path: &str,
    earlier: &BTreeMap<&QuestionId, &Question>,
) {
    match c {
        Condition::All(cs) | Condition::Any(cs) => {
            let key = if matches!(c, Condition::All(_)) { "all" } else { "any" };
            for (i, c) in cs.iter().enumerate() {
                check_condition(cx, c, &format!("{path}.{key}[{i}]"), earlier);
            }
        }
        Condition::Not(c) => check_condition(cx, c, &format!("{path}.not"), earlier),
        Condition::Answered { question, .. } | Condition::Is { question, .. } => {
            let Some(q) = earlier.get(question) else {
                cx.problem(
                    &format!("{path}.question"),
                    format!(
                        "'{question}' is not a question that comes earlier (a condition may only look back)"
                    ),
                );
                return;
            };
            if let Condition::Is { any_of, .. } = c {
                let ids = q.kind.option_ids();
                if ids.is_empty() || matches!(q.kind, Kind::Ordering { .. }) {
                    cx.problem(
                        &format!("{path}.is"),
                        format!(
                            "'{question}' is a {} question: 'is' needs a choice, scale or yes/no question",
                            q.kind.name()
                        ),
                    );
                    return;
                }
                for (i, o) in any_of.iter().enumerate() {
                    let nco = o.0 == NO_CLEAR_OPINION && q.kind.offers_no_clear_opinion();
                    if !ids.contains(o) && !nco {
                        cx.problem(&format!("{path}.is[{i}]"), format!("'{question}' has no option '{o}'"));
                    }
                }
            }
        }
    }
}
