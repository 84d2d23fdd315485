// tools/cli/plan_commands.cc — `dutygraph plan validate`, `who`, `tasks`,
// `raci`, `lint` and `workload`.
#include "plan_commands.h"

#include <algorithm>
#include <functional>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dutygraph/date.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_answers_json.h"
#include "dutygraph/plan_data.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/plan_view.h"
#include "output.h"

namespace dutygraph::cli {
namespace {

using json = nlohmann::ordered_json;

// The arguments of every plan command. Only one command runs per invocation,
// so they share one set of fields.
struct PlanArgs {
  std::string plan_path;  // --plan FILE, or validate's FILE
  std::string on;         // --on DATE as typed; empty: the plan's issue date
  bool json = false;
  std::string task;                // who TASK
  std::string unit;                // tasks --unit
  std::string person;              // tasks --person
  std::vector<std::string> roles;  // tasks --role, as typed
  std::string to;                  // tasks --to (with --person)
  std::string as_unit;             // --as-unit: answer as this unit sees it
  std::string as_post;             // --as-post: answer as this post sees it
  PlanLimits limits;               // --max-bytes, --max-depth, --max-records
};

using PlanRun = std::function<absl::Status(const PlanArgs&)>;
// Cross-argument checks run by CLI11 once each argument is valid; they throw
// CLI::ValidationError, reported as a usage error (exit 2).
using PlanCheck = std::function<void(const PlanArgs&)>;

void Print(const std::string& text) { std::cout << text << std::flush; }

// "1 unit" / "2 units".
std::string Count(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// ---- roles ------------------------------------------------------------------

constexpr std::string_view kRoleChineseNames[kRoleCount] = {"牵头", "配合",
                                                            "负责", "参与"};

std::string_view RoleChineseName(Role role) {
  return kRoleChineseNames[static_cast<int>(role)];
}

// lead|support|responsible|participate, or 牵头|配合|负责|参与.
std::optional<Role> ParseRoleArgument(std::string_view text) {
  if (std::optional<Role> role = ParseRole(text)) return role;
  for (int i = 0; i < kRoleCount; ++i) {
    if (text == kRoleChineseNames[i]) return static_cast<Role>(i);
  }
  return std::nullopt;
}

CLI::Validator RoleValidator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (ParseRoleArgument(text)) return "";
        return "unknown role '" + text +
               "'; expected lead, support, responsible or participate (or "
               "牵头, 配合, 负责, 参与)";
      },
      "", "ROLE");
}

// ---- loading ----------------------------------------------------------------

// The day a question is asked about: --on, or the plan's issue date.
struct AsOf {
  Date date;
  bool defaulted = false;  // taken from the plan's issue date
};

absl::StatusOr<AsOf> ReadAsOf(const Plan& plan, const PlanArgs& args) {
  if (!args.on.empty()) {
    absl::StatusOr<Date> on = ArgumentDate("--on", args.on);
    if (!on.ok()) return on.status();
    return AsOf{*on, false};
  }
  if (!plan.data().plan.issue_date) {
    return absl::InvalidArgumentError(
        "--on: not given, and the plan has no issue_date to default to; "
        "give the day to ask about as --on YYYY-MM-DD");
  }
  return AsOf{*plan.data().plan.issue_date, true};
}

// --as-unit / --as-post: the scoped view to answer through
// (dutygraph/plan_view.h), or nullopt to answer from the whole plan.
absl::StatusOr<std::optional<PlanView>> ReadView(const Plan& plan,
                                                 const PlanArgs& args,
                                                 const AsOf& as_of) {
  return OpenView(plan, args.as_unit, args.as_post, as_of.date);
}

std::string AsOfText(const AsOf& as_of) {
  return "as of " + as_of.date.ToString() +
         (as_of.defaulted ? " (the plan's issue date)" : "");
}

// ---- names of records -------------------------------------------------------

// "4/二/（一）/1 严禁新增隐性债务".
std::string NodeText(const Plan& plan, TaskIndex task) {
  const TaskData& t = plan.task(task);
  const std::string& key = t.path.empty() ? t.id : t.path;
  return t.title.empty() ? key : key + " " + t.title;
}

std::string PostTitle(const Plan& plan, PostIndex post) {
  const PostData& p = plan.post(post);
  return p.title.empty() ? p.id : p.title;
}

