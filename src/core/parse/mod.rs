//! Reading a definition file: JSON text in, a checked [`Definition`] or every problem out.
//!
//! serde stops at the first error, which leaves an author fixing a file one problem at a time.
//! So the file is first read as a plain JSON value and then walked by hand: each part that is
//! wrong adds a [`Problem`] with its JSON path and the walk goes on. Only when nothing is wrong
//! is a [`Definition`] built. Nothing here panics on any input.

mod ctx;
mod question;
mod repeats;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::Value;

use self::ctx::Ctx;
use super::definition::{Definition, FORMAT, FORMAT_VERSION, Question, Scale, Session};
use super::hash;
use super::text::{FALLBACK_LANGUAGE, QuestionId, SessionId};

/// Definition files larger than this are refused before parsing (a day is ~100 KB).
pub const MAX_DEFINITION_BYTES: usize = 5 * 1024 * 1024;

/// One thing wrong with a definition, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A JSON path such as `$.sessions[2].questions[4].options[1].id`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Reads and checks a definition; on failure, returns every problem found.
pub fn parse_definition(json: &str) -> Result<Definition, Vec<Problem>> {
    if json.len() > MAX_DEFINITION_BYTES {
        return Err(vec![Problem {
            path: "$".into(),
            message: format!(
                "the file is {} bytes; a definition may be at most {MAX_DEFINITION_BYTES}",
                json.len()
            ),
        }]);
    }
    let value: Value = serde_json::from_str(json).map_err(|e| {
        vec![Problem {
            path: "$".into(),
            message: format!("not valid JSON (line {}, column {}): {e}", e.line(), e.column()),
        }]
    })?;
    let mut cx = Ctx::default();
    let def = definition(&mut cx, &value);
    match def {
        Some(d) if cx.problems.is_empty() => Ok(d),
        _ => Err(cx.problems),
    }
}

fn definition(cx: &mut Ctx, v: &Value) -> Option<Definition> {
    let m = cx.object(v, "$")?;
    cx.only_keys(
        m,
        "$",
        &[
            "format",
            "format_version",
            "id",
            "version",
            "title",
            "description",
            "languages",
            "scales",
            "sessions",
        ],
    );
    match m.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        _ => cx.problem("$.format", format!("must be \"{FORMAT}\"")),
    }
    match m.get("format_version").and_then(Value::as_u64) {
        Some(FORMAT_VERSION) => {}
        Some(n) if n > FORMAT_VERSION => cx.problem(
            "$.format_version",
            format!("version {n} is newer than this app reads ({FORMAT_VERSION}): update the app"),
        ),
        _ => cx.problem("$.format_version", format!("must be {FORMAT_VERSION}")),
    }
    let id = cx.id(m, "id", "$");
    let version = cx.string(m, "version", "$", 1, 64);
    let languages = languages(cx, m);
    cx.languages = languages.clone().unwrap_or_default();
    let title = cx.text(m, "title", "$");
    let description = cx.optional_text(m, "description", "$");
    let scales = scales(cx, m.get("scales"));
    let sessions = sessions(cx, m.get("sessions"), &scales);
    Some(Definition {
        id: id?,
        version: version?,
        hash: hash::content_hash(v),
        title: title?,
        description,
        languages: languages?,
        sessions: sessions?,
    })
}

fn languages(cx: &mut Ctx, m: &serde_json::Map<String, Value>) -> Option<Vec<String>> {
    let Some(list) = m.get("languages").and_then(Value::as_array) else {
        cx.problem("$.languages", "must be a list of language tags, including \"en\"");
        return None;
    };
    let mut out = Vec::new();
    for (i, l) in list.iter().enumerate() {
        match l.as_str() {
            Some(s) if is_language_tag(s) && !out.iter().any(|o: &String| o == s) => out.push(s.to_string()),
            _ => cx.problem(&format!("$.languages[{i}]"), "must be a distinct tag such as \"pt\""),
        }
    }
    if !out.iter().any(|l| l == FALLBACK_LANGUAGE) {
        cx.problem("$.languages", "must include \"en\": English is the fallback for every text");
    }
    Some(out)
}

