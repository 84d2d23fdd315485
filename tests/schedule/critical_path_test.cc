// Tests of the critical path method (dutygraph/critical_path.h): small
// networks worked by hand, dates across the 2023 National Day holiday (facts
// from the State Council notice: 09-29..10-06 off, 10-07 and 10-08 make-up
// working days), errors, and properties on random DAGs checked against an
// independent longest-path computation.
#include "dutygraph/critical_path.h"

#include <algorithm>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "dutygraph/calendar.h"
#include "dutygraph/plan.h"
#include "gmock/gmock.h"
#include "graph/dag.h"
#include "gtest/gtest.h"

namespace dutygraph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Date D(std::string_view iso) {
  absl::StatusOr<Date> d = Date::Parse(iso);
  EXPECT_TRUE(d.ok()) << d.status();
  return d.ok() ? *d : Date();
}

DependencyData Dep(std::string from, std::string to, int lag = 0) {
  DependencyData d;
  d.from = std::move(from);
  d.to = std::move(to);
  d.lag_working_days = lag;
  return d;
}

DependencyNetwork Network(std::vector<std::string> ids,
                          const std::vector<DependencyData>& deps) {
  absl::StatusOr<DependencyNetwork> n =
      DependencyNetwork::FromDependencies(std::move(ids), deps);
  EXPECT_TRUE(n.ok()) << n.status();
  return *std::move(n);
}

CriticalPathAnswer Solve(const DependencyNetwork& network,
                         std::vector<int32_t> durations, Date start,
                         CriticalPathOptions options = {}) {
  CriticalPathAnswer answer;
  absl::Status s = network.Compute(durations, Calendar::ChinaMainland(), start,
                                   options, &answer);
  EXPECT_TRUE(s.ok()) << s;
  return answer;
}

std::vector<TaskIndex> Tasks(std::initializer_list<uint32_t> values) {
  std::vector<TaskIndex> out;
  for (uint32_t v : values) out.push_back(TaskIndex{v});
  return out;
}

// ES, EF, LS, LF, float of one task.
std::vector<int32_t> Times(const CriticalPathAnswer& a, uint32_t task) {
  const TaskSchedule& s = a.tasks[task];
  return {s.earliest_start, s.earliest_finish, s.latest_start, s.latest_finish,
          s.total_float};
}

