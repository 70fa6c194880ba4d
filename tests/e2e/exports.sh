# Exports checked by the real tools: rapper parses N-Triples and Turtle with
# the same triple count, Graphviz draws the DOT, the CSV has Neo4j's headers.
source "$(dirname "$0")/lib/common.sh"
db="$SCRATCH/x.db"
"$VNKG_BIN" ingest -q --db "$db" "$VNKG_SOURCE/examples/articles" 2>/dev/null

"$VNKG_BIN" export --db "$db" --format ntriples -o "$SCRATCH/g.nt"
"$VNKG_BIN" export --db "$db" --format turtle -o "$SCRATCH/g.ttl"
nt=$(rapper -i ntriples -c "$SCRATCH/g.nt" 2>&1 | grep -o 'returned [0-9]* triples' | grep -o '[0-9]*') || true
ttl=$(rapper -i turtle -c "$SCRATCH/g.ttl" 2>&1 | grep -o 'returned [0-9]* triples' | grep -o '[0-9]*') || true
if rapper -i ntriples -c "$SCRATCH/g.nt" 2>&1 | grep -qiE 'error|warning'; then fail "rapper reports problems in N-Triples"; fi
if rapper -i turtle -c "$SCRATCH/g.ttl" 2>&1 | grep -qiE 'error|warning'; then fail "rapper reports problems in Turtle"; fi
[ -n "$nt" ] && [ "$nt" -gt 0 ] || fail "rapper counted no N-Triples: $(rapper -i ntriples -c "$SCRATCH/g.nt" 2>&1 | tail -3)"
[ "$nt" = "$(wc -l <"$SCRATCH/g.nt")" ] || fail "rapper counted $nt triples, the file has $(wc -l <"$SCRATCH/g.nt") lines"
[ "$nt" = "$ttl" ] || fail "N-Triples has $nt triples, Turtle $ttl"

# Every stored fact is one triple with a vn: predicate; the rest describe entities.
"$VNKG_BIN" export --db "$db" --format facts >"$SCRATCH/facts.jsonl"
facts=$(wc -l <"$SCRATCH/facts.jsonl")
fact_triples=$(grep -cE '<urn:vnkg:(holds_position|chaired|attended|spoke_at|organized|has_bridge_point|located_in|received_award|cooperates_with|borders|part_of)>' "$SCRATCH/g.nt")
[ "$facts" = "$fact_triples" ] || fail "$facts facts exported but $fact_triples fact triples in N-Triples"
# IRIs are stable across runs and re-ingests.
"$VNKG_BIN" ingest -q --db "$SCRATCH/y.db" "$VNKG_SOURCE/examples/articles" 2>/dev/null
"$VNKG_BIN" export --db "$SCRATCH/y.db" --format ntriples | sort >"$SCRATCH/g2.sorted"
sort "$SCRATCH/g.nt" | diff -q - "$SCRATCH/g2.sorted" >/dev/null || fail "N-Triples differ between two builds of the same graph"

# DOT, drawn by Graphviz, with Vietnamese labels intact.
"$VNKG_BIN" export --db "$db" --format dot -o "$SCRATCH/g.dot"
dot -Tsvg "$SCRATCH/g.dot" -o "$SCRATCH/g.svg" 2>"$SCRATCH/dot.err" || { cat "$SCRATCH/dot.err"; fail "dot rejected the export"; }
expect_contains "$SCRATCH/g.svg" "Bắc Giang"
expect_contains "$SCRATCH/g.svg" "legend"

# A focus drawing, rendered to SVG by Graphviz through --render.
"$VNKG_BIN" export --db "$db" --format dot --focus "bui thanh son" --depth 1 -o "$SCRATCH/focus.dot" --render svg 2>/dev/null
expect_contains "$SCRATCH/focus.svg" "Bùi Thanh Sơn"
expect_contains "$SCRATCH/focus.svg" "Bộ trưởng Bộ Ngoại giao"
expect_not_contains "$SCRATCH/focus.svg" "Mai Sơn"
"$VNKG_BIN" export --db "$db" --format dot --event 2023-01-10 --depth 1 -o "$SCRATCH/event.dot"
dot -Tsvg "$SCRATCH/event.dot" -o "$SCRATCH/event.svg"
expect_contains "$SCRATCH/event.svg" "điểm cầu Hà Tĩnh"
expect_not_contains "$SCRATCH/event.svg" "Bắc Giang"
expect_status 1 "$VNKG_BIN" export --db "$db" --format dot --focus "nobody at all" 2>/dev/null

# Neo4j CSV: the typed headers neo4j-admin expects, one row per entity / fact.
mkdir -p "$SCRATCH/neo"
"$VNKG_BIN" export --db "$db" --format csv -o "$SCRATCH/neo/"
[ "$(head -n 1 "$SCRATCH/neo/nodes.csv")" = "id:ID,name,date,province,title,organization,:LABEL" ] || fail "nodes.csv header"
[ "$(head -n 1 "$SCRATCH/neo/relationships.csv")" = ":START_ID,:END_ID,:TYPE,doc,evidence,confidence:float" ] || fail "relationships.csv header"
rels=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8"))) - 1)' "$SCRATCH/neo/relationships.csv")
[ "$rels" = "$facts" ] || fail "$rels relationships for $facts facts"
echo "ok: $nt triples, $facts facts"
