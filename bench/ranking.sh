#!/usr/bin/env bash
# How fast the ranking engine is: exact Kemeny natively (release build) and in headless
# Chromium (the same Rust compiled to WebAssembly in release mode). Prints figures; asserts
# nothing. Targets (issue 4): 11 options x 3,123 ballots in <= 20 ms natively and <= 100 ms in
# the browser; 20 options in under a second natively.
#
#   bash bench/ranking.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser >/dev/null
# shellcheck source=scripts/env.sh
source scripts/env.sh

echo "== native (cargo run --release --example bench_ranking)"
cargo run --quiet --release --example bench_ranking

echo
echo "== browser (headless Chromium, wasm32 release build)"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --release --target wasm32-unknown-unknown \
  --test bench_web -- --nocapture 2>&1 | grep -E "^BENCH" | sed 's/^BENCH //'
