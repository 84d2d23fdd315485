// capi/dg_schedule.cc — the C API's schedules (see dutygraph/dg.h,
// "Schedules"): cadence occurrences, task due dates, the critical path,
// deadline text and calendar-change impact, each returned as rendered text.
//
// The renderings are the shared ones of dutygraph/schedule_export.h; only
// the two answers it has no renderer for (a resolved DeadlineData and the
// DueDateChange list) are rendered here, in the shapes docs/schedules.md
// ("C API") documents.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/calendar.h"
#include "dutygraph/critical_path.h"
#include "dutygraph/date.h"
#include "dutygraph/dg.h"
#include "dutygraph/period.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_data.h"
#include "dutygraph/schedule.h"
#include "dutygraph/schedule_export.h"
#include "dutygraph/view_schedule.h"
#include "guard.h"
#include "handles.h"
#include "nlohmann/json.hpp"


namespace {

using dutygraph::Calendar;
using dutygraph::Date;
using dutygraph::DeadlineOptions;
using dutygraph::OccurrenceFilter;
using dutygraph::Plan;
using dutygraph::PlanData;
using dutygraph::TaskDue;
using dutygraph::UnitIndex;
using dutygraph::capi::ApiCall;
using dutygraph::capi::CheckHandle;
using dutygraph::capi::FreeHandle;
using dutygraph::capi::NewCString;
using dutygraph::capi::ZeroOut;
using Json = nlohmann::ordered_json;

// The options after the prefix protocol: fields past the caller's
// struct_size keep the defaults of DG_SCHEDULE_OPTIONS_INIT.
struct ScheduleOptions {
  dg_schedule_format format = DG_FORMAT_JSON;
  std::optional<UnitIndex> unit;
  bool include_deadlines = false;
  int reminder_working_days = dutygraph::kDefaultReminderWorkingDays;
  std::vector<std::string> cadences;
};

std::string ToString(int64_t n) { return std::to_string(n); }

dg_status ReadOptions(const dg_schedule_options* opts, const Plan& plan,
                      ScheduleOptions* out, const ApiCall& call) {
  if (opts == nullptr) return DG_OK;
  const size_t declared = opts->struct_size;
  const size_t min_size = DG_FIELD_END(dg_schedule_options, format);
  if (declared < min_size) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {"opts->struct_size is ", ToString(declared),
                      ", smaller than the first fields of dg_schedule_options "
                      "(",
                      ToString(min_size),
                      " bytes); initialise it with DG_SCHEDULE_OPTIONS_INIT"});
  }
  auto has = [declared](size_t end) { return declared >= end; };

  if (opts->format != DG_FORMAT_JSON && opts->format != DG_FORMAT_CSV &&
      opts->format != DG_FORMAT_ICS) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {"opts->format ", ToString(opts->format),
                      " is not a dg_schedule_format (DG_FORMAT_JSON=0, "
                      "DG_FORMAT_CSV=1, DG_FORMAT_ICS=2)"});
  }
  out->format = opts->format;

  if (has(DG_FIELD_END(dg_schedule_options, unit)) && opts->has_unit != 0) {
    if (opts->has_unit != 1) {
      return call.Fail(DG_INVALID_ARGUMENT, {"opts->has_unit is ",
                                             ToString(opts->has_unit),
                                             "; it must be 0 or 1"});
    }
    const size_t count = plan.data().units.size();
    if (opts->unit >= count) {
      return call.Fail(DG_OUT_OF_RANGE,
                       {"opts->unit ", ToString(opts->unit),
                        " is out of range: the plan has ", ToString(count),
                        " units"});
    }
    out->unit = UnitIndex{opts->unit};
  }

  if (has(DG_FIELD_END(dg_schedule_options, include_deadlines))) {
    if (opts->include_deadlines != 0 && opts->include_deadlines != 1) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"opts->include_deadlines is ",
                        ToString(opts->include_deadlines),
                        "; it must be 0 or 1"});
    }
    out->include_deadlines = opts->include_deadlines == 1;
  }

  if (has(DG_FIELD_END(dg_schedule_options, reminder_working_days))) {
    const int32_t n = opts->reminder_working_days;
    if (n < 0 || n > dutygraph::kMaxWorkingDays) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"opts->reminder_working_days is ", ToString(n),
                        "; it must be 0 (no reminders) to ",
                        ToString(dutygraph::kMaxWorkingDays)});
    }
    out->reminder_working_days = n;
  }

  if (has(DG_FIELD_END(dg_schedule_options, cadence_id_count))) {
    const size_t count = opts->cadence_id_count;
    if (count > 0 && opts->cadence_ids == nullptr) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"opts->cadence_ids is NULL but opts->cadence_id_count "
                        "is ",
                        ToString(count)});
    }
    out->cadences.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      const std::string where = "opts->cadence_ids[" + ToString(i) + "]";
      const char* id = opts->cadence_ids[i];
      if (id == nullptr) return call.NullArgument(where);
      std::string_view checked;
      if (dg_status s =
              call.CheckText(&checked, id, std::char_traits<char>::length(id),
                             where);
          s != DG_OK) {
        return s;
      }
      out->cadences.emplace_back(checked);
    }
  }
  return DG_OK;
}

