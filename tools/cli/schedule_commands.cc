// tools/cli/schedule_commands.cc — `dutygraph schedule`, `due` and
// `critical-path`.
#include "schedule_commands.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dutygraph/calendar.h"
#include "dutygraph/critical_path.h"
#include "dutygraph/date.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/schedule.h"
#include "dutygraph/schedule_export.h"
#include "dutygraph/view_schedule.h"
#include "output.h"

namespace dutygraph::cli {
namespace {

// The arguments of every schedule command. Only one command runs per
// invocation, so they share one set of fields.
struct ScheduleArgs {
  std::string plan_path;
  bool provisional = false;
  std::vector<std::string> overlays;
  CalendarLimits overlay_limits;  // --overlay-max-*
  std::string format = "table";
  std::string unit;  // --unit NAME
  // --as-unit / --as-post: answer through that viewer's scoped view, taken
  // as of --from (schedule), --on (due) or the project start (critical-path)
  std::string as_unit;
  std::string as_post;
  // schedule
  std::string from;
  std::string to;
  std::vector<std::string> cadences;
  bool deadlines = false;
  // schedule, due
  std::string reminder_days = "3";
  // due
  std::string on;
  std::string within = "10";
  // critical-path
  std::string start;
  std::string deadline;
  std::string durations_path;
};

using ScheduleRun = std::function<absl::Status(const Plan&, const Calendar&,
                                               const ScheduleArgs&)>;
using ScheduleCheck = std::function<void(const ScheduleArgs&)>;

void Print(const std::string& text) { std::cout << text << std::flush; }

constexpr std::string_view kWeekdayNames[] = {"Mon", "Tue", "Wed", "Thu",
                                              "Fri", "Sat", "Sun"};
std::string WeekdayName(Date d) {
  return std::string(kWeekdayNames[d.iso_weekday() - 1]);
}

// ---- plan and calendar ------------------------------------------------------

void WarnIfProvisional(bool provisional) {
  if (!provisional) return;
  PrintWarning(
      "provisional answer: some dates fall in a year without an official "
      "holiday schedule; there only weekends were taken as days off");
}

absl::StatusOr<std::optional<UnitIndex>> ReadUnit(const Plan& plan,
                                                  const ScheduleArgs& args) {
  if (args.unit.empty()) return std::optional<UnitIndex>();
  absl::StatusOr<UnitIndex> unit = plan.FindUnit(args.unit);
  if (!unit.ok()) return WithContext(unit.status(), "--unit");
  return std::optional<UnitIndex>(*unit);
}

absl::StatusOr<DeadlineOptions> ReadDeadlineOptions(const ScheduleArgs& args) {
  absl::StatusOr<int32_t> days =
      ArgumentInt32("--reminder-days", args.reminder_days);
  if (!days.ok()) return days.status();
  DeadlineOptions options;
  options.reminder_working_days = *days;
  return options;
}

// ---- names ------------------------------------------------------------------

std::string TaskText(const Plan& plan, TaskIndex task) {
  const TaskData& t = plan.task(task);
  const std::string& key = t.path.empty() ? t.id : t.path;
  return t.title.empty() ? key : key + " " + t.title;
}

std::string HolderText(const Plan& plan, const PostHolder& holder) {
  const PostData& p = plan.post(holder.post);
  return (p.title.empty() ? p.id : p.title) + " " +
         (holder.person ? plan.person(*holder.person).name
                        : std::string("vacant（空缺）"));
}

std::string PartiesText(const Plan& plan, std::span<const UnitIndex> units,
                        std::span<const PostHolder> posts) {
  std::string text;
  for (UnitIndex u : units) {
    text += (text.empty() ? "" : "、") + plan.unit(u).name;
  }
  for (const PostHolder& p : posts) {
    text += (text.empty() ? "" : "、") + HolderText(plan, p);
  }
  return text;
}

// The lead units of `task` on `on`, "、"-joined ("" if it cannot be asked).
std::string LeadUnitsText(const Plan& plan, TaskIndex task, Date on) {
  Accountability who;
  if (!plan.AccountabilityOf(task, on, &who).ok()) return "";
  std::vector<UnitIndex> leads;
  for (const AccountableUnit& u : who.units) {
    if (u.role == Role::kLead &&
        std::find(leads.begin(), leads.end(), u.unit) == leads.end()) {
      leads.push_back(u.unit);
    }
  }
  return PartiesText(plan, leads, {});
}

std::string DeadlineText(const Plan& plan, const TaskDue& due) {
  const TaskData& task = plan.task(due.task);
  if (due.deadline >= task.deadlines.size()) return "";
  const DeadlineData& d = task.deadlines[due.deadline];
  return d.text.empty() ? d.kind : d.text;
}

// ---- schedule ---------------------------------------------------------------

struct Row {
  Date due;
  std::vector<std::string> cells;
};

void CheckScheduleArguments(const ScheduleArgs& args) {
  absl::StatusOr<Date> from = Date::Parse(args.from);
  absl::StatusOr<Date> to = Date::Parse(args.to);
  if (from.ok() && to.ok() && *to < *from) {
    throw CLI::ValidationError(
        "--to", "'" + args.to + "' is before --from '" + args.from + "'");
  }
  if (args.deadlines && args.format == "csv") {
    throw CLI::ValidationError(
        "--deadlines",
        "CSV holds one kind of row: with --format csv, list occurrences "
        "here and deadlines with 'dutygraph due', or use --format json or "
        "ics for both");
  }
}

absl::Status RunSchedule(const Plan& plan, const Calendar& calendar,
                         const ScheduleArgs& args) {
  absl::StatusOr<Date> from = ArgumentDate("--from", args.from);
  if (!from.ok()) return from.status();
  absl::StatusOr<Date> to = ArgumentDate("--to", args.to);
  if (!to.ok()) return to.status();
  absl::StatusOr<std::optional<UnitIndex>> unit = ReadUnit(plan, args);
  if (!unit.ok()) return unit.status();
  absl::StatusOr<DeadlineOptions> options = ReadDeadlineOptions(args);
  if (!options.ok()) return options.status();
  absl::StatusOr<std::optional<PlanView>> view =
      OpenView(plan, args.as_unit, args.as_post, *from);
  if (!view.ok()) return view.status();

  OccurrenceFilter filter;
  filter.cadences = args.cadences;
  filter.unit = *unit;
  // Through a view: the rows it sees, as self-contained values; else the
  // plan's table (the fast path for a whole plan's many rows).
  absl::StatusOr<OccurrenceTable> occurrences = OccurrenceTable();
  absl::StatusOr<std::vector<Occurrence>> scoped = std::vector<Occurrence>();
  if (*view) {
    scoped = CadenceOccurrences(**view, calendar, *from, *to, filter);
  } else {
    occurrences = CadenceOccurrenceTable(plan, calendar, *from, *to, filter);
  }
  for (const absl::Status& s : {occurrences.status(), scoped.status()}) {
    if (s.ok()) continue;
    // Only an unknown id is the argument's fault; calendar errors say where.
    return s.code() == absl::StatusCode::kNotFound
               ? WithContext(s, "--cadence")
               : s;
  }
  std::vector<TaskDue> dues;
  if (args.deadlines) {
    absl::StatusOr<std::vector<TaskDue>> found =
        *view ? TasksDueBetween(**view, calendar, *unit, *from, *to, *options)
              : TasksDueBetween(plan, calendar, *unit, *from, *to, *options);
    if (!found.ok()) return found.status();
    dues = *std::move(found);
  }
  bool provisional = occurrences->any_provisional();
  for (const Occurrence& o : *scoped) provisional |= o.provisional;
  for (const TaskDue& d : dues) provisional |= d.provisional;
  // Every occurrence listed, whichever way it was computed.
  std::vector<OccurrenceView> rows_of;
  for (const OccurrenceView o : *occurrences) rows_of.push_back(o);
  for (const Occurrence& o : *scoped) rows_of.push_back(OccurrenceView::Of(o));

  std::string out;
  if (args.format == "json") {
    out =
        "{\"plan\":" + std::string(nlohmann::json(plan.data().plan.id).dump()) +
        ",\"from\":\"" + from->ToString() + "\",\"to\":\"" + to->ToString() +
        "\",\"provisional\":" + (provisional ? "true" : "false") +
        ",\"occurrences\":" +
        (*view ? OccurrencesJson(**view, *scoped)
               : OccurrencesJson(plan, *occurrences));
    if (args.deadlines) {
      out += ",\"deadlines\":" +
             (*view ? TaskDuesJson(**view, dues) : TaskDuesJson(plan, dues));
    }
    out += "}\n";
  } else if (args.format == "csv") {
    out = *view ? OccurrencesCsv(**view, *scoped)
                : OccurrencesCsv(plan, *occurrences);
  } else if (args.format == "ics") {
    out = *view ? ScheduleIcs(**view, *scoped, dues)
                : ScheduleIcs(plan, *occurrences, dues);
  } else {
    std::vector<Row> rows;
    for (const OccurrenceView& o : rows_of) {
      const CadenceData& cadence = plan.data().cadences[o.cadence];
      std::string whose = o.group    ? plan.group(*o.group).name
                          : o.member ? plan.unit(*o.member).name
                                     : "";
      rows.push_back(
          {o.due,
           {o.due.ToString(), WeekdayName(o.due), std::string(o.period_label),
            cadence.name,
            whose, PartiesText(plan, o.owner_units, o.owner_posts)}});
    }
    for (const TaskDue& d : dues) {
      rows.push_back(
          {d.due,
           {d.due.ToString(), WeekdayName(d.due),
            d.period_label.empty() ? DeadlineText(plan, d) : d.period_label,
            "deadline", TaskText(plan, d.task),
            LeadUnitsText(plan, d.task, d.due)}});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.due < b.due; });
    Table table(
        {"due", "weekday", "period", "cadence", "group/member/task", "owners"});
    for (Row& row : rows) table.AddRow(std::move(row.cells));
    out = table.Render();
  }
  WarnIfProvisional(provisional);
  Print(out);
  return absl::OkStatus();
}

// ---- due --------------------------------------------------------------------

// The day overdue lists look back to, as TasksOverdueAsOf() takes it.
std::optional<Date> LookBackDate(const Plan& plan,
                                 const DeadlineOptions& options) {
  if (options.overdue_since) return options.overdue_since;
  if (plan.data().plan.issue_date) return plan.data().plan.issue_date;
  if (plan.data().plan.year > 0) {
    absl::StatusOr<Date> jan1 = Date::FromYmd(plan.data().plan.year, 1, 1);
    if (jan1.ok()) return *jan1;
  }
  return std::nullopt;
}

absl::Status RunDue(const Plan& plan, const Calendar& calendar,
                    const ScheduleArgs& args) {
  absl::StatusOr<Date> on = ArgumentDate("--on", args.on);
  if (!on.ok()) return on.status();
  absl::StatusOr<int32_t> within = ArgumentInt32("--within", args.within);
  if (!within.ok()) return within.status();
  absl::StatusOr<std::optional<UnitIndex>> unit = ReadUnit(plan, args);
  if (!unit.ok()) return unit.status();
  absl::StatusOr<DeadlineOptions> options = ReadDeadlineOptions(args);
  if (!options.ok()) return options.status();
  if (!args.from.empty()) {
    absl::StatusOr<Date> from = ArgumentDate("--from", args.from);
    if (!from.ok()) return from.status();
    options->overdue_since = *from;
  }
  absl::StatusOr<std::optional<PlanView>> view =
      OpenView(plan, args.as_unit, args.as_post, *on);
  if (!view.ok()) return view.status();

  // Nothing can be overdue on or before the look-back day itself.
  std::vector<TaskDue> overdue;
  const std::optional<Date> since = LookBackDate(plan, *options);
  if (!since || *since < *on) {
    absl::StatusOr<std::vector<TaskDue>> found =
        *view ? TasksOverdueAsOf(**view, calendar, *unit, *on, *options)
              : TasksOverdueAsOf(plan, calendar, *unit, *on, *options);
    if (!found.ok()) return found.status();
    overdue = *std::move(found);
  }
  absl::StatusOr<CalendarResult<Date>> until =
      calendar.AddWorkingDays(*on, *within);
  if (!until.ok()) return until.status();
  absl::StatusOr<std::vector<TaskDue>> upcoming =
      *view ? TasksDueBetween(**view, calendar, *unit, *on, until->value,
                              *options)
            : TasksDueBetween(plan, calendar, *unit, *on, until->value,
                              *options);
  if (!upcoming.ok()) return upcoming.status();

  bool provisional = until->provisional;
  for (const TaskDue& d : overdue) provisional |= d.provisional;
  for (const TaskDue& d : *upcoming) provisional |= d.provisional;
  std::vector<TaskDue> all = overdue;
  all.insert(all.end(), upcoming->begin(), upcoming->end());

  std::string out;
  if (args.format == "json") {
    out = "{\"on\":\"" + on->ToString() +
          "\",\"within\":" + std::to_string(*within) + ",\"until\":\"" +
          until->value.ToString() +
          "\",\"provisional\":" + (provisional ? "true" : "false") +
          ",\"overdue\":" +
          (*view ? TaskDuesJson(**view, overdue)
                 : TaskDuesJson(plan, overdue)) +
          ",\"upcoming\":" +
          (*view ? TaskDuesJson(**view, *upcoming)
                 : TaskDuesJson(plan, *upcoming)) +
          "}\n";
  } else if (args.format == "csv") {
    out = *view ? TaskDuesCsv(**view, all) : TaskDuesCsv(plan, all);
  } else if (args.format == "ics") {
    out = *view ? ScheduleIcs(**view, {}, all) : ScheduleIcs(plan, {}, all);
  } else {
    Table table(
        {"status", "due", "weekday", "reminder", "task", "deadline", "lead"});
    for (const TaskDue& d : all) {
      table.AddRow(
          {d.due < *on ? "overdue" : "due", d.due.ToString(),
           WeekdayName(d.due), d.reminder ? d.reminder->ToString() : "",
           TaskText(plan, d.task),
           d.period_label.empty() ? DeadlineText(plan, d) : d.period_label,
           LeadUnitsText(plan, d.task, std::min(d.due, *on))});
    }
    out = "as of " + on->ToString() + ": " + std::to_string(overdue.size()) +
          " overdue, " + std::to_string(upcoming->size()) + " due from " +
          on->ToString() + " to " + until->value.ToString() + " (" +
          std::to_string(*within) + " working days)\n";
    if (!all.empty()) out += table.Render();
  }
  WarnIfProvisional(provisional);
  Print(out);
  return absl::OkStatus();
}

// ---- critical-path ----------------------------------------------------------

// The fields of one CSV line; RFC 4180 quotes allowed. nullopt for an
// unterminated quote.
std::optional<std::vector<std::string>> SplitCsvLine(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (quoted) return std::nullopt;
  return fields;
}

std::string Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const size_t last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// Reads `task,working_days` lines (see --durations' help) into durations
// indexed by TaskIndex::value. Through a view, tasks are looked up among
// the visible ones only (a hidden one is an unknown task).
absl::StatusOr<std::vector<int32_t>> ReadDurations(const Plan& plan,
                                                   const PlanView* view,
                                                   const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError("--durations: cannot open '" + path + "'");
  }
  // The plan's own durations, overridden by the file's lines.
  std::vector<int32_t> durations = PlanDurations(plan);
  std::vector<int> line_of(plan.data().tasks.size(), 0);
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) {
      line.erase(0, 3);  // a UTF-8 byte order mark
    }
    const std::string where = path + ":" + std::to_string(line_number) + ": ";
    const std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    std::optional<std::vector<std::string>> fields = SplitCsvLine(line);
    if (!fields) {
      return absl::InvalidArgumentError(where + "unterminated quoted field");
    }
    if (fields->size() != 2) {
      return absl::InvalidArgumentError(
          where + "expected 2 fields 'task,working_days', found " +
          std::to_string(fields->size()));
    }
    const std::string task_text = Trim((*fields)[0]);
    const std::string days_text = Trim((*fields)[1]);
    if (task_text == "task" && days_text == "working_days") continue;
    absl::StatusOr<TaskIndex> task =
        view ? view->FindTask(task_text) : plan.FindTask(task_text);
    if (!task.ok()) {
      return absl::Status(task.status().code(),
                          where + std::string(task.status().message()));
    }
    absl::StatusOr<int32_t> days = ParseInt32(days_text);
    if (!days.ok() || *days < 0 || *days > kMaxWorkingDays) {
      return absl::InvalidArgumentError(
          where + "working_days '" + days_text +
          "' is not a whole number of working days from 0 to " +
          std::to_string(kMaxWorkingDays));
    }
    if (line_of[task->value] != 0) {
      return absl::InvalidArgumentError(where + "task '" + plan.task(*task).id +
                                        "' already has a duration (line " +
                                        std::to_string(line_of[task->value]) +
                                        ")");
    }
    line_of[task->value] = line_number;
    durations[task->value] = *days;
  }
  if (in.bad()) {
    return absl::DataLossError("--durations: error reading '" + path + "'");
  }
  return durations;
}

