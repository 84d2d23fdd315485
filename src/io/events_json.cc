// Events as JSON and JSON Lines (include/dutygraph/events.h,
// docs/tracking.md).
//
// Reading uses nlohmann's DOM without exceptions; on malformed text the
// strict scanner of json_syntax.h says where. Writing builds an
// ordered_json in the documented key order, so the bytes depend only on the
// event's content.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "dutygraph/events.h"
#include "io/json_syntax.h"
#include "nlohmann/json.hpp"
#include "tracking/event_fields.h"
#include "util/status_macros.h"
#include "util/json_lines.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dutygraph {
namespace {

using Json = nlohmann::ordered_json;
using internal::AsAbsl;

constexpr std::array<std::string_view, kEventKindCount> kKindNames = {
    "assigned",     "progress",      "report_submitted", "extension",
    "completed",    "accepted",      "closed",           "reopened",
    "card_issued",  "card_lifted",   "listed",           "delisted",
    "interview",    "circular",      "accountability",   "tenure_change",
    "unit_change",  "reminder",      "warning",          "exposure",
    "joint_sanction", "inspection",  "incident"};

constexpr std::array<std::string_view, internal::kEventFieldCount>
    kFieldNames = {"task",    "unit",   "due",     "new_due", "approver",
                   "cadence", "period", "group",   "card",    "percent",
                   "values",  "result", "post",    "person",  "change",
                   "from",    "to"};

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

absl::Status FieldError(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("field '", field, "': ", what));
}

absl::StatusOr<std::string> GetString(const Json& j, absl::string_view field,
                                      bool non_empty = true) {
  if (!j.is_string()) {
    return FieldError(field, absl::StrCat("expected a string, got ",
                                          j.type_name()));
  }
  std::string s = j.get<std::string>();
  if (non_empty && s.empty()) return FieldError(field, "must not be empty");
  return s;
}

absl::StatusOr<Date> GetDate(const Json& j, absl::string_view field) {
  DG_ASSIGN_OR_RETURN(std::string s, GetString(j, field));
  absl::StatusOr<Date> d = Date::Parse(s);
  if (!d.ok()) return FieldError(field, d.status().message());
  return *d;
}

absl::StatusOr<Actor> GetActor(const Json& j, absl::string_view field) {
  if (!j.is_object() || j.size() != 1) {
    return FieldError(field,
                      "expected an object with exactly one of 'unit', 'post' "
                      "or 'person'");
  }
  Actor a;
  const std::string key = j.begin().key();
  if (key == "unit") {
    a.kind = Actor::Kind::kUnit;
  } else if (key == "post") {
    a.kind = Actor::Kind::kPost;
  } else if (key == "person") {
    a.kind = Actor::Kind::kPerson;
  } else {
    return FieldError(field, absl::StrCat("unknown actor kind '", key,
                                          "' (expected unit, post or person)"));
  }
  DG_ASSIGN_OR_RETURN(a.ref,
                      GetString(j.begin().value(), absl::StrCat(field, ".", key)));
  return a;
}

Json ActorJson(const Actor& a) {
  switch (a.kind) {
    case Actor::Kind::kUnit:
      return Json{{"unit", a.ref}};
    case Actor::Kind::kPost:
      return Json{{"post", a.ref}};
    case Actor::Kind::kPerson:
      return Json{{"person", a.ref}};
    case Actor::Kind::kNone:
      break;
  }
  return nullptr;
}

std::string AllowedList(EventKind kind) {
  const internal::EventKindSpec& spec = internal::SpecOf(kind);
  std::vector<std::string> names = {"id", "kind", "date", "actor"};
  for (int b = 0; b < internal::kEventFieldCount; ++b) {
    if (spec.allowed & (1u << b)) names.emplace_back(kFieldNames[b]);
  }
  for (const char* n : {"text", "note", "policy", "policy_version", "rule",
                        "cause"}) {
    names.emplace_back(n);
  }
  return absl::StrJoin(names, ", ");
}

