# scripts/distributed_extract.py on a local Dask cluster of 2 worker processes,
# on the first 5,000 articles of the corpus: its output is byte for byte one
# `vnkg extract` of the same articles whatever the partitioning; `ingest --facts`
# of it gives the graph a direct ingest gives; a failed or lost worker is
# retried and reported; a partition that keeps failing writes no output; bad
# records are named by their line in the input.
# Needs the corpus and Dask distributed (python3-distributed, for Debian's
# /usr/bin/python3; scripts/install-deps.sh installs it).
source "$(dirname "$0")/lib/common.sh"
corpus="$VNKG_SHARED/corpus/news.jsonl.zst"
[ -f "$corpus" ] || { echo "skipped: no corpus at $corpus"; exit 77; }
python=
for candidate in /usr/bin/python3 python3; do
  if "$candidate" -c 'import distributed' 2>/dev/null; then python=$candidate; break; fi
done
[ -n "$python" ] || { echo "skipped: no python3 here can import distributed (Debian package python3-distributed)"; exit 77; }
script="$VNKG_SOURCE/scripts/distributed_extract.py"
run() { "$python" "$script" --vnkg "$VNKG_BIN" "$@"; }

# The input: the first 5,000 articles, plain and compressed.
"$python" - "$corpus" "$SCRATCH/in.jsonl" <<'PY'
import subprocess, sys
zstd = subprocess.Popen(["zstd", "-q", "-d", "-c", sys.argv[1]], stdout=subprocess.PIPE)
with open(sys.argv[2], "wb") as out:
    for n, line in enumerate(zstd.stdout):
        if n == 5000:
            break
        out.write(line)
zstd.kill()
zstd.wait()
PY
[ "$(wc -l <"$SCRATCH/in.jsonl")" -eq 5000 ] || fail "expected 5,000 articles in the sample"
zstd -q "$SCRATCH/in.jsonl" -o "$SCRATCH/in.jsonl.zst"

# 2 workers, 7 partitions, from the .zst; then 3 partitions from the plain file.
run --workers 2 --partitions 7 "$SCRATCH/in.jsonl.zst" "$SCRATCH/p7.facts" 2>"$SCRATCH/p7.err"
expect_contains "$SCRATCH/p7.err" "in 7 partitions on 2 workers"
expect_contains "$SCRATCH/p7.err" "partitions 7/7  5,000 articles"
[ "$(wc -l <"$SCRATCH/p7.facts")" -gt 1000 ] || fail "expected over 1,000 facts from 5,000 articles"
run -q --workers 2 --partitions 3 "$SCRATCH/in.jsonl" "$SCRATCH/p3.facts"
cmp "$SCRATCH/p7.facts" "$SCRATCH/p3.facts" || fail "7 partitions and 3 wrote different facts"
"$VNKG_BIN" extract "$SCRATCH/in.jsonl" >"$SCRATCH/direct.facts"
cmp "$SCRATCH/p7.facts" "$SCRATCH/direct.facts" || fail "distributed facts differ from one vnkg extract"

# The graph from its facts equals a direct ingest of the articles: the fact
# export and the N-Triples, sorted, and the counts of `vnkg stats` (the
# exports give one evidence a triple; the provenance count sees every one).
# Not the count of documents: a direct ingest records the 3,500 articles that
# give no fact too, and a fact file cannot name them.
"$VNKG_BIN" ingest -q --db "$SCRATCH/direct.db" "$SCRATCH/in.jsonl" 2>/dev/null
"$VNKG_BIN" ingest -q --facts --db "$SCRATCH/dist.db" "$SCRATCH/p7.facts"
graph() {  # DB OUT: the graph in a canonical form
  { "$VNKG_BIN" export --db "$1" --format facts; "$VNKG_BIN" export --db "$1" --format ntriples
    "$VNKG_BIN" stats --db "$1" | grep -E '^(facts|entities|provenance) '; } | LC_ALL=C sort >"$2"
}
graph "$SCRATCH/direct.db" "$SCRATCH/direct.graph"
graph "$SCRATCH/dist.db" "$SCRATCH/dist.graph"
[ "$(wc -l <"$SCRATCH/direct.graph")" -gt 1000 ] || fail "the direct graph is nearly empty"
diff "$SCRATCH/direct.graph" "$SCRATCH/dist.graph" >"$SCRATCH/graph.diff" \
  || { head -20 "$SCRATCH/graph.diff" >&2; fail "ingest --facts of the distributed facts differs from a direct ingest"; }
