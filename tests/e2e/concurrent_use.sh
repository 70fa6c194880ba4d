# While an ingest runs: readers (stats, export, query, the REPL's .open) work
# on a consistent snapshot in which every document is wholly present or
# absent; a second writer is refused with a message naming the holder.
source "$(dirname "$0")/lib/common.sh"
input="$SCRATCH/input.jsonl"
{ zstdcat "$VNKG_SHARED/corpus/news.jsonl.zst" || true; } | head -n 6000 >"$input"
[ "$(wc -l <"$input")" -eq 6000 ] || fail "could not read 6000 articles from the corpus"

# (fact, document) pairs of a database, grouped by document.
by_doc() {  # DB -> JSON lines [doc, sorted facts]
  "$VNKG_BIN" export --db "$1" --format facts | python3 -c '
import json, sys, collections
docs = collections.defaultdict(set)
for line in sys.stdin:
    f = json.loads(line)
    key = json.dumps([f["subject"], f["predicate"], f["object"]], ensure_ascii=False, sort_keys=True)
    for d in set(f.get("docs") or [f["doc"]]):
        docs[d].add(key)
for d in sorted(docs):
    print(json.dumps([d, sorted(docs[d])], ensure_ascii=False))'
}

"$VNKG_BIN" ingest -q --db "$SCRATCH/ref.db" "$input" 2>/dev/null
by_doc "$SCRATCH/ref.db" >"$SCRATCH/ref.txt"

db="$SCRATCH/live.db"
"$VNKG_BIN" ingest -q --jobs 1 --db "$db" "$input" 2>"$SCRATCH/writer.err" &
writer=$!
for _ in $(seq 1 100); do [ -f "$db/WRITER" ] && break; sleep 0.05; done
[ -f "$db/WRITER" ] || fail "the writer did not start"

reads=0 last=0 snapshots=0 refused=0
while kill -0 "$writer" 2>/dev/null; do
  if "$VNKG_BIN" stats --db "$db" >"$SCRATCH/stats" 2>"$SCRATCH/stats.err"; then
    n=$(awk '/^documents/ {print $2}' "$SCRATCH/stats")
    [ "$n" -ge "$last" ] || fail "documents went from $last down to $n"
    last=$n reads=$((reads + 1))
  else
    kill -0 "$writer" 2>/dev/null && fail "stats failed during the ingest: $(cat "$SCRATCH/stats.err")"
  fi
  if [ "$snapshots" -lt 2 ] && by_doc "$db" >"$SCRATCH/snap.txt" 2>/dev/null && [ -s "$SCRATCH/snap.txt" ]; then
    # Every document in the snapshot has exactly its facts of the full graph.
    extra=$(comm -23 "$SCRATCH/snap.txt" "$SCRATCH/ref.txt" | wc -l)
    [ "$extra" -eq 0 ] || fail "a snapshot taken during the ingest holds $extra partial or foreign documents"
    snapshots=$((snapshots + 1))
  fi
  if [ "$refused" -eq 0 ] && kill -0 "$writer" 2>/dev/null; then
    status=0
    "$VNKG_BIN" ingest -q --db "$db" "$VNKG_SOURCE/examples/articles" 2>"$SCRATCH/second.err" || status=$?
    if kill -0 "$writer" 2>/dev/null; then
      [ "$status" -eq 1 ] || fail "a second writer got exit status $status"
      expect_contains "$SCRATCH/second.err" "is being written by process $writer"
      refused=1
    fi
  fi
  printf '.open %s\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o };\n' "$db" | "$VNKG_BIN" repl --db "$SCRATCH/ref.db" >"$SCRATCH/repl.out" 2>"$SCRATCH/repl.err" ||
    { kill -0 "$writer" 2>/dev/null && fail "the REPL failed during the ingest: $(cat "$SCRATCH/repl.err")"; }
done
wait "$writer" || fail "the ingest failed: $(cat "$SCRATCH/writer.err")"
[ "$reads" -ge 2 ] || fail "only $reads reads happened during the ingest; it ran too fast to test"
[ "$refused" -eq 1 ] || fail "no second writer was tried during the ingest"
[ "$snapshots" -ge 1 ] || fail "no snapshot was taken during the ingest"
expect_contains "$SCRATCH/repl.err" "(read-only)"
by_doc "$db" | cmp -s - "$SCRATCH/ref.txt" || fail "the graph after the ingest differs from the reference"
echo "ok: $reads consistent reads and $snapshots whole-document snapshots during the ingest; second writer refused"
