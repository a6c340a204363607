//! Tests of the exports: formula cells neutralised, texts that survive a CSV reader, the rows
//! each question kind gives (long, wide, codebook), and a small day's package.
//! The package as a whole (zip, descriptor, order-free bytes) is tested in `tests/package.rs`.

use std::collections::BTreeMap;

use super::*;
use crate::core::answers::{Answer, Cell as GridCell};
use crate::core::definition::Definition;
use crate::core::parse::parse_definition;
use crate::core::record::Record;
use crate::core::text::{ItemId, OptionId, QuestionId};

mod package;

/// A day with a participant question of every kind, and two worksheets.
pub(super) const KINDS: &str = r#"{
  "format": "dialogue-kit/questionnaire", "format_version": 1,
  "id": "export-test", "version": "1.2", "title": {"en": "Export test", "fr": "Test"},
  "languages": ["en", "fr"],
  "scales": {"agree": {"points": [{"id": "agree", "label": {"en": "Agree", "fr": "D'accord"}},
                                  {"id": "disagree", "label": {"en": "Disagree"}}],
                       "no_clear_opinion": {"en": "No clear opinion"}}},
  "sessions": [{"id": "s1", "title": {"en": "One"}, "questions": [
    {"id": "pick", "kind": "single_choice", "text": {"en": "Pick one"},
     "options": [{"id": "a", "label": {"en": "=A"}}, {"id": "b", "label": {"en": "B, \"quoted\""}}],
     "no_clear_opinion": {"en": "Can't say"}},
    {"id": "many", "kind": "multiple_choice", "text": {"en": "Pick some"},
     "options": [{"id": "x", "label": {"en": "X"}}, {"id": "y", "label": {"en": "Y"}}, {"id": "z", "label": {"en": "Z"}}]},
    {"id": "agreement", "kind": "scale", "text": {"en": "Agree?"}, "scale": "agree"},
    {"id": "trust", "kind": "grid", "text": {"en": "Trust"}, "scale": "agree",
     "items": [{"id": "un", "label": {"en": "UN"}}, {"id": "states", "label": {"en": "States"}}, {"id": "firms", "label": {"en": "Firms"}}]},
    {"id": "score", "kind": "numeric", "text": {"en": "Score"}, "max": 8, "min_label": {"en": "None"}, "max_label": {"en": "Full"}},
    {"id": "ok", "kind": "yes_no", "text": {"en": "OK?"}, "no_clear_opinion": {"en": "Not sure"}},
    {"id": "idea", "kind": "text", "text": {"en": "Idea"}, "max_length": 500},
    {"id": "rank", "kind": "ordering", "text": {"en": "Rank"}, "top": 2,
     "options": [{"id": "p", "label": {"en": "P"}}, {"id": "q", "label": {"en": "Q"}}, {"id": "r", "label": {"en": "R"}}]},
    {"id": "country", "kind": "country", "text": {"en": "Country"}},
    {"id": "wishes", "kind": "list", "text": {"en": "Wishes"}, "max_items": 3, "max_length": 100},
    {"id": "table", "kind": "numeric", "text": {"en": "Your table's mood"}, "max": 3, "min_label": {"en": "Bad"}, "max_label": {"en": "Good"}}
  ], "worksheets": [
    {"id": "table_rank", "kind": "ordering", "text": {"en": "Order as a table"},
     "options": [{"id": "p", "label": {"en": "P"}}, {"id": "q", "label": {"en": "Q"}}]},
    {"id": "hopes", "kind": "list", "text": {"en": "Hopes"}, "max_items": 5, "max_length": 100}
  ]}]
}"#;

pub(super) fn kinds() -> Definition {
    parse_definition(KINDS).unwrap()
}

fn o(s: &str) -> OptionId {
    OptionId::from(s)
}

/// A participant record of `def` with these answers.
pub(super) fn participant(def: &Definition, respondent: &str, answers: Vec<(&str, Answer)>) -> Record {
    let mut r = Record::new(def, "pt-2020-10", 7, respondent, "fr", 1_602_322_200);
    for (q, a) in answers {
        r.answers.insert(QuestionId::from(q), a);
    }
    r
}

