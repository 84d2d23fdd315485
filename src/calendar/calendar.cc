// Calendar operations over the tables of calendar_tables.h. Every operation
// maps its dates to day indices, answers with prefix counts, then checks the
// days it relied on: all known, or (strict) an error naming the year, or
// (provisional) a flagged answer.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "calendar/calendar_tables.h"
#include "util/status_macros.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dutygraph {
namespace internal {
extern const std::string_view kBuiltinCalendarName;
extern const std::string_view kBuiltinCalendarText;
}  // namespace internal

namespace {

using Tables = Calendar::Tables;

constexpr int32_t kMinDays = -7305;  // 1950-01-01
constexpr int32_t kMaxDays = 65743;  // 2149-12-31
constexpr int32_t kDayCount = kMaxDays - kMinDays + 1;

// Applies `layer` on top of `t` (later layers win): its notices make their
// years known, its days are declared. Only the flags change here; the prefix
// counts are recomputed afterwards by FinishTables.
void ApplyLayer(const std::shared_ptr<const CalendarAdjustments>& layer,
                Tables& t) {
  if (!layer->name.empty()) t.name = layer->name;
  for (const auto& notice : layer->notices) {
    const int y = notice.year;
    if (y < Calendar::kMinYear || y > Calendar::kMaxYear ||
        t.official_year[y - Calendar::kMinYear]) {
      continue;
    }
    t.official_year[y - Calendar::kMinYear] = true;
    const int32_t first =
        Date::FromYmd(y, 1, 1)->days_since_epoch() - kMinDays;
    const int32_t last =
        Date::FromYmd(y, 12, 31)->days_since_epoch() - kMinDays;
    for (int32_t i = first; i <= last; ++i) t.flags[i] |= Tables::kKnown;
  }
  for (const auto& day : layer->days) {
    const int32_t i = day.date.days_since_epoch() - kMinDays;
    t.declared[i] = Tables::Declared{
        day.working, &day.name,
        day.notice >= 0 ? &layer->notices[day.notice] : nullptr, &day.source};
    t.flags[i] = static_cast<uint8_t>(
        (day.working ? Tables::kWorking : 0) | Tables::kKnown);
  }
  t.layers.push_back(layer);
}

// The two loops below visit every one of the 73,049 days whatever the input:
// coverage feedback from them is useless to a fuzzer and its instrumentation
// made them the costliest part of a fuzzed derivation (docs/fuzzing.md).
#if defined(__clang__) && __clang_major__ >= 13
#define DG_NO_COVERAGE __attribute__((no_sanitize("coverage")))
#else
#define DG_NO_COVERAGE
#endif

// The prefix counts and the working-day list, from the flags: one pass with
// no lookups, so deriving an overlay costs a copy and a scan, not a rebuild.
DG_NO_COVERAGE std::shared_ptr<const Tables> FinishTables(
    std::shared_ptr<Tables> t) {
  t->work_before.resize(kDayCount + 1);
  t->unknown_before.resize(kDayCount + 1);
  t->work_days.clear();
  t->work_days.reserve(kDayCount * 5 / 7 + 64);
  for (int32_t i = 0; i < kDayCount; ++i) {
    const bool working = (t->flags[i] & Tables::kWorking) != 0;
    const bool known = (t->flags[i] & Tables::kKnown) != 0;
    t->work_before[i + 1] = t->work_before[i] + (working ? 1 : 0);
    t->unknown_before[i + 1] = t->unknown_before[i] + (known ? 0 : 1);
    if (working) t->work_days.push_back(i);
  }
  return t;
}

// Tables with no layer: Monday to Friday work, every year unknown.
DG_NO_COVERAGE std::shared_ptr<Tables> WeekdayTables() {
  auto t = std::make_shared<Tables>();
  t->official_year.assign(Calendar::kMaxYear - Calendar::kMinYear + 1, false);
  t->flags.resize(kDayCount);
  int weekday = Calendar::MinDate().iso_weekday();
  for (int32_t i = 0; i < kDayCount; ++i) {
    t->flags[i] = weekday <= 5 ? Tables::kWorking : 0;
    weekday = weekday == 7 ? 1 : weekday + 1;
  }
  return t;
}

// Builds the tables from `layers`, oldest first (later layers win).
std::shared_ptr<const Tables> BuildTables(
    const std::vector<std::shared_ptr<const CalendarAdjustments>>& layers) {
  std::shared_ptr<Tables> t = WeekdayTables();
  for (const auto& layer : layers) ApplyLayer(layer, *t);
  return FinishTables(std::move(t));
}

std::shared_ptr<const Tables> BuiltinTables() {
  static const std::shared_ptr<const Tables> tables = [] {
    absl::StatusOr<CalendarAdjustments> data = ParseCalendarText(
        internal::kBuiltinCalendarText, internal::kBuiltinCalendarName);
    if (!data.ok()) {
      // Unreachable with the shipped data (tests load it); if a bad edit
      // slips through, every answer reports it instead of guessing.
      auto broken = std::make_shared<Tables>(*BuildTables({}));
      broken->flags.assign(kDayCount, 0);
      broken->unknown_before.clear();
      for (int32_t k = 0; k <= kDayCount; ++k) {
        broken->unknown_before.push_back(k);
      }
      broken->defect = absl::InternalError(absl::StrCat(
          "the built-in calendar data is invalid: ", data.status().message()));
      return std::shared_ptr<const Tables>(std::move(broken));
    }
    return BuildTables(
        {std::make_shared<const CalendarAdjustments>(*std::move(data))});
  }();
  return tables;
}

// "2007–2026, 2029" from the official-year flags.
std::string YearRanges(const std::vector<int>& years) {
  std::vector<std::string> parts;
  for (size_t a = 0; a < years.size();) {
    size_t b = a;
    while (b + 1 < years.size() && years[b + 1] == years[b] + 1) ++b;
    parts.push_back(a == b ? absl::StrCat(years[a])
                           : absl::StrCat(years[a], "–", years[b]));
    a = b + 1;
  }
  return parts.empty() ? "none" : absl::StrJoin(parts, ", ");
}

Date DateOfIndex(int32_t i) {
  return *Date::FromDaysSinceEpoch(int64_t{i} + kMinDays);
}

absl::Status OutOfCalendar(Date d) {
  return absl::OutOfRangeError(absl::StrFormat(
      "date %s is outside the calendar's range %s..%s", d.ToString(),
      Calendar::MinDate().ToString(), Calendar::MaxDate().ToString()));
}

// The day index of `d`, or OUT_OF_RANGE.
absl::StatusOr<int32_t> IndexOf(Date d) {
  const int32_t i = d.days_since_epoch() - kMinDays;
  if (static_cast<uint32_t>(i) >= static_cast<uint32_t>(kDayCount)) {
    return OutOfCalendar(d);
  }
  return i;
}

}  // namespace

