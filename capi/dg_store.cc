// capi/dg_store.cc — the C API's store (see dutygraph/dg.h, "The store").
//
// A dg_store owns one dutygraph::Store, itself one SQLite connection behind
// a mutex, so calls on one handle from several threads are serialised and
// safe. Every text handed back is a fresh caller-owned copy.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/date.h"
#include "dutygraph/dg.h"
#include "dutygraph/store.h"
#include "dutygraph/tracking_store.h"
#include "guard.h"
#include "handles.h"

namespace {

using dutygraph::Date;
using dutygraph::Store;
using dutygraph::StoreOptions;
using dutygraph::capi::ApiCall;
using dutygraph::capi::CheckHandle;
using dutygraph::capi::FreeHandle;
using dutygraph::capi::NewCString;
using dutygraph::capi::SetIfGiven;
using dutygraph::capi::ZeroOut;

dg_status CheckFlag(int32_t value, std::string_view name,
                    const ApiCall& call) {
  if (value == 0 || value == 1) return DG_OK;
  return call.Fail(DG_INVALID_ARGUMENT, {"options->", name, " is ",
                                         std::to_string(value),
                                         "; it must be 0 or 1"});
}

// dg_store_options -> StoreOptions, by the prefix protocol.
dg_status ReadOptions(const dg_store_options* opts, StoreOptions* out,
                      const ApiCall& call) {
  if (opts == nullptr) return DG_OK;
  const size_t declared = opts->struct_size;
  const size_t min_size = DG_FIELD_END(dg_store_options, read_only);
  if (declared < min_size) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {"options->struct_size is ", std::to_string(declared),
                      ", smaller than the first fields of dg_store_options (",
                      std::to_string(min_size),
                      " bytes); initialise it with DG_STORE_OPTIONS_INIT"});
  }
  auto has = [declared](size_t end) { return declared >= end; };
  if (dg_status s = CheckFlag(opts->read_only, "read_only", call); s != DG_OK) {
    return s;
  }
  out->read_only = opts->read_only == 1;
  if (has(DG_FIELD_END(dg_store_options, create_if_missing))) {
    if (dg_status s =
            CheckFlag(opts->create_if_missing, "create_if_missing", call);
        s != DG_OK) {
      return s;
    }
    out->create_if_missing = opts->create_if_missing == 1;
  }
  if (has(DG_FIELD_END(dg_store_options, busy_timeout_ms))) {
    if (opts->busy_timeout_ms < 0) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"options->busy_timeout_ms is ",
                        std::to_string(opts->busy_timeout_ms),
                        "; it must be 0 or more"});
    }
    out->busy_timeout_ms = opts->busy_timeout_ms;
  }
  if (has(DG_FIELD_END(dg_store_options, check_integrity))) {
    if (dg_status s = CheckFlag(opts->check_integrity, "check_integrity", call);
        s != DG_OK) {
      return s;
    }
    out->check_integrity = opts->check_integrity == 1;
  }
  if (has(DG_FIELD_END(dg_store_options, max_page_count))) {
    if (opts->max_page_count < 0) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"options->max_page_count is ",
                        std::to_string(opts->max_page_count),
                        "; it must be 0 (no cap) or more"});
    }
    out->max_page_count = opts->max_page_count;
  }
  return DG_OK;
}

// dg_store_init() and dg_store_add_plan().
dg_status StorePlan(int64_t* version_out, dg_store* store,
                    const char* plan_json, size_t plan_json_len,
                    dg_date effective, bool first, const ApiCall& call) {
  ZeroOut(version_out);
  if (dg_status s = CheckHandle(call, store, "store"); s != DG_OK) return s;
  std::string_view text;
  if (dg_status s = call.CheckText(&text, plan_json, plan_json_len,
                                   "plan_json");
      s != DG_OK) {
    return s;
  }
  Date date;
  if (dg_status s = call.CheckDate(&date, effective, "effective"); s != DG_OK) {
    return s;
  }
  absl::StatusOr<dutygraph::PlanVersion> version =
      first ? store->store.Init(text, date)
            : store->store.AddPlanVersion(text, date);
  if (!version.ok()) return call.FromStatus(version.status());
  SetIfGiven(version_out, version->version);
  return DG_OK;
}

}  // namespace

dg_status dg_store_open(dg_store** out, const char* path, size_t path_len,
                        const dg_store_options* options) noexcept {
  DG_API_GUARD({
    ZeroOut(out);
    if (out == nullptr) return call.NullArgument("out");
    std::string_view checked;
    if (dg_status s = call.CheckPath(&checked, path, path_len); s != DG_OK) {
      return s;
    }
    StoreOptions store_options;
    if (dg_status s = ReadOptions(options, &store_options, call); s != DG_OK) {
      return s;
    }
    absl::StatusOr<Store> store =
        Store::Open(std::string(checked), store_options);
    if (!store.ok()) return call.FromStatus(store.status());
    *out = new dg_store(*std::move(store));
    return DG_OK;
  });
}

void dg_store_free(dg_store* store) noexcept { FreeHandle(store); }

dg_status dg_store_init(int64_t* version_out, dg_store* store,
                        const char* plan_json, size_t plan_json_len,
                        dg_date effective) noexcept {
  DG_API_GUARD({
    return StorePlan(version_out, store, plan_json, plan_json_len, effective,
                     /*first=*/true, call);
  });
}

dg_status dg_store_add_plan(int64_t* version_out, dg_store* store,
                            const char* plan_json, size_t plan_json_len,
                            dg_date effective) noexcept {
  DG_API_GUARD({
    return StorePlan(version_out, store, plan_json, plan_json_len, effective,
                     /*first=*/false, call);
  });
}

