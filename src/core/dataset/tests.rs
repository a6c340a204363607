//! Tests of datasets: duplicates, conflicts, every reason for a rejection, a chat transcript,
//! and bundles that come back as they went out.

use super::*;
use crate::core::answers::Answer;
use crate::core::parse::parse_definition;

mod props;

pub(super) fn day() -> Definition {
    parse_definition(crate::DEFAULT_DAY).unwrap()
}

/// A participant record of event `ev`, table 1, updated `at` seconds after it started.
pub(super) fn participant(def: &Definition, respondent: &str, at: u64, age: usize) -> Record {
    let mut r = Record::new(def, "ev", 1, respondent, "en", 1_602_322_200);
    r.updated_at = time::format_rfc3339(1_602_322_200 + at);
    let q = def.question(&"age_band".into()).unwrap();
    let options = q.kind.option_ids();
    r.answers.insert(q.id.clone(), Answer::Option(options[age % options.len()].clone()));
    r
}

fn respondent(i: usize) -> String {
    format!("{i:016x}")
}

fn sources(e: &Entry) -> Vec<&str> {
    e.sources.iter().map(String::as_str).collect()
}

#[test]
fn a_record_is_counted_once_whatever_form_it_comes_in() {
    let def = day();
    let r = participant(&def, &respondent(1), 0, 0);
    let mut d = Dataset::new(&def);
    let first = d.import_text(&def, "a.json", &r.to_json());
    assert_eq!((first.accepted, first.duplicates), (1, 0), "{first}");
    let again = d.import_text(&def, "b.json", &r.to_json());
    let chat = format!("10:02 From Ana: {}\n", code::encode(&r, &def).unwrap());
    let as_code = d.import_text(&def, "pasted text", &chat);
    assert_eq!((again.accepted, again.duplicates, as_code.duplicates), (0, 1, 1));
    assert_eq!(d.len(), 1);
    let e = d.entries().next().unwrap();
    assert_eq!(sources(e), ["a.json", "b.json", "pasted text"]);
    assert_eq!(e.record(&def).unwrap(), r);
    assert_eq!(d.superseded().count(), 0);
}

#[test]
fn the_latest_version_is_kept_whatever_the_order() {
    let def = day();
    let old = participant(&def, &respondent(1), 0, 0);
    let new = participant(&def, &respondent(1), 60, 1);
    let mut ab = Dataset::new(&def);
    ab.import_text(&def, "old.json", &old.to_json());
    let r = ab.import_text(&def, "new.json", &new.to_json());
    assert_eq!(r.accepted, 0);
    assert_eq!(r.conflicts.len(), 1);
    assert!(r.conflicts[0].replaced);
    assert_eq!(r.conflicts[0].kept, new.updated_at);
    assert_eq!(r.conflicts[0].dropped, old.updated_at);
    let mut ba = Dataset::new(&def);
    ba.import_text(&def, "new.json", &new.to_json());
    let r = ba.import_text(&def, "old.json", &old.to_json());
    assert!(!r.conflicts[0].replaced);
    assert_eq!(ab.to_bundle_json(), ba.to_bundle_json());
    assert_eq!(ab.entries().next().unwrap().record(&def).unwrap(), new);
    let log: Vec<&Superseded> = ab.superseded().collect();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].digest.as_str(), log[0].updated_at.as_str()),
        (digest(&old, &def).as_str(), "2020-10-10T09:30:00Z")
    );
    assert_eq!(log[0].sources, BTreeSet::from(["old.json".to_string()]));

    // Same time, other content: the content decides, not the order.
    let twin = participant(&def, &respondent(1), 60, 2);
    let mut x = ab.clone();
    x.import_text(&def, "twin.json", &twin.to_json());
    let mut y = Dataset::new(&def);
    for (s, r) in [("twin.json", &twin), ("old.json", &old), ("new.json", &new)] {
        y.import_text(&def, s, &r.to_json());
    }
    assert_eq!(x.to_bundle_json(), y.to_bundle_json());
    assert_eq!(x.superseded().count(), 2);
}

