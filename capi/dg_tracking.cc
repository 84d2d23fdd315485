// capi/dg_tracking.cc — the tracking section of dg.h: event logs, trackers,
// status, escalations, rankings, the ledger and lifecycle accountability.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dutygraph/dg.h"
#include "dutygraph/events.h"
#include "dutygraph/tracking.h"
#include "dutygraph/tracking_store.h"
#include "guard.h"
#include "handles.h"

namespace {

using dutygraph::capi::ApiCall;
using dutygraph::capi::CheckHandle;
using dutygraph::capi::FreeHandle;
using dutygraph::capi::NewCString;
using dutygraph::capi::ZeroOut;

// The checks every evaluation shares.
dg_status CheckPair(const ApiCall& call, const dg_tracker* tracker,
                    const dg_events* events) {
  if (dg_status s = CheckHandle(call, tracker, "tracker"); s != DG_OK) return s;
  if (dg_status s = CheckHandle(call, events, "events"); s != DG_OK) return s;
  return DG_OK;
}

// The limits a caller's dg_tracking_limits declare (NULL: the defaults).
// Only the fields within struct_size are read; the others keep their
// defaults.
dg_status ReadLimits(dutygraph::TrackingLimits* limits,
                     const dg_tracking_limits* in, const ApiCall& call) {
  *limits = dutygraph::TrackingLimits{};
  if (in == nullptr) return DG_OK;
  const size_t declared = in->struct_size;
  if (declared < DG_FIELD_END(dg_tracking_limits, max_event_bytes)) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {"limits->struct_size is ", std::to_string(declared),
                      ", too small for dg_tracking_limits; initialise it with "
                      "DG_TRACKING_LIMITS_INIT"});
  }
  auto size = [](uint64_t v) {
    return static_cast<size_t>(std::min<uint64_t>(v, SIZE_MAX));
  };
  limits->max_event_bytes = size(in->max_event_bytes);
  if (declared >= DG_FIELD_END(dg_tracking_limits, max_batch_events)) {
    limits->max_batch_events = size(in->max_batch_events);
  }
  if (declared >= DG_FIELD_END(dg_tracking_limits, max_policy_bytes)) {
    limits->max_policy_bytes = size(in->max_policy_bytes);
  }
  if (declared >= DG_FIELD_END(dg_tracking_limits, max_depth)) {
    if (in->max_depth < 1) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"limits->max_depth is ", std::to_string(in->max_depth),
                        "; it must be at least 1"});
    }
    limits->max_depth = in->max_depth;
  }
  return DG_OK;
}

dg_status NewEvents(dg_events** out, const dg_plan* plan, const dg_calendar* cal,
                    const dg_tracking_limits* in, const ApiCall& call) {
  ZeroOut(out);
  if (out == nullptr) return call.NullArgument("out");
  if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
  if (dg_status s = CheckHandle(call, cal, "cal"); s != DG_OK) return s;
  dutygraph::TrackingLimits limits;
  if (dg_status s = ReadLimits(&limits, in, call); s != DG_OK) return s;
  *out = new dg_events(dutygraph::EventLog(plan->plan, cal->calendar, limits));
  return DG_OK;
}

dg_status NewTracker(dg_tracker** out, const dg_plan* plan, const dg_calendar* cal,
                     const char* policy_json, size_t policy_json_len,
                     const dg_tracking_limits* in, const ApiCall& call) {
  ZeroOut(out);
  if (out == nullptr) return call.NullArgument("out");
  if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
  if (dg_status s = CheckHandle(call, cal, "cal"); s != DG_OK) return s;
  std::string_view text;
  if (dg_status s = call.CheckText(&text, policy_json, policy_json_len, "policy_json");
      s != DG_OK) {
    return s;
  }
  dutygraph::TrackingLimits limits;
  if (dg_status s = ReadLimits(&limits, in, call); s != DG_OK) return s;
  absl::StatusOr<dutygraph::TrackingPolicy> policy =
      text.empty() ? dutygraph::PolicyFromPlan(plan->plan)
                   : dutygraph::ParsePolicyJson(text, limits);
  if (!policy.ok()) return call.FromStatus(policy.status());
  absl::StatusOr<dutygraph::Tracker> t =
      dutygraph::Tracker::Create(plan->plan, cal->calendar, *std::move(policy));
  if (!t.ok()) return call.FromStatus(t.status());
  *out = new dg_tracker(*std::move(t));
  return DG_OK;
}

}  // namespace

dg_status dg_events_new(dg_events** out, const dg_plan* plan,
                        const dg_calendar* cal) noexcept {
  DG_API_GUARD({ return NewEvents(out, plan, cal, nullptr, call); });
}

dg_status dg_events_new_v2(dg_events** out, const dg_plan* plan,
                           const dg_calendar* cal,
                           const dg_tracking_limits* limits) noexcept {
  DG_API_GUARD({ return NewEvents(out, plan, cal, limits, call); });
}

void dg_events_free(dg_events* events) noexcept { FreeHandle(events); }

