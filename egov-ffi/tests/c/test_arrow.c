/* Monthly active users from Arrow record batches through the Arrow C data interface (issue 15,
 * PLAT-01, NĐ 137/2024 Đ17.1): a batch built here in plain C exactly as the specification lays
 * it out (no Arrow library), moved into egov (its release callbacks called once, by egov, on
 * success and on error), the counts and the accounting of rows not counted, salted ids, and the
 * errors. */
#include "check.h"

/* Release calls seen, by structure kind. */
static int g_array_releases = 0;
static int g_schema_releases = 0;

/* The structures are static here: release only counts and marks them released. */
static void release_array(struct ArrowArray *a) {
  g_array_releases++;
  a->release = NULL;
}
static void release_schema(struct ArrowSchema *s) {
  g_schema_releases++;
  s->release = NULL;
}
static void release_child_array(struct ArrowArray *a) { a->release = NULL; }
static void release_child_schema(struct ArrowSchema *s) { s->release = NULL; }

/* Six events: users 7, 8, 7, 9, 10 and one null user; timestamps around the Vietnam new year
 * 2025 (2024-12-31T17:00:00Z is 2025-01-01 00:00 in Vietnam); kinds login, service, view
 * (not a kind of Đ17.1), login, access, login; in Vietnam except user 9. */
#define ROWS 6
static const int64_t users[ROWS] = {7, 8, 7, 9, 10, 0};
static const uint8_t user_valid = 0x1F; /* rows 0-4 valid, row 5 null */
static const int64_t times[ROWS] = {1735664399, 1735664400, 1735664500, 1735664600, 1735664700,
                                    1735664800};
static const int32_t kind_offsets[ROWS + 1] = {0, 5, 12, 16, 21, 27, 32};
static const char kind_data[] = "loginserviceviewloginaccesslogin";
static const uint8_t in_vn_bits = 0x37; /* rows 0,1,2,4,5 true; row 3 false */

struct batch {
  struct ArrowSchema schema, child_schemas[4];
  struct ArrowSchema *schema_children[4];
  struct ArrowArray array, child_arrays[4];
  struct ArrowArray *array_children[4];
  const void *struct_buffers[1];
  const void *user_buffers[2], *time_buffers[2], *kind_buffers[3], *vn_buffers[2];
};

static void child(struct batch *b, int i, const char *format, const char *name, int64_t nulls,
                  int64_t n_buffers, const void **buffers) {
  b->child_schemas[i] = (struct ArrowSchema){.format = format, .name = name,
                                             .flags = ARROW_FLAG_NULLABLE,
                                             .release = release_child_schema};
  b->schema_children[i] = &b->child_schemas[i];
  b->child_arrays[i] = (struct ArrowArray){.length = ROWS, .null_count = nulls,
                                           .n_buffers = n_buffers, .buffers = buffers,
                                           .release = release_child_array};
  b->array_children[i] = &b->child_arrays[i];
}

/* The batch (user_id int64, `timestamp` int64 seconds, kind utf8, in_vietnam bool); with
 * `user_name` another name for the first column. */
static void make_batch(struct batch *b, const char *user_name) {
  memset(b, 0, sizeof *b);
  b->user_buffers[0] = &user_valid;
  b->user_buffers[1] = users;
  b->time_buffers[0] = NULL;
  b->time_buffers[1] = times;
  b->kind_buffers[0] = NULL;
  b->kind_buffers[1] = kind_offsets;
  b->kind_buffers[2] = kind_data;
  b->vn_buffers[0] = NULL;
  b->vn_buffers[1] = &in_vn_bits;
  child(b, 0, "l", user_name, 1, 2, b->user_buffers);
  child(b, 1, "l", "timestamp", 0, 2, b->time_buffers);
  child(b, 2, "u", "kind", 0, 3, b->kind_buffers);
  child(b, 3, "b", "in_vietnam", 0, 2, b->vn_buffers);
  b->schema = (struct ArrowSchema){.format = "+s", .name = "", .n_children = 4,
                                   .children = b->schema_children, .release = release_schema};
  b->struct_buffers[0] = NULL;
  b->array = (struct ArrowArray){.length = ROWS, .n_buffers = 1, .buffers = b->struct_buffers,
                                 .n_children = 4, .children = b->array_children,
                                 .release = release_array};
}

/* PLAT-01: counted in Vietnam-time months; the view row, the null user and the event outside
 * Vietnam accounted for; both structures released once, by egov. */
