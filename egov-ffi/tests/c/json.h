/* A minimal JSON reader for the test-vector runner: parses a document into a tree and matches
 * an expected value against an actual one with the corpus rule (testdata/vectors/README.md). */
#ifndef EGOV_TEST_JSON_H
#define EGOV_TEST_JSON_H

#include <stddef.h>

enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

typedef struct jval {
  enum jtype type;
  int boolean;
  double num;
  char *str;           /* J_STR: decoded UTF-8; also the key in an object member */
  char *key;           /* set on object members */
  const char *start;   /* raw text span of this value in the source */
  size_t len;
  struct jval *child;  /* first element / member */
  struct jval *next;   /* next sibling */
} jval;

/* Parses `text`; NULL on a syntax error. Free with json_free. */
jval *json_parse(const char *text);
void json_free(jval *v);
/* The member `key` of an object, or NULL. */
const jval *json_get(const jval *obj, const char *key);
/* The subset match of the corpus: objects by expected keys, arrays element-wise, scalars equal. */
int json_matches(const jval *expected, const jval *actual);

#endif