// The task calls have no use for cadence filters or include_deadlines; a
// caller setting them has misread the contract.
dg_status CheckTaskOptions(const ScheduleOptions& options,
                           const ApiCall& call) {
  if (!options.cadences.empty()) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     "opts->cadence_id_count must be 0: task due dates are "
                     "not filtered by cadence (use dg_plan_schedule)");
  }
  if (options.include_deadlines) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     "opts->include_deadlines must be 0: this call lists "
                     "task due dates only");
  }
  return DG_OK;
}

// The checks every schedule call starts with; `source` is the dg_plan or
// dg_view argument, `name` its parameter name.
template <typename Handle>
dg_status BeginSchedule(char** out, size_t* size_out, const Handle* source,
                        const char* name, const dg_calendar* cal,
                        const ApiCall& call) {
  ZeroOut(out, size_out);
  if (out == nullptr) return call.NullArgument("out");
  if (dg_status s = CheckHandle(call, source, name); s != DG_OK) return s;
  if (dg_status s = CheckHandle(call, cal, "cal"); s != DG_OK) return s;
  return DG_OK;
}

dg_status CheckRange(Date* first, Date* last, dg_date from, dg_date to,
                     const ApiCall& call) {
  if (dg_status s = call.CheckDate(first, from, "from"); s != DG_OK) return s;
  if (dg_status s = call.CheckDate(last, to, "to"); s != DG_OK) return s;
  if (*last < *first) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {"to (", last->ToString(), ") is before from (",
                      first->ToString(), ")"});
  }
  return DG_OK;
}

// The plan (dg_plan_*) or a view of it (dg_view_*): the library gives both
// the same overloads (schedule.h, view_schedule.h), so each pair of C entry
// points shares one body below.
const Plan& PlanOf(const Plan& plan) { return plan; }
const Plan& PlanOf(const dutygraph::PlanView& view) { return view.plan(); }

// The cadence occurrences of the plan (as the compact table) or of a view.
absl::StatusOr<dutygraph::OccurrenceTable> OccurrencesOf(
    const Plan& plan, const Calendar& cal, Date first, Date last,
    const OccurrenceFilter& filter) {
  return dutygraph::CadenceOccurrenceTable(plan, cal, first, last, filter);
}
absl::StatusOr<std::vector<dutygraph::Occurrence>> OccurrencesOf(
    const dutygraph::PlanView& view, const Calendar& cal, Date first,
    Date last, const OccurrenceFilter& filter) {
  return dutygraph::CadenceOccurrences(view, cal, first, last, filter);
}

// Task due dates in the requested rendering.
template <typename Source>
std::string RenderDues(const Source& source, const std::vector<TaskDue>& dues,
                       dg_schedule_format format) {
  switch (format) {
    case DG_FORMAT_CSV:
      return dutygraph::TaskDuesCsv(source, dues);
    case DG_FORMAT_ICS:
      return dutygraph::ScheduleIcs(source, {}, dues);
    default:
      return dutygraph::TaskDuesJson(source, dues);
  }
}

Json UnitJson(const PlanData& d, UnitIndex unit) {
  return Json{{"id", d.units[unit.value].id},
              {"name", d.units[unit.value].name}};
}

