// Date conversions. Boost.Date_Time's Gregorian calendar does the civil
// arithmetic; its constructors throw on bad input, so every input is range-
// checked first and no exception can escape.
#include "dutygraph/date.h"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "absl/strings/str_format.h"
#include "util/utf8.h"

namespace dutygraph {
namespace {

using GregorianCalendar = boost::gregorian::gregorian_calendar;

// The Julian day number of 1970-01-01.
constexpr int64_t kEpochDayNumber = 2440588;

int64_t DayNumber(int year, int month, int day) {
  return GregorianCalendar::day_number(GregorianCalendar::ymd_type(
      static_cast<unsigned short>(year), static_cast<unsigned short>(month),
      static_cast<unsigned short>(day)));
}

const int64_t kMinDays = DayNumber(Date::kMinYear, 1, 1) - kEpochDayNumber;
const int64_t kMaxDays = DayNumber(Date::kMaxYear, 12, 31) - kEpochDayNumber;

GregorianCalendar::ymd_type Ymd(int32_t days) {
  return GregorianCalendar::from_day_number(kEpochDayNumber + days);
}

constexpr const char* kMonthNames[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Why (year, month, day) is not a representable date, or OK. The message
// has no prefix so that callers can say what they were reading.
absl::Status CheckYmd(int year, int month, int day) {
  if (year < Date::kMinYear || year > Date::kMaxYear) {
    return absl::OutOfRangeError(absl::StrFormat(
        "year %d is outside %d..%d", year, Date::kMinYear, Date::kMaxYear));
  }
  if (month < 1 || month > 12) {
    return absl::InvalidArgumentError(
        absl::StrFormat("month %d is not 1..12", month));
  }
  const int last = GregorianCalendar::end_of_month_day(
      static_cast<unsigned short>(year), static_cast<unsigned short>(month));
  if (day < 1 || day > last) {
    return absl::InvalidArgumentError(
        absl::StrFormat("day %d is not 1..%d (%s %d has %d days)", day, last,
                        kMonthNames[month - 1], year, last));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Date> Date::FromYmd(int year, int month, int day) {
  if (absl::Status why = CheckYmd(year, month, day); !why.ok()) {
    return absl::Status(why.code(),
                        absl::StrFormat("%04d-%02d-%02d: %s", year, month, day,
                                        why.message()));
  }
  return Date(static_cast<int32_t>(DayNumber(year, month, day) -
                                   kEpochDayNumber));
}

absl::StatusOr<Date> Date::Parse(std::string_view text) {
  auto bad = [&](std::string_view why) {
    // A bounded quote, so hostile input cannot flood a message; "..." says
    // it was cut.
    std::string_view shown = internal::QuotedInput(text);
    return absl::InvalidArgumentError(
        absl::StrFormat("bad date '%s%s': %s", shown,
                        shown.size() < text.size() ? "..." : "", why));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return bad("expected YYYY-MM-DD");
  }
  int fields[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (int k = 0; k < lengths[f]; ++k) {
      const char c = text[starts[f] + k];
      if (c < '0' || c > '9') return bad("expected YYYY-MM-DD");
      fields[f] = fields[f] * 10 + (c - '0');
    }
  }
  if (absl::Status why = CheckYmd(fields[0], fields[1], fields[2]);
      !why.ok()) {
    return absl::Status(why.code(),
                        absl::StrFormat("bad date '%s': %s", text, why.message()));
  }
  return Date(static_cast<int32_t>(DayNumber(fields[0], fields[1], fields[2]) -
                                   kEpochDayNumber));
}

absl::StatusOr<Date> Date::FromDaysSinceEpoch(int64_t days) {
  if (days < kMinDays || days > kMaxDays) {
    return absl::OutOfRangeError(absl::StrFormat(
        "day number %d is outside the representable dates %04d-01-01..%04d-12-31",
        days, kMinYear, kMaxYear));
  }
  return Date(static_cast<int32_t>(days));
}

int Date::year() const { return Ymd(days_).year; }
int Date::month() const { return Ymd(days_).month; }
int Date::day() const { return Ymd(days_).day; }

std::string Date::ToString() const {
  const auto ymd = Ymd(days_);
  return absl::StrFormat("%04d-%02d-%02d", static_cast<int>(ymd.year),
                         static_cast<int>(ymd.month),
                         static_cast<int>(ymd.day));
}

}  // namespace dutygraph
