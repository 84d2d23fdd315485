// The calendar file format (docs/calendar.md): one declaration per line.
//
//   # comment
//   calendar NAME
//   notice YEAR URL TITLE          (URL may be "-")
//   off  DATE[..DATE] NAME
//   work DATE[..DATE] [NAME]
//
// Days after a `notice` line belong to that notice; days before any notice
// are local adjustments. Every error names source:line.
#include <map>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "dutygraph/calendar.h"
#include "util/status_macros.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dutygraph {
namespace {

using internal::AsAbsl;
using internal::AsStd;
// Abseil's own string_view (see util/strings.h); used throughout the parser.
using Text = absl::string_view;

// A format rule, not a limit (see CalendarLimits): a range is at most a year.
constexpr int kMaxRangeDays = 366;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Splits off the first blank-separated token; the rest is left-trimmed.
Text NextToken(Text& rest) {
  size_t end = 0;
  while (end < rest.size() && !IsBlank(rest[end])) ++end;
  Text token = rest.substr(0, end);
  rest.remove_prefix(end);
  while (!rest.empty() && IsBlank(rest.front())) rest.remove_prefix(1);
  return token;
}

Text TrimRight(Text s) {
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

class Parser {
 public:
  Parser(Text source, const CalendarLimits& limits)
      : source_(source), limits_(limits) {}

  absl::StatusOr<CalendarAdjustments> Parse(Text text) {
    if (text.size() > limits_.max_bytes) {
      return absl::ResourceExhaustedError(absl::StrFormat(
          "%s: calendar text is %d bytes; the limit is %d (max_bytes)",
          source_, text.size(), limits_.max_bytes));
    }
    absl::ConsumePrefix(&text, "\xEF\xBB\xBF");  // a UTF-8 byte-order mark
    int line_no = 0;
    for (Text line : absl::StrSplit(text, '\n')) {
      line_ = ++line_no;
      DG_RETURN_IF_ERROR(internal::ValidateUtf8(AsStd(line), Where()));
      DG_RETURN_IF_ERROR(ParseLine(line));
    }
    return std::move(out_);
  }

 private:
  absl::Status Error(Text what) const {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s:%d: %s", source_, line_, what));
  }
  std::string Where() const { return absl::StrCat(source_, ":", line_); }

  absl::Status ParseLine(Text line) {
    line = TrimRight(line);
    while (!line.empty() && IsBlank(line.front())) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') return absl::OkStatus();
    if (line.find('\0') != Text::npos) {
      return Error("NUL byte in line");
    }
    Text rest = line;
    const Text keyword = NextToken(rest);
    if (keyword == "calendar") {
      if (rest.empty()) return Error("'calendar' needs a name");
      out_.name = std::string(rest);
      return absl::OkStatus();
    }
    if (keyword == "notice") return ParseNotice(rest);
    if (keyword == "off" || keyword == "work") {
      return ParseDays(keyword == "work", rest);
    }
    return Error(absl::StrFormat(
        "unknown keyword '%s'; expected calendar, notice, off or work",
        AsAbsl(internal::QuotedInput(AsStd(keyword)))));
  }

  absl::Status ParseNotice(Text rest) {
    const Text year_text = NextToken(rest);
    const Text url = NextToken(rest);
    int year = 0;
    if (!absl::SimpleAtoi(year_text, &year) || year < Date::kMinYear ||
        year > Date::kMaxYear) {
      return Error(absl::StrFormat(
          "bad notice year '%s'",
          AsAbsl(internal::QuotedInput(AsStd(year_text)))));
    }
    if (url.empty() || rest.empty()) {
      return Error("expected 'notice YEAR URL TITLE' (URL may be '-')");
    }
    out_.notices.push_back(CalendarAdjustments::Notice{
        year, url == "-" ? std::string() : std::string(url), std::string(rest)});
    return absl::OkStatus();
  }

  absl::Status ParseDays(bool working, Text rest) {
    const Text range = NextToken(rest);
    const Text name = rest;
    if (range.empty()) return Error("expected a date or DATE..DATE");
    if (!working && name.empty()) {
      return Error("'off' needs the holiday's name after the dates");
    }
    // Each day of the range keeps a copy of the name (CalendarLimits).
    if (name.size() > limits_.max_name_bytes) {
      return absl::ResourceExhaustedError(absl::StrFormat(
          "%s:%d: the day's name is %d bytes; the limit is %d "
          "(max_name_bytes)",
          source_, line_, name.size(), limits_.max_name_bytes));
    }
    Text first_text = range, last_text = range;
    if (const size_t dots = range.find(".."); dots != Text::npos) {
      first_text = range.substr(0, dots);
      last_text = range.substr(dots + 2);
    }
    absl::StatusOr<Date> first = Date::Parse(AsStd(first_text));
    if (!first.ok()) return Error(first.status().message());
    absl::StatusOr<Date> last = Date::Parse(AsStd(last_text));
    if (!last.ok()) return Error(last.status().message());
    if (*last < *first) {
      return Error(absl::StrFormat("range %s ends before it starts", range));
    }
    if (*last - *first >= kMaxRangeDays) {
      return Error(absl::StrFormat("range %s is longer than %d days", range,
                                   kMaxRangeDays));
    }
    const size_t range_days = static_cast<size_t>(*last - *first + 1);
    if (range_days > limits_.max_declared_days ||
        out_.days.size() > limits_.max_declared_days - range_days) {
      return absl::ResourceExhaustedError(absl::StrFormat(
          "%s:%d: the calendar text declares more than %d days; the limit is "
          "%d (max_declared_days)",
          source_, line_, limits_.max_declared_days,
          limits_.max_declared_days));
    }
    const int notice = static_cast<int>(out_.notices.size()) - 1;
    if (notice >= 0) {
      const int year = out_.notices[notice].year;
      // A notice reaches at most into the previous year's end (元旦).
      if (first->year() < year - 1 || last->year() > year) {
        return Error(absl::StrFormat(
            "%s is outside the years %d-%d that the notice for %d can declare",
            range, year - 1, year, year));
      }
    }
    for (Date d = *first; d <= *last; d = d + 1) {
      auto [it, inserted] = seen_.try_emplace(d.days_since_epoch(),
                                              Seen{notice, line_});
      if (!inserted) {
        if (it->second.notice == notice) {
          return Error(absl::StrFormat("%s is already declared on line %d",
                                       d.ToString(), it->second.line));
        }
        it->second = Seen{notice, line_};  // a later notice overrides
      }
      out_.days.push_back(CalendarAdjustments::Day{d, working, std::string(name),
                                                   notice, Where()});
    }
    return absl::OkStatus();
  }

  struct Seen {
    int notice;
    int line;
  };
  Text source_;
  const CalendarLimits& limits_;
  int line_ = 0;
  std::map<int32_t, Seen> seen_;
  CalendarAdjustments out_;
};

}  // namespace

absl::StatusOr<CalendarAdjustments> ParseCalendarText(
    std::string_view text, std::string_view source_name,
    const CalendarLimits& limits) {
  return Parser(AsAbsl(source_name), limits).Parse(AsAbsl(text));
}

}  // namespace dutygraph
