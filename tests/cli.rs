//! The `dialogue-kit` command-line program, run as a user would: exit codes, messages, and
//! decoding a code and a file to the same answers.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dialogue-kit")).args(args).output().expect("the CLI runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn validate_accepts_the_default_day() {
    let o = run(&["validate", "assets/day.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("valid: wti-future-of-the-internet"));
}

#[test]
fn validate_lists_every_problem_with_its_path() {
    let o = run(&["validate", "tests/fixtures/broken-definition.json"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("4 problems"), "{err}");
    assert!(err.contains("$.sessions[0].questions[2].text.fr: language 'fr' is not listed"), "{err}");
    assert!(err.contains("$.sessions[0].questions[1].max: must be a whole number from 1 to 2"), "{err}");
    assert!(err.contains("$.sessions[0].questions[2].text: has no English"), "{err}");
    assert!(err.contains("$.sessions[0].questions[2].show_if.is[0]: 'a' has no option 'maybe'"), "{err}");
}

#[test]
fn validate_reports_unreadable_files() {
    let o = run(&["validate", "tests/fixtures/no-such-file.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read"));
    let o = run(&["validate", "Cargo.toml"]);
    assert!(stderr(&o).contains("not valid JSON (line 1"), "{}", stderr(&o));
}

fn sample_record() -> String {
    r#"{
  "format": "dialogue-kit/record",
  "format_version": 1,
  "kind": "participant",
  "questionnaire": {"id": "x", "version": "x", "hash": "HASH"},
  "event": "cli-test",
  "table": 4,
  "respondent": "0011223344556677",
  "language": "en",
  "started_at": "2020-10-10T09:30:00Z",
  "updated_at": "2020-10-10T11:00:00Z",
  "answers": {
    "changed_mind": {"option": "yes"},
    "dialogues_normal": "no_clear_opinion",
    "country": {"country": "PRT"}
  }
}"#
    .to_string()
}

#[test]
fn a_code_and_a_file_decode_to_the_same_record() {
    let def = dialogue_kit::core::parse::parse_definition(dialogue_kit::DEFAULT_DAY).unwrap();
    let dir = std::env::temp_dir().join(format!("dk-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("record.json");
    let record = sample_record().replace("HASH", &def.hash).replace(
        r#""id": "x", "version": "x""#,
        &format!(r#""id": "{}", "version": "{}""#, def.id, def.version),
    );
    std::fs::write(&file, record).unwrap();
    let file = file.to_str().unwrap();

    let from_file = run(&["decode", file]);
    assert!(from_file.status.success(), "{}", stderr(&from_file));
    let code = run(&["encode", file]);
    assert!(code.status.success(), "{}", stderr(&code));
    let code = stdout(&code).trim().to_string();
    assert!(code.starts_with("DK1-"), "{code}");
    let from_code = run(&["decode", &code]);
    assert!(from_code.status.success(), "{}", stderr(&from_code));
    assert_eq!(stdout(&from_file), stdout(&from_code));
    let v: serde_json::Value = serde_json::from_str(&stdout(&from_code)).unwrap();
    assert_eq!(v["answers"]["dialogues_normal"], "no_clear_opinion");
    assert_eq!(v["answers"]["country"]["country"], "PRT");
    assert_eq!(v["table"], 4);

    // A file holding the code (as saved from a chat) decodes too.
    let code_file = dir.join("code.txt");
    std::fs::write(&code_file, format!("{code}\n")).unwrap();
    let from_code_file = run(&["decode", code_file.to_str().unwrap()]);
    assert_eq!(stdout(&from_code_file), stdout(&from_code));

    // One changed character is refused, with a reason.
    let mut damaged: Vec<char> = code.chars().collect();
    let i = damaged.len() / 2;
    damaged[i] = if damaged[i] == 'A' { 'B' } else { 'A' };
    let damaged: String = damaged.into_iter().collect();
    let o = run(&["decode", &damaged]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("damaged"), "{}", stderr(&o));

    // Its QR code, as SVG, from the code or from the file; a file of two codes is refused.
    let qr = run(&["qr", &code]);
    assert!(qr.status.success(), "{}", stderr(&qr));
    assert!(stdout(&qr).contains("<svg"), "{}", stdout(&qr));
    assert_eq!(stdout(&run(&["qr", code_file.to_str().unwrap()])), stdout(&qr));
    let two = dir.join("two.txt");
    std::fs::write(&two, format!("{code}\n{}\n", code.replace('A', "B"))).unwrap();
    let o = run(&["qr", two.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("give one"), "{}", stderr(&o));
    let o = run(&["qr", &damaged]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("damaged"), "{}", stderr(&o));
}

#[test]
fn decode_refuses_a_record_for_another_definition() {
    let dir = std::env::temp_dir().join(format!("dk-cli-other-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("record.json");
    std::fs::write(&file, sample_record().replace("HASH", "sha256:00")).unwrap();
    let o = run(&["decode", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("answered against questionnaire x"), "{}", stderr(&o));
}

#[test]
fn usage_on_bad_arguments() {
    let o = run(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("usage:"));
    assert!(run(&["--help"]).status.success());
}
