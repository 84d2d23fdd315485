// dutygraph/calendar.h — the official working-day calendar.
//
// Every date dutygraph computes is on this calendar: Monday–Friday are working
// days and weekends are off, except where a State Council holiday notice says
// otherwise — statutory holidays (放假) and make-up working weekends (调休上班).
// The China mainland data for every published year (2007–2026 in this
// release) is compiled into the library from data/calendar/china_mainland.txt,
// each day with its holiday name and the notice it comes from.
//
// Years without a published notice are never answered silently:
//   * CalendarMode::kStrict (the default) fails with FAILED_PRECONDITION naming
//     the year as soon as an operation touches a day of such a year;
//   * CalendarMode::kProvisional answers with weekends only and sets
//     `provisional` on every result that touched such a day.
//
// A calendar can be derived with local adjustments — a locality's own holiday,
// an office's duty weekend, or next year's notice before a library upgrade —
// from `CalendarAdjustments` or from text in the calendar file format
// (docs/calendar.md).
//
// Supported dates are kMinDate..kMaxDate (1950-01-01..2149-12-31); outside
// that every operation fails with OUT_OF_RANGE.
//
// Conventions:
//   * AddWorkingDays(d, n), n > 0, is the n-th working day strictly after d;
//     n < 0, the |n|-th working day strictly before d; n == 0 returns d.
//   * WorkingDaysBetween(a, b) counts working days in the half-open interval
//     (a, b]: the days "elapsed" after a, up to and including b. So
//     WorkingDaysBetween(a, AddWorkingDays(a, n)) == n for n >= 0. For b < a
//     it is -WorkingDaysBetween(b, a).
//
// Thread safety: a `Calendar` is an immutable value (a shared pointer to
// read-only tables); copies are cheap and may be used from any thread.
// Strings returned as std::string_view are borrowed from the calendar's
// tables and stay valid while any copy of the Calendar that returned them
// lives.
//
// Example:
//   dutygraph::Calendar cal = dutygraph::Calendar::ChinaMainland();
//   auto d = cal.AddWorkingDays(*dutygraph::Date::Parse("2023-09-28"), 1);
//   // d->value == 2023-10-07: 09-29..10-06 is 中秋节、国庆节, 10-07 (Sat) is
//   // a make-up working day.
#ifndef DUTYGRAPH_CALENDAR_H_
#define DUTYGRAPH_CALENDAR_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/date.h"
#include "dutygraph/export.h"
#include "dutygraph/period.h"

