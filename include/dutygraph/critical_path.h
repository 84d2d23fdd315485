// dutygraph/critical_path.h — dependency scheduling: the critical path method
// over a plan's finish-to-start dependencies, in working days on the official
// calendar.
//
// A `DependencyNetwork` is built once from a Plan (or from task ids and
// DependencyData records assembled elsewhere): it resolves the ids, rejects
// cycles, and lays the dependencies out in topological order. `Compute` then
// runs the forward and backward passes for given task durations and start
// date, as often as needed, without rebuilding anything.
//
// Conventions (all times are in working days of the calendar passed in):
//   * Offsets. Working day 0 is the project's first working day: the project
//     start date itself if it is a working day, else the next working day.
//     Working day k is the k-th working day after it (k < 0: before it).
//     Call W(k) the date of working day k.
//   * Durations are whole working days >= 0, given per task by the caller as
//     a vector indexed by TaskIndex::value. Tasks beyond the end of the
//     vector — and so every task when it is empty — are milestones of 0 days.
//     Parts and sections are tasks like any other here: give them 0.
//   * Starts are inclusive and finishes exclusive: a task of duration d with
//     earliest start s occupies working days s .. s+d-1 and has earliest
//     finish s+d. So "finishes" means "at the end of working day s+d-1".
//   * A finish-to-start dependency from A to B with lag L (DependencyData::
//     lag_working_days) means B starts no earlier than L whole working days
//     after A finishes: ES(B) >= EF(A) + L. With L = 0, B can start on the
//     working day after A's last day.
//   * Project duration = max EF over all tasks (0 for an empty plan). The
//     latest times are computed back from the project's latest finish: the
//     project duration, or, if a deadline date D is given, the number of
//     working days from working day 0 to D inclusive (so the project must be
//     over by the end of D; a non-working D means the working day before it).
//   * Total float = LS - ES = LF - EF. The project float is (latest finish -
//     duration): 0 without a deadline, negative when the deadline cannot be
//     met. A task is critical when its float equals the project float — the
//     tasks on a longest path. Without a deadline every float is >= 0 and the
//     critical tasks are those with float 0.
//   * Dates. A task of duration d >= 1 with start offset s and finish offset
//     f starts on W(s) and finishes on W(f - 1) (the last day it occupies).
//     A milestone (d = 0) at offset k is a point in time: it is dated
//     W(k - 1), the working day at whose end it falls, or W(k) when k <= 0
//     (a milestone at the project's start is dated on its first day). Its
//     start and finish dates are equal.
//     Example: project start 2023-09-28 (Thursday, working); a 2-day task at
//     offset 0 occupies 2023-09-28 and 2023-10-07 (09-29..10-06 are the
//     中秋节、国庆节 holiday, 10-07 a make-up working Saturday), so its finish
//     date is 2023-10-07.
//
// Errors:
//   * INVALID_ARGUMENT for bad input, naming the task or the record: a
//     negative or too large duration ("durations[7] (task 't7') is -1"), more
//     durations than tasks, an unknown task id in a dependency, a dependency
//     type other than "finish_to_start", a lag outside 0..kMaxWorkingDays, a
//     duplicate task id — and a dependency cycle, whose message names the
//     tasks in order: "dependencies form a cycle: a -> b -> c -> a".
//     (Plan::Build already rejects cycles; FromDependencies checks again.)
//   * OUT_OF_RANGE when a finish would exceed kMaxWorkingDays working days,
//     or a date falls outside the calendar (1950..2149).
//   * FAILED_PRECONDITION from a strict calendar when a date falls in a year
//     without a published holiday notice (use CalendarMode::kProvisional to
//     schedule past the published years; the answer is then flagged).
//   On failure the answer is left unspecified.
//
// Thread safety: a DependencyNetwork is an immutable value (a shared pointer
// to const state); copies are cheap and any number of threads may call
// Compute on one concurrently, each with its own answer. A
// CriticalPathAnswer is caller-owned and reusable: passing the same one to
// repeated calls keeps its vectors' capacity, so steady-state calls do not
// allocate.
//
// Example (a plan whose tasks a, b, c, d are TaskIndex 0..3, with the diamond
// a -> {b, c} -> d, b -> d with a lag of 1 working day; durations 2, 3, 1, 1;
// start Monday 2023-06-05):
//   auto network = dutygraph::DependencyNetwork::FromPlan(plan);
//   if (!network.ok()) return network.status();
//   const std::vector<int32_t> days = {2, 3, 1, 1};
//   dutygraph::CriticalPathAnswer cp;
//   absl::Status s = network->Compute(days,
//       dutygraph::Calendar::ChinaMainland(),
//       *dutygraph::Date::Parse("2023-06-05"), {}, &cp);
//   // cp.project_duration == 7 (a: 0..2, b: 2..5, lag, d: 6..7)
//   // cp.tasks[c].total_float == 3; cp.critical_tasks == {a, b, d}
//   // cp.critical_paths == {{a, b, d}}; cp.project_finish_date == 2023-06-13
//   // (06-05..06-09 Mon-Fri, 06-12, 06-13; d occupies 06-13).
#ifndef DUTYGRAPH_CRITICAL_PATH_H_
#define DUTYGRAPH_CRITICAL_PATH_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_data.h"

