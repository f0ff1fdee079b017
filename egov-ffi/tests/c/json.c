#include "json.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *p;
  int depth;
} parser;

static void skip_ws(parser *ps) {
  while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r') ps->p++;
}

static jval *new_val(enum jtype t, const char *start) {
  jval *v = calloc(1, sizeof *v);
  if (v) {
    v->type = t;
    v->start = start;
  }
  return v;
}

void json_free(jval *v) {
  while (v) {
    jval *next = v->next;
    json_free(v->child);
    free(v->str);
    free(v->key);
    free(v);
    v = next;
  }
}

static int hex4(const char *s, unsigned *out) {
  unsigned x = 0;
  for (int i = 0; i < 4; i++) {
    char c = s[i];
    x <<= 4;
    if (c >= '0' && c <= '9') x |= (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f') x |= (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') x |= (unsigned)(c - 'A' + 10);
    else return 0;
  }
  *out = x;
  return 1;
}

static size_t put_utf8(char *o, unsigned cp) {
  if (cp < 0x80) { o[0] = (char)cp; return 1; }
  if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
  if (cp < 0x10000) {
    o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F)); return 3;
  }
  o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F)); return 4;
}

/* Parses a string at ps->p (at the opening quote); returns a malloc'd decoded copy. */
static char *parse_string(parser *ps) {
  const char *s = ps->p + 1;
  size_t cap = 0;
  const char *q = s;
  while (*q && *q != '"') { if (*q == '\\' && q[1]) q++; q++; cap++; }
  if (*q != '"') return NULL;
  char *out = malloc(cap * 4 + 1);
  if (!out) return NULL;
  size_t n = 0;
  while (*s != '"') {
    if (*s != '\\') { out[n++] = *s++; continue; }
    s++;
    switch (*s) {
      case '"': out[n++] = '"'; break;
      case '\\': out[n++] = '\\'; break;
      case '/': out[n++] = '/'; break;
      case 'b': out[n++] = '\b'; break;
      case 'f': out[n++] = '\f'; break;
      case 'n': out[n++] = '\n'; break;
      case 'r': out[n++] = '\r'; break;
      case 't': out[n++] = '\t'; break;
      case 'u': {
        unsigned cp, lo;
        if (!hex4(s + 1, &cp)) { free(out); return NULL; }
        s += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && s[1] == '\\' && s[2] == 'u' && hex4(s + 3, &lo)) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          s += 6;
        }
        n += put_utf8(out + n, cp);
        break;
      }
      default: free(out); return NULL;
    }
    s++;
  }
  out[n] = '\0';
  ps->p = s + 1;
  return out;
}

static jval *parse_value(parser *ps);

static jval *parse_container(parser *ps, int is_obj) {
  jval *v = new_val(is_obj ? J_OBJ : J_ARR, ps->p);
  jval **tail = v ? &v->child : NULL;
  if (!v || ++ps->depth > 64) { json_free(v); return NULL; }
  ps->p++;
  skip_ws(ps);
  if (*ps->p == (is_obj ? '}' : ']')) { ps->p++; ps->depth--; v->len = (size_t)(ps->p - v->start); return v; }
  for (;;) {
    char *key = NULL;
    skip_ws(ps);
    if (is_obj) {
      if (*ps->p != '"' || !(key = parse_string(ps))) { json_free(v); return NULL; }
      skip_ws(ps);
      if (*ps->p != ':') { free(key); json_free(v); return NULL; }
      ps->p++;
    }
    jval *item = parse_value(ps);
    if (!item) { free(key); json_free(v); return NULL; }
    item->key = key;
    *tail = item;
    tail = &item->next;
    skip_ws(ps);
    if (*ps->p == ',') { ps->p++; continue; }
    if (*ps->p == (is_obj ? '}' : ']')) { ps->p++; break; }
    json_free(v);
    return NULL;
  }
  ps->depth--;
  v->len = (size_t)(ps->p - v->start);
  return v;
}

static jval *parse_value(parser *ps) {
  skip_ws(ps);
  const char *start = ps->p;
  jval *v = NULL;
  switch (*ps->p) {
    case '{': return parse_container(ps, 1);
    case '[': return parse_container(ps, 0);
    case '"':
      v = new_val(J_STR, start);
      if (v && !(v->str = parse_string(ps))) { json_free(v); return NULL; }
      break;
    case 't': if (strncmp(ps->p, "true", 4) == 0) { v = new_val(J_BOOL, start); if (v) v->boolean = 1; ps->p += 4; } break;
    case 'f': if (strncmp(ps->p, "false", 5) == 0) { v = new_val(J_BOOL, start); ps->p += 5; } break;
    case 'n': if (strncmp(ps->p, "null", 4) == 0) { v = new_val(J_NULL, start); ps->p += 4; } break;
    default: {
      char *end = NULL;
      double d = strtod(ps->p, &end);
      if (end != ps->p) { v = new_val(J_NUM, start); if (v) v->num = d; ps->p = end; }
    }
  }
  if (v) v->len = (size_t)(ps->p - start);
  return v;
}

jval *json_parse(const char *text) {
  parser ps = {text, 0};
  jval *v = parse_value(&ps);
  skip_ws(&ps);
  if (v && *ps.p != '\0') { json_free(v); return NULL; }
  return v;
}

const jval *json_get(const jval *obj, const char *key) {
  if (!obj || obj->type != J_OBJ) return NULL;
  for (const jval *m = obj->child; m; m = m->next)
    if (strcmp(m->key, key) == 0) return m;
  return NULL;
}

int json_matches(const jval *e, const jval *a) {
  if (!e || !a || e->type != a->type) return 0;
  switch (e->type) {
    case J_NULL: return 1;
    case J_BOOL: return e->boolean == a->boolean;
    case J_NUM: return e->num == a->num;
    case J_STR: return strcmp(e->str, a->str) == 0;
    case J_ARR: {
      const jval *x = e->child, *y = a->child;
      for (; x && y; x = x->next, y = y->next)
        if (!json_matches(x, y)) return 0;
      return x == NULL && y == NULL;
    }
    case J_OBJ:
      for (const jval *m = e->child; m; m = m->next)
        if (!json_matches(m, json_get(a, m->key))) return 0;
      return 1;
  }
  return 0;
}
