//! The walk's notebook: the problems found so far, and small readers for the value types a
//! definition is made of, each recording a problem instead of failing.

use serde_json::{Map, Value};

use super::Problem;
use crate::core::text::{FALLBACK_LANGUAGE, Text, is_valid_id};

#[derive(Default)]
pub(super) struct Ctx {
    pub problems: Vec<Problem>,
    /// The definition's declared languages, to check the keys of every text against.
    pub languages: Vec<String>,
}

impl Ctx {
    pub fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem { path: path.to_string(), message: message.into() });
    }

    pub fn object<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        let m = v.as_object();
        if m.is_none() {
            self.problem(path, format!("must be an object, found {}", describe(v)));
        }
        m
    }

    /// Reports keys that the format does not know: usually a typo that would be silently lost.
    pub fn only_keys(&mut self, m: &Map<String, Value>, path: &str, allowed: &[&str]) {
        for k in m.keys() {
            if !allowed.contains(&k.as_str()) {
                self.problem(
                    &format!("{path}.{k}"),
                    format!("unknown key '{k}' (expected one of: {})", allowed.join(", ")),
                );
            }
        }
    }

    pub fn id(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        let p = format!("{path}.{key}");
        match m.get(key) {
            Some(Value::String(s)) if is_valid_id(s) => Some(s.clone()),
            Some(Value::String(s)) => {
                self.problem(
                    &p,
                    format!("'{s}' is not a valid id (1-64 of a-z, 0-9, _ and -, not starting with _ or -)"),
                );
                None
            }
            Some(v) => {
                self.problem(&p, format!("must be an id string, found {}", describe(v)));
                None
            }
            None => {
                self.problem(&p, "missing");
                None
            }
        }
    }

    pub fn string(
        &mut self,
        m: &Map<String, Value>,
        key: &str,
        path: &str,
        min: usize,
        max: usize,
    ) -> Option<String> {
        let p = format!("{path}.{key}");
        match m.get(key) {
            Some(Value::String(s)) if (min..=max).contains(&s.chars().count()) => Some(s.clone()),
            Some(Value::String(_)) => {
                self.problem(&p, format!("must be {min} to {max} characters long"));
                None
            }
            Some(v) => {
                self.problem(&p, format!("must be a string, found {}", describe(v)));
                None
            }
            None => {
                self.problem(&p, "missing");
                None
            }
        }
    }

    /// A whole number in `min..=max`; `None` with a problem if absent or out of range.
    pub fn number(&mut self, v: Option<&Value>, path: &str, min: u64, max: u64) -> Option<u32> {
        match v.map(|v| (v, v.as_u64())) {
            Some((_, Some(n))) if (min..=max).contains(&n) => Some(n as u32),
            Some((v, _)) => {
                self.problem(
                    path,
                    format!("must be a whole number from {min} to {max}, found {}", describe(v)),
                );
                None
            }
            None => {
                self.problem(path, "missing");
                None
            }
        }
    }

    pub fn text(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Option<Text> {
        let p = format!("{path}.{key}");
        match m.get(key) {
            Some(v) => self.text_value(v, &p),
            None => {
                self.problem(&p, "missing: a text such as {\"en\": \"...\"}");
                None
            }
        }
    }

    pub fn optional_text(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Option<Text> {
        m.get(key).and_then(|v| self.text_value(v, &format!("{path}.{key}")))
    }

    pub fn text_value(&mut self, v: &Value, path: &str) -> Option<Text> {
        let Some(m) = v.as_object() else {
            self.problem(path, format!("must be a text such as {{\"en\": \"...\"}}, found {}", describe(v)));
            return None;
        };
        let mut text = Text::default();
        for (lang, s) in m {
            let p = format!("{path}.{lang}");
            match s.as_str() {
                Some(s) if s.trim().is_empty() => self.problem(&p, "empty text"),
                Some(s) => {
                    if !self.languages.is_empty() && !self.languages.iter().any(|l| l == lang) {
                        self.problem(&p, format!("language '{lang}' is not listed in $.languages"));
                    }
                    text.0.insert(lang.clone(), s.to_string());
                }
                None => self.problem(&p, format!("must be a string, found {}", describe(s))),
            }
        }
        if !text.0.contains_key(FALLBACK_LANGUAGE) {
            self.problem(path, "has no English (\"en\") text");
            return None;
        }
        Some(text)
    }
}

/// How a value is named in a problem: its type and, when short, the value itself.
pub(super) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() <= 30 => format!("the string \"{s}\""),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}
