/* examples/hengyang_tour.c — the README's five-minute tour of the Hengyang
 * plan (衡办〔2023〕7号), through the C API alone (dutygraph/dg.h).
 *
 *   build/examples/example_hengyang_tour examples/hengyang-2023/plan.json
 *
 * Its output is checked against hengyang_tour_c.expected by CTest.
 * Every call's status is checked; a failure prints dg_last_error_message().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutygraph/dg.h"

static void Check(dg_status status, const char *what) {
  if (status != DG_OK) {
    fprintf(stderr, "%s: %s: %s\n", what, dg_status_name(status),
            dg_last_error_message());
    exit(1);
  }
}

static dg_date Day(const char *iso) {
  dg_date d = 0;
  Check(dg_date_parse(&d, iso, strlen(iso)), iso);
  return d;
}

static const char *RoleName(dg_role role) {
  static const char *const names[] = {"牵头 lead", "配合 support",
                                      "负责 responsible", "参与 participate"};
  return role >= 0 && role <= 3 ? names[role] : "?";
}

/* Who held a post on the day, as "title name" (or "title 空缺"). */
static void PrintHolder(const dg_plan *plan, uint32_t post, int vacant,
                        uint32_t person) {
  const char *title = NULL, *name = NULL;
  Check(dg_plan_record_name(&title, NULL, plan, DG_RECORD_POST, post),
        "post title");
  if (vacant) {
    printf("%s 空缺 vacant", title);
    return;
  }
  Check(dg_plan_record_name(&name, NULL, plan, DG_RECORD_PERSON, person),
        "person name");
  printf("%s %s", title, name);
}

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "examples/hengyang-2023/plan.json";
  dg_plan *plan = NULL;
  char *diagnostics = NULL;
  if (dg_plan_load_file(&plan, &diagnostics, path, strlen(path)) != DG_OK) {
    fprintf(stderr, "%s\n%s\n", dg_last_error_message(),
            diagnostics ? diagnostics : "");
    dg_string_free(diagnostics);
    return 1;
  }

  /* 1. Who is accountable for 严禁新增隐性债务 on 2023-06-01. */
  const char *path_text = "4/二/（一）/1";
  uint32_t task = 0;
  Check(dg_plan_find(&task, plan, DG_RECORD_TASK, path_text,
                     strlen(path_text)),
        "find task");
  dg_accountability *who = NULL;
  Check(dg_accountability_new(&who), "dg_accountability_new");
  Check(dg_plan_accountability(who, plan, task, Day("2023-06-01")),
        "accountability");
  size_t count = 0;
  Check(dg_accountability_unit_count(&count, who), "unit count");
  printf("%s, as of 2023-06-01:\n", path_text);
  for (size_t i = 0; i < count; ++i) {
    dg_accountable_unit u = DG_ACCOUNTABLE_UNIT_INIT;
    Check(dg_accountability_unit_at(&u, who, i), "unit");
    printf("  %s: %s", RoleName(u.role), u.unit_name);
    if (u.has_head) {
      printf(" (head: ");
      PrintHolder(plan, u.head_post, u.head_vacant, u.head_person);
      printf(")");
    }
    printf("\n");
  }
  Check(dg_accountability_holder_count(&count, who,
                                       DG_HOLDERS_CHIEF_DISPATCHERS),
        "chief dispatchers");
  for (size_t i = 0; i < count; ++i) {
    dg_post_holder h = DG_POST_HOLDER_INIT;
    Check(dg_accountability_holder_at(&h, who, DG_HOLDERS_CHIEF_DISPATCHERS,
                                      i),
          "chief dispatcher");
    printf("  总调度 chief dispatcher: %s %s\n", h.post_title,
           h.vacant ? "空缺 vacant" : h.person_name);
  }
  dg_accountability_free(who);

  /* 2. The official calendar: the working day after 2023-09-28. */
  dg_calendar *cal = NULL;
  Check(dg_calendar_china_mainland(&cal, NULL), "calendar");
  dg_date next = 0;
  Check(dg_calendar_add_working_days(&next, NULL, cal, Day("2023-09-28"), 1),
        "add_working_days");
  char text[11];
  Check(dg_date_format(text, sizeof text, next), "format");
  printf("1 working day after 2023-09-28: %s\n", text);

  /* 3. 市发改委's rhythms from 2023-09-28 to 2023-10-12, as CSV. */
  const char *unit_name = "市发改委";
  uint32_t unit = 0;
  Check(dg_plan_find(&unit, plan, DG_RECORD_UNIT, unit_name,
                     strlen(unit_name)),
        "find unit");
  dg_schedule_options opts = DG_SCHEDULE_OPTIONS_INIT;
  opts.format = DG_FORMAT_CSV;
  opts.has_unit = 1;
  opts.unit = unit;
  char *csv = NULL;
  Check(dg_plan_schedule(&csv, NULL, plan, cal, Day("2023-09-28"),
                         Day("2023-10-12"), &opts),
        "schedule");
  /* Skip the header; print due date, period and cadence (columns 1, 6, 3:
   * none of them holds a comma, so no CSV quoting to undo here). */
  printf("%s's cadences due 2023-09-28..2023-10-12:\n", unit_name);
  const char *line = strchr(csv, '\n');
  while (line != NULL && line[1] != '\0') {
    ++line;
    const char *field[7] = {line};
    size_t lengths[7] = {0};
    for (int f = 0; f < 7; ++f) {
      const char *end = strchr(field[f], ',');
      lengths[f] = (size_t)(end - field[f]);
      if (f + 1 < 7) field[f + 1] = end + 1;
    }
    printf("  %.*s  %.*s  %.*s\n", (int)lengths[0], field[0],
           (int)lengths[5], field[5], (int)lengths[2], field[2]);
    line = strchr(line, '\n');
  }
  dg_string_free(csv);

  /* 4. The responsibility graph around the task, as DOT for Graphviz. */
  dg_graph_options graph = DG_GRAPH_OPTIONS_INIT;
  graph.focus_kind = DG_GRAPH_FOCUS_TASK;
  graph.focus = task;
  graph.has_on = 1;
  graph.on = Day("2023-06-01");
  char *dot = NULL;
  size_t dot_size = 0;
  Check(dg_plan_graph_dot(&dot, &dot_size, plan, &graph), "graph");
  size_t edges = 0;
  for (const char *at = dot; (at = strstr(at, " -> ")) != NULL; at += 4) {
    ++edges;
  }
  printf("graph around %s: %zu edges (pipe it to `dot -Tsvg`)\n", path_text,
         edges);
  dg_string_free(dot);

  dg_calendar_free(cal);
  dg_plan_free(plan);
  return 0;
}
