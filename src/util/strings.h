// util/strings.h — bridging std::string_view and Abseil's string functions.
//
// Debian 12's Abseil (20220623) has its own absl::string_view, distinct from
// std::string_view, and absl::StrCat does not accept the latter. Public
// headers use std::string_view; AsAbsl() converts at the call site.
#ifndef DUTYGRAPH_SRC_UTIL_STRINGS_H_
#define DUTYGRAPH_SRC_UTIL_STRINGS_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace dutygraph::internal {

inline absl::string_view AsAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

inline std::string_view AsStd(absl::string_view s) {
  return std::string_view(s.data(), s.size());
}

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_UTIL_STRINGS_H_
