# Shared bash for the benchmark scripts: source it after `cd` to the repository root.
#   bench/mqtt-ingest.sh, bench/sos-latency.sh, bench/sos-latency-cluster.sh,
#   bench/idle-connections.sh, bench/tcp-ingest.sh, bench/run-all.sh
# Every process a script starts goes into `pids` and is stopped by its PID on exit or Ctrl-C; while
# a benchmark runs, /tmp/anxin-bench-running exists, so others on the box can avoid loading the CPU.

pids=()
BENCH_MARKER=/tmp/anxin-bench-running

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  log "process $pid did not stop within 10 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# stop_and_forget PID: stop it and drop it from the clean-up list (its PID may be reused later)
stop_and_forget() {
  local pid=$1 kept=() p
  stop_pid "$pid"
  for p in "${pids[@]}"; do
    [[ $p == "$pid" ]] || kept+=("$p")
  done
  pids=("${kept[@]}")
}

# bench_cleanup: stop what we started, remove the work dir ($work) and the marker
bench_cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    stop_pid "$pid"
  done
  [[ -n ${work:-} ]] && rm -rf "$work"
  release_marker
}

# release_marker: remove the marker if this script made it (another benchmark's stays)
release_marker() {
  [[ $(cut -d' ' -f1 "$BENCH_MARKER" 2>/dev/null) == "$$" ]] && rm -f "$BENCH_MARKER"
  return 0
}

# wait_bench_free [SECONDS]: while another live benchmark holds the marker, wait (at most SECONDS, 900)
wait_bench_free() {
  local deadline=$((SECONDS + ${1:-900})) holder
  while [[ -e $BENCH_MARKER ]] && ((SECONDS < deadline)); do
    holder=$(cut -d' ' -f1 "$BENCH_MARKER" 2>/dev/null)
    [[ $holder == "$$" ]] && return 0
    kill -0 "$holder" 2>/dev/null || return 0
    log "waiting for the benchmark running now: $(cat "$BENCH_MARKER" 2>/dev/null)"
    sleep 10
  done
}

bench_traps() {
  trap bench_cleanup EXIT
  trap 'log "interrupted"; exit 130' INT TERM
}

# mark_running: create the marker right before the measured load (bench_cleanup removes it). While
# another live benchmark holds it, wait first (wait_bench_free, up to BENCH_WAIT seconds, default
# 1800), so that two benchmarks never measure each other.
mark_running() {
  wait_bench_free "${BENCH_WAIT:-1800}"
  echo "$$ $(basename "$0") $(date -u +%FT%TZ)" >"$BENCH_MARKER"
}

# A port below the ephemeral range (32768–60999), so the load client's own ports never take it.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  log "no free port found"
  exit 1
}

wait_port() {
  local port=$1 pid=$2 name=$3 tries=${4:-300}
  for _ in $(seq 1 "$tries"); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited before listening on $port"
      return 1
    fi
    sleep 0.1
  done
  log "$name is not listening on $port after $((tries / 10)) s"
  return 1
}

# redis_binary DIR: sets redis_bin and redis_source. The binary inside the embedded-redis jar the
# platform starts (in ~/.m2 once the gateway or platform was built); Debian's redis-server if not.
redis_binary() {
  local dir=$1 redis_version redis_jar redis_entry
  redis_version=$(sed -n 's:.*<embedded-redis.version>\(.*\)</embedded-redis.version>.*:\1:p' pom.xml)
  redis_jar="$HOME/.m2/repository/com/github/codemonstur/embedded-redis/$redis_version/embedded-redis-$redis_version.jar"
  redis_entry=$(unzip -Z1 "$redis_jar" 2>/dev/null | grep -E '^redis-server-.*-linux-amd64$' | head -1 || true)
  if [[ -n $redis_entry ]]; then
    unzip -p "$redis_jar" "$redis_entry" >"$dir/redis-server"
    chmod +x "$dir/redis-server"
    redis_bin="$dir/redis-server"
    redis_source="$redis_entry from embedded-redis $redis_version"
  else
    command -v redis-server >/dev/null || apt-get install -y redis-server >/dev/null
    redis_bin=$(command -v redis-server)
    redis_source="Debian redis-server"
  fi
  redis_source="$redis_source, $(redis_persistence)"
}

