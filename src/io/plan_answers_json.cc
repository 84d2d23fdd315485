// The answers of plan.h as compact JSON (shapes: docs/plan-queries.md).
//
// nlohmann::ordered_json keeps keys in insertion order, so the bytes depend
// only on the answer. Records are rendered with their ids and the names a
// reader needs; an index that does not belong to `plan` (a caller mixing up
// plans) renders as null rather than reading out of bounds. Text that is not
// valid UTF-8 (possible only in a PlanData built by hand) is written with
// U+FFFD replacements instead of throwing.
#include "dutygraph/plan_answers_json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dutygraph/plan.h"
#include "nlohmann/json.hpp"

namespace dutygraph {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& json) {
  return json.dump(/*indent=*/-1, /*indent_char=*/' ', /*ensure_ascii=*/false,
                   Json::error_handler_t::replace);
}

std::string_view ViaName(AssignedVia via) {
  switch (via) {
    case AssignedVia::kDirect:
      return "direct";
    case AssignedVia::kUnitSet:
      return "unit_set";
    case AssignedVia::kGroup:
      return "group";
    case AssignedVia::kSuccessor:
      return "successor";
  }
  return "unknown";
}

// Renders the plan's records by index; null for an index out of range.
class Renderer {
 public:
  explicit Renderer(const Plan& plan) : d_(plan.data()) {}

  Json Unit(UnitIndex i) const {
    if (i.value >= d_.units.size()) return nullptr;
    const UnitData& u = d_.units[i.value];
    return Json{{"id", u.id}, {"name", u.name}};
  }
  Json Unit(const std::optional<UnitIndex>& i) const {
    return i ? Unit(*i) : Json(nullptr);
  }
  Json Task(TaskIndex i) const {
    if (i.value >= d_.tasks.size()) return nullptr;
    const TaskData& t = d_.tasks[i.value];
    return Json{{"id", t.id}, {"path", t.path}, {"title", t.title}};
  }
  Json TaskId(TaskIndex i) const {
    if (i.value >= d_.tasks.size()) return nullptr;
    return d_.tasks[i.value].id;
  }
  Json Group(const std::optional<GroupIndex>& i) const {
    if (!i || i->value >= d_.groups.size()) return nullptr;
    const GroupData& g = d_.groups[i->value];
    return Json{{"id", g.id}, {"name", g.name}};
  }
  Json Person(PersonIndex i) const {
    if (i.value >= d_.people.size()) return nullptr;
    const PersonData& p = d_.people[i.value];
    return Json{{"id", p.id}, {"name", p.name}};
  }
  Json Post(PostIndex i) const {
    if (i.value >= d_.posts.size()) return nullptr;
    const PostData& p = d_.posts[i.value];
    return Json{{"id", p.id}, {"title", p.title}};
  }
  // {"post", "person" (null when vacant), "vacant"}.
  Json Holder(const PostHolder& h) const {
    return Json{{"post", Post(h.post)},
                {"person", h.person ? Person(*h.person) : Json(nullptr)},
                {"vacant", !h.person.has_value()}};
  }
  Json Holder(const std::optional<PostHolder>& h) const {
    return h ? Holder(*h) : Json(nullptr);
  }
  Json Holders(const std::vector<PostHolder>& holders) const {
    Json out = Json::array();
    for (const PostHolder& h : holders) out.push_back(Holder(h));
    return out;
  }
  // The id of the set, group or predecessor unit an assignment came through;
  // null when it names the unit directly.
  Json ViaId(AssignedVia via, uint32_t index) const {
    switch (via) {
      case AssignedVia::kDirect:
        return nullptr;
      case AssignedVia::kUnitSet:
        return index < d_.unit_sets.size() ? Json(d_.unit_sets[index].id)
                                           : Json(nullptr);
      case AssignedVia::kGroup:
        return index < d_.groups.size() ? Json(d_.groups[index].id)
                                        : Json(nullptr);
      case AssignedVia::kSuccessor:
        return index < d_.units.size() ? Json(d_.units[index].id)
                                       : Json(nullptr);
    }
    return nullptr;
  }

 private:
  const PlanData& d_;
};

// -1 (the node itself) is null.
Json Clause(int32_t clause) {
  return clause < 0 ? Json(nullptr) : Json(clause);
}

}  // namespace

