#include "dutygraph/plan_json.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace dutygraph {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

// A valid plan head followed by `rest` (which starts with a comma).
std::string Doc(const std::string& rest = "") {
  return R"({"format": "dutygraph/plan@1",
"plan": {"id": "p", "title": "T", "year": 2023})" +
         rest + "}";
}

// ---------------------------------------------------------------------------
// Bad inputs: each names the status code, the JSON Pointer and a fragment of
// the message that must be reported.

struct BadCase {
  std::string name;
  std::string json;
  absl::StatusCode code;
  std::string pointer;
  std::string fragment;
  PlanLimits limits = {};
};

std::ostream& operator<<(std::ostream& os, const BadCase& c) {
  return os << c.name;
}

std::string Nested(int depth) {
  return Doc(R"(, "units": [{"id": "a", "name": "b", "notes": )" +
             std::string(depth, '[') + std::string(depth, ']') + "}]");
}

std::vector<BadCase> BadCases() {
  using absl::StatusCode;
  const StatusCode kInvalid = StatusCode::kInvalidArgument;
  const StatusCode kExhausted = StatusCode::kResourceExhausted;
  std::vector<BadCase> cases = {
      // Malformed JSON: located by line and column.
      {"Empty", "", kInvalid, "", "empty input: expected a JSON value"},
      {"OnlyWhitespace", " \n ", kInvalid, "", "input is only whitespace"},
      {"Truncated", R"({"format": "dutygraph/plan@1", "plan": {"id": "p")",
       kInvalid, "",
       "malformed JSON at line 1, column 50 (byte 49): unexpected end of "
       "input: unclosed '{'"},
      {"MissingComma", "{\"format\": \"dutygraph/plan@1\"\n \"plan\": {}}",
       kInvalid, "",
       "malformed JSON at line 2, column 2 (byte 31): expected ',' or '}' "
       "after an object member"},
      {"TrailingComma", Doc(R"(, "units": [{"id": "a", "name": "b"},])"),
       kInvalid, "",
       "line 2, column 85 (byte 115): expected a value; got ']' "
       "(trailing comma?)"},
      {"TextAfterDocument", Doc() + " {}", kInvalid, "",
       "unexpected text after the JSON value"},
      {"NumberTooLargeForDouble",
       Doc(R"(, "units": [{"id": "a", "name": 1e400}])"), kInvalid, "",
       "number 1e400 is too large for a double"},
      {"IntegerBeyond64Bits",
       Doc(R"(, "tasks": [{"id": "t", "line": 99999999999999999999}])"),
       kInvalid, "", "integer 99999999999999999999 does not fit in 64 bits"},
      {"RawControlCharacter",
       Doc(", \"units\": [{\"id\": \"a\", \"name\": \"b\x01\"}]"), kInvalid, "",
       "control character U+0001 must be escaped"},
      {"LoneSurrogate", Doc(R"(, "units": [{"id": "a", "name": "\ud800"}])"),
       kInvalid, "", "high surrogate \\uD800 is not followed"},
      // Encoding.
      {"InvalidUtf8",
       Doc(", \"units\": [{\"id\": \"a\", \"name\": \"\xC3\x28\"}]"), kInvalid,
       "", "plan JSON: invalid UTF-8 at byte 111 (0xC3 0x28"},
      {"OverlongUtf8",
       Doc(", \"units\": [{\"id\": \"a\", \"name\": \"\xC0\xAF\"}]"), kInvalid,
       "", "invalid UTF-8 at byte 111 (0xC0 0xAF"},
      {"NulInString", Doc(R"(, "units": [{"id": "a", "name": "x\u0000y"}])"),
       kInvalid, "/units/0/name", "string contains a NUL character"},
      // The document's shape.
      {"ByteOrderMark", "\xEF\xBB\xBF" + Doc(), kInvalid, "",
       "line 1, column 1 (byte 0): byte order mark (U+FEFF) before the JSON "
       "value"},
      {"RootNotAnObject", "[1, 2]", kInvalid, "",
       "expected the plan (a JSON object); got an array"},
      {"WrongFormat", R"({"format": "dutygraph/plan@2", "plan": {}})", kInvalid,
       "/format",
       "expected \"dutygraph/plan@1\"; got string 'dutygraph/plan@2'"},
      {"MissingFormat", R"({"plan": {"id": "p", "title": "T", "year": 2023}})",
       kInvalid, "", "missing required key 'format'"},
      {"MissingPlan", R"({"format": "dutygraph/plan@1"})", kInvalid, "",
       "missing required key 'plan'"},
      {"MissingRequiredKey", Doc(R"(, "units": [{"id": "a"}])"), kInvalid,
       "/units/0", "missing required key 'name'"},
      {"MissingPlanYear",
       R"({"format": "dutygraph/plan@1", "plan": {"id": "p", "title": "T"}})",
       kInvalid, "/plan", "missing required key 'year'"},
      {"NullForRequiredKey", Doc(R"(, "units": [{"id": "a", "name": null}])"),
       kInvalid, "/units/0/name", "expected a string; got null"},
      {"EmptyName", Doc(R"(, "units": [{"id": "a", "name": ""}])"), kInvalid,
       "/units/0/name", "must not be empty"},
      // Types.
      {"StringExpected", Doc(R"(, "units": [{"id": "a", "name": 5}])"),
       kInvalid, "/units/0/name", "expected a string; got 5"},
      {"ArrayExpected", Doc(R"(, "units": {"id": "a"})"), kInvalid, "/units",
       "expected an array; got an object"},
      {"ObjectExpected", Doc(R"(, "units": ["fgw"])"), kInvalid, "/units/0",
       "expected an object; got string 'fgw'"},
      {"BoolExpected", Doc(R"(, "tasks": [{"id": "t", "public": "yes"}])"),
       kInvalid, "/tasks/0/public", "expected true or false; got string 'yes'"},
      {"IdsExpected",
       Doc(R"(, "groups": [{"id": "g", "name": "G", "members": "fgw"}])"),
       kInvalid, "/groups/0/members",
       "expected an array of ids; got string 'fgw'"},
      {"NotAnInteger", Doc(R"(, "tasks": [{"id": "t", "line": 1.5}])"),
       kInvalid, "/tasks/0/line", "expected an integer; got 1.5"},
      {"HugeInteger", Doc(R"(, "tasks": [{"id": "t", "line": 99999999999}])"),
       kInvalid, "/tasks/0/line",
       "expected an integer in 0..2147483647; got 99999999999"},
      {"YearOutOfRange",
       R"({"format": "dutygraph/plan@1", "plan": {"id": "p", "title": "T", "year": 20230}})",
       kInvalid, "/plan/year", "expected an integer in 1400..9999; got 20230"},
      {"NegativeClause",
       Doc(R"(, "tasks": [{"id": "t", "assignments": [{"role": "lead", "unit": "u", "clause": -1}]}])"),
       kInvalid, "/tasks/0/assignments/0/clause",
       "expected an integer in 0..2147483647; got -1"},
      {"NumberExpected",
       Doc(R"(, "tasks": [{"id": "t", "targets": [{"text": "x", "value": "15%"}]}])"),
       kInvalid, "/tasks/0/targets/0/value",
       "expected a number; got string '15%'"},
      // Keys.
      {"UnknownKeyWithSuggestion",
       Doc(R"(, "units": [{"id": "a", "name": "b", "nmae": "c"}])"), kInvalid,
       "/units/0/nmae", "unknown key 'nmae'; did you mean 'name'?"},
      {"UnknownKeyListsKnownKeys",
       Doc(R"(, "people": [{"id": "a", "name": "b", "zzzzzz": 1}])"), kInvalid,
       "/people/0/zzzzzz",
       "unknown key 'zzzzzz' (known keys: id, name, notes)"},
      {"UnknownTopLevelKey", Doc(R"(, "task": [])"), kInvalid, "/task",
       "unknown key 'task'; did you mean 'tasks'?"},
      {"UnknownKeyPointerEscaped",
       Doc(R"(, "people": [{"id": "a", "name": "b", "a/b~c": 1}])"), kInvalid,
       "/people/0/a~1b~0c", "unknown key 'a/b~c'"},
      {"DuplicateKey",
       Doc(R"(, "units": [{"id": "a", "name": "b", "name": "c"}])"), kInvalid,
       "/units/0/name", "duplicate key 'name'"},
      {"DuplicateTopLevelKey", Doc(R"(, "units": [], "units": [])"), kInvalid,
       "/units", "duplicate key 'units'"},
      // Enumerations.
      {"BadUnitKind",
       Doc(R"(, "units": [{"id": "a", "name": "b", "kind": "departmnt"}])"),
       kInvalid, "/units/0/kind",
       "got 'departmnt'; did you mean 'department'?"},
      {"BadTaskKind", Doc(R"(, "tasks": [{"id": "t", "kind": "taks"}])"),
       kInvalid, "/tasks/0/kind",
       "expected one of part, section, task; got 'taks'; did you mean 'task'?"},
      {"BadRole",
       Doc(R"(, "tasks": [{"id": "t", "assignments": [{"role": "leed", "unit": "u"}]}])"),
       kInvalid, "/tasks/0/assignments/0/role",
       "expected one of lead, support, responsible, participate; got 'leed'; "
       "did you mean 'lead'?"},
      {"ChinesePeriodName",
       Doc(R"(, "tasks": [{"id": "t", "deadlines": [{"kind": "recurring", "period": "月"}]}])"),
       kInvalid, "/tasks/0/deadlines/0/period",
       "got '月'; write 'month' (JSON takes the English names)"},
      {"BadPeriod",
       Doc(R"(, "tasks": [{"id": "t", "deadlines": [{"kind": "recurring", "period": "quater"}]}])"),
       kInvalid, "/tasks/0/deadlines/0/period", "did you mean 'quarter'?"},
      {"BadComparator",
       Doc(R"(, "tasks": [{"id": "t", "targets": [{"comparator": "=>", "value": 1}]}])"),
       kInvalid, "/tasks/0/targets/0/comparator",
       "expected one of >=, <=, ~=, >, <, =, between; got '=>'"},
      {"BadAudience",
       Doc(R"(, "escalation": [{"id": "e", "rules": [{"id": "r", "trigger": {"kind": "incident"}, "action": "remind", "audience": ["lead_unit", "lead_units"]}]}])"),
       kInvalid, "/escalation/0/rules/0/audience/1",
       "got 'lead_units'; did you mean 'lead_unit'?"},
      {"BadDependencyType",
       Doc(R"(, "dependencies": [{"from": "a", "to": "b", "type": "start_to_start"}])"),
       kInvalid, "/dependencies/0/type",
       "expected one of finish_to_start; got 'start_to_start'"},
      // Dates and ids.
      {"ImpossibleDate",
       Doc(R"(, "tenures": [{"post": "p", "person": "q", "from": "2023-02-30"}])"),
       kInvalid, "/tenures/0/from",
       "bad date '2023-02-30': day 30 is not 1..28 (February 2023 has 28 "
       "days)"},
      {"DateNotIso",
       Doc(R"(, "tenures": [{"post": "p", "person": "q", "from": "2023/03/01"}])"),
       kInvalid, "/tenures/0/from",
       "bad date '2023/03/01': expected YYYY-MM-DD"},
      {"BadId", Doc(R"(, "units": [{"id": "市 发改委", "name": "b"}])"),
       kInvalid, "/units/0/id",
       "bad id '市 发改委': ids are 1-64 characters of A-Z a-z 0-9 _ . : -"},
      {"IdTooLong",
       Doc(R"(, "units": [{"id": ")" + std::string(65, 'a') +
           R"(", "name": "b"}])"),
       kInvalid, "/units/0/id", "bad id 'aaaa"},
      {"BadReferenceId",
       Doc(R"(, "units": [{"id": "a", "name": "b", "parent": ""}])"), kInvalid,
       "/units/0/parent", "bad id ''"},
      // Rules within one record.
      {"AssignmentWithTwoTargets",
       Doc(R"(, "tasks": [{"id": "t", "assignments": [{"role": "lead", "unit": "u", "post": "p"}]}])"),
       kInvalid, "/tasks/0/assignments/0",
       "expected exactly one of unit, unit_set, post, group; got unit and "
       "post"},
      {"AssignmentWithoutTarget",
       Doc(R"(, "tasks": [{"id": "t", "assignments": [{"role": "lead"}]}])"),
       kInvalid, "/tasks/0/assignments/0",
       "expected exactly one of unit, unit_set, post, group; got none"},
      {"RecipientWithTwoTargets",
       Doc(R"(, "cadences": [{"id": "c", "name": "n", "kind": "briefing", "period": "month", "due": {"rule": "last_working_day"}, "owner": {"role": "unit", "unit": "u"}, "recipients": [{"unit": "u", "group": "g"}]}])"),
       kInvalid, "/cadences/0/recipients/0",
       "expected exactly one of unit, post, group, unit_set; got unit and "
       "group"},
      {"DeadlineByWithoutDate",
       Doc(R"(, "tasks": [{"id": "t", "deadlines": [{"kind": "by", "text": "年底前"}]}])"),
       kInvalid, "/tasks/0/deadlines/0", "a 'by' deadline needs 'date'"},
      {"RelativeDeadlineWithoutDays",
       Doc(R"(, "tasks": [{"id": "t", "deadlines": [{"kind": "relative", "after": "印发"}]}])"),
       kInvalid, "/tasks/0/deadlines/0",
       "a 'relative' deadline needs 'working_days'"},
      {"BetweenWithoutMax",
       Doc(R"(, "tasks": [{"id": "t", "targets": [{"comparator": "between", "value": 1}]}])"),
       kInvalid, "/tasks/0/targets/0",
       "comparator 'between' needs 'value_max'"},
      {"BetweenReversed",
       Doc(R"(, "tasks": [{"id": "t", "targets": [{"comparator": "between", "value": 15, "value_max": 7.5}]}])"),
       kInvalid, "/tasks/0/targets/0", "value_max 7.5 is less than value 15"},
      {"DueRuleWithoutN",
       Doc(R"(, "cadences": [{"id": "c", "name": "n", "kind": "briefing", "period": "dekad", "due": {"rule": "nth_working_day_after_end"}, "owner": {"role": "unit", "unit": "u"}}])"),
       kInvalid, "/cadences/0/due",
       "rule 'nth_working_day_after_end' needs 'n' of at least 1"},
      {"OwnerWithoutGroups",
       Doc(R"(, "cadences": [{"id": "c", "name": "n", "kind": "briefing", "period": "dekad", "due": {"rule": "last_working_day"}, "owner": {"role": "group_lead"}}])"),
       kInvalid, "/cadences/0/owner", "owner role 'group_lead' needs 'groups'"},
      {"CadenceWithoutOwner",
       Doc(R"(, "cadences": [{"id": "c", "name": "n", "kind": "briefing", "period": "dekad", "due": {"rule": "last_working_day"}}])"),
       kInvalid, "/cadences/0", "missing required key 'owner'"},
      {"TriggerWithoutPercent",
       Doc(R"(, "escalation": [{"id": "e", "rules": [{"id": "r", "trigger": {"kind": "pace_behind"}, "action": "remind"}]}])"),
       kInvalid, "/escalation/0/rules/0/trigger",
       "trigger 'pace_behind' needs 'percent' in (0, 100]"},
      {"RenameToTwoUnits",
       Doc(R"(, "unit_changes": [{"kind": "renamed", "date": "2023-11-10", "from": ["a"], "to": ["b", "c"]}])"),
       kInvalid, "/unit_changes/0",
       "a 'renamed' change has one 'from' and one 'to' unit; got 1 'from' and "
       "2 'to'"},
      {"UnitSetWithMembersAndGroup",
       Doc(R"(, "unit_sets": [{"id": "s", "name": "n", "members": ["a"], "group": "g"}])"),
       kInvalid, "/unit_sets/0",
       "a unit set lists its 'members' or stands for a 'group', not both"},
      // Limits.
      {"NestedTooDeep", Nested(40), kExhausted, "",
       "plan JSON nests deeper than the limit max_depth (32) at line 2, "
       "column 123 (byte 153)"},
      {"NestedTooDeepForCustomLimit", Nested(2), kExhausted, "",
       "nests deeper than the limit max_depth (4)", PlanLimits{.max_depth = 4}},
      {"TooManyBytes", Doc(), kExhausted, "",
       "plan JSON is 79 bytes, more than the limit max_bytes (50)",
       PlanLimits{.max_bytes = 50}},
      {"TooManyRecords",
       Doc(R"(, "people": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}])"),
       kExhausted, "", "more records than the limit max_records (3)",
       PlanLimits{.max_records = 3}},
      {"TooManyListEntries",
       Doc(R"(, "units": [{"id": "a", "name": "A", "aliases": ["1", "2", "3", "4"]}])"),
       kExhausted, "", "more records than the limit max_records (5)",
       PlanLimits{.max_records = 5}},
      {"NoRecordsAllowed", Doc(), kExhausted, "",
       "more records than the limit max_records (0)",
       PlanLimits{.max_records = 0}},
  };
  return cases;
}

