// Plan::Build: validate every cross-record rule of docs/plan-format.md,
// collecting all problems with their JSON Pointers, then build the indexes of
// plan_impl.h. Nothing is built unless every check passes.
#include <algorithm>
#include <numeric>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "graph/cycles.h"
#include "model/plan_impl.h"
#include "util/suggest.h"

namespace dutygraph {
namespace {

constexpr size_t kMaxMessageLines = 100;

// A JSON Pointer, formatted only when an error needs it: validation visits
// every reference of a large plan, and building a string for each would be
// most of its cost.
class Loc {
 public:
  // "/<array>/<i>".
  Loc(const char* array, size_t i) { Push(array, i); }
  // Appends a key: at + "kind" is "<at>/kind".
  friend Loc operator+(Loc at, const char* key) {
    at.Push(key, kNoIndex);
    return at;
  }
  // Appends an array index: at.At(3) is "<at>/3".
  Loc At(size_t i) const {
    Loc out = *this;
    out.Push(nullptr, i);
    return out;
  }
  std::string str() const {
    std::string out;
    for (int k = 0; k < size_; ++k) {
      if (keys_[k] != nullptr) absl::StrAppend(&out, "/", keys_[k]);
      if (indices_[k] != kNoIndex) absl::StrAppend(&out, "/", indices_[k]);
    }
    return out;
  }

 private:
  static constexpr size_t kNoIndex = static_cast<size_t>(-1);
  static constexpr int kMaxSegments = 8;
  void Push(const char* key, size_t index) {
    if (size_ < kMaxSegments) {
      keys_[size_] = key;
      indices_[size_] = index;
      ++size_;
    }
  }
  const char* keys_[kMaxSegments];
  size_t indices_[kMaxSegments];
  int size_ = 0;
};

Loc Ptr(const char* array, size_t i) { return Loc(array, i); }
Loc Ptr(const char* array, size_t i, const char* key) {
  return Loc(array, i) + key;
}

// Collects diagnostics; knows every kind's ids for references.
class Validator {
 public:
  explicit Validator(const PlanData& d) : d_(d) {}

  std::vector<PlanDiagnostic> Run() {
    IndexIds("units", d_.units, &units_);
    IndexIds("unit_sets", d_.unit_sets, &sets_);
    IndexIds("posts", d_.posts, &posts_);
    IndexIds("people", d_.people, &people_);
    IndexIds("groups", d_.groups, &groups_);
    IndexIds("tasks", d_.tasks, &tasks_);
    CheckPlan();
    CheckUnits();
    CheckUnitChanges();
    CheckUnitSets();
    CheckPosts();
    CheckTenures();
    CheckGroups();
    CheckTasks();
    CheckDependencies();
    CheckCadences();
    CheckEscalation();
    return std::move(out_);
  }

  // The id maps built while validating (keys view the data's strings),
  // handed to the index builder so that it does not hash every id again.
  struct Ids {
    Plan::Impl::IdMap units, sets, posts, people, groups, tasks;
  };
  Ids TakeIds() {
    return Ids{std::move(units_), std::move(sets_), std::move(posts_),
               std::move(people_), std::move(groups_), std::move(tasks_)};
  }

 private:
  using IdMap = Plan::Impl::IdMap;

  void Error(const Loc& at, std::string message) {
    out_.push_back({at.str(), std::move(message)});
  }
  void Error(std::string pointer, std::string message) {
    out_.push_back({std::move(pointer), std::move(message)});
  }

  template <typename Records>
  void IndexIds(const char* array, const Records& records, IdMap* ids) {
    IndexIds([array](size_t i) { return Loc(array, i); }, records, ids);
  }
  template <typename Records, typename LocOf>
  void IndexIds(LocOf loc_of, const Records& records, IdMap* ids) {
    for (size_t i = 0; i < records.size(); ++i) {
      const std::string& id = records[i].id;
      if (id.empty()) {
        Error(loc_of(i) + "id", "id is empty");
        continue;
      }
      auto [it, inserted] = ids->try_emplace(id, static_cast<uint32_t>(i));
      if (!inserted) {
        Error(loc_of(i) + "id",
              absl::StrFormat("duplicate id '%s' (first at %s)", id,
                              loc_of(it->second).str()));
      }
    }
  }

