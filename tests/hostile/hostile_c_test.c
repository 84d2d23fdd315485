/* tests/hostile/hostile_c_test.c — the hostile-input catalogue, C face.
 *
 * Pure C99 through dg.h, as an OA back end calls it (often through an FFI
 * where every handle is a void*). Each table line is one bad call: the
 * expression, the dg_status it must return and a piece of
 * dg_last_error_message() that names the culprit. After every failing call
 * the test checks that nothing changed: the out-params are zeroed (nothing to
 * free), and the shared plan and calendar still answer exactly as before.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../capi/test_util.h"
#include "dutygraph/dg.h"

/* Shared state the cases use. Out-params are reset to a sentinel first. */
static dg_plan *g_plan;
static dg_calendar *g_cal;
static dg_accountability *g_acc;
static dg_unit_tasks *g_unit_tasks;
static dg_person_tasks *g_person_tasks;
static char *g_text;
static size_t g_size;
static dg_date g_date;
static uint32_t g_index;
static size_t g_count;
static const char *g_borrowed;
static dg_plan *g_plan_out;
static dg_calendar *g_cal_out;
static int g_flag;
static char *g_diagnostics;
static dg_store *g_store;
static dg_events *g_events;
static dg_tracker *g_tracker;
static dg_events *g_events_out;
static dg_tracker *g_tracker_out;
static dg_store *g_store_out;
static int64_t g_i64;

#define SENTINEL_PTR ((void *)(uintptr_t)0x5a5a5a5a)
static void ResetOuts(void) {
  g_text = (char *)SENTINEL_PTR;
  g_size = 77;
  g_date = 77;
  g_index = 77;
  g_count = 77;
  g_borrowed = (const char *)SENTINEL_PTR;
  g_plan_out = (dg_plan *)SENTINEL_PTR;
  g_cal_out = (dg_calendar *)SENTINEL_PTR;
  g_diagnostics = NULL;
  g_events_out = (dg_events *)SENTINEL_PTR;
  g_tracker_out = (dg_tracker *)SENTINEL_PTR;
  g_store_out = (dg_store *)SENTINEL_PTR;
  g_i64 = 77;
}

/* "Handles" of the wrong type, as an FFI caller passes them. */
#define AS_PLAN(h) ((const dg_plan *)(const void *)(h))
#define AS_CAL(h) ((const dg_calendar *)(const void *)(h))
#define AS_ACC(h) ((dg_accountability *)(void *)(h))
#define AS_TASKS(h) ((dg_unit_tasks *)(void *)(h))
#define AS_STORE(h) ((dg_store *)(void *)(h))
#define AS_EVENTS(h) ((dg_events *)(void *)(h))
#define AS_TRACKER(h) ((const dg_tracker *)(const void *)(h))
static const char kStorePath[] = "hostile_c_test.db";
static const char kUnknownTaskEvent[] =
    "{\"id\":\"e1\",\"kind\":\"reminder\",\"date\":\"2023-03-06\","
    "\"task\":\"t_warning\"}\n"
    "{\"id\":\"e2\",\"kind\":\"completed\",\"date\":\"2023-06-01\","
    "\"task\":\"t_warnin\"}\n";
static const char kTruncatedEvent[] = "{\"id\":\"e1\",\"kind\":\"remi";
static const char kImpossibleDateEvent[] =
    "{\"id\":\"e1\",\"kind\":\"reminder\",\"date\":\"2023-02-30\","
    "\"task\":\"t_warning\"}";
static const char kUnknownKindEvent[] =
    "{\"id\":\"e1\",\"kind\":\"progress_reported\",\"date\":"
    "\"2023-03-06\"}";
static const char kDuplicateIdEvent[] =
    "{\"id\":\"e1\",\"kind\":\"reminder\",\"id\":\"e2\",\"date\":"
    "\"2023-03-06\",\"task\":\"t_warning\"}";
static const char kDuplicateNestedEvent[] =
    "{\"id\":\"e1\",\"kind\":\"progress\",\"date\":\"2023-03-06\","
    "\"task\":\"t_warning\",\"values\":{\"x\":1,\"x\":2}}";
/* The object and 32 arrays: one level past the default max_depth (32). */
static const char kDeepEvent[] =
    "{\"id\":\"d\",\"kind\":\"progress\",\"date\":\"2023-03-07\","
    "\"task\":\"t_warning\",\"text\":\"x\",\"note\":"
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}";
/* 38 bytes of a keyword: a 40-byte quote would end inside what follows. */
#define X38 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

static const char kUtf8InFieldEvent[] =
    "{\"id\":\"e1\",\"kind\":\"progress\",\"date\":\"2023-03-06\","
    "\"task\":\"t_warning\",\"text\":\"\xE8\xA1\"}";
static const char kOffCalendarEvent[] =
    "{\"id\":\"e1\",\"kind\":\"reminder\",\"date\":\"2150-01-01\","
    "\"task\":\"t_warning\"}";
static const char kDuplicateKeyPolicy[] =
    "{\"format\":\"dutygraph/policy@1\",\"id\":\"p\",\"version\":1,"
    "\"version\":2}";
static const char kDeepPolicy[] =
    "{\"format\":\"dutygraph/policy@1\",\"id\":\"p\",\"text\":"
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}";
/* One byte over the default max_event_bytes (1 MiB); filled by main(). */
static char g_big_event[(1u << 20) + 2];
static dg_tracking_limits kTinyTracking = DG_TRACKING_LIMITS_INIT;
static dg_tracking_limits kSmallPolicy = DG_TRACKING_LIMITS_INIT;
static const char kWrongPolicyFormat[] =
    "{\"format\":\"dutygraph/policy@9\",\"id\":\"p\",\"version\":1}";
