/* tests/capi/tracking_c_test.c — the tracking part of the C API from pure
 * C99: an event log on the small plan, idempotent appends, status, the
 * escalation ladder, rankings, the ledger and lifecycle; and the Hengyang
 * policy's carry-over (挂牌管理). Dates are worked by hand from the 2023
 * notices (09-29..10-06 off, 10-07 and 10-08 worked). */
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
#ifndef DG_HENGYANG_DIR
#error "DG_HENGYANG_DIR must name examples/hengyang-2023/"
#endif

#define JUNK ((char *)0x5A5A5A5A)
#define CHECK_HAS(text, needle) CHECK(strstr((text), (needle)) != NULL)

static const char kPolicy[] =
    "{\"format\":\"dutygraph/policy@1\",\"id\":\"c\","
    "\"light\":{\"red\":{\"working_days_overdue\":3}},"
    "\"escalation\":[{\"id\":\"debt\",\"applies_to\":[\"s_debt\"],\"rules\":["
    "{\"id\":\"yellow\",\"trigger\":{\"kind\":\"working_days_overdue\",\"n\":3},"
    "\"action\":\"yellow_card\",\"audience\":[\"lead_unit\",\"lead_unit_head\"]}]}],"
    "\"rankings\":[{\"id\":\"q\",\"weights\":{\"on_time_completion\":60,"
    "\"indicator_attainment\":40,\"yellow_card\":-5}}]}";

static char *ReadFile(const char *path) {
  FILE *f = fopen(path, "rb");
  long n;
  char *text;
  CHECK(f != NULL);
  CHECK(fseek(f, 0, SEEK_END) == 0);
  n = ftell(f);
  CHECK(n >= 0);
  rewind(f);
  text = (char *)malloc((size_t)n + 1);
  CHECK(text != NULL);
  CHECK(fread(text, 1, (size_t)n, f) == (size_t)n);
  text[n] = 0;
  fclose(f);
  return text;
}

static void Append(dg_events *log, const char *json) {
  int appended = -1;
  CHECK_OK(dg_events_append_json(&appended, log, json, strlen(json)));
  CHECK(appended == 1);
}

