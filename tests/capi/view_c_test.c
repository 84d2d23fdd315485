/* tests/capi/view_c_test.c — scoped views (dg_view_*) from pure C.
 *
 * The fixture tests/data/small_plan.json (tests/model/small_plan.h) has five
 * task-tree nodes: p4 (the part), s_debt (section, 市财政局牵头),
 * t_hidden_debt (市财政局、市发改委 responsible), t_warning (市财政局、
 * 市金融办、市银保监分局 responsible, 各城区政府 support) and t_vague (市直
 * 相关部门 responsible). 市金融办 (jrb) therefore sees t_warning alone; every
 * query path through its view must keep the other four out, and a hidden
 * node must look exactly like one that does not exist.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutygraph/dg.h"
#include "test_util.h"

static dg_plan *g_plan;

static uint32_t Find(dg_record_kind kind, const char *name) {
  uint32_t index = 0;
  CHECK_OK(dg_plan_find(&index, g_plan, kind, name, strlen(name)));
  return index;
}

/* Text of a hidden node that must never appear in the jrb view's answers:
 * ids and titles of the nodes it does not see. (The section above
 * t_warning may be named by id, as where an inherited role comes from, but
 * never by title; the debt group's name, which contains the section's
 * title, is not secret.) */
static const char *const kHidden[] = {
    "t_hidden_debt", "严禁新增隐性债务", "t_vague", "合力化解存量债务",
    "\"防范化解政府债务风险\"", "衡阳市打好防范化解风险阻击仗实施方案\""};

static void CheckNoLeak(const char *what, const char *text) {
  size_t i;
  for (i = 0; i < sizeof kHidden / sizeof kHidden[0]; ++i) {
    if (strstr(text, kHidden[i]) != NULL) {
      fprintf(stderr, "%s leaks '%s':\n%s\n", what, kHidden[i], text);
      exit(1);
    }
  }
}

