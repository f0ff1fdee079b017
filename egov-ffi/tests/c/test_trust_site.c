/* Trust, whole site (TRUST-02…04, NĐ 137/2024 Đ21): the six criteria from the JSON request,
 * one criterion (the TLS check c), link scanning (đ) and the self-declaration (Đ21.3). The
 * certificates are the committed test chain (testdata/trust/certs); run from the repository root. */
#include "check.h"

#define NOW "2026-11-23T09:00:00+07:00"

int main(void) {
  char *out = NULL;
  char *good_pem = slurp("testdata/trust/certs/good.pem", NULL);
  char *root_pem = slurp("testdata/trust/certs/test-root.pem", NULL);
  CHECK(good_pem != NULL && root_pem != NULL);
  if (good_pem == NULL || root_pem == NULL) return finish("test_trust_site");
  char *good = json_escape_pem(good_pem);
  char *root = json_escape_pem(root_pem);
  size_t cap = strlen(good) + strlen(root) + 1024;
  char *tls_req = malloc(cap);
  snprintf(tls_req, cap,
           "{\"now\":\"" NOW "\",\"host\":\"good.test.gov.vn\","
           "\"tls\":{\"chain\":\"%s\",\"version\":\"TLSv1.3\","
           "\"cipher_suite\":\"TLS_AES_128_GCM_SHA256\"},"
           "\"anchors\":{\"roots\":\"%s\"}}",
           good, root);

  /* c) the TLS check: a chain to the caller's root passes; the whole site is still not
   * compliant, because the other five criteria have no evidence (unknown, never pass). */
  CHECK_OK(egov_trust_criterion(tls_req, "c", &out));
  CHECK(contains(out, "\"criterion\":\"c\""));
  CHECK(contains(out, "\"outcome\":\"pass\""));
  CHECK(contains(out, "\"rule\":\"TRUST-02.c\""));
  egov_string_free(out);
  CHECK_OK(egov_trust_evaluate(tls_req, &out));
  CHECK(contains(out, "\"meets_criteria\":false"));
  CHECK(contains(out, "\"outcome\":\"unknown\""));
  CHECK(contains(out, "\"evaluated_at\":\"" NOW "\""));
  egov_string_free(out);

  /* The same chain for another host name fails c). */
  char *p = strstr(tls_req, "good.test.gov.vn");
  memcpy(p, "evil", 4); /* "evil.test.gov.vn" */
  CHECK_OK(egov_trust_criterion(tls_req, "c", &out));
  CHECK(contains(out, "\"outcome\":\"fail\""));
  CHECK(contains(out, "tls.host_mismatch"));
  egov_string_free(out);

  /* đ) links: a listed domain fails, the ASCII name dd works too. */
  static const char page_req[] =
      "{\"now\":\"" NOW "\",\"page\":{\"url\":\"https://www.example.gov.vn/a/\","
      "\"html\":\"<a href='../b'>b</a><iframe src='https://x.evil.vn/'></iframe>\"},"
      "\"blocklist\":{\"source\":\"test\",\"entries\":\"evil.vn\\n\"}}";
  CHECK_OK(egov_trust_links(page_req, &out));
  CHECK(contains(out, "\"url\":\"https://www.example.gov.vn/b\""));
  CHECK(contains(out, "\"flag\":\"blocklisted\""));
  CHECK(contains(out, "\"detail\":\"evil.vn\""));
  egov_string_free(out);
  CHECK_OK(egov_trust_criterion(page_req, "dd", &out));
  CHECK(contains(out, "\"criterion\":\"đ\""));
  CHECK(contains(out, "\"outcome\":\"fail\""));
  egov_string_free(out);

  /* Đ21.3 self-declaration in English and Vietnamese. */
  CHECK_OK(egov_trust_declare(tls_req, "en", &out));
  CHECK(contains(out, "\"format\":\"egov-trust-declaration/1\""));
  CHECK(contains(out, "\"meets_criteria\":false"));
  CHECK(contains(out, "\"markdown\":\"# "));
  egov_string_free(out);
  CHECK_OK(egov_trust_declare(tls_req, "vi", &out));
  CHECK(contains(out, "Tự công bố đáp ứng tiêu chí tín nhiệm mạng"));
  egov_string_free(out);

  /* Errors name what was wrong. */
  CHECK_ERR(egov_trust_evaluate("{\"host\":\"a.gov.vn\"}", &out), EGOV_RESULT_INVALID_INPUT,
            "trust.now_missing");
  CHECK_ERR(egov_trust_evaluate("{\"now\":\"" NOW "\",\"hostname\":\"a\"}", &out),
            EGOV_RESULT_INVALID_JSON, "ffi.invalid_json");
  CHECK(contains(egov_last_error_message(), "hostname"));
  CHECK_ERR(egov_trust_evaluate("{\"now\":\"" NOW "\",\"tls\":{\"chain\":\"x\"}}", &out),
            EGOV_RESULT_INVALID_INPUT, "tls.cert_empty");
  CHECK_ERR(egov_trust_criterion(tls_req, "g", &out), EGOV_RESULT_INVALID_INPUT,
            "trust.criterion_unknown");
  CHECK_ERR(egov_trust_links("{\"now\":\"" NOW "\"}", &out), EGOV_RESULT_INVALID_INPUT,
            "trust.page_missing");
  CHECK_ERR(egov_trust_declare(tls_req, "fr", &out), EGOV_RESULT_INVALID_INPUT, "trust.lang");
  CHECK(out == NULL);

  free(tls_req);
  free(good);
  free(root);
  free(good_pem);
  free(root_pem);
  return finish("test_trust_site");
}
