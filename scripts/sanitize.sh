#!/usr/bin/env bash
# Builds dutygraph under a sanitizer and runs the whole test suite there
# (docs/development.md). The CI job .ci/sanitizers runs both.
#
# Usage: scripts/sanitize.sh address|thread [BUILD_DIR]
#   address  ASan + UBSan + LSan (-DDG_SANITIZE=address,undefined), build-asan
#   thread   ThreadSanitizer (-DDG_SANITIZE=thread), build-tsan
# Every target is instrumented, tests, examples and the CLI included; the
# Python tests run with the sanitizer runtime preloaded (CMakeLists.txt,
# DG_PRELOAD_SANITIZER_ENV). Only the packaging tests are left out: they
# install the library and build consumers of it with the host's plain
# compiler flags, which is what they test, and they run in the normal suite.
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:?usage: scripts/sanitize.sh address|thread [BUILD_DIR]}"
case "$kind" in
  address) sanitize=address,undefined; build="${2:-build-asan}" ;;
  thread) sanitize=thread; build="${2:-build-tsan}" ;;
  *) echo "sanitize.sh: unknown sanitizer '$kind' (address or thread)" >&2; exit 2 ;;
esac
jobs="$(nproc 2>/dev/null || echo 2)"

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$build" "${launcher[@]}" -DCMAKE_BUILD_TYPE=Debug \
  -DDG_SANITIZE="$sanitize" -DDG_WERROR=ON -DDG_BUILD_BENCHMARKS=OFF
cmake --build "$build" -j "$jobs"
# Any report fails its test (-fno-sanitize-recover=all; TSan exits with 66):
# these only make the reports more telling.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
# tests/tsan.supp: reports about uninstrumented glibc internals, each explained.
export TSAN_OPTIONS="${TSAN_OPTIONS:-second_deadlock_stack=1:suppressions=$PWD/tests/tsan.supp}"
ctest --test-dir "$build" --output-on-failure -j "$jobs" -E '^packaging_'
