// The tracking policy format `dutygraph/policy@1` (include/dutygraph/
// tracking.h, docs/tracking.md): light rule, pace profiles, escalation
// policies and ranking formulas. Errors carry the JSON Pointer of the value.
#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "dutygraph/tracking.h"
#include "io/json_syntax.h"
#include "nlohmann/json.hpp"
#include "util/status_macros.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dutygraph {
namespace {

using Json = nlohmann::ordered_json;
using internal::AsAbsl;

absl::Status Err(const std::string& pointer, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat(pointer.empty() ? "/" : pointer, ": ", what));
}

absl::Status CheckKeys(const Json& j, const std::string& at,
                       std::initializer_list<std::string_view> allowed) {
  if (!j.is_object()) {
    return Err(at, absl::StrCat("expected an object, got ", j.type_name()));
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
      return Err(absl::StrCat(at, "/", it.key()),
                 absl::StrCat("unknown key (expected one of ",
                              absl::StrJoin(std::vector<std::string>(allowed.begin(), allowed.end()), ", "), ")"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> Str(const Json& j, const std::string& at) {
  if (!j.is_string()) {
    return Err(at, absl::StrCat("expected a string, got ", j.type_name()));
  }
  return j.get<std::string>();
}

absl::StatusOr<int> Int(const Json& j, const std::string& at, int min) {
  if (!j.is_number_integer() || j.get<int64_t>() < min ||
      j.get<int64_t>() > 1'000'000) {
    return Err(at, absl::StrCat("expected an integer from ", min,
                                " to 1000000, got ", j.dump()));
  }
  return j.get<int>();
}

absl::StatusOr<double> Num(const Json& j, const std::string& at) {
  if (!j.is_number()) {
    return Err(at, absl::StrCat("expected a number, got ", j.type_name()));
  }
  return j.get<double>();
}

template <typename Enum, size_t N>
absl::StatusOr<Enum> Named(const Json& j, const std::string& at,
                           const std::string_view (&names)[N]) {
  DG_ASSIGN_OR_RETURN(std::string s, Str(j, at));
  std::vector<std::string> all;
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<Enum>(i);
    all.emplace_back(names[i]);
  }
  return Err(at, absl::StrCat("expected one of ", absl::StrJoin(all, ", "),
                              "; got '", s, "'"));
}

constexpr std::string_view kTriggers[] = {
    "working_days_overdue", "consecutive_missed_reports", "pace_behind",
    "cards_in_window", "carry_over", "incident"};
constexpr std::string_view kActions[] = {
    "remind", "circular", "interview", "warning", "yellow_card", "red_card",
    "listed_supervision", "exposure", "joint_sanction", "accountability"};

absl::StatusOr<std::string> CardName(const Json& j, const std::string& at) {
  DG_ASSIGN_OR_RETURN(std::string c, Str(j, at));
  // The plan format writes yellow_card / red_card; events write yellow / red.
  if (c == "yellow_card" || c == "yellow") return std::string("yellow");
  if (c == "red_card" || c == "red") return std::string("red");
  return Err(at, absl::StrCat("expected yellow_card or red_card, got '", c, "'"));
}

absl::StatusOr<EscalationRule> ParseRule(const Json& j, const std::string& at) {
  DG_RETURN_IF_ERROR(CheckKeys(j, at,
                               {"id", "trigger", "action", "audience",
                                "cooldown_working_days", "repeat", "text"}));
  EscalationRule r;
  if (!j.contains("id")) return Err(at + "/id", "missing");
  DG_ASSIGN_OR_RETURN(r.id, Str(j["id"], at + "/id"));
  if (r.id.empty()) return Err(at + "/id", "must not be empty");
  if (!j.contains("trigger")) return Err(at + "/trigger", "missing");
  const Json& t = j["trigger"];
  const std::string tat = at + "/trigger";
  DG_RETURN_IF_ERROR(CheckKeys(t, tat, {"kind", "n", "percent", "card", "window_days"}));
  if (!t.contains("kind")) return Err(tat + "/kind", "missing");
  DG_ASSIGN_OR_RETURN(r.trigger, Named<TriggerKind>(t["kind"], tat + "/kind", kTriggers));
  auto need = [&](const char* key) -> absl::Status {
    if (!t.contains(key)) {
      return Err(absl::StrCat(tat, "/", key),
                 absl::StrCat("missing (trigger '",
                              AsAbsl(TriggerKindName(r.trigger)), "' needs it)"));
    }
    return absl::OkStatus();
  };
  switch (r.trigger) {
    case TriggerKind::kWorkingDaysOverdue:
    case TriggerKind::kConsecutiveMissedReports: {
      DG_RETURN_IF_ERROR(need("n"));
      DG_ASSIGN_OR_RETURN(r.n, Int(t["n"], tat + "/n", 1));
      break;
    }
    case TriggerKind::kPaceBehind: {
      DG_RETURN_IF_ERROR(need("percent"));
      DG_ASSIGN_OR_RETURN(r.percent, Num(t["percent"], tat + "/percent"));
      if (!(r.percent > 0 && r.percent <= 100)) {
        return Err(tat + "/percent", "must be in (0, 100]");
      }
      break;
    }
    case TriggerKind::kCardsInWindow: {
      DG_RETURN_IF_ERROR(need("n"));
      DG_RETURN_IF_ERROR(need("card"));
      DG_RETURN_IF_ERROR(need("window_days"));
      DG_ASSIGN_OR_RETURN(r.n, Int(t["n"], tat + "/n", 1));
      DG_ASSIGN_OR_RETURN(r.card, CardName(t["card"], tat + "/card"));
      DG_ASSIGN_OR_RETURN(r.window_days, Int(t["window_days"], tat + "/window_days", 1));
      break;
    }
    case TriggerKind::kCarryOver: {
      DG_RETURN_IF_ERROR(need("card"));
      DG_ASSIGN_OR_RETURN(r.card, CardName(t["card"], tat + "/card"));
      break;
    }
    case TriggerKind::kIncident: {
      break;
    }
  }
  if (!j.contains("action")) return Err(at + "/action", "missing");
  DG_ASSIGN_OR_RETURN(r.action, Named<ActionKind>(j["action"], at + "/action", kActions));
  if (!j.contains("audience") || !j["audience"].is_array() || j["audience"].empty()) {
    return Err(at + "/audience", "expected a non-empty array");
  }
  static const std::string_view kAudienceNames[] = {
      "lead_unit", "lead_unit_head", "supervising_leader",
      "group_convener", "chief_dispatcher", "support_units"};
  for (size_t i = 0; i < j["audience"].size(); ++i) {
    DG_ASSIGN_OR_RETURN(AudienceKind a,
                        Named<AudienceKind>(j["audience"][i],
                                            absl::StrCat(at, "/audience/", i),
                                            kAudienceNames));
    r.audience.push_back(a);
  }
  if (j.contains("cooldown_working_days")) {
    DG_ASSIGN_OR_RETURN(r.cooldown_working_days,
                        Int(j["cooldown_working_days"], at + "/cooldown_working_days", 0));
  }
  if (j.contains("repeat")) {
    DG_ASSIGN_OR_RETURN(r.repeat, Int(j["repeat"], at + "/repeat", 0));
  }
  if (r.repeat != 1 && r.cooldown_working_days < 1) {
    return Err(at + "/repeat",
               "a repeating rule needs cooldown_working_days >= 1");
  }
  if (j.contains("text")) {
    DG_ASSIGN_OR_RETURN(r.text, Str(j["text"], at + "/text"));
  }
  return r;
}

absl::StatusOr<EscalationPolicy> ParseEscalation(const Json& j,
                                                 const std::string& at) {
  DG_RETURN_IF_ERROR(CheckKeys(j, at, {"id", "version", "applies_to", "rules",
                                       "source", "text"}));
  EscalationPolicy p;
  if (!j.contains("id")) return Err(at + "/id", "missing");
  DG_ASSIGN_OR_RETURN(p.id, Str(j["id"], at + "/id"));
  if (j.contains("version")) {
    DG_ASSIGN_OR_RETURN(p.version, Int(j["version"], at + "/version", 1));
  }
  if (!j.contains("applies_to") || !j["applies_to"].is_array() ||
      j["applies_to"].empty()) {
    return Err(at + "/applies_to", "expected a non-empty array of task-tree node ids");
  }
  for (size_t i = 0; i < j["applies_to"].size(); ++i) {
    DG_ASSIGN_OR_RETURN(std::string s,
                        Str(j["applies_to"][i], absl::StrCat(at, "/applies_to/", i)));
    p.applies_to.push_back(std::move(s));
  }
  if (!j.contains("rules") || !j["rules"].is_array() || j["rules"].empty()) {
    return Err(at + "/rules", "expected a non-empty array");
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < j["rules"].size(); ++i) {
    const std::string rat = absl::StrCat(at, "/rules/", i);
    DG_ASSIGN_OR_RETURN(EscalationRule r, ParseRule(j["rules"][i], rat));
    if (!ids.insert(r.id).second) {
      return Err(rat + "/id", absl::StrCat("duplicate rule id '", r.id, "'"));
    }
    p.rules.push_back(std::move(r));
  }
  if (j.contains("source")) {
    DG_ASSIGN_OR_RETURN(p.source, Str(j["source"], at + "/source"));
  }
  if (j.contains("text")) {
    DG_ASSIGN_OR_RETURN(p.text, Str(j["text"], at + "/text"));
  }
  return p;
}

absl::StatusOr<LightCondition> ParseCondition(const Json& j, const std::string& at) {
  DG_RETURN_IF_ERROR(CheckKeys(j, at, {"working_days_overdue", "pace_behind",
                                       "missed_reports", "open_cards",
                                       "open_red_cards", "due_soon", "listed"}));
  LightCondition c;
  if (j.contains("working_days_overdue")) {
    DG_ASSIGN_OR_RETURN(c.working_days_overdue,
                        Int(j["working_days_overdue"], at + "/working_days_overdue", 1));
  }
  if (j.contains("pace_behind")) {
    DG_ASSIGN_OR_RETURN(c.pace_behind, Num(j["pace_behind"], at + "/pace_behind"));
  }
  if (j.contains("missed_reports")) {
    DG_ASSIGN_OR_RETURN(c.missed_reports, Int(j["missed_reports"], at + "/missed_reports", 1));
  }
  if (j.contains("open_cards")) {
    DG_ASSIGN_OR_RETURN(c.open_cards, Int(j["open_cards"], at + "/open_cards", 1));
  }
  if (j.contains("open_red_cards")) {
    DG_ASSIGN_OR_RETURN(c.open_red_cards, Int(j["open_red_cards"], at + "/open_red_cards", 1));
  }
  for (const char* key : {"due_soon", "listed"}) {
    if (!j.contains(key)) continue;
    if (!j[key].is_boolean()) {
      return Err(absl::StrCat(at, "/", key), "expected true or false");
    }
    (std::string_view(key) == "due_soon" ? c.due_soon : c.listed) = j[key].get<bool>();
  }
  return c;
}

absl::StatusOr<RankingFormula> ParseRanking(const Json& j, const std::string& at) {
  DG_RETURN_IF_ERROR(CheckKeys(j, at, {"id", "version", "weights", "role_weights", "text"}));
  RankingFormula f;
  if (!j.contains("id")) return Err(at + "/id", "missing");
  DG_ASSIGN_OR_RETURN(f.id, Str(j["id"], at + "/id"));
  if (j.contains("version")) {
    DG_ASSIGN_OR_RETURN(f.version, Int(j["version"], at + "/version", 1));
  }
  if (!j.contains("weights")) return Err(at + "/weights", "missing");
  const Json& w = j["weights"];
  const std::string wat = at + "/weights";
  DG_RETURN_IF_ERROR(CheckKeys(w, wat, {"on_time_completion", "indicator_attainment",
                                        "missed_report", "yellow_card", "red_card"}));
  struct Slot { const char* key; double* out; };
  for (Slot s : {Slot{"on_time_completion", &f.on_time_completion},
                 Slot{"indicator_attainment", &f.indicator_attainment},
                 Slot{"missed_report", &f.missed_report},
                 Slot{"yellow_card", &f.yellow_card}, Slot{"red_card", &f.red_card}}) {
    if (w.contains(s.key)) {
      DG_ASSIGN_OR_RETURN(*s.out, Num(w[s.key], absl::StrCat(wat, "/", s.key)));
    }
  }
  if (j.contains("role_weights")) {
    const Json& r = j["role_weights"];
    const std::string rat = at + "/role_weights";
    DG_RETURN_IF_ERROR(CheckKeys(r, rat, {"lead", "support", "responsible", "participate"}));
    for (int k = 0; k < kRoleCount; ++k) {
      const std::string key(RoleName(static_cast<Role>(k)));
      if (!r.contains(key)) continue;
      DG_ASSIGN_OR_RETURN(f.role_weights[k], Num(r[key], absl::StrCat(rat, "/", key)));
      if (f.role_weights[k] < 0) return Err(absl::StrCat(rat, "/", key), "must be >= 0");
    }
  }
  if (j.contains("text")) {
    DG_ASSIGN_OR_RETURN(f.text, Str(j["text"], at + "/text"));
  }
  return f;
}

absl::StatusOr<TrackingPolicy> FromJson(const Json& j) {
  DG_RETURN_IF_ERROR(CheckKeys(j, "", {"format", "id", "version", "text", "status",
                                       "light", "pace", "escalation", "rankings"}));
  if (!j.contains("format") || j["format"] != "dutygraph/policy@1") {
    return Err("/format", "expected \"dutygraph/policy@1\"");
  }
  TrackingPolicy p;
  if (!j.contains("id")) return Err("/id", "missing");
  DG_ASSIGN_OR_RETURN(p.id, Str(j["id"], "/id"));
  if (j.contains("version")) {
    DG_ASSIGN_OR_RETURN(p.version, Int(j["version"], "/version", 1));
  }
  if (j.contains("text")) {
    DG_ASSIGN_OR_RETURN(p.text, Str(j["text"], "/text"));
  }
  if (j.contains("status")) {
    const Json& s = j["status"];
    DG_RETURN_IF_ERROR(CheckKeys(s, "/status", {"due_soon_working_days", "default_due",
                                                "report_cadences"}));
    if (s.contains("report_cadences")) {
      if (!s["report_cadences"].is_array()) {
        return Err("/status/report_cadences", "expected an array of cadence ids");
      }
      for (size_t i = 0; i < s["report_cadences"].size(); ++i) {
        DG_ASSIGN_OR_RETURN(std::string c, Str(s["report_cadences"][i],
                                               absl::StrCat("/status/report_cadences/", i)));
        p.report_cadences.push_back(std::move(c));
      }
    }
    if (s.contains("due_soon_working_days")) {
      DG_ASSIGN_OR_RETURN(p.due_soon_working_days,
                          Int(s["due_soon_working_days"], "/status/due_soon_working_days", 0));
    }
    if (s.contains("default_due")) {
      DG_ASSIGN_OR_RETURN(std::string d, Str(s["default_due"], "/status/default_due"));
      if (d != "plan_year_end" && d != "none") {
        return Err("/status/default_due", "expected plan_year_end or none");
      }
      p.default_due_plan_year_end = d == "plan_year_end";
    }
  }
  if (j.contains("light")) {
    const Json& l = j["light"];
    DG_RETURN_IF_ERROR(CheckKeys(l, "/light", {"red", "yellow"}));
    if (l.contains("red")) {
      DG_ASSIGN_OR_RETURN(p.light.red, ParseCondition(l["red"], "/light/red"));
    }
    if (l.contains("yellow")) {
      DG_ASSIGN_OR_RETURN(p.light.yellow, ParseCondition(l["yellow"], "/light/yellow"));
    }
  }
  if (j.contains("pace")) {
    if (!j["pace"].is_array()) return Err("/pace", "expected an array");
    for (size_t i = 0; i < j["pace"].size(); ++i) {
      const std::string at = absl::StrCat("/pace/", i);
      const Json& e = j["pace"][i];
      DG_RETURN_IF_ERROR(CheckKeys(e, at, {"indicator", "checkpoints"}));
      PaceProfile prof;
      if (!e.contains("indicator")) return Err(at + "/indicator", "missing");
      DG_ASSIGN_OR_RETURN(prof.indicator, Str(e["indicator"], at + "/indicator"));
      if (!e.contains("checkpoints") || !e["checkpoints"].is_array() ||
          e["checkpoints"].empty()) {
        return Err(at + "/checkpoints", "expected a non-empty array");
      }
      for (size_t k = 0; k < e["checkpoints"].size(); ++k) {
        const std::string cat = absl::StrCat(at, "/checkpoints/", k);
        const Json& c = e["checkpoints"][k];
        DG_RETURN_IF_ERROR(CheckKeys(c, cat, {"date", "percent"}));
        if (!c.contains("date") || !c.contains("percent")) {
          return Err(cat, "needs date and percent");
        }
        DG_ASSIGN_OR_RETURN(std::string ds, Str(c["date"], cat + "/date"));
        absl::StatusOr<Date> d = Date::Parse(ds);
        if (!d.ok()) return Err(cat + "/date", d.status().message());
        DG_ASSIGN_OR_RETURN(double pct, Num(c["percent"], cat + "/percent"));
        if (pct < 0 || pct > 100) return Err(cat + "/percent", "must be in [0, 100]");
        if (!prof.checkpoints.empty() && *d <= prof.checkpoints.back().date) {
          return Err(cat + "/date", "checkpoints must be in increasing date order");
        }
        prof.checkpoints.push_back({*d, pct});
      }
      p.pace.push_back(std::move(prof));
    }
  }
  if (j.contains("escalation")) {
    if (!j["escalation"].is_array()) return Err("/escalation", "expected an array");
    std::set<std::pair<std::string, int>> seen;
    for (size_t i = 0; i < j["escalation"].size(); ++i) {
      const std::string at = absl::StrCat("/escalation/", i);
      DG_ASSIGN_OR_RETURN(EscalationPolicy e, ParseEscalation(j["escalation"][i], at));
      if (!seen.insert({e.id, e.version}).second) {
        return Err(at, absl::StrCat("policy '", e.id, "' version ", e.version,
                                    " is listed twice"));
      }
      p.escalation.push_back(std::move(e));
    }
  }
  if (j.contains("rankings")) {
    if (!j["rankings"].is_array()) return Err("/rankings", "expected an array");
    for (size_t i = 0; i < j["rankings"].size(); ++i) {
      DG_ASSIGN_OR_RETURN(RankingFormula f,
                          ParseRanking(j["rankings"][i], absl::StrCat("/rankings/", i)));
      p.rankings.push_back(std::move(f));
    }
  }
  return p;
}

}  // namespace

std::string_view TriggerKindName(TriggerKind k) {
  const int i = static_cast<int>(k);
  return i >= 0 && i < 6 ? kTriggers[i] : "unknown";
}
std::string_view ActionKindName(ActionKind k) {
  const int i = static_cast<int>(k);
  return i >= 0 && i < 10 ? kActions[i] : "unknown";
}
std::string_view AudienceKindName(AudienceKind k) {
  static const std::string_view kNames[] = {
      "lead_unit", "lead_unit_head", "supervising_leader",
      "group_convener", "chief_dispatcher", "support_units"};
  const int i = static_cast<int>(k);
  return i >= 0 && i < 6 ? kNames[i] : "unknown";
}

absl::StatusOr<TrackingPolicy> ParsePolicyJson(std::string_view json,
                                               const TrackingLimits& limits) {
  if (json.size() > limits.max_policy_bytes) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "policy: ", json.size(), " bytes, more than the limit "
        "max_policy_bytes (", limits.max_policy_bytes, ")"));
  }
  DG_RETURN_IF_ERROR(internal::ValidateUtf8(json, "policy"));
  // Before nlohmann sees it: it would keep one of two equal keys, and it
  // recurses per nesting level.
  if (absl::Status s = internal::CheckJsonText(
          json, static_cast<size_t>(std::max(1, limits.max_depth)));
      !s.ok()) {
    return absl::Status(s.code(), absl::StrCat("policy: ", s.message()));
  }
  Json j = Json::parse(json.begin(), json.end(), nullptr, false);
  if (j.is_discarded()) return absl::InvalidArgumentError("policy: malformed JSON");
  absl::StatusOr<TrackingPolicy> p = FromJson(j);
  if (!p.ok()) {
    return absl::Status(p.status().code(),
                        absl::StrCat("policy ", p.status().message()));
  }
  return p;
}

