#!/usr/bin/env bash
# How much a participant's phone downloads on first load: builds the release app into
# dist/ and lists each file (everything in dist/ but source maps) with its raw size and
# its size under gzip -9, then the totals.
#
#   bash bench/size.sh              # build, then measure
#   bash bench/size.sh --no-build   # measure the dist/ that is already there
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    *)
      echo "size.sh: unknown argument: $arg (try --no-build)" >&2
      exit 2
      ;;
  esac
done

if [ "$build" -eq 1 ]; then
  bash scripts/run.sh --build
fi

if [ ! -f dist/index.html ]; then
  echo "size.sh: dist/index.html not found; build first (bash scripts/run.sh --build)" >&2
  exit 1
fi

# The results page (results.html and its own bundle) is never loaded by a participant: it is
# listed apart.
# The large home-screen icon is fetched only when the app is added to the home screen.
mapfile -t files < <(cd dist && find . -type f ! -name '*.map' ! -name 'results*' ! -name 'dialogue-kit-results-*' ! -name 'icon-512.png' |
  sed 's|^\./||' | LC_ALL=C sort)
mapfile -t results_files < <(cd dist && find . -type f \( -name 'results*' -o -name 'dialogue-kit-results-*' \) |
  sed 's|^\./||' | LC_ALL=C sort)

raw_total=0
gz_total=0
printf '\n%-52s %12s %12s\n' "file in dist/ (first load)" "raw bytes" "gzip -9"
printf '%-52s %12s %12s\n' "----------------------------------------------------" "------------" "------------"
for f in "${files[@]}"; do
  raw=$(wc -c <"dist/$f")
  gz=$(gzip -9 -c "dist/$f" | wc -c)
  raw_total=$((raw_total + raw))
  gz_total=$((gz_total + gz))
  printf '%-52s %12d %12d\n' "$f" "$raw" "$gz"
done
printf '%-52s %12s %12s\n' "----------------------------------------------------" "------------" "------------"
printf '%-52s %12d %12d\n' "total (${#files[@]} files)" "$raw_total" "$gz_total"
printf '\nA participant downloads about %d KiB gzipped (%d KiB raw) on first load.\n' \
  $(((gz_total + 1023) / 1024)) $(((raw_total + 1023) / 1024))

results_gz=0
for f in "${results_files[@]}"; do
  results_gz=$((results_gz + $(gzip -9 -c "dist/$f" | wc -c)))
done
printf 'The results page (%s) adds %d KiB gzipped, for facilitators and partners only.\n' \
  "${results_files[*]}" $(((results_gz + 1023) / 1024))
