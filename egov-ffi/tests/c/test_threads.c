/* The last error is per thread: threads that fail and threads that succeed at the same time
 * each see their own result, code and message. Handles are per thread (not shared). */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "check.h"

#define ROUNDS 2000

struct job {
  int fail;     /* this thread's calls fail */
  int mismatches;
};

static void *work(void *arg) {
  struct job *job = arg;
  EgovCalendar *cal = NULL;
  if (egov_calendar_vietnam(&cal) != EGOV_RESULT_OK) {
    job->mismatches++;
    return NULL;
  }
  for (int i = 0; i < ROUNDS; i++) {
    uint8_t level = 0;
    EgovResult r = egov_agency_level(job->fail ? "28.22.H17" : "000.00.18.G12", &level);
    const char *code = egov_last_error_code();
    if (job->fail) {
      if (r != EGOV_RESULT_INVALID_INPUT || code == NULL ||
          strncmp(code, "agency_code.", 12) != 0)
        job->mismatches++;
    } else if (r != EGOV_RESULT_OK || level != 2 || code != NULL) {
      job->mismatches++;
    }
    bool working = false;
    if (egov_calendar_is_working_day(cal, "2026-02-17", &working) != EGOV_RESULT_OK || working)
      job->mismatches++; /* 17/02/2026 is Tết */
  }
  egov_calendar_free(cal);
  return NULL;
}

int main(void) {
  enum { N = 4 };
  pthread_t threads[N];
  struct job jobs[N];
  for (int i = 0; i < N; i++) {
    jobs[i].fail = i % 2;
    jobs[i].mismatches = 0;
    CHECK(pthread_create(&threads[i], NULL, work, &jobs[i]) == 0);
  }
  for (int i = 0; i < N; i++) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK(jobs[i].mismatches == 0);
  }
  /* The main thread made no failing call: its last error is still clear. */
  CHECK(egov_last_error_code() == NULL);
  return finish("test_threads");
}
