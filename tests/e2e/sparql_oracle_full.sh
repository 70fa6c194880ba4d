# SPARQL 1.1 features checked against Oxigraph (the npm package `oxigraph`,
# run by Node): every tests/sparql_full/*.rq runs in `vnkg query` and in
# Oxigraph over the N-Triples export of the same graph (the seed articles of
# ../shared/seeds, and the dev corpus), and the answers must agree: rows as
# multisets (in order when the query has ORDER BY), ASK as true/false,
# CONSTRUCT and DESCRIBE as sets of triples. Query headers:
#   # concat: VAR          ?VAR is a GROUP_CONCAT: its parts are compared sorted
#   # oxigraph-differs: W  vnkg departs from Oxigraph on purpose (docs/sparql.md):
#                          run, not compared
# Then the limits: a closure over a cycle ends, and a path or a subquery stops
# at --max-rows and --timeout.
source "$(dirname "$0")/lib/common.sh"
compare="$(dirname "$0")/lib/sparql_compare.py"
runner="$(dirname "$0")/lib/oxigraph_query.js"
queries="$VNKG_SOURCE/tests/sparql_full"

# Oxigraph: installed under the build directory on first use.
oracle="${VNKG_ORACLE_DIR:-$(cd "$(dirname "$VNKG_BIN")/.." && pwd)/oracle}"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -q nodejs npm >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q nodejs npm >/dev/null 2>&1; } ||
      fail "could not install nodejs and npm (scripts/install-deps.sh installs them)"
  else
    fail "node and npm are missing: run scripts/install-deps.sh (packages nodejs npm)"
  fi
fi
if [ ! -f "$oracle/node_modules/oxigraph/package.json" ]; then
  mkdir -p "$oracle"
  (cd "$oracle" && npm install --no-audit --no-fund --silent oxigraph >"$oracle/npm.log" 2>&1) ||
    fail "npm install oxigraph into $oracle failed: $(tail -n 5 "$oracle/npm.log")"
fi
export NODE_PATH="$oracle/node_modules"

seeds="$VNKG_SHARED/seeds"
[ -d "$seeds" ] || seeds="$VNKG_SOURCE/examples/articles"
"$VNKG_BIN" ingest -q --db "$SCRATCH/seed.db" "$seeds" 2>/dev/null
graphs=(seed)
if [ -f "$VNKG_SHARED/corpus/dev.jsonl" ]; then
  "$VNKG_BIN" ingest -q --db "$SCRATCH/dev.db" "$VNKG_SHARED/corpus/dev.jsonl" 2>/dev/null
  graphs+=(dev)
else
  echo "note: $VNKG_SHARED/corpus/dev.jsonl not found; the seed graph only" >&2
fi
for g in "${graphs[@]}"; do
  "$VNKG_BIN" export --db "$SCRATCH/$g.db" --format ntriples -o "$SCRATCH/$g.nt"
done

for g in "${graphs[@]}"; do  # one Node process a graph: the data is loaded once
  mkdir -p "$SCRATCH/oxigraph.$g"
  node "$runner" "$SCRATCH/$g.nt" "$SCRATCH/oxigraph.$g" "$queries"/*.rq || fail "oxigraph failed on $g"
done

compared=0 failures=0 nonempty=0
for q in "$queries"/*.rq; do
  name=$(basename "$q" .rq)
  differs=$(sed -n 's/^# oxigraph-differs: *//p' "$q" | head -n 1)
  opts=()
  for v in $(sed -n 's/^# concat: *//p' "$q"); do opts+=(--sorted-concat "$v"); done
  grep -qi 'ORDER[[:space:]]\+BY' "$q" && opts+=(--ordered)
  format=tsv
  if grep -qiE '^[[:space:]]*(CONSTRUCT|DESCRIBE)' "$q"; then format=ntriples opts=(--graph); fi
  for g in "${graphs[@]}"; do
    out="$SCRATCH/$name.$g"
    if ! "$VNKG_BIN" query --db "$SCRATCH/$g.db" --format "$format" --file "$q" >"$out.vnkg" 2>"$out.err"; then
      echo "FAIL $name on $g: vnkg query failed: $(cat "$out.err")" >&2
      failures=$((failures + 1))
      continue
    fi
    if [ -f "$SCRATCH/oxigraph.$g/$name.oxigraph.err" ] || [ ! -f "$SCRATCH/oxigraph.$g/$name.oxigraph" ]; then
      echo "FAIL $name on $g: oxigraph failed: $(cat "$SCRATCH/oxigraph.$g/$name.oxigraph.err" 2>/dev/null)" >&2
      failures=$((failures + 1))
      continue
    fi
    cp "$SCRATCH/oxigraph.$g/$name.oxigraph" "$out.oxigraph"
    [ -n "$differs" ] && continue
    (IFS=$'\t'; echo "$name on $g	${opts[*]:+${opts[*]}	}$out.vnkg	$out.oxigraph") >>"$SCRATCH/manifest"
    compared=$((compared + 1))
    [ "$(grep -cv '^#' "$out.vnkg")" -gt 1 ] && nonempty=$((nonempty + 1))
  done
done
python3 "$compare" --batch "$SCRATCH/manifest" || failures=$((failures + 1))
echo "compared $compared answers with Oxigraph ($nonempty with more than one line)"
[ "$failures" -eq 0 ] || fail "$failures SPARQL answers differ from Oxigraph or failed"
[ "$compared" -ge 60 ] || fail "only $compared comparisons ran"

# Limits: a closure over the cycles of an undirected part_of/located_in
# graph ends; the same closure from every node stops at --max-rows and at
# --timeout, saying so, with exit status 1.
db="$SCRATCH/${graphs[-1]}.db"
closure='PREFIX vn: <urn:vnkg:> SELECT ?a ?b WHERE { ?a (vn:part_of|^vn:part_of|vn:located_in|^vn:located_in|rdf:type|^rdf:type)* ?b }'
expect_status 1 "$VNKG_BIN" query --db "$db" --max-rows 1000 "$closure" >/dev/null 2>"$SCRATCH/rows.err"
expect_contains "$SCRATCH/rows.err" "more than 1000 intermediate solutions"
expect_status 1 "$VNKG_BIN" query --db "$db" --max-rows 100000000 --timeout 0.2 "$closure" >/dev/null 2>"$SCRATCH/time.err"
expect_contains "$SCRATCH/time.err" "(--timeout)"
sub='PREFIX vn: <urn:vnkg:> SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?x } } }'
expect_status 1 "$VNKG_BIN" query --db "$db" --max-rows 1000 "$sub" >/dev/null 2>"$SCRATCH/sub.err"
expect_contains "$SCRATCH/sub.err" "more than 1000 intermediate solutions"

# Output forms: ASK in JSON, CONSTRUCT as Turtle.
"$VNKG_BIN" query --db "$db" --format json 'ASK { ?s a <urn:vnkg:Person> }' >"$SCRATCH/ask.json"
expect_contains "$SCRATCH/ask.json" '{"head":{},"boolean":true}'
"$VNKG_BIN" query --db "$db" --format turtle \
  'PREFIX vn: <urn:vnkg:> CONSTRUCT { ?p vn:knows ?q } WHERE { ?p vn:attended ?e . ?q vn:attended ?e } LIMIT 3' \
  >"$SCRATCH/c.ttl"
expect_contains "$SCRATCH/c.ttl" "@prefix vn: <urn:vnkg:> ."
expect_contains "$SCRATCH/c.ttl" "vn:knows"
echo "ok"
