/* tests/capi/publisher_threads_c_test.c — dg_publisher under concurrency.
 *
 * Reader threads take the current plan from one dg_publisher and query it
 * while the main thread publishes new versions. Version k is the fixture
 * with its plan title stamped "#k", so a reader can check from the plan's
 * own text that the dg_plan it holds is one whole version, and that the
 * versions it sees never go backwards. Run it under TSan (DG_SANITIZE=
 * thread) for the data-race check.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutygraph/dg.h"
#include "test_util.h"

enum { kReaders = 3, kVersions = 20 };

static const char kTitle[] = "衡阳市打好防范化解风险阻击仗实施方案（节选）";

static dg_publisher *g_publisher;
static dg_plan *g_versions[kVersions + 1]; /* [1..kVersions] */
/* Guarded by g_lock: the stop flag and the reads done so far. */
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static int g_done;
static int g_stopped; /* readers that returned */
static long g_total_reads;
static long g_reads[kReaders];

static int Done(void) {
  int done;
  pthread_mutex_lock(&g_lock);
  done = g_done;
  pthread_mutex_unlock(&g_lock);
  return done;
}

static void CountRead(void) {
  pthread_mutex_lock(&g_lock);
  ++g_total_reads;
  pthread_mutex_unlock(&g_lock);
}

/* Waits until the readers have read `n` more times (or all stopped), so
 * that versions are published while they read, not before they start. */
static void AwaitReads(long n) {
  long target;
  pthread_mutex_lock(&g_lock);
  target = g_total_reads + n;
  while (g_total_reads < target && g_stopped < kReaders) {
    pthread_mutex_unlock(&g_lock);
    sched_yield();
    pthread_mutex_lock(&g_lock);
  }
  pthread_mutex_unlock(&g_lock);
}

static char *ReadFile(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  char *data;
  long n;
  CHECK(f != NULL);
  CHECK(fseek(f, 0, SEEK_END) == 0);
  n = ftell(f);
  CHECK(n > 0);
  rewind(f);
  data = malloc((size_t)n);
  CHECK(data != NULL);
  CHECK(fread(data, 1, (size_t)n, f) == (size_t)n);
  fclose(f);
  *size = (size_t)n;
  return data;
}

/* The fixture with its plan title stamped "#k". */
static dg_plan *Version(const char *json, size_t size, int k) {
  const char *at = strstr(json, kTitle);
  char stamp[16];
  char *text;
  size_t head, stamp_len;
  dg_plan *plan = NULL;
  CHECK(at != NULL);
  snprintf(stamp, sizeof stamp, "#%d", k);
  stamp_len = strlen(stamp);
  head = (size_t)(at - json) + strlen(kTitle);
  text = malloc(size + stamp_len);
  CHECK(text != NULL);
  memcpy(text, json, head);
  memcpy(text + head, stamp, stamp_len);
  memcpy(text + head + stamp_len, json + head, size - head);
  CHECK_OK(dg_plan_load_json(&plan, NULL, text, size + stamp_len));
  free(text);
  return plan;
}

static void *Reader(void *arg) {
  const int id = (int)(intptr_t)arg;
  uint64_t last = 0;
  dg_accountability *acc = NULL;
  if (dg_accountability_new(&acc) != DG_OK) return "accountability_new";
  while (!Done()) {
    dg_plan *plan = NULL;
    uint64_t version = 0;
    char *json = NULL;
    char expected[128];
    uint32_t task = 0;
    size_t units = 0;
    if (dg_publisher_current(&plan, &version, g_publisher) != DG_OK) {
      return "dg_publisher_current failed";
    }
    if (version < last || version < 1 || version > kVersions) {
      return "version out of order";
    }
    last = version;
    snprintf(expected, sizeof expected, "\"title\": \"%s#%lu\"", kTitle,
             (unsigned long)version);
    if (dg_plan_to_json(&json, NULL, plan) != DG_OK ||
        strstr(json, expected) == NULL) {
      return "the plan is not the whole version it was numbered";
    }
    dg_string_free(json);
    if (dg_plan_find(&task, plan, DG_RECORD_TASK, "t_warning", 9) != DG_OK ||
        dg_plan_accountability(acc, plan, task, 19509 /* 2023-06-01 */) !=
            DG_OK ||
        dg_accountability_unit_count(&units, acc) != DG_OK || units != 6) {
      return "query on the snapshot failed";
    }
    dg_plan_free(plan); /* acc keeps the snapshot alive: still readable */
    if (dg_accountability_unit_count(&units, acc) != DG_OK || units != 6) {
      return "answer lost with its plan handle";
    }
    ++g_reads[id];
    CountRead();
  }
  dg_accountability_free(acc);
  return NULL;
}

static void *ReaderThread(void *arg) {
  void *failure = Reader(arg);
  pthread_mutex_lock(&g_lock);
  ++g_stopped;
  pthread_mutex_unlock(&g_lock);
  return failure;
}

int main(void) {
  const char *path = DG_SMALL_PLAN_JSON;
  size_t size = 0;
  char *json = ReadFile(path, &size);
  pthread_t threads[kReaders];
  uint64_t version = 0;
  int k, i;
  long total = 0;

  CHECK(Day("2023-06-01") == 19509);
  for (k = 1; k <= kVersions; ++k) g_versions[k] = Version(json, size, k);
  free(json);
  CHECK_OK(dg_publisher_new(&g_publisher, g_versions[1]));
  for (i = 0; i < kReaders; ++i) {
    CHECK(pthread_create(&threads[i], NULL, ReaderThread, (void *)(intptr_t)i) ==
          0);
  }
  for (k = 2; k <= kVersions; ++k) {
    CHECK_OK(dg_publisher_publish(&version, g_publisher, g_versions[k]));
    CHECK(version == (uint64_t)k);
    dg_plan_free(g_versions[k]); /* the publisher keeps the snapshot */
    AwaitReads(kReaders);
  }
  pthread_mutex_lock(&g_lock);
  g_done = 1;
  pthread_mutex_unlock(&g_lock);
  for (i = 0; i < kReaders; ++i) {
    void *failure = NULL;
    CHECK(pthread_join(threads[i], &failure) == 0);
    if (failure != NULL) {
      fprintf(stderr, "reader %d: %s\n", i, (const char *)failure);
      return 1;
    }
    total += g_reads[i];
  }
  /* Wrong handles and NULLs. */
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_publisher_publish(&version, g_publisher, NULL));
  CHECK_MESSAGE_HAS("plan is NULL");
  CHECK(version == 0);
  CHECK_STATUS(DG_INVALID_ARGUMENT,
               dg_publisher_publish(&version,
                                    (dg_publisher *)(void *)g_versions[1],
                                    g_versions[1]));
  CHECK_MESSAGE_HAS("publisher is a dg_plan handle, not a dg_publisher");
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_publisher_new(NULL, g_versions[1]));
  {
    dg_plan *current = NULL;
    CHECK_STATUS(DG_INVALID_ARGUMENT,
                 dg_publisher_current(&current, &version, NULL));
    CHECK(current == NULL);
    CHECK_OK(dg_publisher_current(&current, &version, g_publisher));
    CHECK(version == kVersions);
    dg_publisher_free(g_publisher); /* plans taken stay valid */
    CHECK_OK(dg_plan_record_count(&size, current, DG_RECORD_TASK));
    CHECK(size == 5);
    dg_plan_free(current);
  }
  dg_plan_free(g_versions[1]);
  printf("publisher_threads_c_test: %ld reads by %d readers over %d versions\n",
         total, kReaders, kVersions);
  return 0;
}
