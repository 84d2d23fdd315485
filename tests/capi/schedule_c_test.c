/* tests/capi/schedule_c_test.c — the schedule part of the C API from pure C99.
 *
 * Facts worked by hand from the 2023 official calendar (中秋节、国庆节
 * 09-29..10-06 off, Saturday 10-07 and Sunday 10-08 worked) and from the
 * plans themselves:
 *   - examples/hengyang-2023/plan.json: 11 专班 own c_dekad_briefing (2nd
 *     working day after each 旬), c_monthly_circular (5th after each month)
 *     and c_quarterly_summary (10th after each quarter). Between the issue
 *     date 2023-03-03 and 2023-12-31 that is, per 专班, 29 briefings (3月上旬
 *     .. 12月中旬; 2月下旬 is due 03-02, 12月下旬 in January), 10 circulars
 *     (February .. November) and 3 summaries (Q1..Q3). fgw hosts only
 *     g_growth's office; yjj hosts g_risk_weather's and g_safety's.
 *     The 9月下旬 briefing is due 2023-10-08; the September circular
 *     2023-10-11, moved to 10-12 by a local day off on Monday 10-09.
 *   - tests/data/small_plan.json: t_hidden_debt (task 2) is due 年底前 =
 *     2023-12-31 (a Sunday, not rolled), reminded 3 working days before:
 *     12-27. It precedes t_warning (task 3): with 2 and 3 working days from
 *     Thursday 2023-09-28, t_hidden_debt occupies 09-28 and 10-07, t_warning
 *     10-08, 10-09, 10-10; the project lasts 5 working days.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutygraph/dg.h"
#include "test_util.h"

#ifndef DG_SMALL_PLAN_JSON
#error "DG_SMALL_PLAN_JSON must name tests/data/small_plan.json"
#endif
#ifndef DG_HENGYANG_PLAN_JSON
#error "DG_HENGYANG_PLAN_JSON must name examples/hengyang-2023/plan.json"
#endif

#define JUNK ((char *)0x5A5A5A5A)

enum { kHengyangFgw = 17 };
enum { kSmallTaskCount = 5, kHiddenDebt = 2, kWarning = 3 };

static dg_plan *Load(const char *path) {
  dg_plan *plan = NULL;
  CHECK_OK(dg_plan_load_file(&plan, NULL, path, strlen(path)));
  CHECK(plan != NULL);
  return plan;
}

/* Non-overlapping occurrences of `needle` in `text`. */
static size_t CountOf(const char *text, const char *needle) {
  size_t count = 0;
  const size_t step = strlen(needle);
  const char *at = text;
  while ((at = strstr(at, needle)) != NULL) {
    ++count;
    at += step;
  }
  return count;
}

static int StartsWith(const char *text, const char *prefix) {
  return strncmp(text, prefix, strlen(prefix)) == 0;
}

#define CHECK_HAS(text, needle) CHECK(strstr((text), (needle)) != NULL)
#define CHECK_LACKS(text, needle) CHECK(strstr((text), (needle)) == NULL)

/* A failed call leaves *out NULL and *size_out 0. */
#define CHECK_ZEROED(text, size) CHECK((text) == NULL && (size) == 0)

static void TestScheduleCounts(const dg_plan *plan, const dg_calendar *cal) {
  char *text = JUNK;
  size_t size = 1;
  size_t groups;
  /* NULL options: JSON, every cadence, no deadlines. */
  CHECK_OK(dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                            Day("2023-12-31"), NULL));
  CHECK(text != NULL && size == strlen(text));
  CHECK(StartsWith(text, "{\"occurrences\":["));
  CHECK_HAS(text, "],\"deadlines\":[]}");
  groups = CountOf(text, "\"cadence\":{\"id\":\"c_dekad_briefing\"") / 29;
  CHECK(groups == 11);
  CHECK(CountOf(text, "\"cadence\":{\"id\":\"c_dekad_briefing\"") == 11 * 29);
  CHECK(CountOf(text, "\"cadence\":{\"id\":\"c_monthly_circular\"") ==
        11 * 10);
  CHECK(CountOf(text, "\"cadence\":{\"id\":\"c_quarterly_summary\"") ==
        11 * 3);
  /* Each 专班 has its own occurrences. */
  CHECK(CountOf(text, "\"kind\":\"briefing\",\"period\":{\"kind\":\"dekad\","
                      "\"label\":\"2023年9月下旬\"") == 11);
  dg_string_free(text);
}

