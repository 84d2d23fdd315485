// Tests of ScheduleGanttSvg (dutygraph/schedule_gantt.h) on
// tests/data/gantt_plan.json, hand-worked:
//
//   The diamond of critical_path.h from Monday 2023-06-05 (the issue date):
//   a 06-05..06-06, b 06-07..06-09, c 06-07 (float 3: latest finish 06-12),
//   d 06-13 (after b and a lag of one working day); a, b, d critical.
//   d is due 06-20 (reminder three working days before: 06-15); e has no
//   duration and is due 06-30 (reminder 06-27): an "open until due" bar
//   06-05..06-30.
//   旬简报, due the 2nd working day after each dekad: 06-02 (5月下旬),
//   06-13 (6月上旬), 06-25 (6月中旬: 06-21, then the 端午节 break 06-22..24,
//   then Sunday 06-25, a make-up working day), 07-04, 07-12.
//   月通报, the last working day of the month: 06-30.
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "dutygraph/calendar.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/schedule_gantt.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dutygraph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

Plan GanttPlan() {
  absl::StatusOr<Plan> plan =
      LoadPlanFile(DG_SOURCE_DIR "/tests/data/gantt_plan.json");
  EXPECT_TRUE(plan.ok()) << plan.status();
  return *plan;
}

Date Day(const char* iso) { return *Date::Parse(iso); }

// Every match of `pattern`'s first group, in order.
std::vector<std::string> All(const std::string& text, const char* pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re);
       it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

TEST(ScheduleGanttSvgTest, BarsDiamondsAndMarksWhereHandWorked) {
  const Plan plan = GanttPlan();
  absl::StatusOr<std::string> svg =
      ScheduleGanttSvg(plan, Calendar::ChinaMainland(), Day("2023-06-01"),
                       Day("2023-07-15"));
  ASSERT_TRUE(svg.ok()) << svg.status();
  EXPECT_THAT(All(*svg, R"re(<g class="task" data-task="([a-z]+)")re"),
              ElementsAre("a", "b", "c", "d", "e"));
  EXPECT_THAT(
      All(*svg, R"re(<rect class="(bar[a-z ]*|window)" data-start="[0-9-]+" data-end="[0-9-]+")re"),
      ElementsAre("bar critical", "bar critical", "bar", "bar critical",
                  "window"));
  EXPECT_THAT(All(*svg, R"re(class="bar[a-z ]*" data-start="([0-9-]+)")re"),
              ElementsAre("2023-06-05", "2023-06-07", "2023-06-07",
                          "2023-06-13"));
  EXPECT_THAT(All(*svg, R"re(class="bar[a-z ]*" data-start="[0-9-]+" data-end="([0-9-]+)")re"),
              ElementsAre("2023-06-06", "2023-06-09", "2023-06-07",
                          "2023-06-13"));
  EXPECT_THAT(All(*svg, R"re(class="float" data-end="([0-9-]+)")re"),
              ElementsAre("2023-06-12"));
  EXPECT_THAT(All(*svg, R"re(class="window" data-start="([0-9-]+)")re"),
              ElementsAre("2023-06-05"));
  EXPECT_THAT(All(*svg, R"re(class="due" data-date="([0-9-]+)")re"),
              ElementsAre("2023-06-20", "2023-06-30"));
  EXPECT_THAT(All(*svg, R"re(class="reminder" data-date="([0-9-]+)")re"),
              ElementsAre("2023-06-15", "2023-06-27"));
  EXPECT_THAT(All(*svg, R"re(<g class="cadence" data-cadence="([a-z_]+)")re"),
              ElementsAre("c_dekad", "c_month"));
  // The dependencies, red along the critical path a -> b -> d.
  EXPECT_THAT(
      All(*svg, R"re(<path class="(link[a-z ]*" data-from="[a-z]+" data-to="[a-z]+)")re"),
      ElementsAre("link critical\" data-from=\"a\" data-to=\"b",
                  "link\" data-from=\"a\" data-to=\"c",
                  "link critical\" data-from=\"b\" data-to=\"d",
                  "link\" data-from=\"c\" data-to=\"d"));
  EXPECT_THAT(All(*svg, R"re(class="mark" data-date="([0-9-]+)")re"),
              ElementsAre("2023-06-02", "2023-06-13", "2023-06-25",
                          "2023-07-04", "2023-07-12", "2023-06-30"));
  // Shading: the 端午节 break and weekends, not the make-up Sunday.
  const std::vector<std::string> off =
      All(*svg, R"re(class="off" data-date="([0-9-]+)")re");
  const std::set<std::string> off_set(off.begin(), off.end());
  for (const char* d : {"2023-06-03", "2023-06-22", "2023-06-23",
                        "2023-06-24", "2023-07-01"}) {
    EXPECT_TRUE(off_set.count(d)) << d;
  }
  EXPECT_FALSE(off_set.count("2023-06-25"));
  EXPECT_FALSE(off_set.count("2023-06-21"));
  // Geometry: 45 days over 960 px is 21.3 px a day from x = 320; bar a
  // starts on day 4 (06-05) and spans two days.
  EXPECT_THAT(*svg, HasSubstr("data-left=\"320.0\" data-day-width=\"21.3\""));
  EXPECT_THAT(*svg, HasSubstr("data-start=\"2023-06-05\" data-end=\"2023-06-06\" "
                              "x=\"405.2\" y=\"69.0\" width=\"42.6\""));
  // Text is escaped.
  EXPECT_THAT(*svg, HasSubstr("Gantt &lt;fixture&gt; &amp; &quot;friends&quot;"));
}

