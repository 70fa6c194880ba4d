#!/usr/bin/env bash
# Byte-identity check for extractor refactors: runs two `vnkg extract`
# binaries on the same inputs and compares their outputs with cmp.
#   scripts/extract_identity.sh BASE_BIN NEW_BIN [SLICE_LINES]
# Inputs: ../shared/corpus/dev.jsonl, the first SLICE_LINES (default 8000)
# articles of ../shared/corpus/news.jsonl.zst, and each of ../shared/seeds/*.txt.
# Prints one line per input and the medians (wall and CPU) of 3 alternating
# runs of each binary on the slice; exits 1 when any output differs.
set -euo pipefail
base=${1:?usage: $0 BASE_BIN NEW_BIN [SLICE_LINES]}
new=${2:?usage: $0 BASE_BIN NEW_BIN [SLICE_LINES]}
lines=${3:-8000}
shared=${VNKG_SHARED:-"$(cd "$(dirname "$0")/.." && pwd)/../shared"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

{ zstdcat "$shared/corpus/news.jsonl.zst" || true; } | head -n "$lines" >"$work/slice.jsonl"  # zstdcat ends on SIGPIPE
status=0
compare() {  # name, then the command's arguments after `extract`
  local name=$1
  shift
  "$base" extract "$@" >"$work/base.$name" 2>/dev/null
  "$new" extract "$@" >"$work/new.$name" 2>/dev/null
  if cmp -s "$work/base.$name" "$work/new.$name"; then
    echo "identical  $name ($(wc -l <"$work/base.$name") facts)"
  else
    echo "DIFFERENT  $name"
    status=1
  fi
}
compare dev "$shared/corpus/dev.jsonl"
compare slice "$work/slice.jsonl"
for seed in "$shared"/seeds/*.txt; do compare "seed-$(basename "$seed" .txt)" "$seed"; done

seconds() {  # binary: "wall cpu" seconds (cpu: user + system) of one run on the slice
  local TIMEFORMAT='%R %U %S' t
  t=$({ time "$1" extract "$work/slice.jsonl" >/dev/null 2>&1; } 2>&1)
  read -r wall user sys <<<"$t"
  echo "$wall $(echo "$user + $sys" | bc)"
}
base_wall=() base_cpu=() new_wall=() new_cpu=()
for _ in 1 2 3; do  # alternating, so that load on the machine hits both alike
  read -r w c <<<"$(seconds "$base")"; base_wall+=("$w"); base_cpu+=("$c")
  read -r w c <<<"$(seconds "$new")"; new_wall+=("$w"); new_cpu+=("$c")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
echo "slice: $(wc -c <"$work/slice.jsonl") bytes, $lines articles; median of 3 alternating runs"
echo "base: wall $(median "${base_wall[@]}") s (${base_wall[*]}), cpu $(median "${base_cpu[@]}") s (${base_cpu[*]})"
echo "new:  wall $(median "${new_wall[@]}") s (${new_wall[*]}), cpu $(median "${new_cpu[@]}") s (${new_cpu[*]})"
exit $status
