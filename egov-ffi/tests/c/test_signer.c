/* The caller's own signer (DOC-18, Đ6.1): egov builds and hashes, a callback makes the
 * private-key operation, as a USB token's library, an HSM or a remote signing service would.
 * Here the "service" is the openssl command line signing with testdata/pki/signer-rsa.key (or
 * signer-ec.key, whose signature openssl writes as DER) in a temporary directory: an edXML
 * package of testdata/edxml and a PDF of testdata/pdf are signed through egov_edxml_sign_with /
 * egov_pdf_sign_with and verified against the test root;
 * a signer that fails, one that names no algorithm egov knows, and a NULL signer are refused.
 * Run from the repository root. */
#define _DEFAULT_SOURCE /* mkdtemp */
#include <unistd.h>

#include "check.h"

#define PKI "testdata/pki/"

/* The service's state: its working directory, its key and how many signatures it made. */
struct service {
  char dir[64];
  const char *key;
  int calls;
};

/* Signs `data` with `openssl dgst -sha256 -sign KEY`: RSA PKCS#1 v1.5, or ECDSA as DER. */
static int32_t openssl_sign(void *user_data, const uint8_t *data, size_t data_len,
                            uint8_t *signature, size_t signature_cap, size_t *signature_len) {
  struct service *s = user_data;
  char in[128], out[128], cmd[512];
  snprintf(in, sizeof in, "%s/tbs", s->dir);
  snprintf(out, sizeof out, "%s/sig", s->dir);
  FILE *f = fopen(in, "wb");
  if (f == NULL) return 1;
  size_t written = fwrite(data, 1, data_len, f);
  fclose(f);
  if (written != data_len) return 2;
  snprintf(cmd, sizeof cmd, "openssl dgst -sha256 -sign %s -out %s %s", s->key, out, in);
  if (system(cmd) != 0) return 3;
  size_t n = 0;
  char *sig = slurp(out, &n);
  if (sig == NULL || n > signature_cap) {
    free(sig);
    return 4;
  }
  memcpy(signature, sig, n);
  *signature_len = n;
  free(sig);
  s->calls++;
  return 0;
}

/* A token that is not there. */
static int32_t unplugged(void *user_data, const uint8_t *data, size_t data_len, uint8_t *signature,
                         size_t signature_cap, size_t *signature_len) {
  (void)user_data, (void)data, (void)data_len, (void)signature, (void)signature_cap,
      (void)signature_len;
  return 7;
}

/* Signs `package` through `signer`, then verifies it against `anchors` (PEM) at a time the test
 * certificates are valid: valid, made with `algorithm`. */
static void sign_and_verify(const char *package, size_t package_len, const EgovSigner *signer,
                            const char *anchors, const char *algorithm) {
  EgovBytes b = {NULL, 0};
  char *out = NULL;
  char want[96];
  CHECK_OK(egov_edxml_sign_with((const uint8_t *)package, package_len, signer, NULL, &b));
  CHECK_OK(egov_edxml_verify(b.data, b.len, anchors, "{\"at\":\"2026-06-01T00:00:00+07:00\"}",
                             &out));
  CHECK(contains(out, "\"valid\":true"));
  snprintf(want, sizeof want, "\"signature_algorithm\":\"%s\"", algorithm);
  CHECK(contains(out, want));
  egov_string_free(out);
  egov_bytes_free(&b);
}

