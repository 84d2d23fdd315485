// capi/dg_calendar.cc — the C API's calendars (see dutygraph/dg.h).
//
// A dg_calendar handle owns one dutygraph::Calendar value, itself a shared
// pointer to immutable tables: creating handles is cheap, and concurrent
// calls on one handle are safe because nothing in it is ever mutated.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "dutygraph/calendar.h"
#include "dutygraph/dg.h"
#include "dutygraph/period.h"
#include "guard.h"
#include "handles.h"


namespace {

using dutygraph::Calendar;
using dutygraph::CalendarLimits;
using dutygraph::CalendarMode;
using dutygraph::CalendarResult;
using dutygraph::Date;
using dutygraph::DayInfo;
using dutygraph::Period;
using dutygraph::PeriodKind;
using dutygraph::RollConvention;
using dutygraph::capi::ApiCall;
using dutygraph::capi::CheckHandle;
using dutygraph::capi::FreeHandle;
using dutygraph::capi::SetIfGiven;
using dutygraph::capi::ZeroOut;

dg_status CheckMode(CalendarMode* mode_out, dg_calendar_mode mode,
                    std::string_view what, const ApiCall& call) {
  if (mode != DG_CALENDAR_STRICT && mode != DG_CALENDAR_PROVISIONAL) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {what, " ", std::to_string(mode),
                      " is not a dg_calendar_mode (DG_CALENDAR_STRICT=0, "
                      "DG_CALENDAR_PROVISIONAL=1)"});
  }
  *mode_out = static_cast<CalendarMode>(mode);
  return DG_OK;
}

// The limits a caller's dg_calendar_derive_options declare (NULL: the
// defaults). Only the fields within struct_size are read; the others keep
// their defaults. A limit of 0 (or below) would refuse every text, so it is
// taken for an uninitialised struct and refused by name.
dg_status ReadDeriveOptions(CalendarLimits* limits,
                            const dg_calendar_derive_options* opts,
                            const ApiCall& call) {
  *limits = CalendarLimits{};
  if (opts == nullptr) return DG_OK;
  const size_t declared = opts->struct_size;
  if (declared < DG_FIELD_END(dg_calendar_derive_options, max_bytes)) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {"opts->struct_size is ", std::to_string(declared),
                      ", too small for dg_calendar_derive_options; initialise "
                      "it with DG_CALENDAR_DERIVE_OPTIONS_INIT"});
  }
  // The uint64_t fields, in struct order, and the limits they set.
  struct Field {
    uint64_t dg_calendar_derive_options::*member;
    size_t end;
    const char* name;
    size_t CalendarLimits::*target;
  };
  using O = dg_calendar_derive_options;
  static constexpr Field kFields[] = {
      {&O::max_bytes, DG_FIELD_END(O, max_bytes), "opts->max_bytes",
       &CalendarLimits::max_bytes},
      {&O::max_declared_days, DG_FIELD_END(O, max_declared_days),
       "opts->max_declared_days", &CalendarLimits::max_declared_days},
      {&O::max_name_bytes, DG_FIELD_END(O, max_name_bytes),
       "opts->max_name_bytes", &CalendarLimits::max_name_bytes},
      {&O::max_total_declared_days, DG_FIELD_END(O, max_total_declared_days),
       "opts->max_total_declared_days",
       &CalendarLimits::max_total_declared_days},
  };
  for (const Field& field : kFields) {
    if (declared < field.end) return DG_OK;  // an older caller: defaults
    const uint64_t value = opts->*field.member;
    if (value == 0) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {field.name, " is 0; it must be at least 1"});
    }
    limits->*field.target =
        static_cast<size_t>(std::min<uint64_t>(value, SIZE_MAX));
  }
  if (declared >= DG_FIELD_END(dg_calendar_derive_options, max_layers)) {
    if (opts->max_layers < 1) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"opts->max_layers is ",
                        std::to_string(opts->max_layers),
                        "; it must be at least 1"});
    }
    limits->max_layers = static_cast<size_t>(opts->max_layers);
  }
  return DG_OK;
}

// Hands a new calendar to the caller. The handle is allocated before *out is
// written, so an allocation failure leaves *out NULL.
dg_status ReturnCalendar(dg_calendar** out, Calendar calendar) {
  *out = new dg_calendar{{}, std::move(calendar)};
  return DG_OK;
}

// Shared tail of the day operations returning a date.
dg_status ReturnDate(dg_date* out, int* provisional_out,
                     const absl::StatusOr<CalendarResult<Date>>& result,
                     const ApiCall& call) {
  if (!result.ok()) return call.FromStatus(result.status());
  *out = result->value.days_since_epoch();
  SetIfGiven(provisional_out, result->provisional ? 1 : 0);
  return DG_OK;
}

