#!/usr/bin/env bash
# Every test, in order of speed: style and lints, the Rust core natively, the built package in
# Node (ESM and CommonJS) and against its TypeScript types, then the pages in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --check
cargo clippy --all-targets --features cli -q -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib -q -- -D warnings
# --features cli: the command line and its tests (tests/cli.rs) too.
cargo test -q --features cli
# A short coverage-guided fuzz run from the fixtures (new inputs kept out of the long run's corpus);
# `make fuzz` runs longer. cargo-fuzz needs the nightly toolchain (scripts/setup.sh --test).
if cargo +nightly fuzz --version >/dev/null 2>&1; then
  fuzz_corpus=$(mktemp -d)
  (cd fuzz && cargo +nightly fuzz run -O analyze "$fuzz_corpus" ../tests/fixtures -- \
    -dict=speech.dict -max_total_time=20 -timeout=20 -print_final_stats=1 2>&1 | grep -E '^(stat::|Done)|panicked|ERROR|Failing input|Reproduce with')
  rm -rf "$fuzz_corpus"
else
  echo "SKIPPED: the bounded fuzz run (no nightly toolchain or cargo-fuzz here); its regressions still ran in cargo test"
fi
bash scripts/consumer.sh
npx tsc -p tests/types
node --test tests/node/
node --test --test-concurrency=1 tests/browser/
