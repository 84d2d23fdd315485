// dutygraph/plan.h — the responsibility graph: an immutable plan snapshot and
// the accountability questions it answers as of a date.
//
// `Plan::Build` validates a `PlanData` (plan_data.h) — every reference, the
// task tree, tenures, unit changes, dependencies — reporting every problem at
// once, each with the JSON Pointer of the offending value, and builds nothing
// unless all of it holds. The result is an immutable snapshot: assignments
// expanded through unit sets and groups into compact per-task and per-unit
// tables, names and aliases hashed for O(1) lookup, tenures sorted per post.
//
// Every question is asked *as of a date*: tenures give a post's holder on
// that day (a vacant post is reported, never guessed), and units that were
// renamed, merged or abolished by then resolve to their successors.
//
// Thread safety: a `Plan` is an immutable value (a shared pointer to const
// state); copies are cheap and any number of threads may query one. Answer
// structs are caller-owned and reusable: pass the same one to many calls and
// its vectors keep their capacity, so steady-state queries do not allocate.
// Records and string views returned by reference stay valid while any copy of
// the Plan lives.
//
// Example:
//   absl::StatusOr<dutygraph::Plan> plan = dutygraph::LoadPlanFile(path);
//   dutygraph::Accountability who;
//   auto task = plan->FindTask("5/二/（二）/1");
//   absl::Status s = plan->AccountabilityOf(*task, date, &who);
//   for (const auto& u : who.units) { ... plan->unit(u.unit).name ... }
#ifndef DUTYGRAPH_PLAN_H_
#define DUTYGRAPH_PLAN_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/date.h"
#include "dutygraph/plan_data.h"

namespace dutygraph {

// Positions of records in their PlanData arrays. Distinct types keep kinds
// apart; `value` indexes Plan::data().units etc.
template <typename Tag>
struct RecordIndex {
  uint32_t value = 0;
  friend bool operator==(RecordIndex a, RecordIndex b) {
    return a.value == b.value;
  }
  friend bool operator<(RecordIndex a, RecordIndex b) {
    return a.value < b.value;
  }
};
using UnitIndex = RecordIndex<struct UnitTag>;
using UnitSetIndex = RecordIndex<struct UnitSetTag>;
using PostIndex = RecordIndex<struct PostTag>;
using PersonIndex = RecordIndex<struct PersonTag>;
using GroupIndex = RecordIndex<struct GroupTag>;
using TaskIndex = RecordIndex<struct TaskTag>;

// One problem found while loading or validating a plan.
struct PlanDiagnostic {
  std::string pointer;  // JSON Pointer of the offending value: /tasks/3/parent
  std::string message;  // unknown task 'p1.9'; did you mean 'p1.2'?
};

// How a unit came to hold a role on a task. Values are stable (C API).
enum class AssignedVia : int32_t {
  kDirect = 0,     // the assignment names the unit
  kUnitSet = 1,    // through a unit set (各县市区)
  kGroup = 2,      // through a group's members (领导小组各成员单位)
  kSuccessor = 3,  // inherited from a unit renamed/merged into it by the date
};

// A post and who held it on the asked date.
struct PostHolder {
  PostIndex post;
  std::optional<PersonIndex> person;  // nullopt: vacant that day
};

// One unit's role on a task.
struct AccountableUnit {
  UnitIndex unit;
  Role role = Role::kLead;
  AssignedVia via = AssignedVia::kDirect;
  uint32_t via_index = 0;  // the unit set, group or predecessor unit
  int32_t clause = -1;     // the clause of the assignment, -1: the node
  TaskIndex from_node;     // the node that carries it (the task or a parent)
  std::optional<PostHolder> head;         // the unit's head post
  std::optional<PostHolder> supervising;  // its supervising leader (分管领导)
};

// Who is accountable for a task on a date.
struct Accountability {
  TaskIndex task;
  Date on;
  // Leads, then supports, responsibles, participants; document order within.
  // Assignments inherited from the task's parent nodes come after the task's
  // own (a section headed （市财政局牵头） leads every task in it).
  std::vector<AccountableUnit> units;
  // Posts assigned directly, with their holders.
  std::vector<PostHolder> posts;
  // The nearest group supervising the task or a node above it.
  std::optional<GroupIndex> group;
  std::vector<PostHolder> conveners;
  std::vector<PostHolder> deputy_conveners;
  std::vector<PostHolder> guiding;
  std::optional<UnitIndex> office_host;
  std::optional<PostHolder> office_director;
  // The conveners of the dispatch group above it (总调度).
  std::vector<PostHolder> chief_dispatchers;

