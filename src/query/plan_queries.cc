// Accountability as of a date, over the tables of model/plan_impl.h: lookups,
// holders of posts, unit successors, per-task and per-unit lists, workload,
// RACI and lints.
#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "model/plan_impl.h"
#include "util/suggest.h"

namespace dutygraph {
namespace {

constexpr std::string_view kRoleNames[kRoleCount] = {"lead", "support",
                                                     "responsible",
                                                     "participate"};

// NOT_FOUND with a did-you-mean over the map's keys, or INVALID_ARGUMENT
// for a name several records share; else the one index.
template <typename Describe>
absl::StatusOr<uint32_t> Lookup(
    const Plan::Impl::NameMap& map,
    std::string_view name, std::string_view kind, Describe describe) {
  auto it = map.find(name);
  if (it == map.end()) {
    std::vector<std::string_view> keys;
    keys.reserve(map.size());
    for (const auto& [key, value] : map) keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    std::string message = absl::StrFormat("unknown %s '%s'", kind, name);
    if (auto close = internal::ClosestMatch(name, keys)) {
      absl::StrAppend(&message, "; did you mean '", *close, "'?");
    }
    return absl::NotFoundError(message);
  }
  if (it->second.size() > 1) {
    std::vector<std::string> which;
    for (uint32_t i : it->second) which.push_back(describe(i));
    return absl::InvalidArgumentError(
        absl::StrFormat("ambiguous %s name '%s': %s", kind, name,
                        absl::StrJoin(which, ", ")));
  }
  return it->second.front();
}

std::optional<PersonIndex> Holder(const Plan::Impl& impl, uint32_t post,
                                  int32_t day) {
  const TenureSpan& only = impl.post_only_tenure[post];
  if (only.post != kManyTenures) {  // one tenure (or none: from is kNever)
    if (only.from <= day && day <= only.to) return PersonIndex{only.person};
    return std::nullopt;
  }
  const TenureSpan* first = impl.post_tenures.begin(post);
  const TenureSpan* last = impl.post_tenures.end(post);
  // The last tenure starting on or before `day`.
  const TenureSpan* it = std::upper_bound(
      first, last, day,
      [](int32_t d, const TenureSpan& t) { return d < t.from; });
  if (it == first) return std::nullopt;
  --it;
  if (it->to < day) return std::nullopt;
  return PersonIndex{it->person};
}

PostHolder HeldPost(const Plan::Impl& impl, uint32_t post, int32_t day) {
  return PostHolder{PostIndex{post}, Holder(impl, post, day)};
}

// The unit carrying `unit`'s duties on `day`, or kNone if abolished.
int32_t Resolve(const Plan::Impl& impl, uint32_t unit, int32_t day) {
  int32_t at = static_cast<int32_t>(unit);
  for (size_t hops = 0; at != kNone && impl.unit_gone_day[at] <= day &&
                        hops <= impl.unit_gone_day.size();
       ++hops) {
    at = impl.unit_successor[at];
  }
  return at;
}

char RoleLetter(uint8_t role) { return "LSRP"[role]; }

UnitTask ToUnitTask(const UnitEntry& e) {
  return UnitTask{TaskIndex{e.task}, static_cast<Role>(e.role),
                  static_cast<AssignedVia>(e.via), e.via_index, e.clause};
}

// Reads packed UnitEntry records as UnitTask values, so that
// vector::insert sizes the result once and constructs each element in
// place (no default construction first).
class UnitTaskReader {
 public:
  using iterator_category = std::random_access_iterator_tag;
  using value_type = UnitTask;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = UnitTask;
  explicit UnitTaskReader(const UnitEntry* at) : at_(at) {}
  UnitTask operator*() const { return ToUnitTask(*at_); }
  UnitTaskReader& operator++() {
    ++at_;
    return *this;
  }
  UnitTaskReader operator++(int) { return UnitTaskReader(at_++); }
  UnitTaskReader& operator--() {
    --at_;
    return *this;
  }
  UnitTaskReader& operator+=(difference_type n) {
    at_ += n;
    return *this;
  }
  difference_type operator-(const UnitTaskReader& o) const { return at_ - o.at_; }
  bool operator==(const UnitTaskReader& o) const { return at_ == o.at_; }
  bool operator!=(const UnitTaskReader& o) const { return at_ != o.at_; }

