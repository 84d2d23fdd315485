// dutygraph/version.h — the library version as C++ constants.
//
// The binary contract is the C API; its macros DG_VERSION_* in dutygraph/dg.h
// are the source of truth, and capi/version_check.cc fails the build if these
// constants drift from them.
#ifndef DUTYGRAPH_VERSION_H_
#define DUTYGRAPH_VERSION_H_

#include <string_view>

namespace dutygraph {

inline constexpr int kVersionMajor = 0;
inline constexpr int kVersionMinor = 1;
inline constexpr int kVersionPatch = 0;
inline constexpr std::string_view kVersionString = "0.1.0";

}  // namespace dutygraph

#endif  // DUTYGRAPH_VERSION_H_