// docs/schedules.md, "C API": a DeadlineData.
std::string DeadlineJson(const dutygraph::DeadlineData& deadline) {
  Json json;
  json["kind"] = deadline.kind;
  json["text"] = deadline.text;
  json["date"] = deadline.date ? Json(deadline.date->ToString()) : Json();
  json["period"] =
      deadline.period
          ? Json(std::string(dutygraph::PeriodKindName(*deadline.period)))
          : Json();
  json["working_days"] = deadline.working_days;
  json["after"] = deadline.after;
  json["day"] = deadline.day;
  return json.dump();
}

// docs/schedules.md, "C API": the DueDateChange list.
std::string DueDateChangesJson(
    const Plan& plan, Date from, Date to,
    const std::vector<dutygraph::DueDateChange>& changes) {
  const PlanData& d = plan.data();
  Json list = Json::array();
  for (const dutygraph::DueDateChange& c : changes) {
    Json item;
    item["type"] = c.occurrence_of ? "occurrence" : "deadline";
    if (c.occurrence_of) {
      const dutygraph::CadenceData& cadence = d.cadences[*c.occurrence_of];
      item["cadence"] = Json{{"id", cadence.id}, {"name", cadence.name}};
    } else {
      item["cadence"] = nullptr;
    }
    item["group"] = c.group ? Json{{"id", d.groups[c.group->value].id},
                                   {"name", d.groups[c.group->value].name}}
                            : Json();
    item["member"] = c.member ? UnitJson(d, *c.member) : Json();
    if (c.task) {
      const dutygraph::TaskData& task = d.tasks[c.task->value];
      item["task"] = Json{
          {"id", task.id}, {"path", task.path}, {"title", task.title}};
      item["deadline"] = c.deadline;
    } else {
      item["task"] = nullptr;
      item["deadline"] = nullptr;
    }
    item["period"] = c.period_label;
    item["before"] = c.before.ToString();
    item["after"] = c.after.ToString();
    list.push_back(std::move(item));
  }
  Json json;
  json["from"] = from.ToString();
  json["to"] = to.ToString();
  json["changes"] = std::move(list);
  return json.dump();
}

// Hands the caller `render()`'s text, or reports its error.
template <typename Render>
dg_status ReturnText(char** out, size_t* size_out, Render render,
                     const ApiCall& call) {
  absl::StatusOr<std::string> text = render();
  if (!text.ok()) return call.FromStatus(text.status());
  return NewCString(out, size_out, *text, call);
}

// dg_plan_schedule / dg_view_schedule after their handle checks;
// `due_call` names the matching due-date call in an error.
template <typename Source>
dg_status ScheduleText(char** out, size_t* size_out, const Source& source,
                       const Calendar& cal, dg_date from, dg_date to,
                       const dg_schedule_options* opts,
                       std::string_view due_call, const ApiCall& call) {
  Date first, last;
  if (dg_status s = CheckRange(&first, &last, from, to, call); s != DG_OK) {
    return s;
  }
  ScheduleOptions options;
  if (dg_status s = ReadOptions(opts, PlanOf(source), &options, call);
      s != DG_OK) {
    return s;
  }
  if (options.format == DG_FORMAT_CSV && options.include_deadlines) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {"opts->include_deadlines needs DG_FORMAT_JSON or "
                      "DG_FORMAT_ICS: occurrences and due dates are "
                      "different CSV tables (use ",
                      due_call, " for the second)"});
  }
  return ReturnText(
      out, size_out,
      [&]() -> absl::StatusOr<std::string> {
        OccurrenceFilter filter;
        filter.cadences = std::move(options.cadences);
        filter.unit = options.unit;
        auto occurrences = OccurrencesOf(source, cal, first, last, filter);
        if (!occurrences.ok()) return occurrences.status();
        std::vector<TaskDue> dues;
        if (options.include_deadlines) {
          DeadlineOptions deadline_options;
          deadline_options.reminder_working_days =
              options.reminder_working_days;
          absl::StatusOr<std::vector<TaskDue>> found =
              dutygraph::TasksDueBetween(source, cal, options.unit, first,
                                         last, deadline_options);
          if (!found.ok()) return found.status();
          dues = *std::move(found);
        }
        switch (options.format) {
          case DG_FORMAT_CSV:
            return dutygraph::OccurrencesCsv(source, *occurrences);
          case DG_FORMAT_ICS:
            return dutygraph::ScheduleIcs(source, *occurrences, dues);
          default:
            return "{\"occurrences\":" +
                   dutygraph::OccurrencesJson(source, *occurrences) +
                   ",\"deadlines\":" + dutygraph::TaskDuesJson(source, dues) +
                   "}";
        }
      },
      call);
}

