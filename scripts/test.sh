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
# A short coverage-guided fuzz run, the same on every clone: a fixed seed and a fixed number of runs from the
# fixtures and the kept regressions (new inputs go to a scratch corpus). `make fuzz` explores for longer; what it
# finds is kept in fuzz/regressions/, which `cargo test` replays. cargo-fuzz needs nightly (scripts/setup.sh --test).
if cargo +nightly fuzz --version >/dev/null 2>&1; then
  fuzz_corpus=$(mktemp -d)
  (cd fuzz && cargo +nightly fuzz run -O analyze "$fuzz_corpus" ../tests/fixtures regressions/analyze -- \
    -dict=speech.dict -seed=1 -runs="${FUZZ_RUNS:-600}" -timeout=20 -print_final_stats=1 2>&1 |
    grep -E '^(stat::|Done)|panicked|ERROR|Failing input|Reproduce with')
  rm -rf "$fuzz_corpus"
else
  echo "SKIPPED: the bounded fuzz run (no nightly toolchain or cargo-fuzz here); its regressions still ran in cargo test"
fi
bash scripts/consumer.sh
npx tsc -p tests/types
node --test tests/node/
node --test --test-concurrency=1 tests/browser/
