// Tests of status, escalations, rankings, lifecycle and the ledger
// (dutygraph/tracking.h) on the small plan, with dates worked by hand from
// the official 2023 calendar: 09-29..10-06 off (中秋节、国庆节), 10-07 and
// 10-08 worked; 04-05 off (清明节); 04-29..05-03 off, 04-23 and 05-06
// worked (劳动节); 2024-01-01 off.
#include "dutygraph/tracking.h"

#include <fstream>
#include <string>
#include <vector>

#include "dutygraph/calendar.h"
#include "dutygraph/events.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tracking/tracking_fixture.h"

namespace dutygraph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::Add;
using testing::D;

constexpr char kPolicy[] = R"({
  "format": "dutygraph/policy@1", "id": "test", "version": 1,
  "status": {"due_soon_working_days": 5},
  "light": {"red": {"working_days_overdue": 3, "pace_behind": 20},
            "yellow": {"working_days_overdue": 1, "due_soon": true,
                       "missed_reports": 2, "open_cards": 1}},
  "escalation": [
    {"id": "debt", "version": 1, "applies_to": ["s_debt"], "rules": [
      {"id": "remind", "trigger": {"kind": "working_days_overdue", "n": 1},
       "action": "remind", "audience": ["lead_unit"],
       "cooldown_working_days": 5, "repeat": 0},
      {"id": "yellow", "trigger": {"kind": "working_days_overdue", "n": 3},
       "action": "yellow_card", "audience": ["lead_unit", "lead_unit_head"]},
      {"id": "red", "trigger": {"kind": "cards_in_window", "card": "yellow_card",
       "n": 2, "window_days": 90},
       "action": "red_card", "audience": ["lead_unit", "lead_unit_head",
                                          "supervising_leader", "group_convener"]},
      {"id": "pace", "trigger": {"kind": "pace_behind", "percent": 20},
       "action": "warning", "audience": ["lead_unit"]},
      {"id": "listed", "trigger": {"kind": "carry_over", "card": "yellow_card"},
       "action": "listed_supervision", "audience": ["lead_unit", "lead_unit_head"]},
      {"id": "incident", "trigger": {"kind": "incident"},
       "action": "accountability", "audience": ["lead_unit_head", "chief_dispatcher"]}]}],
  "rankings": [{"id": "q", "weights": {"on_time_completion": 60,
                "indicator_attainment": 40, "yellow_card": -5}}]
})";

// Version 2 of the debt policy: reminders only once, yellow at 10.
constexpr char kVersion2[] = R"(
    {"id": "debt", "version": 2, "applies_to": ["s_debt"], "rules": [
      {"id": "remind", "trigger": {"kind": "working_days_overdue", "n": 1},
       "action": "remind", "audience": ["lead_unit"]},
      {"id": "yellow", "trigger": {"kind": "working_days_overdue", "n": 10},
       "action": "yellow_card", "audience": ["lead_unit"]}]},)";

class TrackingTest : public ::testing::Test {
 protected:
  TrackingTest()
      : plan_(testing::TrackingPlan()),
        log_(plan_, Calendar::ChinaMainland()),
        tracker_(Make(kPolicy)) {}

  Tracker Make(const char* policy_json) {
    absl::StatusOr<TrackingPolicy> policy = ParsePolicyJson(policy_json);
    EXPECT_TRUE(policy.ok()) << policy.status();
    absl::StatusOr<Tracker> t =
        Tracker::Create(plan_, Calendar::ChinaMainland(), *policy);
    EXPECT_TRUE(t.ok()) << t.status();
    return *std::move(t);
  }
  TaskIndex T(std::string_view id) { return *plan_.FindTask(id); }
  TaskStatus Status(std::string_view task, std::string_view on) {
    TaskStatus s;
    absl::Status st = tracker_.StatusOf(log_, T(task), D(on), &s);
    EXPECT_TRUE(st.ok()) << st;
    return s;
  }
  std::vector<DueAction> Due(std::string_view on) {
    absl::StatusOr<std::vector<DueAction>> a = tracker_.Escalations(log_, D(on));
    EXPECT_TRUE(a.ok()) << a.status();
    return a.ok() ? *a : std::vector<DueAction>{};
  }
  static std::vector<std::string> Rules(const std::vector<DueAction>& actions) {
    std::vector<std::string> out;
    for (const DueAction& a : actions) out.push_back(a.rule);
    return out;
  }
  void Record(const DueAction& a) {
    absl::StatusOr<AppendOutcome> r = log_.Append(ToEvent(plan_, a));
    ASSERT_TRUE(r.ok()) << r.status();
  }

