# The everyday questions on the seed graph, through the real binary.
source "$(dirname "$0")/lib/common.sh"
db="$SCRATCH/q.db"
"$VNKG_BIN" ingest -q --db "$db" "$VNKG_SOURCE/examples/articles" 2>/dev/null

"$VNKG_BIN" who --db "$db" "bui thanh son" >"$SCRATCH/who.txt"
expect_contains "$SCRATCH/who.txt" "Bùi Thanh Sơn (Person)"
expect_contains "$SCRATCH/who.txt" "Bộ trưởng Bộ Ngoại giao"
expect_contains "$SCRATCH/who.txt" "Phó Thủ tướng"
# Two offices, each once, with the first and the last date reported (#12).
[ "$(grep -c '^office' "$SCRATCH/who.txt")" -eq 2 ] || { cat "$SCRATCH/who.txt"; fail "expected two office rows"; }
expect_not_contains "$SCRATCH/who.txt" "Bộ trưởng Ngoại giao"
expect_contains "$SCRATCH/who.txt" "2023-01-10 – 2025-01-06"
expect_contains "$SCRATCH/who.txt" "spoke_at"
expect_contains "$SCRATCH/who.txt" "2023-12-18"

"$VNKG_BIN" path --db "$db" "Mai Sơn" "Nguyễn Trúc Sơn" >"$SCRATCH/path.txt"
expect_contains "$SCRATCH/path.txt" "hops from Mai Sơn to Nguyễn Trúc Sơn"
expect_contains "$SCRATCH/path.txt" "--chaired-->"
expect_contains "$SCRATCH/path.txt" "điểm cầu Bến Tre"
expect_contains "$SCRATCH/path.txt" "Đồng chí Mai Sơn, Phó Chủ tịch Thường trực UBND tỉnh chủ trì tại điểm cầu Bắc Giang."
"$VNKG_BIN" path --db "$db" "Mai Sơn" "Nguyễn Trúc Sơn" --max-hops 2 >"$SCRATCH/short.txt"
expect_contains "$SCRATCH/short.txt" "no connection within 2 hops"

"$VNKG_BIN" bridges --db "$db" --province "ha tinh" >"$SCRATCH/bridges.txt"
expect_contains "$SCRATCH/bridges.txt" "Nguyễn Hồng Lĩnh"
expect_contains "$SCRATCH/bridges.txt" "Trần Báu Hà"
expect_not_contains "$SCRATCH/bridges.txt" "Mai Sơn"

# Unknown and ambiguous names say so and fail.
expect_status 1 "$VNKG_BIN" who --db "$db" "bui thanh" 2>"$SCRATCH/unknown.txt"
expect_contains "$SCRATCH/unknown.txt" "did you mean"
expect_contains "$SCRATCH/unknown.txt" "Bùi Thanh Sơn"

"$VNKG_BIN" neighbors --db "$db" "Bến Tre" --depth 2 >"$SCRATCH/near.txt"
expect_contains "$SCRATCH/near.txt" "Nguyễn Trúc Sơn"
"$VNKG_BIN" events --db "$db" --province "ben tre" >"$SCRATCH/events.txt"
expect_contains "$SCRATCH/events.txt" "2025-01-06"
expect_not_contains "$SCRATCH/events.txt" "2023-01-10"
"$VNKG_BIN" top --db "$db" --type Person -n 3 >"$SCRATCH/top.txt"
expect_contains "$SCRATCH/top.txt" "Bùi Thanh Sơn"
echo ok