/* Not a dutygraph handle at all: a caller's own struct. */
static uint64_t g_not_a_handle[8] = {1, 2, 3, 4, 5, 6, 7, 8};

static const char kBom[] = "\xEF\xBB\xBF";
static const char kDeep[] =
    "{\"format\":\"dutygraph/plan@1\",\"plan\":{\"id\":\"p\",\"title\":\"t\","
    "\"year\":2023,\"x\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
    "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}";
static const char kNulInside[] = "{\"format\":\"dutygraph/plan@1\"\0}";

/* X(name, expected status, message fragment, call expression) */
#define CASES(X)                                                              \
  /* --- NULL pointers, each naming the argument ------------------------- */ \
  X(null_plan_out, DG_INVALID_ARGUMENT, "out is NULL",                        \
    dg_plan_load_json(NULL, NULL, "{}", 2))                                   \
  X(null_json_with_length, DG_INVALID_ARGUMENT, "json is NULL but its length",\
    dg_plan_load_json(&g_plan_out, &g_diagnostics, NULL, 5))                  \
  X(null_path, DG_INVALID_ARGUMENT, "path is empty",                          \
    dg_plan_load_file(&g_plan_out, &g_diagnostics, NULL, 0))                  \
  X(null_plan_to_json, DG_INVALID_ARGUMENT, "plan is NULL",                   \
    dg_plan_to_json(&g_text, &g_size, NULL))                                  \
  X(null_text_out, DG_INVALID_ARGUMENT, "out is NULL",                        \
    dg_plan_to_json(NULL, &g_size, g_plan))                                   \
  X(null_count_out, DG_INVALID_ARGUMENT, "count_out is NULL",                 \
    dg_plan_record_count(NULL, g_plan, DG_RECORD_UNIT))                       \
  X(null_find_plan, DG_INVALID_ARGUMENT, "plan is NULL",                      \
    dg_plan_find(&g_index, NULL, DG_RECORD_UNIT, "czj", 3))                   \
  X(null_name_with_length, DG_INVALID_ARGUMENT, "is NULL but its length",     \
    dg_plan_find(&g_index, g_plan, DG_RECORD_UNIT, NULL, 3))                  \
  X(null_accountability_out, DG_INVALID_ARGUMENT, "out is NULL",              \
    dg_plan_accountability(NULL, g_plan, 0, Day("2023-06-01")))               \
  X(null_calendar, DG_INVALID_ARGUMENT, "cal is NULL",                        \
    dg_calendar_next_working_day(&g_date, NULL, NULL, Day("2023-06-01")))     \
  X(null_calendar_base, DG_INVALID_ARGUMENT, "base is NULL",                  \
    dg_calendar_derive_text(&g_cal_out, NULL, "", 0))                         \
  X(null_schedule_calendar, DG_INVALID_ARGUMENT, "cal is NULL",               \
    dg_plan_tasks_due(&g_text, &g_size, g_plan, NULL, Day("2023-01-01"),      \
                      Day("2023-12-31"), NULL))                               \
  X(null_date_out, DG_INVALID_ARGUMENT, "out is NULL",                        \
    dg_date_parse(NULL, "2023-01-01", 10))                                    \
  X(null_tasks_count, DG_INVALID_ARGUMENT, "tasks is NULL",                   \
    dg_unit_tasks_count(&g_count, NULL))                                      \
  X(null_critical_path_durations, DG_INVALID_ARGUMENT, "durations",           \
    dg_plan_critical_path(&g_text, &g_size, g_plan, g_cal,                    \
                          Day("2023-03-06"), NULL, 2))                        \
  /* --- handles of the wrong type ---------------------------------------- */\
  X(calendar_as_plan, DG_INVALID_ARGUMENT,                                    \
    "plan is a dg_calendar handle, not a dg_plan",                            \
    dg_plan_to_json(&g_text, &g_size, AS_PLAN(g_cal)))                        \
  X(plan_as_calendar, DG_INVALID_ARGUMENT,                                    \
    "cal is a dg_plan handle, not a dg_calendar",                             \
    dg_calendar_is_working_day(&g_flag, NULL, AS_CAL(g_plan),                 \
                               Day("2023-06-01")))                            \
  X(plan_as_overlay_base, DG_INVALID_ARGUMENT,                                \
    "base is a dg_plan handle, not a dg_calendar",                            \
    dg_calendar_derive_text(&g_cal_out, AS_CAL(g_plan), "", 0))               \
  X(result_as_plan, DG_INVALID_ARGUMENT,                                      \
    "plan is a dg_unit_tasks handle, not a dg_plan",                          \
    dg_plan_record_count(&g_count, AS_PLAN(g_unit_tasks), DG_RECORD_UNIT))    \
  X(wrong_result_handle, DG_INVALID_ARGUMENT,                                 \
    "out is a dg_person_tasks handle, not a dg_unit_tasks",                   \
    dg_plan_tasks_of_unit(AS_TASKS(g_person_tasks), g_plan, 0,                \
                          Day("2023-06-01"), DG_ROLES_ALL))                   \
  X(plan_as_result, DG_INVALID_ARGUMENT,                                      \
    "out is a dg_plan handle, not a dg_accountability",                       \
    dg_plan_accountability(AS_ACC(g_plan), g_plan, 0, Day("2023-06-01")))     \
  X(calendar_as_schedule_plan, DG_INVALID_ARGUMENT,                           \
    "plan is a dg_calendar handle",                                           \
    dg_plan_schedule(&g_text, &g_size, AS_PLAN(g_cal), g_cal,                 \
                     Day("2023-01-01"), Day("2023-12-31"), NULL))             \
  X(foreign_memory_as_plan, DG_INVALID_ARGUMENT,                              \
    "plan is not a dg_plan handle (not made by dutygraph",                    \
    dg_plan_record_count(&g_count, AS_PLAN(g_not_a_handle), DG_RECORD_TASK))  \
  X(foreign_memory_as_calendar, DG_INVALID_ARGUMENT,                          \
    "cal is not a dg_calendar handle",                                        \
    dg_calendar_roll(&g_date, NULL, AS_CAL(g_not_a_handle),                   \
                     Day("2023-06-03"), DG_ROLL_FOLLOWING))                   \
  X(plan_as_store, DG_INVALID_ARGUMENT,                                       \
    "store is a dg_plan handle, not a dg_store",                              \
    dg_store_event_count(&g_i64, AS_STORE(g_plan)))                           \
  X(events_as_store, DG_INVALID_ARGUMENT,                                     \
    "store is a dg_events handle, not a dg_store",                            \
    dg_store_info_json(&g_text, &g_size, AS_STORE(g_events)))                 \
  X(tracker_as_store_append, DG_INVALID_ARGUMENT,                             \
    "store is a dg_tracker handle, not a dg_store",                           \
    dg_store_append_jsonl(NULL, NULL, AS_STORE(g_tracker), "", 0))            \
  X(foreign_memory_as_store, DG_INVALID_ARGUMENT,                             \
    "store is not a dg_store handle (not made by dutygraph",                  \
    dg_store_read_events(&g_text, &g_size, NULL, AS_STORE(g_not_a_handle), 0, \
                         10, NULL, 0))                                        \
  X(store_as_events, DG_INVALID_ARGUMENT,                                     \
    "events is a dg_store handle, not a dg_events",                           \
    dg_events_count(&g_count, AS_EVENTS(g_store)))                            \
  X(tracker_as_events, DG_INVALID_ARGUMENT,                                   \
    "events is a dg_tracker handle, not a dg_events",                         \
    dg_events_append_json(&g_flag, AS_EVENTS(g_tracker), "{}", 2))            \
  X(plan_as_events_in_status, DG_INVALID_ARGUMENT,                            \
    "events is a dg_plan handle, not a dg_events",                            \
    dg_status_json(&g_text, &g_size, g_tracker, AS_EVENTS(g_plan),            \
                   Day("2023-06-01"), NULL, 0))                               \
  X(events_as_tracker, DG_INVALID_ARGUMENT,                                   \
    "tracker is a dg_events handle, not a dg_tracker",                        \
    dg_escalations_json(&g_text, &g_size, AS_TRACKER(g_events), g_events,     \
                        Day("2023-06-01")))                                   \
  X(foreign_memory_as_tracker, DG_INVALID_ARGUMENT,                           \
    "tracker is not a dg_tracker handle",                                     \
    dg_ledger_csv(&g_text, &g_size, AS_TRACKER(g_not_a_handle), g_events,     \
                  Day("2023-06-01")))                                         \
  X(calendar_as_events_plan, DG_INVALID_ARGUMENT,                             \
    "plan is a dg_calendar handle, not a dg_plan",                            \
    dg_events_new(&g_events_out, AS_PLAN(g_cal), g_cal))                      \
  X(store_as_tracker_calendar, DG_INVALID_ARGUMENT,                           \
    "cal is a dg_store handle, not a dg_calendar",                            \
    dg_tracker_new(&g_tracker_out, g_plan, AS_CAL(g_store), NULL, 0))         \
  /* --- events, stores and policies --------------------------------------- */\
  X(store_event_unknown_task, DG_NOT_FOUND,                                   \
    "line 2 ('e2'): field 'task': unknown task 't_warnin'; did you mean",     \
    dg_store_append_jsonl(NULL, NULL, g_store, kUnknownTaskEvent,             \
                          strlen(kUnknownTaskEvent)))                         \
  X(store_event_truncated, DG_INVALID_ARGUMENT, "line 1: malformed JSON",     \
    dg_store_append_jsonl(NULL, NULL, g_store, kTruncatedEvent,               \
                          strlen(kTruncatedEvent)))                           \
  X(store_event_impossible_date, DG_INVALID_ARGUMENT,                         \
    "bad date '2023-02-30'",                                                  \
    dg_store_append_events(NULL, NULL, g_store, g_plan, g_cal,                \
                           kImpossibleDateEvent,                              \
                           strlen(kImpossibleDateEvent)))                     \
  X(store_event_escape_before_multibyte, DG_INVALID_ARGUMENT,                 \
    "invalid escape '\\\xE5\x8C\x96'",                                       \
    dg_store_append_jsonl(NULL, NULL, g_store, "{\"id\":\"\\\xE5\x8C\x96\"}",  \
                          13))                                                \
  X(store_event_invalid_utf8, DG_INVALID_ARGUMENT, "jsonl: invalid UTF-8",    \
    dg_store_append_jsonl(NULL, NULL, g_store, "{\"id\":\"\xC3\x28\"}", 10))    \
  X(log_event_unknown_kind, DG_INVALID_ARGUMENT,                              \
    "unknown event kind 'progress_reported'",                                 \
    dg_events_append_json(&g_flag, g_events, kUnknownKindEvent,               \
                          strlen(kUnknownKindEvent)))                         \
  X(log_event_unknown_task, DG_NOT_FOUND, "did you mean 't_warning'",         \
    dg_events_append_jsonl(&g_count, g_events, kUnknownTaskEvent,             \
                           strlen(kUnknownTaskEvent), "ev.jsonl", 8))         \
  X(log_event_duplicate_key, DG_INVALID_ARGUMENT,                             \
    "duplicate key 'id' at /id (line 1, column 30 (byte 29))",                \
    dg_events_append_json(&g_flag, g_events, kDuplicateIdEvent,               \
                          strlen(kDuplicateIdEvent)))                         \
  X(log_event_duplicate_nested_key, DG_INVALID_ARGUMENT,                      \
    "ev.jsonl:1: duplicate key 'x' at /values/x",                             \
    dg_events_append_jsonl(&g_count, g_events, kDuplicateNestedEvent,         \
                           strlen(kDuplicateNestedEvent), "ev.jsonl", 8))     \
  X(store_event_duplicate_key, DG_INVALID_ARGUMENT,                           \
    "line 1: duplicate key 'id' at /id",                                      \
    dg_store_append_jsonl(NULL, NULL, g_store, kDuplicateIdEvent,             \
                          strlen(kDuplicateIdEvent)))                         \
  X(log_event_too_deep, DG_RESOURCE_EXHAUSTED,                                \
    "JSON nests deeper than the limit max_depth (32)",                        \
    dg_events_append_json(&g_flag, g_events, kDeepEvent, strlen(kDeepEvent))) \
  X(log_event_over_the_size_limit, DG_RESOURCE_EXHAUSTED,                     \
    "the event is 1048577 bytes, more than the limit max_event_bytes",        \
    dg_events_append_json(&g_flag, g_events, g_big_event,                     \
                          sizeof g_big_event - 1))                            \
  X(log_event_invalid_utf8_in_a_field, DG_INVALID_ARGUMENT,                   \
    "json: invalid UTF-8 at byte 76",                                         \
    dg_events_append_json(&g_flag, g_events, kUtf8InFieldEvent,               \
                          strlen(kUtf8InFieldEvent)))                         \
  X(log_event_date_outside_the_calendar, DG_OUT_OF_RANGE,                     \
    "outside the calendar's range",                                           \
    dg_events_append_json(&g_flag, g_events, kOffCalendarEvent,               \
                          strlen(kOffCalendarEvent)))                         \
  X(events_limits_too_small, DG_INVALID_ARGUMENT, "limits->struct_size is 4", \
    dg_events_new_v2(&g_events_out, g_plan, g_cal, &kTinyTracking))           \
  X(policy_duplicate_key, DG_INVALID_ARGUMENT,                                \
    "policy: duplicate key 'version' at /version",                            \
    dg_tracker_new(&g_tracker_out, g_plan, g_cal, kDuplicateKeyPolicy,        \
                   strlen(kDuplicateKeyPolicy)))                              \
  X(policy_too_deep, DG_RESOURCE_EXHAUSTED,                                   \
    "policy: JSON nests deeper than the limit max_depth (32)",                \
    dg_tracker_new(&g_tracker_out, g_plan, g_cal, kDeepPolicy,                \
                   strlen(kDeepPolicy)))                                      \
  X(policy_over_lowered_limit, DG_RESOURCE_EXHAUSTED,                         \
    "max_policy_bytes (10)",                                                  \
    dg_tracker_new_v2(&g_tracker_out, g_plan, g_cal, kWrongPolicyFormat,      \
                      strlen(kWrongPolicyFormat), &kSmallPolicy))             \
  X(policy_malformed, DG_INVALID_ARGUMENT, "malformed JSON",                  \
    dg_tracker_new(&g_tracker_out, g_plan, g_cal, "{", 1))                    \
  X(policy_wrong_format, DG_INVALID_ARGUMENT,                                 \
    "policy /format: expected \"dutygraph/policy@1\"",                        \
    dg_tracker_new(&g_tracker_out, g_plan, g_cal, kWrongPolicyFormat,         \
                   strlen(kWrongPolicyFormat)))                               \
  X(status_unknown_unit, DG_NOT_FOUND, "czjj",                                \
    dg_status_json(&g_text, &g_size, g_tracker, g_events, Day("2023-06-01"),  \
                   "czjj", 4))                                                \
  X(rank_empty_unit_set, DG_INVALID_ARGUMENT, "unit_set is empty",            \
    dg_rank_json(&g_text, &g_size, g_tracker, g_events, NULL, 0,              \
                 DG_PERIOD_QUARTER, Day("2023-06-01"), NULL, 0))              \
  X(lifecycle_unknown_task, DG_NOT_FOUND, "t_warnin",                         \
    dg_lifecycle_json(&g_text, &g_size, g_tracker, g_events, "t_warnin", 8))  \
  /* --- bad documents through the loader --------------------------------- */\
  X(empty_document, DG_INVALID_ARGUMENT, "empty",                             \
    dg_plan_load_json(&g_plan_out, &g_diagnostics, "", 0))                    \
  X(bom_only, DG_INVALID_ARGUMENT, "dg_plan_load_json",                       \
    dg_plan_load_json(&g_plan_out, &g_diagnostics, kBom, 3))                  \
  X(nul_inside_document, DG_INVALID_ARGUMENT, "line 1",                       \
    dg_plan_load_json(&g_plan_out, &g_diagnostics, kNulInside,                \
                      sizeof kNulInside - 1))                                 \
  /* A backslash before 化 (E5 8C 96): the message quotes the whole      */\
  /* character, not its lead byte alone (plan_json fuzzer finding).        */\
  X(escape_before_multibyte_quoted_whole, DG_INVALID_ARGUMENT,                \
    "line 1, column 4 (byte 3): invalid escape '\\\xE5\x8C\x96'",           \
    dg_plan_load_json(&g_plan_out, &g_diagnostics,                            \
                      "{\"a\\\xE5\x8C\x96\":1}", 11))                          \
  X(deeper_than_the_limit, DG_RESOURCE_EXHAUSTED, "max_depth",                \
    dg_plan_load_json(&g_plan_out, &g_diagnostics, kDeep, strlen(kDeep)))     \
  X(missing_file, DG_NOT_FOUND, "no-such-plan.json",                          \
    dg_plan_load_file(&g_plan_out, &g_diagnostics, "no-such-plan.json", 17))  \
  X(path_with_nul, DG_INVALID_ARGUMENT, "NUL byte at offset 3",               \
    dg_plan_load_file(&g_plan_out, &g_diagnostics, "abc\0def", 7))            \
  X(path_invalid_utf8, DG_INVALID_ARGUMENT, "UTF-8",                          \
    dg_plan_load_file(&g_plan_out, &g_diagnostics, "\xC0\xAF", 2))            \
  X(over_lowered_byte_limit, DG_RESOURCE_EXHAUSTED, "max_bytes (10)",         \
    dg_plan_load_json_v2(&g_plan_out, &g_diagnostics, kDeep, strlen(kDeep),   \
                         &kTenBytes))                                         \
  X(file_over_lowered_record_limit, DG_RESOURCE_EXHAUSTED, "max_records (3)", \
    dg_plan_load_file_v2(&g_plan_out, &g_diagnostics, DG_SMALL_PLAN_JSON,     \
                         strlen(DG_SMALL_PLAN_JSON), &kThreeRecords))         \
  X(load_options_too_small, DG_INVALID_ARGUMENT, "struct_size is 4",          \
    dg_plan_load_json_v2(&g_plan_out, &g_diagnostics, "{}", 2, &kTinyLoad))   \
  X(load_depth_zero, DG_INVALID_ARGUMENT, "max_depth is 0",                   \
    dg_plan_load_json_v2(&g_plan_out, &g_diagnostics, "{}", 2, &kDepthZero))  \
  /* --- bad arguments on good handles ------------------------------------ */\
  X(task_index_past_end, DG_OUT_OF_RANGE, "task index",                       \
    dg_plan_accountability(g_acc, g_plan, 4000000000u, Day("2023-06-01")))    \
  X(unknown_record_kind, DG_INVALID_ARGUMENT, "kind",                         \
    dg_plan_record_count(&g_count, g_plan, 42))                               \
  X(unknown_unit_name, DG_NOT_FOUND, "did you mean",                          \
    dg_plan_find(&g_index, g_plan, DG_RECORD_UNIT, "市金融", 9))              \
  X(name_invalid_utf8, DG_INVALID_ARGUMENT, "UTF-8",                          \
    dg_plan_find(&g_index, g_plan, DG_RECORD_UNIT, "\xED\xA0\x80", 3))        \
  X(date_outside_years, DG_OUT_OF_RANGE, "on",                                \
    dg_plan_accountability(g_acc, g_plan, 0, INT32_MAX))                      \
  X(date_outside_calendar, DG_OUT_OF_RANGE, "2150",                           \
    dg_calendar_next_working_day(&g_date, NULL, g_cal, Day("2150-06-01")))    \
  X(impossible_ymd, DG_INVALID_ARGUMENT, "2023-02-30",                        \
    dg_date_from_ymd(&g_date, 2023, 2, 30))                                   \
  X(huge_working_days, DG_OUT_OF_RANGE, "",                                   \
    dg_calendar_add_working_days(&g_date, NULL, g_cal, Day("2023-06-01"),     \
                                 INT32_MAX))                                  \
  X(bad_role_mask, DG_INVALID_ARGUMENT, "roles",                              \
    dg_plan_tasks_of_unit(g_unit_tasks, g_plan, 0, Day("2023-06-01"),         \
                          0xFFFFFFFFu))                                       \
  X(reversed_person_range, DG_INVALID_ARGUMENT, "",                           \
    dg_plan_tasks_of_person(g_person_tasks, g_plan, 0, Day("2023-06-02"),     \
                            Day("2023-06-01")))                               \
  X(overlay_impossible_date, DG_INVALID_ARGUMENT, "<text>:2: bad date",       \
    dg_calendar_derive_text(&g_cal_out, g_cal, "\noff 2023-02-30 x", 17))     \
  X(overlay_nul_byte, DG_INVALID_ARGUMENT, "NUL byte",                        \
    dg_calendar_derive_text(&g_cal_out, g_cal, "off 2023-05-04 a\0b", 18))    \
  X(overlay_invalid_utf8, DG_INVALID_ARGUMENT, "UTF-8",                       \
    dg_calendar_derive_text(&g_cal_out, g_cal, "off 2023-05-04 \xC3\x28", 17))\
  /* The 40-byte quote of a bad keyword stops before 衡, not inside it. */    \
  X(overlay_long_keyword_quoted_whole, DG_INVALID_ARGUMENT,                   \
    "unknown keyword '" X38 "';",                                             \
    dg_calendar_derive_text(&g_cal_out, g_cal,                                \
                            X38 "\xE8\xA1\xA1\xE9\x98\xB3 2023-01-01 y", 57))  \
  X(overlay_over_lowered_byte_limit, DG_RESOURCE_EXHAUSTED,                   \
    "<text>: calendar text is 17 bytes; the limit is 10 (max_bytes)",         \
    dg_calendar_derive_text_v2(&g_cal_out, g_cal, "off 2023-05-04 x\n", 17,   \
                               &kOverlayTenBytes))                            \
  X(overlay_file_over_lowered_byte_limit, DG_RESOURCE_EXHAUSTED,              \
    "the limit is 10 (max_bytes)",                                            \
    dg_calendar_derive_file_v2(&g_cal_out, g_cal, DG_SMALL_PLAN_JSON,         \
                               strlen(DG_SMALL_PLAN_JSON), &kOverlayTenBytes))\
  X(overlay_name_over_lowered_limit, DG_RESOURCE_EXHAUSTED,                   \
    "<text>:2: the day's name is 4 bytes; the limit is 3 (max_name_bytes)",   \
    dg_calendar_derive_text_v2(&g_cal_out, g_cal, "\noff 2023-05-04 abcd",    \
                               20, &kOverlayShortNames))                      \
  X(overlay_past_lowered_layers, DG_RESOURCE_EXHAUSTED,                       \
    "the limit is 1 (max_layers)",                                            \
    dg_calendar_derive_text_v2(&g_cal_out, g_cal, "", 0, &kOverlayOneLayer))  \
  X(overlay_options_too_small, DG_INVALID_ARGUMENT, "struct_size is 4",       \
    dg_calendar_derive_text_v2(&g_cal_out, g_cal, "", 0, &kOverlayTiny))      \
  X(overlay_zero_declared_days, DG_INVALID_ARGUMENT,                          \
    "opts->max_declared_days is 0",                                           \
    dg_calendar_derive_text_v2(&g_cal_out, g_cal, "", 0, &kOverlayZeroDays))  \
  X(negative_duration, DG_INVALID_ARGUMENT, "durations[0]",                     \
    dg_plan_critical_path(&g_text, &g_size, g_plan, g_cal,                    \
                          Day("2023-03-06"), kNegativeDurations, 1))          \
  X(unknown_schedule_format, DG_INVALID_ARGUMENT, "format",                   \
    dg_plan_tasks_due(&g_text, &g_size, g_plan, g_cal, Day("2023-01-01"),     \
                      Day("2023-12-31"), &kBadFormat))                        \
  X(schedule_options_too_small, DG_INVALID_ARGUMENT, "struct_size",           \
    dg_plan_tasks_due(&g_text, &g_size, g_plan, g_cal, Day("2023-01-01"),     \
                      Day("2023-12-31"), &kTinyOptions))                      \
  X(unknown_cadence, DG_NOT_FOUND, "no_such_cadence",                         \
    dg_plan_schedule(&g_text, &g_size, g_plan, g_cal, Day("2023-01-01"),      \
                     Day("2023-12-31"), &kUnknownCadence))                    \
  X(deadline_feb_30, DG_INVALID_ARGUMENT, "2月30日前",                        \
    dg_resolve_deadline_text(&g_text, &g_size, "2月30日前", 12, 2023))        \
  /* --- calls in the wrong order ----------------------------------------- */\
  X(unit_task_before_any_query, DG_OUT_OF_RANGE, "unit's task list",          \
    dg_unit_tasks_at(&g_unit_task, g_fresh_unit_tasks, 0))                    \
  X(holder_before_any_query, DG_OUT_OF_RANGE, "holder list",                  \
    dg_accountability_holder_at(&g_holder, g_fresh_acc,                       \
                                DG_HOLDERS_CONVENERS, 0))                     \
  X(unit_before_any_query, DG_OUT_OF_RANGE, "",                               \
    dg_accountability_unit_at(&g_acc_unit, g_fresh_acc, 0))                   \
  X(item_past_a_failed_refill, DG_OUT_OF_RANGE, "unit's task list",           \
    (FillThenFail(), dg_unit_tasks_at(&g_unit_task, g_unit_tasks, 0)))