  // Checks that `id` names a record in `ids`; empty is allowed if optional.
  bool Ref(const Loc& pointer, const std::string& id,
           const IdMap& ids, std::string_view kind, bool optional = true) {
    if (id.empty()) {
      if (!optional) Error(pointer, absl::StrCat("missing ", std::string(kind), " id"));
      return false;
    }
    if (ids.contains(id)) return true;
    std::vector<std::string_view> candidates;
    candidates.reserve(ids.size());
    for (const auto& [key, index] : ids) candidates.push_back(key);
    std::sort(candidates.begin(), candidates.end());
    std::string message = absl::StrFormat("unknown %s '%s'", kind, id);
    if (auto close = internal::ClosestMatch(id, candidates)) {
      absl::StrAppend(&message, "; did you mean '", *close, "'?");
    }
    Error(pointer, std::move(message));
    return false;
  }
  void Refs(const Loc& pointer, const std::vector<std::string>& ids,
            const IdMap& map, std::string_view kind) {
    for (size_t k = 0; k < ids.size(); ++k) {
      Ref(pointer.At(k), ids[k], map, kind, false);
    }
  }
  void OneOf(const Loc& pointer, const std::string& value,
             std::initializer_list<std::string_view> allowed) {
    for (std::string_view a : allowed) {
      if (value == a) return;
    }
    std::vector<std::string> names(allowed.begin(), allowed.end());
    Error(pointer, absl::StrFormat("expected one of %s; got '%s'",
                                   absl::StrJoin(names, ", "), value));
  }
  // Reports a cycle found by graph/cycles.h, naming its records.
  template <typename Records>
  void Cycle(const char* array, const Records& records,
             const std::vector<internal::Edge>& edges, std::string_view what) {
    std::vector<uint32_t> cycle =
        internal::FindCycle(static_cast<uint32_t>(records.size()), edges);
    if (cycle.empty()) return;
    std::vector<std::string> names;
    for (uint32_t v : cycle) names.push_back(records[v].id);
    names.push_back(records[cycle.front()].id);
    Error(Ptr(array, cycle.front()),
          absl::StrCat(std::string(what), " form a cycle: ",
                       absl::StrJoin(names, " -> ")));
  }

  void CheckPlan() {
    if (d_.plan.id.empty()) Error("/plan/id", "plan id is empty");
    if (d_.plan.title.empty()) Error("/plan/title", "plan title is empty");
    if (d_.plan.year < Date::kMinYear || d_.plan.year > Date::kMaxYear) {
      Error("/plan/year",
            absl::StrFormat("plan year %d is not a valid year", d_.plan.year));
    }
  }

  void CheckUnits() {
    for (size_t i = 0; i < d_.units.size(); ++i) {
      const UnitData& u = d_.units[i];
      if (u.name.empty()) Error(Ptr("units", i, "name"), "unit name is empty");
      OneOf(Ptr("units", i, "kind"), u.kind,
            {"party", "government", "department", "county_government",
             "district_government", "court", "procuratorate",
             "people_congress", "cppcc", "mass_organization", "enterprise",
             "financial_regulator", "university", "institute", "committee",
             "office", "other"});
      Ref(Ptr("units", i, "parent"), u.parent, units_, "unit");
      Ref(Ptr("units", i, "head_post"), u.head_post, posts_, "post");
      Ref(Ptr("units", i, "supervising_post"), u.supervising_post, posts_,
          "post");
    }
    std::vector<internal::Edge> edges;
    for (size_t i = 0; i < d_.units.size(); ++i) {
      if (auto it = units_.find(d_.units[i].parent); it != units_.end()) {
        edges.emplace_back(static_cast<uint32_t>(i), it->second);
      }
    }
    Cycle("units", d_.units, edges, "unit parents");
  }

  void CheckUnitChanges() {
    std::vector<int32_t> gone(d_.units.size(), kNever);
    for (size_t i = 0; i < d_.unit_changes.size(); ++i) {
      const UnitChangeData& c = d_.unit_changes[i];
      const Loc at = Ptr("unit_changes", i);
      OneOf(at + "kind", c.kind, {"renamed", "merged", "split", "abolished"});
      Refs(at + "from", c.from, units_, "unit");
      Refs(at + "to", c.to, units_, "unit");
      const size_t want_from = c.kind == "merged" ? 2 : 1;
      if (c.from.size() < want_from ||
          (c.kind != "merged" && c.from.size() != 1)) {
        Error(at + "from",
              absl::StrFormat("a '%s' change needs %s unit%s in 'from'",
                              c.kind, c.kind == "merged" ? "two or more" : "one",
                              c.kind == "merged" ? "s" : ""));
      }
      const bool to_ok = c.kind == "abolished" ? c.to.empty()
                         : c.kind == "split"   ? c.to.size() >= 2
                                               : c.to.size() == 1;
      if (!to_ok) {
        Error(at + "to",
              absl::StrFormat("a '%s' change needs %s in 'to'", c.kind,
                              c.kind == "abolished" ? "no unit"
                              : c.kind == "split"   ? "two or more units"
                                                    : "one unit"));
      }
      for (size_t k = 0; k < c.from.size(); ++k) {
        auto it = units_.find(c.from[k]);
        if (it == units_.end()) continue;
        if (gone[it->second] != kNever) {
          Error((at + "from").At(k),
                absl::StrFormat("unit '%s' has already gone on %s", c.from[k],
                                Date::FromDaysSinceEpoch(gone[it->second])
                                    ->ToString()));
        }
        gone[it->second] = c.date.days_since_epoch();
        for (const std::string& to : c.to) {
          if (to == c.from[k]) {
            Error(at + "to", absl::StrFormat("unit '%s' cannot succeed itself", to));
          }
        }
      }
    }
  }

