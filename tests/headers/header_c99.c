/* tests/headers/header_c99.c — dg.h must compile alone as strict C99 with
 * -Wall -Wextra -pedantic -Werror (and -Wstrict-prototypes: every prototype
 * says (void) rather than ()). The _INIT macros are used too, since they are
 * part of the header a C caller compiles.
 */
#include "dutygraph/dg.h"

void dg_header_c99_uses_the_macros(void);
void dg_header_c99_uses_the_macros(void) {
  dg_calendar_options options = DG_CALENDAR_OPTIONS_INIT;
  dg_day_info info = DG_DAY_INFO_INIT;
  uint32_t (*version)(void) = dg_version_number;
  (void)options;
  (void)info;
  (void)version;
}