// dg_plan_tasks_due / dg_view_tasks_due (`to` set) and dg_plan_tasks_overdue
// / dg_view_tasks_overdue (`to` unset: overdue as of `from`) after their
// handle checks.
template <typename Source>
dg_status DuesText(char** out, size_t* size_out, const Source& source,
                   const Calendar& cal, dg_date from,
                   std::optional<dg_date> to, const dg_schedule_options* opts,
                   const ApiCall& call) {
  Date first, last;
  if (to) {
    if (dg_status s = CheckRange(&first, &last, from, *to, call); s != DG_OK) {
      return s;
    }
  } else if (dg_status s = call.CheckDate(&first, from, "on"); s != DG_OK) {
    return s;
  }
  ScheduleOptions options;
  if (dg_status s = ReadOptions(opts, PlanOf(source), &options, call);
      s != DG_OK) {
    return s;
  }
  if (dg_status s = CheckTaskOptions(options, call); s != DG_OK) return s;
  return ReturnText(
      out, size_out,
      [&]() -> absl::StatusOr<std::string> {
        DeadlineOptions deadline_options;
        deadline_options.reminder_working_days = options.reminder_working_days;
        absl::StatusOr<std::vector<TaskDue>> dues =
            to ? dutygraph::TasksDueBetween(source, cal, options.unit, first,
                                            last, deadline_options)
               : dutygraph::TasksOverdueAsOf(source, cal, options.unit, first,
                                             deadline_options);
        if (!dues.ok()) return dues.status();
        return RenderDues(source, *dues, options.format);
      },
      call);
}

// dg_plan_critical_path / dg_view_critical_path after their handle checks.
template <typename Source>
dg_status CriticalPathText(char** out, size_t* size_out, const Source& source,
                           const Calendar& cal, dg_date start,
                           const int32_t* durations, size_t durations_count,
                           const ApiCall& call) {
  Date first;
  if (dg_status s = call.CheckDate(&first, start, "start"); s != DG_OK) {
    return s;
  }
  if (durations == nullptr && durations_count > 0) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {"durations is NULL but durations_count is ",
                      ToString(static_cast<int64_t>(durations_count))});
  }
  const std::span<const int32_t> days(durations, durations_count);
  return ReturnText(
      out, size_out,
      [&]() -> absl::StatusOr<std::string> {
        auto answer = dutygraph::ComputeCriticalPath(source, days, cal, first);
        if (!answer.ok()) return answer.status();
        return dutygraph::CriticalPathJson(source, *answer);
      },
      call);
}

}  // namespace

dg_status dg_plan_schedule(char** out, size_t* size_out, const dg_plan* plan,
                           const dg_calendar* cal, dg_date from, dg_date to,
                           const dg_schedule_options* opts) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginSchedule(out, size_out, plan, "plan", cal, call);
        s != DG_OK) {
      return s;
    }
    return ScheduleText(out, size_out, plan->plan, cal->calendar, from, to,
                        opts, "dg_plan_tasks_due", call);
  });
}

dg_status dg_plan_tasks_due(char** out, size_t* size_out, const dg_plan* plan,
                            const dg_calendar* cal, dg_date from, dg_date to,
                            const dg_schedule_options* opts) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginSchedule(out, size_out, plan, "plan", cal, call);
        s != DG_OK) {
      return s;
    }
    return DuesText(out, size_out, plan->plan, cal->calendar, from, to, opts,
                    call);
  });
}

