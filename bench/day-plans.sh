#!/usr/bin/env bash
# Home-care day plans (issue 17): greedy nearest-first, today's per-window Hungarian batch and
# Timefold side by side on one generated city day, in one JVM, measured with the same route
# model. Not a test. Usage:
#   bench/day-plans.sh [seniors=1000] [workers=80] [visits=600] [timefold_seconds=120] [seed=17] [longer_boxes] [solver_seeds] [seed_groups]
# longer_boxes: comma-separated seconds (e.g. 300) at which the target's row (Timefold on the visits
# greedy serves, travel and punctuality) is solved again, for the curve ("" for none). solver_seeds:
# comma-separated random seeds (e.g. 1,2,3,4) with which the target's row is solved again at
# timefold_seconds, to show how much of the result is one seed's luck. seed_groups: comma-separated
# groups of seeds joined by "+" (e.g. 0+1,2+3): the target's row solved by that many searches side
# by side, one per seed, the best plan kept (ANXIN_PLAN_SEARCHES; 0 is Timefold's default seed). Waits while another benchmark's
# marker (/tmp/anxin-bench-running, bench/lib.sh) is there, and sets it while it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
SENIORS=${1:-1000}; WORKERS=${2:-80}; VISITS=${3:-600}; SECONDS_BOX=${4:-120}; SEED=${5:-17}; LONGER=${6:-}; SOLVER_SEEDS=${7:-}; SEED_GROUPS=${8:-}
RESULTS_DIR=${RESULTS_DIR:-bench/results}
if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -B -q -pl platform test-compile
fi
CP_FILE=$(mktemp)
./mvnw -B -q -pl platform dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="platform/target/test-classes:platform/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
for _ in $(seq 1 60); do
  [[ -f $BENCH_MARKER ]] && kill -0 "$(cut -d' ' -f1 "$BENCH_MARKER")" 2>/dev/null || break
  log "another benchmark is running ($(cat "$BENCH_MARKER")); waiting"
  sleep 10
done
bench_traps
mark_running
echo "machine: $(nproc) vCPU, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx2g -cp "$CP" org.anxin.platform.planning.DayPlanBench "$SENIORS" "$WORKERS" "$VISITS" "$SECONDS_BOX" "$SEED" "$RESULTS_DIR" "$LONGER" "$SOLVER_SEEDS" "$SEED_GROUPS"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