namespace dutygraph {

// The largest duration, lag and finish offset, in working days (the calendar
// spans about 50,000 working days).
inline constexpr int32_t kMaxWorkingDays = 100'000;

// One task's times. Offsets are working days from working day 0 (starts
// inclusive, finishes exclusive); dates follow the conventions above.
struct TaskSchedule {
  int32_t duration = 0;
  int32_t earliest_start = 0;
  int32_t earliest_finish = 0;
  int32_t latest_start = 0;
  int32_t latest_finish = 0;
  int32_t total_float = 0;
  bool critical = false;
  Date earliest_start_date;
  Date earliest_finish_date;
  Date latest_start_date;
  Date latest_finish_date;
};

struct CriticalPathOptions {
  // The date by whose end the project must be over; nullopt: the latest
  // finish is the project duration (the float of the critical path is 0).
  std::optional<Date> deadline;
  // How many critical paths to list in CriticalPathAnswer::critical_paths
  // (there can be exponentially many); 0 lists none. Must be >= 0.
  int32_t max_critical_paths = 16;
};

struct CriticalPathAnswer {
  // Indexed by TaskIndex::value: one entry per task of the network.
  std::vector<TaskSchedule> tasks;
  // The critical tasks in a topological order: the tasks that have
  // dependencies first, in an order that respects them, then those without,
  // by index.
  std::vector<TaskIndex> critical_tasks;
  // Critical paths, each a chain of critical tasks from a task with no
  // critical predecessor to one with none after it, every link a dependency
  // with no slack. In the order a depth-first walk from the first task of
  // critical_tasks finds them; at most options.max_critical_paths.
  std::vector<std::vector<TaskIndex>> critical_paths;
  bool critical_paths_truncated = false;  // more paths exist than listed

  Date project_start_date;        // W(0)
  int32_t project_duration = 0;   // working days: max earliest finish
  Date project_finish_date;       // the last working day of the project
  int32_t project_latest_finish = 0;  // the duration, or the deadline's
  int32_t project_float = 0;      // latest finish - duration
  // Some date fell in a year without a notice (provisional calendar only).
  bool provisional = false;

 private:
  friend class DependencyNetwork;
  // Per-position buffers of the passes, kept to avoid reallocating.
  std::vector<int32_t> span_, earliest_finish_, latest_start_;
  std::vector<Date> day_of_offset_;
};

class DependencyNetwork {
 public:
  // FromPlan()
  //
  // The network of `plan`'s tasks (every task-tree node, TaskIndex order)
  // and dependencies. The plan is validated already, so this fails only for
  // a dependency whose type this version does not schedule.
  static absl::StatusOr<DependencyNetwork> FromPlan(const Plan& plan);

  // FromDependencies()
  //
  // A network built elsewhere: `task_ids[i]` is the id of TaskIndex{i};
  // `dependencies` refer to those ids. INVALID_ARGUMENT for a duplicate or
  // empty id, an unknown id ("dependencies[3].to: unknown task 'x'"), a type
  // other than "finish_to_start", a lag outside 0..kMaxWorkingDays, or a
  // cycle ("dependencies form a cycle: a -> b -> a").
  static absl::StatusOr<DependencyNetwork> FromDependencies(
      std::vector<std::string> task_ids,
      const std::vector<DependencyData>& dependencies);

  uint32_t task_count() const;
  size_t dependency_count() const;
  std::string_view task_id(TaskIndex task) const;

  // Compute()
  //
  // The critical path for `durations` (see the conventions above) from
  // `project_start` on `calendar`. Fills `out`, replacing its contents.
  // Errors: see the file comment.
  absl::Status Compute(std::span<const int32_t> durations,
                       const Calendar& calendar, Date project_start,
                       const CriticalPathOptions& options,
                       CriticalPathAnswer* out) const;

  struct Impl;

 private:
  explicit DependencyNetwork(std::shared_ptr<const Impl> impl)
      : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

// PlanDurations()
//
// Each task's TaskData::duration_working_days, by TaskIndex (0: a milestone).
std::vector<int32_t> PlanDurations(const Plan& plan);

// ComputeCriticalPath()
//
// One-shot convenience: DependencyNetwork::FromPlan(plan) then Compute().
// `durations` override the plan's own (PlanDurations) for the tasks they
// cover; tasks beyond their end take the plan's duration. Build the network
// once instead when computing repeatedly.
absl::StatusOr<CriticalPathAnswer> ComputeCriticalPath(
    const Plan& plan, std::span<const int32_t> durations,
    const Calendar& calendar, Date project_start,
    const CriticalPathOptions& options = {});

}  // namespace dutygraph

#endif  // DUTYGRAPH_CRITICAL_PATH_H_