uint32_t FieldBit(std::string_view key) {
  for (int b = 0; b < internal::kEventFieldCount; ++b) {
    if (kFieldNames[b] == key) return 1u << b;
  }
  return 0;
}

absl::StatusOr<Event> FromJson(const Json& j) {
  if (!j.is_object()) {
    return absl::InvalidArgumentError(
        absl::StrCat("an event must be a JSON object, got ", j.type_name()));
  }
  Event e;
  auto id = j.find("id");
  if (id == j.end()) return FieldError("id", "missing");
  DG_ASSIGN_OR_RETURN(e.id, GetString(*id, "id"));
  auto kind = j.find("kind");
  if (kind == j.end()) return FieldError("kind", "missing");
  DG_ASSIGN_OR_RETURN(std::string kind_name, GetString(*kind, "kind"));
  absl::StatusOr<EventKind> k = ParseEventKind(kind_name);
  if (!k.ok()) return FieldError("kind", k.status().message());
  e.kind = *k;
  auto date = j.find("date");
  if (date == j.end()) return FieldError("date", "missing");
  DG_ASSIGN_OR_RETURN(e.date, GetDate(*date, "date"));

  const internal::EventKindSpec& spec = internal::SpecOf(e.kind);
  uint32_t present = 0;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const absl::string_view akey(key);
    const Json& v = it.value();
    if (key == "id" || key == "kind" || key == "date") continue;
    if (key == "actor") {
      DG_ASSIGN_OR_RETURN(e.actor, GetActor(v, "actor"));
      continue;
    }
    if (key == "text") {
      DG_ASSIGN_OR_RETURN(e.text, GetString(v, key));
      continue;
    }
    if (key == "note") {
      DG_ASSIGN_OR_RETURN(e.note, GetString(v, key));
      continue;
    }
    if (key == "policy") {
      DG_ASSIGN_OR_RETURN(e.policy, GetString(v, key));
      continue;
    }
    if (key == "rule") {
      DG_ASSIGN_OR_RETURN(e.rule, GetString(v, key));
      continue;
    }
    if (key == "cause") {
      DG_ASSIGN_OR_RETURN(e.cause, GetString(v, key));
      continue;
    }
    if (key == "policy_version") {
      if (!v.is_number_integer() || v.get<int64_t>() < 1 ||
          v.get<int64_t>() > 1'000'000) {
        return FieldError(key, "expected an integer from 1 to 1000000");
      }
      e.policy_version = v.get<int>();
      continue;
    }
    const uint32_t bit = FieldBit(key);
    if (bit == 0 || !(spec.allowed & bit)) {
      return FieldError(
          key, absl::StrCat(bit == 0 ? "unknown field" : "not taken by kind '",
                            bit == 0 ? "" : kind_name, bit == 0 ? "" : "'",
                            "; fields of ", kind_name, ": ",
                            AllowedList(e.kind)));
    }
    present |= bit;
    switch (bit) {
      case internal::kFTask: {
        DG_ASSIGN_OR_RETURN(e.task, GetString(v, key));
        break;
      }
      case internal::kFUnit: {
        DG_ASSIGN_OR_RETURN(e.unit, GetString(v, key));
        break;
      }
      case internal::kFDue: {
        DG_ASSIGN_OR_RETURN(Date d, GetDate(v, key));
        e.due = d;
        break;
      }
      case internal::kFNewDue: {
        DG_ASSIGN_OR_RETURN(Date d, GetDate(v, key));
        e.new_due = d;
        break;
      }
      case internal::kFApprover: {
        DG_ASSIGN_OR_RETURN(e.approver, GetActor(v, key));
        break;
      }
      case internal::kFCadence: {
        DG_ASSIGN_OR_RETURN(e.cadence, GetString(v, key));
        break;
      }
      case internal::kFPeriod: {
        DG_ASSIGN_OR_RETURN(Date d, GetDate(v, key));
        e.period = d;
        break;
      }
      case internal::kFGroup: {
        DG_ASSIGN_OR_RETURN(e.group, GetString(v, key));
        break;
      }
      case internal::kFCard: {
        DG_ASSIGN_OR_RETURN(e.card, GetString(v, key));
        if (e.card != "yellow" && e.card != "red") {
          return FieldError(key, absl::StrCat("expected 'yellow' or 'red', got '",
                                              e.card, "'"));
        }
        break;
      }
      case internal::kFPercent: {
        if (!v.is_number()) {
          return FieldError(key, absl::StrCat("expected a number, got ",
                                              v.type_name()));
        }
        e.percent = v.get<double>();
        if (!(*e.percent >= 0 && *e.percent <= 100)) {
          return FieldError(key, absl::StrCat("must be between 0 and 100, got ",
                                              v.dump()));
        }
        break;
      }
      case internal::kFValues: {
        if (!v.is_object() || v.empty()) {
          return FieldError(key,
                            "expected a non-empty object of indicator: number");
        }
        for (auto vi = v.begin(); vi != v.end(); ++vi) {
          if (!vi.value().is_number() || !std::isfinite(vi.value().get<double>())) {
            return FieldError(absl::StrCat("values.", vi.key()),
                              "expected a finite number");
          }
          if (vi.key().empty()) return FieldError(key, "empty indicator name");
          e.values.push_back({vi.key(), vi.value().get<double>()});
        }
        std::sort(e.values.begin(), e.values.end(),
                  [](const IndicatorValue& a, const IndicatorValue& b) {
                    return a.indicator < b.indicator;
                  });
        break;
      }
      case internal::kFResult: {
        DG_ASSIGN_OR_RETURN(e.result, GetString(v, key));
        if (e.result != "passed" && e.result != "issues") {
          return FieldError(key, absl::StrCat(
                                     "expected 'passed' or 'issues', got '",
                                     e.result, "'"));
        }
        break;
      }
      case internal::kFPost: {
        DG_ASSIGN_OR_RETURN(e.post, GetString(v, key));
        break;
      }
      case internal::kFPerson: {
        DG_ASSIGN_OR_RETURN(e.person, GetString(v, key));
        break;
      }
      case internal::kFChange: {
        DG_ASSIGN_OR_RETURN(e.change, GetString(v, key));
        if (e.change != "renamed" && e.change != "merged" &&
            e.change != "split" && e.change != "abolished") {
          return FieldError(key, absl::StrCat("expected renamed, merged, split "
                                              "or abolished, got '",
                                              e.change, "'"));
        }
        break;
      }
      case internal::kFFrom:
      case internal::kFTo: {
        if (!v.is_array()) return FieldError(key, "expected an array of unit ids");
        std::vector<std::string>& list = bit == internal::kFFrom ? e.from : e.to;
        for (size_t i = 0; i < v.size(); ++i) {
          DG_ASSIGN_OR_RETURN(std::string s,
                              GetString(v[i], absl::StrCat(key, "/", i)));
          list.push_back(std::move(s));
        }
        break;
      }
      default: {
        break;
      }
    }
  }
  const uint32_t missing = spec.required & ~present;
  if (missing) {
    for (int b = 0; b < internal::kEventFieldCount; ++b) {
      if (missing & (1u << b)) {
        return FieldError(AsAbsl(kFieldNames[b]),
                          absl::StrCat("missing (kind '", kind_name,
                                       "' needs it)"));
      }
    }
  }
  if (spec.one_of && !(present & spec.one_of) &&
      !(e.kind == EventKind::kProgress && !e.text.empty())) {
    std::vector<std::string> names;
    for (int b = 0; b < internal::kEventFieldCount; ++b) {
      if (spec.one_of & (1u << b)) names.emplace_back(kFieldNames[b]);
    }
    if (e.kind == EventKind::kProgress) names.push_back("text");
    return absl::InvalidArgumentError(
        absl::StrCat("kind '", kind_name, "' needs at least one of ",
                     absl::StrJoin(names, ", ")));
  }
  if (!e.policy.empty() && e.rule.empty()) {
    return FieldError("rule", "missing (an event naming a policy names its rule)");
  }
  if (e.policy_version != 0 && e.policy.empty()) {
    return FieldError("policy", "missing (policy_version needs a policy)");
  }
  return e;
}

}  // namespace

