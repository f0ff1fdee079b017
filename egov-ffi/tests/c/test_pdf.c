/* PDF files (issue 13): a real LibreOffice Writer PDF signed with a PAdES signature from the test
 * RSA key (PEM, then the PKCS#12 file) and its signatures verified against the test root
 * (QĐ 28/2018 Đ6.1, DOC-18; NĐ 30/2020 Đ25), tampered, verified without anchors and against
 * another root; a conversion mark stamped on it and verified (NĐ 137/2024 Đ5), then signed
 * over the mark; the encrypted file refused (pdf.encrypted) by every function; the argument
 * refusals (key sources, NULL, too large). Every output freed: run under valgrind by run.sh.
 * The PDFs are testdata/pdf, the keys testdata/pki; run from the repository root. */
#include "check.h"

#define PDFS "testdata/pdf/"
#define PKI "testdata/pki/"

/* A copy of the bytes `b` with the first `from` replaced by `to` (same length). */
static uint8_t *replaced(const EgovBytes *b, const char *from, const char *to) {
  size_t n = strlen(from);
  uint8_t *copy = malloc(b->len);
  if (copy == NULL) return NULL;
  memcpy(copy, b->data, b->len);
  for (size_t i = 0; i + n <= b->len; i++) {
    if (memcmp(copy + i, from, n) == 0) {
      memcpy(copy + i, to, n);
      break;
    }
  }
  return copy;
}

#define SIGN_OPTIONS                                                                          \
  "{\"signing_time\":\"2026-01-15T09:00:00+07:00\",\"reason\":\"Sao từ văn bản giấy\","       \
  "\"location\":\"Hà Nội\"}"

/* Data → paper (Đ5): the document printed from the agency's document system. */
#define MARK                                                                                   \
  "{\"direction\":\"data_to_paper\",\"profile\":\"general\","                                  \
  "\"mark_text\":\"Văn bản giấy được chuyển đổi từ thông điệp dữ liệu\","                      \
  "\"converted_at\":\"2026-03-02T14:05:09+07:00\","                                            \
  "\"converter_full_name\":\"Ủy ban nhân dân phường Hàng Bạc\","                               \
  "\"source_system\":{\"system_name\":\"Hệ thống quản lý văn bản và điều hành phường Hàng Bạc\"," \
  "\"owner_name\":\"Ủy ban nhân dân phường Hàng Bạc\",\"locator\":{\"kind\":\"full_url\","     \
  "\"url\":\"https://qlvb.hangbac.hanoi.gov.vn/van-ban/2026-0001\"}}}"
#define SEED "0707070707070707070707070707070707070707070707070707070707070707"
#define TRUST                                                                                  \
  "{\"keys\":[{\"label\":\"UBND phường Hàng Bạc\","                                            \
  "\"public_key\":\"ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c\"}]}"