// The shape of every day operation that answers a date: check the out-param,
// the handle and the date, then run `op(calendar, day)`.
template <typename Op>
dg_status DayOperation(dg_date* out, int* provisional_out,
                       const dg_calendar* cal, dg_date date,
                       const ApiCall& call, Op op) {
  ZeroOut(out, provisional_out);
  if (out == nullptr) return call.NullArgument("out");
  if (dg_status s = CheckHandle(call, cal, "cal"); s != DG_OK) return s;
  Date day;
  if (dg_status s = call.CheckDate(&day, date, "date"); s != DG_OK) return s;
  return ReturnDate(out, provisional_out, op(cal->calendar, day), call);
}

// Empty views may have a NULL data(); C callers are promised "" instead.
// Non-empty views come from the calendar's std::string tables, which are
// NUL-terminated as dg.h promises.
const char* BorrowedCString(std::string_view view) noexcept {
  return view.empty() ? "" : view.data();
}

}  // namespace

/* ----------------------------- Construction ------------------------------ */

dg_status dg_calendar_china_mainland(dg_calendar** out,
                                     const dg_calendar_options* opts) noexcept {
  DG_API_GUARD({
    ZeroOut(out);
    if (out == nullptr) return call.NullArgument("out");
    CalendarMode mode = CalendarMode::kStrict;
    if (opts != nullptr) {
      // Version 1 of the struct ends with `mode`; later versions append.
      constexpr size_t kMinSize = DG_FIELD_END(dg_calendar_options, mode);
      if (opts->struct_size < kMinSize) {
        return call.Fail(
            DG_INVALID_ARGUMENT,
            {"opts->struct_size is ", std::to_string(opts->struct_size),
             ", smaller than the first version of dg_calendar_options (",
             std::to_string(kMinSize),
             " bytes); initialise it with DG_CALENDAR_OPTIONS_INIT"});
      }
      if (dg_status s = CheckMode(&mode, opts->mode, "opts->mode", call);
          s != DG_OK) {
        return s;
      }
    }
    return ReturnCalendar(out, Calendar::ChinaMainland(mode));
  });
}

namespace {

dg_status DeriveText(dg_calendar** out, const dg_calendar* base,
                     const char* text, size_t text_len,
                     const dg_calendar_derive_options* opts,
                     const ApiCall& call) {
  ZeroOut(out);
  if (out == nullptr) return call.NullArgument("out");
  if (dg_status s = CheckHandle(call, base, "base"); s != DG_OK) return s;
  std::string_view checked;
  if (dg_status s = call.CheckText(&checked, text, text_len, "text");
      s != DG_OK) {
    return s;
  }
  CalendarLimits limits;
  if (dg_status s = ReadDeriveOptions(&limits, opts, call); s != DG_OK) {
    return s;
  }
  // "<text>" prefixes the C++ library's messages: "<text>:3: bad date ...".
  absl::StatusOr<Calendar> derived =
      base->calendar.DeriveFromText(checked, "<text>", limits);
  if (!derived.ok()) return call.FromStatus(derived.status());
  return ReturnCalendar(out, *std::move(derived));
}

dg_status DeriveFile(dg_calendar** out, const dg_calendar* base,
                     const char* path, size_t path_len,
                     const dg_calendar_derive_options* opts,
                     const ApiCall& call) {
  ZeroOut(out);
  if (out == nullptr) return call.NullArgument("out");
  if (dg_status s = CheckHandle(call, base, "base"); s != DG_OK) return s;
  std::string_view checked;
  if (dg_status s = call.CheckPath(&checked, path, path_len); s != DG_OK) {
    return s;
  }
  CalendarLimits limits;
  if (dg_status s = ReadDeriveOptions(&limits, opts, call); s != DG_OK) {
    return s;
  }
  absl::StatusOr<Calendar> derived =
      base->calendar.DeriveFromFile(std::string(checked), limits);
  if (!derived.ok()) return call.FromStatus(derived.status());
  return ReturnCalendar(out, *std::move(derived));
}

}  // namespace

dg_status dg_calendar_derive_text(dg_calendar** out, const dg_calendar* base,
                                  const char* text, size_t text_len) noexcept {
  DG_API_GUARD(
      { return DeriveText(out, base, text, text_len, nullptr, call); });
}

dg_status dg_calendar_derive_text_v2(
    dg_calendar** out, const dg_calendar* base, const char* text,
    size_t text_len, const dg_calendar_derive_options* opts) noexcept {
  DG_API_GUARD({ return DeriveText(out, base, text, text_len, opts, call); });
}

dg_status dg_calendar_derive_file(dg_calendar** out, const dg_calendar* base,
                                  const char* path, size_t path_len) noexcept {
  DG_API_GUARD(
      { return DeriveFile(out, base, path, path_len, nullptr, call); });
}

