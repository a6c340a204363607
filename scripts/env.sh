# shellcheck shell=bash
# Sourced (not run) by the other scripts: puts cargo-installed tools (trunk, wasm-bindgen)
# and the npm tools of this repo (wasm-opt from binaryen) first on PATH.
# Safe to source more than once.
DK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for dk_dir in "$DK_ROOT/node_modules/.bin" "${CARGO_HOME:-$HOME/.cargo}/bin"; do
  case ":$PATH:" in
    *":$dk_dir:"*) ;;
    *) PATH="$dk_dir:$PATH" ;;
  esac
done
unset dk_dir
export PATH
