#!/usr/bin/env bash
# Installs every build and test dependency of dutygraph from Debian's apt.
# Safe to run again: apt-get skips what is already installed.
# Usage: scripts/setup.sh [--fuzz]   (as root, or with sudo available)
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libboost-date-time-dev libboost-graph-dev
  libabsl-dev
  libgtest-dev libgmock-dev googletest
  libbenchmark-dev
  libcli11-dev nlohmann-json3-dev libsimdjson-dev
  libsqlite3-dev
  python3 python3-pytest python3-jsonschema python3-icalendar
  libquantlib0-dev
  graphviz fonts-wqy-zenhei doxygen
)

# scripts/setup.sh --fuzz adds clang-14 and its libFuzzer runtime for
# scripts/fuzz.sh (docs/fuzzing.md); CI's normal build does not need them.
if [ "${1:-}" = --fuzz ]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
