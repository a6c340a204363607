#!/usr/bin/env bash
# The weakest phone: on a throttled phone in headless Chromium (Lighthouse's mobile profile:
# 150 ms round trips, 1.6 Mbit/s down, CPU 4x slower), how long from tapping the link until the
# first question can be answered, and how many KB and requests that takes, for the release
# build in dist/ and for SurveyJS rendering the same first session; median of N cold loads each.
# The goal: answerable in 1.2 s or less, 120 KB or less. Prints figures; asserts nothing beyond
# sanity (no request may leave 127.0.0.1). Takes a few minutes.
#
#   bash bench/phone.sh           # 5 runs each
#   bash bench/phone.sh --runs N
#
# It measures the dist/ that is there (build first: bash scripts/build.sh). SurveyJS is
# installed from npm into bench/out/surveyjs/ (git-ignored) the first time only.
set -euo pipefail
cd "$(dirname "$0")/.."

# survey-js-ui (SurveyJS with no framework to load) has no release after 2.5.38, and it wants
# survey-core at exactly its own version.
SURVEYJS_VERSION="2.5.38"

runs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs)
      runs=(--runs "${2:?--runs needs a number}")
      shift 2
      ;;
    -h | --help)
      sed -n '2,13p' "$0"
      exit 0
      ;;
    *)
      echo "phone.sh: unknown argument: $1 (try --runs N)" >&2
      exit 2
      ;;
  esac
done

if [ ! -f dist/index.html ]; then
  echo "phone.sh: dist/index.html not found: build first with \`bash scripts/build.sh\`" >&2
  exit 1
fi

bash scripts/setup.sh --browser >/dev/null
# shellcheck source=scripts/env.sh
source scripts/env.sh

out=bench/out/surveyjs
installed() { node -p "require('./$out/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ "$(installed survey-core)" != "$SURVEYJS_VERSION" ] || [ "$(installed survey-js-ui)" != "$SURVEYJS_VERSION" ]; then
  echo "== installing SurveyJS $SURVEYJS_VERSION into $out (npm)"
  mkdir -p "$out"
  npm install --prefix "$out" --no-save --no-audit --no-fund --loglevel=error \
    "survey-core@$SURVEYJS_VERSION" "survey-js-ui@$SURVEYJS_VERSION"
fi

node bench/phone.mjs "${runs[@]}"
