// dutygraph/date.h — a civil (proleptic Gregorian) date as a value type.
//
// `Date` is a day count since 1970-01-01: four bytes, trivially copyable,
// ordered, and cheap to add days to. It is the date type of every dutygraph
// API; the text form is ISO `YYYY-MM-DD` at every face (C++, C, Python, CLI).
//
// Thread safety: a value type; distinct objects need no synchronisation.
//
// Example:
//   absl::StatusOr<dutygraph::Date> d = dutygraph::Date::Parse("2023-09-28");
//   if (!d.ok()) return d.status();        // "bad date '2023-02-30': ..."
//   int weekday = d->iso_weekday();        // 4 (Thursday)
//   dutygraph::Date next = *d + 1;         // 2023-09-29
#ifndef DUTYGRAPH_DATE_H_
#define DUTYGRAPH_DATE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "dutygraph/export.h"

namespace dutygraph {

class DUTYGRAPH_EXPORT Date {
 public:
  // The representable range (that of Boost.Date_Time's Gregorian calendar).
  static constexpr int kMinYear = 1400;
  static constexpr int kMaxYear = 9999;

  // 1970-01-01.
  constexpr Date() = default;

  // FromYmd()
  //
  // Returns the date, or INVALID_ARGUMENT naming what is wrong
  // ("2023-02-30: day 30 is past the end of February 2023"), or OUT_OF_RANGE
  // when the year is outside [kMinYear, kMaxYear].
  static absl::StatusOr<Date> FromYmd(int year, int month, int day);

  // Parse()
  //
  // Accepts exactly `YYYY-MM-DD` (ASCII digits, zero-padded). Anything else is
  // INVALID_ARGUMENT with the offending text quoted.
  static absl::StatusOr<Date> Parse(std::string_view iso_text);

  // FromDaysSinceEpoch()
  //
  // The date `days` after 1970-01-01 (negative: before). OUT_OF_RANGE when
  // the result falls outside the representable range.
  static absl::StatusOr<Date> FromDaysSinceEpoch(int64_t days);

  // Days since 1970-01-01; the C API's `dg_date`.
  constexpr int32_t days_since_epoch() const { return days_; }

  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  // ISO weekday: 1 = Monday ... 7 = Sunday.
  constexpr int iso_weekday() const {
    return static_cast<int>(((static_cast<int64_t>(days_) + 3) % 7 + 7) % 7) +
           1;
  }
  constexpr bool is_weekend() const { return iso_weekday() >= 6; }

  // `YYYY-MM-DD`.
  std::string ToString() const;

  // Day arithmetic. The caller keeps results within the representable range
  // (dutygraph's own APIs check their results).
  constexpr Date operator+(int32_t days) const { return Date(days_ + days); }
  constexpr Date operator-(int32_t days) const { return Date(days_ - days); }
  constexpr int32_t operator-(Date other) const { return days_ - other.days_; }

  friend constexpr bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend constexpr auto operator<=>(Date a, Date b) { return a.days_ <=> b.days_; }

 private:
  friend class Calendar;  // builds dates from its own checked day indices
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

}  // namespace dutygraph

#endif  // DUTYGRAPH_DATE_H_