// "市财政局局长 雷高飞", or "市金融办主任 vacant（空缺）".
std::string HolderText(const Plan& plan, const PostHolder& holder) {
  return PostTitle(plan, holder.post) + " " +
         (holder.person ? plan.person(*holder.person).name
                        : std::string("vacant（空缺）"));
}

// "renamed 2023-11-10": the change by which `unit` went, if recorded.
std::string ChangeOf(const Plan& plan, UnitIndex unit) {
  const std::string& id = plan.unit(unit).id;
  for (const UnitChangeData& change : plan.data().unit_changes) {
    if (std::find(change.from.begin(), change.from.end(), id) !=
        change.from.end()) {
      return change.kind + " " + change.date.ToString();
    }
  }
  return "";
}

// How a unit came by its role, for a "via" note or column: "unit set
// 各城区政府", "members of 某专班", "successor of 衡阳银保监分局, renamed
// 2023-11-10"; empty when the assignment names the unit itself.
std::string ViaText(const Plan& plan, AssignedVia via, uint32_t via_index) {
  switch (via) {
    case AssignedVia::kDirect:
      return "";
    case AssignedVia::kUnitSet:
      return "unit set " + plan.unit_set(UnitSetIndex{via_index}).name;
    case AssignedVia::kGroup:
      return "members of " + plan.group(GroupIndex{via_index}).name;
    case AssignedVia::kSuccessor: {
      const UnitIndex predecessor{via_index};
      std::string text = "successor of " + plan.unit(predecessor).name;
      const std::string change = ChangeOf(plan, predecessor);
      if (!change.empty()) text += ", " + change;
      return text;
    }
  }
  return "";
}

// The dispatch group (总调度) at or above `group`, following parents.
std::optional<GroupIndex> DispatchGroupOf(const Plan& plan, GroupIndex group) {
  const std::vector<GroupData>& groups = plan.data().groups;
  std::optional<GroupIndex> at = group;
  // Parent links form no cycle (Plan::Build checks); the bound is a guard.
  for (size_t hops = 0; at && hops <= groups.size(); ++hops) {
    const GroupData& g = groups[at->value];
    if (g.kind == "dispatch") return at;
    at.reset();
    for (uint32_t i = 0; i < groups.size(); ++i) {
      if (!g.parent.empty() && groups[i].id == g.parent) at = GroupIndex{i};
    }
  }
  return std::nullopt;
}

// "2023-12-31 (年底前)" for each deadline, joined by "; ".
std::string DeadlinesText(const TaskData& task) {
  std::string text;
  for (const DeadlineData& d : task.deadlines) {
    std::string one;
    if (d.date) one = d.date->ToString();
    if (!d.text.empty()) one += one.empty() ? d.text : " (" + d.text + ")";
    if (one.empty()) one = d.kind;
    text += (text.empty() ? "" : "; ") + one;
  }
  return text;
}

// ---- plan validate ----------------------------------------------------------

std::string ValidSummary(const PlanData& d) {
  size_t parts = 0, sections = 0, tasks = 0, assignments = 0;
  for (const TaskData& t : d.tasks) {
    parts += t.kind == "part";
    sections += t.kind == "section";
    tasks += t.kind == "task";
    assignments += t.assignments.size();
  }
  return "ok: " + Count(d.units.size(), "unit", "units") + ", " +
         Count(d.unit_changes.size(), "unit change", "unit changes") + ", " +
         Count(d.unit_sets.size(), "unit set", "unit sets") + ", " +
         Count(d.posts.size(), "post", "posts") + ", " +
         Count(d.people.size(), "person", "people") + ", " +
         Count(d.tenures.size(), "tenure", "tenures") + ", " +
         Count(d.groups.size(), "group", "groups") + ", " +
         Count(d.tasks.size(), "node", "nodes") + " (" +
         Count(parts, "part", "parts") + ", " +
         Count(sections, "section", "sections") + ", " +
         Count(tasks, "task", "tasks") + "), " +
         Count(assignments, "assignment", "assignments") + ", " +
         Count(d.dependencies.size(), "dependency", "dependencies") + ", " +
         Count(d.cadences.size(), "cadence", "cadences") + ", " +
         Count(d.escalation.size(), "escalation policy",
               "escalation policies") +
         "\n";
}