dg_status dg_store_plan_json(char** out, size_t* size_out,
                             int64_t* version_out, dg_store* store, int as_of,
                             dg_date on) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out, version_out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckHandle(call, store, "store"); s != DG_OK) return s;
    if (as_of != 0 && as_of != 1) {
      return call.Fail(DG_INVALID_ARGUMENT, {"as_of is ", std::to_string(as_of),
                                             "; it must be 0 or 1"});
    }
    absl::StatusOr<dutygraph::PlanVersion> version;
    if (as_of == 1) {
      Date date;
      if (dg_status s = call.CheckDate(&date, on, "on"); s != DG_OK) return s;
      version = store->store.PlanAsOf(date);
    } else {
      version = store->store.LatestPlan();
    }
    if (!version.ok()) return call.FromStatus(version.status());
    if (dg_status s = NewCString(out, size_out, version->json, call);
        s != DG_OK) {
      return s;
    }
    SetIfGiven(version_out, version->version);
    return DG_OK;
  });
}

namespace {

// dg_store_append_jsonl() and dg_store_append_events(): the events are
// checked by the tracking layer, then stored as canonical text
// (dutygraph/tracking_store.h). `plan` and `cal` may be NULL.
dg_status AppendChecked(size_t* appended_out, size_t* unchanged_out,
                        dg_store* store, const dg_plan* plan,
                        const dg_calendar* cal, const char* jsonl,
                        size_t jsonl_len, const ApiCall& call) {
  ZeroOut(appended_out, unchanged_out);
  if (dg_status s = CheckHandle(call, store, "store"); s != DG_OK) return s;
  if (plan != nullptr) {
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
  }
  if (cal != nullptr) {
    if (dg_status s = CheckHandle(call, cal, "cal"); s != DG_OK) return s;
  }
  std::string_view text;
  if (dg_status s = call.CheckText(&text, jsonl, jsonl_len, "jsonl");
      s != DG_OK) {
    return s;
  }
  const dutygraph::Calendar calendar =
      cal != nullptr ? cal->calendar : dutygraph::Calendar::ChinaMainland();
  absl::StatusOr<dutygraph::AppendResult> result =
      plan != nullptr
          ? dutygraph::AppendValidatedEvents(store->store, plan->plan,
                                             calendar, text)
          : dutygraph::AppendValidatedEvents(store->store, calendar, text);
  if (!result.ok()) return call.FromStatus(result.status());
  SetIfGiven(appended_out, result->appended);
  SetIfGiven(unchanged_out, result->unchanged);
  return DG_OK;
}

}  // namespace

dg_status dg_store_append_jsonl(size_t* appended_out, size_t* unchanged_out,
                                dg_store* store, const char* jsonl,
                                size_t jsonl_len) noexcept {
  DG_API_GUARD({
    return AppendChecked(appended_out, unchanged_out, store, nullptr, nullptr,
                         jsonl, jsonl_len, call);
  });
}

dg_status dg_store_append_events(size_t* appended_out, size_t* unchanged_out,
                                 dg_store* store, const dg_plan* plan,
                                 const dg_calendar* cal, const char* jsonl,
                                 size_t jsonl_len) noexcept {
  DG_API_GUARD({
    return AppendChecked(appended_out, unchanged_out, store, plan, cal, jsonl,
                         jsonl_len, call);
  });
}

dg_status dg_store_event_count(int64_t* count_out, dg_store* store) noexcept {
  DG_API_GUARD({
    ZeroOut(count_out);
    if (count_out == nullptr) return call.NullArgument("count_out");
    if (dg_status s = CheckHandle(call, store, "store"); s != DG_OK) return s;
    absl::StatusOr<int64_t> count = store->store.EventCount();
    if (!count.ok()) return call.FromStatus(count.status());
    *count_out = *count;
    return DG_OK;
  });
}

dg_status dg_store_read_events(char** out, size_t* size_out,
                               int64_t* last_seq_out, dg_store* store,
                               int64_t after_seq, size_t limit,
                               const char* task, size_t task_len) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out, last_seq_out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckHandle(call, store, "store"); s != DG_OK) return s;
    if (after_seq < 0) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"after_seq is ", std::to_string(after_seq),
                        "; it must be 0 (from the first event) or more"});
    }
    std::string_view task_text;
    if (dg_status s = call.CheckText(&task_text, task, task_len, "task");
        s != DG_OK) {
      return s;
    }
    dutygraph::EventQuery query;
    query.after_seq = after_seq;
    query.limit = limit;
    if (!task_text.empty()) query.task = std::string(task_text);
    absl::StatusOr<std::vector<dutygraph::StoredEvent>> events =
        store->store.ReadEvents(query);
    if (!events.ok()) return call.FromStatus(events.status());
    if (dg_status s =
            NewCString(out, size_out, dutygraph::EventsToJsonLines(*events),
                       call);
        s != DG_OK) {
      return s;
    }
    SetIfGiven(last_seq_out, events->empty() ? 0 : events->back().seq);
    return DG_OK;
  });
}

dg_status dg_store_info_json(char** out, size_t* size_out,
                             dg_store* store) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckHandle(call, store, "store"); s != DG_OK) return s;
    absl::StatusOr<dutygraph::StoreInfo> info = store->store.Info();
    if (!info.ok()) return call.FromStatus(info.status());
    return NewCString(out, size_out, dutygraph::StoreInfoJson(*info), call);
  });
}

dg_status dg_store_check_integrity(dg_store* store) noexcept {
  DG_API_GUARD({
    if (dg_status s = CheckHandle(call, store, "store"); s != DG_OK) return s;
    absl::Status status = store->store.CheckIntegrity();
    if (!status.ok()) return call.FromStatus(status);
    return DG_OK;
  });
}
