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

/* Reads a file into a NUL-terminated buffer (caller frees), its length in `*len` (when `len` is
 * not NULL); NULL on error, saying which file. Paths are relative to the repository root. */
static inline char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    fprintf(stderr, "cannot open %s (run from the repository root)\n", path);
    return NULL;
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (buf != NULL && fread(buf, 1, (size_t)n, f) == (size_t)n) {
    buf[n] = '\0';
    if (len) *len = (size_t)n;
  } else {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  return buf;
}

/* PEM text as a JSON string body: newlines escaped (PEM has no quotes or backslashes). */
static inline char *json_escape_pem(const char *pem) {
  size_t n = strlen(pem);
  char *out = malloc(2 * n + 1);
  char *w = out;
  if (out == NULL) return NULL;
  for (const char *r = pem; *r; r++) {
    if (*r == '\n') {
      *w++ = '\\';
      *w++ = 'n';
    } else if (*r != '\r') {
      *w++ = *r;
    }
  }
  *w = '\0';
  return out;
}

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