class BadInputTest : public testing::TestWithParam<BadCase> {};

TEST_P(BadInputTest, ReportsCodePointerAndMessage) {
  const BadCase& c = GetParam();
  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<PlanData> plan = ParsePlanJson(c.json, &diagnostics, c.limits);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), c.code) << plan.status();
  EXPECT_NE(plan.status().message().find(c.fragment), std::string_view::npos)
      << plan.status();
  bool found = false;
  for (const PlanDiagnostic& d : diagnostics) {
    if (d.pointer == c.pointer &&
        d.message.find(c.fragment) != std::string::npos) {
      found = true;
    }
  }
  EXPECT_TRUE(found) << "no diagnostic at '" << c.pointer << "' containing '"
                     << c.fragment << "'; got: " << plan.status();
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadInputTest, testing::ValuesIn(BadCases()),
                         [](const testing::TestParamInfo<BadCase>& info) {
                           return info.param.name;
                         });

TEST(ParsePlanJsonTest, ReportsEveryErrorInOnePass) {
  const std::string json = Doc(R"(,
"units": [{"id": "a b", "nmae": "x"}],
"tasks": [{"id": "t", "kind": "taks", "line": 1.5,
           "assignments": [{"role": "lead", "unit": "u", "group": "g"}],
           "deadlines": [{"kind": "by", "date": "2023-02-30"}]}])");
  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<PlanData> plan = ParsePlanJson(json, &diagnostics);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::pair<std::string, std::string>> got;
  for (const PlanDiagnostic& d : diagnostics) {
    got.emplace_back(d.pointer, d.message);
  }
  const std::vector<std::pair<std::string, std::string>> want = {
      {"/units/0/id",
       "bad id 'a b': ids are 1-64 characters of A-Z a-z 0-9 _ . : -"},
      {"/units/0/nmae", "unknown key 'nmae'; did you mean 'name'?"},
      {"/units/0", "missing required key 'name'"},
      {"/tasks/0/kind",
       "expected one of part, section, task; got 'taks'; did you mean "
       "'task'?"},
      {"/tasks/0/line", "expected an integer; got 1.5"},
      {"/tasks/0/assignments/0",
       "expected exactly one of unit, unit_set, post, group; got unit and "
       "group"},
      {"/tasks/0/deadlines/0/date",
       "bad date '2023-02-30': day 30 is not 1..28 (February 2023 has 28 "
       "days)"},
  };
  EXPECT_EQ(got, want);
  std::string message = "plan JSON has 7 error(s):";
  for (const auto& [pointer, text] : want)
    message += "\n" + pointer + ": " + text;
  EXPECT_EQ(plan.status().message(), message);
}

