// tests/hostile/hostile_cxx_test.cc — the hostile-input catalogue, C++ face.
//
// One table per entry point, one bad input per line: what it is, the exact
// status code expected and a piece of the message that says *where* (a JSON
// Pointer, a line number, an argument). After each failure the test also
// checks that nothing changed: a failed plan load yields no plan (and its
// diagnostics point at the fault), a failed calendar overlay leaves the base
// calendar answering as before. See docs/hostile-input.md for the catalogue
// across the four faces.
//
// Plan cases are edits of the shared fixture tests/data/small_plan.json, so
// that each line shows exactly what was broken.

#include <cstdio>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/schedule.h"
#include "dutygraph/store.h"
#include "dutygraph/tracking.h"
#include "dutygraph/tracking_store.h"
#include "gtest/gtest.h"

namespace dutygraph {
namespace {

using Code = absl::StatusCode;

std::string Fixture() {
  std::ifstream in(std::string(DG_SOURCE_DIR) + "/tests/data/small_plan.json",
                   std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The fixture with the first occurrence of `from` replaced by `to`. A typo
// in a case (no such text) fails loudly instead of testing the fixture.
std::string Edit(std::string_view from, std::string_view to) {
  std::string text = Fixture();
  const size_t at = text.find(from);
  if (at == std::string::npos) return "EDIT NOT FOUND: " + std::string(from);
  text.replace(at, from.size(), to);
  return text;
}

std::string Nested(int depth) {
  return Edit(R"("year": 2023)", R"("year": 2023, "x": )" +
                                     std::string(depth, '[') +
                                     std::string(depth, ']'));
}

std::string Cut(size_t keep) { return Fixture().substr(0, keep); }

struct PlanCase {
  const char* name;
  std::string json;
  Code code;
  const char* message;  // a substring of the status message
  const char* pointer;  // a substring of some diagnostic's pointer, or ""
  PlanLimits limits = {};
};

PlanLimits Limits(size_t bytes, int depth, size_t records) {
  PlanLimits l;
  l.max_bytes = bytes;
  l.max_depth = depth;
  l.max_records = records;
  return l;
}

const Code kBad = Code::kInvalidArgument;
const Code kTooBig = Code::kResourceExhausted;

std::vector<PlanCase> PlanCases() {
  return {
      // --- empty, truncated, malformed ---------------------------------------
      {"empty_text", "", kBad, "empty", ""},
      {"only_whitespace", " \n\t\r\n", kBad, "only whitespace", ""},
      {"truncated_half", Cut(Fixture().size() / 2), kBad, "line", ""},
      {"truncated_after_brace", "{", kBad, "line 1", ""},
      {"truncated_in_string", Cut(60), kBad, "line", ""},
      {"trailing_comma", Edit(R"("year": 2023)", R"("year": 2023,)"), kBad,
       "line 8, column 3", ""},
      {"single_quotes", Edit(R"("id": "small")", R"('id': 'small')"), kBad,
       "line 4", ""},
      {"two_documents", Fixture() + "{}", kBad, "line", ""},
      {"not_an_object", "[]", kBad, "object", ""},
      {"a_bare_string", "\"dutygraph/plan@1\"", kBad, "object", ""},
      // --- wrong types and values -------------------------------------------
      {"wrong_format", Edit("plan@1", "plan@2"), kBad, "dutygraph/plan@1",
       "/format"},
      {"year_as_string", Edit(R"("year": 2023)", R"("year": "2023")"), kBad,
       "/plan/year", "/plan/year"},
      {"year_fractional", Edit(R"("year": 2023)", R"("year": 2023.5)"), kBad,
       "/plan/year", "/plan/year"},
      {"units_as_object", Edit(R"("units": [)", R"("units": {"a": [)") , kBad,
       "line", ""},
      {"units_is_null_string", Edit(R"("units": [)", R"("units": "none", "x": [)"),
       kBad, "/units", "/units"},
      {"unknown_key", Edit(R"("year": 2023)", R"("year": 2023, "titel": "x")"),
       kBad, "titel", "/plan/titel"},
      {"duplicate_key", Edit(R"("year": 2023)", R"("year": 2023, "year": 2024)"),
       kBad, "duplicate", "/plan"},
      {"bad_enum_kind", Edit(R"("kind": "department")", R"("kind": "departmnet")"),
       kBad, "department", "/units/1/kind"},
      {"bad_id_chars", Edit(R"("id": "jrb")", R"("id": "j r b")"), kBad,
       "/units/3/id", "/units/3/id"},
      {"negative_duration",
       Edit(R"("title": "合力化解存量债务")",
            R"("title": "合力化解存量债务", "duration_working_days": -5)"),
       kBad, "duration_working_days", "/tasks/4/duration_working_days"},
      // --- ids and references -----------------------------------------------
      {"duplicate_unit_id", Edit(R"("id": "jrb")", R"("id": "czj")"), kBad,
       "czj", "/units/3/id"},
      {"dangling_assignment_unit",
       Edit(R"("unit": "jrb"
        })", R"("unit": "jrbb"
        })"), kBad,
       "did you mean 'jrb'", "/tasks/3/assignments/1/unit"},
      {"dangling_parent_task", Edit(R"("parent": "s_debt")",
                                    R"("parent": "s_debtx")"),
       kBad, "s_debtx", "/tasks/2/parent"},
      {"dangling_tenure_person", Edit(R"("person": "lin_xiyang")",
                                      R"("person": "nobody")"),
       kBad, "nobody", "/tenures/3/person"},
      {"dangling_unit_change", Edit(R"("to": [
        "jrjg")", R"("to": [
        "gone")"),
       kBad, "gone", "/unit_changes/0/to/0"},
      // --- cycles ------------------------------------------------------------
      {"dependency_cycle",
       Edit(R"({
      "from": "t_hidden_debt",
      "to": "t_warning"
    })",
            R"({"from": "t_hidden_debt", "to": "t_warning"},
               {"from": "t_warning", "to": "t_hidden_debt"})"),
       kBad, "cycle", "/dependencies"},
      {"self_dependency",
       Edit(R"("to": "t_warning")", R"("to": "t_hidden_debt")"), kBad,
       "t_hidden_debt", "/dependencies/0"},
      {"task_tree_cycle",
       // Parents must come first in the array, so a cycle cannot be written.
       Edit(R"("parent": "p4")", R"("parent": "t_hidden_debt")"), kBad,
       "parent 't_hidden_debt' must come earlier", "/tasks/1/parent"},
      {"group_parent_cycle",
       Edit(R"("kind": "dispatch")", R"("kind": "dispatch", "parent": "g_debt")"),
       kBad, "cycle", "/groups/"},
      // --- dates -------------------------------------------------------------
      {"impossible_date", Edit("2023-03-03", "2023-02-30"), kBad,
       "2023-02-30", "/plan/issue_date"},
      {"month_13", Edit("2023-03-03", "2023-13-01"), kBad, "2023-13-01",
       "/plan/issue_date"},
      {"date_before_range", Edit("2023-03-03", "1399-12-31"), kBad,
       "1399-12-31", "/plan/issue_date"},
      {"date_not_iso", Edit("2023-03-03", "2023/03/03"), kBad, "2023/03/03",
       "/plan/issue_date"},
      {"tenure_ends_before_start",
       Edit(R"("to": "2023-06-30")", R"("to": "2023-01-30")"), kBad,
       "2023-01-30", "/tenures/1"},
      // --- encodings and bytes ----------------------------------------------
      {"invalid_utf8", Edit("市金融办", "市金\xC3\x28办"), kBad, "UTF-8", ""},
      {"overlong_utf8_slash", Edit("市金融办", "\xC0\xAF"), kBad, "UTF-8", ""},
      {"utf8_surrogate", Edit("市金融办", "\xED\xA0\x80"), kBad, "UTF-8", ""},
      {"truncated_utf8_at_end", Fixture() + "\xE5\xB8", kBad, "UTF-8", ""},
      {"raw_nul_in_string", Edit("市金融办", std::string("市金\0办", 10)), kBad,
       "line", ""},
      {"escaped_nul_in_id", Edit(R"("id": "jrb")", R"("id": "jr\u0000b")"),
       kBad, "/units/3/id", "/units/3/id"},
      {"lone_surrogate_escape", Edit("市金融办", R"(\ud800)"), kBad, "line", ""},
      // --- numbers ------------------------------------------------------------
      {"huge_integer", Edit(R"("year": 2023)", R"("year": 99999999999999999999999)"),
       kBad, "line", ""},
      {"huge_exponent", Edit(R"("year": 2023)", R"("year": 1e400)"), kBad,
       "line", ""},
      {"year_beyond_int32", Edit(R"("year": 2023)", R"("year": 4294967296)"),
       kBad, "/plan/year", "/plan/year"},
      // --- limits (RESOURCE_EXHAUSTED, never an OOM kill) ---------------------
      {"deep_nesting_default_limit", Nested(100000), kTooBig, "max_depth", ""},
      {"nesting_over_a_lowered_limit", Nested(10), kTooBig, "max_depth", "",
       Limits(size_t{512} << 20, 8, 5'000'000)},
      {"bytes_over_limit", Fixture(), kTooBig, "max_bytes", "",
       Limits(1000, 32, 5'000'000)},
      {"records_over_limit", Fixture(), kTooBig, "max_records", "",
       Limits(size_t{512} << 20, 32, 10)},
  };
}

// Parameter names, not byte dumps, in failure reports.
void PrintTo(const PlanCase& c, std::ostream* os) { *os << c.name; }

class PlanHostileTest : public testing::TestWithParam<PlanCase> {};

TEST_P(PlanHostileTest, FailsWithCodeMessageAndPointerBuildingNothing) {
  const PlanCase& c = GetParam();
  ASSERT_EQ(c.json.rfind("EDIT NOT FOUND", 0), std::string::npos) << c.json;
  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<Plan> plan = LoadPlanJson(c.json, &diagnostics, c.limits);
  ASSERT_FALSE(plan.ok()) << c.name << " was accepted";
  EXPECT_EQ(plan.status().code(), c.code) << plan.status();
  EXPECT_NE(std::string(plan.status().message()).find(c.message),
            std::string::npos)
      << c.name << ": message lacks '" << c.message << "':\n"
      << plan.status().message();
  // Nothing half-built: the answer is a status, and every problem is listed.
  EXPECT_FALSE(diagnostics.empty());
  if (*c.pointer != '\0') {
    bool found = false;
    for (const PlanDiagnostic& d : diagnostics) {
      found = found || d.pointer.find(c.pointer) != std::string::npos;
    }
    EXPECT_TRUE(found) << c.name << ": no diagnostic at '" << c.pointer
                       << "':\n"
                       << plan.status().message();
  }
}

INSTANTIATE_TEST_SUITE_P(Catalogue, PlanHostileTest,
                         testing::ValuesIn(PlanCases()),
                         [](const auto& info) { return info.param.name; });

TEST(PlanHostileTest, TheFixtureItselfLoads) {
  // The cases are edits of it: it must be valid, or they prove nothing.
  EXPECT_TRUE(LoadPlanJson(Fixture()).ok());
}

// --- calendar overlays -------------------------------------------------------

struct CalendarCase {
  const char* name;
  std::string text;
  Code code;
  const char* message;
  CalendarLimits limits = {};
};

CalendarLimits Lowered(size_t CalendarLimits::*limit, size_t value) {
  CalendarLimits l;
  l.*limit = value;
  return l;
}

std::vector<CalendarCase> CalendarCases() {
  std::string many_notices;  // each notice may declare its year again
  for (int year = 1951; year <= 2149; ++year) {
    for (int copy = 0; copy < 3; ++copy) {
      many_notices += "notice " + std::to_string(year) + " - n\nwork " +
                      std::to_string(year) + "-01-01.." +
                      std::to_string(year) + "-12-31 x\n";
    }
  }
  return {
      {"impossible_date", "off 2023-02-30 假日", kBad,
       "overlay:1: bad date '2023-02-30'"},
      {"month_13", "\n\noff 2023-13-01 假日", kBad, "overlay:3:"},
      {"before_the_calendar", "off 1949-12-31 假日", kBad, "overlay:1:"},
      {"after_the_calendar", "work 2150-01-01", kBad, "overlay:1:"},
      {"unknown_keyword", "holiday 2023-05-04 青年节", kBad,
       "overlay:1: unknown keyword 'holiday'"},
      {"off_without_name", "off 2023-05-04", kBad, "overlay:1: 'off' needs"},
      {"reversed_range", "off 2023-05-04..2023-05-01 x", kBad,
       "ends before it starts"},
      {"range_too_long", "off 2023-01-01..2024-12-31 x", kBad,
       "longer than 366 days"},
      {"declared_twice", "off 2023-05-04 a\nwork 2023-05-04", kBad,
       "overlay:2: 2023-05-04 is already declared on line 1"},
      {"notice_year_garbage", "notice 20x3 - t", kBad,
       "overlay:1: bad notice year"},
      {"notice_out_of_reach", "notice 2023 - t\noff 2021-05-01 x", kBad,
       "overlay:2: 2021-05-01 is outside the years 2022-2023"},
      {"invalid_utf8", "off 2023-05-04 \xC3\x28", kBad, "overlay:1"},
      {"overlong_utf8", "off 2023-05-04 \xC0\xAF", kBad, "overlay:1"},
      {"nul_byte", std::string("off 2023-05-04 a\0b", 18), kBad,
       "overlay:1: NUL byte"},
      {"text_over_16_mib", std::string((16 << 20) + 1, '#'), kTooBig,
       "the limit is"},
      {"days_over_limit", many_notices, kTooBig,
       "declares more than 100000 days; the limit is 100000 "
       "(max_declared_days)"},
      // One year's range with a 16 MiB name: 366 copies would be 6 GB.
      {"huge_name_in_a_long_range",
       "off 2023-01-01..2023-12-31 " + std::string(16 << 20, 'x'), kTooBig,
       "overlay:1: the day's name is 16777216 bytes; the limit is 1024 "
       "(max_name_bytes)",
       Lowered(&CalendarLimits::max_bytes, 32 << 20)},
      // Lowered limits refuse small real overlays, naming the limit.
      {"over_lowered_bytes", "off 2023-05-04 青年节\n", kTooBig,
       "overlay: calendar text is 25 bytes; the limit is 10 (max_bytes)",
       Lowered(&CalendarLimits::max_bytes, 10)},
      {"over_lowered_days", "work 2023-05-06\noff 2023-05-04..2023-05-05 x",
       kTooBig,
       "overlay:2: the calendar text declares more than 2 days; the limit is "
       "2 (max_declared_days)",
       Lowered(&CalendarLimits::max_declared_days, 2)},
      {"over_lowered_name", "off 2023-05-04 青年节", kTooBig,
       "overlay:1: the day's name is 9 bytes; the limit is 8 "
       "(max_name_bytes)",
       Lowered(&CalendarLimits::max_name_bytes, 8)},
      {"over_lowered_total_days", "off 2023-05-04 青年节", kTooBig,
       "overlay:1: the derived calendar would declare",
       Lowered(&CalendarLimits::max_total_declared_days, 100)},
      {"over_lowered_layers", "off 2023-05-04 青年节", kTooBig,
       "overlay: the derived calendar would have 2 layers (the built-in data "
       "is the first); the limit is 1 (max_layers)",
       Lowered(&CalendarLimits::max_layers, 1)},
  };
}

void PrintTo(const CalendarCase& c, std::ostream* os) { *os << c.name; }

class CalendarHostileTest : public testing::TestWithParam<CalendarCase> {};

TEST_P(CalendarHostileTest, OverlayFailsAndTheBaseIsUnchanged) {
  const CalendarCase& c = GetParam();
  const Calendar base = Calendar::ChinaMainland();
  const Date labour_day = *Date::Parse("2023-05-04");  // worked, not off
  absl::StatusOr<Calendar> derived =
      base.DeriveFromText(c.text, "overlay", c.limits);
  ASSERT_FALSE(derived.ok()) << c.name << " was accepted";
  EXPECT_EQ(derived.status().code(), c.code) << derived.status();
  EXPECT_NE(std::string(derived.status().message()).find(c.message),
            std::string::npos)
      << c.name << ": message lacks '" << c.message << "':\n"
      << derived.status().message().substr(0, 300);
  // The base calendar answers as it did: nothing of the overlay leaked in.
  absl::StatusOr<CalendarResult<bool>> working = base.IsWorkingDay(labour_day);
  ASSERT_TRUE(working.ok());
  EXPECT_TRUE(working->value);
  EXPECT_FALSE(base.IsWorkingDay(*Date::Parse("2023-05-01"))->value);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, CalendarHostileTest,
                         testing::ValuesIn(CalendarCases()),
                         [](const auto& info) { return info.param.name; });

TEST(CalendarFileHostileTest, AHugeFileIsRefusedBeforeItIsRead) {
  // A sparse 1 GiB file: it used to be read whole before the 16 MiB check.
  const std::string path = testing::TempDir() + "/hostile_huge_calendar.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out.seekp((std::streamoff{1} << 30) - 1);
    out.put('\n');
  }
  const Calendar base = Calendar::ChinaMainland();
  absl::StatusOr<Calendar> derived = base.DeriveFromFile(path);
  std::remove(path.c_str());
  ASSERT_FALSE(derived.ok());
  EXPECT_EQ(derived.status().code(), kTooBig);
  EXPECT_NE(std::string(derived.status().message())
                .find("is 1073741824 bytes; the limit is 16777216"),
            std::string::npos)
      << derived.status();
}

