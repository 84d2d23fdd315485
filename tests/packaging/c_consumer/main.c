/* Uses the installed C library: working-day arithmetic and plan loading.
 * Usage: c_consumer PLAN_JSON */
#include <stdio.h>
#include <string.h>

#include "dutygraph/dg.h"

static int Fail(const char *what) {
  fprintf(stderr, "%s: %s\n", what, dg_last_error_message());
  return 1;
}

int main(int argc, char **argv) {
  dg_calendar *cal = NULL;
  dg_plan *plan = NULL;
  char *diagnostics = NULL;
  dg_date sep28 = 0, next = 0;
  int provisional = 0;
  char text[16];
  size_t tasks = 0;
  uint32_t t2 = 0;
  const char *title = NULL;

  if (argc != 2) {
    fprintf(stderr, "usage: c_consumer PLAN_JSON\n");
    return 2;
  }
  printf("dutygraph %s\n", dg_version_string());

  if (dg_calendar_china_mainland(&cal, NULL) != DG_OK)
    return Fail("dg_calendar_china_mainland");
  if (dg_date_parse(&sep28, "2023-09-28", strlen("2023-09-28")) != DG_OK)
    return Fail("dg_date_parse");
  if (dg_calendar_add_working_days(&next, &provisional, cal, sep28, 1) !=
      DG_OK)
    return Fail("dg_calendar_add_working_days");
  if (dg_date_format(text, sizeof text, next) != DG_OK)
    return Fail("dg_date_format");
  printf("2023-09-28 + 1 working day = %s\n", text);
  dg_calendar_free(cal);

  if (dg_plan_load_file(&plan, &diagnostics, argv[1], strlen(argv[1])) !=
      DG_OK) {
    if (diagnostics != NULL) fprintf(stderr, "%s\n", diagnostics);
    dg_string_free(diagnostics);
    return Fail("dg_plan_load_file");
  }
  dg_string_free(diagnostics);
  if (dg_plan_record_count(&tasks, plan, DG_RECORD_TASK) != DG_OK)
    return Fail("dg_plan_record_count");
  if (dg_plan_find(&t2, plan, DG_RECORD_TASK, "t2", 2) != DG_OK)
    return Fail("dg_plan_find");
  if (dg_plan_record_name(&title, NULL, plan, DG_RECORD_TASK, t2) != DG_OK)
    return Fail("dg_plan_record_name");
  printf("plan packaging-check: %zu tasks, task t2 is %s\n", tasks, title);
  dg_plan_free(plan);
  return 0;
}
