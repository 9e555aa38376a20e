#!/usr/bin/env bash
# Fault drill: the cluster of `./anxin cluster` (standalone PostgreSQL and Redis, two platform nodes,
# two gateways, HAProxy) under a load of MQTT buttons and GT06 trackers that retry every event until
# it is acknowledged (device-sim drill). While the load runs, each fault in turn: kill -9 of gateway A,
# of platform node 1, of Redis, of PostgreSQL (the postmaster and its backends); each is restarted
# after DOWN seconds. Then every acknowledged event is counted against device_events: lost (acked,
# not stored), duplicated (stored twice), and the time to recover per fault (from the kill until the
# acks per second are back to 90 % of the rate before it, three seconds running).
#
# Needs: java, haproxy, psql (Debian: apt-get install haproxy postgresql-client), python3.
# Uses the cluster's fixed ports (25432, 26379, 18081-18082, 21883-21884, 25023-25024, ...) and its
# own scratch data directory; stops everything it started on exit.
# Usage: bench/drill.sh   (MQTT_DEVICES=100 GT06_DEVICES=100 STEADY=40 DOWN=5 DRAIN=90 to change;
#                          KEEP=1 keeps the scratch directory with every log)
# Writes bench/results/drill-<UTC time>.json (DRILL_RESULT=FILE: there instead) and prints the
# table for docs/reliability.md.
set -euo pipefail
DRILL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../anxin
source "$DRILL_ROOT/anxin"
cd "$DRILL_ROOT"

for tool in java haproxy psql python3 curl; do
  command -v "$tool" >/dev/null || { echo "drill: needs $tool (Debian: apt-get install haproxy postgresql-client)"; exit 1; }
done

MQTT_DEVICES="${MQTT_DEVICES:-100}" GT06_DEVICES="${GT06_DEVICES:-100}"
STEADY="${STEADY:-40}" DOWN="${DOWN:-5}" DRAIN="${DRAIN:-90}"
WORK="$(mktemp -d /tmp/anxin-drill-XXXXXX)"
chmod 755 "$WORK"
export ANXIN_DATA_DIR="$WORK" ANXIN_ADMIN_PASSWORD="drill-admin-$$-$RANDOM"
PORT=28080 MQTT_PORT=22883 GT06_PORT=22023 WATCH_PORT=22093 WS_PORT=22083
DATA_DIR="$WORK/cluster" LOGS="$WORK/cluster/logs" OUT="$WORK/load"
STAMP="$(date -u +%Y%m%d-%H%M)"
RESULT="${DRILL_RESULT:-$DRILL_ROOT/bench/results/drill-$STAMP.json}"
mkdir -p "$DATA_DIR" "$OUT" "$(dirname "$RESULT")"