 private:
  const UnitEntry* at_;
};

}  // namespace

std::string_view RoleName(Role role) {
  const auto i = static_cast<size_t>(role);
  return i < kRoleCount ? kRoleNames[i] : "unknown";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (int i = 0; i < kRoleCount; ++i) {
    if (name == kRoleNames[i]) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::string_view CapacityName(Capacity capacity) {
  static constexpr std::string_view kNames[] = {
      "unit_head",      "supervising_leader", "convener",
      "deputy_convener", "guiding",           "office_director",
      "chief_dispatcher", "assigned_post"};
  const auto i = static_cast<size_t>(capacity);
  return i < std::size(kNames) ? kNames[i] : "unknown";
}

void Accountability::Clear() {
  units.clear();
  posts.clear();
  group.reset();
  conveners.clear();
  deputy_conveners.clear();
  guiding.clear();
  office_host.reset();
  office_director.reset();
  chief_dispatchers.clear();
}

absl::StatusOr<UnitIndex> Plan::FindUnit(std::string_view name,
                                         std::optional<Date> on) const {
  uint32_t unit;
  if (const int32_t id = impl_->unit_by_id.Find(name); id != kNone) {
    unit = static_cast<uint32_t>(id);
  } else {
    absl::StatusOr<uint32_t> found =
        Lookup(impl_->unit_by_name, name, "unit", [&](uint32_t i) {
          return absl::StrCat(impl_->data.units[i].id, " (",
                              impl_->data.units[i].name, ")");
        });
    if (!found.ok()) return found.status();
    unit = *found;
  }
  if (!on) return UnitIndex{unit};
  return ResolveUnit(UnitIndex{unit}, *on);
}

absl::StatusOr<UnitIndex> Plan::ResolveUnit(UnitIndex unit, Date on) const {
  if (unit.value >= impl_->data.units.size()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("unit index %d is out of range", unit.value));
  }
  const int32_t resolved = Resolve(*impl_, unit.value, on.days_since_epoch());
  if (resolved == kNone) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "unit '%s' (%s) was abolished before %s",
        impl_->data.units[unit.value].id, impl_->data.units[unit.value].name,
        on.ToString()));
  }
  return UnitIndex{static_cast<uint32_t>(resolved)};
}

absl::StatusOr<TaskIndex> Plan::FindTask(std::string_view id_or_path) const {
  // Ids first: a path that spells another node's id does not hide it.
  int32_t found = impl_->task_by_id.Find(id_or_path);
  if (found == kNone) found = impl_->task_by_path.Find(id_or_path);
  if (found != kNone) return TaskIndex{static_cast<uint32_t>(found)};
  std::vector<std::string_view> keys = impl_->task_by_id.Keys();
  const std::vector<std::string_view> paths = impl_->task_by_path.Keys();
  keys.insert(keys.end(), paths.begin(), paths.end());
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::string message = absl::StrFormat("unknown task '%s'", id_or_path);
  if (auto close = internal::ClosestMatch(id_or_path, keys)) {
    absl::StrAppend(&message, "; did you mean '", *close, "'?");
  }
  return absl::NotFoundError(message);
}

absl::StatusOr<GroupIndex> Plan::FindGroup(std::string_view name) const {
  absl::StatusOr<uint32_t> i = Lookup(impl_->group_by_name, name, "group",
                                      [&](uint32_t g) {
                                        return impl_->data.groups[g].id;
                                      });
  if (!i.ok()) return i.status();
  return GroupIndex{*i};
}

absl::StatusOr<UnitSetIndex> Plan::FindUnitSet(std::string_view name) const {
  absl::StatusOr<uint32_t> i = Lookup(impl_->set_by_name, name, "unit set",
                                      [&](uint32_t s) {
                                        return impl_->data.unit_sets[s].id;
                                      });
  if (!i.ok()) return i.status();
  return UnitSetIndex{*i};
}

absl::StatusOr<PostIndex> Plan::FindPost(std::string_view id_or_title) const {
  absl::StatusOr<uint32_t> i = Lookup(impl_->post_by_name, id_or_title, "post",
                                      [&](uint32_t p) {
                                        return impl_->data.posts[p].id;
                                      });
  if (!i.ok()) return i.status();
  return PostIndex{*i};
}

absl::StatusOr<PersonIndex> Plan::FindPerson(
    std::string_view id_or_name) const {
  absl::StatusOr<uint32_t> i = Lookup(impl_->person_by_name, id_or_name,
                                      "person", [&](uint32_t p) {
                                        return impl_->data.people[p].id;
                                      });
  if (!i.ok()) return i.status();
  return PersonIndex{*i};
}

