/* tests/capi/store_c_test.c — the store part of the C API driven from pure
 * C99: open, init with tests/data/small_plan.json, plan versions as of a
 * date, appending JSON Lines (idempotent by id, all or nothing), reading
 * back, info, integrity, read-only handles, a full store and every error
 * contract (NULLs, bad options, bad UTF-8, out-param zeroing).
 *
 * The scratch store files go to the working directory (the build tree).
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

#define JUNK 0x5A5A5A5A

/* The whole file as a malloc'd, NUL-terminated buffer. */
static char *ReadFile(const char *path, size_t *size_out) {
  FILE *file = fopen(path, "rb");
  char *data;
  long size;
  CHECK(file != NULL);
  CHECK(fseek(file, 0, SEEK_END) == 0);
  size = ftell(file);
  CHECK(size > 0);
  CHECK(fseek(file, 0, SEEK_SET) == 0);
  data = (char *)malloc((size_t)size + 1);
  CHECK(data != NULL);
  CHECK(fread(data, 1, (size_t)size, file) == (size_t)size);
  data[size] = '\0';
  fclose(file);
  *size_out = (size_t)size;
  return data;
}

/* Removes a store and its WAL companions. */
static void RemoveStore(const char *path) {
  char name[256];
  remove(path);
  snprintf(name, sizeof name, "%s-wal", path);
  remove(name);
  snprintf(name, sizeof name, "%s-shm", path);
  remove(name);
}

static dg_store *OpenStore(const char *path, const dg_store_options *options) {
  dg_store *store = NULL;
  CHECK_OK(dg_store_open(&store, path, strlen(path), options));
  CHECK(store != NULL);
  return store;
}

static int64_t Count(dg_store *store) {
  int64_t count = JUNK;
  CHECK_OK(dg_store_event_count(&count, store));
  return count;
}

static const char kPath[] = "store_c_test.db";

static const char kTwoEvents[] =
    "{\"id\":\"e1\",\"kind\":\"assigned\",\"date\":\"2023-03-06\","
    "\"task\":\"t_warning\"}\n"
    "{\"id\":\"e2\",\"kind\":\"circular\",\"date\":\"2023-04-03\","
    "\"unit\":\"czj\"}\n";

static void TestStatusNames(void) {
  CHECK(DG_ALREADY_EXISTS == 6 && DG_PERMISSION_DENIED == 7 &&
        DG_UNAVAILABLE == 14 && DG_DATA_LOSS == 15);
  CHECK_STREQ("DG_ALREADY_EXISTS", dg_status_name(DG_ALREADY_EXISTS));
  CHECK_STREQ("DG_PERMISSION_DENIED", dg_status_name(DG_PERMISSION_DENIED));
  CHECK_STREQ("DG_UNAVAILABLE", dg_status_name(DG_UNAVAILABLE));
  CHECK_STREQ("DG_DATA_LOSS", dg_status_name(DG_DATA_LOSS));
}

