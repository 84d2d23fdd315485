// Tests of ImportPlanText (include/dutygraph/import.h): each form the
// importer reads, on small texts written for the test, and its errors.
// The quality evaluation against hand labels is test_import_quality.py.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "dutygraph/import.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_json.h"

namespace dutygraph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

using Triple = std::tuple<std::string, std::string, std::string>;

ImportResult Import(const std::string& text, ImportOptions options = {}) {
  absl::StatusOr<ImportResult> r = ImportPlanText(text, options);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *std::move(r) : ImportResult{};
}

std::vector<Triple> Assignments(const PlanData& plan) {
  std::vector<Triple> out;
  for (const TaskData& t : plan.tasks) {
    for (const AssignmentData& a : t.assignments) {
      out.emplace_back(t.path, std::string(RoleName(a.role)), a.as_written);
    }
  }
  return out;
}

const TaskData* Task(const PlanData& plan, const std::string& path) {
  for (const TaskData& t : plan.tasks) {
    if (t.path == path) return &t;
  }
  return nullptr;
}

bool HasDiagnostic(const ImportResult& r, const std::string& code, int line) {
  for (const ImportDiagnostic& d : r.diagnostics) {
    if (d.code == code && d.line == line) return true;
  }
  return false;
}

TEST(ImportTest, OutlineLevelsFollowTheOrderOfStyles) {
  const ImportResult r = Import(
      "某市2023年工作方案\n"
      "一、重点任务\n"
      "（一）产业发展。\n"
      "1.招商引资。推进招商。\n"
      "（1）项目策划。策划项目。\n"
      "①储备项目。储备。\n"
      "（2）项目落地。落地。\n"
      "2.园区建设。建设园区。\n"
      "二、保障措施\n"
      "加强领导。\n");
  std::vector<std::string> paths;
  for (const TaskData& t : r.plan.tasks) paths.push_back(t.path);
  EXPECT_THAT(paths, ElementsAre("0", "0/一", "0/一/（一）", "0/一/（一）/1",
                                 "0/一/（一）/1/（1）", "0/一/（一）/1/（1）/①",
                                 "0/一/（一）/1/（2）", "0/一/（一）/2", "0/二"));
  EXPECT_EQ(Task(r.plan, "0/一/（一）/1")->title, "招商引资");
  EXPECT_EQ(Task(r.plan, "0/二")->title, "保障措施");
  EXPECT_EQ(Task(r.plan, "0/二")->text, "加强领导。");
  EXPECT_EQ(Task(r.plan, "0/一/（一）/1/（1）")->kind, "task");
  EXPECT_EQ(Task(r.plan, "0/一")->kind, "section");
  EXPECT_EQ(r.plan.plan.year, 2023);
}

TEST(ImportTest, AnnotationForms) {
  const ImportResult r = Import(
      "某市2023年工作方案\n"
      "1.甲。做甲。（市发改委牵头，市财政局、市商务局配合）\n"
      "2.乙。做乙。(市科技局、市教育局按职责分工负责)\n"
      "3.丙。做丙。〔市住建局负责〕\n"
      "4.丁。做丁。（市公安局会同市司法局牵头）\n"
      "5.戊。做戊。（市卫健委牵头，市民政局等相关部门按职责分工负责）\n"
      "6.己。做己。（市水利局、市林业局）\n"
      "7.庚。做庚。（市统计局牵头，市工信局等部门，各县市区政府配合）\n"
      "8.辛。做辛。（市审计局参与）\n");
  EXPECT_THAT(Assignments(r.plan),
              UnorderedElementsAre(
                  Triple{"0/1", "lead", "市发改委"}, Triple{"0/1", "support", "市财政局"},
                  Triple{"0/1", "support", "市商务局"},
                  Triple{"0/2", "responsible", "市科技局"},
                  Triple{"0/2", "responsible", "市教育局"},
                  Triple{"0/3", "responsible", "市住建局"},
                  Triple{"0/4", "lead", "市公安局"}, Triple{"0/4", "lead", "市司法局"},
                  Triple{"0/5", "lead", "市卫健委"},
                  Triple{"0/5", "responsible", "市民政局"},
                  Triple{"0/6", "responsible", "市水利局"},
                  Triple{"0/6", "responsible", "市林业局"},
                  Triple{"0/7", "lead", "市统计局"}, Triple{"0/7", "support", "市工信局"},
                  Triple{"0/7", "support", "各县市区政府"},
                  Triple{"0/8", "participate", "市审计局"}));
  EXPECT_TRUE(Task(r.plan, "0/5")->clauses[0].open_list);
  EXPECT_TRUE(Task(r.plan, "0/7")->clauses[0].open_list);
  EXPECT_FALSE(Task(r.plan, "0/1")->clauses[0].open_list);
  EXPECT_EQ(Task(r.plan, "0/1")->clauses[0].annotation, "市发改委牵头，市财政局、市商务局配合");
  EXPECT_EQ(Task(r.plan, "0/1")->clauses[0].text, "甲。做甲。");
}

