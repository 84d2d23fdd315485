// The critical path method over a DependencyNetwork: the passes run in
// topological position space (graph/dag.h) on the tasks that have
// dependencies; tasks without any are answered in closed form. Offsets become
// dates through one table of the working days the answer spans, so a date
// costs a lookup, not a calendar walk.
#include "dutygraph/critical_path.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "graph/dag.h"
#include "util/status_macros.h"

namespace dutygraph {

struct DependencyNetwork::Impl {
  // Exactly one of these names the tasks.
  std::optional<Plan> plan;
  std::vector<std::string> ids;

  uint32_t task_count = 0;
  size_t dependency_count = 0;
  internal::TopologicalDag dag;
  // Tasks without dependencies, by index: the tail of the topological order.
  std::vector<uint32_t> isolated;

  const std::string& Id(uint32_t task) const {
    return plan ? plan->task(TaskIndex{task}).id : ids[task];
  }
};

namespace {

using internal::WeightedEdge;

absl::Status CheckDependency(const DependencyData& dep, size_t i) {
  if (dep.type != "finish_to_start") {
    return absl::InvalidArgumentError(absl::StrCat(
        "dependencies[", i, "].type: '", dep.type,
        "' is not supported; only 'finish_to_start' is scheduled"));
  }
  if (dep.lag_working_days < 0 || dep.lag_working_days > kMaxWorkingDays) {
    return absl::InvalidArgumentError(absl::StrCat(
        "dependencies[", i, "].lag_working_days: ", dep.lag_working_days,
        " is outside 0..", kMaxWorkingDays));
  }
  return absl::OkStatus();
}

// Lays out the edges, naming the tasks of a cycle if there is one.
absl::StatusOr<std::shared_ptr<const DependencyNetwork::Impl>> Finish(
    std::shared_ptr<DependencyNetwork::Impl> impl,
    const std::vector<WeightedEdge>& edges) {
  std::vector<uint32_t> cycle;
  if (!internal::BuildTopologicalDag(impl->task_count, edges, &impl->dag,
                                     &cycle)) {
    std::vector<std::string> names;
    for (uint32_t v : cycle) names.push_back(impl->Id(v));
    names.push_back(impl->Id(cycle.front()));
    return absl::InvalidArgumentError(absl::StrCat(
        "dependencies form a cycle: ", absl::StrJoin(names, " -> ")));
  }
  for (uint32_t t = 0; t < impl->task_count; ++t) {
    if (impl->dag.position[t] < 0) impl->isolated.push_back(t);
  }
  impl->dependency_count = edges.size();
  return std::shared_ptr<const DependencyNetwork::Impl>(std::move(impl));
}

// W(k) for k in [first, first + size): the working days an answer spans.
absl::Status FillDayTable(const Calendar& calendar, Date day0, int32_t first,
                          int32_t size, std::vector<Date>* table,
                          bool* provisional) {
  table->resize(size);
  DG_ASSIGN_OR_RETURN(CalendarResult<Date> day,
                      calendar.AddWorkingDays(day0, first));
  *provisional |= day.provisional;
  (*table)[0] = day.value;
  for (int32_t k = 1; k < size; ++k) {
    DG_ASSIGN_OR_RETURN(day, calendar.NextWorkingDay(day.value));
    *provisional |= day.provisional;
    (*table)[k] = day.value;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<DependencyNetwork> DependencyNetwork::FromPlan(
    const Plan& plan) {
  auto impl = std::make_shared<Impl>();
  impl->plan = plan;
  impl->task_count = static_cast<uint32_t>(plan.data().tasks.size());
  const std::vector<DependencyData>& deps = plan.data().dependencies;
  std::vector<WeightedEdge> edges;
  edges.reserve(deps.size());
  for (size_t i = 0; i < deps.size(); ++i) {
    DG_RETURN_IF_ERROR(CheckDependency(deps[i], i));
    absl::StatusOr<TaskIndex> from = plan.FindTask(deps[i].from);
    absl::StatusOr<TaskIndex> to = plan.FindTask(deps[i].to);
    if (!from.ok() || !to.ok()) {  // Plan::Build checked; never expected
      return absl::InternalError(absl::StrCat(
          "dependencies[", i, "]: the plan does not resolve '",
          from.ok() ? deps[i].to : deps[i].from, "'"));
    }
    edges.push_back({from->value, to->value, deps[i].lag_working_days});
  }
  DG_ASSIGN_OR_RETURN(std::shared_ptr<const Impl> done,
                      Finish(std::move(impl), edges));
  return DependencyNetwork(std::move(done));
}

absl::StatusOr<DependencyNetwork> DependencyNetwork::FromDependencies(
    std::vector<std::string> task_ids,
    const std::vector<DependencyData>& dependencies) {
  if (task_ids.size() > UINT32_MAX) {
    return absl::InvalidArgumentError("task_ids: more than 2^32 - 1 tasks");
  }
  absl::flat_hash_map<std::string_view, uint32_t> index;
  index.reserve(task_ids.size());
  for (size_t i = 0; i < task_ids.size(); ++i) {
    if (task_ids[i].empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("task_ids[", i, "] is empty"));
    }
    auto [it, inserted] = index.emplace(task_ids[i], static_cast<uint32_t>(i));
    if (!inserted) {
      return absl::InvalidArgumentError(
          absl::StrCat("task_ids[", i, "]: '", task_ids[i],
                       "' is also task_ids[", it->second, "]"));
    }
  }
  std::vector<WeightedEdge> edges;
  edges.reserve(dependencies.size());
  for (size_t i = 0; i < dependencies.size(); ++i) {
    const DependencyData& dep = dependencies[i];
    DG_RETURN_IF_ERROR(CheckDependency(dep, i));
    const auto from = index.find(dep.from);
    if (from == index.end()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "dependencies[", i, "].from: unknown task '", dep.from, "'"));
    }
    const auto to = index.find(dep.to);
    if (to == index.end()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "dependencies[", i, "].to: unknown task '", dep.to, "'"));
    }
    edges.push_back({from->second, to->second, dep.lag_working_days});
  }
  auto impl = std::make_shared<Impl>();
  impl->task_count = static_cast<uint32_t>(task_ids.size());
  impl->ids = std::move(task_ids);  // `index` is not used past this point
  DG_ASSIGN_OR_RETURN(std::shared_ptr<const Impl> done,
                      Finish(std::move(impl), edges));
  return DependencyNetwork(std::move(done));
}

