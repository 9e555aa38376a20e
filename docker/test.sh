#!/usr/bin/env bash
# The docker/ deployment, for real: builds the images, starts docker/compose.yaml (PostgreSQL,
# Redis, two platform nodes, two gateways, HAProxy) under its own project name with random
# passwords and its own loopback ports, waits for every container to be healthy, then checks through
# the balancer only:
#   - an MQTT SOS sent with mosquitto_pub (QoS 1) to the balancer's 1883 becomes an OPEN alarm that
#     both platform nodes return from GET /api/alarms (HAProxy names the node in X-Anxin-Node);
#   - the same over MQTT-over-TLS on the balancer's 8883 (a keystore made here with keytool, passed
#     through to the gateways), checked against the certificate, and over MQTT-over-WebSocket
#     (docker/ws-sos.py) on the balancer's 8083 and on /mqtt of its HTTP port;
#   - Redis has AOF on and refuses commands without its password; the application containers run as
#     uid 10001 and hold no javac or Maven;
#   - an SSE stream pinned to each platform node shows an SOS; pg_dump works; the device-sim image
#     loads the stack (and the disk per stored event is measured); the simulated city connects;
#     Prometheus (`--profile monitoring`) scrapes the gateways and runs every dashboard query;
# then tears everything down (KEEP=1 leaves it running). Not part of ./mvnw verify.
#
# Installs Debian's docker.io, docker-compose, debootstrap and mosquitto-clients when missing and
# starts dockerd when none answers (stopped again at the end). JARS=prebuilt: see docker/build.sh.
# Prints "N passed, N failed" last; exit 0 only when nothing failed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT="${PROJECT:-anxin-test}"
WORK="$(mktemp -d /tmp/anxin-docker-test.XXXXXX)"
HTTP_PORT="${HTTP_PORT:-18080}" MQTT_PORT="${MQTT_PORT:-11883}" MQTTS_PORT="${MQTTS_PORT:-18883}"
WATCH_PORT="${WATCH_PORT:-15093}" GT06_PORT="${GT06_PORT:-15023}" WS_PORT="${WS_PORT:-18083}"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-19090}"
PASSED=0 FAILED=0 DOCKERD_PID=""
say() { printf '[docker-test] %s\n' "$*"; }
pass() { PASSED=$((PASSED + 1)); say "PASS $*"; }
fail() { FAILED=$((FAILED + 1)); say "FAIL $*"; }

if [ -z "${DOCKER:-}" ]; then
  if [ -x /usr/bin/docker ]; then DOCKER=/usr/bin/docker; else DOCKER=docker; fi
fi
export DOCKER

need_packages=()
command -v dockerd >/dev/null || need_packages+=(docker.io)
command -v docker-compose >/dev/null || need_packages+=(docker-compose)
command -v debootstrap >/dev/null || need_packages+=(debootstrap)
command -v mosquitto_pub >/dev/null || need_packages+=(mosquitto-clients)
if [ "${#need_packages[@]}" -gt 0 ]; then
  say "installing ${need_packages[*]} ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
  if [ -x /usr/bin/docker ]; then DOCKER=/usr/bin/docker; fi
fi
if ! "$DOCKER" info >/dev/null 2>&1; then
  say "starting dockerd (log: $WORK/dockerd.log) ..."
  dockerd >"$WORK/dockerd.log" 2>&1 &
  DOCKERD_PID=$!
  for _ in $(seq 1 60); do "$DOCKER" info >/dev/null 2>&1 && break; sleep 1; done
  "$DOCKER" info >/dev/null 2>&1 || { say "dockerd did not start:"; tail -n 20 "$WORK/dockerd.log"; exit 1; }
fi

compose() { docker-compose -p "$PROJECT" --env-file "$WORK/env" -f "$ROOT/docker/compose.yaml" "$@"; }

