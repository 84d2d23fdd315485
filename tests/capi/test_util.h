/* tests/capi/test_util.h — a tiny check harness for the pure-C API tests.
 *
 * Each CHECK prints file:line and the failing expression (plus, for status
 * checks, the status name and dg_last_error_message()) and exits non-zero:
 * the first failure stops the program, so later checks never run on a state
 * that is already wrong.
 */
#ifndef DUTYGRAPH_TESTS_CAPI_TEST_UTIL_H_
#define DUTYGRAPH_TESTS_CAPI_TEST_UTIL_H_

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutygraph/dg.h"

static long g_checks = 0;

#define CHECK(expr)                                                            \
  do {                                                                         \
    ++g_checks;                                                                \
    if (!(expr)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #expr); \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

/* `call` must return `expected`; on mismatch prints what it returned. */
#define CHECK_STATUS(expected, call)                                    \
  do {                                                                  \
    dg_status check_status_ = (call);                                   \
    ++g_checks;                                                         \
    if (check_status_ != (expected)) {                                  \
      fprintf(stderr,                                                   \
              "%s:%d: %s\n  returned %s, expected %s\n  message: %s\n", \
              __FILE__, __LINE__, #call, dg_status_name(check_status_), \
              dg_status_name(expected), dg_last_error_message());       \
      exit(1);                                                          \
    }                                                                   \
  } while (0)

#define CHECK_OK(call) CHECK_STATUS(DG_OK, call)

/* The last error message on this thread contains `needle`. */
#define CHECK_MESSAGE_HAS(needle)                                             \
  do {                                                                        \
    const char *check_message_ = dg_last_error_message();                     \
    ++g_checks;                                                               \
    if (check_message_ == NULL || strstr(check_message_, (needle)) == NULL) { \
      fprintf(stderr,                                                         \
              "%s:%d: last error message lacks \"%s\"\n  message: %s\n",      \
              __FILE__, __LINE__, (needle),                                   \
              check_message_ ? check_message_ : "(NULL)");                    \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

/* Two C strings are equal. */
#define CHECK_STREQ(expected, actual)                                        \
  do {                                                                       \
    const char *check_expected_ = (expected);                                \
    const char *check_actual_ = (actual);                                    \
    ++g_checks;                                                              \
    if (check_actual_ == NULL ||                                             \
        strcmp(check_expected_, check_actual_) != 0) {                       \
      fprintf(stderr, "%s:%d: %s\n  is \"%s\", expected \"%s\"\n", __FILE__, \
              __LINE__, #actual, check_actual_ ? check_actual_ : "(NULL)",   \
              check_expected_);                                              \
      exit(1);                                                               \
    }                                                                        \
  } while (0)

/* Parses an ISO date the test writes itself; any failure is a test bug. */
static inline dg_date Day(const char *iso) {
  dg_date d = 0;
  dg_status s = dg_date_parse(&d, iso, strlen(iso));
  if (s != DG_OK) {
    fprintf(stderr, "test bug: cannot parse '%s': %s\n", iso,
            dg_last_error_message());
    exit(1);
  }
  return d;
}

/* A dg_date as text, for failure messages. Rotates four buffers. */
static inline const char *Iso(dg_date d) {
  static char buffers[4][16];
  static int next = 0;
  char *buffer = buffers[next];
  next = (next + 1) % 4;
  if (dg_date_format(buffer, sizeof buffers[0], d) != DG_OK) {
    snprintf(buffer, sizeof buffers[0], "<%ld>", (long)d);
  }
  return buffer;
}

/* A dg_date equals the ISO date `expected`. */
#define CHECK_DATE(expected, actual)                                           \
  do {                                                                         \
    dg_date check_actual_date_ = (actual);                                     \
    ++g_checks;                                                                \
    if (check_actual_date_ != Day(expected)) {                                 \
      fprintf(stderr, "%s:%d: %s\n  is %s, expected %s\n", __FILE__, __LINE__, \
              #actual, Iso(check_actual_date_), (expected));                   \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

#endif /* DUTYGRAPH_TESTS_CAPI_TEST_UTIL_H_ */
