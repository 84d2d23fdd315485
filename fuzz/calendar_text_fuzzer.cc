// fuzz/calendar_text_fuzzer.cc — the calendar file loader under hostile
// input.
//
// Input: the bytes of a calendar file (docs/calendar.md: `calendar`,
// `notice`, `off`, `work` lines). The harness parses it (ParseCalendarText),
// derives an overlay of the built-in calendar in both modes and checks what
// the derived calendar says about the declared days against the declarations
// themselves and against its own conventions:
//   * a declared day is working iff its last declaration says `work`, and
//     Day() agrees with IsWorkingDay();
//   * WorkingDaysBetween(d, AddWorkingDays(d, n)) == n for n >= 0, and
//     the matching count backwards;
//   * Roll() lands on a working day; NthWorkingDay() lies in its period.
// DeriveFromText() must fail exactly when ParseCalendarText() does, with the
// same status.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string_view>

#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "dutygraph/period.h"
#include "fuzz_util.h"

namespace dutygraph::fuzz {
namespace {

// Bounds the work per input.
constexpr size_t kMaxCheckedDays = 16;

void CheckDay(const Calendar& cal, Date d, bool declared_working) {
  absl::StatusOr<DayInfo> info = cal.Day(d);
  absl::StatusOr<CalendarResult<bool>> working = cal.IsWorkingDay(d);
  DG_FUZZ_CHECK(info.ok() == working.ok());
  if (!info.ok()) return;  // a day outside the supported range
  DG_FUZZ_CHECK(info->working == working->value);
  DG_FUZZ_CHECK(info->working == declared_working);
  DG_FUZZ_CHECK(IsValidUtf8(info->name) && IsValidUtf8(info->source));
  // Non-empty views are NUL-terminated (the C API relies on it).
  for (std::string_view v : {info->name, info->notice_title, info->notice_url,
                             info->source}) {
    DG_FUZZ_CHECK(v.empty() || v.data()[v.size()] == '\0');
  }

  for (int32_t n : {0, 1, 7, 250}) {
    absl::StatusOr<CalendarResult<Date>> later = cal.AddWorkingDays(d, n);
    if (!later.ok()) continue;
    absl::StatusOr<CalendarResult<int32_t>> between =
        cal.WorkingDaysBetween(d, later->value);
    DG_FUZZ_CHECK(between.ok() && between->value == n);
    absl::StatusOr<CalendarResult<Date>> earlier = cal.AddWorkingDays(d, -n);
    if (earlier.ok()) {
      absl::StatusOr<CalendarResult<int32_t>> back =
          cal.WorkingDaysBetween(d, earlier->value);
      // (earlier, d] holds the n - 1 working days between them, and d.
      const int32_t expected = n == 0 ? 0 : -(n - 1 + (working->value ? 1 : 0));
      DG_FUZZ_CHECK(back.ok() && back->value == expected);
    }
  }
  for (RollConvention c :
       {RollConvention::kFollowing, RollConvention::kPreceding,
        RollConvention::kModifiedFollowing,
        RollConvention::kModifiedPreceding}) {
    absl::StatusOr<CalendarResult<Date>> rolled = cal.Roll(d, c);
    if (!rolled.ok()) continue;
    absl::StatusOr<CalendarResult<bool>> w = cal.IsWorkingDay(rolled->value);
    DG_FUZZ_CHECK(w.ok() && w->value);
  }
  (void)cal.NextWorkingDay(d);
  (void)cal.PreviousWorkingDay(d);
  for (PeriodKind kind : {PeriodKind::kDekad, PeriodKind::kMonth,
                          PeriodKind::kYear}) {
    absl::StatusOr<Period> period = Period::Of(d, kind);
    if (!period.ok()) continue;
    for (int32_t n : {1, 2, -1}) {
      absl::StatusOr<CalendarResult<Date>> nth = cal.NthWorkingDay(*period, n);
      if (nth.ok()) {
        DG_FUZZ_CHECK(period->start() <= nth->value &&
                      nth->value <= period->end());
      }
    }
    (void)cal.WorkingDaysIn(*period);
  }
}

void CheckDerived(const Calendar& cal, const CalendarAdjustments& adj) {
  // The last declaration of a date wins (a later notice may override).
  std::map<int32_t, bool> declared;
  for (const CalendarAdjustments::Day& day : adj.days) {
    declared[day.date.days_since_epoch()] = day.working;
  }
  size_t checked = 0;
  for (const auto& [days, working] : declared) {
    if (++checked > kMaxCheckedDays) break;
    CheckDay(cal, *Date::FromDaysSinceEpoch(days), working);
  }
  for (const CalendarAdjustments::Notice& notice : adj.notices) {
    if (notice.year >= Calendar::kMinYear && notice.year <= Calendar::kMaxYear) {
      DG_FUZZ_CHECK(cal.IsOfficialYear(notice.year));
    }
  }
  (void)cal.OfficialYears();
  DG_FUZZ_CHECK(IsValidUtf8(cal.name()));
}

}  // namespace
}  // namespace dutygraph::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dutygraph;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  absl::StatusOr<CalendarAdjustments> adj = ParseCalendarText(text, "fuzz.txt");
  const Calendar strict = Calendar::ChinaMainland();
  absl::StatusOr<Calendar> from_text = strict.DeriveFromText(text, "fuzz.txt");
  DG_FUZZ_CHECK(adj.ok() || from_text.status() == adj.status());
  if (!adj.ok()) {
    DG_FUZZ_CHECK(adj.status().code() == absl::StatusCode::kInvalidArgument ||
                  adj.status().code() == absl::StatusCode::kResourceExhausted);
    DG_FUZZ_CHECK(adj.status().message().find("fuzz.txt") !=
                  absl::string_view::npos);
    DG_FUZZ_CHECK(fuzz::IsValidUtf8(fuzz::MessageOf(adj.status())));
    return 0;
  }
  for (const CalendarAdjustments::Day& day : adj->days) {
    DG_FUZZ_CHECK(fuzz::IsValidUtf8(day.name));
    DG_FUZZ_CHECK(day.notice >= -1 &&
                  day.notice < static_cast<int>(adj->notices.size()));
  }

  // (Derive() rebuilds the day tables, the costly part: done once.)
  if (!from_text.ok()) {
    DG_FUZZ_CHECK(from_text.status().code() ==
                  absl::StatusCode::kInvalidArgument);
    DG_FUZZ_CHECK(fuzz::IsValidUtf8(fuzz::MessageOf(from_text.status())));
    return 0;
  }
  fuzz::CheckDerived(*from_text, *adj);
  fuzz::CheckDerived(from_text->WithMode(CalendarMode::kProvisional), *adj);
  return 0;
}
