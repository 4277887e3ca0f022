/* lines.c: line facts and cells, the ground the element parsers stand on.
 *
 * A line may hold two columns flattened together: separated by a tab, by
 * " | " (Word tables saved as text), or by a run of spaces (pdftotext
 * -layout). Those become cells here. Columns run together with a single
 * space (OCR of a two-column header) are split later by the element
 * parsers, which know what each column should hold. */
#include <string.h>
#include <utf8proc.h>

#include "../parse/internal.h"

static int is_alnum_c(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

void vb_seg_fold_range(const vb_parser *p, size_t b, size_t e, size_t *fb, size_t *fe) {
  const vb_text *t = &p->text;
  size_t li = vb_text_line_of(t, b);
  const vb_line *l = &t->lines[li];
  size_t lo = l->foff, hi = l->foff + l->flen;
  /* first fold index with fmap >= b */
  size_t a = lo, z = hi;
  while (a < z) {
    size_t m = a + (z - a) / 2;
    if (t->fmap[m] < b) a = m + 1;
    else z = m;
  }
  *fb = a;
  z = hi;
  while (a < z) {
    size_t m = a + (z - a) / 2;
    if (t->fmap[m] < e) a = m + 1;
    else z = m;
  }
  *fe = a;
}

size_t vb_seg_nfc_at(const vb_parser *p, size_t fo) { return p->text.fmap[fo]; }

static int is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

/* Whitespace at s (including U+00A0 and other spaces): its length or 0. */
static size_t ws_len(const char *s, size_t n) {
  unsigned char c = (unsigned char)s[0];
  if (is_ws(c)) return 1;
  if (c == 0xC2 && n >= 2 && (unsigned char)s[1] == 0xA0) return 2;
  if (c == 0xE2 && n >= 3 && (unsigned char)s[1] == 0x80 &&
      (((unsigned char)s[2] >= 0x80 && (unsigned char)s[2] <= 0x8B) || (unsigned char)s[2] == 0xAF))
    return 3;
  if (c == 0xE3 && n >= 3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80) return 3;
  if (c == 0xEF && n >= 3 && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF) return 3;
  return 0;
}

/* Markup that wraps cell text: Markdown emphasis, headings, quotes, table
 * pipes. Returns bytes to skip at s going forward. */
static size_t markup_fwd(const vb_parser *p, const char *s, size_t n) {
  if (n >= 2 && ((s[0] == '*' && s[1] == '*') || (s[0] == '_' && s[1] == '_'))) return 2;
  if (s[0] == '|' || s[0] == '`' || s[0] == '>') return 1;
  if (s[0] == '#') {
    size_t k = 0;
    while (k < n && s[k] == '#') k++;
    if (k == n || s[k] == ' ') return k;
  }
  if (p->markup && (s[0] == '*' || s[0] == '_')) {
    /* emphasis, but not a bullet "* text" */
    if (n >= 2 && s[1] != ' ') return 1;
  }
  return 0;
}

static size_t markup_back(const vb_parser *p, const char *s, size_t n) {
  /* s points one past the end; n bytes available before it */
  if (n >= 2 && ((s[-1] == '*' && s[-2] == '*') || (s[-1] == '_' && s[-2] == '_'))) return 2;
  if (s[-1] == '|' || s[-1] == '`') return 1;
  if (p->markup && (s[-1] == '*' || s[-1] == '_') && n >= 2 && s[-2] != ' ') return 1;
  if (s[-1] == '\\') return 1; /* Markdown hard break */
  return 0;
}

vb_cell vb_seg_cell(const vb_parser *p, size_t b, size_t e) {
  const char *t = p->text.nfc.data;
  for (;;) {
    size_t k;
    if (b < e && (k = ws_len(t + b, e - b))) { b += k; continue; }
    if (b < e && (k = markup_fwd(p, t + b, e - b))) { b += k; continue; }
    if (e > b && is_ws((unsigned char)t[e - 1])) { e--; continue; }
    if (e > b && (unsigned char)t[e - 1] == 0xA0 && e - b >= 2 && (unsigned char)t[e - 2] == 0xC2) {
      e -= 2;
      continue;
    }
    if (e > b && (k = markup_back(p, t + e, e - b))) { e -= k; continue; }
    break;
  }
  vb_cell c;
  c.b = b;
  c.e = e;
  vb_seg_fold_range(p, b, e, &c.fb, &c.fe);
  return c;
}

const char *vb_seg_str(vb_parser *p, size_t b, size_t e) {
  vb_cell c = vb_seg_cell(p, b, e);
  const char *t = p->text.nfc.data;
  p->tmp.len = 0;
  size_t i = c.b;
  int space = 0;
  while (i < c.e) {
    size_t k = ws_len(t + i, c.e - i);
    if (k) {
      space = 1;
      i += k;
      continue;
    }
    if ((t[i] == '*' && i + 1 < c.e && t[i + 1] == '*') || (t[i] == '_' && i + 1 < c.e && t[i + 1] == '_')) {
      i += 2;
      continue;
    }
    if (p->markup && (t[i] == '*' || t[i] == '`' ||
                      (t[i] == '_' && !(i + 1 < c.e && t[i + 1] == '_') && !(i > c.b && t[i - 1] == '_')))) {
      i++;
      continue;
    }
    if (t[i] == '\\' && i + 1 < c.e && strchr("*_`#|\\[]()-.", t[i + 1])) {
      i++; /* Markdown escape: keep the escaped character */
    }
    if (space && p->tmp.len) vb_buf_addc(&p->tmp, ' ');
    space = 0;
    if (vb_buf_addc(&p->tmp, t[i])) p->failed = 1;
    i++;
  }
  return vb_strdup(p, p->tmp.data ? p->tmp.data : "", p->tmp.len);
}

#define COL_BLOCK 4096

/* Code points of text.nfc before byte off. */
static size_t cps_before(const vb_parser *p, size_t off) {
  const char *s = p->text.nfc.data;
  size_t k = off / COL_BLOCK, cont = p->col_blocks[k];
  for (size_t i = k * COL_BLOCK; i < off; i++)
    if (((unsigned char)s[i] & 0xC0) == 0x80) cont++;
  return off - cont;
}

/* The 1-based column of off on line li. vb_text_column counts from the
 * start of the line, which made spans on one long line quadratic (a 1 MB
 * line of citations: 5.6 s, 4 MB: over a minute); the block counts bound
 * each column to one 4 KiB scan. Same result: columns count code points. */
static size_t column(const vb_parser *p, size_t li, size_t off) {
  const vb_line *l = &p->text.lines[li];
  if (!p->col_blocks) return vb_text_column(&p->text, li, off);
  size_t end = off < l->off + l->len ? off : l->off + l->len;
  if (end <= l->off) return 1;
  return 1 + cps_before(p, end) - cps_before(p, l->off);
}

static void count_blocks(vb_parser *p) {
  size_t len = p->text.nfc.len, nb = len / COL_BLOCK + 1;
  uint32_t *b = vb_arena_alloc(&p->arena, nb * sizeof *b);
  p->col_blocks = b;
  if (!b) return; /* columns are then counted from each line's start */
  const char *s = p->text.nfc.data;
  uint32_t cont = 0;
  for (size_t k = 0; k < nb; k++) {
    b[k] = cont;
    size_t hi = (k + 1) * COL_BLOCK < len ? (k + 1) * COL_BLOCK : len;
    for (size_t i = k * COL_BLOCK; i < hi; i++)
      if (((unsigned char)s[i] & 0xC0) == 0x80) cont++;
  }
}

vb_span vb_seg_span(const vb_parser *p, size_t b, size_t e) {
  vb_span s = {0, 0, 0, 0};
  const vb_text *t = &p->text;
  if (!t->nlines) return s;
  size_t li = vb_text_line_of(t, b);
  s.line = (int)li + 1;
  s.column = (int)column(p, li, b);
  size_t le = e > b ? vb_text_line_of(t, e - 1) : li;
  s.end_line = (int)le + 1;
  s.end_column = (int)column(p, le, e > b ? e : b);
  return s;
}

int vb_seg_upper_pct(const vb_parser *p, size_t b, size_t e) {
  const char *t = p->text.nfc.data;
  size_t up = 0, cased = 0;
  size_t i = b;
  while (i < e) {
    uint32_t cp;
    i += vb_utf8_next(t + i, e - i, &cp);
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') { up++; cased++; }
      else if (cp >= 'a' && cp <= 'z') cased++;
      continue;
    }
    utf8proc_int32_t lo = utf8proc_tolower((utf8proc_int32_t)cp);
    utf8proc_int32_t hi = utf8proc_toupper((utf8proc_int32_t)cp);
    if (lo != (utf8proc_int32_t)cp) { up++; cased++; }
    else if (hi != (utf8proc_int32_t)cp) cased++;
  }
  if (!cased) return -1;
  return (int)(up * 100 / cased);
}