TEST(CalendarFileHostileTest, ALoweredByteLimitRefusesAFileUnread) {
  // The plan fixture is not calendar text: refused by size, it was not read.
  const std::string path =
      std::string(DG_SOURCE_DIR) + "/tests/data/small_plan.json";
  CalendarLimits limits;
  limits.max_bytes = 10;
  absl::StatusOr<Calendar> derived =
      Calendar::ChinaMainland().DeriveFromFile(path, limits);
  ASSERT_FALSE(derived.ok());
  EXPECT_EQ(derived.status().code(), kTooBig);
  EXPECT_NE(std::string(derived.status().message())
                .find("bytes; the limit is 10 (max_bytes)"),
            std::string::npos)
      << derived.status();
}

TEST(CalendarHostileTest, RaisedLimitsAdmitWhatTheDefaultsRefuse) {
  // The lowered cases above, with the default limits, derive and answer.
  const Calendar base = Calendar::ChinaMainland();
  absl::StatusOr<Calendar> derived =
      base.DeriveFromText("off 2023-05-04 青年节\n", "overlay");
  ASSERT_TRUE(derived.ok()) << derived.status();
  EXPECT_FALSE(derived->IsWorkingDay(*Date::Parse("2023-05-04"))->value);
  EXPECT_EQ(derived->HolidayName(*Date::Parse("2023-05-04"))->value,
            "青年节");
  // A long name needs max_name_bytes raised; then every day of it answers.
  const std::string name(2000, 'n');
  CalendarLimits raised;
  raised.max_name_bytes = 2000;
  derived = base.DeriveFromText("off 2023-05-04..2023-05-05 " + name,
                                "overlay", raised);
  ASSERT_TRUE(derived.ok()) << derived.status();
  EXPECT_EQ(derived->HolidayName(*Date::Parse("2023-05-05"))->value, name);
}