TEST(ScheduleGanttSvgTest, UnitFilterAndClipping) {
  const Plan plan = GanttPlan();
  GanttOptions options;
  options.unit = *plan.FindUnit("市财政局");
  absl::StatusOr<std::string> svg =
      ScheduleGanttSvg(plan, Calendar::ChinaMainland(), Day("2023-06-08"),
                       Day("2023-07-15"), options);
  ASSERT_TRUE(svg.ok()) << svg.status();
  // Of 市财政局's tasks c and e, c finished (06-07) before the range; of
  // the cadences it owns 月通报.
  EXPECT_THAT(All(*svg, R"re(<g class="task" data-task="([a-z]+)")re"),
              ElementsAre("e"));
  EXPECT_THAT(All(*svg, R"re(<g class="cadence" data-cadence="([a-z_]+)")re"),
              ElementsAre("c_month"));
  // e's window starts before the range: clipped to its first day (x = 320).
  EXPECT_THAT(*svg, HasSubstr("class=\"window\" data-start=\"2023-06-05\" "
                              "data-end=\"2023-06-30\" x=\"320.0\""));
}

TEST(ScheduleGanttSvgTest, DeterministicWithoutCadences) {
  const Plan plan = GanttPlan();
  GanttOptions options;
  options.show_cadences = false;
  const Calendar cal = Calendar::ChinaMainland();
  absl::StatusOr<std::string> a =
      ScheduleGanttSvg(plan, cal, Day("2023-06-01"), Day("2023-06-30"), options);
  absl::StatusOr<std::string> b =
      ScheduleGanttSvg(plan, cal, Day("2023-06-01"), Day("2023-06-30"), options);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_THAT(*a, Not(HasSubstr("class=\"cadence\"")));
}

TEST(ScheduleGanttSvgTest, Errors) {
  const Plan plan = GanttPlan();
  const Calendar cal = Calendar::ChinaMainland();
  absl::StatusOr<std::string> r =
      ScheduleGanttSvg(plan, cal, Day("2023-06-02"), Day("2023-06-01"));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  r = ScheduleGanttSvg(plan, cal, Day("2020-01-01"), Day("2023-12-31"));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("at most 1100"));
  GanttOptions options;
  options.cadences = {"c_nope"};
  r = ScheduleGanttSvg(plan, cal, Day("2023-06-01"), Day("2023-06-30"),
                       options);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  options = {};
  options.max_rows = 2;
  r = ScheduleGanttSvg(plan, cal, Day("2023-06-01"), Day("2023-06-30"),
                       options);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
  // A strict calendar refuses 2027 (no notice yet), naming the year.
  r = ScheduleGanttSvg(plan, cal, Day("2027-01-01"), Day("2027-01-31"));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(r.status().message(), HasSubstr("2027"));
}

}  // namespace
}  // namespace dutygraph
