// dutygraph/events.h — what happened to a plan: typed, dated events and the
// append-only, idempotent event log that validates them against the plan.
//
// An event is one JSON object (docs/tracking.md has every kind's fields):
//
//   {"id": "e17", "kind": "progress", "date": "2023-05-10",
//    "task": "p5.2.1.2", "actor": {"unit": "市安委办"},
//    "percent": 40, "values": {"重点监管企业执法检查覆盖率": 45}}
//
// `id` is chosen by the caller and makes appends idempotent: appending an
// event whose id is already in the log changes nothing when the content is the
// same and is ALREADY_EXISTS (naming the id) when it differs. JSON Lines (one
// event per line) is the interchange format; the embedded store keeps each
// event's canonical text (EventLog::canonical_json) with its id, kind, date
// and task, and gives them back in append order.
//
// Parsing (ParseEventJson, ParseEventsJsonl) checks the shape only. The log
// checks the rest against its Plan and Calendar when appending: the task (id
// or path), units, posts, people, cadences and groups must exist (NOT_FOUND
// with a did-you-mean), dates must lie in years the calendar knows, and an
// event's `cause` must name an event already in the log. Canonical text uses
// ids for every reference, so an event written with a task path or a unit
// alias equals the same event written with ids.
//
// "Report missed" is not an event: it is derived from the cadences and the
// report_submitted events (tracking.h).
//
// Thread safety: Event is a value type. An EventLog is not synchronised: one
// writer at a time, and no reader while a write is in progress (wrap it in
// your own lock, or give each evaluation thread its own copy — copies are
// cheap to read, not to make).
#ifndef DUTYGRAPH_EVENTS_H_
#define DUTYGRAPH_EVENTS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "dutygraph/plan.h"

namespace dutygraph {

// Values are stable: the C API uses the same numbers.
enum class EventKind : int32_t {
  kAssigned = 0,         // 交办 (optionally with a completion date)
  kProgress = 1,         // progress reported: text, percent, indicator values
  kReportSubmitted = 2,  // a cadence report (旬简报 ...) for one period
  kExtension = 3,        // 延期: a new due date, with its approver
  kCompleted = 4,        // 办结
  kAccepted = 5,         // 验收
  kClosed = 6,           // 销号
  kReopened = 7,         // 重新打开
  kCardIssued = 8,       // 黄牌 / 红牌
  kCardLifted = 9,       // 摘牌
  kListed = 10,          // 挂牌督办
  kDelisted = 11,        // 摘牌 (listing ended)
  kInterview = 12,       // 约谈
  kCircular = 13,        // 通报
  kAccountability = 14,  // 问责
  kTenureChange = 15,    // a post changes hands (recorded, see below)
  kUnitChange = 16,      // a unit renamed/merged/... (recorded, see below)
  kReminder = 17,        // 催办
  kWarning = 18,         // 警示
  kExposure = 19,        // 曝光
  kJointSanction = 20,   // 联合惩戒
  kInspection = 21,      // 督查检查 (result: passed or issues found)
  kIncident = 22,        // a reported incident (事故)
};
inline constexpr int kEventKindCount = 23;

// "assigned", "progress", "report_submitted", "extension", "completed",
// "accepted", "closed", "reopened", "card_issued", "card_lifted", "listed",
// "delisted", "interview", "circular", "accountability", "tenure_change",
// "unit_change", "reminder", "warning", "exposure", "joint_sanction",
// "inspection", "incident".
std::string_view EventKindName(EventKind kind);
// INVALID_ARGUMENT listing the accepted names for anything else.
absl::StatusOr<EventKind> ParseEventKind(std::string_view name);

// Who acted: a unit, a post or a person, by id or name.
struct Actor {
  enum class Kind : int32_t { kNone = 0, kUnit = 1, kPost = 2, kPerson = 3 };
  Kind kind = Kind::kNone;
  std::string ref;
  friend bool operator==(const Actor&, const Actor&) = default;
};

struct IndicatorValue {
  std::string indicator;  // TargetData::indicator of the task
  double value = 0;
  friend bool operator==(const IndicatorValue&, const IndicatorValue&) =
      default;
};

// One event. Which fields a kind takes is in docs/tracking.md; the rest stay
// empty. Text fields are UTF-8.
struct Event {
  std::string id;
  EventKind kind = EventKind::kProgress;
  Date date;
  std::string task;  // task-tree node id or path; empty when none
  Actor actor;       // optional for every kind

  std::string unit;             // the unit concerned: assignee, carded, listed
  std::optional<Date> due;      // assigned: the completion date set (时限)
  std::optional<Date> new_due;  // extension
  Actor approver;               // extension
  std::string cadence;          // report_submitted: the cadence id
  std::optional<Date> period;   // report_submitted: first day of the period
  std::string group;            // report_submitted: the reporting group
  std::string card;             // card_issued/lifted: "yellow" or "red"
  std::optional<double> percent;       // progress: 0..100
  std::vector<IndicatorValue> values;  // progress: by indicator
  std::string result;           // inspection: "passed" or "issues"
  std::string post, person;     // tenure_change: the post and its new holder
  std::string change;           // unit_change: renamed, merged, split, abolished
  std::vector<std::string> from, to;  // unit_change: unit ids
  std::string text;             // what was reported, said or decided
  std::string note;

