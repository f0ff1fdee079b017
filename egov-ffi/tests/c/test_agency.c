/* Agency codes: parse (strict and lenient), level, parent, root, ancestry, registry as of a date. */
#include "check.h"

int main(void) {
  char *out = NULL;
  uint8_t level = 0;
  bool yes = false;

  CHECK_OK(egov_agency_parse("000.00.18.G12", false, &out));
  CHECK(contains(out, "\"level\":2"));
  CHECK(contains(out, "\"parent\":\"000.00.00.G12\""));
  CHECK(egov_last_error_code() == NULL);
  egov_string_free(out);

  CHECK_ERR(egov_agency_parse("000.00.G22", false, &out), EGOV_RESULT_INVALID_INPUT,
            "agency_code.group_count");
  CHECK(out == NULL);

  CHECK_OK(egov_agency_level("001.02.03.H41", &level));
  CHECK(level == 4);

  CHECK_OK(egov_agency_parent("000.00.18.G12", &out));
  CHECK(out != NULL && strcmp(out, "000.00.00.G12") == 0);
  egov_string_free(out);
  CHECK_OK(egov_agency_parent("000.00.00.G12", &out)); /* level 1: no parent */
  CHECK(out == NULL);

  CHECK_OK(egov_agency_root("001.02.03.H41", &out));
  CHECK(out != NULL && strcmp(out, "000.00.00.H41") == 0);
  egov_string_free(out);

  CHECK_OK(egov_agency_is_ancestor_of("000.00.00.G12", "000.00.18.G12", &yes));
  CHECK(yes);
  CHECK_OK(egov_agency_is_ancestor_of("000.00.00.G22", "000.00.18.G12", &yes));
  CHECK(!yes);
  CHECK_ERR(egov_agency_is_ancestor_of("000.00.00.G22", "nope", &yes), EGOV_RESULT_INVALID_INPUT,
            NULL);

  const char *registry =
      "code,name_vi,valid_to,replaced_by\n"
      "000.00.00.H09,UBND tỉnh Bình Dương,2025-06-30,000.00.00.H29\n"
      "000.00.00.H29,UBND Thành phố Hồ Chí Minh,,\n";
  CHECK_OK(egov_agency_registry_check("000.00.00.H09", registry, "2025-07-01", &out));
  CHECK(contains(out, "\"status\":\"expired\""));
  egov_string_free(out);
  CHECK_ERR(egov_agency_registry_check("000.00.00.H09", "code\n", "2025-07-01", &out),
            EGOV_RESULT_INVALID_INPUT, NULL);
  return finish("test_agency");
}
