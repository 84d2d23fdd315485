#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "dutygraph/calendar.h"
#include "test_util.h"

namespace dutygraph {
namespace {

using ::dutygraph::testing::D;
using ::testing::HasSubstr;

TEST(CalendarTextTest, ParsesEveryKindOfLine) {
  absl::StatusOr<CalendarAdjustments> a = ParseCalendarText(
      "# a comment\n"
      "calendar 衡阳市机关\n"
      "\n"
      "off 2023-03-15 地方纪念日\r\n"
      "work 2023-03-18\n"
      "notice 2027 https://example.invalid/n 国务院办公厅关于2027年部分节假日安排的通知\n"
      "off  2026-12-31..2027-01-02   元旦\n",
      "local.txt");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->name, "衡阳市机关");
  ASSERT_EQ(a->notices.size(), 1u);
  EXPECT_EQ(a->notices[0].year, 2027);
  EXPECT_EQ(a->notices[0].url, "https://example.invalid/n");
  ASSERT_EQ(a->days.size(), 5u);
  EXPECT_EQ(a->days[0].date, D("2023-03-15"));
  EXPECT_FALSE(a->days[0].working);
  EXPECT_EQ(a->days[0].name, "地方纪念日");
  EXPECT_EQ(a->days[0].notice, -1);
  EXPECT_EQ(a->days[0].source, "local.txt:4");
  EXPECT_TRUE(a->days[1].working);
  EXPECT_EQ(a->days[1].name, "");
  EXPECT_EQ(a->days[4].date, D("2027-01-02"));
  EXPECT_EQ(a->days[4].notice, 0);
  EXPECT_EQ(a->days[4].name, "元旦");
}

TEST(CalendarTextTest, LaterNoticeOverridesEarlierOne) {
  // The shape of 2020: 2020-02-01 first a make-up day, then part of the
  // extended 春节 break.
  absl::StatusOr<CalendarAdjustments> a = ParseCalendarText(
      "notice 2020 - first\nwork 2020-02-01 春节\n"
      "notice 2020 - extension\noff 2020-01-31..2020-02-02 春节\n",
      "t");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->days.size(), 4u);
}

struct BadText {
  const char* text;
  const char* message;
  // Names the case in test listings by the message it expects.
  friend void PrintTo(const BadText& b, std::ostream* os) { *os << b.message; }
};

class CalendarTextErrorTest : public ::testing::TestWithParam<BadText> {};

TEST_P(CalendarTextErrorTest, NamesTheLineAndTheProblem) {
  absl::StatusOr<CalendarAdjustments> a =
      ParseCalendarText(GetParam().text, "bad.txt");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(a.status().message(), HasSubstr(GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    Catalogue, CalendarTextErrorTest,
    ::testing::Values(
        BadText{"off 2023-02-30 x\n", "bad.txt:1: bad date '2023-02-30'"},
        BadText{"\n\nholiday 2023-01-01 x\n", "bad.txt:3: unknown keyword 'holiday'"},
        BadText{"off 2023-01-01\n", "bad.txt:1: 'off' needs the holiday's name"},
        BadText{"off\n", "bad.txt:1: expected a date"},
        BadText{"off 2023-01-05..2023-01-01 x\n", "ends before it starts"},
        BadText{"off 2023-01-01..2024-06-01 x\n", "longer than 366 days"},
        BadText{"off 2023-01-01..x x\n", "bad date 'x'"},
        BadText{"off 2023-01-01 a\noff 2023-01-01 b\n", "bad.txt:2: 2023-01-01 is already declared on line 1"},
        BadText{"notice 20x3 - t\n", "bad notice year '20x3'"},
        BadText{"notice 2023 -\n", "expected 'notice YEAR URL TITLE'"},
        BadText{"notice 2023 - t\noff 2021-05-01 x\n", "bad.txt:2: 2021-05-01 is outside the years 2022-2023"},
        BadText{"calendar\n", "'calendar' needs a name"},
        BadText{"off 2023-01-01 \xC3\x28\n", "bad.txt:1: invalid UTF-8 at byte 15 (0xC3 0x28"},
        BadText{"off 2023-01-01 \xED\xA0\x80\n", "invalid UTF-8"},   // a surrogate
        BadText{"off 2023-01-01 \xC0\xAF\n", "invalid UTF-8"}));     // overlong '/'

TEST(CalendarTextTest, NulByteInLineIsRejected) {
  const std::string text("off 2023-01-01 a\0b\n", 19);
  absl::StatusOr<CalendarAdjustments> a = ParseCalendarText(text, "nul.txt");
  EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(a.status().message(), HasSubstr("nul.txt:1: NUL byte"));
}

TEST(CalendarTextTest, EmptyTextIsAnEmptyAdjustment) {
  absl::StatusOr<CalendarAdjustments> a = ParseCalendarText("", "empty");
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->days.empty());
  EXPECT_TRUE(a->notices.empty());
}

TEST(CalendarTextTest, HugeTextHitsTheLimit) {
  const std::string text(17 << 20, '#');
  EXPECT_EQ(ParseCalendarText(text, "huge").status().code(),
            absl::StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace dutygraph