dg_status dg_calendar_derive_file_v2(
    dg_calendar** out, const dg_calendar* base, const char* path,
    size_t path_len, const dg_calendar_derive_options* opts) noexcept {
  DG_API_GUARD({ return DeriveFile(out, base, path, path_len, opts, call); });
}

dg_status dg_calendar_with_mode(dg_calendar** out, const dg_calendar* cal,
                                dg_calendar_mode mode) noexcept {
  DG_API_GUARD({
    ZeroOut(out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckHandle(call, cal, "cal"); s != DG_OK) return s;
    CalendarMode checked = CalendarMode::kStrict;
    if (dg_status s = CheckMode(&checked, mode, "mode", call); s != DG_OK) {
      return s;
    }
    return ReturnCalendar(out, cal->calendar.WithMode(checked));
  });
}

void dg_calendar_free(dg_calendar* cal) noexcept {
  FreeHandle(cal);
}

/* ---------------------------- Official years ----------------------------- */

dg_status dg_calendar_is_official_year(int* official_out,
                                       const dg_calendar* cal,
                                       int32_t year) noexcept {
  DG_API_GUARD({
    ZeroOut(official_out);
    if (official_out == nullptr) return call.NullArgument("official_out");
    if (dg_status s = CheckHandle(call, cal, "cal"); s != DG_OK) return s;
    *official_out = cal->calendar.IsOfficialYear(year) ? 1 : 0;
    return DG_OK;
  });
}

dg_status dg_calendar_official_years(size_t* count_out, int32_t* years_out,
                                     size_t capacity,
                                     const dg_calendar* cal) noexcept {
  DG_API_GUARD({
    ZeroOut(count_out);
    if (count_out == nullptr) return call.NullArgument("count_out");
    if (years_out == nullptr && capacity > 0) {
      return call.Fail(
          DG_INVALID_ARGUMENT,
          {"years_out is NULL but capacity is ", std::to_string(capacity)});
    }
    if (years_out != nullptr) std::fill_n(years_out, capacity, 0);
    if (dg_status s = CheckHandle(call, cal, "cal"); s != DG_OK) return s;
    const std::vector<int> years = cal->calendar.OfficialYears();
    const size_t written = std::min(capacity, years.size());
    std::copy_n(years.begin(), written, years_out);
    *count_out = years.size();
    return DG_OK;
  });
}

/* ---------------------------- Day operations ----------------------------- */

dg_status dg_calendar_is_working_day(int* working_out, int* provisional_out,
                                     const dg_calendar* cal,
                                     dg_date date) noexcept {
  DG_API_GUARD({
    ZeroOut(working_out, provisional_out);
    if (working_out == nullptr) return call.NullArgument("working_out");
    if (dg_status s = CheckHandle(call, cal, "cal"); s != DG_OK) return s;
    Date day;
    if (dg_status s = call.CheckDate(&day, date, "date"); s != DG_OK) return s;
    absl::StatusOr<CalendarResult<bool>> working =
        cal->calendar.IsWorkingDay(day);
    if (!working.ok()) return call.FromStatus(working.status());
    *working_out = working->value ? 1 : 0;
    SetIfGiven(provisional_out, working->provisional ? 1 : 0);
    return DG_OK;
  });
}

// Writes one dg_day_info field if the caller's struct_size (`declared`)
// covers it.
#define DG_SET_IF_DECLARED(field, value) \
  if (declared >= DG_FIELD_END(dg_day_info, field)) info_out->field = (value)

dg_status dg_calendar_day_info(dg_day_info* info_out, const dg_calendar* cal,
                               dg_date date) noexcept {
  DG_API_GUARD({
    if (info_out == nullptr) return call.NullArgument("info_out");
    // The caller's struct may be an older (shorter) or newer (longer)
    // version: we touch only the bytes it declared, and only the fields we
    // know. Version 1 ends with notice_url_size; the minimum is `date`.
    const size_t declared = info_out->struct_size;
    constexpr size_t kMinSize = DG_FIELD_END(dg_day_info, date);
    if (declared < kMinSize) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"info_out->struct_size is ", std::to_string(declared),
                        ", smaller than the first field of dg_day_info (",
                        std::to_string(kMinSize),
                        " bytes); initialise it with DG_DAY_INFO_INIT"});
    }
    // Zero the known fields the caller declared (never past our own struct:
    // a garbage struct_size must not become a huge memset).
    const size_t known = std::min(declared, sizeof(dg_day_info));
    std::memset(reinterpret_cast<char*>(info_out) + sizeof(size_t), 0,
                known - sizeof(size_t));
    if (dg_status s = CheckHandle(call, cal, "cal"); s != DG_OK) return s;
    Date day;
    if (dg_status s = call.CheckDate(&day, date, "date"); s != DG_OK) return s;
    absl::StatusOr<DayInfo> info = cal->calendar.Day(day);
    if (!info.ok()) return call.FromStatus(info.status());

    DG_SET_IF_DECLARED(date, info->date.days_since_epoch());
    DG_SET_IF_DECLARED(working, info->working ? 1 : 0);
    DG_SET_IF_DECLARED(kind, static_cast<dg_day_kind>(info->kind));
    DG_SET_IF_DECLARED(provisional, info->provisional ? 1 : 0);
    DG_SET_IF_DECLARED(name, BorrowedCString(info->name));
    DG_SET_IF_DECLARED(name_size, info->name.size());
    DG_SET_IF_DECLARED(notice_title, BorrowedCString(info->notice_title));
    DG_SET_IF_DECLARED(notice_title_size, info->notice_title.size());
    DG_SET_IF_DECLARED(notice_url, BorrowedCString(info->notice_url));
    DG_SET_IF_DECLARED(notice_url_size, info->notice_url.size());
    return DG_OK;
  });
}

