// model/plan_impl.h — the indexed state behind a Plan snapshot.
//
// Built once by Plan::Build (model/plan_build.cc), read by the queries
// (query/plan_queries.cc). Everything is in flat arrays indexed by record
// position, with CSR-style offset arrays for per-task and per-unit lists, so
// that a query touches a few contiguous ranges and allocates nothing. The
// arrays are kept narrow (docs/benchmarks.md counts their bytes per edge).
#ifndef DUTYGRAPH_SRC_MODEL_PLAN_IMPL_H_
#define DUTYGRAPH_SRC_MODEL_PLAN_IMPL_H_

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"
#include "dutygraph/plan.h"

namespace dutygraph {

inline constexpr int32_t kNone = -1;
inline constexpr int32_t kNever = std::numeric_limits<int32_t>::max();
inline constexpr uint32_t kManyTenures = std::numeric_limits<uint32_t>::max();

// One assignment of a node, its target resolved to an index once, at build.
// Unit sets and groups stay unexpanded here (their members are listed once,
// in set_units / group_units) so that a task costs 8 bytes per assignment.
struct NodeAssignment {
  uint32_t target;  // unit, unit set, group or post, as `kind` says
  int16_t clause;
  uint8_t role;
  uint8_t kind;     // an AssignedVia (kDirect: a unit), or kPostTarget
};
inline constexpr uint8_t kPostTarget = 4;

// A node of the task tree: where its assignments start (they end where the
// next node's start), its parent and its nearest supervising group, side by
// side so that one cache miss brings all three.
struct NodeInfo {
  uint32_t first_assignment;
  int32_t parent;  // node or kNone
  int32_t group;   // nearest supervising group (here or above) or kNone
};

// Sort key within a node: units by role, posts last (in document order).
inline uint8_t AssignmentOrder(const NodeAssignment& a) {
  return a.kind == kPostTarget ? 4 : a.role;
}

// One task of a unit (its own assignments, sets and groups expanded); what
// Plan::TasksOfUnit returns, packed into 12 bytes.
struct UnitEntry {
  uint32_t task;
  uint32_t via_index;
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

// Record indices looked up by a string field of the record (an id or a
// path). The table holds 4-byte indices and hashes the record's own string,
// instead of a string_view per key: a fifth of the memory of a
// string_view-keyed map. `records` points at the first record of a vector
// that never changes or reallocates afterwards (moving the vector is fine:
// its buffer stays).
template <typename Record>
class KeyIndex {
 public:
  using Field = std::string Record::*;
  KeyIndex() = default;
  KeyIndex(const Record* records, Field field)
      : set_(0, Hash{records, field}, Eq{records, field}) {}
  // Move-only: a copy would still point at the original records.
  KeyIndex(const KeyIndex&) = delete;
  KeyIndex& operator=(const KeyIndex&) = delete;
  KeyIndex(KeyIndex&&) = default;
  KeyIndex& operator=(KeyIndex&&) = default;

  void reserve(size_t n) { set_.reserve(n); }
  size_t size() const { return set_.size(); }
  // Adds record i under its key; if another record has that key, returns
  // that record's index and false.
  std::pair<uint32_t, bool> Insert(uint32_t i) {
    auto [it, inserted] = set_.insert(i);
    return {*it, inserted};
  }
  // The record with this key, or kNone.
  int32_t Find(std::string_view key) const {
    auto it = set_.find(key);
    return it == set_.end() ? kNone : static_cast<int32_t>(*it);
  }
  bool contains(std::string_view key) const { return Find(key) != kNone; }
  // For keys known to be present (validated).
  uint32_t at(std::string_view key) const { return *set_.find(key); }
  // Every key, for did-you-mean suggestions.
  std::vector<std::string_view> Keys() const {
    std::vector<std::string_view> keys;
    keys.reserve(set_.size());
    const Hash& h = set_.hash_function();
    for (uint32_t i : set_) keys.push_back(h.Key(i));
    return keys;
  }

 private:
  struct Hash {
    using is_transparent = void;
    const Record* records = nullptr;
    Field field = nullptr;
    std::string_view Key(uint32_t i) const { return records[i].*field; }
    size_t operator()(std::string_view key) const {
      return absl::Hash<absl::string_view>{}(
          absl::string_view(key.data(), key.size()));
    }
    size_t operator()(uint32_t i) const { return (*this)(Key(i)); }
  };
  struct Eq {
    using is_transparent = void;
    const Record* records = nullptr;
    Field field = nullptr;
    std::string_view Key(uint32_t i) const { return records[i].*field; }
    std::string_view Key(std::string_view key) const { return key; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return Key(a) == Key(b);
    }
  };
  absl::flat_hash_set<uint32_t, Hash, Eq> set_;
};

struct Plan::Impl {
  PlanData data;

  // Lookups by name: key -> indices (several when a name is shared). Keys
  // view the strings of `data`, which never change or move after Build.
  using NameMap = absl::flat_hash_map<std::string_view, std::vector<uint32_t>>;
  NameMap unit_by_name, group_by_name, set_by_name, post_by_name,
      person_by_name;
  // Lookups by id (and task path).
  KeyIndex<UnitData> unit_by_id;
  KeyIndex<PostData> post_by_id;
  KeyIndex<GroupData> group_by_id;
  KeyIndex<UnitSetData> set_by_id;
  KeyIndex<PersonData> person_by_id;
  KeyIndex<TaskData> task_by_id, task_by_path;

