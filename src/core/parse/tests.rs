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

/// GOOD with a later grid `c2` that repeats `c`, and a worksheet.
fn with_repeat(repeat: &str) -> String {
    GOOD.replace(
        r#"{"id": "e", "kind": "country""#,
        &format!(
            r#"{{"id": "c2", "kind": "grid", "scale": "agree", "text": {{"en": "C again?"}}, {repeat}
     "items": [{{"id": "un", "label": {{"en": "UN"}}}}]}},
    {{"id": "e", "kind": "country""#
        ),
    )
    .replace(
        r#"]}]
}"#,
        r#"], "worksheets": [
    {"id": "w", "kind": "grid", "scale": "agree", "text": {"en": "W?"}, "items": [{"id": "un", "label": {"en": "UN"}}]}
  ]}]
}"#,
    )
}

#[test]
fn repeats_pairs_a_grid_with_an_earlier_one() {
    let def = parse_definition(&with_repeat(r#""repeats": "c","#)).unwrap();
    let pairs: Vec<_> = def.repeated_pairs().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(pairs, [("c", "c2")]);
    assert_eq!(parse_definition(&with_repeat("")).unwrap().repeated_pairs().count(), 0);
}

#[test]
fn every_misuse_of_repeats_is_reported() {
    let at = |json: &str| problems(json);
    // Not an earlier question, a later one, itself, a worksheet, not a grid, not an id.
    for (repeat, word) in [
        (r#""repeats": "nope","#, "not a participant question that comes earlier"),
        (r#""repeats": "e","#, "not a participant question that comes earlier"),
        (r#""repeats": "c2","#, "not a participant question that comes earlier"),
        (r#""repeats": "w","#, "is a worksheet"),
        (r#""repeats": "b","#, "is a scale question, not a grid"),
        (r#""repeats": 3,"#, "must be the id of an earlier question"),
    ] {
        let p = at(&with_repeat(repeat));
        assert_eq!(p.len(), 1, "{repeat}: {p:#?}");
        assert!(p[0].starts_with("$.sessions[0].questions[4].repeats:") && p[0].contains(word), "{p:#?}");
    }
    // Other items, another scale.
    let items = with_repeat(r#""repeats": "c","#)
        .replacen(
            r#""items": [{"id": "un", "label": {"en": "UN"}}]}"#,
            r#""items": [{"id": "eu", "label": {"en": "EU"}}]}"#,
            2,
        )
        .replacen(
            r#""items": [{"id": "eu", "label": {"en": "EU"}}]}"#,
            r#""items": [{"id": "un", "label": {"en": "UN"}}]}"#,
            1,
        );
    let p = at(&items);
    assert!(p.len() == 1 && p[0].contains("questions[4].repeats") && p[0].contains("items differ"), "{p:#?}");
    let scale = with_repeat(r#""repeats": "c","#).replace(
        r#""scale": "agree", "text": {"en": "C again?"}"#,
        r#""scale": {"points": [{"id": "agree", "label": {"en": "A"}}, {"id": "disagree", "label": {"en": "D"}}]}, "text": {"en": "C again?"}"#,
    );
    let p = at(&scale);
    assert!(p.len() == 1 && p[0].contains("scale differs"), "{p:#?}");
    // On a worksheet, and on a question that is not a grid.
    let misplaced = with_repeat("")
        .replace(r#"{"id": "w", "kind": "grid","#, r#"{"id": "w", "repeats": "c", "kind": "grid","#)
        .replace(r#""kind": "yes_no","#, r#""kind": "yes_no", "repeats": "c","#);
    let p = at(&misplaced);
    assert!(
        p.iter()
            .any(|s| s.starts_with("$.sessions[0].worksheets[0].repeats:") && s.contains("not a worksheet")),
        "{p:#?}"
    );
    assert!(
        p.iter().any(|s| s.starts_with("$.sessions[0].questions[0].repeats:") && s.contains("only a grid")),
        "{p:#?}"
    );
    assert_eq!(p.len(), 2, "{p:#?}");
}

#[test]
fn the_default_day_declares_its_before_and_after_pairs() {
    let def = parse_definition(crate::DEFAULT_DAY).unwrap();
    let pairs: Vec<_> = def.repeated_pairs().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(
        pairs,
        [("confidence_actors_start", "confidence_actors_end"), ("knowledge_start", "knowledge_end")]
    );
    assert_eq!(def.version, "1.2.0");
}
