#!/usr/bin/env bash
# MQTT QoS 1 ingest, side by side: Mosquitto, Moquette and the Anxin gateway (with a real Redis),
# one after another on loopback, driven by the same `device-sim load` run. A benchmark, not a test:
# ./mvnw verify never runs it.
#
#   bench/mqtt-ingest.sh                  # 1,000 devices, QoS 1, as fast as acks allow, 20 s each
#   DEVICES=2000 DURATION=30 bench/mqtt-ingest.sh
#
# Each system gets a warm-up run (WARMUP seconds, default 10, not reported: the two JVM brokers
# are still compiling in their first seconds) and then the measured run. Results:
# bench/results/mqtt-ingest-<UTC time>/{mosquitto,moquette,anxin}.json, machine.txt, table.md.
# Needs root for `apt-get install mosquitto` when Mosquitto is missing. Every process it starts is
# stopped by its PID when it ends or on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

DEVICES=${DEVICES:-1000}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
QOS=1
RATE=0

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=${RESULTS_DIR:-$root/bench/results/mqtt-ingest-$stamp} # RESULTS_DIR: bench/run-all.sh
work=$(mktemp -d /tmp/anxin-mqtt-ingest.XXXXXX)
source bench/lib.sh
bench_traps

# --- tools and builds --------------------------------------------------------------------------
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
log "open files limit: $(ulimit -n)"

if ! command -v mosquitto >/dev/null; then
  log "installing mosquitto (Debian package)"
  apt-get install -y mosquitto >/dev/null || { apt-get update >/dev/null && apt-get install -y mosquitto >/dev/null; }
fi
mosquitto_bin=$(command -v mosquitto)
command -v jq >/dev/null || apt-get install -y jq >/dev/null

build_gateway_sim_moquette

redis_binary "$work"

mkdir -p "$out"
load_secret "$work"

{
  machine_info
  echo "mosquitto: $("$mosquitto_bin" -h 2>/dev/null | head -1)"
  echo "moquette: $(sed -n 's:.*<moquette.version>\(.*\)</moquette.version>.*:\1:p' bench/moquette/pom.xml)"
  echo "redis: $("$redis_bin" --version) ($redis_source)"
  echo "anxin: $(git rev-parse --short HEAD 2>/dev/null || echo unknown) ($gateway_jar)"
  echo "load: $DEVICES devices, QoS $QOS, rate $RATE (as fast as acks allow), ${DURATION} s after a ${WARMUP} s warm-up"
} >"$out/machine.txt"
log "machine and versions: $out/machine.txt"

# --- the load ----------------------------------------------------------------------------------
# run_load LABEL PORT SECONDS JSON: one device-sim load run; returns its exit status.
run_load() {
  local label=$1 port=$2 seconds=$3 json=$4 status=0
  timeout $((seconds + 120)) java -jar "$sim_jar" load \
    --devices "$DEVICES" --rate "$RATE" --qos "$QOS" --duration "$seconds" --protocol mqtt \
    --host 127.0.0.1 --port "$port" --secret-file "$work/secret" \
    --label "$label" --json-out "$json" >"$work/load-$label-$seconds.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  wait "$pid" || status=$?
  stop_and_forget "$pid"
  grep -E 'load results|msgs/s|PUBACK latency|errors  ' "$work/load-$label-$seconds.log" | sed 's/^/    /' >&2 || true
  return "$status"
}

# cpu_ticks PID...: user + system CPU time of the processes, in clock ticks
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
declare -A server_cores

# bench LABEL PORT PID [PID…]: warm-up, measured run, then stop the system. The server's CPU use
# (all its PIDs, e.g. the gateway and its Redis) is measured over the measured run.
bench() {
  local label=$1 port=$2 pid=$3 status=0 ticks started
  shift 2
  wait_port "$port" "$pid" "$label"
  log "$label: warm-up, ${WARMUP} s"
  run_load "$label" "$port" "$WARMUP" "$work/$label-warmup.json" || log "$label: warm-up exited $?"
  echo "$label: load average before the measured run: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
  log "$label: measured run, ${DURATION} s"
  ticks=$(cpu_ticks "$@")
  started=$(date +%s%N)
  run_load "$label" "$port" "$DURATION" "$out/$label.json" || status=$?
  server_cores[$label]=$(awk -v t=$(($(cpu_ticks "$@") - ticks)) -v hz="$(getconf CLK_TCK)" \
    -v ns=$(($(date +%s%N) - started)) 'BEGIN { printf "%.2f", t / hz / (ns / 1e9) }')
  echo "$label: server CPU over the measured run (ramp to disconnect): ${server_cores[$label]} cores" >>"$out/machine.txt"
  if [[ -s $out/$label.json ]]; then
    jq --argjson cores "${server_cores[$label]}" '. + {serverCores: $cores}' "$out/$label.json" >"$work/$label.json" &&
      mv "$work/$label.json" "$out/$label.json"
  fi
  [[ $status -eq 0 ]] || log "$label: load exited $status (fewer than 95 % connected)"
  stop_and_forget "$pid"
}

