/* tests/capi/calendar_c_test.c — the C API driven from pure C99.
 *
 * Exercises every function of dutygraph/dg.h through the shared library, as
 * a C host would: results against facts worked by hand from the State
 * Council notices (the 2023 notice, 国办发明电〔2022〕16号, cross-checked with
 * the holiday-cn facts), the error contract (status, specific message,
 * zeroed out-params) and the struct-prefix protocol.
 *
 * The test writes one scratch file, calendar_c_test_overlay.txt, in its
 * working directory.
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutygraph/dg.h"
#include "test_util.h"

/* A distinctive value to pre-fill out-params with, so that "zeroed on
 * failure" and "written on success" are observable. */
#define JUNK 0x5A5A5A5A

static dg_calendar *NewCalendar(dg_calendar_mode mode) {
  dg_calendar_options opts = DG_CALENDAR_OPTIONS_INIT;
  dg_calendar *cal = NULL;
  opts.mode = mode;
  CHECK_OK(dg_calendar_china_mainland(&cal, &opts));
  CHECK(cal != NULL);
  return cal;
}

/* ------------------------------------------------------------------------ */
/* Versions and status names                                                 */
/* ------------------------------------------------------------------------ */

static void TestVersions(void) {
  char expected[32];
  CHECK(dg_version_number() == DG_VERSION_NUMBER);
  CHECK(dg_version_number() ==
        (uint32_t)(DG_VERSION_MAJOR * 10000 + DG_VERSION_MINOR * 100 +
                   DG_VERSION_PATCH));
  CHECK_STREQ(DG_VERSION_STRING, dg_version_string());
  snprintf(expected, sizeof expected, "%d.%d.%d", DG_VERSION_MAJOR,
           DG_VERSION_MINOR, DG_VERSION_PATCH);
  CHECK_STREQ(expected, dg_version_string());
  CHECK(dg_version_string() == dg_version_string()); /* static storage */
}

static void TestStatusNames(void) {
  CHECK_STREQ("DG_OK", dg_status_name(DG_OK));
  CHECK_STREQ("DG_INVALID_ARGUMENT", dg_status_name(DG_INVALID_ARGUMENT));
  CHECK_STREQ("DG_NOT_FOUND", dg_status_name(DG_NOT_FOUND));
  CHECK_STREQ("DG_RESOURCE_EXHAUSTED", dg_status_name(DG_RESOURCE_EXHAUSTED));
  CHECK_STREQ("DG_FAILED_PRECONDITION", dg_status_name(DG_FAILED_PRECONDITION));
  CHECK_STREQ("DG_OUT_OF_RANGE", dg_status_name(DG_OUT_OF_RANGE));
  CHECK_STREQ("DG_INTERNAL", dg_status_name(DG_INTERNAL));
  CHECK_STREQ("DG_UNKNOWN", dg_status_name(2));
  CHECK_STREQ("DG_UNKNOWN", dg_status_name(-1));
  CHECK_STREQ("DG_UNKNOWN", dg_status_name(INT32_MAX));
  /* The values are part of the ABI (equal to absl::StatusCode). */
  CHECK(DG_OK == 0 && DG_INVALID_ARGUMENT == 3 && DG_NOT_FOUND == 5 &&
        DG_RESOURCE_EXHAUSTED == 8 && DG_FAILED_PRECONDITION == 9 &&
        DG_OUT_OF_RANGE == 11 && DG_INTERNAL == 13);
}

/* The last-error contract: never NULL, "" before any failure, specific after
 * one, reset to "" by the next dg_status call that succeeds, and untouched by
 * calls that cannot fail (so cleanup does not erase it). */
static void TestLastError(void) {
  dg_date d = 0;
  CHECK(dg_last_error_message() != NULL);
  CHECK_STREQ("", dg_last_error_message());

  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(NULL, "2023-01-01", 10));
  CHECK_STREQ("dg_date_parse: out is NULL", dg_last_error_message());

  dg_calendar_free(NULL);
  dg_string_free(NULL);
  (void)dg_status_name(DG_OK);
  (void)dg_version_number();
  (void)dg_version_string();
  CHECK_STREQ("dg_date_parse: out is NULL", dg_last_error_message());

  CHECK_OK(dg_date_parse(&d, "2023-01-01", 10));
  CHECK_STREQ("", dg_last_error_message());
}

/* ------------------------------------------------------------------------ */
/* Dates                                                                     */
/* ------------------------------------------------------------------------ */

static void TestDateFromYmdAndToYmd(void) {
  dg_date d = JUNK;
  int32_t y = JUNK, m = JUNK, dd = JUNK;

  /* Day counts computed independently (Python: toordinal() - 719163). */
  CHECK_OK(dg_date_from_ymd(&d, 1970, 1, 1));
  CHECK(d == 0);
  CHECK_OK(dg_date_from_ymd(&d, 1969, 12, 31));
  CHECK(d == -1);
  CHECK_OK(dg_date_from_ymd(&d, 2023, 9, 28));
  CHECK(d == 19628);
  CHECK_OK(dg_date_from_ymd(&d, 2000, 2, 29));
  CHECK(d == 11016);
  CHECK_OK(dg_date_from_ymd(&d, 1400, 1, 1));
  CHECK(d == -208188);
  CHECK_OK(dg_date_from_ymd(&d, 9999, 12, 31));
  CHECK(d == 2932896);

  d = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_from_ymd(&d, 2023, 2, 29));
  CHECK(d == 0);
  CHECK_MESSAGE_HAS("dg_date_from_ymd: ");
  d = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_from_ymd(&d, 2023, 2, 30));
  CHECK(d == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_from_ymd(&d, 2023, 13, 1));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_from_ymd(&d, 2023, 0, 1));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_from_ymd(&d, 2023, 4, 31));
  d = JUNK;
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_date_from_ymd(&d, 1399, 12, 31));
  CHECK(d == 0);
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_date_from_ymd(&d, 10000, 1, 1));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_from_ymd(NULL, 2023, 1, 1));
  CHECK_MESSAGE_HAS("dg_date_from_ymd: out is NULL");

  CHECK_OK(dg_date_to_ymd(&y, &m, &dd, 19628));
  CHECK(y == 2023 && m == 9 && dd == 28);
  CHECK_OK(dg_date_to_ymd(&y, &m, &dd, -1));
  CHECK(y == 1969 && m == 12 && dd == 31);
  CHECK_OK(dg_date_to_ymd(&y, &m, &dd, 2932896));
  CHECK(y == 9999 && m == 12 && dd == 31);

  y = m = dd = JUNK;
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_date_to_ymd(&y, &m, &dd, 2932897));
  CHECK(y == 0 && m == 0 && dd == 0);
  CHECK_MESSAGE_HAS("dg_date_to_ymd: ");
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_date_to_ymd(&y, &m, &dd, -208189));
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_date_to_ymd(&y, &m, &dd, INT32_MAX));
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_date_to_ymd(&y, &m, &dd, INT32_MIN));

  /* Each NULL out-param is named, and the others are still zeroed. */
  m = dd = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_to_ymd(NULL, &m, &dd, 0));
  CHECK_MESSAGE_HAS("dg_date_to_ymd: year_out is NULL");
  CHECK(m == 0 && dd == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_to_ymd(&y, NULL, &dd, 0));
  CHECK_MESSAGE_HAS("month_out is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_to_ymd(&y, &m, NULL, 0));
  CHECK_MESSAGE_HAS("day_out is NULL");

  /* Round trips across the whole representable range. */
  for (d = -208188; d <= 2932896; d += 997) {
    dg_date back = JUNK;
    CHECK_OK(dg_date_to_ymd(&y, &m, &dd, d));
    CHECK_OK(dg_date_from_ymd(&back, y, m, dd));
    CHECK(back == d);
  }
}

