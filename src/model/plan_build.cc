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
    paths_ = KeyIndex<TaskData>(d_.tasks.data(), &TaskData::path);
    paths_.reserve(d_.tasks.size());
    task_parents_.assign(d_.tasks.size(), kNone);
    size_t assignments = 0;
    for (const TaskData& t : d_.tasks) assignments += t.assignments.size();
    assignment_targets_.reserve(assignments);
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

  // The id maps built while validating (they index the data's vectors,
  // whose buffers moving the data keeps), and the references of the tasks
  // resolved while checking them, handed to the index builder so that it
  // does not hash any of them again.
  struct Ids {
    KeyIndex<UnitData> units;
    KeyIndex<UnitSetData> sets;
    KeyIndex<PostData> posts;
    KeyIndex<PersonData> people;
    KeyIndex<GroupData> groups;
    KeyIndex<TaskData> tasks, paths;
    std::vector<int32_t> task_parents;  // node or kNone
    // One per assignment, tasks in order: the unit, set, group or post.
    std::vector<uint32_t> assignment_targets;
  };
  Ids TakeIds() {
    return Ids{std::move(units_),        std::move(sets_),
               std::move(posts_),        std::move(people_),
               std::move(groups_),       std::move(tasks_),
               std::move(paths_),        std::move(task_parents_),
               std::move(assignment_targets_)};
  }

 private:

  void Error(const Loc& at, std::string message) {
    out_.push_back({at.str(), std::move(message)});
  }
  void Error(std::string pointer, std::string message) {
    out_.push_back({std::move(pointer), std::move(message)});
  }

  template <typename Record>
  void IndexIds(const char* array, const std::vector<Record>& records,
                KeyIndex<Record>* ids) {
    IndexIds([array](size_t i) { return Loc(array, i); }, records, ids);
  }
  template <typename Record, typename LocOf>
  void IndexIds(LocOf loc_of, const std::vector<Record>& records,
                KeyIndex<Record>* ids) {
    *ids = KeyIndex<Record>(records.data(), &Record::id);
    ids->reserve(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      const std::string& id = records[i].id;
      if (id.empty()) {
        Error(loc_of(i) + "id", "id is empty");
        continue;
      }
      auto [first, inserted] = ids->Insert(static_cast<uint32_t>(i));
      if (!inserted) {
        Error(loc_of(i) + "id",
              absl::StrFormat("duplicate id '%s' (first at %s)", id,
                              loc_of(first).str()));
      }
    }
  }

  // Checks that `id` names a record in `ids`; empty is allowed if optional.
  template <typename Record>
  bool Ref(const Loc& pointer, const std::string& id,
           const KeyIndex<Record>& ids, std::string_view kind,
           bool optional = true) {
    return RefIndex(pointer, id, ids, kind, optional) != kNone;
  }
  // The same, returning the record's index (kNone if absent or unknown).
  template <typename Record>
  int32_t RefIndex(const Loc& pointer, const std::string& id,
                   const KeyIndex<Record>& ids, std::string_view kind,
                   bool optional = true) {
    if (id.empty()) {
      if (!optional) Error(pointer, absl::StrCat("missing ", std::string(kind), " id"));
      return kNone;
    }
    if (const int32_t found = ids.Find(id); found != kNone) return found;
    std::vector<std::string_view> candidates = ids.Keys();
    std::sort(candidates.begin(), candidates.end());
    std::string message = absl::StrFormat("unknown %s '%s'", kind, id);
    if (auto close = internal::ClosestMatch(id, candidates)) {
      absl::StrAppend(&message, "; did you mean '", *close, "'?");
    }
    Error(pointer, std::move(message));
    return kNone;
  }
  template <typename Record>
  void Refs(const Loc& pointer, const std::vector<std::string>& ids,
            const KeyIndex<Record>& map, std::string_view kind) {
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
      if (const int32_t parent = units_.Find(d_.units[i].parent);
          parent != kNone) {
        edges.emplace_back(static_cast<uint32_t>(i), parent);
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
        const int32_t unit = units_.Find(c.from[k]);
        if (unit == kNone) continue;
        if (gone[unit] != kNever) {
          Error((at + "from").At(k),
                absl::StrFormat("unit '%s' has already gone on %s", c.from[k],
                                Date::FromDaysSinceEpoch(gone[unit])
                                    ->ToString()));
        }
        gone[unit] = c.date.days_since_epoch();
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
      } else if (const int32_t parent =
                     RefIndex(at + "parent", t.parent, tasks_, "task");
                 parent != kNone) {
        if (static_cast<size_t>(parent) >= i) {
          Error(at + "parent",
                absl::StrFormat("parent '%s' must come earlier in the array",
                                t.parent));
        }
        task_parents_[i] = parent;
      }
      if (!t.path.empty()) {
        auto [first, inserted] = paths_.Insert(static_cast<uint32_t>(i));
        if (!inserted) {
          Error(at + "path", absl::StrFormat("duplicate path '%s' (first at %s)",
                                              t.path, Ptr("tasks", first).str()));
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
      assignment_targets_.push_back(0);
      return;
    }
    const int32_t target =
        !a.unit.empty()       ? RefIndex(at + "unit", a.unit, units_, "unit")
        : !a.unit_set.empty() ? RefIndex(at + "unit_set", a.unit_set, sets_,
                                         "unit set")
        : !a.group.empty() ? RefIndex(at + "group", a.group, groups_, "group")
                           : RefIndex(at + "post", a.post, posts_, "post");
    assignment_targets_.push_back(target == kNone ? 0 : target);
    const bool resolved = target != kNone;
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
      const int32_t from = RefIndex(at + "from", dep.from, tasks_, "task", false);
      const int32_t to = RefIndex(at + "to", dep.to, tasks_, "task", false);
      OneOf(at + "type", dep.type, {"finish_to_start"});
      if (dep.lag_working_days < 0) {
        Error(at + "lag_working_days", "lag must be >= 0");
      }
      if (from != kNone && to != kNone) {
        edges.emplace_back(from, to);
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
    KeyIndex<CadenceData> ids;
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
    KeyIndex<EscalationPolicyData> ids;
    IndexIds("escalation", d_.escalation, &ids);
    for (size_t i = 0; i < d_.escalation.size(); ++i) {
      const EscalationPolicyData& p = d_.escalation[i];
      const Loc at = Ptr("escalation", i);
      Refs(at + "applies_to", p.applies_to, tasks_, "task");
      KeyIndex<EscalationRuleData> rule_ids;
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
  KeyIndex<UnitData> units_;
  KeyIndex<UnitSetData> sets_;
  KeyIndex<PostData> posts_;
  KeyIndex<PersonData> people_;
  KeyIndex<GroupData> groups_;
  KeyIndex<TaskData> tasks_, paths_;
  std::vector<int32_t> task_parents_;
  std::vector<uint32_t> assignment_targets_;
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
  impl->task_by_id = std::move(ids.tasks);
  impl->task_by_path = std::move(ids.paths);
  const auto& unit_ids = impl->unit_by_id;
  const auto& post_ids = impl->post_by_id;
  const auto& group_ids = impl->group_by_id;
  const auto& person_ids = impl->person_by_id;
  auto post_or_none = [&](const std::string& id) { return post_ids.Find(id); };

  // Names.
  for (uint32_t i = 0; i < n_units; ++i) {
    const UnitData& u = d.units[i];
    AddName(&impl->unit_by_name, u.name, i);
    AddName(&impl->unit_by_name, u.full_name, i);
    for (const std::string& a : u.aliases) AddName(&impl->unit_by_name, a, i);
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
      const uint32_t u = unit_ids.at(from);
      impl->unit_gone_day[u] = c.date.days_since_epoch();
      if (!c.to.empty()) {
        const uint32_t s = unit_ids.at(c.to.front());
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
  impl->post_only_tenure.resize(by_post.size());
  for (uint32_t p = 0; p < by_post.size(); ++p) {
    impl->post_only_tenure[p] =
        by_post[p].size() == 1 ? by_post[p].front()
        : by_post[p].empty()   ? TenureSpan{kNever, kNever, 0, p}
                               : TenureSpan{kNever, kNever, 0, kManyTenures};
  }
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
          static_cast<int32_t>(unit_ids.at(group.office_host));
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
      at = group_ids.Find(d.groups[at].parent);
    }
  }

  // Member units of sets and groups.
  auto members_of = [&](const std::vector<std::string>& members,
                        Lists<uint32_t>* lists) {
    for (const std::string& m : members) lists->items.push_back(unit_ids.at(m));
    lists->offsets.push_back(static_cast<uint32_t>(lists->items.size()));
  };
  impl->group_units.offsets.assign(1, 0);
  for (const GroupData& group : d.groups) members_of(group.members, &impl->group_units);
  impl->set_units.offsets.assign(1, 0);
  for (const UnitSetData& set : d.unit_sets) {
    members_of(set.group.empty() ? set.members
                                 : d.groups[group_ids.at(set.group)].members,
               &impl->set_units);
  }
  impl->group_units.items.shrink_to_fit();
  impl->set_units.items.shrink_to_fit();

  // Task tree: parents (resolved by the validator) and the nearest
  // supervising group.
  const auto n_tasks = static_cast<uint32_t>(d.tasks.size());
  std::vector<NodeInfo>& nodes = impl->nodes;
  nodes.assign(n_tasks + 1, NodeInfo{0, kNone, kNone});
  for (uint32_t i = 0; i < n_tasks; ++i) nodes[i].parent = ids.task_parents[i];
  std::vector<int32_t> supervised_by(n_tasks, kNone);
  for (uint32_t g = 0; g < d.groups.size(); ++g) {
    for (const std::string& node : d.groups[g].supervises) {
      supervised_by[impl->task_by_id.at(node)] = static_cast<int32_t>(g);
    }
  }
  std::vector<std::vector<uint32_t>> group_tasks(d.groups.size());
  for (uint32_t i = 0; i < n_tasks; ++i) {  // parents come first
    const int32_t parent = nodes[i].parent;
    nodes[i].group = supervised_by[i] != kNone ? supervised_by[i]
                     : parent != kNone         ? nodes[parent].group
                                               : kNone;
    if (nodes[i].group != kNone) group_tasks[nodes[i].group].push_back(i);
  }
  Flatten(group_tasks, &impl->group_tasks);

  // Each node's own assignments, targets as the validator resolved them,
  // stably sorted by role with posts last (insertion sort: a node has few).
  std::vector<NodeAssignment>& own = impl->assignments;
  own.reserve(ids.assignment_targets.size());
  const uint32_t* target = ids.assignment_targets.data();
  for (uint32_t i = 0; i < n_tasks; ++i) {
    const size_t first = own.size();
    nodes[i].first_assignment = static_cast<uint32_t>(first);
    for (const AssignmentData& a : d.tasks[i].assignments) {
      const AssignedVia via = !a.unit.empty()       ? AssignedVia::kDirect
                              : !a.unit_set.empty() ? AssignedVia::kUnitSet
                                                    : AssignedVia::kGroup;
      const uint8_t kind = a.post.empty() ? static_cast<uint8_t>(via)
                                          : kPostTarget;
      NodeAssignment entry{*target++, static_cast<int16_t>(a.clause),
                           static_cast<uint8_t>(a.role), kind};
      size_t at = own.size();
      own.push_back(entry);
      for (; at > first && AssignmentOrder(own[at - 1]) > AssignmentOrder(entry);
           --at) {
        own[at] = own[at - 1];
      }
      own[at] = entry;
    }
  }
  nodes[n_tasks].first_assignment = static_cast<uint32_t>(own.size());

  // Per unit: its own entries, sets and groups expanded. Counted first so
  // that the list is one exact allocation; filled in node order, each node's
  // assignments already by role, so every unit's list comes out sorted by
  // (node, role) with document order among equals.
  Lists<UnitEntry>& per_unit = impl->unit_entries;
  per_unit.offsets.assign(n_units + 1, 0);
  auto for_each_unit = [&](const NodeAssignment& a, auto&& f) {
    if (a.kind == kPostTarget) return;
    if (a.kind == static_cast<uint8_t>(AssignedVia::kDirect)) {
      f(a.target);
      return;
    }
    const Lists<uint32_t>& members = MembersOf(*impl, a);
    for (const uint32_t* m = members.begin(a.target),
                       * end = members.end(a.target);
         m != end; ++m) {
      f(*m);
    }
  };
  for (const NodeAssignment& a : own) {
    for_each_unit(a, [&](uint32_t unit) { ++per_unit.offsets[unit + 1]; });
  }
  for (uint32_t u = 0; u < n_units; ++u) {
    per_unit.offsets[u + 1] += per_unit.offsets[u];
  }
  per_unit.items.resize(per_unit.offsets[n_units]);
  std::vector<uint32_t> next(per_unit.offsets.begin(),
                             per_unit.offsets.end() - 1);
  for (uint32_t i = 0; i < n_tasks; ++i) {
    for (const NodeAssignment* a = impl->AssignmentsBegin(i),
                             * end = impl->AssignmentsEnd(i);
         a != end; ++a) {
      const uint32_t via_index =
          a->kind == static_cast<uint8_t>(AssignedVia::kDirect) ? 0 : a->target;
      for_each_unit(*a, [&](uint32_t unit) {
        per_unit.items[next[unit]++] =
            UnitEntry{i, via_index, a->clause, a->role, a->kind};
      });
    }
  }
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
