// tests/model/plan_view_test.cc — scoped views leak nothing (plan_view.h).
//
// For every unit and post of the fixture and of the Hengyang plan, on two
// dates (before and after the 2023-11-10 rename), every query of PlanView is
// checked against the plan's own answers: a node is visible to a unit exactly
// when the plan's accountability for it names that unit; every hidden node
// fails every node query exactly like a node that does not exist; lists and
// texts hold visible nodes only and otherwise equal the plan's answers.

#include "dutygraph/plan_view.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dutygraph/plan.h"
#include "dutygraph/plan_answers_json.h"
#include "dutygraph/plan_json.h"
#include "gtest/gtest.h"

namespace dutygraph {
namespace {

Plan Load(const std::string& relative) {
  std::ifstream in(std::string(DG_SOURCE_DIR) + "/" + relative,
                   std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  absl::StatusOr<Plan> plan = LoadPlanJson(buffer.str());
  EXPECT_TRUE(plan.ok()) << plan.status();
  return *std::move(plan);
}

const std::vector<Date>& Days() {
  static const std::vector<Date> days = {*Date::Parse("2023-06-01"),
                                         *Date::Parse("2023-12-01")};
  return days;
}

// The checks every view must pass, whoever the viewer.
void CheckNoLeak(const Plan& plan, const PlanView& view) {
  const Date on = view.on();
  const PlanData& d = plan.data();
  std::set<std::string> hidden_ids;
  for (uint32_t t = 0; t < d.tasks.size(); ++t) {
    if (!view.Sees(TaskIndex{t})) hidden_ids.insert(d.tasks[t].id);
  }
  // Node queries: hidden = absent.
  Accountability got, want;
  for (uint32_t t = 0; t < d.tasks.size(); ++t) {
    const TaskIndex task{t};
    const TaskData& data = d.tasks[t];
    if (view.Sees(task)) {
      ASSERT_TRUE(view.AccountabilityOf(task, &got).ok());
      ASSERT_TRUE(plan.AccountabilityOf(task, on, &want).ok());
      EXPECT_EQ(AccountabilityJson(plan, got), AccountabilityJson(plan, want));
      EXPECT_EQ(*view.FindTask(data.id), task);
      EXPECT_TRUE(view.Task(task).ok());
      continue;
    }
    absl::Status s = view.AccountabilityOf(task, &got);
    EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(s.message(), "task index " + std::to_string(t) +
                               " is not in this view");
    EXPECT_TRUE(got.units.empty());
    EXPECT_EQ(view.Task(task).status().code(), absl::StatusCode::kNotFound);
    absl::StatusOr<TaskIndex> found = view.FindTask(data.id);
    ASSERT_EQ(found.status().code(), absl::StatusCode::kNotFound);
    // "unknown task 'x'", with at most a visible node suggested.
    const std::string message(found.status().message());
    EXPECT_EQ(message.rfind("unknown task '" + data.id + "'", 0), 0u)
        << message;
    for (const std::string& other : hidden_ids) {
      EXPECT_EQ(message.find("did you mean '" + other + "'"),
                std::string::npos)
          << message;
    }
  }
  // Past the end: the same words as hidden.
  EXPECT_EQ(view.AccountabilityOf(TaskIndex{900000}, &got).message(),
            "task index 900000 is not in this view");

  // Lists: the plan's answers restricted to visible nodes.
  std::vector<UnitTask> view_tasks, plan_tasks;
  for (uint32_t u = 0; u < d.units.size(); ++u) {
    absl::Status vs = view.TasksOfUnit(UnitIndex{u}, {}, &view_tasks);
    absl::Status ps = plan.TasksOfUnit(UnitIndex{u}, on, {}, &plan_tasks);
    ASSERT_EQ(vs.code(), ps.code());
    std::erase_if(plan_tasks,
                  [&](const UnitTask& t) { return !view.Sees(t.task); });
    ASSERT_EQ(view_tasks.size(), plan_tasks.size());
    for (size_t i = 0; i < view_tasks.size(); ++i) {
      EXPECT_EQ(view_tasks[i].task, plan_tasks[i].task);
      EXPECT_EQ(view_tasks[i].role, plan_tasks[i].role);
    }
  }
  std::vector<PersonTask> view_people, plan_people;
  for (uint32_t p = 0; p < d.people.size(); ++p) {
    ASSERT_TRUE(view.TasksOfPerson(PersonIndex{p}, on, on, &view_people).ok());
    ASSERT_TRUE(plan.TasksOfPerson(PersonIndex{p}, on, on, &plan_people).ok());
    std::erase_if(plan_people,
                  [&](const PersonTask& t) { return !view.Sees(t.task); });
    ASSERT_EQ(view_people.size(), plan_people.size());
  }
  // Workloads count visible nodes: recount from the filtered lists.
  for (const Workload& w : view.Workloads()) {
    ASSERT_TRUE(view.TasksOfUnit(w.unit, {}, &view_tasks).ok());
    std::set<uint32_t> distinct;
    for (const UnitTask& t : view_tasks) distinct.insert(t.task.value);
    EXPECT_EQ(w.total, static_cast<int32_t>(distinct.size()));
    EXPECT_GT(w.total, 0);
  }
  // RACI rows: visible ids only; every visible node with assignments of
  // its own has a row.
  const std::string csv = view.RaciCsv();
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);  // header
  size_t rows = 0;
  while (std::getline(lines, line)) {
    const std::string id = line.substr(0, line.find(','));
    EXPECT_EQ(hidden_ids.count(id), 0u) << id;
    ++rows;
  }
  size_t expected_rows = 0;
  const std::string full = plan.RaciCsv(on);
  std::istringstream full_lines(full);
  std::getline(full_lines, line);
  while (std::getline(full_lines, line)) {
    const std::string id = line.substr(0, line.find(','));
    expected_rows += hidden_ids.count(id) == 0;
  }
  EXPECT_EQ(rows, expected_rows);
  for (const Lint& lint : view.Lints()) {
    EXPECT_EQ(lint.pointer.rfind("/tasks/", 0), 0u) << lint.pointer;
  }
  const std::string json = PlanViewJson(view);
  for (const std::string& id : hidden_ids) {
    EXPECT_EQ(json.find("\"id\":\"" + id + "\""), std::string::npos) << id;
  }
}

class PlanViewLeakTest : public testing::TestWithParam<const char*> {};

TEST_P(PlanViewLeakTest, EveryUnitSeesExactlyItsTasks) {
  const Plan plan = Load(GetParam());
  const PlanData& d = plan.data();
  size_t views = 0, some_hidden = 0;
  for (const Date& on : Days()) {
    for (uint32_t u = 0; u < d.units.size(); ++u) {
      absl::StatusOr<PlanView> view = PlanView::ForUnit(plan, UnitIndex{u}, on);
      absl::StatusOr<UnitIndex> resolved = plan.ResolveUnit(UnitIndex{u}, on);
      ASSERT_EQ(view.status().code(), resolved.status().code());
      if (!view.ok()) continue;
      ++views;
      Accountability who;
      for (uint32_t t = 0; t < d.tasks.size(); ++t) {
        ASSERT_TRUE(plan.AccountabilityOf(TaskIndex{t}, on, &who).ok());
        const bool named = std::any_of(
            who.units.begin(), who.units.end(),
            [&](const AccountableUnit& a) { return a.unit == *resolved; });
        bool is_public = false;
        for (const TaskData* n = &d.tasks[t]; n != nullptr;) {
          is_public = is_public || n->is_public;
          auto parent = plan.FindTask(n->parent);
          n = n->parent.empty() || !parent.ok() ? nullptr : &plan.task(*parent);
        }
        EXPECT_EQ(view->Sees(TaskIndex{t}), named || is_public)
            << d.units[u].id << " task " << d.tasks[t].id << " on "
            << on.ToString();
      }
      some_hidden += view->tasks().size() < d.tasks.size();
      CheckNoLeak(plan, *view);
    }
  }
  EXPECT_GT(views, 0u);
  EXPECT_GT(some_hidden, 0u);  // the test would prove nothing otherwise
}

TEST_P(PlanViewLeakTest, EveryPostSeesAtLeastItsHoldersTasks) {
  const Plan plan = Load(GetParam());
  const PlanData& d = plan.data();
  for (const Date& on : Days()) {
    for (uint32_t p = 0; p < d.posts.size(); ++p) {
      absl::StatusOr<PlanView> view = PlanView::ForPost(plan, PostIndex{p}, on);
      ASSERT_TRUE(view.ok()) << view.status();
      // Whoever holds the post is tied to these nodes through it.
      if (std::optional<PersonIndex> holder = plan.HolderOf(PostIndex{p}, on)) {
        std::vector<PersonTask> ties;
        ASSERT_TRUE(plan.TasksOfPerson(*holder, on, on, &ties).ok());
        for (const PersonTask& t : ties) {
          if (t.post.value != p) continue;
          EXPECT_TRUE(view->Sees(t.task))
              << d.posts[p].id << " task " << d.tasks[t.task.value].id;
        }
      }
      CheckNoLeak(plan, *view);
    }
  }
  EXPECT_EQ(PlanView::ForPost(plan, PostIndex{100000}, Days()[0])
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Plans, PlanViewLeakTest,
                         testing::Values("tests/data/small_plan.json",
                                         "examples/hengyang-2023/plan.json"),
                         [](const auto& info) {
                           return std::string(info.param).find("small") !=
                                          std::string::npos
                                      ? std::string("SmallPlan")
                                      : std::string("Hengyang");
                         });

TEST(PlanViewTest, PublicNodesAndTheirSubtreeAreVisibleToAll) {
  // Mark the section public: it and its three tasks become visible to a
  // unit without any role there (雁峰区 has only a support role through
  // 各城区政府 on t_warning).
  std::ifstream in(std::string(DG_SOURCE_DIR) + "/tests/data/small_plan.json");
  std::stringstream buffer;
  buffer << in.rdbuf();
  absl::StatusOr<PlanData> data = ParsePlanJson(buffer.str());
  ASSERT_TRUE(data.ok());
  for (TaskData& t : data->tasks) t.is_public = t.id == "s_debt";
  absl::StatusOr<Plan> plan = Plan::Build(*std::move(data));
  ASSERT_TRUE(plan.ok());
  const Date on = Days()[0];
  absl::StatusOr<PlanView> view =
      PlanView::ForUnit(*plan, *plan->FindUnit("雁峰区"), on);
  ASSERT_TRUE(view.ok());
  std::vector<std::string> ids;
  for (const ViewedTask& t : view->tasks()) {
    ids.push_back(plan->task(t.task).id);
    EXPECT_TRUE(t.reasons & kViewPublic);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"s_debt", "t_hidden_debt",
                                           "t_warning", "t_vague"}));
  EXPECT_FALSE(view->Sees(*plan->FindTask("p4")));
  // The role reason is kept beside the public one.
  EXPECT_EQ(view->tasks()[2].reasons, kViewRole | kViewPublic);
}

TEST(PlanViewTest, HandWorkedFixtureViews) {
  const Plan plan = Load("tests/data/small_plan.json");
  const Date on = Days()[0];
  auto ids = [&](const PlanView& view) {
    std::vector<std::string> out;
    for (const ViewedTask& t : view.tasks()) out.push_back(plan.task(t.task).id);
    return out;
  };
  // 市财政局 leads the section: it sees it and every task in it, and the
  // debt group whose office it hosts.
  absl::StatusOr<PlanView> czj =
      PlanView::ForUnit(plan, *plan.FindUnit("czj"), on);
  ASSERT_TRUE(czj.ok());
  EXPECT_EQ(ids(*czj), (std::vector<std::string>{"s_debt", "t_hidden_debt",
                                                 "t_warning", "t_vague"}));
  ASSERT_EQ(czj->groups().size(), 1u);
  EXPECT_EQ(plan.group(czj->groups()[0]).id, "g_debt");
  // 市发改委: t_hidden_debt only.
  absl::StatusOr<PlanView> fgw =
      PlanView::ForUnit(plan, *plan.FindUnit("fgw"), on);
  EXPECT_EQ(ids(*fgw), (std::vector<std::string>{"t_hidden_debt"}));
  EXPECT_EQ(fgw->FindTask("t_hidden_debx").status().message(),
            "unknown task 't_hidden_debx'; did you mean 't_hidden_debt'?");
  EXPECT_EQ(fgw->FindTask("t_warnin").status().message(),
            "unknown task 't_warnin'");
  // 衡阳金融监管分局 sees nothing before the rename, t_warning after.
  EXPECT_TRUE(PlanView::ForUnit(plan, *plan.FindUnit("jrjg"), on)
                  ->tasks()
                  .empty());
  EXPECT_EQ(ids(*PlanView::ForUnit(plan, *plan.FindUnit("jrjg"), Days()[1])),
            (std::vector<std::string>{"t_warning"}));
  // The chief dispatcher's post (常务副市长 convenes the dispatch group):
  // everything the groups under it supervise.
  absl::StatusOr<PlanView> mayor =
      PlanView::ForPost(plan, *plan.FindPost("exec_vice_mayor"), on);
  ASSERT_TRUE(mayor.ok());
  EXPECT_EQ(ids(*mayor), (std::vector<std::string>{"s_debt", "t_hidden_debt",
                                                   "t_warning", "t_vague"}));
  EXPECT_EQ(mayor->viewer(), "post exec_vice_mayor (市委常委、市政府常务副市长)");
}

}  // namespace
}  // namespace dutygraph
