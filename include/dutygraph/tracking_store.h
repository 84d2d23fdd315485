// dutygraph/tracking_store.h — tracking over the embedded store: the plan
// version a question is asked against, the stored events as an EventLog,
// and appending events to a store only once the tracking layer has
// accepted them (docs/store.md "Validated events").
//
// The store (store.h) checks an event's envelope only (id, kind, date,
// task); the tracking layer (events.h) checks what it means against a plan
// and a calendar. AppendValidatedEvents() puts the two together so that a
// store filled through it never holds an event the tracker would reject:
// the batch is appended to an EventLog holding every stored event first,
// and the store receives each event's canonical text
// (EventLog::canonical_json). Store::AppendEvents() stays available for
// hosts that validate elsewhere.
//
// Layering: tracking depends on store, never the reverse.
//
// Thread safety: free functions over the caller's objects; a Store is safe
// from any thread (store.h), an EventLog is exclusive (events.h). Two
// writers validating at once are serialised by the store: each batch is
// checked against the log as read, and the store's id check refuses a
// conflicting id appended in between (ALREADY_EXISTS).
#ifndef DUTYGRAPH_TRACKING_STORE_H_
#define DUTYGRAPH_TRACKING_STORE_H_

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "dutygraph/events.h"
#include "dutygraph/plan.h"
#include "dutygraph/store.h"

namespace dutygraph {

// StoredPlanFor()
//
// The plan version a question about `on` is answered against: the version
// in effect on `on`; version 1 when `on` precedes every version; the latest
// version without a date. NOT_FOUND (naming the file) when the store has no
// plan version. The version's JSON is loaded into a Plan.
struct StoredPlan {
  PlanVersion version;
  Plan plan;
};
absl::StatusOr<StoredPlan> StoredPlanFor(const Store& store,
                                         std::optional<Date> on);

// LoadStoredEvents()
//
// Appends every event of `store`, in append order, to `log` (all or
// nothing), each read within log.limits(). An event the log refuses (one stored through
// Store::AppendEvents() unchecked, or written for another plan version) is
// FAILED_PRECONDITION naming the store, its seq and the reason. Returns the
// number appended.
absl::StatusOr<size_t> LoadStoredEvents(const Store& store, EventLog& log);

// LoadTrackingSnapshot()
//
// The plan version for `on` (chosen as StoredPlanFor() does) and every
// stored event, read in one transaction (Store::ReadSnapshot()), as a Plan
// and an EventLog on `calendar`: what a reader answers from is the store at
// one moment, even while a writer adds plan versions and events. The log
// checks against `limits`. Errors as StoredPlanFor() and LoadStoredEvents().
struct TrackingSnapshot {
  StoredPlan plan;
  EventLog log;          // on plan.plan and `calendar`
  int64_t last_seq = 0;  // the seq of the last event read (0: none)
};
absl::StatusOr<TrackingSnapshot> LoadTrackingSnapshot(
    const Store& store, const Calendar& calendar, std::optional<Date> on,
    const TrackingLimits& limits = {});

// AppendValidatedEvents()
//
// Appends the events of the JSON Lines `text` to `store` after `plan` and
// `calendar` accept them together with every event already stored: errors
// are those of EventLog::AppendJsonl() (naming `source_name` and the line:
// malformed JSON, an unknown task with a did-you-mean, an id taken by
// different content ...) or LoadStoredEvents(); then those of
// Store::AppendEvents(). All or nothing: on any error the store is as it
// was. Each event is stored as its canonical text, so an event written with
// a task path or unit alias is stored with ids, and appending it again in
// either spelling counts as `unchanged`. `limits` bound the text as the
// tracking layer reads it (events.h); the store's own (StoreOptions, with
// the same defaults) apply too.
absl::StatusOr<AppendResult> AppendValidatedEvents(
    Store& store, const Plan& plan, const Calendar& calendar,
    std::string_view text, std::string_view source_name = {},
    const TrackingLimits& limits = {});

// As above against the store's own plan: the version StoredPlanFor() gives
// for the latest event date of the batch (the plan in effect when the
// newest of them happened).
absl::StatusOr<AppendResult> AppendValidatedEvents(
    Store& store, const Calendar& calendar, std::string_view text,
    std::string_view source_name = {}, const TrackingLimits& limits = {});

}  // namespace dutygraph

#endif  // DUTYGRAPH_TRACKING_STORE_H_