namespace internal {

std::string_view EventFieldName(uint32_t bit) {
  for (int b = 0; b < kEventFieldCount; ++b) {
    if (bit == (1u << b)) return kFieldNames[b];
  }
  return "?";
}

const EventKindSpec& SpecOf(EventKind kind) {
  // Indexed by EventKind.
  static const EventKindSpec kSpecs[kEventKindCount] = {
      /*assigned*/ {kFTask | kFUnit | kFDue, kFTask, 0},
      /*progress*/ {kFTask | kFPercent | kFValues, kFTask, kFPercent | kFValues},
      /*report_submitted*/
      {kFCadence | kFPeriod | kFGroup | kFTask, kFCadence | kFPeriod, 0},
      /*extension*/ {kFTask | kFNewDue | kFApprover, kFTask | kFNewDue, 0},
      /*completed*/ {kFTask, kFTask, 0},
      /*accepted*/ {kFTask, kFTask, 0},
      /*closed*/ {kFTask, kFTask, 0},
      /*reopened*/ {kFTask, kFTask, 0},
      /*card_issued*/ {kFCard | kFUnit | kFTask, kFCard | kFUnit, 0},
      /*card_lifted*/ {kFCard | kFUnit | kFTask, kFCard | kFUnit, 0},
      /*listed*/ {kFUnit | kFTask, kFUnit, 0},
      /*delisted*/ {kFUnit | kFTask, kFUnit, 0},
      /*interview*/ {kFUnit | kFTask, 0, kFUnit | kFTask},
      /*circular*/ {kFUnit | kFTask, 0, kFUnit | kFTask},
      /*accountability*/ {kFUnit | kFTask, 0, kFUnit | kFTask},
      /*tenure_change*/ {kFPost | kFPerson, kFPost, 0},
      /*unit_change*/ {kFChange | kFFrom | kFTo, kFChange | kFFrom, 0},
      /*reminder*/ {kFUnit | kFTask, 0, kFUnit | kFTask},
      /*warning*/ {kFUnit | kFTask, 0, kFUnit | kFTask},
      /*exposure*/ {kFUnit | kFTask, 0, kFUnit | kFTask},
      /*joint_sanction*/ {kFUnit | kFTask, 0, kFUnit | kFTask},
      /*inspection*/ {kFTask | kFResult | kFUnit, kFTask, 0},
      /*incident*/ {kFUnit | kFTask, 0, kFUnit | kFTask},
  };
  return kSpecs[static_cast<int>(kind)];
}

}  // namespace internal