static void TestScheduleFilters(const dg_plan *plan, const dg_calendar *cal) {
  const char *briefing[] = {"c_dekad_briefing"};
  const char *unknown[] = {"c_dekad_briefing", "c_no_such"};
  const char *null_id[] = {NULL};
  const char bad_utf8_id[] = {'c', (char)0xFF, 0};
  const char *bad_utf8[] = {bad_utf8_id};
  dg_schedule_options opts = DG_SCHEDULE_OPTIONS_INIT;
  char *text = JUNK;
  size_t size = 1;

  /* The 9月下旬 briefing: Saturday 09-30 ends the 旬; the 2nd working day
   * after it is Sunday 10-08 (10-07 is the first). The 9月中旬 one: 09-22. */
  opts.cadence_ids = briefing;
  opts.cadence_id_count = 1;
  CHECK_OK(dg_plan_schedule(&text, &size, plan, cal, Day("2023-09-21"),
                            Day("2023-10-31"), &opts));
  CHECK(StartsWith(text, "{\"occurrences\":[{\"due\":\"2023-09-22\""));
  CHECK(CountOf(text, "{\"due\":\"2023-10-08\",\"cadence\":{\"id\":"
                      "\"c_dekad_briefing\"") == 11);
  CHECK_HAS(text, "\"label\":\"2023年9月下旬\",\"start\":\"2023-09-21\","
                  "\"end\":\"2023-09-30\"");
  CHECK_LACKS(text, "c_monthly_circular");
  dg_string_free(text);

  /* Unit filter: fgw owns one 专班's briefings, yjj two. */
  opts.has_unit = 1;
  opts.unit = kHengyangFgw;
  CHECK_OK(dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                            Day("2023-12-31"), &opts));
  CHECK(CountOf(text, "\"cadence\":{\"id\":\"c_dekad_briefing\"") == 29);
  CHECK(CountOf(text, "\"group\":{\"id\":\"g_growth\"") == 29);
  dg_string_free(text);
  {
    uint32_t yjj = 0;
    CHECK_OK(dg_plan_find(&yjj, plan, DG_RECORD_UNIT, "yjj", 3));
    opts.unit = yjj;
    CHECK_OK(dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                              Day("2023-12-31"), &opts));
    CHECK(CountOf(text, "\"cadence\":{\"id\":\"c_dekad_briefing\"") == 58);
    CHECK(CountOf(text, "\"group\":{\"id\":\"g_safety\"") == 29);
    CHECK(CountOf(text, "\"group\":{\"id\":\"g_risk_weather\"") == 29);
    dg_string_free(text);
  }
  opts.has_unit = 0;

  /* CSV: a header row and one line per occurrence. */
  opts.format = DG_FORMAT_CSV;
  CHECK_OK(dg_plan_schedule(&text, &size, plan, cal, Day("2023-10-01"),
                            Day("2023-10-10"), &opts));
  CHECK(StartsWith(text, "due,cadence_id,cadence_name,kind,"));
  CHECK(CountOf(text, "\n2023-10-08,c_dekad_briefing,") == 11);
  CHECK(CountOf(text, "\n") == 1 + 11);
  dg_string_free(text);

  /* ICS: one VEVENT per occurrence, CRLF line ends. */
  opts.format = DG_FORMAT_ICS;
  CHECK_OK(dg_plan_schedule(&text, &size, plan, cal, Day("2023-10-01"),
                            Day("2023-10-10"), &opts));
  CHECK(StartsWith(text, "BEGIN:VCALENDAR\r\n"));
  CHECK(CountOf(text, "BEGIN:VEVENT\r\n") == 11);
  CHECK(CountOf(text, "DTSTART;VALUE=DATE:20231008") == 11);
  CHECK_HAS(text, "END:VCALENDAR\r\n");
  dg_string_free(text);

  /* Errors. */
  opts.format = DG_FORMAT_JSON;
  opts.cadence_ids = unknown;
  opts.cadence_id_count = 2;
  text = JUNK;
  size = 1;
  CHECK_STATUS(DG_NOT_FOUND,
               dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                                Day("2023-12-31"), &opts));
  CHECK_MESSAGE_HAS("dg_plan_schedule: ");
  CHECK_MESSAGE_HAS("c_no_such");
  CHECK_ZEROED(text, size);

  opts.cadence_ids = NULL;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                                Day("2023-12-31"), &opts));
  CHECK_MESSAGE_HAS("opts->cadence_ids is NULL");
  opts.cadence_ids = null_id;
  opts.cadence_id_count = 1;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                                Day("2023-12-31"), &opts));
  CHECK_MESSAGE_HAS("opts->cadence_ids[0] is NULL");
  opts.cadence_ids = bad_utf8;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                                Day("2023-12-31"), &opts));
  CHECK_MESSAGE_HAS("opts->cadence_ids[0]");
  opts.cadence_id_count = 0;

  opts.format = 3;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                                Day("2023-12-31"), &opts));
  CHECK_MESSAGE_HAS("opts->format 3 is not a dg_schedule_format");
  opts.format = DG_FORMAT_CSV;
  opts.include_deadlines = 1;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                                Day("2023-12-31"), &opts));
  CHECK_MESSAGE_HAS("include_deadlines");
  opts.format = DG_FORMAT_JSON;
  opts.include_deadlines = 2;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                                Day("2023-12-31"), &opts));
  opts.include_deadlines = 0;
  opts.has_unit = 1;
  opts.unit = 100000;
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                                Day("2023-12-31"), &opts));
  CHECK_MESSAGE_HAS("opts->unit 100000 is out of range");
  opts.has_unit = 0;
  opts.reminder_working_days = -1;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                                Day("2023-12-31"), &opts));
  CHECK_MESSAGE_HAS("reminder_working_days is -1");
  opts.reminder_working_days = 3;

  opts.struct_size = sizeof(size_t);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                                Day("2023-12-31"), &opts));
  CHECK_MESSAGE_HAS("DG_SCHEDULE_OPTIONS_INIT");
  CHECK_ZEROED(text, size);

  /* A prefix that stops before has_unit: the rest takes its defaults (a
   * garbage unit filter past struct_size is never read). */
  opts.struct_size = offsetof(dg_schedule_options, has_unit);
  opts.has_unit = 1;
  opts.unit = 100000;
  opts.cadence_ids = briefing;
  opts.cadence_id_count = 1;
  CHECK_OK(dg_plan_schedule(&text, &size, plan, cal, Day("2023-10-01"),
                            Day("2023-10-10"), &opts));
  CHECK(CountOf(text, "\"due\":") > 11); /* not filtered to briefings */
  dg_string_free(text);
}

