#!/usr/bin/env bash
# MQTT QoS 1 ingest, side by side: Mosquitto, Moquette and the Anxin gateway (with a real Redis),
# one after another on loopback, driven by the same `device-sim load` runs. A benchmark, not a test:
# ./mvnw verify never runs it.
#
#   bench/mqtt-ingest.sh                               # defaults below, about 5 minutes
#   RATE=30000 LOADERS=2 IN_FLIGHT=8 bench/mqtt-ingest.sh
#   OLD_GATEWAY_JAR=/tmp/gateway-main.jar bench/mqtt-ingest.sh   # also another gateway build, as "anxin-old"
#   (GATEWAY_JAR and SIM_JAR likewise replace the gateway and device-sim jars just built)
#   SYSTEMS=mosquitto,anxin bench/mqtt-ingest.sh                # only some of the systems
#   GATEWAY_JAVA_OPTS='-XX:StartFlightRecording=…' bench/mqtt-ingest.sh   # JVM options of the gateways
#
# Each system gets three parts, every one with LOADERS load processes sharing DEVICES devices:
#   1. warm-up: WARMUP seconds, closed loop, not reported (the JVM brokers are still compiling);
#   2. fixed rate: RATE msgs/s offered in total, open loop (`--open-loop true`: each message has a
#      scheduled send time and its latency counts from then, so a backlog cannot hide; up to 64 in
#      flight per device), DURATION seconds. Reported: server CPU-seconds per million acked
#      messages (Anxin: gateway + Redis), PUBACK p50/p99/p99.9, how late the loaders sent against
#      their schedule, loader CPU;
#   3. saturated: closed loop, IN_FLIGHT messages in flight per device, DURATION seconds: msgs/s,
#      server and loader CPU.
# Results: bench/results/mqtt-ingest-<UTC time>/<system>.json (the saturated run's figures at the
# top level, the fixed-rate run under "fixedRate"), the loaders' own JSON, machine.txt, table.md.
# Needs root for `apt-get install mosquitto` when Mosquitto is missing. Every process it starts is
# stopped by its PID when it ends or on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

DEVICES=${DEVICES:-1000}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
RATE=${RATE:-30000}
LOADERS=${LOADERS:-2}
IN_FLIGHT=${IN_FLIGHT:-8}
RAMP=${RAMP:-1000} # connects/s over all loaders (Mosquitto listens with a backlog of 100)
OLD_GATEWAY_JAR=${OLD_GATEWAY_JAR:-}
SYSTEMS=${SYSTEMS:-mosquitto,moquette,anxin} # anxin-old too when OLD_GATEWAY_JAR is set
wants() { [[ ,$SYSTEMS, == *,$1,* ]]; }
QOS=1

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
# GATEWAY_JAR, SIM_JAR: jars copied elsewhere, so that a build during the run cannot swap them
gateway_jar=${GATEWAY_JAR:-$gateway_jar}
sim_jar=${SIM_JAR:-$sim_jar}

redis_binary "$work"

mkdir -p "$out"
load_secret "$work"

{
  machine_info
  echo "mosquitto: $("$mosquitto_bin" -h 2>/dev/null | head -1)"
  echo "moquette: $(sed -n 's:.*<moquette.version>\(.*\)</moquette.version>.*:\1:p' bench/moquette/pom.xml)"
  echo "redis: $("$redis_bin" --version) ($redis_source)"
  echo "anxin: $(git rev-parse --short HEAD 2>/dev/null || echo unknown) ($gateway_jar)"
  [[ -z $OLD_GATEWAY_JAR ]] || echo "anxin-old: $OLD_GATEWAY_JAR"
  echo "load: $DEVICES devices from $LOADERS loader processes, QoS $QOS; warm-up ${WARMUP} s; fixed rate $RATE msgs/s open loop ${DURATION} s; saturated, $IN_FLIGHT in flight per device, ${DURATION} s"
} >"$out/machine.txt"
log "machine and versions: $out/machine.txt"