TEST(ParsePlanJsonTest, AppendsToExistingDiagnostics) {
  std::vector<PlanDiagnostic> diagnostics = {{"/earlier", "kept"}};
  EXPECT_FALSE(
      ParsePlanJson(Doc(R"(, "units": [{"id": "a"}])"), &diagnostics).ok());
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].message, "kept");
  EXPECT_EQ(diagnostics[1].pointer, "/units/0");
}

TEST(ParsePlanJsonTest, StatusListsAHundredErrorsAndCountsTheRest) {
  std::string people;
  for (int i = 0; i < 130; ++i) {
    people += std::string(i ? ", " : "") + R"({"id": "bad id"})";
  }
  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<PlanData> plan =
      ParsePlanJson(Doc(", \"people\": [" + people + "]"), &diagnostics);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(diagnostics.size(), 260u);  // a bad id and a missing name each
  const std::string message(plan.status().message());
  EXPECT_EQ(message.substr(0, 28), "plan JSON has 260 error(s):\n");
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 101);
  EXPECT_TRUE(message.ends_with("\n... and 160 more"))
      << message.substr(message.size() - 40);
  EXPECT_EQ(diagnostics.back().pointer, "/people/129");
}

TEST(ParsePlanJsonTest, NullMeansAbsentForOptionalKeys) {
  absl::StatusOr<PlanData> plan = ParsePlanJson(Doc(R"(,
"unit_sets": [{"id": "s", "name": "各县市区", "group": null, "members": null}],
"tenures": [{"post": "p", "person": "q", "from": "2023-03-03", "to": null}])"));
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->unit_sets[0].group, "");
  EXPECT_TRUE(plan->unit_sets[0].members.empty());
  EXPECT_EQ(plan->tenures[0].to, std::nullopt);
}

