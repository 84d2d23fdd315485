// OccurrenceTable: the flat answer for cadence occurrences. Owners are
// resolved once per stretch of days in which nothing they depend on
// changes, so these tests change a post holder and rename a unit in the
// middle of a range and check every occurrence on either side against dates
// worked by hand from the 2023 State Council notice (端午节 06-22..06-24
// off, Sunday 06-25 worked; 国庆节 09-29..10-06 off, 10-07 and 10-08 worked).
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "dutygraph/calendar.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/schedule.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dutygraph {
namespace {

Date Day(std::string_view iso) { return *Date::Parse(iso); }

PlanData Hengyang() {
  std::ifstream in(std::string(DG_SOURCE_DIR) +
                   "/examples/hengyang-2023/plan.json");
  std::stringstream text;
  text << in.rdbuf();
  absl::StatusOr<PlanData> data = ParsePlanJson(text.str());
  EXPECT_TRUE(data.ok()) << data.status();
  return data.ok() ? *std::move(data) : PlanData{};
}

// Hengyang, with the safety group's convener post (exec_vice_mayor) vacant
// from 06-15 and filled by a new person from 07-01, and the office host of
// the safety group (yjj) renamed to yjj2 on 08-16.
Plan ChangedHengyang() {
  PlanData d = Hengyang();
  for (TenureData& t : d.tenures) {
    if (t.post == "exec_vice_mayor") t.to = Day("2023-06-14");
  }
  d.people.push_back({"new_vm", "新副市长", ""});
  d.tenures.push_back(
      {"exec_vice_mayor", "new_vm", Day("2023-07-01"), std::nullopt, ""});
  UnitData renamed;
  renamed.id = "yjj2";
  renamed.name = "市应急管理局（新）";
  renamed.kind = "department";
  d.units.push_back(renamed);
  d.unit_changes.push_back(
      {"renamed", Day("2023-08-16"), {"yjj"}, {"yjj2"}, ""});
  absl::StatusOr<Plan> plan = Plan::Build(std::move(d));
  EXPECT_TRUE(plan.ok()) << plan.status();
  return *std::move(plan);
}

class OccurrenceTableTest : public ::testing::Test {
 protected:
  // (due, holder id or "vacant", owner unit ids) of g_safety's 旬简报.
  struct Seen {
    std::string due, holder;
    std::vector<std::string> units;
    bool operator==(const Seen&) const = default;
  };
  std::vector<Seen> SafetyBriefings(Date from, Date to) {
    OccurrenceFilter f;
    f.cadences = {"c_dekad_briefing"};
    absl::StatusOr<OccurrenceTable> table =
        CadenceOccurrenceTable(plan_, cal_, from, to, f);
    EXPECT_TRUE(table.ok()) << table.status();
    std::vector<Seen> out;
    if (!table.ok()) return out;
    const GroupIndex safety = *plan_.FindGroup("g_safety");
    for (OccurrenceView o : *table) {
      if (o.group != safety) continue;
      EXPECT_EQ(o.owner_posts.size(), 1u);
      if (o.owner_posts.empty()) continue;
      EXPECT_EQ(plan_.post(o.owner_posts[0].post).id, "exec_vice_mayor");
      Seen seen{o.due.ToString(),
                o.owner_posts[0].person
                    ? plan_.person(*o.owner_posts[0].person).id
                    : "vacant",
                {}};
      for (UnitIndex u : o.owner_units) seen.units.push_back(plan_.unit(u).id);
      out.push_back(std::move(seen));
    }
    return out;
  }

