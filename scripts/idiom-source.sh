#!/usr/bin/env bash
# Fetches the idiom list data/dictionary.bin flags its idioms by (scripts/dictionary.mjs), and
# prints its path: the 30,895 成语 of chinese-xinhua (github.com/pwxcoo/chinese-xinhua, MIT), as the
# PyPI package chengyu-CLI 0.1.1 (MIT) ships them in chengyu/data/chengyu.json. Only regenerating
# the dictionary needs it; building and testing never do.
set -euo pipefail
cd "$(dirname "$0")/.."
list=bench/out/chengyu.json
[ -s "$list" ] && { echo "$list"; exit 0; }
mkdir -p bench/out/download
python3 -m pip download --no-deps --no-binary :all: -q -d bench/out/download chengyu-CLI==0.1.1 >&2
echo "3519d1bffe6441b860bccad9eb2a60d356f5dac6c88442ca01c85645441aa9c1  bench/out/download/chengyu_cli-0.1.1.tar.gz" | sha256sum -c - >&2
tar xzf bench/out/download/chengyu_cli-0.1.1.tar.gz -O chengyu_cli-0.1.1/chengyu/data/chengyu.json > "$list"
echo "$list"