std::optional<PersonIndex> Plan::HolderOf(PostIndex post, Date on) const {
  if (post.value >= impl_->data.posts.size()) return std::nullopt;
  return Holder(*impl_, post.value, on.days_since_epoch());
}

absl::Status Plan::AccountabilityOf(TaskIndex task, Date on,
                                    Accountability* out) const {
  const Impl& impl = *impl_;
  if (task.value >= impl.data.tasks.size()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("task index %d is out of range", task.value));
  }
  out->Clear();
  out->task = task;
  out->on = on;
  const int32_t day = on.days_since_epoch();
  ForEachAssignedUnit(impl, task.value, [&](uint32_t assigned, uint8_t role,
                                            uint8_t via, uint32_t via_index,
                                            int16_t clause, uint32_t node) {
    const int32_t unit = impl.unit_gone_day[assigned] > day
                             ? static_cast<int32_t>(assigned)
                             : Resolve(impl, assigned, day);
    if (unit == kNone) return;  // abolished: nobody carries it any more
    AccountableUnit& a = out->units.emplace_back();
    a.unit = UnitIndex{static_cast<uint32_t>(unit)};
    a.role = static_cast<Role>(role);
    const bool inherited = static_cast<uint32_t>(unit) != assigned;
    a.via = inherited ? AssignedVia::kSuccessor : static_cast<AssignedVia>(via);
    a.via_index = inherited ? assigned : via_index;
    a.clause = clause;
    a.from_node = TaskIndex{node};
    if (impl.unit_head[unit] != kNone) {
      a.head = HeldPost(impl, impl.unit_head[unit], day);
    }
    if (impl.unit_supervising[unit] != kNone) {
      a.supervising = HeldPost(impl, impl.unit_supervising[unit], day);
    }
  });
  ForEachAssignedPost(impl, task.value, [&](uint32_t post) {
    out->posts.push_back(HeldPost(impl, post, day));
  });
  const int32_t g = impl.nodes[task.value].group;
  if (g == kNone) return absl::OkStatus();
  out->group = GroupIndex{static_cast<uint32_t>(g)};
  auto holders = [&](const Lists<uint32_t>& posts, uint32_t group,
                     std::vector<PostHolder>* into) {
    for (const uint32_t* p = posts.begin(group), *end = posts.end(group);
         p != end; ++p) {
      into->push_back(HeldPost(impl, *p, day));
    }
  };
  holders(impl.group_conveners, g, &out->conveners);
  holders(impl.group_deputies, g, &out->deputy_conveners);
  holders(impl.group_guiding, g, &out->guiding);
  if (impl.group_office_host[g] != kNone) {
    out->office_host = UnitIndex{static_cast<uint32_t>(impl.group_office_host[g])};
  }
  if (impl.group_office_director[g] != kNone) {
    out->office_director = HeldPost(impl, impl.group_office_director[g], day);
  }
  if (const int32_t dispatch = impl.group_dispatch[g]; dispatch != kNone) {
    holders(impl.group_conveners, dispatch, &out->chief_dispatchers);
  }
  return absl::OkStatus();
}

absl::Status Plan::TasksOfUnit(UnitIndex unit, Date on,
                               const std::vector<Role>& roles,
                               std::vector<UnitTask>* out) const {
  const Impl& impl = *impl_;
  out->clear();
  absl::StatusOr<UnitIndex> resolved = ResolveUnit(unit, on);
  if (!resolved.ok()) return resolved.status();
  const uint32_t u = resolved->value;
  const int32_t day = on.days_since_epoch();
  uint32_t mask = 0;
  for (Role r : roles) {
    if (static_cast<uint32_t>(r) >= kRoleCount) {
      return absl::InvalidArgumentError(
          absl::StrFormat("unknown role %d", static_cast<int>(r)));
    }
    mask |= 1u << static_cast<uint32_t>(r);
  }
  if (mask == 0) mask = (1u << kRoleCount) - 1;
  const uint32_t all_roles = (1u << kRoleCount) - 1;
  auto append = [&](uint32_t from_unit, bool inherited) {
    const UnitEntry* first = impl.unit_entries.begin(from_unit);
    const UnitEntry* last = impl.unit_entries.end(from_unit);
    if (mask == all_roles && !inherited) {  // the common case: one pass
      out->insert(out->end(), UnitTaskReader{first}, UnitTaskReader{last});
      return;
    }
    for (const UnitEntry* e = first; e != last; ++e) {
      if (!(mask & (1u << static_cast<uint32_t>(e->role)))) continue;
      UnitTask& t = out->emplace_back(ToUnitTask(*e));
      if (inherited) {
        t.via = AssignedVia::kSuccessor;
        t.via_index = from_unit;
      }
    }
  };
  append(u, false);
  const uint32_t predecessors = impl.unit_predecessors.size(u);
  if (predecessors == 0) return absl::OkStatus();
  for (const uint32_t* p = impl.unit_predecessors.begin(u),
                     * end = impl.unit_predecessors.end(u);
       p != end; ++p) {
    if (Resolve(impl, *p, day) == static_cast<int32_t>(u)) append(*p, true);
  }
  std::stable_sort(out->begin(), out->end(),
                   [](const UnitTask& a, const UnitTask& b) {
                     return a.task.value != b.task.value
                                ? a.task.value < b.task.value
                                : a.role < b.role;
                   });
  return absl::OkStatus();
}

