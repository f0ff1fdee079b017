/* edXML packages (QCVN 102:2016; QĐ 28/2018 Đ6, Đ9, Đ10): a real status message read, the
 * receiving check of the corrupt-PDF package (DOC-28 fails), a package built then read back with
 * its attachment, signed with the test RSA and EC keys and verified against the test root
 * (DOC-18), tampered, and the refusals (DOCTYPE, malformed XML with its line, NULL, too large).
 * The packages are testdata/edxml, the keys testdata/pki; run from the repository root. */
#define _DEFAULT_SOURCE /* mkdtemp */
#include "check.h"

#define EDXML "testdata/edxml/"
#define PKI "testdata/pki/"

/* Two strings joined (caller frees). */
static char *concat(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  char *out = malloc(na + nb + 1);
  if (out == NULL) return NULL;
  memcpy(out, a, na);
  memcpy(out + na, b, nb + 1);
  return out;
}

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

/* What a vendor's system sends: VPCP to the Nghệ An People's Committee, one PDF attached. */
#define MESSAGE                                                                                  \
  "{\"kind\":\"edoc\",\"header\":{"                                                              \
  "\"from\":{\"organ_id\":\"000.00.00.G22\",\"organ_name\":\"Văn phòng Chính phủ\"},"            \
  "\"to\":[{\"organ_id\":\"000.00.00.H41\",\"organ_name\":\"UBND tỉnh Nghệ An\"}],"              \
  "\"document_id\":\"000.00.00.G22,2026/12/04,18/VPCP-TTĐT\","                                  \
  "\"code\":{\"number\":\"18\",\"notation\":\"VPCP-TTĐT\"},"                                     \
  "\"promulgation_info\":{\"place\":\"Hà Nội\",\"date\":\"2026/12/04\"},"                        \
  "\"document_type\":{\"type\":\"1\",\"type_name\":\"Công văn\"},"                               \
  "\"subject\":\"V/v thử nghiệm chữ ký số & toàn vẹn <gói tin>\","                               \
  "\"signer_info\":{\"competence\":\"KT. BỘ TRƯỞNG, CHỦ NHIỆM\",\"position\":\"Phó Chủ nhiệm\","  \
  "\"full_name\":\"Nguyễn Văn A\"},"                                                              \
  "\"other_info\":{\"priority\":\"0\"},\"response_for\":[],\"steering_type\":\"1\"},"            \
  "\"trace\":{\"trace_headers\":[{\"organ_id\":\"000.00.00.G22\","                               \
  "\"timestamp\":\"2026/12/04 09:30:00\"}],\"business_first\":false},"                            \
  "\"attachments\":[{\"content_id\":\"cid:1\",\"attachment_name\":\"cong-van.pdf\","             \
  "\"content_type\":\"application/pdf\"}]}"

static const char PDF[] = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n";
#define PDF_LEN (sizeof PDF - 1)

