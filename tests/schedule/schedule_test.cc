// Schedules on the Hengyang 2023 plan and the official calendar. Expected
// dates are computed independently (walking days with IsWorkingDay) or
// worked by hand from the 2023 State Council notice: 劳动节 04-29..05-03 off,
// 04-23 (Sun) and 05-06 (Sat) worked; 中秋节、国庆节 09-29..10-06 off, 10-07
// (Sat) and 10-08 (Sun) worked.
#include "dutygraph/schedule.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dutygraph/calendar.h"
#include "dutygraph/plan_json.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dutygraph {
namespace {

using ::testing::HasSubstr;

Date Day(std::string_view iso) { return *Date::Parse(iso); }

std::string PlanPath() {
  return std::string(DG_SOURCE_DIR) + "/examples/hengyang-2023/plan.json";
}

PlanData HengyangData() {
  std::ifstream in(PlanPath());
  std::stringstream text;
  text << in.rdbuf();
  absl::StatusOr<PlanData> data = ParsePlanJson(text.str());
  EXPECT_TRUE(data.ok()) << data.status();
  return *data;
}

// The n-th working day strictly after `d`, by walking days.
Date WalkAfter(const Calendar& cal, Date d, int n) {
  while (n > 0) {
    d = d + 1;
    if (cal.IsWorkingDay(d)->value) --n;
  }
  return d;
}

std::string Chinese(int n) {
  static const char* kNames[] = {"", "一", "二", "三", "四"};
  return kNames[n];
}

// (label, period end) of every dekad, month and quarter of 2023, built by
// hand rather than with Period.
struct HandPeriod {
  std::string label;
  Date end;
};
std::vector<HandPeriod> Dekads2023() {
  std::vector<HandPeriod> out;
  for (int m = 1; m <= 12; ++m) {
    const std::string month = "2023年" + std::to_string(m) + "月";
    const Date month_end =
        m == 12 ? Day("2023-12-31") : *Date::FromYmd(2023, m + 1, 1) - 1;
    out.push_back({month + "上旬", *Date::FromYmd(2023, m, 10)});
    out.push_back({month + "中旬", *Date::FromYmd(2023, m, 20)});
    out.push_back({month + "下旬", month_end});
  }
  return out;
}
std::vector<HandPeriod> Months2023() {
  std::vector<HandPeriod> out;
  for (int m = 1; m <= 12; ++m) {
    out.push_back(
        {"2023年" + std::to_string(m) + "月",
         m == 12 ? Day("2023-12-31") : *Date::FromYmd(2023, m + 1, 1) - 1});
  }
  return out;
}
std::vector<HandPeriod> Quarters2023() {
  return {{"2023年第" + Chinese(1) + "季度", Day("2023-03-31")},
          {"2023年第" + Chinese(2) + "季度", Day("2023-06-30")},
          {"2023年第" + Chinese(3) + "季度", Day("2023-09-30")},
          {"2023年第" + Chinese(4) + "季度", Day("2023-12-31")}};
}

class ScheduleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Plan> plan = LoadPlanFile(PlanPath());
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = std::make_unique<Plan>(*std::move(plan));
  }
  std::vector<Occurrence> Occ(std::vector<std::string> ids, Date from,
                              Date to) {
    OccurrenceFilter f;
    f.cadences = std::move(ids);
    absl::StatusOr<std::vector<Occurrence>> occ =
        CadenceOccurrences(*plan_, cal_, from, to, f);
    EXPECT_TRUE(occ.ok()) << occ.status();
    return occ.ok() ? *occ : std::vector<Occurrence>{};
  }
  // The single occurrence of cadence `id` for `label` (and group, if any).
  Occurrence One(const std::string& id, const std::string& label,
                 std::string_view group = "") {
    std::vector<Occurrence> found;
    for (Occurrence& o : Occ({id}, Day("2023-01-01"), Day("2023-12-31"))) {
      if (o.period_label != label) continue;
      if (!group.empty() && plan_->group(*o.group).id != group) continue;
      found.push_back(o);
    }
    EXPECT_EQ(found.size(), 1u) << id << " " << label;
    if (found.empty()) {
      const Period none = *Period::Of(Day("2023-01-01"), PeriodKind::kYear);
      return Occurrence{0, {}, {}, none, "", {}, "", {}, {}, {}, {}, false};
    }
    return found[0];
  }
  std::string Unit(UnitIndex u) { return plan_->unit(u).id; }
  std::vector<std::string> Units(const std::vector<UnitIndex>& us) {
    std::vector<std::string> out;
    for (UnitIndex u : us) out.push_back(Unit(u));
    return out;
  }
  std::unique_ptr<Plan> plan_;
  Calendar cal_ = Calendar::ChinaMainland();
};