/// Imports `text` and checks it is rejected for `reason`, leaving `d` as it was.
fn assert_rejected(d: &mut Dataset, def: &Definition, text: &str, reason: &str) {
    let before = d.to_bundle_json();
    let r = d.import_text(def, "input", text);
    assert_eq!((r.accepted, r.duplicates, r.conflicts.len()), (0, 0, 0), "{r}");
    assert_eq!(r.rejected.len(), 1, "{r}");
    assert!(r.rejected[0].reason.contains(reason), "expected '{reason}' in: {r}");
    assert_eq!(d.to_bundle_json(), before);
}

const OTHER: &str = r#"{
  "format": "dialogue-kit/questionnaire", "format_version": 1, "id": "t", "version": "1",
  "title": {"en": "T"}, "languages": ["en"],
  "sessions": [{"id": "s1", "title": {"en": "One"},
    "questions": [{"id": "other", "kind": "yes_no", "text": {"en": "?"}}]}]
}"#;

#[test]
fn each_reason_for_a_rejection_is_given() {
    let def = day();
    let mut d = Dataset::new(&def);
    let kept = participant(&def, &respondent(9), 0, 0);
    d.import_text(&def, "kept.json", &kept.to_json());
    let r = participant(&def, &respondent(1), 0, 0);

    let code = code::encode(&r, &def).unwrap();
    let mut chars: Vec<char> = code.chars().collect();
    chars[20] = if chars[20] == 'A' { 'B' } else { 'A' };
    assert_rejected(&mut d, &def, &chars.into_iter().collect::<String>(), "damaged");

    let other = parse_definition(OTHER).unwrap();
    let foreign = Record::new(&other, "ev", 1, &respondent(2), "en", 1_602_322_200);
    assert_rejected(&mut d, &def, &code::encode(&foreign, &other).unwrap(), "another questionnaire");
    assert_rejected(&mut d, &def, &foreign.to_json(), "another questionnaire");

    let newer = r.to_json().replace("\"format_version\": 1", "\"format_version\": 3");
    assert_rejected(&mut d, &def, &newer, "format version 3");
    assert_rejected(&mut d, &def, "{\"name\": \"a photo\"}", "not a record file or result bundle");
    assert_rejected(&mut d, &def, &r.to_json().replace("\"language\": \"en\",", ""), "damaged record");
    assert_rejected(&mut d, &def, "{\"format\": \"dialogue-kit/record\", ", "not valid JSON");
    assert_rejected(&mut d, &def, "good morning everyone", "no record, bundle or share code");
    assert_rejected(&mut d, &def, &"{\"a\":".repeat(1000), "recursion limit");
    let not_json = format!("{{ oops {}", "[".repeat(500));
    assert_rejected(&mut d, &def, &not_json, "not valid JSON");

    let misfit = r.to_json().replace(r#""option": ""#, r#""option": "zz"#);
    assert_rejected(&mut d, &def, &misfit, "does not fit");

    d.event_filter = Some("pt-2020-10".into());
    assert_rejected(&mut d, &def, &r.to_json(), "from event 'ev', not 'pt-2020-10'");
    d.event_filter = None;

    let bundle = d.to_bundle_json();
    assert_rejected(
        &mut d,
        &def,
        &bundle.replace("\"format_version\": 2", "\"format_version\": 3"),
        "version 3",
    );
    let other_bundle = Dataset::new(&other).to_bundle_json();
    assert_rejected(&mut d, &def, &other_bundle, "another questionnaire");
    assert_rejected(&mut d, &def, &bundle.replace("\"log\"", "\"logs\""), "damaged bundle");

    let before = d.to_bundle_json();
    let r = d.import_bytes(&def, "photo.jpg", &[0xff, 0xd8, 0xff, 0xe0, b'{']);
    assert!(r.rejected[0].reason.contains("not UTF-8"), "{r}");
    let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
    let r = d.import_text(&def, "huge.txt", &huge);
    assert!(r.rejected[0].reason.contains("more than the 100 MB"), "{r}");
    let r = d.import_bytes(&def, "huge.txt", huge.as_bytes());
    assert!(r.rejected[0].reason.contains("more than the 100 MB"), "{r}");
    assert_eq!(d.to_bundle_json(), before);

    // Another definition than the dataset's: nothing is read.
    let r = d.import_text(&other, "x", &foreign.to_json());
    assert!(r.rejected[0].reason.contains("this dataset holds answers to"), "{r}");
}

#[test]
fn a_chat_transcript_of_thirty_codes() {
    let def = day();
    let codes: Vec<String> = (0..29)
        .map(|i| code::encode(&participant(&def, &respondent(i), i as u64, i), &def).unwrap())
        .collect();
    let mut chat = String::from("Zoom chat, table 7\n");
    for (i, c) in codes.iter().enumerate() {
        let c = if i == 5 { c.replacen("DK1-", "DK1-x", 1) } else { c.clone() };
        chat.push_str(&format!("10:{i:02} From Participant {i} to Everyone:\n\t{c}\n"));
    }
    chat.push_str(&format!("10:59 From Participant 3 to Everyone: again, sorry: {}\n", codes[3]));
    let mut d = Dataset::new(&def);
    let r = d.import_text(&def, "pasted text", &chat);
    assert_eq!((r.accepted, r.duplicates, r.conflicts.len(), r.rejected.len()), (28, 1, 0, 1), "{r}");
    assert!(r.rejected[0].reason.contains("damaged"), "{r}");
    assert!(r.rejected[0].what.starts_with("pasted text: DK1-x"), "{r}");
    assert_eq!(d.len(), 28);
}

#[test]
fn a_bundle_comes_back_as_it_went_out() {
    let def = day();
    let mut d = Dataset::new(&def);
    for i in 0..5 {
        d.import_text(
            &def,
            &format!("r{i}.json"),
            &participant(&def, &respondent(i % 3), i as u64, i).to_json(),
        );
    }
    let table = Record::new_table(&def, "ev", 1, &respondent(1), "en", 1_602_322_200);
    d.import_text(&def, "table.json", &table.to_json());
    assert_eq!(d.superseded().count(), 2);
    let bundle = d.to_bundle_json();
    assert!(bundle.starts_with("{\n  \"format\": \"dialogue-kit/bundle\",\n  \"format_version\": 2,"));
    let mut e = Dataset::new(&def);
    let r = e.import_text(&def, "bundle.json", &bundle);
    assert_eq!((r.accepted, r.rejected.len()), (4, 0), "{r}");
    assert_eq!(e.to_bundle_json(), bundle);
    assert_eq!(e, d);
    // Participants first, then tables, each by respondent.
    let order: Vec<(RecordKind, String)> =
        e.entries().map(|x| (x.packed.kind(), x.packed.respondent())).collect();
    assert_eq!(order[3], (RecordKind::Table, respondent(1)));
    assert!(order[..3].windows(2).all(|w| w[0].1 < w[1].1));
}

#[test]
fn a_bundle_log_entry_must_fit_its_record() {
    let def = day();
    let mut d = Dataset::new(&def);
    d.import_text(&def, "a", &participant(&def, &respondent(1), 0, 0).to_json());
    d.import_text(&def, "b", &participant(&def, &respondent(1), 60, 1).to_json());
    let bundle = d.to_bundle_json();
    // The log entry claims a time later than the record kept.
    let forged = bundle.replace(
        "\"updated_at\": \"2020-10-10T09:30:00Z\",\n      \"digest\"",
        "\"updated_at\": \"2030-01-01T00:00:00Z\",\n      \"digest\"",
    );
    assert_ne!(forged, bundle);
    let mut e = Dataset::new(&def);
    let r = e.import_text(&def, "forged.json", &forged);
    assert_eq!((r.accepted, r.rejected.len()), (1, 1), "{r}");
    assert!(r.rejected[0].what.contains("log entry 1"), "{r}");
    assert_eq!(e.superseded().count(), 0);
}
