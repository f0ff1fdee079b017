/* Trust: security.txt problems with codes and line numbers; advisory list matching. */
#include "check.h"

#define NOW "2026-03-02T09:00:00+07:00"

int main(void) {
  char *out = NULL;
  static const char good[] = "Contact: mailto:security@example.gov.vn\n"
                             "Expires: 2026-12-31T23:59:59+07:00\n";
  static const char bad[] = "Expires: 2025-01-01T00:00:00Z\nnot a field\n";
  static const uint8_t not_utf8[] = {'C', 'o', 'n', 't', 'a', 'c', 't', ':', ' ', 0xFF, '\n'};

  CHECK_OK(egov_trust_security_txt((const uint8_t *)good, sizeof good - 1, NOW, NULL, &out));
  CHECK(contains(out, "\"valid\":true"));
  CHECK(contains(out, "\"contacts\":[\"mailto:security@example.gov.vn\"]"));
  egov_string_free(out);
  CHECK_OK(egov_trust_security_txt((const uint8_t *)bad, sizeof bad - 1, NOW, NULL, &out));
  CHECK(contains(out, "\"valid\":false"));
  CHECK(contains(out, "\"code\":\"security_txt.expired\""));
  CHECK(contains(out, "\"line\":2"));
  CHECK(contains(out, "security_txt.missing_contact"));
  egov_string_free(out);
  CHECK_OK(egov_trust_security_txt(not_utf8, sizeof not_utf8, NOW, NULL, &out));
  CHECK(contains(out, "security_txt.invalid_utf8"));
  egov_string_free(out);
  CHECK_OK(egov_trust_security_txt(NULL, 0, NOW, NULL, &out)); /* empty file: problems, no error */
  CHECK(contains(out, "security_txt.missing_contact"));
  egov_string_free(out);
  CHECK_ERR(egov_trust_security_txt((const uint8_t *)good, sizeof good - 1, "today", NULL, &out),
            EGOV_RESULT_INVALID_INPUT, NULL);

  CHECK_OK(egov_trust_blocklist_match("# list\nbad.example\n203.0.113.0/24\n", "WWW.Bad.Example.", &out));
  CHECK(contains(out, "\"listed\":true"));
  CHECK(contains(out, "\"listed\":\"bad.example\""));
  egov_string_free(out);
  CHECK_OK(egov_trust_blocklist_match("bad.example\n203.0.113.0/24\n", "203.0.113.9", &out));
  CHECK(contains(out, "\"listed\":true"));
  egov_string_free(out);
  CHECK_OK(egov_trust_blocklist_match("bad.example\n", "notbad.example", &out));
  CHECK(contains(out, "\"listed\":false"));
  egov_string_free(out);
  return finish("test_trust");
}