TEST(ImportTest, LabelFormsInlineAndOnTheirOwnLines) {
  const ImportResult r = Import(
      "某县2023年工作方案\n"
      "1.修路。修建道路10公里。\n"
      "牵头单位：县交通局\n"
      "责任单位：各乡镇人民政府\n"
      "2.建桥。牵头单位：县住建局；配合单位：县财政局、县自然资源局\n");
  EXPECT_THAT(Assignments(r.plan),
              UnorderedElementsAre(Triple{"0/1", "lead", "县交通局"},
                                   Triple{"0/1", "responsible", "各乡镇人民政府"},
                                   Triple{"0/2", "lead", "县住建局"},
                                   Triple{"0/2", "support", "县财政局"},
                                   Triple{"0/2", "support", "县自然资源局"}));
}

TEST(ImportTest, ParenthesesThatAreNotAnnotations) {
  const ImportResult r = Import(
      "某市2023年工作方案\n"
      "1.安全。从业人员（含劳务派遣、灵活用工人）全部培训，建设“湘易办”（衡阳）超级移动端（平台、项目）。（市应急管理局牵头）\n");
  EXPECT_THAT(Assignments(r.plan), ElementsAre(Triple{"0/1", "lead", "市应急管理局"}));
  ASSERT_EQ(Task(r.plan, "0/1")->clauses.size(), 1u);
}

TEST(ImportTest, UnitNamesWithBracketsAndSets) {
  const ImportResult r = Import(
      "某市2023年工作方案\n"
      "1.甲。做甲。（各县（市、区）人民政府负责，市直相关部门配合）\n");
  EXPECT_THAT(Assignments(r.plan),
              ElementsAre(Triple{"0/1", "responsible", "各县（市、区）人民政府"},
                          Triple{"0/1", "support", "市直相关部门"}));
  ASSERT_EQ(r.plan.unit_sets.size(), 2u);
  EXPECT_TRUE(r.plan.unit_sets[0].open);
  EXPECT_TRUE(Task(r.plan, "0/1")->assignments[0].unit.empty());
}

TEST(ImportTest, DroppedPrefixIsRestored) {
  const ImportResult r = Import(
      "江南省2024年工作方案\n"
      "1.甲。做甲。（省发展改革委、财政厅牵头）\n");
  ASSERT_EQ(r.plan.units.size(), 2u);
  EXPECT_EQ(r.plan.units[1].name, "省财政厅");
  EXPECT_THAT(r.plan.units[1].aliases, ElementsAre("财政厅"));
  EXPECT_EQ(Task(r.plan, "0/1")->assignments[1].as_written, "财政厅");
  EXPECT_TRUE(HasDiagnostic(r, "prefix_restored", 2));
}

TEST(ImportTest, SpellingsOfOneUnitAreOneUnit) {
  const ImportResult r = Import(
      "衡州市2023年工作方案\n"
      "1.甲。做甲。（市住房和城乡建设局牵头，人民银行衡州市中心支行配合）\n"
      "2.乙。做乙。（市住建局牵头，人民银行衡州中心支行、衡州市交通运输局配合）\n"
      "3.丙。做丙。（市交通局负责）\n");
  ASSERT_EQ(r.plan.units.size(), 3u) << r.plan.units[3].name;
  EXPECT_EQ(r.plan.units[0].name, "市住房和城乡建设局");
  EXPECT_THAT(r.plan.units[0].aliases, ElementsAre("市住建局"));
  EXPECT_THAT(r.plan.units[2].aliases, ElementsAre("市交通局"));
  EXPECT_EQ(r.plan.plan.jurisdiction, "衡州市");
}

