//! `dialogue-kit sample`: a plausible sample day written as a result bundle, as one record file
//! per participant and table, or as a chat transcript of share codes; for dry runs before an
//! event, for the benchmarks and for the tests.

use std::path::Path;

use dialogue_kit::core::code;
use dialogue_kit::core::dataset::Dataset;
use dialogue_kit::core::definition::RecordKind;
use dialogue_kit::core::record::Record;
use dialogue_kit::core::sample::{self, Spec};

use crate::{Options, load_definition};

pub fn run(o: &Options) -> Result<String, String> {
    let def = load_definition(o.get("definition"))?;
    let out = o.get("out").ok_or("sample needs --out PATH")?;
    let defaults = Spec::default();
    let spec = Spec {
        seed: o.number("seed", defaults.seed)?,
        events: o.number("events", defaults.events as u64)?.max(1) as usize,
        participants: o.number("participants", defaults.participants as u64)? as usize,
        table_size: o.number("table-size", defaults.table_size as u64)?.max(1) as usize,
        text: !o.has("no-text"),
    };
    let records = sample::day(&def, &spec);
    let write = |path: &Path, text: &str| {
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let participants = records.iter().filter(|r| r.kind == RecordKind::Participant).count();
    let tables = records.len() - participants;
    match o.get("as").unwrap_or("bundle") {
        "bundle" => {
            let mut data = Dataset::new(&def);
            let report = data.import_records(&def, "sample", records);
            if let Some(r) = report.rejected.first() {
                return Err(format!(
                    "a sample record was refused ({}: {}): please report this",
                    r.what, r.reason
                ));
            }
            write(Path::new(out), &data.to_bundle_json())?;
            Ok(format!("wrote {out}: a result bundle of {participants} participants and {tables} tables"))
        }
        "files" => {
            std::fs::create_dir_all(out).map_err(|e| format!("cannot create {out}: {e}"))?;
            for r in &records {
                write(&Path::new(out).join(file_name(r)), &r.to_json())?;
            }
            Ok(format!(
                "wrote {} record files into {out} ({participants} participants, {tables} tables)",
                records.len()
            ))
        }
        "chat" => {
            let mut chat = String::new();
            for (i, r) in records.iter().filter(|r| r.kind == RecordKind::Participant).enumerate() {
                let code = code::encode(r, &def).map_err(|e| e.to_string())?;
                let (h, m) = (10 + i / 60 % 10, i % 60);
                chat.push_str(&format!(
                    "{h:02}:{m:02}:00 From Participant {} to Everyone:\n\t{code}\n",
                    i + 1
                ));
            }
            write(Path::new(out), &chat)?;
            Ok(format!("wrote {out}: a chat transcript with {participants} share codes"))
        }
        other => Err(format!("--as must be bundle, files or chat, not '{other}'")),
    }
}

/// The name the app gives a downloaded record: `dialogue-kit-EVENT-tableN-RESPONDENT.json`, with
/// `group` for a table's record.
fn file_name(r: &Record) -> String {
    let who = if r.kind == RecordKind::Table { "group" } else { r.respondent.as_str() };
    format!("dialogue-kit-{}-table{}-{who}.json", r.event, r.table)
}