std::string_view EventKindName(EventKind kind) {
  const int k = static_cast<int>(kind);
  return k >= 0 && k < kEventKindCount ? kKindNames[k] : "unknown";
}

absl::StatusOr<EventKind> ParseEventKind(std::string_view name) {
  for (int k = 0; k < kEventKindCount; ++k) {
    if (kKindNames[k] == name) return static_cast<EventKind>(k);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown event kind '", AsAbsl(name), "' (expected one of ",
                   absl::StrJoin(std::vector<std::string>(kKindNames.begin(), kKindNames.end()), ", "), ")"));
}

absl::StatusOr<Event> ParseEventJson(std::string_view json,
                                     const TrackingLimits& limits) {
  if (json.size() > limits.max_event_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the event is ", json.size(), " bytes, more than the "
                     "limit max_event_bytes (", limits.max_event_bytes, ")"));
  }
  DG_RETURN_IF_ERROR(internal::ValidateUtf8(json, "event"));
  // Before nlohmann sees it: it would keep one of two equal keys, and it
  // recurses per nesting level.
  DG_RETURN_IF_ERROR(internal::CheckJsonText(
      json, static_cast<size_t>(std::max(1, limits.max_depth))));
  Json j = Json::parse(json.begin(), json.end(), nullptr,
                       /*allow_exceptions=*/false);
  if (j.is_discarded()) return absl::InvalidArgumentError("malformed JSON");
  return FromJson(j);
}