dg_status dg_plan_tasks_overdue(char** out, size_t* size_out,
                                const dg_plan* plan, const dg_calendar* cal,
                                dg_date on,
                                const dg_schedule_options* opts) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginSchedule(out, size_out, plan, "plan", cal, call);
        s != DG_OK) {
      return s;
    }
    return DuesText(out, size_out, plan->plan, cal->calendar, on, std::nullopt,
                    opts, call);
  });
}

dg_status dg_plan_critical_path(char** out, size_t* size_out,
                                const dg_plan* plan, const dg_calendar* cal,
                                dg_date start, const int32_t* durations,
                                size_t durations_count) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginSchedule(out, size_out, plan, "plan", cal, call);
        s != DG_OK) {
      return s;
    }
    return CriticalPathText(out, size_out, plan->plan, cal->calendar, start,
                            durations, durations_count, call);
  });
}

dg_status dg_resolve_deadline_text(char** out, size_t* size_out,
                                   const char* text, size_t text_len,
                                   int32_t plan_year) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out);
    if (out == nullptr) return call.NullArgument("out");
    std::string_view checked;
    if (dg_status s = call.CheckText(&checked, text, text_len, "text");
        s != DG_OK) {
      return s;
    }
    return ReturnText(
        out, size_out,
        [&]() -> absl::StatusOr<std::string> {
          absl::StatusOr<dutygraph::DeadlineData> deadline =
              dutygraph::ResolveDeadlineText(checked, plan_year);
          if (!deadline.ok()) return deadline.status();
          return DeadlineJson(*deadline);
        },
        call);
  });
}

dg_status dg_plan_due_date_changes(char** out, size_t* size_out,
                                   const dg_plan* plan,
                                   const dg_calendar* before,
                                   const dg_calendar* after, dg_date from,
                                   dg_date to) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    if (dg_status s = CheckHandle(call, before, "before"); s != DG_OK) return s;
    if (dg_status s = CheckHandle(call, after, "after"); s != DG_OK) return s;
    Date first, last;
    if (dg_status s = CheckRange(&first, &last, from, to, call); s != DG_OK) {
      return s;
    }
    return ReturnText(
        out, size_out,
        [&]() -> absl::StatusOr<std::string> {
          absl::StatusOr<std::vector<dutygraph::DueDateChange>> changes =
              dutygraph::DueDateChanges(plan->plan, before->calendar,
                                        after->calendar, first, last);
          if (!changes.ok()) return changes.status();
          return DueDateChangesJson(plan->plan, first, last, *changes);
        },
        call);
  });
}

// ---- through a view (dutygraph/view_schedule.h) ----------------------------

dg_status dg_view_schedule(char** out, size_t* size_out, const dg_view* view,
                           const dg_calendar* cal, dg_date from, dg_date to,
                           const dg_schedule_options* opts) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginSchedule(out, size_out, view, "view", cal, call);
        s != DG_OK) {
      return s;
    }
    return ScheduleText(out, size_out, view->view, cal->calendar, from, to,
                        opts, "dg_view_tasks_due", call);
  });
}

dg_status dg_view_tasks_due(char** out, size_t* size_out, const dg_view* view,
                            const dg_calendar* cal, dg_date from, dg_date to,
                            const dg_schedule_options* opts) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginSchedule(out, size_out, view, "view", cal, call);
        s != DG_OK) {
      return s;
    }
    return DuesText(out, size_out, view->view, cal->calendar, from, to, opts,
                    call);
  });
}

dg_status dg_view_tasks_overdue(char** out, size_t* size_out,
                                const dg_view* view, const dg_calendar* cal,
                                dg_date on,
                                const dg_schedule_options* opts) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginSchedule(out, size_out, view, "view", cal, call);
        s != DG_OK) {
      return s;
    }
    return DuesText(out, size_out, view->view, cal->calendar, on, std::nullopt,
                    opts, call);
  });
}

dg_status dg_view_critical_path(char** out, size_t* size_out,
                                const dg_view* view, const dg_calendar* cal,
                                dg_date start, const int32_t* durations,
                                size_t durations_count) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginSchedule(out, size_out, view, "view", cal, call);
        s != DG_OK) {
      return s;
    }
    return CriticalPathText(out, size_out, view->view, cal->calendar, start,
                            durations, durations_count, call);
  });
}