cleanup() {
  local rc=$?
  if [ -f "$WORK/env" ]; then
    if [ "$FAILED" -gt 0 ] || [ "$rc" -ne 0 ]; then
      compose logs --no-color --tail 80 >"$WORK/compose.log" 2>&1 || true
      say "container logs (last 80 lines each): $WORK/compose.log"
    fi
    if [ -z "${KEEP:-}" ]; then compose down -v --remove-orphans >/dev/null 2>&1 || true; fi
  fi
  if [ -n "$DOCKERD_PID" ] && [ -z "${KEEP:-}" ]; then kill "$DOCKERD_PID" 2>/dev/null || true; fi
  if [ "$FAILED" -eq 0 ] && [ "$rc" -eq 0 ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

"$ROOT/docker/build.sh"

random() { LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24 || true; }
ADMIN_PASSWORD="$(random)"
mkdir -p "$WORK/secrets"
KEYSTORE_PASSWORD="$(random)"
keytool -genkeypair -alias anxin-gateway -keyalg EC -groupname secp256r1 -validity 30 -dname "CN=localhost" \
  -ext "SAN=dns:localhost,ip:127.0.0.1" -storetype PKCS12 -keystore "$WORK/secrets/gateway.p12" \
  -storepass "$KEYSTORE_PASSWORD" -keypass "$KEYSTORE_PASSWORD" >/dev/null 2>&1
keytool -exportcert -rfc -alias anxin-gateway -keystore "$WORK/secrets/gateway.p12" \
  -storepass "$KEYSTORE_PASSWORD" -file "$WORK/gateway.crt" >/dev/null 2>&1
chown -R 10001:10001 "$WORK/secrets"
chmod 700 "$WORK/secrets"
chmod 600 "$WORK/secrets/gateway.p12"
cat >"$WORK/env" <<ENV
POSTGRES_PASSWORD=$(random)
ANXIN_DB_PASSWORD=$(random)
REDIS_PASSWORD=$(random)
ANXIN_ADMIN_PASSWORD=$ADMIN_PASSWORD
ANXIN_BIND=127.0.0.1
LB_HTTP_PORT=$HTTP_PORT
LB_MQTT_PORT=$MQTT_PORT
LB_MQTTS_PORT=$MQTTS_PORT
LB_WATCH_PORT=$WATCH_PORT
LB_GT06_PORT=$GT06_PORT
LB_MQTT_WS_PORT=$WS_PORT
PROMETHEUS_PORT=$PROMETHEUS_PORT
ANXIN_MQTT_WS_URL=ws://{host}:$WS_PORT/mqtt
ANXIN_SECRETS_DIR=$WORK/secrets
ANXIN_TLS_KEYSTORE=/run/anxin-secrets/gateway.p12
ANXIN_TLS_KEYSTORE_PASSWORD=$KEYSTORE_PASSWORD
ENV
chmod 600 "$WORK/env"

say "docker-compose up (project $PROJECT) ..."
compose up -d
SERVICES=(postgres redis platform-1 platform-2 gateway-a gateway-b lb)
deadline=$((SECONDS + ${HEALTH_TIMEOUT:-1200}))
while :; do
  unhealthy=()
  for service in "${SERVICES[@]}"; do
    id="$(compose ps -q "$service")"
    state="$("$DOCKER" inspect -f '{{.State.Health.Status}}' "$id" 2>/dev/null || echo missing)"
    [ "$state" = healthy ] || unhealthy+=("$service:$state")
  done
  [ "${#unhealthy[@]}" -eq 0 ] && break
  if [ "$SECONDS" -ge "$deadline" ]; then
    fail "containers healthy within ${HEALTH_TIMEOUT:-1200} s: ${unhealthy[*]}"
    exit 1
  fi
  sleep 5
done
pass "all ${#SERVICES[@]} containers healthy after ${SECONDS} s (build included)"

API="http://127.0.0.1:$HTTP_PORT"
api() { curl -sS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' "$@"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

senior_id="$(api "$API/api/seniors" -d '{"name":"王秀英","phone":"13800000001","address":"西湖区文三路 128 号","lat":30.2741,"lon":120.1551}' | json "['id']")"
device_secret() { api "$API/api/devices" -d "{\"id\":\"$1\",\"protocol\":\"mqtt\",\"seniorId\":$senior_id}" | json "['secret']"; }
sos() { printf '{"type":"SOS","ts":"%s","lat":30.2741,"lon":120.1551}' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"; }

# an OPEN alarm of device $1, seen from both platform nodes (each answer names its node)
alarm_on_both_nodes() {
  local device="$1" seen_by="" node body
  for _ in $(seq 1 60); do
    body="$(curl -sS -D "$WORK/headers" -u "admin:$ADMIN_PASSWORD" "$API/api/alarms?status=OPEN")"
    node="$(tr -d '\r' <"$WORK/headers" | awk -F': ' 'tolower($1)=="x-anxin-node"{print $2}')"
    if printf '%s' "$body" | python3 -c "import json,sys; sys.exit(0 if any(a['deviceId']=='$device' and a['type']=='SOS' for a in json.load(sys.stdin)) else 1)"; then
      case " $seen_by " in *" $node "*) ;; *) seen_by="$seen_by $node" ;; esac
    fi
    case "$seen_by" in *platform-1*platform-2* | *platform-2*platform-1*) echo "$seen_by"; return 0 ;; esac
    sleep 1
  done
  echo "$seen_by"
  return 1
}

secret="$(device_secret dock-btn-1)"
if mosquitto_pub -h 127.0.0.1 -p "$MQTT_PORT" -i dock-btn-1 -u dock-btn-1 -P "$secret" -q 1 \
  -t anxin/v1/devices/dock-btn-1/events -m "$(sos)"; then
  pass "MQTT SOS published with QoS 1 through the balancer (127.0.0.1:$MQTT_PORT), PUBACK received"
else
  fail "mosquitto_pub through the balancer"
fi
if nodes="$(alarm_on_both_nodes dock-btn-1)"; then
  pass "the SOS is an OPEN alarm on both platform nodes:$nodes"
else
  fail "the SOS as an OPEN alarm on both platform nodes (seen on:${nodes:- none})"
fi

secret="$(device_secret dock-btn-tls)"
if mosquitto_pub -h localhost -p "$MQTTS_PORT" --cafile "$WORK/gateway.crt" -i dock-btn-tls -u dock-btn-tls \
  -P "$secret" -q 1 -t anxin/v1/devices/dock-btn-tls/events -m "$(sos)"; then
  pass "MQTT-over-TLS SOS through the balancer (127.0.0.1:$MQTTS_PORT, certificate verified)"
else
  fail "mosquitto_pub over TLS through the balancer"
fi
if nodes="$(alarm_on_both_nodes dock-btn-tls)"; then
  pass "the TLS SOS is an OPEN alarm on both platform nodes:$nodes"
else
  fail "the TLS SOS as an OPEN alarm on both platform nodes (seen on:${nodes:- none})"
fi

# MQTT over WebSocket, as the SOS phone page sends it: through the balancer's own 8083 and through
# /mqtt on the portal's port (the route a TLS front would use as wss://host/mqtt).
for route in "$WS_PORT" "$HTTP_PORT"; do
  device="dock-btn-ws-$route" nodes="" out=""
  secret="$(device_secret "$device")"
  if out="$(python3 "$ROOT/docker/ws-sos.py" 127.0.0.1 "$route" /mqtt "$device" "$secret" 2>&1)" \
    && nodes="$(alarm_on_both_nodes "$device")"; then
    pass "MQTT over WebSocket via 127.0.0.1:$route/mqtt: $out; OPEN alarm on both nodes:$nodes"
  else
    fail "MQTT over WebSocket via 127.0.0.1:$route/mqtt: ${out:-} (alarm seen on:${nodes:- none})"
  fi
done

# The operator's live feed (SSE) through the balancer, one stream pinned to each platform node by
# the balancer's cookie: an SOS published through the balancer shows on both.
sse_pids=()
for cookie in p1 p2; do
  curl -sN -u "admin:$ADMIN_PASSWORD" -H "Cookie: ANXIN_NODE=$cookie" -D "$WORK/sse-$cookie.headers" \
    "$API/api/alarms/stream" >"$WORK/sse-$cookie.txt" 2>/dev/null &
  sse_pids+=("$!")
done
sleep 5
secret="$(device_secret dock-btn-sse)"
mosquitto_pub -h 127.0.0.1 -p "$MQTT_PORT" -i dock-btn-sse -u dock-btn-sse -P "$secret" -q 1 \
  -t anxin/v1/devices/dock-btn-sse/events -m "$(sos)" || true
for _ in $(seq 1 30); do
  grep -q dock-btn-sse "$WORK/sse-p1.txt" && grep -q dock-btn-sse "$WORK/sse-p2.txt" && break
  sleep 1
done
kill "${sse_pids[@]}" 2>/dev/null || true
sse_nodes="$(cat "$WORK"/sse-p*.headers | tr -d '\r' | awk -F': ' 'tolower($1)=="x-anxin-node"{print $2}' | sort | tr '\n' ' ')"
if grep -q dock-btn-sse "$WORK/sse-p1.txt" && grep -q dock-btn-sse "$WORK/sse-p2.txt" \
  && [ "$sse_nodes" = "platform-1 platform-2 " ]; then
  pass "SSE through the balancer: the SOS reached the live feed on both nodes ($sse_nodes)"
else
  fail "SSE through the balancer: streams on nodes '$sse_nodes', SOS seen: p1 $(grep -c dock-btn-sse "$WORK/sse-p1.txt"), p2 $(grep -c dock-btn-sse "$WORK/sse-p2.txt")"
fi

redis_id="$(compose ps -q redis)"
redis_config() {
  "$DOCKER" exec "$redis_id" sh -c "REDISCLI_AUTH=\"\$(cat /run/redis/password)\" redis-cli config get $1" | tr -d '\r' | tail -n 1
}
# always: the AOF is fsynced before a write is answered, so an acknowledged event survives a crash
if [ "$(redis_config appendonly)" = yes ] && [ "$(redis_config appendfsync)" = always ]; then
  pass "Redis: appendonly yes, appendfsync always"
else
  fail "Redis: appendonly yes, appendfsync always (got $(redis_config appendonly), $(redis_config appendfsync))"
fi
if "$DOCKER" exec "$redis_id" redis-cli ping 2>&1 | grep -q NOAUTH; then
  pass "Redis refuses a client without the password (NOAUTH)"
else
  fail "Redis refuses a client without the password"
fi

for service in platform-1 gateway-a; do
  id="$(compose ps -q "$service")"
  uid="$("$DOCKER" exec "$id" id -u)"
  tools="$("$DOCKER" exec "$id" sh -c 'command -v javac mvn gcc || true')"
  if [ "$uid" = 10001 ] && [ -z "$tools" ]; then
    pass "$service runs as uid 10001 with no javac/mvn/gcc in the image"
  else
    fail "$service: uid $uid, build tools: ${tools:-none}"
  fi
done

pg_id="$(compose ps -q postgres)"
if "$DOCKER" exec "$pg_id" pg_dump -U postgres -Fc anxin >"$WORK/anxin.dump" \
  && "$DOCKER" exec -i "$pg_id" pg_restore --list <"$WORK/anxin.dump" >"$WORK/anxin.dump.list" \
  && grep -q 'TABLE public device_events' "$WORK/anxin.dump.list"; then
  pass "pg_dump -Fc of the running database ($(du -k "$WORK/anxin.dump" | cut -f1) KiB) lists device_events"
else
  fail "pg_dump -Fc of the running database"
fi

# The device-sim image as a load generator through the balancer, and what the stored events cost on
# disk: device_events' table + indexes + TOAST per row, before and after, over all its partitions
# (the partitioned parent itself has no storage: pg_total_relation_size of it alone is 0)
psql_value() { "$DOCKER" exec "$pg_id" psql -U postgres -d anxin -At -c "$1"; }
events_bytes() { psql_value "select sum(pg_total_relation_size(relid)) from pg_partition_tree('device_events')"; }
rows_before="$(psql_value 'select count(*) from device_events')"
bytes_before="$(events_bytes)"
LOAD_DEVICES="${LOAD_DEVICES:-100}" LOAD_RATE="${LOAD_RATE:-500}" LOAD_SECONDS="${LOAD_SECONDS:-40}"
if compose run --rm --no-deps city load --host lb --port 1883 --source-addresses 0.0.0.0 --devices "$LOAD_DEVICES" --rate "$LOAD_RATE" \
  --duration "$LOAD_SECONDS" --qos 1 --register api --api http://lb:8080 >"$WORK/load.log" 2>&1 \
  && grep -Eq 'errors +0( |$)' "$WORK/load.log"; then
  pass "device-sim image: $(grep -E 'sent / acked' "$WORK/load.log" | sed 's/^ *//; s/  */ /g') through the balancer, no errors"
else
  fail "device-sim load through the balancer (log: $WORK/load.log)"
  tail -n 20 "$WORK/load.log"
fi
# the platform stores behind the acks: wait until the count stops growing
rows_after="$rows_before"
for _ in $(seq 1 60); do
  sleep 3
  now="$(psql_value 'select count(*) from device_events')"
  [ "$now" = "$rows_after" ] && break
  rows_after="$now"
done
bytes_after="$(events_bytes)"
"$DOCKER" exec "$pg_id" psql -U postgres -d anxin -c 'vacuum analyze device_events' >/dev/null
stored=$((rows_after - rows_before))
if [ "$stored" -gt 0 ]; then
  per_event=$(((bytes_after - bytes_before) / stored))
  pass "device_events: $stored events stored, $((bytes_after - bytes_before)) bytes more (table + indexes + TOAST): $per_event bytes per event, $((per_event * 1000000 / 1048576)) MiB per million"
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "events stored: $stored (rows $rows_before -> $rows_after)"
    echo "device_events, all partitions (table + indexes + TOAST): $bytes_before -> $bytes_after bytes"
    echo "bytes per event: $per_event"
    grep -E 'load results|devices |sent / acked|msgs/s|errors' "$WORK/load.log" || true
  } >"${DISK_REPORT:-/dev/null}"