absl::Status Plan::TasksOfPerson(PersonIndex person, Date from, Date to,
                                 std::vector<PersonTask>* out) const {
  const Impl& impl = *impl_;
  out->clear();
  if (person.value >= impl.data.people.size()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("person index %d is out of range", person.value));
  }
  if (to < from) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "the range ends (%s) before it starts (%s)", to.ToString(),
        from.ToString()));
  }
  // Which units each post heads or supervises, and its group roles.
  for (const TenureSpan* t = impl.person_tenures.begin(person.value),
                       * end = impl.person_tenures.end(person.value);
       t != end; ++t) {
    const int32_t lo = std::max(t->from, from.days_since_epoch());
    const int32_t hi = std::min(t->to, to.days_since_epoch());
    if (lo > hi) continue;
    const uint32_t post = t->post;
    const Date span_from = *Date::FromDaysSinceEpoch(lo);
    const Date span_to = *Date::FromDaysSinceEpoch(hi);
    auto add = [&](uint32_t task, Capacity capacity, std::optional<Role> role,
                   std::optional<UnitIndex> unit) {
      out->push_back(PersonTask{TaskIndex{task}, PostIndex{post}, capacity,
                                role, unit, span_from, span_to});
    };
    for (uint32_t u = 0; u < impl.data.units.size(); ++u) {
      const bool head = impl.unit_head[u] == static_cast<int32_t>(post);
      const bool supervising =
          impl.unit_supervising[u] == static_cast<int32_t>(post);
      if (!head && !supervising) continue;
      for (const UnitEntry* e = impl.unit_entries.begin(u),
                          * end = impl.unit_entries.end(u);
           e != end; ++e) {
        add(e->task, head ? Capacity::kUnitHead : Capacity::kSupervisingLeader,
            static_cast<Role>(e->role), UnitIndex{u});
      }
    }
    const std::string& post_id = impl.data.posts[post].id;
    for (uint32_t g = 0; g < impl.data.groups.size(); ++g) {
      const GroupData& group = impl.data.groups[g];
      auto has = [&](const std::vector<std::string>& posts) {
        return std::find(posts.begin(), posts.end(), post_id) != posts.end();
      };
      std::optional<Capacity> capacity;
      if (has(group.conveners)) {
        capacity = group.kind == "dispatch" ? Capacity::kChiefDispatcher
                                            : Capacity::kConvener;
      } else if (has(group.deputy_conveners)) {
        capacity = Capacity::kDeputyConvener;
      } else if (has(group.guiding_posts)) {
        capacity = Capacity::kGuiding;
      } else if (group.office_director == post_id) {
        capacity = Capacity::kOfficeDirector;
      }
      if (!capacity) continue;
      if (*capacity == Capacity::kChiefDispatcher) {
        for (uint32_t task = 0; task < impl.data.tasks.size(); ++task) {
          const int32_t tg = impl.nodes[task].group;
          if (tg != kNone && impl.group_dispatch[tg] == static_cast<int32_t>(g)) {
            add(task, *capacity, std::nullopt, std::nullopt);
          }
        }
        continue;
      }
      for (const uint32_t* task = impl.group_tasks.begin(g),
                         * end = impl.group_tasks.end(g);
           task != end; ++task) {
        add(*task, *capacity, std::nullopt, std::nullopt);
      }
    }
    for (uint32_t task = 0; task < impl.data.tasks.size(); ++task) {
      for (const AssignmentData& a : impl.data.tasks[task].assignments) {
        if (a.post == post_id) {
          add(task, Capacity::kAssignedPost, a.role, std::nullopt);
        }
      }
    }
  }
  std::stable_sort(out->begin(), out->end(),
                   [](const PersonTask& a, const PersonTask& b) {
                     return a.task.value < b.task.value;
                   });
  return absl::OkStatus();
}