// --- dates and deadline phrases ---------------------------------------------

struct TextCase {
  const char* name;
  std::string text;
  Code code;
  const char* message;
};

void PrintTo(const TextCase& c, std::ostream* os) { *os << c.name; }

class DateHostileTest : public testing::TestWithParam<TextCase> {};

TEST_P(DateHostileTest, ParseFailsQuotingTheText) {
  const TextCase& c = GetParam();
  absl::StatusOr<Date> d = Date::Parse(c.text);
  ASSERT_FALSE(d.ok()) << c.name;
  EXPECT_EQ(d.status().code(), c.code) << d.status();
  EXPECT_NE(std::string(d.status().message()).find(c.message),
            std::string::npos)
      << d.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Catalogue, DateHostileTest,
    testing::ValuesIn(std::vector<TextCase>{
        {"february_30", "2023-02-30", kBad, "2023-02-30"},
        {"february_29_common_year", "2023-02-29", kBad, "2023-02-29"},
        {"day_zero", "2023-01-00", kBad, "2023-01-00"},
        {"year_0000", "0000-01-01", Code::kOutOfRange, "0000-01-01"},
        {"short_year", "23-01-01", kBad, "23-01-01"},
        {"trailing_text", "2023-01-01x", kBad, "2023-01-01x"},
        {"empty", "", kBad, "''"},
        {"embedded_nul", std::string("2023-01\0-01", 11), kBad, "2023-01"},
    }),
    [](const auto& info) { return info.param.name; });