static void TestScheduleArguments(const dg_plan *plan, const dg_calendar *cal) {
  char *text = JUNK;
  size_t size = 1;
  dg_calendar *provisional = NULL;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_schedule(NULL, &size, plan, cal, Day("2023-03-03"),
                                Day("2023-12-31"), NULL));
  CHECK_MESSAGE_HAS("dg_plan_schedule: out is NULL");
  CHECK(size == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_schedule(&text, &size, NULL, cal, Day("2023-03-03"),
                                Day("2023-12-31"), NULL));
  CHECK_MESSAGE_HAS("plan is NULL");
  CHECK_ZEROED(text, size);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_schedule(&text, &size, plan, NULL, Day("2023-03-03"),
                                Day("2023-12-31"), NULL));
  CHECK_MESSAGE_HAS("cal is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_schedule(&text, &size, plan, cal, Day("2023-12-31"),
                                Day("2023-03-03"), NULL));
  CHECK_MESSAGE_HAS("to (2023-03-03) is before from (2023-12-31)");
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_schedule(&text, &size, plan, cal, Day("2023-03-03"),
                                INT32_MAX, NULL));
  CHECK_MESSAGE_HAS("to: ");

  /* Strict: the January 2027 due dates have no notice behind them. */
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_plan_schedule(&text, &size, plan, cal, Day("2026-12-01"),
                                Day("2027-01-31"), NULL));
  CHECK_MESSAGE_HAS("2027");
  CHECK_ZEROED(text, size);
  /* Provisional: answered, flagged. */
  CHECK_OK(dg_calendar_with_mode(&provisional, cal, DG_CALENDAR_PROVISIONAL));
  CHECK_OK(dg_plan_schedule(&text, &size, plan, provisional,
                            Day("2026-12-01"), Day("2027-01-31"), NULL));
  CHECK_HAS(text, "\"provisional\":true");
  CHECK_HAS(text, "\"provisional\":false");
  dg_string_free(text);
  dg_calendar_free(provisional);
}

