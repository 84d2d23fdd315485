// util/suggest.h — "did you mean ...?" for unknown names.
//
// Thread safety: pure functions.
#ifndef DUTYGRAPH_SRC_UTIL_SUGGEST_H_
#define DUTYGRAPH_SRC_UTIL_SUGGEST_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutygraph::internal {

// EditDistance()
//
// The edit distance between `a` and `b` — insertions, deletions,
// substitutions and swaps of adjacent characters (optimal string alignment),
// so "nmae" is one edit from "name" — counted in UTF-8 code points (市发改委
// vs 市发展委 is 1, not 3), stopping early and returning
// `limit + 1` once the distance is known to exceed `limit`. Both inputs must
// be valid UTF-8.
size_t EditDistance(std::string_view a, std::string_view b, size_t limit);

// ClosestMatch()
//
// The candidate closest to `word` by EditDistance, if it is reasonably close:
// within max(1, n / 3) edits, n being the code-point length of `word`. Ties
// go to the earlier candidate, so pass candidates in a stable order. An exact
// match is returned as is. nullopt if nothing is close enough.
//
//   ClosestMatch("nmae", {"id", "name"})  // "name"
//   ClosestMatch("xyz", {"id", "name"})   // nullopt
std::optional<std::string> ClosestMatch(
    std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_UTIL_SUGGEST_H_