class DeadlineHostileTest : public testing::TestWithParam<TextCase> {};

TEST_P(DeadlineHostileTest, ResolveFailsQuotingTheText) {
  const TextCase& c = GetParam();
  absl::StatusOr<DeadlineData> d = ResolveDeadlineText(c.text, 2023);
  ASSERT_FALSE(d.ok()) << c.name;
  EXPECT_EQ(d.status().code(), c.code) << d.status();
  EXPECT_NE(std::string(d.status().message()).find(c.message),
            std::string::npos)
      << d.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Catalogue, DeadlineHostileTest,
    testing::ValuesIn(std::vector<TextCase>{
        {"february_30", "2月30日前", kBad, "2月30日前"},
        {"gibberish", "尽快", kBad, "尽快"},
        {"invalid_utf8", "年底\xC3\x28前", kBad, "UTF-8"},
        {"huge_working_days", "99999999999个工作日内", kBad,
         "too large (at most 9999)"},
    }),
    [](const auto& info) { return info.param.name; });

// --- events into a store, through the tracking layer's checks -----------------
//
// The store holds the small plan and one event, e1 (assigned t_warning on
// 2023-03-06). Each case appends a JSON Lines text with
// AppendValidatedEvents() and must fail with its code and a message naming
// the line ("ev.jsonl:2"), leaving the stored log byte for byte as it was.