absl::Status RunValidate(const PlanArgs& args) {
  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<Plan> plan = LoadPlan(args.plan_path, &diagnostics, args.limits);
  if (!args.json) {
    if (!plan.ok()) return plan.status();
    Print(ValidSummary(plan->data()));
    return absl::OkStatus();
  }
  if (plan.ok()) {
    Print(DiagnosticsJson({}) + "\n");
    return absl::OkStatus();
  }
  // A file that could not be read at all has no diagnostic of its own.
  if (diagnostics.empty()) {
    diagnostics.push_back({"", std::string(plan.status().message())});
  }
  Print(DiagnosticsJson(diagnostics) + "\n");
  return absl::Status(plan.status().code(),
                      args.plan_path + " is not a valid plan (" +
                          Count(diagnostics.size(), "problem", "problems") +
                          ", listed in the JSON on stdout)");
}

// ---- who --------------------------------------------------------------------

std::string WhoText(const Plan& plan, const Accountability& who,
                    const AsOf& as_of) {
  const TaskData& task = plan.task(who.task);
  std::string out = NodeText(plan, who.task) + " [" + task.id + "]\n";
  out += AsOfText(as_of) + "\n";
  if (const std::string due = DeadlinesText(task); !due.empty()) {
    out += "due: " + due + "\n";
  }
  out += "\n";

  if (who.units.empty() && who.posts.empty()) {
    out += "no unit or post has a role on this node or above it\n";
  }
  for (size_t i = 0; i < who.units.size(); ++i) {
    const AccountableUnit& u = who.units[i];
    if (i == 0 || who.units[i - 1].role != u.role) {
      out += std::string(RoleChineseName(u.role)) + " " +
             std::string(RoleName(u.role)) + ":\n";
    }
    std::vector<std::string> notes;
    if (std::string via = ViaText(plan, u.via, u.via_index); !via.empty()) {
      // "via unit set 各城区政府", but "successor of 衡阳银保监分局, ...".
      notes.push_back(u.via == AssignedVia::kSuccessor ? via : "via " + via);
    }
    if (!(u.from_node == who.task)) {
      notes.push_back("from " + NodeText(plan, u.from_node));
    }
    if (u.clause >= 0 && plan.task(u.from_node).clauses.size() > 1) {
      notes.push_back("clause " + std::to_string(u.clause + 1));
    }
    out += "  " + plan.unit(u.unit).name;
    for (size_t n = 0; n < notes.size(); ++n) {
      out += (n == 0 ? " (" : "; ") + notes[n];
    }
    out += notes.empty() ? "\n" : ")\n";
    if (u.head) out += "    head: " + HolderText(plan, *u.head) + "\n";
    if (u.supervising) {
      out +=
          "    supervising leader: " + HolderText(plan, *u.supervising) + "\n";
    }
  }
  if (!who.posts.empty()) {
    out += "assigned posts:\n";
    for (const PostHolder& p : who.posts) {
      out += "  " + HolderText(plan, p) + "\n";
    }
  }

  out += "\n";
  if (!who.group) {
    out += "supervising group: none\n";
  } else {
    out += "supervising group: " + plan.group(*who.group).name + "\n";
    for (const PostHolder& p : who.conveners) {
      out += "  convener: " + HolderText(plan, p) + "\n";
    }
    for (const PostHolder& p : who.deputy_conveners) {
      out += "  deputy convener: " + HolderText(plan, p) + "\n";
    }
    for (const PostHolder& p : who.guiding) {
      out += "  guiding: " + HolderText(plan, p) + "\n";
    }
    if (who.office_host || who.office_director) {
      out += "  office:";
      if (who.office_host) out += " " + plan.unit(*who.office_host).name;
      if (who.office_host && who.office_director) out += ",";
      if (who.office_director) {
        out += " director " + HolderText(plan, *who.office_director);
      }
      out += "\n";
    }
  }
  if (!who.chief_dispatchers.empty()) {
    std::string dispatch;
    if (who.group) {
      if (std::optional<GroupIndex> g = DispatchGroupOf(plan, *who.group)) {
        dispatch = " (" + plan.group(*g).name + ")";
      }
    }
    for (const PostHolder& p : who.chief_dispatchers) {
      out += "chief dispatcher: " + HolderText(plan, p) + dispatch + "\n";
    }
  }
  return out;
}

