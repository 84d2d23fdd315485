// dutygraph/view_schedule.h — schedules through a scoped view: a
// department's own due dates, overdue items, cadence occurrences, exports
// and critical path, without the rest of the plan.
//
// Each function is the schedule.h / critical_path.h / schedule_export.h
// function of the same name taking a PlanView (plan_view.h) in place of the
// Plan, and answers only about what the view shows (docs/scoped-views.md,
// "Schedules"):
//
//  - Task due dates: the visible tasks' only. A task outside the view is
//    NOT_FOUND with the view's own words ("task index 7 is not in this
//    view"). Hidden tasks are skipped before anything is computed for them,
//    so no error (a relative deadline without its event date, a year without
//    a holiday notice) can name one. `unit` filters further, as in
//    TasksDueBetween().
//
//  - Cadence occurrences, by the rule the view uses for groups (a view sees
//    the groups its viewer belongs to), judged as of the view's date:
//      group_lead, group_office   the rows of groups the view sees
//      unit, unit_set_members     the rows owned by a unit the viewer acts
//                                 as (PlanView::units(); matched as of the
//                                 view's date or as of the due date, so a
//                                 renamed unit's rows stay its own)
//      task_leads                 every row when one of the cadence's owner
//                                 tasks is visible; its owners are the lead
//                                 units of the *visible* owner tasks only
//    Being a cadence's recipient is not a reason to see it (the recipients
//    of the city's briefings would otherwise see every group's). A cadence
//    id the view has no row of is unknown: NOT_FOUND "unknown cadence 'x'",
//    with a did-you-mean among the view's cadences only.
//
//  - The exports render only what the view sees: they drop any task due or
//    occurrence outside it, so handing them a whole plan's answer leaks
//    nothing either.
//
//  - The Gantt picture (schedule_gantt.h) draws the view's due dates,
//    occurrences and critical path as above: rows, bars and links of
//    visible tasks only.
//
//  - The critical path is computed on the visible tasks alone, with the
//    dependencies between two visible tasks. A dependency with a hidden end
//    is not followed: following it would put the hidden task's duration and
//    position into the visible tasks' dates (a visible task starting on day
//    30 says a hidden chain of 30 working days precedes it), and a hidden
//    task's times or id on a critical path are exactly what the view must
//    not show. Instead, each visible task carries two flags saying that the
//    chain continues outside the view (`predecessor_outside_view`,
//    `successor_outside_view`) without naming anything there: its dates
//    hold for the visible work alone, and the flag tells the department to
//    ask whoever holds the whole plan before relying on them. A chain
//    a -> hidden -> b gives a a successor flag and b a predecessor flag, and
//    no order between a and b. The project figures (duration, finish date,
//    float) are those of the visible tasks.
//
// Errors otherwise as the plan functions. Thread safety: pure functions of
// immutable inputs; any number of threads may call them on one view.
//
// Example (tests/data/small_plan.json, where t_hidden_debt -> t_warning and
// 市金融办 sees t_warning only):
//   auto day = *dutygraph::Date::Parse("2023-06-01");
//   auto view = dutygraph::PlanView::ForUnit(plan, *plan.FindUnit("市金融办"),
//                                            day);
//   auto start = *dutygraph::Date::Parse("2023-09-28");
//   auto cp = dutygraph::ComputeCriticalPath(*view, {}, calendar, start);
//   // cp->tasks: one entry, t_warning, predecessor_outside_view == true.
#ifndef DUTYGRAPH_VIEW_SCHEDULE_H_
#define DUTYGRAPH_VIEW_SCHEDULE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "dutygraph/calendar.h"
#include "dutygraph/critical_path.h"
#include "dutygraph/date.h"
#include "dutygraph/plan_view.h"
#include "dutygraph/schedule.h"
#include "dutygraph/schedule_export.h"
#include "dutygraph/schedule_gantt.h"