struct EventCase {
  const char* name;
  std::string jsonl;
  Code code;
  const char* message;
};

const char kGoodLine[] =
    R"({"id":"e2","kind":"reminder","date":"2023-03-07","task":"t_warning"})";

std::string Deep(int depth) {
  return R"({"id":"d","kind":"progress","date":"2023-03-07","task":"t_warning","text":"x","note":)" +
         std::string(depth, '[') + std::string(depth, ']') + "}";
}

std::vector<EventCase> EventCases() {
  const std::string good = std::string(kGoodLine) + "\n";
  return {
      {"malformed_json", R"({"id":"x","kind":)", kBad, "ev.jsonl:1: malformed JSON"},
      {"truncated_second_line", good + R"({"id":"e3","kind":"reminder","da)", kBad,
       "ev.jsonl:2: malformed JSON"},
      {"not_an_object", good + "[1,2]", kBad, "ev.jsonl:2: an event must be a JSON object"},
      {"unknown_kind", R"({"id":"x","kind":"progress_reported","date":"2023-03-07"})", kBad,
       "ev.jsonl:1: field 'kind': unknown event kind 'progress_reported'"},
      {"kind_not_a_string", R"({"id":"x","kind":7,"date":"2023-03-07"})", kBad,
       "field 'kind': expected a string"},
      {"missing_id", R"({"kind":"reminder","date":"2023-03-07","task":"t_warning"})", kBad,
       "field 'id': missing"},
      {"empty_id", R"({"id":"","kind":"reminder","date":"2023-03-07","task":"t_warning"})",
       kBad, "field 'id': must not be empty"},
      {"impossible_date", R"({"id":"x","kind":"reminder","date":"2023-02-30","task":"t_warning"})",
       kBad, "field 'date': bad date '2023-02-30'"},
      {"date_after_the_calendar",
       R"({"id":"x","kind":"reminder","date":"2150-01-01","task":"t_warning"})",
       Code::kOutOfRange, "outside the calendar's range"},
      {"year_without_notice",
       R"({"id":"x","kind":"reminder","date":"2027-03-08","task":"t_warning"})",
       Code::kFailedPrecondition, "no official holiday schedule for 2027"},
      {"unknown_task_did_you_mean",
       good + R"({"id":"x","kind":"completed","date":"2023-06-01","task":"t_warnin"})",
       Code::kNotFound,
       "ev.jsonl:2 ('x'): field 'task': unknown task 't_warnin'; did you mean 't_warning'?"},
      {"unknown_unit", R"({"id":"x","kind":"circular","date":"2023-06-01","unit":"czjj"})",
       Code::kNotFound, "'czjj'"},
      {"unknown_cause",
       R"({"id":"x","kind":"circular","date":"2023-06-01","task":"t_warning","cause":"nope"})",
       Code::kNotFound, "'nope'"},
      {"field_the_kind_does_not_take",
       R"({"id":"x","kind":"completed","date":"2023-06-01","task":"t_warning","card":"red"})",
       kBad, "card"},
      {"unknown_key", R"({"id":"x","kind":"reminder","date":"2023-06-01","task":"t_warning","colour":1})",
       kBad, "colour"},
      {"percent_over_100",
       R"({"id":"x","kind":"progress","date":"2023-06-01","task":"t_warning","percent":140})",
       kBad, "percent"},
      {"huge_number",
       R"({"id":"x","kind":"progress","date":"2023-06-01","task":"t_warning","percent":1e400})",
       kBad, "ev.jsonl:1"},
      {"id_taken_by_other_content",
       R"({"id":"e1","kind":"assigned","date":"2023-03-07","task":"t_warning"})",
       Code::kAlreadyExists, "event 'e1' already exists with different content"},
      {"id_twice_in_the_batch",
       good + R"({"id":"e2","kind":"reminder","date":"2023-03-08","task":"t_warning"})",
       Code::kAlreadyExists, "'e2'"},
      {"invalid_utf8",
       "{\"id\":\"x\",\"kind\":\"progress\",\"date\":\"2023-06-01\",\"task\":\"t_warning\","
       "\"text\":\"\xC3\x28\"}",
       kBad, "UTF-8"},
      {"nul_byte", good + std::string("{\"id\":\"x\0\"}", 12), kBad, "ev.jsonl:2"},
      {"deeply_nested", Deep(200), Code::kResourceExhausted,
       "ev.jsonl:1: JSON nests deeper than the limit max_depth (32) at line 1, "
       "column 117 (byte 116)"},
      // The object and 31 arrays are 32 levels: read (and refused for what
      // they mean); one more is past the limit.
      {"nested_at_the_limit", Deep(31), kBad,
       "ev.jsonl:1: field 'note': expected a string, got array"},
      {"nested_one_past_the_limit", Deep(32), Code::kResourceExhausted,
       "max_depth (32) at line 1, column 117 (byte 116)"},
      {"duplicate_id",
       good + R"({"id":"e3","kind":"reminder","id":"e4","date":"2023-03-07","task":"t_warning"})",
       kBad, "ev.jsonl:2: duplicate key 'id' at /id (line 1, column 30 (byte 29))"},
      {"duplicate_nested_key",
       R"({"id":"x","kind":"progress","date":"2023-06-01","task":"t_warning","actor":{"unit":"czj","unit":"fgw"},"percent":5})",
       kBad, "ev.jsonl:1: duplicate key 'unit' at /actor/unit"},
      {"duplicate_key_by_escape",
       R"({"id":"x","kind":"progress","date":"2023-06-01","task":"t_warning","percent":5,"perc\u0065nt":90})",
       kBad, "duplicate key 'percent' at /percent"},
      {"event_over_the_size_limit",
       good + R"({"id":"big","kind":"progress","date":"2023-06-01","task":"t_warning","text":")" +
           std::string(size_t{1} << 20, 'x') + "\"}",
       Code::kResourceExhausted,
       "ev.jsonl:2: the event is 1048655 bytes, more than the limit max_event_bytes (1048576)"},
      {"invalid_utf8_in_a_nested_field",
       "{\"id\":\"x\",\"kind\":\"progress\",\"date\":\"2023-06-01\",\"task\":\"t_warning\","
       "\"values\":{\"\xE8\xA6\":1}}",
       kBad, "ev.jsonl:1: event: invalid UTF-8 at byte 78 (0xE8 0xA6 0x22 0x3A)"},
      {"date_before_the_calendar",
       R"({"id":"x","kind":"reminder","date":"1899-12-31","task":"t_warning"})",
       Code::kOutOfRange, "outside the calendar's range"},
      {"due_date_outside_the_calendar",
       R"({"id":"x","kind":"assigned","date":"2023-06-01","task":"t_warning","due":"9999-12-31"})",
       Code::kOutOfRange, "field 'due'"},
  };
}