static void TestTasksDue(const dg_plan *small, const dg_calendar *cal) {
  dg_schedule_options opts = DG_SCHEDULE_OPTIONS_INIT;
  const char *briefing[] = {"c_dekad_briefing"};
  char *text = JUNK;
  size_t size = 1;

  CHECK_OK(dg_plan_tasks_due(&text, &size, small, cal, Day("2023-01-01"),
                             Day("2023-12-31"), NULL));
  CHECK(size == strlen(text));
  CHECK(CountOf(text, "{\"due\":") == 1);
  CHECK(StartsWith(text, "[{\"due\":\"2023-12-31\",\"task\":{\"id\":"
                      "\"t_hidden_debt\""));
  CHECK_HAS(text, "\"kind\":\"by\",\"text\":\"年底前\"");
  CHECK_HAS(text, "\"reminder\":\"2023-12-27\"");
  dg_string_free(text);

  /* Outside the range: nothing. */
  CHECK_OK(dg_plan_tasks_due(&text, &size, small, cal, Day("2023-01-01"),
                             Day("2023-12-30"), NULL));
  CHECK_STREQ("[]", text);
  dg_string_free(text);

  /* No reminders; CSV; ICS. */
  opts.reminder_working_days = 0;
  CHECK_OK(dg_plan_tasks_due(&text, &size, small, cal, Day("2023-12-01"),
                             Day("2023-12-31"), &opts));
  CHECK_HAS(text, "\"reminder\":null");
  dg_string_free(text);
  opts.reminder_working_days = 3;
  opts.format = DG_FORMAT_CSV;
  CHECK_OK(dg_plan_tasks_due(&text, &size, small, cal, Day("2023-12-01"),
                             Day("2023-12-31"), &opts));
  CHECK(StartsWith(text, "due,reminder,task_id,"));
  CHECK_HAS(text, "\n2023-12-31,2023-12-27,t_hidden_debt,");
  dg_string_free(text);
  opts.format = DG_FORMAT_ICS;
  CHECK_OK(dg_plan_tasks_due(&text, &size, small, cal, Day("2023-12-01"),
                             Day("2023-12-31"), &opts));
  CHECK(CountOf(text, "BEGIN:VEVENT\r\n") == 1);
  CHECK_HAS(text, "DTSTART;VALUE=DATE:20231231");
  CHECK_HAS(text, "BEGIN:VALARM");
  dg_string_free(text);

  /* Unit filter: 市财政局 leads s_debt (t_hidden_debt's parent); 市金融办
   * (jrb, unit 3) has no role in t_hidden_debt. */
  opts.format = DG_FORMAT_JSON;
  opts.has_unit = 1;
  opts.unit = 1; /* czj */
  CHECK_OK(dg_plan_tasks_due(&text, &size, small, cal, Day("2023-01-01"),
                             Day("2023-12-31"), &opts));
  CHECK(CountOf(text, "{\"due\":") == 1);
  dg_string_free(text);
  opts.unit = 3; /* jrb */
  CHECK_OK(dg_plan_tasks_due(&text, &size, small, cal, Day("2023-01-01"),
                             Day("2023-12-31"), &opts));
  CHECK_STREQ("[]", text);
  dg_string_free(text);
  opts.has_unit = 0;

  /* Options that belong to dg_plan_schedule. */
  opts.cadence_ids = briefing;
  opts.cadence_id_count = 1;
  text = JUNK;
  size = 1;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_due(&text, &size, small, cal, Day("2023-01-01"),
                                 Day("2023-12-31"), &opts));
  CHECK_MESSAGE_HAS("dg_plan_tasks_due: opts->cadence_id_count must be 0");
  CHECK_ZEROED(text, size);
  opts.cadence_id_count = 0;
  opts.include_deadlines = 1;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_due(&text, &size, small, cal, Day("2023-01-01"),
                                 Day("2023-12-31"), &opts));
  CHECK_MESSAGE_HAS("include_deadlines must be 0");
  opts.include_deadlines = 0;
  opts.format = -1;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_due(&text, &size, small, cal, Day("2023-01-01"),
                                 Day("2023-12-31"), &opts));
  CHECK_MESSAGE_HAS("opts->format -1");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_due(&text, &size, small, NULL, Day("2023-01-01"),
                                 Day("2023-12-31"), NULL));
  CHECK_MESSAGE_HAS("cal is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_due(&text, &size, small, cal, Day("2023-12-31"),
                                 Day("2023-01-01"), NULL));

  /* dg_plan_schedule with include_deadlines: the small plan has no
   * cadences, so only the due date. */
  opts.format = DG_FORMAT_JSON;
  opts.include_deadlines = 1;
  CHECK_OK(dg_plan_schedule(&text, &size, small, cal, Day("2023-12-01"),
                            Day("2023-12-31"), &opts));
  CHECK(StartsWith(text, "{\"occurrences\":[],\"deadlines\":[{\"due\":"
                      "\"2023-12-31\""));
  dg_string_free(text);
  opts.format = DG_FORMAT_ICS;
  CHECK_OK(dg_plan_schedule(&text, &size, small, cal, Day("2023-12-01"),
                            Day("2023-12-31"), &opts));
  CHECK(CountOf(text, "BEGIN:VEVENT\r\n") == 1);
  dg_string_free(text);
}

