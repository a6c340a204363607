//! `dialogue-kit rank`: every ranking method on a PrefLib file, or on the tables' orders for
//! one ordering worksheet.

use dialogue_kit::core::dataset::Dataset;
use dialogue_kit::core::definition::Definition;
use dialogue_kit::core::group_orders;
use dialogue_kit::core::preflib;
use dialogue_kit::core::ranking::report;
use dialogue_kit::core::record::Record;

use crate::{load_definition, read};

pub fn rank(path: &str) -> Result<String, String> {
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
    Ok(data.records(def))
}

pub fn rank_tables(
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
