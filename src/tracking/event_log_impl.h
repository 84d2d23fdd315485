// tracking/event_log_impl.h — the event log's compact, indexed form, read by
// the evaluations (status, escalations, rankings). Not part of the API.
//
// Each event is kept twice: its canonical JSON text (what the store and
// ToJsonl() give back) and a fixed-size `Fact` with every reference resolved
// to a plan index, so evaluations never parse or hash strings. Per-task and
// per-unit index lists, kept sorted by (date, position), let one task be
// re-evaluated from its own events only.
#ifndef DUTYGRAPH_SRC_TRACKING_EVENT_LOG_IMPL_H_
#define DUTYGRAPH_SRC_TRACKING_EVENT_LOG_IMPL_H_

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "dutygraph/calendar.h"
#include "dutygraph/events.h"
#include "dutygraph/plan.h"

namespace dutygraph {
namespace internal {

inline constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

enum class Card : uint8_t { kNone = 0, kYellow = 1, kRed = 2 };

struct Fact {
  EventKind kind = EventKind::kProgress;
  Date date;
  uint32_t task = kNone;   // TaskIndex
  uint32_t unit = kNone;   // the `unit` field (UnitIndex, as written)
  Actor::Kind actor_kind = Actor::Kind::kNone;
  uint32_t actor = kNone;  // UnitIndex / PostIndex / PersonIndex
  Card card = Card::kNone;
  bool issues = false;     // inspection found issues
  bool has_due = false;    // `due` (assigned) or `new_due` (extension)
  Date due;
  float percent = std::numeric_limits<float>::quiet_NaN();
  uint32_t cadence = kNone;  // index into plan.data().cadences
  uint32_t group = kNone;    // GroupIndex
  Date period;               // report_submitted: first day
  uint32_t values_begin = 0;  // into Impl::values
  uint32_t values_count = 0;
  uint32_t policy = kNone;  // into Impl::keys
  uint32_t rule = kNone;    // into Impl::keys
  int32_t policy_version = 0;
  uint32_t cause = kNone;  // position of the cause event
};

// One indicator value: the target it measures and the value.
struct FactValue {
  uint32_t target = 0;  // index into plan.task(fact.task).targets
  double value = 0;
};

}  // namespace internal

struct EventLog::Impl {
  Plan plan;
  Calendar calendar;
  TrackingLimits limits;
  std::string text;                    // canonical texts, back to back
  std::vector<uint64_t> text_end;      // end offset of each event's text
  std::vector<internal::Fact> facts;
  std::vector<internal::FactValue> values;
  absl::flat_hash_map<std::string, uint32_t> ids;
  std::vector<std::string> id_at;  // the id of each position
  // Interned policy and rule ids.
  std::vector<std::string> keys;
  absl::flat_hash_map<std::string, uint32_t> key_index;
  // Positions of the events about each task-tree node, naming each unit in
  // their `unit` field, and acted by each unit, sorted by (date, position).
  std::vector<std::vector<uint32_t>> by_task;
  std::vector<std::vector<uint32_t>> by_unit;
  std::vector<std::vector<uint32_t>> by_actor_unit;
  // Positions of report_submitted events, per cadence.
  std::vector<std::vector<uint32_t>> by_cadence;
  absl::flat_hash_map<std::string, uint32_t> cadence_index;

  Impl(Plan p, Calendar c);
  uint32_t Intern(const std::string& key);
  // kNone when unknown.
  uint32_t KeyOf(std::string_view key) const;
};

}  // namespace dutygraph

#endif  // DUTYGRAPH_SRC_TRACKING_EVENT_LOG_IMPL_H_
