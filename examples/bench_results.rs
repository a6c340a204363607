//! Native timings of computing the results of a sample day (every tally, the regional-group
//! breakdowns, before / after, the tables' consensus) and of writing them as JSON.
//! Run: `cargo run --release --example bench_results -- 100000`
//!
//! Each line gives the wall-clock time and, on Linux, the CPU time of this thread (from
//! `/proc/thread-self/schedstat`), which other programs running at the same time do not inflate.
//! The results are computed as the results page and `dialogue-kit tally` compute them: from a
//! dataset's packed records (each read from its share code's bits); and, for comparison, from
//! whole records (answers found by id).

use std::time::{Duration, Instant};

use dialogue_kit::core::countries::RegionalGroup;
use dialogue_kit::core::dataset::Dataset;
use dialogue_kit::core::packed::Packed;
use dialogue_kit::core::parse::parse_definition;
use dialogue_kit::core::results::{Filter, Filtered, breakdown_all, results, results_from, tables};
use dialogue_kit::core::sample::{self, Spec};

/// CPU time of this thread so far, when the system tells.
fn cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(s.split_whitespace().next()?.parse().ok()?))
}

/// Runs `f` and prints how long it took.
fn time<T>(what: &str, f: impl FnOnce() -> T) -> (T, Duration) {
    let (t, c) = (Instant::now(), cpu());
    let out = std::hint::black_box(f());
    let (wall, used) = (t.elapsed(), cpu().zip(c).map(|(b, a)| b - a));
    match used {
        Some(used) => println!("{what}: {:.1} ms (CPU {:.1} ms)", ms(wall), ms(used)),
        None => println!("{what}: {:.1} ms", ms(wall)),
    }
    (out, used.unwrap_or(wall))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let def = parse_definition(dialogue_kit::DEFAULT_DAY).expect("default day");
    let spec = Spec { participants: n, events: 70, ..Spec::default() };
    let (generated, _) = time("generate", || sample::day(&def, &spec));
    println!("{} records ({n} participants)", generated.len());
    let (data, _) = time("import into a dataset", || {
        let mut data = Dataset::new(&def);
        data.import_records(&def, "sample", generated.iter().cloned());
        data
    });
    let packed: Vec<&Packed> = data.entries().map(|e| &e.packed).collect();
    let mut best = Duration::MAX;
    for i in 0..5 {
        let (r, used) = time(&format!("results (packed), run {}", i + 1), || {
            results_from(&def, packed.iter().copied(), &Filter::default())
        });
        assert_eq!(r.participants as usize, n);
        best = best.min(used);
    }
    println!("results (packed): best {:.1} ms", ms(best));
    let records = data.records(&def);
    let (from_records, _) = time("results (whole records)", || results(&def, &records, &Filter::default()));
    let all = Filter::default();
    let (f, _) = time("  filter", || Filtered::new(&def, packed.iter().copied(), &all));
    time(&format!("  worksheets ({} tables)", f.tables.len()), || tables::worksheets(&def, &f.tables));
    let r = results_from(&def, packed.iter().copied(), &all);
    assert_eq!(r, from_records, "packed and whole records give the same results");
    let (json, _) = time("to_json", || r.to_json());
    println!("results.json: {} bytes", json.len());
    let filter = Filter { event: Some(sample::event_id(0)), regional_group: None };
    time("results for one event", || results_from(&def, packed.iter().copied(), &filter));
    let filter = Filter { event: None, regional_group: Some(RegionalGroup::African) };
    time("results for one regional group", || results_from(&def, packed.iter().copied(), &filter));
    for by in ["age_band", "country", "table"] {
        let (b, _) =
            time(&format!("breakdown_all by {by}"), || breakdown_all(&def, packed.iter().copied(), &all, by));
        assert!(b.is_ok(), "{by}");
    }
}