static void TestDateParse(void) {
  dg_date d = JUNK;
  const char *padded = "2023-03-15 and more";

  CHECK_OK(dg_date_parse(&d, "2023-09-28", 10));
  CHECK(d == 19628);
  /* Only the given length is read: no NUL terminator is needed. */
  CHECK_OK(dg_date_parse(&d, padded, 10));
  CHECK_DATE("2023-03-15", d);

  d = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(&d, "2023-13-01", 10));
  CHECK(d == 0);
  CHECK_MESSAGE_HAS("dg_date_parse: ");
  CHECK_MESSAGE_HAS("'2023-13-01'");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(&d, "2023-02-30", 10));
  CHECK_MESSAGE_HAS("2023-02-30");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(&d, "2023-3-15", 9));
  CHECK_MESSAGE_HAS("2023-3-15");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(&d, "2023/03/15", 10));
  CHECK_MESSAGE_HAS("2023/03/15");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(&d, padded, 11));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(&d, "二〇二三年", 15));

  /* (NULL, 0) is the empty string: malformed, not a crash. */
  d = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(&d, NULL, 0));
  CHECK(d == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(&d, "", 0));
  /* NULL with a length is a caller bug, reported as such. */
  d = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(&d, NULL, 10));
  CHECK(d == 0);
  CHECK_MESSAGE_HAS("dg_date_parse: text is NULL but its length is 10");

  /* Invalid UTF-8 is rejected before parsing. */
  d = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(&d, "2023-01-0\xff", 10));
  CHECK(d == 0);
  CHECK_MESSAGE_HAS("UTF-8");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(&d, "\xc3\x28", 2));
  CHECK_MESSAGE_HAS("UTF-8");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(&d, "\xed\xa0\x80", 3));
  CHECK_MESSAGE_HAS("UTF-8"); /* an encoded surrogate */

  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(NULL, "2023-01-01", 10));
}

static void TestDateFormat(void) {
  char buffer[16];
  char exact[11];
  dg_date d;

  CHECK_OK(dg_date_format(buffer, sizeof buffer, 19628));
  CHECK_STREQ("2023-09-28", buffer);
  CHECK_OK(dg_date_format(exact, sizeof exact, -208188));
  CHECK_STREQ("1400-01-01", exact);
  CHECK_OK(dg_date_format(exact, sizeof exact, 2932896));
  CHECK_STREQ("9999-12-31", exact);

  memset(buffer, 'x', sizeof buffer);
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_format(buffer, 10, 19628));
  CHECK(buffer[0] == '\0');
  CHECK_MESSAGE_HAS("dg_date_format: out_size is 10");
  memset(buffer, 'x', sizeof buffer);
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_date_format(buffer, sizeof buffer, 2932897));
  CHECK(buffer[0] == '\0');
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_format(buffer, 0, 19628));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_format(NULL, 11, 19628));
  CHECK_MESSAGE_HAS("dg_date_format: out is NULL");

  /* format and parse are inverse over the range. */
  for (d = -208188; d <= 2932896; d += 1009) {
    dg_date back = JUNK;
    CHECK_OK(dg_date_format(buffer, sizeof buffer, d));
    CHECK(strlen(buffer) == 10);
    CHECK_OK(dg_date_parse(&back, buffer, strlen(buffer)));
    CHECK(back == d);
  }
}

/* ------------------------------------------------------------------------ */
/* Periods                                                                   */
/* ------------------------------------------------------------------------ */

static void CheckPeriod(dg_period_kind kind, const char *date, int32_t shift,
                        const char *start, const char *end) {
  dg_date s = JUNK, e = JUNK;
  CHECK_OK(dg_period_of(&s, &e, kind, Day(date), shift));
  CHECK_DATE(start, s);
  CHECK_DATE(end, e);
}

static void CheckLabel(dg_period_kind kind, const char *date,
                       const char *expected) {
  char *label = NULL;
  size_t size = JUNK;
  CHECK_OK(dg_period_label(&label, &size, kind, Day(date)));
  CHECK_STREQ(expected, label);
  CHECK(size == strlen(expected));
  dg_string_free(label);
  /* size_out is optional. */
  CHECK_OK(dg_period_label(&label, NULL, kind, Day(date)));
  CHECK_STREQ(expected, label);
  dg_string_free(label);
}

static void TestPeriods(void) {
  dg_date s = JUNK, e = JUNK;
  char *label = (char *)"junk";
  size_t size = JUNK;

  CheckPeriod(DG_PERIOD_DEKAD, "2023-03-15", 0, "2023-03-11", "2023-03-20");
  CheckPeriod(DG_PERIOD_DEKAD, "2023-03-15", 1, "2023-03-21", "2023-03-31");
  CheckPeriod(DG_PERIOD_DEKAD, "2023-03-15", -1, "2023-03-01", "2023-03-10");
  CheckPeriod(DG_PERIOD_DEKAD, "2023-02-25", 0, "2023-02-21", "2023-02-28");
  CheckPeriod(DG_PERIOD_DEKAD, "2023-03-15", 2, "2023-04-01", "2023-04-10");
  CheckPeriod(DG_PERIOD_WEEK, "2023-03-22", 0, "2023-03-20", "2023-03-26");
  CheckPeriod(DG_PERIOD_WEEK, "2023-03-22", -1, "2023-03-13", "2023-03-19");
  CheckPeriod(DG_PERIOD_WEEK, "2023-01-01", 0, "2022-12-26", "2023-01-01");
  CheckPeriod(DG_PERIOD_HALF_MONTH, "2023-03-15", 0, "2023-03-01",
              "2023-03-15");
  CheckPeriod(DG_PERIOD_HALF_MONTH, "2023-03-15", 1, "2023-03-16",
              "2023-03-31");
  CheckPeriod(DG_PERIOD_HALF_MONTH, "2024-02-20", 0, "2024-02-16",
              "2024-02-29");
  CheckPeriod(DG_PERIOD_MONTH, "2023-03-15", 0, "2023-03-01", "2023-03-31");
  CheckPeriod(DG_PERIOD_MONTH, "2023-01-31", 1, "2023-02-01", "2023-02-28");
  CheckPeriod(DG_PERIOD_MONTH, "2023-01-31", -1, "2022-12-01", "2022-12-31");
  CheckPeriod(DG_PERIOD_QUARTER, "2023-05-10", 0, "2023-04-01", "2023-06-30");
  CheckPeriod(DG_PERIOD_QUARTER, "2023-05-10", 3, "2024-01-01", "2024-03-31");
  CheckPeriod(DG_PERIOD_HALF_YEAR, "2023-03-15", 0, "2023-01-01", "2023-06-30");
  CheckPeriod(DG_PERIOD_HALF_YEAR, "2023-03-15", 1, "2023-07-01", "2023-12-31");
  CheckPeriod(DG_PERIOD_YEAR, "2023-03-15", 0, "2023-01-01", "2023-12-31");
  CheckPeriod(DG_PERIOD_YEAR, "2023-03-15", -1, "2022-01-01", "2022-12-31");

  CheckLabel(DG_PERIOD_DEKAD, "2023-03-15", "2023年3月中旬");
  CheckLabel(DG_PERIOD_DEKAD, "2023-03-05", "2023年3月上旬");
  CheckLabel(DG_PERIOD_DEKAD, "2023-03-31", "2023年3月下旬");
  CheckLabel(DG_PERIOD_WEEK, "2023-03-22", "2023年第12周");
  CheckLabel(DG_PERIOD_WEEK, "2023-01-01", "2022年第52周"); /* ISO week-year */
  CheckLabel(DG_PERIOD_HALF_MONTH, "2023-03-15", "2023年3月上半月");
  CheckLabel(DG_PERIOD_HALF_MONTH, "2023-03-16", "2023年3月下半月");
  CheckLabel(DG_PERIOD_MONTH, "2023-03-15", "2023年3月");
  CheckLabel(DG_PERIOD_QUARTER, "2023-05-10", "2023年第二季度");
  CheckLabel(DG_PERIOD_QUARTER, "2023-11-10", "2023年第四季度");
  CheckLabel(DG_PERIOD_HALF_YEAR, "2023-03-15", "2023年上半年");
  CheckLabel(DG_PERIOD_HALF_YEAR, "2023-07-01", "2023年下半年");
  CheckLabel(DG_PERIOD_YEAR, "2023-03-15", "2023年");

  /* Unknown kinds. */
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_period_of(&s, &e, 7, 19628, 0));
  CHECK(s == 0 && e == 0);
  CHECK_MESSAGE_HAS("dg_period_of: kind 7 is not a dg_period_kind");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_period_of(&s, &e, -1, 19628, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_period_label(&label, &size, 7, 19628));
  CHECK(label == NULL && size == 0);
  CHECK_MESSAGE_HAS("dg_period_label: kind 7");

  /* Past the representable dates. */
  s = e = JUNK;
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_period_of(&s, &e, DG_PERIOD_YEAR, Day("9999-06-01"), 1));
  CHECK(s == 0 && e == 0);
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_period_of(&s, &e, DG_PERIOD_YEAR, Day("1400-06-01"), -1));
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_period_of(&s, &e, DG_PERIOD_MONTH, INT32_MAX, 0));
  label = (char *)"junk";
  size = JUNK;
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_period_label(&label, &size, DG_PERIOD_MONTH, INT32_MIN));
  CHECK(label == NULL && size == 0);

  /* NULL out-params. */
  e = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_period_of(NULL, &e, DG_PERIOD_MONTH, 19628, 0));
  CHECK_MESSAGE_HAS("dg_period_of: start_out is NULL");
  CHECK(e == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_period_of(&s, NULL, DG_PERIOD_MONTH, 19628, 0));
  CHECK_MESSAGE_HAS("dg_period_of: end_out is NULL");
  size = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_period_label(NULL, &size, DG_PERIOD_MONTH, 19628));
  CHECK_MESSAGE_HAS("dg_period_label: label_out is NULL");
  CHECK(size == 0);
}