# --- the load ----------------------------------------------------------------------------------
# run_loaders LABEL PORT SECONDS NAME [load option…]: LOADERS `device-sim load` processes at once,
# loader k with devices load<k>-1 … (DEVICES ÷ LOADERS each), merged into $out/LABEL-NAME.json
# (per loader: $out/loaders/LABEL-NAME-<k>.json); returns non-zero if any loader did.
run_loaders() {
  local label=$1 port=$2 seconds=$3 name=$4 status=0 k pid inputs=()
  shift 4
  local loader_pids=()
  mkdir -p "$out/loaders"
  for k in $(seq 1 "$LOADERS"); do
    timeout $((seconds + 120)) java -jar "$sim_jar" load \
      --devices $((DEVICES / LOADERS)) --id-prefix "load$k-" --qos "$QOS" --duration "$seconds" --protocol mqtt \
      --host 127.0.0.1 --port "$port" --secret-file "$work/secret" --threads "${LOADER_THREADS:-1}" \
      --ramp-per-second $((RAMP / LOADERS)) \
      --label "$label" --json-out "$out/loaders/$label-$name-$k.json" "$@" >"$work/load-$label-$name-$k.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    loader_pids+=("$pid")
    inputs+=("$out/loaders/$label-$name-$k.json")
  done
  for pid in "${loader_pids[@]}"; do
    wait "$pid" || status=$?
    stop_and_forget "$pid"
  done
  grep -h -E 'msgs/s|ack latency|loader CPU|errors  ' "$work/load-$label-$name-"*.log | sed 's/^/    /' >&2 || true
  java -jar "$sim_jar" load-merge --label "$label" --json-out "$out/$label-$name.json" \
    --inputs "$(IFS=,; echo "${inputs[*]}")" >>"$work/merge.log" 2>&1 || status=$?
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

# per_process_ticks PID…: each process's user + system ticks, space-separated (Anxin: the gateway's
# share apart from Redis')
per_process_ticks() {
  local pid parts=()
  for pid in "$@"; do parts+=("$(cpu_ticks "$pid")"); done
  echo "${parts[*]}"
}

# jit_ticks PID: user + system ticks of a JVM's JIT compiler threads ("C1/C2 CompilerThre…"),
# 0 for a process that has none: how much of a part's CPU was compiling rather than serving
jit_ticks() {
  local total=0 task
  for task in /proc/"$1"/task/*; do
    if [[ $(cat "$task/comm" 2>/dev/null) == C[12]\ CompilerThre* ]]; then
      total=$((total + $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)))
    fi
  done
  echo "$total"
}

# measured LABEL NAME PORT PIDS… -- load options…: one run of the loaders; the servers' CPU seconds
# and cores over it (first connect to last disconnect) go into $out/LABEL-NAME.json
measured() {
  local label=$1 name=$2 port=$3 ticks started status=0 server=()
  shift 3
  while [[ $1 != -- ]]; do server+=("$1"); shift; done
  shift
  echo "$label $name: load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
  ticks=$(cpu_ticks "${server[@]}")
  local each_before each_after jit_before
  read -r -a each_before <<<"$(per_process_ticks "${server[@]}")"
  jit_before=$(jit_ticks "${server[0]}")
  started=$(date +%s%N)
  run_loaders "$label" "$port" "$DURATION" "$name" "$@" || status=$?
  local used=$(($(cpu_ticks "${server[@]}") - ticks)) ns=$(($(date +%s%N) - started)) i each=()
  read -r -a each_after <<<"$(per_process_ticks "${server[@]}")"
  for i in "${!server[@]}"; do each+=("$((each_after[i] - each_before[i]))"); done
  local jit=$(($(jit_ticks "${server[0]}") - jit_before))
  if [[ -s $out/$label-$name.json ]]; then
    jq --argjson ticks "$used" --argjson hz "$(getconf CLK_TCK)" --argjson ns "$ns" \
      '. + {serverCpuSeconds: ($ticks / $hz), serverCores: (($ticks / $hz) / ($ns / 1e9) * 100 | round / 100),
            serverCpuSecondsPerMillion: (if .acked > 0 then ($ticks / $hz) / .acked * 1e6 * 100 | round / 100 else null end)}' \
      "$out/$label-$name.json" >"$work/tmp.json" && mv "$work/tmp.json" "$out/$label-$name.json"
  fi
  echo "$label $name: server CPU $(awk -v t="$used" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }') s over $((ns / 1000000)) ms (ticks per process, in the order gateway/broker, Redis: ${each[*]}; of the first, JIT compiler threads: $jit)" >>"$out/machine.txt"
  [[ $status -eq 0 ]] || log "$label $name: a loader exited $status"
}

# bench LABEL PORT PID [PID…]: warm-up, the fixed-rate run and the saturated run, then stop the
# system's first PID. $out/LABEL.json: the saturated figures, with the fixed-rate ones as fixedRate.
bench() {
  local label=$1 port=$2 pid=$3
  shift 2
  wait_port "$port" "$pid" "$label"
  log "$label: warm-up, ${WARMUP} s"
  run_loaders "$label" "$port" "$WARMUP" warmup --rate 0 --in-flight "$IN_FLIGHT" >/dev/null 2>&1 || log "$label: warm-up: a loader exited non-zero"
  log "$label: fixed rate, $RATE msgs/s open loop, ${DURATION} s"
  measured "$label" fixed "$port" "$@" -- --rate $((RATE / LOADERS)) --open-loop true
  log "$label: saturated, $IN_FLIGHT in flight per device, ${DURATION} s"
  measured "$label" saturated "$port" "$@" -- --rate 0 --in-flight "$IN_FLIGHT"
  if [[ -s $out/$label-saturated.json ]]; then
    jq --slurpfile fixed "$out/$label-fixed.json" '. + {fixedRate: ($fixed[0] // null)}' \
      "$out/$label-saturated.json" >"$out/$label.json"
  fi
  stop_and_forget "$pid"
}

mark_running

if wants mosquitto; then
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
fi

if wants moquette; then
# Moquette
moquette_port=$(free_port)
log "moquette on 127.0.0.1:$moquette_port"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$moquette_cp" org.anxin.bench.MoquetteLauncher \
  127.0.0.1 "$moquette_port" >"$work/moquette.log" 2>&1 &
moquette_pid=$!
pids+=("$moquette_pid")
bench moquette "$moquette_port" "$moquette_pid"
fi

# Anxin: a fresh Redis with the devices registered as the platform would (docs/events.md), then
# the gateway. anxin_system LABEL JAR
anxin_system() {
  local label=$1 jar=$2 redis_port anxin_port k i stored acked warnings line
  redis_port=$(free_port)
  log "$label: redis on 127.0.0.1:$redis_port"
  # a directory of its own: with AOF on, a Redis started in the previous system's directory would
  # load that system's appendonly file (and answer LOADING meanwhile)
  mkdir -p "$work/redis-$label"
  start_redis "$redis_port" "$work/redis-$label"
  {
    for k in $(seq 1 "$LOADERS"); do
      for i in $(seq 1 $((DEVICES / LOADERS))); do
        printf 'HSET anxin:device:load%d-%d protocol mqtt seniorId 1 secretSha256 %s\r\n' "$k" "$i" "$secret_sha256"
      done
    done
    printf 'PING\r\n'
  } >"$work/register.redis"
  redis_register "$redis_port" "$work/register.redis" $((DEVICES / LOADERS * LOADERS)) || exit 1

  anxin_port=$(free_port)
  log "$label: gateway $jar on 127.0.0.1:$anxin_port"
  ANXIN_REDIS_URL="redis://127.0.0.1:$redis_port" \
    ANXIN_GATEWAY_HOST=127.0.0.1 \
    ANXIN_MQTT_PORT=$anxin_port \
    ANXIN_WATCH_PORT=$(free_port) \
    ANXIN_GT06_PORT=$(free_port) \
    ANXIN_GATEWAY_METRICS_PORT=-1 \
    ANXIN_MQTT_MAX_KEEPALIVE=600 \
    ANXIN_GATEWAY_NODE=bench \
    java ${GATEWAY_JAVA_OPTS:-} -jar "$jar" >"$work/$label.log" 2>&1 &
  local anxin_pid=$!
  pids+=("$anxin_pid")
  bench "$label" "$anxin_port" "$anxin_pid" "$redis_pid"
  # What the gateway acked must be in Redis: every run's messages, plus ONLINE/OFFLINE events
  exec 3<>"/dev/tcp/127.0.0.1/$redis_port"
  printf 'INFO commandstats\r\n' >&3
  IFS= read -r -t 10 line <&3 # $<length>
  line=${line%$'\r'}
  head -c "${line#\$}" <&3 >"$out/$label-redis-commandstats.txt" || true
  exec 3>&-
  # after the stats, whose XRANGE it would add: a batch entry holds several events, so
  # bench/stream-events.py counts events (and entries) rather than XLEN
  read -r stored stored_entries < <(python3 "$root/bench/stream-events.py" "$redis_port")
  acked=$(cat "$out/loaders/$label-"{warmup,fixed,saturated}-*.json | jq -s 'map(.acked) | add')
  log "$label: Redis streams anxin:events:0-7 hold $stored events in $stored_entries entries; the gateway acked $acked messages (all runs)"
  echo "$label: Redis streams held $stored events in $stored_entries entries after the runs; acked (all runs): $acked" >>"$out/machine.txt"
  warnings=$(grep -c -E ' (WARN|ERROR) ' "$work/$label.log" || true)
  log "$label: gateway log: $warnings WARN/ERROR lines"
  grep -E ' (WARN|ERROR) ' "$work/$label.log" | head -5 >&2 || true
  stop_and_forget "$redis_pid"
}

[[ -z $OLD_GATEWAY_JAR ]] || anxin_system anxin-old "$OLD_GATEWAY_JAR"
if wants anxin; then anxin_system anxin "$gateway_jar"; fi

# --- the table ---------------------------------------------------------------------------------
systems=()
for system in mosquitto moquette; do wants $system && systems+=("$system"); done
[[ -z $OLD_GATEWAY_JAR ]] || systems+=(anxin-old)
if wants anxin; then systems+=(anxin); fi
mosquitto_json=$out/mosquitto.json
[[ -s $mosquitto_json ]] || mosquitto_json=/dev/null # without Mosquitto in SYSTEMS: no ratios ("–")
{
  echo "| system | offered $RATE/s: acked msgs/s | CPU-s per million msgs | ÷ Mosquitto | server cores | ack p50 / p99 / p99.9 ms (open loop) | sent late, p99 ms | loader cores | saturated msgs/s | ÷ Mosquitto | server cores | loader cores | errors |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for system in "${systems[@]}"; do
    file="$out/$system.json"
    if [[ ! -s $file ]]; then
      echo "| $system | no result | | | | | | | | | | | |"
      continue
    fi
    jq -r --slurpfile base "$mosquitto_json" '
      def ms(us): if us == null then "–" else ((us / 10 | round) / 100 | tostring) end;
      def ratio(a; b): if a == null or b == null or b == 0 then "–" else ((a / b * 100 | round) / 100 | tostring) end;
      def v(x): if x == null then "–" else (x | tostring) end;
      ($base[0] // {}) as $m | (.fixedRate // {}) as $f |
      "| \(.system) | \($f.msgsPerSecond // 0 | round) | \(v($f.serverCpuSecondsPerMillion)) | \(ratio($f.serverCpuSecondsPerMillion; $m.fixedRate.serverCpuSecondsPerMillion)) | \(v($f.serverCores)) | \(ms($f.ackP50Us)) / \(ms($f.ackP99Us)) / \(ms($f.ackP999Us)) | \(ms($f.sendLagP99Us)) | \(v($f.loaderCores)) | \(.msgsPerSecond | round) | \(ratio(.msgsPerSecond; $m.msgsPerSecond)) | \(v(.serverCores)) | \(v(.loaderCores)) | \(.errors + ($f.errors // 0)) |"' "$file"
  done
} >"$out/table.md"
echo
cat "$out/table.md"
echo
log "results: ${out#"$root"/}"