TEST(ParsePlanJsonTest, IntegralDoublesAreIntegers) {
  absl::StatusOr<PlanData> plan =
      ParsePlanJson(Doc(R"(, "tasks": [{"id": "t", "line": 12.0}])"));
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->tasks[0].line, 12);
}

TEST(ParsePlanJsonTest, KeysInAnyOrder) {
  absl::StatusOr<PlanData> plan = ParsePlanJson(R"({
    "tasks": [{"notes": "n", "kind": "part", "id": "p1"}],
    "plan": {"year": 2023, "id": "p", "title": "T"},
    "format": "dutygraph/plan@1"})");
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->tasks[0].id, "p1");
  EXPECT_EQ(plan->tasks[0].kind, "part");
  EXPECT_EQ(plan->tasks[0].notes, "n");
  EXPECT_EQ(plan->plan.year, 2023);
}

TEST(ParsePlanJsonTest, EscapesAreDecoded) {
  absl::StatusOr<PlanData> plan = ParsePlanJson(Doc(
      R"(, "people": [{"id": "a", "name": "\u4e8e\u65b0\u51e1", "notes": "a\"b\\c\nd\ud83d\ude00"}])"));
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->people[0].name, "于新凡");
  EXPECT_EQ(plan->people[0].notes, "a\"b\\c\nd\xF0\x9F\x98\x80");
}

// ---------------------------------------------------------------------------
// Round trips.

// A plan that sets every field of every record to a non-default value.
PlanData FullPlan() {
  PlanData d;
  d.plan = {"hengyang-2023",   "衡阳市打好“发展六仗”总体实施方案",
            "衡办〔2023〕7号", {"中共衡阳市委办公室", "衡阳市人民政府办公室"},
            D("2023-03-03"),   2023,
            "衡阳市",          "seed/000_f66dfdd534aceaf8.txt"};
  d.units = {
      {"fgw",
       "市发改委",
       "衡阳市发展和改革委员会",
       {"市发展改革委"},
       "department",
       "city_gov",
       "fgw.director",
       "exec_vice_mayor",
       "牵头\"六仗\"\n\t第二行 \\ 结束"},
      {"city_gov", "市人民政府", "", {}, "government", "", "mayor", "", ""},
      {"yjbj", "衡阳银保监分局", "", {}, "other", "", "", "", ""},
      {"jrjg",
       "国家金融监督管理总局衡阳监管分局",
       "",
       {"衡阳金融监管分局"},
       "financial_regulator",
       "",
       "",
       "",
       ""},
  };
  d.unit_changes = {{"renamed",
                     D("2023-11-10"),
                     {"yjbj"},
                     {"jrjg"},
                     "衡阳银保监分局 → 国家金融监督管理总局衡阳监管分局"}};
  d.unit_sets = {
      {"counties",
       "各县市区",
       {"各县（市、区）"},
       {"fgw", "city_gov"},
       true,
       "",
       "县级"},
      {"growth_members", "专班成员单位", {}, {}, false, "g_growth", ""},
  };
  d.posts = {
      {"exec_vice_mayor", "市委常委、市政府常务副市长", "city_gov", "mayor",
       "分管发改"},
      {"mayor", "市长", "city_gov", "", ""},
      {"fgw.director", "市发改委主任", "fgw", "exec_vice_mayor", ""},
  };
  d.people = {{"yu_xinfan", "于新凡", "附件7"}, {"zhu_jian", "朱健", ""}};
  d.tenures = {
      {"exec_vice_mayor", "yu_xinfan", D("2023-03-03"), D("2023-12-31"),
       "附件7"},
      {"mayor", "zhu_jian", D("2021-06-01"), std::nullopt, ""},
  };
  GroupData g;
  g.id = "g_growth";
  g.name = "打好经济增长主动仗工作专班";
  g.aliases = {"打好经济增长主动仗专班"};
  g.kind = "command";
  g.parent = "g_dispatch";
  g.conveners = {"exec_vice_mayor"};
  g.deputy_conveners = {"fgw.director"};
  g.guiding_posts = {"mayor"};
  g.members = {"fgw", "city_gov"};
  g.members_open = true;
  g.member_rule = "相关单位分管领导为成员";
  g.office_host = "fgw";
  g.office_director = "fgw.director";
  g.supervises = {"p1"};
  g.source = "1/三; 附件7/二";
  g.notes = "总调度下设";
  GroupData dispatch;
  dispatch.id = "g_dispatch";
  dispatch.name = "总调度";
  dispatch.kind = "dispatch";
  d.groups = {g, dispatch};

  TaskData part;
  part.id = "p1";
  part.kind = "part";
  part.number = "1";
  part.path = "1";
  part.title = "打好经济增长主动仗";
  part.line = 10;
  TaskData section;
  section.id = "p1.2";
  section.kind = "section";
  section.parent = "p1";
  section.number = "二";
  section.path = "1/二";
  section.title = "重点任务";
  TaskData task;
  task.id = "p1.2.1";
  task.parent = "p1.2";
  task.number = "1";
  task.path = "1/二/1";
  task.title = "实施旅游业兴城";
  task.text = "接待游客总人次、旅游总收入均增长 15% 以上。";
  task.line = 143;
  task.duration_working_days = 5;
  task.clauses = {{"做优文旅。", "市文旅广体局牵头，市卫健委等配合", true},
                  {"做强会展。", "市商务局负责", false}};
  task.assignments = {
      {Role::kLead, "fgw", "", "", "", 0, "市发改委"},
      {Role::kSupport, "", "counties", "", "", 0, "各县市区"},
      {Role::kResponsible, "", "", "mayor", "", 1, "市长"},
      {Role::kParticipate, "", "", "", "g_growth", -1, ""},
  };
  task.deadlines = {
      {"by", "年底前", D("2023-12-31"), std::nullopt, 0, "", 0, "按年度"},
      {"end_of_period", "三季度末", D("2023-09-30"), PeriodKind::kQuarter, 0,
       "", 0, ""},
      {"relative", "印发后5个工作日内", std::nullopt, std::nullopt, 5,
       "方案印发", 0, ""},
      {"recurring", "每旬第3天", std::nullopt, PeriodKind::kDekad, 0, "", 3,
       ""},
  };
  task.targets = {
      {"增长 7.5%～15%", "旅游总收入增长", "between", 7.5, 15.0, "%", 0.8,
       D("2023-12-31"), "区间"},
      {"接待游客总人次增长 15% 以上", "接待游客总人次增长", ">=", 15,
       std::nullopt, "%", std::nullopt, std::nullopt, ""},
      {"GDP 增长 -0.25 个百分点以内", "", "<=", -0.25, std::nullopt, "", 1e-7,
       std::nullopt, ""},
  };
  task.is_public = true;
  task.notes = "附件1";
  d.tasks = {part, section, task};
  d.dependencies = {{"p1.2", "p1.2.1", "finish_to_start", 2},
                    {"p1", "p1.2", "finish_to_start", 0}};

  CadenceData dekad;
  dekad.id = "c_dekad_brief";
  dekad.name = "旬简报";
  dekad.kind = "briefing";
  dekad.period = PeriodKind::kDekad;
  dekad.due_rule = "nth_working_day_after_end";
  dekad.due_n = 2;
  dekad.owner_role = "group_lead";
  dekad.owner_groups = {"g_growth", "g_dispatch"};
  dekad.recipients = {{"city_gov", "", "", ""},
                      {"", "mayor", "", ""},
                      {"", "", "g_dispatch", ""},
                      {"", "", "", "counties"}};
  dekad.source = "0/三/（三）";
  dekad.text = "旬简报、月通报、季总结";
  CadenceData month;
  month.id = "c_month";
  month.name = "月通报";
  month.kind = "circular";
  month.period = PeriodKind::kMonth;
  month.due_rule = "fixed_day";
  month.due_day = 5;
  month.due_roll = "modified-following";
  month.owner_role = "unit";
  month.owner_unit = "fgw";
  CadenceData year;
  year.id = "c_year";
  year.name = "年度总结";
  year.kind = "summary";
  year.period = PeriodKind::kYear;
  year.due_rule = "last_working_day";
  year.owner_role = "task_leads";
  year.owner_unit_set = "counties";
  year.owner_tasks = {"p1.2.1"};
  d.cadences = {dekad, month, year};

  EscalationPolicyData policy;
  policy.id = "safety_enforcement";
  policy.version = 2;
  policy.applies_to = {"p1"};
  policy.rules = {
      {"overdue_circular",
       "working_days_overdue",
       5,
       0,
       "",
       0,
       "circular",
       {"lead_unit", "lead_unit_head"},
       10,
       "通报"},
      {"cards",
       "cards_in_window",
       2,
       0,
       "yellow_card",
       30,
       "red_card",
       {"supervising_leader"},
       0,
       ""},
      {"pace", "pace_behind", 0, 12.5, "", 0, "interview", {}, 0, ""},
  };
  policy.source = "附件8";
  policy.text = "逾期通报";
  d.escalation = {policy};
  return d;
}

