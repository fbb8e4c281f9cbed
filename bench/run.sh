#!/usr/bin/env bash
# Runs autogen's benchmarks and prints their figures. Speed and memory goals
# live here, never in unit tests. Each size runs in its own process so that
# the peak-RSS-MiB figure belongs to that size alone. The µs/object figures
# (time per schema object) stay flat from 1x to 16x when every stage is
# linear. The machine's load shows in wall times, so it is printed first.
#
#   bash bench/run.sh            # everything (several minutes: the 16x schema is large)
#   bash bench/run.sh quick      # 1x only
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="x1 x4 x16"
[ "${1:-}" = quick ] && sizes="x1"

run() { # package, benchmark regexp
  go test "$1" -run '^$' -bench "$2" -benchtime "${BENCHTIME:-3x}" -timeout 60m 2>&1 |
    grep -E '^(Benchmark|ok|FAIL|---)' || true
}

echo "== load: $(uptime)"
echo "== autogen diff (no change) as a whole process beside pg_dump --schema-only of the same database: median wall seconds, their ratio (goal: at most 0.5), peak RSS (goal at 16x: under 100 MiB), user CPU, time per object; autogen revision (one column, one index) against diff (goal: within 10%)"
for s in $sizes; do
  run ./bench "BenchmarkProcess/$s\$"
done
echo "== schema readers: parse (SQL files, pg_query), inspect (database, pg_catalog), and pg_dump --schema-only for comparison"
for s in $sizes; do
  run ./introspect "BenchmarkReadMusicBrainz/^$s\$/"
done
echo "== autogen check with no change, autogen revision with one column and one index"
for s in $sizes; do
  run ./autogenerate "BenchmarkCheck/$s\$"
  run ./autogenerate "BenchmarkRevision/$s\$"
done
echo "== runner overhead: upgrade head over 200 one-statement revisions (warm cache), and autogen current"
BENCHTIME=5x run ./internal/cli 'BenchmarkRunnerOverhead'
echo "== fleet: 100 databases from base to head through 10 one-statement revisions with 1, 4 and 8 jobs; per target: time and autogen's part beyond the statements; the hand-written loop for comparison"
run ./bench 'Benchmark(Fleet|HandLoop)'
BENCHTIME=500x run ./bench 'BenchmarkRoundTrip'