Calendar::Calendar(std::shared_ptr<const Tables> tables, CalendarMode mode)
    : tables_(std::move(tables)), mode_(mode) {
  static_assert(Calendar::kFirstDay == kMinDays);
  static_assert(Calendar::kDayCount == static_cast<uint32_t>(kDayCount));
  view_.flags = tables_->flags.data();
  view_.work_before = tables_->work_before.data();
  view_.unknown_before = tables_->unknown_before.data();
  view_.work_days = tables_->work_days.data();
  view_.work_day_count = static_cast<int64_t>(tables_->work_days.size());
}

Date Calendar::MinDate() { return *Date::FromDaysSinceEpoch(kMinDays); }
Date Calendar::MaxDate() { return *Date::FromDaysSinceEpoch(kMaxDays); }

Calendar Calendar::ChinaMainland(CalendarMode mode) {
  return Calendar(BuiltinTables(), mode);
}

Calendar Calendar::WithMode(CalendarMode mode) const {
  return Calendar(tables_, mode);
}

std::string_view Calendar::name() const { return tables_->name; }

absl::StatusOr<Calendar> Calendar::Derive(
    const CalendarAdjustments& adjustments,
    const CalendarLimits& limits) const {
  // Where the adjustments come from, for the limit messages: the source of
  // their first day ("overlay.txt:3" -> "overlay.txt"), if any.
  std::string origin;
  if (!adjustments.days.empty() && !adjustments.days.front().source.empty()) {
    const std::string& source = adjustments.days.front().source;
    origin = absl::StrCat(source.substr(0, source.rfind(':')), ": ");
  }
  const size_t layers = tables_->layers.size() + 1;
  if (layers > limits.max_layers) {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "%sthe derived calendar would have %d layers (the built-in data is "
        "the first); the limit is %d (max_layers)",
        origin, layers, limits.max_layers));
  }
  size_t total = 0;
  for (const auto& layer : tables_->layers) total += layer->days.size();
  if (total > limits.max_total_declared_days ||
      adjustments.days.size() > limits.max_total_declared_days - total) {
    // Name the first day past the limit: "overlay.txt:9: ...".
    const size_t first_over = total >= limits.max_total_declared_days
                                  ? 0
                                  : limits.max_total_declared_days - total;
    if (first_over < adjustments.days.size() &&
        !adjustments.days[first_over].source.empty()) {
      origin = absl::StrCat(adjustments.days[first_over].source, ": ");
    }
    return absl::ResourceExhaustedError(absl::StrFormat(
        "%sthe derived calendar would declare %d days in all its layers; the "
        "limit is %d (max_total_declared_days)",
        origin, total + adjustments.days.size(),
        limits.max_total_declared_days));
  }
  for (const auto& notice : adjustments.notices) {
    if (notice.year < kMinYear || notice.year > kMaxYear) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "notice for %d is outside the calendar's years %d..%d", notice.year,
          kMinYear, kMaxYear));
    }
  }
  for (const auto& day : adjustments.days) {
    const std::string where =
        day.source.empty() ? std::string() : absl::StrCat(day.source, ": ");
    if (!IndexOf(day.date).ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, OutOfCalendar(day.date).message()));
    }
    if (day.notice < -1 ||
        day.notice >= static_cast<int>(adjustments.notices.size())) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s%s refers to notice %d, but there are %d notices", where,
          day.date.ToString(), day.notice, adjustments.notices.size()));
    }
  }
  if (!tables_->defect.ok()) return tables_->defect;
  // The base's tables already hold its layers: copy them and apply only the
  // new one.
  auto t = std::make_shared<Tables>(*tables_);
  ApplyLayer(std::make_shared<const CalendarAdjustments>(adjustments), *t);
  return Calendar(FinishTables(std::move(t)), mode_);
}