// Issue 4's acceptance: from the issue date to the end of 2023, each 专班
// gets one briefing per dekad, one circular per month, one summary per
// quarter, each on a working day and on its documented rule's date.
TEST_F(ScheduleTest, HengyangGroupRhythmsFromIssueDateToYearEnd) {
  const Date from = *plan_->data().plan.issue_date;
  ASSERT_EQ(from, Day("2023-03-03"));
  const Date to = Day("2023-12-31");
  struct Rhythm {
    std::string id;
    int n;
    std::vector<HandPeriod> periods;
    size_t count;  // hand-counted
  };
  // Dekads 3月上旬 (due 03-14) .. 12月中旬 (due 12-22); 12月下旬 is due in
  // 2024. Months: February's circular is due 03-07, after the issue date;
  // December's falls in 2024. Quarters: Q1..Q3.
  const std::vector<Rhythm> rhythms = {
      {"c_dekad_briefing", 2, Dekads2023(), 29},
      {"c_monthly_circular", 5, Months2023(), 10},
      {"c_quarterly_summary", 10, Quarters2023(), 3}};
  const std::vector<std::string>& groups =
      plan_->data().cadences[0].owner_groups;
  ASSERT_EQ(groups.size(), 11u);
  for (const Rhythm& r : rhythms) {
    std::vector<std::pair<std::string, Date>> expected;
    for (const HandPeriod& p : r.periods) {
      const Date due = WalkAfter(cal_, p.end, r.n);
      if (from <= due && due <= to) expected.push_back({p.label, due});
    }
    ASSERT_EQ(expected.size(), r.count) << r.id;
    std::map<std::string, std::vector<std::pair<std::string, Date>>> by_group;
    for (const Occurrence& o : Occ({r.id}, from, to)) {
      ASSERT_TRUE(o.group.has_value());
      EXPECT_TRUE(cal_.IsWorkingDay(o.due)->value) << o.due.ToString();
      EXPECT_FALSE(o.provisional);
      by_group[plan_->group(*o.group).id].push_back({o.period_label, o.due});
    }
    ASSERT_EQ(by_group.size(), groups.size()) << r.id;
    for (const std::string& g : groups) {
      EXPECT_EQ(by_group[g], expected) << r.id << " " << g;
    }
  }
}