static void TestPlanVersions(void) {
  size_t size = 0, json_size = JUNK;
  char *plan = ReadFile(DG_SMALL_PLAN_JSON, &size);
  char *json = (char *)JUNK, *canonical = NULL;
  int64_t version = JUNK;
  dg_plan *loaded = NULL;
  dg_store *store;
  RemoveStore(kPath);
  store = OpenStore(kPath, NULL);

  /* No plan yet. */
  CHECK_STATUS(DG_NOT_FOUND,
               dg_store_plan_json(&json, &json_size, &version, store, 0, 0));
  CHECK_MESSAGE_HAS("no plan version yet");
  CHECK(json == NULL && json_size == 0 && version == 0);

  CHECK_OK(dg_store_init(&version, store, plan, size, Day("2023-03-03")));
  CHECK(version == 1);
  /* The stored text is the plan's canonical JSON. */
  CHECK_OK(dg_plan_load_json(&loaded, NULL, plan, size));
  CHECK_OK(dg_plan_to_json(&canonical, NULL, loaded));
  CHECK_OK(dg_store_plan_json(&json, &json_size, &version, store, 0, 0));
  CHECK(version == 1 && json_size == strlen(canonical));
  CHECK_STREQ(canonical, json);
  dg_string_free(json);

  /* Init twice: refused. */
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_store_init(&version, store, plan, size, Day("2023-05-01")));
  CHECK_MESSAGE_HAS("already initialised (plan version 1");
  CHECK(version == 0);

  /* Version 2 from 2023-07-01; a retry is the same version. */
  CHECK_OK(dg_store_add_plan(&version, store, canonical, strlen(canonical),
                             Day("2023-07-01")));
  CHECK(version == 2);
  CHECK_OK(dg_store_add_plan(NULL, store, canonical, strlen(canonical),
                             Day("2023-07-01")));
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_store_add_plan(&version, store, plan, size,
                                 Day("2023-06-01")));
  CHECK_MESSAGE_HAS("before that of the latest plan version 2 (2023-07-01)");

  /* As of a date. */
  CHECK_OK(dg_store_plan_json(&json, NULL, &version, store, 1,
                              Day("2023-06-30")));
  CHECK(version == 1);
  dg_string_free(json);
  CHECK_OK(dg_store_plan_json(&json, NULL, &version, store, 1,
                              Day("2023-07-01")));
  CHECK(version == 2);
  dg_string_free(json);
  json = (char *)JUNK;
  CHECK_STATUS(DG_NOT_FOUND, dg_store_plan_json(&json, NULL, &version, store,
                                                1, Day("2023-03-02")));
  CHECK_MESSAGE_HAS("no plan version is in effect on 2023-03-02");
  CHECK(json == NULL);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_plan_json(&json, NULL, NULL, store, 2, 0));
  CHECK_MESSAGE_HAS("as_of is 2");
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_store_plan_json(&json, NULL, NULL, store, 1, INT32_MAX));
  CHECK_MESSAGE_HAS("dg_store_plan_json: on: ");

  /* An invalid plan stores nothing. */
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_add_plan(&version, store, "{\"format\":1}", 12,
                                 Day("2023-08-01")));
  CHECK(version == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_add_plan(&version, store, "\xC3\x28", 2,
                                 Day("2023-08-01")));
  CHECK_MESSAGE_HAS("plan_json: invalid UTF-8");
  CHECK_OK(dg_store_plan_json(&json, NULL, &version, store, 0, 0));
  CHECK(version == 2);
  dg_string_free(json);

  dg_string_free(canonical);
  dg_plan_free(loaded);
  dg_store_free(store);
  free(plan);
}

