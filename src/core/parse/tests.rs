//! Tests of definition parsing: every problem is found, with its path, in one pass.

use super::*;

const GOOD: &str = r#"{
  "format": "dialogue-kit/questionnaire", "format_version": 1, "id": "t", "version": "1",
  "title": {"en": "T"}, "languages": ["en", "pt"],
  "scales": {"agree": {"points": [{"id": "agree", "label": {"en": "Agree"}},
                                  {"id": "disagree", "label": {"en": "Disagree", "pt": "Discordo"}}],
                       "no_clear_opinion": {"en": "No clear opinion"}}},
  "sessions": [{"id": "s1", "title": {"en": "One"}, "questions": [
    {"id": "a", "kind": "yes_no", "text": {"en": "A?"}, "no_clear_opinion": {"en": "NCO"}},
    {"id": "b", "kind": "scale", "scale": "agree", "text": {"en": "B?"},
     "show_if": {"any": [{"question": "a", "is": ["yes", "no_clear_opinion"]}, {"not": {"question": "a", "answered": true}}]}},
    {"id": "c", "kind": "grid", "scale": "agree", "text": {"en": "C?"},
     "items": [{"id": "un", "label": {"en": "UN"}}]},
    {"id": "d", "kind": "ordering", "top": 2, "text": {"en": "D?"},
     "options": [{"id": "x", "label": {"en": "X"}}, {"id": "y", "label": {"en": "Y"}}, {"id": "z", "label": {"en": "Z"}}]},
    {"id": "e", "kind": "country", "text": {"en": "Where?"}, "profile": "country"}
  ]}]
}"#;

fn problems(json: &str) -> Vec<String> {
    parse_definition(json).err().unwrap_or_default().iter().map(ToString::to_string).collect()
}

#[test]
fn a_good_definition_parses() {
    let def = parse_definition(GOOD).unwrap();
    assert_eq!(def.sessions[0].questions.len(), 5);
    assert!(def.hash.starts_with("sha256:"));
    assert!(matches!(&def.sessions[0].questions[1].kind, Kind::Scale { scale } if scale.points.len() == 2));
}

use crate::core::definition::Kind;

#[test]
fn every_problem_is_reported_at_once() {
    let bad = GOOD
        .replace(r#""id": "t""#, r#""id": "T T""#)
        .replace(r#""kind": "country""#, r#""kind": "countries""#)
        .replace(r#""top": 2"#, r#""top": 9"#)
        .replace(r#""is": ["yes", "#, r#""is": ["maybe", "#)
        .replace(r#"{"id": "un", "label": {"en": "UN"}}"#, r#"{"id": "un", "lable": {"en": "UN"}}"#);
    let p = problems(&bad);
    let has = |path: &str, word: &str| p.iter().any(|s| s.starts_with(path) && s.contains(word));
    assert!(has("$.id:", "not a valid id"), "{p:#?}");
    assert!(has("$.sessions[0].questions[4].kind:", "unknown kind 'countries'"), "{p:#?}");
    assert!(has("$.sessions[0].questions[3].top:", "1 to 3"), "{p:#?}");
    assert!(has("$.sessions[0].questions[1].show_if.any[0].is[0]:", "no option 'maybe'"), "{p:#?}");
    assert!(has("$.sessions[0].questions[2].items[0].lable:", "unknown key"), "{p:#?}");
    assert!(has("$.sessions[0].questions[2].items[0].label:", "missing"), "{p:#?}");
    assert_eq!(p.len(), 6, "{p:#?}");
}

#[test]
fn conditions_only_look_back() {
    let bad = GOOD.replace(r#"{"question": "a", "is""#, r#"{"question": "e", "is""#);
    let p = problems(&bad);
    assert!(p.iter().any(|s| s.contains("show_if.any[0].question") && s.contains("comes earlier")), "{p:#?}");
}

#[test]
fn duplicate_ids_and_missing_english() {
    let bad = GOOD
        .replace(r#""id": "b", "kind""#, r#""id": "a", "kind""#)
        .replace(r#""text": {"en": "Where?"}"#, r#""text": {"pt": "Onde?"}"#)
        .replace(r#""label": {"en": "Y"}"#, r#""label": {"en": "Y", "fr": "Y"}"#);
    let p = problems(&bad);
    assert!(p.iter().any(|s| s.contains("questions[1].id") && s.contains("used twice")), "{p:#?}");
    assert!(p.iter().any(|s| s.contains("questions[4].text") && s.contains("English")), "{p:#?}");
    assert!(p.iter().any(|s| s.contains("options[1].label.fr") && s.contains("not listed")), "{p:#?}");
}

#[test]
fn not_json_or_wrong_version() {
    let p = problems("{\"format\": ");
    assert_eq!(p.len(), 1);
    assert!(p[0].contains("not valid JSON (line 1"), "{p:?}");
    let p = problems(&GOOD.replace(r#""format_version": 1"#, r#""format_version": 2"#));
    assert!(p.iter().any(|s| s.contains("newer than this app reads")), "{p:?}");
    let p = problems("[]");
    assert!(p[0].contains("must be an object"), "{p:?}");
    let p = problems(&"[".repeat(200_000));
    assert_eq!(p.len(), 1, "deeply nested input is refused, not a stack overflow");
}

#[test]
fn unknown_scale_is_named() {
    let p = problems(
        &GOOD
            .replace(r#""scale": "agree", "text": {"en": "B?"}"#, r#""scale": "agre", "text": {"en": "B?"}"#),
    );
    assert!(p.iter().any(|s| s.contains("no scale named 'agre'") && s.contains("known: agree")), "{p:?}");
}

#[test]
fn the_default_day_is_valid() {
    match parse_definition(crate::DEFAULT_DAY) {
        Ok(def) => assert!(def.sessions.len() >= 9),
        Err(p) => panic!("{}", p.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")),
    }
}
