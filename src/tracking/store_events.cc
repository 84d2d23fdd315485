// src/tracking/store_events.cc — tracking over the store (see
// dutygraph/tracking_store.h).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/tracking_store.h"
#include "util/status_macros.h"

namespace dutygraph {

namespace {

// A stored version's JSON as a Plan; DATA_LOSS if it no longer loads.
absl::StatusOr<StoredPlan> LoadVersion(const Store& store,
                                       PlanVersion version) {
  absl::StatusOr<Plan> plan = LoadPlanJson(version.json);
  if (!plan.ok()) {
    return absl::DataLossError(store.path() + ": plan version " +
                               std::to_string(version.version) +
                               " no longer loads: " +
                               std::string(plan.status().message()));
  }
  return StoredPlan{std::move(version), *std::move(plan)};
}

// Appends `stored` to `log` as one batch: all or nothing, and an event may
// cite an earlier one.
absl::StatusOr<size_t> AppendStored(const Store& store,
                                    const std::vector<StoredEvent>& stored,
                                    EventLog& log) {
  std::vector<Event> events;
  events.reserve(stored.size());
  for (const StoredEvent& s : stored) {
    absl::StatusOr<Event> e = ParseEventJson(s.json, log.limits());
    if (!e.ok()) {
      return absl::FailedPreconditionError(
          store.path() + ": stored event seq " + std::to_string(s.seq) +
          " ('" + s.id + "') is not a tracking event: " +
          std::string(e.status().message()));
    }
    events.push_back(*std::move(e));
  }
  absl::StatusOr<size_t> n = log.AppendBatch(events);
  if (!n.ok()) {
    // "event 3 ('e17'): ..." counts from 1 in append order, as seq does.
    return absl::FailedPreconditionError(
        store.path() + ": the stored events do not fit this plan (" +
        "event N is seq N): " + std::string(n.status().message()));
  }
  return n;
}

}  // namespace

absl::StatusOr<StoredPlan> StoredPlanFor(const Store& store,
                                         std::optional<Date> on) {
  absl::StatusOr<PlanVersion> version =
      on ? store.PlanAsOf(*on) : store.LatestPlan();
  if (on && !version.ok() &&
      version.status().code() == absl::StatusCode::kNotFound) {
    // Before version 1 takes effect: answer against version 1.
    absl::StatusOr<std::vector<PlanVersion>> all = store.PlanVersions();
    if (!all.ok()) return all.status();
    if (!all->empty()) version = store.PlanAsOf(all->front().effective);
  }
  if (!version.ok()) return version.status();
  return LoadVersion(store, *std::move(version));
}

absl::StatusOr<size_t> LoadStoredEvents(const Store& store, EventLog& log) {
  DG_ASSIGN_OR_RETURN(std::vector<StoredEvent> stored, store.ReadEvents());
  return AppendStored(store, stored, log);
}

absl::StatusOr<TrackingSnapshot> LoadTrackingSnapshot(
    const Store& store, const Calendar& calendar, std::optional<Date> on,
    const TrackingLimits& limits) {
  DG_ASSIGN_OR_RETURN(StoreSnapshot snapshot, store.ReadSnapshot(on));
  DG_ASSIGN_OR_RETURN(StoredPlan plan,
                      LoadVersion(store, std::move(snapshot.plan)));
  EventLog log(plan.plan, calendar, limits);
  DG_RETURN_IF_ERROR(AppendStored(store, snapshot.events, log).status());
  const int64_t last_seq =
      snapshot.events.empty() ? 0 : snapshot.events.back().seq;
  return TrackingSnapshot{std::move(plan), std::move(log), last_seq};
}

absl::StatusOr<AppendResult> AppendValidatedEvents(
    Store& store, const Plan& plan, const Calendar& calendar,
    std::string_view text, std::string_view source_name,
    const TrackingLimits& limits) {
  DG_ASSIGN_OR_RETURN(std::vector<Event> batch,
                      ParseEventsJsonl(text, source_name, limits));
  EventLog log(plan, calendar, limits);
  DG_RETURN_IF_ERROR(LoadStoredEvents(store, log).status());
  DG_RETURN_IF_ERROR(log.AppendJsonl(text, source_name).status());
  // The canonical text of each event of the batch, in its order (a
  // duplicate of a stored event gives the stored text: "unchanged").
  std::vector<std::string_view> canonical;
  canonical.reserve(batch.size());
  for (const Event& e : batch) {
    std::optional<size_t> i = log.Find(e.id);
    if (!i) {
      return absl::InternalError("event '" + e.id +
                                 "' was accepted but is not in the log");
    }
    canonical.push_back(log.canonical_json(*i));
  }
  absl::StatusOr<AppendResult> result = store.AppendEvents(canonical);
  if (!result.ok() && !source_name.empty()) {
    return absl::Status(result.status().code(),
                        std::string(source_name) + ": " +
                            std::string(result.status().message()));
  }
  return result;
}

absl::StatusOr<AppendResult> AppendValidatedEvents(
    Store& store, const Calendar& calendar, std::string_view text,
    std::string_view source_name, const TrackingLimits& limits) {
  DG_ASSIGN_OR_RETURN(std::vector<Event> batch,
                      ParseEventsJsonl(text, source_name, limits));
  std::optional<Date> latest;
  for (const Event& e : batch) {
    if (!latest || *latest < e.date) latest = e.date;
  }
  DG_ASSIGN_OR_RETURN(StoredPlan stored, StoredPlanFor(store, latest));
  return AppendValidatedEvents(store, stored.plan, calendar, text,
                               source_name, limits);
}

}  // namespace dutygraph