// The header's example, through a Plan: a part p (index 0) and the diamond
// a -> {b, c} -> d with a lag of 1 on b -> d.
TEST(CriticalPathTest, DiamondFromPlanMatchesTheHeaderExample) {
  PlanData data;
  data.plan.id = "diamond";
  data.plan.title = "菱形依赖";
  data.plan.year = 2023;
  TaskData part;
  part.id = "p";
  part.kind = "part";
  part.path = "1";
  part.title = "第一部分";
  data.tasks.push_back(part);
  for (const char* id : {"a", "b", "c", "d"}) {
    TaskData t;
    t.id = id;
    t.parent = "p";
    t.path = std::string("1/") + id;
    t.title = std::string("任务") + id;
    data.tasks.push_back(t);
  }
  data.dependencies = {Dep("a", "b"), Dep("a", "c"), Dep("b", "d", 1),
                       Dep("c", "d")};
  absl::StatusOr<Plan> plan = Plan::Build(data);
  ASSERT_TRUE(plan.ok()) << plan.status();
  absl::StatusOr<DependencyNetwork> network = DependencyNetwork::FromPlan(*plan);
  ASSERT_TRUE(network.ok()) << network.status();
  EXPECT_EQ(network->task_count(), 5u);
  EXPECT_EQ(network->dependency_count(), 4u);
  EXPECT_EQ(network->task_id(TaskIndex{3}), "c");

  const CriticalPathAnswer cp = Solve(*network, {0, 2, 3, 1, 1},
                                      D("2023-06-05"));
  EXPECT_EQ(cp.project_duration, 7);
  EXPECT_EQ(cp.project_float, 0);
  EXPECT_THAT(Times(cp, 1), ElementsAre(0, 2, 0, 2, 0));  // a
  EXPECT_THAT(Times(cp, 2), ElementsAre(2, 5, 2, 5, 0));  // b
  EXPECT_THAT(Times(cp, 3), ElementsAre(2, 3, 5, 6, 3));  // c
  EXPECT_THAT(Times(cp, 4), ElementsAre(6, 7, 6, 7, 0));  // d
  EXPECT_THAT(Times(cp, 0), ElementsAre(0, 0, 7, 7, 7));  // the part
  EXPECT_THAT(cp.critical_tasks, ElementsAre(TaskIndex{1}, TaskIndex{2},
                                             TaskIndex{4}));
  EXPECT_THAT(cp.critical_paths, ElementsAre(Tasks({1, 2, 4})));
  EXPECT_FALSE(cp.critical_paths_truncated);
  // 06-05..06-09 is Monday..Friday; 06-12 and 06-13 the next Monday, Tuesday.
  EXPECT_EQ(cp.project_start_date, D("2023-06-05"));
  EXPECT_EQ(cp.project_finish_date, D("2023-06-13"));
  EXPECT_EQ(cp.tasks[4].earliest_start_date, D("2023-06-13"));
  EXPECT_EQ(cp.tasks[3].earliest_start_date, D("2023-06-07"));
  EXPECT_EQ(cp.tasks[3].earliest_finish_date, D("2023-06-07"));
  EXPECT_EQ(cp.tasks[3].latest_start_date, D("2023-06-12"));
  EXPECT_EQ(cp.tasks[3].latest_finish_date, D("2023-06-12"));

  absl::StatusOr<CriticalPathAnswer> once = ComputeCriticalPath(
      *plan, std::vector<int32_t>{0, 2, 3, 1, 1}, Calendar::ChinaMainland(),
      D("2023-06-05"));
  ASSERT_TRUE(once.ok()) << once.status();
  EXPECT_EQ(once->project_duration, 7);
  EXPECT_THAT(once->critical_paths, ElementsAre(Tasks({1, 2, 4})));
}

TEST(CriticalPathTest, ChainWithLagSkipsTheWeekend) {
  // a (2 days) then, 3 working days later, b (1 day).
  const DependencyNetwork n = Network({"a", "b"}, {Dep("a", "b", 3)});
  const CriticalPathAnswer cp = Solve(n, {2, 1}, D("2023-06-05"));
  EXPECT_THAT(Times(cp, 0), ElementsAre(0, 2, 0, 2, 0));
  EXPECT_THAT(Times(cp, 1), ElementsAre(5, 6, 5, 6, 0));
  EXPECT_EQ(cp.tasks[0].earliest_finish_date, D("2023-06-06"));
  // 06-07, 06-08, 06-09 are the lag; 06-10/11 the weekend.
  EXPECT_EQ(cp.tasks[1].earliest_start_date, D("2023-06-12"));
  EXPECT_EQ(cp.project_finish_date, D("2023-06-12"));
  EXPECT_THAT(cp.critical_paths, ElementsAre(Tasks({0, 1})));
}

TEST(CriticalPathTest, ParallelBranchesOnlyTheLongerIsCritical) {
  // s -> x1 -> x2 -> e (long) and s -> y -> e (short).
  const DependencyNetwork n =
      Network({"s", "x1", "x2", "y", "e"},
              {Dep("s", "x1"), Dep("x1", "x2"), Dep("x2", "e"), Dep("s", "y"),
               Dep("y", "e")});
  const CriticalPathAnswer cp = Solve(n, {1, 2, 3, 2, 1}, D("2023-06-05"));
  EXPECT_EQ(cp.project_duration, 7);
  EXPECT_THAT(Times(cp, 3), ElementsAre(1, 3, 4, 6, 3));
  EXPECT_THAT(Times(cp, 4), ElementsAre(6, 7, 6, 7, 0));
  EXPECT_THAT(cp.critical_paths, ElementsAre(Tasks({0, 1, 2, 4})));
}

