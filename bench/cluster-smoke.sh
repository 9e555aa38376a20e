#!/usr/bin/env bash
# Smoke check of `./anxin cluster`: starts it on spare ports with a scratch data directory, goes
# through the balancer (portal to both nodes, an SOS from an MQTT button through it), stops the
# launcher with SIGTERM (what Ctrl-C does) and checks that no process of the cluster is left.
# Needs curl, mosquitto_pub and haproxy. Usage: bench/cluster-smoke.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$(mktemp -d /tmp/anxin-cluster-smoke-XXXXXX)"
chmod 755 "$DATA"
export ANXIN_DATA_DIR="$DATA" ANXIN_ADMIN_PASSWORD="smoke-admin-$$"
export PORT=28080 ANXIN_MQTT_PORT=22883 ANXIN_MQTT_WS_PORT=22083 ANXIN_WATCH_PORT=22093 ANXIN_GT06_PORT=22023
A="admin:$ANXIN_ADMIN_PASSWORD"
fail() { echo "FAIL: $*"; exit 1; }

"$ROOT/anxin" cluster >"$DATA/launcher.log" 2>&1 &
LAUNCHER=$!
deadline=$((SECONDS + 1500))
until grep -q "Anxin cluster is running" "$DATA/launcher.log"; do
  kill -0 "$LAUNCHER" 2>/dev/null || { cat "$DATA/launcher.log"; fail "the launcher exited"; }
  [ "$SECONDS" -lt "$deadline" ] || fail "the cluster did not come up in 1500 s"
  sleep 2
done
echo "cluster up"

# the balancer answers from both nodes: each node's health, then /api/me through the balancer
for port in 18081 18082 "$PORT"; do
  curl -fsS "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"' || fail "health on $port"
done
for _ in 1 2 3 4; do curl -fsS -u "$A" "http://127.0.0.1:$PORT/api/me" | grep -q '"admin"' || fail "/api/me"; done

senior=$(curl -fsS -u "$A" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/seniors" \
  -d '{"name":"集群冒烟","lat":30.27,"lon":120.15}' | sed 's/.*"id":\([0-9]*\).*/\1/')
secret=$(curl -fsS -u "$A" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/devices" \
  -d "{\"id\":\"smoke-btn\",\"protocol\":\"mqtt\",\"seniorId\":$senior}" | sed 's/.*"secret":"\([^"]*\)".*/\1/')
mosquitto_pub -h 127.0.0.1 -p "$ANXIN_MQTT_PORT" -i smoke-btn -u smoke-btn -P "$secret" -q 1 \
  -t anxin/v1/devices/smoke-btn/events -m "{\"type\":\"SOS\",\"ts\":\"$(date -u +%FT%TZ)\",\"lat\":30.27,\"lon\":120.15}"
for _ in $(seq 1 30); do
  if curl -fsS -u "$A" "http://127.0.0.1:18082/api/alarms?status=OPEN" | grep -q smoke-btn; then found=1; break; fi
  sleep 1
done
[ -n "${found:-}" ] || fail "the SOS sent through the balancer is not on node 2"
echo "SOS through the balancer is on node 2"

# the launcher's children: PostgreSQL, Redis, two platform nodes, two gateways, HAProxy
pids=$(ps -o pid= --ppid "$LAUNCHER" | tr -s ' \n' ' ')
[ "$(echo $pids | wc -w)" -ge 7 ] || fail "expected at least 7 processes under the launcher, got: $pids"
kill -TERM "$LAUNCHER"
wait "$LAUNCHER" || true
for _ in $(seq 1 30); do
  left=""
  for pid in $pids; do if kill -0 "$pid" 2>/dev/null; then left="$left $pid"; fi; done
  [ -z "$left" ] && break
  sleep 1
done
[ -z "$left" ] || fail "left running after the stop:$left"
rm -rf "$DATA" # kept (with every log) when a check fails
echo "PASS: cluster up, balancer to both nodes, SOS through it, all ${pids// /,} stopped"
