/* Platform classes: classification at the PLAT-03 boundaries, insufficient history, and the
 * monthly-active-user counter handle (add, merge, months, free). */
#include "check.h"

static char req[4096];

/* A request with 12 (or `n`) months of `users` each, population 100 000 000. */
static const char *request(long users, int n) {
  size_t k = (size_t)snprintf(req, sizeof req, "{\"monthly\":[");
  for (int m = 1; m <= n; m++)
    k += (size_t)snprintf(req + k, sizeof req - k, "%s{\"month\":\"2025-%02d\",\"active_users\":%ld}",
                          m > 1 ? "," : "", m, users);
  snprintf(req + k, sizeof req - k, "],\"population\":100000000,\"date\":\"2026-01-10\"}");
  return req;
}

int main(void) {
  char *out = NULL;
  EgovCounter *a = NULL, *b = NULL;

  CHECK_OK(egov_platform_classify(request(2999999, 12), &out));
  CHECK(contains(out, "\"scale\":\"below_threshold\""));
  egov_string_free(out);
  CHECK_OK(egov_platform_classify(request(3000000, 12), &out));
  CHECK(contains(out, "\"scale\":\"large\""));
  egov_string_free(out);
  CHECK_OK(egov_platform_classify(request(10000000, 12), &out));
  CHECK(contains(out, "\"scale\":\"large\""));
  egov_string_free(out);
  CHECK_OK(egov_platform_classify(request(10000001, 12), &out));
  CHECK(contains(out, "\"scale\":\"very_large\""));
  egov_string_free(out);
  CHECK_ERR(egov_platform_classify(request(5000000, 11), &out), EGOV_RESULT_INVALID_INPUT,
            "platform.insufficient_history");

  CHECK_OK(egov_counter_new(&a));
  CHECK_OK(egov_counter_new(&b));
  CHECK_OK(egov_counter_add_batch(a, "[{\"user\":1,\"at\":\"2025-01-31T17:30:00Z\"}]"));
  CHECK_OK(egov_counter_add_batch(b, "[{\"user\":1,\"at\":1738344600},{\"user\":\"u2\",\"at\":1738342799}]"));
  CHECK_ERR(egov_counter_add_batch(b, "[{\"user\":1}]"), EGOV_RESULT_INVALID_JSON, NULL);
  {
    /* Arrays: user 7 at 23:59:59 on 31 January (VN) and at 00:30 on 1 February; user 8 abroad. */
    const uint64_t users[] = {7, 7, 8};
    const int64_t at[] = {1738342799, 1738344600, 1738344600};
    const bool in_vn[] = {true, true, false};
    EgovCounter *c = NULL;
    CHECK_OK(egov_counter_new(&c));
    CHECK_OK(egov_counter_add_arrays(c, users, at, in_vn, 3));
    CHECK_OK(egov_counter_add_arrays(c, NULL, NULL, NULL, 0));
    CHECK_ERR(egov_counter_add_arrays(c, NULL, at, NULL, 1), EGOV_RESULT_NULL_ARGUMENT,
              "ffi.null_argument");
    CHECK_ERR(egov_counter_add_arrays(c, users, at, NULL, (size_t)1 << 40),
              EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
    CHECK_OK(egov_counter_months(c, &out));
    CHECK(contains(out, "{\"active_users\":1,\"events\":1,\"month\":\"2025-01\"}"));
    CHECK(contains(out, "{\"active_users\":1,\"events\":1,\"month\":\"2025-02\"}"));
    egov_string_free(out);
    egov_counter_free(c);
  }
  CHECK_OK(egov_counter_merge(a, b));
  CHECK_OK(egov_counter_months(a, &out));
  CHECK(contains(out, "{\"active_users\":1,\"events\":1,\"month\":\"2025-01\"}"));
  CHECK(contains(out, "{\"active_users\":1,\"events\":2,\"month\":\"2025-02\"}"));
  egov_string_free(out);
  CHECK_OK(egov_counter_months(b, &out)); /* b is unchanged by the merge */
  CHECK(contains(out, "\"events\":1,\"month\":\"2025-02\""));
  egov_string_free(out);
  CHECK_ERR(egov_counter_merge(NULL, b), EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(egov_counter_months(NULL, &out), EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK_ERR(egov_counter_new(NULL), EGOV_RESULT_NULL_ARGUMENT, NULL);
  egov_counter_free(a);
  egov_counter_free(b);
  egov_counter_free(NULL);
  return finish("test_platform");
}
