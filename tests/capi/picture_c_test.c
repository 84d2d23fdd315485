/* tests/capi/picture_c_test.c — the pictures of the C API from pure C99:
 * dg_plan_graph_dot() and dg_plan_gantt_svg().
 *
 * Facts worked by hand from the fixtures:
 *   - tests/data/small_plan.json, task 4/二/（一）/3 (index 3) as of
 *     2023-06-01: 市财政局 (unit 1) responsible and, from its section
 *     (task 1), lead; 各城区政府 (珠晖区, unit 6) in support; the section's
 *     专班 (group 1) supervises it; 市金融办主任 (post 3) is vacant.
 *   - tests/data/gantt_plan.json from 2023-06-01 to 2023-07-15: task a's bar
 *     covers 2023-06-05..06-06 (critical), d is due 06-20, the 旬简报 of
 *     6月中旬 is due Sunday 06-25 (a make-up working day after 端午节).
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
#ifndef DG_GANTT_PLAN_JSON
#error "DG_GANTT_PLAN_JSON must name tests/data/gantt_plan.json"
#endif

#define JUNK ((char *)0x5A5A5A5A)

static dg_plan *Load(const char *path) {
  dg_plan *plan = NULL;
  CHECK_OK(dg_plan_load_file(&plan, NULL, path, strlen(path)));
  CHECK(plan != NULL);
  return plan;
}

#define CHECK_HAS(text, needle)                                           \
  do {                                                                    \
    ++g_checks;                                                           \
    if (strstr((text), (needle)) == NULL) {                               \
      fprintf(stderr, "%s:%d: text lacks \"%s\"\n", __FILE__, __LINE__,   \
              (needle));                                                  \
      exit(1);                                                            \
    }                                                                     \
  } while (0)

static void TestGraphDot(void) {
  dg_plan *plan = Load(DG_SMALL_PLAN_JSON);
  dg_graph_options opts = DG_GRAPH_OPTIONS_INIT;
  char *dot = NULL;
  size_t size = 0;
  opts.focus_kind = DG_GRAPH_FOCUS_TASK;
  opts.focus = 3;
  opts.has_on = 1;
  opts.on = Day("2023-06-01");
  CHECK_OK(dg_plan_graph_dot(&dot, &size, plan, &opts));
  CHECK(dot != NULL);
  CHECK(size == strlen(dot));
  CHECK(strncmp(dot, "digraph dutygraph {\n", 20) == 0);
  CHECK_HAS(dot, "  u1 -> t3 [color=\"#d62728\", fontcolor=\"#d62728\", "
                 "label=\"牵头 lead\\nfrom 4/二/（一）\"");
  CHECK_HAS(dot, "  u6 -> t3 [color=\"#1f77b4\"");
  CHECK_HAS(dot, "  g1 -> t3 [");
  CHECK_HAS(dot, "市金融办主任\\n空缺 vacant");
  dg_string_free(dot);

  /* NULL options: the whole plan as of the issue date. */
  CHECK_OK(dg_plan_graph_dot(&dot, NULL, plan, NULL));
  CHECK_HAS(dot, "as of 2023-03-03");
  CHECK_HAS(dot, "  t4 [");
  dg_string_free(dot);

  /* A prefix-only struct (up to `focus`) takes the defaults after it. */
  {
    dg_graph_options prefix = DG_GRAPH_OPTIONS_INIT;
    prefix.struct_size = offsetof(dg_graph_options, has_on);
    prefix.focus_kind = DG_GRAPH_FOCUS_UNIT;
    prefix.focus = 2; /* 市发改委 */
    prefix.depth = 0; /* past struct_size: ignored, depth stays 1 */
    CHECK_OK(dg_plan_graph_dot(&dot, NULL, plan, &prefix));
    CHECK_HAS(dot, "  u2 -> t2 [");
    dg_string_free(dot);
  }

  /* Errors: nothing to free, message says which argument. */
  dot = JUNK;
  size = 7;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_graph_dot(&dot, &size, NULL, &opts));
  CHECK(dot == NULL && size == 0);
  CHECK_MESSAGE_HAS("dg_plan_graph_dot: plan is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_graph_dot(NULL, NULL, plan, &opts));
  CHECK_MESSAGE_HAS("out is NULL");
  opts.focus = 99;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_graph_dot(&dot, NULL, plan, &opts));
  CHECK_MESSAGE_HAS("the plan has 5 tasks");
  opts.focus = 3;
  opts.focus_kind = 9;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_graph_dot(&dot, NULL, plan, &opts));
  CHECK_MESSAGE_HAS("opts->focus_kind 9");
  opts.focus_kind = DG_GRAPH_FOCUS_TASK;
  opts.depth = -1;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_graph_dot(&dot, NULL, plan, &opts));
  CHECK_MESSAGE_HAS("depth -1");
  opts.depth = 1;
  opts.legend = 2;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_graph_dot(&dot, NULL, plan, &opts));
  CHECK_MESSAGE_HAS("opts->legend is 2");
  opts.legend = 1;
  opts.max_nodes = 2;
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED,
               dg_plan_graph_dot(&dot, NULL, plan, &opts));
  opts.struct_size = 4;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_plan_graph_dot(&dot, NULL, plan, &opts));
  CHECK_MESSAGE_HAS("struct_size");
  CHECK(dot == NULL);
  dg_plan_free(plan);
}