/* ------------------------------------------------------------------------ */
/* Calendars: construction                                                   */
/* ------------------------------------------------------------------------ */

/* A caller compiled against a future dg.h whose options struct has grown. */
typedef struct future_calendar_options {
  dg_calendar_options v1;
  int64_t field_added_later;
} future_calendar_options;

static void TestCalendarConstruction(void) {
  dg_calendar *cal = (dg_calendar *)&cal; /* junk: must be overwritten */
  dg_calendar *other = NULL;
  dg_calendar_options opts = DG_CALENDAR_OPTIONS_INIT;
  future_calendar_options future;
  int working = JUNK, provisional = JUNK;

  /* NULL options: strict. */
  CHECK_OK(dg_calendar_china_mainland(&cal, NULL));
  CHECK(cal != NULL);
  CHECK_STATUS(
      DG_FAILED_PRECONDITION,
      dg_calendar_is_working_day(&working, NULL, cal, Day("2027-03-01")));
  dg_calendar_free(cal);

  /* The _INIT macro gives strict too. */
  CHECK(opts.struct_size == sizeof(dg_calendar_options));
  CHECK(opts.mode == DG_CALENDAR_STRICT);
  CHECK_OK(dg_calendar_china_mainland(&cal, &opts));
  CHECK_STATUS(
      DG_FAILED_PRECONDITION,
      dg_calendar_is_working_day(&working, NULL, cal, Day("2027-03-01")));
  dg_calendar_free(cal);

  opts.mode = DG_CALENDAR_PROVISIONAL;
  CHECK_OK(dg_calendar_china_mainland(&cal, &opts));
  CHECK_OK(dg_calendar_is_working_day(&working, &provisional, cal,
                                      Day("2027-03-01")));
  CHECK(working == 1 && provisional == 1);
  dg_calendar_free(cal);

  /* A bigger (newer) struct is accepted; its known prefix is read. */
  memset(&future, 0, sizeof future);
  future.v1.struct_size = sizeof future;
  future.v1.mode = DG_CALENDAR_PROVISIONAL;
  future.field_added_later = 42;
  CHECK_OK(dg_calendar_china_mainland(&cal, &future.v1));
  CHECK_OK(dg_calendar_is_working_day(&working, &provisional, cal,
                                      Day("2027-03-01")));
  CHECK(provisional == 1);
  dg_calendar_free(cal);

  /* A struct_size that does not cover `mode` is a caller bug. */
  opts.struct_size = offsetof(dg_calendar_options, mode);
  cal = (dg_calendar *)&cal;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_calendar_china_mainland(&cal, &opts));
  CHECK(cal == NULL);
  CHECK_MESSAGE_HAS("dg_calendar_china_mainland: opts->struct_size is");
  CHECK_MESSAGE_HAS("DG_CALENDAR_OPTIONS_INIT");
  opts.struct_size = 0;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_calendar_china_mainland(&cal, &opts));

  /* Unknown modes. */
  opts.struct_size = sizeof opts;
  opts.mode = 2;
  cal = (dg_calendar *)&cal;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_calendar_china_mainland(&cal, &opts));
  CHECK(cal == NULL);
  CHECK_MESSAGE_HAS("opts->mode 2 is not a dg_calendar_mode");
  opts.mode = -1;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_calendar_china_mainland(&cal, &opts));

  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_calendar_china_mainland(NULL, NULL));
  CHECK_MESSAGE_HAS("dg_calendar_china_mainland: out is NULL");

  /* with_mode: strict <-> provisional over the same tables. */
  cal = NewCalendar(DG_CALENDAR_STRICT);
  CHECK_OK(dg_calendar_with_mode(&other, cal, DG_CALENDAR_PROVISIONAL));
  CHECK(other != NULL && other != cal);
  CHECK_OK(dg_calendar_is_working_day(&working, &provisional, other,
                                      Day("2027-03-06"))); /* a Saturday */
  CHECK(working == 0 && provisional == 1);
  dg_calendar_free(cal); /* `other` stays valid on its own */
  CHECK_OK(dg_calendar_with_mode(&cal, other, DG_CALENDAR_STRICT));
  CHECK_STATUS(
      DG_FAILED_PRECONDITION,
      dg_calendar_is_working_day(&working, NULL, cal, Day("2027-03-06")));
  CHECK_OK(dg_calendar_is_working_day(&working, &provisional, other,
                                      Day("2027-03-06")));

  dg_calendar_free(other);
  other = (dg_calendar *)&other;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_calendar_with_mode(&other, cal, 5));
  CHECK(other == NULL);
  CHECK_MESSAGE_HAS("dg_calendar_with_mode: mode 5 is not a dg_calendar_mode");
  other = (dg_calendar *)&other;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_with_mode(&other, NULL, DG_CALENDAR_STRICT));
  CHECK(other == NULL);
  CHECK_MESSAGE_HAS("dg_calendar_with_mode: cal is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_with_mode(NULL, cal, DG_CALENDAR_STRICT));
  CHECK_MESSAGE_HAS("dg_calendar_with_mode: out is NULL");
  dg_calendar_free(cal);
  dg_calendar_free(NULL);
}

/* ------------------------------------------------------------------------ */
/* Calendars: official years                                                 */
/* ------------------------------------------------------------------------ */