absl::Status RunWho(const PlanArgs& args) {
  absl::StatusOr<Plan> plan = LoadPlan(args.plan_path, nullptr, args.limits);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<AsOf> as_of = ReadAsOf(*plan, args);
  if (!as_of.ok()) return as_of.status();
  absl::StatusOr<std::optional<PlanView>> view = ReadView(*plan, args, *as_of);
  if (!view.ok()) return view.status();
  absl::StatusOr<TaskIndex> task =
      *view ? (*view)->FindTask(args.task) : plan->FindTask(args.task);
  if (!task.ok()) return WithContext(task.status(), "TASK");
  Accountability who;
  absl::Status status = *view ? (*view)->AccountabilityOf(*task, &who)
                              : plan->AccountabilityOf(*task, as_of->date, &who);
  if (!status.ok()) return status;
  Print(args.json ? AccountabilityJson(*plan, who) + "\n"
                  : WhoText(*plan, who, *as_of));
  return absl::OkStatus();
}

// ---- tasks ------------------------------------------------------------------

std::vector<Role> ReadRoles(const PlanArgs& args) {
  std::vector<Role> roles;
  for (const std::string& text : args.roles) {
    // Validated by RoleValidator.
    if (std::optional<Role> role = ParseRoleArgument(text)) {
      if (std::find(roles.begin(), roles.end(), *role) == roles.end()) {
        roles.push_back(*role);
      }
    }
  }
  return roles;
}

// An unknown unit name may be a set or a group of units: say so, and which
// units it stands for.
absl::Status ExplainUnknownUnit(const Plan& plan, std::string_view name,
                                const absl::Status& status) {
  if (status.code() != absl::StatusCode::kNotFound) return status;
  std::string kind, record_name;
  std::vector<std::string> member_ids;
  if (absl::StatusOr<UnitSetIndex> set = plan.FindUnitSet(name); set.ok()) {
    const UnitSetData& s = plan.unit_set(*set);
    kind = "a unit set";
    record_name = s.name;
    member_ids = s.members;
    if (!s.group.empty()) {
      if (absl::StatusOr<GroupIndex> g = plan.FindGroup(s.group); g.ok()) {
        member_ids = plan.group(*g).members;
      }
    }
  } else if (absl::StatusOr<GroupIndex> group = plan.FindGroup(name);
             group.ok()) {
    kind = "a group";
    record_name = plan.group(*group).name;
    member_ids = plan.group(*group).members;
  } else {
    return status;
  }
  std::string members;
  for (const std::string& id : member_ids) {
    absl::StatusOr<UnitIndex> unit = plan.FindUnit(id);
    members += (members.empty() ? "" : ", ") +
               (unit.ok() ? plan.unit(*unit).name : id);
  }
  return absl::NotFoundError(
      "'" + std::string(name) + "' is " + kind +
      (record_name == name ? "" : " (" + record_name + ")") + ", not a unit; " +
      (members.empty() ? std::string("it lists no member units")
                       : "ask about one of its units: " + members));
}

absl::Status RunUnitTasks(const Plan& plan, const PlanArgs& args,
                          const AsOf& as_of,
                          const std::optional<PlanView>& view) {
  absl::StatusOr<UnitIndex> unit = plan.FindUnit(args.unit, as_of.date);
  if (!unit.ok()) {
    return WithContext(ExplainUnknownUnit(plan, args.unit, unit.status()),
                       "--unit");
  }
  std::vector<UnitTask> tasks;
  absl::Status status =
      view ? view->TasksOfUnit(*unit, ReadRoles(args), &tasks)
           : plan.TasksOfUnit(*unit, as_of.date, ReadRoles(args), &tasks);
  if (!status.ok()) return WithContext(status, "--unit");
  if (args.json) {
    Print(UnitTasksJson(plan, *unit, as_of.date, tasks) + "\n");
    return absl::OkStatus();
  }
  const UnitData& u = plan.unit(*unit);
  std::string out = u.name + " [" + u.id + "]";
  // Say so when the name asked for led to a successor.
  absl::StatusOr<UnitIndex> named = plan.FindUnit(args.unit);
  if (named.ok() && !(*named == *unit)) {
    out += ", successor of " + plan.unit(*named).name;
    if (const std::string change = ChangeOf(plan, *named); !change.empty()) {
      out += " (" + change + ")";
    }
  }
  out += ", " + AsOfText(as_of) + ": " +
         Count(tasks.size(), "assignment", "assignments") + "\n";
  if (!tasks.empty()) {
    Table table({"path", "title", "role", "via"});
    for (const UnitTask& t : tasks) {
      const TaskData& task = plan.task(t.task);
      const std::string via = ViaText(plan, t.via, t.via_index);
      table.AddRow({task.path.empty() ? task.id : task.path, task.title,
                    std::string(RoleName(t.role)),
                    via.empty() ? "direct" : via});
    }
    out += table.Render();
  }
  Print(out);
  return absl::OkStatus();
}