mark_running

# Mosquitto
mosquitto_port=$(free_port)
cat >"$work/mosquitto.conf" <<EOF
listener $mosquitto_port 127.0.0.1
allow_anonymous true
max_queued_messages 1000000
persistence false
max_connections -1
log_dest stdout
log_type error
log_type warning
connection_messages false
EOF
log "mosquitto on 127.0.0.1:$mosquitto_port"
"$mosquitto_bin" -c "$work/mosquitto.conf" >"$work/mosquitto.log" 2>&1 &
mosquitto_pid=$!
pids+=("$mosquitto_pid")
bench mosquitto "$mosquitto_port" "$mosquitto_pid"

# Moquette
moquette_port=$(free_port)
log "moquette on 127.0.0.1:$moquette_port"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$moquette_cp" org.anxin.bench.MoquetteLauncher \
  127.0.0.1 "$moquette_port" >"$work/moquette.log" 2>&1 &
moquette_pid=$!
pids+=("$moquette_pid")
bench moquette "$moquette_port" "$moquette_pid"

# Anxin: Redis with the devices registered as the platform would (docs/events.md), then the gateway
redis_port=$(free_port)
log "redis on 127.0.0.1:$redis_port"
start_redis "$redis_port" "$work"
{
  for i in $(seq 1 "$DEVICES"); do
    printf 'HSET anxin:device:load-%d protocol mqtt seniorId 1 secretSha256 %s\r\n' "$i" "$secret_sha256"
  done
  printf 'PING\r\n'
} >"$work/register.redis"
redis_register "$redis_port" "$work/register.redis" "$DEVICES" || exit 1

anxin_port=$(free_port)
log "anxin gateway on 127.0.0.1:$anxin_port"
ANXIN_REDIS_URL="redis://127.0.0.1:$redis_port" \
  ANXIN_GATEWAY_HOST=127.0.0.1 \
  ANXIN_MQTT_PORT=$anxin_port \
  ANXIN_WATCH_PORT=$(free_port) \
  ANXIN_GT06_PORT=$(free_port) \
  ANXIN_GATEWAY_METRICS_PORT=-1 \
  ANXIN_MQTT_MAX_KEEPALIVE=600 \
  ANXIN_GATEWAY_NODE=bench \
  java -jar "$gateway_jar" >"$work/anxin.log" 2>&1 &
anxin_pid=$!
pids+=("$anxin_pid")
bench anxin "$anxin_port" "$anxin_pid" "$redis_pid"
# What the gateway acked must be in Redis: warm-up + measured messages, plus ONLINE/OFFLINE events
exec 3<>"/dev/tcp/127.0.0.1/$redis_port"
printf 'XLEN anxin:events:%d\r\n' 0 1 2 3 4 5 6 7 >&3
stored=0
for _ in 0 1 2 3 4 5 6 7; do
  IFS= read -r -t 10 line <&3
  line=${line%$'\r'}
  stored=$((stored + ${line#:}))
done
exec 3>&-
acked=$(( $(jq -r '.acked' "$work/anxin-warmup.json" 2>/dev/null || echo 0) + $(jq -r '.acked' "$out/anxin.json" 2>/dev/null || echo 0) ))
log "Redis streams anxin:events:0-7 hold $stored events; the gateway acked $acked messages (warm-up + measured)"
echo "anxin: Redis streams held $stored events after the runs; acked (warm-up + measured): $acked" >>"$out/machine.txt"
anxin_warnings=$(grep -c -E ' (WARN|ERROR) ' "$work/anxin.log" || true)
log "anxin gateway log: $anxin_warnings WARN/ERROR lines"
grep -E ' (WARN|ERROR) ' "$work/anxin.log" | head -5 >&2 || true
stop_and_forget "$redis_pid"

# --- the table ---------------------------------------------------------------------------------
mosquitto_rate=$(jq -r '.msgsPerSecond' "$out/mosquitto.json" 2>/dev/null || echo 0)
{
  echo "| system | devices | msgs/s | ack p50 ms | ack p99 ms | ack p99.9 ms | errors | rate ÷ Mosquitto | server CPU (cores) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for system in mosquitto moquette anxin; do
    file="$out/$system.json"
    if [[ ! -s $file ]]; then
      echo "| $system | – | no result | | | | | | |"
      continue
    fi
    jq -r --argjson base "$mosquitto_rate" --arg cores "${server_cores[$system]:-–}" '
      def ms(us): if us == null then "–" else ((us / 10 | round) / 100 | tostring) end;
      "| \(.system) | \(.devices) | \(.msgsPerSecond | round) | \(ms(.ackP50Us)) | \(ms(.ackP99Us)) | \(ms(.ackP999Us)) | \(.errors) | \(if $base > 0 then ((.msgsPerSecond / $base * 100 | round) / 100 | tostring) else "–" end) | \($cores) |"' "$file"
  done
} >"$out/table.md"
echo
cat "$out/table.md"
echo
log "results: ${out#"$root"/}"