size_t vb_seg_letters(const vb_parser *p, size_t b, size_t e) {
  size_t fb, fe, n = 0;
  vb_seg_fold_range(p, b, e, &fb, &fe);
  for (size_t i = fb; i < fe; i++) {
    char c = p->text.fold.data[i];
    if (c >= 'a' && c <= 'z') n++;
  }
  return n;
}

int vb_seg_starts_case(const vb_parser *p, size_t b, size_t e) {
  const char *t = p->text.nfc.data;
  size_t i = b;
  while (i < e) {
    uint32_t cp;
    size_t k = vb_utf8_next(t + i, e - i, &cp);
    if (cp == '"' || cp == '(' || cp == '\'' || cp == 0x201C || cp == 0x2018 || cp == '*' || cp == '_') {
      i += k;
      continue;
    }
    const utf8proc_property_t *pr = utf8proc_get_property((utf8proc_int32_t)cp);
    if (pr->category == UTF8PROC_CATEGORY_LU || pr->category == UTF8PROC_CATEGORY_LT) return 1;
    if (pr->category == UTF8PROC_CATEGORY_LL) return -1;
    return 0;
  }
  return 0;
}

int vb_fold_starts(const char *f, size_t n, const char *w) {
  size_t k = strlen(w);
  if (n < k || memcmp(f, w, k) != 0) return 0;
  if (n == k || !is_alnum_c(w[k - 1])) return 1;
  return !is_alnum_c(f[k]);
}

