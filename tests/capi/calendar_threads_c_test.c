/* tests/capi/calendar_threads_c_test.c — one dg_calendar, many threads.
 *
 * dg.h promises that a dg_calendar is immutable (concurrent calls on one
 * handle are safe, no hidden caches) and that the last error message is
 * thread-local. Several threads here query one shared handle over every day
 * of 2007..2026 and must reproduce the single-threaded answers exactly, while
 * each provokes failures whose messages quote its own thread number: a message
 * from another thread would show up as a foreign number. Run it under TSan to
 * check the absence of data races as well.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dutygraph/dg.h"
#include "test_util.h"

enum { kThreads = 4, kRounds = 3, kStep = 7 };

typedef struct Answers {
  int working;
  dg_date next;
  dg_date plus_ten;
  int32_t between;
} Answers;

static const dg_calendar *g_calendar;
static dg_date g_first, g_last;
static Answers *g_expected; /* indexed by day - g_first */

static int Compute(const dg_calendar *cal, dg_date day, Answers *out) {
  if (dg_calendar_is_working_day(&out->working, NULL, cal, day) != DG_OK) {
    return 0;
  }
  if (dg_calendar_next_working_day(&out->next, NULL, cal, day) != DG_OK) {
    return 0;
  }
  if (dg_calendar_add_working_days(&out->plus_ten, NULL, cal, day, 10) !=
      DG_OK) {
    return 0;
  }
  return dg_calendar_working_days_between(&out->between, NULL, cal, g_first,
                                          day) == DG_OK;
}

typedef struct Worker {
  int id;
  pthread_t thread;
  long mismatches;
  long foreign_messages;
  long failed_calls;
} Worker;

/* The failure this thread provokes must report this thread's own text. */
static void ProvokeOwnError(Worker *w, int round) {
  char text[32];
  char needle[40];
  dg_date d = 0;
  int len = snprintf(text, sizeof text, "bad-%d-%d", w->id, round);
  if (dg_date_parse(&d, text, (size_t)len) != DG_INVALID_ARGUMENT) {
    ++w->failed_calls;
    return;
  }
  snprintf(needle, sizeof needle, "'%s'", text);
  if (strstr(dg_last_error_message(), needle) == NULL) ++w->foreign_messages;
}

static void *Run(void *arg) {
  Worker *w = (Worker *)arg;
  int round;
  for (round = 0; round < kRounds; ++round) {
    dg_date day;
    /* Each thread starts at a different offset so threads overlap. */
    for (day = g_first + w->id; day <= g_last; day += kStep) {
      Answers got;
      const Answers *want = &g_expected[day - g_first];
      if (!Compute(g_calendar, day, &got)) {
        ++w->failed_calls;
        continue;
      }
      if (got.working != want->working || got.next != want->next ||
          got.plus_ten != want->plus_ten || got.between != want->between) {
        ++w->mismatches;
      }
      if ((day - g_first) % 97 == 0) ProvokeOwnError(w, round);
    }
    /* Derived handles from the shared one, concurrently. */
    {
      static const char kOverlay[] = "off 2023-03-15 衡阳市地方假\n";
      dg_calendar *derived = NULL;
      int working = -1;
      if (dg_calendar_derive_text(&derived, g_calendar, kOverlay,
                                  strlen(kOverlay)) != DG_OK ||
          dg_calendar_is_working_day(&working, NULL, derived,
                                     Day("2023-03-15")) != DG_OK ||
          working != 0) {
        ++w->failed_calls;
      }
      dg_calendar_free(derived);
    }
  }
  return NULL;
}

int main(void) {
  dg_calendar *cal = NULL;
  Worker workers[kThreads];
  dg_date day;
  size_t days;
  int i;

  CHECK_OK(dg_calendar_china_mainland(&cal, NULL));
  g_calendar = cal;
  g_first = Day("2007-01-01");
  g_last = Day("2026-12-10"); /* +10 working days stays inside 2026 */
  days = (size_t)(g_last - g_first + 1);
  g_expected = (Answers *)calloc(days, sizeof *g_expected);
  CHECK(g_expected != NULL);
  for (day = g_first; day <= g_last; ++day) {
    if (!Compute(cal, day, &g_expected[day - g_first])) {
      /* Copy the message first: formatting the date is a call too. */
      char message[512];
      snprintf(message, sizeof message, "%s", dg_last_error_message());
      fprintf(stderr, "baseline failed on %s: %s\n", Iso(day), message);
      CHECK(0);
    }
  }
  /* Sanity: the baseline holds the hand-worked facts. */
  CHECK(g_expected[Day("2023-10-01") - g_first].working == 0);
  CHECK(g_expected[Day("2023-10-07") - g_first].working == 1);
  CHECK(g_expected[Day("2023-09-28") - g_first].next == Day("2023-10-07"));

  /* The main thread's own error must survive the workers' errors. */
  CHECK_STATUS(DG_INVALID_ARGUMENT, dg_date_parse(NULL, "x", 1));
  CHECK_STREQ("dg_date_parse: out is NULL", dg_last_error_message());

  for (i = 0; i < kThreads; ++i) {
    memset(&workers[i], 0, sizeof workers[i]);
    workers[i].id = i;
    CHECK(pthread_create(&workers[i].thread, NULL, Run, &workers[i]) == 0);
  }
  for (i = 0; i < kThreads; ++i) {
    CHECK(pthread_join(workers[i].thread, NULL) == 0);
  }
  for (i = 0; i < kThreads; ++i) {
    if (workers[i].mismatches || workers[i].foreign_messages ||
        workers[i].failed_calls) {
      fprintf(stderr,
              "thread %d: %ld mismatches, %ld foreign messages, %ld failed "
              "calls\n",
              i, workers[i].mismatches, workers[i].foreign_messages,
              workers[i].failed_calls);
    }
    CHECK(workers[i].mismatches == 0);
    CHECK(workers[i].foreign_messages == 0);
    CHECK(workers[i].failed_calls == 0);
  }
  CHECK_STREQ("dg_date_parse: out is NULL", dg_last_error_message());

  free(g_expected);
  dg_calendar_free(cal);
  printf("calendar_threads_c_test: %ld checks passed\n", g_checks);
  return 0;
}
