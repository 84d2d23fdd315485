/* tests/capi/view_schedule_c_test.c — schedules through a scoped view
 * (dg_view_schedule, dg_view_tasks_due, dg_view_tasks_overdue,
 * dg_view_critical_path) from pure C.
 *
 * Hand-worked facts. tests/data/small_plan.json: t_hidden_debt (市财政局,
 * 市发改委) is due 年底前 = 2023-12-31 and must finish before t_warning
 * starts; 市金融办 (jrb) sees t_warning alone, 市发改委 (fgw) t_hidden_debt
 * alone, 市财政局 (czj) both. examples/hengyang-2023/plan.json: 市安委办
 * leads 5/二/（一）/2, whose leads owe the 每月一通报 (c_safety_enf_monthly_
 * circular); 市财政局 hosts the debt group's office (防范化解政府债务风险专班)
 * and is no member of the safety group (打好安全生产翻身仗专班).
 */
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

#define CHECK_HAS(text, needle) CHECK(strstr((text), (needle)) != NULL)
#define CHECK_LACKS(text, needle) CHECK(strstr((text), (needle)) == NULL)

static dg_plan *Load(const char *path) {
  dg_plan *plan = NULL;
  CHECK_OK(dg_plan_load_file(&plan, NULL, path, strlen(path)));
  return plan;
}

static uint32_t Find(const dg_plan *plan, dg_record_kind kind,
                     const char *name) {
  uint32_t index = 0;
  CHECK_OK(dg_plan_find(&index, plan, kind, name, strlen(name)));
  return index;
}

static dg_view *UnitView(const dg_plan *plan, const char *unit) {
  dg_view *view = NULL;
  CHECK_OK(dg_view_new_for_unit(&view, plan, Find(plan, DG_RECORD_UNIT, unit),
                                Day("2023-06-01")));
  return view;
}

/* What the jrb view must never show: the other nodes' ids and titles. */
static void CheckNoSmallLeak(const char *text) {
  CHECK_LACKS(text, "t_hidden_debt");
  CHECK_LACKS(text, "严禁新增隐性债务");
  CHECK_LACKS(text, "4/二/（一）/1");
  CHECK_LACKS(text, "t_vague");
  CHECK_LACKS(text, "合力化解存量债务");
}

static void TestSmallPlanDueDates(const dg_plan *plan, const dg_calendar *cal) {
  dg_view *jrb = UnitView(plan, "jrb");
  dg_view *fgw = UnitView(plan, "fgw");
  dg_schedule_options opts = DG_SCHEDULE_OPTIONS_INIT;
  char *text = NULL;
  size_t size = 0;

  /* The whole plan has one due date; 市金融办 sees none of it. */
  CHECK_OK(dg_plan_tasks_due(&text, &size, plan, cal, Day("2023-01-01"),
                             Day("2023-12-31"), NULL));
  CHECK_HAS(text, "\"due\":\"2023-12-31\",\"task\":{\"id\":\"t_hidden_debt\"");
  dg_string_free(text);
  CHECK_OK(dg_view_tasks_due(&text, &size, jrb, cal, Day("2023-01-01"),
                             Day("2023-12-31"), NULL));
  CHECK_STREQ("[]", text);
  CHECK(size == 2);
  dg_string_free(text);
  /* 市发改委 does: 年底前, 2023-12-31 (a Sunday, as stated), reminded three
   * working days before: Wednesday 2023-12-27 (12-28, 12-29 between). */
  CHECK_OK(dg_view_tasks_due(&text, NULL, fgw, cal, Day("2023-01-01"),
                             Day("2023-12-31"), NULL));
  CHECK_HAS(text, "\"due\":\"2023-12-31\",\"task\":{\"id\":\"t_hidden_debt\"");
  CHECK_HAS(text, "\"reminder\":\"2023-12-27\"");
  CHECK_LACKS(text, "t_warning");
  dg_string_free(text);

  /* Overdue on 2024-01-02: the plan's one item, none through jrb. */
  CHECK_OK(dg_view_tasks_overdue(&text, NULL, jrb, cal, Day("2024-01-02"),
                                 NULL));
  CHECK_STREQ("[]", text);
  dg_string_free(text);
  CHECK_OK(dg_view_tasks_overdue(&text, NULL, fgw, cal, Day("2024-01-02"),
                                 NULL));
  CHECK_HAS(text, "\"id\":\"t_hidden_debt\"");
  dg_string_free(text);

  /* Every rendering through jrb, deadlines included: nothing hidden. */
  opts.include_deadlines = 1;
  opts.format = DG_FORMAT_ICS;
  CHECK_OK(dg_view_schedule(&text, NULL, jrb, cal, Day("2023-01-01"),
                            Day("2023-12-31"), &opts));
  CHECK_HAS(text, "BEGIN:VCALENDAR");
  CHECK_LACKS(text, "BEGIN:VEVENT");
  CheckNoSmallLeak(text);
  dg_string_free(text);
  CHECK_OK(dg_view_schedule(&text, NULL, fgw, cal, Day("2023-01-01"),
                            Day("2023-12-31"), &opts));
  CHECK_HAS(text, "SUMMARY:截止 4/二/（一）/1 严禁新增隐性债务");
  dg_string_free(text);
  opts.format = DG_FORMAT_JSON;
  CHECK_OK(dg_view_schedule(&text, NULL, jrb, cal, Day("2023-01-01"),
                            Day("2023-12-31"), &opts));
  CHECK_STREQ("{\"occurrences\":[],\"deadlines\":[]}", text);
  dg_string_free(text);
  opts.include_deadlines = 0;
  opts.format = DG_FORMAT_CSV;
  CHECK_OK(dg_view_tasks_due(&text, NULL, jrb, cal, Day("2023-01-01"),
                             Day("2023-12-31"), &opts));
  CHECK(strncmp(text, "due,reminder,task_id", 20) == 0);
  CheckNoSmallLeak(text);
  dg_string_free(text);

  /* The small plan has no cadences: any id is unknown, as in the plan. */
  {
    const char *ids[] = {"c_dekad_briefing"};
    opts.format = DG_FORMAT_JSON;
    opts.cadence_ids = ids;
    opts.cadence_id_count = 1;
    text = (char *)0x1;
    size = 7;
    CHECK_STATUS(DG_NOT_FOUND,
                 dg_view_schedule(&text, &size, jrb, cal, Day("2023-01-01"),
                                  Day("2023-12-31"), &opts));
    CHECK(text == NULL && size == 0);
    CHECK_MESSAGE_HAS("unknown cadence 'c_dekad_briefing'");
  }

  /* Bad arguments: named, nothing to free. */
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_view_tasks_due(&text, &size, NULL, cal, Day("2023-01-01"),
                                 Day("2023-12-31"), NULL));
  CHECK_MESSAGE_HAS("view");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_view_tasks_overdue(&text, &size, jrb, NULL,
                                     Day("2024-01-02"), NULL));
  CHECK_MESSAGE_HAS("cal");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_view_schedule(NULL, &size, jrb, cal, Day("2023-01-01"),
                                Day("2023-12-31"), NULL));
  CHECK_MESSAGE_HAS("out");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_view_tasks_due(&text, &size, jrb, cal, Day("2023-12-31"),
                                 Day("2023-01-01"), NULL));
  CHECK(text == NULL && size == 0);
  dg_view_free(jrb);
  dg_view_free(fgw);
}