// critical-path --as-unit/--as-post: the visible tasks' network alone
// (dutygraph/view_schedule.h); a chain that continues outside the view is
// marked, naming nothing there.
absl::Status RunViewCriticalPath(const PlanView& view,
                                 const Calendar& calendar,
                                 const ScheduleArgs& args,
                                 const std::vector<int32_t>& durations,
                                 Date start,
                                 const CriticalPathOptions& options) {
  const Plan& plan = view.plan();
  absl::StatusOr<ViewCriticalPathAnswer> answer =
      ComputeCriticalPath(view, durations, calendar, start, options);
  if (!answer.ok()) return answer.status();
  std::string out;
  if (args.format == "json") {
    out = CriticalPathJson(view, *answer) + "\n";
  } else {
    // The tasks the schedule is about: a duration or a dependency, even
    // one the view does not follow.
    std::vector<bool> linked(plan.data().tasks.size(), false);
    for (const DependencyData& dep : plan.data().dependencies) {
      for (const std::string* id : {&dep.from, &dep.to}) {
        absl::StatusOr<TaskIndex> task = plan.FindTask(*id);
        if (task.ok() && view.Sees(*task)) linked[task->value] = true;
      }
    }
    out = view.viewer() + ": starts " +
          answer->project_start_date.ToString() + ", " +
          std::to_string(answer->project_duration) +
          " working days, finishes " + answer->project_finish_date.ToString() +
          ", float " + std::to_string(answer->project_float) +
          " (the tasks in this view only)\n";
    for (const std::vector<TaskIndex>& path : answer->critical_paths) {
      std::string text;
      for (TaskIndex t : path) {
        text += (text.empty() ? "" : " -> ") + plan.task(t).id;
      }
      out += "critical path: " + text + "\n";
    }
    if (answer->critical_paths_truncated) {
      out += "(more critical paths exist; --format json lists all tasks)\n";
    }
    Table table({"task", "days", "earliest start", "earliest finish",
                 "latest start", "latest finish", "float", "critical",
                 "outside the view"});
    table.AlignColumn(1, Table::Align::kRight);
    table.AlignColumn(6, Table::Align::kRight);
    bool outside = false;
    for (const ViewTaskSchedule& entry : answer->tasks) {
      const TaskSchedule& s = entry.times;
      if (s.duration == 0 && !linked[entry.task.value]) continue;
      std::string chain;
      if (entry.predecessor_outside_view) chain = "before";
      if (entry.successor_outside_view) {
        chain += chain.empty() ? "after" : ", after";
      }
      outside |= !chain.empty();
      table.AddRow(
          {TaskText(plan, entry.task), std::to_string(s.duration),
           s.earliest_start_date.ToString(), s.earliest_finish_date.ToString(),
           s.latest_start_date.ToString(), s.latest_finish_date.ToString(),
           std::to_string(s.total_float), s.critical ? "yes" : "", chain});
    }
    out += "\n" + table.Render();
    if (outside) {
      out += "\n\"outside the view\": the dependency chain continues "
             "before/after the task through tasks this view does not show; "
             "their times are not counted here.\n";
    }
  }
  WarnIfProvisional(answer->provisional);
  Print(out);
  return absl::OkStatus();
}

