# Input kinds and bad input: every problem named with its file and line, the
# rest ingested, exit status 3 when anything was skipped, 0 when all was read.
source "$(dirname "$0")/lib/common.sh"
db="$SCRATCH/in.db"
in="$SCRATCH/in"
mkdir -p "$in/sub"
art="$VNKG_SOURCE/examples/articles/001_31a8f32666ae666d.txt"

# A JSON Lines file with a good record, a broken line, a record without text,
# and a record with an invalid UTF-8 byte.
python3 - "$art" "$in/batch.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
with open(sys.argv[2], "wb") as out:
    out.write((json.dumps({"id": "good", "title": "Tiêu đề", "text": text, "date": "2023-01-10", "extra": 1}, ensure_ascii=False) + "\n").encode())
    out.write(b'{"id": "broken", "text": \n')
    out.write((json.dumps({"id": "notext", "title": "x"}) + "\n").encode())
    out.write(b'{"id": "badutf8", "text": "Ha\xff N\xe1\xbb\x99i"}\n')
PY
zstd -q "$in/batch.jsonl" -o "$in/sub/copy.jsonl.zst"
printf '' >"$in/empty.txt"
head -c 3000 /dev/urandom >"$in/noise.txt"

expect_status 3 "$VNKG_BIN" ingest -q --db "$db" "$in/batch.jsonl" 2>"$SCRATCH/err1"
expect_contains "$SCRATCH/err1" "batch.jsonl:2: not a JSON object"
expect_contains "$SCRATCH/err1" "batch.jsonl:3: record 'notext' has no \"text\""
expect_contains "$SCRATCH/err1" "batch.jsonl:4: invalid UTF-8"
expect_contains "$SCRATCH/err1" "ingested 2 documents (2 new"

# The same records again, compressed, plus an empty and a binary file: the
# stored documents are unchanged, the bad files are named.
expect_status 3 "$VNKG_BIN" ingest -q --db "$db" "$in/sub" "$in/empty.txt" "$in/noise.txt" 2>"$SCRATCH/err2"
expect_contains "$SCRATCH/err2" "copy.jsonl.zst:2: not a JSON object"
expect_contains "$SCRATCH/err2" "empty.txt: empty file"
expect_contains "$SCRATCH/err2" "noise.txt: binary data"
expect_contains "$SCRATCH/err2" "2 unchanged"

# Changed content under the same id replaces that document only.
sed 's/Sáng 10\/1/Sáng 11\/1/' "$art" >"$in/good.txt"
expect_status 0 "$VNKG_BIN" ingest -q --db "$db" "$in/good.txt" 2>"$SCRATCH/err3"
expect_contains "$SCRATCH/err3" "1 replaced"

# Standard input, as JSON Lines.
head -n 1 "$in/batch.jsonl" | sed 's/"good"/"from-stdin"/' | "$VNKG_BIN" ingest -q --db "$db" - 2>"$SCRATCH/err4"
expect_contains "$SCRATCH/err4" "1 new"

# A missing path is named; stats still open the database.
expect_status 3 "$VNKG_BIN" ingest -q --db "$db" "$in/nope.jsonl" 2>"$SCRATCH/err5"
expect_contains "$SCRATCH/err5" "nope.jsonl: no such file or directory"
"$VNKG_BIN" stats --db "$db" >"$SCRATCH/stats"
expect_contains "$SCRATCH/stats" "documents   3"
echo ok
