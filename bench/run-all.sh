#!/usr/bin/env bash
# Every benchmark of the suite in one run, one after another, and ONE side-by-side summary:
#
#   bench/run-all.sh                                  # about 25 minutes on a 2-vCPU box
#   SCENARIOS=ingest,sos bench/run-all.sh             # only some of: ingest, idle, sos, dispatch
#
# 1. builds once: the platform, the gateway, device-sim and the Moquette launcher (and installs the
#    mosquitto Debian package when it is missing);
# 2. runs, with SKIP_BUILD=1 and RESULTS_DIR=bench/results/run-<UTC time>/<scenario>:
#    - ingest:   bench/mqtt-ingest.sh       QoS 1 ingest, 1,000 devices: Mosquitto, Moquette, Anxin (~5 min)
#    - idle:     bench/idle-connections.sh  100,000 idle connections on Anxin, 19,000 on each peer (~10 min)
#    - sos:      bench/sos-latency.sh       SOS press → operator screen under 10,000 devices, Anxin only (~4 min)
#    - dispatch: bench/dispatch.sh          dispatch decision latency, 50,000 responders, Anxin only (~2 min)
#    (each script's own defaults; their environment variables pass through);
# 3. writes bench/results/run-<UTC time>/summary.md (the side-by-side table, the machine, the date,
#    the load average before each measured part) and summary.json (the same, plus every scenario's
#    raw JSON).
# A scenario that fails is marked so in the summary; the others still run. Each script creates
# /tmp/anxin-bench-running while it measures (at most ~10 min each) and removes it after.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source bench/lib.sh

SCENARIOS=${SCENARIOS:-ingest,idle,sos,dispatch}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/results/run-$stamp"
mkdir -p "$out"
started=$SECONDS

command -v jq >/dev/null || apt-get install -y jq >/dev/null
if ! command -v mosquitto >/dev/null; then
  log "installing mosquitto (Debian package)"
  apt-get install -y mosquitto >/dev/null || { apt-get update >/dev/null && apt-get install -y mosquitto >/dev/null; }
fi

log "building the platform, the gateway, device-sim and the Moquette launcher (once)"
./mvnw -q -pl platform,gateway,device-sim -am package -DskipTests
./mvnw -q -f bench/moquette/pom.xml package
./mvnw -q -pl platform test-compile
export SKIP_BUILD=1

{
  machine_info
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "kernel: $(uname -sr)"
  echo "mosquitto: $(mosquitto -h 2>/dev/null | head -1)"
  echo "anxin: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "scenarios: $SCENARIOS"
} >"$out/machine.txt"

wants() { [[ ,$SCENARIOS, == *,$1,* ]]; }
declare -A status seconds

# scenario NAME SCRIPT: runs one benchmark script into $out/NAME, keeps its output and exit status
scenario() {
  local name=$1 script=$2 begin=$SECONDS code=0
  log "── $name: bench/$script"
  RESULTS_DIR="$out/$name" "bench/$script" >"$out/$name.out" 2>&1 || code=$?
  status[$name]=$code
  seconds[$name]=$((SECONDS - begin))
  log "── $name: exit $code after ${seconds[$name]} s (output in ${out#"$root"/}/$name.out)"
}

wants ingest && scenario mqtt-ingest mqtt-ingest.sh
wants idle && scenario idle-connections idle-connections.sh
wants sos && scenario sos-latency sos-latency.sh
wants dispatch && scenario dispatch dispatch.sh
echo "finished: $(date -u); $((SECONDS - started)) s in all" >>"$out/machine.txt"

# ---- the summary ------------------------------------------------------------------------------
json() { [[ -s $1 ]] && cat "$1" || echo null; }
jq -n \
  --arg date "$(date -u +%FT%TZ)" \
  --arg machine "$(cat "$out/machine.txt")" \
  --arg command "bench/run-all.sh${SCENARIOS:+ (SCENARIOS=$SCENARIOS)}" \
  --argjson totalSeconds $((SECONDS - started)) \
  --argjson status "$(for k in "${!status[@]}"; do echo "{\"$k\": {\"exit\": ${status[$k]}, \"seconds\": ${seconds[$k]}}}"; done | jq -s 'add // {}')" \
  --argjson mosquitto "$(json "$out/mqtt-ingest/mosquitto.json")" \
  --argjson moquette "$(json "$out/mqtt-ingest/moquette.json")" \
  --argjson anxin "$(json "$out/mqtt-ingest/anxin.json")" \
  --argjson idleAnxin "$(json "$out/idle-connections/anxin.json")" \
  --argjson idleMosquitto "$(json "$out/idle-connections/mosquitto.json")" \
  --argjson idleMoquette "$(json "$out/idle-connections/moquette.json")" \
  --argjson sos "$(json "$out/sos-latency/sos.json")" \
  --argjson dispatch "$(json "$out/dispatch/dispatch.json")" \
  '{date: $date, command: $command, machine: $machine, totalSeconds: $totalSeconds, scenarios: $status,
    mqttIngest: {mosquitto: $mosquitto, moquette: $moquette, anxin: $anxin},
    idleConnections: {anxin: $idleAnxin, mosquitto: $idleMosquitto, moquette: $idleMoquette},
    sosLatency: $sos, dispatch: $dispatch}' >"$out/summary.json"

