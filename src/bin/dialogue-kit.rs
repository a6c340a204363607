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
use dialogue_kit::core::dataset::Dataset;
use dialogue_kit::core::definition::Definition;
use dialogue_kit::core::parse::parse_definition;
use dialogue_kit::core::preflib;
use dialogue_kit::core::ranking::report;
use dialogue_kit::core::record::Record;
use dialogue_kit::core::{code, group_orders};

const USAGE: &str = "\
usage:
  dialogue-kit validate DEFINITION.json
  dialogue-kit decode CODE_OR_FILE [--definition DEFINITION.json]
  dialogue-kit encode RECORD.json [--definition DEFINITION.json]
  dialogue-kit rank PREFLIB_FILE
  dialogue-kit rank TABLE_RECORDS_OR_CODES... [--worksheet ID] [--definition DEFINITION.json]

validate  checks a questionnaire definition and lists every problem with its JSON path
decode    prints a share code (DK1-...), a file holding one, or a response file as JSON
encode    prints the share code of a response file
rank      runs every ranking method on a PrefLib file (.soc, .soi, .toc, .toi), or on the
          tables' orders for one ordering worksheet (table record files, or text files of
          codes: one ballot per table), and prints JSON
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
    let Options { positional, definition, worksheet } = split_args(args)?;
    match positional.as_slice() {
        [cmd, file] if cmd == "validate" => validate(file),
        [cmd, input] if cmd == "decode" => decode(input, definition.as_deref()),
        [cmd, file] if cmd == "encode" => encode(file, definition.as_deref()),
        [cmd, file] if cmd == "rank" && preflib::Format::from_path(file).is_some() => rank(file),
        [cmd, files @ ..] if cmd == "rank" && !files.is_empty() => {
            rank_tables(files, worksheet.as_deref(), definition.as_deref())
        }
        [cmd] if cmd == "--help" || cmd == "-h" || cmd == "help" => Ok(USAGE.to_string()),
        _ => Err(format!("unexpected arguments\n{USAGE}")),
    }
}

/// The command line, with `--definition FILE` and `--worksheet ID` taken out.
struct Options {
    positional: Vec<String>,
    definition: Option<String>,
    worksheet: Option<String>,
}

fn split_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options { positional: Vec::new(), definition: None, worksheet: None };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--definition" {
            o.definition = Some(it.next().ok_or("--definition needs a file")?.clone());
        } else if let Some(f) = a.strip_prefix("--definition=") {
            o.definition = Some(f.to_string());
        } else if a == "--worksheet" {
            o.worksheet = Some(it.next().ok_or("--worksheet needs a worksheet id")?.clone());
        } else if let Some(w) = a.strip_prefix("--worksheet=") {
            o.worksheet = Some(w.to_string());
        } else {
            o.positional.push(a.clone());
        }
    }
    Ok(o)
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

/// Reads table records (files, bundles, texts of codes) for `rank` through the same import as the
/// results: a table that sent the same record twice counts once, the latest version wins.
fn read_records(files: &[String], def: &Definition) -> Result<Vec<Record>, String> {
    let mut data = Dataset::new(def);
    for f in files {
        let report =
            data.import_bytes(def, f, &std::fs::read(f).map_err(|e| format!("cannot read {f}: {e}"))?);
        if !report.rejected.is_empty() {
            let reasons: Vec<String> =
                report.rejected.iter().map(|r| format!("{}: {}", r.what, r.reason)).collect();
            return Err(format!(
                "{f}: not a PrefLib file (.soc, .soi, .toc, .toi), and not usable as table records or codes:\n  {}",
                reasons.join("\n  ")
            ));
        }
    }
    Ok(data.entries().map(|e| e.record.clone()).collect())
}

fn rank_tables(
    files: &[String],
    worksheet: Option<&str>,
    definition: Option<&str>,
) -> Result<String, String> {
    let def = load_definition(definition)?;
    let records = read_records(files, &def)?;
    let worksheet = match worksheet {
        Some(w) => w.into(),
        None => match group_orders::answered_worksheets(&def, &records).as_slice() {
            [one] => (*one).clone(),
            [] => return Err("no table record answers an ordering worksheet".into()),
            many => {
                let ids: Vec<String> = many.iter().map(ToString::to_string).collect();
                return Err(format!(
                    "the records answer several ordering worksheets; choose one with --worksheet: {}",
                    ids.join(", ")
                ));
            }
        },
    };
    let profile = group_orders::profile(&def, &worksheet, &records)?;
    report::rank(&profile).to_json().map_err(|e| format!("cannot write the report: {e}"))
}
