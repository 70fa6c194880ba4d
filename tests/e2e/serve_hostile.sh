# Hostile requests against `vnkg serve` on 127.0.0.1 (lib/serve_hostile.py
# lists them and prints what each got): path traversal in many spellings,
# a bad query, bodies and headers over the limits, garbage, a slowloris
# connection, idle connections. Then curl's oversized POST and an overlong
# query get 413, and SIGTERM and SIGINT stop the server cleanly, also while a
# long query runs.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/serve.sh"
db="$SCRATCH/seed.db"
"$VNKG_BIN" ingest -q --db "$db" "$VNKG_SOURCE/examples/articles" 2>/dev/null
start_server hostile "$db" --refresh 0 --request-timeout 2 --max-query-bytes 4096
python3 "$(dirname "$0")/lib/serve_hostile.py" "$PORT_hostile" 2 || fail "a hostile request was mishandled"
kill -0 "$PID_hostile" || fail "the server died"

# curl: a 2 MiB POST (curl sends Expect: 100-continue) and a query over --max-query-bytes.
head -c 2097152 /dev/zero | tr '\0' 'x' >"$SCRATCH/big.body"
code=$(curl -sS -o "$SCRATCH/413.txt" -w '%{http_code}' "$URL_hostile/sparql" \
  -H 'Content-Type: application/sparql-query' --data-binary @"$SCRATCH/big.body")
[ "$code" = 413 ] || fail "a 2 MiB body got $code"
echo "curl POST of a 2 MiB body -> $code $(head -c 80 "$SCRATCH/413.txt")"
long_query="SELECT * WHERE { ?s ?p ?o } # $(head -c 5000 /dev/zero | tr '\0' 'y')"
code=$(curl -sS -o "$SCRATCH/long.txt" -w '%{http_code}' "$URL_hostile/sparql" \
  -H 'Content-Type: application/sparql-query' --data-binary "$long_query")
[ "$code" = 413 ] || fail "a 5 KB query over --max-query-bytes 4096 got $code"
echo "curl POST of a 5 KB query (limit 4096) -> $code $(head -c 80 "$SCRATCH/long.txt")"

# The default address is loopback.
"$VNKG_BIN" serve --help | grep -qE -- '--bind TEXT( \[|=)127\.0\.0\.1' || fail "--bind does not default to 127.0.0.1"

# SIGTERM and SIGINT stop it cleanly: status 0, "stopped" in the log, quickly.
stops_within() {  # NAME SIGNAL
  local pid_var="PID_$1"
  local pid=${!pid_var}
  kill -s "$2" "$pid"
  local i
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && fail "$2 did not stop the server within 10 s"
  local rc=0
  wait "$pid" || rc=$?
  [ "$rc" -eq 0 ] || fail "after $2 the server exited with status $rc"
  expect_contains "$SCRATCH/$1.log" "stopped"
  echo "$2 -> stopped, status 0"
}
stops_within hostile TERM
start_server sigint "$db" --refresh 0
stops_within sigint INT
# A long query does not hold the shutdown: it is cancelled.
start_server busy "$db" --refresh 0 --timeout 0 --max-rows 100000000000
curl -sS -o /dev/null -G "$URL_busy/sparql" --max-time 60 \
  --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }' &
curl_pid=$!
sleep 1
stops_within busy TERM
wait "$curl_pid" 2>/dev/null || true