absl::StatusOr<Calendar> Calendar::DeriveFromText(
    std::string_view text, std::string_view source_name,
    const CalendarLimits& limits) const {
  DG_ASSIGN_OR_RETURN(CalendarAdjustments adjustments,
                      ParseCalendarText(text, source_name, limits));
  absl::StatusOr<Calendar> derived = Derive(adjustments, limits);
  // Derive() names the text through its days' sources; without days, the
  // layer limit's message needs the name here.
  if (!derived.ok() && adjustments.days.empty()) {
    return absl::Status(derived.status().code(),
                        absl::StrCat(internal::AsAbsl(source_name), ": ",
                                     derived.status().message()));
  }
  return derived;
}

absl::StatusOr<Calendar> Calendar::DeriveFromFile(
    const std::string& path, const CalendarLimits& limits) const {
  // A directory opens as a stream on Linux, so check the kind first.
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return absl::NotFoundError(absl::StrFormat(
        "cannot read calendar file '%s': %s", path,
        error ? error.message() : "not a regular file"));
  }
  // The size limit is checked before reading: a huge file is never loaded
  // (hostile catalogue: CalendarFileHostileTest).
  const uintmax_t size = std::filesystem::file_size(path, error);
  if (error) {
    return absl::NotFoundError(absl::StrFormat(
        "cannot read calendar file '%s': %s", path, error.message()));
  }
  if (size > limits.max_bytes) {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "calendar file '%s' is %d bytes; the limit is %d (max_bytes)", path,
        size, limits.max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    return absl::NotFoundError(
        absl::StrFormat("error while reading calendar file '%s'", path));
  }
  return DeriveFromText(text, path, limits);
}

bool Calendar::IsOfficialYear(int year) const {
  return year >= kMinYear && year <= kMaxYear &&
         tables_->official_year[year - kMinYear];
}

std::vector<int> Calendar::OfficialYears() const {
  std::vector<int> years;
  for (int y = kMinYear; y <= kMaxYear; ++y) {
    if (tables_->official_year[y - kMinYear]) years.push_back(y);
  }
  return years;
}

// The error for an unknown day in [lo, hi] under strict mode.
absl::Status Calendar::RangeError(int32_t lo, int32_t hi) const {
  if (!tables_->defect.ok()) return tables_->defect;
  int32_t i = lo;
  while (i < hi && (tables_->flags[i] & Tables::kKnown)) ++i;
  const int year = DateOfIndex(i).year();
  return absl::FailedPreconditionError(absl::StrFormat(
      "no official holiday schedule for %d in calendar '%s' (official years: "
      "%s); %s is not certain. Use provisional mode to answer with weekends "
      "only, or add the year's notice as an overlay",
      year, tables_->name, YearRanges(OfficialYears()),
      DateOfIndex(i).ToString()));
}