static void TestEvents(void) {
  size_t appended = JUNK, unchanged = JUNK, size = JUNK;
  int64_t last = JUNK;
  char *out = (char *)JUNK;
  dg_store *store = OpenStore(kPath, NULL);

  CHECK_OK(dg_store_append_jsonl(&appended, &unchanged, store, kTwoEvents,
                                 strlen(kTwoEvents)));
  CHECK(appended == 2 && unchanged == 0);
  CHECK(Count(store) == 2);
  /* Again: both are no-ops. */
  CHECK_OK(dg_store_append_jsonl(&appended, &unchanged, store, kTwoEvents,
                                 strlen(kTwoEvents)));
  CHECK(appended == 0 && unchanged == 2);

  /* Everything back, exactly as appended. */
  CHECK_OK(dg_store_read_events(&out, &size, &last, store, 0, SIZE_MAX, NULL,
                                0));
  CHECK_STREQ(kTwoEvents, out);
  CHECK(size == strlen(kTwoEvents) && last == 2);
  dg_string_free(out);
  /* Paging and the task filter. */
  CHECK_OK(dg_store_read_events(&out, &size, &last, store, 1, SIZE_MAX, NULL,
                                0));
  CHECK_STREQ("{\"id\":\"e2\",\"kind\":\"circular\","
              "\"date\":\"2023-04-03\",\"unit\":\"czj\"}\n",
              out);
  CHECK(last == 2);
  dg_string_free(out);
  CHECK_OK(dg_store_read_events(&out, &size, &last, store, 0, 1, NULL, 0));
  CHECK(last == 1 && strncmp(out, "{\"id\":\"e1\"", 10) == 0);
  dg_string_free(out);
  CHECK_OK(dg_store_read_events(&out, &size, &last, store, 0, SIZE_MAX,
                                "t_warning", 9));
  CHECK(last == 1 && strstr(out, "\"e2\"") == NULL);
  dg_string_free(out);
  CHECK_OK(dg_store_read_events(&out, &size, &last, store, 2, SIZE_MAX, NULL,
                                0));
  CHECK_STREQ("", out);
  CHECK(size == 0 && last == 0);
  dg_string_free(out);

  /* A conflicting id: nothing of the batch is stored. */
  {
    const char batch[] =
        "{\"id\":\"e3\",\"kind\":\"completed\",\"date\":\"2023-09-01\","
        "\"task\":\"t_warning\"}\n"
        "{\"id\":\"e1\",\"kind\":\"assigned\",\"date\":\"2023-03-07\","
        "\"task\":\"t_warning\"}\n";
    CHECK_STATUS(DG_ALREADY_EXISTS,
                 dg_store_append_jsonl(&appended, &unchanged, store, batch,
                                       strlen(batch)));
    CHECK_MESSAGE_HAS("line 2 ('e1'): event 'e1' already exists with "
                      "different content");
    CHECK(appended == 0 && unchanged == 0);
    CHECK(Count(store) == 2);
  }
  /* A bad envelope names the line and the field. */
  {
    const char batch[] =
        "{\"id\":\"e3\",\"kind\":\"completed\",\"date\":\"2023-09-01\","
        "\"task\":\"t_warning\"}\n"
        "\n"
        "{\"id\":\"e4\",\"kind\":\"completed\",\"date\":\"2023-02-30\","
        "\"task\":\"t_warning\"}\n";
    CHECK_STATUS(DG_INVALID_ARGUMENT,
                 dg_store_append_jsonl(NULL, NULL, store, batch,
                                       strlen(batch)));
    CHECK_MESSAGE_HAS("dg_store_append_jsonl: line 3: field 'date': bad "
                      "date '2023-02-30'");
    CHECK(Count(store) == 2);
  }
  /* The tracking layer checks what the event means against the store's
   * plan: an unknown task, with a did-you-mean; nothing is stored. */
  {
    const char batch[] =
        "{\"id\":\"e3\",\"kind\":\"completed\",\"date\":\"2023-09-01\","
        "\"task\":\"t_warnin\"}\n";
    CHECK_STATUS(DG_NOT_FOUND,
                 dg_store_append_jsonl(&appended, NULL, store, batch,
                                       strlen(batch)));
    CHECK_MESSAGE_HAS("line 1 ('e3'): field 'task': unknown task 't_warnin'; "
                      "did you mean 't_warning'?");
    CHECK(appended == 0 && Count(store) == 2);
  }
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_append_jsonl(NULL, NULL, store, "{\"id\":1}", 8));
  CHECK_MESSAGE_HAS("line 1: field 'id'");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_append_jsonl(NULL, NULL, store, "[\xFF]", 3));
  CHECK_MESSAGE_HAS("jsonl: invalid UTF-8 at byte 1");
  /* An empty text appends nothing. */
  CHECK_OK(dg_store_append_jsonl(&appended, &unchanged, store, NULL, 0));
  CHECK(appended == 0 && unchanged == 0);

  /* With the caller's plan and calendar; a task path is stored as its id
   * (canonical text), and the same event by id is then "unchanged". */
  {
    dg_plan *plan = NULL;
    dg_calendar *cal = NULL;
    dg_events *log = NULL;
    size_t n = JUNK;
    const char by_path[] =
        "{\"id\":\"e5\",\"kind\":\"completed\",\"date\":\"2023-09-01\","
        "\"task\":\"t_warning\",\"note\":\"done\"}";
    CHECK_OK(dg_plan_load_file(&plan, NULL, DG_SMALL_PLAN_JSON,
                               strlen(DG_SMALL_PLAN_JSON)));
    CHECK_OK(dg_calendar_china_mainland(&cal, NULL));
    CHECK_OK(dg_store_append_events(&appended, &unchanged, store, plan, cal,
                                    by_path, strlen(by_path)));
    CHECK(appended == 1 && unchanged == 0 && Count(store) == 3);
    CHECK_OK(dg_store_append_events(&appended, &unchanged, store, NULL, NULL,
                                    by_path, strlen(by_path)));
    CHECK(appended == 0 && unchanged == 1);
    CHECK_STATUS(DG_INVALID_ARGUMENT,
                 dg_store_append_events(NULL, NULL, store, (dg_plan *)cal,
                                        cal, by_path, strlen(by_path)));
    CHECK_MESSAGE_HAS("plan is a dg_calendar handle, not a dg_plan");

    /* The stored log, loaded into an event log: the same three events. */
    CHECK_OK(dg_events_new(&log, plan, cal));
    CHECK_OK(dg_events_load_store(&n, log, store));
    CHECK(n == 3);
    CHECK_OK(dg_events_load_store(&n, log, store)); /* idempotent */
    CHECK(n == 0);
    CHECK_OK(dg_events_count(&n, log));
    CHECK(n == 3);
    CHECK_STATUS(DG_INVALID_ARGUMENT, dg_events_load_store(&n, log, NULL));
    CHECK_MESSAGE_HAS("dg_events_load_store: store is NULL");
    CHECK(n == 0);
    dg_events_free(log);

    /* A snapshot: the plan version and the events in one read. Version 1
     * is the only one, also for a date before it takes effect (2023-03-03). */
    {
      dg_plan *snap_plan = (dg_plan *)JUNK;
      dg_events *snap_log = (dg_events *)JUNK;
      int64_t version = JUNK;
      dg_date before = 0;
      uint32_t index = 0;
      CHECK_OK(dg_date_from_ymd(&before, 2023, 1, 2));
      CHECK_OK(dg_store_snapshot(&snap_plan, &snap_log, &version, store, cal,
                                 1, before));
      CHECK(version == 1 && snap_plan != NULL && snap_log != NULL);
      CHECK_OK(dg_events_count(&n, snap_log));
      CHECK(n == 3);
      CHECK_OK(dg_plan_find(&index, snap_plan, DG_RECORD_TASK, "t_warning",
                            strlen("t_warning")));
      dg_events_free(snap_log);
      dg_plan_free(snap_plan);
      CHECK_OK(dg_store_snapshot(&snap_plan, &snap_log, NULL, store, cal, 0,
                                 0));
      dg_events_free(snap_log);
      dg_plan_free(snap_plan);

      snap_plan = (dg_plan *)JUNK;
      snap_log = (dg_events *)JUNK;
      CHECK_STATUS(DG_INVALID_ARGUMENT,
                   dg_store_snapshot(&snap_plan, &snap_log, &version, store,
                                     cal, 2, 0));
      CHECK_MESSAGE_HAS("dg_store_snapshot: as_of is 2; it must be 0 or 1");
      CHECK(snap_plan == NULL && snap_log == NULL && version == 0);
      CHECK_STATUS(DG_INVALID_ARGUMENT,
                   dg_store_snapshot(&snap_plan, NULL, NULL, store, cal, 0, 0));
      CHECK_MESSAGE_HAS("dg_store_snapshot: events_out is NULL");
      CHECK(snap_plan == NULL);
      CHECK_STATUS(DG_INVALID_ARGUMENT,
                   dg_store_snapshot(&snap_plan, &snap_log, NULL, store, NULL,
                                     0, 0));
      CHECK_MESSAGE_HAS("dg_store_snapshot: cal is NULL");
    }
    dg_calendar_free(cal);
    dg_plan_free(plan);
  }

  CHECK_OK(dg_store_check_integrity(store));
  dg_store_free(store);
}

