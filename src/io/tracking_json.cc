// Tracking answers as compact JSON (shapes: docs/tracking.md). Keys are in
// insertion order (nlohmann::ordered_json) and numbers that are shares are
// rounded to 4 decimals, so the bytes depend only on the answer.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "dutygraph/tracking.h"
#include "nlohmann/json.hpp"

namespace dutygraph {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json Round(std::optional<double> x, double scale = 10000) {
  if (!x) return nullptr;
  return std::round(*x * scale) / scale;
}

Json DateJson(const std::optional<Date>& d) {
  return d ? Json(d->ToString()) : Json(nullptr);
}

Json TaskRef(const Plan& plan, TaskIndex i) {
  if (i.value >= plan.data().tasks.size()) return nullptr;
  const TaskData& t = plan.task(i);
  return Json{{"id", t.id}, {"path", t.path}, {"title", t.title}};
}

Json UnitRef(const Plan& plan, const std::optional<UnitIndex>& u) {
  if (!u || u->value >= plan.data().units.size()) return nullptr;
  return Json{{"id", plan.unit(*u).id}, {"name", plan.unit(*u).name}};
}

Json HolderJson(const Plan& plan, const PostHolder& h) {
  Json j{{"post", plan.post(h.post).id}, {"title", plan.post(h.post).title}};
  if (h.person) {
    j["person"] = Json{{"id", plan.person(*h.person).id},
                       {"name", plan.person(*h.person).name}};
  } else {
    j["person"] = nullptr;
    j["vacant"] = true;
  }
  return j;
}

Json RollupJson(const Plan& plan, const Rollup& r) {
  Json j;
  if (r.node) j["node"] = TaskRef(plan, *r.node);
  if (r.unit) j["unit"] = UnitRef(plan, r.unit);
  j["tasks"] = r.tasks;
  Json states = Json::object();
  for (int k = 0; k < kTaskStateCount; ++k) {
    if (r.by_state[k]) states[std::string(TaskStateName(static_cast<TaskState>(k)))] = r.by_state[k];
  }
  j["by_state"] = states;
  j["lights"] = Json{{"green", r.by_light[0]}, {"yellow", r.by_light[1]}, {"red", r.by_light[2]}};
  j["worst"] = std::string(LightName(r.worst));
  j["mean_attainment"] = Round(r.mean_attainment);
  return j;
}

Json StatusJsonValue(const Plan& plan, const TaskStatus& s) {
  Json j;
  j["task"] = TaskRef(plan, s.task);
  j["state"] = std::string(TaskStateName(s.state));
  j["light"] = std::string(LightName(s.light));
  j["light_reasons"] = s.light_reasons;
  j["due"] = DateJson(s.due);
  j["due_source"] = s.due_source;
  j["working_days_overdue"] = s.working_days_overdue;
  j["started_on"] = DateJson(s.started_on);
  j["completed_on"] = DateJson(s.completed_on);
  j["working_days_late"] = s.working_days_late;
  j["closed_on"] = DateJson(s.closed_on);
  j["consecutive_missed_reports"] = s.consecutive_missed_reports;
  j["percent"] = Round(s.percent, 100);
  j["attainment"] = Round(s.attainment);
  j["expected"] = Round(s.expected);
  j["pace_behind"] = Round(s.pace_behind, 100);
  Json targets = Json::array();
  if (s.task.value < plan.data().tasks.size()) {
    const TaskData& td = plan.task(s.task);
    for (const TargetStatus& ts : s.targets) {
      if (!ts.value) continue;
      targets.push_back(Json{{"indicator", td.targets[ts.target].indicator},
                             {"target", td.targets[ts.target].value},
                             {"value", *ts.value},
                             {"reported_on", DateJson(ts.reported_on)},
                             {"attainment", Round(ts.attainment)},
                             {"expected", Round(ts.expected)}});
    }
  }
  j["targets"] = std::move(targets);
  j["open_cards"] = Json{{"yellow", s.open_yellow_cards}, {"red", s.open_red_cards}};
  j["listed"] = s.listed;
  j["run_start"] = DateJson(s.run_start);
  j["events"] = s.events;
  return j;
}

}  // namespace

std::string_view TaskStateName(TaskState s) {
  switch (s) {
    case TaskState::kNotStarted: return "not_started";
    case TaskState::kInProgress: return "in_progress";
    case TaskState::kDueSoon: return "due_soon";
    case TaskState::kOverdue: return "overdue";
    case TaskState::kCompletedAwaitingAcceptance: return "completed_awaiting_acceptance";
    case TaskState::kClosed: return "closed";
  }
  return "unknown";
}

std::string_view TaskStateLabel(TaskState s) {
  switch (s) {
    case TaskState::kNotStarted: return "未启动";
    case TaskState::kInProgress: return "推进中";
    case TaskState::kDueSoon: return "临期";
    case TaskState::kOverdue: return "逾期";
    case TaskState::kCompletedAwaitingAcceptance: return "已办结待验收";
    case TaskState::kClosed: return "已销号";
  }
  return "未知";
}

std::string_view LightName(Light l) {
  switch (l) {
    case Light::kGreen: return "green";
    case Light::kYellow: return "yellow";
    case Light::kRed: return "red";
  }
  return "unknown";
}