static void TestOfficialYears(void) {
  dg_calendar *cal = NewCalendar(DG_CALENDAR_STRICT);
  size_t count = JUNK;
  int32_t years[64];
  int32_t few[4] = {JUNK, JUNK, JUNK, JUNK};
  int official = JUNK;
  size_t i;

  /* Sizing call, then the real one. 2007..2026 have notices. */
  CHECK_OK(dg_calendar_official_years(&count, NULL, 0, cal));
  CHECK(count == 20);
  CHECK_OK(dg_calendar_official_years(&count, years, count, cal));
  CHECK(count == 20);
  for (i = 0; i < count; ++i) CHECK(years[i] == 2007 + (int32_t)i);

  /* A short buffer gets the first years; the count is still complete. */
  CHECK_OK(dg_calendar_official_years(&count, few, 3, cal));
  CHECK(count == 20);
  CHECK(few[0] == 2007 && few[1] == 2008 && few[2] == 2009);
  CHECK(few[3] == JUNK); /* past capacity: untouched */

  count = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_official_years(&count, NULL, 5, cal));
  CHECK(count == 0);
  CHECK_MESSAGE_HAS("years_out is NULL but capacity is 5");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_official_years(NULL, years, 64, cal));
  CHECK_MESSAGE_HAS("dg_calendar_official_years: count_out is NULL");
  count = JUNK;
  few[0] = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_official_years(&count, few, 4, NULL));
  CHECK(count == 0 && few[0] == 0);
  CHECK_MESSAGE_HAS("dg_calendar_official_years: cal is NULL");

  CHECK_OK(dg_calendar_is_official_year(&official, cal, 2023));
  CHECK(official == 1);
  CHECK_OK(dg_calendar_is_official_year(&official, cal, 2007));
  CHECK(official == 1);
  CHECK_OK(dg_calendar_is_official_year(&official, cal, 2026));
  CHECK(official == 1);
  official = JUNK;
  CHECK_OK(dg_calendar_is_official_year(&official, cal, 2027));
  CHECK(official == 0);
  CHECK_OK(dg_calendar_is_official_year(&official, cal, 2006));
  CHECK(official == 0);
  CHECK_OK(dg_calendar_is_official_year(&official, cal, INT32_MIN));
  CHECK(official == 0);
  official = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_is_official_year(&official, NULL, 2023));
  CHECK(official == 0);
  CHECK_MESSAGE_HAS("dg_calendar_is_official_year: cal is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_is_official_year(NULL, cal, 2023));
  CHECK_MESSAGE_HAS("official_out is NULL");
  dg_calendar_free(cal);
}

/* ------------------------------------------------------------------------ */
/* Calendars: day operations on the 2023 notice                              */
/* ------------------------------------------------------------------------ */

static int IsWorking(const dg_calendar *cal, const char *date) {
  int working = JUNK, provisional = JUNK;
  CHECK_OK(dg_calendar_is_working_day(&working, &provisional, cal, Day(date)));
  CHECK(working == 0 || working == 1);
  CHECK(provisional == 0); /* 2023 has a notice */
  return working;
}

static void TestWorkingDays2023(void) {
  dg_calendar *cal = NewCalendar(DG_CALENDAR_STRICT);
  int working = JUNK;

  /* 2023 notice: 春节 01-21..27 off, Sat 01-28 and Sun 01-29 worked; 端午
   * 06-22..24 off, Sun 06-25 worked; 中秋国庆 09-29..10-06 off, Sat 10-07 and
   * Sun 10-08 worked. Ordinary days follow the weekday rule. */
  CHECK(IsWorking(cal, "2023-01-27") == 0);
  CHECK(IsWorking(cal, "2023-01-28") == 1);
  CHECK(IsWorking(cal, "2023-01-29") == 1);
  CHECK(IsWorking(cal, "2023-06-23") == 0);
  CHECK(IsWorking(cal, "2023-06-25") == 1);
  CHECK(IsWorking(cal, "2023-09-29") == 0);
  CHECK(IsWorking(cal, "2023-10-01") == 0);
  CHECK(IsWorking(cal, "2023-10-06") == 0);
  CHECK(IsWorking(cal, "2023-10-07") == 1);
  CHECK(IsWorking(cal, "2023-10-08") == 1);
  CHECK(IsWorking(cal, "2023-03-15") == 1); /* an ordinary Wednesday */
  CHECK(IsWorking(cal, "2023-03-18") == 0); /* an ordinary Saturday */
  CHECK(IsWorking(cal, "2022-12-31") == 0); /* 元旦 of the 2023 notice */

  /* provisional_out is optional. */
  CHECK_OK(dg_calendar_is_working_day(&working, NULL, cal, Day("2023-10-07")));
  CHECK(working == 1);
  dg_calendar_free(cal);
}

