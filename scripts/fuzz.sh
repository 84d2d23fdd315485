#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, docs/fuzzing.md) with clang-14 under
# ASan+UBSan and runs them reproducibly: a fixed -seed, a fixed number of
# executions, a fresh working corpus made from the seeds each time.
#
# Usage: scripts/fuzz.sh [TARGET|all] [RUNS]
#   TARGET  plan_json, calendar_text, capi, ... (a fuzz/<TARGET>_fuzzer.cc);
#           default all, one after the other
#   RUNS    executions per target (default 10000000)
# Environment:
#   DG_FUZZ_BUILD_DIR   build directory (default build-fuzz)
#   DG_FUZZ_SEED        libFuzzer -seed (default 1)
#   DG_FUZZ_KEEP_CORPUS 1: continue from the working corpus of the last run
#                       instead of starting from the seeds (not reproducible)
#   DG_FUZZ_NICE        niceness (default 10: the machine is shared)
#   DG_FUZZ_MAX_TIME    also stop after this many seconds (default: no limit)
#   DG_FUZZ_WORKERS     N > 1: N fuzzer processes on the one corpus, with
#                       seeds DG_FUZZ_SEED..+N-1, RUNS/N executions each
#                       (each rereads the corpus for what the others found)
# Output, per target, under the build directory: fuzz-corpus/TARGET (the
# working corpus), fuzz-artifacts/TARGET/ (crash-*, leak-*, timeout-*
# inputs) and fuzz-logs/TARGET.log (libFuzzer's output; the last lines hold
# the stat:: figures). Exits non-zero on a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
src="$PWD"
target="${1:-all}"
runs="${2:-10000000}"
build="${DG_FUZZ_BUILD_DIR:-build-fuzz}"
seed="${DG_FUZZ_SEED:-1}"
niceness="${DG_FUZZ_NICE:-10}"

if ! command -v clang++-14 >/dev/null; then
  echo "fuzz.sh: clang++-14 not found: run scripts/setup.sh --fuzz" >&2
  exit 2
fi

if [ "$target" = all ]; then
  targets=()
  for f in fuzz/*_fuzzer.cc; do
    n="$(basename "$f" _fuzzer.cc)"
    targets+=("$n")
  done
else
  targets=("$target")
fi

# Per-target settings: the largest input tried (seeds beyond it are cut)
# and the fixtures that seed the corpus besides fuzz/corpus/TARGET.
max_len_of() {
  case "$1" in
    plan_json) echo 8192 ;;
    calendar_text) echo 16384 ;;
    capi) echo 2048 ;;
    import) echo 2048 ;;
    *) echo 16384 ;;
  esac
}
fixtures_of() {
  case "$1" in
    plan_json) echo tests/data/small_plan.json ;;
    calendar_text) echo data/calendar/china_mainland.txt ;;
    *) ;;
  esac
}

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" "${launcher[@]}" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDG_BUILD_FUZZERS=ON \
    -DDG_BUILD_TESTS=OFF -DDG_BUILD_BENCHMARKS=OFF -DDG_BUILD_CLI=OFF
fi
cmake --build "$build" -j2 --target "${targets[@]/%/_fuzzer}"

status=0
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$t"
  artifacts="$build/fuzz-artifacts/$t"
  log="$build/fuzz-logs/$t.log"
  mkdir -p "$artifacts" "$(dirname "$log")"
  if [ "${DG_FUZZ_KEEP_CORPUS:-0}" != 1 ] || [ ! -d "$corpus" ]; then
    rm -rf "$corpus"
    mkdir -p "$corpus"
    for f in fuzz/corpus/"$t"/* tests/fuzz_regressions/"$t"/* $(fixtures_of "$t"); do
      [ -f "$f" ] && cp "$f" "$corpus/"
    done
    # The importer's seeds also include the seed plan cut into 40-line
    # chunks, when ../shared/seed is there (docs/import.md).
    seed_plan="${DG_SEED_DIR:-../shared/seed}/000_f66dfdd534aceaf8.txt"
    if [ "$t" = import ] && [ -f "$seed_plan" ]; then
      fuzz/make_import_corpus.sh "$seed_plan" "$corpus"
    fi
  fi
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="$src/fuzz/$t.dict")
  workers="${DG_FUZZ_WORKERS:-1}"
  echo "fuzz.sh: $t: $runs runs, seed $seed, $workers worker(s), max_len $(max_len_of "$t"), log $log" >&2
  pids=()
  logs=()
  for ((w = 0; w < workers; w++)); do
    # The first worker also takes what RUNS/N leaves over.
    worker_runs=$((runs / workers + (w == 0 ? runs % workers : 0)))
    worker_log="$log"
    [ "$workers" -gt 1 ] && worker_log="${log%.log}.$w.log"
    logs+=("$worker_log")
    # -timeout: one input taking 25 s is a finding (a hang); -rss_limit_mb
    # and -malloc_limit_mb: so is one needing 2 GiB.
    nice -n "$niceness" "$build/fuzz/${t}_fuzzer" \
      -seed=$((seed + w)) -runs="$worker_runs" -max_len="$(max_len_of "$t")" \
      -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=25 \
      -max_total_time="${DG_FUZZ_MAX_TIME:-0}" -print_final_stats=1 \
      -artifact_prefix="$artifacts/" "${dict[@]}" \
      "$corpus" >"$worker_log" 2>&1 &
    pids+=($!)
  done
  for ((w = 0; w < workers; w++)); do
    if ! wait "${pids[$w]}"; then
      echo "fuzz.sh: $t: FINDING, see ${logs[$w]} and $artifacts/" >&2
      status=1
    fi
    grep -E '^(Done|stat::)' "${logs[$w]}" >&2 || true
  done
done
exit "$status"