static void TestTasksOverdue(const dg_plan *small, const dg_calendar *cal) {
  char *text = JUNK;
  size_t size = 1;
  dg_schedule_options opts = DG_SCHEDULE_OPTIONS_INIT;
  /* Due 12-31: not overdue on that day, overdue from the next. */
  CHECK_OK(dg_plan_tasks_overdue(&text, &size, small, cal, Day("2023-12-31"),
                                 NULL));
  CHECK_STREQ("[]", text);
  dg_string_free(text);
  CHECK_OK(dg_plan_tasks_overdue(&text, &size, small, cal, Day("2024-01-02"),
                                 NULL));
  CHECK(CountOf(text, "{\"due\":\"2023-12-31\"") == 1);
  CHECK_HAS(text, "\"id\":\"t_hidden_debt\"");
  dg_string_free(text);
  opts.format = DG_FORMAT_CSV;
  CHECK_OK(dg_plan_tasks_overdue(&text, &size, small, cal, Day("2024-01-02"),
                                 &opts));
  CHECK(CountOf(text, "\n") == 2);
  dg_string_free(text);
  /* `on` must come after the look-back start (the issue date 03-03). */
  text = JUNK;
  size = 1;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_overdue(&text, &size, small, cal,
                                     Day("2023-03-03"), NULL));
  CHECK_MESSAGE_HAS("dg_plan_tasks_overdue: ");
  CHECK_ZEROED(text, size);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_overdue(NULL, NULL, small, cal,
                                     Day("2024-01-02"), NULL));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_overdue(&text, &size, NULL, cal,
                                     Day("2024-01-02"), NULL));
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_tasks_overdue(&text, &size, small, cal, INT32_MIN,
                                     NULL));
  CHECK_MESSAGE_HAS("on: ");
  opts.struct_size = 0;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_overdue(&text, &size, small, cal,
                                     Day("2024-01-02"), &opts));
  CHECK_MESSAGE_HAS("opts->struct_size is 0");
}