long vb_fold_find(const char *f, size_t n, const char *w) {
  size_t k = strlen(w);
  if (!k || n < k) return -1;
  for (size_t i = 0; i + k <= n; i++) {
    if (f[i] != w[0] || memcmp(f + i, w, k) != 0) continue;
    if (i > 0 && is_alnum_c(w[0]) && is_alnum_c(f[i - 1])) continue;
    if (i + k < n && is_alnum_c(w[k - 1]) && is_alnum_c(f[i + k])) continue;
    return (long)i;
  }
  return -1;
}

int vb_fold_tok_ocr(const char *t, size_t n, const char *kw) {
  size_t k = strlen(kw);
  if (n != k) return 0;
  size_t diff = 0;
  for (size_t i = 0; i < k; i++) diff += t[i] != kw[i];
  if (diff == 0) return 1;
  return k >= 3 && diff == 1 && t[0] == kw[0] ? 1 : (k >= 4 && diff == 1);
}

/* A page number, running head, digital-signature timestamp or rule line. */
static int is_noise(const char *f, size_t n) {
  if (n == 0) return 0;
  size_t digits = 0, other = 0;
  for (size_t i = 0; i < n; i++) {
    char c = f[i];
    if (c >= '0' && c <= '9') digits++;
    else if (c != ' ' && c != '-' && c != '/') other++;
  }
  if (digits && !other && digits <= 4 && n <= 12) return 1; /* "12", "- 3 -", "3/5" */
  if (vb_fold_starts(f, n, "trang") && n <= 12) return 1;
  /* Công báo running head, page number before or after it */
  size_t lead = 0;
  while (lead < n && ((f[lead] >= '0' && f[lead] <= '9') || f[lead] == ' ')) lead++;
  if (lead && lead < n) {
    f += lead;
    n -= lead;
  }
  if (vb_fold_starts(f, n, "cong bao")) {
    /* "CÔNG BÁO/Số 123 + 124/Ngày 15-02-2021  5" */
    if (n > 8 && (f[8] == '/' || f[8] == ' ')) {
      for (size_t i = 8; i < n; i++)
        if (f[i] >= '0' && f[i] <= '9') return 1;
    }
  }
  /* 2021-10-02T16:11:16+0700 */
  if (n >= 19 && f[4] == '-' && f[7] == '-' && f[10] == 't' && f[13] == ':') return 1;
  /* rule lines: ----, ____, ****, ====, * * * */
  size_t marks = 0;
  for (size_t i = 0; i < n; i++) {
    char c = f[i];
    if (c == '-' || c == '_' || c == '*' || c == '=' || c == '~' || c == '.') marks++;
    else if (c != ' ') return 0;
  }
  return marks >= 1;
}