  // Provenance of an escalation action recorded as an event: the policy, its
  // version and the rule that called for it, and the event that caused it
  // (the incident, the card ...). Evaluation uses them for idempotency.
  std::string policy;
  int policy_version = 0;
  std::string rule;
  std::string cause;  // an event id

  friend bool operator==(const Event&, const Event&) = default;
};

// Limits against hostile input to the tracking layer: event JSON (one event,
// a JSON Lines text, a batch) and policy JSON. Exceeding one is
// RESOURCE_EXHAUSTED naming the limit ("... more than the limit
// max_event_bytes (1048576)"), never an out-of-memory kill or a stack
// overflow. The event defaults equal the store's (StoreOptions), so an event
// the tracking layer accepts is one the store accepts; the Hengyang scenario's
// largest event is under 1 KiB, nested 2 deep, and its policy 6.5 KiB, nested
// 6 deep. docs/hostile-input.md lists them; the C API's
// DG_TRACKING_LIMITS_INIT repeats them.
struct TrackingLimits {
  size_t max_event_bytes = size_t{1} << 20;    // one event's JSON text
  size_t max_batch_events = 1'000'000;         // events in one text or batch
  size_t max_policy_bytes = size_t{16} << 20;  // a policy's JSON text
  int max_depth = 32;  // JSON nesting of an event or a policy (at least 1)
};

// ParseEventJson()
//
// One event from a JSON object. INVALID_ARGUMENT naming the field for a
// missing or unknown key, a wrong type, a bad date, a field the kind does not
// take, invalid UTF-8 or malformed JSON ("line 1, column 17 (byte 16)"), and
// naming the JSON Pointer for a key given twice ("duplicate key 'unit' at
// /actor/unit (line 1, column 40 (byte 39))"). RESOURCE_EXHAUSTED past
// `limits.max_event_bytes` or `limits.max_depth`.
absl::StatusOr<Event> ParseEventJson(std::string_view json,
                                     const TrackingLimits& limits = {});

// ParseEventsJsonl()
//
// One event per line; blank lines are skipped. Errors name the line:
// "events.jsonl:12: field 'date': bad date '2023-02-30' ...". `source_name`
// prefixes messages (default "line"). RESOURCE_EXHAUSTED for more than
// `limits.max_batch_events` events, or an event past the limits above.
absl::StatusOr<std::vector<Event>> ParseEventsJsonl(
    std::string_view text, std::string_view source_name = {},
    const TrackingLimits& limits = {});

// WriteEventJson(): the compact canonical text of an event (keys in a fixed
// order, empty fields omitted, indicator values sorted), no newline.
std::string WriteEventJson(const Event& event);
// WriteEventsJsonl(): one canonical line per event, each ending in '\n'.
std::string WriteEventsJsonl(const std::vector<Event>& events);

// What an append did.
enum class AppendOutcome : int32_t {
  kAppended = 0,
  kDuplicate = 1,  // same id and content already in the log: nothing changed
};

class EventLog {
 public:
  // An empty log for `plan` on `calendar`; AppendJsonl() and AppendBatch()
  // enforce `limits`.
  EventLog(Plan plan, Calendar calendar);
  EventLog(Plan plan, Calendar calendar, const TrackingLimits& limits);
  ~EventLog();
  EventLog(EventLog&&) noexcept;
  EventLog& operator=(EventLog&&) noexcept;
  EventLog(const EventLog&);
  EventLog& operator=(const EventLog&);

  // Append()
  //
  // Validates `event` against the plan and calendar and appends it. Errors:
  // INVALID_ARGUMENT (empty id, a field the kind needs is missing, percent
  // outside 0..100, a period that does not start a period of the cadence —
  // with the right start suggested — an indicator the task has no target
  // for); NOT_FOUND with a did-you-mean for an unknown task, unit, post,
  // person, cadence or group, or a `cause` not in the log;
  // ALREADY_EXISTS naming the id when the id is taken by different content;
  // calendar errors for a date in a year the calendar does not know
  // (FAILED_PRECONDITION in strict mode) or outside its range. Nothing is
  // changed on failure.
  absl::StatusOr<AppendOutcome> Append(const Event& event);

  // AppendBatch()
  //
  // All or nothing: every event is validated (in order, so an event may
  // cite an earlier one of the batch as its cause) before any is appended.
  // Errors are those of Append(), prefixed with the event's position and id
  // ("event 3 ('e17'): ..."). Returns the number of events appended (the
  // rest were duplicates). RESOURCE_EXHAUSTED for a batch of more than
  // limits().max_batch_events.
  absl::StatusOr<size_t> AppendBatch(const std::vector<Event>& events);

  // AppendJsonl(): ParseEventsJsonl() with limits(), then AppendBatch(),
  // errors naming the line.
  absl::StatusOr<size_t> AppendJsonl(std::string_view text,
                                     std::string_view source_name = {});

  size_t size() const;
  // The i-th event in append order (ids resolved: task and unit ids).
  // INVALID_ARGUMENT for i out of range.
  absl::StatusOr<Event> event(size_t i) const;
  // Its canonical JSON text (borrowed from the log; valid until the next
  // append).
  std::string_view canonical_json(size_t i) const;
  // The position of the event with this id.
  std::optional<size_t> Find(std::string_view id) const;
  // The whole log as JSON Lines, in append order.
  std::string ToJsonl() const;

  const Plan& plan() const;
  const Calendar& calendar() const;
  const TrackingLimits& limits() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace dutygraph

#endif  // DUTYGRAPH_EVENTS_H_