  Plan plan_;
  EventLog log_;
  Tracker tracker_;
};

TEST_F(TrackingTest, DefaultDueIsThePlanYearEnd) {
  TaskStatus s = Status("t_hidden_debt", "2023-06-01");
  EXPECT_EQ(s.state, TaskState::kNotStarted);
  EXPECT_EQ(s.due, D("2023-12-31"));  // 年底前, a Sunday, as stated
  EXPECT_EQ(s.due_source, "deadline");
  s = Status("t_warning", "2023-06-01");  // no deadline: the plan year's end
  EXPECT_EQ(s.due_source, "plan_year_end");
  // 2024-01-02: one working day after 2023-12-31 (01-01 is a holiday).
  s = Status("t_hidden_debt", "2024-01-02");
  EXPECT_EQ(s.state, TaskState::kOverdue);
  EXPECT_EQ(s.working_days_overdue, 1);
  EXPECT_EQ(s.light, Light::kYellow);
}

TEST_F(TrackingTest, OverdueCountsOfficialWorkingDays) {
  Add(&log_, R"({"id":"a1","kind":"assigned","date":"2023-09-01","task":"t_hidden_debt",
      "due":"2023-09-28","actor":{"post":"exec_vice_mayor"}})");
  // (09-28, 10-09]: 09-29..10-06 off, 10-07 (Sat) and 10-08 (Sun) worked,
  // 10-09 (Mon): 3 working days.
  TaskStatus s = Status("t_hidden_debt", "2023-10-09");
  EXPECT_EQ(s.state, TaskState::kOverdue);
  EXPECT_EQ(s.due_source, "assigned:a1");
  EXPECT_EQ(s.working_days_overdue, 3);
  EXPECT_EQ(s.light, Light::kRed);
  EXPECT_THAT(s.light_reasons, ElementsAre("working_days_overdue 3 >= 3"));
  // On 10-06 the holiday has not added a working day since 09-28.
  EXPECT_EQ(Status("t_hidden_debt", "2023-10-06").working_days_overdue, 0);
  // An extension overrides: 10-16 is 4 working days before 10-20.
  Add(&log_, R"({"id":"x1","kind":"extension","date":"2023-10-10","task":"t_hidden_debt",
      "new_due":"2023-10-20","approver":{"post":"exec_vice_mayor"}})");
  s = Status("t_hidden_debt", "2023-10-16");
  EXPECT_EQ(s.state, TaskState::kDueSoon);
  EXPECT_EQ(s.due_source, "extension:x1");
  EXPECT_EQ(s.light, Light::kYellow);
  EXPECT_EQ(Status("t_hidden_debt", "2023-10-12").state, TaskState::kNotStarted);
  // Events after the as-of date are ignored: on 10-09 the extension did not exist.
  EXPECT_EQ(Status("t_hidden_debt", "2023-10-09").state, TaskState::kOverdue);
}

TEST_F(TrackingTest, LifecycleStates) {
  Add(&log_, R"({"id":"p1","kind":"progress","date":"2023-04-10","task":"t_warning","percent":30})");
  Add(&log_, R"({"id":"c1","kind":"completed","date":"2023-05-10","task":"t_warning"})");
  Add(&log_, R"({"id":"k1","kind":"accepted","date":"2023-05-20","task":"t_warning"})");
  Add(&log_, R"({"id":"r1","kind":"reopened","date":"2023-06-01","task":"t_warning"})");
  EXPECT_EQ(Status("t_warning", "2023-04-01").state, TaskState::kNotStarted);
  EXPECT_EQ(Status("t_warning", "2023-04-10").state, TaskState::kInProgress);
  EXPECT_EQ(Status("t_warning", "2023-05-10").state,
            TaskState::kCompletedAwaitingAcceptance);
  TaskStatus s = Status("t_warning", "2023-05-20");
  EXPECT_EQ(s.state, TaskState::kClosed);
  EXPECT_EQ(s.light, Light::kGreen);
  s = Status("t_warning", "2023-06-02");
  EXPECT_EQ(s.state, TaskState::kInProgress);
  EXPECT_EQ(s.run_start, D("2023-06-01"));
  EXPECT_FALSE(s.completed_on.has_value());
}