static int only_markup(const char *f, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strchr("*_#>|` ", f[i])) return 0;
  return 1;
}

/* Markdown: is folded line f (n bytes) only an HTML comment, or part of
 * one? A comment is invisible once the draft is rendered (vbcheck's own
 * suppression directives are comments), so the parser sees a blank line.
 * *open carries a comment left unclosed to the next lines. */
static int comment_only(const char *f, size_t n, int *open) {
  size_t i = 0;
  while (i < n && f[i] == ' ') i++;
  int any = 0;
  while (i < n) {
    if (!*open) {
      if (n - i < 4 || memcmp(f + i, "<!--", 4)) return 0;
      *open = 1;
      i += 4;
    }
    const char *close = NULL;
    for (size_t k = i; k + 3 <= n; k++)
      if (!memcmp(f + k, "-->", 3)) {
        close = f + k;
        break;
      }
    if (!close) return 1;
    *open = 0;
    any = 1;
    i = (size_t)(close - f) + 3;
    while (i < n && f[i] == ' ') i++;
  }
  return any || *open;
}

/* Does NFC [b, e) end with a word that waits for a value a draft leaves
 * blank ("Số:      /UBND", "ngày    tháng 5")? Such spaces are fill, not
 * a column gap. */
static int ends_with_blank_slot(const vb_parser *p, size_t b, size_t e) {
  size_t fb, fe;
  vb_seg_fold_range(p, b, e, &fb, &fe);
  const char *f = p->text.fold.data;
  while (fe > fb && (f[fe - 1] == ' ' || f[fe - 1] == ':' || f[fe - 1] == '.' || f[fe - 1] == '_')) fe--;
  size_t w = fe;
  while (w > fb && f[w - 1] >= 'a' && f[w - 1] <= 'z') w--;
  size_t n = fe - w;
  return (n == 2 && !memcmp(f + w, "so", 2)) || (n == 4 && !memcmp(f + w, "ngay", 4)) ||
         (n == 5 && !memcmp(f + w, "thang", 5)) || (n == 3 && !memcmp(f + w, "nam", 3));
}

