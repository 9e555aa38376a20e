#!/usr/bin/env bash
# Reconnect storm: DEVICES MQTT devices connected to the Anxin gateway(s); every gateway is killed
# (kill -9) and started again at once; every device reconnects with the backoff real devices use
# (`device-sim storm`: 1 s doubling to a 60 s cap, each wait random in its upper half, reset on
# success; a "server busy" answer is one more failed attempt). Measured per device: when it was
# back. Run once with the gateway's admission control on and once off (ANXIN_MQTT_ADMISSION),
# side by side in one run. A benchmark, not a test: ./mvnw verify never runs it.
#
#   bench/reconnect-storm.sh                         # 100,000 devices, 6 gateways, 6 loaders, on then off
#   DEVICES=20000 GATEWAYS=2 LOADERS=2 bench/reconnect-storm.sh
#   MODES=on bench/reconnect-storm.sh                # only with admission control
#
# One process may hold at most 20,000 sockets here (`ulimit -n` hard limit) and one source address
# has ~28k ephemeral ports, so: GATEWAYS gateway processes share one MQTT port (SO_REUSEPORT), one
# Redis; LOADERS `device-sim storm` processes, each from its own two loopback source addresses
# (a fresh pair per mode: the previous mode's ports sit in TIME_WAIT). Every device is registered in
# Redis as the platform would (`anxin:device:storm<k>-<n>`: protocol mqtt, secretSha256), so every
# CONNECT is a real credential check; half the devices speak MQTT 5, half 3.1.1.
# Reported per mode: seconds from the kill to 50 / 99 / 100 % of the devices back (over all
# DEVICES: a device not back counts as never), devices left out, CONNACK busy / unavailable
# answers, CONNACK timeouts (the device waited CONNACK_TIMEOUT s), TCP connects refused while no
# gateway listened, attempts; CPU seconds from the kill until all were back: loaders (their own
# count), the restarted gateways (from their start, JVM start included) and Redis.
# Results: bench/results/reconnect-storm-<UTC time>/{on,off}.json, machine.txt, table.md. Every
# process it starts is stopped by its PID; every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

DEVICES=${DEVICES:-100000}
GATEWAYS=${GATEWAYS:-6}
LOADERS=${LOADERS:-6}
RAMP=${RAMP:-200}                 # first connects/s per loader, before the storm
MODES=${MODES:-on,off}
MAX_WAIT=${MAX_WAIT:-300}         # after the kill, how long devices try before the run gives up
CONNACK_TIMEOUT=${CONNACK_TIMEOUT:-10}
BACKOFF_BASE=${BACKOFF_BASE:-1}
BACKOFF_CAP=${BACKOFF_CAP:-60}
MQTT5_PERCENT=${MQTT5_PERCENT:-50}
KEEPALIVE=60

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=${RESULTS_DIR:-$root/bench/results/reconnect-storm-$stamp}
work=$(mktemp -d /tmp/anxin-reconnect-storm.XXXXXX)
source bench/lib.sh
bench_traps

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
wait_bench_free
command -v jq >/dev/null || apt-get install -y jq >/dev/null
build_jars gateway,device-sim
gateway_jar=$(ls gateway/target/gateway-*-exec.jar | head -1)
sim_jar=$(ls device-sim/target/device-sim-*-exec.jar | head -1)
redis_binary "$work"
mkdir -p "$out"
load_secret "$work"
per_loader=$(((DEVICES + LOADERS - 1) / LOADERS))
total=$((per_loader * LOADERS))
{
  machine_info
  echo "redis: $("$redis_bin" --version) ($redis_source)"
  echo "anxin: $(git rev-parse --short HEAD 2>/dev/null || echo unknown) ($gateway_jar)"
  echo "load: $total devices ($LOADERS loaders × $per_loader, $MQTT5_PERCENT % MQTT 5), $GATEWAYS gateways; ramp $RAMP/s per loader; backoff $BACKOFF_BASE s doubling to $BACKOFF_CAP s; CONNACK timeout $CONNACK_TIMEOUT s; max wait $MAX_WAIT s"
  echo "ulimit -n: $(ulimit -n); ip_local_port_range: $(cat /proc/sys/net/ipv4/ip_local_port_range); somaxconn: $(cat /proc/sys/net/core/somaxconn)"
} >"$out/machine.txt"