int main(void) {
  char *out = NULL;
  size_t pdf_len = 0, enc_len = 0, p12_len = 0;
  char *pdf = slurp(PDFS "libreoffice-6-4-writer-multilang.pdf", &pdf_len);
  char *enc = slurp(PDFS "libreoffice-writer-user-password-encrypted.pdf", &enc_len);
  char *rsa_key = slurp(PKI "signer-rsa.key", NULL);
  char *rsa_cert = slurp(PKI "signer-rsa.pem", NULL);
  char *ec_cert = slurp(PKI "signer-ec.pem", NULL);
  char *p12 = slurp(PKI "signer-rsa.p12", &p12_len);
  char *root = slurp(PKI "root-ca.pem", NULL);
  char *other_root = slurp(PKI "other-root-ca.pem", NULL);
  int loaded = pdf && enc && rsa_key && rsa_cert && ec_cert && p12 && root && other_root;
  CHECK(loaded);
  if (!loaded) return finish("test_pdf");
  const uint8_t *pdf_bytes = (const uint8_t *)pdf;
  const uint8_t *enc_bytes = (const uint8_t *)enc;
  const uint8_t *p12_bytes = (const uint8_t *)p12;

  /* PAdES-B-B with the PEM key and certificate at a fixed /M: the original stays the prefix,
   * the summary names the signer and the byte range. */
  EgovBytes signed_pdf = {NULL, 0};
  CHECK_OK(egov_pdf_sign(pdf_bytes, pdf_len, rsa_key, rsa_cert, NULL, 0, NULL, SIGN_OPTIONS,
                         &signed_pdf, &out));
  CHECK(signed_pdf.data != NULL && signed_pdf.len > pdf_len &&
        memcmp(signed_pdf.data, pdf, pdf_len) == 0);
  CHECK(contains(out, "\"level\":\"PAdES-B-B\""));
  CHECK(contains(out, "\"field_name\":\"Signature1\""));
  CHECK(contains(out, "\"subject\":\"CN=Văn thư TEST RSA,O=egov TEST PKI,C=VN\""));
  CHECK(contains(out, "\"key_source\":\"pem\""));
  CHECK(contains(out, "\"claimed_time\":\"2026-01-15T09:00:00+07:00\""));
  CHECK(contains(out, "\"algorithm\":\"rsa_sha256\""));
  /* Deterministic (RSA PKCS#1 v1.5, fixed time): the SHA-256 of testdata/vectors/pdf.json. */
  CHECK(contains(out, "\"output_sha256\":\"2194bb48fb0ad632bad2ba71d50353479227730353c93e398ffbfe41cbd7a172\""));
  egov_string_free(out);

  /* Its signature against the test root: intact, trusted, revision 2 of 2. */
  CHECK_OK(egov_pdf_verify_signatures(signed_pdf.data, signed_pdf.len, root, NULL, &out));
  CHECK(contains(out, "\"all_valid\":true"));
  CHECK(contains(out, "\"revisions\":2"));
  CHECK(contains(out, "\"status\":\"trusted\""));
  CHECK(contains(out, "\"sub_filter\":\"ETSI.CAdES.detached\""));
  CHECK(contains(out, "\"revision\":2,\"revisions_after\":0"));
  CHECK(contains(out, "\"rule\":\"DOC-18\"") && contains(out, "\"outcome\":\"pass\""));
  egov_string_free(out);
  /* Without anchors (NULL or empty): checked, trust not claimed. */
  CHECK_OK(egov_pdf_verify_signatures(signed_pdf.data, signed_pdf.len, NULL, NULL, &out));
  CHECK(contains(out, "\"all_valid\":true") && contains(out, "\"status\":\"not_checked\""));
  egov_string_free(out);
  CHECK_OK(egov_pdf_verify_signatures(signed_pdf.data, signed_pdf.len, "", NULL, &out));
  CHECK(contains(out, "\"status\":\"not_checked\""));
  egov_string_free(out);
  /* Another root; a check time after the certificate's end. */
  CHECK_OK(egov_pdf_verify_signatures(signed_pdf.data, signed_pdf.len, other_root, NULL, &out));
  CHECK(contains(out, "\"all_valid\":false") && contains(out, "\"code\":\"untrusted\""));
  egov_string_free(out);
  CHECK_OK(egov_pdf_verify_signatures(signed_pdf.data, signed_pdf.len, root,
                                      "{\"at\":\"2040-01-01T00:00:00+07:00\"}", &out));
  CHECK(contains(out, "\"code\":\"expired\"") && contains(out, "\"time_source\":\"caller\""));
  egov_string_free(out);
  /* Changed after signing (the catalog's language, same length, inside the signed range): the
   * digest fails. */
  {
    uint8_t *tampered = replaced(&signed_pdf, "/Lang(en-US)", "/Lang(vi-VN)");
    CHECK(tampered != NULL && memcmp(tampered, signed_pdf.data, signed_pdf.len) != 0);
    CHECK_OK(egov_pdf_verify_signatures(tampered, signed_pdf.len, root, NULL, &out));
    CHECK(contains(out, "\"all_valid\":false"));
    CHECK(contains(out, "\"code\":\"digest_mismatch\""));
    CHECK(contains(out, "\"rule\":\"DOC-18\"") && contains(out, "\"outcome\":\"fail\""));
    egov_string_free(out);
    free(tampered);
  }

  /* The same key from the PKCS#12 file (password egov-test): its chain holds the root too. */
  {
    EgovBytes p12_signed = {NULL, 0};
    CHECK_OK(egov_pdf_sign(pdf_bytes, pdf_len, NULL, NULL, p12_bytes, p12_len, "egov-test",
                           "{\"field_name\":\"VanThu\"}", &p12_signed, &out));
    CHECK(contains(out, "\"key_source\":\"pkcs12\"") && contains(out, "\"certificates\":2"));
    CHECK(contains(out, "\"field_name\":\"VanThu\""));
    egov_string_free(out);
    CHECK_OK(egov_pdf_verify_signatures(p12_signed.data, p12_signed.len, root, NULL, &out));
    CHECK(contains(out, "\"all_valid\":true") && contains(out, "\"field_name\":\"VanThu\""));
    egov_string_free(out);
    egov_bytes_free(&p12_signed);
    CHECK(p12_signed.data == NULL && p12_signed.len == 0);
    /* The wrong password: an error, both outputs cleared. */
    p12_signed.data = (uint8_t *)1;
    p12_signed.len = 3;
    out = (char *)1;
    CHECK_ERR(egov_pdf_sign(pdf_bytes, pdf_len, NULL, NULL, p12_bytes, p12_len, "wrong", NULL,
                            &p12_signed, &out),
              EGOV_RESULT_INVALID_INPUT, "sign.key.pkcs12");
    CHECK(p12_signed.data == NULL && p12_signed.len == 0 && out == NULL);
  }

  /* A conversion mark stamped on the signed PDF (data → paper, Đ5): an incremental update, so
   * the signature still covers its revision; then verified with the printed QR code. */
  {
    EgovBytes stamped = {NULL, 0};
    CHECK_OK(egov_pdf_stamp(signed_pdf.data, signed_pdf.len, MARK, SEED, NULL, &stamped, &out));
    CHECK(stamped.len > signed_pdf.len &&
          memcmp(stamped.data, signed_pdf.data, signed_pdf.len) == 0);
    CHECK(contains(out, "\"corner\":\"top_right\""));
    CHECK(contains(out, "\"key_id\":\"fe812c12f3ab4ce6\""));
    CHECK(contains(out, "\"qr_text\":\"EGCM:"));
    /* A change after a signature: the library says what it means for the signature. */
    CHECK(contains(out, "\"findings\":[{"));
    egov_string_free(out);
    CHECK_OK(egov_pdf_verify(stamped.data, stamped.len, TRUST, NULL, &out));
    CHECK(contains(out, "\"verified\":true"));
    CHECK(contains(out, "\"matches_xmp\":true"));
    CHECK(contains(out, "\"state\":\"content_matches\""));
    egov_string_free(out);
    /* The signature covers revision 2; one revision (the mark) was appended after it. */
    CHECK_OK(egov_pdf_verify_signatures(stamped.data, stamped.len, root, NULL, &out));
    CHECK(contains(out, "\"revisions\":3"));
    CHECK(contains(out, "\"revision\":2,\"revisions_after\":1"));
    /* The mark changes what page 1 shows: not an update permitted after signing. */
    CHECK(contains(out, "\"revision\":3,\"adds\":[\"metadata\"]"));
    CHECK(contains(out, "\"change\":\"page\",\"page\":1,\"key\":\"/Contents\""));
    CHECK(contains(out, "\"permitted\":false"));
    egov_string_free(out);
    /* Another key's trust set: a result, not an error. */
    CHECK_OK(egov_pdf_verify(stamped.data, stamped.len,
                             "{\"keys\":[{\"label\":\"x\",\"public_key\":"
                             "\"abababababababababababababababababababababababababababababababab\"}]}",
                             "{\"render\":false}", &out));
    CHECK(contains(out, "\"verified\":false"));
    egov_string_free(out);
    egov_bytes_free(&stamped);
  }
  /* The unsigned original has no mark: not verified, no signature listed. */
  CHECK_OK(egov_pdf_verify(pdf_bytes, pdf_len, TRUST, "{\"render\":false}", &out));
  CHECK(contains(out, "\"verified\":false") && contains(out, "\"signatures\":[]"));
  egov_string_free(out);

  /* The encrypted file (LibreOffice, user password): refused by every function. */
  {
    EgovBytes b = {NULL, 0};
    CHECK_ERR(egov_pdf_sign(enc_bytes, enc_len, rsa_key, rsa_cert, NULL, 0, NULL, NULL, &b, &out),
              EGOV_RESULT_INVALID_INPUT, "pdf.encrypted");
    CHECK(b.data == NULL && out == NULL);
    CHECK_ERR(egov_pdf_stamp(enc_bytes, enc_len, MARK, SEED, NULL, &b, &out),
              EGOV_RESULT_INVALID_INPUT, "pdf.encrypted");
    CHECK_ERR(egov_pdf_verify(enc_bytes, enc_len, TRUST, NULL, &out), EGOV_RESULT_INVALID_INPUT,
              "pdf.encrypted");
    CHECK_ERR(egov_pdf_verify_signatures(enc_bytes, enc_len, root, NULL, &out),
              EGOV_RESULT_INVALID_INPUT, "pdf.encrypted");
    CHECK(contains(egov_last_error_message(), "encrypted"));
    CHECK(b.data == NULL && out == NULL);
  }

  /* Refusals: key sources, keys, options, anchors, buffers. */
  {
    EgovBytes b = {NULL, 0};
    CHECK_ERR(egov_pdf_sign(pdf_bytes, pdf_len, NULL, NULL, NULL, 0, NULL, NULL, &b, &out),
              EGOV_RESULT_INVALID_INPUT, "ffi.invalid_arguments");
    CHECK_ERR(egov_pdf_sign(pdf_bytes, pdf_len, rsa_key, NULL, NULL, 0, NULL, NULL, &b, &out),
              EGOV_RESULT_INVALID_INPUT, "ffi.invalid_arguments");
    CHECK_ERR(egov_pdf_sign(pdf_bytes, pdf_len, rsa_key, rsa_cert, p12_bytes, p12_len, "egov-test",
                            NULL, &b, &out),
              EGOV_RESULT_INVALID_INPUT, "ffi.invalid_arguments");
    CHECK_ERR(egov_pdf_sign(pdf_bytes, pdf_len, rsa_key, ec_cert, NULL, 0, NULL, NULL, &b, &out),
              EGOV_RESULT_INVALID_INPUT, "sign.key.certificate_mismatch");
    CHECK_ERR(egov_pdf_sign(pdf_bytes, pdf_len, "not a key", rsa_cert, NULL, 0, NULL, NULL, &b,
                            &out),
              EGOV_RESULT_INVALID_INPUT, "sign.key.unsupported");
    CHECK_ERR(egov_pdf_sign(pdf_bytes, pdf_len, rsa_key, rsa_cert, NULL, 0, NULL,
                            "{\"signing_time\":\"2026-01-15T09:00:00\"}", &b, &out),
              EGOV_RESULT_INVALID_JSON, "ffi.invalid_json");
    CHECK_ERR(egov_pdf_sign(pdf_bytes, pdf_len, rsa_key, rsa_cert, NULL, 0, NULL,
                            "{\"reserve_bytes\":100}", &b, &out),
              EGOV_RESULT_INVALID_INPUT, "pdf.sign");
    CHECK_ERR(egov_pdf_stamp(pdf_bytes, pdf_len, MARK, "07", NULL, &b, &out),
              EGOV_RESULT_INVALID_INPUT, "ffi.invalid_key");
    CHECK_ERR(egov_pdf_stamp(pdf_bytes, pdf_len, MARK, SEED, "{\"stamp\":{\"page\":2}}", &b, &out),
              EGOV_RESULT_INVALID_INPUT, "pdf.no_such_page");
    CHECK_ERR(egov_pdf_stamp((const uint8_t *)"not a PDF", 9, MARK, SEED, NULL, &b, &out),
              EGOV_RESULT_INVALID_INPUT, "pdf.not_pdf");
    CHECK_ERR(egov_pdf_verify(pdf_bytes, pdf_len, "{\"keys\":[{\"label\":\"x\",\"public_key\":\"12\"}]}",
                              NULL, &out),
              EGOV_RESULT_INVALID_INPUT, "trust_set.invalid");
    CHECK_ERR(egov_pdf_verify_signatures(pdf_bytes, pdf_len, "no certificate here", NULL, &out),
              EGOV_RESULT_INVALID_INPUT, "ffi.invalid_anchors");
    CHECK_ERR(egov_pdf_verify_signatures(pdf_bytes, pdf_len, NULL, "{\"at\":\"2040-01-01\"}", &out),
              EGOV_RESULT_INVALID_INPUT, "time.invalid");
    CHECK(b.data == NULL && out == NULL);
    /* Buffers: NULL with a length, more than EGOV_MAX_PDF_BYTES (never read), NULL outputs. */
    CHECK_ERR(egov_pdf_verify(NULL, 5, TRUST, NULL, &out), EGOV_RESULT_NULL_ARGUMENT,
              "ffi.null_argument");
    CHECK_ERR(egov_pdf_verify_signatures(pdf_bytes, (size_t)EGOV_MAX_PDF_BYTES + 1, NULL, NULL,
                                         &out),
              EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
    CHECK_ERR(egov_pdf_sign(pdf_bytes, (size_t)EGOV_MAX_PDF_BYTES + 1, rsa_key, rsa_cert, NULL, 0,
                            NULL, NULL, &b, &out),
              EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
    CHECK_ERR(egov_pdf_sign(pdf_bytes, pdf_len, rsa_key, rsa_cert, NULL, 0, NULL, NULL, NULL, &out),
              EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
    CHECK(out == NULL);
    CHECK_ERR(egov_pdf_stamp(pdf_bytes, pdf_len, MARK, SEED, NULL, &b, NULL),
              EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
    CHECK(b.data == NULL && b.len == 0);
    CHECK_ERR(egov_pdf_verify(pdf_bytes, pdf_len, TRUST, NULL, NULL), EGOV_RESULT_NULL_ARGUMENT,
              "ffi.null_argument");
  }
  /* The same operations by name (the test vectors' entry point). */
  CHECK_ERR(egov_call("pdf.verify_signatures", "{\"data_text\":\"not a PDF\"}", &out),
            EGOV_RESULT_INVALID_INPUT, "pdf.not_pdf");
  CHECK_ERR(egov_call("pdf.verify_signatures", "{\"data_text\":\"%PDF-1.7 garbage\"}", &out),
            EGOV_RESULT_INVALID_INPUT, "pdf.parse");
  CHECK_ERR(egov_call("pdf.sign", "{\"data_text\":\"%PDF-1.7\"}", &out), EGOV_RESULT_INVALID_INPUT,
            "ffi.invalid_arguments");

  egov_bytes_free(&signed_pdf);
  egov_bytes_free(&signed_pdf); /* twice: a no-op */
  egov_bytes_free(NULL);
  free(pdf);
  free(enc);
  free(rsa_key);
  free(rsa_cert);
  free(ec_cert);
  free(p12);
  free(root);
  free(other_root);
  return finish("test_pdf");
}