static void TestUnitView(void) {
  const dg_date on = Day("2023-06-01");
  const uint32_t jrb = Find(DG_RECORD_UNIT, "jrb");
  const uint32_t czj = Find(DG_RECORD_UNIT, "czj");
  const uint32_t t_warning = Find(DG_RECORD_TASK, "t_warning");
  const uint32_t t_hidden = Find(DG_RECORD_TASK, "t_hidden_debt");
  const uint32_t lei = Find(DG_RECORD_PERSON, "lei_gaofei");
  dg_view *view = NULL;
  dg_accountability *acc = NULL;
  dg_unit_tasks *tasks = NULL;
  dg_person_tasks *person_tasks = NULL;
  dg_unit_task item = DG_UNIT_TASK_INIT;
  dg_person_task person_item = DG_PERSON_TASK_INIT;
  char *text = NULL;
  char hidden_message[256], absent_message[256];
  size_t size = 0, count = 0, i;
  uint32_t found = 0;

  CHECK_OK(dg_view_new_for_unit(&view, g_plan, jrb, on));
  CHECK_OK(dg_accountability_new(&acc));
  CHECK_OK(dg_unit_tasks_new(&tasks));
  CHECK_OK(dg_person_tasks_new(&person_tasks));

  /* What it sees: t_warning, for its role; no group. */
  CHECK_OK(dg_view_json(&text, &size, view));
  CHECK(strlen(text) == size);
  CHECK(strstr(text, "\"viewer\":\"unit jrb (市金融办)\"") != NULL);
  CHECK(strstr(text, "\"id\":\"t_warning\"") != NULL);
  CHECK(strstr(text, "\"reasons\":[\"role\"]") != NULL);
  CHECK(strstr(text, "\"groups\":[]") != NULL);
  CheckNoLeak("dg_view_json", text);
  dg_string_free(text);

  /* Finding: by id and by path; a hidden node as absent as a missing one,
   * and no did-you-mean pointing at a hidden node. */
  CHECK_OK(dg_view_find_task(&found, view, "t_warning", 9));
  CHECK(found == t_warning);
  CHECK_OK(dg_view_find_task(&found, view, "4/二/（一）/3",
                             strlen("4/二/（一）/3")));
  CHECK(found == t_warning);
  CHECK_STATUS(DG_NOT_FOUND, dg_view_find_task(&found, view, "t_hidden_debt",
                                               13));
  CHECK(found == 0);
  CHECK_STREQ("dg_view_find_task: unknown task 't_hidden_debt'",
              dg_last_error_message());
  CHECK_STATUS(DG_NOT_FOUND, dg_view_find_task(&found, view, "t_vaguе", 9));
  CHECK_MESSAGE_HAS("unknown task");
  CheckNoLeak("dg_view_find_task", dg_last_error_message());
  /* The plan itself would suggest the hidden node: the view must not. */
  CHECK_STATUS(DG_NOT_FOUND, dg_plan_find(&found, g_plan, DG_RECORD_TASK,
                                          "t_hidden_debx", 13));
  CHECK_MESSAGE_HAS("did you mean 't_hidden_debt'");
  CHECK_STATUS(DG_NOT_FOUND, dg_view_find_task(&found, view, "t_hidden_debx",
                                               13));
  CHECK_STREQ("dg_view_find_task: unknown task 't_hidden_debx'",
              dg_last_error_message());

  /* Accountability: the visible node answers as the plan does; a hidden
   * node and a node past the end fail alike. */
  CHECK_OK(dg_view_accountability(acc, view, t_warning));
  CHECK_OK(dg_accountability_unit_count(&count, acc));
  CHECK(count == 6); /* czj, jrb, yjfj, 2 districts, and czj inherited */
  CHECK_STATUS(DG_NOT_FOUND, dg_view_accountability(acc, view, t_hidden));
  strcpy(hidden_message, dg_last_error_message());
  CHECK_OK(dg_accountability_unit_count(&count, acc));
  CHECK(count == 0); /* emptied, not the previous answer */
  CHECK_STATUS(DG_NOT_FOUND, dg_view_accountability(acc, view, 4000));
  strcpy(absent_message, dg_last_error_message());
  CHECK_STREQ("dg_view_accountability: task index 2 is not in this view",
              hidden_message);
  CHECK_STREQ("dg_view_accountability: task index 4000 is not in this view",
              absent_message);
  CHECK_OK(dg_view_accountability_json(&text, &size, view, t_warning));
  CHECK(strstr(text, "健全债务风险预警机制") != NULL);
  CheckNoLeak("dg_view_accountability_json", text);
  dg_string_free(text);
  CHECK_STATUS(DG_NOT_FOUND,
               dg_view_accountability_json(&text, &size, view, t_hidden));
  CHECK(text == NULL && size == 0);
  CHECK_MESSAGE_HAS("task index 2 is not in this view");

  /* 市财政局's tasks as this view sees them: t_warning only (the plan has
   * four). */
  CHECK_OK(dg_view_tasks_of_unit(tasks, view, czj, DG_ROLES_ALL));
  CHECK_OK(dg_unit_tasks_count(&count, tasks));
  CHECK(count == 1);
  CHECK_OK(dg_unit_tasks_at(&item, tasks, 0));
  CHECK(item.task == t_warning);
  CHECK_OK(dg_view_tasks_of_unit_json(&text, &size, view, czj, DG_ROLES_ALL));
  CheckNoLeak("dg_view_tasks_of_unit_json", text);
  CHECK(strstr(text, "t_warning") != NULL);
  dg_string_free(text);
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_view_tasks_of_unit(tasks, view, 999, DG_ROLES_ALL));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_view_tasks_of_unit_json(&text, &size, view, czj, 0x40u));

  /* 雷高飞 (市财政局局长) through the view: only t_warning entries. */
  CHECK_OK(dg_view_tasks_of_person(person_tasks, view, lei, on, on));
  CHECK_OK(dg_person_tasks_count(&count, person_tasks));
  CHECK(count > 0);
  for (i = 0; i < count; ++i) {
    CHECK_OK(dg_person_tasks_at(&person_item, person_tasks, i));
    CHECK(person_item.task == t_warning);
  }
  CHECK_OK(dg_view_tasks_of_person_json(&text, &size, view, lei, on, on));
  CheckNoLeak("dg_view_tasks_of_person_json", text);
  dg_string_free(text);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_view_tasks_of_person(person_tasks, view, lei, on, on - 1));

  /* Workloads, RACI and lints count and list the visible node only. */
  CHECK_OK(dg_view_workloads_json(&text, &size, view));
  CheckNoLeak("dg_view_workloads_json", text);
  CHECK(strstr(text, "\"id\":\"fgw\"") == NULL); /* 市发改委: hidden task */
  CHECK(strstr(text, "\"id\":\"czj\"") != NULL);
  dg_string_free(text);
  CHECK_OK(dg_view_raci_csv(&text, &size, view));
  CHECK_STREQ(
      "id,path,title,市财政局,市金融办,衡阳银保监分局,珠晖区,雁峰区\n"
      "t_warning,4/二/（一）/3,健全债务风险预警机制,R,R,R,S,S\n",
      text);
  dg_string_free(text);
  CHECK_OK(dg_view_lints_json(&text, &size, view));
  CheckNoLeak("dg_view_lints_json", text);
  CHECK(strstr(text, "/tasks/4") == NULL); /* t_vague's vague_set lint */
  dg_string_free(text);

  /* Wrong handles and NULLs. */
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_view_json(&text, &size, NULL));
  CHECK_MESSAGE_HAS("view is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_view_raci_csv(&text, &size,
                                (const dg_view *)(const void *)g_plan));
  CHECK_MESSAGE_HAS("view is a dg_plan handle, not a dg_view");
  {
    dg_view *other = (dg_view *)(void *)g_plan; /* zeroed on failure */
    CHECK_STATUS(DG_INVALID_ARGUMENT,
                 dg_view_new_for_unit(&other, NULL, jrb, on));
    CHECK(other == NULL);
  }
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_view_find_task(NULL, view, "x", 1));

  dg_person_tasks_free(person_tasks);
  dg_unit_tasks_free(tasks);
  dg_accountability_free(acc);
  dg_view_free(view);
}

