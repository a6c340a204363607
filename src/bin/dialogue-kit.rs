//! `dialogue-kit`: the command-line side of the pure core, for authors, facilitators and
//! coordinators working on a laptop.
//!
//! ```text
//! dialogue-kit validate DEFINITION.json        list every problem of a definition, with its path
//! dialogue-kit decode CODE_OR_FILE [--definition DEFINITION.json]
//!                                              print a share code or response file as JSON
//! dialogue-kit encode RECORD.json [--definition DEFINITION.json]
//!                                              print the share code of a response file
//! dialogue-kit rank PREFLIB_FILE               every ranking method on a PrefLib file, as JSON
//! ```
//! Without `--definition`, the default day built into the program is used.

use std::process::ExitCode;

use dialogue_kit::DEFAULT_DAY;
use dialogue_kit::core::code;
use dialogue_kit::core::definition::Definition;
use dialogue_kit::core::parse::parse_definition;
use dialogue_kit::core::preflib;
use dialogue_kit::core::ranking::report;
use dialogue_kit::core::record::Record;

const USAGE: &str = "\
usage:
  dialogue-kit validate DEFINITION.json
  dialogue-kit decode CODE_OR_FILE [--definition DEFINITION.json]
  dialogue-kit encode RECORD.json [--definition DEFINITION.json]
  dialogue-kit rank PREFLIB_FILE

validate  checks a questionnaire definition and lists every problem with its JSON path
decode    prints a share code (DK1-...), a file holding one, or a response file as JSON
encode    prints the share code of a response file
rank      runs every ranking method on a PrefLib file (.soc, .soi, .toc, .toi) and prints JSON
Without --definition, the built-in default day is used.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dialogue-kit: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let (positional, definition) = split_args(args)?;
    match positional.as_slice() {
        [cmd, file] if cmd == "validate" => validate(file),
        [cmd, input] if cmd == "decode" => decode(input, definition.as_deref()),
        [cmd, file] if cmd == "encode" => encode(file, definition.as_deref()),
        [cmd, file] if cmd == "rank" => rank(file),
        [cmd] if cmd == "--help" || cmd == "-h" || cmd == "help" => Ok(USAGE.to_string()),
        _ => Err(format!("unexpected arguments\n{USAGE}")),
    }
}

/// Separates `--definition FILE` from the other arguments.
fn split_args(args: &[String]) -> Result<(Vec<String>, Option<String>), String> {
    let mut positional = Vec::new();
    let mut definition = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--definition" {
            definition = Some(it.next().ok_or("--definition needs a file")?.clone());
        } else if let Some(f) = a.strip_prefix("--definition=") {
            definition = Some(f.to_string());
        } else {
            positional.push(a.clone());
        }
    }
    Ok((positional, definition))
}

fn read(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8 text"))
}

fn load_definition(path: Option<&str>) -> Result<Definition, String> {
    let (text, name) = match path {
        Some(p) => (read(p)?, p.to_string()),
        None => (DEFAULT_DAY.to_string(), "the built-in default day".to_string()),
    };
    parse_definition(&text).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        format!("{name} is not a valid definition:\n{}", list.join("\n"))
    })
}

fn validate(path: &str) -> Result<String, String> {
    let text = read(path)?;
    match parse_definition(&text) {
        Ok(def) => {
            let questions: usize = def.sessions.iter().map(|s| s.questions.len()).sum();
            let worksheets: usize = def.sessions.iter().map(|s| s.worksheets.len()).sum();
            Ok(format!(
                "{path}: valid: {} version {}, {} sessions, {questions} questions, {worksheets} worksheets, {}",
                def.id,
                def.version,
                def.sessions.len(),
                def.hash
            ))
        }
        Err(problems) => {
            let n = problems.len();
            let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
            Err(format!("{path}: {n} problem{}:\n{}", if n == 1 { "" } else { "s" }, list.join("\n")))
        }
    }
}

fn decode(input: &str, definition: Option<&str>) -> Result<String, String> {
    let def = load_definition(definition)?;
    let text = if std::path::Path::new(input).is_file() { read(input)? } else { input.to_string() };
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let record = if trimmed.starts_with('{') {
        let record = Record::from_json(trimmed).map_err(|e| e.to_string())?;
        let problems = record.check_against(&def);
        if !problems.is_empty() {
            return Err(format!("the record does not fit the definition:\n  {}", problems.join("\n  ")));
        }
        record
    } else {
        code::decode(trimmed, &def).map_err(|e| e.to_string())?
    };
    Ok(record.to_json().trim_end().to_string())
}

fn encode(path: &str, definition: Option<&str>) -> Result<String, String> {
    let def = load_definition(definition)?;
    let record = Record::from_json(&read(path)?).map_err(|e| e.to_string())?;
    code::encode(&record.for_export(&def), &def).map_err(|e| e.to_string())
}

fn rank(path: &str) -> Result<String, String> {
    let format = preflib::Format::from_path(path)
        .ok_or_else(|| format!("{path}: not a PrefLib file name (expected .soc, .soi, .toc or .toi)"))?;
    let profile = preflib::parse(&read(path)?, format).map_err(|e| format!("{path}: {e}"))?;
    report::rank(&profile).to_json().map_err(|e| format!("cannot write the report: {e}"))
}