// Whether days lo..hi (inclusive; empty if hi < lo) include an unknown day:
// false if none; an error in strict mode; true (provisional) otherwise.
absl::StatusOr<bool> Calendar::RangeProvisional(int32_t lo, int32_t hi) const {
  if (hi < lo ||
      tables_->unknown_before[hi + 1] == tables_->unknown_before[lo]) {
    return false;
  }
  if (mode_ == CalendarMode::kStrict || !tables_->defect.ok()) {
    return RangeError(lo, hi);
  }
  return true;
}

absl::StatusOr<CalendarResult<bool>> Calendar::IsWorkingDaySlow(Date d) const {
  DG_ASSIGN_OR_RETURN(const int32_t i, IndexOf(d));
  DG_ASSIGN_OR_RETURN(const bool provisional, RangeProvisional(i, i));
  return CalendarResult<bool>{(tables_->flags[i] & Tables::kWorking) != 0,
                              provisional};
}

absl::StatusOr<DayInfo> Calendar::Day(Date d) const {
  DG_ASSIGN_OR_RETURN(const int32_t i, IndexOf(d));
  DG_ASSIGN_OR_RETURN(const bool provisional, RangeProvisional(i, i));
  DayInfo info;
  info.date = d;
  info.working = (tables_->flags[i] & Tables::kWorking) != 0;
  info.provisional = provisional;
  const auto declared = tables_->declared.find(i);
  if (declared == tables_->declared.end()) {
    info.kind = d.is_weekend() ? DayKind::kWeekend : DayKind::kWorkday;
    return info;
  }
  const Tables::Declared& day = declared->second;
  info.kind = !day.working                 ? DayKind::kHoliday
              : d.is_weekend()             ? DayKind::kMakeupWorkday
                                           : DayKind::kWorkday;
  info.name = *day.name;
  info.source = *day.source;
  if (day.notice != nullptr) {
    info.notice_title = day.notice->title;
    info.notice_url = day.notice->url;
  }
  return info;
}

absl::StatusOr<CalendarResult<std::string_view>> Calendar::HolidayName(
    Date d) const {
  DG_ASSIGN_OR_RETURN(const DayInfo info, Day(d));
  return CalendarResult<std::string_view>{info.name, info.provisional};
}

absl::StatusOr<CalendarResult<Date>> Calendar::AddWorkingDaysSlow(
    Date d, int32_t n) const {
  DG_ASSIGN_OR_RETURN(const int32_t i, IndexOf(d));
  if (n == 0) return CalendarResult<Date>{d, false};
  const Tables& t = *tables_;
  // The n-th working day after i is work_days[work_before[i + 1] + n - 1];
  // the |n|-th before i is work_days[work_before[i] + n].
  const int64_t k = n > 0 ? int64_t{t.work_before[i + 1]} + n - 1
                          : int64_t{t.work_before[i]} + n;
  if (k < 0 || k >= static_cast<int64_t>(t.work_days.size())) {
    return absl::OutOfRangeError(absl::StrFormat(
        "%s %+d working days falls outside the calendar's range %s..%s",
        d.ToString(), n, MinDate().ToString(), MaxDate().ToString()));
  }
  const int32_t r = t.work_days[k];
  DG_ASSIGN_OR_RETURN(const bool provisional,
                      n > 0 ? RangeProvisional(i + 1, r)
                            : RangeProvisional(r, i - 1));
  return CalendarResult<Date>{DateOfIndex(r), provisional};
}

absl::StatusOr<CalendarResult<Date>> Calendar::NextWorkingDay(Date d) const {
  return AddWorkingDays(d, 1);
}

absl::StatusOr<CalendarResult<Date>> Calendar::PreviousWorkingDay(
    Date d) const {
  return AddWorkingDays(d, -1);
}