TEST_F(ScheduleTest, NationalDayAndLabourDayByHand) {
  // 09-20 (Wed) + 2 working days.
  EXPECT_EQ(One("c_dekad_briefing", "2023年9月中旬", "g_growth").due,
            Day("2023-09-22"));
  // After 09-30: 10-07 (Sat, worked), 10-08 (Sun, worked).
  EXPECT_EQ(One("c_dekad_briefing", "2023年9月下旬", "g_growth").due,
            Day("2023-10-08"));
  // 10-07, 10-08, 10-09, 10-10, 10-11.
  EXPECT_EQ(One("c_monthly_circular", "2023年9月", "g_safety").due,
            Day("2023-10-11"));
  // 10-07 10-08 10-09 10-10 10-11 10-12 10-13 10-16 10-17 10-18.
  EXPECT_EQ(One("c_quarterly_summary", "2023年第三季度", "g_safety").due,
            Day("2023-10-18"));
  // After 04-30: 05-04, 05-05.
  EXPECT_EQ(One("c_dekad_briefing", "2023年4月下旬", "g_growth").due,
            Day("2023-05-05"));
  // 05-04, 05-05, 05-06 (Sat, worked), 05-08, 05-09.
  EXPECT_EQ(One("c_monthly_circular", "2023年4月", "g_growth").due,
            Day("2023-05-09"));
  // ISO week 40 (10-02..10-08): its first working day is Saturday 10-07.
  EXPECT_EQ(One("c_safety_weekly_dispatch", "2023年第40周").due,
            Day("2023-10-07"));
  // Week 39 ends 10-01: the first working day after is 10-07.
  EXPECT_EQ(One("c_safety_enf_weekly_statistics", "2023年第39周").due,
            Day("2023-10-07"));
  // 09-16..09-30: 09-29 is off, 09-30 a Saturday: last working day 09-28.
  EXPECT_EQ(One("c_safety_enf_halfmonth_dispatch", "2023年9月下半月").due,
            Day("2023-09-28"));
  EXPECT_EQ(One("c_safety_monthly_inspection", "2023年9月").due,
            Day("2023-09-28"));
  EXPECT_EQ(One("c_safety_quarterly_exposure", "2023年第三季度").due,
            Day("2023-09-28"));
  // A period ending on a working day is due that day: Thursday 08-31,
  // Friday 06-30.
  EXPECT_EQ(One("c_safety_monthly_inspection", "2023年8月").due,
            Day("2023-08-31"));
  EXPECT_EQ(One("c_safety_quarterly_exposure", "2023年第二季度").due,
            Day("2023-06-30"));
  // The first working day of week 1 of 2023 (01-02..01-08) is Tuesday
  // 01-03: Monday 01-02 is 元旦's day off.
  EXPECT_EQ(One("c_safety_weekly_dispatch", "2023年第1周").due,
            Day("2023-01-03"));
  // April's last working day is 04-28 (04-29, 04-30 off).
  EXPECT_EQ(One("c_safety_monthly_inspection", "2023年4月").due,
            Day("2023-04-28"));
}

TEST_F(ScheduleTest, OwnersAndRecipientsResolvedThroughTheGraph) {
  Occurrence brief = One("c_dekad_briefing", "2023年9月中旬", "g_safety");
  EXPECT_EQ(brief.kind, "briefing");
  EXPECT_EQ(Units(brief.owner_units), std::vector<std::string>{"yjj"});
  ASSERT_EQ(brief.owner_posts.size(), 1u);
  EXPECT_EQ(plan_->post(brief.owner_posts[0].post).id, "exec_vice_mayor");
  EXPECT_THAT(Units(brief.recipient_units),
              ::testing::UnorderedElementsAre("city_party", "city_gov"));

  Occurrence dispatch = One("c_safety_weekly_dispatch", "2023年第40周");
  EXPECT_EQ(Units(dispatch.owner_units), std::vector<std::string>{"yjj"});
  ASSERT_EQ(dispatch.owner_posts.size(), 1u);
  EXPECT_EQ(plan_->post(dispatch.owner_posts[0].post).id, "yjj.director");
  EXPECT_EQ(dispatch.recipient_units.size(),
            plan_->group(*plan_->FindGroup("g_safety")).members.size());

  Occurrence stats = One("c_safety_enf_weekly_statistics", "2023年第39周");
  EXPECT_EQ(Units(stats.owner_units), std::vector<std::string>{"anweiban"});
  EXPECT_EQ(stats.recipient_units.size(), 12u);  // 各县市区
  EXPECT_FALSE(stats.group.has_value());
}

