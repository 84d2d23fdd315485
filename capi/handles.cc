// capi/handles.cc — naming handle types for the wrong-handle messages (see
// handles.h).

#include "handles.h"

#include <string>

namespace dutygraph::capi {

std::string_view HandleKindName(uint32_t magic) noexcept {
  switch (static_cast<HandleKind>(magic)) {
    case HandleKind::kCalendar:
      return "dg_calendar";
    case HandleKind::kPlan:
      return "dg_plan";
    case HandleKind::kAccountability:
      return "dg_accountability";
    case HandleKind::kUnitTasks:
      return "dg_unit_tasks";
    case HandleKind::kPersonTasks:
      return "dg_person_tasks";
    case HandleKind::kView:
      return "dg_view";
    case HandleKind::kPublisher:
      return "dg_publisher";
    case HandleKind::kStore:
      return "dg_store";
    case HandleKind::kEvents:
      return "dg_events";
    case HandleKind::kTracker:
      return "dg_tracker";
  }
  return "";
}

dg_status WrongHandle(const ApiCall& call, const void* handle,
                      std::string_view what, HandleKind expected) noexcept {
  if (handle == nullptr) return call.NullArgument(what);
  const std::string_view want = HandleKindName(static_cast<uint32_t>(expected));
  const uint32_t magic = ReadTag(handle);
  if (magic == kFreedHandle) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {what, " is a freed handle (expected a live ", want,
                      ")"});
  }
  if (const std::string_view got = HandleKindName(magic); !got.empty()) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {what, " is a ", got, " handle, not a ", want});
  }
  return call.Fail(DG_INVALID_ARGUMENT,
                   {what, " is not a ", want,
                    " handle (not made by dutygraph, or corrupted)"});
}

}  // namespace dutygraph::capi
