/* tests/capi/calendar_limits_c_test.c — dg_calendar_derive_text_v2() and
 * dg_calendar_derive_file_v2() with dg_calendar_derive_options, from pure C.
 *
 * The defaults refuse what is past a limit (DG_RESOURCE_EXHAUSTED naming the
 * limit, its value and the line); raising the limit admits the same text and
 * the derived calendar answers from it; lowering it refuses a small real
 * overlay; a bad struct_size or a zero/negative limit is DG_INVALID_ARGUMENT
 * naming the field, with nothing returned.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutygraph/dg.h"
#include "test_util.h"

static const char kOverlay[] = "off 2023-03-15 地方纪念日\n";

static dg_calendar *Strict(void) {
  dg_calendar *cal = NULL;
  CHECK_OK(dg_calendar_china_mainland(&cal, NULL));
  return cal;
}

static int IsWorking(const dg_calendar *cal, const char *iso) {
  int working = -1;
  CHECK_OK(dg_calendar_is_working_day(&working, NULL, cal, Day(iso)));
  return working;
}

/* Calendar text declaring exactly `n` days: whole-year `work` ranges, each
 * under its own notice, cycling through 1951..2149, the last one cut short.
 * Every day of 2023 comes out working. Caller-owned (free()). */
static char *DeclaringDays(long n, size_t *size_out) {
  size_t capacity = 1 << 20, size = 0;
  char *text = (char *)malloc(capacity);
  int year = 1951;
  CHECK(text != NULL);
  while (n > 0) {
    dg_date first = 0, last = 0;
    char first_iso[11], last_iso[11];
    long in_year = 0, take = 0;
    int written = 0;
    CHECK_OK(dg_date_from_ymd(&first, year, 1, 1));
    CHECK_OK(dg_date_from_ymd(&last, year, 12, 31));
    in_year = (long)(last - first) + 1;
    take = n < in_year ? n : in_year;
    last = first + (dg_date)(take - 1);
    CHECK_OK(dg_date_format(first_iso, sizeof first_iso, first));
    CHECK_OK(dg_date_format(last_iso, sizeof last_iso, last));
    if (capacity - size < 128) {
      capacity *= 2;
      text = (char *)realloc(text, capacity);
      CHECK(text != NULL);
    }
    written = snprintf(text + size, capacity - size,
                       "notice %d - n\nwork %s..%s x\n", year, first_iso,
                       last_iso);
    CHECK(written > 0 && (size_t)written < capacity - size);
    size += (size_t)written;
    n -= take;
    year = year == 2149 ? 1951 : year + 1;
  }
  *size_out = size;
  return text;
}

static void TestDefaultsMatchTheOldFunctions(void) {
  const dg_calendar_derive_options defaults = DG_CALENDAR_DERIVE_OPTIONS_INIT;
  dg_calendar *base = Strict();
  dg_calendar *derived = NULL;
  CHECK(defaults.struct_size == sizeof(dg_calendar_derive_options));
  CHECK(defaults.max_bytes == 16u * 1024 * 1024);
  CHECK(defaults.max_declared_days == 100000);
  CHECK(defaults.max_name_bytes == 1024);
  CHECK(defaults.max_total_declared_days == 1048576);
  CHECK(defaults.max_layers == 64);
  /* NULL options are the defaults. */
  CHECK_OK(dg_calendar_derive_text_v2(&derived, base, kOverlay,
                                      strlen(kOverlay), NULL));
  CHECK(IsWorking(derived, "2023-03-15") == 0);
  dg_calendar_free(derived);
  CHECK_OK(dg_calendar_derive_text_v2(&derived, base, kOverlay,
                                      strlen(kOverlay), &defaults));
  CHECK(IsWorking(derived, "2023-03-15") == 0);
  dg_calendar_free(derived);
  dg_calendar_free(base);
}

static void TestDeclaredDays(void) {
  dg_calendar_derive_options raised = DG_CALENDAR_DERIVE_OPTIONS_INIT;
  dg_calendar *base = Strict();
  dg_calendar *derived = (dg_calendar *)&base;
  dg_day_info info = DG_DAY_INFO_INIT;
  size_t size = 0;
  char *text = DeclaringDays(100001, &size);

  /* The old function and NULL options refuse it, naming the limit. */
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED,
               dg_calendar_derive_text(&derived, base, text, size));
  CHECK(derived == NULL);
  CHECK_MESSAGE_HAS("declares more than 100000 days; the limit is 100000 "
                    "(max_declared_days)");
  CHECK_MESSAGE_HAS("<text>:");
  derived = (dg_calendar *)&base;
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED,
               dg_calendar_derive_text_v2(&derived, base, text, size, NULL));
  CHECK(derived == NULL);

  raised.max_declared_days = 100001;
  CHECK_OK(dg_calendar_derive_text_v2(&derived, base, text, size, &raised));
  /* 2023-10-01 is 国庆节 (off) in the built-in data; the text works it. */
  CHECK(IsWorking(base, "2023-10-01") == 0);
  CHECK(IsWorking(derived, "2023-10-01") == 1);
  CHECK_OK(dg_calendar_day_info(&info, derived, Day("2023-10-01")));
  CHECK_STREQ("x", info.name);
  CHECK(info.kind == DG_DAY_MAKEUP_WORKDAY);
  dg_calendar_free(derived);
  free(text);
  dg_calendar_free(base);
}

