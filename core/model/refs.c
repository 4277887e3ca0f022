/* refs.c: documents cited in the text ("Thông báo kết luận số 131-TB/TU
 * ngày 13/5/2021", "Công điện số 1102/CĐ-TTg", "Nghị quyết 116/NQ-CP"). */
#include <string.h>

#include "../parse/internal.h"

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_upper_start(const char *s, size_t i, size_t n) {
  unsigned char c = (unsigned char)s[i];
  if (c >= 'A' && c <= 'Z') return 1;
  return c == 0xC4 && i + 1 < n && (unsigned char)s[i + 1] == 0x90; /* Đ */
}
static size_t code_char(const char *s, size_t i, size_t n) {
  unsigned char c = (unsigned char)s[i];
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit((char)c)) return 1;
  if (c == 0xC4 && i + 1 < n && ((unsigned char)s[i + 1] == 0x90 || (unsigned char)s[i + 1] == 0x91)) return 2;
  return 0;
}

/* A document number at s[i]: its end, or 0. */
static size_t number_at(const char *s, size_t i, size_t n, size_t *code_b) {
  size_t k = i;
  while (k < n && is_digit(s[k]) && k - i < 6) k++;
  if (k == i || k >= n) return 0;
  /* optional /YYYY of normative documents */
  if (s[k] == '/' && k + 5 < n && is_digit(s[k + 1]) && is_digit(s[k + 4]) && s[k + 5] == '/') k += 5;
  if (s[k] != '/' && s[k] != '-') return 0;
  k++;
  if (k >= n || !is_upper_start(s, k, n)) return 0;
  *code_b = k;
  size_t groups = 0;
  for (;;) {
    size_t g = k, l;
    while (k < n && (l = code_char(s, k, n))) k += l;
    if (k == g) break;
    groups++;
    if (k + 1 < n && (s[k] == '-' || s[k] == '/') && code_char(s, k + 1, n) && !is_digit(s[k + 1])) {
      k++;
      continue;
    }
    break;
  }
  return groups ? k : 0;
}

/* A date right after a number: ", ngày 13/5/2021" or " ngày 05 tháng 7
 * năm 2021". Fills iso and returns the end, or 0. */
static size_t date_after(vb_parser *p, const char *s, size_t i, size_t n, char iso[11]) {
  size_t k = i;
  while (k < n && (s[k] == ' ' || s[k] == ',')) k++;
  size_t w = n - k < 40 ? n - k : 40;
  p->tmp2.len = 0;
  vb_fold_str(&p->folder, s + k, w, &p->tmp2);
  const char *f = p->tmp2.data;
  size_t fn = p->tmp2.len;
  if (!vb_fold_starts(f, fn, "ngay")) return 0;
  size_t j = 4;
  while (j < fn && f[j] == ' ') j++;
  int v[3] = {0, 0, 0}, part = 0;
  size_t digits = 0;
  while (j < fn && part < 3) {
    if (is_digit(f[j])) {
      v[part] = vb_digit_acc(v[part], f[j]);
      digits++;
      j++;
    } else if (digits && (f[j] == '/' || f[j] == '-' || f[j] == '.') && part < 2 && j + 1 < fn && is_digit(f[j + 1])) {
      part++;
      digits = 0;
      j++;
    } else if (digits && part < 2 && (vb_fold_starts(f + j, fn - j, " thang ") || vb_fold_starts(f + j, fn - j, " nam "))) {
      j += f[j + 1] == 't' ? 7 : 5;
      part++;
      digits = 0;
    } else {
      break;
    }
  }
  if (part != 2 || !digits) return 0;
  if (!vb_date_valid(v[0], v[1], v[2])) {
    iso[0] = '\0';
  } else {
    static const char dg[] = "0123456789";
    iso[0] = dg[(v[2] / 1000) % 10];
    iso[1] = dg[(v[2] / 100) % 10];
    iso[2] = dg[(v[2] / 10) % 10];
    iso[3] = dg[v[2] % 10];
    iso[4] = '-';
    iso[5] = dg[v[1] / 10];
    iso[6] = dg[v[1] % 10];
    iso[7] = '-';
    iso[8] = dg[v[0] / 10];
    iso[9] = dg[v[0] % 10];
    iso[10] = '\0';
  }
  /* map folded length back: the folded window is at most as long */
  size_t consumed = 0, fi = 0;
  while (k + consumed < n && fi < j) {
    uint32_t cp;
    size_t l = vb_utf8_next(s + k + consumed, n - k - consumed, &cp);
    char b[4];
    size_t fl = vb_fold_cp(&p->folder, cp, b);
    consumed += l;
    fi += fl ? fl : 0;
  }
  return k + consumed;
}

