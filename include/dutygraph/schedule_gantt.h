// dutygraph/schedule_gantt.h — a schedule picture: a Gantt-style SVG of a
// plan's tasks, due dates, critical path and cadences over a date range.
//
// ScheduleGanttSvg() draws one row per task, then one row per cadence,
// against a day axis from `from` to `to` (inclusive) with month labels and
// the calendar's non-working days shaded (so a make-up working Sunday shows
// as a working day):
//
//   task with a duration     a bar from its earliest start to its earliest
//   or a dependency          finish date (critical_path.h, from
//                            `project_start`), red when critical, blue
//                            otherwise, a grey line over its float; a
//                            0-day task in a dependency is a diamond
//   task with due dates      a diamond at each due date in the range
//                            (TasksDueBetween), a small tick at each
//                            reminder; without a duration, a light bar
//                            from the project start to its first due date
//   dependency               a line from the end of one scheduled task to
//                            the start of the next, red along a critical
//                            path (CriticalPathAnswer::critical_paths)
//   cadence                  a mark at each distinct due date of its
//                            occurrences in the range (CadenceOccurrences)
//
// Tasks come in plan order: those with a due date in the range, and those
// the critical path schedules (a duration or a dependency) whose bar meets
// the range. With `unit`, only tasks where the unit has a role (as of each
// due date; for scheduled tasks as of `from`) and cadence occurrences it
// owns. Bars and float lines are clipped to the range.
//
// The SVG is standalone (no scripts, no external references), well-formed
// XML and deterministic: the same inputs give the same bytes. Elements carry
// classes and data attributes for tools and tests: <g class="task"
// data-task="ID">, <rect class="bar critical" data-start data-end>,
// <path class="due" data-date>, <path class="link critical" data-from
// data-to>, <g class="cadence" data-cadence="ID"> with
// <line class="mark" data-date>, <rect class="off" data-date> for each
// non-working day. Day d's column starts at x = left + (d - from) * day
// width, both attributes of the root <svg> (data-left, data-day-width).
//
// Thread safety: a pure function of immutable inputs.
//
// Example:
//   auto svg = dutygraph::ScheduleGanttSvg(
//       *plan, dutygraph::Calendar::ChinaMainland(),
//       *dutygraph::Date::Parse("2023-03-01"),
//       *dutygraph::Date::Parse("2023-12-31"));
#ifndef DUTYGRAPH_SCHEDULE_GANTT_H_
#define DUTYGRAPH_SCHEDULE_GANTT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "dutygraph/plan.h"
#include "dutygraph/schedule.h"

namespace dutygraph {

// The longest range ScheduleGanttSvg() draws, in days (about three years).
inline constexpr int32_t kMaxGanttDays = 1100;

struct GanttOptions {
  // Only this unit's tasks and cadence occurrences.
  std::optional<UnitIndex> unit;
  // Working day 0 of the critical path and the start of deadline bars;
  // nullopt: the plan's issue date, else `from`.
  std::optional<Date> project_start;
  // Events of relative deadlines and the reminder distance.
  DeadlineOptions deadlines;
  // Draw the cadence rows; `cadences` limits them to these ids (empty: all).
  bool show_cadences = true;
  std::vector<std::string> cadences;
  // More rows than this is RESOURCE_EXHAUSTED; >= 1.
  int32_t max_rows = 200;
  // The title above the chart; empty: the plan's title and the range.
  std::string title;
};

// ScheduleGanttSvg()
//
// The picture described above. Errors: INVALID_ARGUMENT for from > to, a
// range longer than kMaxGanttDays, a unit index out of range or max_rows <
// 1; NOT_FOUND for an unknown cadence id; RESOURCE_EXHAUSTED, with the
// count, for more rows than max_rows; the errors of TasksDueBetween(),
// CadenceOccurrences() and ComputeCriticalPath() (a strict calendar refuses
// a year without a holiday notice, naming it).
absl::StatusOr<std::string> ScheduleGanttSvg(const Plan& plan,
                                             const Calendar& calendar,
                                             Date from, Date to,
                                             const GanttOptions& options = {});

}  // namespace dutygraph

#endif  // DUTYGRAPH_SCHEDULE_GANTT_H_
