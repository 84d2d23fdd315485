// Periods are computed from a date's (year, month, day). Month-based kinds
// are numbered consecutively (e.g. dekad index = month index * 3 + dekad), so
// Shift() is integer arithmetic followed by a rebuild from the first day.
#include "dutygraph/period.h"

#include <array>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "util/status_macros.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dutygraph {
namespace {

using internal::AsAbsl;

struct KindName {
  PeriodKind kind;
  std::string_view english;
  std::array<std::string_view, 2> chinese;
};
constexpr std::array<KindName, 7> kKindNames = {{
    {PeriodKind::kDekad, "dekad", {"旬", ""}},
    {PeriodKind::kWeek, "week", {"周", ""}},
    {PeriodKind::kHalfMonth, "half-month", {"半月", ""}},
    {PeriodKind::kMonth, "month", {"月", ""}},
    {PeriodKind::kQuarter, "quarter", {"季", "季度"}},
    {PeriodKind::kHalfYear, "half-year", {"半年", ""}},
    {PeriodKind::kYear, "year", {"年", ""}},
}};

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// The months a month-based period spans, and how many sub-periods a month has.
int MonthsPerPeriod(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kQuarter: return 3;
    case PeriodKind::kHalfYear: return 6;
    case PeriodKind::kYear: return 12;
    default: return 1;
  }
}
int PeriodsPerMonth(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kDekad: return 3;
    case PeriodKind::kHalfMonth: return 2;
    default: return 1;
  }
}

// Sub-period of a month containing `day` (0-based) and its day span.
int SubPeriodOfDay(PeriodKind kind, int day) {
  if (kind == PeriodKind::kDekad) return day <= 10 ? 0 : day <= 20 ? 1 : 2;
  if (kind == PeriodKind::kHalfMonth) return day <= 15 ? 0 : 1;
  return 0;
}
std::pair<int, int> SubPeriodDays(PeriodKind kind, int sub, int year,
                                  int month) {
  const int last = DaysInMonth(year, month);
  if (kind == PeriodKind::kDekad) {
    return {sub * 10 + 1, sub == 2 ? last : sub * 10 + 10};
  }
  if (kind == PeriodKind::kHalfMonth) return {sub * 15 + 1, sub ? last : 15};
  return {1, last};
}

absl::StatusOr<Date> DateOrRangeError(int year, int month, int day) {
  absl::StatusOr<Date> d = Date::FromYmd(year, month, day);
  if (!d.ok() && d.status().code() == absl::StatusCode::kOutOfRange) {
    return absl::OutOfRangeError(
        absl::StrCat("period is outside the representable dates: ",
                     d.status().message()));
  }
  return d;
}

constexpr std::string_view kChineseDigits[] = {"一", "二", "三", "四"};

}  // namespace

std::string_view PeriodKindName(PeriodKind kind) {
  for (const KindName& k : kKindNames) {
    if (k.kind == kind) return k.english;
  }
  return "unknown";
}

absl::StatusOr<PeriodKind> ParsePeriodKind(std::string_view name) {
  const std::string lower = absl::AsciiStrToLower(AsAbsl(name));
  for (const KindName& k : kKindNames) {
    if (lower == k.english || name == k.chinese[0] ||
        (!k.chinese[1].empty() && name == k.chinese[1])) {
      return k.kind;
    }
  }
  std::vector<std::string> accepted;
  for (const KindName& k : kKindNames) {
    accepted.push_back(absl::StrCat(AsAbsl(k.english), "/", AsAbsl(k.chinese[0])));
  }
  return absl::InvalidArgumentError(
      absl::StrFormat("unknown period kind '%s'; expected one of %s",
                      internal::QuotedInput(name), absl::StrJoin(accepted, ", ")));
}