TEST_F(TrackingTest, PaceIsLinearOverWorkingDays) {
  // Assigned 10-09 due 10-20: 9 working days. On 10-13, 4 have passed:
  // expected 4/9 = 44.44%; 20 of 100 reported: 24.44 points behind.
  Add(&log_, R"({"id":"a","kind":"assigned","date":"2023-10-09","task":"t_warning","due":"2023-10-20"})");
  Add(&log_, R"({"id":"p","kind":"progress","date":"2023-10-12","task":"t_warning",
      "values":{"债务风险预警覆盖率":20}})");
  TaskStatus s = Status("t_warning", "2023-10-13");
  ASSERT_TRUE(s.expected && s.attainment && s.pace_behind);
  EXPECT_NEAR(*s.expected, 4.0 / 9.0, 1e-9);
  EXPECT_NEAR(*s.attainment, 0.2, 1e-9);
  EXPECT_DOUBLE_EQ(*s.pace_behind, 24.44);
  EXPECT_EQ(s.light, Light::kRed);
  std::vector<DueAction> due = Due("2023-10-13");
  EXPECT_THAT(Rules(due), ElementsAre("pace"));
  EXPECT_THAT(due[0].explanation, HasSubstr("24.44 points behind"));
}

TEST_F(TrackingTest, PaceFollowsPolicyCheckpoints) {
  std::string policy = kPolicy;
  policy.replace(policy.find("\"escalation\""), 0,
                 R"("pace": [{"indicator": "债务风险预警覆盖率", "checkpoints":
                     [{"date": "2023-10-11", "percent": 80}]}],
                 )");
  tracker_ = Make(policy.c_str());
  Add(&log_, R"({"id":"a","kind":"assigned","date":"2023-10-09","task":"t_warning","due":"2023-10-20"})");
  Add(&log_, R"({"id":"p","kind":"progress","date":"2023-10-12","task":"t_warning",
      "values":{"债务风险预警覆盖率":20}})");
  // 80% by 10-11 (2 of 2 working days); then 80 -> 100 over the 7 working
  // days to 10-20; on 10-13, 2 of those 7 have passed.
  TaskStatus s = Status("t_warning", "2023-10-13");
  EXPECT_NEAR(*s.expected, 0.8 + 0.2 * 2.0 / 7.0, 1e-9);
}

TEST_F(TrackingTest, ConsecutiveMissedReports) {
  std::string policy = kPolicy;
  policy.insert(policy.find("\"rules\": [") + 10,
                R"({"id": "missed", "trigger": {"kind": "consecutive_missed_reports", "n": 2},
                    "action": "circular", "audience": ["lead_unit"]},)");
  tracker_ = Make(policy.c_str());
  // 市财政局's monthly report is due the 5th working day after each month:
  // Feb -> 03-07, Mar -> 04-10 (04-05 off), Apr -> 05-09 (05-01..03 off,
  // 05-06 worked), May -> 06-07, Jun -> 07-07.
  Add(&log_, R"({"id":"r2","kind":"report_submitted","date":"2023-03-06","cadence":"c_czj_monthly",
      "period":"2023-02-01","actor":{"unit":"czj"}})");
  Add(&log_, R"({"id":"r3","kind":"report_submitted","date":"2023-04-10","cadence":"c_czj_monthly",
      "period":"2023-03-01","actor":{"unit":"czj"}})");
  // April's report comes a day late: still missed.
  Add(&log_, R"({"id":"r4","kind":"report_submitted","date":"2023-05-10","cadence":"c_czj_monthly",
      "period":"2023-04-01","actor":{"unit":"czj"}})");
  EXPECT_EQ(Status("t_hidden_debt", "2023-05-09").consecutive_missed_reports, 0);
  EXPECT_EQ(Status("t_hidden_debt", "2023-05-10").consecutive_missed_reports, 1);
  EXPECT_EQ(Status("t_hidden_debt", "2023-07-15").consecutive_missed_reports, 3);
  // A report by another unit does not count for 市财政局.
  Add(&log_, R"({"id":"r6","kind":"report_submitted","date":"2023-07-03","cadence":"c_czj_monthly",
      "period":"2023-06-01","actor":{"unit":"fgw"}})");
  EXPECT_EQ(Status("t_hidden_debt", "2023-07-15").consecutive_missed_reports, 3);
  std::vector<DueAction> due = Due("2023-07-15");
  // Every task led by 市财政局 (the section's lead, inherited by its tasks).
  ASSERT_EQ(due.size(), 3u);
  EXPECT_EQ(due[0].rule, "missed");
  EXPECT_EQ(due[0].action, ActionKind::kCircular);
}

