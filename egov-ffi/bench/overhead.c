/* Per-call cost from C of a cheap call (agency code) and expensive ones (metadata record,
 * send deadline). Build and run: egov-ffi/bench/run.sh */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "egov.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#include "../tests/c/record.h"

#define BENCH(label, n, body)                                          \
  do {                                                                 \
    double t0_ = now();                                                \
    for (long i_ = 0; i_ < (n); i_++) { body; }                        \
    double dt_ = now() - t0_;                                          \
    printf("%-52s %10.0f ns/call\n", label, dt_ * 1e9 / (double)(n)); \
  } while (0)

int main(void) {
  uint8_t level;
  char *out;
  EgovCalendar *cal;
  if (egov_calendar_vietnam(&cal) != EGOV_RESULT_OK) return 1;

  BENCH("C egov_agency_level (cheap, no allocation)", 2000000,
        egov_agency_level("000.00.18.G12", &level));
  BENCH("C egov_agency_parse (cheap, JSON out)", 200000,
        { egov_agency_parse("000.00.18.G12", false, &out); egov_string_free(out); });
  BENCH("C egov_metadata_validate (expensive, JSON in/out)", 20000,
        { egov_metadata_validate(RECORD, NULL, &out); egov_string_free(out); });
  BENCH("C egov_deadline with a calendar handle", 50000, {
    egov_deadline("{\"signed\":\"2026-02-13T16:00:00+07:00\","
                  "\"sent\":\"2026-02-23T12:30:00+07:00\"}", cal, &out);
    egov_string_free(out);
  });
  BENCH("C egov_deadline, NULL calendar (built-in, cached)", 20000, {
    egov_deadline("{\"signed\":\"2026-02-13T16:00:00+07:00\","
                  "\"sent\":\"2026-02-23T12:30:00+07:00\"}", NULL, &out);
    egov_string_free(out);
  });
  egov_calendar_free(cal);
  return 0;
}
