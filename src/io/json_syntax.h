// io/json_syntax.h — where a malformed JSON text goes wrong.
//
// simdjson (the fast parser used for plans) reports *what* is wrong but not
// *where*. On that error path only, this strict RFC 8259 scanner walks the
// text again to find the first offending byte, so that messages can say
// "line 3, column 17". It builds nothing and allocates only its nesting stack
// (and, when asked to reject duplicate keys, the keys of the open objects).
//
// Parsers that keep one value per key (nlohmann's, for events and policies)
// run it first with `reject_duplicate_keys`: it bounds their nesting before
// they recurse and refuses {"id":"e1","id":"e2"}, which they would silently
// read as one of the two.
//
// Thread safety: pure functions.
#ifndef DUTYGRAPH_SRC_IO_JSON_SYNTAX_H_
#define DUTYGRAPH_SRC_IO_JSON_SYNTAX_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace dutygraph::internal {

struct JsonSyntaxError {
  size_t offset = 0;        // byte offset of the offending byte
  bool too_deep = false;    // nesting exceeded `max_depth` (not malformed)
  std::string description;  // "expected ',' or '}' after an object member"
  // With reject_duplicate_keys: a key given twice in one object. `offset` is
  // the second occurrence and `pointer` its JSON Pointer ("/actor/unit").
  bool duplicate_key = false;
  std::string pointer;
};

// FindJsonSyntaxError()
//
// The first syntax error of `text` (valid UTF-8), or nullopt if it is one
// well-formed JSON value. Nesting deeper than `max_depth` containers counts
// as an error (too_deep). Numbers that do not fit an int64/uint64 (integers)
// or a finite double are errors, as in simdjson. With
// `reject_duplicate_keys`, an object key given twice (compared after
// unescaping, so "a" and "\u0061" are the same key) is an error too.
std::optional<JsonSyntaxError> FindJsonSyntaxError(
    std::string_view text, size_t max_depth,
    bool reject_duplicate_keys = false);

// CheckJsonText()
//
// The gate in front of a parser that keeps one value per key and recurses
// (nlohmann's, for events and policies): OK if `text` (valid UTF-8) is one
// well-formed JSON value without a key given twice and nested at most
// `max_depth` deep. Else INVALID_ARGUMENT "malformed JSON at line 1, column 5
// (byte 4): ..." or "duplicate key 'unit' at /actor/unit (line 1, column 30
// (byte 29))", or RESOURCE_EXHAUSTED "JSON nests deeper than the limit
// max_depth (32) at line 1, column 33 (byte 32)".
absl::Status CheckJsonText(std::string_view text, size_t max_depth);

// DescribeOffset(): "line 3, column 17 (byte 42)"; lines and columns count
// from 1, columns in code points.
std::string DescribeOffset(std::string_view text, size_t offset);

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_IO_JSON_SYNTAX_H_