TEST_F(ScheduleTest, FilterByUnitAndSortedOrder) {
  OccurrenceFilter f;
  f.unit = *plan_->FindUnit("anweiban");
  auto occ =
      CadenceOccurrences(*plan_, cal_, Day("2023-03-03"), Day("2023-12-31"), f);
  ASSERT_TRUE(occ.ok()) << occ.status();
  std::set<std::string> ids;
  for (const Occurrence& o : *occ) {
    ids.insert(plan_->data().cadences[o.cadence].id);
  }
  EXPECT_EQ(ids, (std::set<std::string>{"c_safety_enf_weekly_statistics",
                                        "c_safety_enf_halfmonth_dispatch",
                                        "c_safety_enf_monthly_circular",
                                        "c_safety_enf_quarterly_ranking",
                                        "c_safety_quarterly_exposure"}));
  auto all =
      CadenceOccurrences(*plan_, cal_, Day("2023-03-03"), Day("2023-12-31"));
  ASSERT_TRUE(all.ok());
  for (size_t i = 1; i < all->size(); ++i) {
    const Occurrence& a = (*all)[i - 1];
    const Occurrence& b = (*all)[i];
    ASSERT_TRUE(a.due < b.due || (a.due == b.due && a.cadence <= b.cadence));
  }
}

TEST_F(ScheduleTest, Errors) {
  OccurrenceFilter f;
  f.cadences = {"c_no_such"};
  auto unknown =
      CadenceOccurrences(*plan_, cal_, Day("2023-03-03"), Day("2023-12-31"), f);
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(unknown.status().message(), HasSubstr("c_no_such"));

  auto reversed =
      CadenceOccurrences(*plan_, cal_, Day("2023-12-31"), Day("2023-03-03"));
  EXPECT_EQ(reversed.status().code(), absl::StatusCode::kInvalidArgument);

  f.cadences = {"c_dekad_briefing"};
  auto strict =
      CadenceOccurrences(*plan_, cal_, Day("2027-01-01"), Day("2027-03-31"), f);
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(strict.status().message(), HasSubstr("2027"));
  EXPECT_THAT(strict.status().message(), HasSubstr("c_dekad_briefing"));

  auto provisional =
      CadenceOccurrences(*plan_, cal_.WithMode(CalendarMode::kProvisional),
                         Day("2027-01-01"), Day("2027-03-31"), f);
  ASSERT_TRUE(provisional.ok()) << provisional.status();
  ASSERT_FALSE(provisional->empty());
  for (const Occurrence& o : *provisional) {
    EXPECT_TRUE(o.provisional);
    EXPECT_FALSE(o.due.is_weekend());
  }
}

