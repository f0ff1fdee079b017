/* Runs every shared test vector (testdata/vectors/NAME.json) through egov_call and matches the
 * answer with the C JSON reader in json.c. Usage: test_vectors FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "egov.h"
#include "json.h"

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
  if (buf) buf[n] = '\0';
  fclose(f);
  return buf;
}

int main(int argc, char **argv) {
  int cases = 0, failed = 0;
  for (int i = 1; i < argc; i++) {
    char *text = slurp(argv[i]);
    jval *doc = text ? json_parse(text) : NULL;
    const jval *list = json_get(doc, "cases");
    if (!doc || !list || list->type != J_ARR) {
      fprintf(stderr, "%s: cannot read the vector file\n", argv[i]);
      failed++;
    }
    for (const jval *c = list ? list->child : NULL; c; c = c->next) {
      const jval *id = json_get(c, "id"), *op = json_get(c, "op"), *args = json_get(c, "args");
      const jval *expect = json_get(c, "expect");
      const jval *want_ok = json_get(expect, "ok"), *want_err = json_get(expect, "error");
      cases++;
      if (!id || !op || op->type != J_STR || !args || !expect) {
        fprintf(stderr, "%s: malformed case %d\n", argv[i], cases);
        failed++;
        continue;
      }
      char *args_text = malloc(args->len + 1);
      memcpy(args_text, args->start, args->len);
      args_text[args->len] = '\0';
      char *out = NULL;
      EgovResult r = egov_call(op->str, args_text, &out);
      int ok = 0;
      if (r == EGOV_RESULT_OK && want_ok) {
        jval *actual = json_parse(out);
        ok = json_matches(want_ok, actual);
        if (!ok) fprintf(stderr, "%s#%s: got %s\n", argv[i], id->str, out);
        json_free(actual);
      } else if (r != EGOV_RESULT_OK && want_err && want_err->type == J_STR) {
        ok = strcmp(want_err->str, egov_last_error_code()) == 0;
        if (!ok)
          fprintf(stderr, "%s#%s: want error %s, got %s: %s\n", argv[i], id->str, want_err->str,
                  egov_last_error_code(), egov_last_error_message());
      } else {
        fprintf(stderr, "%s#%s: got %s [%s] %s\n", argv[i], id->str, egov_result_name(r),
                r == EGOV_RESULT_OK ? "" : egov_last_error_code(),
                r == EGOV_RESULT_OK ? out : egov_last_error_message());
      }
      if (!ok) failed++;
      egov_string_free(out);
      free(args_text);
    }
    json_free(doc);
    free(text);
  }
  if (cases == 0) failed++;
  printf("test_vectors: %s (%d cases, %d failed)\n", failed ? "FAILED" : "ok", cases, failed);
  return failed ? 1 : 0;
}