// "head of 市财政局 (市财政局局长)", "deputy convener (市财政局局长)".
std::string CapacityText(const Plan& plan, const PersonTask& t) {
  std::string text(CapacityName(t.capacity));
  std::replace(text.begin(), text.end(), '_', ' ');
  if (t.capacity == Capacity::kUnitHead) text = "head";
  if (t.unit) text += " of " + plan.unit(*t.unit).name;
  return text + " (" + PostTitle(plan, t.post) + ")";
}

absl::Status RunPersonTasks(const Plan& plan, const PlanArgs& args,
                            const AsOf& as_of,
                            const std::optional<PlanView>& view) {
  absl::StatusOr<PersonIndex> person = plan.FindPerson(args.person);
  if (!person.ok()) return WithContext(person.status(), "--person");
  Date to = as_of.date;
  if (!args.to.empty()) {
    absl::StatusOr<Date> parsed = ArgumentDate("--to", args.to);
    if (!parsed.ok()) return parsed.status();
    to = *parsed;
  }
  std::vector<PersonTask> tasks;
  absl::Status status =
      view ? view->TasksOfPerson(*person, as_of.date, to, &tasks)
           : plan.TasksOfPerson(*person, as_of.date, to, &tasks);
  if (!status.ok()) return WithContext(status, "--person");
  // --role keeps the ties that carry that role: a unit's head or supervising
  // leader, or an assigned post; group offices have no role of their own.
  if (const std::vector<Role> roles = ReadRoles(args); !roles.empty()) {
    std::erase_if(tasks, [&](const PersonTask& t) {
      return !t.role ||
             std::find(roles.begin(), roles.end(), *t.role) == roles.end();
    });
  }
  if (args.json) {
    Print(PersonTasksJson(plan, *person, as_of.date, to, tasks) + "\n");
    return absl::OkStatus();
  }
  const PersonData& p = plan.person(*person);
  const bool range = !(to == as_of.date);
  std::string out = p.name + " [" + p.id + "], ";
  out += range ? "from " + as_of.date.ToString() + " to " + to.ToString()
               : AsOfText(as_of);
  out += ": " + Count(tasks.size(), "assignment", "assignments") + "\n";
  if (!tasks.empty()) {
    std::vector<std::string> header = {"path", "title", "role", "via"};
    if (range) header.push_back("held");
    Table table(std::move(header));
    for (const PersonTask& t : tasks) {
      const TaskData& task = plan.task(t.task);
      std::vector<std::string> row = {
          task.path.empty() ? task.id : task.path, task.title,
          t.role ? std::string(RoleName(*t.role)) : "", CapacityText(plan, t)};
      if (range) row.push_back(t.from.ToString() + ".." + t.to.ToString());
      table.AddRow(std::move(row));
    }
    out += table.Render();
  }
  Print(out);
  return absl::OkStatus();
}

absl::Status RunTasks(const PlanArgs& args) {
  absl::StatusOr<Plan> plan = LoadPlan(args.plan_path, nullptr, args.limits);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<AsOf> as_of = ReadAsOf(*plan, args);
  if (!as_of.ok()) return as_of.status();
  absl::StatusOr<std::optional<PlanView>> view = ReadView(*plan, args, *as_of);
  if (!view.ok()) return view.status();
  return args.unit.empty() ? RunPersonTasks(*plan, args, *as_of, *view)
                           : RunUnitTasks(*plan, args, *as_of, *view);
}