// The canonical text of FullPlan(), written out by hand from
// docs/plan-format.md: keys in record order, defaults omitted (kind "other"
// for units, "task_force" for groups, "task" for tasks, clause -1, type
// "finish_to_start", version 1, zeros, empty strings and arrays), 2-space
// indentation, UTF-8 as is, shortest numbers, a final newline.
constexpr char kFullPlanJson[] = R"({
  "format": "dutygraph/plan@1",
  "plan": {
    "id": "hengyang-2023",
    "title": "衡阳市打好“发展六仗”总体实施方案",
    "document_number": "衡办〔2023〕7号",
    "issuers": [
      "中共衡阳市委办公室",
      "衡阳市人民政府办公室"
    ],
    "issue_date": "2023-03-03",
    "year": 2023,
    "jurisdiction": "衡阳市",
    "source": "seed/000_f66dfdd534aceaf8.txt"
  },
  "units": [
    {
      "id": "fgw",
      "name": "市发改委",
      "full_name": "衡阳市发展和改革委员会",
      "aliases": [
        "市发展改革委"
      ],
      "kind": "department",
      "parent": "city_gov",
      "head_post": "fgw.director",
      "supervising_post": "exec_vice_mayor",
      "notes": "牵头\"六仗\"\n\t第二行 \\ 结束"
    },
    {
      "id": "city_gov",
      "name": "市人民政府",
      "kind": "government",
      "head_post": "mayor"
    },
    {
      "id": "yjbj",
      "name": "衡阳银保监分局"
    },
    {
      "id": "jrjg",
      "name": "国家金融监督管理总局衡阳监管分局",
      "aliases": [
        "衡阳金融监管分局"
      ],
      "kind": "financial_regulator"
    }
  ],
  "unit_changes": [
    {
      "kind": "renamed",
      "date": "2023-11-10",
      "from": [
        "yjbj"
      ],
      "to": [
        "jrjg"
      ],
      "note": "衡阳银保监分局 → 国家金融监督管理总局衡阳监管分局"
    }
  ],
  "unit_sets": [
    {
      "id": "counties",
      "name": "各县市区",
      "aliases": [
        "各县（市、区）"
      ],
      "members": [
        "fgw",
        "city_gov"
      ],
      "open": true,
      "notes": "县级"
    },
    {
      "id": "growth_members",
      "name": "专班成员单位",
      "group": "g_growth"
    }
  ],
  "posts": [
    {
      "id": "exec_vice_mayor",
      "title": "市委常委、市政府常务副市长",
      "unit": "city_gov",
      "superior": "mayor",
      "notes": "分管发改"
    },
    {
      "id": "mayor",
      "title": "市长",
      "unit": "city_gov"
    },
    {
      "id": "fgw.director",
      "title": "市发改委主任",
      "unit": "fgw",
      "superior": "exec_vice_mayor"
    }
  ],
  "people": [
    {
      "id": "yu_xinfan",
      "name": "于新凡",
      "notes": "附件7"
    },
    {
      "id": "zhu_jian",
      "name": "朱健"
    }
  ],
  "tenures": [
    {
      "post": "exec_vice_mayor",
      "person": "yu_xinfan",
      "from": "2023-03-03",
      "to": "2023-12-31",
      "source": "附件7"
    },
    {
      "post": "mayor",
      "person": "zhu_jian",
      "from": "2021-06-01"
    }
  ],
  "groups": [
    {
      "id": "g_growth",
      "name": "打好经济增长主动仗工作专班",
      "aliases": [
        "打好经济增长主动仗专班"
      ],
      "kind": "command",
      "parent": "g_dispatch",
      "conveners": [
        "exec_vice_mayor"
      ],
      "deputy_conveners": [
        "fgw.director"
      ],
      "guiding_posts": [
        "mayor"
      ],
      "members": [
        "fgw",
        "city_gov"
      ],
      "members_open": true,
      "member_rule": "相关单位分管领导为成员",
      "office_host": "fgw",
      "office_director": "fgw.director",
      "supervises": [
        "p1"
      ],
      "source": "1/三; 附件7/二",
      "notes": "总调度下设"
    },
    {
      "id": "g_dispatch",
      "name": "总调度",
      "kind": "dispatch"
    }
  ],
  "tasks": [
    {
      "id": "p1",
      "kind": "part",
      "number": "1",
      "path": "1",
      "title": "打好经济增长主动仗",
      "line": 10
    },
    {
      "id": "p1.2",
      "kind": "section",
      "parent": "p1",
      "number": "二",
      "path": "1/二",
      "title": "重点任务"
    },
    {
      "id": "p1.2.1",
      "parent": "p1.2",
      "number": "1",
      "path": "1/二/1",
      "title": "实施旅游业兴城",
      "text": "接待游客总人次、旅游总收入均增长 15% 以上。",
      "line": 143,
      "duration_working_days": 5,
      "clauses": [
        {
          "text": "做优文旅。",
          "annotation": "市文旅广体局牵头，市卫健委等配合",
          "open_list": true
        },
        {
          "text": "做强会展。",
          "annotation": "市商务局负责"
        }
      ],
      "assignments": [
        {
          "role": "lead",
          "unit": "fgw",
          "clause": 0,
          "as_written": "市发改委"
        },
        {
          "role": "support",
          "unit_set": "counties",
          "clause": 0,
          "as_written": "各县市区"
        },
        {
          "role": "responsible",
          "post": "mayor",
          "clause": 1,
          "as_written": "市长"
        },
        {
          "role": "participate",
          "group": "g_growth"
        }
      ],
      "deadlines": [
        {
          "kind": "by",
          "text": "年底前",
          "date": "2023-12-31",
          "notes": "按年度"
        },
        {
          "kind": "end_of_period",
          "text": "三季度末",
          "date": "2023-09-30",
          "period": "quarter"
        },
        {
          "kind": "relative",
          "text": "印发后5个工作日内",
          "working_days": 5,
          "after": "方案印发"
        },
        {
          "kind": "recurring",
          "text": "每旬第3天",
          "period": "dekad",
          "day": 3
        }
      ],
      "targets": [
        {
          "text": "增长 7.5%～15%",
          "indicator": "旅游总收入增长",
          "comparator": "between",
          "value": 7.5,
          "value_max": 15,
          "unit": "%",
          "baseline": 0.8,
          "due": "2023-12-31",
          "notes": "区间"
        },
        {
          "text": "接待游客总人次增长 15% 以上",
          "indicator": "接待游客总人次增长",
          "comparator": ">=",
          "value": 15,
          "unit": "%"
        },
        {
          "text": "GDP 增长 -0.25 个百分点以内",
          "comparator": "<=",
          "value": -0.25,
          "baseline": 1e-07
        }
      ],
      "public": true,
      "notes": "附件1"
    }
  ],
  "dependencies": [
    {
      "from": "p1.2",
      "to": "p1.2.1",
      "lag_working_days": 2
    },
    {
      "from": "p1",
      "to": "p1.2"
    }
  ],
  "cadences": [
    {
      "id": "c_dekad_brief",
      "name": "旬简报",
      "kind": "briefing",
      "period": "dekad",
      "due": {
        "rule": "nth_working_day_after_end",
        "n": 2
      },
      "owner": {
        "role": "group_lead",
        "groups": [
          "g_growth",
          "g_dispatch"
        ]
      },
      "recipients": [
        {
          "unit": "city_gov"
        },
        {
          "post": "mayor"
        },
        {
          "group": "g_dispatch"
        },
        {
          "unit_set": "counties"
        }
      ],
      "source": "0/三/（三）",
      "text": "旬简报、月通报、季总结"
    },
    {
      "id": "c_month",
      "name": "月通报",
      "kind": "circular",
      "period": "month",
      "due": {
        "rule": "fixed_day",
        "day": 5,
        "roll": "modified-following"
      },
      "owner": {
        "role": "unit",
        "unit": "fgw"
      }
    },
    {
      "id": "c_year",
      "name": "年度总结",
      "kind": "summary",
      "period": "year",
      "due": {
        "rule": "last_working_day"
      },
      "owner": {
        "role": "task_leads",
        "unit_set": "counties",
        "tasks": [
          "p1.2.1"
        ]
      }
    }
  ],
  "escalation": [
    {
      "id": "safety_enforcement",
      "version": 2,
      "applies_to": [
        "p1"
      ],
      "rules": [
        {
          "id": "overdue_circular",
          "trigger": {
            "kind": "working_days_overdue",
            "n": 5
          },
          "action": "circular",
          "audience": [
            "lead_unit",
            "lead_unit_head"
          ],
          "cooldown_working_days": 10,
          "text": "通报"
        },
        {
          "id": "cards",
          "trigger": {
            "kind": "cards_in_window",
            "n": 2,
            "card": "yellow_card",
            "window_days": 30
          },
          "action": "red_card",
          "audience": [
            "supervising_leader"
          ]
        },
        {
          "id": "pace",
          "trigger": {
            "kind": "pace_behind",
            "percent": 12.5
          },
          "action": "interview"
        }
      ],
      "source": "附件8",
      "text": "逾期通报"
    }
  ]
}
)";

