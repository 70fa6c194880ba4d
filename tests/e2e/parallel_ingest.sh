# The graph is the same whatever --jobs is: extraction runs in parallel, the
# single writer commits in input order. Checked on 100 real articles.
source "$(dirname "$0")/lib/common.sh"
dev="$VNKG_SHARED/corpus/dev.jsonl"
[ -f "$dev" ] || fail "missing $dev"
"$VNKG_BIN" ingest -q --jobs 1 --db "$SCRATCH/one.db" "$dev" 2>/dev/null
"$VNKG_BIN" ingest -q --jobs 3 --db "$SCRATCH/three.db" "$dev" 2>/dev/null
"$VNKG_BIN" export --db "$SCRATCH/one.db" --format facts >"$SCRATCH/one.jsonl"
"$VNKG_BIN" export --db "$SCRATCH/three.db" --format facts >"$SCRATCH/three.jsonl"
[ -s "$SCRATCH/one.jsonl" ] || fail "no facts from dev.jsonl"
cmp -s "$SCRATCH/one.jsonl" "$SCRATCH/three.jsonl" || fail "exports differ between --jobs 1 and --jobs 3"
"$VNKG_BIN" stats --db "$SCRATCH/one.db" | grep -q "documents   100" || fail "expected 100 documents"
echo "ok: $(wc -l <"$SCRATCH/one.jsonl") facts, identical"
