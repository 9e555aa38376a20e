#!/usr/bin/env bash
# Dispatch decision latency with 50,000 responders (issue 5). A benchmark, not a test: it never
# runs in ./mvnw verify. Usage: bench/dispatch.sh [responders] [decisions]
# RESULTS_DIR (bench/run-all.sh): the result goes to $RESULTS_DIR/dispatch.json; SKIP_BUILD: the
# platform is not installed again first (test classes are still compiled if out of date).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
if [[ -n ${RESULTS_DIR:-} ]]; then
  mkdir -p "$RESULTS_DIR"
  out="$RESULTS_DIR/dispatch.json"
else
  out="$PWD/bench/results/dispatch-$(date -u +%Y%m%dT%H%M%SZ).json"
fi
[[ -n ${SKIP_BUILD:-} ]] || ./mvnw -q -pl platform -am install -DskipTests
./mvnw -q -pl platform test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.anxin.platform.dispatch.DispatchBenchmark \
  -Dexec.args="${1:-50000} ${2:-20000} $out"
cat "$out"