TEST_F(TrackingTest, LadderIsIdempotentWithCooldownAndRepeat) {
  std::string policy = kPolicy;
  policy.insert(policy.find("\"escalation\": [") + 15, kVersion2);
  tracker_ = Make(policy.c_str());
  Add(&log_, R"({"id":"a1","kind":"assigned","date":"2023-09-01","task":"t_hidden_debt","due":"2023-09-28"})");
  Add(&log_, R"({"id":"v1","kind":"reminder","date":"2023-09-29","task":"t_hidden_debt",
      "policy":"debt","policy_version":1,"rule":"remind"})");
  // The run started under version 1 (the reminder records it), so the
  // yellow card comes at 3 working days overdue, not version 2's 10.
  std::vector<DueAction> due = Due("2023-10-09");
  ASSERT_THAT(Rules(due), ElementsAre("yellow"));
  const DueAction& yellow = due[0];
  EXPECT_EQ(yellow.policy_version, 1);
  EXPECT_EQ(yellow.task, T("t_hidden_debt"));
  // Audience as of 10-09: 市财政局, which leads the section （市财政局牵头）
  // and so the task, and its head: 市财政局局长 changed hands on 07-01.
  ASSERT_EQ(yellow.audience.size(), 2u);
  EXPECT_EQ(plan_.unit(*yellow.audience[0].unit).id, "czj");
  EXPECT_EQ(yellow.audience[1].role, AudienceKind::kLeadUnitHead);
  EXPECT_EQ(plan_.person(*yellow.audience[1].post->person).id, "successor");
  EXPECT_THAT(yellow.explanation, HasSubstr("3 working days overdue (due 2023-09-28"));
  // The reminder of 09-29 was 5 working days before 10-09? (09-29 -> 10-09:
  // 10-07, 10-08, 10-09 = 3): not yet again.
  Record(yellow);
  EXPECT_TRUE(Due("2023-10-09").empty());  // idempotent
  // 10-11: 5 working days since 09-29 -> the reminder again (repeat 0).
  due = Due("2023-10-11");
  ASSERT_THAT(Rules(due), ElementsAre("remind"));
  EXPECT_EQ(due[0].occurrence, 2);
  Record(due[0]);
  EXPECT_TRUE(Due("2023-10-11").empty());
  // Another task's run has not started: it uses version 2 (no yellow at 3).
  Add(&log_, R"({"id":"a2","kind":"assigned","date":"2023-09-01","task":"t_warning","due":"2023-09-28"})");
  due = Due("2023-10-12");
  ASSERT_THAT(Rules(due), ElementsAre("remind"));
  EXPECT_EQ(due[0].task, T("t_warning"));
  EXPECT_EQ(due[0].policy_version, 2);
}