TEST(CadenceDueDateTest, FixedDayRolledAndClamped) {
  CadenceData c;
  c.id = "c_fixed";
  c.period = PeriodKind::kMonth;
  c.due_rule = "fixed_day";
  c.due_day = 5;
  const Calendar cal = Calendar::ChinaMainland();
  const Period october = *Period::Of(Day("2023-10-15"), PeriodKind::kMonth);
  // 10-05 is a holiday: following gives 10-07, preceding 09-28.
  EXPECT_EQ(CadenceDueDate(c, october, cal)->value, Day("2023-10-07"));
  c.due_roll = "preceding";
  EXPECT_EQ(CadenceDueDate(c, october, cal)->value, Day("2023-09-28"));
  c.due_roll = "modified-preceding";  // would leave October: 10-07
  EXPECT_EQ(CadenceDueDate(c, october, cal)->value, Day("2023-10-07"));
  c.due_roll = "following";
  c.due_day = 31;  // November has 30 days: its last day, Thursday 11-30
  EXPECT_EQ(CadenceDueDate(c, october.Next().value(), cal)->value,
            Day("2023-11-30"));
  c.due_roll = "sideways";
  EXPECT_EQ(CadenceDueDate(c, october, cal).status().code(),
            absl::StatusCode::kInvalidArgument);
  c.due_roll = "";
  const Period week = *Period::Of(Day("2023-10-15"), PeriodKind::kWeek);
  EXPECT_EQ(CadenceDueDate(c, week, cal).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// --- Deadlines ---------------------------------------------------------------

std::string TaskId(const Plan& plan, const TaskDue& d) {
  return plan.task(d.task).id;
}

TEST_F(ScheduleTest, HengyangDeadlinesWithReminders) {
  auto due = TasksDueBetween(*plan_, cal_, std::nullopt, Day("2023-03-03"),
                             Day("2023-12-31"));
  ASSERT_TRUE(due.ok()) << due.status();
  // 15 deadlines; 2024-12-31 is out of range.
  EXPECT_EQ(due->size(), 14u);
  const TaskDue& first = (*due)[0];
  EXPECT_EQ(TaskId(*plan_, first), "p1.2.6.4");
  EXPECT_EQ(first.due, Day("2023-04-30"));
  // 04-29, 04-30 off: 04-28, 04-27, 04-26.
  EXPECT_EQ(first.reminder, Day("2023-04-26"));
  const TaskDue& second = (*due)[1];
  EXPECT_EQ(TaskId(*plan_, second), "p5.2.2.8");
  EXPECT_EQ(second.due, Day("2023-09-30"));
  EXPECT_EQ(second.reminder, Day("2023-09-26"));  // 09-28, 09-27, 09-26

  // 市应急管理局 leads p5.2.2.8; it has no role in p1.2.6.4.
  const UnitIndex yjj = *plan_->FindUnit("yjj");
  auto mine =
      TasksDueBetween(*plan_, cal_, yjj, Day("2023-03-03"), Day("2023-12-31"));
  ASSERT_TRUE(mine.ok()) << mine.status();
  std::set<std::string> ids;
  for (const TaskDue& d : *mine) ids.insert(TaskId(*plan_, d));
  EXPECT_TRUE(ids.count("p5.2.2.8"));
  EXPECT_FALSE(ids.count("p1.2.6.4"));

  auto overdue = TasksOverdueAsOf(*plan_, cal_, yjj, Day("2023-10-01"));
  ASSERT_TRUE(overdue.ok()) << overdue.status();
  ASSERT_EQ(overdue->size(), 1u);
  EXPECT_EQ((*overdue)[0].due, Day("2023-09-30"));
  DeadlineOptions no_reminders;
  no_reminders.reminder_working_days = 0;
  auto plain = TasksOverdueAsOf(*plan_, cal_, std::nullopt, Day("2023-05-01"),
                                no_reminders);
  ASSERT_TRUE(plain.ok());
  ASSERT_EQ(plain->size(), 1u);
  EXPECT_FALSE((*plain)[0].reminder.has_value());
}

// The Hengyang plan with relative and recurring deadlines added to
// p5.2.2.8 (invented for the test).
class ExtraDeadlinesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    PlanData data = HengyangData();
    for (TaskData& t : data.tasks) {
      if (t.id != "p5.2.2.8") continue;
      DeadlineData relative;
      relative.kind = "relative";
      relative.text = "5个工作日内";
      relative.working_days = 5;
      relative.after = "交办";
      DeadlineData after_event;
      after_event.kind = "relative";
      after_event.text = "验收后3个工作日内";
      after_event.working_days = 3;
      after_event.after = "验收";
      DeadlineData monthly;
      monthly.kind = "recurring";
      monthly.text = "每月5日前";
      monthly.period = PeriodKind::kMonth;
      monthly.day = 5;
      t.deadlines.push_back(relative);     // 2
      t.deadlines.push_back(after_event);  // 3
      t.deadlines.push_back(monthly);      // 4
    }
    absl::StatusOr<Plan> plan = Plan::Build(std::move(data));
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = std::make_unique<Plan>(*std::move(plan));
    task_ = *plan_->FindTask("p5.2.2.8");
    options_.events["验收"] = Day("2023-09-27");
  }
  std::unique_ptr<Plan> plan_;
  TaskIndex task_;
  DeadlineOptions options_;
  Calendar cal_ = Calendar::ChinaMainland();
};

