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

/* A blank 500×300 PNG page (1-bit, 142 bytes). */
static const uint8_t PAGE[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x01, 0xf4, 0x00, 0x00, 0x01, 0x2c, 0x01, 0x00, 0x00, 0x00, 0x00, 0x1d, 0xc0, 0x7c,
    0x65, 0x00, 0x00, 0x00, 0x55, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0xed, 0xcb, 0x31, 0x01, 0x00,
    0x00, 0x04, 0x00, 0x30, 0xf4, 0x2f, 0x2b, 0x01, 0x21, 0x9c, 0xb6, 0x7f, 0x39, 0x71, 0xd1, 0x15,
    0x37, 0xbe, 0xef, 0xfb, 0xbe, 0xef, 0xfb, 0xbe, 0xef, 0xfb, 0xbe, 0xef, 0xfb, 0xbe, 0xef, 0xfb,
    0xbe, 0xef, 0xfb, 0xbe, 0xef, 0xfb, 0xbe, 0xef, 0xfb, 0xbe, 0xef, 0xfb, 0xbe, 0xef, 0xfb, 0xbe,
    0xef, 0xfb, 0xbe, 0xef, 0xfb, 0xbe, 0xef, 0xfb, 0xbe, 0xef, 0xfb, 0xbe, 0xef, 0xfb, 0xbe, 0xef,
    0xfb, 0xbe, 0xef, 0xfb, 0xbe, 0xef, 0xfb, 0xfe, 0xaf, 0xbf, 0x50, 0x59, 0x04, 0x48, 0x09, 0x6c,
    0xe6, 0xf6, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};
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

  /* Page images: stamp (bytes out in an EgovBytes), then find and verify the mark. */
  EgovBytes img = {NULL, 0};
  CHECK_OK(egov_conversion_stamp_page(PAGE, sizeof PAGE, MARK_JSON, CONTENT, CONTENT_LEN, SEED_HEX,
                                      "{\"stamp\":{\"render\":{\"dpi\":100}}}", &img, &out));
  CHECK(img.data != NULL && img.len > 8 && memcmp(img.data, "\x89PNG", 4) == 0);
  CHECK(contains(out, "\"format\":\"png\""));
  egov_string_free(out);
  CHECK_OK(egov_conversion_verify_page(img.data, img.len, TRUST, CONTENT, CONTENT_LEN, &out));
  CHECK(contains(out, "\"verified\":true"));
  CHECK(contains(out, "\"qr_codes_found\":1"));
  egov_string_free(out);
  CHECK_OK(egov_conversion_verify_page(img.data, img.len, TRUST, (const uint8_t *)"x", 1, &out));
  CHECK(contains(out, "\"verified\":false"));
  egov_string_free(out);
  /* A document of three pages, the mark on the second: the result names page 2 and lists the
   * signed lines as printed. */
  {
    const uint8_t *pages[3] = {PAGE, img.data, PAGE};
    size_t lens[3] = {sizeof PAGE, img.len, sizeof PAGE};
    CHECK_OK(egov_conversion_verify_document(pages, lens, 3, TRUST, CONTENT, CONTENT_LEN, &out));
    CHECK(contains(out, "\"verified\":true"));
    CHECK(contains(out, "\"mark_page\":2"));
    CHECK(contains(out, "\"pages_scanned\":3"));
    CHECK(contains(out, "\"error_code\":\"scan.no_mark\""));
    CHECK(contains(out, "\"printed_lines\":[\"Thông điệp dữ liệu được chuyển đổi từ văn bản giấy\""));
    egov_string_free(out);
  }
  egov_bytes_free(&img);
  CHECK(img.data == NULL && img.len == 0);
  egov_bytes_free(&img); /* freeing twice through the struct is a no-op */
  egov_bytes_free(NULL);
  CHECK_ERR(egov_conversion_verify_page(PAGE, sizeof PAGE, TRUST, NULL, 0, &out),
            EGOV_RESULT_INVALID_INPUT, "scan.no_mark");
  CHECK_ERR(egov_conversion_stamp_page((const uint8_t *)"nope", 4, MARK_JSON, NULL, 0, SEED_HEX,
                                       NULL, &img, &out),
            EGOV_RESULT_INVALID_INPUT, "image.decode");
  CHECK(img.data == NULL && out == NULL);
  CHECK_ERR(egov_conversion_stamp_page(PAGE, sizeof PAGE, MARK_JSON, NULL, 0, SEED_HEX, NULL, NULL,
                                       &out),
            EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
  /* Options: a lookup URL in the signed payload, the block at the bottom left; unknown option
   * keys are refused, not ignored. */
  CHECK_OK(egov_conversion_stamp_page(
      PAGE, sizeof PAGE, MARK_JSON, CONTENT, CONTENT_LEN, SEED_HEX,
      "{\"payload\":{\"lookup_url\":\"https://dichvucong.gov.vn/tra-cuu\"},"
      "\"stamp\":{\"render\":{\"dpi\":100},\"position\":{\"at\":\"bottom_left\"}}}",
      &img, &out));
  CHECK(contains(out, "\"qr_text\":\"https://dichvucong.gov.vn/tra-cuu#"));
  CHECK(contains(out, "\"rect\":[31,")); /* 8 mm (31 px at 100 dpi) from the left edge */
  egov_string_free(out);
  CHECK_OK(egov_conversion_verify_page(img.data, img.len, TRUST, CONTENT, CONTENT_LEN, &out));
  CHECK(contains(out, "\"verified\":true"));
  egov_string_free(out);
  egov_bytes_free(&img);
  CHECK_ERR(egov_conversion_stamp_page(PAGE, sizeof PAGE, MARK_JSON, NULL, 0, SEED_HEX,
                                       "{\"stamp\":{\"dpii\":100}}", &img, &out),
            EGOV_RESULT_INVALID_JSON, "ffi.invalid_json");
  CHECK(img.data == NULL && out == NULL);
  /* With one output pointer NULL the call fails and the other output is still cleared. */
  out = (char *)1;
  CHECK_ERR(egov_conversion_render_mark(MARK_JSON, CONTENT, CONTENT_LEN, SEED_HEX, NULL, NULL, &out),
            EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(out == NULL);
  img.data = (uint8_t *)1;
  img.len = 7;
  CHECK_ERR(egov_conversion_render_mark(MARK_JSON, CONTENT, CONTENT_LEN, SEED_HEX, NULL, &img, NULL),
            EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(img.data == NULL && img.len == 0);
  /* The mark block alone, as a PNG to place in a PDF. */
  CHECK_OK(egov_conversion_render_mark(MARK_JSON, CONTENT, CONTENT_LEN, SEED_HEX, NULL, &img, &out));
  CHECK(img.data != NULL && memcmp(img.data, "\x89PNG", 4) == 0);
  CHECK(contains(out, "\"dpi\":300"));
  egov_string_free(out);
  egov_bytes_free(&img);
  /* Make a mark from its facts (SDK wording, A-08) and sign what was made. */
  CHECK_OK(egov_conversion_make("{\"direction\":\"paper_to_data\",\"converted_at\":"
                                "\"2026-03-02T09:15:00.750+07:00\",\"converter_full_name\":"
                                "\"Ủy ban nhân dân phường Bến Nghé\"}",
                                &out));
  CHECK(contains(out, "\"mark_text\":\"Thông điệp dữ liệu được chuyển đổi từ văn bản giấy\""));
  CHECK(contains(out, "\"converted_at\":\"2026-03-02T09:15:00+07:00\""));
  CHECK(contains(out, "\"overall\":\"pass\""));
  egov_string_free(out);
  CHECK_OK(egov_conversion_make("{\"direction\":\"data_to_paper\",\"converted_at\":"
                                "\"2026-03-02T09:15:00+07:00\",\"converter_full_name\":\"X\"}",
                                &out));
  CHECK(contains(out, "\"overall\":\"fail\""));
  CHECK(contains(out, "CONV-09"));
  egov_string_free(out);
  CHECK_ERR(egov_conversion_make("{\"direction\":\"up\"}", &out), EGOV_RESULT_INVALID_JSON,
            "ffi.invalid_json");

  /* Đ4.2 checklist and the Đ23 deadline: nothing attested is unknown; after 23/10/2026 that is
   * not a pass (CONV-07, CONV-21). */
  static const char sys[] = "{\"paper_to_data\":true,\"data_to_paper\":false}";
  CHECK_OK(egov_conversion_check_system(sys, "2026-11-23T09:00:00+07:00", NULL, NULL, &out));
  CHECK(contains(out, "\"overall\":\"unknown\""));
  CHECK(contains(out, "\"last_day\":\"2026-10-23\""));
  CHECK(contains(out, "\"rule\":\"CONV-21\""));
  egov_string_free(out);
  CHECK_OK(egov_conversion_check_system(sys, NULL, "2025-01-01", NULL, &out));
  CHECK(contains(out, "\"last_day\":\"2027-01-04\""));
  CHECK(contains(out, "\"transition\":null"));
  egov_string_free(out);
  CHECK_ERR(egov_conversion_check_system(sys, NULL, "01/01/2025", NULL, &out),
            EGOV_RESULT_INVALID_INPUT, "date.invalid");
  return finish("test_conversion");
}
