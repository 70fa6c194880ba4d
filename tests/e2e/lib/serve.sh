# For the serve_*.sh tests (after common.sh): start `vnkg serve` on a free
# loopback port and stop it when the test ends.
#   start_server NAME DB [ARGS...]  -> sets PORT_<NAME> / URL_<NAME>, log in $SCRATCH/NAME.log
# Only 127.0.0.1 is ever used.
SERVER_PIDS=()
stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$SCRATCH"
}
trap stop_servers EXIT

start_server() {  # NAME DB [ARGS...]
  local name=$1 db=$2
  shift 2
  "$VNKG_BIN" serve --db "$db" --bind 127.0.0.1 --port 0 "$@" >"$SCRATCH/$name.log" 2>&1 &
  local pid=$!
  SERVER_PIDS+=("$pid")
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
