//! Native timings and sizes of the tidy data package for a sample day: the CSV files, their zip,
//! and the streaming zip (which never holds the uncompressed files).
//! Run: `cargo run --release --example bench_export -- 100000` (the number of participants);
//! add a second argument `full` to also time `data_package` + `zip_files`, and a third to save
//! the zip there (`... -- 300 full /tmp/results.zip`).

use std::time::Instant;

use dialogue_kit::core::export::{data_package, data_package_zip, zip_files};
use dialogue_kit::core::parse::parse_definition;
use dialogue_kit::core::sample::{self, Spec};

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5_708);
    let full = std::env::args().nth(2).as_deref() == Some("full");
    let def = parse_definition(dialogue_kit::DEFAULT_DAY).expect("default day");
    let t = Instant::now();
    let records = sample::day(&def, &Spec { participants: n, events: 70, ..Spec::default() });
    println!("generate {} records: {:.2?}", records.len(), t.elapsed());

    let (t, cpu0) = (Instant::now(), cpu_seconds());
    let zipped = data_package_zip(&def, &records);
    let cpu = cpu_seconds().zip(cpu0).map_or(String::new(), |(b, a)| format!(" ({:.2} s of CPU)", b - a));
    println!("data_package_zip: {:.2?}{cpu}, {} bytes", t.elapsed(), zipped.len());
    if let Some(path) = std::env::args().nth(3) {
        std::fs::write(&path, &zipped).expect("the zip is written");
        println!("saved to {path}");
    }

    if full {
        let t = Instant::now();
        let files = data_package(&def, &records);
        println!("data_package: {:.2?}", t.elapsed());
        for (name, bytes) in &files {
            let rows = bytes.iter().filter(|&&b| b == b'\n').count();
            println!("  {name}: {} bytes, {rows} lines", bytes.len());
        }
        let t = Instant::now();
        let zip = zip_files(&files);
        println!("zip_files: {:.2?}, {} bytes", t.elapsed(), zip.len());
        assert!(zip == zipped, "the streaming zip differs from zip_files(data_package)");
        println!("same bytes as data_package_zip");
    }
}

/// CPU time used by this process so far (Linux only): the wall clock misleads on a busy machine.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}
