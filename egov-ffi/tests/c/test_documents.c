/* Document identifiers, document numbers and urgency. */
#include "check.h"

int main(void) {
  char *out = NULL;

  CHECK_OK(egov_document_id_parse("000.00.00.G22,2018/09/20,7816/VPCP-TTĐT", &out));
  CHECK(contains(out, "\"promulgation_date\":\"2018-09-20\""));
  egov_string_free(out);
  CHECK_ERR(egov_document_id_parse("000.00.00.G22,2018/02/30,7816/VPCP-TTĐT", &out),
            EGOV_RESULT_INVALID_INPUT, "document_id.no_such_date");

  CHECK_OK(egov_number_parse("28/2018/QĐ-TTg", &out));
  CHECK(contains(out, "\"year\":2018"));
  CHECK(contains(out, "\"type_abbreviation\":\"QĐ\""));
  egov_string_free(out);
  CHECK_ERR(egov_number_parse("28-QĐ", &out), EGOV_RESULT_INVALID_INPUT, "doc_number.missing_slash");

  CHECK_OK(egov_urgency_parse("Hỏa tốc", &out));
  CHECK(contains(out, "\"urgency\":\"hoa_toc\""));
  egov_string_free(out);
  CHECK_OK(egov_urgency_parse("thường", &out));
  CHECK(contains(out, "\"urgency\":null"));
  egov_string_free(out);
  CHECK_ERR(egov_urgency_parse("gấp lắm", &out), EGOV_RESULT_INVALID_INPUT, "urgency.unknown");
  return finish("test_documents");
}
