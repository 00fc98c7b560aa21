#!/usr/bin/env bash
# Installs the built package into tests/out/consumer the way a user would (npm pack, then
# npm install of the tarball), so the tests import 'speechlens' through its real exports map.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf tests/out/consumer tests/out/speechlens-*.tgz
mkdir -p tests/out/consumer
tarball=$(cd tests/out && npm pack ../../pkg --silent | tail -1)
cd tests/out/consumer
printf '{ "name": "consumer", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --silent "../$tarball"
cp ../../types/check-node.mts .
# One program as both module kinds: tsc checks each against its entry's types, the Node tests run both.
cp ../../types/program.ts program.mts
cp ../../types/program.ts program.cts
