// Helpers shared by the calendar tests.
#ifndef DUTYGRAPH_TESTS_CALENDAR_TEST_UTIL_H_
#define DUTYGRAPH_TESTS_CALENDAR_TEST_UTIL_H_

#include <string_view>

#include "dutygraph/date.h"
#include "gtest/gtest.h"

namespace dutygraph::testing {

// A date from literal text; fails the test on a typo.
inline Date D(std::string_view iso) {
  absl::StatusOr<Date> d = Date::Parse(iso);
  EXPECT_TRUE(d.ok()) << d.status();
  return d.ok() ? *d : Date();
}

}  // namespace dutygraph::testing

#endif  // DUTYGRAPH_TESTS_CALENDAR_TEST_UTIL_H_