static void TestSmallPlanCriticalPath(const dg_plan *plan,
                                      const dg_calendar *cal) {
  dg_view *jrb = UnitView(plan, "jrb");
  dg_view *czj = UnitView(plan, "czj");
  const uint32_t hidden = Find(plan, DG_RECORD_TASK, "t_hidden_debt");
  const uint32_t warning = Find(plan, DG_RECORD_TASK, "t_warning");
  int32_t days[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  char *text = NULL;

  /* 市财政局 sees the chain: t_hidden_debt (2 days: 09-28 and 10-07, the
   * 中秋国庆 holiday between) then t_warning (3 days: 10-08, 10-09, 10-10). */
  days[hidden] = 2;
  days[warning] = 3;
  CHECK_OK(dg_view_critical_path(&text, NULL, czj, cal, Day("2023-09-28"),
                                 days, 5));
  CHECK_HAS(text, "\"finish_date\":\"2023-10-10\"");
  CHECK_HAS(text, "\"critical_tasks\":[\"t_hidden_debt\",\"t_warning\"]");
  CHECK_LACKS(text, "\"predecessor_outside_view\":true");
  dg_string_free(text);

  /* 市金融办 sees t_warning alone: it is computed on its own (09-28, 10-07,
   * 10-08: the make-up Saturday and Sunday work), flagged as continuing a
   * chain outside the view, and the hidden task is not named. The hidden
   * entry is ignored whatever it holds, entries past the end too. */
  days[hidden] = -1;
  days[7] = -5;
  CHECK_OK(dg_view_critical_path(&text, NULL, jrb, cal, Day("2023-09-28"),
                                 days, 8));
  CHECK_HAS(text, "\"viewer\":\"unit jrb (市金融办)\"");
  CHECK_HAS(text, "\"finish_date\":\"2023-10-08\"");
  CHECK_HAS(text, "\"critical_tasks\":[\"t_warning\"]");
  CHECK_HAS(text, "\"predecessor_outside_view\":true,"
                  "\"successor_outside_view\":false");
  CheckNoSmallLeak(text);
  dg_string_free(text);

  /* A visible task's bad duration is named; a hidden one's never is. */
  days[warning] = -1;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_view_critical_path(&text, NULL, jrb, cal, Day("2023-09-28"),
                                     days, 8));
  CHECK_MESSAGE_HAS("(task 't_warning') is -1");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_view_critical_path(&text, NULL, jrb, cal, Day("2023-09-28"),
                                     NULL, 3));
  CHECK_MESSAGE_HAS("durations is NULL");
  dg_view_free(jrb);
  dg_view_free(czj);
}

