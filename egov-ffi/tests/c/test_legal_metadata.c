/* Legal value (DOC-14), paper copies (DOC-17), channel (DOC-16) and metadata records (DOC-10). */
#include "check.h"

#include "record.h"

int main(void) {
  char *out = NULL;

  CHECK_OK(egov_legal_value(true, true, &out));
  CHECK(contains(out, "\"value\":\"equivalent_to_paper\""));
  egov_string_free(out);
  CHECK_OK(egov_legal_value(false, true, &out));
  CHECK(contains(out, "\"value\":\"reference_only\""));
  egov_string_free(out);

  CHECK_OK(egov_paper_copy(
      "{\"document_type\":\"TỜ TRÌNH\",\"legal_value\":\"equivalent_to_paper\","
      "\"to_government_per_working_regulation\":false}",
      "{\"listed_document_types\":[\"Tờ trình\"]}", &out));
  CHECK(contains(out, "\"required\":true"));
  egov_string_free(out);
  CHECK_OK(egov_paper_copy(
      "{\"document_type\":\"Công văn\",\"legal_value\":\"equivalent_to_paper\","
      "\"to_government_per_working_regulation\":false}",
      NULL, &out));
  CHECK(contains(out, "\"required\":false"));
  egov_string_free(out);

  CHECK_OK(egov_check_channel(
      "{\"sent_via_system\":false,\"sender_ready\":true,\"receiver_ready\":true}", &out));
  CHECK(contains(out, "\"outcome\":\"fail\""));
  egov_string_free(out);

  CHECK_OK(egov_metadata_validate(RECORD, NULL, &out));
  CHECK(contains(out, "\"overall\":\"pass\""));
  egov_string_free(out);
  CHECK_OK(egov_metadata_validate("{\"agency_code\":\"000.00.00.G22\"}", NULL, &out));
  CHECK(contains(out, "\"overall\":\"fail\""));
  egov_string_free(out);
  CHECK_ERR(egov_metadata_validate("{\"agency\":1}", NULL, &out), EGOV_RESULT_INVALID_INPUT,
            "metadata.json");
  CHECK_ERR(egov_metadata_validate(RECORD, "{\"required\":[\"nope\"]}", &out),
            EGOV_RESULT_INVALID_JSON, "ffi.invalid_json");
  return finish("test_legal_metadata");
}