  void CheckUnitSets() {
    for (size_t i = 0; i < d_.unit_sets.size(); ++i) {
      const UnitSetData& s = d_.unit_sets[i];
      if (s.name.empty()) Error(Ptr("unit_sets", i, "name"), "name is empty");
      Refs(Ptr("unit_sets", i, "members"), s.members, units_, "unit");
      Ref(Ptr("unit_sets", i, "group"), s.group, groups_, "group");
      if (!s.group.empty() && !s.members.empty()) {
        Error(Ptr("unit_sets", i),
              "a unit set lists 'members' or stands for a 'group', not both");
      }
    }
  }

  void CheckPosts() {
    std::vector<internal::Edge> edges;
    for (size_t i = 0; i < d_.posts.size(); ++i) {
      const PostData& p = d_.posts[i];
      if (p.title.empty()) Error(Ptr("posts", i, "title"), "title is empty");
      Ref(Ptr("posts", i, "unit"), p.unit, units_, "unit");
      if (Ref(Ptr("posts", i, "superior"), p.superior, posts_, "post")) {
        edges.emplace_back(static_cast<uint32_t>(i), posts_.at(p.superior));
      }
    }
    Cycle("posts", d_.posts, edges, "post superiors");
    for (size_t i = 0; i < d_.people.size(); ++i) {
      if (d_.people[i].name.empty()) {
        Error(Ptr("people", i, "name"), "name is empty");
      }
    }
  }

  void CheckTenures() {
    std::vector<std::vector<size_t>> by_post(d_.posts.size());
    for (size_t i = 0; i < d_.tenures.size(); ++i) {
      const TenureData& t = d_.tenures[i];
      const bool post_ok = Ref(Ptr("tenures", i, "post"), t.post, posts_,
                               "post", false);
      Ref(Ptr("tenures", i, "person"), t.person, people_, "person", false);
      if (t.to && *t.to < t.from) {
        Error(Ptr("tenures", i, "to"),
              absl::StrFormat("tenure ends (%s) before it starts (%s)",
                              t.to->ToString(), t.from.ToString()));
        continue;
      }
      if (post_ok) by_post[posts_.at(t.post)].push_back(i);
    }
    for (auto& list : by_post) {
      std::sort(list.begin(), list.end(), [&](size_t a, size_t b) {
        return d_.tenures[a].from < d_.tenures[b].from;
      });
      for (size_t k = 1; k < list.size(); ++k) {
        const TenureData& prev = d_.tenures[list[k - 1]];
        const TenureData& next = d_.tenures[list[k]];
        if (!prev.to || *prev.to >= next.from) {
          Error(Ptr("tenures", list[k]),
                absl::StrFormat("post '%s' is already held on %s (tenure at %s)",
                                next.post, next.from.ToString(),
                                Ptr("tenures", list[k - 1]).str()));
        }
      }
    }
  }

  void CheckGroups() {
    std::vector<internal::Edge> edges;
    for (size_t i = 0; i < d_.groups.size(); ++i) {
      const GroupData& g = d_.groups[i];
      const Loc at = Ptr("groups", i);
      if (g.name.empty()) Error(at + "name", "name is empty");
      OneOf(at + "kind", g.kind,
            {"dispatch", "task_force", "command", "leading_group", "committee",
             "other"});
      if (Ref(at + "parent", g.parent, groups_, "group")) {
        edges.emplace_back(static_cast<uint32_t>(i), groups_.at(g.parent));
      }
      Refs(at + "conveners", g.conveners, posts_, "post");
      Refs(at + "deputy_conveners", g.deputy_conveners, posts_, "post");
      Refs(at + "guiding_posts", g.guiding_posts, posts_, "post");
      Refs(at + "members", g.members, units_, "unit");
      Ref(at + "office_host", g.office_host, units_, "unit");
      Ref(at + "office_director", g.office_director, posts_, "post");
      Refs(at + "supervises", g.supervises, tasks_, "task");
    }
    Cycle("groups", d_.groups, edges, "group parents");
  }