# What start_redis keeps on disk: REDIS_APPENDFSYNC=always (the default, as the product runs: the
# AOF fsynced before a write is answered), everysec or no; off for no persistence at all (the
# benchmark runs before 2026-12-07). AOF rewrites are off, so a rewrite's fork does not land in one
# system's CPU figure and not another's.
redis_persistence() {
  case "${REDIS_APPENDFSYNC:-always}" in
    off) echo "no persistence" ;;
    *) echo "AOF, appendfsync ${REDIS_APPENDFSYNC:-always}, no rewrites" ;;
  esac
}

# start_redis PORT DIR: a Redis on loopback, persisted as redis_persistence says; sets redis_pid
start_redis() {
  local port=$1 dir=$2 persist
  case "${REDIS_APPENDFSYNC:-always}" in
    off) persist=(--appendonly no) ;;
    always | everysec | no)
      persist=(--appendonly yes --appendfsync "${REDIS_APPENDFSYNC:-always}" --auto-aof-rewrite-percentage 0) ;;
    *) log "REDIS_APPENDFSYNC must be always, everysec, no or off, not ${REDIS_APPENDFSYNC}"; return 1 ;;
  esac
  "$redis_bin" --port "$port" --bind 127.0.0.1 --save '' "${persist[@]}" --dir "$dir" --maxclients 100000 \
    >"$dir/redis-$port.log" 2>&1 &
  redis_pid=$!
  pids+=("$redis_pid")
  wait_port "$port" "$redis_pid" redis
}

# redis_register PORT FILE COUNT: pipe the HSET commands in FILE (one per device, then PING) to
# Redis and check that COUNT of them were answered
redis_register() {
  local port=$1 file=$2 count=$3 registered=0 line
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  cat "$file" >&3
  while IFS= read -r -t 30 line <&3; do
    case $line in
      :*) registered=$((registered + 1)) ;;
      +PONG*) break ;;
      *) log "redis: $line" ;;
    esac
  done
  exec 3>&-
  [[ $registered -eq $count ]] || { log "registered only $registered of $count devices in Redis"; return 1; }
  log "registered $registered devices in Redis"
}

# machine_info: what every result's machine.txt starts with
machine_info() {
  echo "date: $(date -u)"
  echo "nproc: $(nproc)"
  free -g
  java -version 2>&1
  echo "uptime before: $(uptime)"
}

# build_jars MODULE,…: packages those modules' jars, unless SKIP_BUILD is set (bench/run-all.sh
# builds everything once, then runs the scripts with SKIP_BUILD=1)
build_jars() {
  [[ -n ${SKIP_BUILD:-} ]] && return 0
  log "building $1"
  ./mvnw -q -pl "$1" -am package -DskipTests
}

# Builds the gateway and device-sim jars and the Moquette launcher (outside the reactor), unless
# SKIP_BUILD is set; sets gateway_jar, sim_jar and moquette_cp.
build_gateway_sim_moquette() {
  build_jars gateway,device-sim
  [[ -n ${SKIP_BUILD:-} ]] || ./mvnw -q -f bench/moquette/pom.xml package
  gateway_jar=$(ls gateway/target/gateway-*-exec.jar | head -1)
  sim_jar=$(ls device-sim/target/device-sim-*-exec.jar | head -1)
  moquette_cp="bench/moquette/target/moquette-launcher-0.1.0-SNAPSHOT.jar:bench/moquette/target/lib/*"
}

# One random secret for all load devices, in $1/secret (for --secret-file); sets secret and
# secret_sha256 (what the device registry keeps).
load_secret() {
  secret=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$secret" >"$1/secret"
  secret_sha256=$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)
}