  Plan plan_ = ChangedHengyang();
  Calendar cal_ = Calendar::ChinaMainland();
};

TEST_F(OccurrenceTableTest, OwnersFollowATenureChangeInTheRange) {
  // 5月下旬: 2nd working day after Wed 05-31 is 06-02. 6月上旬: after Sat
  // 06-10, 06-12 and 06-13 (the last day of the old tenure). 6月中旬: after
  // Tue 06-20, 06-21 then 06-25 (Sunday, worked): the post is vacant.
  // 6月下旬: after Fri 06-30, 07-03 and 07-04: the new holder.
  const std::vector<std::string> yjj = {"yjj"};
  EXPECT_EQ(SafetyBriefings(Day("2023-06-01"), Day("2023-07-10")),
            (std::vector<Seen>{{"2023-06-02", "yu_xinfan", yjj},
                               {"2023-06-13", "yu_xinfan", yjj},
                               {"2023-06-25", "vacant", yjj},
                               {"2023-07-04", "new_vm", yjj}}));
}

TEST_F(OccurrenceTableTest, OwnersFollowAUnitRenameInTheRange) {
  // 7月下旬: after Mon 07-31, 08-02. 8月上旬: after Thu 08-10, 08-11 and
  // 08-14. 8月中旬: after Sun 08-20, 08-22 — yjj is yjj2 from 08-16.
  EXPECT_EQ(SafetyBriefings(Day("2023-08-01"), Day("2023-08-31")),
            (std::vector<Seen>{{"2023-08-02", "new_vm", {"yjj"}},
                               {"2023-08-14", "new_vm", {"yjj"}},
                               {"2023-08-22", "new_vm", {"yjj2"}}}));

  // The old unit, as a filter, matches through its successor.
  OccurrenceFilter f;
  f.cadences = {"c_dekad_briefing"};
  f.unit = *plan_.FindUnit("yjj");
  absl::StatusOr<OccurrenceTable> table = CadenceOccurrenceTable(
      plan_, cal_, Day("2023-08-01"), Day("2023-08-31"), f);
  ASSERT_TRUE(table.ok()) << table.status();
  std::vector<std::pair<std::string, std::string>> rows;
  for (OccurrenceView o : *table) {
    rows.emplace_back(o.due.ToString(), plan_.group(*o.group).id);
  }
  // Both groups hosted by yjj (g_risk_weather, g_safety), in group order.
  EXPECT_EQ(rows, (std::vector<std::pair<std::string, std::string>>{
                      {"2023-08-02", "g_risk_weather"},
                      {"2023-08-02", "g_safety"},
                      {"2023-08-14", "g_risk_weather"},
                      {"2023-08-14", "g_safety"},
                      {"2023-08-22", "g_risk_weather"},
                      {"2023-08-22", "g_safety"}}));
}

TEST(OccurrenceTableOrderTest, TwoPeriodsDueTheSameDay) {
  // Friday of ISO week 39 (09-29) and of week 40 (10-06) are both holidays;
  // rolled forward, both land on Saturday 10-07. Rows sort by due date,
  // cadence, group, then period; a group listed twice gives two rows.
  PlanData d = Hengyang();
  CadenceData c;
  c.id = "c_friday";
  c.name = "每周五报送";
  c.kind = "briefing";
  c.period = PeriodKind::kWeek;
  c.due_rule = "fixed_day";
  c.due_day = 5;
  c.due_roll = "following";
  c.owner_role = "group_lead";
  c.owner_groups = {"g_safety", "g_growth", "g_growth"};
  d.cadences = {c};
  absl::StatusOr<Plan> plan = Plan::Build(std::move(d));
  ASSERT_TRUE(plan.ok()) << plan.status();
  absl::StatusOr<OccurrenceTable> table = CadenceOccurrenceTable(
      *plan, Calendar::ChinaMainland(), Day("2023-10-01"), Day("2023-10-08"));
  ASSERT_TRUE(table.ok()) << table.status();
  std::vector<std::string> rows;
  for (OccurrenceView o : *table) {
    rows.push_back(o.due.ToString() + " " + plan->group(*o.group).id + " " +
                   std::string(o.period_label));
  }
  EXPECT_EQ(rows,
            (std::vector<std::string>{"2023-10-07 g_growth 2023年第39周",
                                      "2023-10-07 g_growth 2023年第39周",
                                      "2023-10-07 g_growth 2023年第40周",
                                      "2023-10-07 g_growth 2023年第40周",
                                      "2023-10-07 g_safety 2023年第39周",
                                      "2023-10-07 g_safety 2023年第40周"}));
}

TEST_F(OccurrenceTableTest, SameRowsAsTheOccurrenceValues) {
  const Date from = Day("2023-01-01"), to = Day("2023-12-31");
  absl::StatusOr<OccurrenceTable> table =
      CadenceOccurrenceTable(plan_, cal_, from, to);
  absl::StatusOr<std::vector<Occurrence>> values =
      CadenceOccurrences(plan_, cal_, from, to);
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_TRUE(values.ok()) << values.status();
  ASSERT_EQ(table->size(), values->size());
  ASSERT_FALSE(table->empty());
  EXPECT_FALSE(table->any_provisional());
  size_t i = 0;
  for (OccurrenceView o : *table) {
    const Occurrence& v = (*values)[i++];
    EXPECT_EQ(o.cadence, v.cadence);
    EXPECT_EQ(o.group, v.group);
    EXPECT_EQ(o.member, v.member);
    EXPECT_EQ(o.period, v.period);
    EXPECT_EQ(o.period_label, v.period_label);
    EXPECT_EQ(o.period_label, v.period.Label());
    EXPECT_EQ(o.due, v.due);
    EXPECT_EQ(o.kind, v.kind);
    EXPECT_TRUE(std::equal(o.owner_units.begin(), o.owner_units.end(),
                           v.owner_units.begin(), v.owner_units.end()));
    EXPECT_EQ(o.owner_posts.size(), v.owner_posts.size());
    EXPECT_TRUE(std::equal(o.recipient_units.begin(), o.recipient_units.end(),
                           v.recipient_units.begin(), v.recipient_units.end()));
    EXPECT_EQ(o.recipient_posts.size(), v.recipient_posts.size());
    EXPECT_EQ(o.provisional, v.provisional);
  }
  // 11 groups x 36 dekads, 11 x 12 months and 11 x 4 quarters due in 2023
  // (December's dekad, month and Q4 are due in 2024; the previous year's
  // fall in January), plus the safety group's and the assessment's rhythms.
  OccurrenceFilter groups_only;
  groups_only.cadences = {"c_dekad_briefing", "c_monthly_circular",
                          "c_quarterly_summary"};
  absl::StatusOr<OccurrenceTable> rhythms =
      CadenceOccurrenceTable(plan_, cal_, from, to, groups_only);
  ASSERT_TRUE(rhythms.ok()) << rhythms.status();
  EXPECT_EQ(rhythms->size(), 11u * (36 + 12 + 4));
}

TEST_F(OccurrenceTableTest, ErrorsAsCadenceOccurrences) {
  OccurrenceFilter f;
  f.cadences = {"c_no_such"};
  EXPECT_EQ(CadenceOccurrenceTable(plan_, cal_, Day("2023-01-01"),
                                   Day("2023-12-31"), f)
                .status()
                .code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(
      CadenceOccurrenceTable(plan_, cal_, Day("2023-12-31"), Day("2023-01-01"))
          .status()
          .code(),
      absl::StatusCode::kInvalidArgument);
  f.cadences = {"c_dekad_briefing"};
  absl::StatusOr<OccurrenceTable> strict = CadenceOccurrenceTable(
      plan_, cal_, Day("2027-01-01"), Day("2027-03-31"), f);
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(strict.status().message(),
              ::testing::HasSubstr("cadence 'c_dekad_briefing'"));
  absl::StatusOr<OccurrenceTable> provisional =
      CadenceOccurrenceTable(plan_, cal_.WithMode(CalendarMode::kProvisional),
                             Day("2027-01-01"), Day("2027-03-31"), f);
  ASSERT_TRUE(provisional.ok()) << provisional.status();
  EXPECT_TRUE(provisional->any_provisional());
}

}  // namespace
}  // namespace dutygraph