absl::StatusOr<TrackingPolicy> LoadPolicyFile(const std::string& path,
                                              const TrackingLimits& limits) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read policy file '", path, "'"));
  // Refuse an oversized file before reading it into memory.
  const std::streamoff size = in.tellg();
  if (size > 0 && static_cast<uint64_t>(size) > limits.max_policy_bytes) {
    return absl::ResourceExhaustedError(absl::StrCat(
        path, ": policy: ", size, " bytes, more than the limit "
        "max_policy_bytes (", limits.max_policy_bytes, ")"));
  }
  in.seekg(0);
  std::ostringstream ss;
  ss << in.rdbuf();
  absl::StatusOr<TrackingPolicy> p = ParsePolicyJson(ss.str(), limits);
  if (!p.ok()) {
    return absl::Status(p.status().code(),
                        absl::StrCat(path, ": ", p.status().message()));
  }
  return p;
}

absl::StatusOr<TrackingPolicy> PolicyFromPlan(const Plan& plan) {
  TrackingPolicy p;
  p.id = plan.data().plan.id.empty() ? "plan" : plan.data().plan.id;
  p.text = "default light and ranking, the plan's escalation policies";
  p.light.red.working_days_overdue = 1;
  p.light.red.pace_behind = 20;
  p.light.red.open_red_cards = 1;
  p.light.yellow.due_soon = true;
  p.light.yellow.pace_behind = 10;
  p.light.yellow.missed_reports = 1;
  p.light.yellow.open_cards = 1;
  RankingFormula f;
  f.id = "default";
  f.on_time_completion = 60;
  f.indicator_attainment = 40;
  f.missed_report = -2;
  f.yellow_card = -5;
  f.red_card = -10;
  p.rankings.push_back(f);
  for (size_t i = 0; i < plan.data().escalation.size(); ++i) {
    const EscalationPolicyData& d = plan.data().escalation[i];
    const std::string at = absl::StrCat("/escalation/", i);
    // Reuse the policy parser: the plan format is the same shape.
    Json j;
    j["id"] = d.id;
    j["version"] = d.version;
    j["applies_to"] = d.applies_to;
    Json rules = Json::array();
    for (const EscalationRuleData& r : d.rules) {
      Json t;
      t["kind"] = r.trigger;
      if (r.n) t["n"] = r.n;
      if (r.percent) t["percent"] = r.percent;
      if (!r.card.empty()) t["card"] = r.card;
      if (r.window_days) t["window_days"] = r.window_days;
      Json rj;
      rj["id"] = r.id;
      rj["trigger"] = t;
      rj["action"] = r.action;
      rj["audience"] = r.audience;
      if (r.cooldown_working_days) {
        // A cool-down in the plan format means "again after the cool-down".
        rj["cooldown_working_days"] = r.cooldown_working_days;
        rj["repeat"] = 0;
      }
      if (!r.text.empty()) rj["text"] = r.text;
      rules.push_back(std::move(rj));
    }
    j["rules"] = std::move(rules);
    absl::StatusOr<EscalationPolicy> e = ParseEscalation(j, at);
    if (!e.ok()) {
      return absl::Status(e.status().code(),
                          absl::StrCat("plan escalation ", e.status().message()));
    }
    p.escalation.push_back(*std::move(e));
  }
  return p;
}

}  // namespace dutygraph
