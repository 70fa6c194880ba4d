# `vnkg serve` as a SPARQL 1.1 Protocol endpoint, read by real clients on
# 127.0.0.1: rasqal's `roqet -p` gives the same rows through the server as
# `roqet` over the N-Triples export, for every oracle query in tests/sparql,
# on the seed graph and the dev corpus; Python's SPARQLWrapper reads JSON
# (and XML) results; curl checks the three ways of sending a query, the four
# result formats and the protocol's error codes. Also: an ingest running
# beside the server is seen without a restart.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/serve.sh"
command -v roqet >/dev/null || fail "roqet is missing: run scripts/install-deps.sh (package rasqal-utils)"
command -v curl >/dev/null || fail "curl is missing: run scripts/install-deps.sh"
"$SYSTEM_PYTHON" -c 'import SPARQLWrapper' 2>/dev/null ||
  fail "Python's SPARQLWrapper is missing: run scripts/install-deps.sh (package python3-sparqlwrapper)"
compare="$(dirname "$0")/lib/sparql_compare.py"
queries="$VNKG_SOURCE/tests/sparql"

"$VNKG_BIN" ingest -q --db "$SCRATCH/seed.db" "$VNKG_SOURCE/examples/articles" 2>/dev/null
graphs=(seed)
if [ -f "$VNKG_SHARED/corpus/dev.jsonl" ]; then
  "$VNKG_BIN" ingest -q --db "$SCRATCH/dev.db" "$VNKG_SHARED/corpus/dev.jsonl" 2>/dev/null
  graphs+=(dev)
fi
for g in "${graphs[@]}"; do
  "$VNKG_BIN" export --db "$SCRATCH/$g.db" --format ntriples -o "$SCRATCH/$g.nt"
  start_server "$g" "$SCRATCH/$g.db" --refresh 0
done

# roqet exits 2 after warnings; only errors count.
roqet_ok() {  # RC ERRFILE
  [ "$1" -eq 0 ] || { [ "$1" -eq 2 ] && ! grep -qi error "$2"; }
}

