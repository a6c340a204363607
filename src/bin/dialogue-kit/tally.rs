//! `dialogue-kit tally INPUT... --out DIR`: the results page's import, tallies and exports from
//! the command line, for partners and the coordinator: record files, text files of codes (chat
//! transcripts), result bundles, any number of them. Writes into DIR:
//!
//! ```text
//! results.json      every figure (docs/results-format.md)
//! bundle.json       the merged dataset, to pass on (docs/bundle-format.md)
//! data.zip          the data package: tidy and wide CSV and codebook (docs/export-format.md)
//! data/             the same files, unzipped
//! charts/*.svg      every chart
//! tables/*.csv      every chart's numbers
//! report.html       the printable report
//! import-log.txt    what each input brought: accepted, duplicates, conflicts, refusals
//! ```

use std::fmt::Write as _;
use std::path::Path;

use dialogue_kit::core::countries::RegionalGroup;
use dialogue_kit::core::dataset::{Dataset, ImportReport};
use dialogue_kit::core::export::{data_package, zip_files};
use dialogue_kit::core::record::Record;
use dialogue_kit::core::report::{self, html::printable};
use dialogue_kit::core::results::{Filter, results_from};

use crate::{Options, load_definition};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn log_line(log: &mut String, source: &str, r: &ImportReport) {
    let _ = writeln!(
        log,
        "{source}: {} accepted, {} duplicates, {} conflicts, {} refused",
        r.accepted,
        r.duplicates,
        r.conflicts.len(),
        r.rejected.len()
    );
    for c in &r.conflicts {
        let _ = writeln!(
            log,
            "  conflict: {} kept the version of {}, set aside {}",
            c.respondent, c.kept, c.dropped
        );
    }
    for x in &r.rejected {
        let _ = writeln!(log, "  refused: {}: {}", x.what, x.reason);
    }
}

pub fn run(o: &Options, inputs: &[String]) -> Result<String, String> {
    let def = load_definition(o.get("definition"))?;
    let out = Path::new(o.get("out").ok_or("tally needs --out DIR")?);
    let regional_group = match o.get("regional-group") {
        None => None,
        Some(id) => Some(RegionalGroup::ALL.iter().copied().find(|g| g.id() == id).ok_or_else(|| {
            let ids: Vec<&str> = RegionalGroup::ALL.iter().map(|g| g.id()).collect();
            format!("--regional-group must be one of {}, not '{id}'", ids.join(", "))
        })?),
    };
    let filter = Filter { event: o.get("event").map(String::from), regional_group };

    let mut data = Dataset::new(&def);
    // Records of other events are refused at import, each with its reason.
    data.event_filter = o.get("only-event").map(String::from);
    let mut log = String::new();
    let mut refused = 0;
    for input in inputs {
        let bytes = std::fs::read(input).map_err(|e| format!("cannot read {input}: {e}"))?;
        let report = data.import_bytes(&def, input, &bytes);
        refused += report.rejected.len();
        log_line(&mut log, input, &report);
    }
    let res = results_from(&def, data.entries().map(|e| &e.packed), &filter);
    let records: Vec<Record> = data.records(&def);
    let rep = report::build(&def, &res, "en");

    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    write(out, "results.json", res.to_json().as_bytes())?;
    write(out, "bundle.json", data.to_bundle_json().as_bytes())?;
    let package = data_package(&def, &records);
    write(out, "data.zip", &zip_files(&package))?;
    for (name, bytes) in &package {
        write(&out.join("data"), name, bytes)?;
    }
    for (name, bytes) in rep.files() {
        write(out, &name, &bytes)?;
    }
    write(out, "report.html", printable(&def, &res, &rep, &filter.describe()).as_bytes())?;
    write(out, "import-log.txt", log.as_bytes())?;

    Ok(format!(
        "{} participants and {} tables counted ({} records held, {} refused: see import-log.txt); wrote {}",
        res.participants,
        res.tables,
        data.len(),
        refused,
        out.display()
    ))
}
