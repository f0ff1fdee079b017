/* Duties of the law as data (issue 16): the typed C functions egov_checklist_list, _template
 * and _run (OTH-36, TRUST-05, OTH-43), their answers and their errors. */
#include "check.h"

static void oth_36_checklists_listed_templated_and_run(void) {
  char *out = NULL;
  CHECK_OK(egov_checklist_list(NULL, &out));
  CHECK(contains(out, "\"id\":\"nd137-agency-system\""));
  CHECK(contains(out, "\"items\":11"));
  egov_string_free(out);
  CHECK_OK(egov_checklist_template("{\"id\":\"nd137-d13-incident-plans\"}", &out));
  CHECK(contains(out, "[items.d13_2_a_backups]"));
  egov_string_free(out);
  /* Đ13: two duties attested (one met, one not), two without evidence. */
  CHECK_OK(egov_checklist_run(
      "{\"id\":\"nd137-d13-incident-plans\",\"evidence\":\"as_of = \\\"2026-03-02\\\"\\n"
      "[items.d13_1_ready]\\nsatisfied = true\\ndate = \\\"2026-01-15\\\"\\n"
      "[items.d13_2_a_backups]\\nsatisfied = false\\ndate = \\\"2026-01-15\\\"\\n\"}",
      &out));
  CHECK(contains(out, "\"overall\":\"fail\""));
  CHECK(contains(out, "\"rule\":\"TRUST-05\""));
  CHECK(contains(out, "\"missing\":[\"satisfied\",\"date\"]"));
  CHECK(contains(out, "chưa có bằng chứng"));
  egov_string_free(out);
}

static void oth_43_errors_are_typed(void) {
  char *out = NULL;
  CHECK_ERR(egov_checklist_run("{\"id\":\"nd137-d99\",\"evidence\":{}}", &out),
            EGOV_RESULT_INVALID_INPUT, "checklist.unknown");
  CHECK(out == NULL);
  CHECK_ERR(egov_checklist_run("{\"id\":\"nd137-d14-experts\",\"evidence\":{\"items\":{\"x\":{\"satisfeid\":true}}}}", &out),
            EGOV_RESULT_INVALID_INPUT, "checklist.evidence");
  CHECK_ERR(egov_checklist_run("{\"id\":\"nd137-d14-experts\"}", &out), EGOV_RESULT_INVALID_JSON,
            "ffi.invalid_arguments");
  CHECK_ERR(egov_checklist_template(NULL, &out), EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK_ERR(egov_checklist_list("{\"checklists\":[\"id = 3\"]}", &out), EGOV_RESULT_INVALID_INPUT,
            "checklist.parse");
}

int main(void) {
  oth_36_checklists_listed_templated_and_run();
  oth_43_errors_are_typed();
  return finish("test_checklist");
}