compared=0 failures=0
for q in "$queries"/*.rq; do
  name=$(basename "$q" .rq)
  # Queries where roqet departs from the spec are not compared (sparql_oracle.sh says why).
  grep -q '^# roqet-differs:' "$q" && continue
  ordered=()
  grep -qi 'ORDER[[:space:]]\+BY' "$q" && ordered=(--ordered)
  for g in "${graphs[@]}"; do
    url_var="URL_$g"
    out="$SCRATCH/$name.$g"
    rc=0
    roqet -q -p "${!url_var}/sparql" -r tsv -e "$(cat "$q")" >"$out.remote" 2>"$out.remote.err" || rc=$?
    if ! roqet_ok "$rc" "$out.remote.err"; then
      echo "FAIL $name on $g: roqet -p failed ($rc): $(cat "$out.remote.err")" >&2
      failures=$((failures + 1))
      continue
    fi
    rc=0
    roqet -q -i sparql -D "$SCRATCH/$g.nt" -r tsv -e "$(cat "$q")" >"$out.local" 2>"$out.local.err" || rc=$?
    roqet_ok "$rc" "$out.local.err" || fail "$name on $g: local roqet failed ($rc): $(cat "$out.local.err")"
    if ! python3 "$compare" "${ordered[@]}" "$out.remote" "$out.local" 2>"$out.diff"; then
      echo "FAIL $name on $g (roqet -p first, local roqet second):" >&2
      cat "$out.diff" >&2
      failures=$((failures + 1))
    fi
    compared=$((compared + 1))
  done
done
[ "$failures" -eq 0 ] || fail "$failures oracle queries differ between roqet -p and local roqet"
[ "$compared" -ge 40 ] || fail "only $compared comparisons ran"

url=$URL_seed
# SPARQLWrapper, JSON and XML.
"$SYSTEM_PYTHON" - "$url/sparql" <<'PY' || fail "SPARQLWrapper could not read the results"
import sys
from SPARQLWrapper import SPARQLWrapper, JSON, XML, POST
q = """PREFIX vn: <urn:vnkg:>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name WHERE { ?p a vn:Person ; rdfs:label ?name } ORDER BY ?name"""
for method in ("GET", POST):
    s = SPARQLWrapper(sys.argv[1])
    s.setQuery(q)
    s.setReturnFormat(JSON)
    if method == POST:
        s.setMethod(POST)
    names = [b["name"]["value"] for b in s.query().convert()["results"]["bindings"]]
    assert "Bùi Thanh Sơn" in names and "Mai Sơn" in names, names
s = SPARQLWrapper(sys.argv[1])
s.setQuery(q)
s.setReturnFormat(XML)
doc = s.query().convert()
xml_names = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
assert xml_names == names, (xml_names, names)
print("SPARQLWrapper: %d names by GET and POST (JSON), the same by XML" % len(names))
PY

# The three ways of sending a query give the same rows.
q='SELECT ?s WHERE { ?s a <urn:vnkg:Person> } ORDER BY ?s'
curl -sS -G "$url/sparql" --data-urlencode "query=$q" -H 'Accept: text/tab-separated-values' >"$SCRATCH/get.tsv"
curl -sS "$url/sparql" --data-urlencode "query=$q" -H 'Accept: text/tab-separated-values' >"$SCRATCH/form.tsv"
curl -sS "$url/sparql" --data-binary "$q" -H 'Content-Type: application/sparql-query' \
  -H 'Accept: text/tab-separated-values' >"$SCRATCH/direct.tsv"
cmp -s "$SCRATCH/get.tsv" "$SCRATCH/form.tsv" && cmp -s "$SCRATCH/get.tsv" "$SCRATCH/direct.tsv" ||
  fail "GET, form POST and sparql-query POST disagree"
[ "$(wc -l <"$SCRATCH/get.tsv")" -gt 3 ] || fail "too few rows: $(cat "$SCRATCH/get.tsv")"

# Content types by Accept; 406 for none of them.
ctype() { curl -sS -o /dev/null -w '%{http_code} %{content_type}' -G "$url/sparql" --data-urlencode "query=$q" "$@"; }
[ "$(ctype)" = "200 application/sparql-results+json" ] || fail "default: $(ctype)"
[ "$(ctype -H 'Accept: application/sparql-results+xml')" = "200 application/sparql-results+xml" ] || fail "xml"
[ "$(ctype -H 'Accept: text/csv')" = "200 text/csv; charset=utf-8" ] || fail "csv"
[ "$(ctype -H 'Accept: text/tab-separated-values')" = "200 text/tab-separated-values; charset=utf-8" ] || fail "tsv"
[ "$(ctype -H 'Accept: image/png')" = "406 text/plain; charset=utf-8" ] || fail "406: $(ctype -H 'Accept: image/png')"

# Errors: 400 with the parser's line and column, 405, 415, unsupported features by name.
code=$(curl -sS -o "$SCRATCH/bad.txt" -w '%{http_code}' -G "$url/sparql" \
  --data-urlencode $'query=PREFIX vn: <urn:vnkg:>\nSELECT ?x WHERE {\n  ?x a vn:Person .\n  FILTER(?x = )\n}')
[ "$code" = 400 ] || fail "a bad query got $code"
expect_contains "$SCRATCH/bad.txt" "line 4, column 15: syntax error: expected an expression but found ')'"
# ASK, CONSTRUCT and DESCRIBE: a boolean in JSON and XML; graphs as Turtle or N-Triples that rapper parses.
ask='PREFIX vn: <urn:vnkg:> ASK { ?b a vn:BridgePoint }'
[ "$(curl -sS -G "$url/sparql" --data-urlencode "query=$ask")" = '{"head":{},"boolean":true}' ] || fail "ASK as JSON"
curl -sS -G "$url/sparql" --data-urlencode "query=$ask" -H 'Accept: application/sparql-results+xml' >"$SCRATCH/ask.xml"
expect_contains "$SCRATCH/ask.xml" "<boolean>true</boolean>"
construct='PREFIX vn: <urn:vnkg:> CONSTRUCT { ?p vn:chaired ?b } WHERE { ?p vn:chaired ?b }'
code=$(curl -sS -o "$SCRATCH/construct.ttl" -w '%{http_code} %{content_type}' -G "$url/sparql" \
  --data-urlencode "query=$construct" -H 'Accept: text/turtle, */*')