# cpu_ticks PID: utime + stime in clock ticks (0 if gone)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
ticks=$(getconf CLK_TCK)
now_ms() { date +%s%3N; }

redis_port=$(free_port)
start_redis "$redis_port" "$work"
{
  for k in $(seq 1 "$LOADERS"); do
    for n in $(seq 1 "$per_loader"); do
      printf 'HSET anxin:device:storm%d-%d protocol mqtt seniorId 1 secretSha256 %s\r\n' "$k" "$n" "$secret_sha256"
    done
  done
  printf 'PING\r\n'
} >"$work/register.redis"
redis_register "$redis_port" "$work/register.redis" "$total"
mqtt_port=$(free_port)

# start_gateways MODE TAG: GATEWAYS gateways on the one MQTT port; sets gateway_pids
start_gateways() {
  local mode=$1 tag=$2 g
  gateway_pids=()
  for g in $(seq 1 "$GATEWAYS"); do
    ANXIN_REDIS_URL="redis://127.0.0.1:$redis_port" \
      ANXIN_GATEWAY_HOST=127.0.0.1 \
      ANXIN_MQTT_PORT=$mqtt_port \
      ANXIN_WATCH_PORT=$(free_port) \
      ANXIN_GT06_PORT=$(free_port) \
      ANXIN_MQTT_WS_PORT=-1 \
      ANXIN_GATEWAY_METRICS_PORT=-1 \
      ANXIN_GATEWAY_NODE="storm-$g" \
      ANXIN_MQTT_ADMISSION=$mode \
      java -jar "$gateway_jar" >"$work/gateway-$tag-$g.log" 2>&1 &
    gateway_pids+=($!)
    pids+=($!)
  done
}

# wait_files SECONDS FILE...: until every file exists (or the time is up)
wait_files() {
  local deadline=$((SECONDS + $1)) f all
  shift
  while ((SECONDS < deadline)); do
    all=1
    for f in "$@"; do [[ -s $f ]] || all=0; done
    ((all)) && return 0
    sleep 0.5
  done
  return 1
}

# wait_logs SECONDS PATTERN LOG...: until every log has the pattern (or the time is up)
wait_logs() {
  local deadline=$((SECONDS + $1)) pattern=$2 f all
  shift 2
  while ((SECONDS < deadline)); do
    all=1
    for f in "$@"; do grep -q "$pattern" "$f" 2>/dev/null || all=0; done
    ((all)) && return 0
    sleep 0.2
  done
  return 1
}