else
  fail "events of the device-sim load stored in device_events (rows $rows_before -> $rows_after)"
fi

# The Grafana dashboard names every gateway metric docs/protocols.md documents, and every
# anxin_gateway_* metric a live gateway serves (names registered on first use: after the load).
metric_names() { grep -o 'anxin_gateway_[a-z_]*' | sed -E 's/_(bucket|count|sum|max)$//' | sort -u; }
documented="$(metric_names <"$ROOT/docs/protocols.md")"
live="$("$DOCKER" exec "$(compose ps -q gateway-a)" bash -c \
  'exec 3<>/dev/tcp/127.0.0.1/9400; printf "GET /metrics HTTP/1.0\r\n\r\n" >&3; cat <&3' | grep -v '^#' | metric_names)"
on_dashboard="$(python3 -c 'import json,sys; [print(t["expr"]) for p in json.load(open(sys.argv[1]))["panels"] for t in p.get("targets",[])]' \
  "$ROOT/docker/grafana/anxin-dashboard.json" | metric_names)"
missing="$(comm -23 <(printf '%s\n%s\n' "$documented" "$live" | sort -u) <(printf '%s\n' "$on_dashboard"))"
if [ -z "$missing" ] && [ -n "$live" ]; then
  pass "Grafana dashboard: all $(printf '%s\n' "$documented" | wc -l) documented gateway metrics, and the $(printf '%s\n' "$live" | wc -l) a live gateway serves, have panels"
