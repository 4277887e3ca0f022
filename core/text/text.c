/* text.c: NFC normalisation, line table and folded copy, see text.h. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t vb_utf8_next(const char *s, size_t n, uint32_t *cp) {
  const unsigned char *u = (const unsigned char *)s;
  unsigned char c = u[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xC2 && c < 0xE0 && n >= 2) {
    *cp = ((uint32_t)(c & 0x1F) << 6) | (u[1] & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c < 0xF0 && n >= 3) {
    *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    return 3;
  }
  if (c >= 0xF0 && c < 0xF5 && n >= 4) {
    *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
          ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    return 4;
  }
  *cp = 0xFFFD;
  return 1;
}

static unsigned char fold_via_utf8proc(uint32_t cp) {
  utf8proc_int32_t dst[8];
  utf8proc_ssize_t n = utf8proc_decompose_char(
      (utf8proc_int32_t)cp, dst, 8, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, NULL);
  if (n == 1 && dst[0] < 0x80) return (unsigned char)dst[0];
  return 0;
}

void vb_folder_init(vb_folder *f) {
  for (uint32_t cp = 0x80; cp < 0x250; cp++) f->latin[cp - 0x80] = fold_via_utf8proc(cp);
  for (uint32_t cp = 0x1E00; cp < 0x1F00; cp++) f->ext[cp - 0x1E00] = fold_via_utf8proc(cp);
  /* Letters utf8proc does not decompose but OCR and users treat as base. */
  f->latin[0x111 - 0x80] = 'd'; /* đ */
  f->latin[0x110 - 0x80] = 'd'; /* Đ */
  f->latin[0xD0 - 0x80] = 'd';  /* Ð (eth, a common stand-in for Đ) */
  f->latin[0xF0 - 0x80] = 'd';  /* ð */
  f->latin[0xD8 - 0x80] = 'o';
  f->latin[0xF8 - 0x80] = 'o';
}

static int is_space_cp(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

size_t vb_fold_cp(const vb_folder *f, uint32_t cp, char out[4]) {
  if (cp < 0x80) {
    out[0] = (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
    if (cp == '\t' || cp == '\f' || cp == '\v') out[0] = ' ';
    return 1;
  }
  if (is_space_cp(cp)) {
    out[0] = ' ';
    return 1;
  }
  if (cp < 0x250 && f->latin[cp - 0x80]) {
    out[0] = (char)f->latin[cp - 0x80];
    return 1;
  }
  if (cp >= 0x1E00 && cp < 0x1F00 && f->ext[cp - 0x1E00]) {
    out[0] = (char)f->ext[cp - 0x1E00];
    return 1;
  }
  if (cp >= 0x300 && cp < 0x370) return 0; /* combining marks */
  switch (cp) {
  case 0x2018: case 0x2019: case 0x201A: case 0x2032:
    out[0] = '\'';
    return 1;
  case 0x201C: case 0x201D: case 0x201E: case 0xAB: case 0xBB:
    out[0] = '"';
    return 1;
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
  case 0x2212:
    out[0] = '-';
    return 1;
  case 0x2026:
    out[0] = out[1] = out[2] = '.';
    return 3;
  case 0x2022: case 0x25CF: case 0x25AA: case 0xB7:
    out[0] = '*';
    return 1;
  default:
    break;
  }
  /* Anything else is kept as its UTF-8 bytes. */
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

int vb_fold_str(const vb_folder *f, const char *s, size_t len, vb_buf *out) {
  size_t start = out->len;
  size_t i = 0;
  /* Folding never makes text longer for ASCII and Vietnamese letters:
   * reserve once, so the common case writes bytes without a call each. */
  if (vb_buf_reserve(out, len + 1)) return -1;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { /* ASCII fast path: what vb_fold_cp does for cp < 0x80 */
      char o = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
      if (c == '\t' || c == '\f' || c == '\v') o = ' ';
      i++;
      if (o == ' ' && (out->len == start || out->data[out->len - 1] == ' ')) continue;
      if (out->len + 1 < out->cap) {
        out->data[out->len++] = o;
      } else if (vb_buf_addc(out, o)) {
        return -1;
      }
      continue;
    }
    uint32_t cp;
    size_t k = vb_utf8_next(s + i, len - i, &cp);
    i += k;
    char b[4];
    size_t n = vb_fold_cp(f, cp, b);
    if (n == 1 && b[0] == ' ') {
      if (out->len == start || out->data[out->len - 1] == ' ') continue;
    }
    if (vb_buf_add(out, b, n)) return -1;
  }
  while (out->len > start && out->data[out->len - 1] == ' ') out->len--;
  return vb_buf_cstr(out);
}

void vb_text_init(vb_text *t) {
  memset(t, 0, sizeof *t);
  vb_buf_init(&t->nfc);
  vb_buf_init(&t->fold);
  vb_buf_init(&t->scratch);
}

void vb_text_free(vb_text *t) {
  vb_buf_free(&t->nfc);
  vb_buf_free(&t->fold);
  vb_buf_free(&t->scratch);
  free(t->fmap);
  free(t->lines);
  memset(t, 0, sizeof *t);
}

/* True when NFC could change the text: a combining mark, a composition
 * exclusion (singletons such as U+2126) or a Hangul jamo. Vietnamese in
 * precomposed form never triggers it, so most documents skip NFC. */
static int needs_nfc(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0xCC) { /* below U+0300 */
      i += c < 0x80 ? 1 : 2;
      continue;
    }
    uint32_t cp;
    i += vb_utf8_next(s + i, len - i, &cp);
    if (cp < 0x300 || (cp >= 0x1E00 && cp < 0x1F00)) continue;
    const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
    if (p->combining_class || p->comp_exclusion || (cp >= 0x1100 && cp < 0x1200)) return 1;
  }
  return 0;
}

