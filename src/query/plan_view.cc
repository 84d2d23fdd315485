// query/plan_view.cc — a plan scoped to one viewer (see plan_view.h).
//
// The visible set is computed once, when the view is made, into a flag per
// node; every query then checks its node argument against the flags and
// filters its answer through them. Queries reuse Plan's own, so a view can
// never answer differently from the plan about a node it sees.

#include "dutygraph/plan_view.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "model/plan_impl.h"
#include "nlohmann/json.hpp"
#include "util/suggest.h"

namespace dutygraph {

struct PlanView::State {
  State(Plan p, Date day) : plan(std::move(p)), on(day) {}
  Plan plan;
  Date on;
  std::string viewer;
  std::vector<uint32_t> reasons;  // per node: ViewReason bits, 0 = hidden
  std::vector<bool> group_visible;
  std::vector<ViewedTask> tasks;
  std::vector<GroupIndex> groups;
  std::vector<UnitIndex> units;  // the units the viewer acts as
};

namespace {

absl::Status Hidden(TaskIndex task) {
  // The same words for a node that is hidden and one that does not exist.
  return absl::NotFoundError(
      absl::StrFormat("task index %d is not in this view", task.value));
}

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

// The flags are built by a friend of Plan that reads its indexed state.
class PlanViewBuilder {
 public:
  PlanViewBuilder(const Plan& plan, Date on)
      : impl_(*plan.impl_), day_(on.days_since_epoch()), state_(plan, on) {
    state_.reasons.assign(impl_.data.tasks.size(), 0);
    state_.group_visible.assign(impl_.data.groups.size(), false);
  }

  // Nodes where `unit` (already resolved as of the day) has a role, own or
  // inherited from a node above; the groups it is a member of or hosts.
  void AddUnit(uint32_t unit) {
    if (std::find(state_.units.begin(), state_.units.end(), UnitIndex{unit}) ==
        state_.units.end()) {
      state_.units.push_back(UnitIndex{unit});
    }
    for (uint32_t task = 0; task < impl_.data.tasks.size(); ++task) {
      ForEachAssignedUnit(impl_, task, [&](uint32_t assigned, uint8_t,
                                           uint8_t, uint32_t, int16_t,
                                           uint32_t) {
        if (Resolve(assigned) == static_cast<int32_t>(unit)) {
          state_.reasons[task] |= kViewRole;
        }
      });
    }
    for (uint32_t g = 0; g < impl_.data.groups.size(); ++g) {
      const GroupData& group = impl_.data.groups[g];
      bool member = impl_.group_office_host[g] == static_cast<int32_t>(unit);
      for (const std::string& id : group.members) {
        const int32_t found = impl_.unit_by_id.Find(id);
        member = member || (found != kNone &&
                            Resolve(static_cast<uint32_t>(found)) ==
                                static_cast<int32_t>(unit));
      }
      if (member) state_.group_visible[g] = true;
    }
  }

  // A post: the units it heads or supervises, its group capacities, the
  // nodes its assignments name (own or inherited).
  void AddPost(uint32_t post) {
    for (uint32_t u = 0; u < impl_.data.units.size(); ++u) {
      if (impl_.unit_head[u] != static_cast<int32_t>(post) &&
          impl_.unit_supervising[u] != static_cast<int32_t>(post)) {
        continue;
      }
      const int32_t resolved = Resolve(u);
      if (resolved != kNone) AddUnit(static_cast<uint32_t>(resolved));
    }
    const std::string& post_id = impl_.data.posts[post].id;
    for (uint32_t g = 0; g < impl_.data.groups.size(); ++g) {
      const GroupData& group = impl_.data.groups[g];
      const bool convener = Contains(group.conveners, post_id);
      if (!convener && !Contains(group.deputy_conveners, post_id) &&
          !Contains(group.guiding_posts, post_id) &&
          group.office_director != post_id) {
        continue;
      }
      state_.group_visible[g] = true;
      if (convener && group.kind == "dispatch") {
        // The chief dispatcher: every node under the dispatch group.
        for (uint32_t task = 0; task < impl_.data.tasks.size(); ++task) {
          const int32_t tg = impl_.nodes[task].group;
          if (tg != kNone &&
              impl_.group_dispatch[tg] == static_cast<int32_t>(g)) {
            state_.reasons[task] |= kViewSupervision;
          }
        }
        continue;
      }
      for (const uint32_t* task = impl_.group_tasks.begin(g),
                         * end = impl_.group_tasks.end(g);
           task != end; ++task) {
        state_.reasons[*task] |= kViewSupervision;
      }
    }
    for (uint32_t task = 0; task < impl_.data.tasks.size(); ++task) {
      ForEachAssignedPost(impl_, task, [&](uint32_t assigned) {
        if (assigned == post) state_.reasons[task] |= kViewAssignedPost;
      });
    }
  }

