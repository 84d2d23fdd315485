// Benchmark of tracking (issue 5): status and escalations for the
// province-scale plan (100,000 tasks, bench/common/plan_generator.h) with
// 1,000,000 events as of a date, and one more event followed by the
// re-evaluation of the task it concerns.
//
// Each task gets 10 events: an assignment with a due date between April and
// November 2023, seven progress reports, then (for about half the tasks) a
// completion and an acceptance, else a reminder and a circular. The policy
// has a five-rung ladder over every part and a light rule on time and pace.
//
// Run from a Release build: build-release/bench/tracking_bench
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "dutygraph/events.h"
#include "dutygraph/tracking.h"
#include "plan_generator.h"

namespace dutygraph::bench {
namespace {

constexpr char kPolicy[] = R"({
  "format": "dutygraph/policy@1", "id": "bench",
  "light": {"red": {"working_days_overdue": 10, "pace_behind": 25},
            "yellow": {"working_days_overdue": 1, "due_soon": true, "pace_behind": 10}},
  "escalation": [{"id": "ladder", "applies_to": ["p0", "p1", "p2", "p3", "p4", "p5"],
    "rules": [
      {"id": "remind", "trigger": {"kind": "working_days_overdue", "n": 1},
       "action": "remind", "audience": ["lead_unit"], "cooldown_working_days": 5, "repeat": 0},
      {"id": "circular", "trigger": {"kind": "working_days_overdue", "n": 5},
       "action": "circular", "audience": ["lead_unit", "lead_unit_head"]},
      {"id": "interview", "trigger": {"kind": "working_days_overdue", "n": 10},
       "action": "interview", "audience": ["lead_unit_head", "group_convener"]},
      {"id": "yellow", "trigger": {"kind": "working_days_overdue", "n": 20},
       "action": "yellow_card", "audience": ["lead_unit"]},
      {"id": "pace", "trigger": {"kind": "pace_behind", "percent": 30},
       "action": "remind", "audience": ["lead_unit"]}]}]
})";

struct World {
  Plan plan;
  Calendar calendar = Calendar::ChinaMainland();
  Tracker tracker;
  EventLog log;
  std::vector<uint32_t> tasks;  // task indices of kind "task"
};

World& Shared() {
  static World* world = [] {
    PlanShape shape;
    Plan plan = *Plan::Build(GeneratePlan(shape));
    Calendar cal = Calendar::ChinaMainland();
    Tracker tracker = *Tracker::Create(plan, cal, *ParsePolicyJson(kPolicy));
    auto* w = new World{plan, cal, tracker, EventLog(plan, cal), {}};
    SplitMix64 rng(kBenchSeed);
    const Date start = *Date::FromYmd(2023, 3, 6);
    std::vector<Event> batch;
    batch.reserve(100'000);
    for (uint32_t i = 0; i < plan.data().tasks.size(); ++i) {
      const TaskData& t = plan.data().tasks[i];
      if (t.kind != "task") continue;
      w->tasks.push_back(i);
      const int due_offset = static_cast<int>(rng.UniformInt(40, 270));
      Event a;
      a.id = t.id + ".a";
      a.kind = EventKind::kAssigned;
      a.date = start;
      a.task = t.id;
      a.due = start + due_offset;
      batch.push_back(a);
      for (int k = 1; k <= 7; ++k) {
        Event p;
        p.id = t.id + ".p" + std::to_string(k);
        p.kind = EventKind::kProgress;
        p.date = start + k * 25;
        p.task = t.id;
        p.percent = static_cast<double>(rng.UniformInt(k * 8, k * 14));
        batch.push_back(p);
      }
      const bool done = rng.UniformInt(0, 1) == 1;
      Event x, y;
      x.id = t.id + ".x";
      y.id = t.id + ".y";
      x.task = y.task = t.id;
      x.date = start + due_offset - 3;
      y.date = start + due_offset + 10;
      x.kind = done ? EventKind::kCompleted : EventKind::kReminder;
      y.kind = done ? EventKind::kAccepted : EventKind::kCircular;
      batch.push_back(x);
      batch.push_back(y);
      if (batch.size() >= 90'000) {
        if (!w->log.AppendBatch(batch).ok()) std::abort();
        batch.clear();
      }
    }
    if (!w->log.AppendBatch(batch).ok()) std::abort();
    return w;
  }();
  return *world;
}

// Status of every task with roll-ups, and every escalation due, as of a
// date when most unfinished tasks are overdue.
void BM_Tracking_StatusAndEscalations(benchmark::State& state) {
  World& w = Shared();
  const Date on = *Date::FromYmd(2023, 12, 1);
  size_t actions = 0;
  for (auto _ : state) {
    absl::StatusOr<StatusReport> s = w.tracker.Status(w.log, on);
    absl::StatusOr<std::vector<DueAction>> a = w.tracker.Escalations(w.log, on);
    if (!s.ok() || !a.ok()) state.SkipWithError("evaluation failed");
    actions = a.ok() ? a->size() : 0;
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(a);
  }
  state.counters["events"] = static_cast<double>(w.log.size());
  state.counters["tasks"] = static_cast<double>(w.tasks.size());
  state.counters["actions_due"] = static_cast<double>(actions);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(w.tasks.size()));
}
BENCHMARK(BM_Tracking_StatusAndEscalations)->Unit(benchmark::kMillisecond);

// The two halves separately.
void BM_Tracking_StatusOnly(benchmark::State& state) {
  World& w = Shared();
  const Date on = *Date::FromYmd(2023, 12, 1);
  for (auto _ : state) {
    absl::StatusOr<StatusReport> s = w.tracker.Status(w.log, on);
    if (!s.ok()) state.SkipWithError("evaluation failed");
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(w.tasks.size()));
}
BENCHMARK(BM_Tracking_StatusOnly)->Unit(benchmark::kMillisecond);

void BM_Tracking_EscalationsOnly(benchmark::State& state) {
  World& w = Shared();
  const Date on = *Date::FromYmd(2023, 12, 1);
  for (auto _ : state) {
    absl::StatusOr<std::vector<DueAction>> a = w.tracker.Escalations(w.log, on);
    if (!a.ok()) state.SkipWithError("evaluation failed");
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(w.tasks.size()));
}
BENCHMARK(BM_Tracking_EscalationsOnly)->Unit(benchmark::kMillisecond);

// One more event, then the status and escalations of the task it concerns.
void BM_Tracking_AppendThenReevaluateTask(benchmark::State& state) {
  World& w = Shared();
  const Date on = *Date::FromYmd(2023, 12, 1);
  SplitMix64 rng(kBenchSeed + 1);
  TaskStatus status;
  std::vector<DueAction> due;
  uint64_t n = 0;
  for (auto _ : state) {
    const uint32_t task = w.tasks[rng.UniformInt(0, w.tasks.size() - 1)];
    Event e;
    e.id = "inc." + std::to_string(n++);
    e.kind = EventKind::kProgress;
    e.date = on;
    e.task = w.plan.data().tasks[task].id;
    e.percent = 50;
    if (!w.log.Append(e).ok()) state.SkipWithError("append failed");
    due.clear();
    if (!w.tracker.StatusOf(w.log, TaskIndex{task}, on, &status).ok() ||
        !w.tracker.EscalationsOf(w.log, TaskIndex{task}, on, &due).ok()) {
      state.SkipWithError("evaluation failed");
    }
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(due);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Tracking_AppendThenReevaluateTask)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace dutygraph::bench

BENCHMARK_MAIN();