/* The type name just before "số": its code, and where the name starts. */
static const char *type_before(vb_parser *p, const char *s, size_t i, size_t lo, size_t *name_b) {
  size_t w0 = i > lo + 48 ? i - 48 : lo;
  while (w0 < i && ((unsigned char)s[w0] & 0xC0) == 0x80) w0++;
  p->tmp2.len = 0;
  vb_fold_str(&p->folder, s + w0, i - w0, &p->tmp2);
  const char *f = p->tmp2.data;
  size_t n = p->tmp2.len;
  while (n && (f[n - 1] == ' ' || f[n - 1] == ':')) n--;
  if (n >= 2 && f[n - 2] == 's' && (f[n - 1] == 'o' || f[n - 1] == '6') && (n == 2 || f[n - 3] == ' ')) {
    n -= 2;
    while (n && f[n - 1] == ' ') n--;
  }
  for (size_t start = n > 24 ? n - 24 : 0; start < n; start++) {
    if (start > 0 && f[start - 1] != ' ') continue;
    size_t matched = 0;
    const char *code = vb_type_code_of_name(f + start, n - start, &matched);
    if (code && start + matched == n) {
      /* count words from the end to find the NFC start */
      size_t words = 0;
      for (size_t q = start; q < p->tmp2.len; q++)
        if (f[q] != ' ' && (q == start || f[q - 1] == ' ')) words++;
      size_t k = i;
      while (words && k > w0) {
        while (k > w0 && s[k - 1] == ' ') k--;
        while (k > w0 && s[k - 1] != ' ') k--;
        words--;
      }
      *name_b = k;
      return code;
    }
  }
  return NULL;
}

static void add_ref(vb_reference *refs, size_t *nrefs, size_t max, const vb_reference *r) {
  for (size_t i = 0; i < *nrefs; i++)
    if (!strcmp(refs[i].number, r->number)) return;
  if (*nrefs < max) refs[(*nrefs)++] = *r;
}

static void scan(vb_parser *p, const char *s, size_t lo, size_t hi, int in_ptext, const vb_span *fixed,
                 vb_reference *refs, size_t *nrefs, size_t max) {
  for (size_t i = lo; i < hi; i++) {
    if (!is_digit(s[i])) continue;
    if (i > lo && (is_digit(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '-' || s[i - 1] == '.' ||
                   ((unsigned char)s[i - 1] >= 'A' && (unsigned char)s[i - 1] <= 'z')))
      continue;
    size_t code_b;
    size_t end = number_at(s, i, hi, &code_b);
    if (!end) continue;
    vb_reference r;
    memset(&r, 0, sizeof r);
    r.number = vb_strdup(p, s + i, end - i);
    size_t name_b = i;
    const char *code = type_before(p, s, i, lo, &name_b);
    if (!code) {
      /* the type code in the symbol: 10-TB/VPTW, 1102/CĐ-TTg */
      size_t g = code_b, l;
      while (g < end && (l = code_char(s, g, end))) g += l;
      const char *sym = vb_strdup(p, s + code_b, g - code_b);
      code = vb_type_code_of_symbol(sym);
    }
    r.doc_type = code;
    size_t dend = date_after(p, s, end, hi, r.iso);
    size_t tend = dend ? dend : end;
    r.text = vb_strdup(p, s + name_b, tend - name_b);
    if (in_ptext) r.at = vb_para_span(p, i, end);
    else r.at = *fixed;
    add_ref(refs, nrefs, max, &r);
    i = end;
  }
}

void vb_parse_refs(vb_parser *p) {
  vb_doc *d = &p->doc;
  size_t max = 64;
  vb_reference *refs = vb_new(p, max * sizeof *refs);
  if (!refs) return;
  size_t n = 0;
  if (d->subject) scan(p, d->subject->text, 0, strlen(d->subject->text), 0, &d->subject->at, refs, &n, max);
  for (size_t i = 0; i < d->nparagraphs; i++)
    scan(p, p->ptext.data, p->para_off[2 * i], p->para_off[2 * i + 1], 1, NULL, refs, &n, max);
  d->refs = refs;
  d->nrefs = n;
}
