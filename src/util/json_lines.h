// util/json_lines.h — the rows of a JSON Lines text (events files, stdin).
#ifndef DUTYGRAPH_SRC_UTIL_JSON_LINES_H_
#define DUTYGRAPH_SRC_UTIL_JSON_LINES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace dutygraph::internal {

struct JsonLine {
  size_t number;          // 1-based, counting blank lines, for messages
  std::string_view text;  // without the newline or a CRLF's '\r'
};

// The non-blank lines of `text` (lines of spaces and tabs are skipped).
inline std::vector<JsonLine> SplitJsonLines(std::string_view text) {
  std::vector<JsonLine> lines;
  size_t number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view row = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (row.find_first_not_of(" \t") == std::string_view::npos) continue;
    lines.push_back({number, row});
  }
  return lines;
}

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_UTIL_JSON_LINES_H_
