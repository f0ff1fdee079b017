/* Tiny test helpers shared by the C test programs. */
#ifndef EGOV_CHECK_H
#define EGOV_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "egov.h"

static int g_failures = 0;
static int g_checks = 0;

#define CHECK(cond)                                                          \
  do {                                                                       \
    g_checks++;                                                              \
    if (!(cond)) {                                                           \
      g_failures++;                                                          \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                        \
  } while (0)

/* Checks r == OK; on failure prints the last error. */
#define CHECK_OK(expr)                                                         \
  do {                                                                         \
    EgovResult r_ = (expr);                                                    \
    g_checks++;                                                                \
    if (r_ != EGOV_RESULT_OK) {                                                \
      g_failures++;                                                            \
      fprintf(stderr, "%s:%d: %s returned %s: [%s] %s\n", __FILE__, __LINE__, #expr, \
              egov_result_name(r_), egov_last_error_code(), egov_last_error_message()); \
    }                                                                          \
  } while (0)

/* Checks that a call failed with `want` (and `want_code`, unless NULL) and left a message. */
static inline void check_err(const char *file, int line, const char *expr, EgovResult r, EgovResult want,
                      const char *want_code) {
  const char *c = egov_last_error_code();
  const char *m = egov_last_error_message();
  g_checks++;
  if (r != want || c == NULL || m == NULL || m[0] == '\0' ||
      (want_code != NULL && strcmp(c, want_code) != 0)) {
    g_failures++;
    fprintf(stderr, "%s:%d: %s: want %s/%s, got %s/%s (%s)\n", file, line, expr,
            egov_result_name(want), want_code ? want_code : "*", egov_result_name(r),
            c ? c : "(null)", m ? m : "(null)");
  }
}

#define CHECK_ERR(expr, want, want_code) \
  check_err(__FILE__, __LINE__, #expr, (expr), (want), (want_code))

/* True when `haystack` contains `needle`. */
static inline int contains(const char *haystack, const char *needle) {
  return haystack != NULL && strstr(haystack, needle) != NULL;
}

static inline int finish(const char *name) {
  if (g_failures == 0) {
    printf("%s: ok (%d checks)\n", name, g_checks);
    return 0;
  }
  printf("%s: FAILED (%d of %d checks)\n", name, g_failures, g_checks);
  return 1;
}

#endif