void CheckTasksArguments(const PlanArgs& args) {
  if (args.unit.empty() && args.person.empty()) {
    throw CLI::ValidationError("--unit/--person",
                               "give --unit NAME or --person NAME");
  }
  absl::StatusOr<Date> on = Date::Parse(args.on);
  absl::StatusOr<Date> to = Date::Parse(args.to);
  if (on.ok() && to.ok() && *to < *on) {
    throw CLI::ValidationError(
        "--to", "'" + args.to + "' is before --on '" + args.on + "'");
  }
}

// ---- raci -------------------------------------------------------------------

// The records of RFC 4180 `csv` (as Plan::RaciCsv writes it).
std::vector<std::vector<std::string>> ParseCsv(std::string_view csv) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < csv.size() && csv[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

// The RACI matrix as JSON, read back from the library's CSV so that both
// outputs say the same: {"on", "units": [names], "rows": [{"id", "path",
// "title", "roles": ["L", "", "R+S", ...]}]}.
absl::StatusOr<std::string> RaciJson(const std::string& csv, Date on) {
  const std::vector<std::vector<std::string>> rows = ParseCsv(csv);
  constexpr size_t kFixedColumns = 3;  // id, path, title
  if (rows.empty() || rows.front().size() < kFixedColumns) {
    return absl::InternalError("the RACI CSV has no header");
  }
  const std::vector<std::string>& header = rows.front();
  json units = json::array();
  for (size_t c = kFixedColumns; c < header.size(); ++c) {
    units.push_back(header[c]);
  }
  json records = json::array();
  for (size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string>& row = rows[r];
    if (row.size() != header.size()) {
      return absl::InternalError("RACI CSV row " + std::to_string(r + 1) +
                                 " has " + std::to_string(row.size()) +
                                 " fields, the header " +
                                 std::to_string(header.size()));
    }
    json roles = json::array();
    for (size_t c = kFixedColumns; c < row.size(); ++c) roles.push_back(row[c]);
    records.push_back(json{{"id", row[0]},
                           {"path", row[1]},
                           {"title", row[2]},
                           {"roles", std::move(roles)}});
  }
  return json{{"on", on.ToString()},
              {"units", std::move(units)},
              {"rows", std::move(records)}}
             .dump(-1, ' ', /*ensure_ascii=*/false,
                   json::error_handler_t::replace) +
         "\n";
}

absl::Status RunRaci(const PlanArgs& args) {
  absl::StatusOr<Plan> plan = LoadPlan(args.plan_path, nullptr, args.limits);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<AsOf> as_of = ReadAsOf(*plan, args);
  if (!as_of.ok()) return as_of.status();
  absl::StatusOr<std::optional<PlanView>> view = ReadView(*plan, args, *as_of);
  if (!view.ok()) return view.status();
  const std::string csv =
      *view ? (*view)->RaciCsv() : plan->RaciCsv(as_of->date);
  if (!args.json) {
    Print(csv);
    return absl::OkStatus();
  }
  absl::StatusOr<std::string> text = RaciJson(csv, as_of->date);
  if (!text.ok()) return text.status();
  Print(*text);
  return absl::OkStatus();
}

// ---- lint -------------------------------------------------------------------

absl::Status RunLint(const PlanArgs& args) {
  absl::StatusOr<Plan> plan = LoadPlan(args.plan_path, nullptr, args.limits);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<AsOf> as_of = ReadAsOf(*plan, args);
  if (!as_of.ok()) return as_of.status();
  absl::StatusOr<std::optional<PlanView>> view = ReadView(*plan, args, *as_of);
  if (!view.ok()) return view.status();
  const std::vector<Lint> lints =
      *view ? (*view)->Lints() : plan->Lints(as_of->date);
  size_t errors = 0;
  std::string out;
  for (const Lint& lint : lints) {
    errors += lint.severity == "error";
    out += lint.severity + " " + lint.code + " " + lint.pointer + " " +
           lint.message + "\n";
  }
  Print(args.json ? LintsJson(lints) + "\n" : out);
  if (errors == 0) return absl::OkStatus();
  return absl::FailedPreconditionError(
      args.plan_path + ": " + Count(errors, "error", "errors") + " and " +
      Count(lints.size() - errors, "warning", "warnings") + " " +
      AsOfText(*as_of));
}

// ---- workload ---------------------------------------------------------------

absl::Status RunWorkload(const PlanArgs& args) {
  absl::StatusOr<Plan> plan = LoadPlan(args.plan_path, nullptr, args.limits);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<AsOf> as_of = ReadAsOf(*plan, args);
  if (!as_of.ok()) return as_of.status();
  absl::StatusOr<std::optional<PlanView>> view = ReadView(*plan, args, *as_of);
  if (!view.ok()) return view.status();
  const std::vector<Workload> workloads =
      *view ? (*view)->Workloads() : plan->Workloads(as_of->date);
  if (args.json) {
    Print(WorkloadsJson(*plan, as_of->date, workloads) + "\n");
    return absl::OkStatus();
  }
  Table table(
      {"unit", "lead", "support", "responsible", "participate", "total"});
  for (size_t column = 1; column <= 5; ++column) {
    table.AlignColumn(column, Table::Align::kRight);
  }
  for (const Workload& w : workloads) {
    std::vector<std::string> row = {plan->unit(w.unit).name};
    for (int role = 0; role < kRoleCount; ++role) {
      row.push_back(std::to_string(w.by_role[role]));
    }
    row.push_back(std::to_string(w.total));
    table.AddRow(std::move(row));
  }
  Print(table.Render());
  return absl::OkStatus();
}

// ---- registration -----------------------------------------------------------

void AddPlanExitStatusFooter(CLI::App& app) {
  app.footer(
      "Exit status:\n"
      "  0  success\n"
      "  1  could not answer: a plan file that is missing, unreadable or "
      "not\n"
      "     valid (every problem is listed as FILE: POINTER: MESSAGE), an\n"
      "     unknown or ambiguous task, unit or person; for lint, an "
      "error-severity\n"
      "     finding\n"
      "  2  usage error: unknown subcommand or option, missing or bad "
      "argument\n"
      "     (a malformed date, an unknown role)\n"
      "Errors go to stderr as 'dutygraph: error: ...'.");
}

constexpr char kOnHelp[] =
    "the day to ask about; default: the plan's issue date (plan.issue_date)";

// Adds command `name` under `parent`; when CLI11 has parsed it, runs `check`
// and sets `action` to `run`.
CLI::App* AddPlanSubcommand(CLI::App& parent, const std::string& name,
                            const std::string& description,
                            const std::shared_ptr<PlanArgs>& args,
                            CommandAction& action, PlanRun run,
                            PlanCheck check = nullptr) {
  CLI::App* sub = parent.add_subcommand(name, description);
  AddPlanExitStatusFooter(*sub);
  sub->callback(
      [args, &action, run = std::move(run), check = std::move(check)] {
        if (check) check(*args);
        action = [args, run]() -> absl::Status { return run(*args); };
      });
  return sub;
}

// --max-bytes, --max-depth, --max-records: the loader's limits.
void AddLimitOptions(CLI::App* sub, PlanArgs& args) {
  sub->add_option("--max-bytes", args.limits.max_bytes,
                  "refuse a plan file larger than this many bytes "
                  "(default 256 MiB)")
      ->type_name("N")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 40));
  sub->add_option("--max-depth", args.limits.max_depth,
                  "refuse JSON nested deeper than this (default 32)")
      ->type_name("N")
      ->check(CLI::Range(1, 100000));
  sub->add_option("--max-records", args.limits.max_records,
                  "refuse a plan with more array elements than this in all "
                  "(default 2000000)")
      ->type_name("N")
      ->check(CLI::Range(uint64_t{0}, uint64_t{1} << 40));
}

