// schedule/view_schedule.cc — schedules through a scoped view
// (include/dutygraph/view_schedule.h; the rules: docs/scoped-views.md).
//
// Every answer is the plan's own, computed only over what the view shows:
// hidden tasks and cadences are left out *before* computing, so neither an
// answer nor an error message can carry one. The critical path runs on a
// network of the visible tasks alone (see the header for why).

#include "dutygraph/view_schedule.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "dutygraph/critical_path.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_view.h"
#include "dutygraph/schedule.h"
#include "schedule/schedule_internal.h"
#include "util/status_macros.h"
#include "util/suggest.h"

namespace dutygraph {
namespace {

// The last representable day: the end of a unit's line of successors.
Date EndOfTime() { return *Date::FromYmd(2149, 12, 31); }

bool IsViewerUnit(const PlanView& view, UnitIndex unit) {
  const std::vector<UnitIndex>& mine = view.units();
  return std::find(mine.begin(), mine.end(), unit) != mine.end();
}

// Does the viewer act as `unit` for something due on `due`? `unit` as of
// the view's date is one of the viewer's units, or one of the viewer's
// units has become `unit` by `due` (a renamed unit's later rows stay its
// own, as OccurrenceFilter::unit matches them).
bool ActsAs(const PlanView& view, UnitIndex unit, Date due) {
  const Plan& plan = view.plan();
  absl::StatusOr<UnitIndex> then = plan.ResolveUnit(unit, view.on());
  if (then.ok() && IsViewerUnit(view, *then)) return true;
  for (UnitIndex mine : view.units()) {
    absl::StatusOr<UnitIndex> later = plan.ResolveUnit(mine, due);
    if (later.ok() && *later == unit) return true;
  }
  return false;
}

std::optional<TaskIndex> VisibleTask(const PlanView& view,
                                     const std::string& id) {
  absl::StatusOr<TaskIndex> task = view.plan().FindTask(id);
  if (!task.ok() || !view.Sees(*task)) return std::nullopt;
  return *task;
}

// Can the view have any row of `cadence`? (The per-row test is
// ScopedOccurrence; this one only decides which cadences are computed and
// which ids the view knows.)
bool MaySee(const PlanView& view, const CadenceData& cadence) {
  const Plan& plan = view.plan();
  for (const std::string& g : cadence.owner_groups) {
    absl::StatusOr<GroupIndex> group = plan.FindGroup(g);
    if (group.ok() && view.SeesGroup(*group)) return true;
  }
  for (const std::string& t : cadence.owner_tasks) {
    if (VisibleTask(view, t)) return true;
  }
  std::vector<std::string_view> units;
  if (cadence.owner_role == "unit" && !cadence.owner_unit.empty()) {
    units.push_back(cadence.owner_unit);
  }
  if (cadence.owner_role == "unit_set_members" &&
      !cadence.owner_unit_set.empty()) {
    absl::StatusOr<UnitSetIndex> set = plan.FindUnitSet(cadence.owner_unit_set);
    if (set.ok()) {
      for (const std::string& m : plan.unit_set(*set).members) {
        units.push_back(m);
      }
    }
  }
  for (std::string_view id : units) {
    absl::StatusOr<UnitIndex> unit = plan.FindUnit(id);
    if (!unit.ok()) continue;
    // As of the view's date, or through the lines of successors.
    if (ActsAs(view, *unit, view.on())) return true;
    absl::StatusOr<UnitIndex> last = plan.ResolveUnit(*unit, EndOfTime());
    if (last.ok() && ActsAs(view, *last, EndOfTime())) return true;
  }
  return false;
}

absl::Status Hidden(const PlanView& view, TaskIndex task) {
  // The view's own words for a node it does not show (plan_view.h).
  absl::StatusOr<const TaskData*> record = view.Task(task);
  return record.ok() ? absl::OkStatus() : record.status();
}

absl::Status CheckUnit(const Plan& plan, std::optional<UnitIndex> unit) {
  if (unit && unit->value >= plan.data().units.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("unit index ", unit->value, " is out of range"));
  }
  return absl::OkStatus();
}

}  // namespace

// ---- due dates --------------------------------------------------------------