int main(void) {
  char *out = NULL;
  size_t package_len = 0, pdf_len = 0;
  char *package =
      slurp("testdata/edxml/pvn-gateway-built-3-attachments-1f881896.edxml", &package_len);
  char *pdf = slurp("testdata/pdf/libreoffice-6-4-writer-multilang.pdf", &pdf_len);
  char *cert = slurp(PKI "signer-rsa.pem", NULL);
  char *root = slurp(PKI "root-ca.pem", NULL);
  struct service svc = {"/tmp/egov-signer-XXXXXX", PKI "signer-rsa.key", 0};
  CHECK(package && pdf && cert && root && mkdtemp(svc.dir) != NULL);
  if (!(package && pdf && cert && root)) return finish("test_signer");

  EgovSigner signer = {"rsa_sha256", cert, openssl_sign, &svc};

  /* An edXML package signed by the service, verified against the root. */
  sign_and_verify(package, package_len, &signer, root, "rsa_sha256");
  CHECK(svc.calls == 1);

  /* A PDF signed by the service (PAdES-B-B), every signature verified against the root. */
  EgovBytes signed_pdf = {NULL, 0};
  CHECK_OK(egov_pdf_sign_with((const uint8_t *)pdf, pdf_len, &signer,
                              "{\"signing_time\":\"2026-03-02T09:15:00+07:00\"}", &signed_pdf,
                              &out));
  CHECK(svc.calls == 2);
  CHECK(contains(out, "\"key_source\":\"external\""));
  CHECK(contains(out, "\"algorithm\":\"rsa_sha256\""));
  egov_string_free(out);
  CHECK_OK(egov_pdf_verify_signatures(signed_pdf.data, signed_pdf.len, root, NULL, &out));
  CHECK(contains(out, "\"all_valid\":true"));
  egov_string_free(out);
  egov_bytes_free(&signed_pdf);

  /* ECDSA P-256 through an intermediate: openssl writes the signature as DER, egov takes it
   * as well as raw r||s. */
  {
    char *ec_cert = slurp(PKI "signer-ec.pem", NULL);
    char *intermediate = slurp(PKI "intermediate-ca.pem", NULL);
    CHECK(ec_cert && intermediate);
    if (ec_cert && intermediate) {
      char anchors[8192];
      snprintf(anchors, sizeof anchors, "%s%s", root, intermediate);
      struct service ec = svc;
      ec.key = PKI "signer-ec.key";
      ec.calls = 0;
      EgovSigner ecdsa = {"ecdsa_p256_sha256", ec_cert, openssl_sign, &ec};
      sign_and_verify(package, package_len, &ecdsa, anchors, "ecdsa_p256_sha256");
      CHECK(ec.calls == 1);
    }
    free(ec_cert);
    free(intermediate);
  }

  /* A signer that fails: the call fails, nothing is written. */
  {
    EgovSigner gone = {"rsa_sha256", cert, unplugged, NULL};
    EgovBytes b = {(uint8_t *)1, 3};
    CHECK_ERR(egov_edxml_sign_with((const uint8_t *)package, package_len, &gone, NULL, &b),
              EGOV_RESULT_INVALID_INPUT, "dsig.sign.signer");
    CHECK(contains(egov_last_error_message(), "returned 7"));
    CHECK(b.data == NULL && b.len == 0);
  }
  /* An algorithm egov does not know; SHA-1 without the legacy option; no signer at all. */
  {
    EgovBytes b = {NULL, 0};
    EgovSigner odd = {"rsa-sha256", cert, openssl_sign, &svc};
    CHECK_ERR(egov_edxml_sign_with((const uint8_t *)package, package_len, &odd, NULL, &b),
              EGOV_RESULT_INVALID_JSON, "ffi.invalid_arguments");
    CHECK(contains(egov_last_error_message_vi(), "rsa_sha256"));
    EgovSigner sha1 = {"rsa_sha1", cert, openssl_sign, &svc};
    CHECK_ERR(egov_edxml_sign_with((const uint8_t *)package, package_len, &sha1, NULL, &b),
              EGOV_RESULT_INVALID_INPUT, "dsig.sign.legacy_sha1");
    CHECK_ERR(egov_edxml_sign_with((const uint8_t *)package, package_len, NULL, NULL, &b),
              EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
    EgovSigner no_fn = {"rsa_sha256", cert, NULL, NULL};
    CHECK_ERR(egov_edxml_sign_with((const uint8_t *)package, package_len, &no_fn, NULL, &b),
              EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
    CHECK(svc.calls == 2);
  }
  /* The PDF entry point refuses the same way; PAdES never takes SHA-1. */
  {
    EgovBytes b = {NULL, 0};
    char *meta = NULL;
    CHECK_ERR(egov_pdf_sign_with(NULL, 3, &signer, NULL, &b, &meta), EGOV_RESULT_NULL_ARGUMENT,
              NULL);
    CHECK_ERR(egov_pdf_sign_with((const uint8_t *)pdf, pdf_len, NULL, NULL, &b, &meta),
              EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
    EgovSigner sha1 = {"rsa_sha1", cert, openssl_sign, &svc};
    CHECK_ERR(egov_pdf_sign_with((const uint8_t *)pdf, pdf_len, &sha1, NULL, &b, &meta),
              EGOV_RESULT_INVALID_INPUT, NULL);
    CHECK(contains(egov_last_error_message(), "SHA-1"));
    CHECK(b.data == NULL && meta == NULL && svc.calls == 2);
  }

  char path[128];
  snprintf(path, sizeof path, "%s/tbs", svc.dir);
  unlink(path);
  snprintf(path, sizeof path, "%s/sig", svc.dir);
  unlink(path);
  rmdir(svc.dir);
  free(package);
  free(pdf);
  free(cert);
  free(root);
  return finish("test_signer");
}
