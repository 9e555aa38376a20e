#!/usr/bin/env bash
# Memory per idle MQTT connection: 100,000 connections held on the Anxin gateway, and the same for
# Mosquitto and Moquette at the largest count one process can hold here. A benchmark, not a test:
# ./mvnw verify never runs it.
#
#   bench/idle-connections.sh                   # 100,000 on 6 gateways; 19,000 on Mosquitto and Moquette
#   TOTAL=30000 GATEWAYS=2 LOADERS=2 PEER_COUNT=5000 bench/idle-connections.sh
#   SYSTEMS=anxin RAMP=150 bench/idle-connections.sh      # only the Anxin part, a slower ramp
#
# One process may hold at most 20,000 sockets here (`ulimit -n` hard limit), and one source address
# has ~28k ephemeral ports. So the Anxin side runs GATEWAYS gateway processes sharing one MQTT port
# (the gateway sets SO_REUSEPORT; the kernel spreads connections over them) against one Redis, and
# LOADERS `device-sim load --idle true` processes, each with its own two source addresses
# (127.0.0.<10+2k>, 127.0.0.<11+2k>). Every device is registered in Redis as the platform would
# (`anxin:device:idle<k>-<n>`: protocol mqtt, seniorId 1, secretSha256), so every CONNECT is a real
# credential check. Keep-alive 60 s (a PINGREQ every 30 s); the connections are held HOLD s after
# each loader's ramp. Once all loaders hold, each server process is measured: a full GC
# (`jcmd PID GC.run`), heap used after it (`jcmd PID GC.heap_info`), VmRSS from /proc/PID/status, and
# its established connections (`ss -tnp`); the same before any connection gives the baseline.
# Mosquitto (C: no heap, RSS only) and Moquette hold PEER_COUNT connections from one loader.
# Results: bench/results/idle-connections-<UTC time>/{anxin,mosquitto,moquette}.json, machine.txt,
# table.md. Every process it starts is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

TOTAL=${TOTAL:-100000}
GATEWAYS=${GATEWAYS:-6}
LOADERS=${LOADERS:-6}
HOLD=${HOLD:-60}
PEER_COUNT=${PEER_COUNT:-19000}
RAMP=${RAMP:-150}                # connections/s per loader (6 × 600/s overran the gateways' CONNACKs)
SYSTEMS=${SYSTEMS:-anxin,mosquitto,moquette}
KEEPALIVE=60

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=${RESULTS_DIR:-$root/bench/results/idle-connections-$stamp} # RESULTS_DIR: bench/run-all.sh
work=$(mktemp -d /tmp/anxin-idle-connections.XXXXXX)
source bench/lib.sh
bench_traps

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
log "open files limit: $(ulimit -n)"
command -v jq >/dev/null || apt-get install -y jq >/dev/null
if ! command -v mosquitto >/dev/null; then
  log "installing mosquitto (Debian package)"
  apt-get install -y mosquitto >/dev/null || { apt-get update >/dev/null && apt-get install -y mosquitto >/dev/null; }
fi
mosquitto_bin=$(command -v mosquitto)

build_gateway_sim_moquette
redis_binary "$work"

mkdir -p "$out"
load_secret "$work"
per_loader=$(((TOTAL + LOADERS - 1) / LOADERS))
{
  machine_info
  echo "mosquitto: $("$mosquitto_bin" -h 2>/dev/null | head -1)"
  echo "moquette: $(sed -n 's:.*<moquette.version>\(.*\)</moquette.version>.*:\1:p' bench/moquette/pom.xml)"
  echo "redis: $("$redis_bin" --version) ($redis_source)"
  echo "anxin: $(git rev-parse --short HEAD 2>/dev/null || echo unknown) ($gateway_jar)"
  echo "load: anxin $TOTAL connections ($LOADERS loaders × $per_loader, $GATEWAYS gateways); peers $PEER_COUNT; keep-alive ${KEEPALIVE} s; hold ${HOLD} s after each ramp; ramp $RAMP/s per loader"
  echo "ulimit -n: $(ulimit -n); ip_local_port_range: $(cat /proc/sys/net/ipv4/ip_local_port_range); somaxconn: $(cat /proc/sys/net/core/somaxconn)"
} >"$out/machine.txt"