void PrintTo(const EventCase& c, std::ostream* os) { *os << c.name; }

class EventStoreHostileTest : public testing::TestWithParam<EventCase> {};

TEST_P(EventStoreHostileTest, RefusedAndTheStoreIsUnchanged) {
  const EventCase& c = GetParam();
  const std::string path =
      testing::TempDir() + "/hostile_events_" + c.name + ".db";
  std::remove(path.c_str());
  std::remove((path + "-wal").c_str());
  std::remove((path + "-shm").c_str());
  absl::StatusOr<Store> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE(store->Init(Fixture(), *Date::Parse("2023-03-03")).ok());
  const Calendar cal = Calendar::ChinaMainland();
  ASSERT_TRUE(AppendValidatedEvents(
                  *store, cal,
                  R"({"id":"e1","kind":"assigned","date":"2023-03-06","task":"t_warning"})")
                  .ok());
  const std::string before = EventsToJsonLines(*store->ReadEvents());

  absl::StatusOr<AppendResult> r = AppendValidatedEvents(*store, cal, c.jsonl, "ev.jsonl");
  ASSERT_FALSE(r.ok()) << c.name << " was accepted";
  EXPECT_EQ(r.status().code(), c.code) << r.status();
  EXPECT_NE(std::string(r.status().message()).find(c.message), std::string::npos)
      << c.name << ": message lacks '" << c.message << "':\n"
      << r.status().message().substr(0, 300);
  EXPECT_EQ(EventsToJsonLines(*store->ReadEvents()), before) << c.name;
  // The good line alone is still accepted: the failure left no lock or state.
  EXPECT_TRUE(AppendValidatedEvents(*store, cal, kGoodLine).ok());
}