absl::Status RunCriticalPath(const Plan& plan, const Calendar& calendar,
                             const ScheduleArgs& args) {
  Date start;
  if (!args.start.empty()) {
    absl::StatusOr<Date> parsed = ArgumentDate("--start", args.start);
    if (!parsed.ok()) return parsed.status();
    start = *parsed;
  } else if (plan.data().plan.issue_date) {
    start = *plan.data().plan.issue_date;
  } else {
    return absl::InvalidArgumentError(
        "--start: not given, and the plan has no issue_date to default to; "
        "give the project start as --start YYYY-MM-DD");
  }
  CriticalPathOptions options;
  if (!args.deadline.empty()) {
    absl::StatusOr<Date> deadline = ArgumentDate("--deadline", args.deadline);
    if (!deadline.ok()) return deadline.status();
    options.deadline = *deadline;
  }
  absl::StatusOr<std::optional<PlanView>> view =
      OpenView(plan, args.as_unit, args.as_post, start);
  if (!view.ok()) return view.status();
  std::vector<int32_t> durations;
  if (!args.durations_path.empty()) {
    absl::StatusOr<std::vector<int32_t>> read = ReadDurations(
        plan, *view ? &**view : nullptr, args.durations_path);
    if (!read.ok()) return read.status();
    durations = *std::move(read);
  }
  if (*view) {
    return RunViewCriticalPath(**view, calendar, args, durations, start,
                               options);
  }
  absl::StatusOr<CriticalPathAnswer> answer =
      ComputeCriticalPath(plan, durations, calendar, start, options);
  if (!answer.ok()) return answer.status();

  std::string out;
  if (args.format == "json") {
    out = CriticalPathJson(plan, *answer) + "\n";
  } else {
    // Only the tasks the schedule is about: those with a duration or a
    // dependency (a plan has hundreds of unscheduled nodes).
    std::vector<bool> shown(answer->tasks.size(), false);
    for (uint32_t i = 0; i < answer->tasks.size(); ++i) {
      shown[i] = answer->tasks[i].duration > 0;
    }
    for (const DependencyData& dep : plan.data().dependencies) {
      for (const std::string* id : {&dep.from, &dep.to}) {
        absl::StatusOr<TaskIndex> task = plan.FindTask(*id);
        if (task.ok() && task->value < shown.size()) shown[task->value] = true;
      }
    }
    out = "project: starts " + answer->project_start_date.ToString() + ", " +
          std::to_string(answer->project_duration) +
          " working days, finishes " + answer->project_finish_date.ToString() +
          ", float " + std::to_string(answer->project_float) + "\n";
    for (const std::vector<TaskIndex>& path : answer->critical_paths) {
      std::string text;
      for (TaskIndex t : path) {
        text += (text.empty() ? "" : " -> ") + plan.task(t).id;
      }
      out += "critical path: " + text + "\n";
    }
    if (answer->critical_paths_truncated) {
      out += "(more critical paths exist; --format json lists all tasks)\n";
    }
    Table table({"task", "days", "earliest start", "earliest finish",
                 "latest start", "latest finish", "float", "critical"});
    table.AlignColumn(1, Table::Align::kRight);
    table.AlignColumn(6, Table::Align::kRight);
    for (uint32_t i = 0; i < answer->tasks.size(); ++i) {
      if (!shown[i]) continue;
      const TaskSchedule& s = answer->tasks[i];
      table.AddRow(
          {TaskText(plan, TaskIndex{i}), std::to_string(s.duration),
           s.earliest_start_date.ToString(), s.earliest_finish_date.ToString(),
           s.latest_start_date.ToString(), s.latest_finish_date.ToString(),
           std::to_string(s.total_float), s.critical ? "yes" : ""});
    }
    out += "\n" + table.Render();
  }
  WarnIfProvisional(answer->provisional);
  Print(out);
  return absl::OkStatus();
}