static const int32_t kNegativeDurations[1] = {-3};
static dg_load_options kTenBytes = DG_LOAD_OPTIONS_INIT;
static dg_load_options kThreeRecords = DG_LOAD_OPTIONS_INIT;
static dg_load_options kTinyLoad = DG_LOAD_OPTIONS_INIT;
static dg_load_options kDepthZero = DG_LOAD_OPTIONS_INIT;
static dg_calendar_derive_options kOverlayTenBytes =
    DG_CALENDAR_DERIVE_OPTIONS_INIT;
static dg_calendar_derive_options kOverlayShortNames =
    DG_CALENDAR_DERIVE_OPTIONS_INIT;
static dg_calendar_derive_options kOverlayOneLayer =
    DG_CALENDAR_DERIVE_OPTIONS_INIT;
static dg_calendar_derive_options kOverlayTiny =
    DG_CALENDAR_DERIVE_OPTIONS_INIT;
static dg_calendar_derive_options kOverlayZeroDays =
    DG_CALENDAR_DERIVE_OPTIONS_INIT;
static dg_schedule_options kBadFormat = DG_SCHEDULE_OPTIONS_INIT;
static dg_schedule_options kTinyOptions = DG_SCHEDULE_OPTIONS_INIT;
static dg_schedule_options kUnknownCadence = DG_SCHEDULE_OPTIONS_INIT;
static const char *const kCadenceIds[1] = {"no_such_cadence"};
static dg_unit_tasks *g_fresh_unit_tasks;
static dg_accountability *g_fresh_acc;
static dg_unit_task g_unit_task = DG_UNIT_TASK_INIT;
static dg_post_holder g_holder = DG_POST_HOLDER_INIT;
static dg_accountable_unit g_acc_unit = DG_ACCOUNTABLE_UNIT_INIT;

