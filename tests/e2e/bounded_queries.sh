# Bounded queries through the real binary: a runaway SPARQL query stops at
# --timeout (exit 1) or at its --max-rows limit with a message, long before
# it would have finished or eaten the machine's memory; SIGINT (Ctrl-C) stops
# a running query with its message and exit status 130; path, neighbors and
# top honour --timeout; in the REPL on a terminal, Ctrl-C stops the running
# statement and the session goes on, and .timeout bounds each statement.
source "$(dirname "$0")/lib/common.sh"
export LC_ALL=C.UTF-8

# Generated graphs, in the fact format of docs/facts.md:
#  - wide: 20,000 people attending 300 events (~60,000 triples in the RDF view);
#  - chain: 50,000 people in a line (exact betweenness: 50,000 searches of 50,000).
awk 'BEGIN { for (i = 0; i < 20000; i++)
  printf "{\"subject\":{\"type\":\"Person\",\"name\":\"Người %d\"},\"predicate\":\"attended\",\"object\":{\"type\":\"Event\",\"name\":\"Hội nghị %d\",\"date\":\"2024-%02d-%02d\"},\"doc\":\"w%d\",\"evidence\":\"x\"}\n",
         i, i % 300, i % 12 + 1, i % 28 + 1, int(i / 100) }' >"$SCRATCH/wide.jsonl"
awk 'BEGIN { for (i = 0; i < 50000; i++)
  printf "{\"subject\":{\"type\":\"Person\",\"name\":\"N%d\"},\"predicate\":\"cooperates_with\",\"object\":{\"type\":\"Person\",\"name\":\"N%d\"},\"doc\":\"c%d\",\"evidence\":\"x\"}\n",
         i, i + 1, int(i / 1000) }' >"$SCRATCH/chain.jsonl"
wide="$SCRATCH/wide.db"
chain="$SCRATCH/chain.db"
"$VNKG_BIN" ingest -q --db "$wide" --facts "$SCRATCH/wide.jsonl" 2>/dev/null
"$VNKG_BIN" ingest -q --db "$chain" --facts "$SCRATCH/chain.jsonl" 2>/dev/null

now_ms() { date +%s%3N; }
# Every triple against every triple, each pair thrown away by the OPTIONAL's
# filter (its variables are not joined in the pattern): quadratic work,
# little memory, minutes unbounded.
runaway='SELECT ?a ?b WHERE { ?a ?p ?b OPTIONAL { ?c ?q ?d FILTER(?c = ?b && ?d = ?a) } }'
# The plain cross product: its solutions pile up until --max-rows.
cross='SELECT * WHERE { ?a ?p ?b . ?c ?q ?d }'

# ------------------------------------------------------------ --timeout
# (3 s: opening the store and building its name index take 0.5-0.7 s here, more
# on a loaded machine, and the limit must fall inside the query itself.)
start=$(now_ms)
expect_status 1 "$VNKG_BIN" query --db "$wide" --timeout 3 "$runaway" >"$SCRATCH/timeout.out" 2>"$SCRATCH/timeout.err"
took=$(($(now_ms) - start))
expect_contains "$SCRATCH/timeout.err" "vnkg: query stopped after 3.0 s (--timeout); "
expect_contains "$SCRATCH/timeout.err" "intermediate solutions computed"
[ ! -s "$SCRATCH/timeout.out" ] || fail "a stopped query printed rows: $(head -3 "$SCRATCH/timeout.out")"
[ "$took" -lt 8000 ] || fail "--timeout 3 took ${took} ms to stop the query"
echo "query --timeout 3 stopped the runaway query after ${took} ms"

# ------------------------------------------------------------ --max-rows
start=$(now_ms)
expect_status 1 "$VNKG_BIN" query --db "$wide" --timeout 0 "$cross" >/dev/null 2>"$SCRATCH/rows.err"
took=$(($(now_ms) - start))
expect_contains "$SCRATCH/rows.err" "the query needs more than 1000000 intermediate solutions"
expect_contains "$SCRATCH/rows.err" "(vnkg query --max-rows)"
echo "the cross product stopped at --max-rows after ${took} ms"

# ------------------------------------------------------------ Ctrl-C
# SIGINT as a terminal sends it on Ctrl-C. (A background job of a script
# starts with SIGINT ignored; vnkg installs its own handler all the same.)
interrupt_after() {  # SECONDS OUT ERR COMMAND...: runs COMMAND, sends SIGINT after SECONDS, returns its status
  local wait=$1 out=$2 err=$3
  shift 3
  "$@" >"$out" 2>"$err" &
  local pid=$!
  sleep "$wait"
  kill -INT "$pid" 2>/dev/null || true
  local status=0
  wait "$pid" || status=$?
  return "$status"
}
start=$(now_ms)
status=0
interrupt_after 3 "$SCRATCH/int.out" "$SCRATCH/int.err" "$VNKG_BIN" query --db "$wide" --timeout 0 "$runaway" || status=$?
took=$(($(now_ms) - start))
[ "$status" -eq 130 ] || { cat "$SCRATCH/int.err" >&2; fail "Ctrl-C during a query: exit status $status, expected 130"; }
expect_contains "$SCRATCH/int.err" "vnkg: query stopped by Ctrl-C; "
[ ! -s "$SCRATCH/int.out" ] || fail "an interrupted query printed rows"
[ "$took" -lt 8000 ] || fail "SIGINT after 3 s took until ${took} ms to stop the query"
echo "SIGINT stopped the query: exit 130 at ${took} ms (sent at 3000 ms)"