static int push_line(vb_text *t, const vb_line *l) {
  if (t->nlines == t->lines_cap) {
    size_t cap = t->lines_cap ? t->lines_cap * 2 : 256;
    vb_line *p = realloc(t->lines, cap * sizeof *p);
    if (!p) return -1;
    t->lines = p;
    t->lines_cap = cap;
  }
  t->lines[t->nlines++] = *l;
  return 0;
}

static int reserve_fmap(vb_text *t, size_t n) {
  if (n <= t->fmap_cap) return 0;
  size_t cap = t->fmap_cap ? t->fmap_cap : 4096;
  while (cap < n) cap *= 2;
  uint32_t *p = realloc(t->fmap, cap * sizeof *p);
  if (!p) return -1;
  t->fmap = p;
  t->fmap_cap = cap;
  return 0;
}

static int is_vn_marked(uint32_t cp) {
  /* Letters with Vietnamese diacritics, and đ. */
  return (cp >= 0xC0 && cp <= 0x1B0) || (cp >= 0x1EA0 && cp <= 0x1EF9);
}

/* Fold NFC line [off, off+len) into t->fold, filling fmap; counts words. */
static int fold_line(vb_text *t, const vb_folder *f, size_t off, size_t len) {
  const char *s = t->nfc.data + off;
  /* Folding never grows beyond 4 bytes per input byte's code point; the
   * worst case is the same length (non-Latin kept) or 3x for U+2026. */
  if (vb_buf_reserve(&t->fold, len * 3 + 1)) return -1;
  if (reserve_fmap(t, t->fold.len + len * 3 + 1)) return -1;
  size_t line_foff = t->fold.len;
  size_t i = 0;
  size_t word_letters = 0;
  int word_marked = 0;
  while (i < len) {
    uint32_t cp;
    size_t k = vb_utf8_next(s + i, len - i, &cp);
    char b[4];
    size_t n = vb_fold_cp(f, cp, b);
    int letter = n == 1 && ((b[0] >= 'a' && b[0] <= 'z'));
    if (letter) {
      word_letters++;
      if (is_vn_marked(cp)) word_marked = 1;
    } else if (n > 0) {
      if (word_letters >= 2) {
        t->words++;
        t->marked_words += (size_t)word_marked;
      }
      word_letters = 0;
      word_marked = 0;
    }
    if (n == 1 && b[0] == ' ' &&
        (t->fold.len == line_foff || t->fold.data[t->fold.len - 1] == ' ')) {
      i += k; /* collapse runs, drop leading whitespace */
      continue;
    }
    for (size_t j = 0; j < n; j++) {
      t->fmap[t->fold.len] = (uint32_t)(off + i);
      t->fold.data[t->fold.len++] = b[j];
    }
    i += k;
  }
  if (word_letters >= 2) {
    t->words++;
    t->marked_words += (size_t)word_marked;
  }
  return 0;
}

