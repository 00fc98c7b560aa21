#!/usr/bin/env bash
# Builds the wasm, the npm package (pkg/) and the pages (dist/).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --target wasm32-unknown-unknown
wasm=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/speechlens.wasm
rm -rf pkg dist
wasm-bindgen "$wasm" --target web --out-dir pkg/web --out-name speechlens
wasm-bindgen "$wasm" --target nodejs --out-dir pkg/node --out-name speechlens
node scripts/assemble.mjs