# sos_defaults: the SOS benchmark's settings, each overridable from the environment
sos_defaults() {
  DEVICES=${DEVICES:-10000}
  RATE=${RATE:-2000}
  DURATION=${DURATION:-60}
  SOS_EVERY=${SOS_EVERY:-0.25}
  SOS_WAVE=${SOS_WAVE:-10}
  SOS_WARMUP=${SOS_WARMUP:-10}
  SOURCES=${SOURCES:-127.0.0.2,127.0.0.3}
}

# sos_load MQTT_HOST MQTT_PORT API_URL LABEL: one `device-sim load` run of the SOS benchmark
# (bench/sos-latency.sh, bench/sos-latency-cluster.sh): DEVICES background devices from SOURCES send
# RATE LOCATION msg/s in total for DURATION s while a fresh API-registered device presses SOS every
# SOS_EVERY s; each press is timed until its alarm arrives on API_URL's SSE feed. Needs out, work,
# sim_jar and ANXIN_ADMIN_PASSWORD; appends the load averages to $out/machine.txt and leaves the
# load's exit status in `status` and its output in $work/load.log.
sos_load() {
  local host=$1 port=$2 api=$3 label=$4
  mark_running
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
  status=0
  local TIMEFORMAT='load generator CPU: %U s user + %S s system over %R s'
  { time timeout $((DURATION + 600)) java -jar "$sim_jar" load \
    --devices "$DEVICES" --rate "$RATE" --qos 1 --duration "$DURATION" --protocol mqtt \
    --host "$host" --port "$port" --source-addresses "$SOURCES" \
    --register api --sos-every "$SOS_EVERY" --sos-wave "$SOS_WAVE" --sos-warmup "$SOS_WARMUP" \
    --api "$api" --user admin --password-env ANXIN_ADMIN_PASSWORD \
    --label "$label" --json-out "$out/sos.json" >"$work/load.log" 2>&1 || status=$?; } 2>"$work/loader-cpu.txt"
  cat "$work/loader-cpu.txt" >>"$out/machine.txt"
  echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
  echo "uptime after: $(uptime)" >>"$out/machine.txt"
  release_marker
  grep -E 'registered|load results|devices  |connected  |sent / acked|msgs/s|ack latency|errors  |SOS →|SOS warm-up|  first|  after that' "$work/load.log" | sed 's/^/    /' >&2 || true
  [[ $status -eq 0 ]] || { log "device-sim load exited $status"; tail -30 "$work/load.log" >&2; }
}

# sos_table: $out/sos.json as the markdown table of docs/benchmarks.md, into $out/table.md
sos_table() {
  {
    echo "| devices | background msgs/s (target) | ack p50 / p99 ms | SOS pressed / seen | SOS p50 / p99 / max ms | first ${SOS_WAVE} s after the ramp: pressed, p50 / p99 / max ms | after that: pressed, p50 / p99 / max ms | warm-up before the ramp: pressed, p50 / p99 / max ms | after the first ${SOS_WAVE} s: press → raised in the platform, p50 / p99 ms | registration s |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    jq -r 'def ms(us): if us == null then "–" else ((us / 10 | round) / 100 | tostring) end;
      def part(p): "\(p.pressed) (\(p.seen) seen), \(p.p50Ms) / \(p.p99Ms) / \(p.maxMs)";
      "| \(.devices) | \(.msgsPerSecond | round) (\(.rateTarget)) | \(ms(.ackP50Us)) / \(ms(.ackP99Us)) | \(.sosCount) / \(.sosSeen) | \(.sosP50Ms) / \(.sosP99Ms) / \(.sosMaxMs) | \(part(.sosWave)) | \(part(.sosSteady)) | \(part(.sosWarmup)) | \(.sosSteady.toRaiseP50Ms // "–") / \(.sosSteady.toRaiseP99Ms // "–") | \(.registrationSeconds) |"' "$out/sos.json"
  } >"$out/table.md"
}
