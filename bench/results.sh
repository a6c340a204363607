#!/usr/bin/env bash
# How fast the results are for a big day: `dialogue-kit tally` (`--profile fast` build) on 100,000
# participants in 70 events, against pandas computing only the per-question percentages of
# valid answers from the tidy data/participants.csv that tally exports. Prints figures;
# asserts nothing (the pandas percentages are checked against results.json on the way).
#
#   bash bench/results.sh                   # 100,000 participants
#   bash bench/results.sh --participants N  # another size (events stay 70)
#
# Everything it writes is under bench/out/results/ (git-ignored); each run starts afresh.
# Needs about 6 GB of memory at 100,000 participants (tally ~5.5 GB, pandas ~1.6 GB, one after
# the other) and 1.5 GB of disk.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

participants=100000
events=70
seed=2020
while [ $# -gt 0 ]; do
  case "$1" in
    --participants)
      participants="${2:?--participants needs a number}"
      shift 2
      ;;
    -h | --help)
      sed -n '2,11p' "$0"
      exit 0
      ;;
    *)
      echo "results.sh: unknown argument: $1 (try --participants N)" >&2
      exit 2
      ;;
  esac
done

if ! .venv/bin/python -c "import pandas" 2>/dev/null; then
  bash scripts/setup.sh --browser >/dev/null
fi
cargo build --quiet --profile fast --bin dialogue-kit
cli=target/fast/dialogue-kit

out=bench/out/results
rm -rf "$out"
mkdir -p "$out"

now() { date +%s.%N; }

echo "== dialogue-kit sample --participants $participants --events $events --no-text --seed $seed"
t0=$(now)
"$cli" sample --out "$out/day.json" --participants "$participants" --events "$events" --no-text --seed "$seed"
t1=$(now)

echo "== dialogue-kit tally (wall clock: import, results.json, data package, charts, report)"
# CPU time and peak memory too, when GNU time is there: wall clock alone depends on what else
# the machine is doing.
tally_cpu=()
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "%U %S %M" -o "$out/tally.time" "$cli" tally "$out/day.json" --out "$out/tally"
  read -r user sys rss_kb <"$out/tally.time"
  tally_cpu=(--tally-cpu-seconds "$(awk "BEGIN { print $user + $sys }")" --tally-peak-mb "$((rss_kb / 1024))")
else
  "$cli" tally "$out/day.json" --out "$out/tally"
fi
t2=$(now)

sample_s=$(awk "BEGIN { print $t1 - $t0 }")
tally_s=$(awk "BEGIN { print $t2 - $t1 }")

echo "== dialogue-kit: import the same bundle and compute every result (native, best of 3)"
ours=$(cargo run --quiet --profile fast --example bench_import -- --bundle "$out/day.json")
echo "$ours" | grep -v '^IMPORT_TALLY_SECONDS='
ours_s=$(echo "$ours" | sed -n 's/^IMPORT_TALLY_SECONDS=\([0-9.]*\) .*/\1/p')
ours_tally_s=$(echo "$ours" | sed -n 's/.* TALLY_SECONDS=\([0-9.]*\)$/\1/p')

echo "== pandas: percentages of valid answers from data/participants.csv"
.venv/bin/python bench/pandas_percentages.py "$out/tally" \
  --participants "$participants" --sample-seconds "$sample_s" --tally-seconds "$tally_s" "${tally_cpu[@]}" \
  --ours-seconds "$ours_s" --ours-tally-seconds "$ours_tally_s" |
  tee "$out/figures.txt"

echo
echo "== native, import and tallies only: cargo run --profile fast --example bench_import -- $participants"
cargo run --quiet --profile fast --example bench_import -- "$participants"

echo
echo "== browser (headless Chromium, wasm32 built as the results page is: --profile fast): import a result bundle, then every tally"
CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_TEST_TIMEOUT=900 cargo test --profile fast \
  --target wasm32-unknown-unknown --test bench_results_web -- --nocapture 2>&1 | grep -E "^BENCH" | sed 's/^BENCH //'