namespace dutygraph {

// Values are stable: the C API uses the same numbers.
enum class CalendarMode : int32_t {
  kStrict = 0,       // a day of a year without a notice is an error
  kProvisional = 1,  // such days follow weekends only; results are flagged
};

// Values are stable: the C API's dg_roll_convention uses the same numbers.
enum class RollConvention : int32_t {
  kFollowing = 0,           // the first working day on or after
  kPreceding = 1,           // the last working day on or before
  kModifiedFollowing = 2,   // following, unless that leaves the month
  kModifiedPreceding = 3,   // preceding, unless that leaves the month
};

// Values are stable: the C API's dg_day_kind uses the same numbers.
enum class DayKind : int32_t {
  kWorkday = 0,         // Monday–Friday, no notice about it
  kWeekend = 1,         // Saturday–Sunday, no notice about it
  kHoliday = 2,         // declared off (放假), whatever the weekday
  kMakeupWorkday = 3,   // declared working (调休上班), usually a weekend
};

// A value with its provisional flag: `provisional` is true when the answer
// relied on a day of a year that has no published notice (possible only in
// CalendarMode::kProvisional).
template <typename T>
struct CalendarResult {
  T value{};
  bool provisional = false;
};

// Everything the calendar knows about one day. The string views refer to
// NUL-terminated strings owned by the calendar's tables (the C API relies on
// the terminator).
struct DayInfo {
  Date date;
  bool working = false;
  DayKind kind = DayKind::kWorkday;
  std::string_view name;          // holiday name ("春节"), empty if none
  std::string_view notice_title;  // the declaring notice, empty if none
  std::string_view notice_url;    // its published address, may be empty
  std::string_view source;        // where it was read: "china_mainland.txt:42"
  bool provisional = false;       // the day's year has no notice
};

// Day declarations: what a notice or a local adjustment says.
struct CalendarAdjustments {
  // A published notice for a year; at least one notice makes the year
  // official.
  struct Notice {
    int year = 0;
    std::string url;
    std::string title;
  };
  // One declared day. `notice` indexes `notices`, or is -1 for a local
  // adjustment that comes from no notice.
  struct Day {
    Date date;
    bool working = false;
    std::string name;
    int notice = -1;
    std::string source;  // for messages, e.g. "overlay.txt:7"
  };
  std::string name;  // e.g. "衡阳市机关值班安排"
  std::vector<Notice> notices;
  std::vector<Day> days;
};

// Limits against hostile calendar text and derivations. Exceeding one is
// RESOURCE_EXHAUSTED naming the limit, its value and where ("overlay.txt:9:
// ... the limit is 100000 (max_declared_days)"), never an out-of-memory kill;
// nothing is changed. The defaults are far above any real calendar (the
// built-in 2007–2026 data is 12 KB declaring 680 days; a local overlay
// declares tens), and bound the memory one derivation may take to a few
// hundred MB. docs/hostile-input.md lists them; the C API's
// DG_CALENDAR_DERIVE_OPTIONS_INIT repeats them.
//
// A range (`off 2023-01-01..2023-12-31`) spans at most 366 days: that is a
// format rule, not a limit (INVALID_ARGUMENT, cannot be raised) — a notice
// declares days of one year, so a longer range is always a typo, and the
// memory a range costs is bounded by max_declared_days anyway.
struct CalendarLimits {
  // Size of one calendar text or file, checked before a file is read.
  size_t max_bytes = size_t{16} << 20;
  // Days one text declares, a range counting each of its days (a later
  // notice may declare a day again, so the size alone does not bound them).
  size_t max_declared_days = 100'000;
  // Bytes of one day's name (`off DATE..DATE NAME`): every day of a range
  // keeps its own copy, so without it one 16 MiB line of a year's range
  // would take 6 GB. Real names are a few characters ("春节").
  size_t max_name_bytes = 1024;
  // Days declared by every layer of the derived calendar together, the
  // built-in data included (Derive() keeps every layer alive).
  size_t max_total_declared_days = size_t{1} << 20;
  // Layers of the derived calendar, the built-in data being the first: at
  // most max_layers - 1 derivations in a chain. Each layer keeps its text's
  // names and notices alive.
  size_t max_layers = 64;
};

// ParseCalendarText()
//
// Reads the calendar file format (docs/calendar.md). `source_name` prefixes
// every error and DayInfo::source ("overlay.txt:12: bad date '2023-02-30'").
// INVALID_ARGUMENT for malformed lines, invalid UTF-8 or a day declared twice
// under one notice; a later notice may override an earlier one's day (as the
// 2020 春节 extension did). RESOURCE_EXHAUSTED past limits.max_bytes or
// limits.max_declared_days (the other limits apply to Derive()).
DUTYGRAPH_EXPORT absl::StatusOr<CalendarAdjustments> ParseCalendarText(
    std::string_view text, std::string_view source_name,
    const CalendarLimits& limits = {});

namespace internal {
// The read-only arrays behind the inline fast paths below, owned by
// Calendar::Tables (src/calendar/calendar_tables.h). Not part of the API.
struct CalendarView {
  const uint8_t* flags = nullptr;          // per day: bit 0 working, bit 1 known
  const int32_t* work_before = nullptr;    // working days before each day
  const int32_t* unknown_before = nullptr; // unknown days before each day
  const int32_t* work_days = nullptr;      // day indices of the working days
  int64_t work_day_count = 0;
};
}  // namespace internal

class DUTYGRAPH_EXPORT Calendar {
 public:
  static constexpr int kMinYear = 1950;
  static constexpr int kMaxYear = 2149;
  static Date MinDate();  // 1950-01-01
  static Date MaxDate();  // 2149-12-31

