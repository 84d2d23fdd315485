// util/utf8.h — UTF-8 validation for every text that enters dutygraph.
//
// Thread safety: pure functions.
#ifndef DUTYGRAPH_SRC_UTIL_UTF8_H_
#define DUTYGRAPH_SRC_UTIL_UTF8_H_

#include <string_view>

#include "absl/status/status.h"

namespace dutygraph::internal {

// ValidateUtf8()
//
// OK if `text` is well-formed UTF-8 (no overlong forms, no surrogates, no code
// points above U+10FFFF). Otherwise INVALID_ARGUMENT naming `what` and the
// byte offset: "calendar text: invalid UTF-8 at byte 17 (0xC3 0x28)".
absl::Status ValidateUtf8(std::string_view text, std::string_view what);

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_UTIL_UTF8_H_
