// Hand-worked cases from the State Council notices, conventions, modes,
// overlays and concurrency of dutygraph::Calendar.
#include "dutygraph/calendar.h"

#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_util.h"

namespace dutygraph {
namespace {

using ::dutygraph::testing::D;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Calendar& Cn() {
  static const Calendar cal = Calendar::ChinaMainland();
  return cal;
}

bool Working(const Calendar& cal, std::string_view d) {
  absl::StatusOr<CalendarResult<bool>> r = cal.IsWorkingDay(D(d));
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() && r->value;
}

Date Add(const Calendar& cal, std::string_view d, int n) {
  absl::StatusOr<CalendarResult<Date>> r = cal.AddWorkingDays(D(d), n);
  EXPECT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r.ok() && r->provisional);
  return r.ok() ? r->value : Date();
}

// 国务院办公厅关于2023年部分节假日安排的通知: 中秋节、国庆节 9月29日至10月6日放假,
// 10月7日（星期六）、10月8日（星期日）上班.
TEST(CalendarTest, MidAutumnAndNationalDay2023) {
  EXPECT_EQ(Add(Cn(), "2023-09-28", 1), D("2023-10-07"));
  EXPECT_EQ(Add(Cn(), "2023-10-07", -1), D("2023-09-28"));
  EXPECT_EQ(Add(Cn(), "2023-09-28", 2), D("2023-10-08"));
  EXPECT_EQ(Add(Cn(), "2023-09-28", 3), D("2023-10-09"));
  EXPECT_TRUE(Working(Cn(), "2023-10-07"));
  EXPECT_TRUE(Working(Cn(), "2023-10-08"));
  EXPECT_FALSE(Working(Cn(), "2023-10-02"));
  DayInfo oct1 = *Cn().Day(D("2023-10-01"));
  EXPECT_EQ(oct1.kind, DayKind::kHoliday);
  EXPECT_EQ(oct1.name, "中秋节、国庆节");
  EXPECT_EQ(oct1.notice_title, "国务院办公厅关于2023年部分节假日安排的通知");
  EXPECT_THAT(oct1.notice_url, HasSubstr("content_5730844"));
  EXPECT_THAT(oct1.source, HasSubstr("china_mainland.txt:"));
}

// 春节: 1月21日至27日放假, 1月28日（星期六）、1月29日（星期日）上班.
// 端午节: 6月22日至24日放假, 6月25日（星期日）上班.
TEST(CalendarTest, SpringFestivalAndDragonBoat2023) {
  EXPECT_TRUE(Working(Cn(), "2023-01-28"));
  EXPECT_TRUE(Working(Cn(), "2023-01-29"));
  EXPECT_FALSE(Working(Cn(), "2023-01-27"));
  EXPECT_TRUE(Working(Cn(), "2023-06-25"));
  EXPECT_FALSE(Working(Cn(), "2023-06-22"));
  DayInfo jan28 = *Cn().Day(D("2023-01-28"));
  EXPECT_EQ(jan28.kind, DayKind::kMakeupWorkday);
  EXPECT_EQ(jan28.name, "春节");
  EXPECT_EQ(Cn().HolidayName(D("2023-06-23"))->value, "端午节");
  EXPECT_EQ(Cn().HolidayName(D("2023-06-26"))->value, "");
  EXPECT_EQ(Cn().Day(D("2023-06-26"))->kind, DayKind::kWorkday);
  EXPECT_EQ(Cn().Day(D("2023-07-01"))->kind, DayKind::kWeekend);
}

// The special notices: 2015-09-03 抗战胜利70周年 (a Thursday off, Sunday
// 09-06 worked) and 2020's 春节 extension to 02-02, which turned the make-up
// Saturday 02-01 into a day off.
TEST(CalendarTest, SpecialNotices) {
  EXPECT_FALSE(Working(Cn(), "2015-09-03"));
  EXPECT_FALSE(Working(Cn(), "2015-09-04"));
  EXPECT_TRUE(Working(Cn(), "2015-09-06"));
  EXPECT_THAT(Cn().Day(D("2015-09-03"))->notice_title, HasSubstr("70周年"));
  EXPECT_FALSE(Working(Cn(), "2020-01-31"));
  EXPECT_FALSE(Working(Cn(), "2020-02-01"));
  EXPECT_TRUE(Working(Cn(), "2020-02-03"));
  EXPECT_THAT(Cn().Day(D("2020-02-01"))->notice_title, HasSubstr("延长"));
  // A notice reaching into the previous December: 2012's 元旦 made
  // 2011-12-31 (Saturday) a working day.
  EXPECT_TRUE(Working(Cn(), "2011-12-31"));
}

TEST(CalendarTest, WorkingDaysBetweenCountsHalfOpenInterval) {
  // (09-28, 10-09]: 10-07, 10-08, 10-09.
  EXPECT_EQ(Cn().WorkingDaysBetween(D("2023-09-28"), D("2023-10-09"))->value, 3);
  EXPECT_EQ(Cn().WorkingDaysBetween(D("2023-10-09"), D("2023-09-28"))->value, -3);
  EXPECT_EQ(Cn().WorkingDaysBetween(D("2023-10-01"), D("2023-10-01"))->value, 0);
  // 2023 had 249 working days: 260 weekdays, less 18 holidays on weekdays,
  // plus 7 make-up weekend days. (2022-12-31, 2023-12-31] is the whole year.
  EXPECT_EQ(Cn().WorkingDaysBetween(D("2022-12-31"), D("2023-12-31"))->value, 249);
}

TEST(CalendarTest, AddAndBetweenAreInverse) {
  for (Date d = D("2022-12-01"); d < D("2024-02-01"); d = d + 1) {
    for (int n : {1, 2, 5, 14, 60}) {
      absl::StatusOr<CalendarResult<Date>> r = Cn().AddWorkingDays(d, n);
      ASSERT_TRUE(r.ok());
      ASSERT_EQ(Cn().WorkingDaysBetween(d, r->value)->value, n) << d.ToString();
      ASSERT_TRUE(Cn().IsWorkingDay(r->value)->value);
    }
  }
  EXPECT_EQ(Add(Cn(), "2023-10-05", 0), D("2023-10-05"));
}

TEST(CalendarTest, NextPreviousAndRoll) {
  EXPECT_EQ(Cn().NextWorkingDay(D("2023-09-28"))->value, D("2023-10-07"));
  EXPECT_EQ(Cn().PreviousWorkingDay(D("2023-10-07"))->value, D("2023-09-28"));
  EXPECT_EQ(Cn().Roll(D("2023-10-02"), RollConvention::kFollowing)->value, D("2023-10-07"));
  EXPECT_EQ(Cn().Roll(D("2023-10-02"), RollConvention::kPreceding)->value, D("2023-09-28"));
  EXPECT_EQ(Cn().Roll(D("2023-10-09"), RollConvention::kPreceding)->value, D("2023-10-09"));
  // 2023-09-30 is off; following goes to October, so modified following
  // stays in September.
  EXPECT_EQ(Cn().Roll(D("2023-09-30"), RollConvention::kModifiedFollowing)->value,
            D("2023-09-28"));
  EXPECT_EQ(Cn().Roll(D("2023-10-03"), RollConvention::kModifiedFollowing)->value,
            D("2023-10-07"));
  // 2023-10-01 is off; preceding reaches September, so modified preceding
  // goes forward to 10-07.
  EXPECT_EQ(Cn().Roll(D("2023-10-01"), RollConvention::kModifiedPreceding)->value,
            D("2023-10-07"));
  EXPECT_EQ(Cn().Roll(D("2023-10-01"), static_cast<RollConvention>(9)).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Cn().Roll(D("2023-10-09"), static_cast<RollConvention>(9)).status().code(),
            absl::StatusCode::kInvalidArgument);  // even on a working day
  EXPECT_EQ(*ParseRollConvention("modified-following"),
            RollConvention::kModifiedFollowing);
  EXPECT_EQ(ParseRollConvention("mf").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(CalendarTest, NthAndLastWorkingDayOfPeriods) {
  // 2023年10月上旬: 10-01..10-06 off, 10-07 and 10-08 worked, 10-09, 10-10.
  Period dekad = *Period::Of(D("2023-10-05"), PeriodKind::kDekad);
  EXPECT_EQ(Cn().NthWorkingDay(dekad, 1)->value, D("2023-10-07"));
  EXPECT_EQ(Cn().LastWorkingDay(dekad)->value, D("2023-10-10"));
  EXPECT_EQ(Cn().WorkingDaysIn(dekad)->value, 4);
  absl::StatusOr<CalendarResult<Date>> fifth = Cn().NthWorkingDay(dekad, 5);
  EXPECT_EQ(fifth.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(fifth.status().message(), HasSubstr("2023年10月上旬"));
  EXPECT_THAT(fifth.status().message(), HasSubstr("has 4 working days"));
  EXPECT_EQ(Cn().NthWorkingDay(dekad, 0).status().code(),
            absl::StatusCode::kInvalidArgument);
  // 2023年第一季度 ends on Friday 03-31. In 2024, 02-10..02-17 was 春节 and
  // Sunday 02-18 a make-up day: the first working day of 2月中旬.
  EXPECT_EQ(Cn().LastWorkingDay(*Period::Of(D("2023-02-01"), PeriodKind::kQuarter))->value,
            D("2023-03-31"));
  EXPECT_EQ(Cn().NthWorkingDay(*Period::Of(D("2024-02-15"), PeriodKind::kDekad), 1)->value,
            D("2024-02-18"));
  // 2nd working day of October 2023.
  EXPECT_EQ(Cn().NthWorkingDay(*Period::Of(D("2023-10-20"), PeriodKind::kMonth), 2)->value,
            D("2023-10-08"));
}

TEST(CalendarTest, StrictModeRefusesYearsWithoutNotice) {
  EXPECT_THAT(Cn().OfficialYears(), ::testing::SizeIs(20));
  EXPECT_EQ(Cn().OfficialYears().front(), 2007);
  EXPECT_EQ(Cn().OfficialYears().back(), 2026);
  EXPECT_TRUE(Cn().IsOfficialYear(2026));
  EXPECT_FALSE(Cn().IsOfficialYear(2027));
  EXPECT_FALSE(Cn().IsOfficialYear(2006));

  absl::StatusOr<CalendarResult<bool>> r = Cn().IsWorkingDay(D("2027-01-04"));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(r.status().message(), HasSubstr("2027"));
  EXPECT_THAT(r.status().message(), HasSubstr("2007–2026"));
  // Crossing into 2027 from an official day is refused too.
  absl::StatusOr<CalendarResult<Date>> a = Cn().AddWorkingDays(D("2026-12-30"), 5);
  EXPECT_EQ(a.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(a.status().message(), HasSubstr("2027-01-01"));
  EXPECT_EQ(Cn().IsWorkingDay(D("2006-06-01")).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Cn().WorkingDaysBetween(D("2026-12-01"), D("2027-01-10")).status().code(),
            absl::StatusCode::kFailedPrecondition);
  // 2006-12-30 and -31 were declared by the 2007 notice, so they are known.
  EXPECT_TRUE(Working(Cn(), "2006-12-30"));
  EXPECT_EQ(Cn().IsWorkingDay(D("2006-12-29")).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(CalendarTest, ProvisionalModeAnswersWithWeekendsAndFlags) {
  const Calendar cal = Calendar::ChinaMainland(CalendarMode::kProvisional);
  absl::StatusOr<CalendarResult<bool>> fri = cal.IsWorkingDay(D("2027-01-01"));
  ASSERT_TRUE(fri.ok());
  EXPECT_TRUE(fri->value);  // a Friday; the real notice will surely differ
  EXPECT_TRUE(fri->provisional);
  absl::StatusOr<CalendarResult<Date>> a = cal.AddWorkingDays(D("2026-12-30"), 5);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->value, D("2027-01-06"));
  EXPECT_TRUE(a->provisional);
  // Answers that stay within official years are not flagged.
  EXPECT_FALSE(cal.AddWorkingDays(D("2023-09-28"), 1)->provisional);
  EXPECT_TRUE(cal.Day(D("2030-05-01"))->provisional);
  EXPECT_EQ(cal.WithMode(CalendarMode::kStrict).mode(), CalendarMode::kStrict);
}

TEST(CalendarTest, OutsideTheRangeIsOutOfRange) {
  const Calendar cal = Calendar::ChinaMainland(CalendarMode::kProvisional);
  absl::StatusOr<CalendarResult<bool>> r = cal.IsWorkingDay(D("2150-01-01"));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(r.status().message(), HasSubstr("1950-01-01..2149-12-31"));
  EXPECT_EQ(cal.IsWorkingDay(D("1949-12-31")).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(cal.AddWorkingDays(D("2149-12-30"), 5).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(cal.AddWorkingDays(D("1950-01-02"), -5).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(cal.AddWorkingDays(D("2000-01-02"), INT32_MIN).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(cal.AddWorkingDays(D("2000-01-02"), INT32_MAX).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(cal.WorkingDaysBetween(D("2000-01-02"), D("3000-01-01")).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Calendar::MinDate(), D("1950-01-01"));
  EXPECT_EQ(Calendar::MaxDate(), D("2149-12-31"));
}

TEST(CalendarTest, DerivedCalendarAppliesLocalAdjustments) {
  absl::StatusOr<Calendar> local = Cn().DeriveFromText(
      "calendar 衡阳市机关\n"
      "off 2023-03-15 地方纪念日\n"
      "work 2023-03-18 值班\n",
      "hengyang.txt");
  ASSERT_TRUE(local.ok()) << local.status();
  EXPECT_EQ(local->name(), "衡阳市机关");
  EXPECT_FALSE(Working(*local, "2023-03-15"));
  EXPECT_TRUE(Working(*local, "2023-03-18"));
  EXPECT_EQ(local->Day(D("2023-03-18"))->kind, DayKind::kMakeupWorkday);
  EXPECT_EQ(local->Day(D("2023-03-15"))->source, "hengyang.txt:2");
  EXPECT_EQ(Add(*local, "2023-03-14", 1), D("2023-03-16"));
  EXPECT_EQ(Add(*local, "2023-03-17", 1), D("2023-03-18"));
  // The base calendar is untouched, and official facts still hold.
  EXPECT_TRUE(Working(Cn(), "2023-03-15"));
  EXPECT_EQ(Add(*local, "2023-09-28", 1), D("2023-10-07"));
  EXPECT_EQ(Cn().name(), "中国大陆法定工作日历");
}

TEST(CalendarTest, OverlayCanPublishANewYear) {
  absl::StatusOr<Calendar> next = Cn().DeriveFromText(
      "notice 2027 - 国务院办公厅关于2027年部分节假日安排的通知（测试）\n"
      "off 2027-01-01 元旦\n",
      "2027.txt");
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_TRUE(next->IsOfficialYear(2027));
  EXPECT_FALSE(Working(*next, "2027-01-01"));
  EXPECT_TRUE(Working(*next, "2027-01-04"));
  EXPECT_THAT(next->OfficialYears(), ::testing::Contains(2027));
}

TEST(CalendarTest, BadOverlaysChangeNothing) {
  absl::StatusOr<Calendar> bad = Cn().DeriveFromText("off 2023-02-30 x\n", "o.txt");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("o.txt:1"));
  absl::StatusOr<Calendar> far = Cn().DeriveFromText("off 2150-01-01 x\n", "far.txt");
  EXPECT_EQ(far.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(far.status().message(), HasSubstr("far.txt:1"));
  absl::StatusOr<Calendar> missing = Cn().DeriveFromFile("/nonexistent/cal.txt");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("/nonexistent/cal.txt"));
  absl::StatusOr<Calendar> directory = Cn().DeriveFromFile(::testing::TempDir());
  EXPECT_EQ(directory.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(directory.status().message(), HasSubstr("not a regular file"));
  CalendarAdjustments dangling;
  dangling.days.push_back({D("2023-01-05"), false, "x", 3, "api"});
  EXPECT_EQ(Cn().Derive(dangling).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Working(Cn(), "2023-01-05"));
}

TEST(CalendarTest, DeriveFromFileReadsTheFormat) {
  const std::string path = ::testing::TempDir() + "/dutygraph_overlay.txt";
  {
    FILE* f = fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    fputs("off 2024-03-15 地方纪念日\n", f);
    fclose(f);
  }
  absl::StatusOr<Calendar> cal = Cn().DeriveFromFile(path);
  ASSERT_TRUE(cal.ok()) << cal.status();
  EXPECT_FALSE(Working(*cal, "2024-03-15"));
  EXPECT_EQ(cal->Day(D("2024-03-15"))->source, path + ":1");
}

TEST(CalendarTest, ConcurrentReadersAgree) {
  std::vector<int64_t> sums(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &sums] {
      // Each thread also builds its own derived calendar from the shared one.
      const Calendar cal = t % 2 ? Cn() : *Cn().DeriveFromText("", "empty");
      int64_t sum = 0;
      for (Date d = D("2010-01-01"); d < D("2026-01-01"); d = d + 3) {
        sum += cal.AddWorkingDays(d, 7)->value.days_since_epoch();
      }
      sums[t] = sum;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_THAT(sums, ElementsAre(sums[0], sums[0], sums[0], sums[0]));
}

}  // namespace
}  // namespace dutygraph
