# Event identity on the seeds: the conference of 2025-01-06 reported from three
# provinces is one event (events.seeds.gold.json: precision = recall = 1), with
# its three bridge points, also when the articles come in another order.
source "$(dirname "$0")/lib/common.sh"
gold="$VNKG_SHARED/eval/events.seeds.gold.json"
score() {  # DB -> prints "precision recall"
  "$VNKG_BIN" export --db "$1" --format facts >"$SCRATCH/facts.jsonl"
  python3 "$VNKG_SHARED/eval/events_score.py" --gold "$gold" --pred "$SCRATCH/facts.jsonl" --json |
    python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["pair_precision"], s["pair_recall"], s["spurious"])'
}
"$VNKG_BIN" ingest -q --db "$SCRATCH/a.db" "$VNKG_SOURCE/examples/articles" 2>/dev/null
got=$(score "$SCRATCH/a.db")
[ "$got" = "1.0 1.0 0" ] || fail "seeds events: precision recall spurious = $got, expected 1.0 1.0 0"

# Another order, one article per ingest: the same event.
for f in $(ls "$VNKG_SOURCE/examples/articles"/*.txt | sort -r); do
  "$VNKG_BIN" ingest -q --db "$SCRATCH/b.db" "$f" 2>/dev/null
done
got=$(score "$SCRATCH/b.db")
[ "$got" = "1.0 1.0 0" ] || fail "seeds events, reversed ingests: $got"

# One event with three bridge points, in the export and in `bridges`.
python3 - "$SCRATCH/facts.jsonl" <<'PY' || fail "the conference of 2025-01-06 is not one event with three bridge points"
import json, sys
events, bridges = set(), set()
for line in open(sys.argv[1], encoding="utf-8"):
    f = json.loads(line)
    if f["predicate"] == "has_bridge_point" and f["subject"]["date"] == "2025-01-06":
        events.add(f["subject"]["id"])
        bridges.add((f["object"]["province"], f["object"]["event"]["id"]))
assert len(events) == 1, events
assert {p for p, _ in bridges} == {"Bắc Giang", "Hà Tĩnh", "Bến Tre"}, bridges
assert {e for _, e in bridges} == events, bridges
PY
"$VNKG_BIN" bridges --db "$SCRATCH/b.db" --date 2025-01-06 >"$SCRATCH/bridges.txt"
for want in "Bắc Giang" "Hà Tĩnh" "Bến Tre"; do expect_contains "$SCRATCH/bridges.txt" "$want"; done
echo ok