absl::StatusOr<std::vector<TaskDue>> TaskDueDates(
    const PlanView& view, const Calendar& calendar, TaskIndex task, Date from,
    Date to, const DeadlineOptions& options) {
  DG_RETURN_IF_ERROR(Hidden(view, task));
  return TaskDueDates(view.plan(), calendar, task, from, to, options);
}

absl::StatusOr<std::vector<TaskDue>> TasksDueBetween(
    const PlanView& view, const Calendar& calendar,
    std::optional<UnitIndex> unit, Date from, Date to,
    const DeadlineOptions& options) {
  return internal::TasksDueAmong(
      view.plan(), calendar, unit, from, to, options,
      [&view](TaskIndex task) { return view.Sees(task); });
}

absl::StatusOr<std::vector<TaskDue>> TasksOverdueAsOf(
    const PlanView& view, const Calendar& calendar,
    std::optional<UnitIndex> unit, Date on, const DeadlineOptions& options) {
  return internal::TasksOverdueAmong(
      view.plan(), calendar, unit, on, options,
      [&view](TaskIndex task) { return view.Sees(task); });
}

// ---- cadences ---------------------------------------------------------------

std::optional<Occurrence> ScopedOccurrence(const PlanView& view,
                                           const OccurrenceView& occurrence) {
  const Plan& plan = view.plan();
  if (occurrence.cadence >= plan.data().cadences.size()) return std::nullopt;
  const CadenceData& cadence = plan.data().cadences[occurrence.cadence];
  if (occurrence.group) {
    if (!view.SeesGroup(*occurrence.group)) return std::nullopt;
    return occurrence.ToOccurrence();
  }
  if (occurrence.member) {
    if (!ActsAs(view, *occurrence.member, occurrence.due)) return std::nullopt;
    return occurrence.ToOccurrence();
  }
  if (cadence.owner_role == "task_leads") {
    std::vector<TaskIndex> visible;
    for (const std::string& id : cadence.owner_tasks) {
      if (std::optional<TaskIndex> t = VisibleTask(view, id)) {
        visible.push_back(*t);
      }
    }
    if (visible.empty()) return std::nullopt;
    Occurrence scoped = occurrence.ToOccurrence();
    if (visible.size() == cadence.owner_tasks.size()) return scoped;
    // Only the leads of the visible owner tasks, as of the due date: the
    // others would say who leads a task the view does not show.
    scoped.owner_units.clear();
    Accountability who;
    for (TaskIndex t : visible) {
      if (!plan.AccountabilityOf(t, scoped.due, &who).ok()) continue;
      for (const AccountableUnit& u : who.units) {
        if (u.role != Role::kLead) continue;
        absl::StatusOr<UnitIndex> now = plan.ResolveUnit(u.unit, scoped.due);
        if (now.ok() && std::find(scoped.owner_units.begin(),
                                  scoped.owner_units.end(),
                                  *now) == scoped.owner_units.end()) {
          scoped.owner_units.push_back(*now);
        }
      }
    }
    std::sort(scoped.owner_units.begin(), scoped.owner_units.end());
    return scoped;
  }
  for (UnitIndex owner : occurrence.owner_units) {
    if (ActsAs(view, owner, occurrence.due)) return occurrence.ToOccurrence();
  }
  return std::nullopt;
}

absl::StatusOr<std::vector<Occurrence>> CadenceOccurrences(
    const PlanView& view, const Calendar& calendar, Date from, Date to,
    const OccurrenceFilter& filter) {
  const Plan& plan = view.plan();
  if (from > to) {
    return absl::InvalidArgumentError(
        absl::StrCat("from ", from.ToString(), " is after to ", to.ToString()));
  }
  DG_RETURN_IF_ERROR(CheckUnit(plan, filter.unit));
  std::vector<std::string_view> known;  // the view's cadence ids
  for (const CadenceData& c : plan.data().cadences) {
    if (MaySee(view, c)) known.push_back(c.id);
  }
  OccurrenceFilter scoped = filter;
  if (filter.cadences.empty()) {
    if (known.empty()) return std::vector<Occurrence>();
    scoped.cadences.assign(known.begin(), known.end());
  }
  for (const std::string& id : filter.cadences) {
    if (std::find(known.begin(), known.end(), id) != known.end()) continue;
    // As the view's FindTask: suggestions among what the view has only.
    std::string message = absl::StrCat("unknown cadence '", id, "'");
    std::vector<std::string_view> sorted = known;
    std::sort(sorted.begin(), sorted.end());
    if (std::optional<std::string> close =
            internal::ClosestMatch(id, sorted)) {
      absl::StrAppend(&message, "; did you mean '", *close, "'?");
    }
    return absl::NotFoundError(message);
  }
  DG_ASSIGN_OR_RETURN(OccurrenceTable table,
                      CadenceOccurrenceTable(plan, calendar, from, to, scoped));
  std::vector<Occurrence> out;
  for (const OccurrenceView row : table) {
    std::optional<Occurrence> seen = ScopedOccurrence(view, row);
    if (!seen) continue;
    if (filter.unit && !row.group && !row.member) {
      // Narrowed task_leads owners: the unit must still be among them.
      absl::StatusOr<UnitIndex> now = plan.ResolveUnit(*filter.unit, seen->due);
      if (!now.ok() ||
          std::find(seen->owner_units.begin(), seen->owner_units.end(),
                    *now) == seen->owner_units.end()) {
        continue;
      }
    }
    out.push_back(*std::move(seen));
  }
  return out;
}

