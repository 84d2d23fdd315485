// Code-point helpers and OCR line clean-up (import/text.h).
#include "import/text.h"

#include <cstdint>

#include "absl/strings/str_cat.h"

namespace dutygraph::import_internal {

U32 ToU32(std::string_view s) {
  U32 out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    char32_t c;
    size_t n;
    if (b < 0x80) {
      c = b;
      n = 1;
    } else if ((b >> 5) == 0x6) {
      c = b & 0x1F;
      n = 2;
    } else if ((b >> 4) == 0xE) {
      c = b & 0x0F;
      n = 3;
    } else {
      c = b & 0x07;
      n = 4;
    }
    if (i + n > s.size()) n = s.size() - i;  // defensive: input is validated
    for (size_t k = 1; k < n; ++k) {
      c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(c);
    i += n;
  }
  return out;
}

std::string ToUtf8(U32View text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

char32_t Fold(char32_t c) {
  switch (c) {
    case U'（':
    case U'〔':
    case U'【':
    case U'［':
      return U'(';
    case U'）':
    case U'〕':
    case U'】':
    case U'］':
      return U')';
    case U'；':
      return U';';
    case U'：':
      return U':';
    case U'．':
      return U'.';
    case U'–':
    case U'－':
    case U'‒':
    case U'―':
      return U'—';
    case U'\u3000':
      return U' ';
    case U',':
      return U'，';
    default:
      break;
  }
  if (c >= 0xFF01 && c <= 0xFF5E && c != U'，') return c - 0xFEE0;
  return c;
}

U32 FoldAll(U32View text) {
  U32 out(text);
  for (char32_t& c : out) c = Fold(c);
  return out;
}

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' ||
         c == 0xA0 || c == 0x3000 || c == 0xFEFF;
}
bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}
bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsHanNumeral(char32_t c) {
  return V(U"零一二三四五六七八九十百两〇").find(c) != U32View::npos;
}

int HanNumberValue(U32View t) {
  if (t.empty() || t.size() > 5) return -1;
  auto digit = [](char32_t c) -> int {
    const U32View d = V(U"零一二三四五六七八九");
    if (c == U'〇') return 0;
    if (c == U'两') return 2;
    const size_t p = d.find(c);
    return p == U32View::npos ? -1 : static_cast<int>(p);
  };
  int total = 0, current = 0;
  for (char32_t c : t) {
    if (c == U'百') {
      total += (current == 0 ? 1 : current) * 100;
      current = 0;
    } else if (c == U'十') {
      total += (current == 0 ? 1 : current) * 10;
      current = 0;
    } else {
      const int d = digit(c);
      if (d < 0) return -1;
      current = d;
    }
  }
  return total + current;
}

U32View Trim(U32View t) {
  while (!t.empty() && IsSpace(t.front())) t.remove_prefix(1);
  while (!t.empty() && IsSpace(t.back())) t.remove_suffix(1);
  return t;
}
bool StartsWith(U32View t, U32View p) {
  return t.size() >= p.size() && t.substr(0, p.size()) == p;
}
bool EndsWith(U32View t, U32View s) {
  return t.size() >= s.size() && t.substr(t.size() - s.size()) == s;
}
bool Contains(U32View t, U32View p) { return t.find(p) != U32View::npos; }

namespace {

// — 4 —, -12-, 第 3 页, - 3 - (a page number between dashes, or 第N页).
bool IsPageMarker(U32View f) {
  size_t i = 0, dashes = 0;
  auto skip_spaces = [&] {
    while (i < f.size() && IsSpace(f[i])) ++i;
  };
  while (i < f.size() && (f[i] == U'—' || f[i] == U'-')) ++i, ++dashes;
  skip_spaces();
  const bool di = i < f.size() && f[i] == U'第';
  if (di) ++i, skip_spaces();
  const size_t d0 = i;
  while (i < f.size() && IsDigit(f[i])) ++i;
  const size_t digits = i - d0;
  if (digits == 0 || digits > 4) return false;
  skip_spaces();
  const bool page = i < f.size() && f[i] == U'页';
  if (page) ++i, skip_spaces();
  size_t trailing = 0;
  while (i < f.size() && (f[i] == U'—' || f[i] == U'-')) ++i, ++trailing;
  skip_spaces();
  if (i != f.size()) return false;
  return (dashes > 0 && trailing > 0) || (di && page);
}

bool HasSentencePunct(U32View f) {
  for (char32_t c : f) {
    if (c == U'。' || c == U'，' || c == U',' || c == U';' || c == U':' ||
        c == U'!' || c == U'?') {
      return true;
    }
  }
  return false;
}

// A line that starts the outline (附件1, 一、, （一）, 1.) is never noise.
bool LooksNumbered(U32View f) {
  if (f.empty()) return false;
  if (IsDigit(f[0]) || f[0] == U'(' || StartsWith(f, V(U"附件"))) return true;
  if (IsHanNumeral(f[0]) && f.size() > 1 && f[1] == U'、') return true;
  return f[0] >= 0x2460 && f[0] <= 0x2473;
}

size_t VisibleLength(U32View f) {
  size_t n = 0;
  for (char32_t c : f) n += IsSpace(c) ? 0 : 1;
  return n;
}

bool EndsSentence(U32View f) {
  f = Trim(f);
  return !f.empty() && (f.back() == U'。' || f.back() == U')' ||
                        f.back() == U';' || f.back() == U'”');
}

}  // namespace

