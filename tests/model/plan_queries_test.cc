#include <thread>
// Accountability as of a date on the small plan: hand-worked answers.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "dutygraph/plan.h"
#include "model/small_plan.h"

namespace dutygraph {
namespace {

using ::dutygraph::testing::Day;
using ::dutygraph::testing::SmallPlan;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class PlanQueriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Plan> built = Plan::Build(SmallPlan());
    ASSERT_TRUE(built.ok()) << built.status();
    plan_ = std::make_unique<Plan>(*std::move(built));
  }
  TaskIndex Task(std::string_view key) { return *plan_->FindTask(key); }
  std::string UnitName(UnitIndex u) { return plan_->unit(u).name; }
  std::string Holder(const std::optional<PostHolder>& h) {
    if (!h) return "(no post)";
    return h->person ? plan_->person(*h->person).name : "(vacant)";
  }
  // "role:unit" for each accountable unit.
  std::vector<std::string> Roles(const Accountability& a) {
    std::vector<std::string> out;
    for (const AccountableUnit& u : a.units) {
      out.push_back(std::string(RoleName(u.role)) + ":" + UnitName(u.unit));
    }
    return out;
  }
  std::unique_ptr<Plan> plan_;
};

TEST_F(PlanQueriesTest, LookupsByIdNameAliasAndPath) {
  EXPECT_EQ(plan_->FindUnit("fgw")->value, 2u);
  EXPECT_EQ(plan_->FindUnit("市发改委")->value, 2u);
  EXPECT_EQ(plan_->FindUnit("市发展改革委")->value, 2u);
  EXPECT_EQ(plan_->FindUnit("衡阳市发展和改革委员会")->value, 2u);
  absl::StatusOr<UnitIndex> typo = plan_->FindUnit("市发该委");
  EXPECT_EQ(typo.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(typo.status().message(), HasSubstr("did you mean '市发改委'?"));
  EXPECT_EQ(plan_->FindTask("4/二/（一）/3")->value, 3u);
  EXPECT_EQ(plan_->FindTask("t_warning")->value, 3u);
  EXPECT_EQ(plan_->FindGroup("防范化解政府债务风险专班")->value, 1u);
  EXPECT_EQ(plan_->FindUnitSet("各城区")->value, 0u);
  EXPECT_EQ(plan_->FindPerson("于新凡")->value, 0u);
  EXPECT_EQ(plan_->FindPost("市发改委主任")->value, 2u);
}

TEST_F(PlanQueriesTest, OldNamesResolveToSuccessorsAsOfADate) {
  EXPECT_EQ(UnitName(*plan_->FindUnit("市银保监分局", Day("2023-06-01"))),
            "衡阳银保监分局");
  EXPECT_EQ(UnitName(*plan_->FindUnit("市银保监分局", Day("2023-11-10"))),
            "衡阳金融监管分局");
}

TEST_F(PlanQueriesTest, AccountabilityOfATaskInheritsTheSectionLead) {
  Accountability who;
  ASSERT_TRUE(plan_->AccountabilityOf(Task("4/二/（一）/1"), Day("2023-05-01"), &who).ok());
  EXPECT_THAT(Roles(who), ElementsAre("lead:市财政局", "responsible:市财政局",
                                      "responsible:市发改委"));
  EXPECT_EQ(plan_->task(who.units[0].from_node).id, "s_debt");
  EXPECT_EQ(Holder(who.units[0].head), "雷高飞");
  EXPECT_EQ(Holder(who.units[0].supervising), "于新凡");
  EXPECT_EQ(plan_->group(*who.group).name, "防范化解政府债务风险专班");
  ASSERT_EQ(who.conveners.size(), 1u);
  EXPECT_EQ(Holder(who.conveners[0]), "于新凡");
  ASSERT_EQ(who.deputy_conveners.size(), 2u);
  EXPECT_EQ(Holder(who.deputy_conveners[0]), "郭建中");
  EXPECT_EQ(UnitName(*who.office_host), "市财政局");
  EXPECT_EQ(Holder(who.office_director), "雷高飞");
  ASSERT_EQ(who.chief_dispatchers.size(), 1u);
  EXPECT_EQ(Holder(who.chief_dispatchers[0]), "于新凡");
}

TEST_F(PlanQueriesTest, PostsCarryDutyAcrossAChangeOfHolder) {
  // 岗位人员自然递补: the plan does not change; the holder does.
  Accountability before, after;
  ASSERT_TRUE(plan_->AccountabilityOf(Task("t_hidden_debt"), Day("2023-06-30"), &before).ok());
  ASSERT_TRUE(plan_->AccountabilityOf(Task("t_hidden_debt"), Day("2023-07-01"), &after).ok());
  EXPECT_EQ(Holder(before.units[0].head), "雷高飞");
  EXPECT_EQ(Holder(after.units[0].head), "继任局长");
  EXPECT_EQ(Holder(after.office_director), "继任局长");
  // Before the first tenure the post is vacant, and says so.
  Accountability early;
  ASSERT_TRUE(plan_->AccountabilityOf(Task("t_hidden_debt"), Day("2023-01-01"), &early).ok());
  EXPECT_EQ(Holder(early.units[0].head), "(vacant)");
}

TEST_F(PlanQueriesTest, SetsExpandAndRenamedUnitsPassTheirDuties) {
  Accountability who;
  ASSERT_TRUE(plan_->AccountabilityOf(Task("t_warning"), Day("2023-05-01"), &who).ok());
  EXPECT_THAT(Roles(who),
              ElementsAre("lead:市财政局", "support:珠晖区", "support:雁峰区",
                          "responsible:市财政局", "responsible:市金融办",
                          "responsible:衡阳银保监分局"));
  EXPECT_EQ(who.units[1].via, AssignedVia::kUnitSet);
  EXPECT_EQ(Holder(who.units[4].head), "(vacant)");  // 市金融办主任
  ASSERT_TRUE(plan_->AccountabilityOf(Task("t_warning"), Day("2023-12-01"), &who).ok());
  EXPECT_EQ(UnitName(who.units[5].unit), "衡阳金融监管分局");
  EXPECT_EQ(who.units[5].via, AssignedVia::kSuccessor);
  EXPECT_EQ(plan_->unit(UnitIndex{who.units[5].via_index}).id, "yjfj");
}

TEST_F(PlanQueriesTest, TasksOfAUnitByRoleAndThroughSuccession) {
  std::vector<UnitTask> tasks;
  ASSERT_TRUE(plan_->TasksOfUnit(*plan_->FindUnit("市财政局"), Day("2023-05-01"), {}, &tasks).ok());
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(plan_->task(tasks[0].task).id, "s_debt");
  EXPECT_EQ(tasks[0].role, Role::kLead);
  ASSERT_TRUE(plan_->TasksOfUnit(*plan_->FindUnit("市财政局"), Day("2023-05-01"),
                                 {Role::kLead}, &tasks).ok());
  EXPECT_EQ(tasks.size(), 1u);
  ASSERT_TRUE(plan_->TasksOfUnit(*plan_->FindUnit("珠晖区"), Day("2023-05-01"), {}, &tasks).ok());
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].via, AssignedVia::kUnitSet);
  // The successor carries the renamed unit's task from the change on.
  ASSERT_TRUE(plan_->TasksOfUnit(*plan_->FindUnit("jrjg"), Day("2023-11-09"), {}, &tasks).ok());
  EXPECT_TRUE(tasks.empty());
  ASSERT_TRUE(plan_->TasksOfUnit(*plan_->FindUnit("jrjg"), Day("2023-11-10"), {}, &tasks).ok());
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].via, AssignedVia::kSuccessor);
}