std::vector<Workload> Plan::Workloads(Date on) const {
  std::vector<Workload> result;
  std::vector<UnitTask> tasks;
  for (uint32_t u = 0; u < impl_->data.units.size(); ++u) {
    if (Resolve(*impl_, u, on.days_since_epoch()) != static_cast<int32_t>(u)) {
      continue;  // gone by then: its duties are counted at the successor
    }
    if (!TasksOfUnit(UnitIndex{u}, on, {}, &tasks).ok() || tasks.empty()) {
      continue;
    }
    Workload w;
    w.unit = UnitIndex{u};
    uint32_t last_task = UINT32_MAX;
    for (const UnitTask& t : tasks) {
      ++w.by_role[static_cast<int>(t.role)];
      if (t.task.value != last_task) ++w.total;
      last_task = t.task.value;
    }
    result.push_back(w);
  }
  return result;
}

std::string Plan::RaciCsv(Date on) const {
  return internal::RaciCsvOf(*impl_, on, /*visible=*/nullptr);
}

std::string internal::RaciCsvOf(const Plan::Impl& impl, Date on,
                                const std::vector<uint32_t>* visible) {
  auto csv = [](std::string_view field) {
    if (field.find_first_of(",\"\n\r") == std::string_view::npos) {
      return std::string(field);
    }
    std::string quoted = "\"";
    for (char c : field) {
      if (c == '"') quoted += '"';
      quoted += c;
    }
    return quoted + "\"";
  };
  // Cells: per node, per resolved unit, the set of role letters.
  std::map<uint32_t, std::map<uint32_t, std::set<uint8_t>>> cells;
  std::set<uint32_t> columns;
  const int32_t day = on.days_since_epoch();
  for (uint32_t task = 0; task < impl.data.tasks.size(); ++task) {
    if (visible != nullptr && (*visible)[task] == 0) continue;
    ForEachAssignedUnit(impl, task, [&](uint32_t assigned, uint8_t role,
                                        uint8_t, uint32_t, int16_t,
                                        uint32_t node) {
      if (node != task) return;  // the node's own assignments
      const int32_t unit = Resolve(impl, assigned, day);
      if (unit == kNone) return;
      cells[task][unit].insert(role);
      columns.insert(unit);
    });
  }
  std::string out = "id,path,title";
  for (uint32_t u : columns) absl::StrAppend(&out, ",", csv(impl.data.units[u].name));
  out += "\n";
  for (const auto& [task, row] : cells) {
    const TaskData& t = impl.data.tasks[task];
    absl::StrAppend(&out, csv(t.id), ",", csv(t.path), ",", csv(t.title));
    for (uint32_t u : columns) {
      out += ",";
      auto it = row.find(u);
      if (it == row.end()) continue;
      bool first = true;
      for (uint8_t role : it->second) {
        if (!first) out += "+";
        out += RoleLetter(role);
        first = false;
      }
    }
    out += "\n";
  }
  return out;
}

