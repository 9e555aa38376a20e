#!/usr/bin/env bash
# Dispatch decision latency with 50,000 responders (issue 5). A benchmark, not a test: it never
# runs in ./mvnw verify. Usage: bench/dispatch.sh [responders] [decisions]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
out="$PWD/bench/results/dispatch-$(date -u +%Y%m%dT%H%M%SZ).json"
./mvnw -q -pl platform -am install -DskipTests
./mvnw -q -pl platform test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.anxin.platform.dispatch.DispatchBenchmark \
  -Dexec.args="${1:-50000} ${2:-20000} $out"
cat "$out"