static void TestGanttSvg(void) {
  dg_plan *plan = Load(DG_GANTT_PLAN_JSON);
  dg_calendar *cal = NULL;
  dg_gantt_options opts = DG_GANTT_OPTIONS_INIT;
  char *svg = NULL;
  size_t size = 0;
  CHECK_OK(dg_calendar_china_mainland(&cal, NULL));
  CHECK_OK(dg_plan_gantt_svg(&svg, &size, plan, cal, Day("2023-06-01"),
                             Day("2023-07-15"), NULL));
  CHECK(size == strlen(svg));
  CHECK(strncmp(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 44) ==
        0);
  CHECK_HAS(svg, "<rect class=\"bar critical\" data-start=\"2023-06-05\" "
                 "data-end=\"2023-06-06\"");
  CHECK_HAS(svg, "<path class=\"due\" data-date=\"2023-06-20\"");
  CHECK_HAS(svg, "<line class=\"mark\" data-date=\"2023-06-25\"");
  CHECK(strstr(svg, "class=\"off\" data-date=\"2023-06-25\"") == NULL);
  dg_string_free(svg);

  /* Only one cadence, no reminders, from a unit. */
  {
    const char *ids[] = {"c_month"};
    opts.cadence_ids = ids;
    opts.cadence_id_count = 1;
    opts.reminder_working_days = 0;
    opts.has_unit = 1;
    opts.unit = 1; /* 市财政局 */
    CHECK_OK(dg_plan_gantt_svg(&svg, NULL, plan, cal, Day("2023-06-01"),
                               Day("2023-07-15"), &opts));
    CHECK_HAS(svg, "data-cadence=\"c_month\"");
    CHECK(strstr(svg, "data-cadence=\"c_dekad\"") == NULL);
    CHECK(strstr(svg, "class=\"reminder\"") == NULL);
    CHECK(strstr(svg, "data-task=\"a\"") == NULL);
    CHECK_HAS(svg, "data-task=\"e\"");
    dg_string_free(svg);
  }

  svg = JUNK;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_gantt_svg(&svg, NULL, plan, NULL, 0, 1, NULL));
  CHECK(svg == NULL);
  CHECK_MESSAGE_HAS("dg_plan_gantt_svg: cal is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_gantt_svg(&svg, NULL, plan, cal, Day("2023-06-02"),
                                 Day("2023-06-01"), NULL));
  CHECK_MESSAGE_HAS("before it starts");
  opts = (dg_gantt_options)DG_GANTT_OPTIONS_INIT;
  opts.has_unit = 1;
  opts.unit = 2;
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_plan_gantt_svg(&svg, NULL, plan, cal, Day("2023-06-01"),
                                 Day("2023-06-30"), &opts));
  CHECK_MESSAGE_HAS("opts->unit 2 is out of range");
  opts.has_unit = 0;
  {
    const char *ids[] = {"c_nope"};
    opts.cadence_ids = ids;
    opts.cadence_id_count = 1;
    CHECK_STATUS(DG_NOT_FOUND,
                 dg_plan_gantt_svg(&svg, NULL, plan, cal, Day("2023-06-01"),
                                   Day("2023-06-30"), &opts));
    CHECK_MESSAGE_HAS("c_nope");
  }
  opts.cadence_ids = NULL;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_gantt_svg(&svg, NULL, plan, cal, Day("2023-06-01"),
                                 Day("2023-06-30"), &opts));
  CHECK_MESSAGE_HAS("opts->cadence_ids is NULL");
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_plan_gantt_svg(&svg, NULL, plan, cal, Day("2027-01-01"),
                                 Day("2027-01-31"), NULL));
  CHECK_MESSAGE_HAS("2027");
  CHECK(svg == NULL);
  dg_calendar_free(cal);
  dg_plan_free(plan);
}

int main(void) {
  TestGraphDot();
  TestGanttSvg();
  printf("picture_c_test: %ld checks passed\n", g_checks);
  return 0;
}