std::vector<Lint> Plan::Lints(Date on) const {
  const Impl& impl = *impl_;
  const PlanData& d = impl.data;
  const int32_t day = on.days_since_epoch();
  std::vector<Lint> errors, warnings;
  auto ptr = [](std::string_view array, size_t i) {
    return absl::StrCat("/", std::string(array), "/", i);
  };

  for (uint32_t t = 0; t < d.tasks.size(); ++t) {
    const TaskData& task = d.tasks[t];
    if (task.kind != "task") continue;
    bool lead = false, responsible = false;
    // Roles per (unit, clause): leading one clause and supporting another
    // is normal in a multi-clause task; both in one clause is a conflict.
    std::map<std::pair<uint32_t, int16_t>, std::set<uint8_t>> roles_of_unit;
    ForEachAssignedUnit(impl, t, [&](uint32_t unit, uint8_t role, uint8_t,
                                     uint32_t, int16_t clause, uint32_t node) {
      lead |= role == static_cast<uint8_t>(Role::kLead);
      responsible |= role == static_cast<uint8_t>(Role::kResponsible);
      if (node == t) roles_of_unit[{unit, clause}].insert(role);
    });
    bool posts = false;
    ForEachAssignedPost(impl, t, [&](uint32_t) { posts = true; });
    if (!lead && !responsible && !posts) {
      // A supervising group still answers for it (its convener and office);
      // with no group either, nobody does.
      const int32_t group = impl.nodes[t].group;
      (group == kNone ? errors : warnings)
          .push_back({group == kNone ? "error" : "warning",
                      "task_without_lead", ptr("tasks", t),
                      group == kNone
                          ? absl::StrFormat("task %s '%s' has no lead and no "
                                            "responsible unit, here or above, "
                                            "and no supervising group",
                                            task.path, task.title)
                          : absl::StrFormat(
                                "task %s '%s' has no lead and no responsible "
                                "unit, here or above; only its group '%s' "
                                "answers for it",
                                task.path, task.title, d.groups[group].name)});
    } else if (!lead && responsible) {
      warnings.push_back(
          {"warning", "no_single_lead", ptr("tasks", t),
           absl::StrFormat("task %s '%s' names responsible units but no lead",
                           task.path, task.title)});
    }
    for (const auto& [unit_clause, roles] : roles_of_unit) {
      const uint32_t unit = unit_clause.first;
      if (roles.count(static_cast<uint8_t>(Role::kLead)) &&
          roles.count(static_cast<uint8_t>(Role::kSupport))) {
        warnings.push_back(
            {"warning", "lead_and_support", ptr("tasks", t),
             absl::StrFormat("%s is both lead and support of task %s",
                             d.units[unit].name, task.path)});
      }
    }
  }
  for (uint32_t t = 0; t < d.tasks.size(); ++t) {
    const TaskData& task = d.tasks[t];
    for (size_t k = 0; k < task.assignments.size(); ++k) {
      const AssignmentData& a = task.assignments[k];
      if (a.unit_set.empty()) continue;
      const UnitSetData& set = d.unit_sets[impl.set_by_id.at(a.unit_set)];
      const bool empty = set.group.empty()
                             ? set.members.empty()
                             : d.groups[impl.group_by_id.at(set.group)]
                                   .members.empty();
      if (empty) {
        warnings.push_back(
            {"warning", "vague_set",
             absl::StrCat(ptr("tasks", t), "/assignments/", k),
             absl::StrFormat("task %s assigns '%s' to '%s', a set with no "
                             "listed members",
                             task.path, std::string(RoleName(a.role)),
                             set.name)});
      }
    }
  }
  // Posts that carry duties (unit heads, supervising leaders, group posts).
  std::set<uint32_t> duty_posts;
  for (int32_t p : impl.unit_head) {
    if (p != kNone) duty_posts.insert(p);
  }
  for (int32_t p : impl.unit_supervising) {
    if (p != kNone) duty_posts.insert(p);
  }
  for (uint32_t g = 0; g < d.groups.size(); ++g) {
    for (const auto* list :
         {&impl.group_conveners, &impl.group_deputies, &impl.group_guiding}) {
      duty_posts.insert(list->begin(g), list->end(g));
    }
    if (impl.group_office_director[g] != kNone) {
      duty_posts.insert(impl.group_office_director[g]);
    }
  }
  for (uint32_t p : duty_posts) {
    if (!Holder(impl, p, day)) {
      warnings.push_back({"warning", "vacant_post", ptr("posts", p),
                          absl::StrFormat("post '%s' is vacant on %s",
                                          d.posts[p].title, on.ToString())});
    }
  }
  for (const auto& [name, units] : impl.unit_by_name) {
    std::vector<uint32_t> live;
    for (uint32_t u : units) {
      if (impl.unit_gone_day[u] > day) live.push_back(u);
    }
    if (live.size() < 2) continue;
    std::sort(live.begin(), live.end());
    std::vector<std::string> ids;
    for (uint32_t u : live) ids.push_back(d.units[u].id);
    errors.push_back({"error", "ambiguous_name", ptr("units", live[1]),
                      absl::StrFormat("the name '%s' is shared by units %s",
                                      name, absl::StrJoin(ids, ", "))});
  }
  std::sort(errors.begin(), errors.end(), [](const Lint& a, const Lint& b) {
    return std::tie(a.pointer, a.message) < std::tie(b.pointer, b.message);
  });
  errors.insert(errors.end(), warnings.begin(), warnings.end());
  return errors;
}

}  // namespace dutygraph
