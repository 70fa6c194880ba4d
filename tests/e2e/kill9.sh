# kill -9 at random moments of an ingest: the database always opens, what it
# holds is a subset of the uninterrupted graph (documents wholly present or
# absent), and a re-run completes to exactly the uninterrupted graph.
source "$(dirname "$0")/lib/common.sh"
rounds=${VNKG_KILL_ROUNDS:-12}
input="$SCRATCH/input.jsonl"
{ zstdcat "$VNKG_SHARED/corpus/news.jsonl.zst" || true; } | head -n 1500 >"$input"
cat "$VNKG_SHARED/corpus/dev.jsonl" >>"$input"

facts_of() {  # DB -> sorted fact keys with their documents
  "$VNKG_BIN" export --db "$1" --format facts | python3 -c '
import json, sys
for line in sys.stdin:
    f = json.loads(line)
    for d in sorted(set(f.get("docs") or [f["doc"]])):
        print(json.dumps([f["subject"], f["predicate"], f["object"], d], ensure_ascii=False, sort_keys=True))' | sort
}

"$VNKG_BIN" ingest -q --db "$SCRATCH/ref.db" "$input" 2>/dev/null
facts_of "$SCRATCH/ref.db" >"$SCRATCH/ref.txt"
start=$(date +%s.%N)
"$VNKG_BIN" ingest -q --db "$SCRATCH/timing.db" "$input" 2>/dev/null
full=$(python3 -c "import time; print(max(0.3, time.time() - $start))")

db="$SCRATCH/killed.db"
total=$("$VNKG_BIN" stats --db "$SCRATCH/ref.db" | grep documents | tr -s ' ' | cut -d' ' -f2)
for round in $(seq 1 "$rounds"); do
  delay=$(python3 -c "import random; print(round(random.uniform(0.05, $full), 3))")
  "$VNKG_BIN" ingest -q --db "$db" "$input" 2>/dev/null &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if ! "$VNKG_BIN" stats --db "$db" >"$SCRATCH/stats" 2>"$SCRATCH/stats.err"; then
    # Killed before the database's first file landed: there is no database
    # yet, which is the one acceptable answer; anything else is a failure.
    grep -q "no vnkg database" "$SCRATCH/stats.err" ||
      fail "round $round: the database does not open after kill -9 at ${delay}s: $(cat "$SCRATCH/stats.err")"
    echo "round $round: killed at ${delay}s, before the database was created"
    continue
  fi
  facts_of "$db" >"$SCRATCH/partial.txt"
  extra=$(comm -23 "$SCRATCH/partial.txt" "$SCRATCH/ref.txt" | wc -l)
  [ "$extra" -eq 0 ] || fail "round $round: $extra facts after kill -9 that the uninterrupted graph lacks"
  echo "round $round: killed at ${delay}s, $(grep documents "$SCRATCH/stats" | tr -s ' ')"
  # Once an ingest got to the end, start over so that later kills land mid-way.
  if [ "$(grep documents "$SCRATCH/stats" | tr -s ' ' | cut -d' ' -f2)" = "$total" ]; then rm -rf "$db"; fi
done
"$VNKG_BIN" ingest -q --db "$db" "$input" 2>/dev/null
facts_of "$db" >"$SCRATCH/final.txt"
cmp -s "$SCRATCH/final.txt" "$SCRATCH/ref.txt" || fail "after $rounds kills and a re-run the graph differs from an uninterrupted ingest"
echo "ok: $rounds kills, final graph identical ($(wc -l <"$SCRATCH/ref.txt") fact occurrences)"
