/* Every export with NULL, empty, non-UTF-8 and absurdly large (8 MiB) input: an error code and a
 * message every time, no crash, no leak (this program runs under valgrind). */
#include "check.h"

static const char BAD_UTF8[] = {'0', '0', '0', '.', (char)0xC3, (char)0x28, '\0'};

/* One string-taking export, adapted to a common shape: the string goes in argument `slot`
 * (0, 1 or 2), the other arguments are valid. Returns the result; frees any output. */
typedef EgovResult (*probe_fn)(const char *s, int slot);

static EgovCalendar *g_cal;
static EgovTracker *g_tracker;

#define V(i, valid) (slot == (i) ? s : (valid))

static EgovResult p_call(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_call(V(0, "agency.parse"), V(1, "{\"code\":\"000.00.00.G22\"}"), &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_time(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_time_parse(s, false, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_cal_json(const char *s, int slot) {
  EgovCalendar *c = NULL;
  (void)slot;
  EgovResult r = egov_calendar_from_json(s, &c);
  egov_calendar_free(c);
  return r;
}
static EgovResult p_cal_working(const char *s, int slot) {
  bool b;
  (void)slot;
  return egov_calendar_is_working_day(g_cal, s, &b);
}
static EgovResult p_cal_next(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_calendar_next_working_day(g_cal, s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_cal_add(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_calendar_add_working_days(g_cal, s, 5, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_cal_day(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_calendar_day(g_cal, s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_agency(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_agency_parse(s, true, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_level(const char *s, int slot) {
  uint8_t l;
  (void)slot;
  return egov_agency_level(s, &l);
}
static EgovResult p_parent(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_agency_parent(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_root(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_agency_root(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_ancestor(const char *s, int slot) {
  bool b;
  return egov_agency_is_ancestor_of(V(0, "000.00.00.G22"), V(1, "000.00.18.G22"), &b);
}
static EgovResult p_registry(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_agency_registry_check(V(0, "000.00.00.G22"), V(1, "code,name_vi\n"),
                                            V(2, "2025-01-01"), &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_docid(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_document_id_parse(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_number(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_number_parse(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_urgency(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_urgency_parse(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_status(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_status_apply(V(0, "arrived"), V(1, "{\"event\":\"accept\"}"),
                                   V(2, "2026-03-02T09:00:00+07:00"), &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_edxml(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_status_from_edxml(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_sender(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_sender_apply(V(0, "draft"), V(1, "approve"), &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_tracker_new(const char *s, int slot) {
  EgovTracker *t = NULL;
  EgovResult r = egov_tracker_new(V(0, "000.00.00.H41"), V(1, "2026-03-02T08:00:00+07:00"), &t);
  egov_tracker_free(t);
  return r;
}
static EgovResult p_tracker_json(const char *s, int slot) {
  EgovTracker *t = NULL;
  (void)slot;
  EgovResult r = egov_tracker_from_json(s, &t);
  egov_tracker_free(t);
  return r;
}
static EgovResult p_tracker_record(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_tracker_record(g_tracker, V(0, "{\"event\":\"bogus\"}"),
                                     V(1, "2026-03-02T09:00:00+07:00"), &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_deadline(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_deadline(s, g_cal, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_paper(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_paper_copy(
      V(0, "{\"document_type\":\"x\",\"legal_value\":\"equivalent_to_paper\","
           "\"to_government_per_working_regulation\":false}"),
      V(1, "{}"), &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_channel(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_check_channel(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_metadata(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_metadata_validate(V(0, "{}"), V(1, "{\"required\":[]}"), &o);
  egov_string_free(o);
  return r;
}

#define MARK_JSON                                                                          \
  "{\"direction\":\"paper_to_data\",\"profile\":\"general\",\"mark_text\":\"Số hóa\","     \
  "\"converted_at\":\"2026-03-02T09:15:00+07:00\",\"converter_full_name\":\"UBND\"}"
#define SEED_HEX "0707070707070707070707070707070707070707070707070707070707070707"

static EgovResult p_conv_validate(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_conversion_validate(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_conv_make(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_conversion_make(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_conv_system(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_conversion_check_system(
      V(0, "{\"paper_to_data\":true,\"data_to_paper\":false}"),
      V(1, "2026-11-23T09:00:00+07:00"), V(2, "2024-10-23"), NULL, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_conv_sign(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_conversion_sign(V(0, MARK_JSON), (const uint8_t *)"abc", 3, V(1, SEED_HEX),
                                      V(2, "{}"), &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_conv_verify(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_conversion_verify(V(0, "EGCM:0"), V(1, "{\"keys\":[]}"),
                                        (const uint8_t *)"abc", 3, &o);
  egov_string_free(o);
  return r;
}

static EgovCounter *g_counter;

static EgovResult p_plat_classify(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_platform_classify(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_plat_report(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_platform_report(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_plat_next_due(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_platform_next_due(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_counter_add(const char *s, int slot) {
  (void)slot;
  return egov_counter_add_batch(g_counter, s);
}

static EgovResult p_sec_txt(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_trust_security_txt((const uint8_t *)"Contact: mailto:a@b.vn\n", 23,
                                         V(0, "2026-03-02T09:00:00+07:00"),
                                         V(1, "https://example.gov.vn/.well-known/security.txt"), &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_blocklist(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_trust_blocklist_match(V(0, "bad.example\n"), V(1, "www.bad.example"), &o);
  egov_string_free(o);
  return r;
}

#define TRUST_REQ "{\"now\":\"2026-11-23T09:00:00+07:00\",\"page\":{\"html\":\"<a href=x>\"}}"
static EgovResult p_trust_evaluate(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_trust_evaluate(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_trust_criterion(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_trust_criterion(V(0, TRUST_REQ), V(1, "c"), &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_trust_links(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_trust_links(s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_trust_declare(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_trust_declare(V(0, TRUST_REQ), V(1, "vi"), &o);
  egov_string_free(o);
  return r;
}

static const uint8_t TINY[] = {0x89, 'P', 'N', 'G'};
/* A real white 600×300 greyscale PNG: with valid other arguments stamping succeeds, so each
 * probe's error is caused by the probed argument alone. */
static const uint8_t WHITE_PNG[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x02, 0x58, 0x00, 0x00, 0x01, 0x2c, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a,
    0x56, 0x92, 0x4a, 0x00, 0x00, 0x02, 0x1c, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0xed, 0xd2,
    0x31, 0x0d, 0x00, 0x00, 0x0c, 0xc3, 0xb0, 0xf2, 0x27, 0xdd, 0xa2, 0x98, 0xf6, 0xd8, 0x10,
    0xa2, 0xa4, 0x70, 0x20, 0x12, 0x60, 0x2c, 0x8c, 0x85, 0xb1, 0xc0, 0x58, 0x18, 0x0b, 0x63,
    0x81, 0xb1, 0x30, 0x16, 0xc6, 0x02, 0x63, 0x61, 0x2c, 0x8c, 0x05, 0xc6, 0xc2, 0x58, 0x18,
    0x0b, 0x8c, 0x85, 0xb1, 0x30, 0x16, 0x18, 0x0b, 0x63, 0x61, 0x2c, 0x30, 0x16, 0xc6, 0xc2,
    0x58, 0x60, 0x2c, 0x8c, 0x85, 0xb1, 0xc0, 0x58, 0x18, 0x0b, 0x63, 0x81, 0xb1, 0x30, 0x16,
    0xc6, 0x02, 0x63, 0x61, 0x2c, 0x8c, 0x05, 0xc6, 0xc2, 0x58, 0x18, 0x0b, 0x8c, 0x85, 0xb1,
    0x30, 0x16, 0x18, 0x0b, 0x63, 0x61, 0x2c, 0x30, 0x16, 0xc6, 0xc2, 0x58, 0x60, 0x2c, 0x8c,
    0x85, 0xb1, 0xc0, 0x58, 0x18, 0x0b, 0x63, 0x81, 0xb1, 0x30, 0x16, 0xc6, 0x02, 0x63, 0x61,
    0x2c, 0x8c, 0x05, 0xc6, 0xc2, 0x58, 0x18, 0x0b, 0x8c, 0x85, 0xb1, 0x30, 0x16, 0x18, 0x0b,
    0x63, 0x61, 0x2c, 0x30, 0x16, 0xc6, 0xc2, 0x58, 0x60, 0x2c, 0x8c, 0x85, 0xb1, 0xc0, 0x58,
    0x18, 0x0b, 0x63, 0x81, 0xb1, 0x30, 0x16, 0xc6, 0x02, 0x63, 0x61, 0x2c, 0x8c, 0x05, 0xc6,
    0xc2, 0x58, 0x18, 0x0b, 0x63, 0x81, 0xb1, 0x30, 0x16, 0xc6, 0x02, 0x63, 0x61, 0x2c, 0x8c,
    0x05, 0xc6, 0xc2, 0x58, 0x18, 0x0b, 0x8c, 0x85, 0xb1, 0x30, 0x16, 0x18, 0x0b, 0x63, 0x61,
    0x2c, 0x30, 0x16, 0xc6, 0xc2, 0x58, 0x60, 0x2c, 0x8c, 0x85, 0xb1, 0xc0, 0x58, 0x18, 0x0b,
    0x63, 0x81, 0xb1, 0x30, 0x16, 0xc6, 0x02, 0x63, 0x61, 0x2c, 0x8c, 0x05, 0xc6, 0xc2, 0x58,
    0x18, 0x0b, 0x8c, 0x85, 0xb1, 0x30, 0x16, 0x18, 0x0b, 0x63, 0x61, 0x2c, 0x30, 0x16, 0xc6,
    0xc2, 0x58, 0x60, 0x2c, 0x8c, 0x85, 0xb1, 0xc0, 0x58, 0x18, 0x0b, 0x63, 0x81, 0xb1, 0x30,
    0x16, 0xc6, 0x02, 0x63, 0x61, 0x2c, 0x8c, 0x05, 0xc6, 0xc2, 0x58, 0x18, 0x0b, 0x8c, 0x85,
    0xb1, 0x30, 0x16, 0x18, 0x0b, 0x63, 0x61, 0x2c, 0x30, 0x16, 0xc6, 0xc2, 0x58, 0x60, 0x2c,
    0x8c, 0x85, 0xb1, 0xc0, 0x58, 0x18, 0x0b, 0x63, 0x81, 0xb1, 0x30, 0x16, 0xc6, 0x02, 0x63,
    0x61, 0x2c, 0x8c, 0x05, 0xc6, 0xc2, 0x58, 0x18, 0x0b, 0x8c, 0x85, 0xb1, 0x30, 0x16, 0xc6,
    0x02, 0x63, 0x61, 0x2c, 0x8c, 0x05, 0xc6, 0xc2, 0x58, 0x18, 0x0b, 0x8c, 0x85, 0xb1, 0x30,
    0x16, 0x18, 0x0b, 0x63, 0x61, 0x2c, 0x30, 0x16, 0xc6, 0xc2, 0x58, 0x60, 0x2c, 0x8c, 0x85,
    0xb1, 0xc0, 0x58, 0x18, 0x0b, 0x63, 0x81, 0xb1, 0x30, 0x16, 0xc6, 0x02, 0x63, 0x61, 0x2c,
    0x8c, 0x05, 0xc6, 0xc2, 0x58, 0x18, 0x0b, 0x8c, 0x85, 0xb1, 0x30, 0x16, 0x18, 0x0b, 0x63,
    0x61, 0x2c, 0x30, 0x16, 0xc6, 0xc2, 0x58, 0x60, 0x2c, 0x8c, 0x85, 0xb1, 0xc0, 0x58, 0x18,
    0x0b, 0x63, 0x81, 0xb1, 0x30, 0x16, 0xc6, 0x02, 0x63, 0x61, 0x2c, 0x8c, 0x05, 0xc6, 0xc2,
    0x58, 0x18, 0x0b, 0x8c, 0x85, 0xb1, 0x30, 0x16, 0x18, 0x0b, 0x63, 0x61, 0x2c, 0x30, 0x16,
    0xc6, 0xc2, 0x58, 0x60, 0x2c, 0x8c, 0x85, 0xb1, 0xc0, 0x58, 0x18, 0x0b, 0x63, 0x81, 0xb1,
    0x30, 0x16, 0xc6, 0x02, 0x63, 0x61, 0x2c, 0x8c, 0x05, 0xc6, 0xc2, 0x58, 0x18, 0x0b, 0x8c,
    0x85, 0xb1, 0x30, 0x16, 0x18, 0x0b, 0x63, 0x61, 0x2c, 0x8c, 0x25, 0x01, 0xc6, 0xc2, 0x58,
    0x18, 0x0b, 0x8c, 0x85, 0xb1, 0x30, 0x16, 0x18, 0x0b, 0x63, 0x61, 0x2c, 0x30, 0x16, 0xc6,
    0xc2, 0x58, 0x60, 0x2c, 0x8c, 0x85, 0xb1, 0xc0, 0x58, 0x18, 0x0b, 0x63, 0x81, 0xb1, 0x30,
    0x16, 0xc6, 0x02, 0x63, 0x61, 0x2c, 0x8c, 0x05, 0xc6, 0xc2, 0x58, 0x18, 0x0b, 0x8c, 0x85,
    0xb1, 0x30, 0x16, 0x18, 0x0b, 0x63, 0x61, 0x2c, 0x30, 0x16, 0xc6, 0xc2, 0x58, 0x60, 0x2c,
    0x8c, 0x85, 0xb1, 0xc0, 0x58, 0xfc, 0x1b, 0xd6, 0x19, 0x89, 0xe5, 0xa5, 0x2f, 0x0c, 0x9f,
    0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82
};
#define STAMP_OPTIONS "{\"stamp\":{\"render\":{\"dpi\":100}}}"
static EgovResult p_stamp(const char *s, int slot) {
  char *o = NULL;
  EgovBytes b = {NULL, 0};
  EgovResult r = egov_conversion_stamp_page(WHITE_PNG, sizeof WHITE_PNG, V(0, MARK_JSON), NULL, 0,
                                            V(1, SEED_HEX), V(2, STAMP_OPTIONS), &b, &o);
  egov_bytes_free(&b);
  egov_string_free(o);
  return r;
}
static EgovResult p_render(const char *s, int slot) {
  char *o = NULL;
  EgovBytes b = {NULL, 0};
  EgovResult r = egov_conversion_render_mark(V(0, MARK_JSON), (const uint8_t *)"abc", 3,
                                             V(1, SEED_HEX), V(2, STAMP_OPTIONS), &b, &o);
  egov_bytes_free(&b);
  egov_string_free(o);
  return r;
}
static EgovResult p_verify_document(const char *s, int slot) {
  char *o = NULL;
  const uint8_t *pages[1] = {TINY};
  size_t lens[1] = {sizeof TINY};
  (void)slot;
  EgovResult r = egov_conversion_verify_document(pages, lens, 1, s, NULL, 0, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_verify_page(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_conversion_verify_page(TINY, sizeof TINY, s, NULL, 0, &o);
  egov_string_free(o);
  return r;
}

/* A small real status message (the VNPT builder's layout): with valid other arguments the edXML
 * calls succeed or fail on their own terms, so each probe's error is the probed argument's. */
static const char STATUS_XML[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n"
    "  <edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n"
    "    <edXML:edXMLHeader>\n      <edXML:MessageHeader>\n"
    "        <edXML:StatusCode>03</edXML:StatusCode>\n"
    "      </edXML:MessageHeader>\n    </edXML:edXMLHeader>\n"
    "  </edXML:edXMLEnvelope>\n</edXML>\n";
#define STATUS_BYTES ((const uint8_t *)STATUS_XML), (sizeof STATUS_XML - 1)
static EgovResult p_edxml_read(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_edxml_read(STATUS_BYTES, s, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_edxml_attachment(const char *s, int slot) {
  char *o = NULL;
  EgovBytes b = {NULL, 0};
  (void)slot;
  EgovResult r = egov_edxml_attachment(STATUS_BYTES, 0, s, &b, &o);
  egov_bytes_free(&b);
  egov_string_free(o);
  return r;
}
static EgovResult p_edxml_check(const char *s, int slot) {
  char *o = NULL;
  (void)slot;
  EgovResult r = egov_edxml_check(STATUS_BYTES, s, g_cal, &o);
  egov_string_free(o);
  return r;
}
static EgovResult p_edxml_build(const char *s, int slot) {
  EgovBytes b = {NULL, 0};
  EgovResult r = egov_edxml_build(V(0, "{\"kind\":\"status\",\"status_code\":\"03\"}"), NULL,
                                  NULL, 0, V(1, "{\"line_ending\":\"lf\"}"), &b);
  egov_bytes_free(&b);
  return r;
}
static EgovResult p_edxml_sign(const char *s, int slot) {
  EgovBytes b = {NULL, 0};
  EgovResult r = egov_edxml_sign(STATUS_BYTES, V(0, "-----BEGIN PRIVATE KEY-----"),
                                 V(1, "-----BEGIN CERTIFICATE-----"), V(2, "{}"), &b);
  egov_bytes_free(&b);
  return r;
}
/* A signer callback the probes never reach (every probe fails before signing). */
static int32_t never_sign(void *user_data, const uint8_t *data, size_t data_len,
                          uint8_t *signature, size_t signature_cap, size_t *signature_len) {
  (void)user_data, (void)data, (void)data_len, (void)signature, (void)signature_cap;
  *signature_len = 0;
  return 1;
}
static EgovResult p_edxml_sign_with(const char *s, int slot) {
  EgovBytes b = {NULL, 0};
  EgovSigner signer = {V(0, "rsa_sha256"), V(1, "-----BEGIN CERTIFICATE-----"), never_sign, NULL};
  EgovResult r = egov_edxml_sign_with(STATUS_BYTES, &signer, V(2, "{}"), &b);
  egov_bytes_free(&b);
  return r;
}
static EgovResult p_edxml_verify(const char *s, int slot) {
  char *o = NULL;
  EgovResult r = egov_edxml_verify(STATUS_BYTES, V(0, NULL), V(1, "{}"), &o);
  egov_string_free(o);
  return r;
}

struct probe {
  const char *name;
  probe_fn fn;
  int slots;        /* how many string arguments */
  int nullable_mask; /* bit i set: argument i may be NULL (optional) */
  int empty_ok_mask; /* bit i set: "" is valid in argument i (documented meaning) */
};

static const struct probe PROBES[] = {
    {"egov_call", p_call, 2, 0, 0},
    {"egov_time_parse", p_time, 1, 0, 0},
    {"egov_calendar_from_json", p_cal_json, 1, 0, 0},
    {"egov_calendar_is_working_day", p_cal_working, 1, 0, 0},
    {"egov_calendar_next_working_day", p_cal_next, 1, 0, 0},
    {"egov_calendar_add_working_days", p_cal_add, 1, 0, 0},
    {"egov_calendar_day", p_cal_day, 1, 0, 0},
    {"egov_agency_parse", p_agency, 1, 0, 0},
    {"egov_agency_level", p_level, 1, 0, 0},
    {"egov_agency_parent", p_parent, 1, 0, 0},
    {"egov_agency_root", p_root, 1, 0, 0},
    {"egov_agency_is_ancestor_of", p_ancestor, 2, 0, 0},
    {"egov_agency_registry_check", p_registry, 3, 0, 0},
    {"egov_document_id_parse", p_docid, 1, 0, 0},
    {"egov_number_parse", p_number, 1, 0, 0},
    {"egov_urgency_parse", p_urgency, 1, 0, 1},   /* "" = not urgent */
    {"egov_status_apply", p_status, 3, 0, 0},
    {"egov_status_from_edxml", p_edxml, 1, 0, 0},
    {"egov_sender_apply", p_sender, 2, 0, 0},
    {"egov_tracker_new", p_tracker_new, 2, 0, 1}, /* receiver is free text */
    {"egov_tracker_from_json", p_tracker_json, 1, 0, 0},
    {"egov_tracker_record", p_tracker_record, 2, 0, 0},
    {"egov_deadline", p_deadline, 1, 0, 0},
    {"egov_paper_copy", p_paper, 2, 2, 0},
    {"egov_check_channel", p_channel, 1, 0, 0},
    {"egov_metadata_validate", p_metadata, 2, 2, 0},
    {"egov_conversion_make", p_conv_make, 1, 0, 0},
    {"egov_conversion_validate", p_conv_validate, 1, 0, 0},
    {"egov_conversion_check_system", p_conv_system, 3, 6, 0}, /* now, effective_date: NULL = default */
    {"egov_conversion_sign", p_conv_sign, 3, 4, 0},
    {"egov_conversion_verify", p_conv_verify, 2, 0, 1}, /* "" is a QR text that fails */
    {"egov_conversion_stamp_page", p_stamp, 3, 4, 0},  /* options: NULL = defaults */
    {"egov_conversion_render_mark", p_render, 3, 4, 0}, /* options: NULL = defaults */
    {"egov_conversion_verify_page", p_verify_page, 1, 0, 0},
    {"egov_conversion_verify_document", p_verify_document, 1, 0, 0},
    {"egov_platform_classify", p_plat_classify, 1, 0, 0},
    {"egov_platform_report", p_plat_report, 1, 0, 0},
    {"egov_platform_next_due", p_plat_next_due, 1, 0, 0},
    {"egov_counter_add_batch", p_counter_add, 1, 0, 0},
    {"egov_trust_security_txt", p_sec_txt, 2, 2, 2},  /* fetched_from: NULL = unknown, free text */
    {"egov_trust_blocklist_match", p_blocklist, 2, 0, 3}, /* "" list = empty; "" host = no hit */
    {"egov_trust_evaluate", p_trust_evaluate, 1, 0, 0},
    {"egov_trust_criterion", p_trust_criterion, 2, 0, 0},
    {"egov_trust_links", p_trust_links, 1, 0, 0},
    {"egov_trust_declare", p_trust_declare, 2, 0, 0},
    {"egov_edxml_read", p_edxml_read, 1, 1, 0},             /* options: NULL = defaults */
    {"egov_edxml_attachment", p_edxml_attachment, 1, 1, 0}, /* options: NULL = defaults */
    {"egov_edxml_check", p_edxml_check, 1, 1, 0},           /* options: NULL = defaults */
    {"egov_edxml_build", p_edxml_build, 2, 2, 0},           /* options: NULL = CRLF */
    {"egov_edxml_sign", p_edxml_sign, 3, 4, 0},             /* options: NULL = defaults */
    {"egov_edxml_sign_with", p_edxml_sign_with, 3, 4, 0},   /* options: NULL = defaults */
    {"egov_edxml_verify", p_edxml_verify, 2, 3, 0}, /* anchors: NULL = none; options: NULL */
};

/* The result must be an error with a code and a non-empty message. */
static void expect_error(const char *fn, const char *what, int slot, EgovResult r,
                         EgovResult want) {
  const char *code = egov_last_error_code();
  const char *msg = egov_last_error_message();
  g_checks++;
  if (r == EGOV_RESULT_OK || code == NULL || msg == NULL || msg[0] == '\0' ||
      (want != EGOV_RESULT_OK && r != want)) {
    g_failures++;
    fprintf(stderr, "%s(%s in argument %d): got %s [%s] %s\n", fn, what, slot,
            egov_result_name(r), code ? code : "(null)", msg ? msg : "(null)");
  }
}

int main(void) {
  size_t big_len = 8u * 1024u * 1024u;
  char *big = malloc(big_len + 1);
  char *out = (char *)1;
  bool b;

  if (big == NULL) return 2;
  memset(big, '0', big_len);
  big[big_len] = '\0';
  CHECK_OK(egov_calendar_vietnam(&g_cal));
  CHECK_OK(egov_counter_new(&g_counter));
  CHECK_OK(egov_tracker_new("000.00.00.H41", "2026-03-02T08:00:00+07:00", &g_tracker));

  /* The image probes succeed when every argument is valid (slot -1 probes none). */
  CHECK(p_stamp(NULL, -1) == EGOV_RESULT_OK);
  CHECK(p_render(NULL, -1) == EGOV_RESULT_OK);
  CHECK(p_edxml_read(NULL, -1) == EGOV_RESULT_OK);
  CHECK(p_edxml_check(NULL, -1) == EGOV_RESULT_OK);
  CHECK(p_edxml_build(NULL, -1) == EGOV_RESULT_OK);
  CHECK(p_edxml_verify(NULL, -1) == EGOV_RESULT_OK);

  for (size_t i = 0; i < sizeof PROBES / sizeof PROBES[0]; i++) {
    const struct probe *p = &PROBES[i];
    for (int slot = 0; slot < p->slots; slot++) {
      if (!(p->nullable_mask & (1 << slot)))
        expect_error(p->name, "NULL", slot, p->fn(NULL, slot), EGOV_RESULT_NULL_ARGUMENT);
      if (p->empty_ok_mask & (1 << slot)) {
        CHECK(p->fn("", slot) == EGOV_RESULT_OK);
      } else {
        expect_error(p->name, "empty", slot, p->fn("", slot), EGOV_RESULT_OK);
      }
      expect_error(p->name, "non-UTF-8", slot, p->fn(BAD_UTF8, slot), EGOV_RESULT_INVALID_UTF8);
      expect_error(p->name, "8 MiB", slot, p->fn(big, slot), EGOV_RESULT_INPUT_TOO_LARGE);
    }
  }

  /* CSV blocks are bytes: NULL with a length, a NULL handle and an oversized block are errors;
   * non-UTF-8 bytes are malformed lines in the accounting, not an error. */
  CHECK_ERR(egov_counter_feed_csv(g_counter, NULL, 3), EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK_ERR(egov_counter_feed_csv(NULL, (const uint8_t *)"1,0,l,1\n", 8), EGOV_RESULT_NULL_ARGUMENT,
            NULL);
  CHECK_ERR(egov_counter_feed_csv(g_counter, (const uint8_t *)big, big_len),
            EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
  CHECK_OK(egov_counter_feed_csv(g_counter, (const uint8_t *)BAD_UTF8, strlen(BAD_UTF8)));
  CHECK_OK(egov_counter_finish_csv(g_counter, &out));
  CHECK(contains(out, "\"malformed\":1"));
  egov_string_free(out);
  CHECK_ERR(egov_counter_finish_csv(NULL, &out), EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK_ERR(egov_counter_finish_csv(g_counter, NULL), EGOV_RESULT_NULL_ARGUMENT, NULL);

  /* NULL handles and NULL output pointers. */
  CHECK_ERR(egov_calendar_is_working_day(NULL, "2026-01-01", &b), EGOV_RESULT_NULL_ARGUMENT,
            "ffi.null_argument");
  CHECK_ERR(egov_calendar_is_working_day(g_cal, "2026-01-01", NULL), EGOV_RESULT_NULL_ARGUMENT,
            "ffi.null_argument");
  CHECK_ERR(egov_calendar_day(NULL, "2026-01-01", &out), EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK(out == NULL); /* outputs are cleared even on error */
  CHECK_ERR(egov_agency_parse("000.00.00.G22", false, NULL), EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK_ERR(egov_agency_level("000.00.00.G22", NULL), EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK_ERR(egov_calendar_vietnam(NULL), EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK_ERR(egov_tracker_new("x", "2026-03-02T08:00:00+07:00", NULL), EGOV_RESULT_NULL_ARGUMENT,
            NULL);
  CHECK_ERR(egov_tracker_record(NULL, "{\"event\":\"accept\"}", "2026-03-02T09:00:00+07:00", &out),
            EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK_ERR(egov_tracker_status(NULL, &out), EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK_ERR(egov_tracker_to_json(NULL, &out), EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK_ERR(egov_legal_value(true, true, NULL), EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK_ERR(egov_call("no.such.op", "{}", &out), EGOV_RESULT_UNKNOWN_OPERATION,
            "ffi.unknown_operation");
  CHECK_ERR(egov_call("agency.parse", "[1,2]", &out), EGOV_RESULT_INVALID_JSON, NULL);

  /* Byte buffers: NULL with a length, and a length over the limit (never read). */
  CHECK_ERR(egov_conversion_sign(MARK_JSON, NULL, 3, SEED_HEX, NULL, &out),
            EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
  /* Content (a scan, a PDF) may be up to EGOV_MAX_IMAGE_BYTES. */
  CHECK_ERR(egov_conversion_sign(MARK_JSON, (const uint8_t *)big, (size_t)EGOV_MAX_IMAGE_BYTES + 1,
                                 SEED_HEX, NULL, &out),
            EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
  CHECK_ERR(egov_conversion_verify("EGCM:0", "{\"keys\":[]}", (const uint8_t *)big,
                                   (size_t)EGOV_MAX_IMAGE_BYTES + 1, &out),
            EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
  CHECK_OK(egov_conversion_sign(MARK_JSON, (const uint8_t *)big, big_len, SEED_HEX, NULL, &out));
  egov_string_free(out);
  CHECK_ERR(egov_conversion_sign(MARK_JSON, NULL, 0, "07", NULL, &out), EGOV_RESULT_INVALID_INPUT,
            "ffi.invalid_key");
  CHECK_ERR(egov_conversion_sign(MARK_JSON, NULL, 0, SEED_HEX, NULL, NULL),
            EGOV_RESULT_NULL_ARGUMENT, NULL);

  CHECK_ERR(egov_trust_security_txt(NULL, 5, "2026-03-02T09:00:00+07:00", NULL, &out),
            EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(egov_trust_security_txt((const uint8_t *)big, big_len, "2026-03-02T09:00:00+07:00",
                                    NULL, &out),
            EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");

  {
    EgovBytes b = {NULL, 0};
    CHECK_ERR(egov_conversion_stamp_page(NULL, 4, MARK_JSON, NULL, 0, SEED_HEX, NULL, &b, &out),
              EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
    /* Page images may be up to EGOV_MAX_IMAGE_BYTES (64 MiB): 8 MiB of junk is read and
     * refused as an image; a length past the limit is refused before the buffer is touched. */
    CHECK_ERR(egov_conversion_stamp_page((const uint8_t *)big, big_len, MARK_JSON, NULL, 0,
                                         SEED_HEX, NULL, &b, &out),
              EGOV_RESULT_INVALID_INPUT, "image.decode");
    CHECK_ERR(egov_conversion_stamp_page((const uint8_t *)big, (size_t)EGOV_MAX_IMAGE_BYTES + 1,
                                         MARK_JSON, NULL, 0, SEED_HEX, NULL, &b, &out),
              EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
    CHECK_ERR(egov_conversion_render_mark(MARK_JSON, (const uint8_t *)big,
                                          (size_t)EGOV_MAX_IMAGE_BYTES + 1, SEED_HEX, NULL, &b,
                                          &out),
              EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
    CHECK_ERR(egov_conversion_verify_page((const uint8_t *)big, (size_t)EGOV_MAX_IMAGE_BYTES + 1,
                                          "{\"keys\":[]}", NULL, 0, &out),
              EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
    {
      const uint8_t *pages[2] = {(const uint8_t *)big, NULL};
      size_t lens[2] = {(size_t)EGOV_MAX_IMAGE_BYTES + 1, 0};
      CHECK_ERR(egov_conversion_verify_document(pages, lens, 1, "{\"keys\":[]}", NULL, 0, &out),
                EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
      lens[0] = 4;
      lens[1] = 4; /* NULL with a length */
      CHECK_ERR(egov_conversion_verify_document(pages, lens, 2, "{\"keys\":[]}", NULL, 0, &out),
                EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
      CHECK_ERR(egov_conversion_verify_document(NULL, lens, 1, "{\"keys\":[]}", NULL, 0, &out),
                EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
      CHECK_ERR(egov_conversion_verify_document(NULL, NULL, 0, "{\"keys\":[]}", NULL, 0, &out),
                EGOV_RESULT_INVALID_INPUT, "image.no_pages");
      CHECK_ERR(egov_conversion_verify_document(pages, lens, 501, "{\"keys\":[]}", NULL, 0, &out),
                EGOV_RESULT_INPUT_TOO_LARGE, "image.too_many_pages");
    }
    CHECK(b.data == NULL);
  }

  /* edXML packages are bytes up to EGOV_MAX_PACKAGE_BYTES (64 MiB): NULL with a length and a
   * length past the limit are refused before the buffer is touched; 8 MiB of '0' is read up to
   * the crate's 1 MiB text limit and refused. */
  {
    EgovBytes b = {NULL, 0};
    const uint8_t *atts[1] = {(const uint8_t *)big};
    size_t lens[1] = {(size_t)EGOV_MAX_PACKAGE_BYTES + 1};
    CHECK_ERR(egov_edxml_read(NULL, 3, NULL, &out), EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(egov_edxml_read((const uint8_t *)big, (size_t)EGOV_MAX_PACKAGE_BYTES + 1, NULL, &out),
              EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
    CHECK_ERR(egov_edxml_read((const uint8_t *)big, big_len, NULL, &out), EGOV_RESULT_INVALID_INPUT,
              "edxml.limit");
    CHECK_ERR(egov_edxml_check(NULL, 3, NULL, NULL, &out), EGOV_RESULT_NULL_ARGUMENT, NULL);
    CHECK_ERR(egov_edxml_check((const uint8_t *)big, (size_t)EGOV_MAX_PACKAGE_BYTES + 1, NULL,
                               NULL, &out),
              EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
    CHECK_ERR(egov_edxml_attachment((const uint8_t *)big, (size_t)EGOV_MAX_PACKAGE_BYTES + 1, 0,
                                    NULL, &b, &out),
              EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
    CHECK_ERR(egov_edxml_attachment(STATUS_BYTES, 0, NULL, NULL, &out), EGOV_RESULT_NULL_ARGUMENT,
              "ffi.null_argument");
    CHECK_ERR(egov_edxml_sign(NULL, 3, "k", "c", NULL, &b), EGOV_RESULT_NULL_ARGUMENT, NULL);
    CHECK_ERR(egov_edxml_sign((const uint8_t *)big, (size_t)EGOV_MAX_PACKAGE_BYTES + 1, "k", "c",
                              NULL, &b),
              EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
    {
      EgovSigner signer = {"rsa_sha256", "-----BEGIN CERTIFICATE-----", never_sign, NULL};
      CHECK_ERR(egov_edxml_sign_with(NULL, 3, &signer, NULL, &b), EGOV_RESULT_NULL_ARGUMENT, NULL);
      CHECK_ERR(egov_edxml_sign_with((const uint8_t *)big, (size_t)EGOV_MAX_PACKAGE_BYTES + 1,
                                     &signer, NULL, &b),
                EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
      CHECK_ERR(egov_edxml_sign_with(STATUS_BYTES, NULL, NULL, &b), EGOV_RESULT_NULL_ARGUMENT,
                "ffi.null_argument");
    }
    CHECK_ERR(egov_edxml_verify(NULL, 3, NULL, NULL, &out), EGOV_RESULT_NULL_ARGUMENT, NULL);
    CHECK_ERR(egov_edxml_build("{\"kind\":\"status\"}", atts, lens, 1, NULL, &b),
              EGOV_RESULT_INPUT_TOO_LARGE, "ffi.input_too_large");
    atts[0] = NULL;
    lens[0] = 4;
    CHECK_ERR(egov_edxml_build("{\"kind\":\"status\"}", atts, lens, 1, NULL, &b),
              EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(egov_edxml_build("{\"kind\":\"status\"}", NULL, lens, 1, NULL, &b),
              EGOV_RESULT_NULL_ARGUMENT, "ffi.null_argument");
    CHECK(b.data == NULL && out == NULL);
  }

  /* Absurd numbers: the end of the representable calendar. */
  CHECK_ERR(egov_calendar_add_working_days(g_cal, "+262142-12-20", 4294967295u, &out),
            EGOV_RESULT_INVALID_INPUT, NULL);
  CHECK_ERR(egov_calendar_next_working_day(g_cal, "+262142-12-31", &out),
            EGOV_RESULT_INVALID_INPUT, NULL);
  CHECK_ERR(egov_platform_next_due("{\"today\":\"2025-01-01\",\"schedule\":"
                                   "{\"decree_effective\":\"+262142-12-31\"}}", &out),
            EGOV_RESULT_INVALID_INPUT, NULL);

  /* Freeing NULL is a no-op; a success clears the last error. */
  egov_string_free(NULL);
  CHECK_OK(egov_legal_value(true, true, &out));
  CHECK(egov_last_error_code() == NULL && egov_last_error_message() == NULL);
  egov_string_free(out);
  CHECK(strcmp(egov_version(), "0.1.0") == 0);
  CHECK(strcmp(egov_result_name(EGOV_RESULT_INVALID_UTF8), "EGOV_RESULT_INVALID_UTF8") == 0);
  CHECK(strcmp(egov_result_name(42), "EGOV_RESULT_UNKNOWN") == 0); /* any int is safe */
  CHECK(strcmp(egov_result_name(-7), "EGOV_RESULT_UNKNOWN") == 0);

  egov_counter_free(g_counter);
  egov_tracker_free(g_tracker);
  egov_calendar_free(g_cal);
  free(big);
  return finish("test_robustness");
}
