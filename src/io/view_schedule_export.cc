// io/view_schedule_export.cc — schedule renderings through a scoped view
// (include/dutygraph/view_schedule.h).
//
// The renderers are schedule_export.cc's; what reaches them is first cut
// down to what the view sees, so a caller handing in a whole plan's answer
// still gets the department's part only. The view's critical-path JSON is
// in schedule_export.cc beside the plan's, with which it shares its fields.

#include <string>
#include <vector>

#include "dutygraph/plan.h"
#include "dutygraph/plan_view.h"
#include "dutygraph/schedule_export.h"
#include "dutygraph/view_schedule.h"

namespace dutygraph {
namespace {

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

}  // namespace dutygraph