dg_status dg_events_append_json(int* appended_out, dg_events* events,
                                const char* json, size_t json_len) noexcept {
  DG_API_GUARD({
    ZeroOut(appended_out);
    if (dg_status s = CheckHandle(call, events, "events"); s != DG_OK) return s;
    std::string_view text;
    if (dg_status s = call.CheckText(&text, json, json_len, "json"); s != DG_OK) {
      return s;
    }
    absl::StatusOr<dutygraph::Event> e =
        dutygraph::ParseEventJson(text, events->log.limits());
    if (!e.ok()) return call.FromStatus(e.status());
    absl::StatusOr<dutygraph::AppendOutcome> r = events->log.Append(*e);
    if (!r.ok()) return call.FromStatus(r.status());
    if (appended_out) *appended_out = *r == dutygraph::AppendOutcome::kAppended ? 1 : 0;
    return DG_OK;
  });
}

dg_status dg_events_append_jsonl(size_t* appended_out, dg_events* events,
                                 const char* text, size_t text_len,
                                 const char* source_name,
                                 size_t source_name_len) noexcept {
  DG_API_GUARD({
    ZeroOut(appended_out);
    if (dg_status s = CheckHandle(call, events, "events"); s != DG_OK) return s;
    std::string_view body, source;
    if (dg_status s = call.CheckText(&body, text, text_len, "text"); s != DG_OK) {
      return s;
    }
    if (dg_status s = call.CheckText(&source, source_name, source_name_len, "source_name");
        s != DG_OK) {
      return s;
    }
    absl::StatusOr<size_t> n = events->log.AppendJsonl(body, source);
    if (!n.ok()) return call.FromStatus(n.status());
    if (appended_out) *appended_out = *n;
    return DG_OK;
  });
}

dg_status dg_events_load_store(size_t* appended_out, dg_events* events,
                               dg_store* store) noexcept {
  DG_API_GUARD({
    ZeroOut(appended_out);
    if (dg_status s = CheckHandle(call, events, "events"); s != DG_OK) return s;
    if (dg_status s = CheckHandle(call, store, "store"); s != DG_OK) return s;
    absl::StatusOr<size_t> n = dutygraph::LoadStoredEvents(store->store, events->log);
    if (!n.ok()) return call.FromStatus(n.status());
    if (appended_out) *appended_out = *n;
    return DG_OK;
  });
}

dg_status dg_store_snapshot(dg_plan** plan_out, dg_events** events_out,
                            int64_t* version_out, dg_store* store,
                            const dg_calendar* cal, int as_of,
                            dg_date on) noexcept {
  DG_API_GUARD({
    ZeroOut(plan_out, events_out, version_out);
    if (plan_out == nullptr) return call.NullArgument("plan_out");
    if (events_out == nullptr) return call.NullArgument("events_out");
    if (dg_status s = CheckHandle(call, store, "store"); s != DG_OK) return s;
    if (dg_status s = CheckHandle(call, cal, "cal"); s != DG_OK) return s;
    if (as_of != 0 && as_of != 1) {
      return call.Fail(DG_INVALID_ARGUMENT, {"as_of is ", std::to_string(as_of),
                                             "; it must be 0 or 1"});
    }
    std::optional<dutygraph::Date> date;
    if (as_of == 1) {
      dutygraph::Date d;
      if (dg_status s = call.CheckDate(&d, on, "on"); s != DG_OK) return s;
      date = d;
    }
    absl::StatusOr<dutygraph::TrackingSnapshot> snapshot =
        dutygraph::LoadTrackingSnapshot(store->store, cal->calendar, date);
    if (!snapshot.ok()) return call.FromStatus(snapshot.status());
    auto plan = std::unique_ptr<dg_plan>(new dg_plan{{}, snapshot->plan.plan});
    auto events = std::make_unique<dg_events>(std::move(snapshot->log));
    dutygraph::capi::SetIfGiven(version_out, snapshot->plan.version.version);
    *plan_out = plan.release();
    *events_out = events.release();
    return DG_OK;
  });
}

dg_status dg_events_count(size_t* count_out, const dg_events* events) noexcept {
  DG_API_GUARD({
    ZeroOut(count_out);
    if (count_out == nullptr) return call.NullArgument("count_out");
    if (dg_status s = CheckHandle(call, events, "events"); s != DG_OK) return s;
    *count_out = events->log.size();
    return DG_OK;
  });
}

dg_status dg_events_to_jsonl(char** out, size_t* size_out,
                             const dg_events* events) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckHandle(call, events, "events"); s != DG_OK) return s;
    return NewCString(out, size_out, events->log.ToJsonl(), call);
  });
}

dg_status dg_tracker_new(dg_tracker** out, const dg_plan* plan, const dg_calendar* cal,
                         const char* policy_json, size_t policy_json_len) noexcept {
  DG_API_GUARD({
    return NewTracker(out, plan, cal, policy_json, policy_json_len, nullptr, call);
  });
}

