# A bounded load test of `vnkg serve` on 127.0.0.1: 40 clients at once, then
# 1,000 queries (the oracle queries in turn) by those 40 clients over kept-alive
# connections; every one must be answered 200. Prints p50/p99 latencies.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/serve.sh"
db="$SCRATCH/graph.db"
if [ -f "$VNKG_SHARED/corpus/dev.jsonl" ]; then
  "$VNKG_BIN" ingest -q --db "$db" "$VNKG_SHARED/corpus/dev.jsonl" 2>/dev/null
else
  "$VNKG_BIN" ingest -q --db "$db" "$VNKG_SOURCE/examples/articles" 2>/dev/null
fi
start_server load "$db" --refresh 0
python3 "$(dirname "$0")/lib/serve_load.py" "$URL_load" "$VNKG_SOURCE/tests/sparql" --clients 40 --total 1000 ||
  fail "not every request was answered"
kill -0 "$PID_load" || fail "the server died under load"