static void TestInfoAndReadOnly(void) {
  dg_store_options options = DG_STORE_OPTIONS_INIT;
  char *info = (char *)JUNK;
  size_t size = JUNK;
  dg_store *store;
  options.read_only = 1;
  store = OpenStore(kPath, &options);
  CHECK_OK(dg_store_info_json(&info, &size, store));
  CHECK(size == strlen(info));
  CHECK(strstr(info, "\"path\":\"store_c_test.db\",\"schema_version\":2,"
                     "\"read_only\":true,\"plan_versions\":2,"
                     "\"latest_plan\":{\"version\":2,\"effective\":"
                     "\"2023-07-01\",\"digest\":\"") == info + 1);
  CHECK(strstr(info, "\"event_count\":3,\"last_seq\":3,\"file_bytes\":") !=
        NULL);
  dg_string_free(info);
  CHECK(Count(store) == 3);
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_store_append_jsonl(NULL, NULL, store, kTwoEvents,
                                     strlen(kTwoEvents)));
  CHECK_MESSAGE_HAS("opened read-only");
  dg_store_free(store);
}

static void TestOpenErrors(void) {
  dg_store *store = (dg_store *)JUNK;
  dg_store_options options = DG_STORE_OPTIONS_INIT;
  int64_t count = JUNK;
  char *text = (char *)JUNK;

  options.read_only = 1;
  RemoveStore("store_c_missing.db");
  CHECK_STATUS(DG_NOT_FOUND, dg_store_open(&store, "store_c_missing.db", 18,
                                           &options));
  CHECK_MESSAGE_HAS("store_c_missing.db: no such store");
  CHECK(store == NULL);
  options.read_only = 0;
  options.create_if_missing = 0;
  CHECK_STATUS(DG_NOT_FOUND, dg_store_open(&store, "store_c_missing.db", 18,
                                           &options));
  /* Not a store: the plan file itself. */
  CHECK_STATUS(DG_FAILED_PRECONDITION,
               dg_store_open(&store, DG_SMALL_PLAN_JSON,
                             strlen(DG_SMALL_PLAN_JSON), NULL));
  CHECK_MESSAGE_HAS("not a dutygraph store");
  CHECK(store == NULL);

  /* Arguments. */
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_store_open(NULL, kPath, 15, NULL));
  CHECK_MESSAGE_HAS("dg_store_open: out is NULL");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_store_open(&store, NULL, 3, NULL));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_store_open(&store, "", 0, NULL));
  CHECK_MESSAGE_HAS("path is empty");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_store_open(&store, "a\0b", 3, NULL));
  CHECK_MESSAGE_HAS("NUL byte");
  options = (dg_store_options)DG_STORE_OPTIONS_INIT;
  options.struct_size = 4;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_store_open(&store, kPath, 15, &options));
  CHECK_MESSAGE_HAS("initialise it with DG_STORE_OPTIONS_INIT");
  options = (dg_store_options)DG_STORE_OPTIONS_INIT;
  options.read_only = 2;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_store_open(&store, kPath, 15, &options));
  CHECK_MESSAGE_HAS("options->read_only is 2");
  options = (dg_store_options)DG_STORE_OPTIONS_INIT;
  options.max_page_count = -1;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_store_open(&store, kPath, 15, &options));
  options = (dg_store_options)DG_STORE_OPTIONS_INIT;
  options.busy_timeout_ms = -5;
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_store_open(&store, kPath, 15, &options));
  CHECK(store == NULL);
  /* A prefix of the options (an older header): the rest are defaults. */
  options = (dg_store_options)DG_STORE_OPTIONS_INIT;
  options.struct_size = offsetof(dg_store_options, read_only) + sizeof(int32_t);
  options.create_if_missing = 0; /* not declared: ignored, so it creates */
  RemoveStore("store_c_prefix.db");
  store = OpenStore("store_c_prefix.db", &options);
  dg_store_free(store);
  RemoveStore("store_c_prefix.db");

  /* NULL handles. */
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_store_event_count(&count, NULL));
  CHECK_MESSAGE_HAS("dg_store_event_count: store is NULL");
  CHECK(count == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_store_event_count(NULL, NULL));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_init(NULL, NULL, "{}", 2, Day("2023-01-01")));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_add_plan(NULL, NULL, "{}", 2, Day("2023-01-01")));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_append_jsonl(NULL, NULL, NULL, "", 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_read_events(&text, NULL, NULL, NULL, 0, 1, NULL, 0));
  CHECK(text == NULL);
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_store_info_json(&text, NULL, NULL));
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_store_check_integrity(NULL));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_plan_json(&text, NULL, NULL, NULL, 0, 0));
  dg_store_free(NULL);

  store = OpenStore(kPath, NULL);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_read_events(NULL, NULL, NULL, store, 0, 1, NULL, 0));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_read_events(&text, NULL, NULL, store, -1, 1, NULL, 0));
  CHECK_MESSAGE_HAS("after_seq is -1");
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_read_events(&text, NULL, NULL, store, 0, 1, NULL, 4));
  CHECK_MESSAGE_HAS("task is NULL but its length is 4");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_store_info_json(NULL, NULL, store));
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_store_plan_json(NULL, NULL, NULL, store, 0, 0));
  CHECK_STATUS(DG_OUT_OF_RANGE,
               dg_store_init(NULL, store, "{}", 2, INT32_MAX));
  CHECK_MESSAGE_HAS("effective: ");
  dg_store_free(store);
}