static void TestDayArithmetic2023(void) {
  dg_calendar *cal = NewCalendar(DG_CALENDAR_STRICT);
  dg_date d = JUNK;
  int32_t count = JUNK;
  int provisional = JUNK;

  /* The facts of the brief: the holiday is skipped, Sat 10-07 counts. */
  CHECK_OK(dg_calendar_add_working_days(&d, &provisional, cal,
                                        Day("2023-09-28"), 1));
  CHECK_DATE("2023-10-07", d);
  CHECK(provisional == 0);
  CHECK_OK(dg_calendar_add_working_days(&d, NULL, cal, Day("2023-09-28"), 2));
  CHECK_DATE("2023-10-08", d);
  CHECK_OK(dg_calendar_add_working_days(&d, NULL, cal, Day("2023-09-28"), 3));
  CHECK_DATE("2023-10-09", d);
  CHECK_OK(dg_calendar_add_working_days(&d, NULL, cal, Day("2023-10-07"), -1));
  CHECK_DATE("2023-09-28", d);
  CHECK_OK(dg_calendar_add_working_days(&d, NULL, cal, Day("2023-10-01"), 0));
  CHECK_DATE("2023-10-01", d); /* n == 0 is the date itself, even a holiday */
  CHECK_OK(dg_calendar_add_working_days(&d, NULL, cal, Day("2023-01-20"), 1));
  CHECK_DATE("2023-01-28", d); /* 春节 make-up Saturday */

  CHECK_OK(
      dg_calendar_next_working_day(&d, &provisional, cal, Day("2023-09-28")));
  CHECK_DATE("2023-10-07", d);
  CHECK(provisional == 0);
  CHECK_OK(dg_calendar_next_working_day(&d, NULL, cal, Day("2023-06-21")));
  CHECK_DATE("2023-06-25", d); /* 端午 make-up Sunday */
  CHECK_OK(dg_calendar_previous_working_day(&d, &provisional, cal,
                                            Day("2023-10-07")));
  CHECK_DATE("2023-09-28", d);
  CHECK_OK(dg_calendar_previous_working_day(&d, NULL, cal, Day("2023-10-09")));
  CHECK_DATE("2023-10-08", d);
  CHECK_OK(dg_calendar_previous_working_day(&d, NULL, cal, Day("2023-01-03")));
  CHECK_DATE("2022-12-30", d);

  /* (from, to]: 2023 has 260 weekdays, 18 of them declared off, and 7
   * declared working weekend days: 249 working days. */
  CHECK_OK(dg_calendar_working_days_between(
      &count, &provisional, cal, Day("2022-12-31"), Day("2023-12-31")));
  CHECK(count == 249);
  CHECK(provisional == 0);
  CHECK_OK(dg_calendar_working_days_between(
      &count, NULL, cal, Day("2023-12-31"), Day("2022-12-31")));
  CHECK(count == -249);
  CHECK_OK(dg_calendar_working_days_between(
      &count, NULL, cal, Day("2023-09-28"), Day("2023-10-07")));
  CHECK(count == 1);
  CHECK_OK(dg_calendar_working_days_between(
      &count, NULL, cal, Day("2023-09-28"), Day("2023-09-28")));
  CHECK(count == 0);

  /* Roll from the 国庆 holiday: 10-01's month is October, 09-30's September. */
  CHECK_OK(dg_calendar_roll(&d, &provisional, cal, Day("2023-10-01"),
                            DG_ROLL_FOLLOWING));
  CHECK_DATE("2023-10-07", d);
  CHECK(provisional == 0);
  CHECK_OK(
      dg_calendar_roll(&d, NULL, cal, Day("2023-10-01"), DG_ROLL_PRECEDING));
  CHECK_DATE("2023-09-28", d);
  CHECK_OK(dg_calendar_roll(&d, NULL, cal, Day("2023-10-01"),
                            DG_ROLL_MODIFIED_FOLLOWING));
  CHECK_DATE("2023-10-07", d);
  CHECK_OK(dg_calendar_roll(&d, NULL, cal, Day("2023-10-01"),
                            DG_ROLL_MODIFIED_PRECEDING));
  CHECK_DATE("2023-10-07", d); /* preceding would leave October */
  CHECK_OK(dg_calendar_roll(&d, NULL, cal, Day("2023-09-30"),
                            DG_ROLL_MODIFIED_FOLLOWING));
  CHECK_DATE("2023-09-28", d); /* following would leave September */
  CHECK_OK(
      dg_calendar_roll(&d, NULL, cal, Day("2023-10-08"), DG_ROLL_PRECEDING));
  CHECK_DATE("2023-10-08", d); /* a working day rolls to itself */
  d = JUNK;
  provisional = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_roll(&d, &provisional, cal, Day("2023-10-01"), 4));
  CHECK(d == 0 && provisional == 0);
  CHECK_MESSAGE_HAS("dg_calendar_roll: convention 4 is not");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_roll(&d, NULL, cal, Day("2023-10-01"), -1));

  /* n-th working day of a period. */
  CHECK_OK(dg_calendar_nth_working_day(&d, &provisional, cal, DG_PERIOD_MONTH,
                                       Day("2023-10-15"), 1));
  CHECK_DATE("2023-10-07", d);
  CHECK(provisional == 0);
  CHECK_OK(dg_calendar_nth_working_day(&d, NULL, cal, DG_PERIOD_MONTH,
                                       Day("2023-10-15"), 3));
  CHECK_DATE("2023-10-09", d);
  CHECK_OK(dg_calendar_nth_working_day(&d, NULL, cal, DG_PERIOD_MONTH,
                                       Day("2023-10-15"), -1));
  CHECK_DATE("2023-10-31", d);
  CHECK_OK(dg_calendar_nth_working_day(&d, NULL, cal, DG_PERIOD_MONTH,
                                       Day("2023-09-01"), -1));
  CHECK_DATE("2023-09-28", d);
  CHECK_OK(dg_calendar_nth_working_day(&d, NULL, cal, DG_PERIOD_YEAR,
                                       Day("2023-06-01"), 1));
  CHECK_DATE("2023-01-03", d);
  /* 上旬 of October 2023 has four working days: 10-07..10-10. */
  CHECK_OK(dg_calendar_nth_working_day(&d, NULL, cal, DG_PERIOD_DEKAD,
                                       Day("2023-10-05"), 4));
  CHECK_DATE("2023-10-10", d);
  CHECK_OK(dg_calendar_nth_working_day(&d, NULL, cal, DG_PERIOD_DEKAD,
                                       Day("2023-10-05"), -4));
  CHECK_DATE("2023-10-07", d);
  d = JUNK;
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_nth_working_day(&d, NULL, cal, DG_PERIOD_DEKAD,
                                           Day("2023-10-05"), 5));
  CHECK(d == 0);
  CHECK_MESSAGE_HAS("dg_calendar_nth_working_day: ");
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_nth_working_day(&d, NULL, cal, DG_PERIOD_DEKAD,
                                           Day("2023-10-05"), -5));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_nth_working_day(&d, NULL, cal, DG_PERIOD_MONTH,
                                           Day("2023-10-05"), 0));
  CHECK_STATUS(
      DG_INVALID_ARGUMENT,
      dg_calendar_nth_working_day(&d, NULL, cal, 99, Day("2023-10-05"), 1));
  CHECK_MESSAGE_HAS("kind 99 is not a dg_period_kind");
  dg_calendar_free(cal);
}

/* ------------------------------------------------------------------------ */
/* Calendars: day info and the struct-prefix protocol                        */
/* ------------------------------------------------------------------------ */

static void TestDayInfo(void) {
  dg_calendar *cal = NewCalendar(DG_CALENDAR_STRICT);
  dg_day_info info = DG_DAY_INFO_INIT;
  dg_day_info partial;
  const size_t partial_size = offsetof(dg_day_info, name);

  CHECK(info.struct_size == sizeof(dg_day_info));
  CHECK_OK(dg_calendar_day_info(&info, cal, Day("2023-10-01")));
  CHECK(info.struct_size == sizeof(dg_day_info)); /* never written */
  CHECK_DATE("2023-10-01", info.date);
  CHECK(info.working == 0);
  CHECK(info.kind == DG_DAY_HOLIDAY);
  CHECK(info.provisional == 0);
  CHECK_STREQ("中秋节、国庆节", info.name);
  CHECK(info.name_size == strlen("中秋节、国庆节"));
  CHECK(strstr(info.notice_title, "2023年部分节假日安排") != NULL);
  CHECK(info.notice_title_size == strlen(info.notice_title));
  CHECK(info.notice_url_size > 0);
  CHECK(info.notice_url_size == strlen(info.notice_url));

  CHECK_OK(dg_calendar_day_info(&info, cal, Day("2023-10-07")));
  CHECK(info.working == 1);
  CHECK(info.kind == DG_DAY_MAKEUP_WORKDAY);
  CHECK_STREQ("中秋节、国庆节", info.name);

  CHECK_OK(dg_calendar_day_info(&info, cal, Day("2023-01-28")));
  CHECK(info.working == 1 && info.kind == DG_DAY_MAKEUP_WORKDAY);
  CHECK_STREQ("春节", info.name);

  CHECK_OK(dg_calendar_day_info(&info, cal, Day("2023-06-25")));
  CHECK(info.working == 1 && info.kind == DG_DAY_MAKEUP_WORKDAY);
  CHECK_STREQ("端午节", info.name);

  /* Undeclared days: "" (not NULL) for every string. */
  CHECK_OK(dg_calendar_day_info(&info, cal, Day("2023-03-15")));
  CHECK(info.working == 1 && info.kind == DG_DAY_WORKDAY);
  CHECK_STREQ("", info.name);
  CHECK(info.name_size == 0);
  CHECK_STREQ("", info.notice_title);
  CHECK_STREQ("", info.notice_url);
  CHECK(info.notice_title_size == 0 && info.notice_url_size == 0);
  CHECK_OK(dg_calendar_day_info(&info, cal, Day("2023-03-18")));
  CHECK(info.working == 0 && info.kind == DG_DAY_WEEKEND);

  /* An older caller declaring only the fields before `name`: those are
   * filled, the bytes past its struct_size are not touched. */
  memset(&partial, 0xAB, sizeof partial);
  partial.struct_size = partial_size;
  CHECK_OK(dg_calendar_day_info(&partial, cal, Day("2023-10-01")));
  CHECK(partial.struct_size == partial_size);
  CHECK_DATE("2023-10-01", partial.date);
  CHECK(partial.working == 0 && partial.kind == DG_DAY_HOLIDAY);
  CHECK(partial.provisional == 0);
  {
    unsigned char tail[sizeof(dg_day_info)];
    size_t i;
    memcpy(tail, &partial, sizeof partial);
    for (i = partial_size; i < sizeof partial; ++i) CHECK(tail[i] == 0xAB);
  }

  /* A struct_size that does not even cover `date`. */
  info.struct_size = sizeof(size_t);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_day_info(&info, cal, Day("2023-10-01")));
  CHECK_MESSAGE_HAS("dg_calendar_day_info: info_out->struct_size is");
  CHECK_MESSAGE_HAS("DG_DAY_INFO_INIT");
  info.struct_size = 0;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_day_info(&info, cal, Day("2023-10-01")));

  /* Failures zero the declared fields (struct_size kept). */
  info.struct_size = sizeof info;
  CHECK_OK(dg_calendar_day_info(&info, cal, Day("2023-10-01")));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_day_info(&info, NULL, Day("2023-10-01")));
  CHECK_MESSAGE_HAS("dg_calendar_day_info: cal is NULL");
  CHECK(info.struct_size == sizeof info);
  CHECK(info.date == 0 && info.working == 0 && info.kind == 0 &&
        info.provisional == 0 && info.name == NULL && info.name_size == 0 &&
        info.notice_title == NULL && info.notice_title_size == 0 &&
        info.notice_url == NULL && info.notice_url_size == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_day_info(NULL, cal, Day("2023-10-01")));
  CHECK_MESSAGE_HAS("dg_calendar_day_info: info_out is NULL");
  dg_calendar_free(cal);
}