// ---- registration -----------------------------------------------------------

void AddScheduleExitStatusFooter(CLI::App& app) {
  app.footer(
      "Exit status:\n"
      "  0  success\n"
      "  1  could not answer: a plan file that is missing or not valid, an\n"
      "     unknown unit, cadence or task, a bad --durations or --overlay\n"
      "     file, a date in a year without an official holiday schedule\n"
      "     (without --provisional), a dependency cycle\n"
      "  2  usage error: unknown option, missing or bad argument (a\n"
      "     malformed date, an unknown --format)\n"
      "Errors go to stderr as 'dutygraph: error: ...'.");
}

CLI::App* AddScheduleSubcommand(CLI::App& app, const std::string& name,
                                const std::string& description,
                                const std::shared_ptr<ScheduleArgs>& args,
                                CommandAction& action, ScheduleRun run,
                                std::vector<std::string> formats,
                                ScheduleCheck check = nullptr) {
  CLI::App* sub = app.add_subcommand(name, description);
  AddScheduleExitStatusFooter(*sub);
  sub->callback(
      [args, &action, run = std::move(run), check = std::move(check)] {
        if (check) check(*args);
        action = [args, run]() -> absl::Status {
          absl::StatusOr<Plan> plan = LoadPlan(args->plan_path);
          if (!plan.ok()) return plan.status();
          absl::StatusOr<Calendar> calendar =
              OpenCalendar(args->provisional, args->overlays,
                           args->overlay_limits);
          if (!calendar.ok()) return calendar.status();
          return ExplainCalendarError(run(*plan, *calendar, *args));
        };
      });
  sub->add_option("--plan", args->plan_path,
                  "the plan file (dutygraph/plan@1 JSON, docs/plan-format.md)")
      ->required()
      ->type_name("FILE");
  std::string names;
  for (const std::string& f : formats) names += (names.empty() ? "" : "|") + f;
  CLI::Option* format =
      sub->add_option(
             "--format", args->format,
             "output: " + names + " (shapes: docs/schedules.md, \"Exports\")")
          ->capture_default_str()
          ->type_name("FORMAT")
          ->check(CLI::IsMember(formats));
  // --json, as on every other answering command.
  sub->add_flag_callback(
         "--json", [args] { args->format = "json"; }, "same as --format json")
      ->excludes(format);
  sub->add_flag("--provisional", args->provisional,
                "for years without an official holiday schedule, assume "
                "weekends only (flagged, with a warning on stderr) instead "
                "of failing");
  sub->add_option("--overlay", args->overlays,
                  "apply a calendar file (docs/calendar.md format) on top of "
                  "the built-in calendar; repeatable, applied in order")
      ->type_name("FILE")
      ->allow_extra_args(false);
  AddOverlayLimitOptions(sub, args->overlay_limits);
  return sub;
}