TEST(CriticalPathTest, TwoCriticalPathsAreBothListed) {
  const DependencyNetwork n =
      Network({"a", "b", "c", "d"},
              {Dep("a", "b"), Dep("a", "c", 1), Dep("b", "d", 1),
               Dep("c", "d")});
  // a 1; b 2 then lag 1; lag 1 then c 2: both branches take 3.
  const CriticalPathAnswer cp = Solve(n, {1, 2, 2, 1}, D("2023-06-05"));
  EXPECT_EQ(cp.project_duration, 5);
  EXPECT_THAT(cp.critical_tasks, ElementsAre(TaskIndex{0}, TaskIndex{2},
                                             TaskIndex{1}, TaskIndex{3}));
  EXPECT_THAT(cp.critical_paths,
              ::testing::UnorderedElementsAre(Tasks({0, 1, 3}),
                                              Tasks({0, 2, 3})));
  EXPECT_FALSE(cp.critical_paths_truncated);

  CriticalPathOptions one;
  one.max_critical_paths = 1;
  const CriticalPathAnswer first = Solve(n, {1, 2, 2, 1}, D("2023-06-05"), one);
  EXPECT_EQ(first.critical_paths.size(), 1u);
  EXPECT_TRUE(first.critical_paths_truncated);
  CriticalPathOptions none;
  none.max_critical_paths = 0;
  const CriticalPathAnswer no_paths =
      Solve(n, {1, 2, 2, 1}, D("2023-06-05"), none);
  EXPECT_THAT(no_paths.critical_paths, IsEmpty());
  EXPECT_EQ(no_paths.critical_tasks.size(), 4u);
}

TEST(CriticalPathTest, IsolatedTasksAndMilestones) {
  // a -> b (1 + 1); x alone (2 days) sets the project's length; y alone is a
  // milestone; m is a milestone after b.
  const DependencyNetwork n = Network({"a", "b", "x", "y", "m"},
                                      {Dep("a", "b"), Dep("b", "m")});
  const CriticalPathAnswer cp = Solve(n, {1, 1, 2}, D("2023-06-05"));
  EXPECT_EQ(cp.project_duration, 2);
  EXPECT_THAT(Times(cp, 2), ElementsAre(0, 2, 0, 2, 0));
  EXPECT_THAT(Times(cp, 3), ElementsAre(0, 0, 2, 2, 2));
  EXPECT_THAT(Times(cp, 4), ElementsAre(2, 2, 2, 2, 0));
  // Connected critical tasks in dependency order, then the isolated ones.
  EXPECT_THAT(cp.critical_tasks, ElementsAre(TaskIndex{0}, TaskIndex{1},
                                             TaskIndex{4}, TaskIndex{2}));
  EXPECT_THAT(cp.critical_paths, ElementsAre(Tasks({0, 1, 4}), Tasks({2})));
  // The milestone m falls at the end of b's day; y at the project's start.
  EXPECT_EQ(cp.tasks[1].earliest_finish_date, D("2023-06-06"));
  EXPECT_EQ(cp.tasks[4].earliest_start_date, D("2023-06-06"));
  EXPECT_EQ(cp.tasks[4].earliest_finish_date, D("2023-06-06"));
  EXPECT_EQ(cp.tasks[3].earliest_start_date, D("2023-06-05"));
  EXPECT_EQ(cp.tasks[3].latest_finish_date, D("2023-06-06"));
}

TEST(CriticalPathTest, EmptyNetworkAndAllMilestones) {
  const DependencyNetwork empty = Network({}, {});
  const CriticalPathAnswer none = Solve(empty, {}, D("2023-06-05"));
  EXPECT_EQ(none.project_duration, 0);
  EXPECT_THAT(none.tasks, IsEmpty());
  EXPECT_EQ(none.project_finish_date, D("2023-06-05"));

  const DependencyNetwork n = Network({"a", "b"}, {Dep("a", "b")});
  const CriticalPathAnswer zeros = Solve(n, {}, D("2023-06-05"));
  EXPECT_EQ(zeros.project_duration, 0);
  EXPECT_THAT(zeros.critical_paths, ElementsAre(Tasks({0, 1})));
}