static void TestSuccessorAndPostViews(void) {
  const uint32_t yjfj = Find(DG_RECORD_UNIT, "yjfj");
  const uint32_t director = Find(DG_RECORD_POST, "czj.director");
  dg_view *view = NULL;
  char *text = NULL;

  /* After the 2023-11-10 rename, 衡阳银保监分局's view is its successor's. */
  CHECK_OK(dg_view_new_for_unit(&view, g_plan, yjfj, Day("2023-12-01")));
  CHECK_OK(dg_view_json(&text, NULL, view));
  CHECK(strstr(text, "\"viewer\":\"unit jrjg (衡阳金融监管分局)\"") != NULL);
  CHECK(strstr(text, "t_warning") != NULL);
  dg_string_free(text);
  dg_view_free(view);

  /* 市财政局局长: heads 市财政局 (four nodes by role) and is a deputy
   * convener and the office director of the debt group (which supervises
   * s_debt); both groups of 市财政局... the debt group's office is hosted
   * by 市财政局. */
  CHECK_OK(dg_view_new_for_post(&view, g_plan, director, Day("2023-06-01")));
  CHECK_OK(dg_view_json(&text, NULL, view));
  CHECK(strstr(text, "\"viewer\":\"post czj.director (市财政局局长)\"") != NULL);
  CHECK(strstr(text, "\"id\":\"s_debt\",\"path\":\"4/二/（一）\",\"title\":"
                     "\"防范化解政府债务风险\",\"reasons\":[\"role\","
                     "\"supervision\"]") != NULL);
  CHECK(strstr(text, "\"id\":\"p4\"") == NULL);
  CHECK(strstr(text, "\"id\":\"g_debt\"") != NULL);
  CHECK(strstr(text, "\"id\":\"g_dispatch\"") == NULL);
  dg_string_free(text);
  dg_view_free(view);
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_view_new_for_post(&view, g_plan, 99, Day("2023-06-01")));
  CHECK(view == NULL);
}

int main(void) {
  const char *path = DG_SMALL_PLAN_JSON;
  CHECK_OK(dg_plan_load_file(&g_plan, NULL, path, strlen(path)));
  TestUnitView();
  TestSuccessorAndPostViews();
  dg_plan_free(g_plan);
  printf("view_c_test: %ld checks passed\n", g_checks);
  return 0;
}