void AddUnitOption(CLI::App* sub, ScheduleArgs& args, const std::string& what) {
  sub->add_option("--unit", args.unit,
                  "only " + what +
                      " of this unit (by id, name, full name or alias; "
                      "resolved as of each due date, so a renamed unit "
                      "matches through its successor)")
      ->type_name("NAME");
}

// Scoped views (docs/scoped-views.md), as on the plan commands.
void AddViewOptions(CLI::App* sub, ScheduleArgs& args,
                    const std::string& as_of) {
  CLI::Option* as_unit =
      sub->add_option("--as-unit", args.as_unit,
                      "answer as this unit sees the plan on " + as_of +
                          ": only the tasks where it has a role, public "
                          "ones, and its groups' and its own cadences; any "
                          "other task or cadence is reported as unknown")
          ->type_name("NAME");
  CLI::Option* as_post =
      sub->add_option("--as-post", args.as_post,
                      "answer as this post (id or title) sees the plan on " +
                          as_of + ": its units' tasks, its groups' and its "
                          "own")
          ->type_name("POST");
  as_unit->excludes(as_post);
}

void AddReminderOption(CLI::App* sub, ScheduleArgs& args) {
  sub->add_option("--reminder-days", args.reminder_days,
                  "deadline reminders fall this many working days before "
                  "the due date; 0: none")
      ->capture_default_str()
      ->type_name("N")
      ->check(Int32Validator() & CLI::Range(0, kMaxWorkingDays));
}

}  // namespace

