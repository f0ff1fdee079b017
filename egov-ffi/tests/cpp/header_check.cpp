// The header works from C++ (extern "C", no C-only constructs): a vendor's C++ code owns egov's
// strings and handles with std::unique_ptr and custom deleters.
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "egov.h"

namespace {

struct StringFree {
  void operator()(char *s) const { egov_string_free(s); }
};
struct CalendarFree {
  void operator()(EgovCalendar *c) const { egov_calendar_free(c); }
};
using EgovString = std::unique_ptr<char, StringFree>;

int failures = 0;

void check(bool ok, const char *what) {
  if (!ok) {
    std::fprintf(stderr, "C++ check failed: %s\n", what);
    failures++;
  }
}

}  // namespace

int main() {
  char *raw = nullptr;
  check(egov_agency_parse("000.00.18.G12", false, &raw) == EGOV_RESULT_OK, "agency parse");
  EgovString json(raw);
  check(std::string(json.get()).find("\"parent\":\"000.00.00.G12\"") != std::string::npos,
        "parent in JSON");

  EgovCalendar *cal_raw = nullptr;
  check(egov_calendar_vietnam(&cal_raw) == EGOV_RESULT_OK, "calendar");
  std::unique_ptr<EgovCalendar, CalendarFree> cal(cal_raw);
  bool working = true;
  check(egov_calendar_is_working_day(cal.get(), "2026-02-17", &working) == EGOV_RESULT_OK &&
            !working,
        "Tết 2026 is a day off");

  check(egov_agency_parse("28.22.H17", false, &raw) == EGOV_RESULT_INVALID_INPUT && raw == nullptr,
        "a bad code is an error");
  check(std::strncmp(egov_last_error_code(), "agency_code.", 12) == 0, "error code");
  if (failures == 0) std::puts("header_check (C++): ok");
  return failures == 0 ? 0 : 1;
}
