//! Native timings of importing a sample day, step by step: making the records, their share
//! codes, reading the codes back, checking, digests, merging, writing and reading a result
//! bundle. For `bench/results.sh`.
//! Run: `cargo run --release --example bench_import -- 100000`

use std::time::Instant;

use dialogue_kit::core::code;
use dialogue_kit::core::dataset::Dataset;
use dialogue_kit::core::parse::parse_definition;
use dialogue_kit::core::results::{Filter, results_from};
use dialogue_kit::core::sample::{self, Spec};

fn main() {
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
