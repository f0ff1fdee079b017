/* Trust lists (issue 14): build a list, issue it with the operator's key, check marks against
 * it (verified, key revoked, list stale, key unknown), refusals. */
#include "check.h"

#define MARK_JSON                                                                          \
  "{\"direction\":\"paper_to_data\",\"profile\":\"general\","                                \
  "\"mark_text\":\"Thông điệp dữ liệu được chuyển đổi từ văn bản giấy\","                   \
  "\"converted_at\":\"2026-03-02T09:15:00+07:00\","                                          \
  "\"converter_full_name\":\"Ủy ban nhân dân phường Hàng Bạc\"}"
/* The mark key (seed 07…07) and the operator key (seed 01…01). */
#define MARK_SEED "0707070707070707070707070707070707070707070707070707070707070707"
#define MARK_PUBLIC "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c"
#define MARK_KEY_ID "fe812c12f3ab4ce6"
#define OP_SEED "0101010101010101010101010101010101010101010101010101010101010101"
#define AT "2026-03-02T10:00:00+07:00"

static const uint8_t CONTENT[] = "scan.pdf bytes";
#define CONTENT_LEN (sizeof CONTENT - 1)

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

/* "[" list "]" in a new buffer. */
static char *array_of(const char *list) {
  size_t n = strlen(list);
  char *a = malloc(n + 3);
  if (!a) return NULL;
  a[0] = '[';
  memcpy(a + 1, list, n);
  a[n + 1] = ']';
  a[n + 2] = '\0';
  return a;
}

int main(void) {
  char *out = NULL, *list = NULL, *next = NULL, *pins = NULL, *lists = NULL;
  char qr[2048];

  /* The operator's public key: sign a mark with its seed just to read the key back. */
  CHECK_OK(egov_conversion_sign(MARK_JSON, CONTENT, CONTENT_LEN, OP_SEED, NULL, &out));
  const char *pk = strstr(out, "\"public_key\":\"");
  CHECK(pk != NULL);
  char op_public[65] = {0};
  if (pk) memcpy(op_public, pk + strlen("\"public_key\":\""), 64);
  egov_string_free(out);
  pins = malloc(80);
  snprintf(pins, 80, "[\"%s\"]", op_public);

  CHECK_OK(egov_conversion_sign(MARK_JSON, CONTENT, CONTENT_LEN, MARK_SEED, NULL, &out));
  CHECK(qr_of(out, qr, sizeof qr));
  egov_string_free(out);

  CHECK_OK(egov_trustlist_new("Sở Khoa học và Công nghệ tỉnh Lào Cai", "000.00.37.H37",
                              "2026-01-01T00:00:00+07:00", "2026-02-01T00:00:00+07:00", &list));
  CHECK(contains(list, "\"format\":\"egov-trust-list/1\""));
  CHECK(contains(list, "\"sequence\":0"));
  CHECK_OK(egov_trustlist_add(list,
                              "{\"public_key\":\"" MARK_PUBLIC "\",\"holder\":{\"name\":"
                              "\"Ủy ban nhân dân phường Hàng Bạc\"},\"valid_from\":"
                              "\"2025-01-01T00:00:00+07:00\"}",
                              &next));
  CHECK(contains(next, "\"key_id\":\"" MARK_KEY_ID "\""));
  CHECK(contains(next, "\"role\":\"mark_signer\""));
  egov_string_free(list);
  list = next;
  CHECK_OK(egov_trustlist_issue(list, OP_SEED, "2026-01-01T00:00:00+07:00",
                                "2026-07-01T00:00:00+07:00", &next));
  CHECK(contains(next, "\"sequence\":1"));
  egov_string_free(list);
  list = next;
  CHECK_ERR(egov_trustlist_issue(list, OP_SEED, AT, "2026-09-01T00:00:00+07:00", &out),
            EGOV_RESULT_INVALID_INPUT, "trust_list.conflict");
  CHECK(out == NULL);

  lists = array_of(list);
  CHECK_OK(egov_trustlist_verify(lists, pins, AT, &out));
  CHECK(contains(out, "\"accepted\":true"));
  CHECK(contains(out, "\"stale\":false"));
  egov_string_free(out);

  CHECK_OK(egov_trustlist_check_mark(qr, lists, pins, AT, CONTENT, CONTENT_LEN, &out));
  CHECK(contains(out, "\"status\":\"verified\""));
  CHECK(contains(out, "\"state\":\"content_matches\""));
  CHECK(contains(out, "Ủy ban nhân dân phường Hàng Bạc"));
  egov_string_free(out);
  CHECK_OK(egov_trustlist_check_mark(qr, lists, pins, "2026-08-01T00:00:00+07:00", NULL, 0, &out));
  CHECK(contains(out, "\"status\":\"list_stale\""));
  egov_string_free(out);
  CHECK_OK(egov_trustlist_check_mark(qr, lists, "[\"" MARK_PUBLIC "\"]", AT, NULL, 0, &out));
  CHECK(contains(out, "\"status\":\"key_unknown\""));
  egov_string_free(out);

  /* Revoked after the mark's date: the mark is untrusted anyway. */
  CHECK_OK(egov_trustlist_revoke(list, MARK_KEY_ID, "2026-03-02T09:30:00+07:00", "lộ khóa", &next));
  CHECK(contains(next, "\"signatures\":[]"));
  egov_string_free(list);
  list = next;
  CHECK_OK(egov_trustlist_issue(list, OP_SEED, AT, "2026-07-01T00:00:00+07:00", &next));
  egov_string_free(list);
  list = next;
  free(lists);
  lists = array_of(list);
  CHECK_OK(egov_trustlist_check_mark(qr, lists, pins, AT, NULL, 0, &out));
  CHECK(contains(out, "\"status\":\"key_revoked\""));
  CHECK(contains(out, "lộ khóa"));
  egov_string_free(out);

  /* Refusals: typed codes, nothing written. */
  CHECK_ERR(egov_trustlist_retire(list, "ffffffffffffffff", AT, &out), EGOV_RESULT_INVALID_INPUT,
            "trust_list.no_such_key");
  CHECK_ERR(egov_trustlist_verify("{}", pins, AT, &out), EGOV_RESULT_INVALID_JSON, "ffi.invalid_json");
  CHECK_ERR(egov_trustlist_verify(lists, "[\"abc\"]", AT, &out), EGOV_RESULT_INVALID_INPUT,
            "ffi.invalid_key");
  CHECK_ERR(egov_trustlist_verify("[{\"list\":1}]", pins, AT, &out), EGOV_RESULT_INVALID_INPUT,
            "trust_list.parse");
  CHECK_ERR(egov_trustlist_check_mark(NULL, lists, pins, AT, NULL, 0, &out),
            EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK_ERR(egov_trustlist_cosign(list, "zz", &out), EGOV_RESULT_INVALID_INPUT, "ffi.invalid_key");
  CHECK(out == NULL);

  egov_string_free(list);
  free(lists);
  free(pins);
  return finish("test_trustlist");
}
