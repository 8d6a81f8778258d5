#!/usr/bin/env bash
# Kills `kg build` at random points and checks the store after each kill:
#   - PRAGMA integrity_check is ok;
#   - every stored document is wholly in: its mentions, evidence, sources and dropped lines are those
#     of the same document in an uninterrupted build (no document is half-written);
#   - a re-run of the build completes and gives the same graph (JSON export) as the uninterrupted build.
# Usage: scripts/kill-test.sh [KILLS (100)] [MEGABYTES of synthetic articles (0.25: about 200 articles)]
# Needs: a built kg (KG=path, default .build/debug/kg), sqlite3, awk, the spaCy environment (.venv or KG_PYTHON).
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-100}
megabytes=${2:-0.25}
kg=${KG:-.build/debug/kg}
[ -x "$kg" ] || { echo "kill-test: no kg at $kg (swift build first, or set KG)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "kill-test: sqlite3 is needed (apt-get install sqlite3)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/kg-kill.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$kg" bench --write-corpus "$work/corpus" --megabytes "$megabytes" >/dev/null
docs=$(ls "$work/corpus" | wc -l)

# what each document contributes, one line per document
contributions() {
  sqlite3 "$1" "SELECT d.id, (SELECT COUNT(*) FROM mention WHERE document_id = d.id), (SELECT COUNT(*) FROM evidence WHERE document_id = d.id),
    (SELECT COUNT(*) FROM relation_source WHERE document_id = d.id), (SELECT COUNT(*) FROM dropped WHERE document_id = d.id)
    FROM document d ORDER BY d.id"
}

start=$(date +%s%N)
"$kg" build "$work/corpus" --store "$work/ref.sqlite" >/dev/null 2>"$work/ref.err"
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
"$kg" export --store "$work/ref.sqlite" --format json -o "$work/ref.json" >/dev/null
contributions "$work/ref.sqlite" >"$work/ref.docs"
echo "kill-test: $docs articles, an uninterrupted build takes ${full_ms} ms; $kills kills"

survived=0 partial=0
for i in $(seq 1 "$kills"); do
  store="$work/kill.sqlite"
  rm -f "$store" "$store-wal" "$store-shm"
  # a random point in the build: 0 to 110% of an uninterrupted build's time, in ms
  ms=$(( (RANDOM * 32768 + RANDOM) % (full_ms * 11 / 10 + 1) ))
  "$kg" build "$work/corpus" --store "$store" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  sleep 0.2 # the killed build's spaCy workers see end of input and exit
  if [ -s "$store" ]; then
    ok=$(sqlite3 "$store" "PRAGMA integrity_check" 2>&1 || true)
    [ "$ok" = "ok" ] || { echo "kill $i (${ms} ms): integrity_check: $ok" >&2; exit 1; }
    if sqlite3 "$store" "SELECT 1 FROM sqlite_master WHERE name = 'relation_source'" | grep -q 1; then
      contributions "$store" >"$work/kill.docs"
      extra=$(comm -23 "$work/kill.docs" "$work/ref.docs")
      [ -z "$extra" ] || { echo "kill $i (${ms} ms): documents not wholly in: $extra" >&2; exit 1; }
      n=$(wc -l <"$work/kill.docs")
      [ "$n" -gt 0 ] && [ "$n" -lt "$docs" ] && partial=$((partial + 1))
    fi
  fi
  "$kg" build "$work/corpus" --store "$store" >/dev/null 2>"$work/rerun.err" || { echo "kill $i: the re-run failed: $(tail -2 "$work/rerun.err")" >&2; exit 1; }
  "$kg" export --store "$store" --format json -o "$work/kill.json" >/dev/null
  cmp -s "$work/ref.json" "$work/kill.json" || { echo "kill $i (${ms} ms): the re-run's graph differs from an uninterrupted build's" >&2; diff "$work/ref.json" "$work/kill.json" | head -20 >&2; exit 1; }
  survived=$((survived + 1))
  echo "kill $i/$kills at ${ms} ms: ok ($( [ -f "$work/kill.docs" ] && wc -l <"$work/kill.docs" || echo 0) documents were in)"
  rm -f "$work/kill.docs"
done
echo "kill-test: $survived of $kills kills survived ($partial left a partial build, resumed); integrity ok, documents whole, re-runs equal"