TEST_F(TrackingTest, RunUnderAVersionNoLongerListedUsesTheLatestAndSaysSo) {
  Add(&log_, R"({"id":"a1","kind":"assigned","date":"2023-09-01","task":"t_hidden_debt","due":"2023-09-28"})");
  Add(&log_, R"({"id":"v7","kind":"reminder","date":"2023-09-29","task":"t_hidden_debt",
      "policy":"debt","policy_version":7,"rule":"remind"})");
  std::vector<DueAction> due = Due("2023-10-09");
  ASSERT_THAT(Rules(due), ElementsAre("yellow"));
  EXPECT_EQ(due[0].policy_version, 1);
  ASSERT_FALSE(due[0].facts.empty());
  EXPECT_EQ(due[0].facts[0].name, "version_note");
  EXPECT_THAT(due[0].facts[0].value, HasSubstr("run started under version 7"));
  // An extension starts a new run: the reminder recorded before it no
  // longer counts, so the reminder is due again once overdue again.
  Add(&log_, R"({"id":"x","kind":"extension","date":"2023-10-10","task":"t_hidden_debt","new_due":"2023-10-16"})");
  due = Due("2023-10-17");
  ASSERT_THAT(Rules(due), ElementsAre("remind"));
  EXPECT_EQ(due[0].occurrence, 1);
  EXPECT_THAT(due[0].explanation, HasSubstr("1 working days overdue (due 2023-10-16, extension:x)"));
}

TEST_F(TrackingTest, TwoYellowCardsInAWindowCallForARed) {
  Add(&log_, R"({"id":"y1","kind":"card_issued","date":"2023-05-10","card":"yellow","unit":"czj","task":"t_warning"})");
  EXPECT_TRUE(Due("2023-05-10").empty());
  Add(&log_, R"({"id":"y2","kind":"card_issued","date":"2023-07-20","card":"yellow","unit":"czj","task":"t_hidden_debt"})");
  std::vector<DueAction> due = Due("2023-07-20");
  ASSERT_THAT(Rules(due), ElementsAre("red"));
  EXPECT_FALSE(due[0].task.has_value());
  EXPECT_EQ(plan_.unit(*due[0].unit).id, "czj");
  EXPECT_EQ(due[0].cause, "y2");
  EXPECT_THAT(due[0].explanation, HasSubstr("y1 (2023-05-10), y2 (2023-07-20)"));
  // Audience: the unit, its head (successor since 07-01), its supervising
  // leader (于新凡) and the debt group's convener (the same post).
  ASSERT_EQ(due[0].audience.size(), 4u);
  EXPECT_EQ(plan_.person(*due[0].audience[1].post->person).id, "successor");
  EXPECT_EQ(plan_.person(*due[0].audience[2].post->person).id, "yu_xinfan");
  EXPECT_EQ(due[0].audience[3].role, AudienceKind::kGroupConvener);
  // 90 days later y1 has left the window.
  EXPECT_TRUE(Due("2023-08-09").empty());  // 05-10 + 90 days = 08-08
  Record(due[0]);
  EXPECT_TRUE(Due("2023-07-21").empty());
  // A lifted card does not count.
  Add(&log_, R"({"id":"y3","kind":"card_issued","date":"2023-08-01","card":"yellow","unit":"fgw","task":"t_hidden_debt"})");
  Add(&log_, R"({"id":"l3","kind":"card_lifted","date":"2023-08-02","card":"yellow","unit":"fgw","cause":"y3"})");
  Add(&log_, R"({"id":"y4","kind":"card_issued","date":"2023-08-03","card":"yellow","unit":"fgw","task":"t_hidden_debt"})");
  EXPECT_TRUE(Due("2023-08-03").empty());
  // Open cards on the task.
  TaskStatus s = Status("t_hidden_debt", "2023-08-03");
  EXPECT_EQ(s.open_yellow_cards, 2);  // y2, y4
  EXPECT_EQ(s.open_red_cards, 1);     // recorded on y2's task, its cause
}

TEST_F(TrackingTest, YellowCardLastYearMeansListedThisYear) {
  // 挂牌管理: a yellow card on debt work in 2022 lists the unit in 2023.
  Add(&log_, R"({"id":"y22","kind":"card_issued","date":"2022-12-15","card":"yellow","unit":"fgw","task":"s_debt"})");
  EXPECT_TRUE(Due("2022-12-30").empty());
  std::vector<DueAction> due = Due("2023-03-06");
  ASSERT_THAT(Rules(due), ElementsAre("listed"));
  EXPECT_EQ(plan_.unit(*due[0].unit).id, "fgw");
  EXPECT_THAT(due[0].explanation, HasSubstr("yellow card in 2022 (y22, 2022-12-15)"));
  Record(due[0]);
  EXPECT_TRUE(Due("2023-12-29").empty());
  absl::StatusOr<Event> listed = log_.event(log_.size() - 1);
  EXPECT_EQ(listed->kind, EventKind::kListed);
  EXPECT_EQ(listed->unit, "fgw");
}

