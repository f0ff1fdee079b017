/* Platform classes: classification at the PLAT-03 boundaries, insufficient history, the
 * monthly-active-user counter handle (add, merge, months, free), the self-classification report
 * (PLAT-02…27) and its schedule (PLAT-09, PLAT-10, PLAT-13). */
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

/* A report request: `request(users, n)` plus the given extra members (`,"context":…`). */
static char report_req[8192];
static const char *report_request(long users, int n, const char *extra) {
  const char *base = request(users, n);
  size_t len = strlen(base);
  snprintf(report_req, sizeof report_req, "%.*s,\"intermediary\":\"attested\"%s}", (int)(len - 1),
           base, extra);
  return report_req;
}

/* The report of a very large intermediary platform (PLAT-21: Đ19 and Đ20 duties), the schedule
 * (Đ18.2, A-16, A-17) and their errors. */
static void report_and_schedule(void) {
  char *out = NULL;

  /* 20 % of the population, attested intermediary: 17 Đ19 + 9 Đ20 obligations (PLAT-13…27);
   * first self-classification on 2025-10-01, so the next is due 30 January 2026 (PLAT-10). */
  CHECK_OK(egov_platform_report(
      report_request(20000000, 12,
                     ",\"context\":{\"history\":{\"first_self_classification\":\"2025-10-01\"},"
                     "\"evidence\":{\"items\":{\"d20_1_b_recommendation_opt_out\":"
                     "{\"satisfied\":false}}}},\"markdown\":true"),
      &out));
  CHECK(contains(out, "\"class\":\"very_large_intermediary_platform\""));
  CHECK(contains(out, "\"field\":\"d19_3_annual_submission\""));
  CHECK(contains(out, "\"field\":\"d20_2_d_code_supports_vulnerable_groups\""));
  CHECK(contains(out, "\"obligations_overall\":\"fail\""));
  CHECK(contains(out, "\"due_on\":\"2026-01-30\""));
  CHECK(contains(out, "\"rule\":\"PLAT-10\""));
  CHECK(contains(out, "## Nghĩa vụ / Obligations"));
  egov_string_free(out);
  /* Without markdown, no "markdown" member; below the thresholds, no obligations. */
  CHECK_OK(egov_platform_report(report_request(2999999, 12, ""), &out));
  CHECK(!contains(out, "\"markdown\""));
  CHECK(contains(out, "\"obligations\":[]"));
  egov_string_free(out);
  CHECK_ERR(egov_platform_report(report_request(20000000, 11, ""), &out),
            EGOV_RESULT_INVALID_INPUT, "platform.insufficient_history");
  CHECK(out == NULL);
  CHECK_ERR(egov_platform_report(report_request(1, 12, ",\"context\":{\"histroy\":{}}"), &out),
            EGOV_RESULT_INVALID_JSON, "ffi.invalid_json");
  CHECK_ERR(egov_platform_report(report_request(1, 12, ",\"markdown\":\"yes\""), &out),
            EGOV_RESULT_INVALID_JSON, "ffi.invalid_arguments");
  CHECK_ERR(egov_platform_report("{\"monthly\":", &out), EGOV_RESULT_INVALID_JSON,
            "ffi.invalid_json");
  CHECK_ERR(egov_platform_report(NULL, &out), EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(egov_platform_report(request(1, 12), NULL), EGOV_RESULT_NULL_ARGUMENT,
            "ffi.null_argument");

  /* PLAT-09, A-17: 12 months after 2024-10-23 is Thursday 2025-10-23. */
  CHECK_OK(egov_platform_next_due(
      "{\"today\":\"2025-06-01\",\"history\":{\"operating_since\":\"2020-01-01\"}}", &out));
  CHECK(contains(out, "\"kind\":\"first\""));
  CHECK(contains(out, "\"due_on\":\"2025-10-23\""));
  CHECK(contains(out, "\"overdue\":false"));
  CHECK(contains(out, "\"rule\":\"PLAT-09\""));
  egov_string_free(out);
  /* PLAT-10, A-16: «trước 31 tháng 01» is 30 January (Saturday 2027-01-30: no roll-over), or 31
   * January when inclusive. */
  CHECK_OK(egov_platform_next_due(
      "{\"today\":\"2026-02-02\",\"history\":{\"first_self_classification\":\"2025-10-20\"}}",
      &out));
  CHECK(contains(out, "\"kind\":\"annual\""));
  CHECK(contains(out, "\"due_on\":\"2027-01-30\""));
  egov_string_free(out);
  CHECK_OK(egov_platform_next_due(
      "{\"today\":\"2026-02-02\",\"history\":{\"first_self_classification\":\"2025-10-20\"},"
      "\"schedule\":{\"inclusive_annual_deadline\":true}}",
      &out));
  CHECK(contains(out, "\"due_on\":\"2027-01-31\""));
  egov_string_free(out);
  CHECK_ERR(egov_platform_next_due("{\"today\":\"23/10/2025\"}", &out), EGOV_RESULT_INVALID_INPUT,
            "date.invalid");
  CHECK_ERR(egov_platform_next_due("{\"today\":\"2025-06-01\",\"schedule\":{\"inclusive\":true}}",
                                   &out),
            EGOV_RESULT_INVALID_JSON, "ffi.invalid_json");
  CHECK_ERR(egov_platform_next_due("{\"today\":\"2025-06-01\",\"calendar\":{\"name\":\"x\"}}", &out),
            EGOV_RESULT_INVALID_INPUT, "calendar.invalid_table");
  CHECK_ERR(egov_platform_next_due("[]", &out), EGOV_RESULT_INVALID_JSON, "ffi.invalid_json");
  CHECK_ERR(egov_platform_next_due(NULL, &out), EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(egov_platform_next_due("{\"today\":\"2025-06-01\"}", NULL), EGOV_RESULT_NULL_ARGUMENT,
            "ffi.null_argument");
  CHECK(out == NULL);
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
  report_and_schedule();
  /* CSV streamed in blocks that split a line (PLAT-01): the split line is read whole, months
   * are in Vietnam time, malformed lines are counted with their byte offset. */
  {
    EgovCounter *c = NULL;
    static const char part1[] = "user_id,timestamp,kind,in_vietnam\n"
                                "1,2025-01-31T16:59:59Z,login,1\n1,2025-01-31T17:3";
    static const char part2[] = "0:00Z,login,1\nnot a line\n2,1738344600,service,true";
    CHECK_OK(egov_counter_new(&c));
    CHECK_OK(egov_counter_feed_csv(c, (const uint8_t *)part1, sizeof part1 - 1));
    CHECK_OK(egov_counter_feed_csv(c, (const uint8_t *)part2, sizeof part2 - 1));
    CHECK_OK(egov_counter_finish_csv(c, &out)); /* the last line has no line ending */
    CHECK(contains(out, "\"events\":3"));
    CHECK(contains(out, "\"malformed\":1"));
    CHECK(contains(out, "\"field_count\":1"));
    CHECK(contains(out, "\"offset\":96"));
    egov_string_free(out);
    CHECK_OK(egov_counter_months(c, &out));
    CHECK(contains(out, "{\"active_users\":1,\"events\":1,\"month\":\"2025-01\"}"));
    CHECK(contains(out, "{\"active_users\":2,\"events\":2,\"month\":\"2025-02\"}"));
    egov_string_free(out);
    egov_counter_free(c);
  }
  return finish("test_platform");
}
