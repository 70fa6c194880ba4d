# `vnkg extract` is a pure filter, and `ingest --facts` loads what it printed
# into the same graph a direct ingest builds.
source "$(dirname "$0")/lib/common.sh"
"$VNKG_BIN" extract "$VNKG_SOURCE/examples/articles" >"$SCRATCH/facts.jsonl"
[ -s "$SCRATCH/facts.jsonl" ] || fail "extract printed no facts"
[ ! -e "$VNKG_DB" ] || fail "extract must not create a database"
"$VNKG_BIN" ingest -q --db "$SCRATCH/a.db" "$VNKG_SOURCE/examples/articles" 2>/dev/null
"$VNKG_BIN" ingest -q --facts --db "$SCRATCH/b.db" "$SCRATCH/facts.jsonl" 2>/dev/null
"$VNKG_BIN" export --db "$SCRATCH/a.db" | python3 -c 'import sys,json; [print(json.dumps([l["subject"],l["predicate"],l["object"],sorted(l.get("docs",[l["doc"]]))],ensure_ascii=False,sort_keys=True)) for l in map(json.loads,sys.stdin)]' | sort >"$SCRATCH/a.txt"
"$VNKG_BIN" export --db "$SCRATCH/b.db" | python3 -c 'import sys,json; [print(json.dumps([l["subject"],l["predicate"],l["object"],sorted(l.get("docs",[l["doc"]]))],ensure_ascii=False,sort_keys=True)) for l in map(json.loads,sys.stdin)]' | sort >"$SCRATCH/b.txt"
diff "$SCRATCH/a.txt" "$SCRATCH/b.txt" >/dev/null || { diff "$SCRATCH/a.txt" "$SCRATCH/b.txt" | head; fail "ingest --facts differs from ingest"; }
# A malformed facts line is named and skipped.
echo '{"subject": {"type": "Nope"}}' >>"$SCRATCH/facts.jsonl"
expect_status 3 "$VNKG_BIN" ingest -q --facts --db "$SCRATCH/c.db" "$SCRATCH/facts.jsonl" 2>"$SCRATCH/err"
n=$(wc -l <"$SCRATCH/facts.jsonl")
expect_contains "$SCRATCH/err" "facts.jsonl:$n: subject.type: unknown entity type 'Nope'"
echo ok
