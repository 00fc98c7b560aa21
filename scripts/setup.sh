#!/usr/bin/env bash
# Installs what building (and, with --test, testing) needs; fast when all is there already.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=false
apt_install() {
  $apt_updated || { as_root apt-get update -qq; apt_updated=true; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if $want_test; then
  command -v chromium >/dev/null || apt_install chromium
  # Without CJK fonts the screenshots show boxes where the Chinese should be.
  [ -d /usr/share/fonts/opentype/noto ] || apt_install fonts-noto-cjk
  # The fuzz run: cargo-fuzz builds with libFuzzer's sanitizer flags, which only nightly accepts.
  # The machine image ships nightly; where it cannot be had, test.sh says the fuzz run is skipped.
  rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal ||
    echo "warning: no nightly toolchain: the fuzz run will be skipped" >&2
  command -v cargo-fuzz >/dev/null || cargo +nightly install -q cargo-fuzz --locked ||
    echo "warning: cargo-fuzz did not install: the fuzz run will be skipped" >&2
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed | grep -q '^clippy' || rustup component add clippy

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
[ -f Cargo.lock ] || cargo generate-lockfile
wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb" ]; then
  echo "installing wasm-bindgen-cli $wb (about 3 minutes)"
  cargo install -q wasm-bindgen-cli --version "=$wb"
fi

# npm packages: the optimiser (binaryen), and for tests the browser driver, tsc, esbuild, axe.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