static void plat_01_arrow_batch_counted_and_released_once(void) {
  EgovArrowCounter *c = NULL;
  CHECK_OK(egov_arrow_counter_new(NULL, &c));
  struct batch b;
  make_batch(&b, "user_id");
  g_array_releases = g_schema_releases = 0;
  CHECK_OK(egov_arrow_counter_add(c, &b.array, &b.schema));
  CHECK(g_array_releases == 1 && g_schema_releases == 1);
  CHECK(b.array.release == NULL && b.schema.release == NULL);
  char *out = NULL;
  CHECK_OK(egov_arrow_counter_summary(c, &out));
  /* User 7 at 23:59:59 on 31 December (Vietnam): December; user 8 at midnight: January; user 7
   * again in January (its view row not counted); user 9 outside Vietnam; user 10 in January. */
  CHECK(contains(out, "{\"month\":\"2024-12\",\"active_users\":1,\"events\":1}"));
  CHECK(contains(out, "{\"month\":\"2025-01\",\"active_users\":2,\"events\":2}"));
  CHECK(contains(out, "\"outside_vietnam\":1"));
  CHECK(contains(out, "\"lines\":6"));
  CHECK(contains(out, "\"bad_kind\":1"));
  CHECK(contains(out, "\"empty_user\":1"));
  egov_string_free(out);
  CHECK_OK(egov_arrow_counter_partial(c, 4, &out));
  CHECK(contains(out, "egov-partial/1"));
  egov_string_free(out);
  CHECK_ERR(egov_arrow_counter_partial(c, 0, &out), EGOV_RESULT_INVALID_INPUT, "platform.shards");
  egov_arrow_counter_free(c);
}

/* A batch without the named column is refused whole (nothing counted) and still released. */
static void plat_01_arrow_batch_without_the_column_refused_and_released(void) {
  EgovArrowCounter *c = NULL;
  CHECK_OK(egov_arrow_counter_new("{\"columns\":{\"user\":\"uid\"}}", &c));
  struct batch b;
  make_batch(&b, "user_id");
  g_array_releases = g_schema_releases = 0;
  CHECK_ERR(egov_arrow_counter_add(c, &b.array, &b.schema), EGOV_RESULT_INVALID_INPUT,
            "arrow.column");
  CHECK(contains(egov_last_error_message(), "uid"));
  CHECK(g_array_releases == 1 && g_schema_releases == 1);
  /* The same batch under the right name counts. */
  make_batch(&b, "uid");
  CHECK_OK(egov_arrow_counter_add(c, &b.array, &b.schema));
  char *out = NULL;
  CHECK_OK(egov_arrow_counter_summary(c, &out));
  CHECK(contains(out, "\"lines\":6"));
  egov_string_free(out);
  /* NULL structures and a NULL counter are errors, not crashes. */
  CHECK_ERR(egov_arrow_counter_add(c, NULL, &b.schema), EGOV_RESULT_NULL_ARGUMENT, NULL);
  CHECK_ERR(egov_arrow_counter_add(NULL, &b.array, &b.schema), EGOV_RESULT_NULL_ARGUMENT, NULL);
  egov_arrow_counter_free(c);
  egov_arrow_counter_free(NULL);
}

/* A salt keys string ids (SipHash-2-4) and the summary says so; a bad salt is refused. */
static void plat_01_arrow_salt_and_options(void) {
  EgovArrowCounter *c = NULL;
  CHECK_ERR(egov_arrow_counter_new("{\"id_salt\":\"xyz\"}", &c), EGOV_RESULT_INVALID_INPUT,
            "platform.id_salt");
  CHECK(c == NULL);
  CHECK_ERR(egov_arrow_counter_new("{\"colums\":{}}", &c), EGOV_RESULT_INVALID_JSON, NULL);
  CHECK_OK(egov_arrow_counter_new("{\"id_salt\":\"00112233445566778899aabbccddeeff\"}", &c));
  struct batch b;
  make_batch(&b, "user_id");
  CHECK_OK(egov_arrow_counter_add(c, &b.array, &b.schema));
  char *out = NULL;
  CHECK_OK(egov_arrow_counter_summary(c, &out));
  CHECK(contains(out, "SipHash"));
  CHECK(!contains(out, "00112233445566778899aabbccddeeff"));
  egov_string_free(out);
  egov_arrow_counter_free(c);
}

int main(void) {
  plat_01_arrow_batch_counted_and_released_once();
  plat_01_arrow_batch_without_the_column_refused_and_released();
  plat_01_arrow_salt_and_options();
  return finish("test_arrow");
}
