//! Browser timings of the results, for `bench/results.sh` (prints figures, asserts only that
//! everything was counted): a sample day of 5,708 (the 2020 dialogue), 20,000 and 100,000
//! participants (and their tables) as one result bundle, imported and fully tallied by the same
//! Rust compiled to WebAssembly as the results page is (the `fast` profile: `opt-level = 3`),
//! in headless Chromium.
//!
//! Run: `CHROMEDRIVER=$(which chromedriver) cargo test --profile fast --target wasm32-unknown-unknown
//! --test bench_results_web -- --nocapture`
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use dialogue_kit::core::dataset::Dataset;
use dialogue_kit::core::parse::parse_definition;
use dialogue_kit::core::results::{Filter, results_from};
use dialogue_kit::core::sample::{self, Spec};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// Lets the browser breathe (the test driver polls the page and gives up after 20 s).
async fn breathe() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

async fn run(participants: usize) {
    let def = parse_definition(dialogue_kit::DEFAULT_DAY).unwrap();
    // Made in slices of 5,000 participants, so that the page keeps answering the driver.
    let mut made = Dataset::new(&def);
    let mut left = participants;
    let mut seed = 1;
    while left > 0 {
        let n = left.min(5_000);
        let spec = Spec { participants: n, events: 70, text: false, seed, ..Spec::default() };
        made.import_records(&def, "sample", sample::day(&def, &spec));
        left -= n;
        seed += 1;
        breathe().await;
    }
    let bundle = made.to_bundle_json();
    drop(made);
    breathe().await;

    // Three runs, each into a fresh dataset: the median is the figure (a busy machine slows
    // one run now and then).
    let mut runs = Vec::new();
    for _ in 0..3 {
        let t0 = now();
        let mut data = Dataset::new(&def);
        let report = data.import_text(&def, "bundle.json", &bundle);
        let t1 = now();
        let res = results_from(&def, data.entries().map(|e| &e.packed), &Filter::default());
        let t2 = now();
        assert_eq!(res.participants as usize, participants);
        assert!(report.rejected.is_empty());
        runs.push((t2 - t0, t1 - t0, t2 - t1, res.tables));
        drop(data);
        breathe().await;
    }
    let all: Vec<String> = runs.iter().map(|r| format!("{:.0}", r.0)).collect();
    runs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (total, import, tally, tables) = runs[1];
    console_log!(
        "BENCH browser {participants} participants + {tables} tables ({:.1} MB bundle): median of 3 \
         {total:.0} ms (import {import:.0} ms, tally {tally:.0} ms); runs {} ms",
        bundle.len() as f64 / 1e6,
        all.join(", ")
    );
}

#[wasm_bindgen_test]
async fn results_of_5708_participants() {
    run(5_708).await;
}

#[wasm_bindgen_test]
async fn results_of_20000_participants() {
    run(20_000).await;
}

/// The global scale the issue asks for: 100,000 participants in a second.
#[wasm_bindgen_test]
async fn results_of_100000_participants() {
    run(100_000).await;
}