std::string TaskStatusJson(const Plan& plan, const TaskStatus& status) {
  const Json body = StatusJsonValue(plan, status);
  Json j;
  j["as_of"] = status.as_of.ToString();
  for (auto it = body.begin(); it != body.end(); ++it) j[it.key()] = it.value();
  return Dump(j);
}

std::string StatusReportJson(const Plan& plan, const StatusReport& report) {
  Json j;
  j["as_of"] = report.as_of.ToString();
  Json tasks = Json::array();
  for (const TaskStatus& s : report.tasks) tasks.push_back(StatusJsonValue(plan, s));
  j["tasks"] = std::move(tasks);
  Json nodes = Json::array();
  for (const Rollup& r : report.nodes) nodes.push_back(RollupJson(plan, r));
  j["sections"] = std::move(nodes);
  Json units = Json::array();
  for (const Rollup& r : report.units) units.push_back(RollupJson(plan, r));
  j["units"] = std::move(units);
  return Dump(j);
}

std::string DueActionsJson(const Plan& plan, Date as_of,
                           const std::vector<DueAction>& actions) {
  Json j;
  j["as_of"] = as_of.ToString();
  Json list = Json::array();
  for (const DueAction& a : actions) {
    Json x;
    x["policy"] = a.policy;
    x["policy_version"] = a.policy_version;
    x["rule"] = a.rule;
    x["action"] = std::string(ActionKindName(a.action));
    x["task"] = a.task ? TaskRef(plan, *a.task) : Json(nullptr);
    x["unit"] = UnitRef(plan, a.unit);
    x["scope"] = a.scope ? TaskRef(plan, *a.scope) : Json(nullptr);
    x["occurrence"] = a.occurrence;
    x["cause"] = a.cause.empty() ? Json(nullptr) : Json(a.cause);
    Json audience = Json::array();
    for (const AudienceMember& m : a.audience) {
      Json y{{"role", std::string(AudienceKindName(m.role))}};
      y["unit"] = UnitRef(plan, m.unit);
      y["holder"] = m.post ? HolderJson(plan, *m.post) : Json(nullptr);
      audience.push_back(std::move(y));
    }
    x["audience"] = std::move(audience);
    Json unresolved = Json::array();
    for (const UnresolvedAudience& u : a.unresolved) {
      Json y{{"role", std::string(AudienceKindName(u.role))}};
      y["unit"] = UnitRef(plan, u.unit);
      y["reason"] = u.reason;
      unresolved.push_back(std::move(y));
    }
    x["unresolved_audience"] = std::move(unresolved);
    Json facts = Json::object();
    for (const EscalationFact& f : a.facts) facts[std::string(f.name)] = f.value;
    x["facts"] = std::move(facts);
    x["explanation"] = a.explanation;
    x["event_id"] = a.event_id;
    list.push_back(std::move(x));
  }
  j["actions"] = std::move(list);
  return Dump(j);
}

std::string RankingJson(const Plan& plan, const Ranking& r) {
  Json j;
  j["formula"] = r.formula;
  j["formula_version"] = r.formula_version;
  j["unit_set"] = r.unit_set;
  j["period"] = Json{{"label", r.period_label},
                     {"start", r.period_start.ToString()},
                     {"end", r.period_end.ToString()}};
  Json rows = Json::array();
  for (const RankingRow& row : r.rows) {
    rows.push_back(Json{{"rank", row.rank},
                        {"unit", UnitRef(plan, row.unit)},
                        {"score", Round(row.score, 100)},
                        {"on_time_completion", Round(row.on_time_completion)},
                        {"tasks_due", row.tasks_due},
                        {"indicator_attainment", Round(row.indicator_attainment)},
                        {"attainment_items", row.attainment_items},
                        {"missed_reports", row.missed_reports},
                        {"yellow_cards", row.yellow_cards},
                        {"red_cards", row.red_cards}});
  }
  j["rows"] = std::move(rows);
  return Dump(j);
}

std::string LifecycleJson(const Plan& plan, const Lifecycle& l) {
  auto list = [](const std::vector<LifecycleEntry>& entries) {
    Json a = Json::array();
    for (const LifecycleEntry& e : entries) {
      Json actor = nullptr;
      switch (e.actor.kind) {
        case Actor::Kind::kUnit: actor = Json{{"unit", e.actor.ref}}; break;
        case Actor::Kind::kPost: actor = Json{{"post", e.actor.ref}}; break;
        case Actor::Kind::kPerson: actor = Json{{"person", e.actor.ref}}; break;
        case Actor::Kind::kNone: break;
      }
      a.push_back(Json{{"event", e.event_id},
                       {"date", e.date.ToString()},
                       {"kind", std::string(EventKindName(e.kind))},
                       {"actor", actor}});
    }
    return a;
  };
  Json j;
  j["task"] = TaskRef(plan, l.task);
  j["deployed"] = list(l.deployed);
  j["implemented"] = list(l.implemented);
  j["inspected"] = list(l.inspected);
  j["rectified"] = list(l.rectified);
  j["accepted"] = list(l.accepted);
  return Dump(j);
}

}  // namespace dutygraph
