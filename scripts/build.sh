#!/usr/bin/env bash
# Builds the wasm, the npm package (pkg/) and the pages (dist/).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --target wasm32-unknown-unknown
wasm=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/speechlens.wasm
rm -rf pkg dist
# The name section (every function's name: 140 KB, 36 KB gzip) only labels the frames of a wasm stack
# trace, which no user reads (a panic traps, and the page reports a failed analysis whatever the
# trace says), so users are not sent it.
for target in web nodejs; do
  wasm-bindgen "$wasm" --remove-name-section --target $target --out-dir "pkg/${target/nodejs/node}" --out-name speechlens
done
node scripts/assemble.mjs