  // ChinaMainland()
  //
  // The built-in official calendar. Cheap: every call shares one set of
  // tables, built on first use.
  static Calendar ChinaMainland(CalendarMode mode = CalendarMode::kStrict);

  // Derive()
  //
  // A new calendar: this one with `adjustments` applied on top (an adjusted
  // day replaces this calendar's answer for that day; notices make their
  // years official). The mode is kept. INVALID_ARGUMENT if a day falls outside
  // kMinDate..kMaxDate; RESOURCE_EXHAUSTED past limits.max_layers or
  // limits.max_total_declared_days. Nothing is changed on failure.
  absl::StatusOr<Calendar> Derive(const CalendarAdjustments& adjustments,
                                  const CalendarLimits& limits = {}) const;
  // DeriveFromText() / DeriveFromFile(): Derive() from the file format,
  // under every limit of `limits`. NOT_FOUND if the file cannot be read;
  // a file larger than limits.max_bytes is refused before it is read.
  absl::StatusOr<Calendar> DeriveFromText(
      std::string_view text, std::string_view source_name,
      const CalendarLimits& limits = {}) const;
  absl::StatusOr<Calendar> DeriveFromFile(
      const std::string& path, const CalendarLimits& limits = {}) const;

  // WithMode(): the same tables under another mode (cheap).
  Calendar WithMode(CalendarMode mode) const;

  CalendarMode mode() const { return mode_; }
  // The calendar's name: the built-in one's, or that of the last adjustments.
  std::string_view name() const;

  // IsOfficialYear() / OfficialYears(): years with at least one notice.
  bool IsOfficialYear(int year) const;
  std::vector<int> OfficialYears() const;

  // Day queries. Errors, for every operation below: OUT_OF_RANGE outside
  // kMinDate..kMaxDate; FAILED_PRECONDITION in strict mode when a day of a
  // year without a notice is involved ("no official holiday schedule for
  // 2027 ...").
  absl::StatusOr<CalendarResult<bool>> IsWorkingDay(Date d) const;
  absl::StatusOr<DayInfo> Day(Date d) const;
  // The holiday name of `d` ("春节" for both the days off and the make-up
  // working days of the Spring Festival), or empty.
  absl::StatusOr<CalendarResult<std::string_view>> HolidayName(Date d) const;

  // NextWorkingDay(): strictly after d. PreviousWorkingDay(): strictly before.
  absl::StatusOr<CalendarResult<Date>> NextWorkingDay(Date d) const;
  absl::StatusOr<CalendarResult<Date>> PreviousWorkingDay(Date d) const;
  // AddWorkingDays(): see the conventions in the file comment.
  absl::StatusOr<CalendarResult<Date>> AddWorkingDays(Date d, int32_t n) const;
  // WorkingDaysBetween(): working days in (a, b]; negative when b < a.
  absl::StatusOr<CalendarResult<int32_t>> WorkingDaysBetween(Date a,
                                                             Date b) const;
  // Roll(): `d` itself if it is a working day, else per `convention`.
  absl::StatusOr<CalendarResult<Date>> Roll(Date d,
                                            RollConvention convention) const;

  // NthWorkingDay(): n >= 1 counts from the period's start (1 = first
  // working day), n <= -1 from its end (-1 = last). INVALID_ARGUMENT for
  // n == 0; OUT_OF_RANGE when the period has fewer than |n| working days.
  absl::StatusOr<CalendarResult<Date>> NthWorkingDay(const Period& period,
                                                     int32_t n) const;
  absl::StatusOr<CalendarResult<Date>> LastWorkingDay(
      const Period& period) const {
    return NthWorkingDay(period, -1);
  }
  // WorkingDaysIn(): the number of working days in the period.
  absl::StatusOr<CalendarResult<int32_t>> WorkingDaysIn(
      const Period& period) const;

  struct Tables;  // defined in src/calendar/calendar_tables.h

 private:
  // Day indices count from MinDate(); the fast paths below answer the common
  // case (in range, every involved day known) inline, from the view's arrays,
  // and leave every other case to the out-of-line *Slow functions.
  static constexpr int32_t kFirstDay = -7305;  // MinDate().days_since_epoch()
  static constexpr uint32_t kDayCount = 73049;  // MinDate()..MaxDate()
  static constexpr uint8_t kWorkingFlag = 1, kKnownFlag = 2;

