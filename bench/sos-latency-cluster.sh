#!/usr/bin/env bash
# SOS press → operator screen through the whole cluster of `./anxin cluster`: standalone PostgreSQL
# and Redis, two platform nodes, two gateways and HAProxy, all on this machine's loopback. The same
# load as bench/sos-latency.sh (device-sim load: DEVICES background MQTT devices sending RATE
# LOCATION msg/s in total, an SOS from a fresh device every SOS_EVERY s), but the devices connect
# through the balancer (which spreads them over both gateways and sends PROXY v2 headers), and each
# press is timed until its alarm arrives on the SSE feed of platform node FEED (1 or 2), whichever
# node's consumer took it from Redis. A benchmark, not a test: ./mvnw verify never runs it.
#
#   bench/sos-latency-cluster.sh                          # 10,000 devices, 2,000 msg/s, 60 s, feed on node 1
#   DEVICES=2000 RATE=500 DURATION=30 FEED=2 bench/sos-latency-cluster.sh
#
# Needs java, haproxy, curl, jq. Uses the cluster's fixed ports (25432, 26379, 18081-18082,
# 21883-21884, 28080, 22883, ...), so it cannot run beside bench/drill.sh or the e2e cluster tests.
# Results: bench/results/sos-latency-cluster-<UTC time>/{sos.json, machine.txt, table.md}; CPU
# seconds of the servers and of the load generator over the run are in machine.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../anxin
source "$ROOT/anxin"
cd "$ROOT"
root=$ROOT
source bench/lib.sh
sos_defaults
FEED=${FEED:-1}
[[ $FEED == 1 || $FEED == 2 ]] || { echo "FEED must be 1 or 2"; exit 1; }
for tool in java haproxy curl jq; do
  command -v "$tool" >/dev/null || { echo "needs $tool (Debian: apt-get install haproxy curl jq)"; exit 1; }
done

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=${RESULTS_DIR:-$root/bench/results/sos-latency-cluster-$stamp}
work=$(mktemp -d /tmp/anxin-sos-cluster.XXXXXX)
chmod 755 "$work"
export ANXIN_DATA_DIR="$work" ANXIN_ADMIN_PASSWORD="sos-cluster-$$-$RANDOM"
PORT=28080 MQTT_PORT=22883 GT06_PORT=22023 WATCH_PORT=22093 WS_PORT=22083
data="$work/cluster" logs="$work/cluster/logs"
mkdir -p "$data" "$out"
cleanup() {
  rm -f "$BENCH_MARKER"
  stop_all
  rm -rf "$work"
}
trap cleanup INT TERM EXIT
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

cluster_servers "$data" "$logs"
trap cleanup INT TERM EXIT # cluster_servers set its own
db_url="jdbc:postgresql://127.0.0.1:$CLUSTER_PG_PORT/anxin"
redis_url="redis://:$REDIS_PASSWORD@127.0.0.1:$CLUSTER_REDIS_PORT"
cluster_node 0 "$db_url" "$redis_url" "$data" "$logs" "$WS_PORT"
cluster_node 1 "$db_url" "$redis_url" "$data" "$logs" "$WS_PORT"
cluster_gateway 0 "$redis_url" "$logs"
cluster_gateway 1 "$redis_url" "$logs"
cluster_haproxy "$data/haproxy.cfg" "$logs" "$PORT" "$MQTT_PORT" "$WATCH_PORT" "$GT06_PORT" "$WS_PORT"
servers=("${PIDS[@]}")
sim_jar=$SIM_JAR

# cpu_seconds PID...: user + system CPU time of the processes and their children that ended
cpu_seconds() {
  local total=0 pid
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] && total=$((total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat")))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }'
}

{
  machine_info
  echo "anxin: $(git rev-parse --short HEAD 2>/dev/null || echo unknown), ./anxin cluster: 2 platform nodes, 2 gateways, PostgreSQL, Redis, HAProxy on loopback"
  echo "load: $DEVICES background MQTT devices from $SOURCES through HAProxy, $RATE LOCATION msg/s in total, QoS 1, ${DURATION} s; an SOS every ${SOS_EVERY} s from a fresh device; the first ${SOS_WAVE} s after the ramp reported apart; ${SOS_WARMUP} warm-up presses before the ramp; alarms timed on node $FEED's SSE feed"
} >"$out/machine.txt"

before=$(cpu_seconds "${servers[@]}")
started=$SECONDS
sos_load 127.0.0.1 "$MQTT_PORT" "http://127.0.0.1:${CLUSTER_NODE_HTTP[$((FEED - 1))]}" anxin-cluster
wall=$((SECONDS - started))
echo "servers (PostgreSQL, Redis, 2 nodes, 2 gateways, HAProxy): $(awk -v a="$(cpu_seconds "${servers[@]}")" -v b="$before" 'BEGIN { printf "%.1f", a - b }') CPU s over the load's ${wall} s" >>"$out/machine.txt"
for node in 1 2; do
  echo "platform node $node log: $(grep -c -E ' (WARN|ERROR) ' "$logs/platform$node.log" || true) WARN/ERROR lines" >>"$out/machine.txt"
done
cp "$work/load.log" "$out/"

sos_table
echo
cat "$out/table.md"
echo
log "results: ${out#"$root"/}"
exit "$status"
