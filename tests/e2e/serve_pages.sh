# The pages of `vnkg serve` in a real browser: headless Chromium loads /, /who?name=bui%20thanh%20son, /bridges and
# an event page on the seed graph, and finds the search box, Bùi Thanh Sơn with
# his offices and an <svg> of his neighbourhood, and Mai Sơn chairing the Bắc Giang
# bridge point. curl checks suggestions for an unknown name, the filters, and
# the query form's result page.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/serve.sh"
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || fail "chromium is missing: run scripts/install-deps.sh (package chromium)"
db="$SCRATCH/seed.db"
"$VNKG_BIN" ingest -q --db "$db" "$VNKG_SOURCE/examples/articles" 2>/dev/null
start_server pages "$db" --refresh 0
url=$URL_pages

dump() {  # URL OUT
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --user-data-dir="$SCRATCH/chromium" --dump-dom "$1" >"$2" 2>"$2.err" ||
    { cat "$2.err" >&2; fail "chromium could not load $1"; }
}

dump "$url/" "$SCRATCH/home.html"
expect_contains "$SCRATCH/home.html" '<form action="/who" method="get">'
expect_contains "$SCRATCH/home.html" 'name="name"'

dump "$url/who?name=bui%20thanh%20son" "$SCRATCH/who.html"
expect_contains "$SCRATCH/who.html" "<h1>Bùi Thanh Sơn</h1>"
expect_contains "$SCRATCH/who.html" "Bộ trưởng Bộ Ngoại giao"
expect_contains "$SCRATCH/who.html" "Phó Thủ tướng"
expect_contains "$SCRATCH/who.html" "<svg"
expect_contains "$SCRATCH/who.html" "Hội nghị tổng kết công tác năm 2024"
# Each office once, with its first and last dates.
[ "$(grep -o '<td>Bộ trưởng Bộ Ngoại giao</td>' "$SCRATCH/who.html" | wc -l)" -eq 1 ] || fail "an office is listed twice"
grep -q '<td>Bộ trưởng Bộ Ngoại giao</td><td>2023-01-10</td><td>2025-01-06</td>' "$SCRATCH/who.html" ||
  fail "the office's first and last dates are missing"

dump "$url/bridges" "$SCRATCH/bridges.html"
expect_contains "$SCRATCH/bridges.html" "Mai Sơn"
expect_contains "$SCRATCH/bridges.html" "Bắc Giang"

# An event page, reached from the bridges table.
event=$(grep -o 'href="/event?id=[0-9]*"' "$SCRATCH/bridges.html" | head -n 1 | sed 's/href="\(.*\)"/\1/')
[ -n "$event" ] || fail "no event link on /bridges"
dump "$url$event" "$SCRATCH/event.html"
expect_contains "$SCRATCH/event.html" "Bridge points"
expect_contains "$SCRATCH/event.html" "Participants"
expect_contains "$SCRATCH/event.html" "Source articles"

# Filters, suggestions, the query form's answer (a browser's Accept gives HTML).
curl -sS -G "$url/bridges" --data-urlencode 'province=bac giang' -o "$SCRATCH/bacgiang.html"
expect_contains "$SCRATCH/bacgiang.html" "Mai Sơn"
curl -sS -G "$url/bridges" --data-urlencode 'province=bac giang' --data-urlencode 'date=1999' -o "$SCRATCH/none.html"
expect_contains "$SCRATCH/none.html" "No bridge points match."
code=$(curl -sS -o "$SCRATCH/unknown.html" -w '%{http_code}' -G "$url/who" --data-urlencode 'name=bui thanh sen')
[ "$code" = 404 ] || fail "an unknown name got $code"
expect_contains "$SCRATCH/unknown.html" "Did you mean"
expect_contains "$SCRATCH/unknown.html" "Bùi Thanh Sơn"
curl -sS "$url/sparql" -H 'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' \
  --data-urlencode 'query=SELECT ?n WHERE { ?p a <urn:vnkg:Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?n }' \
  -o "$SCRATCH/table.html"
expect_contains "$SCRATCH/table.html" "<td>Bùi Thanh Sơn</td>"
expect_contains "$SCRATCH/table.html" '<form action="/sparql" method="post"'
dump "$url/query" "$SCRATCH/query.html"
expect_contains "$SCRATCH/query.html" '<textarea name="query"'
# The pages carry no script at all (and their Content-Security-Policy allows
# none), so they work with JavaScript off. (--dump-dom itself needs scripts on.)
for f in home who bridges event query; do
  expect_not_contains "$SCRATCH/$f.html" "<script"
done
curl -sS -D "$SCRATCH/headers.txt" -o /dev/null "$url/"
grep -qi "^Content-Security-Policy: default-src 'none'" "$SCRATCH/headers.txt" || fail "no Content-Security-Policy"
echo "ok: chromium shows /, /who, /bridges and an event page; filters, suggestions and the query form answer"
