// CalendarLimits: each limit refuses by default what is past it, with its
// name, value and place in the message; raising it admits the same input,
// and the derived calendar then answers from it; lowering it refuses a small
// real overlay. (The hostile catalogue, tests/hostile, has the same cases
// from the caller's side at every face.)
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "dutygraph/calendar.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_util.h"

namespace dutygraph {
namespace {

using ::dutygraph::testing::D;
using ::testing::HasSubstr;

constexpr absl::StatusCode kTooBig = absl::StatusCode::kResourceExhausted;

// Calendar text declaring exactly `n` days: whole-year `work` ranges, each
// under its own notice (a later notice may declare a day again), cycling
// through 1951..2149; the last range is cut short. Every day of 2023 comes
// out working. `*lines` receives the number of lines.
std::string DeclaringDays(size_t n, int* lines) {
  std::string text;
  *lines = 0;
  for (int year = 1951; n > 0; year = year == 2149 ? 1951 : year + 1) {
    const Date first = *Date::FromYmd(year, 1, 1);
    const size_t in_year = static_cast<size_t>(
        *Date::FromYmd(year, 12, 31) - first + 1);
    const size_t take = std::min(n, in_year);
    absl::StrAppend(&text, "notice ", year, " - 通知\nwork ", first.ToString(),
                    "..", (first + static_cast<int32_t>(take - 1)).ToString(),
                    " 加班\n");
    *lines += 2;
    n -= take;
  }
  return text;
}

// The days the built-in data declares (read from its source file).
size_t BuiltinDeclaredDays() {
  std::ifstream in(std::string(DG_SOURCE_DIR) +
                       "/data/calendar/china_mainland.txt",
                   std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  absl::StatusOr<CalendarAdjustments> data =
      ParseCalendarText(buffer.str(), "china_mainland.txt");
  EXPECT_TRUE(data.ok()) << data.status();
  return data.ok() ? data->days.size() : 0;
}

TEST(CalendarLimitsTest, DefaultsAreTheDocumentedOnes) {
  const CalendarLimits limits;
  EXPECT_EQ(limits.max_bytes, 16u << 20);
  EXPECT_EQ(limits.max_declared_days, 100'000u);
  EXPECT_EQ(limits.max_name_bytes, 1024u);
  EXPECT_EQ(limits.max_total_declared_days, 1u << 20);
  EXPECT_EQ(limits.max_layers, 64u);
}

TEST(CalendarLimitsTest, DeclaredDaysDefaultRefusesOnePastAndRaisedAdmits) {
  int lines = 0;
  EXPECT_TRUE(ParseCalendarText(DeclaringDays(100'000, &lines), "big.txt").ok());
  const std::string text = DeclaringDays(100'001, &lines);
  const Calendar base = Calendar::ChinaMainland();
  absl::StatusOr<Calendar> refused = base.DeriveFromText(text, "big.txt");
  EXPECT_EQ(refused.status().code(), kTooBig);
  // The last line crosses the limit.
  EXPECT_THAT(refused.status().message(),
              HasSubstr(absl::StrCat("big.txt:", lines,
                                     ": the calendar text declares more than "
                                     "100000 days; the limit is 100000 "
                                     "(max_declared_days)")));

  CalendarLimits raised;
  raised.max_declared_days = 100'001;
  absl::StatusOr<Calendar> derived = base.DeriveFromText(text, "big.txt", raised);
  ASSERT_TRUE(derived.ok()) << derived.status();
  // 2023-10-02 is 国庆节 (off) in the built-in data; the text works it.
  EXPECT_FALSE(base.IsWorkingDay(D("2023-10-02"))->value);
  absl::StatusOr<DayInfo> day = derived->Day(D("2023-10-02"));
  ASSERT_TRUE(day.ok()) << day.status();
  EXPECT_TRUE(day->working);
  EXPECT_EQ(day->name, "加班");
  EXPECT_EQ(day->notice_title, "通知");
}

TEST(CalendarLimitsTest, BytesDefaultRefusesRaisedAdmitsLoweredRefuses) {
  const std::string overlay = "off 2023-03-15 地方纪念日\n";
  const std::string big =
      overlay + "#" + std::string(16 << 20, 'x') + "\n";  // > 16 MiB
  const Calendar base = Calendar::ChinaMainland();
  absl::StatusOr<Calendar> refused = base.DeriveFromText(big, "big.txt");
  EXPECT_EQ(refused.status().code(), kTooBig);
  EXPECT_THAT(refused.status().message(),
              HasSubstr(absl::StrCat("big.txt: calendar text is ", big.size(),
                                     " bytes; the limit is 16777216 "
                                     "(max_bytes)")));

  CalendarLimits raised;
  raised.max_bytes = 32 << 20;
  absl::StatusOr<Calendar> derived = base.DeriveFromText(big, "big.txt", raised);
  ASSERT_TRUE(derived.ok()) << derived.status();
  EXPECT_FALSE(derived->IsWorkingDay(D("2023-03-15"))->value);  // a Wednesday
  EXPECT_EQ(derived->HolidayName(D("2023-03-15"))->value, "地方纪念日");

  CalendarLimits lowered;
  lowered.max_bytes = 10;
  absl::StatusOr<Calendar> small =
      base.DeriveFromText(overlay, "local.txt", lowered);
  EXPECT_EQ(small.status().code(), kTooBig);
  EXPECT_THAT(small.status().message(),
              HasSubstr(absl::StrCat("local.txt: calendar text is ",
                                     overlay.size(),
                                     " bytes; the limit is 10 (max_bytes)")));
}

TEST(CalendarLimitsTest, FileBytesLimitIsCheckedBeforeReadingAndCanBeRaised) {
  const std::string path = ::testing::TempDir() + "/calendar_limits_big.txt";
  const std::string overlay = "off 2023-03-15 地方纪念日\n";
  {
    std::ofstream out(path, std::ios::binary);
    out << overlay << '#' << std::string(16 << 20, 'x') << '\n';
  }
  const Calendar base = Calendar::ChinaMainland();
  absl::StatusOr<Calendar> refused = base.DeriveFromFile(path);
  EXPECT_EQ(refused.status().code(), kTooBig);
  EXPECT_THAT(refused.status().message(),
              HasSubstr(absl::StrCat("calendar file '", path, "' is ",
                                     overlay.size() + (16 << 20) + 2,
                                     " bytes; the limit is 16777216 "
                                     "(max_bytes)")));
  CalendarLimits raised;
  raised.max_bytes = 17 << 20;
  absl::StatusOr<Calendar> derived = base.DeriveFromFile(path, raised);
  std::remove(path.c_str());
  ASSERT_TRUE(derived.ok()) << derived.status();
  EXPECT_EQ(derived->HolidayName(D("2023-03-15"))->value, "地方纪念日");

  // Lowered: a small real overlay is refused by the file check.
  const std::string small = ::testing::TempDir() + "/calendar_limits_small.txt";
  { std::ofstream(small, std::ios::binary) << overlay; }
  CalendarLimits lowered;
  lowered.max_bytes = 10;
  absl::StatusOr<Calendar> tiny = base.DeriveFromFile(small, lowered);
  EXPECT_TRUE(base.DeriveFromFile(small).ok());
  std::remove(small.c_str());
  EXPECT_EQ(tiny.status().code(), kTooBig);
  EXPECT_THAT(tiny.status().message(),
              HasSubstr(absl::StrCat("calendar file '", small, "' is ",
                                     overlay.size(),
                                     " bytes; the limit is 10 (max_bytes)")));
}

TEST(CalendarLimitsTest, NameBytesBoundTheCopiesARangeMakes) {
  // A year's range with a 16 MiB name would keep 366 copies (6 GB).
  const std::string hostile = "off 2023-01-01..2023-12-31 " +
                              std::string((16 << 20) - 100, 'x') + "\n";
  absl::StatusOr<CalendarAdjustments> refused =
      ParseCalendarText(hostile, "name.txt");
  EXPECT_EQ(refused.status().code(), kTooBig);
  EXPECT_THAT(refused.status().message(),
              HasSubstr("name.txt:1: the day's name is 16777116 bytes; the "
                        "limit is 1024 (max_name_bytes)"));

  const std::string name(1025, 'n');
  const std::string text = "# local\noff 2023-03-15 " + name + "\n";
  EXPECT_THAT(ParseCalendarText(text, "name.txt").status().message(),
              HasSubstr("name.txt:2: the day's name is 1025 bytes; the limit "
                        "is 1024 (max_name_bytes)"));
  CalendarLimits raised;
  raised.max_name_bytes = 1025;
  absl::StatusOr<Calendar> derived =
      Calendar::ChinaMainland().DeriveFromText(text, "name.txt", raised);
  ASSERT_TRUE(derived.ok()) << derived.status();
  EXPECT_EQ(derived->HolidayName(D("2023-03-15"))->value, name);
  CalendarLimits lowered;
  lowered.max_name_bytes = 3;  // "春节" is 6 bytes
  EXPECT_THAT(ParseCalendarText("off 2023-03-15 春节", "n.txt", lowered)
                  .status()
                  .message(),
              HasSubstr("n.txt:1: the day's name is 6 bytes; the limit is 3 "
                        "(max_name_bytes)"));
}

TEST(CalendarLimitsTest, TotalDeclaredDaysCountEveryLayer) {
  const size_t builtin = BuiltinDeclaredDays();
  ASSERT_GT(builtin, 600u);  // 2007–2026 notices: about 34 days a year
  const std::string text =
      "off 2023-03-01..2023-03-10 甲\n"   // days 0..9
      "off 2023-04-03..2023-04-12 乙\n"   // 10..19
      "off 2023-05-04..2023-05-13 丙\n";  // 20..29
  const Calendar base = Calendar::ChinaMainland();
  CalendarLimits lowered;
  lowered.max_total_declared_days = builtin + 20;  // room for two lines
  absl::StatusOr<Calendar> refused =
      base.DeriveFromText(text, "local.txt", lowered);
  EXPECT_EQ(refused.status().code(), kTooBig);
  EXPECT_THAT(refused.status().message(),
              HasSubstr(absl::StrCat(
                  "local.txt:3: the derived calendar would declare ",
                  builtin + 30, " days in all its layers; the limit is ",
                  builtin + 20, " (max_total_declared_days)")));
  lowered.max_total_declared_days = builtin + 30;
  absl::StatusOr<Calendar> derived =
      base.DeriveFromText(text, "local.txt", lowered);
  ASSERT_TRUE(derived.ok()) << derived.status();
  EXPECT_EQ(derived->HolidayName(D("2023-05-08"))->value, "丙");  // a Monday
  EXPECT_FALSE(derived->IsWorkingDay(D("2023-05-08"))->value);

  // The next layer counts the earlier ones: one day more is too many.
  absl::StatusOr<Calendar> again =
      derived->DeriveFromText("work 2023-05-13\n", "more.txt", lowered);
  EXPECT_EQ(again.status().code(), kTooBig);
  EXPECT_THAT(again.status().message(),
              HasSubstr("more.txt:1: the derived calendar would declare"));
}

TEST(CalendarLimitsTest, LayersDefaultRefusesTheSixtyFourthDerivation) {
  Calendar cal = Calendar::ChinaMainland();
  for (int i = 1; i <= 63; ++i) {  // the built-in data is layer 1
    absl::StatusOr<Calendar> next = cal.DeriveFromText("", "empty.txt");
    ASSERT_TRUE(next.ok()) << i << ": " << next.status();
    cal = *std::move(next);
  }
  absl::StatusOr<Calendar> refused =
      cal.DeriveFromText("off 2023-03-15 地方纪念日\n", "local.txt");
  EXPECT_EQ(refused.status().code(), kTooBig);
  EXPECT_THAT(refused.status().message(),
              HasSubstr("local.txt: the derived calendar would have 65 layers "
                        "(the built-in data is the first); the limit is "
                        "64 (max_layers)"));
  // Without days, the source name still says where.
  EXPECT_THAT(cal.DeriveFromText("", "empty.txt").status().message(),
              HasSubstr("empty.txt: the derived calendar would have 65"));

  CalendarLimits raised;
  raised.max_layers = 65;
  absl::StatusOr<Calendar> derived =
      cal.DeriveFromText("off 2023-03-15 地方纪念日\n", "local.txt", raised);
  ASSERT_TRUE(derived.ok()) << derived.status();
  EXPECT_EQ(derived->HolidayName(D("2023-03-15"))->value, "地方纪念日");

  CalendarLimits lowered;
  lowered.max_layers = 1;  // the built-in data alone
  EXPECT_THAT(Calendar::ChinaMainland()
                  .DeriveFromText("off 2023-03-15 x\n", "local.txt", lowered)
                  .status()
                  .message(),
              HasSubstr("local.txt: the derived calendar would have 2 layers "
                        "(the built-in data is the first); the limit is "
                        "1 (max_layers)"));
}

TEST(CalendarLimitsTest, DeriveFromAdjustmentsTakesTheDerivationLimits) {
  CalendarAdjustments adjustments;
  adjustments.days.push_back({D("2023-03-15"), false, "x", -1, ""});
  CalendarLimits lowered;
  lowered.max_layers = 1;
  absl::StatusOr<Calendar> refused =
      Calendar::ChinaMainland().Derive(adjustments, lowered);
  EXPECT_EQ(refused.status().code(), kTooBig);
  EXPECT_THAT(refused.status().message(),
              HasSubstr("the limit is 1 (max_layers)"));
  EXPECT_TRUE(Calendar::ChinaMainland().Derive(adjustments).ok());
}

TEST(CalendarLimitsTest, LongRangeStaysAFormatError) {
  // Not a limit: raising max_declared_days does not admit it.
  CalendarLimits raised;
  raised.max_declared_days = 10'000'000;
  absl::StatusOr<CalendarAdjustments> a =
      ParseCalendarText("off 2023-01-01..2024-12-31 x", "r.txt", raised);
  EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(a.status().message(), HasSubstr("longer than 366 days"));
}

}  // namespace
}  // namespace dutygraph