// --plan FILE and, if the answer depends on the day, --on DATE; --json.
void AddCommonOptions(CLI::App* sub, PlanArgs& args, bool with_on) {
  AddLimitOptions(sub, args);
  sub->add_option("--plan", args.plan_path,
                  "the plan file (dutygraph/plan@1 JSON, docs/plan-format.md)")
      ->required()
      ->type_name("FILE");
  if (with_on) {
    sub->add_option("--on", args.on, kOnHelp)
        ->type_name("YYYY-MM-DD")
        ->check(DateValidator());
    // Scoped views (docs/scoped-views.md): what one unit or post may see.
    CLI::Option* as_unit =
        sub->add_option("--as-unit", args.as_unit,
                        "answer as this unit sees the plan on --on: only the "
                        "tasks where it has a role, and public ones; any "
                        "other task is reported as unknown")
            ->type_name("NAME");
    CLI::Option* as_post =
        sub->add_option("--as-post", args.as_post,
                        "answer as this post (id or title) sees the plan on "
                        "--on: its units' tasks, its groups' and its own")
            ->type_name("POST");
    as_unit->excludes(as_post);
  }
  sub->add_flag("--json", args.json, "print JSON instead of text");
}

}  // namespace

void AddPlanCommands(CLI::App& app, CommandAction& action) {
  auto args = std::make_shared<PlanArgs>();

  CLI::App* plan = app.add_subcommand(
      "plan", "Plan files (dutygraph/plan@1 JSON, docs/plan-format.md)");
  plan->require_subcommand(1);
  AddPlanExitStatusFooter(*plan);
  CLI::App* validate = AddPlanSubcommand(
      *plan, "validate",
      "Check a plan file: its format and every cross-record rule. Prints "
      "'ok: N units, ...' with the number of each kind of record, or every "
      "problem on stderr as FILE: POINTER: MESSAGE (exit 1); with --json, "
      "the problems as JSON on stdout ([] when valid)",
      args, action, RunValidate);
  validate->add_option("FILE", args->plan_path, "the plan file")
      ->required()
      ->type_name("FILE");
  validate->add_flag("--json", args->json, "print the problems as JSON");
  AddLimitOptions(validate, *args);

  CLI::App* who = AddPlanSubcommand(
      app, "who",
      "Who is accountable for TASK on a day: the units by role (牵头 lead, "
      "配合 support, 负责 responsible, 参与 participate) with their heads and "
      "supervising leaders and who held those posts (or vacant), then the "
      "supervising group, its conveners, office and the chief dispatcher",
      args, action, RunWho);
  who->add_option("TASK", args->task,
                  "the task-tree node: its id (t_hidden_debt) or its path as "
                  "printed (4/二/（一）/1)")
      ->required()
      ->type_name("TASK");
  AddCommonOptions(who, *args, /*with_on=*/true);

  CLI::App* tasks = AddPlanSubcommand(
      app, "tasks",
      "The tasks of a unit (--unit) or of a person (--person, through the "
      "posts they held) as a table: path, title, role, via",
      args, action, RunTasks, CheckTasksArguments);
  CLI::Option* unit =
      tasks
          ->add_option("--unit", args->unit,
                       "a unit by id, name, full name or alias; as of --on, "
                       "a unit renamed or merged by then means its successor")
          ->type_name("NAME");
  CLI::Option* person =
      tasks->add_option("--person", args->person, "a person by id or name")
          ->type_name("NAME");
  unit->excludes(person);
  tasks
      ->add_option(
          "--role", args->roles,
          "only these roles: lead, support, responsible, participate "
          "(or 牵头, 配合, 负责, 参与); repeatable or comma-separated. "
          "With --person, keeps unit heads, supervising leaders and "
          "assigned posts on tasks with that role")
      ->type_name("ROLE")
      ->delimiter(',')
      ->check(RoleValidator())
      ->allow_extra_args(false);
  AddCommonOptions(tasks, *args, /*with_on=*/true);
  tasks
      ->add_option("--to", args->to,
                   "with --person and --on: the tasks of every post held from "
                   "--on to this day")
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator())
      ->needs(person)
      ->needs(tasks->get_option("--on"));

  CLI::App* raci = AddPlanSubcommand(
      app, "raci",
      "The tasks x units matrix as CSV: header id,path,title then one column "
      "per unit; cells L (lead), S (support), R (responsible), P "
      "(participate), several joined by '+'; only nodes with assignments of "
      "their own",
      args, action, RunRaci);
  AddCommonOptions(raci, *args, /*with_on=*/true);

  CLI::App* lint = AddPlanSubcommand(
      app, "lint",
      "Findings about the plan on a day, one per line: 'SEVERITY CODE "
      "POINTER MESSAGE', errors first; nothing when there is none. Exit 1 if "
      "any finding is an error (warnings alone: 0)",
      args, action, RunLint);
  AddCommonOptions(lint, *args, /*with_on=*/true);

  CLI::App* workload = AddPlanSubcommand(
      app, "workload",
      "Tasks per unit on a day, by role: a table unit, lead, support, "
      "responsible, participate, total (distinct nodes)",
      args, action, RunWorkload);
  AddCommonOptions(workload, *args, /*with_on=*/true);
}

}  // namespace dutygraph::cli
