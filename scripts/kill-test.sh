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

survived=0 partial=0 empty=0 late=0 attempt=0
# the kill point is drawn over 0-100% of the current estimate of a build's time; the estimate starts at the
# uninterrupted build's time and follows the builds this run makes (a kill at ms plus its re-run's time is one
# build; a build that ends before its kill point gives its own time, and that attempt is not counted as a kill)
est_ms=$full_ms
while [ "$survived" -lt "$kills" ]; do
  attempt=$((attempt + 1))
  [ "$attempt" -le $((kills * 3)) ] || { echo "kill-test: builds kept ending before their kill point" >&2; exit 1; }
  i=$((survived + 1))
  store="$work/kill.sqlite"
  rm -f "$store" "$store-wal" "$store-shm"
  ms=$(( (RANDOM * 32768 + RANDOM) % (est_ms + 1) ))
  t0=$(date +%s%N)
  "$kg" build "$work/corpus" --store "$store" >/dev/null 2>&1 &
  pid=$!
  # wait for the kill point in steps of 20 ms, noticing a build that ends first
  while kill -0 "$pid" 2>/dev/null && [ $(( ($(date +%s%N) - t0) / 1000000 )) -lt "$ms" ]; do sleep 0.02; done
  if ! kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    ended_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    est_ms=$(( (est_ms + ended_ms) / 2 ))
    late=$((late + 1))
    echo "attempt $attempt: the build ended at ${ended_ms} ms, before its kill point ${ms} ms (not counted; estimate now ${est_ms} ms)"
    continue
  fi
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
      [ "$n" -eq 0 ] && empty=$((empty + 1))
    else
      empty=$((empty + 1))
    fi
  else
    empty=$((empty + 1))
  fi
  r0=$(date +%s%N)
  "$kg" build "$work/corpus" --store "$store" >/dev/null 2>"$work/rerun.err" || { echo "kill $i: the re-run failed: $(tail -2 "$work/rerun.err")" >&2; exit 1; }
  rerun_ms=$(( ($(date +%s%N) - r0) / 1000000 ))
  est_ms=$(( (est_ms + ms + rerun_ms) / 2 ))
  "$kg" export --store "$store" --format json -o "$work/kill.json" >/dev/null
  cmp -s "$work/ref.json" "$work/kill.json" || { echo "kill $i (${ms} ms): the re-run's graph differs from an uninterrupted build's" >&2; diff "$work/ref.json" "$work/kill.json" | head -20 >&2; exit 1; }
  survived=$((survived + 1))
  echo "kill $i/$kills at ${ms} ms: ok ($( [ -f "$work/kill.docs" ] && wc -l <"$work/kill.docs" || echo 0) documents were in)"
  rm -f "$work/kill.docs"
done
echo "kill-test: $survived of $kills kills survived ($empty left no document, $partial a partial build, $((survived - empty - partial)) every document; $late builds ended before their kill point and were not counted); integrity ok, documents whole, re-runs equal"