  Calendar(std::shared_ptr<const Tables> tables, CalendarMode mode);
  bool AllKnown(int64_t lo, int64_t hi) const {  // days lo..hi, inclusive
    return view_.unknown_before[hi + 1] == view_.unknown_before[lo];
  }
  absl::Status RangeError(int32_t lo, int32_t hi) const;
  absl::StatusOr<bool> RangeProvisional(int32_t lo, int32_t hi) const;
  absl::StatusOr<CalendarResult<bool>> IsWorkingDaySlow(Date d) const;
  absl::StatusOr<CalendarResult<Date>> AddWorkingDaysSlow(Date d,
                                                          int32_t n) const;
  absl::StatusOr<CalendarResult<int32_t>> WorkingDaysBetweenSlow(Date a,
                                                                 Date b) const;

  std::shared_ptr<const Tables> tables_;
  internal::CalendarView view_;
  CalendarMode mode_ = CalendarMode::kStrict;
};

inline absl::StatusOr<CalendarResult<bool>> Calendar::IsWorkingDay(
    Date d) const {
  const uint32_t i = static_cast<uint32_t>(d.days_since_epoch() - kFirstDay);
  if (i < kDayCount) [[likely]] {
    const uint8_t flags = view_.flags[i];
    if (flags & kKnownFlag) [[likely]] {
      return CalendarResult<bool>{(flags & kWorkingFlag) != 0, false};
    }
  }
  return IsWorkingDaySlow(d);
}

inline absl::StatusOr<CalendarResult<Date>> Calendar::AddWorkingDays(
    Date d, int32_t n) const {
  const uint32_t i = static_cast<uint32_t>(d.days_since_epoch() - kFirstDay);
  if (i < kDayCount && n != 0) [[likely]] {
    // The n-th working day after day i is work_days[work_before[i + 1] + n - 1];
    // the |n|-th before it is work_days[work_before[i] + n].
    const int64_t k = n > 0 ? int64_t{view_.work_before[i + 1]} + n - 1
                            : int64_t{view_.work_before[i]} + n;
    if (k >= 0 && k < view_.work_day_count) [[likely]] {
      const int32_t r = view_.work_days[k];
      if (n > 0 ? AllKnown(int64_t{i} + 1, r) : AllKnown(r, int64_t{i} - 1))
          [[likely]] {
        return CalendarResult<Date>{Date(r + kFirstDay), false};
      }
    }
  }
  return AddWorkingDaysSlow(d, n);
}

inline absl::StatusOr<CalendarResult<int32_t>> Calendar::WorkingDaysBetween(
    Date a, Date b) const {
  const uint32_t ia = static_cast<uint32_t>(a.days_since_epoch() - kFirstDay);
  const uint32_t ib = static_cast<uint32_t>(b.days_since_epoch() - kFirstDay);
  if (ia < kDayCount && ib < kDayCount) [[likely]] {
    const uint32_t lo = ia < ib ? ia : ib, hi = ia < ib ? ib : ia;
    if (AllKnown(int64_t{lo} + 1, hi)) [[likely]] {
      const int32_t count =
          view_.work_before[hi + 1] - view_.work_before[lo + 1];
      return CalendarResult<int32_t>{ia <= ib ? count : -count, false};
    }
  }
  return WorkingDaysBetweenSlow(a, b);
}

// RollConventionName() / ParseRollConvention(): "following", "preceding",
// "modified-following", "modified-preceding".
DUTYGRAPH_EXPORT std::string_view RollConventionName(RollConvention c);
DUTYGRAPH_EXPORT absl::StatusOr<RollConvention> ParseRollConvention(
    std::string_view name);
// DayKindName(): "workday", "weekend", "holiday", "makeup-workday".
DUTYGRAPH_EXPORT std::string_view DayKindName(DayKind kind);

}  // namespace dutygraph

#endif  // DUTYGRAPH_CALENDAR_H_
