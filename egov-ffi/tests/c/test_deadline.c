/* Send deadlines (DOC-19/21) with the built-in calendar and a handle, and the judgement. */
#include "check.h"

int main(void) {
  char *out = NULL;
  EgovCalendar *cal = NULL;

  /* Tết 2026: signed Friday 13 Feb afternoon, the next working day is Monday 23 Feb. */
  CHECK_OK(egov_deadline("{\"signed\":\"2026-02-13T16:00:00+07:00\"}", NULL, &out));
  CHECK(contains(out, "\"latest\":\"2026-02-23T12:00:00+07:00\""));
  egov_string_free(out);

  CHECK_OK(egov_calendar_vietnam(&cal));
  CHECK_OK(egov_deadline(
      "{\"signed\":\"2026-02-13T16:00:00+07:00\",\"sent\":\"2026-02-23T12:30:00+07:00\"}", cal,
      &out));
  CHECK(contains(out, "\"outcome\":\"fail\""));
  egov_string_free(out);
  CHECK_OK(egov_deadline("{\"signed\":\"2026-03-06T16:00:00+07:00\",\"urgency\":\"khẩn\"}", cal,
                         &out));
  CHECK(contains(out, "\"rule\":\"DOC-21\""));
  egov_string_free(out);
  CHECK_ERR(egov_deadline("{\"signed\":\"2026-03-06T16:00:00\"}", cal, &out),
            EGOV_RESULT_INVALID_INPUT, "time.missing_offset");
  CHECK_ERR(egov_deadline("{\"signd\":\"2026-03-06\"}", cal, &out), EGOV_RESULT_INVALID_JSON,
            "ffi.invalid_json");
  egov_calendar_free(cal);
  return finish("test_deadline");
}