TEST_F(TrackingTest, EachIncidentIsAnsweredOnce) {
  Add(&log_, R"({"id":"i1","kind":"incident","date":"2023-06-01","task":"t_warning","text":"债务违约"})");
  std::vector<DueAction> due = Due("2023-06-02");
  ASSERT_THAT(Rules(due), ElementsAre("incident"));
  EXPECT_EQ(due[0].cause, "i1");
  // The head of 市财政局 (the lead) on 06-02, then 总调度's convener.
  ASSERT_EQ(due[0].audience.size(), 2u);
  EXPECT_EQ(plan_.person(*due[0].audience[0].post->person).id, "lei_gaofei");
  EXPECT_EQ(due[0].audience[1].role, AudienceKind::kChiefDispatcher);
  EXPECT_EQ(plan_.person(*due[0].audience[1].post->person).id, "yu_xinfan");
  Record(due[0]);
  EXPECT_TRUE(Due("2023-06-02").empty());
  Add(&log_, R"({"id":"i2","kind":"incident","date":"2023-06-05","task":"t_warning"})");
  due = Due("2023-06-05");
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].cause, "i2");
}

TEST_F(TrackingTest, RollupsBySectionAndUnit) {
  Add(&log_, R"({"id":"a1","kind":"assigned","date":"2023-09-01","task":"t_hidden_debt","due":"2023-09-28"})");
  Add(&log_, R"({"id":"c","kind":"completed","date":"2023-09-01","task":"t_warning"})");
  absl::StatusOr<StatusReport> r = tracker_.Status(log_, D("2023-10-09"));
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->tasks.size(), 3u);  // t_hidden_debt, t_warning, t_vague
  ASSERT_EQ(r->nodes.size(), 2u);  // p4, s_debt
  const Rollup& section = r->nodes[1];
  EXPECT_EQ(plan_.task(*section.node).id, "s_debt");
  EXPECT_EQ(section.tasks, 3);
  EXPECT_EQ(section.by_state[static_cast<int>(TaskState::kOverdue)], 1);
  EXPECT_EQ(section.by_state[static_cast<int>(TaskState::kCompletedAwaitingAcceptance)], 1);
  EXPECT_EQ(section.worst, Light::kRed);
  // czj leads the section, so every task in it.
  ASSERT_EQ(r->units.size(), 1u);
  EXPECT_EQ(plan_.unit(*r->units[0].unit).id, "czj");
  EXPECT_EQ(r->units[0].tasks, 3);
  // Only fgw's tasks.
  absl::StatusOr<StatusReport> mine =
      tracker_.Status(log_, D("2023-10-09"), *plan_.FindUnit("fgw"));
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->tasks.size(), 1u);
  EXPECT_EQ(plan_.task(mine->tasks[0].task).id, "t_hidden_debt");
}

