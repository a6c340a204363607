//! Native timings of the ranking engine, printed for `bench/ranking.sh`: exact Kemeny for 11
//! options over 3,123 ballots (the 2020 dialogue's number of group discussions), for the real
//! PrefLib files of `tests/fixtures/preflib/`, and for 20 options.
//!
//! Run: `cargo run --release --example bench_ranking`

use std::time::Instant;

use dialogue_kit::core::ranking::kemeny::kemeny;
use dialogue_kit::core::ranking::{Pairwise, Profile};

#[path = "../bench/profiles.rs"]
mod profiles;

/// Median wall time in milliseconds of `runs` runs of `f`.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn kemeny_from_ballots(p: &Profile) -> usize {
    let m = Pairwise::from_profile(p);
    kemeny(&m).map(|k| k.order.len()).unwrap_or(0)
}

fn main() {
    println!(
        "{:<48} {:>8} {:>9} {:>12}",
        "exact Kemeny (pairwise counts + DP), native", "options", "ballots", "median ms"
    );
    let row = |name: &str, p: &Profile, runs: usize| {
        let ms = median_ms(runs, || {
            std::hint::black_box(kemeny_from_ballots(p));
        });
        println!("{name:<48} {:>8} {:>9} {ms:>12.3}", p.options().len(), p.total_weight());
    };
    row("synthetic, 11 options x 3,123 ballots", &profiles::profile(11, 3123, 6, 2020), 21);
    for file in ["00014-00000001.soc", "00016-00000001.toc", "00008-00000009.soi", "00007-00000052.toc"] {
        let path = format!("{}/tests/fixtures/preflib/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("fixture present");
        let format = dialogue_kit::core::preflib::Format::from_path(file).expect("a PrefLib extension");
        let profile = dialogue_kit::core::preflib::parse(&text, format).expect("fixture parses");
        row(&format!("PrefLib {file}"), &profile, 11);
    }
    row("synthetic, 16 options x 3,123 ballots", &profiles::profile(16, 3123, 12, 16), 5);
    row("synthetic, 20 options x 3,123 ballots", &profiles::profile(20, 3123, 20, 20), 3);
}
