/* Per-call cost from C of a cheap call (agency code) and expensive ones (metadata record,
 * send deadline, verifying a stamped A4 page written by overhead_rust). Build and run:
 * egov-ffi/bench/run.sh */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "egov.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#include "../tests/c/record.h"

/* Mean time per call over n calls, best of three rounds (as the Rust and Python runners). */
#define BENCH(label, n, body)                                          \
  do {                                                                 \
    double best_ = 1e30;                                               \
    for (int round_ = 0; round_ < 3; round_++) {                       \
      double t0_ = now();                                              \
      for (long i_ = 0; i_ < (n); i_++) { body; }                      \
      double dt_ = (now() - t0_) / (double)(n);                        \
      if (dt_ < best_) best_ = dt_;                                    \
    }                                                                  \
    printf("%-52s %10.0f ns/call\n", label, best_ * 1e9);             \
  } while (0)

/* Reads a whole file (caller frees); NULL on error. */
static unsigned char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *buf = malloc((size_t)n + 1);
  if (buf != NULL && fread(buf, 1, (size_t)n, f) == (size_t)n) {
    buf[n] = 0;
    *len = (size_t)n;
  } else {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  return buf;
}

int main(int argc, char **argv) {
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

  /* argv[1]: directory with bench-page.png and bench-trust.json (from overhead_rust). */
  if (argc > 1) {
    char path[4096];
    size_t page_len = 0, trust_len = 0;
    snprintf(path, sizeof path, "%s/bench-page.png", argv[1]);
    unsigned char *page = slurp(path, &page_len);
    snprintf(path, sizeof path, "%s/bench-trust.json", argv[1]);
    char *trust = (char *)slurp(path, &trust_len);
    if (page == NULL || trust == NULL) return 1;
    BENCH("C egov_conversion_verify_page (A4 300 dpi PNG)", 20, {
      if (egov_conversion_verify_page(page, page_len, trust, NULL, 0, &out) != EGOV_RESULT_OK)
        return 1;
      egov_string_free(out);
    });
    free(page);
    free(trust);
  }
  return 0;
}