static void TestSmallPlan(const dg_plan *plan, const dg_calendar *cal) {
  dg_events *log = NULL;
  dg_tracker *tracker = NULL;
  char *text = JUNK;
  size_t size = 1, count = 9;
  int appended = -1;
  const char *assigned =
      "{\"id\":\"a1\",\"kind\":\"assigned\",\"date\":\"2023-09-01\","
      "\"task\":\"4/二/（一）/1\",\"due\":\"2023-09-28\","
      "\"actor\":{\"post\":\"exec_vice_mayor\"}}";
  const char *clash =
      "{\"id\":\"a1\",\"kind\":\"assigned\",\"date\":\"2023-09-02\","
      "\"task\":\"t_hidden_debt\"}";

  CHECK_OK(dg_events_new(&log, plan, cal));
  CHECK_OK(dg_tracker_new(&tracker, plan, cal, kPolicy, strlen(kPolicy)));
  Append(log, assigned);
  /* The same event again: a no-op. A different one with the same id. */
  CHECK_OK(dg_events_append_json(&appended, log, assigned, strlen(assigned)));
  CHECK(appended == 0);
  CHECK_STATUS(DG_ALREADY_EXISTS,
               dg_events_append_json(&appended, log, clash, strlen(clash)));
  CHECK(appended == 0);
  CHECK_MESSAGE_HAS("event 'a1' already exists");
  CHECK_STREQ("DG_ALREADY_EXISTS", dg_status_name(DG_ALREADY_EXISTS));
  CHECK_OK(dg_events_count(&count, log));
  CHECK(count == 1);

  /* Status on 10-09: 3 working days overdue -> red. */
  CHECK_OK(dg_status_json(&text, &size, tracker, log, Day("2023-10-09"), NULL, 0));
  CHECK(size == strlen(text));
  CHECK_HAS(text, "\"id\":\"t_hidden_debt\"");
  CHECK_HAS(text, "\"state\":\"overdue\",\"light\":\"red\"");
  CHECK_HAS(text, "\"working_days_overdue\":3");
  dg_string_free(text);
  CHECK_OK(dg_status_json(&text, &size, tracker, log, Day("2023-10-09"), "市发改委",
                          strlen("市发改委")));
  CHECK_HAS(text, "t_hidden_debt");
  dg_string_free(text);

  /* The yellow card is due, to 市财政局 (the section's lead) and its head. */
  CHECK_OK(dg_escalations_json(&text, &size, tracker, log, Day("2023-10-09")));
  CHECK_HAS(text, "\"rule\":\"yellow\",\"action\":\"yellow_card\"");
  CHECK_HAS(text, "\"name\":\"继任局长\"");
  CHECK_HAS(text, "\"event_id\":\"esc:debt:v1:yellow:t_hidden_debt:2023-10-09\"");
  dg_string_free(text);
  /* Recorded, it is not due again. */
  Append(log,
         "{\"id\":\"esc:debt:v1:yellow:t_hidden_debt:2023-10-09\",\"kind\":"
         "\"card_issued\",\"date\":\"2023-10-09\",\"task\":\"t_hidden_debt\","
         "\"unit\":\"czj\",\"card\":\"yellow\",\"policy\":\"debt\","
         "\"policy_version\":1,\"rule\":\"yellow\"}");
  CHECK_OK(dg_escalations_json(&text, &size, tracker, log, Day("2023-10-09")));
  CHECK_STREQ("{\"as_of\":\"2023-10-09\",\"actions\":[]}", text);
  dg_string_free(text);

  /* JSON Lines, all or nothing, errors naming the line. */
  {
    const char *lines =
        "{\"id\":\"p1\",\"kind\":\"progress\",\"date\":\"2023-05-10\","
        "\"task\":\"t_warning\",\"percent\":40,\"actor\":{\"unit\":\"珠晖区\"}}\n"
        "\n"
        "{\"id\":\"p2\",\"kind\":\"progress\",\"date\":\"2023-05-10\","
        "\"task\":\"t_warnin\",\"percent\":40}\n";
    size_t n = 9;
    CHECK_STATUS(DG_NOT_FOUND, dg_events_append_jsonl(&n, log, lines, strlen(lines),
                                                      "e.jsonl", 7));
    CHECK(n == 0);
    CHECK_MESSAGE_HAS("e.jsonl:3 ('p2')");
    CHECK_OK(dg_events_append_jsonl(&n, log, lines, strlen(lines) - 82, NULL, 0));
    CHECK(n == 1);
  }
  CHECK_OK(dg_events_to_jsonl(&text, &size, log));
  CHECK_HAS(text, "{\"id\":\"a1\",\"kind\":\"assigned\",\"date\":\"2023-09-01\","
                  "\"task\":\"t_hidden_debt\"");
  dg_string_free(text);

  CHECK_OK(dg_rank_json(&text, &size, tracker, log, "各城区政府", strlen("各城区政府"),
                        DG_PERIOD_QUARTER, Day("2023-05-01"), NULL, 0));
  CHECK_HAS(text, "\"label\":\"2023年第二季度\"");
  CHECK_HAS(text, "{\"rank\":1,\"unit\":{\"id\":\"zhuxi\"");
  dg_string_free(text);
  CHECK_STATUS(DG_NOT_FOUND, dg_rank_json(&text, &size, tracker, log, "districts", 9,
                                          DG_PERIOD_QUARTER, Day("2023-05-01"), "zz", 2));
  CHECK(text == NULL && size == 0);

  CHECK_OK(dg_ledger_csv(&text, &size, tracker, log, Day("2023-10-09")));
  CHECK_HAS(text, "序号,任务,牵头单位,配合单位,完成时限,进展,状态\n");
  CHECK_HAS(text, "1,4/二/（一）/1 严禁新增隐性债务,市财政局,,2023-09-28,,逾期3个工作日\n");
  dg_string_free(text);

  CHECK_OK(dg_lifecycle_json(&text, &size, tracker, log, "t_hidden_debt", 13));
  CHECK_HAS(text, "\"deployed\":[{\"event\":\"a1\",\"date\":\"2023-09-01\",\"kind\":"
                  "\"assigned\",\"actor\":{\"post\":\"exec_vice_mayor\"}}]");
  dg_string_free(text);

  /* Errors: NULLs named, bad policy, other plan handle, horizon. */
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_status_json(&text, &size, NULL, log, 0, NULL, 0));
  CHECK_MESSAGE_HAS("tracker is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_escalations_json(&text, &size, tracker, NULL, 0));
  CHECK_MESSAGE_HAS("events is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_events_new(NULL, plan, cal));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_events_count(&count, NULL));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_events_to_jsonl(NULL, &size, log));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_events_append_json(NULL, log, "{", 1));
  CHECK_MESSAGE_HAS("malformed JSON");
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_ledger_csv(&text, &size, tracker, log, Day("2025-01-02")));
  CHECK_MESSAGE_HAS("beyond the tracking horizon 2024-12-31");
  {
    dg_tracker *bad = (dg_tracker *)JUNK;
    CHECK_STATUS(DG_INVALID_ARGUMENT, dg_tracker_new(&bad, plan, cal, "{\"format\":1}", 12));
    CHECK(bad == NULL);
    CHECK_MESSAGE_HAS("/format");
    CHECK_STATUS(DG_INVALID_ARGUMENT, dg_lifecycle_json(&text, &size, tracker, log, NULL, 3));
  }
  dg_tracker_free(tracker);
  dg_events_free(log);
  dg_tracker_free(NULL);
  dg_events_free(NULL);
}

static void TestHengyangCarryOver(const dg_calendar *cal) {
  char *plan_path = NULL, *policy = NULL, *scenario = NULL;
  dg_plan *plan = NULL, *other = NULL;
  dg_events *log = NULL;
  dg_tracker *tracker = NULL;
  char *text = NULL;
  size_t size = 0, n = 0;
  const char *dir = DG_HENGYANG_DIR;
  char path[4096];
  snprintf(path, sizeof path, "%splan.json", dir);
  CHECK_OK(dg_plan_load_file(&plan, NULL, path, strlen(path)));
  CHECK_OK(dg_plan_load_file(&other, NULL, path, strlen(path)));
  snprintf(path, sizeof path, "%spolicy.json", dir);
  policy = ReadFile(path);
  snprintf(path, sizeof path, "%sscenario-2023.jsonl", dir);
  scenario = ReadFile(path);
  CHECK_OK(dg_tracker_new(&tracker, plan, cal, policy, strlen(policy)));
  CHECK_OK(dg_events_new(&log, plan, cal));
  CHECK_OK(dg_events_append_jsonl(&n, log, scenario, strlen(scenario), "scenario", 8));
  CHECK(n == 94);
  /* 挂牌管理: 耒阳市 was carded yellow in 2022. */
  CHECK_OK(dg_escalations_json(&text, &size, tracker, log, Day("2023-03-06")));
  CHECK_HAS(text, "\"rule\":\"yellow_card_carry_over\",\"action\":\"listed_supervision\"");
  CHECK_HAS(text, "unit 耒阳市: yellow card in 2022 (2022-yc-leiyang, 2022-12-20)");
  /* 耒阳市 has no head post in the seed: the listing says so. */
  CHECK_HAS(text, "\"unresolved_audience\":[{\"role\":\"lead_unit_head\","
                  "\"unit\":{\"id\":\"leiyang\",\"name\":\"耒阳市\"},"
                  "\"reason\":\"耒阳市 has no head post in the plan on 2023-03-06\"}]");
  dg_string_free(text);
  dg_tracker_free(tracker);
  /* A tracker for another plan handle refuses this log. */
  CHECK_OK(dg_tracker_new(&tracker, other, cal, NULL, 0));
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_status_json(&text, &size, tracker, log, Day("2023-03-06"), NULL, 0));
  CHECK_MESSAGE_HAS("another plan");
  dg_tracker_free(tracker);
  dg_events_free(log);
  dg_plan_free(other);
  dg_plan_free(plan);
  free(plan_path);
  free(policy);
  free(scenario);
}