/// Every answer kind, including no clear opinion in a grid and formulas in texts.
pub(super) fn full_answers() -> Vec<(&'static str, Answer)> {
    let grid: BTreeMap<ItemId, GridCell> = [
        (ItemId::from("un"), GridCell::Option(o("agree"))),
        (ItemId::from("firms"), GridCell::NoClearOpinion),
    ]
    .into_iter()
    .collect();
    vec![
        ("pick", Answer::Option(o("a"))),
        ("many", Answer::Options(vec![o("x"), o("z")])),
        ("agreement", Answer::NoClearOpinion),
        ("trust", Answer::Grid(grid)),
        ("score", Answer::Number(6)),
        ("ok", Answer::Option(o("yes"))),
        ("idea", Answer::Text("=SUM(A1)\nand \"more\"".into())),
        ("rank", Answer::Order(vec![o("r"), o("p")])),
        ("country", Answer::Country("PRT".into())),
        ("wishes", Answer::List(vec!["Less hate, more facts".into(), "@all".into()])),
        ("table", Answer::Number(2)),
    ]
}

/// The file `name` of a package, as text.
pub(super) fn file<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a str {
    let (_, bytes) = files.iter().find(|(n, _)| n == name).unwrap();
    std::str::from_utf8(bytes).unwrap()
}