#undef DG_SET_IF_DECLARED

dg_status dg_calendar_next_working_day(dg_date* out, int* provisional_out,
                                       const dg_calendar* cal,
                                       dg_date date) noexcept {
  DG_API_GUARD({
    return DayOperation(out, provisional_out, cal, date, call,
                        [](const Calendar& c, Date d) {
                          return c.NextWorkingDay(d);
                        });
  });
}

dg_status dg_calendar_previous_working_day(dg_date* out, int* provisional_out,
                                           const dg_calendar* cal,
                                           dg_date date) noexcept {
  DG_API_GUARD({
    return DayOperation(out, provisional_out, cal, date, call,
                        [](const Calendar& c, Date d) {
                          return c.PreviousWorkingDay(d);
                        });
  });
}

dg_status dg_calendar_add_working_days(dg_date* out, int* provisional_out,
                                       const dg_calendar* cal, dg_date date,
                                       int32_t n) noexcept {
  DG_API_GUARD({
    return DayOperation(out, provisional_out, cal, date, call,
                        [n](const Calendar& c, Date d) {
                          return c.AddWorkingDays(d, n);
                        });
  });
}

dg_status dg_calendar_working_days_between(int32_t* count_out,
                                           int* provisional_out,
                                           const dg_calendar* cal, dg_date from,
                                           dg_date to) noexcept {
  DG_API_GUARD({
    ZeroOut(count_out, provisional_out);
    if (count_out == nullptr) return call.NullArgument("count_out");
    if (dg_status s = CheckHandle(call, cal, "cal"); s != DG_OK) return s;
    Date first;
    if (dg_status s = call.CheckDate(&first, from, "from"); s != DG_OK) {
      return s;
    }
    Date last;
    if (dg_status s = call.CheckDate(&last, to, "to"); s != DG_OK) return s;
    absl::StatusOr<CalendarResult<int32_t>> count =
        cal->calendar.WorkingDaysBetween(first, last);
    if (!count.ok()) return call.FromStatus(count.status());
    *count_out = count->value;
    SetIfGiven(provisional_out, count->provisional ? 1 : 0);
    return DG_OK;
  });
}

dg_status dg_calendar_roll(dg_date* out, int* provisional_out,
                           const dg_calendar* cal, dg_date date,
                           dg_roll_convention convention) noexcept {
  DG_API_GUARD({
    ZeroOut(out, provisional_out);
    if (convention < DG_ROLL_FOLLOWING ||
        convention > DG_ROLL_MODIFIED_PRECEDING) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"convention ", std::to_string(convention),
                        " is not a dg_roll_convention (DG_ROLL_FOLLOWING=0 .. "
                        "DG_ROLL_MODIFIED_PRECEDING=3)"});
    }
    return DayOperation(out, provisional_out, cal, date, call,
                        [convention](const Calendar& c, Date d) {
                          return c.Roll(d,
                                        static_cast<RollConvention>(convention));
                        });
  });
}

dg_status dg_calendar_nth_working_day(dg_date* out, int* provisional_out,
                                      const dg_calendar* cal,
                                      dg_period_kind kind, dg_date date,
                                      int32_t n) noexcept {
  DG_API_GUARD({
    ZeroOut(out, provisional_out);
    PeriodKind period_kind = PeriodKind::kDekad;
    if (dg_status s =
            dutygraph::capi::CheckPeriodKind(&period_kind, kind, call);
        s != DG_OK) {
      return s;
    }
    return DayOperation(
        out, provisional_out, cal, date, call,
        [period_kind, n](const Calendar& c,
                         Date d) -> absl::StatusOr<CalendarResult<Date>> {
          absl::StatusOr<Period> period = Period::Of(d, period_kind);
          if (!period.ok()) return period.status();
          return c.NthWorkingDay(*period, n);
        });
  });
}
