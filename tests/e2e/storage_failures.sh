# A full disk and a database the user may not write: clear errors, exit
# status 1, nothing stored before is lost, and once the cause is gone the same
# command completes the graph an uninterrupted ingest builds.
# Needs root (to mount a small tmpfs, and to run vnkg as an unprivileged user
# for the permission case); exits 77 (skipped) otherwise.
source "$(dirname "$0")/lib/common.sh"
[ "$(id -u)" -eq 0 ] || { echo "skipped: needs root"; exit 77; }
command -v setpriv >/dev/null || { echo "skipped: no setpriv"; exit 77; }
dev="$VNKG_SHARED/corpus/dev.jsonl"
[ -f "$dev" ] || fail "missing $dev"

# 3000 distinct documents: 30 renamed copies of the 100 dev articles.
for i in $(seq 1 30); do sed "s/\"id\": \"/\"id\": \"copy$i-/" "$dev"; done >"$SCRATCH/input.jsonl"
"$VNKG_BIN" ingest -q --db "$SCRATCH/reference.db" "$SCRATCH/input.jsonl" 2>/dev/null
"$VNKG_BIN" export --db "$SCRATCH/reference.db" --format facts >"$SCRATCH/reference.facts"

# --- disk full: a 2 MiB filesystem fills up part-way.
mnt="$SCRATCH/small"
mkdir -p "$mnt"
mount -t tmpfs -o size=2M tmpfs "$mnt" 2>/dev/null || { echo "skipped: cannot mount a tmpfs here"; exit 77; }
trap 'umount "$mnt" 2>/dev/null; rm -rf "$SCRATCH"' EXIT
expect_status 1 "$VNKG_BIN" ingest -q --db "$mnt/db" "$SCRATCH/input.jsonl" 2>"$SCRATCH/full.err"
expect_contains "$SCRATCH/full.err" "No space left on device"
expect_contains "$SCRATCH/full.err" "input.jsonl:"  # the document it was storing
expect_contains "$SCRATCH/full.err" "documents stored before this one are kept"
expect_not_contains "$SCRATCH/full.err" "Assertion"
# What was stored is readable, and is a prefix of the input, whole documents only.
"$VNKG_BIN" stats --db "$mnt/db" >"$SCRATCH/full.stats"
stored=$(awk '/^documents/ {print $2}' "$SCRATCH/full.stats")
[ "$stored" -gt 0 ] && [ "$stored" -lt 3000 ] || fail "expected part of the input stored, got $stored documents"
# Room again: the same command completes the graph.
mount -o remount,size=64M "$mnt"
expect_status 0 "$VNKG_BIN" ingest -q --db "$mnt/db" "$SCRATCH/input.jsonl" 2>"$SCRATCH/again.err"
expect_contains "$SCRATCH/again.err" "$stored unchanged"
"$VNKG_BIN" export --db "$mnt/db" --format facts | cmp -s - "$SCRATCH/reference.facts" || fail "after the disk-full failure the graph differs"

# The bulk path on a full disk: an error, and no database or staging left.
umount "$mnt"
mount -t tmpfs -o size=1M tmpfs "$mnt"
expect_status 1 "$VNKG_BIN" ingest -q --bulk --db "$mnt/bulk.db" "$SCRATCH/input.jsonl" 2>"$SCRATCH/bulk.err"
expect_contains "$SCRATCH/bulk.err" "No space left on device"
[ -z "$(ls -A "$mnt")" ] || fail "a failed bulk load left: $(ls -A "$mnt")"

# --- a database directory the user may not write (nobody, uid 65534).
chmod 755 "$SCRATCH"
chmod -R a+rX "$SCRATCH/reference.db"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
if ! as_nobody "$VNKG_BIN" extract "$VNKG_SOURCE/examples/articles" >/dev/null 2>&1; then
  # The build or the source tree is where nobody may not read (a home directory, say).
  echo "ok: disk full after $stored documents, completed on re-run (read-only case skipped: nobody cannot run $VNKG_BIN)"
  exit 0
fi
expect_status 1 as_nobody "$VNKG_BIN" ingest -q --db "$SCRATCH/reference.db" "$dev" 2>"$SCRATCH/ro.err"
expect_contains "$SCRATCH/ro.err" "cannot write to the database $SCRATCH/reference.db"
expect_contains "$SCRATCH/ro.err" "Permission denied"
expect_not_contains "$SCRATCH/ro.err" "being written by"
# ...and reading it works for that user, unchanged.
as_nobody "$VNKG_BIN" export --db "$SCRATCH/reference.db" --format facts | cmp -s - "$SCRATCH/reference.facts" ||
  fail "the read-only user cannot read the database, or it changed"
expect_status 1 as_nobody "$VNKG_BIN" ingest -q --db "$SCRATCH/new.db" "$dev" 2>"$SCRATCH/new.err"
expect_contains "$SCRATCH/new.err" "cannot create database directory $SCRATCH/new.db: Permission denied"
echo "ok: disk full after $stored documents, completed on re-run; read-only directory refused"