# The comparison sees one missing fact line, even one whose triple another line
# of the same document also gives (the 100th is such a line here).
sed 100d "$SCRATCH/p7.facts" >"$SCRATCH/less.facts"
"$VNKG_BIN" ingest -q --facts --db "$SCRATCH/less.db" "$SCRATCH/less.facts"
graph "$SCRATCH/less.db" "$SCRATCH/less.graph"
if cmp -s "$SCRATCH/direct.graph" "$SCRATCH/less.graph"; then fail "the graph comparison misses a dropped fact"; fi

# Failures on the first 1,500 articles (for time).
head -n 1500 "$SCRATCH/in.jsonl" >"$SCRATCH/small.jsonl"
"$VNKG_BIN" extract "$SCRATCH/small.jsonl" >"$SCRATCH/small.facts"
# A task that fails once is retried, and a worker process that dies is
# replaced and what it held run again; each failure is reported with its
# partition and the lines of the input it holds, and the output is whole.
VNKG_DISTRIBUTED_FAULT=1:crash,3:once run --workers 2 --partitions 5 "$SCRATCH/small.jsonl" "$SCRATCH/retried.facts" 2>"$SCRATCH/retried.err"
expect_contains "$SCRATCH/retried.err" "partition 3 ($SCRATCH/small.jsonl lines "
expect_contains "$SCRATCH/retried.err" "attempt 1, failed on worker tcp://"
expect_contains "$SCRATCH/retried.err" "injected fault (VNKG_DISTRIBUTED_FAULT=3:once)"
grep -qE "partition 1 \(.* lines [0-9]+-[0-9]+\), attempt 1, failed on worker tcp://.*: the worker was lost while the task was assigned to it" \
  "$SCRATCH/retried.err" || { cat "$SCRATCH/retried.err" >&2; fail "expected the lost worker of partition 1 reported"; }
cmp "$SCRATCH/small.facts" "$SCRATCH/retried.facts" || fail "the retried run wrote other facts"

# A partition that fails on every attempt: status 1, the partition named, no
# output and no partial file left beside it.
mkdir "$SCRATCH/out"
expect_status 1 env VNKG_DISTRIBUTED_FAULT=3:always "$python" "$script" --vnkg "$VNKG_BIN" --workers 2 --partitions 5 \
  --retries 1 "$SCRATCH/small.jsonl" "$SCRATCH/out/failed.facts" 2>"$SCRATCH/failed.err"
expect_contains "$SCRATCH/failed.err" "attempt 2, failed on worker"
expect_contains "$SCRATCH/failed.err" "partition 3 ($SCRATCH/small.jsonl lines "
expect_contains "$SCRATCH/failed.err" "failed after 2 attempts: RuntimeError: injected fault (VNKG_DISTRIBUTED_FAULT=3:always)"
expect_contains "$SCRATCH/failed.err" "1 of 5 partitions failed"
expect_contains "$SCRATCH/failed.err" "; $SCRATCH/out/failed.facts not written"
[ -z "$(ls -A "$SCRATCH/out")" ] || fail "a failed run left files: $(ls -A "$SCRATCH/out")"
# A vnkg that cannot run on the workers: every partition fails, named.
expect_status 1 "$python" "$script" -q --vnkg vnkg-not-installed-here --workers 1 --partitions 2 --retries 0 \
  "$SCRATCH/small.jsonl" "$SCRATCH/out/none.facts" 2>"$SCRATCH/none.err"
expect_contains "$SCRATCH/none.err" "failed after 1 attempt: RuntimeError: cannot run vnkg-not-installed-here"

# Bad records are skipped and named by their line in the input (not in the
# partition): status 3, the rest extracted.
{ sed -n 1,1000p "$SCRATCH/in.jsonl"; echo '{"id": "broken'; sed -n 1001,1500p "$SCRATCH/in.jsonl"; echo '{"id": "x"}'; } >"$SCRATCH/bad.jsonl"
expect_status 3 run -q --workers 2 --partitions 4 "$SCRATCH/bad.jsonl" "$SCRATCH/bad.facts" 2>"$SCRATCH/bad.err"
expect_contains "$SCRATCH/bad.err" "$SCRATCH/bad.jsonl:1001: not a JSON object; record skipped"
expect_contains "$SCRATCH/bad.err" "$SCRATCH/bad.jsonl:1502: record 'x' has no \"text\" string; skipped"
cmp "$SCRATCH/small.facts" "$SCRATCH/bad.facts" || fail "the good records of bad.jsonl gave other facts than small.jsonl"
# An unreadable .zst is named.
echo 'not zstd' >"$SCRATCH/broken.jsonl.zst"
expect_status 1 run -q --workers 1 "$SCRATCH/broken.jsonl.zst" "$SCRATCH/out/broken.facts" 2>"$SCRATCH/broken.err"
expect_contains "$SCRATCH/broken.err" "$SCRATCH/broken.jsonl.zst: cannot decompress"
echo ok
