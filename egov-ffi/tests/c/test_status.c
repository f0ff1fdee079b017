/* Processing status: single transitions, sender steps, edXML codes and the tracker handle. */
#include "check.h"

int main(void) {
  char *out = NULL;
  char *saved = NULL;
  EgovTracker *t = NULL;
  EgovTracker *back = NULL;

  CHECK_OK(egov_status_apply("đã đến", "{\"event\":\"reject\",\"reason\":\"Thiếu phụ lục\"}",
                             "2026-03-02T09:00:00+07:00", &out));
  CHECK(contains(out, "\"to\":\"rejected\""));
  egov_string_free(out);
  CHECK_ERR(egov_status_apply("rejected", "{\"event\":\"accept\"}", "2026-03-02T09:00:00+07:00",
                              &out),
            EGOV_RESULT_INVALID_INPUT, "status.forbidden_transition");
  CHECK_ERR(egov_status_apply("arrived", "{\"event\":\"explode\"}", "2026-03-02T09:00:00+07:00",
                              &out),
            EGOV_RESULT_INVALID_JSON, "ffi.invalid_json");

  CHECK_OK(egov_sender_apply("draft", "approve", &out));
  CHECK(contains(out, "\"status\":\"approved\""));
  egov_string_free(out);
  CHECK_ERR(egov_sender_apply("approved", "send", &out), EGOV_RESULT_INVALID_INPUT,
            "status.sender_forbidden");
  CHECK_OK(egov_status_from_edxml("03", &out));
  egov_string_free(out);

  CHECK_OK(egov_tracker_new("000.00.00.H41", "2026-03-02T08:00:00+07:00", &t));
  CHECK_OK(egov_tracker_record(t, "{\"event\":\"accept\"}", "2026-03-02T08:30:00+07:00", &out));
  egov_string_free(out);
  CHECK_OK(egov_tracker_record(t, "{\"event\":\"forward\"}", "2026-03-02T09:00:00+07:00", &out));
  egov_string_free(out);
  /* Out of time order: refused, nothing recorded. */
  CHECK_ERR(egov_tracker_record(t, "{\"event\":\"start_processing\"}",
                                "2026-03-02T08:45:00+07:00", &out),
            EGOV_RESULT_INVALID_INPUT, "status.out_of_order");
  CHECK_OK(egov_tracker_status(t, &out));
  CHECK(out != NULL && strcmp(out, "forwarded") == 0);
  egov_string_free(out);

  CHECK_OK(egov_tracker_to_json(t, &saved));
  CHECK(contains(saved, "\"status\":\"forwarded\""));
  CHECK_OK(egov_tracker_from_json(saved, &back));
  CHECK_OK(egov_tracker_status(back, &out));
  CHECK(out != NULL && strcmp(out, "forwarded") == 0);
  egov_string_free(out);
  egov_string_free(saved);
  egov_tracker_free(back);
  back = NULL;
  CHECK_ERR(egov_tracker_from_json("{\"receiver\":\"x\"}", &back), EGOV_RESULT_INVALID_INPUT,
            "status.invalid_history");
  egov_tracker_free(back);
  egov_tracker_free(t);
  egov_tracker_free(NULL);
  return finish("test_status");
}
