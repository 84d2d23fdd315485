#include "dutygraph/date.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_util.h"

namespace dutygraph {
namespace {

using ::dutygraph::testing::D;
using ::testing::HasSubstr;

TEST(DateTest, EpochAndKnownDays) {
  EXPECT_EQ(D("1970-01-01").days_since_epoch(), 0);
  EXPECT_EQ(D("2023-01-01").days_since_epoch(), 19358);  // Python: 19358
  EXPECT_EQ(D("1950-01-01").days_since_epoch(), -7305);
}

TEST(DateTest, RoundTripsThroughFieldsAndText) {
  for (int32_t n = -7305; n < 66000; n += 37) {
    const Date d = *Date::FromDaysSinceEpoch(n);
    absl::StatusOr<Date> again = Date::FromYmd(d.year(), d.month(), d.day());
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_EQ(*again, d);
    EXPECT_EQ(*Date::Parse(d.ToString()), d);
  }
}

TEST(DateTest, IsoWeekdays) {
  EXPECT_EQ(D("2023-09-28").iso_weekday(), 4);  // Thursday
  EXPECT_EQ(D("2023-10-07").iso_weekday(), 6);  // Saturday
  EXPECT_EQ(D("1969-12-28").iso_weekday(), 7);  // before the epoch
  EXPECT_TRUE(D("2023-10-08").is_weekend());
}

TEST(DateTest, LeapYears) {
  EXPECT_TRUE(Date::FromYmd(2024, 2, 29).ok());
  EXPECT_TRUE(Date::FromYmd(2000, 2, 29).ok());
  EXPECT_FALSE(Date::FromYmd(2100, 2, 29).ok());
  EXPECT_FALSE(Date::FromYmd(2023, 2, 29).ok());
}

TEST(DateTest, ImpossibleDatesSayWhy) {
  absl::StatusOr<Date> d = Date::Parse("2023-02-30");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(d.status().message(), HasSubstr("'2023-02-30'"));
  EXPECT_THAT(d.status().message(), HasSubstr("February 2023 has 28 days"));
  EXPECT_THAT(Date::FromYmd(2023, 13, 1).status().message(),
              HasSubstr("month 13"));
}

TEST(DateTest, MalformedTextIsRejected) {
  for (std::string_view bad :
       {"", "2023-1-01", "2023/01/01", "20230101", "2023-01-01T00:00",
        " 2023-01-01", "２０２３-01-01", "2023-0a-01", "+023-01-01"}) {
    absl::StatusOr<Date> d = Date::Parse(bad);
    EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(d.status().message(), HasSubstr("YYYY-MM-DD")) << bad;
  }
  // Overlong input is quoted only in part.
  const std::string huge(10000, '9');
  EXPECT_LT(Date::Parse(huge).status().message().size(), 200u);
}

TEST(DateTest, RangeLimits) {
  EXPECT_EQ(Date::FromYmd(1399, 12, 31).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Date::FromYmd(10000, 1, 1).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_TRUE(Date::FromYmd(1400, 1, 1).ok());
  EXPECT_TRUE(Date::FromYmd(9999, 12, 31).ok());
  EXPECT_EQ(Date::FromDaysSinceEpoch(int64_t{1} << 40).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Date::Parse("0000-01-01").status().code(),
            absl::StatusCode::kOutOfRange);
}

TEST(DateTest, Arithmetic) {
  EXPECT_EQ(D("2023-02-28") + 1, D("2023-03-01"));
  EXPECT_EQ(D("2024-02-28") + 1, D("2024-02-29"));
  EXPECT_EQ(D("2024-03-01") - D("2024-02-01"), 29);
  EXPECT_LT(D("2023-01-01"), D("2023-01-02"));
}

}  // namespace
}  // namespace dutygraph