TEST_F(TrackingTest, RankingWithTies) {
  // Districts support t_warning and report their own figures (which do not
  // move the task's progress): the same value, a tie.
  Add(&log_, R"({"id":"z","kind":"progress","date":"2023-05-10","task":"t_warning",
      "values":{"债务风险预警覆盖率":60},"actor":{"unit":"珠晖区"}})");
  EXPECT_FALSE(Status("t_warning", "2023-05-10").attainment.has_value());
  absl::StatusOr<Period> q2 = Period::Of(D("2023-05-01"), PeriodKind::kQuarter);
  absl::StatusOr<Ranking> alone = tracker_.Rank(log_, "各城区政府", *q2);
  ASSERT_TRUE(alone.ok()) << alone.status();
  EXPECT_EQ(plan_.unit(alone->rows[1].unit).id, "yanfeng");
  EXPECT_DOUBLE_EQ(alone->rows[1].score, 60);  // nothing reported: 0 attainment
  Add(&log_, R"({"id":"y0","kind":"progress","date":"2023-05-11","task":"t_warning",
      "values":{"债务风险预警覆盖率":60},"actor":{"unit":"雁峰区"}})");
  absl::StatusOr<Ranking> r = tracker_.Rank(log_, "各城区政府", *q2);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->rows.size(), 2u);
  // Nothing due in Q2 (due 12-31): on time 1.0; attainment 0.6:
  // 60 + 40 × 0.6 = 84 for both, rank 1 and 1, set order kept.
  EXPECT_EQ(r->rows[0].rank, 1);
  EXPECT_EQ(r->rows[1].rank, 1);
  EXPECT_DOUBLE_EQ(r->rows[0].score, 84);
  EXPECT_EQ(plan_.unit(r->rows[0].unit).id, "zhuxi");
  Add(&log_, R"({"id":"y","kind":"card_issued","date":"2023-06-01","card":"yellow","unit":"zhuxi"})");
  r = tracker_.Rank(log_, "districts", *q2, "q");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(plan_.unit(r->rows[0].unit).id, "yanfeng");
  EXPECT_EQ(r->rows[1].rank, 2);
  EXPECT_DOUBLE_EQ(r->rows[1].score, 79);
  EXPECT_EQ(r->rows[1].yellow_cards, 1);
  EXPECT_EQ(tracker_.Rank(log_, "districts", *q2, "nope").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(tracker_.Rank(log_, "各县", *q2).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(TrackingTest, LifecycleAccountability) {
  Add(&log_, R"({"id":"1","kind":"assigned","date":"2023-03-06","task":"t_warning","actor":{"post":"exec_vice_mayor"}})");
  Add(&log_, R"({"id":"2","kind":"progress","date":"2023-04-06","task":"t_warning","percent":50,"actor":{"unit":"czj"}})");
  Add(&log_, R"({"id":"3","kind":"inspection","date":"2023-05-06","task":"t_warning","result":"issues","actor":{"post":"dsg_guo"}})");
  Add(&log_, R"({"id":"4","kind":"progress","date":"2023-05-16","task":"t_warning","percent":80,"actor":{"unit":"jrb"}})");
  Add(&log_, R"({"id":"5","kind":"completed","date":"2023-06-16","task":"t_warning","actor":{"unit":"czj"}})");
  Add(&log_, R"({"id":"6","kind":"accepted","date":"2023-06-26","task":"t_warning","actor":{"unit":"city_gov"}})");
  absl::StatusOr<Lifecycle> l = tracker_.LifecycleOf(log_, T("t_warning"));
  ASSERT_TRUE(l.ok()) << l.status();
  ASSERT_EQ(l->deployed.size(), 1u);
  EXPECT_EQ(l->deployed[0].actor.ref, "exec_vice_mayor");
  ASSERT_EQ(l->implemented.size(), 1u);
  EXPECT_EQ(l->implemented[0].actor.ref, "czj");
  ASSERT_EQ(l->inspected.size(), 1u);
  EXPECT_EQ(l->inspected[0].actor.ref, "dsg_guo");
  ASSERT_EQ(l->rectified.size(), 2u);
  EXPECT_EQ(l->rectified[0].actor.ref, "jrb");
  EXPECT_EQ(l->rectified[1].event_id, "5");
  ASSERT_EQ(l->accepted.size(), 1u);
  EXPECT_EQ(l->accepted[0].actor.ref, "city_gov");
}

TEST_F(TrackingTest, LedgerCsv) {
  Add(&log_, R"({"id":"p","kind":"progress","date":"2023-04-06","task":"t_hidden_debt","percent":50,
      "text":"已完成项目清理, 待复核"})");
  absl::StatusOr<std::string> csv = tracker_.LedgerCsv(log_, D("2024-01-02"));
  ASSERT_TRUE(csv.ok()) << csv.status();
  EXPECT_EQ(*csv,
            "序号,任务,牵头单位,配合单位,完成时限,进展,状态\n"
            "1,4/二/（一）/1 严禁新增隐性债务,市财政局,,2023-12-31,"
            "\"50% 已完成项目清理, 待复核\",逾期1个工作日\n"
            "2,4/二/（一）/3 健全债务风险预警机制,市财政局,"
            "珠晖区、雁峰区,2023-12-31,,逾期1个工作日\n"
            "3,4/二/（一）/2 合力化解存量债务,市财政局,,2023-12-31,,逾期1个工作日\n");
}

TEST_F(TrackingTest, Errors) {
  EventLog other(testing::TrackingPlan(), Calendar::ChinaMainland());
  TaskStatus s;
  EXPECT_EQ(tracker_.StatusOf(other, T("t_warning"), D("2023-05-05"), &s).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(tracker_.StatusOf(log_, TaskIndex{999}, D("2023-05-05"), &s).code(),
            absl::StatusCode::kInvalidArgument);
  // Horizon: the end of 2024 (2025 is known too, but the horizon is the
  // year after the plan year).
  EXPECT_THAT(tracker_.Escalations(log_, D("2025-01-02")).status().message(),
              HasSubstr("beyond the tracking horizon 2024-12-31"));
  absl::StatusOr<TrackingPolicy> bad = ParsePolicyJson(
      R"({"format":"dutygraph/policy@1","id":"x","escalation":[{"id":"p","applies_to":["s_debt"],
          "rules":[{"id":"r","trigger":{"kind":"working_days_overdue"},"action":"remind","audience":["lead_unit"]}]}]})");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("/escalation/0/rules/0/trigger/n: missing"));
  bad = ParsePolicyJson(
      R"({"format":"dutygraph/policy@1","id":"x","escalation":[{"id":"p","applies_to":["s_debt"],
          "rules":[{"id":"r","trigger":{"kind":"incident"},"action":"remind","audience":["lead"]}]}]})");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("/escalation/0/rules/0/audience/0"));
  absl::StatusOr<TrackingPolicy> unknown_node = ParsePolicyJson(
      R"({"format":"dutygraph/policy@1","id":"x","escalation":[{"id":"p","applies_to":["s_dbt"],
          "rules":[{"id":"r","trigger":{"kind":"incident"},"action":"remind","audience":["lead_unit"]}]}]})");
  ASSERT_TRUE(unknown_node.ok());
  absl::StatusOr<Tracker> t = Tracker::Create(plan_, Calendar::ChinaMainland(), *unknown_node);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(t.status().message(), HasSubstr("s_debt"));
}