INSTANTIATE_TEST_SUITE_P(Catalogue, EventStoreHostileTest,
                         testing::ValuesIn(EventCases()),
                         [](const auto& info) { return info.param.name; });

// --- tracking policies -------------------------------------------------------

struct PolicyCase {
  const char* name;
  std::string json;
  Code code;
  const char* message;
};

std::vector<PolicyCase> PolicyCases() {
  const std::string head = R"({"format":"dutygraph/policy@1","id":"p","version":1,)";
  return {
      {"empty", "", kBad, ""},
      {"malformed", R"({"format":"dutygraph/policy@1",)", kBad, "malformed JSON"},
      {"not_an_object", "[]", kBad, ""},
      {"wrong_format", R"({"format":"dutygraph/policy@9","id":"p","version":1})", kBad,
       "policy /format: expected \"dutygraph/policy@1\""},
      {"unknown_key", head + R"("colour":"red"})", kBad, "colour"},
      {"unknown_trigger",
       head + R"("escalation":[{"id":"e","version":1,"applies_to":["t_warning"],"rules":[{"id":"r","trigger":{"kind":"moon_phase"},"action":"remind","audience":["lead_unit"]}]}]})",
       kBad, "moon_phase"},
      {"unknown_action",
       head + R"("escalation":[{"id":"e","version":1,"applies_to":["t_warning"],"rules":[{"id":"r","trigger":{"kind":"working_days_overdue","n":5},"action":"shout","audience":["lead_unit"]}]}]})",
       kBad, "shout"},
      {"unknown_audience",
       head + R"("escalation":[{"id":"e","version":1,"applies_to":["t_warning"],"rules":[{"id":"r","trigger":{"kind":"working_days_overdue","n":5},"action":"remind","audience":["everyone"]}]}]})",
       kBad, "everyone"},
      {"wrong_type",
       head + R"("escalation":[{"id":"e","version":1,"applies_to":["t_warning"],"rules":[{"id":"r","trigger":{"kind":"working_days_overdue","n":"five"},"action":"remind","audience":["lead_unit"]}]}]})",
       kBad, "/escalation/0/rules/0/trigger/n"},
      {"invalid_utf8", head + "\"text\":\"\xC3\x28\"}", kBad, ""},
      {"duplicate_top_level_key", head + R"("id":"q"})", kBad,
       "policy: duplicate key 'id' at /id (line 1, column 53 (byte 52))"},
      {"duplicate_key_in_a_rule",
       head + R"("escalation":[{"id":"e","version":1,"applies_to":["t_warning"],"rules":[{"id":"r","trigger":{"kind":"working_days_overdue","n":5},"action":"remind","audience":["lead_unit"]},{"id":"r2","trigger":{"kind":"working_days_overdue","n":9},"action":"remind","action":"accountability","audience":["lead_unit"]}]}]})",
       kBad, "policy: duplicate key 'action' at /escalation/0/rules/1/action"},
      {"deeply_nested", head + R"("text":)" + std::string(100000, '[') +
                            std::string(100000, ']') + "}",
       Code::kResourceExhausted,
       "policy: JSON nests deeper than the limit max_depth (32) at line 1, column 91 (byte 90)"},
      {"over_the_size_limit",
       head + R"("text":")" + std::string(size_t{16} << 20, 'x') + "\"}",
       Code::kResourceExhausted,
       "policy: 16777278 bytes, more than the limit max_policy_bytes (16777216)"},
  };
}