/* Duplicate keys are refused with their JSON Pointer; the limits of
 * dg_tracking_limits are enforced, raisable, read only up to struct_size. */
static void TestHostileInputAndLimits(const dg_plan *plan, const dg_calendar *cal) {
  static const char kTwice[] =
      "{\"id\":\"e1\",\"kind\":\"completed\",\"date\":\"2023-06-01\","
      "\"task\":\"t_warning\",\"task\":\"s_debt\"}";
  static const char kPolicyTwice[] =
      "{\"format\":\"dutygraph/policy@1\",\"id\":\"c\",\"light\":{\"red\":"
      "{\"working_days_overdue\":3,\"working_days_overdue\":9}}}";
  static const char kHead[] =
      "{\"id\":\"big\",\"kind\":\"progress\",\"date\":\"2023-06-01\","
      "\"task\":\"t_warning\",\"text\":\"";
  dg_tracking_limits limits = DG_TRACKING_LIMITS_INIT;
  dg_tracking_limits prefix = DG_TRACKING_LIMITS_INIT;
  dg_events *log = (dg_events *)JUNK;
  dg_tracker *tracker = (dg_tracker *)JUNK;
  size_t big_len = strlen(kHead) + ((size_t)2 << 20) + 2, n = 0;
  char *big = (char *)malloc(big_len + 1);
  int appended = -1;
  CHECK(big != NULL);
  memcpy(big, kHead, strlen(kHead));
  memset(big + strlen(kHead), 'x', (size_t)2 << 20);
  memcpy(big + big_len - 2, "\"}", 3);

  /* Defaults: the 2 MiB event is refused, the duplicate key is named. */
  CHECK_OK(dg_events_new_v2(&log, plan, cal, NULL));
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED, dg_events_append_json(&appended, log, big, big_len));
  CHECK_MESSAGE_HAS("more than the limit max_event_bytes (1048576)");
  CHECK(appended == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_events_append_json(&appended, log, kTwice, strlen(kTwice)));
  CHECK_MESSAGE_HAS("duplicate key 'task' at /task (line 1, column 70 (byte 69))");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_events_append_jsonl(&n, log, kTwice, strlen(kTwice), "ev.jsonl", 8));
  CHECK_MESSAGE_HAS("ev.jsonl:1: duplicate key 'task' at /task");
  CHECK_OK(dg_events_count(&n, log));
  CHECK(n == 0);
  dg_events_free(log);

  /* Raised: accepted. */
  limits.max_event_bytes = (uint64_t)4 << 20;
  CHECK_OK(dg_events_new_v2(&log, plan, cal, &limits));
  CHECK_OK(dg_events_append_json(&appended, log, big, big_len));
  CHECK(appended == 1);
  dg_events_free(log);

  /* Lowered batch size: all or nothing, naming the limit. */
  limits = prefix;
  limits.max_batch_events = 0;
  CHECK_OK(dg_events_new_v2(&log, plan, cal, &limits));
  CHECK_OK(dg_events_append_jsonl(&n, log, "", 0, NULL, 0));
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED,
               dg_events_append_jsonl(&n, log, kTwice, strlen(kTwice), NULL, 0));
  CHECK_MESSAGE_HAS("max_batch_events (0)");
  dg_events_free(log);

  /* Only the declared prefix is read: max_batch_events = 0 past it is
   * ignored, so the default (1000000) holds. */
  prefix.struct_size = offsetof(dg_tracking_limits, max_batch_events);
  prefix.max_batch_events = 0;
  CHECK_OK(dg_events_new_v2(&log, plan, cal, &prefix));
  CHECK_OK(dg_events_append_jsonl(&n, log, kHead, 0, NULL, 0));
  CHECK_OK(dg_events_append_jsonl(
      &n, log,
      "{\"id\":\"a\",\"kind\":\"completed\",\"date\":\"2023-06-01\",\"task\":\"t_warning\"}",
      strlen("{\"id\":\"a\",\"kind\":\"completed\",\"date\":\"2023-06-01\",\"task\":\"t_warning\"}"),
      NULL, 0));
  CHECK(n == 1);
  dg_events_free(log);

  /* Bad limits: nothing made, the out-param zeroed. */
  prefix.struct_size = 4;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_events_new_v2(&log, plan, cal, &prefix));
  CHECK_MESSAGE_HAS("limits->struct_size is 4");
  CHECK(log == NULL);
  limits = prefix;
  limits.struct_size = sizeof limits;
  limits.max_depth = 0;
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_tracker_new_v2(&tracker, plan, cal, kPolicy, strlen(kPolicy), &limits));
  CHECK_MESSAGE_HAS("limits->max_depth is 0");
  CHECK(tracker == NULL);

  /* Policies: duplicate keys, size and depth. */
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_tracker_new(&tracker, plan, cal, kPolicyTwice, strlen(kPolicyTwice)));
  CHECK_MESSAGE_HAS("policy: duplicate key 'working_days_overdue' at "
                    "/light/red/working_days_overdue");
  limits.max_depth = 2;
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED,
               dg_tracker_new_v2(&tracker, plan, cal, kPolicy, strlen(kPolicy), &limits));
  CHECK_MESSAGE_HAS("policy: JSON nests deeper than the limit max_depth (2)");
  limits.max_depth = 32;
  limits.max_policy_bytes = 16;
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED,
               dg_tracker_new_v2(&tracker, plan, cal, kPolicy, strlen(kPolicy), &limits));
  CHECK_MESSAGE_HAS("more than the limit max_policy_bytes (16)");
  CHECK(tracker == NULL);
  CHECK_OK(dg_tracker_new_v2(&tracker, plan, cal, kPolicy, strlen(kPolicy), NULL));
  dg_tracker_free(tracker);
  free(big);
}

int main(void) {
  dg_plan *small = NULL;
  dg_calendar *cal = NULL;
  CHECK_OK(dg_plan_load_file(&small, NULL, DG_SMALL_PLAN_JSON, strlen(DG_SMALL_PLAN_JSON)));
  CHECK_OK(dg_calendar_china_mainland(&cal, NULL));
  TestSmallPlan(small, cal);
  TestHengyangCarryOver(cal);
  TestHostileInputAndLimits(small, cal);
  dg_calendar_free(cal);
  dg_plan_free(small);
  printf("tracking_c_test: %ld checks passed\n", g_checks);
  return 0;
}
