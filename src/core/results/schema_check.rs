//! A small JSON Schema checker for the tests: the keywords `docs/results.schema.json` uses
//! (`type`, `properties`, `required`, `additionalProperties: false`, `items`, `maxItems`,
//! `$ref` to `#/$defs/...`, `oneOf`, `anyOf`, `allOf`, `not`, `enum`, `const`, `minimum`,
//! `maximum`), so that a native test can hold `results.json` to its schema without a schema
//! library. `pattern` is not checked. Unknown keywords fail the check, so the schema cannot
//! silently use something this checker ignores.

use serde_json::Value;

const KNOWN: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "title",
    "description",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "maxItems",
    "$ref",
    "oneOf",
    "anyOf",
    "allOf",
    "not",
    "enum",
    "const",
    "minimum",
    "maximum",
    "pattern",
];

/// Every place where `value` breaks `schema` (empty when it conforms).
pub fn errors(root: &Value, value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    check(root, root, value, "$", &mut out);
    out
}

fn is_type(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

fn check(root: &Value, schema: &Value, v: &Value, path: &str, out: &mut Vec<String>) {
    let Some(s) = schema.as_object() else {
        out.push(format!("{path}: the schema here is not an object"));
        return;
    };
    for k in s.keys() {
        if !KNOWN.contains(&k.as_str()) {
            out.push(format!("{path}: the schema uses '{k}', which this checker does not know"));
        }
    }
    let mut fail = |m: String| out.push(format!("{path}: {m}"));
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        match r.strip_prefix("#/$defs/").and_then(|name| root.get("$defs")?.get(name)) {
            Some(target) => check(root, target, v, path, out),
            None => out.push(format!("{path}: unknown $ref {r}")),
        }
        return;
    }
    if let Some(t) = s.get("type") {
        let types: Vec<&str> = match t {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !types.iter().any(|t| is_type(t, v)) {
            fail(format!("{v} is not of type {t}"));
            return;
        }
    }
    if let Some(c) = s.get("const")
        && c != v
    {
        fail(format!("{v} is not {c}"));
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array)
        && !e.contains(v)
    {
        fail(format!("{v} is not one of {}", Value::from(e.clone())));
    }
    if let Some(x) = v.as_f64() {
        if let Some(min) = s.get("minimum").and_then(Value::as_f64)
            && x < min
        {
            fail(format!("{x} is below {min}"));
        }
        if let Some(max) = s.get("maximum").and_then(Value::as_f64)
            && x > max
        {
            fail(format!("{x} is above {max}"));
        }
    }
    let count = |list: &str, out: &mut Vec<String>| {
        s.get(list).and_then(Value::as_array).map(|schemas| {
            schemas
                .iter()
                .map(|sub| {
                    let mut errs = Vec::new();
                    check(root, sub, v, path, &mut errs);
                    if errs.is_empty() {
                        true
                    } else {
                        if list == "allOf" {
                            out.extend(errs);
                        }
                        false
                    }
                })
                .filter(|ok| *ok)
                .count()
        })
    };
    if let Some(n) = count("oneOf", out)
        && n != 1
    {
        out.push(format!("{path}: matches {n} of oneOf, not exactly 1"));
    }
    if count("anyOf", out) == Some(0) {
        out.push(format!("{path}: matches none of anyOf"));
    }
    count("allOf", out);
    if let Some(not) = s.get("not") {
        let mut errs = Vec::new();
        check(root, not, v, path, &mut errs);
        if errs.is_empty() {
            out.push(format!("{path}: matches what 'not' excludes"));
        }
    }
    if let Some(o) = v.as_object() {
        let props = s.get("properties").and_then(Value::as_object);
        for key in s.get("required").and_then(Value::as_array).into_iter().flatten() {
            if let Some(k) = key.as_str()
                && !o.contains_key(k)
            {
                out.push(format!("{path}: missing '{k}'"));
            }
        }
        for (k, x) in o {
            match props.and_then(|p| p.get(k)) {
                Some(sub) => check(root, sub, x, &format!("{path}.{k}"), out),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    out.push(format!("{path}: '{k}' is not in the schema"))
                }
                None => {}
            }
        }
    }
    if let Some(a) = v.as_array() {
        if let Some(max) = s.get("maxItems").and_then(Value::as_u64)
            && a.len() as u64 > max
        {
            out.push(format!("{path}: more than {max} items"));
        }
        if let Some(items) = s.get("items") {
            for (i, x) in a.iter().enumerate() {
                check(root, items, x, &format!("{path}[{i}]"), out);
            }
        }
    }
}