vb_status vb_text_build(vb_text *t, const vb_folder *f, const char *utf8, size_t len,
                        vb_error *err) {
  t->nfc.len = t->fold.len = 0;
  t->nlines = 0;
  t->words = t->marked_words = 0;
  if (len > UINT32_MAX / 4) {
    err->code = VB_ETOOBIG;
    return VB_ETOOBIG;
  }
  const char *src = utf8;
  size_t srclen = len;
  if (needs_nfc(utf8, len)) {
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)utf8, (utf8proc_ssize_t)len, &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0 || !out) {
      free(out);
      err->code = n == UTF8PROC_ERROR_NOMEM ? VB_ENOMEM : VB_EUTF8;
      err->offset = 0;
      return err->code;
    }
    t->scratch.len = 0;
    int bad = vb_buf_add(&t->scratch, out, (size_t)n);
    free(out);
    if (bad) {
      err->code = VB_ENOMEM;
      return VB_ENOMEM;
    }
    src = t->scratch.data;
    srclen = t->scratch.len;
  }
  if (vb_buf_reserve(&t->nfc, srclen + 1)) goto nomem;
  if (srclen == 0) goto done; /* an empty file has no lines */
  /* Split lines: CRLF, CR and LF each end one line. */
  size_t i = 0;
  for (;;) {
    size_t start = i;
    while (i < srclen && src[i] != '\n' && src[i] != '\r') i++;
    vb_line l;
    l.off = t->nfc.len;
    l.len = i - start;
    memcpy(t->nfc.data + t->nfc.len, src + start, l.len);
    t->nfc.len += l.len;
    t->nfc.data[t->nfc.len++] = '\n';
    l.foff = t->fold.len;
    if (fold_line(t, f, l.off, l.len)) goto nomem;
    while (t->fold.len > l.foff && t->fold.data[t->fold.len - 1] == ' ') t->fold.len--;
    l.flen = t->fold.len - l.foff;
    if (vb_buf_reserve(&t->fold, 1) || reserve_fmap(t, t->fold.len + 1)) goto nomem;
    t->fmap[t->fold.len] = (uint32_t)(l.off + l.len);
    t->fold.data[t->fold.len++] = '\n';
    if (push_line(t, &l)) goto nomem;
    if (i >= srclen) break;
    if (src[i] == '\r' && i + 1 < srclen && src[i + 1] == '\n') i++;
    i++;
    if (i >= srclen) break; /* a final line end does not start a line */
  }
done:
  if (vb_buf_cstr(&t->nfc) || vb_buf_cstr(&t->fold)) goto nomem;
  return VB_OK;
nomem:
  err->code = VB_ENOMEM;
  return VB_ENOMEM;
}

size_t vb_text_line_of(const vb_text *t, size_t off) {
  size_t lo = 0, hi = t->nlines;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->lines[mid].off <= off) lo = mid;
    else hi = mid;
  }
  return lo;
}

size_t vb_text_column(const vb_text *t, size_t li, size_t off) {
  const vb_line *l = &t->lines[li];
  size_t col = 1;
  size_t end = off < l->off + l->len ? off : l->off + l->len;
  for (size_t i = l->off; i < end; i++)
    if (((unsigned char)t->nfc.data[i] & 0xC0) != 0x80) col++;
  return col;
}