dg_status dg_tracker_new_v2(dg_tracker** out, const dg_plan* plan,
                            const dg_calendar* cal, const char* policy_json,
                            size_t policy_json_len,
                            const dg_tracking_limits* limits) noexcept {
  DG_API_GUARD({
    return NewTracker(out, plan, cal, policy_json, policy_json_len, limits, call);
  });
}

void dg_tracker_free(dg_tracker* tracker) noexcept { FreeHandle(tracker); }

dg_status dg_status_json(char** out, size_t* size_out, const dg_tracker* tracker,
                         const dg_events* events, dg_date on, const char* unit,
                         size_t unit_len) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckPair(call, tracker, events); s != DG_OK) return s;
    dutygraph::Date day;
    if (dg_status s = call.CheckDate(&day, on, "on"); s != DG_OK) return s;
    std::string_view name;
    if (dg_status s = call.CheckText(&name, unit, unit_len, "unit"); s != DG_OK) return s;
    const dutygraph::Plan& plan = tracker->tracker.plan();
    std::optional<dutygraph::UnitIndex> only;
    if (!name.empty()) {
      absl::StatusOr<dutygraph::UnitIndex> u = plan.FindUnit(name, day);
      if (!u.ok()) return call.FromStatus(u.status());
      only = *u;
    }
    absl::StatusOr<dutygraph::StatusReport> r = tracker->tracker.Status(events->log, day, only);
    if (!r.ok()) return call.FromStatus(r.status());
    return NewCString(out, size_out, dutygraph::StatusReportJson(plan, *r), call);
  });
}

dg_status dg_escalations_json(char** out, size_t* size_out, const dg_tracker* tracker,
                              const dg_events* events, dg_date on) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckPair(call, tracker, events); s != DG_OK) return s;
    dutygraph::Date day;
    if (dg_status s = call.CheckDate(&day, on, "on"); s != DG_OK) return s;
    absl::StatusOr<std::vector<dutygraph::DueAction>> due =
        tracker->tracker.Escalations(events->log, day);
    if (!due.ok()) return call.FromStatus(due.status());
    return NewCString(out, size_out,
                      dutygraph::DueActionsJson(tracker->tracker.plan(), day, *due), call);
  });
}

dg_status dg_rank_json(char** out, size_t* size_out, const dg_tracker* tracker,
                       const dg_events* events, const char* unit_set, size_t unit_set_len,
                       dg_period_kind kind, dg_date day, const char* formula,
                       size_t formula_len) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckPair(call, tracker, events); s != DG_OK) return s;
    std::string_view set, formula_id;
    if (dg_status s = call.CheckText(&set, unit_set, unit_set_len, "unit_set"); s != DG_OK) {
      return s;
    }
    if (set.empty()) return call.Fail(DG_INVALID_ARGUMENT, "unit_set is empty");
    if (dg_status s = call.CheckText(&formula_id, formula, formula_len, "formula");
        s != DG_OK) {
      return s;
    }
    dutygraph::PeriodKind period_kind;
    if (dg_status s = dutygraph::capi::CheckPeriodKind(&period_kind, kind, call); s != DG_OK) {
      return s;
    }
    dutygraph::Date date;
    if (dg_status s = call.CheckDate(&date, day, "day"); s != DG_OK) return s;
    absl::StatusOr<dutygraph::Period> period = dutygraph::Period::Of(date, period_kind);
    if (!period.ok()) return call.FromStatus(period.status());
    absl::StatusOr<dutygraph::Ranking> r =
        tracker->tracker.Rank(events->log, set, *period, formula_id);
    if (!r.ok()) return call.FromStatus(r.status());
    return NewCString(out, size_out, dutygraph::RankingJson(tracker->tracker.plan(), *r),
                      call);
  });
}

dg_status dg_ledger_csv(char** out, size_t* size_out, const dg_tracker* tracker,
                        const dg_events* events, dg_date on) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckPair(call, tracker, events); s != DG_OK) return s;
    dutygraph::Date day;
    if (dg_status s = call.CheckDate(&day, on, "on"); s != DG_OK) return s;
    absl::StatusOr<std::string> csv = tracker->tracker.LedgerCsv(events->log, day);
    if (!csv.ok()) return call.FromStatus(csv.status());
    return NewCString(out, size_out, *csv, call);
  });
}

dg_status dg_lifecycle_json(char** out, size_t* size_out, const dg_tracker* tracker,
                            const dg_events* events, const char* task,
                            size_t task_len) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckPair(call, tracker, events); s != DG_OK) return s;
    std::string_view id;
    if (dg_status s = call.CheckText(&id, task, task_len, "task"); s != DG_OK) return s;
    absl::StatusOr<dutygraph::TaskIndex> t = tracker->tracker.plan().FindTask(id);
    if (!t.ok()) return call.FromStatus(t.status());
    absl::StatusOr<dutygraph::Lifecycle> l = tracker->tracker.LifecycleOf(events->log, *t);
    if (!l.ok()) return call.FromStatus(l.status());
    return NewCString(out, size_out, dutygraph::LifecycleJson(tracker->tracker.plan(), *l),
                      call);
  });
}
