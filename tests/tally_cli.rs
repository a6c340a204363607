//! `dialogue-kit sample` and `dialogue-kit tally` end to end: files, a chat with a damaged and a
//! repeated code, a bundle; what is written, the same bytes whatever the order of the inputs,
//! filters and refusals.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dialogue-kit")).args(args).output().expect("the CLI runs")
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dk-tally-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn tally_writes_every_export_and_does_not_depend_on_input_order() {
    let dir = tmp("order");
    let files = dir.join("files");
    ok(&[
        "sample",
        "--as",
        "files",
        "--out",
        files.to_str().unwrap(),
        "--participants",
        "30",
        "--events",
        "2",
    ]);
    let chat = dir.join("chat.txt");
    ok(&["sample", "--as", "chat", "--out", chat.to_str().unwrap(), "--participants", "8", "--seed", "5"]);
    // One code sent twice, one damaged.
    let mut text = read(&chat);
    let codes: Vec<String> =
        text.split_whitespace().filter(|w| w.starts_with("DK1-")).map(String::from).collect();
    text.push_str(&format!("\n10:59 From someone to Everyone: {}\n", codes[0]));
    let broken = codes[1].replacen('A', "B", 1).replacen('Q', "R", 1);
    text.push_str(&format!("11:00 From someone else to Everyone: {broken}\n"));
    std::fs::write(&chat, text).unwrap();

    let mut inputs: Vec<String> =
        std::fs::read_dir(&files).unwrap().map(|e| e.unwrap().path().display().to_string()).collect();
    inputs.sort();
    inputs.push(chat.display().to_string());
    let (a, b) = (dir.join("a"), dir.join("b"));
    let mut args: Vec<&str> = vec!["tally"];
    args.extend(inputs.iter().map(String::as_str));
    args.extend(["--out", a.to_str().unwrap()]);
    let summary = ok(&args);
    assert!(summary.contains("38 participants"), "{summary}");
    let mut reversed: Vec<&str> = vec!["tally"];
    reversed.extend(inputs.iter().rev().map(String::as_str));
    reversed.extend(["--out", b.to_str().unwrap()]);
    ok(&reversed);

    for f in [
        "results.json",
        "bundle.json",
        "data.zip",
        "report.html",
        "data/participants.csv",
        "data/codebook.csv",
    ] {
        assert_eq!(std::fs::read(a.join(f)).unwrap(), std::fs::read(b.join(f)).unwrap(), "{f} differs");
    }
    assert!(a.join("charts").read_dir().unwrap().count() > 40);
    assert_eq!(a.join("charts").read_dir().unwrap().count(), a.join("tables").read_dir().unwrap().count());
    let log = read(&a.join("import-log.txt"));
    assert!(log.contains("8 accepted, 1 duplicates, 0 conflicts, 1 refused"), "{log}");

    // The bundle carries everything: tallying it gives the same results.
    let again = dir.join("again");
    ok(&["tally", a.join("bundle.json").to_str().unwrap(), "--out", again.to_str().unwrap()]);
    assert_eq!(read(&again.join("results.json")), read(&a.join("results.json")));

    // Filters limit the results; --only-event refuses other events at import.
    let only = dir.join("only");
    ok(&[
        "tally",
        a.join("bundle.json").to_str().unwrap(),
        "--out",
        only.to_str().unwrap(),
        "--only-event",
        "sample-01",
    ]);
    let log = read(&only.join("import-log.txt"));
    assert!(log.contains("from event 'sample-02', not 'sample-01'"), "{log}");
    let results: serde_json::Value = serde_json::from_str(&read(&only.join("results.json"))).unwrap();
    assert_eq!(results["events"].as_array().unwrap().len(), 1);
    let grulac = dir.join("grulac");
    ok(&[
        "tally",
        a.join("bundle.json").to_str().unwrap(),
        "--out",
        grulac.to_str().unwrap(),
        "--regional-group",
        "grulac",
    ]);
    let results: serde_json::Value = serde_json::from_str(&read(&grulac.join("results.json"))).unwrap();
    assert_eq!(results["filter"]["regional_group"], "grulac");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn tally_refuses_bad_arguments_clearly() {
    let o = run(&["tally", "nothing-here.json", "--out", "x"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read nothing-here.json"));
    let o = run(&["tally", "Cargo.toml"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("--out"));
    let o = run(&["tally", "Cargo.toml", "--out", "x", "--regional-group", "europe"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("must be one of"));
}