/* ------------------------------------------------------------------------ */
/* Strict vs provisional, around 2027 (no notice in this release)            */
/* ------------------------------------------------------------------------ */

static void TestStrictAndProvisional(void) {
  dg_calendar *strict = NewCalendar(DG_CALENDAR_STRICT);
  dg_calendar *provisional_cal = NewCalendar(DG_CALENDAR_PROVISIONAL);
  dg_day_info info = DG_DAY_INFO_INIT;
  dg_date d = JUNK;
  int32_t count = JUNK;
  int working = JUNK, provisional = JUNK;

  /* Strict: every operation touching 2027 fails and names the year. */
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_calendar_is_working_day(&working, &provisional, strict,
                                          Day("2027-01-04")));
  CHECK(working == 0 && provisional == 0);
  CHECK_MESSAGE_HAS("dg_calendar_is_working_day: ");
  CHECK_MESSAGE_HAS("2027");
  d = JUNK;
  provisional = JUNK;
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_calendar_add_working_days(&d, &provisional, strict,
                                            Day("2026-12-31"), 1));
  CHECK(d == 0 && provisional == 0);
  CHECK_MESSAGE_HAS("2027");
  CHECK_STATUS(
      DG_FAILED_PRECONDITION,
      dg_calendar_next_working_day(&d, NULL, strict, Day("2026-12-31")));
  CHECK_MESSAGE_HAS("2027");
  CHECK_STATUS(
      DG_FAILED_PRECONDITION,
      dg_calendar_previous_working_day(&d, NULL, strict, Day("2027-01-04")));
  CHECK_MESSAGE_HAS("2027");
  count = JUNK;
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_calendar_working_days_between(
                   &count, NULL, strict, Day("2026-12-01"), Day("2027-01-10")));
  CHECK(count == 0);
  CHECK_MESSAGE_HAS("2027");
  CHECK_STATUS(
      DG_FAILED_PRECONDITION,
      dg_calendar_roll(&d, NULL, strict, Day("2027-01-02"), DG_ROLL_FOLLOWING));
  CHECK_MESSAGE_HAS("2027");
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_calendar_nth_working_day(&d, NULL, strict, DG_PERIOD_MONTH,
                                           Day("2027-01-15"), 1));
  CHECK_MESSAGE_HAS("2027");
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_calendar_day_info(&info, strict, Day("2027-01-04")));
  CHECK_MESSAGE_HAS("2027");
  /* Years before the first notice (2007) too. */
  CHECK_STATUS(
      DG_FAILED_PRECONDITION,
      dg_calendar_is_working_day(&working, NULL, strict, Day("2006-06-01")));
  CHECK_MESSAGE_HAS("2006");
  /* ...but 2026 itself answers. */
  CHECK_OK(dg_calendar_is_working_day(&working, &provisional, strict,
                                      Day("2026-12-31")));
  CHECK(working == 1 && provisional == 0);

  /* Provisional: weekends only in 2027, and flagged. 2027-01-01 is a
   * Friday, 2027-01-02 a Saturday. */
  CHECK_OK(dg_calendar_is_working_day(&working, &provisional, provisional_cal,
                                      Day("2027-01-04")));
  CHECK(working == 1 && provisional == 1);
  CHECK_OK(dg_calendar_is_working_day(&working, &provisional, provisional_cal,
                                      Day("2027-01-02")));
  CHECK(working == 0 && provisional == 1);
  CHECK_OK(dg_calendar_add_working_days(&d, &provisional, provisional_cal,
                                        Day("2026-12-31"), 1));
  CHECK_DATE("2027-01-01", d);
  CHECK(provisional == 1);
  CHECK_OK(dg_calendar_next_working_day(&d, &provisional, provisional_cal,
                                        Day("2027-01-01")));
  CHECK_DATE("2027-01-04", d);
  CHECK(provisional == 1);
  CHECK_OK(dg_calendar_previous_working_day(&d, &provisional, provisional_cal,
                                            Day("2027-01-04")));
  CHECK_DATE("2027-01-01", d);
  CHECK(provisional == 1);
  CHECK_OK(dg_calendar_working_days_between(&count, &provisional,
                                            provisional_cal, Day("2026-12-31"),
                                            Day("2027-01-08")));
  CHECK(count == 6); /* Fri 01-01, Mon 01-04 .. Fri 01-08 */
  CHECK(provisional == 1);
  CHECK_OK(dg_calendar_roll(&d, &provisional, provisional_cal,
                            Day("2027-01-02"), DG_ROLL_FOLLOWING));
  CHECK_DATE("2027-01-04", d);
  CHECK(provisional == 1);
  CHECK_OK(dg_calendar_nth_working_day(&d, &provisional, provisional_cal,
                                       DG_PERIOD_MONTH, Day("2027-01-15"), 1));
  CHECK_DATE("2027-01-01", d);
  CHECK(provisional == 1);
  CHECK_OK(dg_calendar_day_info(&info, provisional_cal, Day("2027-01-04")));
  CHECK(info.working == 1 && info.kind == DG_DAY_WORKDAY);
  CHECK(info.provisional == 1);
  CHECK_STREQ("", info.name);

  /* Provisional mode answers official years without the flag. */
  CHECK_OK(dg_calendar_add_working_days(&d, &provisional, provisional_cal,
                                        Day("2023-09-28"), 1));
  CHECK_DATE("2023-10-07", d);
  CHECK(provisional == 0);
  CHECK_OK(dg_calendar_working_days_between(&count, &provisional,
                                            provisional_cal, Day("2026-01-01"),
                                            Day("2026-12-31")));
  CHECK(provisional == 0);

  dg_calendar_free(strict);
  dg_calendar_free(provisional_cal);
}

/* ------------------------------------------------------------------------ */
/* Out-of-range dates                                                        */
/* ------------------------------------------------------------------------ */

static void CheckOutOfRange(const dg_calendar *cal) {
  const dg_date before = Day("1949-12-31");
  const dg_date after = Day("2150-01-01");
  dg_day_info info = DG_DAY_INFO_INIT;
  dg_date d = JUNK;
  int32_t count = JUNK;
  int working = JUNK, provisional = JUNK;

  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_is_working_day(&working, &provisional, cal, before));
  CHECK(working == 0 && provisional == 0);
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_is_working_day(&working, NULL, cal, after));
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_is_working_day(&working, NULL, cal, INT32_MIN));
  CHECK_MESSAGE_HAS("dg_calendar_is_working_day: date: ");
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_is_working_day(&working, NULL, cal, INT32_MAX));
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_calendar_day_info(&info, cal, before));
  CHECK(info.date == 0 && info.name == NULL);
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_next_working_day(&d, NULL, cal, after));
  CHECK(d == 0);
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_previous_working_day(&d, NULL, cal, before));
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_add_working_days(&d, NULL, cal, after, 1));
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_working_days_between(&count, NULL, cal, before,
                                                Day("2023-01-01")));
  CHECK(count == 0);
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_working_days_between(&count, NULL, cal,
                                                Day("2023-01-01"), INT32_MAX));
  CHECK_MESSAGE_HAS("dg_calendar_working_days_between: to: ");
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_roll(&d, NULL, cal, after, DG_ROLL_FOLLOWING));
  CHECK_STATUS(DG_OUT_OF_RANGE, dg_calendar_nth_working_day(
                                    &d, NULL, cal, DG_PERIOD_MONTH, before, 1));
}

