//! `dialogue-kit`: the command-line side of the pure core, for authors, facilitators, partners
//! and coordinators working on a laptop.
//!
//! ```text
//! dialogue-kit validate DEFINITION.json        list every problem of a definition, with its path
//! dialogue-kit decode CODE_OR_FILE             print a share code or response file as JSON
//! dialogue-kit encode RECORD.json              print the share code of a response file
//! dialogue-kit rank PREFLIB_FILE               every ranking method on a PrefLib file, as JSON
//! dialogue-kit rank TABLE_RECORDS_OR_CODES...  every ranking method on the tables' orders
//! dialogue-kit tally INPUT... --out DIR        import, tally and export everything
//! dialogue-kit sample --out PATH               a plausible sample day, for dry runs and tests
//! dialogue-kit qr CODE_OR_FILE                 a share code's QR code, as SVG
//! ```
//! Without `--definition`, the default day built into the program is used.

use std::collections::BTreeMap;
use std::process::ExitCode;

use dialogue_kit::DEFAULT_DAY;
use dialogue_kit::core::code;
use dialogue_kit::core::definition::Definition;
use dialogue_kit::core::parse::parse_definition;
use dialogue_kit::core::preflib;
use dialogue_kit::core::record::Record;

mod rank;
mod sample;
mod tally;

const USAGE: &str = "\
usage:
  dialogue-kit validate DEFINITION.json
  dialogue-kit decode CODE_OR_FILE [--definition DEFINITION.json]
  dialogue-kit encode RECORD.json [--definition DEFINITION.json]
  dialogue-kit rank PREFLIB_FILE
  dialogue-kit rank TABLE_RECORDS_OR_CODES... [--worksheet ID] [--definition DEFINITION.json]
  dialogue-kit tally INPUT... --out DIR [--event ID] [--regional-group ID] [--only-event ID]
                     [--definition DEFINITION.json]
  dialogue-kit sample --out PATH [--as bundle|files|chat] [--participants N] [--events N]
                      [--table-size N] [--seed N] [--no-text] [--definition DEFINITION.json]
  dialogue-kit qr CODE_OR_FILE

validate  checks a questionnaire definition and lists every problem with its JSON path
decode    prints a share code (DK1-...), a file holding one, or a response file as JSON
encode    prints the share code of a response file
rank      runs every ranking method on a PrefLib file (.soc, .soi, .toc, .toi), or on the
          tables' orders for one ordering worksheet (table record files, or text files of
          codes: one ballot per table), and prints JSON
tally     imports record files, text files of codes (chat transcripts) and result bundles,
          merges them, and writes into DIR: results.json, bundle.json, data.zip and data/
          (tidy CSV, wide CSV, codebook), charts/*.svg, tables/*.csv, report.html and
          import-log.txt; --event and --regional-group (african, asia_pacific, eastern_european,
          grulac, weog) limit the results; --only-event refuses records of other events
          at import (each listed in import-log.txt)
sample    writes a plausible sample day (participants and tables, the same for the same
          --seed): one result bundle (the default), one record file each (--as files, PATH is a
          folder), or a chat transcript of share codes (--as chat; participants only)
qr        prints the QR code of a share code (or of the one code in a file) as SVG, as a
          participant's phone shows it: to print, or to test a camera
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
    let o = Options::parse(args)?;
    let definition = o.get("definition");
    match o.positional.as_slice() {
        [cmd, file] if cmd == "validate" => validate(file),
        [cmd, input] if cmd == "decode" => decode(input, definition),
        [cmd, file] if cmd == "encode" => encode(file, definition),
        [cmd, file] if cmd == "rank" && preflib::Format::from_path(file).is_some() => rank::rank(file),
        [cmd, files @ ..] if cmd == "rank" && !files.is_empty() => {
            rank::rank_tables(files, o.get("worksheet"), definition)
        }
        [cmd] if cmd == "sample" => sample::run(&o),
        [cmd, input] if cmd == "qr" => qr(input),
        [cmd, inputs @ ..] if cmd == "tally" && !inputs.is_empty() => tally::run(&o, inputs),
        [cmd] if cmd == "--help" || cmd == "-h" || cmd == "help" => Ok(USAGE.to_string()),
        _ => Err(format!("unexpected arguments\n{USAGE}")),
    }
}

/// Options that take a value (`--out DIR` or `--out=DIR`).
const VALUED: [&str; 12] = [
    "definition",
    "worksheet",
    "out",
    "as",
    "participants",
    "events",
    "table-size",
    "seed",
    "event",
    "only-event",
    "regional-group",
    "by",
];
/// Options that stand alone.
const SWITCHES: [&str; 1] = ["no-text"];

/// The QR code of a share code, given as is or in a file (the file's one code); a damaged code
/// is refused.
fn qr(input: &str) -> Result<String, String> {
    let text = if input.starts_with(code::PREFIX) { input.to_string() } else { read(input)? };
    let codes = dialogue_kit::core::ballots::extract_codes(&text);
    match codes.as_slice() {
        [one] => {
            code::open(one).map_err(|e| e.to_string())?;
            dialogue_kit::core::qr::svg(one)
        }
        [] => Err(format!("no share code (starting with {}) in {input}", code::PREFIX)),
        _ => Err(format!("{} share codes in {input}: give one", codes.len())),
    }
}

/// The command line: its positional words and its `--options`.
pub struct Options {
    positional: Vec<String>,
    values: BTreeMap<String, String>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let mut o = Options { positional: Vec::new(), values: BTreeMap::new() };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let Some(flag) = a.strip_prefix("--").filter(|f| !f.is_empty() && *f != "help") else {
                o.positional.push(a.clone());
                continue;
            };
            let (name, inline) = match flag.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (flag, None),
            };
            if SWITCHES.contains(&name) && inline.is_none() {
                o.values.insert(name.into(), String::new());
            } else if VALUED.contains(&name) {
                let value = match inline {
                    Some(v) => v,
                    None => it.next().ok_or(format!("--{name} needs a value"))?.clone(),
                };
                o.values.insert(name.into(), value);
            } else {
                return Err(format!("unknown option --{name}\n{USAGE}"));
            }
        }
        Ok(o)
    }

    /// The value of `--name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// Whether the switch `--name` was given.
    pub fn has(&self, name: &str) -> bool {
        self.values.contains_key(name)
    }

    /// The number given with `--name`, or `default`.
    pub fn number(&self, name: &str, default: u64) -> Result<u64, String> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => v.parse().map_err(|_| format!("--{name} needs a whole number, not '{v}'")),
        }
    }
}

pub fn read(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8 text"))
}

pub fn load_definition(path: Option<&str>) -> Result<Definition, String> {
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