static void TestCriticalPath(const dg_plan *small, const dg_calendar *cal) {
  int32_t durations[kSmallTaskCount + 1] = {0, 0, 2, 3, 0, 0};
  char *text = JUNK;
  size_t size = 1;
  CHECK_OK(dg_plan_critical_path(&text, &size, small, cal, Day("2023-09-28"),
                                 durations, 4));
  CHECK(size == strlen(text));
  CHECK_HAS(text, "\"project\":{\"start_date\":\"2023-09-28\",\"duration\":5,"
                  "\"finish_date\":\"2023-10-10\",\"latest_finish\":5,"
                  "\"float\":0,\"provisional\":false}");
  CHECK_HAS(text, "\"critical_tasks\":[\"t_hidden_debt\",\"t_warning\"]");
  CHECK_HAS(text, "\"critical_paths\":[[\"t_hidden_debt\",\"t_warning\"]]");
  CHECK_HAS(text, "\"id\":\"t_hidden_debt\",\"path\":\"4/二/（一）/1\","
                  "\"title\":");
  CHECK_HAS(text, "\"duration\":2,\"earliest_start\":0,\"earliest_finish\":2,"
                  "\"latest_start\":0,\"latest_finish\":2,\"total_float\":0,"
                  "\"critical\":true,\"earliest_start_date\":\"2023-09-28\","
                  "\"earliest_finish_date\":\"2023-10-07\"");
  CHECK_HAS(text, "\"duration\":3,\"earliest_start\":2,\"earliest_finish\":5,"
                  "\"latest_start\":2,\"latest_finish\":5,\"total_float\":0,"
                  "\"critical\":true,\"earliest_start_date\":\"2023-10-08\","
                  "\"earliest_finish_date\":\"2023-10-10\"");
  dg_string_free(text);

  /* No durations: every task a milestone on day 0. */
  CHECK_OK(dg_plan_critical_path(&text, &size, small, cal, Day("2023-09-28"),
                                 NULL, 0));
  CHECK_HAS(text, "\"duration\":0,\"finish_date\":\"2023-09-28\"");
  dg_string_free(text);

  text = JUNK;
  size = 1;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_critical_path(&text, &size, small, cal,
                                     Day("2023-09-28"), NULL, 3));
  CHECK_MESSAGE_HAS("durations is NULL but durations_count is 3");
  CHECK_ZEROED(text, size);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_critical_path(&text, &size, small, cal,
                                     Day("2023-09-28"), durations,
                                     kSmallTaskCount + 1));
  CHECK_MESSAGE_HAS("dg_plan_critical_path: ");
  durations[kWarning] = -1;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_critical_path(&text, &size, small, cal,
                                     Day("2023-09-28"), durations, 4));
  CHECK_MESSAGE_HAS("t_warning");
  durations[kWarning] = 3;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_critical_path(&text, &size, NULL, cal,
                                     Day("2023-09-28"), durations, 4));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_critical_path(&text, &size, small, NULL,
                                     Day("2023-09-28"), durations, 4));
  /* Strict: 2026-12-31 + 3 working days runs into 2027. */
  durations[kHiddenDebt] = 5;
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_plan_critical_path(&text, &size, small, cal,
                                     Day("2026-12-28"), durations, 4));
  CHECK_MESSAGE_HAS("2027");
  CHECK_ZEROED(text, size);
}

static void TestResolveDeadlineText(void) {
  char *text = JUNK;
  size_t size = 1;
  const char *year_end = "年底前";
  const char *q4 = "四季度前";
  const char *monthly = "每月5日前";
  const char *relative = "10个工作日内";
  const char bad_utf8[] = {'6', (char)0xC3, 0};

  CHECK_OK(dg_resolve_deadline_text(&text, &size, year_end, strlen(year_end),
                                    2023));
  CHECK_STREQ("{\"kind\":\"by\",\"text\":\"年底前\",\"date\":\"2023-12-31\","
              "\"period\":null,\"working_days\":0,\"after\":\"\",\"day\":0}",
              text);
  CHECK(size == strlen(text));
  dg_string_free(text);
  CHECK_OK(dg_resolve_deadline_text(&text, NULL, q4, strlen(q4), 2023));
  CHECK_HAS(text, "\"kind\":\"end_of_period\"");
  CHECK_HAS(text, "\"date\":\"2023-09-30\",\"period\":\"quarter\"");
  dg_string_free(text);
  CHECK_OK(dg_resolve_deadline_text(&text, &size, monthly, strlen(monthly),
                                    2023));
  CHECK_HAS(text, "\"kind\":\"recurring\"");
  CHECK_HAS(text, "\"date\":null,\"period\":\"month\"");
  CHECK_HAS(text, "\"day\":5}");
  dg_string_free(text);
  CHECK_OK(dg_resolve_deadline_text(&text, &size, relative, strlen(relative),
                                    2023));
  CHECK_HAS(text, "\"kind\":\"relative\"");
  CHECK_HAS(text, "\"working_days\":10,\"after\":\"交办\"");
  dg_string_free(text);

  text = JUNK;
  size = 1;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_resolve_deadline_text(&text, &size, "下个月",
                                        strlen("下个月"), 2023));
  CHECK_MESSAGE_HAS("dg_resolve_deadline_text: ");
  CHECK_MESSAGE_HAS("下个月");
  CHECK_ZEROED(text, size);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_resolve_deadline_text(&text, &size, "2月30日前",
                                        strlen("2月30日前"), 2023));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_resolve_deadline_text(&text, &size, bad_utf8,
                                        strlen(bad_utf8), 2023));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_resolve_deadline_text(&text, &size, NULL, 3, 2023));
  CHECK_MESSAGE_HAS("text is NULL but its length is 3");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_resolve_deadline_text(NULL, &size, year_end,
                                        strlen(year_end), 2023));
  CHECK_MESSAGE_HAS("out is NULL");
}

