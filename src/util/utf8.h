// util/utf8.h — UTF-8 validation for every text that enters dutygraph.
//
// Thread safety: pure functions.
#ifndef DUTYGRAPH_SRC_UTIL_UTF8_H_
#define DUTYGRAPH_SRC_UTIL_UTF8_H_

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"

namespace dutygraph::internal {

// ValidateUtf8()
//
// OK if `text` is well-formed UTF-8 (no overlong forms, no surrogates, no code
// points above U+10FFFF). Otherwise INVALID_ARGUMENT naming `what` and the
// byte offset: "calendar text: invalid UTF-8 at byte 17 (0xC3 0x28)".
absl::Status ValidateUtf8(std::string_view text, std::string_view what);

// Utf8Prefix()
//
// The longest prefix of `text` of at most `max_bytes` bytes that does not
// end inside a UTF-8 sequence: what a message quotes of a long input. A
// plain substr(0, 40) can cut 衡 (E8 A1 A1) after its second byte and make
// the message itself invalid UTF-8.
std::string_view Utf8Prefix(std::string_view text, size_t max_bytes);

// How much of a bad name, date or keyword a message quotes: enough to find
// it in the input, not so much that a megabyte of garbage fills a log line.
inline constexpr size_t kQuotedInputBytes = 40;

// QuotedInput()
//
// Utf8Prefix(text, kQuotedInputBytes): the part of a bad input a message
// shows.
inline std::string_view QuotedInput(std::string_view text) {
  return Utf8Prefix(text, kQuotedInputBytes);
}

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_UTIL_UTF8_H_