// Field-by-field comparison, record by record, so that a failure names the
// record and shows both values.
auto Tie(const PlanInfo& r) {
  return std::tie(r.id, r.title, r.document_number, r.issuers, r.issue_date,
                  r.year, r.jurisdiction, r.source);
}
auto Tie(const UnitData& r) {
  return std::tie(r.id, r.name, r.full_name, r.aliases, r.kind, r.parent,
                  r.head_post, r.supervising_post, r.notes);
}
auto Tie(const UnitChangeData& r) {
  return std::tie(r.kind, r.date, r.from, r.to, r.note);
}
auto Tie(const UnitSetData& r) {
  return std::tie(r.id, r.name, r.aliases, r.members, r.open, r.group, r.notes);
}
auto Tie(const PostData& r) {
  return std::tie(r.id, r.title, r.unit, r.superior, r.notes);
}
auto Tie(const PersonData& r) { return std::tie(r.id, r.name, r.notes); }
auto Tie(const TenureData& r) {
  return std::tie(r.post, r.person, r.from, r.to, r.source);
}
auto Tie(const GroupData& r) {
  return std::tie(r.id, r.name, r.aliases, r.kind, r.parent, r.conveners,
                  r.deputy_conveners, r.guiding_posts, r.members,
                  r.members_open, r.member_rule, r.office_host,
                  r.office_director, r.supervises, r.source, r.notes);
}
auto Tie(const ClauseData& r) {
  return std::tie(r.text, r.annotation, r.open_list);
}
auto Tie(const AssignmentData& r) {
  return std::tie(r.role, r.unit, r.unit_set, r.post, r.group, r.clause,
                  r.as_written);
}
auto Tie(const DeadlineData& r) {
  return std::tie(r.kind, r.text, r.date, r.period, r.working_days, r.after,
                  r.day, r.notes);
}
auto Tie(const TargetData& r) {
  return std::tie(r.text, r.indicator, r.comparator, r.value, r.value_max,
                  r.unit, r.baseline, r.due, r.notes);
}
auto Tie(const TaskData& r) {  // the nested records are compared apart
  return std::tie(r.id, r.kind, r.parent, r.number, r.path, r.title, r.text,
                  r.line, r.duration_working_days, r.is_public, r.notes);
}
auto Tie(const DependencyData& r) {
  return std::tie(r.from, r.to, r.type, r.lag_working_days);
}
auto Tie(const RefData& r) {
  return std::tie(r.unit, r.post, r.group, r.unit_set);
}
auto Tie(const CadenceData& r) {
  return std::tie(r.id, r.name, r.kind, r.period, r.due_rule, r.due_n,
                  r.due_day, r.due_roll, r.owner_role, r.owner_groups,
                  r.owner_unit, r.owner_unit_set, r.owner_tasks, r.source,
                  r.text);
}
auto Tie(const EscalationRuleData& r) {
  return std::tie(r.id, r.trigger, r.n, r.percent, r.card, r.window_days,
                  r.action, r.audience, r.cooldown_working_days, r.text);
}
auto Tie(const EscalationPolicyData& r) {
  return std::tie(r.id, r.version, r.applies_to, r.source, r.text);
}

