# The foundation's promise: the seed articles in, the bridge-point table out.
source "$(dirname "$0")/lib/common.sh"
db="$SCRATCH/seeds.db"
"$VNKG_BIN" ingest --db "$db" "$VNKG_SOURCE/examples/articles" 2>"$SCRATCH/ingest.err"
expect_contains "$SCRATCH/ingest.err" "ingested 5 documents (5 new"

"$VNKG_BIN" bridges --db "$db" >"$SCRATCH/bridges.txt"
for want in "2025-01-06" "2023-01-10" "Bắc Giang" "Hà Tĩnh" "Bến Tre" "chủ trì (chaired)" "dự (attended)" \
            "000_082afd2d321c4a3f" "001_31a8f32666ae666d" "002_74f5a9df0f677644" "003_c473fcd84c88c6a6"; do
  expect_contains "$SCRATCH/bridges.txt" "$want"
done

# Filters: diacritic-insensitive province, date prefix.
"$VNKG_BIN" bridges --db "$db" --province "ha tinh" >"$SCRATCH/ht.txt"
expect_contains "$SCRATCH/ht.txt" "Hà Tĩnh"
expect_not_contains "$SCRATCH/ht.txt" "Bắc Giang"
expect_contains "$SCRATCH/ht.txt" "2023-01-10"
expect_contains "$SCRATCH/ht.txt" "2025-01-06"
"$VNKG_BIN" bridges --db "$db" --date 2023 >"$SCRATCH/y2023.txt"
expect_not_contains "$SCRATCH/y2023.txt" "Bến Tre"

# The export is accepted by the scorer.
"$VNKG_BIN" export --db "$db" --format facts >"$SCRATCH/facts.jsonl"
[ -s "$SCRATCH/facts.jsonl" ] || fail "empty export"
python3 "$VNKG_SHARED/eval/score.py" --gold "$VNKG_SHARED/eval/seeds.gold.jsonl" --pred "$SCRATCH/facts.jsonl" >"$SCRATCH/score.txt"
expect_contains "$SCRATCH/score.txt" "overall P="
echo "ok: $(tail -n 1 "$SCRATCH/score.txt")"
