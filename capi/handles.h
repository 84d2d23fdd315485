// capi/handles.h — the structs behind the C API's opaque handles, and the
// check that a handle argument is what the function expects.
//
// Each handle begins with a HandleTag: a magic number naming its type. An OA
// back end calls us through an FFI where every handle is a `void*`, so a
// dg_calendar passed where a dg_plan is expected is an easy mistake that
// would otherwise read one type's memory as another's. CheckHandle() (used
// by every shim function instead of a bare NULL test) turns that into
// DG_INVALID_ARGUMENT: "dg_plan_to_json: plan is a dg_calendar handle, not a
// dg_plan". A freed handle's tag is overwritten, so a double free or a use
// after free is *usually* caught too (best effort: the memory may have been
// reused), and a dg_*_free given another type's handle leaves it alone
// rather than destroy it as the wrong type.
//
// The plan and calendar handles wrap immutable C++ values (a shared pointer
// to read-only state), so they are cheap and safe to share between threads;
// the result handles are reusable, caller-owned and exclusive.
#ifndef DUTYGRAPH_CAPI_HANDLES_H_
#define DUTYGRAPH_CAPI_HANDLES_H_

#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>
#include <string_view>
#include <vector>

#include "dutygraph/calendar.h"
#include "dutygraph/dg.h"
#include "dutygraph/events.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_publisher.h"
#include "dutygraph/plan_view.h"
#include "dutygraph/store.h"
#include "dutygraph/tracking.h"
#include "guard.h"

namespace dutygraph::capi {

// The magic numbers: "DG" and a serial. Never reused, never renumbered.
enum class HandleKind : uint32_t {
  kCalendar = 0x44470001,
  kPlan = 0x44470002,
  kAccountability = 0x44470003,
  kUnitTasks = 0x44470004,
  kPersonTasks = 0x44470005,
  kView = 0x44470006,
  kPublisher = 0x44470007,
  kStore = 0x44470008,
  kEvents = 0x44470009,
  kTracker = 0x4447000A,
};
// Written over the tag when a handle is destroyed.
inline constexpr uint32_t kFreedHandle = 0x44470DEA;

// "dg_plan" for kPlan; "" for a value that is no handle kind.
std::string_view HandleKindName(uint32_t magic) noexcept;

// The first member of every handle struct (so it sits at offset 0: a plain
// non-polymorphic struct without base classes, whose first member is this).
template <HandleKind K>
struct HandleTag {
  uint32_t magic = static_cast<uint32_t>(K);
  HandleTag() = default;
  HandleTag(const HandleTag&) = default;
  HandleTag& operator=(const HandleTag&) = default;
  // Volatile, so that the store survives dead-store elimination before the
  // memory is released.
  ~HandleTag() { *static_cast<volatile uint32_t*>(&magic) = kFreedHandle; }
};

// The tag of `handle` (non-NULL), read as bytes: whatever type it really is.
inline uint32_t ReadTag(const void* handle) noexcept {
  uint32_t magic = 0;
  std::memcpy(&magic, handle, sizeof magic);
  return magic;
}

// Whether `handle` carries H's tag (false for NULL).
template <typename H>
bool IsHandle(const H* handle) noexcept {
  return handle != nullptr &&
         ReadTag(handle) == static_cast<uint32_t>(H::kKind);
}

// DG_INVALID_ARGUMENT naming `what` when `handle` is NULL or not an H.
dg_status WrongHandle(const ApiCall& call, const void* handle,
                      std::string_view what, HandleKind expected) noexcept;

template <typename H>
dg_status CheckHandle(const ApiCall& call, const H* handle,
                      std::string_view what) noexcept {
  if (IsHandle(handle)) return DG_OK;
  return WrongHandle(call, handle, what, H::kKind);
}

// For dg_*_free: deletes `handle` only if it is an H (NULL, a freed handle
// or another type's handle is left alone: freeing it as an H would corrupt
// the heap).
template <typename H>
void FreeHandle(H* handle) noexcept {
  if (IsHandle(handle)) delete handle;
}

}  // namespace dutygraph::capi

struct dg_calendar {
  static constexpr auto kKind = dutygraph::capi::HandleKind::kCalendar;
  dutygraph::capi::HandleTag<kKind> tag;
  dutygraph::Calendar calendar;
};

struct dg_plan {
  static constexpr auto kKind = dutygraph::capi::HandleKind::kPlan;
  dutygraph::capi::HandleTag<kKind> tag;
  dutygraph::Plan plan;
};

// The reusable result handles hold the C++ answer plus a copy of the Plan it
// came from: the strings they lend point into that snapshot, which therefore
// outlives dg_plan_free() for as long as a result refers to it. A result
// whose `plan` is empty is empty, whatever its vectors hold (an exception may
// have stopped a fill midway).
struct dg_accountability {
  static constexpr auto kKind = dutygraph::capi::HandleKind::kAccountability;
  dutygraph::capi::HandleTag<kKind> tag;
  std::optional<dutygraph::Plan> plan;
  dutygraph::Accountability answer;
};

struct dg_unit_tasks {
  static constexpr auto kKind = dutygraph::capi::HandleKind::kUnitTasks;
  dutygraph::capi::HandleTag<kKind> tag;
  std::optional<dutygraph::Plan> plan;
  std::vector<dutygraph::UnitTask> tasks;
  std::vector<dutygraph::Role> roles;  // the filter, kept for its capacity
};

struct dg_person_tasks {
  static constexpr auto kKind = dutygraph::capi::HandleKind::kPersonTasks;
  dutygraph::capi::HandleTag<kKind> tag;
  std::optional<dutygraph::Plan> plan;
  std::vector<dutygraph::PersonTask> tasks;
};

// A scoped view (dutygraph/plan_view.h): immutable, it holds its snapshot.
struct dg_view {
  static constexpr auto kKind = dutygraph::capi::HandleKind::kView;
  dutygraph::capi::HandleTag<kKind> tag;
  dutygraph::PlanView view;
};

// The current plan version (dutygraph/plan_publisher.h): safe from any
// thread, unlike the other mutable handles.
struct dg_publisher {
  static constexpr auto kKind = dutygraph::capi::HandleKind::kPublisher;
  dutygraph::capi::HandleTag<kKind> tag;
  dutygraph::PlanPublisher publisher;
  explicit dg_publisher(dutygraph::Plan initial)
      : publisher(std::move(initial)) {}
};

// An open store file (dutygraph/store.h): the Store serialises calls behind
// its own mutex, so the handle is safe from any thread.
struct dg_store {
  static constexpr auto kKind = dutygraph::capi::HandleKind::kStore;
  dutygraph::capi::HandleTag<kKind> tag;
  dutygraph::Store store;
  explicit dg_store(dutygraph::Store s) : store(std::move(s)) {}
};

// An event log (dutygraph/events.h): mutable, exclusive.
struct dg_events {
  static constexpr auto kKind = dutygraph::capi::HandleKind::kEvents;
  dutygraph::capi::HandleTag<kKind> tag;
  dutygraph::EventLog log;
  explicit dg_events(dutygraph::EventLog l) : log(std::move(l)) {}
};

// A tracker (dutygraph/tracking.h): immutable once made.
struct dg_tracker {
  static constexpr auto kKind = dutygraph::capi::HandleKind::kTracker;
  dutygraph::capi::HandleTag<kKind> tag;
  dutygraph::Tracker tracker;
  explicit dg_tracker(dutygraph::Tracker t) : tracker(std::move(t)) {}
};

#endif  // DUTYGRAPH_CAPI_HANDLES_H_
