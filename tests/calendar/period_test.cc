#include "dutygraph/period.h"

#include <tuple>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_util.h"

namespace dutygraph {
namespace {

using ::dutygraph::testing::D;
using ::testing::HasSubstr;

struct Expected {
  const char* date;
  PeriodKind kind;
  const char* label;
  const char* start;
  const char* end;
  friend void PrintTo(const Expected& e, std::ostream* os) {
    *os << e.date << " " << PeriodKindName(e.kind);
  }
};

class PeriodOfTest : public ::testing::TestWithParam<Expected> {};

TEST_P(PeriodOfTest, LabelStartEnd) {
  const Expected& e = GetParam();
  absl::StatusOr<Period> p = Period::Of(D(e.date), e.kind);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->Label(), e.label);
  EXPECT_EQ(p->start(), D(e.start));
  EXPECT_EQ(p->end(), D(e.end));
  EXPECT_TRUE(p->Contains(D(e.date)));
}

// Hand-worked: dekads are 1–10, 11–20, 21–end; weeks are ISO weeks.
INSTANTIATE_TEST_SUITE_P(
    HandWorked, PeriodOfTest,
    ::testing::Values(
        Expected{"2023-03-15", PeriodKind::kDekad, "2023年3月中旬", "2023-03-11", "2023-03-20"},
        Expected{"2023-03-01", PeriodKind::kDekad, "2023年3月上旬", "2023-03-01", "2023-03-10"},
        Expected{"2023-03-31", PeriodKind::kDekad, "2023年3月下旬", "2023-03-21", "2023-03-31"},
        Expected{"2023-02-25", PeriodKind::kDekad, "2023年2月下旬", "2023-02-21", "2023-02-28"},
        Expected{"2024-02-21", PeriodKind::kDekad, "2024年2月下旬", "2024-02-21", "2024-02-29"},
        Expected{"2023-03-22", PeriodKind::kWeek, "2023年第12周", "2023-03-20", "2023-03-26"},
        Expected{"2020-12-31", PeriodKind::kWeek, "2020年第53周", "2020-12-28", "2021-01-03"},
        Expected{"2021-01-03", PeriodKind::kWeek, "2020年第53周", "2020-12-28", "2021-01-03"},
        Expected{"2021-01-04", PeriodKind::kWeek, "2021年第1周", "2021-01-04", "2021-01-10"},
        Expected{"2019-12-30", PeriodKind::kWeek, "2020年第1周", "2019-12-30", "2020-01-05"},
        Expected{"2015-12-31", PeriodKind::kWeek, "2015年第53周", "2015-12-28", "2016-01-03"},
        Expected{"2023-03-15", PeriodKind::kHalfMonth, "2023年3月上半月", "2023-03-01", "2023-03-15"},
        Expected{"2023-02-16", PeriodKind::kHalfMonth, "2023年2月下半月", "2023-02-16", "2023-02-28"},
        Expected{"2023-03-15", PeriodKind::kMonth, "2023年3月", "2023-03-01", "2023-03-31"},
        Expected{"2023-05-20", PeriodKind::kQuarter, "2023年第二季度", "2023-04-01", "2023-06-30"},
        Expected{"2023-03-31", PeriodKind::kQuarter, "2023年第一季度", "2023-01-01", "2023-03-31"},
        Expected{"2023-10-01", PeriodKind::kQuarter, "2023年第四季度", "2023-10-01", "2023-12-31"},
        Expected{"2023-06-30", PeriodKind::kHalfYear, "2023年上半年", "2023-01-01", "2023-06-30"},
        Expected{"2023-07-01", PeriodKind::kHalfYear, "2023年下半年", "2023-07-01", "2023-12-31"},
        Expected{"2023-07-01", PeriodKind::kYear, "2023年", "2023-01-01", "2023-12-31"}));

TEST(PeriodTest, NextAndPreviousCrossBoundaries) {
  Period dec_late = *Period::Of(D("2023-12-25"), PeriodKind::kDekad);
  Period next = *dec_late.Next();
  EXPECT_EQ(next.Label(), "2024年1月上旬");
  EXPECT_EQ(*next.Previous(), dec_late);
  EXPECT_EQ(Period::Of(D("2024-01-05"), PeriodKind::kDekad)->Shift(-4)->Label(),
            "2023年11月下旬");
  EXPECT_EQ(Period::Of(D("2023-11-20"), PeriodKind::kQuarter)->Next()->Label(),
            "2024年第一季度");
  EXPECT_EQ(Period::Of(D("2023-01-20"), PeriodKind::kHalfYear)->Previous()->Label(),
            "2022年下半年");
  EXPECT_EQ(Period::Of(D("2020-12-31"), PeriodKind::kWeek)->Next()->Label(),
            "2021年第1周");
  EXPECT_EQ(Period::Of(D("2023-02-10"), PeriodKind::kHalfMonth)->Shift(3)->Label(),
            "2023年3月下半月");
  EXPECT_EQ(Period::Of(D("2023-02-10"), PeriodKind::kYear)->Shift(-23)->Label(),
            "2000年");
}

TEST(PeriodTest, ConsecutivePeriodsTileTheYears) {
  for (PeriodKind kind :
       {PeriodKind::kDekad, PeriodKind::kWeek, PeriodKind::kHalfMonth,
        PeriodKind::kMonth, PeriodKind::kQuarter, PeriodKind::kHalfYear,
        PeriodKind::kYear}) {
    Period p = *Period::Of(D("2019-01-01"), kind);
    while (p.start() < D("2027-01-01")) {
      Period next = *p.Next();
      ASSERT_EQ(next.start(), p.end() + 1) << p.Label();
      ASSERT_EQ(*next.Previous(), p) << next.Label();
      ASSERT_EQ(*Period::Of(p.end(), kind), p);
      p = next;
    }
  }
}

TEST(PeriodTest, KindNamesParseInEnglishAndChinese) {
  EXPECT_EQ(*ParsePeriodKind("dekad"), PeriodKind::kDekad);
  EXPECT_EQ(*ParsePeriodKind("旬"), PeriodKind::kDekad);
  EXPECT_EQ(*ParsePeriodKind("季度"), PeriodKind::kQuarter);
  EXPECT_EQ(*ParsePeriodKind("Half-Year"), PeriodKind::kHalfYear);
  EXPECT_EQ(PeriodKindName(PeriodKind::kHalfMonth), "half-month");
  absl::StatusOr<PeriodKind> bad = ParsePeriodKind("fortnight");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("'fortnight'"));
  EXPECT_THAT(bad.status().message(), HasSubstr("dekad/旬"));
}

TEST(PeriodTest, EdgesOfTheRepresentableRange) {
  EXPECT_EQ(Period::Of(D("9999-12-31"), PeriodKind::kYear)->Next().status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Period::Of(D("1400-01-01"), PeriodKind::kDekad)->Previous().status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Period::Of(D("9999-12-31"), PeriodKind::kWeek).status().code(),
            absl::StatusCode::kOutOfRange);  // that ISO week ends in 10000
  EXPECT_EQ(Period::Of(D("2023-01-01"), static_cast<PeriodKind>(42)).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dutygraph