TEST(ImportTest, KnownUnitsResolveAndNewOnesAreFlagged) {
  ImportOptions options;
  UnitData fgw;
  fgw.id = "fgw";
  fgw.name = "市发改委";
  fgw.aliases = {"市发展改革委"};
  options.known_units = {fgw};
  const ImportResult r = Import(
      "某市2023年工作方案\n"
      "1.甲。做甲。（市发展和改革委员会牵头，市新设局配合）\n",
      options);
  ASSERT_GE(r.plan.units.size(), 2u);
  EXPECT_EQ(Task(r.plan, "0/1")->assignments[0].unit, "fgw");
  EXPECT_EQ(Task(r.plan, "0/1")->assignments[0].as_written, "市发展和改革委员会");
  bool flagged = false;
  for (const ImportDiagnostic& d : r.diagnostics) {
    if (d.code == "new_unit" && d.severity == "warning" && d.line == 2) {
      flagged = d.message.find("市新设局") != std::string::npos;
    }
  }
  EXPECT_TRUE(flagged);
}

TEST(ImportTest, OcrNoiseIsRemovedAndReported) {
  const ImportResult r = Import(
      "某市2023年工作方案\n"
      "1.甲。推进产业链招商，力争引进项\n"
      "\n"
      "— 4 —\n"
      "\n"
      "目 2 0个以上。（市商务局\n"
      "牵头）\n"
      "案\n"
      "举\n"
      "债\n"
      "2.乙。做乙。（市财政局负责）\n");
  EXPECT_THAT(Assignments(r.plan), ElementsAre(Triple{"0/1", "lead", "市商务局"},
                                               Triple{"0/2", "responsible", "市财政局"}));
  EXPECT_TRUE(HasDiagnostic(r, "page_marker", 4));
  EXPECT_TRUE(HasDiagnostic(r, "stray_column", 8));
  const TaskData* t = Task(r.plan, "0/1");
  ASSERT_EQ(t->targets.size(), 1u);
  EXPECT_EQ(t->targets[0].value, 20);
  EXPECT_EQ(t->targets[0].comparator, ">=");
  EXPECT_EQ(t->text.find("案"), std::string::npos);
}

TEST(ImportTest, DeadlinesUseThePlanYear) {
  ImportOptions options;
  options.year = 2024;
  const ImportResult r = Import(
      "某市工作方案\n"
      "1.甲。9月底前完成，四季度前验收，年底前总结，自交办之日起14个工作日内报送。\n",
      options);
  const TaskData* t = Task(r.plan, "0/1");
  ASSERT_EQ(t->deadlines.size(), 4u);
  EXPECT_EQ(t->deadlines[0].date->ToString(), "2024-09-30");
  EXPECT_EQ(t->deadlines[1].date->ToString(), "2024-09-30");
  EXPECT_EQ(t->deadlines[1].kind, "end_of_period");
  EXPECT_EQ(t->deadlines[2].date->ToString(), "2024-12-31");
  EXPECT_EQ(t->deadlines[3].kind, "relative");
  EXPECT_EQ(t->deadlines[3].working_days, 14);
  EXPECT_EQ(t->deadlines[3].after, "交办");
  EXPECT_EQ(t->deadlines[3].text, "交办之日起14个工作日内");
}

TEST(ImportTest, Targets) {
  const ImportResult r = Import(
      "某市2023年工作方案\n"
      "1.甲。净增规上企业200家以上，地区生产总值增长7.5%左右，死亡率控制在0.8以内，"
      "销售额突破2000亿元，建成 14 条产业链。\n");
  std::vector<std::tuple<std::string, double, std::string>> got;
  for (const TargetData& t : Task(r.plan, "0/1")->targets) {
    got.emplace_back(t.comparator, t.value, t.unit);
  }
  EXPECT_THAT(got, ElementsAre(std::tuple<std::string, double, std::string>{">=", 200, "家"},
                               std::tuple<std::string, double, std::string>{"~=", 7.5, "%"},
                               std::tuple<std::string, double, std::string>{"<=", 0.8, ""},
                               std::tuple<std::string, double, std::string>{">", 2000, "亿元"},
                               std::tuple<std::string, double, std::string>{"=", 14, "条"}));
}