absl::StatusOr<std::vector<Event>> ParseEventsJsonl(
    std::string_view text, std::string_view source_name,
    const TrackingLimits& limits) {
  const std::string_view source = source_name.empty() ? "line" : source_name;
  const std::vector<internal::JsonLine> rows = internal::SplitJsonLines(text);
  if (rows.size() > limits.max_batch_events) {
    return absl::ResourceExhaustedError(absl::StrCat(
        source_name.empty() ? "" : absl::StrCat(AsAbsl(source_name), ": "),
        "a batch of ", rows.size(),
        " events, more than the limit max_batch_events (",
        limits.max_batch_events, ")"));
  }
  std::vector<Event> out;
  out.reserve(rows.size());
  for (const internal::JsonLine& row : rows) {
    absl::StatusOr<Event> e = ParseEventJson(row.text, limits);
    if (!e.ok()) {
      return absl::Status(e.status().code(),
                          absl::StrCat(AsAbsl(source), source_name.empty() ? " " : ":",
                                       row.number, ": ", e.status().message()));
    }
    out.push_back(*std::move(e));
  }
  return out;
}

std::string WriteEventJson(const Event& e) {
  Json j;
  j["id"] = e.id;
  j["kind"] = std::string(EventKindName(e.kind));
  j["date"] = e.date.ToString();
  if (!e.task.empty()) j["task"] = e.task;
  if (e.actor.kind != Actor::Kind::kNone) j["actor"] = ActorJson(e.actor);
  if (!e.unit.empty()) j["unit"] = e.unit;
  if (e.due) j["due"] = e.due->ToString();
  if (e.new_due) j["new_due"] = e.new_due->ToString();
  if (e.approver.kind != Actor::Kind::kNone) {
    j["approver"] = ActorJson(e.approver);
  }
  if (!e.cadence.empty()) j["cadence"] = e.cadence;
  if (e.period) j["period"] = e.period->ToString();
  if (!e.group.empty()) j["group"] = e.group;
  if (!e.card.empty()) j["card"] = e.card;
  if (e.percent) j["percent"] = *e.percent;
  if (!e.values.empty()) {
    std::vector<IndicatorValue> sorted = e.values;
    std::sort(sorted.begin(), sorted.end(),
              [](const IndicatorValue& a, const IndicatorValue& b) {
                return a.indicator < b.indicator;
              });
    Json v = Json::object();
    for (const IndicatorValue& iv : sorted) v[iv.indicator] = iv.value;
    j["values"] = std::move(v);
  }
  if (!e.result.empty()) j["result"] = e.result;
  if (!e.post.empty()) j["post"] = e.post;
  if (!e.person.empty()) j["person"] = e.person;
  if (!e.change.empty()) j["change"] = e.change;
  if (!e.from.empty()) j["from"] = e.from;
  if (!e.to.empty()) j["to"] = e.to;
  if (!e.text.empty()) j["text"] = e.text;
  if (!e.note.empty()) j["note"] = e.note;
  if (!e.policy.empty()) j["policy"] = e.policy;
  if (e.policy_version != 0) j["policy_version"] = e.policy_version;
  if (!e.rule.empty()) j["rule"] = e.rule;
  if (!e.cause.empty()) j["cause"] = e.cause;
  return Dump(j);
}

std::string WriteEventsJsonl(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events) {
    out += WriteEventJson(e);
    out += '\n';
  }
  return out;
}

}  // namespace dutygraph
