// Benchmarks of the responsibility graph on a province-scale plan
// (bench/common/plan_generator.h): build, JSON load, accountability of a
// task, tasks of a unit, and the memory the snapshot takes. A hand-written
// compressed-sparse-row index answering the bare question (which units, in
// which role; which tasks) is the peer: dutygraph answers the richer one
// (sets, inheritance, successors, holders, groups) and should stay within
// 1.5x of it.
//
// Run from a Release build: build-release/bench/plan_bench
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <time.h>

#include <cstdio>
#include <string>

#include "absl/container/flat_hash_map.h"

#include "dutygraph/plan.h"
#include "dutygraph/plan_json.h"
#include "plan_generator.h"

namespace dutygraph::bench {
namespace {

const PlanData& Data() {
  static const PlanData data = GeneratePlan(PlanShape{});
  return data;
}

const Plan& SharedPlan() {
  static const Plan plan = *Plan::Build(Data());
  return plan;
}

const std::string& Json() {
  static const std::string json = WritePlanJson(Data());
  return json;
}

size_t AssignmentCount(const PlanData& d) {
  size_t n = 0;
  for (const TaskData& t : d.tasks) n += t.assignments.size();
  return n;
}

// Bytes of heap in use: small chunks in the arenas plus chunks glibc gives
// their own mmap (any vector above the mmap threshold, e.g. the 37 MB array
// of TaskData, lands there and uordblks alone would miss it).
size_t HeapInUse() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

// CPU time of this thread (what Google Benchmark's CPU column reports).
double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// Memory counters: `what`_MiB, per task and per edge (an edge is an
// assignment or a dependency: 320,133 in the generated plan).
void MemoryCounters(benchmark::State& state, const std::string& what,
                    size_t bytes) {
  const double tasks = static_cast<double>(Data().tasks.size());
  const double edges = static_cast<double>(AssignmentCount(Data()) +
                                           Data().dependencies.size());
  state.counters["tasks"] = tasks;
  state.counters["edges"] = edges;
  state.counters[what + "_MiB"] = static_cast<double>(bytes) / (1 << 20);
  state.counters[what + "_B_per_task"] = static_cast<double>(bytes) / tasks;
  state.counters[what + "_B_per_edge"] = static_cast<double>(bytes) / edges;
}

// Build from a PlanData moved in: the heap Build adds is the index alone
// (id and name tables, tenure, member and assignment lists, per-node and
// per-unit arrays), since the records are moved, not copied.
void BM_PlanBuild_FromData(benchmark::State& state) {
  size_t heap = 0;
  for (auto _ : state) {
    state.PauseTiming();
    PlanData copy = Data();
    const size_t before = HeapInUse();
    state.ResumeTiming();
    absl::StatusOr<Plan> plan = Plan::Build(std::move(copy));
    benchmark::DoNotOptimize(plan);
    state.PauseTiming();
    heap = HeapInUse() - before;
    plan = absl::UnknownError("released");  // free outside the timing
    state.ResumeTiming();
  }
  MemoryCounters(state, "index", heap);
}
BENCHMARK(BM_PlanBuild_FromData)->Unit(benchmark::kMillisecond)->Iterations(3);

// Load from JSON text: parse, validate, build. The heap the loaded Plan
// holds afterwards is everything the snapshot costs: its PlanData (records
// and strings) plus the index; the parser's buffers are freed by then.
// Freeing the previous snapshot is not part of loading: it happens outside
// the timing (and is reported as free_ms, CPU time).
void BM_PlanLoad_Json(benchmark::State& state) {
  const std::string& json = Json();
  size_t heap = 0;
  double free_seconds = 0;
  for (auto _ : state) {
    const size_t before = HeapInUse();
    absl::StatusOr<Plan> plan = LoadPlanJson(json);
    if (!plan.ok()) {
      state.SkipWithError(std::string(plan.status().message()).c_str());
      break;
    }
    benchmark::DoNotOptimize(plan);
    state.PauseTiming();
    heap = HeapInUse() - before;
    const double start = ThreadCpuSeconds();
    plan = absl::UnknownError("released");
    free_seconds += ThreadCpuSeconds() - start;
    state.ResumeTiming();
  }
  state.counters["json_MiB"] = static_cast<double>(json.size()) / (1 << 20);
  state.counters["free_ms"] =
      1e3 * free_seconds / static_cast<double>(state.iterations());
  MemoryCounters(state, "plan", heap);
}
BENCHMARK(BM_PlanLoad_Json)->Unit(benchmark::kMillisecond)->Iterations(3);

std::vector<int32_t> RandomIndices(size_t count, int32_t lo, int32_t hi) {
  return RandomInts(count, lo, hi, kBenchSeed + 7);
}

void BM_Accountability_Dutygraph(benchmark::State& state) {
  const Plan& plan = SharedPlan();
  const int32_t first = static_cast<int32_t>(plan.data().tasks.size() - 100'000);
  const auto tasks = RandomIndices(4096, first,
                                   static_cast<int32_t>(plan.data().tasks.size() - 1));
  const Date on = *Date::FromYmd(2023, 6, 1);
  Accountability who;
  size_t i = 0, units = 0;
  for (auto _ : state) {
    absl::Status s = plan.AccountabilityOf(TaskIndex{static_cast<uint32_t>(tasks[i++ & 4095])}, on, &who);
    benchmark::DoNotOptimize(s);
    units += who.units.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["units_per_answer"] =
      static_cast<double>(units) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Accountability_Dutygraph);

void BM_TasksOfUnit_Dutygraph(benchmark::State& state) {
  const Plan& plan = SharedPlan();
  const auto units = RandomIndices(4096, 0, static_cast<int32_t>(plan.data().units.size() - 1));
  const Date on = *Date::FromYmd(2023, 6, 1);
  std::vector<UnitTask> tasks;
  size_t i = 0, results = 0;
  for (auto _ : state) {
    absl::Status s = plan.TasksOfUnit(UnitIndex{static_cast<uint32_t>(units[i++ & 4095])}, on, {}, &tasks);
    benchmark::DoNotOptimize(s);
    results += tasks.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["tasks_per_answer"] =
      static_cast<double>(results) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_TasksOfUnit_Dutygraph);

// The peer: task -> (unit, role) and unit -> (task, role) in CSR arrays, with
// sets expanded and each unit's head holder looked up in a flat array.
struct HandCsr {
  std::vector<uint32_t> task_offsets, unit_offsets;
  std::vector<std::pair<uint32_t, uint8_t>> task_items, unit_items;
  std::vector<uint32_t> head_holder;
};

const HandCsr& Csr() {
  static const HandCsr csr = [] {
    const PlanData& d = Data();
    HandCsr c;
    absl::flat_hash_map<std::string, uint32_t> unit_ids, set_ids;
    for (uint32_t u = 0; u < d.units.size(); ++u) unit_ids[d.units[u].id] = u;
    for (uint32_t s = 0; s < d.unit_sets.size(); ++s) set_ids[d.unit_sets[s].id] = s;
    std::vector<std::vector<std::pair<uint32_t, uint8_t>>> by_unit(d.units.size());
    c.task_offsets.push_back(0);
    for (uint32_t t = 0; t < d.tasks.size(); ++t) {
      for (const AssignmentData& a : d.tasks[t].assignments) {
        const auto role = static_cast<uint8_t>(a.role);
        if (!a.unit.empty()) {
          c.task_items.emplace_back(unit_ids.at(a.unit), role);
        } else {
          for (const std::string& m : d.unit_sets[set_ids.at(a.unit_set)].members) {
            c.task_items.emplace_back(unit_ids.at(m), role);
          }
        }
      }
      for (uint32_t k = c.task_offsets.back(); k < c.task_items.size(); ++k) {
        by_unit[c.task_items[k].first].emplace_back(t, c.task_items[k].second);
      }
      c.task_offsets.push_back(static_cast<uint32_t>(c.task_items.size()));
    }
    c.unit_offsets.push_back(0);
    for (auto& list : by_unit) {
      c.unit_items.insert(c.unit_items.end(), list.begin(), list.end());
      c.unit_offsets.push_back(static_cast<uint32_t>(c.unit_items.size()));
    }
    c.head_holder.resize(d.units.size());
    for (uint32_t u = 0; u < d.units.size(); ++u) c.head_holder[u] = u;
    return c;
  }();
  return csr;
}

void BM_Accountability_HandCsr(benchmark::State& state) {
  const HandCsr& csr = Csr();
  const auto tasks = RandomIndices(4096, 0, static_cast<int32_t>(csr.task_offsets.size() - 2));
  struct Row { uint32_t unit; uint8_t role; uint32_t head; };
  std::vector<Row> out;
  size_t i = 0;
  for (auto _ : state) {
    const uint32_t t = static_cast<uint32_t>(tasks[i++ & 4095]);
    out.clear();
    for (uint32_t k = csr.task_offsets[t]; k < csr.task_offsets[t + 1]; ++k) {
      const auto [unit, role] = csr.task_items[k];
      out.push_back({unit, role, csr.head_holder[unit]});
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Accountability_HandCsr);

void BM_TasksOfUnit_HandCsr(benchmark::State& state) {
  const HandCsr& csr = Csr();
  const auto units = RandomIndices(4096, 0, static_cast<int32_t>(csr.unit_offsets.size() - 2));
  std::vector<std::pair<uint32_t, uint8_t>> out;
  size_t i = 0;
  for (auto _ : state) {
    const uint32_t u = static_cast<uint32_t>(units[i++ & 4095]);
    out.assign(csr.unit_items.begin() + csr.unit_offsets[u],
               csr.unit_items.begin() + csr.unit_offsets[u + 1]);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TasksOfUnit_HandCsr);

}  // namespace
}  // namespace dutygraph::bench

BENCHMARK_MAIN();
