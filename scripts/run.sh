#!/usr/bin/env bash
# Runs the dialogue-kit web app on this computer.
#
#   bash scripts/run.sh          # install what is missing, build, then serve on http://127.0.0.1:8080
#   bash scripts/run.sh --build  # only build the release app into dist/, for hosting
set -euo pipefail
cd "$(dirname "$0")/.."

mode=serve
for arg in "$@"; do
  case "$arg" in
    --build) mode=build ;;
    -h | --help)
      sed -n '2,5p' "$0"
      exit 0
      ;;
    *)
      echo "run.sh: unknown argument: $arg (try --build)" >&2
      exit 2
      ;;
  esac
done

bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

bash scripts/build.sh
if [ "$mode" = build ]; then
  echo
  echo "Built the app into dist/ ($(du -sh dist | cut -f1)). Copy everything in dist/ to any static web folder."
  echo "Participants open: <that folder's address>/#/p?event=EVENT_ID&table=TABLE_NUMBER"
  echo "Results:           <that folder's address>/results.html#/r"
  exit 0
fi

cat <<'MSG'

Serving the app. Open:

  facilitator:  http://127.0.0.1:8080/
  participant:  http://127.0.0.1:8080/#/p?event=demo&table=1
  results:      http://127.0.0.1:8080/results.html#/r

Stop with Ctrl+C.

MSG
exec node scripts/serve.mjs dist 127.0.0.1 8080
