// tools/cli/calendar_command.cc — the `dutygraph calendar` subcommands.
#include "calendar_command.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "dutygraph/period.h"
#include "output.h"

namespace dutygraph::cli {
namespace {

// Keys stay in the order written: "date" first reads best.
using json = nlohmann::ordered_json;

// The arguments of every calendar subcommand. Only one subcommand runs per
// invocation, so they share one set of fields.
struct CalendarArgs {
  // Common to all subcommands.
  bool provisional = false;
  std::vector<std::string> overlays;
  CalendarLimits overlay_limits;  // --overlay-max-*
  bool json = false;
  // Subcommand arguments, as typed; CLI11 validators have checked them.
  std::string from;    // days --from, between FROM
  std::string to;      // days --to, between TO
  bool table = false;  // days --table
  std::string date;    // DATE of add, period, info, next, previous, roll, nth
  std::string count;   // N of add, nth
  std::string kind;    // KIND of period, nth
  std::string convention = "following";  // roll --convention
};

using CalendarRun =
    std::function<absl::Status(const Calendar&, const CalendarArgs&)>;
// Cross-argument checks, run by CLI11 after each argument is valid; they
// throw CLI::ValidationError, which main() reports as a usage error.
using CalendarCheck = std::function<void(const CalendarArgs&)>;

constexpr std::string_view kWeekdayNames[] = {
    "Monday", "Tuesday",  "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday"};

std::string_view WeekdayName(Date d) {
  return kWeekdayNames[d.iso_weekday() - 1];
}

// "2027" / "2027, 2028" / "1950–2006, 2027–2149": sorted years, runs of
// three or more shortened to a range.
std::string JoinYears(const std::vector<int>& years) {
  std::string text;
  for (size_t i = 0; i < years.size();) {
    size_t run_end = i;
    while (run_end + 1 < years.size() &&
           years[run_end + 1] == years[run_end] + 1)
      ++run_end;
    if (!text.empty()) text += ", ";
    if (run_end - i >= 2) {
      text += std::to_string(years[i]) + "–" + std::to_string(years[run_end]);
      i = run_end + 1;
    } else {
      text += std::to_string(years[i]);
      ++i;
    }
  }
  return text;
}

// Says on stderr that an answer assumed weekends only for `years`.
void WarnProvisionalYears(const std::vector<int>& years) {
  const std::string which =
      years.empty() ? std::string("a year involved")
                    : "no official holiday schedule for " + JoinYears(years);
  PrintWarning("provisional answer: " + which +
               "; there only weekends were taken as days off (its statutory "
               "holidays and make-up working days are not known)");
}

// Warns if `provisional`, naming the years of [a, b] (either order) that
// have no notice.
void WarnProvisional(const Calendar& calendar, bool provisional, Date a,
                     Date b) {
  if (!provisional) return;
  if (b < a) std::swap(a, b);
  std::vector<int> years;
  for (int year = a.year(); year <= b.year(); ++year) {
    if (!calendar.IsOfficialYear(year)) years.push_back(year);
  }
  WarnProvisionalYears(years);
}

void Print(const std::string& text) { std::cout << text << std::flush; }

json DayJson(const DayInfo& info) {
  return json{{"date", info.date.ToString()},
              {"working", info.working},
              {"kind", std::string(DayKindName(info.kind))},
              {"name", std::string(info.name)},
              {"notice", std::string(info.notice_title)},
              {"notice_url", std::string(info.notice_url)},
              {"provisional", info.provisional}};
}

json PeriodJson(const Period& period) {
  return json{{"kind", std::string(PeriodKindName(period.kind()))},
              {"label", period.Label()},
              {"start", period.start().ToString()},
              {"end", period.end().ToString()}};
}

// Reads the arguments that CLI11 validated (see ArgumentDate()).
struct DateAndKind {
  Date date;
  PeriodKind kind;
};
absl::StatusOr<DateAndKind> ReadDateAndKind(const CalendarArgs& args) {
  absl::StatusOr<Date> date = ArgumentDate("DATE", args.date);
  if (!date.ok()) return date.status();
  absl::StatusOr<PeriodKind> kind = ParsePeriodKind(args.kind);
  if (!kind.ok()) return WithContext(kind.status(), "KIND");
  return DateAndKind{*date, *kind};
}

// ---- days -------------------------------------------------------------------

absl::Status RunDays(const Calendar& calendar, const CalendarArgs& args) {
  absl::StatusOr<Date> from = ArgumentDate("--from", args.from);
  if (!from.ok()) return from.status();
  absl::StatusOr<Date> to = ArgumentDate("--to", args.to);
  if (!to.ok()) return to.status();

  // Both ends first: a range reaching past the calendar's domain or into a
  // year without a notice fails at once, before anything is allocated.
  for (Date end : {*from, *to}) {
    absl::StatusOr<DayInfo> info = calendar.Day(end);
    if (!info.ok()) return info.status();
  }
  std::vector<DayInfo> days;
  days.reserve(static_cast<size_t>(*to - *from) + 1);
  std::vector<int> provisional_years;
  for (Date d = *from; d <= *to; d = d + 1) {
    absl::StatusOr<DayInfo> info = calendar.Day(d);
    if (!info.ok()) return info.status();
    if (info->provisional &&
        (provisional_years.empty() || provisional_years.back() != d.year())) {
      provisional_years.push_back(d.year());
    }
    days.push_back(*info);
  }

  std::string out;
  if (args.json) {
    std::vector<json> elements;
    elements.reserve(days.size());
    for (const DayInfo& info : days) elements.push_back(DayJson(info));
    out = JsonLinesArray(elements);
  } else if (args.table) {
    Table table({"date", "weekday", "working", "kind", "name", "notice"});
    for (const DayInfo& info : days) {
      table.AddRow({info.date.ToString(), std::string(WeekdayName(info.date)),
                    info.working ? "yes" : "no",
                    std::string(DayKindName(info.kind)), std::string(info.name),
                    std::string(info.notice_title)});
    }
    out = table.Render();
  } else {
    out = CsvRow({"date", "working", "name"});
    for (const DayInfo& info : days) {
      out += CsvRow({info.date.ToString(), info.working ? "1" : "0",
                     std::string(info.name)});
    }
  }
  if (!provisional_years.empty()) WarnProvisionalYears(provisional_years);
  Print(out);
  return absl::OkStatus();
}

void CheckDaysRange(const CalendarArgs& args) {
  absl::StatusOr<Date> from = Date::Parse(args.from);
  absl::StatusOr<Date> to = Date::Parse(args.to);
  if (from.ok() && to.ok() && *to < *from) {
    throw CLI::ValidationError(
        "--to", "'" + args.to + "' is before --from '" + args.from + "'");
  }
}

// ---- add, next, previous, roll ----------------------------------------------

// Prints a date answer: the date, or JSON with `fields` and the result.
absl::Status PrintDateResult(const Calendar& calendar, const CalendarArgs& args,
                             Date asked, const CalendarResult<Date>& result,
                             json fields) {
  WarnProvisional(calendar, result.provisional, asked, result.value);
  if (args.json) {
    fields["result"] = result.value.ToString();
    fields["provisional"] = result.provisional;
    Print(JsonText(fields));
  } else {
    Print(result.value.ToString() + "\n");
  }
  return absl::OkStatus();
}

absl::Status RunAdd(const Calendar& calendar, const CalendarArgs& args) {
  absl::StatusOr<Date> date = ArgumentDate("DATE", args.date);
  if (!date.ok()) return date.status();
  absl::StatusOr<int32_t> n = ArgumentInt32("N", args.count);
  if (!n.ok()) return n.status();
  absl::StatusOr<CalendarResult<Date>> result =
      calendar.AddWorkingDays(*date, *n);
  if (!result.ok()) return result.status();
  return PrintDateResult(calendar, args, *date, *result,
                         json{{"date", date->ToString()}, {"n", *n}});
}

absl::Status RunNext(const Calendar& calendar, const CalendarArgs& args) {
  absl::StatusOr<Date> date = ArgumentDate("DATE", args.date);
  if (!date.ok()) return date.status();
  absl::StatusOr<CalendarResult<Date>> result = calendar.NextWorkingDay(*date);
  if (!result.ok()) return result.status();
  return PrintDateResult(calendar, args, *date, *result,
                         json{{"date", date->ToString()}});
}

absl::Status RunPrevious(const Calendar& calendar, const CalendarArgs& args) {
  absl::StatusOr<Date> date = ArgumentDate("DATE", args.date);
  if (!date.ok()) return date.status();
  absl::StatusOr<CalendarResult<Date>> result =
      calendar.PreviousWorkingDay(*date);
  if (!result.ok()) return result.status();
  return PrintDateResult(calendar, args, *date, *result,
                         json{{"date", date->ToString()}});
}

absl::Status RunRoll(const Calendar& calendar, const CalendarArgs& args) {
  absl::StatusOr<Date> date = ArgumentDate("DATE", args.date);
  if (!date.ok()) return date.status();
  absl::StatusOr<RollConvention> convention =
      ParseRollConvention(args.convention);
  if (!convention.ok()) return WithContext(convention.status(), "--convention");
  absl::StatusOr<CalendarResult<Date>> result =
      calendar.Roll(*date, *convention);
  if (!result.ok()) return result.status();
  return PrintDateResult(
      calendar, args, *date, *result,
      json{{"date", date->ToString()},
           {"convention", std::string(RollConventionName(*convention))}});
}

// ---- between ----------------------------------------------------------------

absl::Status RunBetween(const Calendar& calendar, const CalendarArgs& args) {
  absl::StatusOr<Date> from = ArgumentDate("FROM", args.from);
  if (!from.ok()) return from.status();
  absl::StatusOr<Date> to = ArgumentDate("TO", args.to);
  if (!to.ok()) return to.status();
  absl::StatusOr<CalendarResult<int32_t>> count =
      calendar.WorkingDaysBetween(*from, *to);
  if (!count.ok()) return count.status();
  WarnProvisional(calendar, count->provisional, *from, *to);
  if (args.json) {
    Print(JsonText(json{{"from", from->ToString()},
                        {"to", to->ToString()},
                        {"working_days", count->value},
                        {"provisional", count->provisional}}));
  } else {
    Print(std::to_string(count->value) + "\n");
  }
  return absl::OkStatus();
}

// ---- period, nth ------------------------------------------------------------

absl::Status RunPeriod(const Calendar&, const CalendarArgs& args) {
  absl::StatusOr<DateAndKind> input = ReadDateAndKind(args);
  if (!input.ok()) return input.status();
  absl::StatusOr<Period> period = Period::Of(input->date, input->kind);
  if (!period.ok()) return period.status();
  if (args.json) {
    json fields = PeriodJson(*period);
    fields["date"] = input->date.ToString();
    Print(JsonText(fields));
  } else {
    Print(period->Label() + " " + period->start().ToString() + " " +
          period->end().ToString() + "\n");
  }
  return absl::OkStatus();
}

absl::Status RunNth(const Calendar& calendar, const CalendarArgs& args) {
  absl::StatusOr<DateAndKind> input = ReadDateAndKind(args);
  if (!input.ok()) return input.status();
  absl::StatusOr<int32_t> n = ArgumentInt32("N", args.count);
  if (!n.ok()) return n.status();
  absl::StatusOr<Period> period = Period::Of(input->date, input->kind);
  if (!period.ok()) return period.status();
  absl::StatusOr<CalendarResult<Date>> result =
      calendar.NthWorkingDay(*period, *n);
  if (!result.ok()) return result.status();
  WarnProvisional(calendar, result->provisional, period->start(),
                  period->end());
  if (args.json) {
    Print(JsonText(json{{"date", input->date.ToString()},
                        {"n", *n},
                        {"period", PeriodJson(*period)},
                        {"result", result->value.ToString()},
                        {"provisional", result->provisional}}));
  } else {
    Print(result->value.ToString() + "\n");
  }
  return absl::OkStatus();
}

// ---- info, years ------------------------------------------------------------

std::string InfoLine(const DayInfo& info) {
  std::string line = info.date.ToString() + " " +
                     std::string(WeekdayName(info.date)) + ": " +
                     (info.working ? "working day" : "day off") + " (" +
                     std::string(DayKindName(info.kind));
  if (!info.name.empty()) line += ": " + std::string(info.name);
  line += ")";
  if (!info.notice_title.empty() || !info.notice_url.empty()) {
    line += "; notice: " + std::string(info.notice_title);
    if (!info.notice_url.empty()) line += " " + std::string(info.notice_url);
  }
  if (info.provisional) {
    line += "; provisional: " + std::to_string(info.date.year()) +
            " has no official holiday schedule";
  }
  return line + "\n";
}

absl::Status RunInfo(const Calendar& calendar, const CalendarArgs& args) {
  absl::StatusOr<Date> date = ArgumentDate("DATE", args.date);
  if (!date.ok()) return date.status();
  absl::StatusOr<DayInfo> info = calendar.Day(*date);
  if (!info.ok()) return info.status();
  WarnProvisional(calendar, info->provisional, *date, *date);
  if (args.json) {
    json fields = DayJson(*info);
    fields["weekday"] = std::string(WeekdayName(*date));
    fields["source"] = std::string(info->source);
    Print(JsonText(fields));
  } else {
    Print(InfoLine(*info));
  }
  return absl::OkStatus();
}

absl::Status RunYears(const Calendar& calendar, const CalendarArgs& args) {
  const std::vector<int> years = calendar.OfficialYears();
  if (args.json) {
    Print(JsonText(json{{"calendar", std::string(calendar.name())},
                        {"official_years", years}}));
  } else {
    std::string out;
    for (int year : years) out += std::to_string(year) + "\n";
    Print(out);
  }
  return absl::OkStatus();
}

// ---- registration -----------------------------------------------------------

CLI::Validator PeriodKindValidator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        absl::StatusOr<PeriodKind> kind = ParsePeriodKind(text);
        return kind.ok() ? "" : std::string(kind.status().message());
      },
      "", "KIND");
}

