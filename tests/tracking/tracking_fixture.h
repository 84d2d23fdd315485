// The small plan (tests/data/small_plan.json) with what tracking needs
// added in code: a target on t_warning and a monthly report owed by 市财政局.
#ifndef DUTYGRAPH_TESTS_TRACKING_TRACKING_FIXTURE_H_
#define DUTYGRAPH_TESTS_TRACKING_TRACKING_FIXTURE_H_

#include <fstream>
#include <sstream>
#include <string>

#include "dutygraph/events.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/tracking.h"
#include "gtest/gtest.h"

namespace dutygraph::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline Date D(std::string_view iso) {
  absl::StatusOr<Date> d = Date::Parse(iso);
  EXPECT_TRUE(d.ok()) << d.status();
  return d.ok() ? *d : Date();
}

inline Plan TrackingPlan() {
  absl::StatusOr<PlanData> data =
      ParsePlanJson(ReadFile(DG_SOURCE_DIR "/tests/data/small_plan.json"));
  EXPECT_TRUE(data.ok()) << data.status();
  for (TaskData& t : data->tasks) {
    if (t.id != "t_warning") continue;
    TargetData target;
    target.text = "债务风险预警覆盖率达到100%";
    target.indicator = "债务风险预警覆盖率";
    target.comparator = ">=";
    target.value = 100;
    target.unit = "%";
    t.targets.push_back(target);
  }
  CadenceData c;
  c.id = "c_czj_monthly";
  c.name = "月报";
  c.kind = "statistics";
  c.period = PeriodKind::kMonth;
  c.due_rule = "nth_working_day_after_end";
  c.due_n = 5;
  c.owner_role = "unit";
  c.owner_unit = "czj";
  data->cadences.push_back(c);
  absl::StatusOr<Plan> plan = Plan::Build(*std::move(data));
  EXPECT_TRUE(plan.ok()) << plan.status();
  return *std::move(plan);
}

inline Event Ev(std::string_view json) {
  absl::StatusOr<Event> e = ParseEventJson(json);
  EXPECT_TRUE(e.ok()) << e.status() << " in " << json;
  return e.ok() ? *std::move(e) : Event{};
}

inline void Add(EventLog* log, std::string_view json) {
  absl::StatusOr<AppendOutcome> r = log->Append(Ev(json));
  ASSERT_TRUE(r.ok()) << r.status();
}

}  // namespace dutygraph::testing

#endif  // DUTYGRAPH_TESTS_TRACKING_TRACKING_FIXTURE_H_
