// Benchmarks of dependency scheduling (dutygraph/critical_path.h) on the
// province-scale plan of bench/common/plan_generator.h: 100,606 task-tree
// nodes and 20,000 finish-to-start dependencies with lags of 0..5 working
// days; durations 1..10 working days per task, 0 for parts and sections.
//
// The target (issue 4): the critical path over that shape in <= 1.5 ms on an
// already-built Plan. The peer is a hand-written CSR critical path method
// over all tasks in index space (its topological order precomputed too) that
// answers only the offsets — no dates, no critical-path listing — so it is the
// floor to compare with.
//
// Run from a Release build: build-release/bench/critical_path_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "dutygraph/calendar.h"
#include "dutygraph/critical_path.h"
#include "dutygraph/plan.h"
#include "plan_generator.h"

namespace dutygraph::bench {
namespace {

const Plan& SharedPlan() {
  static const Plan plan = *Plan::Build(GeneratePlan(PlanShape{}));
  return plan;
}

const DependencyNetwork& SharedNetwork() {
  static const DependencyNetwork network =
      *DependencyNetwork::FromPlan(SharedPlan());
  return network;
}

// Per task-tree node: 1..10 working days for tasks, 0 for parts/sections.
std::vector<int32_t> Durations(const PlanData& data, uint64_t seed) {
  SplitMix64 rng(seed);
  std::vector<int32_t> out(data.tasks.size(), 0);
  for (size_t i = 0; i < data.tasks.size(); ++i) {
    if (data.tasks[i].kind == "task") {
      out[i] = static_cast<int32_t>(rng.UniformInt(1, 10));
    }
  }
  return out;
}

const std::vector<int32_t>& SharedDurations() {
  static const std::vector<int32_t> d = Durations(SharedPlan().data(), kBenchSeed);
  return d;
}

const Date kStart = *Date::FromYmd(2023, 3, 3);

void BM_CriticalPath_Compute(benchmark::State& state) {
  const DependencyNetwork& network = SharedNetwork();
  const std::vector<int32_t>& durations = SharedDurations();
  const Calendar calendar = Calendar::ChinaMainland();
  CriticalPathOptions options;
  options.max_critical_paths = static_cast<int32_t>(state.range(0));
  CriticalPathAnswer answer;
  for (auto _ : state) {
    absl::Status s =
        network.Compute(durations, calendar, kStart, options, &answer);
    if (!s.ok()) {
      state.SkipWithError(std::string(s.message()).c_str());
      break;
    }
    benchmark::DoNotOptimize(answer.tasks.data());
  }
  state.SetItemsProcessed(state.iterations() * network.task_count());
  state.counters["tasks"] = network.task_count();
  state.counters["deps"] = static_cast<double>(network.dependency_count());
  state.counters["duration_wd"] = answer.project_duration;
  state.counters["critical"] = static_cast<double>(answer.critical_tasks.size());
  state.counters["paths"] = static_cast<double>(answer.critical_paths.size());
}
BENCHMARK(BM_CriticalPath_Compute)->Arg(16)->Arg(0)
    ->Unit(benchmark::kMicrosecond);

void BM_CriticalPath_NetworkFromPlan(benchmark::State& state) {
  const Plan& plan = SharedPlan();
  for (auto _ : state) {
    absl::StatusOr<DependencyNetwork> network =
        DependencyNetwork::FromPlan(plan);
    benchmark::DoNotOptimize(network);
  }
  state.SetItemsProcessed(state.iterations() * plan.data().dependencies.size());
}
BENCHMARK(BM_CriticalPath_NetworkFromPlan)->Unit(benchmark::kMillisecond);

void BM_CriticalPath_OneShot(benchmark::State& state) {
  const Plan& plan = SharedPlan();
  const std::vector<int32_t>& durations = SharedDurations();
  const Calendar calendar = Calendar::ChinaMainland();
  for (auto _ : state) {
    absl::StatusOr<CriticalPathAnswer> answer =
        ComputeCriticalPath(plan, durations, calendar, kStart);
    benchmark::DoNotOptimize(answer);
  }
  state.SetItemsProcessed(state.iterations() * plan.data().tasks.size());
}
BENCHMARK(BM_CriticalPath_OneShot)->Unit(benchmark::kMillisecond);

// Size sweep: n tasks, n/5 dependencies from an earlier to a later task
// (the generator's rule), built through FromDependencies.
struct Sweep {
  DependencyNetwork network;
  std::vector<int32_t> durations;
};

Sweep MakeSweep(int n) {
  SplitMix64 rng(kBenchSeed + n);
  std::vector<std::string> ids(n);
  for (int i = 0; i < n; ++i) ids[i] = "t" + std::to_string(i);
  std::vector<DependencyData> deps;
  for (int k = 0; k < n / 5; ++k) {
    const int a = static_cast<int>(rng.UniformInt(0, n - 2));
    const int b = static_cast<int>(rng.UniformInt(a + 1, n - 1));
    deps.push_back({ids[a], ids[b], "finish_to_start",
                    static_cast<int>(rng.UniformInt(0, 5))});
  }
  std::vector<int32_t> durations(n);
  for (int32_t& d : durations) d = static_cast<int32_t>(rng.UniformInt(1, 10));
  return {*DependencyNetwork::FromDependencies(std::move(ids), deps),
          std::move(durations)};
}

void BM_CriticalPath_ComputeSweep(benchmark::State& state) {
  const Sweep sweep = MakeSweep(static_cast<int>(state.range(0)));
  const Calendar calendar = Calendar::ChinaMainland();
  CriticalPathAnswer answer;
  for (auto _ : state) {
    absl::Status s =
        sweep.network.Compute(sweep.durations, calendar, kStart, {}, &answer);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CriticalPath_ComputeSweep)->RangeMultiplier(10)
    ->Range(1'000, 1'000'000)->Unit(benchmark::kMicrosecond);

// The peer: a hand-written CSR over all tasks in index space, topological
// order by Kahn's algorithm precomputed; per call the two passes, float and
// the critical flags.
struct HandCsr {
  std::vector<uint32_t> order;
  std::vector<uint32_t> pred_offsets, pred_from;
  std::vector<int32_t> pred_lag;
  std::vector<uint32_t> succ_offsets, succ_to;
  std::vector<int32_t> succ_lag;
};

HandCsr BuildHandCsr(const Plan& plan) {
  const uint32_t n = static_cast<uint32_t>(plan.data().tasks.size());
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  std::vector<int32_t> lags;
  for (const DependencyData& d : plan.data().dependencies) {
    edges.emplace_back(plan.FindTask(d.from)->value, plan.FindTask(d.to)->value);
    lags.push_back(d.lag_working_days);
  }
  HandCsr g;
  g.pred_offsets.assign(n + 1, 0);
  g.succ_offsets.assign(n + 1, 0);
  for (auto [a, b] : edges) {
    ++g.succ_offsets[a + 1];
    ++g.pred_offsets[b + 1];
  }
  for (uint32_t v = 0; v < n; ++v) {
    g.succ_offsets[v + 1] += g.succ_offsets[v];
    g.pred_offsets[v + 1] += g.pred_offsets[v];
  }
  g.pred_from.resize(edges.size());
  g.pred_lag.resize(edges.size());
  g.succ_to.resize(edges.size());
  g.succ_lag.resize(edges.size());
  std::vector<uint32_t> sp(g.succ_offsets.begin(), g.succ_offsets.end() - 1);
  std::vector<uint32_t> pp(g.pred_offsets.begin(), g.pred_offsets.end() - 1);
  for (size_t k = 0; k < edges.size(); ++k) {
    auto [a, b] = edges[k];
    g.succ_to[sp[a]] = b;
    g.succ_lag[sp[a]++] = lags[k];
    g.pred_from[pp[b]] = a;
    g.pred_lag[pp[b]++] = lags[k];
  }
  std::vector<uint32_t> indegree(n);
  for (uint32_t v = 0; v < n; ++v) {
    indegree[v] = g.pred_offsets[v + 1] - g.pred_offsets[v];
    if (indegree[v] == 0) g.order.push_back(v);
  }
  for (size_t head = 0; head < g.order.size(); ++head) {
    const uint32_t v = g.order[head];
    for (uint32_t k = g.succ_offsets[v]; k < g.succ_offsets[v + 1]; ++k) {
      if (--indegree[g.succ_to[k]] == 0) g.order.push_back(g.succ_to[k]);
    }
  }
  return g;
}

void BM_CriticalPath_HandCsr(benchmark::State& state) {
  const HandCsr g = BuildHandCsr(SharedPlan());
  const std::vector<int32_t>& dur = SharedDurations();
  const size_t n = dur.size();
  std::vector<int32_t> es(n), ls(n), total_float(n);
  std::vector<uint8_t> critical(n);
  int32_t end = 0;
  for (auto _ : state) {
    end = 0;
    for (uint32_t v : g.order) {
      int32_t s = 0;
      for (uint32_t k = g.pred_offsets[v]; k < g.pred_offsets[v + 1]; ++k) {
        s = std::max(s, es[g.pred_from[k]] + dur[g.pred_from[k]] + g.pred_lag[k]);
      }
      es[v] = s;
      end = std::max(end, s + dur[v]);
    }
    for (size_t i = g.order.size(); i-- > 0;) {
      const uint32_t v = g.order[i];
      int32_t f = end;
      for (uint32_t k = g.succ_offsets[v]; k < g.succ_offsets[v + 1]; ++k) {
        f = std::min(f, ls[g.succ_to[k]] - g.succ_lag[k]);
      }
      ls[v] = f - dur[v];
    }
    for (size_t v = 0; v < n; ++v) {
      total_float[v] = ls[v] - es[v];
      critical[v] = total_float[v] == 0;
    }
    benchmark::DoNotOptimize(critical.data());
  }
  state.SetItemsProcessed(state.iterations() * n);
  state.counters["duration_wd"] = end;
  state.counters["critical"] =
      static_cast<double>(std::count(critical.begin(), critical.end(), 1));
}
BENCHMARK(BM_CriticalPath_HandCsr)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace dutygraph::bench

int main(int argc, char** argv) {
#ifdef NDEBUG
  const char* build = "optimised";
#else
  const char* build = "NOT optimised (assertions on): timings are meaningless";
#endif
  std::printf("critical_path_bench: %s build\n", build);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