// ---- critical path ----------------------------------------------------------

absl::StatusOr<ViewCriticalPathAnswer> ComputeCriticalPath(
    const PlanView& view, std::span<const int32_t> durations,
    const Calendar& calendar, Date project_start,
    const CriticalPathOptions& options) {
  const Plan& plan = view.plan();
  const PlanData& d = plan.data();
  // The network of the visible tasks: position i is view.tasks()[i].
  std::vector<std::string> ids;
  std::vector<int32_t> days;
  std::vector<int32_t> position(d.tasks.size(), -1);
  for (const ViewedTask& t : view.tasks()) {
    const uint32_t i = t.task.value;
    const int32_t given =
        i < durations.size() ? durations[i] : d.tasks[i].duration_working_days;
    if (given < 0 || given > kMaxWorkingDays) {
      return absl::InvalidArgumentError(absl::StrCat(
          "durations[", i, "] (task '", d.tasks[i].id, "') is ", given,
          "; it must be in 0..", kMaxWorkingDays));
    }
    position[i] = static_cast<int32_t>(ids.size());
    ids.push_back(d.tasks[i].id);
    days.push_back(given);
  }
  ViewCriticalPathAnswer out;
  out.tasks.reserve(ids.size());
  for (const ViewedTask& t : view.tasks()) out.tasks.push_back({t.task, {}});
  std::vector<DependencyData> followed;
  for (const DependencyData& dep : d.dependencies) {
    absl::StatusOr<TaskIndex> from = plan.FindTask(dep.from);
    absl::StatusOr<TaskIndex> to = plan.FindTask(dep.to);
    if (!from.ok() || !to.ok()) continue;  // Plan::Build rejects these
    const int32_t a = position[from->value], b = position[to->value];
    if (a >= 0 && b >= 0) {
      followed.push_back(dep);
    } else if (a >= 0) {
      out.tasks[a].successor_outside_view = true;
    } else if (b >= 0) {
      out.tasks[b].predecessor_outside_view = true;
    }
  }
  DG_ASSIGN_OR_RETURN(DependencyNetwork network,
                      DependencyNetwork::FromDependencies(ids, followed));
  CriticalPathAnswer answer;
  DG_RETURN_IF_ERROR(
      network.Compute(days, calendar, project_start, options, &answer));
  auto to_plan = [&out](const std::vector<TaskIndex>& local) {
    std::vector<TaskIndex> mapped;
    mapped.reserve(local.size());
    for (TaskIndex t : local) mapped.push_back(out.tasks[t.value].task);
    return mapped;
  };
  for (size_t i = 0; i < out.tasks.size(); ++i) {
    out.tasks[i].times = answer.tasks[i];
  }
  out.critical_tasks = to_plan(answer.critical_tasks);
  for (const std::vector<TaskIndex>& path : answer.critical_paths) {
    out.critical_paths.push_back(to_plan(path));
  }
  out.critical_paths_truncated = answer.critical_paths_truncated;
  out.project_start_date = answer.project_start_date;
  out.project_duration = answer.project_duration;
  out.project_finish_date = answer.project_finish_date;
  out.project_latest_finish = answer.project_latest_finish;
  out.project_float = answer.project_float;
  out.provisional = answer.provisional;
  return out;
}

}  // namespace dutygraph
