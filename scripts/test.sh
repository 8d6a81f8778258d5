#!/usr/bin/env bash
# Runs kg's test suite (installing the system packages first when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift test
# a one-minute libFuzzer smoke of the text pipeline (see CONTRIBUTING.md)
bash scripts/fuzz.sh 60
