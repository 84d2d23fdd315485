// capi/guard.h — private helpers shared by the C API shim (capi/*.cc).
//
// Every dg_* function that returns a dg_status has the same skeleton:
//
//   dg_status dg_x(T* out, const dg_handle* h, ...) noexcept {
//     DG_API_GUARD({
//       ZeroOut(out);                                  // zeroed unless we
//       succeed if (out == nullptr) return call.NullArgument("out");
//       ...compute into locals...
//       *out = result;                                 // writes last, cannot
//       throw return DG_OK;
//     });
//   }
//
// DG_API_GUARD clears this thread's last error, runs the body with a `call`
// (an ApiCall naming the C function, for messages) and converts every escaping
// exception into a status: std::bad_alloc -> DG_RESOURCE_EXHAUSTED, anything
// else -> DG_INTERNAL, with a message in both cases. Because bodies write their
// out-params only after every fallible step, an exception never leaves a
// half-written result behind.
//
// Last-error policy (the header promises "never NULL"): each dg_status call
// resets the message to "" on entry, so after a success it is "" and after a
// failure it is that failure's message. Calls that cannot fail (versions,
// dg_status_name, dg_*_free, dg_last_error_message itself) leave it alone, so
// freeing handles while handling an error does not erase the message.
//
// Thread safety: the last error is thread-local; everything else is stateless.
#ifndef DUTYGRAPH_CAPI_GUARD_H_
#define DUTYGRAPH_CAPI_GUARD_H_

#include <cstddef>
#include <exception>
#include <initializer_list>
#include <new>
#include <string_view>

#include "absl/status/status.h"
#include "dutygraph/date.h"
#include "dutygraph/dg.h"
#include "dutygraph/period.h"

namespace dutygraph::capi {

// The thread's last error message. Never throws: if the message itself cannot
// be allocated, a static fallback text is reported instead.
void ClearLastError() noexcept;
// The stored text is "<function>: " followed by the parts.
void SetLastError(std::string_view function,
                  std::initializer_list<std::string_view> parts) noexcept;
const char* LastErrorMessage() noexcept;

// Maps an absl::StatusCode to the dg_status of the same value. Codes dg.h
// does not define (UNKNOWN, ABORTED, ...) become DG_INTERNAL: they would be
// defects, since the C++ library promises only the codes dg.h lists.
dg_status ToDgStatus(absl::StatusCode code) noexcept;

// One C API call in progress: knows the C function's name so that every
// message says where it came from ("dg_calendar_roll: cal is NULL").
class ApiCall {
 public:
  explicit ApiCall(const char* function) noexcept : function_(function) {}

  const char* function() const noexcept { return function_; }

  // Records "<function>: <parts...>" and returns `status`.
  dg_status Fail(dg_status status,
                 std::initializer_list<std::string_view> parts) const noexcept;
  dg_status Fail(dg_status status, std::string_view message) const noexcept {
    return Fail(status, {message});
  }
  // "<what> is NULL" as DG_INVALID_ARGUMENT.
  dg_status NullArgument(std::string_view what) const noexcept;
  // A failed absl::Status from the C++ library, message kept verbatim.
  // Not noexcept: it may allocate; the guard catches what escapes.
  dg_status FromStatus(const absl::Status& status) const;

  // Checks a (pointer, length) text argument: NULL with length 0 is the empty
  // string; NULL with a length is DG_INVALID_ARGUMENT; the bytes must be valid
  // UTF-8. On success stores the view in `*text_out` and returns DG_OK.
  dg_status CheckText(std::string_view* text_out, const char* data, size_t size,
                      std::string_view what) const;

  // A file path argument: CheckText, then not empty and no NUL byte (the OS
  // takes NUL-terminated paths: an embedded NUL would open another file).
  dg_status CheckPath(std::string_view* path_out, const char* data,
                      size_t size) const;

  // A dg_date as a dutygraph::Date; DG_OUT_OF_RANGE outside years 1400..9999.
  dg_status CheckDate(Date* date_out, dg_date date,
                      std::string_view what) const;

 private:
  const char* function_;
};

// Runs `body(call)` with the guard described in the file comment.
template <typename Body>
dg_status RunGuarded(const char* function, Body&& body) noexcept {
  ClearLastError();
  ApiCall call(function);
  try {
    return body(call);
  } catch (const std::bad_alloc&) {
    return call.Fail(DG_RESOURCE_EXHAUSTED, "out of memory");
  } catch (const std::exception& e) {
    return call.Fail(DG_INTERNAL, {"unexpected C++ exception (please report "
                                   "this dutygraph defect): ",
                                   e.what()});
  } catch (...) {
    return call.Fail(DG_INTERNAL,
                     "unexpected non-standard exception (please report this "
                     "dutygraph defect)");
  }
}

// Copies `text` into a NUL-terminated malloc'd buffer, the allocator that
// dg_string_free() releases, and stores its length in `*size_out` if given.
// DG_RESOURCE_EXHAUSTED if malloc fails; `*out` is untouched on failure.
dg_status NewCString(char** out, size_t* size_out, std::string_view text,
                     const ApiCall& call) noexcept;

// dg_period_kind -> PeriodKind; DG_INVALID_ARGUMENT for values dg.h lacks.
dg_status CheckPeriodKind(PeriodKind* kind_out, dg_period_kind kind,
                          const ApiCall& call);

// Zeroes each non-NULL out-param; used on entry so that every failure path,
// including an exception, leaves the caller's out-params zeroed.
template <typename... T>
void ZeroOut(T*... out) noexcept {
  ((out != nullptr ? static_cast<void>(*out = T{}) : static_cast<void>(0)),
   ...);
}

// Writes `value` to an optional out-param.
template <typename T, typename U>
void SetIfGiven(T* out, U value) noexcept {
  if (out != nullptr) *out = static_cast<T>(value);
}

}  // namespace dutygraph::capi

// The body is a braced block using `call` (a const ApiCall&); it must return
// a dg_status. Variadic so that commas inside the block need no parentheses.
#define DG_API_GUARD(...)               \
  return ::dutygraph::capi::RunGuarded( \
      __func__,                         \
      [&](const ::dutygraph::capi::ApiCall& call) -> dg_status __VA_ARGS__)

// The bytes a caller must declare in struct_size to include `field`.
#define DG_FIELD_END(type, field) \
  (offsetof(type, field) + sizeof(static_cast<type*>(nullptr)->field))

#endif  // DUTYGRAPH_CAPI_GUARD_H_
