/* buf.c: growable byte buffer, see buf.h. */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vb_buf_init(vb_buf *b) {
  b->data = NULL;
  b->len = b->cap = 0;
}

void vb_buf_free(vb_buf *b) {
  free(b->data);
  vb_buf_init(b);
}

int vb_buf_reserve(vb_buf *b, size_t n) {
  if (n > SIZE_MAX - b->len - 1) return -1;
  size_t need = b->len + n + 1; /* room for a NUL */
  if (need <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need) {
    if (cap > SIZE_MAX / 2) {
      cap = need;
      break;
    }
    cap *= 2;
  }
  char *p = realloc(b->data, cap);
  if (!p) return -1;
  b->data = p;
  b->cap = cap;
  return 0;
}

int vb_buf_add(vb_buf *b, const void *p, size_t n) {
  if (n == 0) return 0;
  if (vb_buf_reserve(b, n)) return -1;
  memcpy(b->data + b->len, p, n);
  b->len += n;
  return 0;
}

int vb_buf_adds(vb_buf *b, const char *s) { return vb_buf_add(b, s, strlen(s)); }

int vb_buf_addc(vb_buf *b, char c) {
  if (vb_buf_reserve(b, 1)) return -1;
  b->data[b->len++] = c;
  return 0;
}

int vb_buf_printf(vb_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char small[256];
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) return -1;
  if ((size_t)n < sizeof small) return vb_buf_add(b, small, (size_t)n);
  if (vb_buf_reserve(b, (size_t)n)) return -1;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return 0;
}

int vb_buf_cstr(vb_buf *b) {
  if (vb_buf_reserve(b, 0)) return -1;
  b->data[b->len] = '\0';
  return 0;
}