/// A BCP 47-like tag: letters, digits and hyphens, starting with 2-3 letters.
fn is_language_tag(s: &str) -> bool {
    let first = s.split('-').next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && s.len() <= 20
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn scales(cx: &mut Ctx, v: Option<&Value>) -> BTreeMap<String, Scale> {
    let mut out = BTreeMap::new();
    let Some(v) = v else { return out };
    let Some(m) = cx.object(v, "$.scales") else { return out };
    for (name, s) in m {
        let path = format!("$.scales.{name}");
        if !super::text::is_valid_id(name) {
            cx.problem(&path, "a scale name must be an id (a-z, 0-9, _ and -)");
        }
        if let Some(scale) = question::scale(cx, s, &path) {
            out.insert(name.clone(), scale);
        }
    }
    out
}

/// A session as read, with each question's index in the file kept for problem paths (a
/// question that could not be read is left out, so positions in the list would shift).
struct Read {
    index: usize,
    id: Option<String>,
    title: Option<crate::core::text::Text>,
    intro: Option<crate::core::text::Text>,
    questions: Option<Vec<(usize, Question)>>,
    worksheets: Option<Vec<(usize, Question)>>,
}

fn sessions(cx: &mut Ctx, v: Option<&Value>, scales: &BTreeMap<String, Scale>) -> Option<Vec<Session>> {
    let Some(list) = v.and_then(Value::as_array) else {
        cx.problem("$.sessions", "must be a list of sessions");
        return None;
    };
    if list.is_empty() {
        cx.problem("$.sessions", "must hold at least one session");
    }
    let read: Vec<Read> = list.iter().enumerate().filter_map(|(i, s)| session(cx, i, s, scales)).collect();
    cross_check(cx, &read);
    // Only a definition without any problem is built: every part is then present.
    let mut out = Vec::new();
    for r in read {
        out.push(Session {
            id: SessionId(r.id?),
            title: r.title?,
            intro: r.intro,
            questions: r.questions?.into_iter().map(|(_, q)| q).collect(),
            worksheets: r.worksheets?.into_iter().map(|(_, q)| q).collect(),
        });
    }
    Some(out)
}

fn session(cx: &mut Ctx, index: usize, v: &Value, scales: &BTreeMap<String, Scale>) -> Option<Read> {
    let path = format!("$.sessions[{index}]");
    let m = cx.object(v, &path)?;
    cx.only_keys(m, &path, &["id", "title", "intro", "questions", "worksheets"]);
    Some(Read {
        index,
        id: cx.id(m, "id", &path),
        title: cx.text(m, "title", &path),
        intro: cx.optional_text(m, "intro", &path),
        questions: question_list(cx, m.get("questions"), &format!("{path}.questions"), scales, true),
        worksheets: question_list(cx, m.get("worksheets"), &format!("{path}.worksheets"), scales, false),
    })
}

fn question_list(
    cx: &mut Ctx,
    v: Option<&Value>,
    path: &str,
    scales: &BTreeMap<String, Scale>,
    required: bool,
) -> Option<Vec<(usize, Question)>> {
    let Some(v) = v else {
        if required {
            cx.problem(path, "missing: a list of questions (it may be empty)");
            return None;
        }
        return Some(Vec::new());
    };
    let Some(list) = v.as_array() else {
        cx.problem(path, "must be a list of questions");
        return None;
    };
    Some(
        list.iter()
            .enumerate()
            .filter_map(|(i, q)| question::question(cx, q, &format!("{path}[{i}]"), scales).map(|q| (i, q)))
            .collect(),
    )
}

/// A participant's ballot must name an ordering worksheet over the same options.
fn check_ballots(cx: &mut Ctx, sessions: &[Read]) {
    use crate::core::definition::Kind;
    let worksheets: BTreeMap<&QuestionId, &Question> =
        sessions.iter().flat_map(|s| s.worksheets.iter().flatten()).map(|(_, q)| (&q.id, q)).collect();
    for s in sessions {
        for (qi, q) in s.questions.iter().flatten() {
            let Some(target) = &q.ballot_for else { continue };
            let path = format!("$.sessions[{}].questions[{qi}].ballot_for", s.index);
            let ids = |k: &Kind| {
                let mut v = k.option_ids();
                v.sort();
                v
            };
            match worksheets.get(target) {
                None => cx.problem(&path, format!("'{target}' is not a worksheet of this definition")),
                Some(w)
                    if !matches!(w.kind, Kind::Ordering { .. })
                        || !matches!(q.kind, Kind::Ordering { .. }) =>
                {
                    cx.problem(&path, "a ballot is an ordering question for an ordering worksheet")
                }
                Some(w) if ids(&w.kind) != ids(&q.kind) => cx.problem(
                    &path,
                    format!("the ballot's options differ from those of worksheet '{target}'"),
                ),
                Some(_) => {}
            }
        }
    }
}

/// The question lists of a session as read, named as in the file.
fn lists(s: &Read) -> [(&'static str, &[(usize, Question)]); 2] {
    [
        ("questions", s.questions.as_deref().unwrap_or(&[])),
        ("worksheets", s.worksheets.as_deref().unwrap_or(&[])),
    ]
}

/// Checks that span questions: unique ids, and conditions that only look back.
fn cross_check(cx: &mut Ctx, sessions: &[Read]) {
    let mut session_ids = BTreeSet::new();
    let mut question_ids = BTreeSet::new();
    for s in sessions {
        if let Some(id) = &s.id
            && !session_ids.insert(id.clone())
        {
            cx.problem(&format!("$.sessions[{}].id", s.index), format!("session id '{id}' is used twice"));
        }
        for (name, list) in lists(s) {
            for (qi, q) in list {
                if !question_ids.insert(q.id.clone()) {
                    cx.problem(
                        &format!("$.sessions[{}].{name}[{qi}].id", s.index),
                        format!("question id '{}' is used twice", q.id),
                    );
                }
            }
        }
    }
    check_ballots(cx, sessions);
    repeats::check_repeats(cx, sessions);
    for which in ["questions", "worksheets"] {
        let mut earlier: BTreeMap<&QuestionId, &Question> = BTreeMap::new();
        for s in sessions {
            for (name, list) in lists(s) {
                if name != which {
                    continue;
                }
                for (qi, q) in list {
                    if let Some(c) = &q.show_if {
                        let path = format!("$.sessions[{}].{name}[{qi}].show_if", s.index);
                        question::check_condition(cx, c, &path, &earlier);
                    }
                    earlier.insert(&q.id, q);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
