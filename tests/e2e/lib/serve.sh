# For the serve_*.sh tests (after common.sh): start `vnkg serve` on a free
# loopback port and stop it when the test ends.
#   start_server NAME DB [ARGS...]  -> sets PORT_<NAME> / URL_<NAME>, log in $SCRATCH/NAME.log
# Only 127.0.0.1 is ever used.
SERVER_PIDS=()
SERVER_NAMES=()
# At the end: SIGTERM to every server still running; each must exit with
# status 0 and its log must hold no sanitizer report (`make check`).
stop_servers() {
  local rc=$? i pid status bad=""
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for i in "${!SERVER_PIDS[@]}"; do
    status=0
    wait "${SERVER_PIDS[$i]}" 2>/dev/null || status=$?
    # 127: already waited for by the test itself.
    if [ "$status" -ne 0 ] && [ "$status" -ne 127 ]; then bad="$bad ${SERVER_NAMES[$i]}(status $status)"; fi
    if grep -aqE 'Sanitizer|runtime error:' "$SCRATCH/${SERVER_NAMES[$i]}.log" 2>/dev/null; then
      bad="$bad ${SERVER_NAMES[$i]}(sanitizer)"
      cat "$SCRATCH/${SERVER_NAMES[$i]}.log" >&2
    fi
  done
  rm -rf "$SCRATCH"
  if [ -n "$bad" ]; then
    echo "FAIL: vnkg serve did not stop cleanly:$bad" >&2
    exit 1
  fi
  exit "$rc"
}
trap stop_servers EXIT

start_server() {  # NAME DB [ARGS...]
  local name=$1 db=$2
  shift 2
  "$VNKG_BIN" serve --db "$db" --bind 127.0.0.1 --port 0 "$@" >"$SCRATCH/$name.log" 2>&1 &
  local pid=$!
  SERVER_PIDS+=("$pid")
  SERVER_NAMES+=("$name")
  eval "PID_$name=$pid"
  local i port=""
  for i in $(seq 1 300); do
    port=$(sed -n 's|.* at http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$SCRATCH/$name.log" | head -n 1)
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$SCRATCH/$name.log" >&2; fail "vnkg serve ($name) exited at start"; }
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$SCRATCH/$name.log" >&2; fail "vnkg serve ($name) did not start within 30 s"; }
  eval "PORT_$name=$port"
  eval "URL_$name=http://127.0.0.1:$port"
}

# Python with Debian's packages (SPARQLWrapper): /usr/bin/python3 when present.
SYSTEM_PYTHON=/usr/bin/python3
[ -x "$SYSTEM_PYTHON" ] || SYSTEM_PYTHON=python3
