#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine and runs kg on the bundled example corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Statically linked Swift runtime and Foundation: half the start-up time of every command (BENCHMARKS.md).
swift build -c release --static-swift-stdlib --product kg
kg=.build/release/kg
rm -f out/kg.sqlite
$kg build Examples/corpus
$kg render -o out/graph.svg
$kg view -o out/graph.html
echo
$kg neighbors Kursk