void PrintTo(const PolicyCase& c, std::ostream* os) { *os << c.name; }

class PolicyHostileTest : public testing::TestWithParam<PolicyCase> {};

TEST_P(PolicyHostileTest, ParseFailsNamingWhere) {
  const PolicyCase& c = GetParam();
  absl::StatusOr<TrackingPolicy> policy = ParsePolicyJson(c.json);
  ASSERT_FALSE(policy.ok()) << c.name << " was accepted";
  EXPECT_EQ(policy.status().code(), c.code) << policy.status();
  EXPECT_FALSE(policy.status().message().empty());
  EXPECT_NE(std::string(policy.status().message()).find(c.message), std::string::npos)
      << c.name << ": message lacks '" << c.message << "':\n"
      << policy.status().message().substr(0, 300);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, PolicyHostileTest,
                         testing::ValuesIn(PolicyCases()),
                         [](const auto& info) { return info.param.name; });

TEST(PolicyHostileTest, AppliesToANodeThePlanLacks) {
  absl::StatusOr<Plan> plan = LoadPlanJson(Fixture());
  ASSERT_TRUE(plan.ok());
  absl::StatusOr<TrackingPolicy> policy = ParsePolicyJson(
      R"({"format":"dutygraph/policy@1","id":"p","version":1,"escalation":[{"id":"e","version":1,"applies_to":["t_warnin"],"rules":[{"id":"r","trigger":{"kind":"working_days_overdue","n":5},"action":"remind","audience":["lead_unit"]}]}]})");
  ASSERT_TRUE(policy.ok()) << policy.status();
  absl::StatusOr<Tracker> tracker =
      Tracker::Create(*plan, Calendar::ChinaMainland(), *policy);
  ASSERT_FALSE(tracker.ok());
  EXPECT_EQ(tracker.status().code(), Code::kNotFound) << tracker.status();
  EXPECT_NE(std::string(tracker.status().message()).find("t_warnin"), std::string::npos)
      << tracker.status();
}

// --- queries with bad arguments on a good plan --------------------------------

TEST(QueryHostileTest, OutOfRangeIndexesAreErrorsNotCrashes) {
  absl::StatusOr<Plan> plan = LoadPlanJson(Fixture());
  ASSERT_TRUE(plan.ok());
  const Date on = *Date::Parse("2023-06-01");
  Accountability who;
  absl::Status s = plan->AccountabilityOf(TaskIndex{999}, on, &who);
  EXPECT_EQ(s.code(), kBad);
  EXPECT_NE(std::string(s.message()).find("999"), std::string::npos) << s;
  std::vector<UnitTask> tasks;
  s = plan->TasksOfUnit(UnitIndex{4000000000u}, on, {}, &tasks);
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(tasks.empty());
  std::vector<PersonTask> person_tasks;
  s = plan->TasksOfPerson(PersonIndex{0}, on, on - 1, &person_tasks);
  EXPECT_EQ(s.code(), kBad) << s;
  EXPECT_TRUE(person_tasks.empty());
  EXPECT_EQ(plan->FindUnit("市金融か").status().code(), Code::kNotFound);
  EXPECT_EQ(plan->FindUnit("\xC3\x28").status().code(), Code::kNotFound);
  EXPECT_EQ(plan->FindTask("").status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace dutygraph