TEST(CriticalPathTest, DatesAcrossTheNationalDayHoliday) {
  // 2023-09-28 (Thursday) + a 2-day task: 09-28 and 10-07 (make-up Saturday).
  const DependencyNetwork n = Network({"a", "b", "done"},
                                      {Dep("a", "b"), Dep("b", "done")});
  const CriticalPathAnswer cp = Solve(n, {2, 1}, D("2023-09-28"));
  EXPECT_EQ(cp.tasks[0].earliest_start_date, D("2023-09-28"));
  EXPECT_EQ(cp.tasks[0].earliest_finish_date, D("2023-10-07"));
  // b the next working day: Sunday 10-08, also a make-up working day.
  EXPECT_EQ(cp.tasks[1].earliest_start_date, D("2023-10-08"));
  EXPECT_EQ(cp.tasks[1].earliest_finish_date, D("2023-10-08"));
  EXPECT_EQ(cp.tasks[2].earliest_start_date, D("2023-10-08"));
  EXPECT_EQ(cp.project_finish_date, D("2023-10-08"));

  // A start on a holiday moves to the next working day.
  const CriticalPathAnswer late = Solve(n, {2, 1}, D("2023-10-01"));
  EXPECT_EQ(late.project_start_date, D("2023-10-07"));
  EXPECT_EQ(late.tasks[0].earliest_finish_date, D("2023-10-08"));
  EXPECT_EQ(late.tasks[1].earliest_start_date, D("2023-10-09"));
}

TEST(CriticalPathTest, DeadlineGivesFloatFromItsDate) {
  const DependencyNetwork n = Network({"a", "b", "c"},
                                      {Dep("a", "b"), Dep("a", "c")});
  // a 2, b 3, c 1: 5 working days, 06-05..06-09.
  CriticalPathOptions later;
  later.deadline = D("2023-06-13");  // 7 working days from 06-05
  const CriticalPathAnswer slack = Solve(n, {2, 3, 1}, D("2023-06-05"), later);
  EXPECT_EQ(slack.project_latest_finish, 7);
  EXPECT_EQ(slack.project_float, 2);
  EXPECT_THAT(Times(slack, 1), ElementsAre(2, 5, 4, 7, 2));
  EXPECT_THAT(Times(slack, 2), ElementsAre(2, 3, 6, 7, 4));
  EXPECT_THAT(slack.critical_tasks, ElementsAre(TaskIndex{0}, TaskIndex{1}));
  EXPECT_EQ(slack.tasks[1].latest_finish_date, D("2023-06-13"));

  CriticalPathOptions sunday;  // a non-working deadline: the Friday before
  sunday.deadline = D("2023-06-11");
  EXPECT_EQ(Solve(n, {2, 3, 1}, D("2023-06-05"), sunday).project_float, 0);

  CriticalPathOptions early;
  early.deadline = D("2023-06-07");  // 3 working days: 2 short
  const CriticalPathAnswer behind = Solve(n, {2, 3, 1}, D("2023-06-05"), early);
  EXPECT_EQ(behind.project_float, -2);
  EXPECT_THAT(Times(behind, 0), ElementsAre(0, 2, -2, 0, -2));
  EXPECT_THAT(behind.critical_paths, ElementsAre(Tasks({0, 1})));
  // Latest start 2 working days before 06-05 (a Monday): Thursday 06-01.
  EXPECT_EQ(behind.tasks[0].latest_start_date, D("2023-06-01"));
  EXPECT_EQ(behind.tasks[0].latest_finish_date, D("2023-06-02"));
}

TEST(CriticalPathTest, ReusedAnswerEqualsAFreshOne) {
  const DependencyNetwork n = Network({"a", "b", "c"},
                                      {Dep("a", "b"), Dep("a", "c", 2)});
  CriticalPathAnswer reused;
  const Calendar cal = Calendar::ChinaMainland();
  ASSERT_TRUE(n.Compute(std::vector<int32_t>{9, 9, 9}, cal, D("2023-06-05"),
                        {}, &reused)
                  .ok());
  ASSERT_TRUE(n.Compute(std::vector<int32_t>{1, 4, 1}, cal, D("2023-06-05"),
                        {}, &reused)
                  .ok());
  const CriticalPathAnswer fresh = Solve(n, {1, 4, 1}, D("2023-06-05"));
  for (uint32_t t = 0; t < 3; ++t) {
    EXPECT_EQ(Times(reused, t), Times(fresh, t)) << t;
  }
  EXPECT_EQ(reused.critical_tasks, fresh.critical_tasks);
  EXPECT_EQ(reused.critical_paths, fresh.critical_paths);
  EXPECT_EQ(reused.project_finish_date, fresh.project_finish_date);
}