m=0
for mode in ${MODES//,/ }; do
  m=$((m + 1))
  log "mode $mode: starting $GATEWAYS gateways (ANXIN_MQTT_ADMISSION=$mode)"
  start_gateways "$mode" "$mode-a"
  for pid in "${gateway_pids[@]}"; do wait_port "$mqtt_port" "$pid" gateway 600; done
  sleep 5 # every gateway bound: the port answers once the first one listens
  mark_running
  loader_pids=()
  ready_files=()
  loader_logs=()
  for k in $(seq 1 "$LOADERS"); do
    a=$((10 + 2 * k)) b=$((11 + 2 * k))
    timeout $((MAX_WAIT + 900)) java -jar "$sim_jar" storm --devices "$per_loader" --host 127.0.0.1 --port "$mqtt_port" \
      --source-addresses "127.0.$m.$a,127.0.$m.$b" --secret-file "$work/secret" --id-prefix "storm$k-" \
      --mqtt5-percent "$MQTT5_PERCENT" --ramp-per-second "$RAMP" --keep-alive "$KEEPALIVE" \
      --connack-timeout "$CONNACK_TIMEOUT" --backoff-base "$BACKOFF_BASE" --backoff-cap "$BACKOFF_CAP" \
      --outage-wait 900 --max-wait "$MAX_WAIT" --threads 1 --label "$mode-$k" \
      --ready-file "$work/ready-$mode-$k" --json-out "$work/storm-$mode-$k.json" \
      --per-device-out "$work/devices-$mode-$k.txt" >"$work/storm-$mode-$k.log" 2>&1 &
    loader_pids+=($!)
    pids+=($!)
    ready_files+=("$work/ready-$mode-$k")
    loader_logs+=("$work/storm-$mode-$k.log")
  done
  wait_files $((per_loader / RAMP + MAX_WAIT + 60)) "${ready_files[@]}" || log "mode $mode: not every loader got ready"
  connected_before=$(cat "${ready_files[@]}" 2>/dev/null | awk '{s += $1} END {print s + 0}')
  log "mode $mode: $connected_before of $total connected; settling 5 s, then kill -9 of every gateway"
  sleep 5
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "$mode: load average before the kill: $load_before" >>"$out/machine.txt"
  redis_ticks0=$(cpu_ticks "$redis_pid")
  kill_ms=$(now_ms)
  for pid in "${gateway_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${gateway_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  old_pids=("${gateway_pids[@]}")
  for pid in "${old_pids[@]}"; do stop_and_forget "$pid"; done
  start_gateways "$mode" "$mode-b"
  for pid in "${gateway_pids[@]}"; do wait_port "$mqtt_port" "$pid" gateway 600 || true; done
  listening_ms=$(now_ms)
  log "mode $mode: restarted gateways accept connections $(((listening_ms - kill_ms)))ms after the kill"
  wait_logs $((MAX_WAIT + 30)) 'storm end' "${loader_logs[@]}" || log "mode $mode: a loader did not finish in time"
  end_ms=$(now_ms)
  gateway_cpu=0
  for pid in "${gateway_pids[@]}"; do gateway_cpu=$((gateway_cpu + $(cpu_ticks "$pid"))); done
  redis_cpu=$(($(cpu_ticks "$redis_pid") - redis_ticks0))
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  for pid in "${loader_pids[@]}"; do
    wait "$pid" || log "mode $mode: loader $pid exited $?"
    stop_and_forget "$pid"
  done
  release_marker
  # seconds from the kill to each device's return; a device never back is +inf
  cat "$work"/devices-"$mode"-*.txt | awk -v k="$kill_ms" '{ if ($3 < 0) print "inf"; else printf "%.3f\n", ($3 - k) / 1000 }' |
    sort -g >"$work/back-$mode.txt"
  quantile() { awk -v q="$1" -v n="$total" 'NR == int(q * n + 0.999999) {print; exit}' "$work/back-$mode.txt"; }
  p50=$(quantile 0.5) p99=$(quantile 0.99) p100=$(quantile 1.0)
  # the same from the moment the restarted gateways listened (the JVMs' start is not the storm's)
  l50=$(awk -v s="$p50" -v l=$((listening_ms - kill_ms)) 'BEGIN { if (s == "inf" || s == "") print "inf"; else printf "%.3f", s - l / 1000 }')
  l99=$(awk -v s="$p99" -v l=$((listening_ms - kill_ms)) 'BEGIN { if (s == "inf" || s == "") print "inf"; else printf "%.3f", s - l / 1000 }')
  l100=$(awk -v s="$p100" -v l=$((listening_ms - kill_ms)) 'BEGIN { if (s == "inf" || s == "") print "inf"; else printf "%.3f", s - l / 1000 }')
  loaders=$(jq -s '.' "$work"/storm-"$mode"-*.json 2>/dev/null || echo '[]')
  jq -n --arg mode "$mode" --argjson devices "$total" --argjson gateways "$GATEWAYS" \
    --argjson connectedBefore "$connected_before" --arg loadBefore "$load_before" --arg loadAfter "$load_after" \
    --argjson restartMs $((listening_ms - kill_ms)) --argjson untilEndMs $((end_ms - kill_ms)) \
    --arg p50 "$p50" --arg p99 "$p99" --arg p100 "$p100" --arg l50 "$l50" --arg l99 "$l99" --arg l100 "$l100" \
    --argjson gatewayCpu "$(awk -v t="$gateway_cpu" -v h="$ticks" 'BEGIN {print t / h}')" --argjson redisCpu "$(awk -v t="$redis_cpu" -v h="$ticks" 'BEGIN {print t / h}')" \
    --argjson loaders "$loaders" '
    def num(s): if s == "inf" or s == "" then null else (s | tonumber) end;
    def sum(f): ($loaders | map(f // 0) | add) // 0;
    {admission: $mode, devices: $devices, gateways: $gateways, connectedBeforeKill: $connectedBefore,
     loadAverageBefore: $loadBefore, loadAverageAfter: $loadAfter,
     gatewaysListeningMsAfterKill: $restartMs,
     backSecondsAfterKill: {p50: num($p50), p99: num($p99), all: num($p100)},
     backSecondsAfterListening: {p50: num($l50), p99: num($l99), all: num($l100)},
     back: sum(.back), leftOut: ($devices - sum(.back)),
     connAckBusy: sum(.storm.connAckBusy), connAckUnavailable: sum(.storm.connAckUnavailable),
     connAckUnavailable5: sum(.storm.connAckUnavailable5), connAckTimeouts: sum(.storm.connAckTimeouts),
     closedBeforeConnAck: sum(.storm.closedBeforeConnAck), connectRefused: sum(.storm.connectRefused),
     connectTimeouts: sum(.storm.connectTimeouts), connectFailed: sum(.storm.connectFailed),
     attempts: sum(.storm.attempts),
     cpuSeconds: {loaders: ((sum(.loaderCpuSeconds) * 10 | round) / 10),
                  gateways: (($gatewayCpu * 10 | round) / 10), redis: (($redisCpu * 10 | round) / 10)},
     measuredForMs: $untilEndMs,
     loaderRuns: $loaders}' >"$out/$mode.json"
  log "mode $mode: $(jq -c '{backSecondsAfterKill, leftOut, connAckBusy, connAckUnavailable, connAckTimeouts, cpuSeconds}' "$out/$mode.json")"
  for pid in "${gateway_pids[@]}"; do stop_and_forget "$pid"; done
  sleep 5
done
echo "uptime after: $(uptime)" >>"$out/machine.txt"

{
  echo "| admission control | devices | connected before the kill | gateways listening after (s) | 50 % / 99 % / all back after the kill (s) | the same after the gateways listened (s) | left out | CONNACK busy (MQTT 5 0x89) | CONNACK unavailable (3.1.1 0x03 / 5 0x88) | CONNACK timeouts | TCP refused | attempts | CPU s: loaders / gateways / Redis | load average before |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for mode in ${MODES//,/ }; do
    [[ -s $out/$mode.json ]] && jq -r '"| \(.admission) | \(.devices) | \(.connectedBeforeKill) | \(.gatewaysListeningMsAfterKill / 1000) | \(.backSecondsAfterKill.p50 // "–") / \(.backSecondsAfterKill.p99 // "–") / \(.backSecondsAfterKill.all // "never") | \(.backSecondsAfterListening.p50 // "–") / \(.backSecondsAfterListening.p99 // "–") / \(.backSecondsAfterListening.all // "never") | \(.leftOut) | \(.connAckBusy) | \(.connAckUnavailable) / \(.connAckUnavailable5) | \(.connAckTimeouts) | \(.connectRefused) | \(.attempts) | \(.cpuSeconds.loaders) / \(.cpuSeconds.gateways) / \(.cpuSeconds.redis) | \(.loadAverageBefore) |"' "$out/$mode.json"
  done
} >"$out/table.md"
echo
cat "$out/table.md"
echo
log "results: ${out#"$root"/}"
