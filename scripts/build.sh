#!/usr/bin/env bash
# Builds the release web app into dist/: the participants' and tables' app (index.html) and the
# results app (results.html), each its own WebAssembly bundle, so that a participant's phone
# never downloads the results code. Expects the tools of scripts/setup.sh.
#
#   bash scripts/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

# trunk empties its dist folder first: build the results page aside, then the main app into
# dist/, then add the results page's files to it.
trunk build results.html --release --dist target/dist-results
trunk build --release
# trunk names its page index.html whatever the source was called.
cp target/dist-results/index.html dist/results.html
for f in target/dist-results/*; do
  case "$(basename "$f")" in
    index.html | assets) ;;
    *) cp -R "$f" dist/ ;;
  esac
done
# The service worker, last: its version is a hash of every file built.
node scripts/sw.mjs dist