# --- measuring ---------------------------------------------------------------------------------
heap_used_kib() { jcmd "$1" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'; }
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
# connections PORT: "count pid" lines for the established connections on that server port
connections() { { ss -Htnp state established "( sport = :$1 )" | grep -oE 'pid=[0-9]+' || true; } | sort | uniq -c | awk '{sub("pid=", "", $2); print $1, $2}'; }
# held_by PORT PID: from the table `connections` made last (ss -p over 100k sockets takes a while)
held_by() { awk -v pid="$2" '$2 == pid {print $1}' <<<"$conn_table" | head -1; }

# snapshot PID [jvm]: "heapKiB rssKiB" (heap 0 for a native process) after a full GC
snapshot() {
  local pid=$1 kind=${2:-jvm} heap=0
  if [[ $kind == jvm ]]; then
    jcmd "$pid" GC.run >/dev/null 2>&1 || true
    sleep 1
    heap=$(heap_used_kib "$pid")
  fi
  echo "${heap:-0} $(rss_kib "$pid")"
}

# json_row LABEL PID PORT BEFORE(heap rss) AFTER(heap rss): one measured process as JSON
json_row() {
  local label=$1 pid=$2 port=$3 held
  read -r heap0 rss0 <<<"$4"
  read -r heap1 rss1 <<<"$5"
  held=$(held_by "$port" "$pid")
  jq -n --arg system "$label" --argjson pid "$pid" --argjson held "${held:-0}" \
    --argjson heap0 "$heap0" --argjson rss0 "$rss0" --argjson heap1 "$heap1" --argjson rss1 "$rss1" '
    def per(x): if $held > 0 then ((x / $held * 100 | round) / 100) else null end;
    {system: $system, pid: $pid, connections: $held,
     heapUsedBeforeKiB: $heap0, heapUsedKiB: $heap1, rssBeforeKiB: $rss0, rssKiB: $rss1,
     heapKiBPerConnection: per($heap1), heapDeltaKiBPerConnection: per($heap1 - $heap0),
     rssKiBPerConnection: per($rss1), rssDeltaKiBPerConnection: per($rss1 - $rss0)}'
}

# wait_holding LOG...: until every loader log says it is holding (or its process ended)
wait_holding() {
  local deadline=$((SECONDS + 600)) log_file all
  while ((SECONDS < deadline)); do
    all=1
    for log_file in "$@"; do
      grep -q 'holding .* connections idle' "$log_file" 2>/dev/null || all=0
    done
    ((all)) && return 0
    sleep 1
  done
  log "not every loader reached its idle phase within 600 s"
  return 1
}

# start_loader K DEVICES PORT PREFIX SECRET_ARGS...: one idle loader in the background; sets loader_pid
start_loader() {
  local k=$1 devices=$2 port=$3 prefix=$4 ramp=$5
  shift 5
  local a=$((10 + 2 * k)) b=$((11 + 2 * k))
  timeout $((HOLD + 900)) java -jar "$sim_jar" load --devices "$devices" --idle true --duration "$HOLD" \
    --keep-alive "$KEEPALIVE" --qos 0 --host 127.0.0.1 --port "$port" --ramp-per-second "$ramp" \
    --source-addresses "127.0.0.$a,127.0.0.$b" --id-prefix "$prefix" --threads 1 "$@" \
    --label "$prefix" --json-out "$work/load-$prefix.json" >"$work/load-$prefix.log" 2>&1 &
  loader_pid=$!
  pids+=("$loader_pid")
}

wants() { [[ ,$SYSTEMS, == *,$1,* ]]; }

# --- Anxin: Redis, GATEWAYS gateways on one port, LOADERS loaders -------------------------------
anxin() {
redis_port=$(free_port)
start_redis "$redis_port" "$work"
{
  for k in $(seq 1 "$LOADERS"); do
    for n in $(seq 1 "$per_loader"); do
      printf 'HSET anxin:device:idle%d-%d protocol mqtt seniorId 1 secretSha256 %s\r\n' "$k" "$n" "$secret_sha256"
    done
  done
  printf 'PING\r\n'
} >"$work/register.redis"
redis_register "$redis_port" "$work/register.redis" $((per_loader * LOADERS))

mqtt_port=$(free_port)
gateway_pids=()
for g in $(seq 1 "$GATEWAYS"); do
  ANXIN_REDIS_URL="redis://127.0.0.1:$redis_port" \
    ANXIN_GATEWAY_HOST=127.0.0.1 \
    ANXIN_MQTT_PORT=$mqtt_port \
    ANXIN_WATCH_PORT=$(free_port) \
    ANXIN_GT06_PORT=$(free_port) \
    ANXIN_GATEWAY_METRICS_PORT=-1 \
    ANXIN_GATEWAY_NODE="idle-$g" \
    java -jar "$gateway_jar" >"$work/gateway-$g.log" 2>&1 &
  gateway_pids+=($!)
  pids+=($!)
done
for pid in "${gateway_pids[@]}"; do
  wait_port "$mqtt_port" "$pid" gateway 600
done
sleep 5 # every gateway bound: the port answers once the first one listens
log "$GATEWAYS gateways on 127.0.0.1:$mqtt_port (SO_REUSEPORT), Redis on $redis_port"
declare -A before
for pid in "${gateway_pids[@]}"; do
  before[$pid]=$(snapshot "$pid")
done

mark_running
echo "anxin: load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
loader_logs=()
loader_pids=()
for k in $(seq 1 "$LOADERS"); do
  start_loader "$k" "$per_loader" "$mqtt_port" "idle$k-" "$RAMP" --secret-file "$work/secret"
  loader_pids+=("$loader_pid")
  loader_logs+=("$work/load-idle$k-.log")
done
wait_holding "${loader_logs[@]}" || true
sleep 5
log "anxin: all loaders hold; measuring the gateways"
echo "anxin: load average while holding: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
rows=()
conn_table=$(connections "$mqtt_port")
for pid in "${gateway_pids[@]}"; do
  rows+=("$(json_row anxin-gateway "$pid" "$mqtt_port" "${before[$pid]}" "$(snapshot "$pid")")")
done
redis_rss=$(rss_kib "$redis_pid")
for pid in "${loader_pids[@]}"; do
  wait "$pid" || log "loader $pid exited $?"
  stop_and_forget "$pid"
done
release_marker
loads=$(for k in $(seq 1 "$LOADERS"); do cat "$work/load-idle$k-.json" 2>/dev/null || true; done | jq -s '.')
printf '%s\n' "${rows[@]}" | jq -s --argjson loads "$loads" --argjson redisRssKiB "$redis_rss" '
  {system: "anxin", gateways: length, connections: (map(.connections) | add),
   heapKiBPerConnection: (((map(.heapUsedKiB) | add) / (map(.connections) | add) * 100 | round) / 100),
   heapDeltaKiBPerConnection: ((((map(.heapUsedKiB) | add) - (map(.heapUsedBeforeKiB) | add)) / (map(.connections) | add) * 100 | round) / 100),
   rssKiBPerConnection: (((map(.rssKiB) | add) / (map(.connections) | add) * 100 | round) / 100),
   rssDeltaKiBPerConnection: ((((map(.rssKiB) | add) - (map(.rssBeforeKiB) | add)) / (map(.connections) | add) * 100 | round) / 100),
   redisRssKiB: $redisRssKiB, processes: ., loaders: ($loads | map({system, devices, connected, connectFailures, errors, errorKinds, connectPerSecond, rampSeconds}))}' \
  >"$out/anxin.json"
for pid in "${gateway_pids[@]}"; do
  stop_and_forget "$pid"
done
stop_and_forget "$redis_pid"
}
if wants anxin; then
  anxin
fi

# --- a peer broker: one process, PEER_COUNT connections from one loader ------------------------
peer() {
  local label=$1 port=$2 pid=$3 kind=$4 ramp=$5 snap0 row
  wait_port "$port" "$pid" "$label" 600
  sleep 3
  snap0=$(snapshot "$pid" "$kind")
  mark_running
  echo "$label: load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
  start_loader 0 "$PEER_COUNT" "$port" "$label-" "$ramp"
  wait_holding "$work/load-$label-.log" || true
  sleep 5
  log "$label: holding; measuring"
  conn_table=$(connections "$port")
  row=$(json_row "$label" "$pid" "$port" "$snap0" "$(snapshot "$pid" "$kind")")
  wait "$loader_pid" || log "$label loader exited $?"
  stop_and_forget "$loader_pid"
  release_marker
  jq --slurpfile load "$work/load-$label-.json" '. + {loader: ($load[0] | {devices, connected, connectFailures, errors, errorKinds, connectPerSecond, rampSeconds})}' \
    <<<"$row" >"$out/$label.json"
  stop_and_forget "$pid"
}

if wants mosquitto; then
mosquitto_port=$(free_port)
cat >"$work/mosquitto.conf" <<EOC
listener $mosquitto_port 127.0.0.1
allow_anonymous true
persistence false
max_connections -1
log_dest stdout
log_type error
log_type warning
connection_messages false
EOC
"$mosquitto_bin" -c "$work/mosquitto.conf" >"$work/mosquitto.log" 2>&1 &
pids+=($!)
log "mosquitto on 127.0.0.1:$mosquitto_port: $PEER_COUNT connections"
peer mosquitto "$mosquitto_port" $! native 700
fi

if wants moquette; then
moquette_port=$(free_port)
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$moquette_cp" org.anxin.bench.MoquetteLauncher \
  127.0.0.1 "$moquette_port" >"$work/moquette.log" 2>&1 &
pids+=($!)
log "moquette on 127.0.0.1:$moquette_port: $PEER_COUNT connections"
peer moquette "$moquette_port" $! jvm 400
fi
echo "uptime after: $(uptime)" >>"$out/machine.txt"

# --- the table ---------------------------------------------------------------------------------
{
  echo "| system | processes | connections held | heap KiB / conn (after full GC) | heap Δ KiB / conn | RSS KiB / conn | RSS Δ KiB / conn |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  [[ -s $out/anxin.json ]] && jq -r '"| anxin gateway | \(.gateways) | \(.connections) | \(.heapKiBPerConnection) | \(.heapDeltaKiBPerConnection) | \(.rssKiBPerConnection) | \(.rssDeltaKiBPerConnection) |"' "$out/anxin.json"
  [[ -s $out/mosquitto.json ]] && jq -r '"| mosquitto | 1 | \(.connections) | – (C) | – | \(.rssKiBPerConnection) | \(.rssDeltaKiBPerConnection) |"' "$out/mosquitto.json"
  [[ -s $out/moquette.json ]] && jq -r '"| moquette | 1 | \(.connections) | \(.heapKiBPerConnection) | \(.heapDeltaKiBPerConnection) | \(.rssKiBPerConnection) | \(.rssDeltaKiBPerConnection) |"' "$out/moquette.json"
  if [[ -s $out/anxin.json ]]; then
    echo
    echo "| anxin gateway pid | connections | heap used KiB before → after | RSS KiB before → after |"
    echo "| --- | --- | --- | --- |"
    jq -r '.processes[] | "| \(.pid) | \(.connections) | \(.heapUsedBeforeKiB) → \(.heapUsedKiB) | \(.rssBeforeKiB) → \(.rssKiB) |"' "$out/anxin.json"
  fi
} >"$out/table.md"
echo
cat "$out/table.md"
echo
log "results: ${out#"$root"/}"