  // The names an assignment's `as_written` may take for its target.
  bool NamesTarget(const AssignmentData& a) const {
    auto matches = [&](const std::string& name,
                       const std::vector<std::string>& aliases) {
      return a.as_written == name ||
             std::find(aliases.begin(), aliases.end(), a.as_written) !=
                 aliases.end();
    };
    if (!a.unit.empty()) {
      const UnitData& u = d_.units[units_.at(a.unit)];
      return matches(u.name, u.aliases) || a.as_written == u.full_name;
    }
    if (!a.unit_set.empty()) {
      const UnitSetData& s = d_.unit_sets[sets_.at(a.unit_set)];
      return matches(s.name, s.aliases);
    }
    if (!a.group.empty()) {
      const GroupData& g = d_.groups[groups_.at(a.group)];
      return matches(g.name, g.aliases);
    }
    return a.as_written == d_.posts[posts_.at(a.post)].title;
  }

  void CheckTasks() {
    for (size_t i = 0; i < d_.tasks.size(); ++i) {
      const TaskData& t = d_.tasks[i];
      const Loc at = Ptr("tasks", i);
      OneOf(at + "kind", t.kind, {"part", "section", "task"});
      if (t.duration_working_days < 0) {
        Error(at + "duration_working_days",
              absl::StrFormat("duration %d is negative",
                              t.duration_working_days));
      }
      if (t.title.empty() && t.text.empty()) {
        Error(at + "title", "a node needs a title or a text");
      }
      if (t.kind == "part") {
        if (!t.parent.empty()) Error(at + "parent", "a part has no parent");
      } else if (t.parent.empty()) {
        Error(at + "parent", absl::StrCat("a ", t.kind, " needs a parent"));
      } else if (Ref(at + "parent", t.parent, tasks_, "task")) {
        if (tasks_.at(t.parent) >= i) {
          Error(at + "parent",
                absl::StrFormat("parent '%s' must come earlier in the array",
                                t.parent));
        }
      }
      if (!t.path.empty()) {
        auto [it, inserted] = paths_.try_emplace(t.path, i);
        if (!inserted) {
          Error(at + "path", absl::StrFormat("duplicate path '%s' (first at %s)",
                                              t.path, Ptr("tasks", it->second).str()));
        }
      }
      for (size_t k = 0; k < t.clauses.size(); ++k) {
        if (t.clauses[k].text.empty()) {
          Error((at + "clauses").At(k) + "text",
                "clause text is empty");
        }
      }
      for (size_t k = 0; k < t.assignments.size(); ++k) {
        CheckAssignment(t, (at + "assignments").At(k), t.assignments[k]);
      }
      for (size_t k = 0; k < t.deadlines.size(); ++k) {
        CheckDeadline((at + "deadlines").At(k), t.deadlines[k]);
      }
      for (size_t k = 0; k < t.targets.size(); ++k) {
        const TargetData& target = t.targets[k];
        const Loc tp = (at + "targets").At(k);
        OneOf(tp + "comparator", target.comparator,
              {">=", "<=", "~=", ">", "<", "=", "between"});
        if ((target.comparator == "between") != target.value_max.has_value()) {
          Error(tp + "value_max",
                "'value_max' is required with 'between' and only with it");
        }
      }
    }
  }

  void CheckAssignment(const TaskData& t, const Loc& at,
                       const AssignmentData& a) {
    const int targets = !a.unit.empty() + !a.unit_set.empty() +
                        !a.post.empty() + !a.group.empty();
    if (targets != 1) {
      Error(at, absl::StrFormat(
                    "an assignment names exactly one of unit, unit_set, post, "
                    "group; this one names %d",
                    targets));
      return;
    }
    const bool resolved =
        !a.unit.empty()       ? Ref(at + "unit", a.unit, units_, "unit")
        : !a.unit_set.empty() ? Ref(at + "unit_set", a.unit_set, sets_,
                                    "unit set")
        : !a.group.empty()    ? Ref(at + "group", a.group, groups_, "group")
                              : Ref(at + "post", a.post, posts_, "post");
    if (a.clause < -1 || a.clause >= static_cast<int>(t.clauses.size())) {
      Error(at + "clause",
            absl::StrFormat("clause %d does not exist (the node has %d)",
                            a.clause, t.clauses.size()));
    }
    if (resolved && !a.as_written.empty() && !NamesTarget(a)) {
      Error(at + "as_written",
            absl::StrFormat("'%s' is not a name or alias of the target",
                            a.as_written));
    }
  }

  void CheckDeadline(const Loc& at, const DeadlineData& d) {
    OneOf(at + "kind", d.kind, {"by", "end_of_period", "relative", "recurring"});
    if ((d.kind == "by" || d.kind == "end_of_period") && !d.date) {
      Error(at + "date", absl::StrCat("a '", d.kind, "' deadline needs a date"));
    }
    if ((d.kind == "end_of_period" || d.kind == "recurring") && !d.period) {
      Error(at + "period",
            absl::StrCat("a '", d.kind, "' deadline needs a period"));
    }
    if (d.kind == "relative" && d.working_days <= 0) {
      Error(at + "working_days",
            "a 'relative' deadline needs working_days >= 1");
    }
  }