static void TestBytes(void) {
  static const char kPath[] = "calendar_limits_c_test_overlay.txt";
  dg_calendar_derive_options lowered = DG_CALENDAR_DERIVE_OPTIONS_INIT;
  dg_calendar_derive_options raised = DG_CALENDAR_DERIVE_OPTIONS_INIT;
  dg_calendar *base = Strict();
  dg_calendar *derived = (dg_calendar *)&base;
  const size_t big_size = strlen(kOverlay) + 1 + (16u << 20) + 1;
  char *big = (char *)malloc(big_size);
  FILE *file = NULL;
  char expected[128];

  /* Text: over 16 MiB by default, admitted when raised. */
  CHECK(big != NULL);
  memcpy(big, kOverlay, strlen(kOverlay));
  big[strlen(kOverlay)] = '#';
  memset(big + strlen(kOverlay) + 1, 'x', 16u << 20);
  big[big_size - 1] = '\n';
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED,
               dg_calendar_derive_text(&derived, base, big, big_size));
  CHECK(derived == NULL);
  snprintf(expected, sizeof expected,
           "<text>: calendar text is %lu bytes; the limit is 16777216 "
           "(max_bytes)",
           (unsigned long)big_size);
  CHECK_MESSAGE_HAS(expected);
  raised.max_bytes = 32u << 20;
  CHECK_OK(dg_calendar_derive_text_v2(&derived, base, big, big_size, &raised));
  CHECK(IsWorking(derived, "2023-03-15") == 0);
  dg_calendar_free(derived);
  free(big);

  /* Lowered: a small real file is refused before it is read. */
  file = fopen(kPath, "wb");
  CHECK(file != NULL);
  CHECK(fwrite(kOverlay, 1, strlen(kOverlay), file) == strlen(kOverlay));
  CHECK(fclose(file) == 0);
  lowered.max_bytes = 10;
  derived = (dg_calendar *)&base;
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED,
               dg_calendar_derive_file_v2(&derived, base, kPath, strlen(kPath),
                                          &lowered));
  CHECK(derived == NULL);
  snprintf(expected, sizeof expected,
           "calendar file '%s' is %lu bytes; the limit is 10 (max_bytes)",
           kPath, (unsigned long)strlen(kOverlay));
  CHECK_MESSAGE_HAS(expected);
  CHECK_MESSAGE_HAS("dg_calendar_derive_file_v2: ");
  /* The same text, too: the parser checks the size as well. */
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED,
               dg_calendar_derive_text_v2(&derived, base, kOverlay,
                                          strlen(kOverlay), &lowered));
  CHECK_MESSAGE_HAS("the limit is 10 (max_bytes)");
  /* The defaults (NULL, or the old function) admit the file. */
  CHECK_OK(dg_calendar_derive_file_v2(&derived, base, kPath, strlen(kPath),
                                      NULL));
  CHECK(IsWorking(derived, "2023-03-15") == 0);
  dg_calendar_free(derived);
  remove(kPath);
  dg_calendar_free(base);
}