static void TestOutOfRange(void) {
  dg_calendar *strict = NewCalendar(DG_CALENDAR_STRICT);
  dg_calendar *provisional_cal = NewCalendar(DG_CALENDAR_PROVISIONAL);
  dg_date d = JUNK;
  int provisional = JUNK;

  CheckOutOfRange(strict);
  CheckOutOfRange(provisional_cal);

  /* The edges of the domain themselves are answered (provisionally). */
  CHECK_OK(dg_calendar_next_working_day(&d, &provisional, provisional_cal,
                                        Day("2149-12-30")));
  CHECK_DATE("2149-12-31", d); /* a Wednesday */
  CHECK(provisional == 1);
  CHECK_OK(dg_calendar_previous_working_day(&d, &provisional, provisional_cal,
                                            Day("1950-01-03")));
  CHECK_DATE("1950-01-02", d); /* a Monday */
  /* Stepping past them is out of range. */
  d = JUNK;
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_next_working_day(&d, NULL, provisional_cal,
                                            Day("2149-12-31")));
  CHECK(d == 0);
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_add_working_days(&d, NULL, provisional_cal,
                                            Day("2149-12-30"), 5));
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_calendar_previous_working_day(&d, NULL, provisional_cal,
                                                Day("1950-01-02")));
  dg_calendar_free(strict);
  dg_calendar_free(provisional_cal);
}

/* ------------------------------------------------------------------------ */
/* Derived calendars: overlays from text and from files                      */
/* ------------------------------------------------------------------------ */

/* A local holiday on a Wednesday and a duty Saturday in the same week. */
static const char kOverlay[] =
    "# 衡阳市 local adjustments\n"
    "calendar 衡阳市机关值班安排\n"
    "off 2023-03-15 衡阳市地方假\n"
    "work 2023-03-18 值班\n";

static void CheckOverlayApplied(const dg_calendar *derived) {
  dg_day_info info = DG_DAY_INFO_INIT;
  dg_date d = JUNK;
  int32_t count = JUNK;
  int working = JUNK, provisional = JUNK;

  CHECK_OK(dg_calendar_is_working_day(&working, &provisional, derived,
                                      Day("2023-03-15")));
  CHECK(working == 0 && provisional == 0);
  CHECK_OK(dg_calendar_day_info(&info, derived, Day("2023-03-15")));
  CHECK(info.kind == DG_DAY_HOLIDAY);
  CHECK_STREQ("衡阳市地方假", info.name);
  CHECK_STREQ("", info.notice_title); /* a local adjustment: no notice */
  CHECK_OK(dg_calendar_day_info(&info, derived, Day("2023-03-18")));
  CHECK(info.working == 1 && info.kind == DG_DAY_MAKEUP_WORKDAY);
  CHECK_STREQ("值班", info.name);

  CHECK_OK(
      dg_calendar_add_working_days(&d, NULL, derived, Day("2023-03-14"), 1));
  CHECK_DATE("2023-03-16", d);
  CHECK_OK(dg_calendar_next_working_day(&d, NULL, derived, Day("2023-03-17")));
  CHECK_DATE("2023-03-18", d);
  /* Mon 13, Tue 14, Thu 16, Fri 17, Sat 18. */
  CHECK_OK(dg_calendar_working_days_between(
      &count, NULL, derived, Day("2023-03-12"), Day("2023-03-19")));
  CHECK(count == 5);
  /* The official days underneath are still there. */
  CHECK_OK(
      dg_calendar_add_working_days(&d, NULL, derived, Day("2023-09-28"), 1));
  CHECK_DATE("2023-10-07", d);
}

static void TestDeriveText(void) {
  dg_calendar *base = NewCalendar(DG_CALENDAR_STRICT);
  dg_calendar *derived = (dg_calendar *)&base;
  dg_calendar *next_year = NULL;
  int working = JUNK, official = JUNK;
  dg_day_info info = DG_DAY_INFO_INIT;
  static const char kNotice2027[] =
      "notice 2027 - 2027年部分节假日安排（本地预发布）\n"
      "off 2027-01-01 元旦\n";
  static const char kSyntaxError[] =
      "off 2023-03-15 衡阳市地方假\n"
      "holiday 2023-03-16 no such keyword\n";
  static const char kBadDate[] =
      "work 2023-03-18 值班\n"
      "\n"
      "off 2023-02-30 不存在的日子\n";

  CHECK_OK(dg_calendar_derive_text(&derived, base, kOverlay, strlen(kOverlay)));
  CHECK(derived != NULL && derived != base);
  CheckOverlayApplied(derived);
  /* The base is unchanged. */
  CHECK(IsWorking(base, "2023-03-15") == 1);
  CHECK(IsWorking(base, "2023-03-18") == 0);
  /* The mode is kept: still strict about 2027. */
  CHECK_STATUS(
      DG_FAILED_PRECONDITION,
      dg_calendar_is_working_day(&working, NULL, derived, Day("2027-01-04")));
  dg_calendar_free(derived);

  /* A notice makes its year official. */
  CHECK_OK(dg_calendar_derive_text(&next_year, base, kNotice2027,
                                   strlen(kNotice2027)));
  CHECK_OK(dg_calendar_is_official_year(&official, next_year, 2027));
  CHECK(official == 1);
  CHECK(IsWorking(next_year, "2027-01-01") == 0);
  CHECK(IsWorking(next_year, "2027-01-04") == 1);
  CHECK_OK(dg_calendar_day_info(&info, next_year, Day("2027-01-01")));
  CHECK(info.kind == DG_DAY_HOLIDAY && info.provisional == 0);
  CHECK_STREQ("元旦", info.name);
  CHECK_STREQ("2027年部分节假日安排（本地预发布）", info.notice_title);
  CHECK_STREQ("", info.notice_url); /* "-" means no address */
  dg_calendar_free(next_year);

  /* (NULL, 0) is an empty overlay: the same answers as the base. */
  CHECK_OK(dg_calendar_derive_text(&derived, base, NULL, 0));
  CHECK(IsWorking(derived, "2023-03-15") == 1);
  dg_calendar_free(derived);

  /* Errors name the line. */
  derived = (dg_calendar *)&base;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_text(&derived, base, kSyntaxError,
                                       strlen(kSyntaxError)));
  CHECK(derived == NULL);
  CHECK_MESSAGE_HAS("dg_calendar_derive_text: <text>:2: ");
  CHECK_MESSAGE_HAS("holiday");
  CHECK_STATUS(
      DG_INVALID_ARGUMENT,
      dg_calendar_derive_text(&derived, base, kBadDate, strlen(kBadDate)));
  CHECK_MESSAGE_HAS("<text>:3: ");
  CHECK_MESSAGE_HAS("2023-02-30");

  /* Invalid UTF-8 anywhere in the text. */
  derived = (dg_calendar *)&base;
  CHECK_STATUS(
      DG_INVALID_ARGUMENT,
      dg_calendar_derive_text(&derived, base, "off 2023-03-15 \xe8\xa1\n", 18));
  CHECK(derived == NULL);
  CHECK_MESSAGE_HAS("dg_calendar_derive_text: ");
  CHECK_MESSAGE_HAS("UTF-8");

  /* NULL arguments. */
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_text(&derived, base, NULL, 4));
  CHECK_MESSAGE_HAS("text is NULL but its length is 4");
  derived = (dg_calendar *)&base;
  CHECK_STATUS(
      DG_INVALID_ARGUMENT,
      dg_calendar_derive_text(&derived, NULL, kOverlay, strlen(kOverlay)));
  CHECK(derived == NULL);
  CHECK_MESSAGE_HAS("dg_calendar_derive_text: base is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_text(NULL, base, kOverlay, strlen(kOverlay)));
  CHECK_MESSAGE_HAS("dg_calendar_derive_text: out is NULL");
  dg_calendar_free(base);
}