template <typename T>
void ExpectRecordsEq(const std::vector<T>& a, const std::vector<T>& b,
                     const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_TRUE(Tie(a[i]) == Tie(b[i])) << what << "[" << i << "] differs";
  }
}

void ExpectPlansEq(const PlanData& a, const PlanData& b) {
  EXPECT_TRUE(Tie(a.plan) == Tie(b.plan)) << "plan differs";
  ExpectRecordsEq(a.units, b.units, "units");
  ExpectRecordsEq(a.unit_changes, b.unit_changes, "unit_changes");
  ExpectRecordsEq(a.unit_sets, b.unit_sets, "unit_sets");
  ExpectRecordsEq(a.posts, b.posts, "posts");
  ExpectRecordsEq(a.people, b.people, "people");
  ExpectRecordsEq(a.tenures, b.tenures, "tenures");
  ExpectRecordsEq(a.groups, b.groups, "groups");
  ExpectRecordsEq(a.tasks, b.tasks, "tasks");
  for (size_t i = 0; i < a.tasks.size() && i < b.tasks.size(); ++i) {
    const std::string at = "tasks[" + std::to_string(i) + "].";
    ExpectRecordsEq(a.tasks[i].clauses, b.tasks[i].clauses, at + "clauses");
    ExpectRecordsEq(a.tasks[i].assignments, b.tasks[i].assignments,
                    at + "assignments");
    ExpectRecordsEq(a.tasks[i].deadlines, b.tasks[i].deadlines,
                    at + "deadlines");
    ExpectRecordsEq(a.tasks[i].targets, b.tasks[i].targets, at + "targets");
  }
  ExpectRecordsEq(a.dependencies, b.dependencies, "dependencies");
  ExpectRecordsEq(a.cadences, b.cadences, "cadences");
  for (size_t i = 0; i < a.cadences.size() && i < b.cadences.size(); ++i) {
    ExpectRecordsEq(a.cadences[i].recipients, b.cadences[i].recipients,
                    "cadences[" + std::to_string(i) + "].recipients");
  }
  ExpectRecordsEq(a.escalation, b.escalation, "escalation");
  for (size_t i = 0; i < a.escalation.size() && i < b.escalation.size(); ++i) {
    ExpectRecordsEq(a.escalation[i].rules, b.escalation[i].rules,
                    "escalation[" + std::to_string(i) + "].rules");
  }
}

TEST(WritePlanJsonTest, WritesTheCanonicalText) {
  EXPECT_EQ(WritePlanJson(FullPlan()), kFullPlanJson);
}

TEST(WritePlanJsonTest, MinimalPlan) {
  PlanData d;
  d.plan.id = "p";
  d.plan.title = "T";
  d.plan.year = 2023;
  EXPECT_EQ(WritePlanJson(d), R"({
  "format": "dutygraph/plan@1",
  "plan": {
    "id": "p",
    "title": "T",
    "year": 2023
  }
}
)");
}

TEST(WritePlanJsonTest, EscapesOnlyWhatJsonRequires) {
  PlanData d;
  d.plan.id = "p";
  d.plan.title = std::string("a\x01\x1f\x7f/é\b\f\r", 10);
  d.plan.year = 2023;
  const std::string text = WritePlanJson(d);
  EXPECT_NE(text.find(R"("title": "a\u0001\u001f)"
                      "\x7f"
                      R"(/é\b\f\r")"),
            std::string::npos)
      << text;
  absl::StatusOr<PlanData> back = ParsePlanJson(text);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->plan.title, d.plan.title);
}

TEST(RoundTripTest, ParseReadsBackEveryField) {
  absl::StatusOr<PlanData> parsed = ParsePlanJson(kFullPlanJson);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ExpectPlansEq(*parsed, FullPlan());
}

TEST(RoundTripTest, WriteThenParseIsIdentity) {
  const PlanData original = FullPlan();
  absl::StatusOr<PlanData> parsed = ParsePlanJson(WritePlanJson(original));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ExpectPlansEq(*parsed, original);
}

// A std::string with 64 bytes of spare capacity is parsed in place, without
// the copy; the result, and the errors, are the same as through a view.
TEST(RoundTripTest, StringWithSpareCapacityParsesInPlaceAlike) {
  std::string roomy;
  roomy.reserve(std::string_view(kFullPlanJson).size() + 64);
  roomy = kFullPlanJson;
  ASSERT_GE(roomy.capacity() - roomy.size(), 64u);
  absl::StatusOr<PlanData> parsed = ParsePlanJson(roomy);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ExpectPlansEq(*parsed, FullPlan());
  absl::StatusOr<Plan> loaded = LoadPlanJson(roomy);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->data().tasks.size(), FullPlan().tasks.size());

  // Truncated: the parser must stop at the end of the text, not read on
  // into the spare capacity (filled with text that would close the object).
  const std::string_view full(kFullPlanJson);
  std::string cut(full);
  cut.append(64, '}');
  cut.resize(full.size() - 3);  // keeps the capacity and the '}' beyond
  std::vector<PlanDiagnostic> in_place, copied;
  absl::StatusOr<PlanData> a = ParsePlanJson(cut, &in_place);
  absl::StatusOr<PlanData> b =
      ParsePlanJson(std::string_view(cut), &copied);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status(), b.status());
  EXPECT_NE(a.status().message().find("malformed JSON"), std::string::npos)
      << a.status();
}

TEST(RoundTripTest, CanonicalTextIsAFixedPoint) {
  absl::StatusOr<PlanData> parsed = ParsePlanJson(kFullPlanJson);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(WritePlanJson(*parsed), kFullPlanJson);
}

TEST(RoundTripTest, DoublesSurviveExactly) {
  for (double v : {0.1, 1.0 / 3, 2.5e-300, 1.7976931348623157e308, -7.5,
                   123456789.125, 1e21, 5e-324}) {
    PlanData d;
    d.plan = {"p", "T", "", {}, std::nullopt, 2023, "", ""};
    TaskData t;
    t.id = "t";
    t.targets = {
        {"x", "", ">=", v, std::nullopt, "", std::nullopt, std::nullopt, ""}};
    d.tasks = {t};
    absl::StatusOr<PlanData> back = ParsePlanJson(WritePlanJson(d));
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(back->tasks[0].targets[0].value, v);
  }
}

// A larger generated plan: every record survives and the text is stable.
TEST(RoundTripTest, GeneratedPlanOfAThousandTasks) {
  PlanData d;
  d.plan = {"big", "大计划", "", {}, std::nullopt, 2023, "", ""};
  for (int u = 0; u < 50; ++u) {
    d.units.push_back({"u" + std::to_string(u),
                       "单位" + std::to_string(u),
                       "",
                       {},
                       "department",
                       "",
                       "",
                       "",
                       ""});
  }
  for (int t = 0; t < 1000; ++t) {
    TaskData task;
    task.id = "t" + std::to_string(t);
    task.kind = t % 100 == 0 ? "part" : "task";
    task.title = "任务" + std::to_string(t);
    task.line = t + 1;
    for (int a = 0; a < 3; ++a) {
      task.assignments.push_back({a == 0 ? Role::kLead : Role::kSupport,
                                  "u" + std::to_string((t * 7 + a) % 50), "",
                                  "", "", -1, ""});
    }
    d.tasks.push_back(std::move(task));
  }
  const std::string text = WritePlanJson(d);
  absl::StatusOr<PlanData> back = ParsePlanJson(text);
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectPlansEq(*back, d);
  EXPECT_EQ(WritePlanJson(*back), text);
}