else
  fail "Grafana dashboard lacks: ${missing:-(no live metrics read)}"
fi

# The simulated city (`--profile city`): registers through the balancer's HTTP port and connects
# its buttons, watches and trackers through the balancer's device ports.
gateway_connections() {
  "$DOCKER" exec "$(compose ps -q "$1")" bash -c \
    'exec 3<>/dev/tcp/127.0.0.1/9400; printf "GET /metrics HTTP/1.0\r\n\r\n" >&3; cat <&3' \
    | awk '/^anxin_gateway_connections/ {sum += $2} END {printf "%d", sum}'
}
if [ "${CITY:-1}" = 1 ]; then
  compose --profile city up -d city >/dev/null 2>&1
  city_id="$(compose ps -q city)"
  city_state=""
  for _ in $(seq 1 120); do
    city_state="$("$DOCKER" inspect -f '{{.State.Health.Status}}' "$city_id" 2>/dev/null || echo missing)"
    [ "$city_state" = healthy ] && break
    sleep 5
  done
  sleep 15
  a="$(gateway_connections gateway-a)" b="$(gateway_connections gateway-b)"
  if [ "$city_state" = healthy ] && [ $((a + b)) -gt 0 ]; then
    pass "device-sim city healthy (registered through the balancer); device connections on gateway-a $a, gateway-b $b"
  else
    fail "device-sim city: health $city_state, device connections on gateway-a $a, gateway-b $b"
    "$DOCKER" logs --tail 20 "$city_id" 2>&1 || true
  fi
