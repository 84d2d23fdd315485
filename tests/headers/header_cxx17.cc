// tests/headers/header_cxx17.cc — dg.h must compile alone as C++17 with
// -Wall -Wextra -pedantic -Werror, including its _INIT macros (a C++ caller
// brace-initialises the option structs with them).
#include "dutygraph/dg.h"

void DgHeaderCxx17UsesTheMacros();
void DgHeaderCxx17UsesTheMacros() {
  dg_calendar_options options = DG_CALENDAR_OPTIONS_INIT;
  dg_day_info info = DG_DAY_INFO_INIT;
  // The declarations carry noexcept in C++.
  static_assert(noexcept(dg_version_number()), "dg.h functions are noexcept");
  (void)options;
  (void)info;
}