  // Units.
  std::vector<int32_t> unit_head;         // post or kNone
  std::vector<int32_t> unit_supervising;  // post or kNone
  std::vector<int32_t> unit_gone_day;     // kNever if never changed away
  std::vector<int32_t> unit_successor;    // unit or kNone (abolished)
  Lists<uint32_t> unit_predecessors;      // units whose duties pass here

  // Posts: tenures sorted by start.
  Lists<TenureSpan> post_tenures;
  // Per post, its tenure when it has exactly one (most posts in a plan's
  // span), so that finding the holder is one load: `post` is kManyTenures
  // when the post has several (then see post_tenures), and `from` is kNever
  // when it has none.
  std::vector<TenureSpan> post_only_tenure;
  // People: their tenures, sorted by start.
  Lists<TenureSpan> person_tenures;

  // Unit sets and groups: their member units (a set standing for a group
  // lists the group's members).
  Lists<uint32_t> set_units, group_units;

  // Groups: their posts and units as indices.
  Lists<uint32_t> group_conveners, group_deputies, group_guiding;
  std::vector<int32_t> group_office_host;      // unit or kNone
  std::vector<int32_t> group_office_director;  // post or kNone
  std::vector<int32_t> group_dispatch;  // nearest dispatch group at or above
  Lists<uint32_t> group_tasks;          // nodes whose nearest group it is

  // Task tree: one NodeInfo per node, then an end marker whose
  // first_assignment is assignments.size().
  std::vector<NodeInfo> nodes;
  // Each node's own assignments, sorted by AssignmentOrder (stable).
  // Inherited ones are found by walking the parents.
  std::vector<NodeAssignment> assignments;
  const NodeAssignment* AssignmentsBegin(uint32_t node) const {
    return assignments.data() + nodes[node].first_assignment;
  }
  const NodeAssignment* AssignmentsEnd(uint32_t node) const {
    return assignments.data() + nodes[node + 1].first_assignment;
  }
  // Units: their own roles (not inherited), sorted by node then role.
  Lists<UnitEntry> unit_entries;
};

// The member units an assignment of a set or group names.
inline const Lists<uint32_t>& MembersOf(const Plan::Impl& impl,
                                        const NodeAssignment& a) {
  return a.kind == static_cast<uint8_t>(AssignedVia::kUnitSet)
             ? impl.set_units
             : impl.group_units;
}

// Calls f(unit, role, via, via_index, clause, from_node) for every unit
// accountable for `task` through assignments, in the order of
// Accountability::units: by role; within a role the task's own assignments
// first, then its parent's and so on up the tree; within a node document
// order, with set and group members expanded in place.
template <typename F>
void ForEachAssignedUnit(const Plan::Impl& impl, uint32_t task, F&& f) {
  for (uint8_t role = 0; role < kRoleCount; ++role) {
    for (int32_t node = static_cast<int32_t>(task); node != kNone;
         node = impl.nodes[node].parent) {
      const auto n = static_cast<uint32_t>(node);
      for (const NodeAssignment* a = impl.AssignmentsBegin(n),
                               * end = impl.AssignmentsEnd(n);
           a != end && AssignmentOrder(*a) <= role; ++a) {
        if (AssignmentOrder(*a) != role) continue;
        if (a->kind == static_cast<uint8_t>(AssignedVia::kDirect)) {
          f(a->target, a->role, a->kind, uint32_t{0}, a->clause, n);
          continue;
        }
        const Lists<uint32_t>& members = MembersOf(impl, *a);
        for (const uint32_t* m = members.begin(a->target),
                           * m_end = members.end(a->target);
             m != m_end; ++m) {
          f(*m, a->role, a->kind, a->target, a->clause, n);
        }
      }
    }
  }
}

// Calls f(post) for every post assigned to `task` or a node above it: the
// task's own in document order, then its parent's, and so on.
template <typename F>
void ForEachAssignedPost(const Plan::Impl& impl, uint32_t task, F&& f) {
  for (int32_t node = static_cast<int32_t>(task); node != kNone;
       node = impl.nodes[node].parent) {
    const auto n = static_cast<uint32_t>(node);
    for (const NodeAssignment* a = impl.AssignmentsBegin(n),
                             * end = impl.AssignmentsEnd(n);
         a != end; ++a) {
      if (a->kind == kPostTarget) f(a->target);
    }
  }
}

namespace internal {

// The RACI matrix of Plan::RaciCsv(); with `visible` (a flag per node, as
// PlanView keeps them), only the visible nodes' rows, and columns only for
// the units with a role on one of them.
std::string RaciCsvOf(const Plan::Impl& impl, Date on,
                      const std::vector<uint32_t>* visible);

}  // namespace internal
}  // namespace dutygraph

#endif  // DUTYGRAPH_SRC_MODEL_PLAN_IMPL_H_
