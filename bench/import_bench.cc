// Benchmarks of the importer (include/dutygraph/import.h): text to plan,
// validated, in bytes of text per second. Target: >= 5 MB/s
// (docs/import.md). Inputs: a synthetic plan text of 64 KiB to 8 MiB
// (bench/common/plan_text_generator.h: every annotation form, OCR noise) and
// the seed document when DG_SEED_FILE names it.
//
// Run from a Release build: build-release/bench/import_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "dutygraph/import.h"
#include "plan_text_generator.h"

namespace dutygraph::bench {
namespace {

void Run(benchmark::State& state, const std::string& text) {
  size_t tasks = 0;
  for (auto _ : state) {
    absl::StatusOr<ImportResult> r = ImportPlanText(text);
    if (!r.ok()) {
      state.SkipWithError(std::string(r.status().message()).c_str());
      return;
    }
    tasks = r->plan.tasks.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tasks"] = static_cast<double>(tasks);
  state.counters["input_bytes"] = static_cast<double>(text.size());
}

void BM_Import_Synthetic(benchmark::State& state) {
  const std::string text = GeneratePlanText(static_cast<size_t>(state.range(0)));
  Run(state, text);
}
BENCHMARK(BM_Import_Synthetic)->RangeMultiplier(8)->Range(64 << 10, 8 << 20)->Unit(benchmark::kMillisecond);

#ifdef DG_SEED_FILE
void BM_Import_Seed(benchmark::State& state) {
  std::ifstream in(DG_SEED_FILE, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (text.str().empty()) {
    state.SkipWithError("seed document not found (DG_SEED_DIR)");
    return;
  }
  Run(state, text.str());
}
BENCHMARK(BM_Import_Seed)->Unit(benchmark::kMillisecond);
#endif

}  // namespace
}  // namespace dutygraph::bench

BENCHMARK_MAIN();
