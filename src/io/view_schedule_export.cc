// io/view_schedule_export.cc — schedule renderings through a scoped view
// (include/dutygraph/view_schedule.h).
//
// The renderers are schedule_export.cc's; what reaches them is first cut
// down to what the view sees, so a caller handing in a whole plan's answer
// still gets the department's part only.

#include <string>
#include <vector>

#include "dutygraph/critical_path.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_view.h"
#include "dutygraph/schedule_export.h"
#include "dutygraph/view_schedule.h"
#include "nlohmann/json.hpp"

namespace dutygraph {
namespace {

using Json = nlohmann::ordered_json;

std::vector<Occurrence> Seen(const PlanView& view,
                             const std::vector<Occurrence>& occurrences) {
  std::vector<Occurrence> seen;
  for (const Occurrence& o : occurrences) {
    if (std::optional<Occurrence> s =
            ScopedOccurrence(view, OccurrenceView::Of(o))) {
      seen.push_back(*std::move(s));
    }
  }
  return seen;
}

std::vector<TaskDue> Seen(const PlanView& view,
                          const std::vector<TaskDue>& dues) {
  std::vector<TaskDue> seen;
  for (const TaskDue& d : dues) {
    if (view.Sees(d.task)) seen.push_back(d);
  }
  return seen;
}

}  // namespace

std::string OccurrencesJson(const PlanView& view,
                            const std::vector<Occurrence>& occurrences) {
  return OccurrencesJson(view.plan(), Seen(view, occurrences));
}

std::string OccurrencesCsv(const PlanView& view,
                           const std::vector<Occurrence>& occurrences) {
  return OccurrencesCsv(view.plan(), Seen(view, occurrences));
}

std::string TaskDuesJson(const PlanView& view,
                         const std::vector<TaskDue>& dues) {
  return TaskDuesJson(view.plan(), Seen(view, dues));
}

std::string TaskDuesCsv(const PlanView& view,
                        const std::vector<TaskDue>& dues) {
  return TaskDuesCsv(view.plan(), Seen(view, dues));
}

std::string ScheduleIcs(const PlanView& view,
                        const std::vector<Occurrence>& occurrences,
                        const std::vector<TaskDue>& dues,
                        const IcsOptions& options) {
  return ScheduleIcs(view.plan(), Seen(view, occurrences), Seen(view, dues),
                     options);
}

std::string CriticalPathJson(const PlanView& view,
                             const ViewCriticalPathAnswer& answer) {
  const PlanData& d = view.plan().data();
  // Only visible tasks are named, whatever the answer holds.
  auto task_json = [&](TaskIndex t) -> Json {
    if (!view.Sees(t)) return nullptr;
    const TaskData& task = d.tasks[t.value];
    return Json{{"id", task.id}, {"path", task.path}, {"title", task.title}};
  };
  auto task_ids = [&](const std::vector<TaskIndex>& tasks) {
    Json ids = Json::array();
    for (TaskIndex t : tasks) {
      ids.push_back(view.Sees(t) ? Json(d.tasks[t.value].id) : Json(nullptr));
    }
    return ids;
  };
  Json tasks = Json::array();
  for (const ViewTaskSchedule& entry : answer.tasks) {
    if (!view.Sees(entry.task)) continue;
    const TaskSchedule& s = entry.times;
    tasks.push_back(Json{
        {"task", task_json(entry.task)},
        {"duration", s.duration},
        {"earliest_start", s.earliest_start},
        {"earliest_finish", s.earliest_finish},
        {"latest_start", s.latest_start},
        {"latest_finish", s.latest_finish},
        {"total_float", s.total_float},
        {"critical", s.critical},
        {"earliest_start_date", s.earliest_start_date.ToString()},
        {"earliest_finish_date", s.earliest_finish_date.ToString()},
        {"latest_start_date", s.latest_start_date.ToString()},
        {"latest_finish_date", s.latest_finish_date.ToString()},
        {"predecessor_outside_view", entry.predecessor_outside_view},
        {"successor_outside_view", entry.successor_outside_view}});
  }
  Json paths = Json::array();
  for (const std::vector<TaskIndex>& path : answer.critical_paths) {
    paths.push_back(task_ids(path));
  }
  Json out{{"viewer", view.viewer()},
           {"project",
            Json{{"start_date", answer.project_start_date.ToString()},
                 {"duration", answer.project_duration},
                 {"finish_date", answer.project_finish_date.ToString()},
                 {"latest_finish", answer.project_latest_finish},
                 {"float", answer.project_float},
                 {"provisional", answer.provisional}}},
           {"critical_tasks", task_ids(answer.critical_tasks)},
           {"critical_paths", std::move(paths)},
           {"critical_paths_truncated", answer.critical_paths_truncated},
           {"tasks", std::move(tasks)}};
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace dutygraph
