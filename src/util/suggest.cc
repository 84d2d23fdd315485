#include "util/suggest.h"

#include <algorithm>

namespace dutygraph::internal {
namespace {

// Decodes valid UTF-8 into code points (the caller validated the text; a
// stray byte is taken as one code point, which is harmless here).
void Decode(std::string_view s, std::vector<char32_t>* out) {
  out->clear();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > n) len = n - i;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (p[i + k] & 0x3F);
    out->push_back(cp);
    i += len;
  }
}

size_t CodePointCount(std::string_view s) {
  size_t count = 0;
  for (char c : s) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// Optimal string alignment distance (Levenshtein plus adjacent
// transpositions, so "nmae" is one edit from "name"), with early exit.
size_t Distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b,
                size_t limit, std::vector<size_t> rows[3]) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  for (int r = 0; r < 3; ++r) rows[r].assign(m + 1, 0);
  std::vector<size_t>* before = &rows[0];  // row i - 2
  std::vector<size_t>* prev = &rows[1];    // row i - 1
  std::vector<size_t>* cur = &rows[2];     // row i
  for (size_t j = 0; j <= m; ++j) (*prev)[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    (*cur)[0] = i;
    size_t row_min = i;
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t d =
          std::min({(*prev)[j] + 1, (*cur)[j - 1] + 1, (*prev)[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, (*before)[j - 2] + 1);
      }
      (*cur)[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, prev);  // the old row i - 1 becomes row i - 2 ...
    std::swap(prev, cur);     // ... and row i becomes row i - 1
  }
  return std::min((*prev)[m], limit + 1);
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  std::vector<char32_t> ca, cb;
  Decode(a, &ca);
  Decode(b, &cb);
  std::vector<size_t> rows[3];
  return Distance(ca, cb, limit, rows);
}

std::optional<std::string> ClosestMatch(
    std::string_view word, const std::vector<std::string_view>& candidates) {
  std::vector<char32_t> w, c;
  Decode(word, &w);
  const size_t limit = std::max<size_t>(1, w.size() / 3);
  std::vector<size_t> rows[3];
  const std::string_view* best = nullptr;
  size_t best_distance = limit + 1;
  for (const std::string_view& candidate : candidates) {
    // Cheap length filter first: most candidates of a large id set end here.
    const size_t length = CodePointCount(candidate);
    if ((length > w.size() ? length - w.size() : w.size() - length) >=
        best_distance) {
      continue;
    }
    Decode(candidate, &c);
    const size_t d = Distance(w, c, best_distance - 1, rows);
    if (d < best_distance) {
      best_distance = d;
      best = &candidate;
      if (d == 0) break;
    }
  }
  if (best == nullptr) return std::nullopt;
  return std::string(*best);
}

}  // namespace dutygraph::internal
