//! Native timings of computing the results of a sample day (every tally, the regional-group
//! breakdowns, before / after, the tables' consensus) and of writing them as JSON.
//! Run: `cargo run --release --example bench_results -- 100000`
//!
//! Each line gives the wall-clock time and, on Linux, the CPU time of this thread (from
//! `/proc/thread-self/schedstat`), which other programs running at the same time do not inflate.
//! Reading a record's answers (strings and maps scattered over the heap) is much of the work,
//! so where they lie matters: the records are timed as the sample generator leaves them, and
//! copied one after the other, as an import (or the results page's copy) lays them out. The
//! `touch` line reads one byte of every id and answer of every record, and nothing else: the
//! floor for any tally of these records on this machine.

use std::time::{Duration, Instant};

use dialogue_kit::core::answers::{Answer, Cell};
use dialogue_kit::core::countries::RegionalGroup;
use dialogue_kit::core::parse::parse_definition;
use dialogue_kit::core::record::Record;
use dialogue_kit::core::results::{Filter, Filtered, breakdown_all, results, tables};
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

/// Reads one byte of every id and answer of every record.
fn touch(records: &[Record]) -> usize {
    let first = |s: &str| s.as_bytes().first().copied().unwrap_or(0) as usize;
    let mut sum = 0;
    for r in records {
        sum += first(&r.questionnaire.hash) + first(&r.event);
        for (id, a) in &r.answers {
            sum += first(id.as_str());
            sum += match a {
                Answer::Option(o) => first(o.as_str()),
                Answer::Options(v) | Answer::Order(v) => v.iter().map(|o| first(o.as_str())).sum(),
                Answer::Grid(cells) => cells
                    .iter()
                    .map(|(i, c)| {
                        first(i.as_str()) + if let Cell::Option(o) = c { first(o.as_str()) } else { 0 }
                    })
                    .sum(),
                Answer::Country(s) | Answer::Text(s) => first(s),
                Answer::List(v) => v.iter().map(|s| first(s)).sum(),
                Answer::Number(x) => *x as usize,
                Answer::NoClearOpinion => 0,
            };
        }
    }
    sum
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
    let (copied, _) = time("copy", || generated.to_vec());
    for (layout, records) in [("as generated", &generated), ("copied in order", &copied)] {
        let mut best = (Duration::MAX, Duration::MAX);
        for i in 0..5 {
            let (r, used) = time(&format!("results ({layout}), run {}", i + 1), || {
                results(&def, records, &Filter::default())
            });
            assert_eq!(r.participants as usize, n);
            let (_, floor) = time("  touch", || touch(records));
            best = (best.0.min(used), best.1.min(floor));
        }
        println!("results ({layout}): best {:.1} ms; touch {:.1} ms", ms(best.0), ms(best.1));
    }
    let records = copied;
    let all = Filter::default();
    let (f, _) = time("  filter", || Filtered::new(&def, &records, &all));
    time(&format!("  worksheets ({} tables)", f.tables.len()), || tables::worksheets(&def, &f.tables));
    let r = results(&def, &records, &Filter::default());
    let (json, _) = time("to_json", || r.to_json());
    println!("results.json: {} bytes", json.len());
    let filter = Filter { event: Some(sample::event_id(0)), regional_group: None };
    time("results for one event", || results(&def, &records, &filter));
    let filter = Filter { event: None, regional_group: Some(RegionalGroup::African) };
    time("results for one regional group", || results(&def, &records, &filter));
    for by in ["age_band", "country", "table"] {
        let (b, _) = time(&format!("breakdown_all by {by}"), || breakdown_all(&def, &records, &all, by));
        assert!(b.is_ok(), "{by}");
    }
}