TEST(ImportTest, RejectsInvalidInput) {
  absl::StatusOr<ImportResult> r = ImportPlanText("abc\xC3(def");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("byte 3"));

  r = ImportPlanText("\n \n\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);

  ImportOptions small;
  small.max_bytes = 4;
  r = ImportPlanText("某市方案", small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);

  ImportOptions bad_year;
  bad_year.year = 99999;
  r = ImportPlanText("某市方案\n", bad_year);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("99999"));
}

TEST(ImportTest, DiagnosticsJson) {
  const std::string json = WriteImportDiagnosticsJson(
      {{12, "warning", "new_unit", "new unit '市甲局' created as u1"}});
  EXPECT_EQ(json,
            "[\n  {\n    \"line\": 12,\n    \"severity\": \"warning\",\n    \"code\": "
            "\"new_unit\",\n    \"message\": \"new unit '市甲局' created as u1\"\n  }\n]\n");
  EXPECT_EQ(WriteImportDiagnosticsJson({}), "[]\n");
}

TEST(ImportTest, ControlCharactersNeverReachThePlan) {
  // Regression: import_fuzzer crash-5c4f1672 (a NUL inside a unit name made
  // plan JSON the loader refuses).
  const std::string text = std::string("某市2023年工作方案\n1.甲。做甲。（市发") + '\0' +
                           "改委牵头，市财政局\x01配合）\f\n";
  const ImportResult r = Import(text);
  EXPECT_THAT(Assignments(r.plan), ElementsAre(Triple{"0/1", "lead", "市发改委"},
                                               Triple{"0/1", "support", "市财政局"}));
  EXPECT_TRUE(HasDiagnostic(r, "control_characters", 2));
  EXPECT_TRUE(LoadPlanJson(WritePlanJson(r.plan)).ok());
}

TEST(ImportTest, LongNumbersInADateLineDoNotOverflow) {
  // Regression: import_fuzzer crash-26b9ad99 (UBSan: signed overflow reading
  // the issue-date line of a covering notice).
  ImportOptions options;
  options.year = 2023;
  const ImportResult r = Import(
      "关于印发《某市方案》的通知\n"
      "4444444444444年1月1日\n"
      "某市方案\n"
      "1.甲。做甲。（市发改委负责）\n",
      options);
  EXPECT_FALSE(r.plan.plan.issue_date.has_value());
  EXPECT_EQ(r.plan.plan.year, 2023);
}

// Every input import_fuzzer found a crash with (tests/import/regressions):
// it imports, and the plan JSON written loads back.
TEST(ImportTest, FuzzRegressions) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(DG_IMPORT_REGRESSIONS_DIR)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    absl::StatusOr<ImportResult> r = ImportPlanText(text.str());
    if (r.ok()) {
      absl::StatusOr<Plan> back = LoadPlanJson(WritePlanJson(r->plan));
      EXPECT_TRUE(back.ok()) << entry.path() << ": " << back.status();
    } else {
      EXPECT_NE(r.status().code(), absl::StatusCode::kInternal) << entry.path();
    }
    ++count;
  }
  EXPECT_GE(count, 1);
}

TEST(ImportTest, FixturesBuild) {
  for (const char* name : {"province_digital_gov", "county_rural_env", "city_investment_table"}) {
    std::ifstream in(std::string(DG_IMPORT_FIXTURES_DIR) + "/" + name + ".txt");
    std::stringstream text;
    text << in.rdbuf();
    ASSERT_FALSE(text.str().empty()) << name;
    const ImportResult r = Import(text.str());
    EXPECT_TRUE(Plan::Build(r.plan).ok()) << name;
  }
}

}  // namespace
}  // namespace dutygraph
