// model/plan_impl.h — the indexed state behind a Plan snapshot.
//
// Built once by Plan::Build (model/plan_build.cc), read by the queries
// (query/plan_queries.cc). Everything is in flat arrays indexed by record
// position, with CSR-style offset arrays for per-task and per-unit lists, so
// that a query touches a few contiguous ranges and allocates nothing.
#ifndef DUTYGRAPH_SRC_MODEL_PLAN_IMPL_H_
#define DUTYGRAPH_SRC_MODEL_PLAN_IMPL_H_

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "dutygraph/plan.h"

namespace dutygraph {

inline constexpr int32_t kNone = -1;
inline constexpr int32_t kNever = std::numeric_limits<int32_t>::max();

// One expanded assignment: a unit's role on a node.
struct RoleEntry {
  uint32_t unit;
  uint32_t via_index;
  uint32_t from_node;  // the node whose assignment this is
  int16_t clause;
  uint8_t role;
  uint8_t via;
};

struct TenureSpan {
  int32_t from;  // days since epoch, inclusive
  int32_t to;    // inclusive; kNever: open-ended
  uint32_t person;
  uint32_t post;
};

// A list per record: items [offsets[i], offsets[i + 1]).
template <typename T>
struct Lists {
  std::vector<uint32_t> offsets;
  std::vector<T> items;
  const T* begin(uint32_t i) const { return items.data() + offsets[i]; }
  const T* end(uint32_t i) const { return items.data() + offsets[i + 1]; }
  uint32_t size(uint32_t i) const { return offsets[i + 1] - offsets[i]; }
};

struct Plan::Impl {
  PlanData data;

  // Lookups: key -> indices (several when a name is shared). Keys view the
  // strings of `data`, which never change or move after Build.
  using NameMap = absl::flat_hash_map<std::string_view, std::vector<uint32_t>>;
  using IdMap = absl::flat_hash_map<std::string_view, uint32_t>;
  NameMap unit_by_name, group_by_name, set_by_name, post_by_name,
      person_by_name;
  IdMap unit_by_id, post_by_id, group_by_id, set_by_id, person_by_id;
  IdMap task_by_key;  // ids and paths

  // Units.
  std::vector<int32_t> unit_head;         // post or kNone
  std::vector<int32_t> unit_supervising;  // post or kNone
  std::vector<int32_t> unit_gone_day;     // kNever if never changed away
  std::vector<int32_t> unit_successor;    // unit or kNone (abolished)
  Lists<uint32_t> unit_predecessors;      // units whose duties pass here

  // Posts: tenures sorted by start.
  Lists<TenureSpan> post_tenures;
  // People: their tenures, sorted by start.
  Lists<TenureSpan> person_tenures;

  // Groups: their posts and units as indices.
  Lists<uint32_t> group_conveners, group_deputies, group_guiding;
  std::vector<int32_t> group_office_host;      // unit or kNone
  std::vector<int32_t> group_office_director;  // post or kNone
  std::vector<int32_t> group_dispatch;  // nearest dispatch group at or above
  Lists<uint32_t> group_tasks;          // nodes whose nearest group it is

  // Task tree.
  std::vector<int32_t> task_parent;
  std::vector<int32_t> task_group;  // nearest supervising group or kNone
  Lists<RoleEntry> task_entries;    // own, then inherited; sorted by role
  Lists<uint32_t> task_posts;       // posts assigned directly (own+inherited)
  // Units: their own roles (not inherited), sorted by node then role, stored
  // as the query returns them so that answering is a copy.
  Lists<UnitTask> unit_entries;
};

namespace internal {

// The RACI matrix of Plan::RaciCsv(); with `visible` (a flag per node, as
// PlanView keeps them), only the visible nodes' rows, and columns only for
// the units with a role on one of them.
std::string RaciCsvOf(const Plan::Impl& impl, Date on,
                      const std::vector<uint32_t>* visible);

}  // namespace internal
}  // namespace dutygraph

#endif  // DUTYGRAPH_SRC_MODEL_PLAN_IMPL_H_