/// Every line of a CSV text, as read back by the `csv` crate (header included).
pub(super) fn read(csv_text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn rows(lines: &[&[&str]]) -> Vec<Vec<String>> {
    lines.iter().map(|l| l.iter().map(|s| s.to_string()).collect()).collect()
}

#[test]
fn formula_cells_are_neutralised() {
    for s in ["=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx", "=cmd|' /C calc'!A0"] {
        assert_eq!(safe_cell(s), format!("'{s}"), "{s:?}");
    }
    for s in ["<script>alert('x')</script>", "a=b", "", "'=already", " =1", "1-2", "Интернет 🌍"] {
        assert!(matches!(safe_cell(s), Cow::Borrowed(b) if b == s), "{s:?} must stay as it is");
    }
}

#[test]
fn table_csv_writes_numbers_as_numbers_and_texts_safely() {
    let header: Vec<String> = ["option", "count", "percent", "=note"].map(String::from).to_vec();
    let table = vec![
        vec![Cell::from("=HYPERLINK(\"x\")"), Cell::Int(-3), Cell::Number(12.5), Cell::Empty],
        vec![Cell::from("<script>"), Cell::from(7u64), Cell::from(None::<f64>), Cell::Number(-0.0)],
        vec![Cell::from("short row"), Cell::Number(f64::NAN)],
        vec![
            Cell::from("line 1\nline 2, \"quoted\""),
            Cell::Number(0.1),
            Cell::Number(1e21),
            Cell::Number(2.0),
        ],
    ];
    let text = table_csv(&header, &table);
    assert_eq!(
        text,
        "option,count,percent,'=note\n\
         \"'=HYPERLINK(\"\"x\"\")\",-3,12.5,\n\
         <script>,7,,0\n\
         short row,,,\n\
         \"line 1\nline 2, \"\"quoted\"\"\",0.1,1000000000000000000000,2\n"
    );
    assert!(!text.starts_with('\u{feff}'), "no byte-order mark");
}

#[test]
fn multi_line_and_quoted_texts_round_trip() {
    let texts = [
        "Less hate,\nmore facts",
        "He said \"hi\"",
        "windows\r\nline end",
        "<script>alert('x')</script>",
        "Plus d'accès, partout; 🔒 Интернет",
        "\"",
        " spaces around ",
        "=SUM(A1:A9)",
    ];
    let header = vec!["text".to_string()];
    let table: Vec<Vec<Cell>> = texts.iter().map(|t| vec![Cell::from(*t)]).collect();
    let back = read(&table_csv(&header, &table));
    let got: Vec<&str> = back[1..].iter().map(|r| r[0].as_str()).collect();
    let want: Vec<String> = texts.iter().map(|t| safe_cell(t).into_owned()).collect();
    assert_eq!(got, want);
    assert_eq!(got[7], "'=SUM(A1:A9)");
}

#[test]
fn each_kind_gives_the_documented_long_rows() {
    let def = kinds();
    let r = participant(&def, "00000000000000aa", full_answers());
    let files = data_package(&def, &[r]);
    let id = "00000000000000aa";
    let want = rows(&[
        &["respondent", "question", "item", "value", "label"],
        &[id, "pick", "", "a", "'=A"],
        &[id, "many", "x", "1", ""],
        &[id, "many", "y", "0", ""],
        &[id, "many", "z", "1", ""],
        &[id, "agreement", "", "no_clear_opinion", "No clear opinion"],
        &[id, "trust", "un", "agree", "Agree"],
        &[id, "trust", "firms", "no_clear_opinion", "No clear opinion"],
        &[id, "score", "", "6", ""],
        &[id, "ok", "", "yes", "Yes"],
        &[id, "idea", "", "'=SUM(A1)\nand \"more\"", ""],
        &[id, "rank", "p", "2", ""],
        &[id, "rank", "r", "1", ""],
        &[id, "country", "", "PRT", "Portugal"],
        &[id, "wishes", "1", "Less hate, more facts", ""],
        &[id, "wishes", "2", "'@all", ""],
        &[id, "table", "", "2", ""],
    ]);
    assert_eq!(read(file(&files, PARTICIPANTS)), want);
}

#[test]
fn choices_and_no_clear_opinion_on_one_value_questions() {
    let def = kinds();
    let records = [
        participant(
            &def,
            "0000000000000001",
            vec![("pick", Answer::NoClearOpinion), ("ok", Answer::NoClearOpinion)],
        ),
        participant(
            &def,
            "0000000000000002",
            vec![("pick", Answer::Option(o("b"))), ("ok", Answer::Option(o("no")))],
        ),
        // Skipped everything: no row at all.
        participant(&def, "0000000000000003", vec![]),
        // Answers that do not fit their question are left out, as in the tallies.
        participant(
            &def,
            "0000000000000004",
            vec![("pick", Answer::Option(o("zz"))), ("score", Answer::Number(9))],
        ),
    ];
    let files = data_package(&def, &records);
    assert_eq!(
        read(file(&files, PARTICIPANTS))[1..],
        rows(&[
            &["0000000000000001", "pick", "", "no_clear_opinion", "Can't say"],
            &["0000000000000001", "ok", "", "no_clear_opinion", "Not sure"],
            &["0000000000000002", "pick", "", "b", "B, \"quoted\""],
            &["0000000000000002", "ok", "", "no", "No"],
        ])[..]
    );
    // All four are in the wide table and the records.
    assert_eq!(read(file(&files, PARTICIPANTS_WIDE)).len(), 5);
    assert_eq!(read(file(&files, RECORDS)).len(), 5);
}

#[test]
fn the_wide_table_is_the_long_rows_pivoted() {
    let def = kinds();
    let r = participant(&def, "00000000000000aa", full_answers());
    let files = data_package(&def, &[r]);
    let wide = read(file(&files, PARTICIPANTS_WIDE));
    let cells: Vec<(&str, &str)> =
        wide[0].iter().map(String::as_str).zip(wide[1].iter().map(String::as_str)).collect();
    assert_eq!(
        cells,
        [
            ("respondent", "00000000000000aa"),
            ("event", "pt-2020-10"),
            ("table", "7"),
            ("language", "fr"),
            ("updated_at", "2020-10-10T09:30:00Z"),
            ("regional_group", "weog"),
            ("pick", "a"),
            ("many.x", "1"),
            ("many.y", "0"),
            ("many.z", "1"),
            ("agreement", "no_clear_opinion"),
            ("trust.un", "agree"),
            ("trust.states", ""),
            ("trust.firms", "no_clear_opinion"),
            ("score", "6"),
            ("ok", "yes"),
            ("idea", "'=SUM(A1)\nand \"more\""),
            ("rank.p", "2"),
            ("rank.q", ""),
            ("rank.r", "1"),
            ("country", "PRT"),
            ("wishes.1", "Less hate, more facts"),
            ("wishes.2", "'@all"),
            ("wishes.3", ""),
            // A question whose id is a record column is renamed.
            ("table.answer", "2"),
        ]
    );
}

#[test]
fn tables_have_their_own_long_table() {
    let def = kinds();
    let mut t = Record::new_table(&def, "pt-2020-10", 7, "00000000000000bb", "en", 1_602_322_200);
    t.answers.insert("table_rank".into(), Answer::Order(vec![o("q"), o("p")]));
    t.answers.insert("hopes".into(), Answer::List(vec!["-less hate".into(), "Schools\nfor all".into()]));
    let p = participant(&def, "00000000000000aa", vec![("pick", Answer::Option(o("b")))]);
    let files = data_package(&def, &[t, p]);
    let id = "00000000000000bb";
    assert_eq!(
        read(file(&files, WORKSHEETS)),
        rows(&[
            &["respondent", "question", "item", "value", "label"],
            &[id, "table_rank", "p", "2", ""],
            &[id, "table_rank", "q", "1", ""],
            &[id, "hopes", "1", "'-less hate", ""],
            &[id, "hopes", "2", "Schools\nfor all", ""],
        ])
    );
    assert_eq!(
        read(file(&files, RECORDS)),
        rows(&[
            &["kind", "respondent", "event", "table", "language", "started_at", "updated_at"],
            &[
                "participant",
                "00000000000000aa",
                "pt-2020-10",
                "7",
                "fr",
                "2020-10-10T09:30:00Z",
                "2020-10-10T09:30:00Z"
            ],
            &["table", id, "pt-2020-10", "7", "en", "2020-10-10T09:30:00Z", "2020-10-10T09:30:00Z"],
        ])
    );
    // The participants' tables hold no table rows, and the other way round.
    assert!(!file(&files, PARTICIPANTS).contains(id));
    assert_eq!(read(file(&files, PARTICIPANTS_WIDE)).len(), 2);
}

#[test]
fn the_codebook_names_every_code() {
    let def = kinds();
    let files = data_package(&def, &[]);
    let book = read(file(&files, CODEBOOK));
    assert_eq!(book[0], ["record_kind", "session", "question", "kind", "text", "item", "value", "label"]);
    let of = |q: &str| -> Vec<[String; 3]> {
        book.iter().filter(|r| r[2] == q).map(|r| [r[5].clone(), r[6].clone(), r[7].clone()]).collect()
    };
    let e = |i: &str, v: &str, l: &str| [i.to_string(), v.to_string(), l.to_string()];
    assert_eq!(
        of("pick"),
        [
            e("", "", ""),
            e("", "a", "'=A"),
            e("", "b", "B, \"quoted\""),
            e("", "no_clear_opinion", "Can't say")
        ]
    );
    assert_eq!(
        of("many"),
        [
            e("", "", ""),
            e("x", "", "X"),
            e("y", "", "Y"),
            e("z", "", "Z"),
            e("", "1", "chosen"),
            e("", "0", "not chosen")
        ]
    );
    assert_eq!(
        of("trust"),
        [
            e("", "", ""),
            e("un", "", "UN"),
            e("states", "", "States"),
            e("firms", "", "Firms"),
            e("", "agree", "Agree"),
            e("", "disagree", "Disagree"),
            e("", "no_clear_opinion", "No clear opinion"),
        ]
    );
    assert_eq!(of("score"), [e("", "", ""), e("", "0", "None"), e("", "8", "Full")]);
    assert_eq!(
        of("ok"),
        [e("", "", ""), e("", "yes", "Yes"), e("", "no", "No"), e("", "no_clear_opinion", "Not sure")]
    );
    assert_eq!(of("idea"), [e("", "", "")]);
    assert_eq!(of("rank"), [e("", "", ""), e("p", "", "P"), e("q", "", "Q"), e("r", "", "R")]);
    assert_eq!(of("country").len(), 1 + 193);
    assert!(of("country").contains(&e("", "PRT", "Portugal")));
    let question = book.iter().find(|r| r[2] == "trust").unwrap();
    assert_eq!(question[..5], ["participant", "s1", "trust", "grid", "Trust"]);
    let worksheet = book.iter().find(|r| r[2] == "hopes").unwrap();
    assert_eq!(worksheet[..5], ["table", "s1", "hopes", "list", "Hopes"]);
    // Participant questions first, then worksheets, each in definition order.
    let order: Vec<&str> =
        book[1..].iter().filter(|r| r[5].is_empty() && r[6].is_empty()).map(|r| r[2].as_str()).collect();
    assert_eq!(
        order,
        [
            "pick",
            "many",
            "agreement",
            "trust",
            "score",
            "ok",
            "idea",
            "rank",
            "country",
            "wishes",
            "table",
            "table_rank",
            "hopes"
        ]
    );
}