/* Fills g_unit_tasks (市财政局 has tasks), then refills it with a failing
 * call: the list must then be empty, not the previous answer. */
static void FillThenFail(void) {
  size_t n = 0;
  uint32_t czj = 0;
  CHECK_OK(dg_plan_find(&czj, g_plan, DG_RECORD_UNIT, "czj", 3));
  CHECK_OK(dg_plan_tasks_of_unit(g_unit_tasks, g_plan, czj, Day("2023-06-01"),
                                 DG_ROLES_ALL));
  CHECK_OK(dg_unit_tasks_count(&n, g_unit_tasks));
  CHECK(n > 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_plan_tasks_of_unit(g_unit_tasks, g_plan, czj,
                                     Day("2023-06-01"), 0x100u));
}

#define DEFINE_CASE(name, expected, message, expr) \
  static dg_status Case_##name(void) { return (expr); }
CASES(DEFINE_CASE)

typedef struct {
  const char *name;
  dg_status (*run)(void);
  dg_status expected;
  const char *message;
} Case;

#define TABLE_ROW(name, expected, message, expr) \
  {#name, Case_##name, expected, message},
static const Case kCases[] = {CASES(TABLE_ROW)};

static void RemoveStoreFiles(void) {
  remove(kStorePath);
  remove("hostile_c_test.db-wal");
  remove("hostile_c_test.db-shm");
}

/* What the shared handles answer; compared before and after every case. */
typedef struct {
  char *plan_json;
  size_t units;
  int may_day_working;
  dg_date after_may_day;
  int64_t stored_events;
  size_t logged_events;
} Observation;

static Observation Observe(void) {
  Observation o;
  int provisional = 0;
  CHECK_OK(dg_plan_to_json(&o.plan_json, NULL, g_plan));
  CHECK_OK(dg_plan_record_count(&o.units, g_plan, DG_RECORD_UNIT));
  CHECK_OK(dg_calendar_is_working_day(&o.may_day_working, &provisional, g_cal,
                                      Day("2023-05-01")));
  CHECK_OK(dg_calendar_next_working_day(&o.after_may_day, NULL, g_cal,
                                        Day("2023-04-29")));
  CHECK_OK(dg_store_event_count(&o.stored_events, g_store));
  CHECK_OK(dg_events_count(&o.logged_events, g_events));
  return o;
}

static void CheckUnchanged(const char *name, const Observation *before) {
  Observation now = Observe();
  if (strcmp(before->plan_json, now.plan_json) != 0 ||
      before->units != now.units ||
      before->may_day_working != now.may_day_working ||
      before->after_may_day != now.after_may_day ||
      before->stored_events != now.stored_events ||
      before->logged_events != now.logged_events) {
    fprintf(stderr, "case %s changed the shared plan, calendar, store or log\n",
            name);
    exit(1);
  }
  dg_string_free(now.plan_json);
}

/* After a failure: every out-param the case could set is zeroed. */
static void CheckOutsZeroed(const char *name) {
  int bad = 0;
  bad |= g_text != NULL && g_text != (char *)SENTINEL_PTR;
  bad |= g_plan_out != NULL && g_plan_out != (dg_plan *)SENTINEL_PTR;
  bad |= g_cal_out != NULL && g_cal_out != (dg_calendar *)SENTINEL_PTR;
  bad |= g_events_out != NULL && g_events_out != (dg_events *)SENTINEL_PTR;
  bad |= g_tracker_out != NULL && g_tracker_out != (dg_tracker *)SENTINEL_PTR;
  bad |= g_store_out != NULL && g_store_out != (dg_store *)SENTINEL_PTR;
  if (bad) {
    fprintf(stderr, "case %s left an out-param set after failing\n", name);
    exit(1);
  }
  /* Only zeroed out-params may have been touched: no handle to free. */
  if (g_diagnostics != NULL) {
    /* The one out-param a failed load may set: a JSON list to release. */
    CHECK(g_diagnostics[0] == '[');
    dg_string_free(g_diagnostics);
    g_diagnostics = NULL;
  }
}

int main(void) {
  const char *path = DG_SMALL_PLAN_JSON;
  size_t i;
  size_t n = sizeof kCases / sizeof kCases[0];
  Observation before;

  kBadFormat.format = 7;
  kTenBytes.max_bytes = 10;
  kThreeRecords.max_records = 3;
  kTinyLoad.struct_size = 4;
  kDepthZero.max_depth = 0;
  kOverlayTenBytes.max_bytes = 10;
  kOverlayShortNames.max_name_bytes = 3;
  kOverlayOneLayer.max_layers = 1;
  kOverlayTiny.struct_size = 4;
  kOverlayZeroDays.max_declared_days = 0;
  kTinyOptions.struct_size = 4;
  kUnknownCadence.cadence_ids = kCadenceIds;
  kUnknownCadence.cadence_id_count = 1;
  kTinyTracking.struct_size = 4;
  kSmallPolicy.max_policy_bytes = 10;
  memset(g_big_event, ' ', sizeof g_big_event - 1);
  g_big_event[0] = '{';
  g_big_event[sizeof g_big_event - 2] = '}';

  CHECK_OK(dg_plan_load_file(&g_plan, NULL, path, strlen(path)));
  CHECK_OK(dg_calendar_china_mainland(&g_cal, NULL));
  CHECK_OK(dg_accountability_new(&g_acc));
  CHECK_OK(dg_accountability_new(&g_fresh_acc));
  CHECK_OK(dg_unit_tasks_new(&g_unit_tasks));
  CHECK_OK(dg_unit_tasks_new(&g_fresh_unit_tasks));
  CHECK_OK(dg_person_tasks_new(&g_person_tasks));
  RemoveStoreFiles();
  CHECK_OK(dg_store_open(&g_store, kStorePath, strlen(kStorePath), NULL));
  {
    size_t plan_size = 0;
    char *plan_text = NULL;
    CHECK_OK(dg_plan_to_json(&plan_text, &plan_size, g_plan));
    CHECK_OK(dg_store_init(NULL, g_store, plan_text, plan_size,
                           Day("2023-03-03")));
    dg_string_free(plan_text);
  }
  CHECK_OK(dg_events_new(&g_events, g_plan, g_cal));
  CHECK_OK(dg_tracker_new(&g_tracker, g_plan, g_cal, NULL, 0));
  before = Observe();

  for (i = 0; i < n; ++i) {
    const Case *c = &kCases[i];
    dg_status got;
    const char *message;
    ResetOuts();
    got = c->run();
    message = dg_last_error_message();
    if (got != c->expected) {
      fprintf(stderr, "case %s: returned %s, expected %s\n  message: %s\n",
              c->name, dg_status_name(got), dg_status_name(c->expected),
              message);
      return 1;
    }
    if (strstr(message, c->message) == NULL || message[0] == '\0') {
      fprintf(stderr, "case %s: message lacks \"%s\"\n  message: %s\n",
              c->name, c->message, message);
      return 1;
    }
    CheckOutsZeroed(c->name);
    CheckUnchanged(c->name, &before);
  }

  /* Raising a limit admits what the default refuses: kDeep nests 52 deep
   * (past the default 32): raised to 64, the loader reads on and finds
   * the real problem, the unknown key "x". */
  {
    dg_load_options deep = DG_LOAD_OPTIONS_INIT;
    dg_plan *loaded = NULL;
    deep.max_depth = 64;
    CHECK_STATUS(DG_INVALID_ARGUMENT,
                 dg_plan_load_json_v2(&loaded, NULL, kDeep, strlen(kDeep),
                                      &deep));
    CHECK_MESSAGE_HAS("unknown key"); /* past the depth check: "x" */
    CHECK(loaded == NULL);
    /* The fixture has more than 3 records; with the limit raised it loads. */
    deep.max_records = 1000;
    CHECK_OK(dg_plan_load_file_v2(&loaded, NULL, DG_SMALL_PLAN_JSON,
                                  strlen(DG_SMALL_PLAN_JSON), &deep));
    dg_plan_free(loaded);
  }

  /* The same for calendar overlays: a name past the lowered limit is
   * admitted with the default, and the calendar answers from it. */
  {
    dg_calendar *derived = NULL;
    dg_day_info info = DG_DAY_INFO_INIT;
    CHECK_OK(dg_calendar_derive_text_v2(&derived, g_cal,
                                        "\noff 2023-05-04 abcd", 20, NULL));
    CHECK_OK(dg_calendar_day_info(&info, derived, Day("2023-05-04")));
    CHECK(info.working == 0);
    CHECK_STREQ("abcd", info.name);
    dg_calendar_free(derived);
  }

  /* dg_*_free with another type's handle leaves it alone (no heap damage),
   * and the handle still works afterwards. */
  dg_plan_free((dg_plan *)(void *)g_cal);
  dg_calendar_free((dg_calendar *)(void *)g_plan);
  dg_unit_tasks_free((dg_unit_tasks *)(void *)g_acc);
  CheckUnchanged("free_with_wrong_type", &before);
  CHECK_OK(dg_plan_accountability(g_acc, g_plan, 0, Day("2023-06-01")));
  dg_store_free(AS_STORE(g_events));
  dg_events_free(AS_EVENTS(g_tracker));
  dg_tracker_free((dg_tracker *)(void *)g_store);
  dg_store_free(AS_STORE(g_plan));
  CheckUnchanged("free_store_tracking_with_wrong_type", &before);
  {
    /* The store, log and tracker were left alone and still answer. */
    char *text = NULL;
    CHECK_OK(dg_store_event_count(&g_i64, g_store));
    CHECK(g_i64 == 0);
    CHECK_OK(dg_events_count(&g_count, g_events));
    CHECK(g_count == 0);
    CHECK_OK(dg_ledger_csv(&text, NULL, g_tracker, g_events,
                           Day("2023-06-01")));
    dg_string_free(text);
  }

  dg_tracker_free(g_tracker);
  dg_events_free(g_events);
  dg_store_free(g_store);
  RemoveStoreFiles();

  dg_string_free(before.plan_json);
  dg_person_tasks_free(g_person_tasks);
  dg_unit_tasks_free(g_fresh_unit_tasks);
  dg_unit_tasks_free(g_unit_tasks);
  dg_accountability_free(g_fresh_acc);
  dg_accountability_free(g_acc);
  dg_calendar_free(g_cal);
  dg_plan_free(g_plan);
  printf("%lu hostile C calls rejected as specified (%ld checks)\n",
         (unsigned long)n, g_checks);
  return 0;
}