TEST_F(PlanQueriesTest, TasksOfAPersonThroughTheirPosts) {
  std::vector<PersonTask> tasks;
  const PersonIndex lei = *plan_->FindPerson("雷高飞");
  ASSERT_TRUE(plan_->TasksOfPerson(lei, Day("2023-05-01"), Day("2023-05-01"), &tasks).ok());
  // Head of 市财政局 (3 nodes), deputy convener and office director of the
  // debt group (the section and its 3 tasks each).
  int head = 0, deputy = 0, office = 0;
  for (const PersonTask& t : tasks) {
    head += t.capacity == Capacity::kUnitHead;
    deputy += t.capacity == Capacity::kDeputyConvener;
    office += t.capacity == Capacity::kOfficeDirector;
  }
  EXPECT_EQ(head, 3);
  EXPECT_EQ(deputy, 4);
  EXPECT_EQ(office, 0);  // deputy convener is found first for the same post
  ASSERT_TRUE(plan_->TasksOfPerson(lei, Day("2023-08-01"), Day("2023-09-01"), &tasks).ok());
  EXPECT_TRUE(tasks.empty());  // no longer holds the post
  const PersonIndex yu = *plan_->FindPerson("于新凡");
  ASSERT_TRUE(plan_->TasksOfPerson(yu, Day("2023-05-01"), Day("2023-05-01"), &tasks).ok());
  int chief = 0;
  for (const PersonTask& t : tasks) chief += t.capacity == Capacity::kChiefDispatcher;
  EXPECT_EQ(chief, 4);
  EXPECT_EQ(plan_->TasksOfPerson(yu, Day("2023-05-02"), Day("2023-05-01"), &tasks).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(PlanQueriesTest, WorkloadRaciAndLints) {
  std::vector<Workload> load = plan_->Workloads(Day("2023-05-01"));
  ASSERT_FALSE(load.empty());
  EXPECT_EQ(UnitName(load[0].unit), "市财政局");
  EXPECT_EQ(load[0].by_role[static_cast<int>(Role::kLead)], 1);
  EXPECT_EQ(load[0].by_role[static_cast<int>(Role::kResponsible)], 2);
  EXPECT_EQ(load[0].total, 3);

  const std::string raci = plan_->RaciCsv(Day("2023-05-01"));
  EXPECT_THAT(raci, HasSubstr("id,path,title,市财政局,市发改委,市金融办,衡阳银保监分局,珠晖区,雁峰区\n"));
  EXPECT_THAT(raci, HasSubstr("s_debt,4/二/（一）,防范化解政府债务风险,L,,,,,\n"));
  EXPECT_THAT(raci, HasSubstr("t_warning,4/二/（一）/3,健全债务风险预警机制,R,,R,R,S,S\n"));

  std::vector<Lint> lints = plan_->Lints(Day("2023-05-01"));
  std::vector<std::string> codes;
  for (const Lint& l : lints) codes.push_back(l.code + " " + l.pointer);
  EXPECT_THAT(codes, ::testing::UnorderedElementsAre(
                         "vague_set /tasks/4/assignments/0",
                         "vacant_post /posts/3"));
}

TEST_F(PlanQueriesTest, LintsFindLeadlessTasksAndSharedNames) {
  PlanData d = SmallPlan();
  d.tasks[1].assignments.clear();  // the section no longer leads
  d.groups[1].supervises.clear();   // and no group answers for it
  d.tasks[2].assignments.push_back(
      dutygraph::testing::Assign(Role::kSupport, "czj"));
  d.units[3].aliases.push_back("市发改委");  // shared with fgw
  absl::StatusOr<Plan> plan = Plan::Build(d);
  ASSERT_TRUE(plan.ok()) << plan.status();
  std::vector<std::string> codes;
  for (const Lint& l : plan->Lints(Day("2023-05-01"))) {
    codes.push_back(l.severity + " " + l.code + " " + l.pointer);
  }
  EXPECT_THAT(codes, ::testing::IsSupersetOf(
                         {"error ambiguous_name /units/3",
                          "error task_without_lead /tasks/4",
                          "warning no_single_lead /tasks/2",
                          "warning no_single_lead /tasks/3"}));
  EXPECT_EQ(plan->FindUnit("市发改委").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(PlanQueriesTest, ALeadlessTaskUnderAGroupIsOnlyAWarning) {
  PlanData d = SmallPlan();
  d.tasks[1].assignments.clear();
  absl::StatusOr<Plan> plan = Plan::Build(d);
  ASSERT_TRUE(plan.ok()) << plan.status();
  bool found = false;
  for (const Lint& l : plan->Lints(Day("2023-05-01"))) {
    if (l.code != "task_without_lead") continue;
    found = true;
    EXPECT_EQ(l.severity, "warning");
    EXPECT_EQ(l.pointer, "/tasks/4");
    EXPECT_THAT(l.message, HasSubstr("only its group '防范化解政府债务风险专班'"));
  }
  EXPECT_TRUE(found);
}

TEST_F(PlanQueriesTest, ConcurrentReadersAgree) {
  std::vector<std::thread> threads;
  std::vector<size_t> sizes(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this, t, &sizes] {
      const Plan copy = *plan_;  // cheap shared copy
      Accountability who;
      size_t total = 0;
      for (int i = 0; i < 2000; ++i) {
        for (uint32_t task = 0; task < copy.data().tasks.size(); ++task) {
          if (copy.AccountabilityOf(TaskIndex{task}, Day("2023-12-01"), &who).ok()) {
            total += who.units.size();
          }
        }
      }
      sizes[t] = total;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_THAT(sizes, ElementsAre(sizes[0], sizes[0], sizes[0], sizes[0]));
}

}  // namespace
}  // namespace dutygraph