now_ms() { date +%s%3N; }
psql_anxin() { PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$CLUSTER_PG_PORT" -U postgres -d anxin -XAt -F $'\t' "$@"; }
# took_place_of OLD: the process just started (last in PIDS) takes OLD's place in PIDS, so that the
# stop at the end still goes in reverse start order (balancer, gateways, nodes, then the servers);
# the new PID is left in NEW_PID (not printed: a $(…) subshell would not change PIDS)
took_place_of() {
  local old="$1" new="${PIDS[${#PIDS[@]} - 1]}" i
  unset 'PIDS[${#PIDS[@]}-1]'
  for i in "${!PIDS[@]}"; do
    if [ "${PIDS[$i]}" = "$old" ]; then PIDS[$i]="$new"; fi
  done
  NEW_PID="$new"
}

cleanup() {
  stop_all
  if [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; else say "drill: logs and data kept in $WORK"; fi
}
trap cleanup INT TERM EXIT
cluster_servers "$DATA_DIR" "$LOGS"
trap cleanup INT TERM EXIT # cluster_servers set its own
REDIS_PID="${PIDS[${#PIDS[@]} - 1]}"
PG_PID="${PIDS[${#PIDS[@]} - 2]}"
DB_URL="jdbc:postgresql://127.0.0.1:$CLUSTER_PG_PORT/anxin"
REDIS_URL="redis://:$REDIS_PASSWORD@127.0.0.1:$CLUSTER_REDIS_PORT"
cluster_node 0 "$DB_URL" "$REDIS_URL" "$DATA_DIR" "$LOGS" "$WS_PORT"
NODE1_PID=$NODE_PID
cluster_node 1 "$DB_URL" "$REDIS_URL" "$DATA_DIR" "$LOGS" "$WS_PORT"
cluster_gateway 0 "$REDIS_URL" "$LOGS"
GATEWAY_A_PID=$GATEWAY_PID
cluster_gateway 1 "$REDIS_URL" "$LOGS"
cluster_haproxy "$DATA_DIR/haproxy.cfg" "$LOGS" "$PORT" "$MQTT_PORT" "$WATCH_PORT" "$GT06_PORT" "$WS_PORT"
say "drill: cluster up; starting $MQTT_DEVICES MQTT and $GT06_DEVICES GT06 devices through the balancer"

java -jar "$SIM_JAR" drill --api "http://127.0.0.1:$PORT" --mqtt "tcp://127.0.0.1:$MQTT_PORT" \
  --gt06 "tcp://127.0.0.1:$GT06_PORT" --mqtt-devices "$MQTT_DEVICES" --gt06-devices "$GT06_DEVICES" \
  --duration 86400 --drain "$DRAIN" --out "$OUT" >"$LOGS/drill-load.log" 2>&1 &
LOAD_PID=$!
PIDS+=("$LOAD_PID")
until grep -q "registered" "$LOGS/drill-load.log"; do
  kill -0 "$LOAD_PID" 2>/dev/null || { tail -n 20 "$LOGS/drill-load.log"; exit 1; }
  sleep 1
done
say "drill: load running; $STEADY s before the first fault"
sleep "$STEADY"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
# device_events over all its partitions (table, indexes, TOAST), to state the disk per event
events_bytes() { psql_anxin -c "select sum(pg_total_relation_size(relid)) from pg_partition_tree('device_events')"; }
events_count() { psql_anxin -c "select count(*) from device_events"; }
BYTES_BEFORE=$(events_bytes) EVENTS_BEFORE=$(events_count)
printf 'fault\tkilled_ms\trestarted_ms\tready_ms\n' >"$OUT/faults.tsv"
# fault NAME: kills with the kill_NAME function, waits DOWN s, restarts with restart_NAME
fault() {
  local name="$1" killed restarted ready
  say "drill: kill -9 $name"
  killed=$(now_ms)
  "kill_$name"
  sleep "$DOWN"
  restarted=$(now_ms)
  "restart_$name"
  ready=$(now_ms)
  printf '%s\t%s\t%s\t%s\n' "$name" "$killed" "$restarted" "$ready" >>"$OUT/faults.tsv"
  say "drill: $name back after $(((ready - killed) / 1000)) s; $STEADY s steady"
  sleep "$STEADY"
}
kill_gateway_a() { kill -KILL "$GATEWAY_A_PID"; }
restart_gateway_a() { cluster_gateway 0 "$REDIS_URL" "$LOGS"; took_place_of "$GATEWAY_A_PID"; GATEWAY_A_PID=$NEW_PID; }
kill_platform_node1() { kill -KILL "$NODE1_PID"; }
restart_platform_node1() { cluster_node 0 "$DB_URL" "$REDIS_URL" "$DATA_DIR" "$LOGS" "$WS_PORT"; took_place_of "$NODE1_PID"; NODE1_PID=$NEW_PID; }
kill_redis() { kill -KILL "$REDIS_PID"; }
restart_redis() { cluster_redis "$DATA_DIR" "$LOGS"; took_place_of "$REDIS_PID"; REDIS_PID=$NEW_PID; }
# the postmaster and its backends at once, as a crash of the database machine would
kill_postgresql() { kill -KILL "$PG_PID" $(ps -o pid= --ppid "$PG_PID") 2>/dev/null || true; }
restart_postgresql() { cluster_postgres "$DATA_DIR" "$LOGS"; took_place_of "$PG_PID"; PG_PID=$NEW_PID; }

fault gateway_a
fault platform_node1
fault redis
fault postgresql

say "drill: faults done; stopping the load (in-flight events are retried for up to $DRAIN s)"
kill -TERM "$LOAD_PID"
wait "$LOAD_PID" || true
# the platform stores what is still in the streams: wait until the count stands still for 10 s
stored=-1 still=0
for _ in $(seq 1 180); do
  count=$(psql_anxin -c "select count(*) from device_events where type = 'LOCATION'")
  if [ "$count" = "$stored" ]; then still=$((still + 1)); else still=0 stored=$count; fi
  [ "$still" -ge 10 ] && break
  sleep 1
done
psql_anxin -c "checkpoint" >/dev/null 2>&1 || true
DISK="$(( $(events_bytes) - BYTES_BEFORE )) $(( $(events_count) - EVENTS_BEFORE ))"
psql_anxin -c "select device_id, extract(epoch from device_time)::bigint, count(*) from device_events
  where type = 'LOCATION' and device_time is not null group by 1, 2" >"$OUT/stored.tsv"

MACHINE="$(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, load average $LOAD_BEFORE before the faults, $(cut -d' ' -f1-3 /proc/loadavg) after"
python3 - "$OUT" "$RESULT" "$STAMP" "$MQTT_DEVICES" "$GT06_DEVICES" "$DOWN" "$MACHINE" "$DISK" <<'PY'
import collections, json, statistics, sys
out, result, stamp, mqtt, gt06, down, machine, disk = sys.argv[1:]
disk_bytes, disk_events = (int(x) for x in disk.split())
acked = collections.Counter()
ack_times = []
last_ack = {}
gaps = []  # (device, from_ms, to_ms)
with open(f"{out}/acked.tsv") as f:
    for line in f:
        proto, device, t, at = line.split("\t")
        acked[(device, int(t))] += 1
        at = int(at)
        ack_times.append(at)
        if device in last_ack:
            gaps.append((last_ack[device], at))
        last_ack[device] = at
stored = {}
with open(f"{out}/stored.tsv") as f:
    for line in f:
        device, t, n = line.rstrip("\n").split("\t")
        stored[(device, int(t))] = int(n)
lost = [k for k in acked if k not in stored]
duplicated = [k for k, n in stored.items() if n > 1 and k in acked]
per_second = collections.Counter(at // 1000 for at in ack_times)
faults = []
with open(f"{out}/faults.tsv") as f:
    next(f)
    for line in f:
        name, killed, restarted, ready = line.split("\t")
        killed, restarted, ready = int(killed), int(restarted), int(ready)
        k = killed // 1000
        before = [per_second.get(s, 0) for s in range(k - 20, k)]
        base = statistics.median(before)
        recovered = None
        for s in range(k, k + 900):
            if all(per_second.get(s + i, 0) >= 0.9 * base for i in range(3)):
                recovered = s
                break
        longest = max((b - a for a, b in gaps if a <= killed <= b), default=0)
        faults.append({
            "fault": name,
            "acksPerSecondBefore": base,
            "lowestAcksPerSecond": min(per_second.get(s, 0) for s in range(k, (recovered or k) + 1)),
            "restartSeconds": round((ready - killed) / 1000, 1),
            "recoverSeconds": None if recovered is None else recovered - k,
            "longestDeviceWaitSeconds": round(longest / 1000, 1),
        })
summary = json.load(open(f"{out}/summary.json"))
report = {
    "run": stamp, "machine": machine, "mqttDevices": int(mqtt), "gt06Devices": int(gt06), "downSeconds": int(down),
    "acked": sum(acked.values()), "distinctAcked": len(acked), "stored": len(stored),
    "lost": len(lost), "duplicated": len(duplicated), "lostSamples": lost[:10],
    "resent": summary["resent"], "reconnects": summary["reconnects"], "gaveUp": summary["gaveUp"],
    "faults": faults,
    "deviceEventsBytesGrowth": disk_bytes, "deviceEventsRowsGrowth": disk_events,
    "bytesPerEvent": round(disk_bytes / disk_events) if disk_events else None,
}
json.dump(report, open(result, "w"), indent=2, default=str)
print(f"\nacked events: {len(acked)} distinct ({report['acked']} acks, {report['resent']} resends); "
      f"lost: {len(lost)}; duplicated: {len(duplicated)}; never acked (given up): {report['gaveUp']}")
print("\n| fault | acks/s before | lowest acks/s | back up after | acks at 90 % after | longest wait of a device |")
print("|---|---|---|---|---|---|")
for f in faults:
    rec = "not within 15 min" if f["recoverSeconds"] is None else f"{f['recoverSeconds']} s"
    print(f"| kill -9 {f['fault'].replace('_', ' ')} | {f['acksPerSecondBefore']:g} | {f['lowestAcksPerSecond']} "
          f"| {f['restartSeconds']} s | {rec} | {f['longestDeviceWaitSeconds']} s |")
print(f"\ndevice_events grew by {disk_bytes} bytes for {disk_events} rows (every event type, all partitions,"
      f" indexes included): {report['bytesPerEvent']} bytes per event")
print(f"\nmachine: {machine}\nresult: {result}")
PY
# anything lost or doubled is looked for in the nodes' logs: keep them (and the data) when so
if ! grep -q '"lost": 0,' "$RESULT" || ! grep -q '"duplicated": 0,' "$RESULT"; then KEEP=1; fi
