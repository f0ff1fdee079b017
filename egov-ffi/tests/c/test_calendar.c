/* Vietnam time and the working-day calendar: built-in and caller-supplied tables. */
#include "check.h"

int main(void) {
  char *out = NULL;
  bool working = true;
  EgovCalendar *cal = NULL;
  EgovCalendar *own = NULL;

  CHECK_OK(egov_time_parse("2026-02-16T17:00:00Z", false, &out));
  CHECK(contains(out, "\"datetime\":\"2026-02-17T00:00:00+07:00\""));
  egov_string_free(out);
  CHECK_ERR(egov_time_parse("2026-02-16T17:00:00", false, &out), EGOV_RESULT_INVALID_INPUT,
            "time.missing_offset");
  CHECK_OK(egov_time_parse("2026-02-16T17:00:00", true, &out));
  egov_string_free(out);

  CHECK_OK(egov_calendar_vietnam(&cal));
  CHECK_OK(egov_calendar_is_working_day(cal, "2026-02-17", &working)); /* Tết */
  CHECK(!working);
  CHECK_OK(egov_calendar_next_working_day(cal, "2026-02-13", &out));
  CHECK(out != NULL && strcmp(out, "2026-02-23") == 0);
  egov_string_free(out);
  CHECK_OK(egov_calendar_add_working_days(cal, "2026-02-12", 3, &out));
  CHECK(out != NULL && strcmp(out, "2026-02-24") == 0);
  egov_string_free(out);
  CHECK_OK(egov_calendar_day(cal, "2026-01-10", &out)); /* make-up Saturday */
  CHECK(contains(out, "\"is_working_day\":true"));
  egov_string_free(out);
  CHECK_ERR(egov_calendar_is_working_day(cal, "17/02/2026", &working), EGOV_RESULT_INVALID_INPUT,
            "date.invalid");
  egov_calendar_free(cal);

  CHECK_OK(egov_calendar_from_json(
      "{\"name\":\"mine\",\"weekly_rest_days\":[\"Sun\"],"
      "\"days_off\":{\"2026-03-02\":\"Ngày nghỉ riêng\"}}",
      &own));
  CHECK_OK(egov_calendar_is_working_day(own, "2026-03-07", &working)); /* Saturday works */
  CHECK(working);
  CHECK_OK(egov_calendar_next_working_day(own, "2026-03-01", &out));
  CHECK(out != NULL && strcmp(out, "2026-03-03") == 0);
  egov_string_free(out);
  egov_calendar_free(own);
  CHECK_ERR(egov_calendar_from_json("{\"name\":1}", &own), EGOV_RESULT_INVALID_INPUT,
            "calendar.invalid_table");
  CHECK(own == NULL);
  egov_calendar_free(NULL);
  return finish("test_calendar");
}