static void TestSmallPlanGantt(const dg_plan *plan, const dg_calendar *cal) {
  dg_view *jrb = UnitView(plan, "jrb");
  dg_view *czj = UnitView(plan, "czj");
  dg_gantt_options opts = DG_GANTT_OPTIONS_INIT;
  char *svg = NULL;
  size_t size = 0;

  opts.has_start = 1;
  opts.start = Day("2023-09-28");
  /* 市财政局: both tasks and the link between them, critical. */
  CHECK_OK(dg_view_gantt_svg(&svg, &size, czj, cal, Day("2023-09-01"),
                             Day("2023-12-31"), &opts));
  CHECK(size == strlen(svg));
  CHECK_HAS(svg, "data-task=\"t_hidden_debt\"");
  CHECK_HAS(svg, "class=\"link critical\" data-from=\"t_hidden_debt\" "
                 "data-to=\"t_warning\"");
  dg_string_free(svg);
  /* 市金融办: t_warning's row alone, no link, the viewer in the title. */
  CHECK_OK(dg_view_gantt_svg(&svg, NULL, jrb, cal, Day("2023-09-01"),
                             Day("2023-12-31"), &opts));
  CHECK_HAS(svg, "data-task=\"t_warning\"");
  CHECK_HAS(svg, "(unit jrb (市金融办))</title>");
  CHECK_LACKS(svg, "<path class=\"link");
  CheckNoSmallLeak(svg);
  dg_string_free(svg);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_view_gantt_svg(&svg, &size, NULL, cal, Day("2023-09-01"),
                                 Day("2023-12-31"), &opts));
  CHECK_MESSAGE_HAS("view");
  CHECK(svg == NULL && size == 0);
  dg_view_free(jrb);
  dg_view_free(czj);
}

static void TestHengyangCadences(const dg_calendar *cal) {
  dg_plan *plan = Load(DG_HENGYANG_PLAN_JSON);
  dg_view *anweiban = UnitView(plan, "市安委办");
  dg_view *czj = UnitView(plan, "市财政局");
  dg_schedule_options opts = DG_SCHEDULE_OPTIONS_INIT;
  const char *circular[] = {"c_safety_enf_monthly_circular"};
  const char *near_miss[] = {"c_safety_enf_monthly_circulat"};
  const char *briefing[] = {"c_dekad_briefing"};
  char *text = NULL;

  /* 市安委办 leads 5/二/（一）/2: it owes the monthly circular. */
  opts.cadence_ids = circular;
  opts.cadence_id_count = 1;
  CHECK_OK(dg_view_schedule(&text, NULL, anweiban, cal, Day("2023-09-01"),
                            Day("2023-10-31"), &opts));
  CHECK_HAS(text, "\"cadence\":{\"id\":\"c_safety_enf_monthly_circular\"");
  CHECK_HAS(text, "\"owners\":{\"units\":[{\"id\":\"anweiban\"");
  dg_string_free(text);
  /* 市财政局 has nothing to do with it: unknown, like a missing cadence,
   * and a near miss suggests none of the safety cadences. */
  CHECK_STATUS(DG_NOT_FOUND,
               dg_view_schedule(&text, NULL, czj, cal, Day("2023-09-01"),
                                Day("2023-10-31"), &opts));
  CHECK_MESSAGE_HAS("unknown cadence 'c_safety_enf_monthly_circular'");
  opts.cadence_ids = near_miss;
  CHECK_STATUS(DG_NOT_FOUND,
               dg_view_schedule(&text, NULL, czj, cal, Day("2023-09-01"),
                                Day("2023-10-31"), &opts));
  CHECK(strstr(dg_last_error_message(), "c_safety") ==
        strstr(dg_last_error_message(), "c_safety_enf_monthly_circulat"));
  CHECK(strstr(dg_last_error_message(), "did you mean") == NULL);

  /* Its dekad briefings: the debt group's, 9月中旬 due 09-22 and 9月下旬
   * due 10-08 (the make-up Sunday); never the safety group's. */
  opts.cadence_ids = briefing;
  CHECK_OK(dg_view_schedule(&text, NULL, czj, cal, Day("2023-09-21"),
                            Day("2023-10-10"), &opts));
  CHECK_HAS(text, "\"due\":\"2023-09-22\"");
  CHECK_HAS(text, "\"due\":\"2023-10-08\"");
  CHECK_HAS(text, "防范化解政府债务风险专班");
  CHECK_LACKS(text, "打好安全生产翻身仗专班");
  dg_string_free(text);
  dg_view_free(anweiban);
  dg_view_free(czj);
  dg_plan_free(plan);
}

int main(void) {
  dg_calendar *cal = NULL;
  dg_plan *small = Load(DG_SMALL_PLAN_JSON);
  CHECK_OK(dg_calendar_china_mainland(&cal, NULL));
  TestSmallPlanDueDates(small, cal);
  TestSmallPlanCriticalPath(small, cal);
  TestSmallPlanGantt(small, cal);
  TestHengyangCadences(cal);
  dg_plan_free(small);
  dg_calendar_free(cal);
  printf("view_schedule_c_test: %ld checks passed\n", g_checks);
  return 0;
}