jq -r '
  def v(x): if x == null then "–" else (x | tostring) end;
  def ms(us): if us == null then "–" else ((us / 10 | round) / 100 | tostring) end;
  def ratio(a; b): if a == null or b == null or b == 0 then "–" else ((a / b * 100 | round) / 100 | tostring) end;
  def part(p): if p == null then "–" else "\(p.pressed) presses: p50 \(v(p.p50Ms)) / p99 \(v(p.p99Ms)) / max \(v(p.maxMs))" end;
  .mqttIngest as $i | .idleConnections as $c | .sosLatency as $s | .dispatch as $d |
  "| scenario | measure | Anxin | Mosquitto | Moquette |",
  "| --- | --- | --- | --- | --- |",
  "| QoS 1 ingest: \(v($i.anxin.devices // $i.mosquitto.devices)) devices, \(v($i.anxin.inFlight // 1)) in flight each, \(v($i.anxin.durationSeconds // $i.mosquitto.durationSeconds)) s (Anxin: durable hand-off to Redis) | saturated msgs/s | \(v($i.anxin.msgsPerSecond)) | \(v($i.mosquitto.msgsPerSecond)) | \(v($i.moquette.msgsPerSecond)) |",
  "| | ÷ Mosquitto | \(ratio($i.anxin.msgsPerSecond; $i.mosquitto.msgsPerSecond)) | 1 | \(ratio($i.moquette.msgsPerSecond; $i.mosquitto.msgsPerSecond)) |",
  "| | ack p50 / p99 ms | \(ms($i.anxin.ackP50Us)) / \(ms($i.anxin.ackP99Us)) | \(ms($i.mosquitto.ackP50Us)) / \(ms($i.mosquitto.ackP99Us)) | \(ms($i.moquette.ackP50Us)) / \(ms($i.moquette.ackP99Us)) |",
  "| | errors | \(v($i.anxin.errors)) | \(v($i.mosquitto.errors)) | \(v($i.moquette.errors)) |",
  "| | server CPU, cores (Anxin: gateway + Redis) | \(v($i.anxin.serverCores)) | \(v($i.mosquitto.serverCores)) | \(v($i.moquette.serverCores)) |",
  "| | at a fixed \(v($i.anxin.fixedRate.rateTarget)) msgs/s, open loop: server CPU-s per million msgs | \(v($i.anxin.fixedRate.serverCpuSecondsPerMillion)) | \(v($i.mosquitto.fixedRate.serverCpuSecondsPerMillion)) | \(v($i.moquette.fixedRate.serverCpuSecondsPerMillion)) |",
  "| | at that rate: ack p50 / p99 / p99.9 ms | \(ms($i.anxin.fixedRate.ackP50Us)) / \(ms($i.anxin.fixedRate.ackP99Us)) / \(ms($i.anxin.fixedRate.ackP999Us)) | \(ms($i.mosquitto.fixedRate.ackP50Us)) / \(ms($i.mosquitto.fixedRate.ackP99Us)) / \(ms($i.mosquitto.fixedRate.ackP999Us)) | \(ms($i.moquette.fixedRate.ackP50Us)) / \(ms($i.moquette.fixedRate.ackP99Us)) / \(ms($i.moquette.fixedRate.ackP999Us)) |",
  "| Idle MQTT connections, keep-alive 60 s | connections held (processes) | \(v($c.anxin.connections)) (\(v($c.anxin.gateways))) | \(v($c.mosquitto.connections)) (1) | \(v($c.moquette.connections)) (1) |",
  "| | heap KiB / connection, after a full GC | \(v($c.anxin.heapKiBPerConnection)) | – (C, no heap) | \(v($c.moquette.heapKiBPerConnection)) |",
  "| | RSS KiB / connection | \(v($c.anxin.rssKiBPerConnection)) | \(v($c.mosquitto.rssKiBPerConnection)) | \(v($c.moquette.rssKiBPerConnection)) |",
  "| SOS press → operator screen (SSE), \(v($s.devices)) devices sending \(v($s.rateTarget)) positions/s in total (QoS 1) | all presses after the ramp, ms | \(part({pressed: $s.sosCount, p50Ms: $s.sosP50Ms, p99Ms: $s.sosP99Ms, maxMs: $s.sosMaxMs})) | – (no operator screen) | – |",
  "| | first \(v($s.sosWaveSeconds)) s after the ramp (reconnect wave), ms | \(part($s.sosWave)) | – | – |",
  "| | after that (steady state), ms | \(part($s.sosSteady)) | – | – |",
  "| | before the ramp, platform idle and just started, ms | \(part($s.sosWarmup)) | – | – |",
  "| | seen on the screen / pressed | \(v($s.sosSeen)) / \(v($s.sosCount)) | – | – |",
  "| Dispatch decision, \(v($d.responders)) responders, \(v($d.decisions)) decisions | p50 / p99 / max ms | \(if $d == null then "–" else "\(ms($d.p50Micros)) / \(ms($d.p99Micros)) / \(ms($d.maxMicros))" end) | – (no dispatcher) | – |"
' "$out/summary.json" >"$out/table.md"

{
  echo "# Benchmark run $stamp"
  echo
  echo "Command: \`bench/run-all.sh\`${SCENARIOS:+ (SCENARIOS=$SCENARIOS)}; $((SECONDS - started)) s in all."
  echo
  cat "$out/table.md"
  echo
  echo "Scenario exit status and time: $(for k in "${!status[@]}"; do printf '%s %s (%s s); ' "$k" "${status[$k]}" "${seconds[$k]}"; done)"
  echo
  echo "Load average (1, 5, 15 min) before each measured part:"
  echo
  for f in "$out"/*/machine.txt; do
    grep -h 'load average before' "$f" | sed "s|^|- $(basename "$(dirname "$f")"): |"
  done
  echo
  echo '```'
  cat "$out/machine.txt"
  echo '```'
} >"$out/summary.md"
cat "$out/summary.md"
log "results: ${out#"$root"/}"
