// The scripted 2023 scenario on the Hengyang plan
// (examples/hengyang-2023/scenario-2023.jsonl with policy.json): replayed day
// by day, every escalation due is recorded as the event ToEvent() makes, so
// the ladders climb as they would in an office that acts on each answer.
// The outputs are compared byte for byte with the committed files in
// examples/hengyang-2023/expected/ (regenerate with DG_UPDATE_EXPECTED=1 and
// review the diff), and the mechanisms of the seed are checked one by one.
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/match.h"
#include "dutygraph/calendar.h"
#include "dutygraph/events.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/tracking.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tracking/tracking_fixture.h"

namespace dutygraph {
namespace {

using testing::D;
using testing::ReadFile;

const std::string kDir = DG_SOURCE_DIR "/examples/hengyang-2023/";

struct Replay {
  std::string escalations;  // one line per day with actions
  std::vector<std::tuple<std::string, std::string, std::string>> fired;  // date, rule, subject
  std::string log;
  std::string status;
  std::string ranking_q2, ranking_q4;
  std::string ledger;
  std::string lifecycle;
  std::vector<DueAction> actions;  // every action, in order
};

Replay RunScenario() {
  Replay out;
  absl::StatusOr<Plan> plan = LoadPlanFile(kDir + "plan.json");
  EXPECT_TRUE(plan.ok()) << plan.status();
  absl::StatusOr<TrackingPolicy> policy = LoadPolicyFile(kDir + "policy.json");
  EXPECT_TRUE(policy.ok()) << policy.status();
  const Calendar cal = Calendar::ChinaMainland();
  absl::StatusOr<Tracker> tracker = Tracker::Create(*plan, cal, *policy);
  EXPECT_TRUE(tracker.ok()) << tracker.status();
  absl::StatusOr<std::vector<Event>> events =
      ParseEventsJsonl(ReadFile(kDir + "scenario-2023.jsonl"), "scenario-2023.jsonl");
  EXPECT_TRUE(events.ok()) << events.status();
  if (!plan.ok() || !tracker.ok() || !events.ok()) return out;
  EventLog log(*plan, cal);
  size_t next = 0;
  auto feed = [&](Date upto) {
    std::vector<Event> batch;
    while (next < events->size() && (*events)[next].date <= upto) {
      batch.push_back((*events)[next++]);
    }
    absl::StatusOr<size_t> n = log.AppendBatch(batch);
    EXPECT_TRUE(n.ok()) << n.status();
  };
  auto snapshot = [&](Date on) {
    if (on == D("2023-07-14")) {
      absl::StatusOr<StatusReport> s = tracker->Status(log, on);
      EXPECT_TRUE(s.ok()) << s.status();
      if (s.ok()) out.status = StatusReportJson(*plan, *s) + "\n";
    }
  };
  for (Date day = D("2023-03-06"); day <= D("2023-12-29"); day = day + 1) {
    feed(day);
    if (!cal.IsWorkingDay(day)->value) continue;
    absl::StatusOr<std::vector<DueAction>> due = tracker->Escalations(log, day);
    EXPECT_TRUE(due.ok()) << due.status();
    if (!due.ok()) break;
    if (!due->empty()) out.escalations += DueActionsJson(*plan, day, *due) + "\n";
    std::vector<Event> taken;
    for (const DueAction& a : *due) {
      const std::string subject =
          a.task ? plan->task(*a.task).id : plan->unit(*a.unit).id;
      out.fired.emplace_back(day.ToString(), a.rule, subject);
      out.actions.push_back(a);
      taken.push_back(ToEvent(*plan, a));
    }
    absl::StatusOr<size_t> n = log.AppendBatch(taken);
    EXPECT_TRUE(n.ok()) << n.status();
    snapshot(day);
  }
  feed(D("2023-12-31"));
  out.log = log.ToJsonl();
  absl::StatusOr<Ranking> q2 = tracker->Rank(
      log, "各县市区", *Period::Of(D("2023-04-01"), PeriodKind::kQuarter));
  absl::StatusOr<Ranking> q4 = tracker->Rank(
      log, "各县市区", *Period::Of(D("2023-10-01"), PeriodKind::kQuarter));
  EXPECT_TRUE(q2.ok() && q4.ok());
  if (q2.ok()) out.ranking_q2 = RankingJson(*plan, *q2) + "\n";
  if (q4.ok()) out.ranking_q4 = RankingJson(*plan, *q4) + "\n";
  absl::StatusOr<std::string> ledger = tracker->LedgerCsv(log, D("2023-12-29"));
  EXPECT_TRUE(ledger.ok());
  if (ledger.ok()) out.ledger = *ledger;
  absl::StatusOr<Lifecycle> life = tracker->LifecycleOf(log, *plan->FindTask("p5.2.1.2"));
  EXPECT_TRUE(life.ok());
  if (life.ok()) out.lifecycle = LifecycleJson(*plan, *life) + "\n";
  return out;
}

void Compare(const std::string& name, const std::string& actual) {
  const std::string path = kDir + "expected/" + name;
  if (std::getenv("DG_UPDATE_EXPECTED")) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(ReadFile(path), actual) << name << " differs; rerun with "
                                    << "DG_UPDATE_EXPECTED=1 and review the diff";
}

class ScenarioTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { replay_ = new Replay(RunScenario()); }
  static void TearDownTestSuite() { delete replay_; }
  static bool Fired(const std::string& date, const std::string& rule,
                    const std::string& subject) {
    for (const auto& f : replay_->fired) {
      if (f == std::make_tuple(date, rule, subject)) return true;
    }
    return false;
  }
  static int Count(const std::string& rule, const std::string& subject) {
    int n = 0;
    for (const auto& [d, r, s] : replay_->fired) n += r == rule && s == subject;
    return n;
  }
  static Replay* replay_;
};
Replay* ScenarioTest::replay_ = nullptr;

TEST_F(ScenarioTest, OutputsMatchTheCommittedFiles) {
  Compare("escalations-2023.jsonl", replay_->escalations);
  Compare("events-replayed-2023.jsonl", replay_->log);
  Compare("status-2023-07-14.json", replay_->status);
  Compare("ranking-2023Q2.json", replay_->ranking_q2);
  Compare("ranking-2023Q4.json", replay_->ranking_q4);
  Compare("ledger-2023-12-29.csv", replay_->ledger);
  Compare("lifecycle-p5.2.1.2.json", replay_->lifecycle);
}

TEST_F(ScenarioTest, ReRunningGivesIdenticalBytes) {
  const Replay again = RunScenario();
  EXPECT_EQ(again.escalations, replay_->escalations);
  EXPECT_EQ(again.log, replay_->log);
  EXPECT_EQ(again.status, replay_->status);
  EXPECT_EQ(again.ranking_q2, replay_->ranking_q2);
}

// The 约谈 of 5/二/（一）/2 goes to the head and the supervising leader of its
// lead unit 市安委办; the seed names neither post, so nobody can be
// addressed, and the action says so instead of carrying a silent empty
// audience.
TEST_F(ScenarioTest, AnAudienceOfNobodyIsExplained) {
  const DueAction* interview = nullptr;
  for (const DueAction& a : replay_->actions) {
    if (a.rule == "interview" && a.on == *Date::Parse("2023-07-14")) interview = &a;
  }
  ASSERT_NE(interview, nullptr);
  EXPECT_TRUE(interview->audience.empty());
  ASSERT_EQ(interview->unresolved.size(), 2u);
  EXPECT_EQ(interview->unresolved[0].role, AudienceKind::kLeadUnitHead);
  EXPECT_EQ(interview->unresolved[0].reason,
            "市安委办 has no head post in the plan on 2023-07-14");
  EXPECT_EQ(interview->unresolved[1].role, AudienceKind::kSupervisingLeader);
  EXPECT_EQ(interview->unresolved[1].reason,
            "市安委办 has no supervising leader post in the plan on 2023-07-14");
  EXPECT_TRUE(absl::EndsWith(
      interview->explanation,
      "calls for interview; 市安委办 has no head post in the plan on 2023-07-14; "
      "市安委办 has no supervising leader post in the plan on 2023-07-14; "
      "nobody to address"))
      << interview->explanation;
  // 市公安局 has a supervising leader (胡志文) but no head post: its red card
  // reaches him, and says who it could not reach.
  for (const DueAction& a : replay_->actions) {
    if (a.rule != "red_card") continue;
    EXPECT_FALSE(a.audience.empty());
    ASSERT_EQ(a.unresolved.size(), 1u);
    EXPECT_EQ(a.unresolved[0].reason,
              "市公安局 has no head post in the plan on 2023-07-14");
    EXPECT_THAT(a.explanation, ::testing::Not(::testing::HasSubstr("nobody")));
  }
  // Every action with a member-less audience part says why.
  for (const DueAction& a : replay_->actions) {
    if (a.audience.empty()) {
      EXPECT_FALSE(a.unresolved.empty()) << a.explanation;
    }
  }
}

// 挂牌管理: units carded yellow on safety work in 2022 are listed on the
// first working day evaluated in 2023, once.
TEST_F(ScenarioTest, LastYearsYellowCardsAreListed) {
  EXPECT_TRUE(Fired("2023-03-06", "yellow_card_carry_over", "leiyang"));
  EXPECT_TRUE(Fired("2023-03-06", "yellow_card_carry_over", "hengnan"));
  EXPECT_EQ(Count("yellow_card_carry_over", "leiyang"), 1);
}

// 通报/约谈/警示/曝光 for 强执法防事故, due 06-30: one rung per five working
// days overdue (07-07, 07-14, 07-21, 07-28), joint sanction at 25 (08-04)
// is never reached: the extension of 08-01 ends the run.
TEST_F(ScenarioTest, SafetyLadderClimbsUntilTheExtension) {
  EXPECT_TRUE(Fired("2023-07-07", "circular", "p5.2.1.2"));
  EXPECT_TRUE(Fired("2023-07-14", "interview", "p5.2.1.2"));
  EXPECT_TRUE(Fired("2023-07-21", "warning", "p5.2.1.2"));
  EXPECT_TRUE(Fired("2023-07-28", "exposure", "p5.2.1.2"));
  EXPECT_EQ(Count("joint_sanction", "p5.2.1.2"), 0);
  EXPECT_EQ(Count("circular", "p5.2.1.2"), 1);
}

// 红黄牌分级警告: 反诈 task due 05-31; yellow at 10 working days overdue
// (06-14), a second yellow 20 working days later (07-13). Actions recorded on
// a day count from the next evaluation: two yellows in 90 days give 市公安局
// a red card on 07-14, and the red card calls for 专项述职 on 07-17 (the next
// working day).
TEST_F(ScenarioTest, TwoYellowsMakeARedAndARedMakesASpecialReport) {
  EXPECT_TRUE(Fired("2023-06-14", "yellow_card", "p4.2.7.2"));
  EXPECT_TRUE(Fired("2023-07-13", "yellow_card", "p4.2.7.2"));
  EXPECT_TRUE(Fired("2023-07-14", "red_card", "gaj"));
  EXPECT_TRUE(Fired("2023-07-17", "special_report", "gaj"));
  EXPECT_EQ(Count("red_card", "gaj"), 1);
  EXPECT_EQ(Count("special_report", "gaj"), 1);
  EXPECT_EQ(Count("assessment_accountability", "gaj"), 0);
}

// 每周一统计: three weekly statistics missed (due 06-05, 06-12, 06-19):
// circular on 06-20.
TEST_F(ScenarioTest, MissedStatisticsAreCirculated) {
  EXPECT_TRUE(Fired("2023-06-20", "missed_statistics", "p5.2.1.2"));
  EXPECT_EQ(Count("missed_statistics", "p5.2.1.2"), 1);
}

// 事故 → 问责, once per incident.
TEST_F(ScenarioTest, IncidentCallsForAccountability) {
  EXPECT_TRUE(Fired("2023-08-15", "incident_accountability", "p5.2.1.3"));
  EXPECT_EQ(Count("incident_accountability", "p5.2.1.3"), 1);
}

// 跟踪督办制: 1 working day after 04-28 is 05-04 (04-29..05-03 off), then
// every 5 working days (05-06, a Saturday, is worked): 05-10, 05-17, until
// completion on 05-19. 定期通报制 at 10 working days overdue: 05-16.
TEST_F(ScenarioTest, FollowUpRemindersUntilDone) {
  EXPECT_TRUE(Fired("2023-05-04", "follow_up", "p3.2.1.5"));
  EXPECT_TRUE(Fired("2023-05-10", "follow_up", "p3.2.1.5"));
  EXPECT_TRUE(Fired("2023-05-17", "follow_up", "p3.2.1.5"));
  EXPECT_EQ(Count("follow_up", "p3.2.1.5"), 3);
  EXPECT_TRUE(Fired("2023-05-16", "periodic_circular", "p3.2.1.5"));
}

// 每季一排名 of 各县市区: 耒阳市 last in Q2 (60% coverage and a yellow card).
TEST_F(ScenarioTest, QuarterlyRankingOfTheCounties) {
  EXPECT_THAT(replay_->ranking_q2, ::testing::HasSubstr(
      R"({"rank":12,"unit":{"id":"leiyang","name":"耒阳市"},"score":71.0)"));
  // 蒸湘区 and 祁东县 tie at 91: both sixth, then eighth.
  EXPECT_THAT(replay_->ranking_q2, ::testing::HasSubstr(R"({"rank":6,"unit":{"id":"zhengxiang")"));
  EXPECT_THAT(replay_->ranking_q2, ::testing::HasSubstr(R"({"rank":6,"unit":{"id":"qidong")"));
  EXPECT_THAT(replay_->ranking_q2, ::testing::HasSubstr(R"({"rank":8,"unit":{"id":"hengshan")"));
}

}  // namespace
}  // namespace dutygraph