int main(void) {
  char *out = NULL;
  size_t status_len = 0, corrupt_len = 0;
  char *status = slurp(EDXML "vpcp-sdk-sample-status_builder_01.edxml", &status_len);
  char *corrupt = slurp(EDXML "vxp-saas-received-2025-10-23-9e272474-corrupt-pdf.edxml", &corrupt_len);
  char *rsa_key = slurp(PKI "signer-rsa.key", NULL);
  char *rsa_cert = slurp(PKI "signer-rsa.pem", NULL);
  char *ec_key = slurp(PKI "signer-ec.key", NULL);
  char *ec_cert = slurp(PKI "signer-ec.pem", NULL);
  char *intermediate = slurp(PKI "intermediate-ca.pem", NULL);
  char *root = slurp(PKI "root-ca.pem", NULL);
  char *other_root = slurp(PKI "other-root-ca.pem", NULL);
  CHECK(status && corrupt && rsa_key && rsa_cert && ec_key && ec_cert && intermediate && root &&
        other_root);
  if (!(status && corrupt && rsa_key && rsa_cert && ec_key && ec_cert && intermediate && root &&
        other_root))
    return finish("test_edxml");
  const uint8_t *status_bytes = (const uint8_t *)status;

  /* A real status message (the VNPT StatusXmlBuilder's output): read as written. */
  CHECK_OK(egov_edxml_read(status_bytes, status_len, NULL, &out));
  CHECK(contains(out, "\"kind\":\"status\""));
  CHECK(contains(out, "\"status_code\":\"01\""));
  CHECK(contains(out, "\"deviations\":[]"));
  CHECK(contains(out, "\"sha256\":\"cc7bdd662415e725c750bf6c0e64c36a87ad21bf38d00a593f9f10203572747f\""));
  egov_string_free(out);

  /* DOC-28: the receiving check finds the PDF that was decoded as text and re-encoded (its
   * attachment at line 85), and the report fails. */
  CHECK_OK(egov_edxml_check((const uint8_t *)corrupt, corrupt_len, NULL, NULL, &out));
  CHECK(contains(out, "\"overall\":\"fail\""));
  CHECK(contains(out, "\"compliant\":false"));
  CHECK(contains(out, "\"field\":\"AttachmentEncoded/Attachment[1]\""));
  CHECK(contains(out, "decoded as text and re-encoded"));
  CHECK(contains(out, "\"outcome\":\"fail\",\"rule\":\"DOC-28\""));
  CHECK(contains(out, "\"location\":{\"column\":5,\"line\":85"));
  egov_string_free(out);
  /* Its attachment alone: a PDF of 18 839 bytes holding U+FFFD (EF BF BD). */
  {
    EgovBytes pdf = {NULL, 0};
    CHECK_OK(egov_edxml_attachment((const uint8_t *)corrupt, corrupt_len, 0, NULL, &pdf, &out));
    CHECK(pdf.len == 18839 && memcmp(pdf.data, "%PDF-", 5) == 0);
    CHECK(contains(out, "\"replacement_chars\":3894"));
    egov_string_free(out);
    egov_bytes_free(&pdf);
  }

  /* Build, then read back: the attachment comes out as it went in (zipped on the way). */
  const uint8_t *atts[1] = {(const uint8_t *)PDF};
  size_t lens[1] = {PDF_LEN};
  EgovBytes built = {NULL, 0};
  CHECK_OK(egov_edxml_build(MESSAGE, atts, lens, 1, NULL, &built));
  CHECK(built.data != NULL && built.len == 3029);
  CHECK(built.len > 5 && memcmp(built.data, "<?xml", 5) == 0);
  CHECK_OK(egov_edxml_read(built.data, built.len, NULL, &out));
  CHECK(contains(out, "\"attachment_name\":\"cong-van.pdf\""));
  CHECK(contains(out, "\"kind\":\"zip\"") && contains(out, "\"crc_ok\":true"));
  CHECK(contains(out, "\"sha256\":\"2554996bb499b4767233a830e970fe1d8d74316724f5b9d191790069c124176e\""));
  egov_string_free(out);
  {
    EgovBytes content = {NULL, 0};
    CHECK_OK(egov_edxml_attachment(built.data, built.len, 0, NULL, &content, &out));
    CHECK(content.len == PDF_LEN && memcmp(content.data, PDF, PDF_LEN) == 0);
    CHECK(contains(out, "\"content_type\":\"application/pdf\""));
    egov_string_free(out);
    egov_bytes_free(&content);
    /* The ZIP as carried, with unwrap: never. */
    CHECK_OK(egov_edxml_attachment(built.data, built.len, 0, "{\"unwrap\":\"never\"}", &content,
                                   &out));
    CHECK(content.len > 4 && memcmp(content.data, "PK\x03\x04", 4) == 0);
    egov_string_free(out);
    egov_bytes_free(&content);
    /* No second attachment: an error, both outputs cleared. */
    out = (char *)1;
    content.data = (uint8_t *)1;
    CHECK_ERR(egov_edxml_attachment(built.data, built.len, 1, NULL, &content, &out),
              EGOV_RESULT_INVALID_INPUT, "ffi.attachment_index");
    CHECK(out == NULL && content.data == NULL && content.len == 0);
  }
  /* LF line ends on request. */
  {
    EgovBytes lf = {NULL, 0};
    CHECK_OK(egov_edxml_build(MESSAGE, atts, lens, 1, "{\"line_ending\":\"lf\"}", &lf));
    CHECK(lf.len > 0 && lf.len < built.len && memchr(lf.data, '\r', lf.len) == NULL);
    egov_bytes_free(&lf);
  }

  /* DOC-18: signed with the test RSA key, verified against the test root. */
  EgovBytes signed_pkg = {NULL, 0};
  CHECK_OK(egov_edxml_sign(built.data, built.len, rsa_key, rsa_cert, NULL, &signed_pkg));
  CHECK(signed_pkg.len == 5572);
  CHECK_OK(egov_edxml_verify(signed_pkg.data, signed_pkg.len, root, NULL, &out));
  CHECK(contains(out, "\"valid\":true"));
  CHECK(contains(out, "\"failure_code\":null"));
  CHECK(contains(out, "\"signature_algorithm\":\"rsa_sha256\""));
  CHECK(contains(out, "\"status\":\"trusted\""));
  CHECK(contains(out, "\"checked_at\":\"2026-12-04T09:30:00+07:00\""));
  egov_string_free(out);
  /* Without anchors: verifies, trust not claimed. */
  CHECK_OK(egov_edxml_verify(signed_pkg.data, signed_pkg.len, NULL, NULL, &out));
  CHECK(contains(out, "\"valid\":true"));
  CHECK(contains(out, "\"status\":\"not_checked\""));
  egov_string_free(out);
  /* Another root did not issue it; after the certificate's end it is expired. */
  CHECK_OK(egov_edxml_verify(signed_pkg.data, signed_pkg.len, other_root, NULL, &out));
  CHECK(contains(out, "\"valid\":false"));
  CHECK(contains(out, "\"failure_code\":\"dsig.untrusted\""));
  egov_string_free(out);
  CHECK_OK(egov_edxml_verify(signed_pkg.data, signed_pkg.len, root,
                             "{\"at\":\"2040-01-01T00:00:00+07:00\"}", &out));
  CHECK(contains(out, "\"failure_code\":\"dsig.expired\""));
  egov_string_free(out);
  /* The full check with the anchors passes; the signature's finding is DOC-18 pass. */
  {
    char *pem = json_escape_pem(root);
    char *head = concat("{\"anchors_pem\":\"", pem);
    char *options = concat(head, "\"}");
    CHECK_OK(egov_edxml_check(signed_pkg.data, signed_pkg.len, options, NULL, &out));
    CHECK(contains(out, "\"overall\":\"pass\""));
    CHECK(contains(out, "\"outcome\":\"pass\",\"rule\":\"DOC-18\""));
    egov_string_free(out);
    /* Tampered after signing (the receiver changed): the digest no longer matches. */
    uint8_t *tampered = replaced(&signed_pkg, "000.00.00.H41", "000.00.00.H29");
    CHECK(tampered != NULL && memcmp(tampered, signed_pkg.data, signed_pkg.len) != 0);
    CHECK_OK(egov_edxml_verify(tampered, signed_pkg.len, root, NULL, &out));
    CHECK(contains(out, "\"valid\":false"));
    CHECK(contains(out, "\"failure_code\":\"dsig.digest_mismatch\""));
    egov_string_free(out);
    CHECK_OK(egov_edxml_check(tampered, signed_pkg.len, options, NULL, &out));
    CHECK(contains(out, "\"overall\":\"fail\""));
    CHECK(contains(out, "\"outcome\":\"fail\",\"rule\":\"DOC-18\""));
    egov_string_free(out);
    free(tampered);
    free(options);
    free(head);
    free(pem);
  }
  /* Signing twice is refused; the output stays empty. */
  {
    EgovBytes again = {(uint8_t *)1, 7};
    CHECK_ERR(egov_edxml_sign(signed_pkg.data, signed_pkg.len, rsa_key, rsa_cert, NULL, &again),
              EGOV_RESULT_INVALID_INPUT, "dsig.sign.already_signed");
    CHECK(again.data == NULL && again.len == 0);
  }
  egov_bytes_free(&signed_pkg);

  /* ECDSA P-256 with an intermediate: a chain of three to the root. */
  {
    char *chain = concat(ec_cert, intermediate);
    EgovBytes ec = {NULL, 0};
    CHECK_OK(egov_edxml_sign(built.data, built.len, ec_key, chain, NULL, &ec));
    CHECK_OK(egov_edxml_verify(ec.data, ec.len, root, NULL, &out));
    CHECK(contains(out, "\"valid\":true"));
    CHECK(contains(out, "\"signature_algorithm\":\"ecdsa_p256_sha256\""));
    CHECK(contains(out, "\"length\":3"));
    egov_string_free(out);
    egov_bytes_free(&ec);
    free(chain);
  }

  /* Refusals. A DOCTYPE (no entity is ever expanded); malformed XML, with its line. */
  {
    static const char DOCTYPE[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE edXML [<!ENTITY x \"y\">]>\n<edXML>&x;</edXML>\n";
    static const char MALFORMED[] = "<?xml version=\"1.0\"?>\n<edXML>\n  <a>\n</edXML>\n";
    CHECK_ERR(egov_edxml_read((const uint8_t *)DOCTYPE, sizeof DOCTYPE - 1, NULL, &out),
              EGOV_RESULT_INVALID_INPUT, "edxml.doctype");
    CHECK(out == NULL);
    CHECK_ERR(egov_edxml_check((const uint8_t *)DOCTYPE, sizeof DOCTYPE - 1, NULL, NULL, &out),
              EGOV_RESULT_INVALID_INPUT, "edxml.doctype");
    CHECK_ERR(egov_edxml_read((const uint8_t *)MALFORMED, sizeof MALFORMED - 1, NULL, &out),
              EGOV_RESULT_INVALID_INPUT, "edxml.malformed");
    CHECK(contains(egov_last_error_message(), "line 4, column 1"));
    CHECK_ERR(egov_edxml_read((const uint8_t *)"<html/>", 7, NULL, &out),
              EGOV_RESULT_INVALID_INPUT, "edxml.not_edxml");
    CHECK_ERR(egov_edxml_read(status_bytes, status_len, "{\"limits\":{\"max_depth\":3}}", &out),
              EGOV_RESULT_INVALID_INPUT, "edxml.limit");
    CHECK_ERR(egov_edxml_read(status_bytes, status_len, "{\"unwarp\":\"never\"}", &out),
              EGOV_RESULT_INVALID_JSON, "ffi.invalid_json");
  }
  /* Build errors: an attachment described but not given; a control character. */
  {
    EgovBytes b = {NULL, 0};
    CHECK_ERR(egov_edxml_build(MESSAGE, NULL, NULL, 0, NULL, &b), EGOV_RESULT_INVALID_INPUT,
              "edxml.build.attachment_count");
    CHECK_ERR(egov_edxml_build("{\"kind\":\"status\",\"description\":\"a\\u0001b\"}", NULL, NULL,
                               0, NULL, &b),
              EGOV_RESULT_INVALID_INPUT, "edxml.build.invalid_char");
    CHECK_ERR(egov_edxml_build(MESSAGE, atts, NULL, 1, NULL, &b), EGOV_RESULT_NULL_ARGUMENT,
              "ffi.null_argument");
    CHECK_ERR(egov_edxml_build(MESSAGE, atts, lens, 1001, NULL, &b), EGOV_RESULT_INPUT_TOO_LARGE,
              "ffi.too_many_attachments");
    CHECK_ERR(egov_edxml_build(MESSAGE, atts, lens, 1, NULL, NULL), EGOV_RESULT_NULL_ARGUMENT,
              "ffi.null_argument");
    CHECK(b.data == NULL);
    /* A status message builds with no attachment at all. */
    CHECK_OK(egov_edxml_build("{\"kind\":\"status\",\"status_code\":\"03\"}", NULL, NULL, 0, NULL,
                              &b));
    CHECK(b.len > 0);
    egov_bytes_free(&b);
  }
  /* Key and anchor errors. */
  {
    EgovBytes b = {NULL, 0};
    CHECK_ERR(egov_edxml_sign(built.data, built.len, "not a key", rsa_cert, NULL, &b),
              EGOV_RESULT_INVALID_INPUT, "dsig.sign.key");
    CHECK_ERR(egov_edxml_sign(built.data, built.len, rsa_key, rsa_cert, "{\"digest\":\"md5\"}", &b),
              EGOV_RESULT_INVALID_JSON, "ffi.invalid_json");
    CHECK_ERR(egov_edxml_verify(built.data, built.len, "no certificate here", NULL, &out),
              EGOV_RESULT_INVALID_INPUT, "ffi.invalid_anchors");
    CHECK(b.data == NULL && out == NULL);
    /* An unsigned package is a result, not an error. */
    CHECK_OK(egov_edxml_verify(built.data, built.len, root, NULL, &out));
    CHECK(contains(out, "\"failure_code\":\"dsig.no_signature\""));
    egov_string_free(out);
  }
  /* Buffers: NULL with a length, and a length over EGOV_MAX_PACKAGE_BYTES (never read). */
  CHECK_ERR(egov_edxml_read(NULL, 5, NULL, &out), EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(egov_edxml_read(status_bytes, (size_t)EGOV_MAX_PACKAGE_BYTES + 1, NULL, &out),
            EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
  CHECK_ERR(egov_edxml_verify(status_bytes, (size_t)EGOV_MAX_PACKAGE_BYTES + 1, NULL, NULL, &out),
            EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
  CHECK_ERR(egov_edxml_read(status_bytes, status_len, NULL, NULL), EGOV_RESULT_NULL_ARGUMENT,
            "ffi.null_argument");
  CHECK_ERR(egov_edxml_read(NULL, 0, NULL, &out), EGOV_RESULT_INVALID_INPUT, "edxml.malformed");
  /* The same operations by name (the test vectors' entry point). */
  CHECK_ERR(egov_call("edxml.read", "{\"data_text\":\"<edXML/>\"}", &out),
            EGOV_RESULT_INVALID_INPUT, "edxml.not_edxml");
  CHECK_OK(egov_call("edxml.build", "{\"message\":{\"kind\":\"status\",\"status_code\":\"03\"}}",
                     &out));
  CHECK(contains(out, "\"package_hex\":\"3c3f786d6c"));
  egov_string_free(out);

  /* Files (DOC-09): a package built from an attachment file into a package file, read back
   * from the file, and its attachment extracted into a directory under a name made safe. */
  {
    char dir[] = "/tmp/egov-c-edxml-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char pdf_path[128], pkg_path[128], out_dir[128], path_buf[256];
    snprintf(pdf_path, sizeof pdf_path, "%s/cong-van.pdf", dir);
    snprintf(pkg_path, sizeof pkg_path, "%s/goi-tin.edxml", dir);
    snprintf(out_dir, sizeof out_dir, "%s/dinh-kem", dir);
    FILE *f = fopen(pdf_path, "wb");
    CHECK(f != NULL && fwrite(PDF, 1, PDF_LEN, f) == PDF_LEN);
    if (f) fclose(f);
    const char *paths[1] = {pdf_path};
    CHECK_OK(egov_edxml_build_file(MESSAGE, paths, 1, pkg_path, NULL, &out));
    /* The same bytes as the in-memory build: same SHA-256. */
    CHECK(contains(out, "\"sha256\":\"2554996bb499b4767233a830e970fe1d8d74316724f5b9d191790069c124176e\""));
    CHECK(contains(out, "\"bytes\":3029"));
    egov_string_free(out);
    CHECK_OK(egov_edxml_read_file(pkg_path, NULL, &out));
    CHECK(contains(out, "\"attachment_name\":\"cong-van.pdf\""));
    egov_string_free(out);
    CHECK_OK(egov_edxml_extract(pkg_path, out_dir, NULL, &out));
    CHECK(contains(out, "\"file_name\":\"cong-van.pdf\""));
    CHECK(contains(out, "\"status\":\"whole\""));
    CHECK(contains(out, "\"complete\":true"));
    egov_string_free(out);
    snprintf(path_buf, sizeof path_buf, "%s/cong-van.pdf", out_dir);
    size_t got_len = 0;
    char *got = slurp(path_buf, &got_len);
    CHECK(got != NULL && got_len == PDF_LEN && memcmp(got, PDF, PDF_LEN) == 0);
    free(got);
    /* A second extraction never overwrites: "cong-van (2).pdf". */
    CHECK_OK(egov_edxml_extract(pkg_path, out_dir, NULL, &out));
    CHECK(contains(out, "\"file_name\":\"cong-van (2).pdf\""));
    CHECK(contains(out, "\"renamed\":true"));
    egov_string_free(out);
    /* The corrupt PDF package: written, reported as a warning, not an error. */
    CHECK_OK(egov_edxml_extract(EDXML "vxp-saas-received-2025-10-23-9e272474-corrupt-pdf.edxml",
                                out_dir, NULL, &out));
    CHECK(contains(out, "\"code\":\"text_reencoded\""));
    egov_string_free(out);
    /* Errors: a missing attachment file, a missing package, an unwritable output. */
    const char *missing[1] = {"/nonexistent/x.pdf"};
    CHECK_ERR(egov_edxml_build_file(MESSAGE, missing, 1, pkg_path, NULL, &out),
              EGOV_RESULT_INVALID_INPUT, "io.open");
    CHECK(out == NULL);
    CHECK_ERR(egov_edxml_build_file(MESSAGE, paths, 1, "/nonexistent/dir/p.edxml", NULL, &out),
              EGOV_RESULT_INVALID_INPUT, "io.write");
    CHECK_ERR(egov_edxml_build_file(MESSAGE, NULL, 1, pkg_path, NULL, &out),
              EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(egov_edxml_build_file(MESSAGE, NULL, 0, pkg_path, NULL, &out),
              EGOV_RESULT_INVALID_INPUT, "edxml.build.attachment_count");
    CHECK_ERR(egov_edxml_read_file("/nonexistent/p.edxml", NULL, &out), EGOV_RESULT_INVALID_INPUT,
              "io.open");
    CHECK_ERR(egov_edxml_extract("/nonexistent/p.edxml", out_dir, NULL, &out),
              EGOV_RESULT_INVALID_INPUT, "io.open");
    CHECK_ERR(egov_edxml_extract(pkg_path, NULL, NULL, &out), EGOV_RESULT_NULL_ARGUMENT,
              "ffi.null_argument");
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
  }

  egov_bytes_free(&built);
  free(status);
  free(corrupt);
  free(rsa_key);
  free(rsa_cert);
  free(ec_key);
  free(ec_cert);
  free(intermediate);
  free(root);
  free(other_root);
  return finish("test_edxml");
}
