// capi/dg_core.cc — the C API's versions, errors, strings, dates and periods
// (see dutygraph/dg.h for the contract of each function).

#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "dutygraph/date.h"
#include "dutygraph/dg.h"
#include "dutygraph/period.h"
#include "guard.h"

namespace dutygraph::capi {

dg_status NewCString(char** out, size_t* size_out, std::string_view text,
                     const ApiCall& call) noexcept {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) {
    return call.Fail(DG_RESOURCE_EXHAUSTED, "out of memory copying a string");
  }
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  *out = copy;
  SetIfGiven(size_out, text.size());
  return DG_OK;
}

dg_status CheckPeriodKind(PeriodKind* kind_out, dg_period_kind kind,
                          const ApiCall& call) {
  if (kind < DG_PERIOD_DEKAD || kind > DG_PERIOD_YEAR) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {"kind ", std::to_string(kind),
                      " is not a dg_period_kind (DG_PERIOD_DEKAD=0 .. "
                      "DG_PERIOD_YEAR=6)"});
  }
  *kind_out = static_cast<PeriodKind>(kind);
  return DG_OK;
}

}  // namespace dutygraph::capi

using dutygraph::Date;
using dutygraph::Period;
using dutygraph::PeriodKind;
using dutygraph::capi::ApiCall;
using dutygraph::capi::SetIfGiven;
using dutygraph::capi::ZeroOut;

/* ----------------------------- Versions ---------------------------------- */

uint32_t dg_version_number(void) noexcept { return DG_VERSION_NUMBER; }

const char* dg_version_string(void) noexcept { return DG_VERSION_STRING; }

/* ------------------------- Status and errors ----------------------------- */

const char* dg_last_error_message(void) noexcept {
  return dutygraph::capi::LastErrorMessage();
}

const char* dg_status_name(dg_status status) noexcept {
  switch (status) {
    case DG_OK:
      return "DG_OK";
    case DG_INVALID_ARGUMENT:
      return "DG_INVALID_ARGUMENT";
    case DG_NOT_FOUND:
      return "DG_NOT_FOUND";
    case DG_ALREADY_EXISTS:
      return "DG_ALREADY_EXISTS";
    case DG_RESOURCE_EXHAUSTED:
      return "DG_RESOURCE_EXHAUSTED";
    case DG_FAILED_PRECONDITION:
      return "DG_FAILED_PRECONDITION";
    case DG_OUT_OF_RANGE:
      return "DG_OUT_OF_RANGE";
    case DG_INTERNAL:
      return "DG_INTERNAL";
    default:
      return "DG_UNKNOWN";
  }
}

void dg_string_free(char* s) noexcept { std::free(s); }

/* ------------------------------- Dates ----------------------------------- */

dg_status dg_date_from_ymd(dg_date* out, int32_t year, int32_t month,
                           int32_t day) noexcept {
  DG_API_GUARD({
    ZeroOut(out);
    if (out == nullptr) return call.NullArgument("out");
    absl::StatusOr<Date> date = Date::FromYmd(year, month, day);
    if (!date.ok()) return call.FromStatus(date.status());
    *out = date->days_since_epoch();
    return DG_OK;
  });
}

dg_status dg_date_to_ymd(int32_t* year_out, int32_t* month_out,
                         int32_t* day_out, dg_date date) noexcept {
  DG_API_GUARD({
    ZeroOut(year_out, month_out, day_out);
    if (year_out == nullptr) return call.NullArgument("year_out");
    if (month_out == nullptr) return call.NullArgument("month_out");
    if (day_out == nullptr) return call.NullArgument("day_out");
    Date checked;
    if (dg_status s = call.CheckDate(&checked, date, "date"); s != DG_OK) {
      return s;
    }
    const int year = checked.year();
    const int month = checked.month();
    const int day = checked.day();
    *year_out = year;
    *month_out = month;
    *day_out = day;
    return DG_OK;
  });
}

dg_status dg_date_parse(dg_date* out, const char* text,
                        size_t text_len) noexcept {
  DG_API_GUARD({
    ZeroOut(out);
    if (out == nullptr) return call.NullArgument("out");
    std::string_view checked;
    if (dg_status s = call.CheckText(&checked, text, text_len, "text");
        s != DG_OK) {
      return s;
    }
    absl::StatusOr<Date> date = Date::Parse(checked);
    if (!date.ok()) return call.FromStatus(date.status());
    *out = date->days_since_epoch();
    return DG_OK;
  });
}

dg_status dg_date_format(char* out, size_t out_size, dg_date date) noexcept {
  DG_API_GUARD({
    if (out == nullptr) return call.NullArgument("out");
    if (out_size > 0) out[0] = '\0';  // "zeroed": an empty string on failure
    constexpr size_t kNeeded = sizeof("YYYY-MM-DD");
    if (out_size < kNeeded) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"out_size is ", std::to_string(out_size),
                        "; \"YYYY-MM-DD\" and its NUL need 11 bytes"});
    }
    Date checked;
    if (dg_status s = call.CheckDate(&checked, date, "date"); s != DG_OK) {
      return s;
    }
    const std::string text = checked.ToString();
    if (text.size() + 1 > kNeeded) {  // Date guarantees 4-digit years
      return call.Fail(DG_INTERNAL,
                       {"formatted date '", text, "' is too long"});
    }
    std::memcpy(out, text.c_str(), text.size() + 1);
    return DG_OK;
  });
}

/* ------------------------------ Periods ---------------------------------- */

namespace {

// The period of `kind` containing `date`, with both arguments checked.
dg_status PeriodOf(absl::StatusOr<Period>* period_out, dg_period_kind kind,
                   dg_date date, const dutygraph::capi::ApiCall& call) {
  PeriodKind period_kind = PeriodKind::kDekad;
  if (dg_status s = dutygraph::capi::CheckPeriodKind(&period_kind, kind, call);
      s != DG_OK) {
    return s;
  }
  Date checked;
  if (dg_status s = call.CheckDate(&checked, date, "date"); s != DG_OK) {
    return s;
  }
  *period_out = Period::Of(checked, period_kind);
  return period_out->ok() ? DG_OK : call.FromStatus(period_out->status());
}

}  // namespace

dg_status dg_period_of(dg_date* start_out, dg_date* end_out,
                       dg_period_kind kind, dg_date date,
                       int32_t shift) noexcept {
  DG_API_GUARD({
    ZeroOut(start_out, end_out);
    if (start_out == nullptr) return call.NullArgument("start_out");
    if (end_out == nullptr) return call.NullArgument("end_out");
    absl::StatusOr<Period> period;
    if (dg_status s = PeriodOf(&period, kind, date, call); s != DG_OK) {
      return s;
    }
    if (shift != 0) {
      period = period->Shift(shift);
      if (!period.ok()) return call.FromStatus(period.status());
    }
    *start_out = period->start().days_since_epoch();
    *end_out = period->end().days_since_epoch();
    return DG_OK;
  });
}

dg_status dg_period_label(char** label_out, size_t* size_out,
                          dg_period_kind kind, dg_date date) noexcept {
  DG_API_GUARD({
    ZeroOut(label_out, size_out);
    if (label_out == nullptr) return call.NullArgument("label_out");
    absl::StatusOr<Period> period;
    if (dg_status s = PeriodOf(&period, kind, date, call); s != DG_OK) {
      return s;
    }
    return dutygraph::capi::NewCString(label_out, size_out, period->Label(),
                                       call);
  });
}
