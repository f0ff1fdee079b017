/* Conversion marks: validate, sign with a fixed key (golden payload), verify, tampering. */
#include "check.h"

#define MARK_JSON                                                                          \
  "{\"direction\":\"paper_to_data\",\"profile\":\"general\","                                \
  "\"mark_text\":\"Thông điệp dữ liệu được chuyển đổi từ văn bản giấy\","                   \
  "\"converted_at\":\"2026-03-02T09:15:00+07:00\","                                          \
  "\"converter_full_name\":\"Ủy ban nhân dân phường Hàng Bạc\"}"
#define SEED_HEX "0707070707070707070707070707070707070707070707070707070707070707"
#define PUBLIC_KEY "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c"
#define TRUST "{\"keys\":[{\"label\":\"UBND phường Hàng Bạc\",\"public_key\":\"" PUBLIC_KEY "\"}]}"

static const uint8_t CONTENT[] = "scan.pdf bytes";
#define CONTENT_LEN (sizeof CONTENT - 1)

/* The QR text between "qr_text":" and the next quote, copied into `buf`. */
static int qr_of(const char *json, char *buf, size_t cap) {
  const char *p = strstr(json, "\"qr_text\":\"");
  if (!p) return 0;
  p += strlen("\"qr_text\":\"");
  size_t n = strcspn(p, "\"");
  if (n + 1 > cap) return 0;
  memcpy(buf, p, n);
  buf[n] = '\0';
  return 1;
}

int main(void) {
  char *out = NULL;
  char qr[2048];

  CHECK_OK(egov_conversion_validate(MARK_JSON, &out));
  CHECK(contains(out, "\"overall\":\"pass\""));
  egov_string_free(out);
  CHECK_OK(egov_conversion_validate("{\"direction\":\"paper_to_data\",\"profile\":\"general\","
                                    "\"mark_text\":\"\",\"converted_at\":"
                                    "\"2026-03-02T09:15:00+07:00\",\"converter_full_name\":\"\"}",
                                    &out));
  CHECK(contains(out, "\"overall\":\"fail\""));
  egov_string_free(out);
  CHECK_ERR(egov_conversion_validate("{\"direction\":1}", &out), EGOV_RESULT_INVALID_JSON, NULL);

  CHECK_OK(egov_conversion_sign(MARK_JSON, CONTENT, CONTENT_LEN, SEED_HEX, NULL, &out));
  CHECK(contains(out, "\"public_key\":\"" PUBLIC_KEY "\""));
  CHECK(contains(out, "\"key_id\":\"fe812c12f3ab4ce6\""));
  CHECK(contains(out, "\"qr_text\":\"EGCM:00282574512039154461620760613781690911536985370992855"));
  CHECK(qr_of(out, qr, sizeof qr));
  egov_string_free(out);

  CHECK_OK(egov_conversion_verify(qr, TRUST, CONTENT, CONTENT_LEN, &out));
  CHECK(contains(out, "\"verified\":true"));
  CHECK(contains(out, "\"state\":\"content_matches\""));
  egov_string_free(out);
  CHECK_OK(egov_conversion_verify(qr, TRUST, NULL, 0, &out));
  CHECK(contains(out, "\"verified\":true"));
  CHECK(contains(out, "\"content_checked\":false"));
  egov_string_free(out);
  CHECK_OK(egov_conversion_verify(qr, TRUST, (const uint8_t *)"other", 5, &out));
  CHECK(contains(out, "\"verified\":false"));
  CHECK(contains(out, "content.mismatch"));
  egov_string_free(out);

  /* One digit of the signature changed: must not pass. */
  size_t n = strlen(qr);
  qr[n - 10] = qr[n - 10] == '1' ? '2' : '1';
  CHECK_OK(egov_conversion_verify(qr, TRUST, CONTENT, CONTENT_LEN, &out));
  CHECK(contains(out, "\"verified\":false"));
  CHECK(contains(out, "signature.invalid"));
  egov_string_free(out);

  CHECK_ERR(egov_conversion_verify(qr, "{\"keys\":7}", NULL, 0, &out), EGOV_RESULT_INVALID_INPUT,
            "trust_set.invalid");
  return finish("test_conversion");
}
