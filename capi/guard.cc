// capi/guard.cc — the thread-local last error and the argument checks shared
// by the C API shim. See guard.h for the policy.

#include "guard.h"

#include <new>
#include <string>

#include "util/utf8.h"

namespace dutygraph::capi {
namespace {

// One per thread. `fallback` is used when `text` could not be stored (out of
// memory), so that dg_last_error_message() still says what happened.
struct LastError {
  std::string text;
  const char* fallback = nullptr;
};

LastError& ThreadLastError() noexcept {
  thread_local LastError last_error;
  return last_error;
}

// Debian's Abseil 20220623 has its own absl::string_view type.
std::string_view ToStd(absl::string_view view) noexcept {
  return std::string_view(view.data(), view.size());
}

}  // namespace

void ClearLastError() noexcept {
  LastError& last = ThreadLastError();
  last.text.clear();  // keeps the capacity: clearing never allocates
  last.fallback = nullptr;
}

void SetLastError(std::string_view function,
                  std::initializer_list<std::string_view> parts) noexcept {
  LastError& last = ThreadLastError();
  try {
    last.text.assign(function);
    last.text.append(": ");
    for (std::string_view part : parts) last.text.append(part);
    last.fallback = nullptr;
  } catch (...) {  // only std::bad_alloc is possible here
    last.text.clear();
    last.fallback =
        "out of memory (the error message itself could not be stored)";
  }
}

const char* LastErrorMessage() noexcept {
  const LastError& last = ThreadLastError();
  return last.fallback != nullptr ? last.fallback : last.text.c_str();
}

dg_status ToDgStatus(absl::StatusCode code) noexcept {
  switch (code) {
    case absl::StatusCode::kOk:
      return DG_OK;
    case absl::StatusCode::kInvalidArgument:
      return DG_INVALID_ARGUMENT;
    case absl::StatusCode::kNotFound:
      return DG_NOT_FOUND;
    case absl::StatusCode::kAlreadyExists:
      return DG_ALREADY_EXISTS;
    case absl::StatusCode::kResourceExhausted:
      return DG_RESOURCE_EXHAUSTED;
    case absl::StatusCode::kFailedPrecondition:
      return DG_FAILED_PRECONDITION;
    case absl::StatusCode::kOutOfRange:
      return DG_OUT_OF_RANGE;
    default:
      return DG_INTERNAL;
  }
}

dg_status ApiCall::Fail(
    dg_status status,
    std::initializer_list<std::string_view> parts) const noexcept {
  SetLastError(function_, parts);
  return status;
}

dg_status ApiCall::NullArgument(std::string_view what) const noexcept {
  return Fail(DG_INVALID_ARGUMENT, {what, " is NULL"});
}

dg_status ApiCall::FromStatus(const absl::Status& status) const {
  const dg_status code = ToDgStatus(status.code());
  if (code == DG_OK) {
    // An OK status here is a shim defect: callers pass only failures.
    return Fail(DG_INTERNAL,
                "internal error: reported an OK status as failure");
  }
  if (code == DG_INTERNAL && status.code() != absl::StatusCode::kInternal) {
    // Keep the original code visible for the bug report.
    const std::string code_name = absl::StatusCodeToString(status.code());
    return Fail(code, {ToStd(status.message()), " (unexpected status code ",
                       code_name, ")"});
  }
  return Fail(code, ToStd(status.message()));
}

dg_status ApiCall::CheckText(std::string_view* text_out, const char* data,
                             size_t size, std::string_view what) const {
  *text_out = std::string_view();
  if (data == nullptr) {
    if (size == 0) return DG_OK;  // (NULL, 0) is the empty string
    return Fail(DG_INVALID_ARGUMENT,
                {what, " is NULL but its length is ", std::to_string(size)});
  }
  const std::string_view text(data, size);
  if (absl::Status valid = internal::ValidateUtf8(text, what); !valid.ok()) {
    return FromStatus(valid);
  }
  *text_out = text;
  return DG_OK;
}

dg_status ApiCall::CheckPath(std::string_view* path_out, const char* data,
                             size_t size) const {
  if (dg_status s = CheckText(path_out, data, size, "path"); s != DG_OK) {
    return s;
  }
  if (const size_t nul = path_out->find('\0'); nul != std::string_view::npos) {
    return Fail(DG_INVALID_ARGUMENT,
                {"path contains a NUL byte at offset ", std::to_string(nul)});
  }
  if (path_out->empty()) return Fail(DG_INVALID_ARGUMENT, "path is empty");
  return DG_OK;
}

dg_status ApiCall::CheckDate(Date* date_out, dg_date date,
                             std::string_view what) const {
  absl::StatusOr<Date> checked = Date::FromDaysSinceEpoch(date);
  if (!checked.ok()) {
    return Fail(ToDgStatus(checked.status().code()),
                {what, ": ", ToStd(checked.status().message())});
  }
  *date_out = *checked;
  return DG_OK;
}

}  // namespace dutygraph::capi