static void TestNamesTotalsAndLayers(void) {
  dg_calendar_derive_options lowered = DG_CALENDAR_DERIVE_OPTIONS_INIT;
  dg_calendar *base = Strict();
  dg_calendar *derived = (dg_calendar *)&base;
  dg_calendar *next = NULL;

  lowered.max_name_bytes = 3; /* 地方纪念日 is 15 bytes */
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED,
               dg_calendar_derive_text_v2(&derived, base, kOverlay,
                                          strlen(kOverlay), &lowered));
  CHECK(derived == NULL);
  CHECK_MESSAGE_HAS("<text>:1: the day's name is 15 bytes; the limit is 3 "
                    "(max_name_bytes)");

  lowered = (dg_calendar_derive_options)DG_CALENDAR_DERIVE_OPTIONS_INIT;
  lowered.max_total_declared_days = 1; /* the built-in data has hundreds */
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED,
               dg_calendar_derive_text_v2(&derived, base, kOverlay,
                                          strlen(kOverlay), &lowered));
  CHECK_MESSAGE_HAS("<text>:1: the derived calendar would declare");
  CHECK_MESSAGE_HAS("the limit is 1 (max_total_declared_days)");

  /* Layers: the built-in data is one; max_layers 2 admits one derivation. */
  lowered = (dg_calendar_derive_options)DG_CALENDAR_DERIVE_OPTIONS_INIT;
  lowered.max_layers = 2;
  CHECK_OK(dg_calendar_derive_text_v2(&derived, base, kOverlay,
                                      strlen(kOverlay), &lowered));
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED,
               dg_calendar_derive_text_v2(&next, derived, "work 2023-03-18\n",
                                          16, &lowered));
  CHECK(next == NULL);
  CHECK_MESSAGE_HAS("<text>: the derived calendar would have 3 layers (the "
                    "built-in data is the first); the limit is 2 "
                    "(max_layers)");
  /* Nothing changed: the first derivation still answers. */
  CHECK(IsWorking(derived, "2023-03-15") == 0);
  CHECK(IsWorking(derived, "2023-03-18") == 0); /* a Saturday */
  CHECK_OK(dg_calendar_derive_text_v2(&next, derived, "work 2023-03-18\n", 16,
                                      NULL));
  CHECK(IsWorking(next, "2023-03-18") == 1);
  dg_calendar_free(next);
  dg_calendar_free(derived);
  dg_calendar_free(base);
}

static void TestBadOptions(void) {
  dg_calendar_derive_options opts = DG_CALENDAR_DERIVE_OPTIONS_INIT;
  dg_calendar *base = Strict();
  dg_calendar *derived = (dg_calendar *)&base;

  opts.struct_size = sizeof(size_t);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_text_v2(&derived, base, kOverlay,
                                          strlen(kOverlay), &opts));
  CHECK(derived == NULL);
  CHECK_MESSAGE_HAS("dg_calendar_derive_text_v2: opts->struct_size is 8, too "
                    "small for dg_calendar_derive_options");
  CHECK_MESSAGE_HAS("DG_CALENDAR_DERIVE_OPTIONS_INIT");

  opts = (dg_calendar_derive_options)DG_CALENDAR_DERIVE_OPTIONS_INIT;
  opts.max_bytes = 0;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_file_v2(&derived, base, "x.txt", 5, &opts));
  CHECK_MESSAGE_HAS("opts->max_bytes is 0; it must be at least 1");
  opts = (dg_calendar_derive_options)DG_CALENDAR_DERIVE_OPTIONS_INIT;
  opts.max_declared_days = 0;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_text_v2(&derived, base, "", 0, &opts));
  CHECK_MESSAGE_HAS("opts->max_declared_days is 0");
  opts = (dg_calendar_derive_options)DG_CALENDAR_DERIVE_OPTIONS_INIT;
  opts.max_name_bytes = 0;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_text_v2(&derived, base, "", 0, &opts));
  CHECK_MESSAGE_HAS("opts->max_name_bytes is 0");
  opts = (dg_calendar_derive_options)DG_CALENDAR_DERIVE_OPTIONS_INIT;
  opts.max_total_declared_days = 0;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_text_v2(&derived, base, "", 0, &opts));
  CHECK_MESSAGE_HAS("opts->max_total_declared_days is 0");
  opts = (dg_calendar_derive_options)DG_CALENDAR_DERIVE_OPTIONS_INIT;
  opts.max_layers = -5;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_text_v2(&derived, base, "", 0, &opts));
  CHECK(derived == NULL);
  CHECK_MESSAGE_HAS("opts->max_layers is -5; it must be at least 1");

  /* An older caller's shorter struct: the fields past it keep defaults. */
  opts = (dg_calendar_derive_options)DG_CALENDAR_DERIVE_OPTIONS_INIT;
  opts.struct_size = offsetof(dg_calendar_derive_options, max_declared_days);
  opts.max_declared_days = 0; /* not read */
  opts.max_layers = 0;        /* not read */
  CHECK_OK(dg_calendar_derive_text_v2(&derived, base, kOverlay,
                                      strlen(kOverlay), &opts));
  CHECK(IsWorking(derived, "2023-03-15") == 0);
  dg_calendar_free(derived);

  /* Argument checks come as in dg_calendar_derive_text(). */
  derived = (dg_calendar *)&base;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_text_v2(&derived, NULL, "", 0, NULL));
  CHECK(derived == NULL);
  CHECK_MESSAGE_HAS("base is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_calendar_derive_file_v2(NULL, base, "x.txt", 5, NULL));
  CHECK_MESSAGE_HAS("out is NULL");
  dg_calendar_free(base);
}

int main(void) {
  TestDefaultsMatchTheOldFunctions();
  TestDeclaredDays();
  TestBytes();
  TestNamesTotalsAndLayers();
  TestBadOptions();
  printf("calendar_limits_c_test: %ld checks passed\n", g_checks);
  return 0;
}