[ "$code" = "200 text/turtle; charset=utf-8" ] || fail "CONSTRUCT as Turtle got $code: $(head -3 "$SCRATCH/construct.ttl")"
rapper -q -i turtle -o ntriples "$SCRATCH/construct.ttl" urn:base: >"$SCRATCH/construct.rapper.nt" ||
  fail "rapper rejects the CONSTRUCT Turtle"
[ -s "$SCRATCH/construct.rapper.nt" ] || fail "CONSTRUCT gave no triples"
code=$(curl -sS -o "$SCRATCH/construct.nt" -w '%{http_code} %{content_type}' -G "$url/sparql" \
  --data-urlencode "query=$construct" -H 'Accept: application/n-triples')
[ "$code" = "200 application/n-triples" ] || fail "CONSTRUCT as N-Triples got $code"
[ "$(sort "$SCRATCH/construct.nt" | grep -v '^#' | grep -c .)" = "$(sort -u "$SCRATCH/construct.rapper.nt" | grep -c .)" ] ||
  fail "the Turtle and N-Triples answers to one CONSTRUCT differ in size"
code=$(curl -sS -o "$SCRATCH/describe.ttl" -w '%{http_code}' -G "$url/sparql" \
  --data-urlencode 'query=PREFIX vn: <urn:vnkg:> DESCRIBE ?b WHERE { ?b a vn:BridgePoint } LIMIT 1')
[ "$code" = 200 ] || fail "DESCRIBE got $code"
rapper -q -i turtle -o ntriples "$SCRATCH/describe.ttl" urn:base: >/dev/null || fail "rapper rejects the DESCRIBE Turtle"
code=$(curl -sS -o /dev/null -w '%{http_code}' -X DELETE "$url/sparql")
[ "$code" = 405 ] || fail "DELETE got $code"
code=$(curl -sS -o /dev/null -w '%{http_code}' "$url/sparql" --data-binary "$q" -H 'Content-Type: text/plain')
[ "$code" = 415 ] || fail "a text/plain body got $code"
code=$(curl -sS -o /dev/null -w '%{http_code}' "$url/sparql" --data-urlencode 'update=DROP ALL')
[ "$code" = 400 ] || fail "an update got $code"
# Time and row limits are the server's flags.
start_server limits "$SCRATCH/seed.db" --refresh 0 --max-rows 1000
code=$(curl -sS -o "$SCRATCH/big.txt" -w '%{http_code}' -G "$URL_limits/sparql" \
  --data-urlencode 'query=SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }')
[ "$code" = 400 ] || fail "a runaway join got $code"
expect_contains "$SCRATCH/big.txt" "more than 1000 intermediate solutions"

# An ingest beside the server: the new documents show up without a restart.
cp -r "$SCRATCH/seed.db" "$SCRATCH/growing.db"
start_server growing "$SCRATCH/growing.db" --refresh 0.3
count_docs() {
  curl -sS -G "$URL_growing/sparql" -H 'Accept: text/csv' \
    --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | sed -n 2p | tr -d '\r'
}
before=$(count_docs)
if [ -f "$VNKG_SHARED/corpus/dev.jsonl" ]; then
  "$VNKG_BIN" ingest -q --db "$SCRATCH/growing.db" "$VNKG_SHARED/corpus/dev.jsonl" 2>/dev/null
  after=$before
  for _ in $(seq 1 100); do
    after=$(count_docs)
    [ "$after" -gt "$before" ] && break
    sleep 0.2
  done
  [ "$after" -gt "$before" ] || fail "the server did not see the ingest: $before triples before, $after after"
  expect_contains "$SCRATCH/growing.log" "now serving"
  echo "ok: the server saw a concurrent ingest ($before -> $after triples)"
fi
echo "ok: $compared oracle comparisons of roqet -p with local roqet agree; SPARQLWrapper, formats and errors as expected"
