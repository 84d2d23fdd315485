// tools/cli/output.h — how the dutygraph command prints: CSV, JSON and
// aligned text tables.
//
// Every subcommand builds its whole output in memory and writes it once, so a
// failure part-way prints nothing on stdout (no truncated CSV for a script to
// misread).
//
// Thread safety: pure functions; a Table is a plain value.
#ifndef DUTYGRAPH_TOOLS_CLI_OUTPUT_H_
#define DUTYGRAPH_TOOLS_CLI_OUTPUT_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace dutygraph::cli {

// CsvField()
//
// `field` as one RFC 4180 field: quoted (with inner quotes doubled) when it
// holds a comma, a double quote, CR or LF; unchanged otherwise.
//   CsvField("春节") == "春节";  CsvField("a,b") == "\"a,b\""
std::string CsvField(std::string_view field);

// CsvRow()
//
// The fields joined by commas, each through CsvField(), ending in "\n".
std::string CsvRow(const std::vector<std::string>& fields);

// DisplayWidth()
//
// The number of terminal columns `utf8_text` takes: East Asian Wide and
// Fullwidth characters (CJK ideographs, kana, Hangul, fullwidth forms, wide
// emoji) count 2, combining marks and zero-width characters 0, everything
// else 1. A byte that is not valid UTF-8 counts 1, so the result is defined
// for any input.
//   DisplayWidth("2023年3月中旬") == 13
int DisplayWidth(std::string_view utf8_text);

// Table
//
// A text table whose columns line up on a terminal, CJK included: cells are
// padded by display width, columns separated by two spaces, the last column
// never padded (no trailing blanks).
//
// Example:
//   Table t({"date", "name"});
//   t.AddRow({"2023-10-01", "中秋节、国庆节"});
//   std::string text = t.Render();
class Table {
 public:
  enum class Align { kLeft, kRight };

  explicit Table(std::vector<std::string> header);

  // AlignColumn(): left by default; numbers read better right-aligned.
  void AlignColumn(size_t column, Align align);

  // AddRow(): missing cells are empty, extra cells are kept as extra columns.
  void AddRow(std::vector<std::string> cells);

  // Render(): the header, a rule of dashes, then the rows; "\n" after each.
  std::string Render() const;

 private:
  std::vector<std::string> header_;
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;
};

// JsonText()
//
// `value` as JSON indented by two spaces, keys in the order they were added,
// UTF-8 kept as is, ending in "\n". Invalid UTF-8 in a string is replaced by
// U+FFFD rather than thrown.
std::string JsonText(const nlohmann::ordered_json& value);

// JsonLinesArray()
//
// A JSON array written with one compact element per line: still one JSON
// document, but long lists (a year of days) stay readable and grep-able.
std::string JsonLinesArray(const std::vector<nlohmann::ordered_json>& elements);

}  // namespace dutygraph::cli

#endif  // DUTYGRAPH_TOOLS_CLI_OUTPUT_H_