  // Public nodes and everything below them; then the lists.
  absl::StatusOr<PlanView> Finish(std::string viewer) {
    // Parents precede children in no guaranteed order: walk up per node.
    for (uint32_t task = 0; task < impl_.data.tasks.size(); ++task) {
      for (int32_t n = static_cast<int32_t>(task); n != kNone;
           n = impl_.nodes[n].parent) {
        if (impl_.data.tasks[n].is_public) {
          state_.reasons[task] |= kViewPublic;
          break;
        }
      }
    }
    for (uint32_t task = 0; task < state_.reasons.size(); ++task) {
      if (state_.reasons[task] != 0) {
        state_.tasks.push_back(ViewedTask{TaskIndex{task}, state_.reasons[task]});
      }
    }
    for (uint32_t g = 0; g < state_.group_visible.size(); ++g) {
      if (state_.group_visible[g]) state_.groups.push_back(GroupIndex{g});
    }
    std::sort(state_.units.begin(), state_.units.end(),
              [](UnitIndex a, UnitIndex b) { return a.value < b.value; });
    state_.viewer = std::move(viewer);
    return PlanView(std::make_shared<const PlanView::State>(std::move(state_)));
  }

 private:
  // The unit carrying `unit`'s duties on the day, or kNone.
  int32_t Resolve(uint32_t unit) const {
    int32_t u = static_cast<int32_t>(unit);
    // Successor chains are acyclic (Plan::Build checks); bounded anyway.
    for (size_t steps = 0; u != kNone && steps <= impl_.data.units.size();
         ++steps) {
      if (impl_.unit_gone_day[u] > day_) return u;
      u = impl_.unit_successor[u];
    }
    return kNone;
  }

