// tracking/event_fields.h — which fields each event kind takes. Shared by
// the JSON reader (io/events_json.cc) and the log's validation
// (tracking/event_log.cc) so the two cannot disagree. Not part of the API.
#ifndef DUTYGRAPH_SRC_TRACKING_EVENT_FIELDS_H_
#define DUTYGRAPH_SRC_TRACKING_EVENT_FIELDS_H_

#include <cstdint>
#include <string_view>

#include "dutygraph/events.h"

namespace dutygraph::internal {

// One bit per optional field of Event.
enum EventField : uint32_t {
  kFTask = 1u << 0,
  kFUnit = 1u << 1,
  kFDue = 1u << 2,
  kFNewDue = 1u << 3,
  kFApprover = 1u << 4,
  kFCadence = 1u << 5,
  kFPeriod = 1u << 6,
  kFGroup = 1u << 7,
  kFCard = 1u << 8,
  kFPercent = 1u << 9,
  kFValues = 1u << 10,
  kFResult = 1u << 11,
  kFPost = 1u << 12,
  kFPerson = 1u << 13,
  kFChange = 1u << 14,
  kFFrom = 1u << 15,
  kFTo = 1u << 16,
};
inline constexpr int kEventFieldCount = 17;

// The JSON key of a field bit.
std::string_view EventFieldName(uint32_t bit);

struct EventKindSpec {
  uint32_t allowed = 0;   // fields beyond the common ones
  uint32_t required = 0;  // each must be present
  uint32_t one_of = 0;    // at least one of these must be present (0: none)
};

// Common to every kind: id, kind, date, actor, text, note, policy,
// policy_version, rule, cause.
const EventKindSpec& SpecOf(EventKind kind);

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_TRACKING_EVENT_FIELDS_H_
