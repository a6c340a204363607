#!/usr/bin/env bash
# Installs what building and testing dialogue-kit needs, and only what is missing.
# Every step checks first and prints one line: "ok: ..." or "installing ...".
#
#   bash scripts/setup.sh            # build tools: wasm target, trunk, wasm-bindgen, npm packages
#   bash scripts/setup.sh --browser  # also what the tests need: Chromium + chromedriver (Debian
#                                    # packages) and pref_voting (Python, into .venv/)
#
# Safe to rerun. It changes nothing in your shell: the other scripts source scripts/env.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION="0.22.0-beta.1" # 0.22.1 needs a newer rustc; 0.21 does not build here.

want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    -h | --help)
      sed -n '2,8p' "$0"
      exit 0
      ;;
    *)
      echo "setup.sh: unknown argument: $arg (try --browser)" >&2
      exit 2
      ;;
  esac
done

# shellcheck source=scripts/env.sh
source scripts/env.sh

die() {
  echo "setup.sh: $*" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- Rust toolchain pieces -------------------------------------------------------------
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)"
command -v rustup >/dev/null || die "rustup not found: it is needed to add the wasm32 target"

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "ok: rust target wasm32-unknown-unknown"
else
  echo "installing rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

for comp in rustfmt clippy; do
  probe="cargo fmt --version"
  [ "$comp" = clippy ] && probe="cargo clippy --version"
  if $probe >/dev/null 2>&1; then
    echo "ok: $comp"
  else
    echo "installing rust component $comp"
    rustup component add "$comp"
  fi
done

# --- trunk (builds and serves the web app) -----------------------------------------------
# On a machine where someone else is already compiling trunk, wait for that instead of
# starting a second build of it.
while pgrep -f "cargo install.* trunk( |$)" >/dev/null 2>&1; do
  echo "waiting: another 'cargo install trunk' is running (checking again in 30 s)"
  sleep 30
done

have_trunk="$(trunk --version 2>/dev/null || true)"
if [ "$have_trunk" = "trunk $TRUNK_VERSION" ]; then
  echo "ok: $have_trunk"
else
  echo "installing trunk $TRUNK_VERSION (compiles from source: about 20 minutes on 2 cores)${have_trunk:+, replacing $have_trunk}"
  cargo install --locked --force trunk --version "$TRUNK_VERSION"
fi

# --- wasm-bindgen-cli: must be the same version as the wasm-bindgen crate in Cargo.lock ----
[ -f Cargo.lock ] || die "Cargo.lock is missing; it pins the wasm-bindgen version"
WB_VERSION="$(awk '
  $0 == "name = \"wasm-bindgen\"" { found = 1; next }
  found && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
[ -n "$WB_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"

have_wb="$(wasm-bindgen --version 2>/dev/null || true)"
have_runner="$(command -v wasm-bindgen-test-runner || true)"
if [ "$have_wb" = "wasm-bindgen $WB_VERSION" ] && [ -n "$have_runner" ]; then
  echo "ok: $have_wb (+ wasm-bindgen-test-runner)"
else
  echo "installing wasm-bindgen-cli $WB_VERSION (compiles from source: about 10 minutes)${have_wb:+, replacing $have_wb}"
  cargo install --force wasm-bindgen-cli --version "$WB_VERSION"
fi

# --- npm packages: wasm-opt (binaryen), playwright-core, axe-core --------------------------
command -v node >/dev/null || die "node not found: install Node.js 20 or newer"
command -v npm >/dev/null || die "npm not found: install Node.js 20 or newer (it brings npm)"

if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] ||
    [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund
  else
    echo "ok: npm packages (node_modules up to date with package-lock.json)"
  fi
else
  echo "installing npm packages (npm install: no package-lock.json yet)"
  npm install --no-audit --no-fund
fi

wasm_opt_version="$(wasm-opt --version 2>/dev/null || true)"
case "$wasm_opt_version" in
  "wasm-opt version 132"*) echo "ok: $wasm_opt_version ($(command -v wasm-opt))" ;;
  *) die "wasm-opt 132 expected from npm package binaryen, found: '${wasm_opt_version:-nothing}'" ;;
esac

# --- Chromium + chromedriver, only for the tests -----------------------------------------
if [ "$want_browser" -eq 1 ]; then
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    echo "ok: $(chromium --version 2>/dev/null | head -n1) + $(chromedriver --version 2>/dev/null | head -n1 | cut -d' ' -f1-2)"
  else
    echo "installing chromium + chromium-driver (apt)"
    command -v apt-get >/dev/null || die "apt-get not found: install Chromium and chromedriver by hand"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    # fonts: without them headless screenshots show empty boxes instead of text.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
      chromium chromium-driver fonts-liberation fonts-dejavu-core
  fi
fi

# --- Python: pref_voting, an independent implementation to check the ranking engine against --
if [ "$want_browser" -eq 1 ]; then
  req=tests/crosscheck/requirements.txt
  if [ -x .venv/bin/python ] && [ -f .venv/.installed ] && [ ! "$req" -nt .venv/.installed ]; then
    echo "ok: Python packages for the cross-check (.venv)"
  else
    echo "installing Python packages for the cross-check into .venv (pip: about a minute)"
    command -v python3 >/dev/null || die "python3 not found: install Python 3.10 or newer"
    python3 -m venv .venv || die "python3 -m venv failed: install the python3-venv package"
    .venv/bin/pip install --quiet --disable-pip-version-check -r "$req"
    touch .venv/.installed
  fi
fi