  const Plan::Impl& impl_;
  int32_t day_;
  PlanView::State state_;
};

absl::StatusOr<PlanView> PlanView::ForUnit(const Plan& plan, UnitIndex unit,
                                           Date on) {
  absl::StatusOr<UnitIndex> resolved = plan.ResolveUnit(unit, on);
  if (!resolved.ok()) return resolved.status();
  PlanViewBuilder builder(plan, on);
  builder.AddUnit(resolved->value);
  const UnitData& u = plan.unit(*resolved);
  return builder.Finish(absl::StrCat("unit ", u.id, " (", u.name, ")"));
}

absl::StatusOr<PlanView> PlanView::ForPost(const Plan& plan, PostIndex post,
                                           Date on) {
  if (post.value >= plan.data().posts.size()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("post index %d is out of range", post.value));
  }
  PlanViewBuilder builder(plan, on);
  builder.AddPost(post.value);
  const PostData& p = plan.post(post);
  return builder.Finish(absl::StrCat("post ", p.id, " (", p.title, ")"));
}

Date PlanView::on() const { return state_->on; }
const std::string& PlanView::viewer() const { return state_->viewer; }
const std::vector<ViewedTask>& PlanView::tasks() const { return state_->tasks; }
const std::vector<GroupIndex>& PlanView::groups() const {
  return state_->groups;
}
const std::vector<UnitIndex>& PlanView::units() const {
  return state_->units;
}
const Plan& PlanView::plan() const { return state_->plan; }

bool PlanView::Sees(TaskIndex task) const {
  return task.value < state_->reasons.size() &&
         state_->reasons[task.value] != 0;
}

bool PlanView::SeesGroup(GroupIndex group) const {
  return group.value < state_->group_visible.size() &&
         state_->group_visible[group.value];
}

absl::StatusOr<const TaskData*> PlanView::Task(TaskIndex task) const {
  if (!Sees(task)) return Hidden(task);
  return &state_->plan.task(task);
}

absl::StatusOr<TaskIndex> PlanView::FindTask(
    std::string_view id_or_path) const {
  std::vector<std::string_view> keys;
  for (const ViewedTask& t : state_->tasks) {
    const TaskData& data = state_->plan.task(t.task);
    if (data.id == id_or_path || data.path == id_or_path) return t.task;
    keys.push_back(data.id);
    if (!data.path.empty()) keys.push_back(data.path);
  }
  std::sort(keys.begin(), keys.end());
  std::string message = absl::StrFormat("unknown task '%s'", id_or_path);
  if (auto close = internal::ClosestMatch(id_or_path, keys)) {
    absl::StrAppend(&message, "; did you mean '", *close, "'?");
  }
  return absl::NotFoundError(message);
}

absl::Status PlanView::AccountabilityOf(TaskIndex task,
                                        Accountability* out) const {
  out->Clear();
  if (!Sees(task)) return Hidden(task);
  return state_->plan.AccountabilityOf(task, state_->on, out);
}

absl::Status PlanView::TasksOfUnit(UnitIndex unit,
                                   const std::vector<Role>& roles,
                                   std::vector<UnitTask>* out) const {
  absl::Status s = state_->plan.TasksOfUnit(unit, state_->on, roles, out);
  if (!s.ok()) {
    out->clear();
    return s;
  }
  out->erase(std::remove_if(out->begin(), out->end(),
                            [&](const UnitTask& t) { return !Sees(t.task); }),
             out->end());
  return absl::OkStatus();
}

absl::Status PlanView::TasksOfPerson(PersonIndex person, Date from, Date to,
                                     std::vector<PersonTask>* out) const {
  absl::Status s = state_->plan.TasksOfPerson(person, from, to, out);
  if (!s.ok()) {
    out->clear();
    return s;
  }
  out->erase(std::remove_if(out->begin(), out->end(),
                            [&](const PersonTask& t) { return !Sees(t.task); }),
             out->end());
  return absl::OkStatus();
}

std::vector<Workload> PlanView::Workloads() const {
  std::vector<Workload> result = state_->plan.Workloads(state_->on);
  std::vector<UnitTask> tasks;
  std::vector<Workload> visible;
  for (const Workload& all : result) {
    if (!TasksOfUnit(all.unit, {}, &tasks).ok() || tasks.empty()) continue;
    Workload w;
    w.unit = all.unit;
    uint32_t last_task = UINT32_MAX;
    for (const UnitTask& t : tasks) {
      ++w.by_role[static_cast<int>(t.role)];
      if (t.task.value != last_task) ++w.total;
      last_task = t.task.value;
    }
    visible.push_back(w);
  }
  return visible;
}

std::string PlanView::RaciCsv() const {
  return internal::RaciCsvOf(*state_->plan.impl_, state_->on,
                             &state_->reasons);
}

std::vector<Lint> PlanView::Lints() const {
  std::vector<Lint> lints = state_->plan.Lints(state_->on);
  // Only findings about a visible node: "/tasks/<index>" or below it.
  auto visible = [&](const Lint& lint) {
    constexpr std::string_view kPrefix = "/tasks/";
    std::string_view p = lint.pointer;
    if (p.substr(0, kPrefix.size()) != kPrefix) return false;
    p.remove_prefix(kPrefix.size());
    uint32_t index = 0;
    size_t digits = 0;
    while (digits < p.size() && digits < 10 && p[digits] >= '0' &&
           p[digits] <= '9') {
      index = index * 10 + static_cast<uint32_t>(p[digits] - '0');
      ++digits;
    }
    if (digits == 0 || (digits < p.size() && p[digits] != '/')) return false;
    return Sees(TaskIndex{index});
  };
  lints.erase(std::remove_if(lints.begin(), lints.end(),
                             [&](const Lint& l) { return !visible(l); }),
              lints.end());
  return lints;
}

std::string PlanViewJson(const PlanView& view) {
  using Json = nlohmann::ordered_json;
  const PlanData& data = view.plan().data();
  Json tasks = Json::array();
  for (const ViewedTask& t : view.tasks()) {
    const TaskData& task = data.tasks[t.task.value];
    Json reasons = Json::array();
    if (t.reasons & kViewRole) reasons.push_back("role");
    if (t.reasons & kViewPublic) reasons.push_back("public");
    if (t.reasons & kViewSupervision) reasons.push_back("supervision");
    if (t.reasons & kViewAssignedPost) reasons.push_back("assigned_post");
    tasks.push_back(Json{{"index", t.task.value},
                         {"id", task.id},
                         {"path", task.path},
                         {"title", task.title},
                         {"reasons", std::move(reasons)}});
  }
  Json groups = Json::array();
  for (GroupIndex g : view.groups()) {
    const GroupData& group = data.groups[g.value];
    groups.push_back(
        Json{{"index", g.value}, {"id", group.id}, {"name", group.name}});
  }
  Json out{{"viewer", view.viewer()},
           {"on", view.on().ToString()},
           {"tasks", std::move(tasks)},
           {"groups", std::move(groups)}};
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace dutygraph