/* Split NFC line [b, e) into at most VB_MAX_CELLS cells. */
static size_t split_cells(const vb_parser *p, size_t b, size_t e, vb_cell *out) {
  const char *t = p->text.nfc.data;
  size_t n = 0, start = b, i = b;
  /* skip leading whitespace so indentation is not a separator */
  while (i < e && is_ws((unsigned char)t[i])) i++;
  start = i;
  while (i < e) {
    size_t sep = 0;
    if (t[i] == '\t') {
      sep = 1;
      while (i + sep < e && is_ws((unsigned char)t[i + sep])) sep++;
    } else if (t[i] == '|' && i > start) {
      sep = 1;
    } else if (t[i] == ' ') {
      size_t k = 0;
      while (i + k < e && t[i + k] == ' ') k++;
      if (k >= 4 && i + k < e && !ends_with_blank_slot(p, start, i)) sep = k;
    }
    if (sep) {
      if (i > start && n < VB_MAX_CELLS - 1) {
        vb_cell c = vb_seg_cell(p, start, i);
        if (c.e > c.b) out[n++] = c;
        start = i + sep;
      }
      i += sep;
      continue;
    }
    i++;
  }
  if (e > start) {
    vb_cell c = vb_seg_cell(p, start, e);
    if (c.e > c.b) out[n++] = c;
  }
  return n;
}

int vb_seg_lines(vb_parser *p) {
  const vb_text *t = &p->text;
  count_blocks(p);
  if (t->nlines > p->info_cap) {
    size_t cap = p->info_cap ? p->info_cap : 256;
    while (cap < t->nlines) cap *= 2;
    vb_lineinfo *ni = realloc(p->info, cap * sizeof *ni);
    if (!ni) return -1;
    p->info = ni;
    p->info_cap = cap;
  }
  p->markup = p->doc.format == VB_FORMAT_MARKDOWN ||
              (t->nfc.len && strstr(t->nfc.data, "**") != NULL);
  int gap = 0, comment = 0;
  int md = p->doc.format == VB_FORMAT_MARKDOWN;
  size_t g0 = 0, g1 = 0, longl = 0, shortl = 0;
  for (size_t li = 0; li < t->nlines; li++) {
    vb_lineinfo *in = &p->info[li];
    memset(in, 0, sizeof *in);
    const vb_line *l = &t->lines[li];
    const char *f = t->fold.data + l->foff;
    int was_open = comment;
    in->blank = only_markup(f, l->flen);
    if (md && !in->blank) {
      in->blank = comment_only(f, l->flen, &comment);
      /* text after a comment closes: not blank, the comment is over */
      if (!in->blank && was_open) comment = 0;
    }
    if (in->blank) {
      gap++;
      continue;
    }
    in->gap = gap;
    if (li > 0 && gap <= 1) {
      if (gap == 0) g0++;
      else g1++;
    }
    gap = 0;
    /* indentation in code points */
    const char *s = t->nfc.data + l->off;
    size_t i = 0;
    int ind = 0;
    size_t k;
    while (i < l->len && (k = ws_len(s + i, l->len - i))) {
      ind += s[i] == '\t' ? 8 : 1;
      i += k;
    }
    in->indent = ind;
    in->noise = is_noise(f, l->flen);
    in->ncells = split_cells(p, l->off, l->off + l->len, in->cells);
    if (l->flen > 180) longl++;
    else if (l->flen > 30) shortl++;
  }
  /* Double spacing means wrapped lines of one sentence sit a blank line
   * apart; one paragraph per line with blank lines between does not. Only
   * lines long enough to be wrapped body text vote. */
  size_t mid = 0, end = 0;
  for (size_t li = 0; li + 2 < t->nlines; li++) {
    if (p->info[li].blank || t->lines[li].flen <= 40) continue;
    if (!p->info[li + 1].blank || p->info[li + 2].blank) continue;
    if (vb_seg_ends_sentence(p, li)) end++;
    else mid++;
  }
  p->typical_gap = g1 > g0 && mid > end ? 1 : 0;
  p->long_lines = longl > shortl;
  return 0;
}