TEST(CriticalPathTest, ConcurrentComputesAgree) {
  const DependencyNetwork n = Network(
      {"a", "b", "c", "d"},
      {Dep("a", "b"), Dep("a", "c", 1), Dep("b", "d", 1), Dep("c", "d")});
  const CriticalPathAnswer expected = Solve(n, {1, 2, 2, 1}, D("2023-09-28"));
  std::vector<CriticalPathAnswer> answers(4);
  std::vector<std::thread> threads;
  for (CriticalPathAnswer& answer : answers) {
    threads.emplace_back([&n, &answer] {
      const DependencyNetwork copy = n;  // copies share the immutable state
      for (int i = 0; i < 200; ++i) {
        ASSERT_TRUE(copy.Compute(std::vector<int32_t>{1, 2, 2, 1},
                                 Calendar::ChinaMainland(), D("2023-09-28"),
                                 {}, &answer)
                        .ok());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const CriticalPathAnswer& answer : answers) {
    EXPECT_EQ(answer.critical_paths, expected.critical_paths);
    EXPECT_EQ(answer.project_finish_date, expected.project_finish_date);
  }
  // 2023-09-28, then 10-07 and 10-08 (make-up days), 10-09, 10-10.
  EXPECT_EQ(expected.project_finish_date, D("2023-10-10"));
}

TEST(CriticalPathTest, CycleIsAnErrorNamingItsTasks) {
  absl::StatusOr<DependencyNetwork> n = DependencyNetwork::FromDependencies(
      {"start", "draft", "review", "revise"},
      {Dep("start", "draft"), Dep("draft", "review"), Dep("review", "revise"),
       Dep("revise", "draft")});
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(n.status().message(),
              HasSubstr("dependencies form a cycle: draft -> review -> "
                        "revise -> draft"));
}

TEST(CriticalPathTest, InternalDagReportsTheCycle) {
  internal::TopologicalDag dag;
  std::vector<uint32_t> cycle;
  EXPECT_FALSE(internal::BuildTopologicalDag(
      5, {{0, 1, 0}, {1, 2, 0}, {2, 3, 1}, {3, 1, 0}, {0, 4, 0}}, &dag,
      &cycle));
  EXPECT_THAT(cycle, ElementsAre(1, 2, 3));

  EXPECT_FALSE(internal::BuildTopologicalDag(2, {{1, 1, 0}}, &dag, &cycle));
  EXPECT_THAT(cycle, ElementsAre(1));

  ASSERT_TRUE(internal::BuildTopologicalDag(
      6, {{3, 1, 0}, {1, 0, 2}, {3, 0, 0}, {5, 3, 1}}, &dag, &cycle));
  EXPECT_THAT(cycle, IsEmpty());
  EXPECT_THAT(dag.position, ElementsAre(3, 2, -1, 1, -1, 0));  // 5, 3, 1, 0
  EXPECT_THAT(dag.order, ElementsAre(5, 3, 1, 0));
  // Longest paths with spans 1: 5 (0..1), lag 1, 3 (2..3), 1 (3..4), lag 2,
  // 0 (6..7).
  const std::vector<int32_t> span(4, 1);
  std::vector<int32_t> ef(4), ls(4);
  EXPECT_EQ(internal::EarliestFinishes(dag, span.data(), 100, ef.data()), -1);
  EXPECT_THAT(ef, ElementsAre(1, 3, 4, 7));
  EXPECT_EQ(internal::EarliestFinishes(dag, span.data(), 5, ef.data()), 3);
  internal::LatestStarts(dag, span.data(), 7, ls.data());
  EXPECT_THAT(ls, ElementsAre(0, 2, 3, 6));
}

TEST(CriticalPathTest, BadInputIsNamed) {
  absl::StatusOr<DependencyNetwork> unknown =
      DependencyNetwork::FromDependencies({"a", "b"}, {Dep("a", "zz")});
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(unknown.status().message(),
              HasSubstr("dependencies[0].to: unknown task 'zz'"));
  absl::StatusOr<DependencyNetwork> twice =
      DependencyNetwork::FromDependencies({"a", "b", "a"}, {});
  EXPECT_THAT(twice.status().message(),
              HasSubstr("task_ids[2]: 'a' is also task_ids[0]"));
  absl::StatusOr<DependencyNetwork> negative =
      DependencyNetwork::FromDependencies({"a", "b"}, {Dep("a", "b", -1)});
  EXPECT_THAT(negative.status().message(),
              HasSubstr("dependencies[0].lag_working_days: -1"));
  DependencyData start_to_start = Dep("a", "b");
  start_to_start.type = "start_to_start";
  absl::StatusOr<DependencyNetwork> type =
      DependencyNetwork::FromDependencies({"a", "b"}, {start_to_start});
  EXPECT_THAT(type.status().message(),
              HasSubstr("dependencies[0].type: 'start_to_start'"));

  const DependencyNetwork n = Network({"a", "b"}, {Dep("a", "b")});
  const Calendar cal = Calendar::ChinaMainland();
  CriticalPathAnswer out;
  absl::Status s = n.Compute(std::vector<int32_t>{1, -3}, cal, D("2023-06-05"),
                             {}, &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("durations[1] (task 'b') is -3"));
  s = n.Compute(std::vector<int32_t>{1, 1, 1}, cal, D("2023-06-05"), {}, &out);
  EXPECT_THAT(s.message(), HasSubstr("durations: 3 values for a network of 2"));
  CriticalPathOptions bad;
  bad.max_critical_paths = -1;
  s = n.Compute(std::vector<int32_t>{1, 1}, cal, D("2023-06-05"), bad, &out);
  EXPECT_THAT(s.message(), HasSubstr("options.max_critical_paths is -1"));

  const DependencyNetwork chain = Network(
      {"a", "b", "c"}, {Dep("a", "b"), Dep("b", "c")});
  s = chain.Compute(std::vector<int32_t>{50'000, 50'001, 1}, cal,
                    D("2023-06-05"), {}, &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(s.message(), HasSubstr("task 'b' would finish more than"));
}

TEST(CriticalPathTest, YearsWithoutANoticeNeedAProvisionalCalendar) {
  // 2026-12-28 + 10 working days runs into 2027, which has no notice yet.
  const DependencyNetwork n = Network({"a"}, {});
  CriticalPathAnswer out;
  absl::Status s = n.Compute(std::vector<int32_t>{10}, Calendar::ChinaMainland(),
                             D("2026-12-28"), {}, &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("2027"));
  ASSERT_TRUE(n.Compute(std::vector<int32_t>{10},
                        Calendar::ChinaMainland(CalendarMode::kProvisional),
                        D("2026-12-28"), {}, &out)
                  .ok());
  EXPECT_TRUE(out.provisional);
  const CriticalPathAnswer in_2023 = Solve(n, {10}, D("2023-06-05"));
  EXPECT_FALSE(in_2023.provisional);
}

// Random DAGs: the answer's invariants, and its project duration against a
// longest path computed independently in generation order.
TEST(CriticalPathTest, RandomDagsKeepTheInvariants) {
  std::mt19937 rng(20231007);
  const Calendar cal = Calendar::ChinaMainland();
  const Date start = D("2023-01-03");
  for (int round = 0; round < 40; ++round) {
    const int n = std::uniform_int_distribution<int>(1, 120)(rng);
    // Tasks are created in rank order, then shuffled into indices, so the
    // index order is not a topological order.
    std::vector<uint32_t> index_of_rank(n);
    for (int r = 0; r < n; ++r) index_of_rank[r] = r;
    std::shuffle(index_of_rank.begin(), index_of_rank.end(), rng);
    std::vector<std::string> ids(n);
    for (int i = 0; i < n; ++i) ids[i] = "t" + std::to_string(i);
    std::vector<int32_t> duration(n);
    for (int32_t& d : duration) d = std::uniform_int_distribution<int>(0, 6)(rng);
    const int edge_count = std::uniform_int_distribution<int>(0, 2 * n)(rng);
    struct RankEdge { int from, to, lag; };
    std::vector<RankEdge> rank_edges;
    std::vector<DependencyData> deps;
    for (int k = 0; k < edge_count && n > 1; ++k) {
      const int a = std::uniform_int_distribution<int>(0, n - 2)(rng);
      const int b = std::uniform_int_distribution<int>(a + 1, n - 1)(rng);
      const int lag = std::uniform_int_distribution<int>(0, 3)(rng);
      rank_edges.push_back({a, b, lag});
      deps.push_back(Dep(ids[index_of_rank[a]], ids[index_of_rank[b]], lag));
    }
    const DependencyNetwork net = Network(ids, deps);
    CriticalPathAnswer cp;
    ASSERT_TRUE(net.Compute(duration, cal, start, {}, &cp).ok());

    // Independent longest path: relax edges in rank order.
    std::vector<int> es_by_rank(n, 0);
    std::sort(rank_edges.begin(), rank_edges.end(),
              [](const RankEdge& x, const RankEdge& y) { return x.to < y.to; });
    for (const RankEdge& e : rank_edges) {
      const int ef = es_by_rank[e.from] + duration[index_of_rank[e.from]];
      es_by_rank[e.to] = std::max(es_by_rank[e.to], ef + e.lag);
    }
    int longest = 0;
    for (int r = 0; r < n; ++r) {
      EXPECT_EQ(cp.tasks[index_of_rank[r]].earliest_start, es_by_rank[r]);
      longest = std::max(longest, es_by_rank[r] + duration[index_of_rank[r]]);
    }
    ASSERT_EQ(cp.project_duration, longest);

    for (int t = 0; t < n; ++t) {
      const TaskSchedule& s = cp.tasks[t];
      EXPECT_GE(s.total_float, 0) << ids[t];
      EXPECT_EQ(s.critical, s.earliest_start == s.latest_start) << ids[t];
      EXPECT_LE(s.latest_finish, cp.project_duration) << ids[t];
      EXPECT_EQ(s.earliest_finish - s.earliest_start, duration[t]);
      if (duration[t] > 0) {
        // The dates are the working days the offsets count.
        absl::StatusOr<CalendarResult<int32_t>> from_start =
            cal.WorkingDaysBetween(start, s.earliest_start_date);
        ASSERT_TRUE(from_start.ok());
        EXPECT_EQ(from_start->value, s.earliest_start);  // start is working
        absl::StatusOr<CalendarResult<int32_t>> span =
            cal.WorkingDaysBetween(s.latest_start_date, s.latest_finish_date);
        ASSERT_TRUE(span.ok());
        EXPECT_EQ(span->value, duration[t] - 1);
      }
    }
    for (const RankEdge& e : rank_edges) {
      const TaskSchedule& from = cp.tasks[index_of_rank[e.from]];
      const TaskSchedule& to = cp.tasks[index_of_rank[e.to]];
      EXPECT_GE(to.earliest_start, from.earliest_finish + e.lag);
      EXPECT_GE(to.latest_start, from.latest_finish + e.lag);
    }
    // Every critical path runs from offset 0 to the end, link by tight link.
    ASSERT_FALSE(n > 0 && cp.critical_paths.empty());
    for (const std::vector<TaskIndex>& path : cp.critical_paths) {
      EXPECT_EQ(cp.tasks[path.front().value].earliest_start, 0);
      EXPECT_EQ(cp.tasks[path.back().value].earliest_finish,
                cp.project_duration);
      for (size_t k = 0; k + 1 < path.size(); ++k) {
        const TaskSchedule& from = cp.tasks[path[k].value];
        const TaskSchedule& to = cp.tasks[path[k + 1].value];
        EXPECT_TRUE(from.critical && to.critical);
        bool linked = false;
        for (const RankEdge& e : rank_edges) {
          linked |= index_of_rank[e.from] == path[k].value &&
                    index_of_rank[e.to] == path[k + 1].value &&
                    from.earliest_finish + e.lag == to.earliest_start;
        }
        EXPECT_TRUE(linked) << "no slack-free dependency " << ids[path[k].value]
                            << " -> " << ids[path[k + 1].value];
      }
    }
  }
}

}  // namespace
}  // namespace dutygraph
