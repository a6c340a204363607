//! Tests of members' ballots: reading codes from a chat, counting each member once, flagging
//! other tables, and the consensus.

use super::*;
use crate::core::parse::parse_definition;
use crate::core::record::Record;

const DEF: &str = r#"{
  "format": "dialogue-kit/questionnaire", "format_version": 1, "id": "t", "version": "1",
  "title": {"en": "T"}, "languages": ["en"],
  "sessions": [{"id": "s1", "title": {"en": "One"},
    "questions": [
      {"id": "mine", "kind": "ordering", "text": {"en": "Your order"}, "ballot_for": "ours",
       "options": [{"id": "a", "label": {"en": "A"}}, {"id": "b", "label": {"en": "B"}}, {"id": "c", "label": {"en": "C"}}]},
      {"id": "other", "kind": "yes_no", "text": {"en": "?"}}
    ],
    "worksheets": [
      {"id": "ours", "kind": "ordering", "text": {"en": "The table's order"},
       "options": [{"id": "a", "label": {"en": "A"}}, {"id": "b", "label": {"en": "B"}}, {"id": "c", "label": {"en": "C"}}]}
    ]}]
}"#;

fn def() -> Definition {
    parse_definition(DEF).unwrap()
}

fn member_code(def: &Definition, respondent: &str, table: u32, order: &[&str], at: u64) -> String {
    let mut r = Record::new(def, "ev", table, respondent, "en", 1_700_000_000);
    r.updated_at = crate::core::time::format_rfc3339(1_700_000_000 + at);
    r.answers.insert("mine".into(), Answer::Order(order.iter().map(|o| (*o).into()).collect()));
    code::encode(&r, def).unwrap()
}

#[test]
fn codes_are_found_in_a_chat_transcript() {
    let text = "10:01 From Ana to Everyone: DK1-abc_-9\n10:02 From Bo: hello (DK1-xyz) DK1-";
    assert_eq!(extract_codes(text), vec!["DK1-abc_-9", "DK1-xyz", "DK1-"]);
    assert!(extract_codes("nothing here").is_empty());
}

#[test]
fn each_member_counts_once_and_other_tables_wait() {
    let def = def();
    let ws: QuestionId = "ours".into();
    let a = member_code(&def, "00000000000000aa", 3, &["a", "b", "c"], 0);
    let a_newer = member_code(&def, "00000000000000aa", 3, &["b", "a", "c"], 60);
    let b = member_code(&def, "00000000000000bb", 3, &["a", "c", "b"], 0);
    let stranger = member_code(&def, "00000000000000cc", 9, &["c", "b", "a"], 0);
    let mut members = Vec::new();
    let chat = format!("Ana: {a}\nBo: {b}\nAna again: {a}\nCy: {stranger}\nbroken: DK1-AAAA\n");
    let r = import(&def, &ws, "ev", 3, &chat, &mut members);
    assert_eq!((r.added, r.duplicates, r.foreign, r.rejected.len()), (2, 1, 1, 1), "{r:?}");
    assert!(r.rejected[0].contains("damaged"), "{:?}", r.rejected);
    assert_eq!(members.iter().filter(|m| m.included).count(), 2);
    // A newer order from the same member replaces the old one.
    let r = import(&def, &ws, "ev", 3, &a_newer, &mut members);
    assert_eq!(r.updated, 1);
    assert_eq!(members.len(), 3);
    assert_eq!(members[0].order[0].as_str(), "b");
    // An older one does not.
    let r = import(&def, &ws, "ev", 3, &a, &mut members);
    assert_eq!((r.updated, r.duplicates), (0, 1));
    assert_eq!(members[0].order[0].as_str(), "b");
    assert!(r.summary().contains("already here"));
}

#[test]
fn a_member_without_an_order_is_told_so() {
    let def = def();
    let mut rec = Record::new(&def, "ev", 3, "00000000000000dd", "en", 1_700_000_000);
    rec.answers.insert("other".into(), Answer::Option("yes".into()));
    let c = code::encode(&rec, &def).unwrap();
    let mut members = Vec::new();
    let r = import(&def, &"ours".into(), "ev", 3, &c, &mut members);
    assert!(r.rejected[0].contains("not ordered"), "{:?}", r.rejected);
    let r = import(&def, &"ours".into(), "ev", 3, "just words", &mut members);
    assert!(r.rejected[0].contains("no code found"));
}

#[test]
fn consensus_distances_and_agreement() {
    let def = def();
    let ws: QuestionId = "ours".into();
    let mut members = Vec::new();
    let codes = [
        member_code(&def, "0000000000000001", 3, &["a", "b", "c"], 0),
        member_code(&def, "0000000000000002", 3, &["a", "b", "c"], 0),
        member_code(&def, "0000000000000003", 3, &["b", "a", "c"], 0),
    ]
    .join(" ");
    import(&def, &ws, "ev", 3, &codes, &mut members);
    let c = consensus(&def, &ws, &members).unwrap();
    let order: Vec<&str> = c.order.iter().map(|o| o.as_str()).collect();
    assert_eq!(order, ["a", "b", "c"]);
    assert_eq!(c.optimal_orders, 1);
    assert_eq!(c.distance_of("0000000000000001"), Some(0.0));
    // Member 3 reverses one of the three pairs.
    let d = c.distance_of("0000000000000003").unwrap();
    assert!((d - 100.0 / 3.0).abs() < 1e-9, "{d}");
    let w = c.kendall_w.unwrap();
    assert!(w > 0.5 && w < 1.0, "{w}");
    // Excluding everyone leaves no consensus, with a reason.
    for m in &mut members {
        m.included = false;
    }
    assert!(consensus(&def, &ws, &members).is_err());
}
