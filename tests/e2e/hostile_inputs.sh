# Inputs that are hostile to a reader: symbolic link loops and dangling
# links, files and directories that cannot be read, and one 100 MB line.
# Each is named with its path; everything else is ingested.
source "$(dirname "$0")/lib/common.sh"
in="$SCRATCH/in"
mkdir -p "$in/sub/deeper" "$in/locked"
cp "$VNKG_SOURCE"/examples/articles/000_*.txt "$in/"
cp "$VNKG_SOURCE"/examples/articles/001_*.txt "$in/sub/deeper/"
cp "$VNKG_SOURCE"/examples/articles/002_*.txt "$in/locked/"
cp "$VNKG_SOURCE"/examples/articles/003_*.txt "$in/unreadable.txt"
ln -s .. "$in/sub/deeper/up"            # a directory loop
ln -s "$in/sub" "$in/sub/deeper/again"  # another
ln -s loop-b.txt "$in/loop-a.txt"        # a link cycle with a known extension
ln -s loop-a.txt "$in/loop-b.txt"
ln -s nowhere.txt "$in/dangling.txt"

# Unreadable things only stay unreadable for a user without root's rights:
# as root, run vnkg as nobody (uid 65534).
run=("$VNKG_BIN")
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  chmod 755 "$SCRATCH"
  chmod -R a+rwX "$in"
  run=(setpriv --reuid=65534 --regid=65534 --clear-groups "$VNKG_BIN")
  # nobody must reach the binary and its data (not so under a private home).
  "${run[@]}" extract "$in/000_"*.txt >/dev/null 2>&1 || run=()
fi
if [ ${#run[@]} -gt 0 ]; then
  chmod 000 "$in/unreadable.txt" "$in/locked"
  expect_status 3 "${run[@]}" extract "$in" >"$SCRATCH/walk.facts" 2>"$SCRATCH/walk.err"
  chmod 755 "$in/locked"
  expect_contains "$SCRATCH/walk.err" "$in/locked: cannot read directory: Permission denied; skipped"
  expect_contains "$SCRATCH/walk.err" "unreadable.txt: cannot read: Permission denied; skipped"
  unreadable_checked="unreadable file and directory named"
else
  expect_status 3 "$VNKG_BIN" extract "$in" >"$SCRATCH/walk.facts" 2>"$SCRATCH/walk.err"
  unreadable_checked="(unreadable cases not checked: cannot drop root here)"
fi
expect_contains "$SCRATCH/walk.err" "loop-a.txt: symbolic link to nothing (Too many levels of symbolic links); skipped"
expect_contains "$SCRATCH/walk.err" "dangling.txt: symbolic link to nothing (No such file or directory); skipped"
# The readable articles, each read once: the linked directories were not entered.
docs=$(grep -o '"doc":"[^"]*"' "$SCRATCH/walk.facts" | sort -u)
echo "$docs" | grep -q '"doc":"000_' || fail "the article at the top was not read"
echo "$docs" | grep -q '"doc":"001_' || fail "the article two directories down was not read"
[ "$(grep -c '"doc":"001_' "$SCRATCH/walk.facts")" -eq "$("$VNKG_BIN" extract "$in/sub/deeper/"001_*.txt | wc -l)" ] ||
  fail "the article under the looping links was read more than once"

# A path named on the command line that loops: named, with the reason.
expect_status 3 "$VNKG_BIN" ingest -q --db "$SCRATCH/loop.db" "$in/loop-a.txt" "$in/000_"*.txt 2>"$SCRATCH/loop.err"
expect_contains "$SCRATCH/loop.err" "loop-a.txt: Too many levels of symbolic links"
expect_contains "$SCRATCH/loop.err" "1 new"

# A truncated .jsonl.zst: the records before the damage are ingested, the file is named.
zstd -q -c "$VNKG_SHARED/corpus/dev.jsonl" >"$SCRATCH/whole.jsonl.zst"
head -c $(($(stat -c %s "$SCRATCH/whole.jsonl.zst") * 2 / 3)) "$SCRATCH/whole.jsonl.zst" >"$SCRATCH/cut.jsonl.zst"
expect_status 3 "$VNKG_BIN" ingest -q --db "$SCRATCH/cut.db" "$SCRATCH/cut.jsonl.zst" 2>"$SCRATCH/cut.err"
expect_contains "$SCRATCH/cut.err" "cut.jsonl.zst: zstd stream ends early (truncated file?)"
stored=$("$VNKG_BIN" stats --db "$SCRATCH/cut.db" | awk '/^documents/ {print $2}')
[ "$stored" -ge 5 ] && [ "$stored" -lt 100 ] || fail "expected the records before the damage, got $stored"

# NUL bytes inside an article: dropped, named with the byte offset, document kept.
art=$(ls "$VNKG_SOURCE"/examples/articles/000_*.txt)
{ head -n 1 "$art"; printf '\0\0'; tail -n +2 "$art"; } >"$SCRATCH/nul.txt"
at=$(head -n 1 "$art" | wc -c)
expect_status 0 "$VNKG_BIN" ingest -q --db "$SCRATCH/nul.db" "$SCRATCH/nul.txt" 2>"$SCRATCH/nul.err"
expect_contains "$SCRATCH/nul.err" "nul.txt: invalid UTF-8 or NUL byte at byte $at of the text"
expect_contains "$SCRATCH/nul.err" "1 new"

# One JSON Lines record of 100 MB between two ordinary ones: all three are
# stored; the big one is read in parts, and the user is told.
python3 - "$VNKG_SHARED/corpus/dev.jsonl" "$SCRATCH/big.jsonl" <<'PY'
import json, sys
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
body = "\n\n".join(texts)
big = "\n\n".join([body] * (100 * 1024 * 1024 // len(body.encode()) + 1))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(json.dumps({"id": "before", "text": texts[0]}, ensure_ascii=False) + "\n")
    out.write(json.dumps({"id": "huge", "title": "100 MB", "text": big}, ensure_ascii=False) + "\n")
    out.write(json.dumps({"id": "after", "text": texts[1]}, ensure_ascii=False) + "\n")
PY
[ "$(stat -c %s "$SCRATCH/big.jsonl")" -gt 100000000 ] || fail "the big line is not 100 MB"
expect_status 0 "$VNKG_BIN" ingest -q --db "$SCRATCH/big.db" "$SCRATCH/big.jsonl" 2>"$SCRATCH/big.err"
expect_contains "$SCRATCH/big.err" "big.jsonl:2: document huge: 100 MiB of text, read in 26 parts of at most 4 MiB"
expect_contains "$SCRATCH/big.err" "ingested 3 documents (3 new"
"$VNKG_BIN" export --db "$SCRATCH/big.db" --format facts >"$SCRATCH/big.facts"
grep -q '"doc":"huge"' "$SCRATCH/big.facts" || fail "no facts from the 100 MB record"
grep -q '"doc":"after"' "$SCRATCH/big.facts" || fail "the record after the 100 MB one was lost"
echo "ok: loops, dangling links, $unreadable_checked; a 100 MB line stored"
