#!/usr/bin/env bash
# "3G" watch and GT06 ingest on the Anxin gateway (with a real Redis): how many acked messages a
# second, and the ack latency. Anxin only: Mosquitto and Moquette do not speak these protocols.
# A benchmark, not a test: ./mvnw verify never runs it.
#
#   bench/tcp-ingest.sh                         # 1,000 watches, then 1,000 GT06 trackers, 20 s each
#   DEVICES=2000 RATE=5000 DURATION=30 bench/tcp-ingest.sh
#
# Watch: each device logs in with an LK heartbeat, then sends LK heartbeats
# ([3G*8800000001*000A*LK,0,0,100]); the gateway answers each at once with [3G*8800000001*0002*LK]
# (and hands a HEARTBEAT event to Redis without waiting for it). GT06: login, then status packets
# (0x13), each acked 78 78 05 13 <serial> … at once. Ids: watches 88 + 8 digits, GT06 IMEIs
# 86 + 13 digits, registered in Redis as the platform would (protocol watch/gt06, seniorId 1).
# RATE 0 (default) keeps one message in flight per device. Results:
# bench/results/tcp-ingest-<UTC time>/{watch,gt06}.json, machine.txt, table.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

DEVICES=${DEVICES:-1000}
DURATION=${DURATION:-20}
RATE=${RATE:-0}

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=${RESULTS_DIR:-$root/bench/results/tcp-ingest-$stamp} # RESULTS_DIR: bench/run-all.sh
work=$(mktemp -d /tmp/anxin-tcp-ingest.XXXXXX)
source bench/lib.sh
bench_traps

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
command -v jq >/dev/null || apt-get install -y jq >/dev/null
build_jars gateway,device-sim
gateway_jar=$(ls gateway/target/gateway-*-exec.jar | head -1)
sim_jar=$(ls device-sim/target/device-sim-*-exec.jar | head -1)
redis_binary "$work"
mkdir -p "$out"

redis_port=$(free_port)
start_redis "$redis_port" "$work"
{
  for n in $(seq 1 "$DEVICES"); do
    printf 'HSET anxin:device:88%08d protocol watch seniorId 1\r\n' "$n"
    printf 'HSET anxin:device:86%013d protocol gt06 seniorId 1\r\n' "$n"
  done
  printf 'PING\r\n'
} >"$work/register.redis"
redis_register "$redis_port" "$work/register.redis" $((2 * DEVICES))

watch_port=$(free_port)
gt06_port=$(free_port)
ANXIN_REDIS_URL="redis://127.0.0.1:$redis_port" \
  ANXIN_GATEWAY_HOST=127.0.0.1 \
  ANXIN_MQTT_PORT=$(free_port) \
  ANXIN_WATCH_PORT=$watch_port \
  ANXIN_GT06_PORT=$gt06_port \
  ANXIN_GATEWAY_METRICS_PORT=-1 \
  ANXIN_GATEWAY_NODE=bench \
  java -jar "$gateway_jar" >"$work/gateway.log" 2>&1 &
gateway_pid=$!
pids+=("$gateway_pid")
wait_port "$watch_port" "$gateway_pid" gateway
wait_port "$gt06_port" "$gateway_pid" gateway

{
  machine_info
  echo "redis: $("$redis_bin" --version) ($redis_source)"
  echo "anxin: $(git rev-parse --short HEAD 2>/dev/null || echo unknown) ($gateway_jar)"
  echo "load: $DEVICES devices per protocol, rate $RATE (0 = one in flight per device), ${DURATION} s after a 10 s warm-up"
} >"$out/machine.txt"

mark_running
for protocol in watch gt06; do
  port=$watch_port
  [[ $protocol == gt06 ]] && port=$gt06_port
  for phase in warmup measured; do
    seconds=$DURATION
    json="$out/$protocol.json"
    [[ $phase == warmup ]] && { seconds=10; json="$work/$protocol-warmup.json"; }
    [[ $phase == measured ]] && echo "$protocol: load average before the measured run: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
    log "$protocol: $phase, $seconds s"
    timeout $((seconds + 120)) java -jar "$sim_jar" load --protocol "$protocol" --devices "$DEVICES" \
      --rate "$RATE" --duration "$seconds" --host 127.0.0.1 --port "$port" \
      --label "anxin-$protocol" --json-out "$json" >"$work/load-$protocol-$phase.log" 2>&1 || log "$protocol $phase: load exited $?"
    grep -E 'msgs/s|ack latency|errors  ' "$work/load-$protocol-$phase.log" | sed 's/^/    /' >&2 || true
  done
done
release_marker
echo "gateway log: $(grep -c -E ' (WARN|ERROR) ' "$work/gateway.log" || true) WARN/ERROR lines" >>"$out/machine.txt"
echo "uptime after: $(uptime)" >>"$out/machine.txt"

{
  echo "| protocol | devices | msgs/s | ack p50 ms | ack p99 ms | ack p99.9 ms | errors |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for protocol in watch gt06; do
    jq -r 'def ms(us): if us == null then "–" else ((us / 10 | round) / 100 | tostring) end;
      "| \(.protocol) | \(.devices) | \(.msgsPerSecond | round) | \(ms(.ackP50Us)) | \(ms(.ackP99Us)) | \(ms(.ackP999Us)) | \(.errors) |"' "$out/$protocol.json"
  done
} >"$out/table.md"
echo
cat "$out/table.md"
echo
log "results: ${out#"$root"/}"