const char *vb_seg_label(const vb_parser *p, size_t li, size_t *lab_b, size_t *lab_e, long *num) {
  const vb_text *t = &p->text;
  const vb_lineinfo *in = &p->info[li];
  if (in->blank || !in->ncells) return NULL;
  size_t b = in->cells[0].b;
  const vb_line *l = &t->lines[li];
  size_t e = l->off + l->len;
  const char *s = t->nfc.data;
  size_t i = b;
  *num = 0;
  *lab_b = b;
  /* Điều 5. */
  size_t fn;
  const char *f = vb_cell_fold(p, &in->cells[0], &fn);
  if (vb_fold_starts(f, fn, "dieu") && fn > 5 && f[5] >= '0' && f[5] <= '9') {
    size_t j = 5;
    int v = 0;
    while (j < fn && f[j] >= '0' && f[j] <= '9') v = vb_digit_acc(v, f[j++]);
    if (j < fn && (f[j] == '.' || f[j] == ':')) j++;
    if (j == fn || f[j] == ' ') {
      *num = v;
      *lab_e = vb_seg_nfc_at(p, in->cells[0].fb + j - 1) + 1;
      return "article";
    }
  }
  unsigned char c = (unsigned char)s[i];
  if (c >= '0' && c <= '9') {
    long v = 0;
    size_t j = i;
    int dots = 0;
    /* up to 6 digits: "10000." is an item like "9999." (a 4-digit cap
     * made every line after item 9999 one giant item, whose tasks the
     * task extractor then scanned quadratically); longer runs are amounts
     * or codes, not labels, and 6 digits cannot overflow v */
    while (j < e && s[j] >= '0' && s[j] <= '9' && j - i < 6) v = v * 10 + (s[j++] - '0');
    if (j < e && s[j] >= '0' && s[j] <= '9') return NULL;
    /* 1.2. / 1.2 decimal labels */
    while (j + 1 < e && s[j] == '.' && s[j + 1] >= '0' && s[j + 1] <= '9') {
      j++;
      while (j < e && s[j] >= '0' && s[j] <= '9') j++;
      dots++;
    }
    int closed = 0;
    if (j < e && (s[j] == '.' || s[j] == ')')) {
      j++;
      closed = 1;
    }
    if (!closed && !dots) return NULL;
    if (j < e && !is_ws((unsigned char)s[j])) return NULL;
    if (j >= e) return NULL; /* a bare number is not an item */
    *num = v;
    *lab_e = j;
    return dots ? "decimal" : "number";
  }
  /* Roman numerals, upper case: I. II. IV) */
  if (strchr("IVX", (char)c) && c) {
    size_t j = i;
    while (j < e && strchr("IVXL", s[j]) && j - i < 6) j++;
    if (j < e && (s[j] == '.' || s[j] == ')') && j + 1 < e && s[j + 1] == ' ') {
      *lab_e = j + 1;
      return "roman";
    }
  }
  /* a) b) đ) */
  {
    uint32_t cp;
    size_t k = vb_utf8_next(s + i, e - i, &cp);
    if (((cp >= 'a' && cp <= 'z') || cp == 0x111) && i + k < e && s[i + k] == ')' &&
        i + k + 1 < e && s[i + k + 1] == ' ') {
      *num = cp == 0x111 ? 'd' : (long)cp;
      *lab_e = i + k + 1;
      return "letter";
    }
    if ((cp == '-' || cp == '+' || cp == 0x2013 || cp == 0x2014 || cp == 0x2022 || cp == 0x2212 ||
         cp == 0xB7 || (cp == '*' && !p->markup)) &&
        i + k < e && is_ws((unsigned char)s[i + k])) {
      *lab_e = i + k;
      return cp == '+' ? "plus" : "dash";
    }
  }
  return NULL;
}

int vb_seg_ends_sentence(const vb_parser *p, size_t li) {
  const vb_line *l = &p->text.lines[li];
  const char *f = p->text.fold.data + l->foff;
  size_t n = l->flen;
  while (n && (f[n - 1] == '*' || f[n - 1] == '_' || f[n - 1] == ' ' || f[n - 1] == '\\')) n--;
  if (!n) return 0;
  char c = f[n - 1];
  if (c == ')' || c == '"' || c == '\'') {
    if (n >= 2 && strchr(".:;!?", f[n - 2])) return 1;
    return 0;
  }
  return strchr(".:;!?", c) != NULL;
}
