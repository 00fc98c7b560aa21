#!/usr/bin/env bash
# Every test, in order of speed: style and lints, the Rust core natively, the built package in
# Node (ESM and CommonJS) and against its TypeScript types, then the pages in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --check
cargo clippy --all-targets -q -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib -q -- -D warnings
cargo test -q
bash scripts/consumer.sh
npx tsc -p tests/types
node --test tests/node/
node --test --test-concurrency=1 tests/browser/
