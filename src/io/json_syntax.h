// io/json_syntax.h — where a malformed JSON text goes wrong.
//
// simdjson (the fast parser used for plans) reports *what* is wrong but not
// *where*. On that error path only, this strict RFC 8259 scanner walks the
// text again to find the first offending byte, so that messages can say
// "line 3, column 17". It builds nothing and allocates only its nesting stack.
//
// Thread safety: pure functions.
#ifndef DUTYGRAPH_SRC_IO_JSON_SYNTAX_H_
#define DUTYGRAPH_SRC_IO_JSON_SYNTAX_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dutygraph::internal {

struct JsonSyntaxError {
  size_t offset = 0;        // byte offset of the offending byte
  bool too_deep = false;    // nesting exceeded `max_depth` (not malformed)
  std::string description;  // "expected ',' or '}' after an object member"
};

// FindJsonSyntaxError()
//
// The first syntax error of `text` (valid UTF-8), or nullopt if it is one
// well-formed JSON value. Nesting deeper than `max_depth` containers counts
// as an error (too_deep). Numbers that do not fit an int64/uint64 (integers)
// or a finite double are errors, as in simdjson.
std::optional<JsonSyntaxError> FindJsonSyntaxError(std::string_view text,
                                                   size_t max_depth);

// DescribeOffset(): "line 3, column 17 (byte 42)"; lines and columns count
// from 1, columns in code points.
std::string DescribeOffset(std::string_view text, size_t offset);

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_IO_JSON_SYNTAX_H_
