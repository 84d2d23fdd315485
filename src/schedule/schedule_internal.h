// schedule/schedule_internal.h — helpers shared by cadences.cc and
// deadlines.cc. Not part of the API.
#ifndef DUTYGRAPH_SRC_SCHEDULE_SCHEDULE_INTERNAL_H_
#define DUTYGRAPH_SRC_SCHEDULE_SCHEDULE_INTERNAL_H_

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "dutygraph/calendar.h"
#include "dutygraph/period.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_data.h"
#include "dutygraph/schedule.h"
#include "util/strings.h"

namespace dutygraph::internal {

// `status` with `context` in front of its message, same code.
inline absl::Status WithContext(const absl::Status& status,
                                std::string_view context) {
  return absl::Status(status.code(),
                      absl::StrCat(AsAbsl(context), ": ", status.message()));
}

// Calls `visit` for each period of `cadence`'s kind whose due date (by its
// rule, on `calendar`) lies in [from, to], in order; stops at the first
// error, which it returns (calendar errors prefixed with the period label).
absl::Status ForEachDuePeriod(
    const CadenceData& cadence, const Calendar& calendar, Date from, Date to,
    const std::function<absl::Status(const Period&, CalendarResult<Date>)>&
        visit);

// Which tasks a deadline listing covers; empty: every task.
using TaskFilter = std::function<bool(TaskIndex)>;

// TasksDueBetween() and TasksOverdueAsOf() over the tasks `include` accepts
// (a scoped view's visible ones, view_schedule.cc). The other tasks are
// skipped before anything is computed for them, so no error names one.
absl::StatusOr<std::vector<TaskDue>> TasksDueAmong(
    const Plan& plan, const Calendar& calendar, std::optional<UnitIndex> unit,
    Date from, Date to, const DeadlineOptions& options,
    const TaskFilter& include);
absl::StatusOr<std::vector<TaskDue>> TasksOverdueAmong(
    const Plan& plan, const Calendar& calendar, std::optional<UnitIndex> unit,
    Date on, const DeadlineOptions& options, const TaskFilter& include);

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_SCHEDULE_SCHEDULE_INTERNAL_H_
