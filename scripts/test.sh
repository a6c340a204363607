#!/usr/bin/env bash
# The whole dialogue-kit test suite, stage by stage; stops at the first stage that fails.
#
#   bash scripts/test.sh
#
# Installs what is missing first (scripts/setup.sh --browser: wasm target, trunk,
# wasm-bindgen-cli, npm packages, Chromium + chromedriver).
set -euo pipefail
cd "$(dirname "$0")/.."

start=$SECONDS
stage_no=0

stage() {
  local name="$1"
  shift
  stage_no=$((stage_no + 1))
  local t0=$SECONDS
  echo
  echo "=================================================================="
  echo "== stage $stage_no: $name"
  echo "==   \$ $*"
  echo "=================================================================="
  local rc=0
  "$@" || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
    echo "!! FAILED at stage $stage_no: $name (exit code $rc, after $((SECONDS - start)) s in all)"
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
    exit "$rc"
  fi
  echo "-- ok: $name ($((SECONDS - t0)) s)"
}

wasm_browser_tests() {
  echo "+ CHROMEDRIVER=$(command -v chromedriver) cargo test --target wasm32-unknown-unknown --test web"
  CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown --test web
}

e2e_tests() {
  shopt -s nullglob
  local files=(tests/e2e/*.test.mjs)
  shopt -u nullglob
  if [ "${#files[@]}" -eq 0 ]; then
    echo "no tests/e2e/*.test.mjs files found" >&2
    return 1
  fi
  echo "+ node --test ${files[*]}"
  node --test "${files[@]}"
}

tally_crosscheck() {
  # cargo rebuilds the release CLI only when it is missing or older than the sources.
  echo "+ cargo build --release --bin dialogue-kit"
  cargo build --release --bin dialogue-kit
  echo "+ .venv/bin/python tests/crosscheck/tally_check.py"
  .venv/bin/python tests/crosscheck/tally_check.py
}

stage "setup (tools, npm packages, Chromium)" bash scripts/setup.sh --browser
# shellcheck source=scripts/env.sh
source scripts/env.sh

stage "format check" cargo fmt --all -- --check
stage "clippy (native, all targets)" cargo clippy --all-targets -- -D warnings
stage "clippy (web app and browser tests)" cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --test bench_web --test bench_results_web -- -D warnings
stage "native tests (unit, property, CLI)" cargo test
stage "wasm browser tests (wasm-bindgen-test in headless Chromium)" wasm_browser_tests
stage "release web build into dist/" bash scripts/build.sh
stage "command-line program for the e2e tests" cargo build --bin dialogue-kit
stage "end-to-end tests (node --test tests/e2e/)" e2e_tests
stage "ranking engine against pref_voting (Python)" .venv/bin/python tests/crosscheck/pref_voting_check.py
stage "tallies against pandas and DuckDB (Python)" tally_crosscheck

total=$((SECONDS - start))
echo
echo "=================================================================="
echo "== all $stage_no stages passed in ${total} s ($((total / 60)) min $((total % 60)) s)"
echo "=================================================================="