// Ten thousand tasks: large inputs keep every record and report errors in
// document order.
PlanData ManyTasks(int count) {
  PlanData d;
  d.plan = {"many", "多任务", "", {}, std::nullopt, 2023, "", ""};
  for (int t = 0; t < count; ++t) {
    TaskData task;
    task.id = "t" + std::to_string(t);
    task.kind = t == 0 ? "part" : "task";
    task.parent = t == 0 ? "" : "t0";
    task.title = "任务" + std::to_string(t);
    task.clauses = {{"条款" + std::to_string(t), "", false}};
    task.assignments = {
        {Role::kLead, "u" + std::to_string(t % 7), "", "", "", 0, ""}};
    d.tasks.push_back(std::move(task));
  }
  return d;
}

TEST(LargePlanTest, KeepsEveryRecord) {
  const PlanData original = ManyTasks(10'000);
  const std::string text = WritePlanJson(original);
  absl::StatusOr<PlanData> back = ParsePlanJson(text);
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectPlansEq(*back, original);
  EXPECT_EQ(WritePlanJson(*back), text);
}

TEST(LargePlanTest, KeepsErrorsInDocumentOrder) {
  PlanData d = ManyTasks(10'000);
  d.tasks[9'000].kind = "taks";
  d.tasks[17].assignments[0].role = static_cast<Role>(7);  // "unknown"
  d.tasks[5'000].id = "bad id";
  d.tasks[4'999].clauses[0].text = "";  // written as {}: no text
  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<PlanData> back = ParsePlanJson(WritePlanJson(d), &diagnostics);
  ASSERT_FALSE(back.ok());
  std::vector<std::string> pointers;
  for (const PlanDiagnostic& p : diagnostics) pointers.push_back(p.pointer);
  EXPECT_EQ(pointers,
            (std::vector<std::string>{"/tasks/17/assignments/0/role",
                                      "/tasks/4999/clauses/0", "/tasks/5000/id",
                                      "/tasks/9000/kind"}));
}

TEST(LargePlanTest, RecordLimitCountsBothHalves) {
  const std::string text = WritePlanJson(ManyTasks(10'000));
  // plan 1 + tasks 10,000 + one clause and one assignment each.
  const size_t records = 1 + 3 * 10'000;
  EXPECT_TRUE(
      ParsePlanJson(text, nullptr, PlanLimits{.max_records = records}).ok());
  absl::StatusOr<PlanData> over =
      ParsePlanJson(text, nullptr, PlanLimits{.max_records = records - 1});
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().code(), absl::StatusCode::kResourceExhausted);
}

// ---------------------------------------------------------------------------
// Loading.

class TempFile {
 public:
  explicit TempFile(const std::string& contents)
      : path_(std::filesystem::temp_directory_path() /
              ("dg_plan_json_test_" + std::to_string(::getpid()) + "_" +
               std::to_string(counter_++) + ".json")) {
    std::ofstream(path_, std::ios::binary) << contents;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

TEST(LoadPlanTest, MissingFileIsNotFound) {
  absl::StatusOr<Plan> plan = LoadPlanFile("/nonexistent/dir/plan.json");
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(plan.status().message().find("'/nonexistent/dir/plan.json'"),
            std::string_view::npos)
      << plan.status();
}

TEST(LoadPlanTest, DirectoryIsNotFound) {
  const std::string dir = std::filesystem::temp_directory_path().string();
  absl::StatusOr<Plan> plan = LoadPlanFile(dir);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(plan.status().message(),
            "cannot read plan file '" + dir + "': not a regular file");
}

TEST(LoadPlanTest, LoadsAValidFile) {
  TempFile file(kFullPlanJson);
  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<Plan> plan = LoadPlanFile(file.path(), &diagnostics);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_TRUE(diagnostics.empty());
  ExpectPlansEq(plan->data(), FullPlan());
}

TEST(LoadPlanTest, FileErrorsCarryPointers) {
  TempFile file(Doc(R"(, "units": [{"id": "a", "nmae": "b"}])"));
  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<Plan> plan = LoadPlanFile(file.path(), &diagnostics);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].pointer, "/units/0/nmae");
}

TEST(LoadPlanTest, FileLargerThanTheLimitIsNotRead) {
  TempFile file(kFullPlanJson);
  absl::StatusOr<Plan> plan =
      LoadPlanFile(file.path(), nullptr, PlanLimits{.max_bytes = 100});
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(plan.status().message().find("max_bytes (100)"),
            std::string_view::npos)
      << plan.status();
}

TEST(LoadPlanTest, CrossRecordErrorsComeFromTheBuilder) {
  // Well-formed, but the assignment names a unit that does not exist.
  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<Plan> plan =
      LoadPlanJson(Doc(R"(, "units": [{"id": "fgw", "name": "市发改委"}],
             "tasks": [{"id": "p1", "kind": "part", "title": "T",
                        "assignments": [{"role": "lead", "unit": "fgv"}]}])"),
                   &diagnostics);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(diagnostics.size(), 1u) << plan.status();
  EXPECT_EQ(diagnostics[0].pointer, "/tasks/0/assignments/0/unit");
  EXPECT_NE(diagnostics[0].message.find("did you mean 'fgw'"),
            std::string::npos)
      << diagnostics[0].message;
}

// ---------------------------------------------------------------------------
// The example dataset, once it exists.

TEST(ExampleDatasetTest, HengyangParsesAndCanonicalisesStably) {
  const std::string path =
      std::string(DG_SOURCE_DIR) + "/examples/hengyang-2023/plan.json";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not there yet";
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  absl::StatusOr<PlanData> first = ParsePlanJson(buffer.str());
  ASSERT_TRUE(first.ok()) << first.status();
  const std::string canonical = WritePlanJson(*first);
  absl::StatusOr<PlanData> second = ParsePlanJson(canonical);
  ASSERT_TRUE(second.ok()) << second.status();
  ExpectPlansEq(*second, *first);
  EXPECT_EQ(WritePlanJson(*second), canonical);
  absl::StatusOr<Plan> plan = LoadPlanFile(path);
  EXPECT_TRUE(plan.ok()) << plan.status();
}

}  // namespace
}  // namespace dutygraph

namespace dutygraph {
namespace {

// Regression: an empty view with a null data pointer (what the C API passes
// for (NULL, 0)) reached simdjson's memcpy as a null source, which UBSan
// reports. It must be an ordinary "empty input" error.
TEST(ParsePlanJsonRegressionTest, NullEmptyViewIsAnOrdinaryError) {
  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<PlanData> data =
      ParsePlanJson(std::string_view(), &diagnostics);
  EXPECT_EQ(data.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(diagnostics.size(), 1u);
}

}  // namespace
}  // namespace dutygraph
