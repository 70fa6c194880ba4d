# `ingest --bulk` builds the graph a normal ingest builds: same exports on
# real articles (with re-sent documents, some changed, so that replacement
# is covered), for articles and for facts; it refuses a database that holds
# data, and a killed bulk load leaves no database behind.
source "$(dirname "$0")/lib/common.sh"
dev="$VNKG_SHARED/corpus/dev.jsonl"
[ -f "$dev" ] || fail "missing $dev"

# The 100 articles, then 10 of them again with the text cut in half (new
# content, same id) and 5 again unchanged.
python3 - "$dev" >"$SCRATCH/input.jsonl" <<'PY'
import json, sys
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
out = [json.dumps(r, ensure_ascii=False) for r in records]
for r in records[:10]:
    changed = dict(r, text=r["text"][: len(r["text"]) // 2])
    out.append(json.dumps(changed, ensure_ascii=False))
out += [json.dumps(r, ensure_ascii=False) for r in records[20:25]]
print("\n".join(out))
PY

"$VNKG_BIN" ingest -q --db "$SCRATCH/normal.db" "$SCRATCH/input.jsonl" 2>"$SCRATCH/normal.err"
"$VNKG_BIN" ingest -q --bulk --db "$SCRATCH/bulk.db" "$SCRATCH/input.jsonl" 2>"$SCRATCH/bulk.err"
expect_contains "$SCRATCH/bulk.err" "(100 new, 10 replaced, 5 unchanged)"
for format in facts ntriples; do
  "$VNKG_BIN" export --db "$SCRATCH/normal.db" --format "$format" >"$SCRATCH/normal.$format"
  "$VNKG_BIN" export --db "$SCRATCH/bulk.db" --format "$format" >"$SCRATCH/bulk.$format"
  [ -s "$SCRATCH/normal.$format" ] || fail "empty $format export"
  cmp -s "$SCRATCH/normal.$format" "$SCRATCH/bulk.$format" || fail "$format exports differ between ingest and ingest --bulk"
done
for db in normal bulk; do mkdir -p "$SCRATCH/$db-csv"; "$VNKG_BIN" export --db "$SCRATCH/$db.db" --format csv -o "$SCRATCH/$db-csv/"; done
diff -r "$SCRATCH/normal-csv" "$SCRATCH/bulk-csv" >/dev/null || fail "Neo4j CSV exports differ"
"$VNKG_BIN" stats --db "$SCRATCH/normal.db" | grep -v -e "^disk" >"$SCRATCH/normal.stats"
"$VNKG_BIN" stats --db "$SCRATCH/bulk.db" | grep -v -e "^disk" >"$SCRATCH/bulk.stats"
cmp -s "$SCRATCH/normal.stats" "$SCRATCH/bulk.stats" || fail "stats differ: $(diff "$SCRATCH/normal.stats" "$SCRATCH/bulk.stats")"

# Facts computed elsewhere, loaded both ways.
"$VNKG_BIN" extract "$dev" >"$SCRATCH/dev.facts"
"$VNKG_BIN" ingest -q --facts --db "$SCRATCH/facts-normal.db" "$SCRATCH/dev.facts" 2>/dev/null
"$VNKG_BIN" ingest -q --facts --bulk --db "$SCRATCH/facts-bulk.db" "$SCRATCH/dev.facts" 2>/dev/null
"$VNKG_BIN" export --db "$SCRATCH/facts-normal.db" --format facts >"$SCRATCH/facts-normal.jsonl"
"$VNKG_BIN" export --db "$SCRATCH/facts-bulk.db" --format facts >"$SCRATCH/facts-bulk.jsonl"
cmp -s "$SCRATCH/facts-normal.jsonl" "$SCRATCH/facts-bulk.jsonl" || fail "ingest --facts --bulk differs from ingest --facts"

# A database with data in it is refused, and stays as it was.
expect_status 1 "$VNKG_BIN" ingest -q --bulk --db "$SCRATCH/normal.db" "$dev" 2>"$SCRATCH/refused.err"
expect_contains "$SCRATCH/refused.err" "$SCRATCH/normal.db"
expect_contains "$SCRATCH/refused.err" "not empty"
"$VNKG_BIN" export --db "$SCRATCH/normal.db" --format facts | cmp -s - "$SCRATCH/normal.facts" || fail "refused bulk load changed the database"

# kill -9 during a bulk load: no database at --db; the next load cleans up
# the staging directory and succeeds.
# Distinct ids, so that every copy is extracted and stored (a repeat would be
# "unchanged" and cost nothing): long enough to be killed mid-way anywhere.
for i in $(seq 1 40); do sed "s/\"id\": \"/\"id\": \"copy$i-/" "$SCRATCH/input.jsonl"; done >"$SCRATCH/big.jsonl"
"$VNKG_BIN" ingest -q --bulk --db "$SCRATCH/killed.db" "$SCRATCH/big.jsonl" 2>/dev/null &
pid=$!
for _ in $(seq 1 200); do [ -d "$SCRATCH/killed.db.bulk-$pid" ] && break; sleep 0.02; done
sleep 0.3
kill -9 "$pid" 2>/dev/null || fail "the bulk load ended before it could be killed; make big.jsonl bigger"
wait "$pid" 2>/dev/null || true
[ -d "$SCRATCH/killed.db.bulk-$pid" ] || fail "no staging directory seen: was the load killed mid-way?"
[ ! -e "$SCRATCH/killed.db" ] || fail "a killed bulk load left $SCRATCH/killed.db"
"$VNKG_BIN" ingest -q --bulk --db "$SCRATCH/killed.db" "$SCRATCH/input.jsonl" 2>/dev/null
ls -d "$SCRATCH"/killed.db.bulk-* 2>/dev/null && fail "staging directories left behind"
"$VNKG_BIN" export --db "$SCRATCH/killed.db" --format facts | cmp -s - "$SCRATCH/normal.facts" || fail "bulk load after a kill differs"
echo "ok: $(wc -l <"$SCRATCH/normal.facts") facts and $(wc -l <"$SCRATCH/normal.ntriples") triples identical"