namespace dutygraph {

// ---- due dates --------------------------------------------------------------

// TaskDueDates(): NOT_FOUND for a task outside the view.
absl::StatusOr<std::vector<TaskDue>> TaskDueDates(
    const PlanView& view, const Calendar& calendar, TaskIndex task, Date from,
    Date to, const DeadlineOptions& options = {});

// TasksDueBetween() / TasksOverdueAsOf() over the visible tasks.
absl::StatusOr<std::vector<TaskDue>> TasksDueBetween(
    const PlanView& view, const Calendar& calendar,
    std::optional<UnitIndex> unit, Date from, Date to,
    const DeadlineOptions& options = {});
absl::StatusOr<std::vector<TaskDue>> TasksOverdueAsOf(
    const PlanView& view, const Calendar& calendar,
    std::optional<UnitIndex> unit, Date on,
    const DeadlineOptions& options = {});

// ---- cadences ---------------------------------------------------------------

// CadenceOccurrences(): the rows the view sees (rule above), in the plan's
// order. `filter.cadences` names cadences the view has rows of (NOT_FOUND
// otherwise); `filter.unit` filters further.
absl::StatusOr<std::vector<Occurrence>> CadenceOccurrences(
    const PlanView& view, const Calendar& calendar, Date from, Date to,
    const OccurrenceFilter& filter = {});

// ScopedOccurrence(): `occurrence` as the view shows it (task_leads owners
// narrowed to the visible owner tasks' leads), or nullopt when the view does
// not see it. The exports below pass every occurrence through it.
std::optional<Occurrence> ScopedOccurrence(const PlanView& view,
                                           const OccurrenceView& occurrence);

// ---- critical path ----------------------------------------------------------

// One visible task's times in a view's critical path.
struct ViewTaskSchedule {
  TaskIndex task;
  TaskSchedule times;
  // A dependency the view does not follow: from a hidden task into this
  // one, or from this one into a hidden task. Nothing about that task.
  bool predecessor_outside_view = false;
  bool successor_outside_view = false;
};

struct ViewCriticalPathAnswer {
  std::vector<ViewTaskSchedule> tasks;  // the visible tasks, plan order
  // As in CriticalPathAnswer, over the visible tasks.
  std::vector<TaskIndex> critical_tasks;
  std::vector<std::vector<TaskIndex>> critical_paths;
  bool critical_paths_truncated = false;
  Date project_start_date;
  int32_t project_duration = 0;
  Date project_finish_date;
  int32_t project_latest_finish = 0;
  int32_t project_float = 0;
  bool provisional = false;
};

// ComputeCriticalPath()
//
// The critical path of the visible tasks (see above). `durations` are
// indexed by TaskIndex::value as in the plan function; visible tasks past
// their end take the plan's duration. Entries for indexes the view does not
// show (hidden, or past the plan's last task) are ignored whatever they
// hold: rejecting them would tell the caller which indexes exist.
// INVALID_ARGUMENT for a visible task's duration outside 0..kMaxWorkingDays
// ("durations[3] (task 't_warning') is -1; ..."); other errors as the plan
// function's, naming visible tasks only.
absl::StatusOr<ViewCriticalPathAnswer> ComputeCriticalPath(
    const PlanView& view, std::span<const int32_t> durations,
    const Calendar& calendar, Date project_start,
    const CriticalPathOptions& options = {});

// ---- exports ----------------------------------------------------------------

// schedule_export.h's renderings of what the view sees; anything else in
// the input is dropped (ScopedOccurrence, PlanView::Sees).
std::string OccurrencesJson(const PlanView& view,
                            const std::vector<Occurrence>& occurrences);
std::string OccurrencesCsv(const PlanView& view,
                           const std::vector<Occurrence>& occurrences);
std::string TaskDuesJson(const PlanView& view,
                         const std::vector<TaskDue>& dues);
std::string TaskDuesCsv(const PlanView& view, const std::vector<TaskDue>& dues);
std::string ScheduleIcs(const PlanView& view,
                        const std::vector<Occurrence>& occurrences,
                        const std::vector<TaskDue>& dues,
                        const IcsOptions& options = {});

// CriticalPathJson(): {"project": {...}, "critical_tasks": [ids],
// "critical_paths": [[ids]], "critical_paths_truncated", "tasks": [{"task":
// {id, path, title}, times as in the plan's, "predecessor_outside_view",
// "successor_outside_view"}]} — the visible tasks only.
std::string CriticalPathJson(const PlanView& view,
                             const ViewCriticalPathAnswer& answer);

// ---- picture ----------------------------------------------------------------

// ScheduleGanttSvg(): the picture of schedule_gantt.h from the view's
// answers above; the default title names the viewer. Errors as the plan
// function's.
absl::StatusOr<std::string> ScheduleGanttSvg(const PlanView& view,
                                             const Calendar& calendar,
                                             Date from, Date to,
                                             const GanttOptions& options = {});

}  // namespace dutygraph

#endif  // DUTYGRAPH_VIEW_SCHEDULE_H_