absl::StatusOr<CalendarResult<int32_t>> Calendar::WorkingDaysBetweenSlow(
    Date a, Date b) const {
  DG_ASSIGN_OR_RETURN(const int32_t ia, IndexOf(a));
  DG_ASSIGN_OR_RETURN(const int32_t ib, IndexOf(b));
  const int32_t lo = std::min(ia, ib), hi = std::max(ia, ib);
  DG_ASSIGN_OR_RETURN(const bool provisional, RangeProvisional(lo + 1, hi));
  const int32_t count = tables_->work_before[hi + 1] - tables_->work_before[lo + 1];
  return CalendarResult<int32_t>{ia <= ib ? count : -count, provisional};
}

absl::StatusOr<CalendarResult<Date>> Calendar::Roll(
    Date d, RollConvention convention) const {
  const bool forward = convention == RollConvention::kFollowing ||
                       convention == RollConvention::kModifiedFollowing;
  const bool modified = convention == RollConvention::kModifiedFollowing ||
                        convention == RollConvention::kModifiedPreceding;
  if (!forward && !modified && convention != RollConvention::kPreceding) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "unknown roll convention %d", static_cast<int>(convention)));
  }
  DG_ASSIGN_OR_RETURN(const CalendarResult<bool> working, IsWorkingDay(d));
  if (working.value) return CalendarResult<Date>{d, working.provisional};
  DG_ASSIGN_OR_RETURN(CalendarResult<Date> rolled,
                      AddWorkingDays(d, forward ? 1 : -1));
  if (modified && rolled.value.month() != d.month()) {
    DG_ASSIGN_OR_RETURN(rolled, AddWorkingDays(d, forward ? -1 : 1));
  }
  rolled.provisional = rolled.provisional || working.provisional;
  return rolled;
}

absl::StatusOr<CalendarResult<Date>> Calendar::NthWorkingDay(
    const Period& period, int32_t n) const {
  if (n == 0) {
    return absl::InvalidArgumentError(
        "n must be >= 1 (from the start) or <= -1 (from the end), not 0");
  }
  DG_ASSIGN_OR_RETURN(const int32_t lo, IndexOf(period.start()));
  DG_ASSIGN_OR_RETURN(const int32_t hi, IndexOf(period.end()));
  DG_ASSIGN_OR_RETURN(const bool provisional, RangeProvisional(lo, hi));
  const Tables& t = *tables_;
  const int32_t count = t.work_before[hi + 1] - t.work_before[lo];
  if (n > count || -n > count) {
    return absl::OutOfRangeError(absl::StrFormat(
        "%s (%s..%s) has %d working days; asked for number %d",
        period.Label(), period.start().ToString(), period.end().ToString(),
        count, n));
  }
  const int32_t k = n > 0 ? t.work_before[lo] + n - 1 : t.work_before[hi + 1] + n;
  return CalendarResult<Date>{DateOfIndex(t.work_days[k]), provisional};
}

absl::StatusOr<CalendarResult<int32_t>> Calendar::WorkingDaysIn(
    const Period& period) const {
  DG_ASSIGN_OR_RETURN(const int32_t lo, IndexOf(period.start()));
  DG_ASSIGN_OR_RETURN(const int32_t hi, IndexOf(period.end()));
  DG_ASSIGN_OR_RETURN(const bool provisional, RangeProvisional(lo, hi));
  return CalendarResult<int32_t>{
      tables_->work_before[hi + 1] - tables_->work_before[lo], provisional};
}

namespace {
constexpr std::pair<RollConvention, std::string_view> kRollNames[] = {
    {RollConvention::kFollowing, "following"},
    {RollConvention::kPreceding, "preceding"},
    {RollConvention::kModifiedFollowing, "modified-following"},
    {RollConvention::kModifiedPreceding, "modified-preceding"},
};
}  // namespace

std::string_view RollConventionName(RollConvention c) {
  for (const auto& [value, name] : kRollNames) {
    if (value == c) return name;
  }
  return "unknown";
}

absl::StatusOr<RollConvention> ParseRollConvention(std::string_view name) {
  for (const auto& [value, text] : kRollNames) {
    if (text == name) return value;
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "unknown roll convention '%s'; expected following, preceding, "
      "modified-following or modified-preceding",
      internal::QuotedInput(name)));
}

std::string_view DayKindName(DayKind kind) {
  switch (kind) {
    case DayKind::kWorkday: return "workday";
    case DayKind::kWeekend: return "weekend";
    case DayKind::kHoliday: return "holiday";
    case DayKind::kMakeupWorkday: return "makeup-workday";
  }
  return "unknown";
}

}  // namespace dutygraph
