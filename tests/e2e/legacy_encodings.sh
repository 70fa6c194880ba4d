# --encoding: the seed articles re-encoded by iconv (the oracle) as
# windows-1258 and TCVN3, and JSON Lines as windows-1258, give the graph the
# UTF-8 originals give; an unknown encoding is refused before anything is
# created; bytes an encoding does not define are named with file and offset.
source "$(dirname "$0")/lib/common.sh"
articles="$VNKG_SOURCE/examples/articles"
mkdir -p "$SCRATCH/utf8" "$SCRATCH/cp1258" "$SCRATCH/tcvn3"
for f in "$articles"/*.txt; do
  name=$(basename "$f")
  # TCVN3 has no curly quotes, dashes or bullets: both versions use ASCII
  # ones, so that the two inputs say the same thing.
  sed -e 's/[“”]/"/g' -e "s/[‘’]/'/g" -e 's/[–—]/-/g' -e 's/…/.../g' -e 's/[•·]/*/g' -e 's/\xc2\xa0/ /g' "$f" >"$SCRATCH/utf8/$name"
  iconv -f UTF-8 -t CP1258 "$SCRATCH/utf8/$name" >"$SCRATCH/cp1258/$name"
  iconv -f UTF-8 -t TCVN5712-1 "$SCRATCH/utf8/$name" >"$SCRATCH/tcvn3/$name"
done
cmp -s "$SCRATCH/utf8/$name" "$SCRATCH/cp1258/$name" && fail "iconv did not re-encode $name"

"$VNKG_BIN" extract "$SCRATCH/utf8" >"$SCRATCH/utf8.facts"
[ "$(wc -l <"$SCRATCH/utf8.facts")" -gt 20 ] || fail "too few facts from the seed articles"
for enc in cp1258:windows-1258 tcvn3:tcvn3; do
  dir=${enc%%:*} name=${enc#*:}
  expect_status 0 "$VNKG_BIN" extract --encoding "$name" "$SCRATCH/$dir" >"$SCRATCH/$dir.facts" 2>"$SCRATCH/$dir.err"
  cmp -s "$SCRATCH/utf8.facts" "$SCRATCH/$dir.facts" || { diff "$SCRATCH/utf8.facts" "$SCRATCH/$dir.facts" | head -5 >&2; fail "--encoding $name gives other facts"; }
  # Read as UTF-8 by mistake, the same bytes lose the graph: the check above is not vacuous.
  "$VNKG_BIN" extract "$SCRATCH/$dir" >"$SCRATCH/$dir.as-utf8.facts" 2>/dev/null || true
  cmp -s "$SCRATCH/utf8.facts" "$SCRATCH/$dir.as-utf8.facts" && fail "$name bytes read as UTF-8 gave the same facts"
done

# JSON Lines in windows-1258, through ingest.
head -n 20 "$VNKG_SHARED/corpus/dev.jsonl" >"$SCRATCH/dev.jsonl"
iconv -f UTF-8 -t CP1258 "$SCRATCH/dev.jsonl" >"$SCRATCH/dev-cp1258.jsonl"
"$VNKG_BIN" ingest -q --db "$SCRATCH/utf8.db" "$SCRATCH/dev.jsonl" 2>/dev/null
expect_status 0 "$VNKG_BIN" ingest -q --encoding windows-1258 --db "$SCRATCH/cp1258.db" "$SCRATCH/dev-cp1258.jsonl" 2>/dev/null
"$VNKG_BIN" export --db "$SCRATCH/utf8.db" --format facts >"$SCRATCH/a.jsonl"
"$VNKG_BIN" export --db "$SCRATCH/cp1258.db" --format facts >"$SCRATCH/b.jsonl"
cmp -s "$SCRATCH/a.jsonl" "$SCRATCH/b.jsonl" || fail "windows-1258 JSON Lines give other facts"

# An unknown encoding: refused, nothing created.
expect_status 1 "$VNKG_BIN" ingest -q --encoding klingon-8 --db "$SCRATCH/none.db" "$SCRATCH/dev.jsonl" 2>"$SCRATCH/unknown.err"
expect_contains "$SCRATCH/unknown.err" "unknown encoding 'klingon-8'"
[ ! -e "$SCRATCH/none.db" ] || fail "an unknown encoding created the database"
expect_status 1 "$VNKG_BIN" extract --encoding vni "$SCRATCH/dev.jsonl" 2>"$SCRATCH/vni.err"
expect_contains "$SCRATCH/vni.err" "VNI has no converter"

# A byte windows-1258 does not define: reported with file and offset, document kept.
printf 'Ch\xf3 t\xfech UBND t\xdenh S\xf5n La \x81 ph\xe1t bi\xeau.\n' >"$SCRATCH/bad.txt"
expect_status 0 "$VNKG_BIN" ingest -q --encoding windows-1258 --db "$SCRATCH/bad.db" "$SCRATCH/bad.txt" 2>"$SCRATCH/bad.err"
expect_contains "$SCRATCH/bad.err" "bad.txt: byte 26 of the file is not windows-1258"
expect_contains "$SCRATCH/bad.err" "1 new"
echo "ok: $(wc -l <"$SCRATCH/utf8.facts") facts the same in UTF-8, windows-1258 and TCVN3"