static void TestDueDateChanges(const dg_plan *plan, const dg_calendar *cal) {
  const char *local_text = "off 2023-10-09 调休\n";
  dg_calendar *local = NULL;
  char *text = JUNK;
  size_t size = 1;
  CHECK_OK(dg_calendar_derive_text(&local, cal, local_text,
                                   strlen(local_text)));
  CHECK_OK(dg_plan_due_date_changes(&text, &size, plan, cal, local,
                                    Day("2023-10-01"), Day("2023-10-31")));
  CHECK(size == strlen(text));
  CHECK(StartsWith(text, "{\"from\":\"2023-10-01\",\"to\":\"2023-10-31\","
                      "\"changes\":["));
  /* Each 专班's September circular and Q3 summary move by a day. */
  CHECK(CountOf(text, "\"type\":\"occurrence\",\"cadence\":{\"id\":"
                      "\"c_monthly_circular\"") == 11);
  CHECK(CountOf(text, "\"period\":\"2023年9月\",\"before\":\"2023-10-11\","
                      "\"after\":\"2023-10-12\"") >= 11);
  CHECK(CountOf(text, "\"period\":\"2023年第三季度\",\"before\":"
                      "\"2023-10-18\",\"after\":\"2023-10-19\"") >= 11);
  /* The 9月下旬 briefing (10-08) is before the day off: unmoved. */
  CHECK_LACKS(text, "\"period\":\"2023年9月下旬\"");
  dg_string_free(text);

  /* The same calendar twice: nothing moves. */
  CHECK_OK(dg_plan_due_date_changes(&text, &size, plan, cal, cal,
                                    Day("2023-03-03"), Day("2023-12-31")));
  CHECK_HAS(text, "\"changes\":[]}");
  dg_string_free(text);

  text = JUNK;
  size = 1;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_due_date_changes(&text, &size, plan, NULL, local,
                                        Day("2023-10-01"),
                                        Day("2023-10-31")));
  CHECK_MESSAGE_HAS("dg_plan_due_date_changes: before is NULL");
  CHECK_ZEROED(text, size);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_due_date_changes(&text, &size, plan, cal, NULL,
                                        Day("2023-10-01"),
                                        Day("2023-10-31")));
  CHECK_MESSAGE_HAS("after is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_due_date_changes(&text, &size, NULL, cal, local,
                                        Day("2023-10-01"),
                                        Day("2023-10-31")));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_due_date_changes(&text, &size, plan, cal, local,
                                        Day("2023-10-31"),
                                        Day("2023-10-01")));
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_plan_due_date_changes(&text, &size, plan, cal, local,
                                        Day("2026-12-01"),
                                        Day("2027-01-31")));
  CHECK_MESSAGE_HAS("2027");
  dg_calendar_free(local);
}

int main(void) {
  dg_plan *hengyang = Load(DG_HENGYANG_PLAN_JSON);
  dg_plan *small = Load(DG_SMALL_PLAN_JSON);
  dg_calendar *cal = NULL;
  CHECK_OK(dg_calendar_china_mainland(&cal, NULL));

  TestScheduleCounts(hengyang, cal);
  TestScheduleFilters(hengyang, cal);
  TestScheduleArguments(hengyang, cal);
  TestTasksDue(small, cal);
  TestTasksOverdue(small, cal);
  TestCriticalPath(small, cal);
  TestResolveDeadlineText();
  TestDueDateChanges(hengyang, cal);

  dg_calendar_free(cal);
  dg_plan_free(small);
  dg_plan_free(hengyang);
  printf("schedule_c_test: %ld checks passed\n", g_checks);
  return 0;
}