static void TestDeriveFile(void) {
  static const char kPath[] = "calendar_c_test_overlay.txt";
  static const char kMissing[] = "no_such_dir/no_such_overlay.txt";
  static const char kPathWithNul[] = "calendar_c_test_overlay.txt\0.evil";
  dg_calendar *base = NewCalendar(DG_CALENDAR_STRICT);
  dg_calendar *derived = (dg_calendar *)&base;
  FILE *file = fopen(kPath, "wb");

  CHECK(file != NULL);
  CHECK(fwrite(kOverlay, 1, strlen(kOverlay), file) == strlen(kOverlay));
  CHECK(fclose(file) == 0);

  CHECK_OK(dg_calendar_derive_file(&derived, base, kPath, strlen(kPath)));
  CHECK(derived != NULL);
  CheckOverlayApplied(derived);
  dg_calendar_free(derived);

  derived = (dg_calendar *)&base;
  CHECK_STATUS(DG_NOT_FOUND, dg_calendar_derive_file(&derived, base, kMissing,
                                                     strlen(kMissing)));
  CHECK(derived == NULL);
  CHECK_MESSAGE_HAS("dg_calendar_derive_file: ");
  CHECK_MESSAGE_HAS(kMissing);

  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_file(&derived, base, kPathWithNul,
                                       sizeof kPathWithNul - 1));
  CHECK_MESSAGE_HAS("NUL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_file(&derived, base, "bad\xff.txt", 8));
  CHECK_MESSAGE_HAS("UTF-8");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_file(&derived, base, NULL, 0));
  CHECK_MESSAGE_HAS("path is empty");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_file(&derived, base, NULL, 3));
  CHECK_MESSAGE_HAS("path is NULL but its length is 3");
  derived = (dg_calendar *)&base;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_file(&derived, NULL, kPath, strlen(kPath)));
  CHECK(derived == NULL);
  CHECK_MESSAGE_HAS("dg_calendar_derive_file: base is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_file(NULL, base, kPath, strlen(kPath)));
  CHECK_MESSAGE_HAS("dg_calendar_derive_file: out is NULL");

  /* A file with a syntax error names the file and the line. */
  file = fopen(kPath, "wb");
  CHECK(file != NULL);
  CHECK(fputs("off 2023-03-15 衡阳市地方假\nwork 2023-03-18..2023-03-17\n",
              file) >= 0);
  CHECK(fclose(file) == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_file(&derived, base, kPath, strlen(kPath)));
  CHECK_MESSAGE_HAS(":2: ");
  CHECK(remove(kPath) == 0);
  dg_calendar_free(base);
}

/* ------------------------------------------------------------------------ */
/* NULL handles and out-params, for every day operation                      */
/* ------------------------------------------------------------------------ */

static void TestNullHandlesAndOutParams(void) {
  dg_calendar *cal = NewCalendar(DG_CALENDAR_STRICT);
  const dg_date day = Day("2023-10-01");
  dg_date d = JUNK;
  int32_t count = JUNK;
  int working = JUNK, provisional = JUNK;

  /* NULL cal: DG_INVALID_ARGUMENT, the message names it, outs zeroed. */
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_is_working_day(&working, &provisional, NULL, day));
  CHECK(working == 0 && provisional == 0);
  CHECK_MESSAGE_HAS("dg_calendar_is_working_day: cal is NULL");
  d = JUNK;
  provisional = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_next_working_day(&d, &provisional, NULL, day));
  CHECK(d == 0 && provisional == 0);
  CHECK_MESSAGE_HAS("dg_calendar_next_working_day: cal is NULL");
  d = JUNK;
  provisional = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_previous_working_day(&d, &provisional, NULL, day));
  CHECK(d == 0 && provisional == 0);
  CHECK_MESSAGE_HAS("dg_calendar_previous_working_day: cal is NULL");
  d = JUNK;
  provisional = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_add_working_days(&d, &provisional, NULL, day, 1));
  CHECK(d == 0 && provisional == 0);
  CHECK_MESSAGE_HAS("dg_calendar_add_working_days: cal is NULL");
  count = JUNK;
  provisional = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_working_days_between(&count, &provisional, NULL, day,
                                                day + 7));
  CHECK(count == 0 && provisional == 0);
  CHECK_MESSAGE_HAS("dg_calendar_working_days_between: cal is NULL");
  d = JUNK;
  provisional = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_calendar_roll(&d, &provisional, NULL,
                                                     day, DG_ROLL_FOLLOWING));
  CHECK(d == 0 && provisional == 0);
  CHECK_MESSAGE_HAS("dg_calendar_roll: cal is NULL");
  d = JUNK;
  provisional = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_nth_working_day(&d, &provisional, NULL,
                                           DG_PERIOD_MONTH, day, 1));
  CHECK(d == 0 && provisional == 0);
  CHECK_MESSAGE_HAS("dg_calendar_nth_working_day: cal is NULL");

  /* NULL required out-param: named, and the optional one still zeroed. */
  provisional = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_is_working_day(NULL, &provisional, cal, day));
  CHECK(provisional == 0);
  CHECK_MESSAGE_HAS("dg_calendar_is_working_day: working_out is NULL");
  provisional = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_next_working_day(NULL, &provisional, cal, day));
  CHECK(provisional == 0);
  CHECK_MESSAGE_HAS("dg_calendar_next_working_day: out is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_previous_working_day(NULL, NULL, cal, day));
  CHECK_MESSAGE_HAS("dg_calendar_previous_working_day: out is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_add_working_days(NULL, NULL, cal, day, 1));
  CHECK_MESSAGE_HAS("dg_calendar_add_working_days: out is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_working_days_between(NULL, NULL, cal, day, day));
  CHECK_MESSAGE_HAS("dg_calendar_working_days_between: count_out is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_roll(NULL, NULL, cal, day, DG_ROLL_FOLLOWING));
  CHECK_MESSAGE_HAS("dg_calendar_roll: out is NULL");
  CHECK_STATUS(
      DG_INVALID_ARGUMENT,
      dg_calendar_nth_working_day(NULL, NULL, cal, DG_PERIOD_MONTH, day, 1));
  CHECK_MESSAGE_HAS("dg_calendar_nth_working_day: out is NULL");

  /* Every _free accepts NULL. */
  dg_calendar_free(NULL);
  dg_string_free(NULL);
  dg_calendar_free(cal);
}

int main(void) {
  TestLastError(); /* first: it checks the initial "" message */
  TestVersions();
  TestStatusNames();
  TestDateFromYmdAndToYmd();
  TestDateParse();
  TestDateFormat();
  TestPeriods();
  TestCalendarConstruction();
  TestOfficialYears();
  TestWorkingDays2023();
  TestDayArithmetic2023();
  TestDayInfo();
  TestStrictAndProvisional();
  TestOutOfRange();
  TestDeriveText();
  TestDeriveFile();
  TestNullHandlesAndOutParams();
  printf("calendar_c_test: %ld checks passed\n", g_checks);
  return 0;
}
