#!/usr/bin/env bash
# SOS press → alarm on the operator's screen, under background load. A benchmark, not a test:
# ./mvnw verify never runs it.
#
#   bench/sos-latency.sh                        # 10,000 devices, 2,000 positions/s, an SOS every 0.25 s, 60 s
#   DEVICES=2000 RATE=500 DURATION=30 bench/sos-latency.sh
#   JFR_DIR=/tmp/jfr bench/sos-latency.sh       # also a flight recording of the platform and the gateway
#   PLATFORM_JAVA_OPTS='-Xlog:gc:file=/tmp/gc.log' bench/sos-latency.sh   # JVM options (GATEWAY_JAVA_OPTS too)
#
# Starts the platform jar (its embedded PostgreSQL and Redis in a temporary data dir, a random
# admin password, free ports) and the gateway jar against that Redis, then one `device-sim load`
# run: it signs in to the REST API, registers every background device (a senior each) and one
# fresh SOS device per press, connects the background devices from 127.0.0.2 and 127.0.0.3, sends
# LOCATION events at RATE msg/s in total (QoS 1) for DURATION s, and every SOS_EVERY s one SOS
# device publishes {"type":"SOS","ts":…}; the time until that alarm arrives on
# GET /api/alarms/stream (SSE) is recorded. Presses in the first SOS_WAVE s of the publish phase
# (right after the ramp: the 10,000 devices' ONLINE wave) are reported apart from the steady state;
# before the ramp, SOS_WARMUP presses one at a time on the idle, freshly started platform (its alarm
# path runs for the first time: class loading, JIT), reported apart too.
# Results: bench/results/sos-latency-<UTC time>/{sos.json (sosPresses: [s into the publish phase,
# ms] per press), machine.txt, table.md}. JFR_DIR: a flight recording (settings=profile) of the
# platform and the gateway is written there. Every process it starts is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD


stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=${RESULTS_DIR:-$root/bench/results/sos-latency-$stamp} # RESULTS_DIR: bench/run-all.sh
work=$(mktemp -d /tmp/anxin-sos-latency.XXXXXX)
chmod 755 "$work" # the embedded PostgreSQL runs as `nobody` when we are root
source bench/lib.sh
sos_defaults
bench_traps

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
log "open files limit: $(ulimit -n)"
command -v jq >/dev/null || apt-get install -y jq >/dev/null
command -v curl >/dev/null || apt-get install -y curl >/dev/null

build_jars platform,gateway,device-sim
platform_jar=$(ls platform/target/platform-*-exec.jar | head -1)
gateway_jar=$(ls gateway/target/gateway-*-exec.jar | head -1)
sim_jar=$(ls device-sim/target/device-sim-*-exec.jar | head -1)
read -r -a platform_opts <<<"${PLATFORM_JAVA_OPTS:-}"
read -r -a gateway_opts <<<"${GATEWAY_JAVA_OPTS:-}"
if [[ -n ${JFR_DIR:-} ]]; then
  mkdir -p "$JFR_DIR"
  platform_opts+=("-XX:StartFlightRecording=filename=$JFR_DIR/platform-$stamp.jfr,settings=profile")
  gateway_opts+=("-XX:StartFlightRecording=filename=$JFR_DIR/gateway-$stamp.jfr,settings=profile")
fi

mkdir -p "$out"
ANXIN_ADMIN_PASSWORD=${ANXIN_ADMIN_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}
export ANXIN_ADMIN_PASSWORD
api_port=$(free_port)
db_port=$(free_port)
redis_port=$(free_port)
mqtt_port=$(free_port)

log "platform on 127.0.0.1:$api_port (PostgreSQL $db_port, Redis $redis_port, data in $work/data)"
PORT=$api_port SERVER_ADDRESS=127.0.0.1 ANXIN_DATA_DIR="$work/data" \
  ANXIN_EMBEDDED_DB_PORT=$db_port ANXIN_EMBEDDED_REDIS_PORT=$redis_port \
  java "${platform_opts[@]}" -jar "$platform_jar" >"$work/platform.log" 2>&1 &
platform_pid=$!
pids+=("$platform_pid")
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$api_port/actuator/health" 2>/dev/null | grep -q UP; then
    break
  fi
  kill -0 "$platform_pid" 2>/dev/null || { log "the platform exited; see its log:"; tail -20 "$work/platform.log" >&2; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$api_port/actuator/health" | grep -q UP || { log "the platform is not UP after 180 s"; exit 1; }
log "platform is UP"

log "gateway on 127.0.0.1:$mqtt_port"
# the platform's embedded Redis has a password, made once in its data directory (mode 600)
ANXIN_REDIS_URL="redis://:$(cat "$work/data/redis.password")@127.0.0.1:$redis_port" \
  ANXIN_GATEWAY_HOST=127.0.0.1 \
  ANXIN_MQTT_PORT=$mqtt_port \
  ANXIN_WATCH_PORT=$(free_port) \
  ANXIN_GT06_PORT=$(free_port) \
  ANXIN_GATEWAY_METRICS_PORT=-1 \
  ANXIN_GATEWAY_NODE=bench \
  java "${gateway_opts[@]}" -jar "$gateway_jar" >"$work/gateway.log" 2>&1 &
gateway_pid=$!
pids+=("$gateway_pid")
wait_port "$mqtt_port" "$gateway_pid" gateway

{
  machine_info
  echo "anxin: $(git rev-parse --short HEAD 2>/dev/null || echo unknown) ($platform_jar, $gateway_jar)"
  echo "load: $DEVICES background MQTT devices from $SOURCES, $RATE LOCATION msg/s in total, QoS 1, ${DURATION} s; an SOS every ${SOS_EVERY} s from a fresh device; the first ${SOS_WAVE} s after the ramp reported apart; ${SOS_WARMUP} warm-up presses before the ramp"
} >"$out/machine.txt"

sos_load 127.0.0.1 "$mqtt_port" "http://127.0.0.1:$api_port" anxin

# What the platform made of it: alarms raised, events stored, anything it rejected
sql() { curl -fs -u "admin:$ANXIN_ADMIN_PASSWORD" "http://127.0.0.1:$api_port$1"; }
sos_alarms=$(sql '/api/alarms' | jq '[.[] | select(.type == "SOS")] | length' 2>/dev/null || echo "?")
echo "platform: SOS alarms afterwards: $sos_alarms" >>"$out/machine.txt"
echo "gateway log: $(grep -c -E ' (WARN|ERROR) ' "$work/gateway.log" || true) WARN/ERROR lines; platform log: $(grep -c -E ' (WARN|ERROR) ' "$work/platform.log" || true)" >>"$out/machine.txt"
grep -E ' (WARN|ERROR) ' "$work/platform.log" | head -5 >>"$out/machine.txt" || true
# the logs stay beside the results on this machine (*.log is not committed)
cp "$work/load.log" "$work/platform.log" "$work/gateway.log" "$out/"

sos_table
echo
cat "$out/table.md"
echo
log "results: ${out#"$root"/}"
exit "$status"