  void Clear();
};

// One task of a unit.
struct UnitTask {
  TaskIndex task;
  Role role = Role::kLead;
  AssignedVia via = AssignedVia::kDirect;
  uint32_t via_index = 0;
  int32_t clause = -1;
};

// How a person is tied to a task through a post they held. Stable values.
enum class Capacity : int32_t {
  kUnitHead = 0,         // heads an accountable unit
  kSupervisingLeader = 1,  // supervises an accountable unit (分管领导)
  kConvener = 2,         // convenes the supervising group
  kDeputyConvener = 3,
  kGuiding = 4,
  kOfficeDirector = 5,
  kChiefDispatcher = 6,  // 总调度
  kAssignedPost = 7,     // the assignment names the post
};
std::string_view CapacityName(Capacity capacity);

struct PersonTask {
  TaskIndex task;
  PostIndex post;
  Capacity capacity = Capacity::kUnitHead;
  std::optional<Role> role;        // for unit head / supervising / post
  std::optional<UnitIndex> unit;   // the unit through which, if any
  Date from;                       // the days within the asked range on
  Date to;                         // which the person held the post
};

// Counts of one unit's roles on task-tree nodes (any kind: a section
// headed （市财政局牵头） counts once for its lead), by role.
struct Workload {
  UnitIndex unit;
  int32_t by_role[kRoleCount] = {0, 0, 0, 0};
  int32_t total = 0;  // distinct tasks
};

// A finding of Plan::Lints. Stable codes: task_without_lead,
// no_single_lead, lead_and_support, vague_set, vacant_post,
// ambiguous_name.
struct Lint {
  std::string severity;  // error, warning
  std::string code;
  std::string pointer;   // JSON Pointer of the record concerned
  std::string message;
};

class Plan {
 public:
  // Build()
  //
  // Validates `data` and builds the snapshot. On failure returns
  // INVALID_ARGUMENT whose message lists every problem ("pointer: message",
  // one per line) and, if `diagnostics` is given, appends them there too.
  // (Record counts are bounded where documents are read: PlanLimits in
  // plan_json.h; Build takes data the caller already holds.)
  static absl::StatusOr<Plan> Build(
      PlanData data, std::vector<PlanDiagnostic>* diagnostics = nullptr);

  // The records, as given (ids, names, notes...).
  const PlanData& data() const;
  const UnitData& unit(UnitIndex i) const { return data().units[i.value]; }
  const UnitSetData& unit_set(UnitSetIndex i) const {
    return data().unit_sets[i.value];
  }
  const PostData& post(PostIndex i) const { return data().posts[i.value]; }
  const PersonData& person(PersonIndex i) const {
    return data().people[i.value];
  }
  const GroupData& group(GroupIndex i) const { return data().groups[i.value]; }
  const TaskData& task(TaskIndex i) const { return data().tasks[i.value]; }

  // Lookups. Units by id, name, full name or alias; as of `on` (if given) a
  // unit that has gone resolves to its successor. Tasks by id or path.
  // Groups, unit sets by id, name or alias; posts by id or title; people by
  // id or name. NOT_FOUND with a did-you-mean for an unknown name;
  // INVALID_ARGUMENT for a name shared by several records (listing them).
  absl::StatusOr<UnitIndex> FindUnit(std::string_view name,
                                     std::optional<Date> on = {}) const;
  absl::StatusOr<TaskIndex> FindTask(std::string_view id_or_path) const;
  absl::StatusOr<GroupIndex> FindGroup(std::string_view name) const;
  absl::StatusOr<UnitSetIndex> FindUnitSet(std::string_view name) const;
  absl::StatusOr<PostIndex> FindPost(std::string_view id_or_title) const;
  absl::StatusOr<PersonIndex> FindPerson(std::string_view id_or_name) const;

  // The unit that carries `unit`'s duties on `on`: itself, or its successor
  // after a rename/merger. FAILED_PRECONDITION if it was abolished.
  absl::StatusOr<UnitIndex> ResolveUnit(UnitIndex unit, Date on) const;
  // Who held `post` on `on` (nullopt: vacant).
  std::optional<PersonIndex> HolderOf(PostIndex post, Date on) const;

  // AccountabilityOf(): who is accountable for `task` on `on`. Fills `out`
  // (cleared first). INVALID_ARGUMENT for an index out of range.
  absl::Status AccountabilityOf(TaskIndex task, Date on,
                                Accountability* out) const;

  // TasksOfUnit(): the task-tree nodes where `unit` (resolved as of `on`)
  // has a role, directly, through sets or groups, or inherited from a
  // predecessor; ordered by node, then role. `roles` filters (empty: all).
  absl::Status TasksOfUnit(UnitIndex unit, Date on,
                           const std::vector<Role>& roles,
                           std::vector<UnitTask>* out) const;

  // TasksOfPerson(): the nodes a person is tied to through the posts they
  // held in [from, to] (from == to: one day).
  absl::Status TasksOfPerson(PersonIndex person, Date from, Date to,
                             std::vector<PersonTask>* out) const;

  // Workloads(): per unit with any role, as of `on`, by unit order.
  std::vector<Workload> Workloads(Date on) const;

  // RaciCsv(): a tasks × units matrix as CSV. Header: id,path,title, then one
  // column per unit (by name); cells L (lead), S (support), R (responsible),
  // P (participate), several joined by '+'. Only nodes with assignments.
  std::string RaciCsv(Date on) const;

  // Lints(): findings as of `on`, errors first.
  std::vector<Lint> Lints(Date on) const;

  struct Impl;

 private:
  friend class PlanView;  // plan_view.h: scoped views read the indexes
  friend class PlanViewBuilder;
  explicit Plan(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace dutygraph

#endif  // DUTYGRAPH_PLAN_H_