TEST_F(TrackingTest, PolicyDuplicateKeysAndLimits) {
  // The kPolicy fixture parses; the same with one key repeated does not, at
  // the top or deep inside a rule.
  ASSERT_TRUE(ParsePolicyJson(kPolicy).ok());
  std::string twice = kPolicy;
  twice.insert(twice.find("\"id\""), R"("id":"again",)");
  absl::StatusOr<TrackingPolicy> p = ParsePolicyJson(twice);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(p.status().message(), HasSubstr("policy: duplicate key 'id' at /id ("));
  p = ParsePolicyJson(
      R"({"format":"dutygraph/policy@1","id":"x","escalation":[{"id":"p","applies_to":["s_debt"],
          "rules":[{"id":"r","trigger":{"kind":"working_days_overdue","n":3,"n":30},"action":"remind","audience":["lead_unit"]}]}]})");
  EXPECT_THAT(p.status().message(),
              HasSubstr("duplicate key 'n' at /escalation/0/rules/0/trigger/n (line 2, column"));

  TrackingLimits small;
  small.max_policy_bytes = 100;
  p = ParsePolicyJson(kPolicy, small);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(p.status().message(), HasSubstr("more than the limit max_policy_bytes (100)"));
  TrackingLimits shallow;
  shallow.max_depth = 2;
  p = ParsePolicyJson(kPolicy, shallow);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(p.status().message(), HasSubstr("the limit max_depth (2)"));
  // A file over the limit is refused before it is read, naming the file.
  const std::string path = ::testing::TempDir() + "/tracking_policy_limit.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << kPolicy;
  }
  p = LoadPolicyFile(path, small);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(p.status().message(), HasSubstr(path + ": policy: "));
  EXPECT_TRUE(LoadPolicyFile(path).ok());
}

TEST_F(TrackingTest, PolicyFromPlanUsesThePlansEscalation) {
  absl::StatusOr<TrackingPolicy> p = PolicyFromPlan(plan_);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_TRUE(p->escalation.empty());  // the small plan has none
  EXPECT_EQ(p->rankings.size(), 1u);
}

}  // namespace
}  // namespace dutygraph