CLI::Validator RollConventionValidator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        absl::StatusOr<RollConvention> convention = ParseRollConvention(text);
        return convention.ok() ? ""
                               : std::string(convention.status().message());
      },
      "", "CONVENTION");
}

constexpr char kKindHelp[] =
    "period kind: dekad|week|half-month|month|quarter|half-year|year, or "
    "旬|周|半月|月|季|半年|年";

// Adds subcommand `name`; when CLI11 has parsed it, runs `check` and sets
// `action` to open the calendar and `run`.
CLI::App* AddCalendarSubcommand(CLI::App& calendar_command,
                                const std::string& name,
                                const std::string& description,
                                const std::shared_ptr<CalendarArgs>& args,
                                CommandAction& action, CalendarRun run,
                                CalendarCheck check = nullptr) {
  CLI::App* sub = calendar_command.add_subcommand(name, description);
  AddExitStatusFooter(*sub);
  sub->callback(
      [args, &action, run = std::move(run), check = std::move(check)] {
        if (check) check(*args);
        action = [args, run]() -> absl::Status {
          absl::StatusOr<Calendar> opened =
              OpenCalendar(args->provisional, args->overlays,
                           args->overlay_limits);
          if (!opened.ok()) return opened.status();
          return ExplainCalendarError(run(*opened, *args));
        };
      });
  return sub;
}

