//! Native timings of importing a sample day, step by step: making the records, their share
//! codes, reading the codes back, checking, digests, merging, writing and reading a result
//! bundle. For `bench/results.sh`.
//! Run: `cargo run --profile fast --example bench_import -- 100000`
//!
//! With `--bundle FILE`, times only what the results page does with a result bundle: import it
//! and compute every result, best of 3, and prints `IMPORT_TALLY_SECONDS=` for
//! `bench/results.sh`.

use std::time::Instant;

use dialogue_kit::core::code;
use dialogue_kit::core::dataset::Dataset;
use dialogue_kit::core::parse::parse_definition;
use dialogue_kit::core::results::{Filter, results_from};
use dialogue_kit::core::sample::{self, Spec};

/// Imports a bundle file and computes the results, best of 3.
fn bundle(path: &str) {
    let def = parse_definition(dialogue_kit::DEFAULT_DAY).expect("default day");
    let text = std::fs::read_to_string(path).expect("a readable bundle");
    let mut best = (f64::MAX, 0.0, 0.0);
    for _ in 0..3 {
        let t = Instant::now();
        let mut data = Dataset::new(&def);
        let report = data.import_text(&def, path, &text);
        let import = t.elapsed().as_secs_f64();
        let res = results_from(&def, data.entries().map(|e| &e.packed), &Filter::default());
        let total = t.elapsed().as_secs_f64();
        assert!(report.rejected.is_empty() && res.participants > 0, "{report}");
        if total < best.0 {
            best = (total, import, total - import);
        }
    }
    println!(
        "import + every result of {path}: best of 3 {:.0} ms (import {:.0} ms, results {:.0} ms)",
        best.0 * 1e3,
        best.1 * 1e3,
        best.2 * 1e3
    );
    println!("IMPORT_TALLY_SECONDS={:.4} TALLY_SECONDS={:.4}", best.0, best.2);
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--bundle") {
        return bundle(&std::env::args().nth(2).expect("--bundle FILE"));
    }
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let def = parse_definition(dialogue_kit::DEFAULT_DAY).expect("default day");
    let t = Instant::now();
    let records = sample::day(&def, &Spec { participants: n, events: 70, ..Spec::default() });
    println!("generate {} records: {:?}", records.len(), t.elapsed());
    let t = Instant::now();
    let codes: Vec<String> = records.iter().map(|r| code::encode(r, &def).expect("encodes")).collect();
    println!("encode: {:?}, {} bytes", t.elapsed(), codes.iter().map(|c| c.len() + 1).sum::<usize>());
    let t = Instant::now();
    let decoded: Vec<_> = codes.iter().map(|c| code::decode(c, &def).expect("decodes")).collect();
    println!("decode: {:?}", t.elapsed());
    let t = Instant::now();
    for r in &decoded {
        assert!(r.check_against(&def).is_empty());
    }
    println!("check: {:?}", t.elapsed());
    let t = Instant::now();
    for r in &decoded {
        std::hint::black_box(dialogue_kit::core::dataset::digest(r, &def));
    }
    println!("digest: {:?}", t.elapsed());
    let t = Instant::now();
    let mut data = Dataset::new(&def);
    let rep = data.import_records(&def, "x", decoded);
    println!("import_records: {:?} accepted {}", t.elapsed(), rep.accepted);
    let t = Instant::now();
    let json = data.to_bundle_json();
    println!("bundle json: {:?} {} bytes", t.elapsed(), json.len());
    let t = Instant::now();
    let text = codes.join("\n");
    let mut d2 = Dataset::new(&def);
    let rep = d2.import_text(&def, "chat", &text);
    println!("import_text codes: {:?} accepted {}", t.elapsed(), rep.accepted);
    let t = Instant::now();
    let mut d3 = Dataset::new(&def);
    let rep = d3.import_text(&def, "bundle.json", &json);
    println!("import bundle: {:?} accepted {}", t.elapsed(), rep.accepted);
    let t = Instant::now();
    let res = results_from(&def, d3.entries().map(|e| &e.packed), &Filter::default());
    println!("results from the packed records: {:?} ({} participants)", t.elapsed(), res.participants);
}