  void CheckDependencies() {
    std::vector<internal::Edge> edges;
    std::vector<size_t> edge_dependency;  // the dependency of each edge
    for (size_t i = 0; i < d_.dependencies.size(); ++i) {
      const DependencyData& dep = d_.dependencies[i];
      const Loc at = Ptr("dependencies", i);
      const bool from = Ref(at + "from", dep.from, tasks_, "task", false);
      const bool to = Ref(at + "to", dep.to, tasks_, "task", false);
      OneOf(at + "type", dep.type, {"finish_to_start"});
      if (dep.lag_working_days < 0) {
        Error(at + "lag_working_days", "lag must be >= 0");
      }
      if (from && to) {
        edges.emplace_back(tasks_.at(dep.from), tasks_.at(dep.to));
        edge_dependency.push_back(i);
      }
    }
    std::vector<uint32_t> cycle = internal::FindCycle(
        static_cast<uint32_t>(d_.tasks.size()), edges);
    if (!cycle.empty()) {
      std::vector<std::string> names;
      for (uint32_t v : cycle) names.push_back(d_.tasks[v].id);
      names.push_back(d_.tasks[cycle.front()].id);
      // Point at the dependency that closes the cycle (for a task that
      // depends on itself, that one dependency), not the whole array.
      std::string where = "/dependencies";
      for (size_t i = 0; i < edges.size(); ++i) {
        if (edges[i].first == cycle.back() && edges[i].second == cycle.front()) {
          where = Ptr("dependencies", edge_dependency[i]).str();
          break;
        }
      }
      Error(where, absl::StrCat("dependencies form a cycle: ",
                                absl::StrJoin(names, " -> ")));
    }
  }

  void CheckRefData(const Loc& at, const RefData& r) {
    const int n = !r.unit.empty() + !r.post.empty() + !r.group.empty() +
                  !r.unit_set.empty();
    if (n != 1) {
      Error(at, "a recipient names exactly one of unit, post, group, unit_set");
      return;
    }
    Ref(at + "unit", r.unit, units_, "unit");
    Ref(at + "post", r.post, posts_, "post");
    Ref(at + "group", r.group, groups_, "group");
    Ref(at + "unit_set", r.unit_set, sets_, "unit set");
  }

  void CheckCadences() {
    IdMap ids;
    IndexIds("cadences", d_.cadences, &ids);
    for (size_t i = 0; i < d_.cadences.size(); ++i) {
      const CadenceData& c = d_.cadences[i];
      const Loc at = Ptr("cadences", i);
      OneOf(at + "kind", c.kind,
            {"briefing", "circular", "summary", "dispatch", "statistics",
             "inspection", "ranking", "exposure"});
      OneOf(at + "due" + "rule", c.due_rule,
            {"nth_working_day_after_end", "last_working_day",
             "nth_working_day", "fixed_day"});
      OneOf(at + "owner" + "role", c.owner_role,
            {"group_lead", "group_office", "task_leads", "unit",
             "unit_set_members"});
      Refs(at + "owner" + "groups", c.owner_groups, groups_, "group");
      Ref(at + "owner" + "unit", c.owner_unit, units_, "unit");
      Ref(at + "owner" + "unit_set", c.owner_unit_set, sets_, "unit set");
      Refs(at + "owner" + "tasks", c.owner_tasks, tasks_, "task");
      for (size_t k = 0; k < c.recipients.size(); ++k) {
        CheckRefData((at + "recipients").At(k), c.recipients[k]);
      }
    }
  }

  void CheckEscalation() {
    IdMap ids;
    IndexIds("escalation", d_.escalation, &ids);
    for (size_t i = 0; i < d_.escalation.size(); ++i) {
      const EscalationPolicyData& p = d_.escalation[i];
      const Loc at = Ptr("escalation", i);
      Refs(at + "applies_to", p.applies_to, tasks_, "task");
      IdMap rule_ids;
      IndexIds([&at](size_t k) { return (at + "rules").At(k); }, p.rules,
               &rule_ids);
      for (size_t k = 0; k < p.rules.size(); ++k) {
        const EscalationRuleData& r = p.rules[k];
        const Loc rp = (at + "rules").At(k);
        OneOf(rp + "trigger" + "kind", r.trigger,
              {"working_days_overdue", "consecutive_missed_reports",
               "pace_behind", "cards_in_window", "carry_over", "incident"});
        OneOf(rp + "action", r.action,
              {"remind", "circular", "interview", "warning", "yellow_card",
               "red_card", "listed_supervision", "exposure", "joint_sanction",
               "accountability"});
        for (size_t a = 0; a < r.audience.size(); ++a) {
          OneOf((rp + "audience").At(a), r.audience[a],
                {"lead_unit", "lead_unit_head", "supervising_leader",
                 "group_convener", "chief_dispatcher", "support_units"});
        }
      }
    }
  }

