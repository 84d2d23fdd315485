/* tests/capi/import_c_test.c — dg_import_text from pure C99: a small plan
 * text written for the test, its result loaded back with dg_plan_load_json,
 * the options struct (year, plan id, known units, the struct_size prefix)
 * and every argument error. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutygraph/dg.h"
#include "test_util.h"

/* One task with a lead and a support unit, a deadline, a page marker. */
static const char kText[] =
    "某市2023年优化营商环境工作方案\n"
    "一、重点任务\n"
    "1. 推进政务服务改革。年底前实现全程网办，\n"
    "\n"
    "— 2 —\n"
    "\n"
    "办件量增长10%以上。（市行政审批服务局牵头，市发改委、市财政局等配合）\n";

static void TestImport(void) {
  char *plan_json = NULL;
  size_t size = 0;
  char *diagnostics = NULL;
  dg_plan *plan = NULL;
  uint32_t task = 0;
  const char *path = NULL;
  size_t path_len = 0;
  size_t units = 0;

  CHECK_OK(dg_import_text(&plan_json, &size, &diagnostics, kText,
                          strlen(kText), NULL));
  CHECK(plan_json != NULL && size == strlen(plan_json));
  CHECK(strstr(plan_json, "\"format\": \"dutygraph/plan@1\"") != NULL);
  CHECK(strstr(plan_json, "\"as_written\": \"市行政审批服务局\"") != NULL);
  CHECK(strstr(plan_json, "\"date\": \"2023-12-31\"") != NULL);
  CHECK(strstr(plan_json, "\"year\": 2023") != NULL);
  CHECK(diagnostics != NULL);
  CHECK(strstr(diagnostics, "\"code\": \"page_marker\"") != NULL);
  CHECK(strstr(diagnostics, "\"line\": 5") != NULL);
  CHECK_STREQ("", dg_last_error_message());

  /* The result is a valid plan: it loads, and the task is found by path. */
  CHECK_OK(dg_plan_load_json(&plan, NULL, plan_json, size));
  CHECK_OK(dg_plan_find(&task, plan, DG_RECORD_TASK, "0/一/1", strlen("0/一/1")));
  CHECK_OK(dg_plan_task_path(&path, &path_len, plan, task));
  CHECK(path_len == strlen("0/一/1") && memcmp(path, "0/一/1", path_len) == 0);
  CHECK_OK(dg_plan_record_count(&units, plan, DG_RECORD_UNIT));
  CHECK(units == 3);
  dg_plan_free(plan);
  dg_string_free(plan_json);
  dg_string_free(diagnostics);

  /* Diagnostics and size are optional. */
  plan_json = NULL;
  CHECK_OK(dg_import_text(&plan_json, NULL, NULL, kText, strlen(kText), NULL));
  CHECK(plan_json != NULL);
  dg_string_free(plan_json);
}

static void TestOptions(void) {
  static const char kKnown[] =
      "{\"format\": \"dutygraph/plan@1\", \"plan\": {\"id\": \"k\", \"title\": "
      "\"t\", \"year\": 2023}, \"units\": [{\"id\": \"fgw\", \"name\": "
      "\"市发改委\"}, {\"id\": \"spj\", \"name\": \"市行政审批服务局\"}]}";
  dg_import_options opts = DG_IMPORT_OPTIONS_INIT;
  char *plan_json = NULL;
  char *diagnostics = NULL;

  opts.year = 2025;
  opts.plan_id = "demo-2025";
  opts.known_units_json = kKnown;
  opts.known_units_json_len = strlen(kKnown);
  CHECK_OK(dg_import_text(&plan_json, NULL, &diagnostics, kText, strlen(kText),
                          &opts));
  CHECK(strstr(plan_json, "\"id\": \"demo-2025\"") != NULL);
  CHECK(strstr(plan_json, "\"date\": \"2025-12-31\"") != NULL);
  CHECK(strstr(plan_json, "\"unit\": \"spj\"") != NULL);
  CHECK(strstr(plan_json, "\"unit\": \"fgw\"") != NULL);
  /* 市财政局 is not known: created and flagged as a warning. */
  CHECK(strstr(diagnostics, "市财政局") != NULL);
  CHECK(strstr(diagnostics, "\"severity\": \"warning\"") != NULL);
  dg_string_free(plan_json);
  dg_string_free(diagnostics);

  /* A caller built against an older header declares only the year. */
  opts.struct_size = offsetof(dg_import_options, plan_id);
  plan_json = NULL;
  CHECK_OK(dg_import_text(&plan_json, NULL, NULL, kText, strlen(kText), &opts));
  CHECK(strstr(plan_json, "\"id\": \"imported\"") != NULL);
  CHECK(strstr(plan_json, "\"date\": \"2025-12-31\"") != NULL);
  dg_string_free(plan_json);
}

static void TestErrors(void) {
  dg_import_options opts = DG_IMPORT_OPTIONS_INIT;
  char *plan_json = (char *)1;
  char *diagnostics = (char *)1;
  size_t size = 7;

  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_import_text(NULL, NULL, NULL, kText, strlen(kText), NULL));
  CHECK_MESSAGE_HAS("dg_import_text: plan_json_out is NULL");

  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_import_text(&plan_json, &size, &diagnostics, NULL, 3, NULL));
  CHECK(plan_json == NULL && diagnostics == NULL && size == 0);
  CHECK_MESSAGE_HAS("text");

  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_import_text(&plan_json, NULL, NULL, "ab\xff", 3, NULL));
  CHECK_MESSAGE_HAS("UTF-8");

  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_import_text(&plan_json, NULL, NULL, NULL, 0, NULL));
  CHECK_MESSAGE_HAS("no content");

  opts.year = 12;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_import_text(&plan_json, NULL, NULL, kText,
                                                   strlen(kText), &opts));
  CHECK_MESSAGE_HAS("plan year 12");

  opts.year = 0;
  opts.known_units_json = "{\"format\": 1}";
  opts.known_units_json_len = strlen(opts.known_units_json);
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_import_text(&plan_json, NULL, NULL, kText,
                                                   strlen(kText), &opts));
  CHECK_MESSAGE_HAS("opts->known_units_json is not a plan JSON");

  opts.known_units_json = NULL;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_import_text(&plan_json, NULL, NULL, kText,
                                                   strlen(kText), &opts));
  CHECK_MESSAGE_HAS("opts->known_units_json is NULL but its length is");

  opts.struct_size = 3;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_import_text(&plan_json, NULL, NULL, kText,
                                                   strlen(kText), &opts));
  CHECK_MESSAGE_HAS("DG_IMPORT_OPTIONS_INIT");
  CHECK(plan_json == NULL);
}

int main(void) {
  TestImport();
  TestOptions();
  TestErrors();
  printf("import_c_test: %ld checks passed\n", g_checks);
  return 0;
}
