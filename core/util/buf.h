/* buf.h: growable byte buffer with checked growth. */
#ifndef VB_BUF_H
#define VB_BUF_H

#include <stddef.h>

typedef struct vb_buf {
  char *data;
  size_t len;
  size_t cap;
} vb_buf;

/* Initialise an empty buffer (no allocation). */
void vb_buf_init(vb_buf *b);

/* Release the memory; the buffer is empty and reusable afterwards. */
void vb_buf_free(vb_buf *b);

/* Make room for n more bytes; 0 on success, -1 when out of memory. */
int vb_buf_reserve(vb_buf *b, size_t n);

/* Append n bytes; 0 on success, -1 when out of memory. */
int vb_buf_add(vb_buf *b, const void *p, size_t n);

/* Append a NUL-terminated string; 0 or -1. */
int vb_buf_adds(vb_buf *b, const char *s);

/* Append one byte; 0 or -1. */
int vb_buf_addc(vb_buf *b, char c);

/* Append formatted text (printf); 0 or -1. */
int vb_buf_printf(vb_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Ensure data is NUL-terminated past len (not counted); 0 or -1. */
int vb_buf_cstr(vb_buf *b);

#endif