# Exact betweenness on the chain would take many minutes: Ctrl-C and --timeout stop it.
status=0
interrupt_after 1.5 "$SCRATCH/top.out" "$SCRATCH/top.err" "$VNKG_BIN" top --db "$chain" --by betweenness --sources 0 --timeout 0 || status=$?
[ "$status" -eq 130 ] || { cat "$SCRATCH/top.err" >&2; fail "Ctrl-C during top: exit status $status, expected 130"; }
expect_contains "$SCRATCH/top.err" "stopped by Ctrl-C"
start=$(now_ms)
expect_status 1 "$VNKG_BIN" top --db "$chain" --by betweenness --sources 0 --timeout 2 >"$SCRATCH/top2.out" 2>"$SCRATCH/top2.err"
took=$(($(now_ms) - start))
expect_contains "$SCRATCH/top2.err" "stopped after 2.0 s (--timeout)"
[ "$took" -lt 6000 ] || fail "top --timeout 2 took ${took} ms"
echo "top --by betweenness --sources 0 --timeout 2 stopped after ${took} ms: $(cat "$SCRATCH/top2.err")"

# ------------------------------------------------------------ path, neighbors
# A limit shorter than reading the store: the message names the step it stopped in.
expect_status 1 "$VNKG_BIN" path --db "$chain" N0 N40 --timeout 0.001 2>"$SCRATCH/path.err"
expect_contains "$SCRATCH/path.err" "stopped after 0.001 s (--timeout)"
expect_status 1 "$VNKG_BIN" neighbors --db "$chain" N0 --timeout 0.001 2>"$SCRATCH/neighbors.err"
expect_contains "$SCRATCH/neighbors.err" "stopped after 0.001 s (--timeout)"
# Within the default limit they answer, bounded by hops and --limit.
"$VNKG_BIN" path --db "$chain" N0 N12 --max-hops 12 >"$SCRATCH/path.out"
expect_contains "$SCRATCH/path.out" "12 hops from N0 to N12"
"$VNKG_BIN" path --db "$chain" N0 N40 >"$SCRATCH/far.out"
expect_contains "$SCRATCH/far.out" "no connection within 6 hops"
"$VNKG_BIN" neighbors --db "$chain" N100 --depth 6 --limit 5 >"$SCRATCH/neighbors.out"
expect_contains "$SCRATCH/neighbors.out" "5 entities within 6 hops (limit reached"
for command in path neighbors top query; do
  "$VNKG_BIN" "$command" --help >"$SCRATCH/help.txt"
  expect_contains "$SCRATCH/help.txt" "--timeout"
done

# ------------------------------------------------------------ the REPL on a terminal
command -v tmux >/dev/null || fail "tmux is not installed (scripts/install-deps.sh installs it)"
socket="vnkg-e2e-bounded-$$-$RANDOM"
T() { tmux -u -L "$socket" "$@"; }
trap 'tmux -L "$socket" kill-server >/dev/null 2>&1 || true; rm -rf "$SCRATCH"' EXIT
mkdir -p "$SCRATCH/home" "$SCRATCH/state"
T new-session -d -s repl -x 200 -y 50 \
  "env HOME=$(printf %q "$SCRATCH/home") XDG_STATE_HOME=$(printf %q "$SCRATCH/state") \
   VNKG_RC=$(printf %q "$SCRATCH/no-rc") LC_ALL=C.UTF-8 TERM=xterm \
   $(printf %q "$VNKG_BIN") repl --db $(printf %q "$wide") 2>&1"
screen() { T capture-pane -p -J -S -300 -t repl 2>/dev/null || true; }
dump_and_fail() { echo "--- terminal:" >&2; screen >&2; fail "$*"; }
wait_for() {  # TEXT [TENTHS]: until the terminal shows it
  for _ in $(seq "${2:-100}"); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  dump_and_fail "the terminal never showed '$1'"
}
wait_last_line() {
  for _ in $(seq 100); do
    [ "$(screen | grep -v '^ *$' | tail -n 1 | sed 's/ *$//')" = "$1" ] && return 0
    sleep 0.1
  done
  dump_and_fail "the last line never became '$1'"
}
wait_last_line "vnkg>"

# tmux reads a bare ';' as its own command separator: send it escaped.
T send-keys -t repl "$runaway" "\\;" Enter
sleep 1.5  # well into the query (building the engine takes a fraction of that)
T send-keys -t repl C-c
wait_for "query stopped by Ctrl-C; " 50
wait_last_line "vnkg>"

T send-keys -t repl ".timeout 1" Enter
wait_last_line "vnkg>"
T send-keys -t repl "$runaway" "\\;" Enter
wait_for "error: query stopped after 1.0 s (.timeout); " 60
wait_last_line "vnkg>"

T send-keys -t repl 'who "Người 7"' Enter
wait_for "Hội nghị 7"
wait_last_line "vnkg>"
T send-keys -t repl ".quit" Enter
for _ in $(seq 100); do
  T has-session -t repl 2>/dev/null || break
  sleep 0.1
done
T has-session -t repl 2>/dev/null && dump_and_fail "the REPL did not end"
echo ok