  const PlanData& d_;
  IdMap units_, sets_, posts_, people_, groups_, tasks_;
  absl::flat_hash_map<std::string_view, size_t> paths_;
  std::vector<PlanDiagnostic> out_;
};

// Fills `lists` from per-record vectors.
template <typename T>
void Flatten(std::vector<std::vector<T>>& per_record, Lists<T>* lists) {
  lists->offsets.assign(per_record.size() + 1, 0);
  size_t total = 0;
  for (const auto& v : per_record) total += v.size();
  lists->items.clear();
  lists->items.reserve(total);
  for (size_t i = 0; i < per_record.size(); ++i) {
    lists->items.insert(lists->items.end(), per_record[i].begin(),
                        per_record[i].end());
    lists->offsets[i + 1] = static_cast<uint32_t>(lists->items.size());
    std::vector<T>().swap(per_record[i]);
  }
}

void AddName(Plan::Impl::NameMap* map,
             const std::string& name, uint32_t index) {
  if (name.empty()) return;
  std::vector<uint32_t>& list = (*map)[name];
  if (std::find(list.begin(), list.end(), index) == list.end()) {
    list.push_back(index);
  }
}

void BuildIndexes(Plan::Impl* impl, Validator::Ids ids) {
  const PlanData& d = impl->data;
  const auto n_units = static_cast<uint32_t>(d.units.size());
  impl->unit_by_id = std::move(ids.units);
  impl->post_by_id = std::move(ids.posts);
  impl->group_by_id = std::move(ids.groups);
  impl->set_by_id = std::move(ids.sets);
  impl->person_by_id = std::move(ids.people);
  impl->task_by_key = std::move(ids.tasks);
  auto& post_ids = impl->post_by_id;
  auto& group_ids = impl->group_by_id;
  auto& set_ids = impl->set_by_id;
  auto& person_ids = impl->person_by_id;
  auto post_or_none = [&](const std::string& id) {
    auto it = post_ids.find(id);
    return it == post_ids.end() ? kNone : static_cast<int32_t>(it->second);
  };

  // Names.
  for (uint32_t i = 0; i < n_units; ++i) {
    const UnitData& u = d.units[i];
    AddName(&impl->unit_by_name, u.name, i);
    AddName(&impl->unit_by_name, u.full_name, i);
    for (const std::string& a : u.aliases) AddName(&impl->unit_by_name, a, i);
  }
  impl->task_by_key.reserve(2 * d.tasks.size());
  for (uint32_t i = 0; i < d.tasks.size(); ++i) {
    if (!d.tasks[i].path.empty()) impl->task_by_key.try_emplace(d.tasks[i].path, i);
  }
  for (uint32_t i = 0; i < d.groups.size(); ++i) {
    AddName(&impl->group_by_name, d.groups[i].id, i);
    AddName(&impl->group_by_name, d.groups[i].name, i);
    for (const auto& a : d.groups[i].aliases) AddName(&impl->group_by_name, a, i);
  }
  for (uint32_t i = 0; i < d.unit_sets.size(); ++i) {
    AddName(&impl->set_by_name, d.unit_sets[i].id, i);
    AddName(&impl->set_by_name, d.unit_sets[i].name, i);
    for (const auto& a : d.unit_sets[i].aliases) AddName(&impl->set_by_name, a, i);
  }
  for (uint32_t i = 0; i < d.posts.size(); ++i) {
    AddName(&impl->post_by_name, d.posts[i].id, i);
    AddName(&impl->post_by_name, d.posts[i].title, i);
  }
  for (uint32_t i = 0; i < d.people.size(); ++i) {
    AddName(&impl->person_by_name, d.people[i].id, i);
    AddName(&impl->person_by_name, d.people[i].name, i);
  }

  // Units: posts and lifecycle.
  impl->unit_head.resize(n_units);
  impl->unit_supervising.resize(n_units);
  for (uint32_t i = 0; i < n_units; ++i) {
    impl->unit_head[i] = post_or_none(d.units[i].head_post);
    impl->unit_supervising[i] = post_or_none(d.units[i].supervising_post);
  }
  impl->unit_gone_day.assign(n_units, kNever);
  impl->unit_successor.assign(n_units, kNone);
  std::vector<std::vector<uint32_t>> predecessors(n_units);
  for (const UnitChangeData& c : d.unit_changes) {
    for (const std::string& from : c.from) {
      const uint32_t u = impl->unit_by_id.at(from);
      impl->unit_gone_day[u] = c.date.days_since_epoch();
      if (!c.to.empty()) {
        const uint32_t s = impl->unit_by_id.at(c.to.front());
        impl->unit_successor[u] = static_cast<int32_t>(s);
        predecessors[s].push_back(u);
      }
    }
  }
  // Transitive predecessors: a unit inherits from its predecessors' own.
  std::vector<std::vector<uint32_t>> all_predecessors(n_units);
  for (uint32_t u = 0; u < n_units; ++u) {
    std::vector<uint32_t> stack = predecessors[u];
    while (!stack.empty()) {
      const uint32_t p = stack.back();
      stack.pop_back();
      all_predecessors[u].push_back(p);
      stack.insert(stack.end(), predecessors[p].begin(), predecessors[p].end());
    }
  }
  Flatten(all_predecessors, &impl->unit_predecessors);

  // Tenures, per post and per person, sorted by start.
  std::vector<std::vector<TenureSpan>> by_post(d.posts.size());
  std::vector<std::vector<TenureSpan>> by_person(d.people.size());
  for (const TenureData& t : d.tenures) {
    const TenureSpan span{t.from.days_since_epoch(),
                          t.to ? t.to->days_since_epoch() : kNever,
                          person_ids.at(t.person), post_ids.at(t.post)};
    by_post[span.post].push_back(span);
    by_person[span.person].push_back(span);
  }
  auto by_start = [](const TenureSpan& a, const TenureSpan& b) {
    return a.from < b.from;
  };
  for (auto& v : by_post) std::sort(v.begin(), v.end(), by_start);
  for (auto& v : by_person) std::sort(v.begin(), v.end(), by_start);
  Flatten(by_post, &impl->post_tenures);
  Flatten(by_person, &impl->person_tenures);

  // Groups: posts and units as indices; the dispatch group above each.
  const size_t n_groups = d.groups.size();
  std::vector<std::vector<uint32_t>> conveners(n_groups), deputies(n_groups),
      guiding(n_groups);
  impl->group_office_host.assign(n_groups, kNone);
  impl->group_office_director.assign(n_groups, kNone);
  for (uint32_t g = 0; g < n_groups; ++g) {
    const GroupData& group = d.groups[g];
    for (const auto& id : group.conveners) conveners[g].push_back(post_ids.at(id));
    for (const auto& id : group.deputy_conveners) deputies[g].push_back(post_ids.at(id));
    for (const auto& id : group.guiding_posts) guiding[g].push_back(post_ids.at(id));
    if (!group.office_host.empty()) {
      impl->group_office_host[g] =
          static_cast<int32_t>(impl->unit_by_id.at(group.office_host));
    }
    impl->group_office_director[g] = post_or_none(group.office_director);
  }
  Flatten(conveners, &impl->group_conveners);
  Flatten(deputies, &impl->group_deputies);
  Flatten(guiding, &impl->group_guiding);
  impl->group_dispatch.assign(n_groups, kNone);
  for (uint32_t g = 0; g < d.groups.size(); ++g) {
    int32_t at = static_cast<int32_t>(g);
    for (size_t hops = 0; at != kNone && hops <= d.groups.size(); ++hops) {
      if (d.groups[at].kind == "dispatch") {
        impl->group_dispatch[g] = at;
        break;
      }
      auto it = group_ids.find(d.groups[at].parent);
      at = it == group_ids.end() ? kNone : static_cast<int32_t>(it->second);
    }
  }

  // Task tree: parents and the nearest supervising group.
  const auto n_tasks = static_cast<uint32_t>(d.tasks.size());
  impl->task_parent.assign(n_tasks, kNone);
  for (uint32_t i = 0; i < n_tasks; ++i) {
    if (!d.tasks[i].parent.empty()) {
      impl->task_parent[i] =
          static_cast<int32_t>(impl->task_by_key.at(d.tasks[i].parent));
    }
  }
  std::vector<int32_t> supervised_by(n_tasks, kNone);
  for (uint32_t g = 0; g < d.groups.size(); ++g) {
    for (const std::string& node : d.groups[g].supervises) {
      supervised_by[impl->task_by_key.at(node)] = static_cast<int32_t>(g);
    }
  }
  impl->task_group.assign(n_tasks, kNone);
  std::vector<std::vector<uint32_t>> group_tasks(d.groups.size());
  for (uint32_t i = 0; i < n_tasks; ++i) {  // parents come first
    const int32_t parent = impl->task_parent[i];
    impl->task_group[i] = supervised_by[i] != kNone ? supervised_by[i]
                          : parent != kNone         ? impl->task_group[parent]
                                                    : kNone;
    if (impl->task_group[i] != kNone) group_tasks[impl->task_group[i]].push_back(i);
  }
  Flatten(group_tasks, &impl->group_tasks);

  // Expanded role entries: each node's own, then per unit.
  std::vector<std::vector<RoleEntry>> own(n_tasks);
  std::vector<std::vector<uint32_t>> own_posts(n_tasks);
  std::vector<std::vector<UnitTask>> per_unit(n_units);
  for (uint32_t i = 0; i < n_tasks; ++i) {
    for (const AssignmentData& a : d.tasks[i].assignments) {
      auto add = [&](uint32_t unit, AssignedVia via, uint32_t via_index) {
        own[i].push_back(RoleEntry{unit, via_index, i,
                                   static_cast<int16_t>(a.clause),
                                   static_cast<uint8_t>(a.role),
                                   static_cast<uint8_t>(via)});
      };
      auto add_members = [&](const std::vector<std::string>& members,
                             AssignedVia via, uint32_t via_index) {
        for (const std::string& m : members) {
          add(impl->unit_by_id.at(m), via, via_index);
        }
      };
      if (!a.unit.empty()) {
        add(impl->unit_by_id.at(a.unit), AssignedVia::kDirect, 0);
      } else if (!a.unit_set.empty()) {
        const uint32_t s = set_ids.at(a.unit_set);
        const UnitSetData& set = d.unit_sets[s];
        add_members(set.group.empty() ? set.members
                                      : d.groups[group_ids.at(set.group)].members,
                    AssignedVia::kUnitSet, s);
      } else if (!a.group.empty()) {
        const uint32_t g = group_ids.at(a.group);
        add_members(d.groups[g].members, AssignedVia::kGroup, g);
      } else {
        own_posts[i].push_back(post_ids.at(a.post));
      }
    }
    for (const RoleEntry& e : own[i]) {
      per_unit[e.unit].push_back(UnitTask{TaskIndex{i}, static_cast<Role>(e.role),
                                          static_cast<AssignedVia>(e.via),
                                          e.via_index, e.clause});
    }
  }
  for (auto& list : per_unit) {
    std::stable_sort(list.begin(), list.end(),
                     [](const UnitTask& a, const UnitTask& b) {
                       return a.task.value != b.task.value
                                  ? a.task.value < b.task.value
                                  : a.role < b.role;
                     });
  }
  Flatten(per_unit, &impl->unit_entries);

  // Per task: own entries, then each ancestor's, stably sorted by role.
  std::vector<std::vector<RoleEntry>> full(n_tasks);
  std::vector<std::vector<uint32_t>> full_posts(n_tasks);
  for (uint32_t i = 0; i < n_tasks; ++i) {
    for (int32_t at = static_cast<int32_t>(i); at != kNone;
         at = impl->task_parent[at]) {
      full[i].insert(full[i].end(), own[at].begin(), own[at].end());
      full_posts[i].insert(full_posts[i].end(), own_posts[at].begin(),
                           own_posts[at].end());
    }
    std::stable_sort(full[i].begin(), full[i].end(),
                     [](const RoleEntry& a, const RoleEntry& b) {
                       return a.role < b.role;
                     });
  }
  Flatten(full, &impl->task_entries);
  Flatten(full_posts, &impl->task_posts);
}

}  // namespace

absl::StatusOr<Plan> Plan::Build(PlanData data,
                                 std::vector<PlanDiagnostic>* diagnostics) {
  Validator validator(data);
  std::vector<PlanDiagnostic> problems = validator.Run();
  if (!problems.empty()) {
    std::string message = absl::StrFormat(
        "plan has %d error%s:", problems.size(), problems.size() == 1 ? "" : "s");
    for (size_t i = 0; i < problems.size() && i < kMaxMessageLines; ++i) {
      absl::StrAppend(&message, "\n", problems[i].pointer, ": ",
                      problems[i].message);
    }
    if (problems.size() > kMaxMessageLines) {
      absl::StrAppend(&message, "\n... and ",
                      problems.size() - kMaxMessageLines, " more");
    }
    if (diagnostics != nullptr) {
      diagnostics->insert(diagnostics->end(), problems.begin(), problems.end());
    }
    return absl::InvalidArgumentError(message);
  }
  auto impl = std::make_shared<Impl>();
  // Moving the vectors keeps every string where it is, so the validator's
  // maps (which view those strings) stay valid.
  Validator::Ids ids = validator.TakeIds();
  impl->data = std::move(data);
  BuildIndexes(impl.get(), std::move(ids));
  return Plan(std::move(impl));
}

const PlanData& Plan::data() const { return impl_->data; }

}  // namespace dutygraph
