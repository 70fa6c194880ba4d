# Shared by the end-to-end tests: where things are, a scratch directory, and
# assertions that print what was expected and what came.
set -euo pipefail
: "${VNKG_BIN:?VNKG_BIN must name the vnkg binary (ctest sets it)}"
: "${VNKG_SOURCE:?VNKG_SOURCE must name the source tree (ctest sets it)}"
: "${VNKG_SHARED:=$VNKG_SOURCE/../shared}"
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/vnkg-e2e.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
export VNKG_DB="$SCRATCH/default.db"  # never touch the user's database

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_contains() {  # FILE TEXT
  grep -qF -- "$2" "$1" || { echo "--- $1:" >&2; cat "$1" >&2; fail "expected '$2' in $1"; }
}
expect_not_contains() {  # FILE TEXT
  if grep -qF -- "$2" "$1"; then echo "--- $1:" >&2; cat "$1" >&2; fail "did not expect '$2' in $1"; fi
}
expect_status() {  # WANT COMMAND...
  local want=$1; shift
  local got=0
  "$@" || got=$?
  [ "$got" -eq "$want" ] || fail "exit status $got, expected $want: $*"
}