// The options every calendar subcommand has, listed after its own.
void AddCommonOptions(CLI::App* sub, CalendarArgs& args) {
  sub->add_flag("--provisional", args.provisional,
                "for years without an official holiday schedule, assume "
                "weekends only (flagged, with a warning on stderr) instead of "
                "failing");
  sub->add_option("--overlay", args.overlays,
                  "apply a calendar file (docs/calendar.md format) on top of "
                  "the built-in calendar; repeatable, applied in order")
      ->type_name("FILE")
      ->allow_extra_args(false);
  AddOverlayLimitOptions(sub, args.overlay_limits);
  sub->add_flag("--json", args.json, "print JSON instead of text");
}

void AddDateArgument(CLI::App* sub, const std::string& name,
                     std::string& target, const std::string& description) {
  sub->add_option(name, target, description)
      ->required()
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator());
}

}  // namespace

void AddCalendarCommand(CLI::App& app, CommandAction& action) {
  CLI::App* calendar = app.add_subcommand(
      "calendar",
      "The official China mainland working-day calendar (State Council "
      "holiday notices, 2007 onwards): days, working-day arithmetic, periods");
  calendar->require_subcommand(1);
  AddExitStatusFooter(*calendar);
  auto args = std::make_shared<CalendarArgs>();

  CLI::App* days = AddCalendarSubcommand(
      *calendar, "days",
      "Every day from --from to --to inclusive, as CSV with the header "
      "'date,working,name' (working is 1 or 0; name is the holiday's name, "
      "on its days off and its make-up working days)",
      args, action, RunDays, CheckDaysRange);
  AddDateArgument(days, "--from", args->from, "first day");
  AddDateArgument(days, "--to", args->to, "last day (not before --from)");
  days->add_flag("--table", args->table,
                 "an aligned table for reading (with weekday, kind and notice) "
                 "instead of CSV");

  CLI::App* add = AddCalendarSubcommand(
      *calendar, "add",
      "The date N working days after DATE (N < 0: before; 0: DATE itself)",
      args, action, RunAdd);
  AddDateArgument(add, "DATE", args->date, "the starting date");
  add->add_option("N", args->count,
                  "working days to move: 1 is the next working day after "
                  "DATE, -1 the last one before it")
      ->required()
      ->type_name("INTEGER")
      ->check(Int32Validator());

  CLI::App* between = AddCalendarSubcommand(
      *calendar, "between",
      "The number of working days in (FROM, TO]: after FROM, up to and "
      "including TO (negative when TO is before FROM)",
      args, action, RunBetween);
  AddDateArgument(between, "FROM", args->from, "start (not counted)");
  AddDateArgument(between, "TO", args->to, "end (counted)");

  CLI::App* period = AddCalendarSubcommand(
      *calendar, "period",
      "The period of KIND containing DATE, printed as 'label start end' (e.g. "
      "'2023年3月中旬 2023-03-11 2023-03-20')",
      args, action, RunPeriod);
  AddDateArgument(period, "DATE", args->date, "a day in the period");
  period->add_option("KIND", args->kind, kKindHelp)
      ->required()
      ->type_name("KIND")
      ->check(PeriodKindValidator());

  CLI::App* info = AddCalendarSubcommand(
      *calendar, "info",
      "Everything the calendar knows about DATE: weekday, working or off, "
      "kind, holiday name, and the notice that declared it",
      args, action, RunInfo);
  AddDateArgument(info, "DATE", args->date, "the day");

  CLI::App* next = AddCalendarSubcommand(
      *calendar, "next", "The first working day strictly after DATE", args,
      action, RunNext);
  AddDateArgument(next, "DATE", args->date, "the day");

  CLI::App* previous = AddCalendarSubcommand(
      *calendar, "previous", "The last working day strictly before DATE", args,
      action, RunPrevious);
  AddDateArgument(previous, "DATE", args->date, "the day");

  CLI::App* roll = AddCalendarSubcommand(
      *calendar, "roll",
      "DATE if it is a working day, else the working day chosen by "
      "--convention",
      args, action, RunRoll);
  AddDateArgument(roll, "DATE", args->date, "the day");
  roll->add_option("--convention", args->convention,
                   "following (first working day after), preceding (last "
                   "before), modified-following (following unless that "
                   "leaves the month), modified-preceding")
      ->capture_default_str()
      ->type_name("CONVENTION")
      ->check(RollConventionValidator());

  CLI::App* nth = AddCalendarSubcommand(
      *calendar, "nth",
      "The N-th working day of the period of KIND containing DATE (1 = "
      "first, -1 = last, e.g. the due date of a 旬简报: nth DATE dekad -1)",
      args, action, RunNth);
  AddDateArgument(nth, "DATE", args->date, "a day in the period");
  nth->add_option("KIND", args->kind, kKindHelp)
      ->required()
      ->type_name("KIND")
      ->check(PeriodKindValidator());
  nth->add_option("N", args->count,
                  "which working day: 1 first, 2 second, ..., -1 last, -2 "
                  "second to last")
      ->required()
      ->type_name("INTEGER")
      ->check(Int32Validator(/*allow_zero=*/false,
                             "1 is the first working day, -1 the last"));

  AddCalendarSubcommand(
      *calendar, "years",
      "The years that have an official holiday notice, one per line", args,
      action, RunYears);

  for (CLI::App* sub :
       calendar->get_subcommands(std::function<bool(CLI::App*)>())) {
    AddCommonOptions(sub, *args);
  }
  days->get_option("--table")->excludes(days->get_option("--json"));
}

}  // namespace dutygraph::cli
