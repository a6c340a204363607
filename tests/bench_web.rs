//! Browser timings of the ranking engine, for `bench/ranking.sh` (not part of the test suite's
//! assertions: it prints figures). Exact Kemeny for 11 options over 3,123 ballots, compiled to
//! WebAssembly in release mode and run in headless Chromium.
//!
//! Run: `CHROMEDRIVER=$(which chromedriver) cargo test --release --target wasm32-unknown-unknown
//! --test bench_web`
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use dialogue_kit::core::ranking::kemeny::kemeny;
use dialogue_kit::core::ranking::{Pairwise, Profile};
use wasm_bindgen_test::*;

#[path = "../bench/profiles.rs"]
mod profiles;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = now();
            f();
            now() - t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn time(name: &str, p: &Profile, runs: usize) {
    let ms = median_ms(runs, || {
        let m = Pairwise::from_profile(p);
        std::hint::black_box(kemeny(&m).unwrap());
    });
    console_log!("BENCH browser {name}: median {ms:.3} ms over {runs} runs");
}

#[wasm_bindgen_test]
fn kemeny_in_the_browser() {
    time("exact Kemeny, 11 options x 3,123 ballots", &profiles::profile(11, 3123, 6, 2020), 21);
    time("exact Kemeny, 16 options x 3,123 ballots", &profiles::profile(16, 3123, 12, 16), 5);
    time("exact Kemeny, 20 options x 3,123 ballots", &profiles::profile(20, 3123, 20, 20), 3);
}
