// Benchmarks of the embedded store (dutygraph/store.h): appending events in
// batches (each batch one transaction, fsync'ed: WAL + synchronous=FULL),
// the idempotent re-append of a batch already stored, and reading the log
// back. Target (issue 5): appends >= 20,000 events/s in batches.
//
// The store file goes to $DG_BENCH_DIR, else $TMPDIR, else /tmp: what is
// measured includes that file system's fsync.
//
// Run from a Release build: build-release/bench/store_bench
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "dutygraph/store.h"

namespace dutygraph::bench {
namespace {

std::string ScratchPath(std::string_view name) {
  const char* dir = std::getenv("DG_BENCH_DIR");
  if (dir == nullptr || *dir == '\0') dir = std::getenv("TMPDIR");
  if (dir == nullptr || *dir == '\0') dir = "/tmp";
  return std::string(dir) + "/dg_store_bench_" + std::to_string(getpid()) +
         "_" + std::string(name) + ".db";
}

void Remove(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::error_code ignored;
    std::filesystem::remove(path + suffix, ignored);
  }
}

// A progress report as the tracking layer would append it (~150 bytes).
std::string MakeEvent(int64_t n) {
  return "{\"id\":\"ev-" + std::to_string(n) +
         "\",\"kind\":\"progress_reported\",\"date\":\"2023-0" +
         std::to_string(3 + n % 7) + "-1" + std::to_string(n % 10) +
         "\",\"task\":\"t" + std::to_string(n % 5000) +
         "\",\"actor\":\"czj\",\"percent\":" + std::to_string(n % 101) +
         ",\"text\":\"按序时进度推进\"}";
}

// BM_Store_AppendBatch/<batch size>: new events, one transaction per batch.
void BM_Store_AppendBatch(benchmark::State& state) {
  const std::string path = ScratchPath("append");
  Remove(path);
  absl::StatusOr<Store> store = Store::Open(path);
  if (!store.ok()) {
    state.SkipWithError(std::string(store.status().message()).c_str());
    return;
  }
  const int64_t batch_size = state.range(0);
  int64_t next = 0;
  std::vector<std::string> texts(static_cast<size_t>(batch_size));
  std::vector<std::string_view> batch(texts.size());
  for (auto _ : state) {
    state.PauseTiming();
    for (size_t i = 0; i < texts.size(); ++i) {
      texts[i] = MakeEvent(next++);
      batch[i] = texts[i];
    }
    state.ResumeTiming();
    absl::StatusOr<AppendResult> r = store->AppendEvents(batch);
    if (!r.ok() || r->appended != texts.size()) {
      state.SkipWithError("append failed");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * batch_size);
  state.counters["events/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * batch_size),
      benchmark::Counter::kIsRate);
  Remove(path);
}
BENCHMARK(BM_Store_AppendBatch)
    ->Arg(1)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(10000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// BM_Store_ReappendBatch: a batch of 1,000 already stored, appended again
// (a retried call): every id is looked up and found unchanged.
void BM_Store_ReappendBatch(benchmark::State& state) {
  const std::string path = ScratchPath("reappend");
  Remove(path);
  absl::StatusOr<Store> store = Store::Open(path);
  if (!store.ok()) {
    state.SkipWithError(std::string(store.status().message()).c_str());
    return;
  }
  std::vector<std::string> texts;
  for (int64_t i = 0; i < 1000; ++i) texts.push_back(MakeEvent(i));
  const std::vector<std::string_view> batch(texts.begin(), texts.end());
  if (!store->AppendEvents(batch).ok()) {
    state.SkipWithError("first append failed");
    return;
  }
  for (auto _ : state) {
    absl::StatusOr<AppendResult> r = store->AppendEvents(batch);
    if (!r.ok() || r->unchanged != batch.size()) {
      state.SkipWithError("re-append failed");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * 1000);
  Remove(path);
}
BENCHMARK(BM_Store_ReappendBatch)->UseRealTime()->Unit(benchmark::kMillisecond);

// BM_Store_ReadAll: the whole log of 100,000 events, in append order.
void BM_Store_ReadAll(benchmark::State& state) {
  const std::string path = ScratchPath("read");
  Remove(path);
  absl::StatusOr<Store> store = Store::Open(path);
  if (!store.ok()) {
    state.SkipWithError(std::string(store.status().message()).c_str());
    return;
  }
  constexpr int64_t kEvents = 100'000;
  for (int64_t b = 0; b < kEvents / 10'000; ++b) {
    std::vector<std::string> texts;
    for (int64_t i = 0; i < 10'000; ++i) texts.push_back(MakeEvent(b * 10'000 + i));
    if (!store->AppendEvents(std::vector<std::string_view>(texts.begin(),
                                                           texts.end()))
             .ok()) {
      state.SkipWithError("setup append failed");
      return;
    }
  }
  for (auto _ : state) {
    absl::StatusOr<std::vector<StoredEvent>> events = store->ReadEvents();
    if (!events.ok() || events->size() != kEvents) {
      state.SkipWithError("read failed");
      break;
    }
    benchmark::DoNotOptimize(events->data());
  }
  state.SetItemsProcessed(state.iterations() * kEvents);
  Remove(path);
}
BENCHMARK(BM_Store_ReadAll)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dutygraph::bench

BENCHMARK_MAIN();