void AddScheduleCommands(CLI::App& app, CommandAction& action) {
  auto args = std::make_shared<ScheduleArgs>();

  CLI::App* schedule = AddScheduleSubcommand(
      app, "schedule",
      "The plan's rhythms on the official calendar: every cadence "
      "occurrence (旬简报, 月通报, 每周一调度, ...) whose due date is in "
      "[--from, --to], with its period, owner and recipients as of the due "
      "date, sorted by due date. With --deadlines, task due dates in the "
      "range too. table: due, weekday, period, cadence, group/member/task, "
      "owners; csv: one row per occurrence; json: {plan, from, to, "
      "provisional, occurrences, deadlines (with --deadlines)}; ics: an "
      "RFC 5545 calendar, one all-day event per occurrence and deadline",
      args, action, RunSchedule, {"table", "csv", "ics", "json"},
      CheckScheduleArguments);
  schedule->add_option("--from", args->from, "first due date listed")
      ->required()
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator());
  schedule->add_option("--to", args->to, "last due date listed")
      ->required()
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator());
  AddUnitOption(schedule, *args, "occurrences (and deadlines)");
  schedule
      ->add_option("--cadence", args->cadences,
                   "only this cadence, by id (c_dekad_briefing); repeatable")
      ->type_name("ID")
      ->allow_extra_args(false);
  schedule->add_flag("--deadlines", args->deadlines,
                     "also list task due dates in the range (not with "
                     "--format csv)");
  AddReminderOption(schedule, *args);
  AddViewOptions(schedule, *args, "--from");

  CLI::App* due = AddScheduleSubcommand(
      app, "due",
      "Task deadlines around a day: those overdue as of --on (due from the "
      "look-back day --from, default the plan's issue date, up to the day "
      "before --on; there is no completion tracking yet, so every passed "
      "due date counts), then those due from --on itself up to the "
      "--within-th working day after it. table: a summary line, then "
      "status (overdue|due), due, weekday, reminder, task, deadline, lead "
      "units; json: {on, within, until, provisional, overdue, upcoming}; "
      "csv and ics: both lists in one (rows due before --on are the "
      "overdue ones)",
      args, action, RunDue, {"table", "csv", "ics", "json"});
  due->add_option("--on", args->on, "the day to ask about")
      ->required()
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator());
  due->add_option("--within", args->within,
                  "list what falls due from --on to this many working days "
                  "after it (0: --on only)")
      ->capture_default_str()
      ->type_name("N")
      ->check(Int32Validator() & CLI::Range(0, kMaxWorkingDays));
  due->add_option("--from", args->from,
                  "look back for overdue dates to this day; default: the "
                  "plan's issue date")
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator());
  AddUnitOption(due, *args, "tasks");
  AddReminderOption(due, *args);
  AddViewOptions(due, *args, "--on");

  CLI::App* critical_path = AddScheduleSubcommand(
      app, "critical-path",
      "The critical path method over the plan's finish-to-start "
      "dependencies, in working days: earliest and latest start and finish "
      "dates, total float, the critical tasks and paths. Each task takes "
      "its duration_working_days from the plan (absent: a 0-day "
      "milestone); --durations overrides the tasks it lists. table: the "
      "project line, the critical "
      "paths, then the tasks that have a duration or a dependency; json: "
      "every task",
      args, action, RunCriticalPath, {"table", "json"});
  critical_path
      ->add_option("--durations", args->durations_path,
                   "CSV 'task,working_days', one task per line: the task by "
                   "id or path, a whole number of working days >= 0; an "
                   "optional header line 'task,working_days', blank lines and "
                   "lines starting with # are skipped")
      ->type_name("FILE");
  critical_path
      ->add_option("--start", args->start,
                   "project start (working day 0 is its first working day); "
                   "default: the plan's issue date")
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator());
  critical_path
      ->add_option("--deadline", args->deadline,
                   "the project must be over by the end of this day: latest "
                   "dates count back from it (float can go negative)")
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator());
  AddViewOptions(critical_path, *args, "the project start");
}

}  // namespace dutygraph::cli
