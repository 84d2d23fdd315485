// Plan::Build: every cross-record rule, reported all at once with pointers.
#include "dutygraph/plan.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "model/small_plan.h"

namespace dutygraph {
namespace {

using ::dutygraph::testing::Day;
using ::dutygraph::testing::SmallPlan;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

auto Diagnostic(std::string pointer, std::string fragment) {
  return AllOf(Field(&PlanDiagnostic::pointer, pointer),
               Field(&PlanDiagnostic::message, HasSubstr(fragment)));
}

std::vector<PlanDiagnostic> Problems(PlanData d) {
  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<Plan> plan = Plan::Build(std::move(d), &diagnostics);
  EXPECT_FALSE(plan.ok());
  if (!plan.ok()) {
    EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  }
  return diagnostics;
}

TEST(PlanBuildTest, TheSmallPlanIsValid) {
  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<Plan> plan = Plan::Build(SmallPlan(), &diagnostics);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_THAT(diagnostics, IsEmpty());
  EXPECT_EQ(plan->data().units.size(), 8u);
}

TEST(PlanBuildTest, UnknownReferencesSuggestTheClosestId) {
  PlanData d = SmallPlan();
  d.tasks[2].assignments[1].unit = "fgv";
  d.units[1].head_post = "czj.directr";
  d.groups[1].supervises = {"s_dept"};
  EXPECT_THAT(Problems(d),
              ::testing::UnorderedElementsAre(
                  Diagnostic("/tasks/2/assignments/1/unit",
                             "unknown unit 'fgv'; did you mean 'fgw'?"),
                  Diagnostic("/units/1/head_post",
                             "unknown post 'czj.directr'; did you mean "
                             "'czj.director'?"),
                  Diagnostic("/groups/1/supervises/0",
                             "unknown task 's_dept'; did you mean 's_debt'?")));
}

TEST(PlanBuildTest, DuplicateIdsAndPaths) {
  PlanData d = SmallPlan();
  d.units[2].id = "czj";
  d.tasks[4].path = "4/二/（一）/1";
  const auto problems = Problems(d);
  EXPECT_THAT(problems, Contains(Diagnostic("/units/2/id",
                                            "duplicate id 'czj' (first at /units/1)")));
  EXPECT_THAT(problems, Contains(Diagnostic("/tasks/4/path", "duplicate path")));
}

TEST(PlanBuildTest, AssignmentShapeAndNames) {
  PlanData d = SmallPlan();
  d.tasks[2].assignments[0].post = "czj.director";  // two targets
  d.tasks[2].assignments[1].as_written = "市财政局";  // names another unit
  d.tasks[2].assignments[1].clause = 3;
  const auto problems = Problems(d);
  EXPECT_THAT(problems, Contains(Diagnostic("/tasks/2/assignments/0",
                                            "names exactly one of")));
  EXPECT_THAT(problems,
              Contains(Diagnostic("/tasks/2/assignments/1/as_written",
                                  "'市财政局' is not a name or alias")));
  EXPECT_THAT(problems, Contains(Diagnostic("/tasks/2/assignments/1/clause",
                                            "clause 3 does not exist")));
}

TEST(PlanBuildTest, TreeRules) {
  PlanData d = SmallPlan();
  d.tasks[0].parent = "s_debt";      // a part with a parent
  d.tasks[1].parent = "t_warning";   // a parent that comes later
  d.tasks[4].kind = "taks";
  const auto problems = Problems(d);
  EXPECT_THAT(problems, Contains(Diagnostic("/tasks/0/parent", "a part has no parent")));
  EXPECT_THAT(problems, Contains(Diagnostic("/tasks/1/parent",
                                            "must come earlier")));
  EXPECT_THAT(problems, Contains(Diagnostic("/tasks/4/kind",
                                            "expected one of part, section, task; got 'taks'")));
}

TEST(PlanBuildTest, OverlappingTenures) {
  PlanData d = SmallPlan();
  d.tenures[1].to = Day("2023-07-15");  // overlaps the successor's start
  EXPECT_THAT(Problems(d),
              Contains(Diagnostic("/tenures/2", "post 'czj.director' is already "
                                                "held on 2023-07-01")));
  PlanData backwards = SmallPlan();
  backwards.tenures[1].to = Day("2023-01-01");
  EXPECT_THAT(Problems(backwards),
              Contains(Diagnostic("/tenures/1/to", "ends (2023-01-01) before")));
}

TEST(PlanBuildTest, DependencyCycleNamesTheTasks) {
  PlanData d = SmallPlan();
  d.dependencies.push_back({"t_warning", "t_vague", "finish_to_start", 0});
  d.dependencies.push_back({"t_vague", "t_hidden_debt", "finish_to_start", 2});
  // The pointer names the dependency that closes the cycle (t_vague ->
  // t_hidden_debt), not just the array (hostile catalogue: self_dependency).
  EXPECT_THAT(Problems(d),
              Contains(Diagnostic("/dependencies/2",
                                  "t_hidden_debt -> t_warning -> t_vague -> "
                                  "t_hidden_debt")));
}

TEST(PlanBuildTest, GroupAndPostCycles) {
  PlanData d = SmallPlan();
  d.groups[0].parent = "g_debt";
  d.posts[0].superior = "czj.director";
  const auto problems = Problems(d);
  EXPECT_THAT(problems, Contains(Diagnostic("/groups/0", "group parents form a cycle")));
  EXPECT_THAT(problems, Contains(Diagnostic("/posts/0", "post superiors form a cycle")));
}

TEST(PlanBuildTest, UnitChangeRules) {
  PlanData d = SmallPlan();
  d.unit_changes.push_back({"abolished", Day("2024-01-01"), {"yjfj"}, {}, ""});
  d.unit_changes.push_back({"merged", Day("2024-01-01"), {"jrb"}, {"czj"}, ""});
  d.unit_changes.push_back({"renamd", Day("2024-01-01"), {"fgw"}, {"fgw"}, ""});
  const auto problems = Problems(d);
  EXPECT_THAT(problems, Contains(Diagnostic("/unit_changes/1/from/0",
                                            "unit 'yjfj' has already gone on 2023-11-10")));
  EXPECT_THAT(problems, Contains(Diagnostic("/unit_changes/2/from",
                                            "needs two or more units")));
  EXPECT_THAT(problems, Contains(Diagnostic("/unit_changes/3/kind", "got 'renamd'")));
  EXPECT_THAT(problems, Contains(Diagnostic("/unit_changes/3/to", "cannot succeed itself")));
}

TEST(PlanBuildTest, AllProblemsInOneMessage) {
  PlanData d = SmallPlan();
  d.tasks[2].assignments[1].unit = "nope";
  d.tenures[0].person = "nobody";
  d.plan.title.clear();
  absl::StatusOr<Plan> plan = Plan::Build(d);
  ASSERT_FALSE(plan.ok());
  EXPECT_THAT(plan.status().message(), HasSubstr("plan has 3 errors:"));
  EXPECT_THAT(plan.status().message(), HasSubstr("/tasks/2/assignments/1/unit: unknown unit 'nope'"));
  EXPECT_THAT(plan.status().message(), HasSubstr("/tenures/0/person: unknown person 'nobody'"));
  EXPECT_THAT(plan.status().message(), HasSubstr("/plan/title: plan title is empty"));
}

TEST(PlanBuildTest, DeadlinesAndTargets) {
  PlanData d = SmallPlan();
  d.tasks[2].deadlines.push_back({"relative", "14个工作日内", {}, {}, 0, "交办", 0, ""});
  d.tasks[2].deadlines.push_back({"end_of_period", "四季度前", {}, {}, 0, "", 0, ""});
  TargetData between;
  between.text = "x";
  between.comparator = "between";
  between.value = 1;
  d.tasks[2].targets.push_back(between);
  const auto problems = Problems(d);
  EXPECT_THAT(problems, Contains(Diagnostic("/tasks/2/deadlines/1/working_days", ">= 1")));
  EXPECT_THAT(problems, Contains(Diagnostic("/tasks/2/deadlines/2/date", "needs a date")));
  EXPECT_THAT(problems, Contains(Diagnostic("/tasks/2/deadlines/2/period", "needs a period")));
  EXPECT_THAT(problems, Contains(Diagnostic("/tasks/2/targets/0/value_max", "required with 'between'")));
}

}  // namespace
}  // namespace dutygraph