absl::StatusOr<Period> Period::Of(Date date, PeriodKind kind) {
  if (kind == PeriodKind::kWeek) {
    const int64_t start = int64_t{date.days_since_epoch()} -
                          (date.iso_weekday() - 1);
    absl::StatusOr<Date> first = Date::FromDaysSinceEpoch(start);
    absl::StatusOr<Date> last = Date::FromDaysSinceEpoch(start + 6);
    if (!first.ok() || !last.ok()) {
      return absl::OutOfRangeError(absl::StrCat(
          "the week of ", date.ToString(),
          " reaches outside the representable dates"));
    }
    return Period(kind, *first, *last);
  }
  if (MonthsPerPeriod(kind) == 1 && PeriodsPerMonth(kind) == 1 &&
      kind != PeriodKind::kMonth) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "unknown period kind %d", static_cast<int>(kind)));
  }
  const int year = date.year(), month = date.month();
  const int span = MonthsPerPeriod(kind);
  const int first_month = (month - 1) / span * span + 1;
  const int last_month = first_month + span - 1;
  const int sub = SubPeriodOfDay(kind, date.day());
  const auto [first_day, last_day] = SubPeriodDays(kind, sub, year, month);
  DG_ASSIGN_OR_RETURN(Date start, DateOrRangeError(year, first_month,
                                                  span == 1 ? first_day : 1));
  DG_ASSIGN_OR_RETURN(
      Date end, DateOrRangeError(year, last_month,
                                 span == 1 ? last_day
                                           : DaysInMonth(year, last_month)));
  return Period(kind, start, end);
}

absl::StatusOr<Period> Period::Shift(int32_t n) const {
  if (kind_ == PeriodKind::kWeek) {
    absl::StatusOr<Date> start =
        Date::FromDaysSinceEpoch(int64_t{start_.days_since_epoch()} + 7 * int64_t{n});
    if (!start.ok()) {
      return absl::OutOfRangeError(absl::StrFormat(
          "shifting %s by %d weeks leaves the representable dates", Label(), n));
    }
    return Of(*start, kind_);
  }
  // Consecutive numbering: months since year 0, split into sub-periods.
  const int per_month = PeriodsPerMonth(kind_);
  const int span = MonthsPerPeriod(kind_);
  const int64_t month_index = int64_t{start_.year()} * 12 + start_.month() - 1;
  const int64_t index = month_index / span * per_month +
                        SubPeriodOfDay(kind_, start_.day()) + n;
  const int64_t target_month = index / per_month * span;
  const int64_t target_year = target_month / 12;
  if (index < 0 || target_year < Date::kMinYear || target_year > Date::kMaxYear) {
    return absl::OutOfRangeError(absl::StrFormat(
        "shifting %s by %d periods leaves the representable dates", Label(), n));
  }
  const int sub = static_cast<int>(index % per_month);
  const int month = static_cast<int>(target_month % 12) + 1;
  DG_ASSIGN_OR_RETURN(
      Date start, DateOrRangeError(static_cast<int>(target_year), month,
                                   sub * (kind_ == PeriodKind::kDekad ? 10 : 15) + 1));
  return Of(start, kind_);
}

std::string Period::Label() const {
  const int year = start_.year(), month = start_.month();
  switch (kind_) {
    case PeriodKind::kDekad: {
      static constexpr std::string_view kNames[] = {"上旬", "中旬", "下旬"};
      return absl::StrCat(year, "年", month, "月",
                          AsAbsl(kNames[SubPeriodOfDay(kind_, start_.day())]));
    }
    case PeriodKind::kWeek: {
      // The ISO week-year is the year of the week's Thursday.
      const Date thursday = start_ + 3;
      const int week_year = thursday.year();
      const int week = (thursday - *Date::FromYmd(week_year, 1, 1)) / 7 + 1;
      return absl::StrCat(week_year, "年第", week, "周");
    }
    case PeriodKind::kHalfMonth:
      return absl::StrCat(year, "年", month, "月",
                          start_.day() == 1 ? "上半月" : "下半月");
    case PeriodKind::kMonth:
      return absl::StrCat(year, "年", month, "月");
    case PeriodKind::kQuarter:
      return absl::StrCat(year, "年第", AsAbsl(kChineseDigits[(month - 1) / 3]), "季度");
    case PeriodKind::kHalfYear:
      return absl::StrCat(year, month == 1 ? "年上半年" : "年下半年");
    case PeriodKind::kYear:
      return absl::StrCat(year, "年");
  }
  return "";
}

}  // namespace dutygraph