std::string AccountabilityJson(const Plan& plan, const Accountability& answer) {
  const Renderer r(plan);
  Json units = Json::array();
  for (const AccountableUnit& u : answer.units) {
    units.push_back(Json{{"role", RoleName(u.role)},
                         {"unit", r.Unit(u.unit)},
                         {"via", ViaName(u.via)},
                         {"via_id", r.ViaId(u.via, u.via_index)},
                         {"clause", Clause(u.clause)},
                         {"from_node", r.TaskId(u.from_node)},
                         {"head", r.Holder(u.head)},
                         {"supervising", r.Holder(u.supervising)}});
  }
  const Json json{{"task", r.Task(answer.task)},
                  {"on", answer.on.ToString()},
                  {"units", std::move(units)},
                  {"posts", r.Holders(answer.posts)},
                  {"group", r.Group(answer.group)},
                  {"conveners", r.Holders(answer.conveners)},
                  {"deputy_conveners", r.Holders(answer.deputy_conveners)},
                  {"guiding", r.Holders(answer.guiding)},
                  {"office_host", r.Unit(answer.office_host)},
                  {"office_director", r.Holder(answer.office_director)},
                  {"chief_dispatchers", r.Holders(answer.chief_dispatchers)}};
  return Dump(json);
}

std::string UnitTasksJson(const Plan& plan, UnitIndex unit, Date on,
                          const std::vector<UnitTask>& tasks) {
  const Renderer r(plan);
  // The unit that carries the duties on `on`: TasksOfUnit answers for it.
  absl::StatusOr<UnitIndex> carrier = plan.ResolveUnit(unit, on);
  Json list = Json::array();
  for (const UnitTask& t : tasks) {
    list.push_back(Json{{"task", r.Task(t.task)},
                        {"role", RoleName(t.role)},
                        {"via", ViaName(t.via)},
                        {"via_id", r.ViaId(t.via, t.via_index)},
                        {"clause", Clause(t.clause)}});
  }
  const Json json{{"unit", r.Unit(carrier.ok() ? *carrier : unit)},
                  {"on", on.ToString()},
                  {"tasks", std::move(list)}};
  return Dump(json);
}

std::string PersonTasksJson(const Plan& plan, PersonIndex person, Date from,
                            Date to, const std::vector<PersonTask>& tasks) {
  const Renderer r(plan);
  Json list = Json::array();
  for (const PersonTask& t : tasks) {
    list.push_back(
        Json{{"task", r.Task(t.task)},
             {"post", r.Post(t.post)},
             {"capacity", CapacityName(t.capacity)},
             {"role", t.role ? Json(RoleName(*t.role)) : Json(nullptr)},
             {"unit", r.Unit(t.unit)},
             {"from", t.from.ToString()},
             {"to", t.to.ToString()}});
  }
  const Json json{{"person", r.Person(person)},
                  {"from", from.ToString()},
                  {"to", to.ToString()},
                  {"tasks", std::move(list)}};
  return Dump(json);
}

std::string WorkloadsJson(const Plan& plan, Date on,
                          const std::vector<Workload>& workloads) {
  const Renderer r(plan);
  Json list = Json::array();
  for (const Workload& w : workloads) {
    Json entry{{"unit", r.Unit(w.unit)}};
    for (int role = 0; role < kRoleCount; ++role) {
      entry[std::string(RoleName(static_cast<Role>(role)))] = w.by_role[role];
    }
    entry["total"] = w.total;
    list.push_back(std::move(entry));
  }
  const Json json{{"on", on.ToString()}, {"workloads", std::move(list)}};
  return Dump(json);
}

std::string LintsJson(const std::vector<Lint>& lints) {
  Json list = Json::array();
  for (const Lint& l : lints) {
    list.push_back(Json{{"severity", l.severity},
                        {"code", l.code},
                        {"pointer", l.pointer},
                        {"message", l.message}});
  }
  return Dump(list);
}

std::string DiagnosticsJson(const std::vector<PlanDiagnostic>& diagnostics) {
  Json list = Json::array();
  for (const PlanDiagnostic& d : diagnostics) {
    list.push_back(Json{{"pointer", d.pointer}, {"message", d.message}});
  }
  return Dump(list);
}

}  // namespace dutygraph