fi

# `--profile monitoring`: Prometheus scrapes both gateways, and every query of the Grafana dashboard
# is valid PromQL there (the gateway panels with data, the platform's empty until it exports).
if [ "${MONITORING:-1}" = 1 ]; then
  compose --profile monitoring up -d prometheus >/dev/null 2>&1
  PROM="http://127.0.0.1:$PROMETHEUS_PORT"
  up_targets=0
  for _ in $(seq 1 60); do
    up_targets="$(curl -fsS "$PROM/api/v1/query" --data-urlencode 'query=sum(up{job="anxin-gateway"})' 2>/dev/null \
      | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(int(float(r[0]["value"][1])) if r else 0)' 2>/dev/null || echo 0)"
    [ "$up_targets" = 2 ] && break
    sleep 5
  done
  sleep 40 # two more scrapes, so rate() has samples
  if [ "$up_targets" = 2 ] && queries="$(python3 - "$ROOT/docker/grafana/anxin-dashboard.json" "$PROM" <<'PY'
import json, sys, urllib.parse, urllib.request
dashboard, prom = sys.argv[1], sys.argv[2]
bad, with_data, total = [], 0, 0
for panel in json.load(open(dashboard))["panels"]:
    for target in panel.get("targets", []):
        expr = target["expr"].replace("$gateway", ".*").replace("$platform", ".*")
        total += 1
        url = prom + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
        try:
            answer = json.load(urllib.request.urlopen(url, timeout=10))
        except Exception as e:  # a 400 is a PromQL error
            bad.append(f"{panel['title']}: {e}")
            continue
        if answer.get("status") != "success":
            bad.append(f"{panel['title']}: {answer}")
        elif answer["data"]["result"]:
            with_data += 1
print(f"{total} queries valid PromQL, {with_data} with data" if not bad else "; ".join(bad))
sys.exit(1 if bad else 0)
PY
)"; then
    pass "Prometheus scrapes both gateways; Grafana dashboard: $queries"
  else
    fail "Prometheus and the dashboard queries: gateways up $up_targets/2; ${queries:-}"
  fi
fi

say "$PASSED passed, $FAILED failed"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
