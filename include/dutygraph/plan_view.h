// dutygraph/plan_view.h — a plan as one viewer may see it.
//
// An OA system serves many departments from one plan; a department's users
// must see their own work and nothing else. A `PlanView` is the plan scoped
// to a viewer — a unit, or a post — as of a date. It sees:
//
//  - the task-tree nodes where the viewer has a role: directly, through a
//    unit set or a group's members, inherited from a predecessor unit, or
//    inherited from a node above (a section headed （市财政局牵头） gives its
//    lead a role on every task in it). A post sees what the units it heads
//    or supervises see, the nodes its assignments name, and, for a post that
//    convenes, deputises, guides or directs the office of a group, the nodes
//    that group supervises (a chief dispatcher: everything under its
//    dispatch group);
//  - the groups it belongs to (as a member unit or office host; for a post,
//    the groups where it has a capacity and those of its units);
//  - every node the plan marks `"public": true`, and the nodes below it.
//
// Every query through the view answers only about those nodes. A node
// outside the view is NOT_FOUND, with the same message as a node that does
// not exist ("task index 7 is not in this view", "unknown task 'x'"), and
// did-you-mean suggestions come only from visible nodes: the view does not
// reveal that a hidden node exists. (PERMISSION_DENIED would say "it exists,
// but not for you" — itself a leak.) Lists (a unit's or a person's tasks,
// workloads, the RACI matrix, lints) leave hidden nodes out, and the RACI
// matrix has columns only for units with a role on a visible node.
//
// Units, posts, people and groups are not secret (they are the government's
// published organisation); tasks are.
//
// Thread safety: a PlanView is an immutable value; copies are cheap (shared
// state) and any number of threads may query one.
#ifndef DUTYGRAPH_PLAN_VIEW_H_
#define DUTYGRAPH_PLAN_VIEW_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/date.h"
#include "dutygraph/plan.h"

namespace dutygraph {

// Why a node is in a view: a bitmask of these.
enum ViewReason : uint32_t {
  kViewRole = 1,         // the viewer (or a unit its post heads/supervises)
                         // has a role on it or on a node above it
  kViewPublic = 2,       // it, or a node above it, is marked public
  kViewSupervision = 4,  // the viewer's post convenes/deputises/guides/
                         // directs the office of its supervising group
  kViewAssignedPost = 8, // an assignment names the viewer's post
};

struct ViewedTask {
  TaskIndex task;
  uint32_t reasons = 0;  // ViewReason bits
};

class PlanView {
 public:
  // ForUnit() / ForPost()
  //
  // The view of `unit` (resolved as of `on`: a renamed unit's successor
  // views for it) or of `post` on `on`. INVALID_ARGUMENT for an index out of
  // range; FAILED_PRECONDITION if the unit was abolished by `on`.
  static absl::StatusOr<PlanView> ForUnit(const Plan& plan, UnitIndex unit,
                                          Date on);
  static absl::StatusOr<PlanView> ForPost(const Plan& plan, PostIndex post,
                                          Date on);

  Date on() const;
  // "unit czj (市财政局)" / "post fgw.director (市发改委主任)".
  const std::string& viewer() const;

  // The visible nodes, in plan order, and the groups, in plan order.
  const std::vector<ViewedTask>& tasks() const;
  const std::vector<GroupIndex>& groups() const;
  // The units the viewer acts as, resolved as of on(), in plan order: a unit
  // view's unit; for a post, the units it heads or supervises. Schedules
  // through the view (view_schedule.h) match unit-owned cadences with them.
  const std::vector<UnitIndex>& units() const;
  bool Sees(TaskIndex task) const;
  bool SeesGroup(GroupIndex group) const;

  // A visible node's record; NOT_FOUND otherwise.
  absl::StatusOr<const TaskData*> Task(TaskIndex task) const;

  // FindTask(): a visible node by id or path; NOT_FOUND otherwise, with a
  // did-you-mean among visible nodes only.
  absl::StatusOr<TaskIndex> FindTask(std::string_view id_or_path) const;

  // The queries of Plan (plan.h), as of on(), restricted to the view.
  // NOT_FOUND for a node outside it.
  absl::Status AccountabilityOf(TaskIndex task, Accountability* out) const;
  absl::Status TasksOfUnit(UnitIndex unit, const std::vector<Role>& roles,
                           std::vector<UnitTask>* out) const;
  absl::Status TasksOfPerson(PersonIndex person, Date from, Date to,
                             std::vector<PersonTask>* out) const;
  std::vector<Workload> Workloads() const;
  std::string RaciCsv() const;
  std::vector<Lint> Lints() const;

  // The snapshot underneath, for rendering answers (names of units, posts,
  // people). A process holding a view holds the plan anyway; the boundary is
  // kept at the C, Python and CLI faces, which never hand the plan out
  // through a view.
  const Plan& plan() const;

  struct State;

 private:
  friend class PlanViewBuilder;
  explicit PlanView(std::shared_ptr<const State> state)
      : state_(std::move(state)) {}
  std::shared_ptr<const State> state_;
};

// The visible nodes as JSON: {"viewer": "...", "on": "YYYY-MM-DD",
// "tasks": [{"index", "id", "path", "title", "reasons": ["role", ...]}],
// "groups": [{"index", "id", "name"}]}.
std::string PlanViewJson(const PlanView& view);

}  // namespace dutygraph

#endif  // DUTYGRAPH_PLAN_VIEW_H_
