#!/usr/bin/env bash
# Installs what vnkg needs to build and test, from Debian 12's packages.
# As root: apt-get installs whatever is missing. Otherwise: prints the exact
# apt-get line and exits 1. Quiet when everything is already installed.
# clang and libclang-rt-14-dev (libFuzzer and the sanitizer runtimes) are for
# `make fuzz` only; sqlite3 (a baseline) and gnuplot-nox (the chart) for
# `make bench` only. libboost-dev carries Boost.Beast and Boost.Asio (header-only)
# for `vnkg serve`; curl, python3-sparqlwrapper and chromium are the real
# clients its tests (tests/e2e/serve_*.sh) drive.
# nodejs and npm (when nodejs lacks it) run Oxigraph, the SPARQL oracle of
# tests/e2e/sparql_oracle_full.sh (which npm-installs it under build/oracle).
# python3-distributed (Dask's scheduler and workers, for Debian's /usr/bin/python3)
# runs scripts/distributed_extract.py and its test tests/e2e/distributed_extract.sh.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ccache python3 zstd
  librocksdb-dev libicu-dev libboost-dev libboost-graph-dev libcli11-dev catch2
  nlohmann-json3-dev libsimdjson-dev libzstd-dev libedit-dev nettle-dev
  raptor2-utils rasqal-utils graphviz tmux
  curl python3-sparqlwrapper chromium
  nodejs
  python3-distributed
  sqlite3 gnuplot-nox
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
# npm: Debian's package, unless the installed nodejs brings its own
# (NodeSource's does, and conflicts with Debian's npm).
if ! command -v npm >/dev/null; then
  status=$(dpkg-query -W -f='${db:Status-Status}' npm 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=(npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "vnkg needs these Debian packages: ${missing[*]}" >&2
  echo "Install them as root with:" >&2
  echo "  apt-get update && $line" >&2
  exit 1
fi
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$line
