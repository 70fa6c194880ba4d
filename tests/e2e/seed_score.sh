# Extraction quality on the seed articles, scored by the project's contract
# scorer against the public gold. Fails below the bar.
source "$(dirname "$0")/lib/common.sh"
min_precision=${VNKG_MIN_PRECISION:-0.95}
min_recall=${VNKG_MIN_RECALL:-0.95}
db="$SCRATCH/seeds.db"
"$VNKG_BIN" ingest -q --db "$db" "$VNKG_SOURCE/examples/articles" 2>/dev/null
"$VNKG_BIN" export --db "$db" --format facts >"$SCRATCH/facts.jsonl"
python3 "$VNKG_SHARED/eval/score.py" --gold "$VNKG_SHARED/eval/seeds.gold.jsonl" --pred "$SCRATCH/facts.jsonl" --show \
  >"$SCRATCH/score.txt"
cat "$SCRATCH/score.txt"
python3 "$VNKG_SHARED/eval/score.py" --gold "$VNKG_SHARED/eval/seeds.gold.jsonl" --pred "$SCRATCH/facts.jsonl" --json \
  >"$SCRATCH/score.json"
python3 - "$SCRATCH/score.json" "$min_precision" "$min_recall" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
p, r = s["precision"], s["recall"]
want_p, want_r = float(sys.argv[2]), float(sys.argv[3])
print(f"precision {p} (bar {want_p}), recall {r} (bar {want_r})")
sys.exit(0 if p >= want_p and r >= want_r else 1)
PY
# No bridge-point fact may be missed.
if grep '^MISSED' "$SCRATCH/score.txt" | grep -q '"BridgePoint"'; then fail "a bridge-point fact was missed"; fi
echo ok
