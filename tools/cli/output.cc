// tools/cli/output.cc — CSV quoting, display width, tables, JSON text.
#include "output.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

namespace dutygraph::cli {
namespace {

struct CodePointRange {
  char32_t first;
  char32_t last;
};

// East Asian Width W and F (Unicode 15, UAX #11), merged into ranges. The
// table is small on purpose: it covers the scripts and symbols that appear in
// Chinese official documents and the common wide emoji, and errs towards 1
// column for rare symbols (which is what most terminals do for them too).
constexpr CodePointRange kWideRanges[] = {
    {0x1100, 0x115F},  // Hangul Jamo initials
    {0x231A, 0x231B},  // watch, hourglass
    {0x2329, 0x232A},  // angle brackets
    {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
    {0x23F3, 0x23F3},   {0x25FD, 0x25FE},
    {0x2614, 0x2615},   {0x2648, 0x2653},
    {0x267F, 0x267F},   {0x2693, 0x2693},
    {0x26A1, 0x26A1},   {0x26AA, 0x26AB},
    {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
    {0x26CE, 0x26CE},   {0x26D4, 0x26D4},
    {0x26EA, 0x26EA},   {0x26F2, 0x26F3},
    {0x26F5, 0x26F5},   {0x26FA, 0x26FA},
    {0x26FD, 0x26FD},   {0x2705, 0x2705},
    {0x270A, 0x270B},   {0x2728, 0x2728},
    {0x274C, 0x274C},   {0x274E, 0x274E},
    {0x2753, 0x2755},   {0x2757, 0x2757},
    {0x2795, 0x2797},   {0x27B0, 0x27B0},
    {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},
    {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x2E80, 0x303E},  // CJK radicals, punctuation (、。〔〕《》)
    {0x3041, 0x33FF},  // kana, bopomofo, CJK compatibility
    {0x3400, 0x4DBF},  // CJK extension A
    {0x4E00, 0x9FFF},  // CJK unified ideographs
    {0xA000, 0xA4CF},  // Yi
    {0xA960, 0xA97F},  // Hangul Jamo extended A
    {0xAC00, 0xD7A3},  // Hangul syllables
    {0xF900, 0xFAFF},  // CJK compatibility ideographs
    {0xFE10, 0xFE19},  // vertical forms
    {0xFE30, 0xFE6F},  // CJK compatibility forms, small forms
    {0xFF00, 0xFF60},  // fullwidth forms (，：（）)
    {0xFFE0, 0xFFE6},  // fullwidth signs
    {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF},
    {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004},
    {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
    {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
    {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
    {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF},
    {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD},  // CJK extensions B..
    {0x30000, 0x3FFFD},                      // CJK extension G..
};

// Characters that take no column of their own.
constexpr CodePointRange kZeroWidthRanges[] = {
    {0x0300, 0x036F},  // combining diacritical marks
    {0x200B, 0x200F},  // zero width space, joiners, direction marks
    {0x2060, 0x2064},  // word joiner, invisible operators
    {0xFE00, 0xFE0F},  // variation selectors
    {0xFEFF, 0xFEFF},  // byte order mark
    {0xE0100, 0xE01EF},
};

template <size_t N>
bool InRanges(char32_t c, const CodePointRange (&ranges)[N]) {
  // Ranges are sorted and disjoint: find the first whose end is >= c.
  auto it = std::lower_bound(
      std::begin(ranges), std::end(ranges), c,
      [](const CodePointRange& r, char32_t value) { return r.last < value; });
  return it != std::end(ranges) && it->first <= c;
}

int CodePointWidth(char32_t c) {
  if (InRanges(c, kZeroWidthRanges)) return 0;
  return InRanges(c, kWideRanges) ? 2 : 1;
}

// Decodes one UTF-8 sequence at text[*pos] and advances *pos. Returns false
// (advancing by one byte) for an invalid or truncated sequence.
bool DecodeUtf8(std::string_view text, size_t* pos, char32_t* out) {
  const auto byte = [&](size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  const unsigned char lead = byte(*pos);
  size_t length = 0;
  char32_t value = 0;
  char32_t min_value = 0;
  if (lead < 0x80) {
    *out = lead;
    *pos += 1;
    return true;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, min_value = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, min_value = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, min_value = 0x10000;
  } else {
    *pos += 1;
    return false;
  }
  if (*pos + length > text.size()) {
    *pos += 1;
    return false;
  }
  for (size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(*pos + i);
    if ((next & 0xC0) != 0x80) {
      *pos += 1;
      return false;
    }
    value = (value << 6) | (next & 0x3F);
  }
  if (value < min_value || value > 0x10FFFF ||
      (value >= 0xD800 && value <= 0xDFFF)) {
    *pos += 1;
    return false;
  }
  *out = value;
  *pos += length;
  return true;
}

}  // namespace

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(field);
  }
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    row += CsvField(fields[i]);
  }
  row += '\n';
  return row;
}

int DisplayWidth(std::string_view utf8_text) {
  int width = 0;
  size_t pos = 0;
  while (pos < utf8_text.size()) {
    char32_t c = 0;
    width += DecodeUtf8(utf8_text, &pos, &c) ? CodePointWidth(c) : 1;
  }
  return width;
}

Table::Table(std::vector<std::string> header)
    : header_(std::move(header)), align_(header_.size(), Align::kLeft) {}

void Table::AlignColumn(size_t column, Align align) {
  if (column >= align_.size()) align_.resize(column + 1, Align::kLeft);
  align_[column] = align;
}

void Table::AddRow(std::vector<std::string> cells) {
  rows_.push_back(std::move(cells));
}

std::string Table::Render() const {
  size_t columns = header_.size();
  for (const auto& row : rows_) columns = std::max(columns, row.size());
  std::vector<int> widths(columns, 0);
  const auto measure = [&](const std::vector<std::string>& row) {
    for (size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
  };
  measure(header_);
  for (const auto& row : rows_) measure(row);

  const auto render_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t c = 0; c < columns; ++c) {
      const std::string_view cell =
          c < row.size() ? std::string_view(row[c]) : std::string_view();
      const int padding = widths[c] - DisplayWidth(cell);
      const bool right = c < align_.size() && align_[c] == Align::kRight;
      const bool last = c + 1 == columns;
      if (c > 0) line += "  ";
      if (right) line.append(padding, ' ');
      line += cell;
      if (!right && !last) line.append(padding, ' ');
    }
    // A trailing empty cell would leave blanks behind.
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
  };

  std::string text = render_row(header_);
  std::vector<std::string> rule(columns);
  for (size_t c = 0; c < columns; ++c) rule[c].assign(widths[c], '-');
  text += render_row(rule);
  for (const auto& row : rows_) text += render_row(row);
  return text;
}

std::string JsonText(const nlohmann::ordered_json& value) {
  return value.dump(2, ' ', /*ensure_ascii=*/false,
                    nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

std::string JsonLinesArray(
    const std::vector<nlohmann::ordered_json>& elements) {
  if (elements.empty()) return "[]\n";
  std::string text = "[\n";
  for (size_t i = 0; i < elements.size(); ++i) {
    text += "  ";
    text += elements[i].dump(-1, ' ', /*ensure_ascii=*/false,
                             nlohmann::ordered_json::error_handler_t::replace);
    text += i + 1 < elements.size() ? ",\n" : "\n";
  }
  text += "]\n";
  return text;
}

}  // namespace dutygraph::cli