/* A store capped at a few pages: the append that does not fit fails with
 * DG_RESOURCE_EXHAUSTED and stores nothing. */
static void TestFullStore(void) {
  const char path[] = "store_c_full.db";
  dg_store_options options = DG_STORE_OPTIONS_INIT;
  char *batch = (char *)malloc(2u << 20);
  size_t used = 0;
  int i;
  dg_store *store;
  CHECK(batch != NULL);
  RemoveStore(path);
  options.max_page_count = 40;
  store = OpenStore(path, &options);
  {
    size_t plan_size = 0;
    char *plan = ReadFile(DG_SMALL_PLAN_JSON, &plan_size);
    CHECK_OK(dg_store_init(NULL, store, plan, plan_size, Day("2023-03-03")));
    free(plan);
  }
  for (i = 0; i < 2000; ++i) {
    used += (size_t)sprintf(batch + used,
                            "{\"id\":\"f%d\",\"kind\":\"progress\",\"date\":"
                            "\"2023-03-06\",\"task\":\"t_warning\","
                            "\"text\":\"%0200d\"}\n",
                            i, i);
  }
  CHECK_STATUS(DG_RESOURCE_EXHAUSTED,
               dg_store_append_jsonl(NULL, NULL, store, batch, used));
  CHECK_MESSAGE_HAS("the disk or the store's size cap is full");
  CHECK(Count(store) == 0);
  CHECK_OK(dg_store_append_jsonl(NULL, NULL, store, kTwoEvents,
                                 strlen(kTwoEvents)));
  CHECK(Count(store) == 2);
  CHECK_OK(dg_store_check_integrity(store));
  dg_store_free(store);
  RemoveStore(path);
  free(batch);
}

int main(void) {
  TestStatusNames();
  TestPlanVersions();
  TestEvents();
  TestInfoAndReadOnly();
  TestOpenErrors();
  TestFullStore();
  RemoveStore(kPath);
  printf("store_c_test: %ld checks passed\n", g_checks);
  return 0;
}
