#!/usr/bin/env bash
# The floor that kg's stack sets under a query's whole-process time.
#
# Times, best of N, from spawn to exit: a low-degree `kg neighbors` on the synthetic 1M-relation store of
# `kg bench --scale`, the same indexed SQL through the sqlite3 CLI, and programs built as kg is (release,
# static Swift runtime; Benchmarks/startup-floor) that do none of kg's work: one that only prints, and one
# that runs the same SQL through swift-argument-parser and GRDB. Ratios are against the sqlite3 query.
#
#   scripts/startup-floor.sh [N]            (N runs each, default 50)
#   KG=path/to/kg STORE=/tmp/q.sqlite scripts/startup-floor.sh
#
# Needs an idle machine: other load shifts every figure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-50}
kg=${KG:-$root/.build/release/kg}
store=${STORE:-/tmp/kg-floor-store.sqlite}
[ -x "$kg" ] || { echo "startup-floor: no kg at $kg (swift build -c release --static-swift-stdlib)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "startup-floor: the sqlite3 CLI is needed (apt-get install sqlite3)" >&2; exit 1; }
if [ ! -f "$store" ]; then
    "$kg" bench --write-store "$store" --relations "${RELATIONS:-1000000}" --hub "${HUB:-50000}" >&2
fi
(cd "$root/Benchmarks/startup-floor" && swift build -c release --static-swift-stdlib >/dev/null 2>&1) \
    || { echo "startup-floor: building Benchmarks/startup-floor failed" >&2; exit 1; }
bin=$root/Benchmarks/startup-floor/.build/release
sqlite=$(command -v sqlite3)

low=$(sqlite3 -readonly "$store" "SELECT tail FROM relation WHERE head = 'e0' ORDER BY id LIMIT 1")
name="Entity ${low#e}"
first="(SELECT text FROM evidence WHERE relation_id = r.id ORDER BY document_id, start LIMIT 1)"
sql="SELECT r.family, e.name, r.sources, $first FROM relation r JOIN entity e ON e.id = r.tail WHERE r.head = '$low'
UNION ALL SELECT r.family, e.name, r.sources, $first FROM relation r JOIN entity e ON e.id = r.head WHERE r.tail = '$low'
ORDER BY 3 DESC, 2 LIMIT 1000;"

base=$("$bin/best" "$n" "$sqlite" -readonly "$store" "$sql")
row() { # label, then the command
    local label=$1; shift
    local ms; ms=$("$bin/best" "$n" "$@")
    printf '  %-58s %7s ms  %5sx\n' "$label" "$ms" "$(awk -v a="$ms" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
}
echo "whole processes, best of $n, on $store (low-degree entity '$name'); ratio to the sqlite3 query"
row "sqlite3 CLI: the neighbors SQL" "$sqlite" -readonly "$store" "$sql"
row "sqlite3 CLI: SELECT 1 (its start-up)" "$sqlite" -readonly "$store" "SELECT 1;"
row "Swift, static runtime: print one line" "$bin/hello"
row "Swift + Foundation: print one line" "$bin/foundation"
row "Swift + GRDB (no ArgumentParser): the neighbors SQL" "$bin/grdbq" "$store" "$sql"
row "Swift + ArgumentParser + GRDB: SELECT 1" "$bin/sqlq" --store "$store" "SELECT 1"
row "Swift + ArgumentParser + GRDB: the neighbors SQL" "$bin/sqlq" --store "$store" "$sql"
row "kg --version" "$kg" --version
row "kg neighbors '$name'" "$kg" neighbors "$name" --store "$store"