TEST_F(ExtraDeadlinesTest, RelativeAndRecurring) {
  auto due = TaskDueDates(*plan_, cal_, task_, Day("2023-03-01"),
                          Day("2023-10-31"), options_);
  ASSERT_TRUE(due.ok()) << due.status();
  std::map<std::pair<uint32_t, std::string>, Date> got;
  for (const TaskDue& d : *due) got[{d.deadline, d.period_label}] = d.due;
  // Issued Friday 03-03: 03-06 .. 03-10.
  EXPECT_EQ((got[{2, ""}]), Day("2023-03-10"));
  // 09-27 + 3: 09-28, 10-07, 10-08.
  EXPECT_EQ((got[{3, ""}]), Day("2023-10-08"));
  // 每月5日前, 顺延: 03-05 Sun -> 03-06; 10-05 off -> 10-07 (Sat, worked);
  // 08-05 Sat -> 08-07.
  EXPECT_EQ((got[{4, "2023年3月"}]), Day("2023-03-06"));
  EXPECT_EQ((got[{4, "2023年8月"}]), Day("2023-08-07"));
  EXPECT_EQ((got[{4, "2023年10月"}]), Day("2023-10-07"));
  EXPECT_EQ((got[{1, ""}]), Day("2023-09-30"));  // 四季度前
  EXPECT_EQ(got.size(), 11u);  // 8 months, 2 relative, 四季度前

  DeadlineOptions missing;
  auto error = TaskDueDates(*plan_, cal_, task_, Day("2023-03-01"),
                            Day("2023-10-31"), missing);
  EXPECT_EQ(error.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(error.status().message(), HasSubstr("验收"));
  EXPECT_THAT(error.status().message(), HasSubstr("p5.2.2.8"));
}

TEST_F(ExtraDeadlinesTest, CalendarChangeImpactOfALocalHoliday) {
  // A local day off on Monday 2023-10-09 (invented for the test).
  absl::StatusOr<Calendar> local = cal_.DeriveFromText(
      "calendar 衡阳测试\noff 2023-10-09 本地假日\n", "overlay.txt");
  ASSERT_TRUE(local.ok()) << local.status();
  options_.events["验收"] = Day("2023-09-28");  // + 3: 10-07, 10-08, 10-09
  auto changes = DueDateChanges(*plan_, cal_, *local, Day("2023-10-01"),
                                Day("2023-10-31"), options_);
  ASSERT_TRUE(changes.ok()) << changes.status();
  std::map<std::string, int> moved;  // "id label before->after" counts
  for (const DueDateChange& c : *changes) {
    const std::string id = c.task ? plan_->task(*c.task).id
                                  : plan_->data().cadences[*c.occurrence_of].id;
    moved[id + " " + c.period_label + " " + c.before.ToString() + "->" +
          c.after.ToString()]++;
  }
  const std::map<std::string, int> expected = {
      // 10-07, 10-08, (10-09 now off) 10-10, 10-11, 10-12.
      {"c_monthly_circular 2023年9月 2023-10-11->2023-10-12", 11},
      {"c_quarterly_summary 2023年第三季度 2023-10-18->2023-10-19", 11},
      {"c_safety_enf_monthly_circular 2023年9月 2023-10-11->2023-10-12", 1},
      {"c_safety_monthly_circular 2023年9月 2023-10-11->2023-10-12", 1},
      {"c_safety_enf_quarterly_ranking 2023年第三季度 "
       "2023-10-18->2023-10-19",
       1},
      // Week 41 starts on the local holiday.
      {"c_safety_weekly_dispatch 2023年第41周 2023-10-09->2023-10-10", 1},
      {"c_safety_enf_weekly_statistics 2023年第40周 2023-10-09->2023-10-10", 1},
      {"p5.2.2.8  2023-10-09->2023-10-10", 1},
  };
  EXPECT_EQ(moved, expected);
  // 9月下旬's briefing (10-08) and 10月上旬's (10-12) do not move.
}

// --- Deadline text
// -------------------------------------------------------------

struct TextCase {
  TextCase(std::string text, std::string kind, std::string date = "",
           std::optional<PeriodKind> period = std::nullopt, int day = 0,
           int working_days = 0, std::string after = "")
      : text(std::move(text)),
        kind(std::move(kind)),
        date(std::move(date)),
        period(period),
        day(day),
        working_days(working_days),
        after(std::move(after)) {}
  std::string text;
  std::string kind;
  std::string date;  // by, end_of_period
  std::optional<PeriodKind> period;
  int day = 0;
  int working_days = 0;
  std::string after;
};

TEST(ResolveDeadlineTextTest, EachDocumentedPhrase) {
  const std::vector<TextCase> cases = {
      {"年底前", "by", "2023-12-31"},
      {"年内", "by", "2023-12-31"},
      {"到年底", "by", "2023-12-31"},
      {"2023年底", "by", "2023-12-31"},
      {"到 2023 年底", "by", "2023-12-31"},
      {"2024年底前", "by", "2024-12-31"},
      {"2023年", "by", "2023-12-31"},
      {"四季度前", "end_of_period", "2023-09-30", PeriodKind::kQuarter},
      {"第三季度前", "end_of_period", "2023-06-30", PeriodKind::kQuarter},
      {"二季度末", "end_of_period", "2023-06-30", PeriodKind::kQuarter},
      {"6月底前", "by", "2023-06-30"},
      {"2月底", "by", "2023-02-28"},
      {"上半年", "end_of_period", "2023-06-30", PeriodKind::kHalfYear},
      {"下半年", "end_of_period", "2023-12-31", PeriodKind::kHalfYear},
      {"5月以前", "by", "2023-04-30"},
      {"5 月以前", "by", "2023-04-30"},
      {"十二月前", "by", "2023-11-30"},
      {"9月15日前", "by", "2023-09-15"},
      {"每月5日前", "recurring", "", PeriodKind::kMonth, 5},
      {"每季度", "recurring", "", PeriodKind::kQuarter, 0},
      {"10个工作日内", "relative", "", std::nullopt, 0, 10, "交办"},
      {"收到通知之日起五个工作日内", "relative", "", std::nullopt, 0, 5,
       "收到通知"},
      {"验收后十五个工作日内", "relative", "", std::nullopt, 0, 15, "验收"},
  };
  for (const TextCase& c : cases) {
    absl::StatusOr<DeadlineData> d = ResolveDeadlineText(c.text, 2023);
    ASSERT_TRUE(d.ok()) << c.text << ": " << d.status();
    EXPECT_EQ(d->text, c.text);
    EXPECT_EQ(d->kind, c.kind) << c.text;
    if (c.date.empty()) {
      EXPECT_FALSE(d->date.has_value()) << c.text;
    } else {
      EXPECT_EQ(d->date, Day(c.date)) << c.text;
    }
    EXPECT_EQ(d->period, c.period) << c.text;
    EXPECT_EQ(d->day, c.day) << c.text;
    EXPECT_EQ(d->working_days, c.working_days) << c.text;
    EXPECT_EQ(d->after, c.after) << c.text;
  }
}

TEST(ResolveDeadlineTextTest, ErrorsQuoteTheText) {
  for (std::string text : {"2月30日前", "下个月", "每天", "2024 年全面建成",
                           "一季度前", "13月底", "个工作日内", ""}) {
    absl::StatusOr<DeadlineData> d = ResolveDeadlineText(text, 2023);
    EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_THAT(d.status().message(), HasSubstr("'" + text + "'"));
  }
}

// Every deadline text of the dataset that the resolver reads gives the
// dataset's own (gold-consistent) date and kind.
TEST(ResolveDeadlineTextTest, AgreesWithTheHengyangDataset) {
  const PlanData data = HengyangData();
  int resolved = 0;
  for (const TaskData& t : data.tasks) {
    for (const DeadlineData& gold : t.deadlines) {
      absl::StatusOr<DeadlineData> d =
          ResolveDeadlineText(gold.text, data.plan.year);
      if (!d.ok()) continue;  // 2023 年启动, 2024 年全面建成
      ++resolved;
      EXPECT_EQ(d->date, gold.date) << t.id << " " << gold.text;
      EXPECT_EQ(d->kind, gold.kind) << t.id << " " << gold.text;
      EXPECT_EQ(d->period, gold.period) << t.id << " " << gold.text;
    }
  }
  EXPECT_EQ(resolved, 13);
}

}  // namespace
}  // namespace dutygraph
