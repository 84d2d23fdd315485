// Benchmark of cadence occurrences (issue 4): one year of occurrences for
// 2,000 groups x 5 cadences (旬 briefing, weekly dispatch, half-month
// dispatch, monthly circular, quarterly summary), each cadence owned by every
// group's lead, on the official calendar. Issue 4's target (<= 20 ms) is
// for BM_CadenceOccurrenceTable_OneYear, the flat answer every face uses;
// BM_CadenceOccurrences_OneYear times the same answer as self-contained
// Occurrence values (the convenience form) for comparison.
//
// Run from a Release build: build-release/bench/schedule_bench
#include <benchmark/benchmark.h>

#include "dutygraph/schedule.h"
#include "plan_generator.h"

namespace dutygraph::bench {
namespace {

const Plan& CadencePlan() {
  static const Plan plan = [] {
    PlanShape shape;
    shape.groups = 2000;
    shape.tasks = 10'000;
    shape.sections = 2000;
    shape.dependencies = 0;
    PlanData d = GeneratePlan(shape);
    struct Rhythm {
      const char* id;
      const char* name;
      const char* kind;
      PeriodKind period;
      const char* rule;
      int n;
    };
    const Rhythm rhythms[] = {
        {"c_dekad", "旬简报", "briefing", PeriodKind::kDekad,
         "nth_working_day_after_end", 2},
        {"c_week", "每周一调度", "dispatch", PeriodKind::kWeek, "nth_working_day", 1},
        {"c_half", "每半月一调度", "dispatch", PeriodKind::kHalfMonth,
         "last_working_day", 0},
        {"c_month", "月通报", "circular", PeriodKind::kMonth,
         "nth_working_day_after_end", 5},
        {"c_quarter", "季总结", "summary", PeriodKind::kQuarter,
         "nth_working_day_after_end", 10},
    };
    for (const Rhythm& r : rhythms) {
      CadenceData c;
      c.id = r.id;
      c.name = r.name;
      c.kind = r.kind;
      c.period = r.period;
      c.due_rule = r.rule;
      c.due_n = r.n;
      c.owner_role = "group_lead";
      for (const GroupData& g : d.groups) c.owner_groups.push_back(g.id);
      c.recipients = {RefData{"u0", "", "", ""}};
      d.cadences.push_back(std::move(c));
    }
    return *Plan::Build(std::move(d));
  }();
  return plan;
}

// Times `list` (a call returning StatusOr of something with size()).
template <typename List>
void TimeOneYear(benchmark::State& state, List list) {
  const Plan& plan = CadencePlan();
  const Calendar calendar = Calendar::ChinaMainland();
  const Date from = *Date::FromYmd(2023, 1, 1);
  const Date to = *Date::FromYmd(2023, 12, 31);
  size_t count = 0;
  for (auto _ : state) {
    auto occurrences = list(plan, calendar, from, to);
    if (!occurrences.ok()) {
      state.SkipWithError(std::string(occurrences.status().message()).c_str());
      break;
    }
    count = occurrences->size();
    benchmark::DoNotOptimize(occurrences);
  }
  state.counters["occurrences"] = static_cast<double>(count);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(count));
}

void BM_CadenceOccurrenceTable_OneYear(benchmark::State& state) {
  TimeOneYear(state, [](const Plan& plan, const Calendar& calendar, Date from,
                        Date to) {
    return CadenceOccurrenceTable(plan, calendar, from, to);
  });
}
BENCHMARK(BM_CadenceOccurrenceTable_OneYear)->Unit(benchmark::kMillisecond);

void BM_CadenceOccurrences_OneYear(benchmark::State& state) {
  TimeOneYear(state, [](const Plan& plan, const Calendar& calendar, Date from,
                        Date to) {
    return CadenceOccurrences(plan, calendar, from, to);
  });
}
BENCHMARK(BM_CadenceOccurrences_OneYear)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dutygraph::bench

BENCHMARK_MAIN();
