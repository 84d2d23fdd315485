// schedule/schedule_internal.h — helpers shared by cadences.cc and
// deadlines.cc. Not part of the API.
#ifndef DUTYGRAPH_SRC_SCHEDULE_SCHEDULE_INTERNAL_H_
#define DUTYGRAPH_SRC_SCHEDULE_SCHEDULE_INTERNAL_H_

#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "util/strings.h"

namespace dutygraph::internal {

// `status` with `context` in front of its message, same code.
inline absl::Status WithContext(const absl::Status& status,
                                std::string_view context) {
  return absl::Status(status.code(),
                      absl::StrCat(AsAbsl(context), ": ", status.message()));
}

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_SCHEDULE_SCHEDULE_INTERNAL_H_
