#!/usr/bin/env bash
# Every result byte-identical between BASE and this tree: the gate of a refactor (issue 26) and of an
# optimisation (issue 28). Builds the command line at BASE (exported with `git archive`, built in
# target/same-base) and here, runs both over the same texts and compares what they wrote:
#   analyze (JSONL: every analysis as the package returns it), analyze --format csv (the four corpus
#   tables: documents — the page's summary rows —, terms, slogans, outline), check --format json, and
#   compare (JSON and CSV) of each text with the next.
# The texts: every fixture, plus the dev corpus when ../shared is there (never needed), plus FILES.
#
#   bash scripts/same-results.sh BASE [FILE...]
#
# Exit 0 when every output is identical; else the differing files are listed (kept in target/same-out).
set -euo pipefail
base=${1:?usage: scripts/same-results.sh BASE [FILE...]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=target/same-out
rm -rf "$out" target/same-base/src
mkdir -p "$out/texts" target/same-base/src
# -m: the files dated now, not at the commit, so cargo never takes a base built before for this one.
git archive "$(git rev-parse "$base")" | tar -x -m -C target/same-base/src

echo "building BASE ($base) and this tree…" >&2
(cd target/same-base/src && CARGO_TARGET_DIR="$root/target/same-base/target" \
  cargo build --release -q --features cli --bin speechlens)
cargo build --release -q --features cli --bin speechlens

# One text a file, so that compare (which reads one text from each side) can take any of them.
texts=("$root"/tests/fixtures/*.txt "$@")
dev=../shared/corpus/dev/people-2020.jsonl
if [[ -f $dev ]]; then
  node -e '
    const fs = require("fs");
    fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).forEach((line, i) => {
      fs.writeFileSync(`${process.argv[2]}/dev-${String(i).padStart(3, "0")}.txt`, JSON.parse(line).text);
    });' "$dev" "$out/texts"
  texts+=("$out"/texts/dev-*.txt)
fi

run() { # run NAME BIN
  local dir=$out/$1 bin=$2
  mkdir -p "$dir/csv" "$dir/compare"
  "$bin" analyze --jobs 2 "${texts[@]}" >"$dir/analyses.jsonl"
  "$bin" analyze --jobs 2 --format csv --out "$dir/csv" "${texts[@]}"
  "$bin" check --format json "${texts[@]}" >"$dir/check.jsonl" || [[ $? == 1 ]]
  local i
  for ((i = 0; i + 1 < ${#texts[@]}; i++)); do
    "$bin" compare "${texts[i]}" "${texts[i + 1]}" >"$dir/compare/$i.json"
    "$bin" compare --format csv "${texts[i]}" "${texts[i + 1]}" >"$dir/compare/$i.csv"
  done
}
echo "running both over ${#texts[@]} texts…" >&2
run base target/same-base/target/release/speechlens
run this target/release/speechlens

if diff -rq "$out/base" "$out/this"; then
  echo "identical: $(find "$out/this" -type f | wc -l) outputs over ${#texts[@]} texts" >&2
else
  echo "DIFFERENT (outputs kept in $out)" >&2
  exit 1
fi
