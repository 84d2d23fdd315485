// Tests of PlanGraphDot (dutygraph/plan_graph.h) on tests/data/small_plan.json.
//
// The expected nodes and edges are worked out by hand from the fixture: task
// 4/二/（一）/3 (t_warning, TaskIndex 3) names 市财政局 (u1), 市金融办 (u3) and
// 衡阳银保监分局 (u4) responsible and 各城区政府 (珠晖区 u6, 雁峰区 u7) in
// support; its section 4/二/（一） (t1) makes 市财政局 lead; the section is
// supervised by 防范化解政府债务风险专班 (g1), under the 总调度 (g0).
#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dutygraph/plan_graph.h"
#include "dutygraph/plan_json.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dutygraph {
namespace {

using ::testing::HasSubstr;
using ::testing::IsSupersetOf;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

Plan SmallPlan() {
  absl::StatusOr<Plan> plan =
      LoadPlanFile(DG_SOURCE_DIR "/tests/data/small_plan.json");
  EXPECT_TRUE(plan.ok()) << plan.status();
  return *plan;
}

Date Day(const char* iso) { return *Date::Parse(iso); }

// The node ids of the statement lines "  id [" outside the legend.
std::set<std::string> Nodes(const std::string& dot) {
  std::set<std::string> out;
  static const std::regex kNode(R"(^  ([a-z]+[0-9]+) \[)");
  std::smatch m;
  size_t start = 0;
  while (start < dot.size()) {
    const size_t end = dot.find('\n', start);
    const std::string line = dot.substr(start, end - start);
    if (std::regex_search(line, m, kNode)) out.insert(m[1]);
    start = end == std::string::npos ? dot.size() : end + 1;
  }
  return out;
}

// "from -> to label" for each edge outside the legend ("\n" in labels kept
// as the two characters).
std::vector<std::string> Edges(const std::string& dot) {
  std::vector<std::string> out;
  static const std::regex kEdge(R"(^  ([a-z]+[0-9]+) -> ([a-z]+[0-9]+) \[)");
  static const std::regex kLabel(R"re(label="((?:[^"\\]|\\.)*)")re");
  std::smatch m, label;
  size_t start = 0;
  while (start < dot.size()) {
    const size_t end = dot.find('\n', start);
    const std::string line = dot.substr(start, end - start);
    if (std::regex_search(line, m, kEdge)) {
      std::string edge = m[1].str() + " -> " + m[2].str();
      if (std::regex_search(line, label, kLabel)) edge += " " + label[1].str();
      out.push_back(edge);
    }
    start = end == std::string::npos ? dot.size() : end + 1;
  }
  return out;
}

TEST(PlanGraphDotTest, TaskFocusDrawsItsAccountabilityHandWorked) {
  const Plan plan = SmallPlan();
  PlanGraphOptions options;
  options.on = Day("2023-06-01");
  absl::StatusOr<std::string> dot =
      PlanGraphDot(plan, GraphFocus::Task(*plan.FindTask("4/二/（一）/3")),
                   options);
  ASSERT_TRUE(dot.ok()) << dot.status();
  // Tasks, units, groups (the group above the supervising one comes along),
  // and the posts those bring: p0 常务副市长, p1 财政局局长, p3 金融办主任,
  // p4 副秘书长.
  EXPECT_EQ(Nodes(*dot),
            (std::set<std::string>{"g0", "g1", "t3", "u1", "u3", "u4", "u6",
                                   "u7", "p0", "p1", "p3", "p4"}));
  EXPECT_THAT(
      Edges(*dot),
      UnorderedElementsAre(
          "u1 -> t3 负责 responsible", "u3 -> t3 负责 responsible",
          "u4 -> t3 负责 responsible",
          "u6 -> t3 配合 support\\nvia 各城区政府",
          "u7 -> t3 配合 support\\nvia 各城区政府",
          "u1 -> t3 牵头 lead\\nfrom 4/二/（一）", "g1 -> t3 supervises",
          "u1 -> p1 head", "p0 -> u1 supervising leader",
          "u3 -> p3 head",
          "p0 -> g0 convener", "p4 -> g0 office director",
          "p0 -> g1 convener", "p4 -> g1 deputy convener",
          "p1 -> g1 deputy convener", "p1 -> g1 office director",
          "g1 -> u1 office", "g1 -> g0 under"));
  // Holders as of the day; 市金融办主任 has no tenure: vacant.
  EXPECT_THAT(*dot, HasSubstr("市财政局局长\\n雷高飞"));
  EXPECT_THAT(*dot, HasSubstr("市金融办主任\\n空缺 vacant"));
  // The focus is outlined; the lead edge is heavier and red.
  EXPECT_THAT(*dot, HasSubstr("t3 [shape=note"));
  EXPECT_THAT(*dot, HasSubstr("penwidth=3"));
  EXPECT_THAT(*dot, HasSubstr(
      "u1 -> t3 [color=\"#d62728\", fontcolor=\"#d62728\", label=\"牵头 lead"));
  EXPECT_THAT(*dot, HasSubstr("subgraph cluster_legend"));
}

TEST(PlanGraphDotTest, HoldersAndRenamedUnitsFollowTheDate) {
  const Plan plan = SmallPlan();
  PlanGraphOptions options;
  // After 2023-07-01 the 局长 post has another holder; after 2023-11-10
  // 衡阳银保监分局 (u4) is 衡阳金融监管分局 (u5).
  options.on = Day("2023-12-01");
  absl::StatusOr<std::string> dot =
      PlanGraphDot(plan, GraphFocus::Task(*plan.FindTask("t_warning")),
                   options);
  ASSERT_TRUE(dot.ok()) << dot.status();
  const std::set<std::string> nodes = Nodes(*dot);
  EXPECT_TRUE(nodes.count("u5"));
  EXPECT_FALSE(nodes.count("u4"));
  EXPECT_THAT(Edges(*dot), IsSupersetOf({std::string(
                               "u5 -> t3 负责 responsible\\nsuccessor of "
                               "衡阳银保监分局")}));
  EXPECT_THAT(*dot, HasSubstr("市财政局局长\\n继任局长"));
  EXPECT_THAT(*dot, Not(HasSubstr("雷高飞")));
}

TEST(PlanGraphDotTest, DepthWalksFurther) {
  const Plan plan = SmallPlan();
  PlanGraphOptions options;
  options.on = Day("2023-06-01");
  options.depth = 0;
  const GraphFocus unit = GraphFocus::Unit(*plan.FindUnit("市发改委"));
  absl::StatusOr<std::string> alone = PlanGraphDot(plan, unit, options);
  ASSERT_TRUE(alone.ok()) << alone.status();
  // The unit and its posts: 市发改委主任 (p2) and 常务副市长 (p0).
  EXPECT_EQ(Nodes(*alone), (std::set<std::string>{"u2", "p0", "p2"}));

  options.depth = 1;  // + its task 4/二/（一）/1 (t2)
  absl::StatusOr<std::string> one = PlanGraphDot(plan, unit, options);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(Nodes(*one), (std::set<std::string>{"u2", "t2", "p0", "p2"}));
  EXPECT_THAT(Edges(*one), IsSupersetOf({std::string(
                               "u2 -> t2 负责 responsible")}));

  options.depth = 2;  // + t2's other units (u1) and its group (g1, g0 above)
  absl::StatusOr<std::string> two = PlanGraphDot(plan, unit, options);
  ASSERT_TRUE(two.ok());
  EXPECT_THAT(Nodes(*two), IsSupersetOf({"u1", "g1", "g0"}));
}

TEST(PlanGraphDotTest, GroupFocusAndWholePlan) {
  const Plan plan = SmallPlan();
  PlanGraphOptions options;
  options.on = Day("2023-06-01");
  absl::StatusOr<std::string> group = PlanGraphDot(
      plan, GraphFocus::Group(*plan.FindGroup("防范化解政府债务风险专班")),
      options);
  ASSERT_TRUE(group.ok()) << group.status();
  // The section it supervises, its office host, its parent group.
  EXPECT_THAT(Nodes(*group), IsSupersetOf({"g1", "t1", "u1", "g0"}));
  EXPECT_THAT(Edges(*group), IsSupersetOf({std::string("g1 -> t1 supervises"),
                                           std::string("g1 -> u1 office")}));

  absl::StatusOr<std::string> whole =
      PlanGraphDot(plan, GraphFocus::WholePlan(), options);
  ASSERT_TRUE(whole.ok()) << whole.status();
  const std::set<std::string> nodes = Nodes(*whole);
  for (const char* id : {"t0", "t4", "u0", "u7", "g0", "g1"}) {
    EXPECT_TRUE(nodes.count(id)) << id;
  }
  // The task tree: the part contains the section.
  EXPECT_THAT(Edges(*whole), IsSupersetOf({std::string("t0 -> t1")}));
}

TEST(PlanGraphDotTest, DeterministicAndDefaultsToTheIssueDate) {
  const Plan plan = SmallPlan();
  const GraphFocus focus = GraphFocus::Task(*plan.FindTask("t_warning"));
  absl::StatusOr<std::string> a = PlanGraphDot(plan, focus);
  absl::StatusOr<std::string> b = PlanGraphDot(plan, focus);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_THAT(*a, HasSubstr("as of 2023-03-03"));
}

TEST(PlanGraphDotTest, Errors) {
  const Plan plan = SmallPlan();
  absl::StatusOr<std::string> r =
      PlanGraphDot(plan, GraphFocus::Task(TaskIndex{99}));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("the plan has 5 tasks"));
  PlanGraphOptions options;
  options.depth = 17;
  r = PlanGraphDot(plan, GraphFocus::WholePlan(), options);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("depth 17"));
  options.depth = 1;
  options.max_nodes = 3;
  r = PlanGraphDot(plan, GraphFocus::WholePlan(), options);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(DotQuotedTest, EscapesEverythingDotReads) {
  EXPECT_EQ(DotQuoted("市财政局"), "\"市财政局\"");
  EXPECT_EQ(DotQuoted("a\"b"), "\"a\\\"b\"");
  EXPECT_EQ(DotQuoted("a\\l"), "\"a\\\\l\"");  // not DOT's left-justify
  EXPECT_EQ(DotQuoted("1\n2"), "\"1\\n2\"");
  EXPECT_EQ(DotQuoted(std::string("a\tb\rc\x01", 6)), "\"a b c \"");
}

}  // namespace
}  // namespace dutygraph