uint32_t DependencyNetwork::task_count() const { return impl_->task_count; }
size_t DependencyNetwork::dependency_count() const {
  return impl_->dependency_count;
}
std::string_view DependencyNetwork::task_id(TaskIndex task) const {
  return task.value < impl_->task_count ? impl_->Id(task.value)
                                        : std::string_view();
}

absl::Status DependencyNetwork::Compute(std::span<const int32_t> durations,
                                        const Calendar& calendar,
                                        Date project_start,
                                        const CriticalPathOptions& options,
                                        CriticalPathAnswer* out) const {
  const Impl& net = *impl_;
  const internal::TopologicalDag& dag = net.dag;
  const uint32_t n = net.task_count;
  const uint32_t m = dag.size();
  if (out == nullptr) return absl::InvalidArgumentError("out is null");
  if (durations.size() > n) {
    return absl::InvalidArgumentError(
        absl::StrCat("durations: ", durations.size(),
                     " values for a network of ", n, " tasks"));
  }
  if (options.max_critical_paths < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("options.max_critical_paths is ",
                     options.max_critical_paths, "; it must be >= 0"));
  }
  for (size_t t = 0; t < durations.size(); ++t) {
    if (durations[t] < 0 || durations[t] > kMaxWorkingDays) [[unlikely]] {
      return absl::InvalidArgumentError(absl::StrCat(
          "durations[", t, "] (task '", net.Id(static_cast<uint32_t>(t)),
          "') is ", durations[t], "; it must be in 0..", kMaxWorkingDays));
    }
  }
  auto duration_of = [&](uint32_t t) {
    return t < durations.size() ? durations[t] : 0;
  };

  // Forward pass.
  std::vector<int32_t>& span = out->span_;
  std::vector<int32_t>& ef = out->earliest_finish_;
  std::vector<int32_t>& ls = out->latest_start_;
  span.resize(m);
  ef.resize(m);
  ls.resize(m);
  for (uint32_t p = 0; p < m; ++p) span[p] = duration_of(dag.order[p]);
  const int64_t overflow =
      internal::EarliestFinishes(dag, span.data(), kMaxWorkingDays, ef.data());
  if (overflow >= 0) {
    return absl::OutOfRangeError(absl::StrCat(
        "task '", net.Id(dag.order[overflow]), "' would finish more than ",
        kMaxWorkingDays, " working days after the project start"));
  }
  int32_t end = 0;
  for (uint32_t p = 0; p < m; ++p) end = std::max(end, ef[p]);
  int32_t longest_isolated = 0;
  for (uint32_t t : net.isolated) {
    longest_isolated = std::max(longest_isolated, duration_of(t));
  }
  end = std::max(end, longest_isolated);

  // The latest finish, and the project's first working day.
  DG_ASSIGN_OR_RETURN(CalendarResult<Date> day0,
                      calendar.Roll(project_start, RollConvention::kFollowing));
  bool provisional = day0.provisional;
  int32_t horizon = end;
  if (options.deadline) {
    DG_ASSIGN_OR_RETURN(CalendarResult<int32_t> until,
                        calendar.WorkingDaysBetween(day0.value,
                                                    *options.deadline));
    provisional |= until.provisional;
    horizon = until.value + 1;  // working days in [day 0, deadline]
  }
  const int32_t project_float = horizon - end;
  internal::LatestStarts(dag, span.data(), horizon, ls.data());

  // The dates the answer refers to: W(min(0, every LS)) .. W(max(end,
  // horizon)) (a milestone at k > 0 is dated W(k - 1), at k <= 0 W(k)).
  int32_t first = std::min(0, horizon - longest_isolated);
  for (uint32_t p = 0; p < m; ++p) first = std::min(first, ls[p]);
  const int32_t last = std::max(end, horizon);
  std::vector<Date>& days = out->day_of_offset_;
  DG_RETURN_IF_ERROR(FillDayTable(calendar, day0.value, first,
                                  last - first + 1, &days, &provisional));
  const Date* w = days.data() - first;  // w[k] == W(k)
  auto start_date = [w](int32_t s, int32_t d) {
    return d > 0 ? w[s] : (s > 0 ? w[s - 1] : w[s]);
  };
  auto finish_date = [w](int32_t f, int32_t d) {
    return d > 0 ? w[f - 1] : (f > 0 ? w[f - 1] : w[f]);
  };
  auto fill = [&](TaskSchedule& s, int32_t d, int32_t es, int32_t ls_value) {
    s.duration = d;
    s.earliest_start = es;
    s.earliest_finish = es + d;
    s.latest_start = ls_value;
    s.latest_finish = ls_value + d;
    s.total_float = ls_value - es;
    s.critical = s.total_float == project_float;
    s.earliest_start_date = start_date(es, d);
    s.earliest_finish_date = finish_date(es + d, d);
    s.latest_start_date = start_date(ls_value, d);
    s.latest_finish_date = finish_date(ls_value + d, d);
  };

  out->tasks.resize(n);
  out->critical_tasks.clear();
  for (uint32_t p = 0; p < m; ++p) {
    TaskSchedule& s = out->tasks[dag.order[p]];
    fill(s, span[p], ef[p] - span[p], ls[p]);
    if (s.critical) out->critical_tasks.push_back(TaskIndex{dag.order[p]});
  }
  for (uint32_t t : net.isolated) {
    const int32_t d = duration_of(t);
    TaskSchedule& s = out->tasks[t];
    fill(s, d, 0, horizon - d);
    if (s.critical) out->critical_tasks.push_back(TaskIndex{t});
  }

  // Critical paths: depth-first over the critical, slack-free edges. Every
  // critical task with a successor has a critical slack-free one (its latest
  // finish comes from it), so no walk dead-ends before the project's end.
  out->critical_paths.clear();
  out->critical_paths_truncated = false;
  const size_t max_paths = static_cast<size_t>(options.max_critical_paths);
  auto es_of = [&](uint32_t p) { return ef[p] - span[p]; };
  auto is_critical = [&](uint32_t p) {
    return ls[p] - es_of(p) == project_float;
  };
  auto tight = [&](uint32_t from, uint32_t to, int32_t lag) {
    return ef[from] + lag == es_of(to) && is_critical(to);
  };
  std::vector<TaskIndex> path;
  std::vector<std::pair<uint32_t, uint32_t>> stack;  // position, next edge
  for (TaskIndex start : out->critical_tasks) {
    if (out->critical_paths_truncated) break;
    const int32_t p0 = dag.position[start.value];
    if (p0 < 0) {  // a task without dependencies is a path by itself
      if (out->critical_paths.size() == max_paths) {
        out->critical_paths_truncated = true;
      } else {
        out->critical_paths.push_back({start});
      }
      continue;
    }
    bool has_tight_predecessor = false;
    for (uint32_t k = dag.pred_offsets[p0]; k < dag.pred_offsets[p0 + 1]; ++k) {
      if (is_critical(dag.pred_source[k]) &&
          tight(dag.pred_source[k], p0, dag.pred_weight[k])) {
        has_tight_predecessor = true;
        break;
      }
    }
    if (has_tight_predecessor) continue;
    path.assign(1, start);
    stack.assign(1, {static_cast<uint32_t>(p0), dag.succ_offsets[p0]});
    while (!stack.empty()) {
      auto& [p, next] = stack.back();
      bool extended = false;
      bool leaf = true;
      for (uint32_t k = dag.succ_offsets[p]; k < dag.succ_offsets[p + 1]; ++k) {
        if (tight(p, dag.succ_target[k], dag.succ_weight[k])) {
          leaf = false;
          if (k >= next) {
            next = k + 1;
            const uint32_t q = dag.succ_target[k];
            path.push_back(TaskIndex{dag.order[q]});
            stack.push_back({q, dag.succ_offsets[q]});
            extended = true;
            break;
          }
        }
      }
      if (extended) continue;
      if (leaf) {
        if (out->critical_paths.size() == max_paths) {
          out->critical_paths_truncated = true;
          break;
        }
        out->critical_paths.push_back(path);
      }
      stack.pop_back();
      path.pop_back();
    }
  }

  out->project_start_date = day0.value;
  out->project_duration = end;
  out->project_finish_date = end > 0 ? w[end - 1] : w[0];
  out->project_latest_finish = horizon;
  out->project_float = project_float;
  out->provisional = provisional;
  return absl::OkStatus();
}

absl::StatusOr<CriticalPathAnswer> ComputeCriticalPath(
    const Plan& plan, std::span<const int32_t> durations,
    const Calendar& calendar, Date project_start,
    const CriticalPathOptions& options) {
  DG_ASSIGN_OR_RETURN(DependencyNetwork network,
                      DependencyNetwork::FromPlan(plan));
  std::vector<int32_t> days = PlanDurations(plan);
  if (durations.size() > days.size()) {
    // Too many: let Compute() report it with its usual message.
    days.assign(durations.begin(), durations.end());
  } else {
    std::copy(durations.begin(), durations.end(), days.begin());
  }
  CriticalPathAnswer answer;
  DG_RETURN_IF_ERROR(
      network.Compute(days, calendar, project_start, options, &answer));
  return answer;
}

std::vector<int32_t> PlanDurations(const Plan& plan) {
  std::vector<int32_t> days;
  days.reserve(plan.data().tasks.size());
  for (const TaskData& t : plan.data().tasks) {
    days.push_back(t.duration_working_days);
  }
  return days;
}

}  // namespace dutygraph
