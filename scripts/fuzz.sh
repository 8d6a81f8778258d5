#!/usr/bin/env bash
# Fuzzes kg's text pipeline (page cleaning, sentence splitting, extraction on rule annotations, and
# the NLP worker's reply parser) with libFuzzer for SECONDS (default 60).
#   bash scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
# New inputs go to .build/fuzz-corpus (kept between runs); a crash leaves crash-* in .build/fuzz-artifacts
# and fails the script. Seeds: Fuzz/corpus and the example articles.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
root="$PWD"
# kg is a path dependency: re-plan every time, so files added to kg since the last fuzz build are seen
( cd Fuzz && swift build --disable-build-manifest-caching -Xswiftc -sanitize=fuzzer,address --product FuzzTextPipeline )
bin="$(cd Fuzz && swift build --show-bin-path)/FuzzTextPipeline"
mkdir -p .build/fuzz-corpus .build/fuzz-artifacts
# no leak detection (libFuzzer's -detect_leaks, ASan's at exit): LeakSanitizer reports the never-freed static regular expressions of Foundation
# (once-initialized globals, not leaks); real growth is caught by -rss_limit_mb.
ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" "$bin" -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 \
    -artifact_prefix="$root/.build/fuzz-artifacts/" "$@" \
    .build/fuzz-corpus Fuzz/corpus Examples/corpus Examples/styles