std::vector<Line> CleanLines(std::string_view utf8,
                             std::vector<ImportDiagnostic>* diagnostics) {
  std::vector<Line> lines;
  size_t start = 0;
  int number = 0;
  while (start <= utf8.size()) {
    size_t end = utf8.find('\n', start);
    if (end == std::string_view::npos) end = utf8.size();
    ++number;
    U32 raw = ToU32(utf8.substr(start, end - start));
    // Control characters never reach the plan (the JSON format refuses NUL,
    // and no other has a meaning here): layout ones (\t \r \f \v) are
    // spaces, the rest are dropped and reported.
    size_t dropped = 0;
    U32 kept;
    kept.reserve(raw.size());
    for (char32_t c : raw) {
      if (c == U'\t' || c == U'\r' || c == U'\f' || c == U'\v') {
        kept.push_back(U' ');
      } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
        ++dropped;
      } else {
        kept.push_back(c);
      }
    }
    if (dropped > 0) {
      diagnostics->push_back({number, "warning", "control_characters",
                              absl::StrCat(dropped, " control character(s) removed")});
      raw = std::move(kept);
    } else {
      raw = std::move(kept);
    }
    Line line;
    line.number = number;
    line.text = U32(Trim(raw));
    line.folded = FoldAll(line.text);
    lines.push_back(std::move(line));
    if (end == utf8.size()) break;
    start = end + 1;
  }
  auto note = [&](int at, std::string code, std::string message) {
    diagnostics->push_back({at, "info", std::move(code), std::move(message)});
  };
  // Page markers.
  for (Line& l : lines) {
    if (!l.text.empty() && IsPageMarker(l.folded)) {
      note(l.number, "page_marker",
           absl::StrCat("page marker '", ToUtf8(l.text), "' removed"));
      l.text.clear();
      l.folded.clear();
    }
  }
  // Columns: runs of >= 3 consecutive short lines without sentence
  // punctuation.
  // Header cells of a flattened table (序号, 牵头单位, 完成时限) are short
  // too, but are content.
  auto is_header = [](U32View f) {
    for (U32View end : {V(U"序号"), V(U"单位"), V(U"部门"), V(U"任务"), V(U"时限"),
                        V(U"时间"), V(U"备注"), V(U"内容"), V(U"措施"), V(U"节点")}) {
      if (EndsWith(f, end)) return true;
    }
    return false;
  };
  // A bracket marks the tail of a broken annotation ("牵头）"), not a
  // column (unless the line is only a stray bracket or two).
  auto has_bracket = [](U32View f) {
    return f.find(U'(') != U32View::npos || f.find(U')') != U32View::npos;
  };
  auto is_short = [&](const Line& l) {
    return !l.text.empty() && VisibleLength(l.folded) <= 8 &&
           (VisibleLength(l.folded) <= 2 || !has_bracket(l.folded)) &&
           !HasSentencePunct(l.folded) && !LooksNumbered(l.folded) && !is_header(l.folded);
  };
  for (size_t i = 0; i < lines.size();) {
    size_t j = i;
    while (j < lines.size() && is_short(lines[j])) ++j;
    if (j - i >= 3) {
      note(lines[i].number, "stray_column",
           absl::StrCat(j - i, " short lines (lines ", lines[i].number, "-",
                        lines[j - 1].number,
                        ") read as a stray column of characters and removed"));
      for (size_t k = i; k < j; ++k) {
        lines[k].text.clear();
        lines[k].folded.clear();
      }
    }
    i = j > i ? j : i + 1;
  }
  // Isolated one- or two-character lines after a finished sentence.
  const Line* previous = nullptr;
  for (Line& l : lines) {
    if (l.text.empty()) continue;
    if (VisibleLength(l.folded) <= 2 && !LooksNumbered(l.folded) &&
        (previous == nullptr || EndsSentence(previous->folded))) {
      note(l.number, "stray_characters",
           absl::StrCat("stray characters '", ToUtf8(l.text), "' removed"));
      l.text.clear();
      l.folded.clear();
      continue;
    }
    previous = &l;
  }
  return lines;
}

}  // namespace dutygraph::import_internal
