/* header.c: the header zone — issuer, national header, number, place and
 * date, tên loại, trích yếu, Kính gửi.
 *
 * Lines are read top-down; each cell is classified by what it says, not by
 * where it sits, so the same code reads a clean two-column header, columns
 * flattened onto one line (OCR: "TINH UY LAI CHAU PANG CONG SAN VIET NAM"),
 * "cell | cell" tables and pdftotext -layout. The header ends at the first
 * line that is none of its elements. */
#include <stdlib.h>
#include <string.h>

#include "../parse/internal.h"

typedef struct hstate {
  size_t issuer_b[8], issuer_e[8];
  size_t nissuer;
  int after_issuer;   /* number, date, type or subject seen: no more issuer */
  int subj;           /* 0 none, 1 V/v subject, 2 typed subject */
  size_t subj_b, subj_e, subj_lines;
  vb_buf subj_text;
  int addr_open;      /* Kính gửi block open */
  int addr_item_open; /* last addressee may continue on the next line */
  vb_textline addr[64];
  size_t naddr;
  size_t motto_b, motto_e;
  int have_motto;
  int depth;          /* header_cell nesting (see header_cell) */
} hstate;

static int fold_is_digit(char c) { return c >= '0' && c <= '9'; }
static int fold_is_alpha(char c) { return c >= 'a' && c <= 'z'; }

/* Next word in folded f starting at *i: [ws, we). 0 when none. */
static int next_word(const char *f, size_t n, size_t *i, size_t *ws, size_t *we) {
  size_t k = *i;
  while (k < n && !fold_is_alpha(f[k]) && !fold_is_digit(f[k])) k++;
  if (k >= n) return 0;
  *ws = k;
  while (k < n && (fold_is_alpha(f[k]) || fold_is_digit(f[k]))) k++;
  *we = k;
  *i = k;
  return 1;
}

static size_t nfc_of(const vb_parser *p, size_t fo, size_t fend_abs, size_t nfc_end) {
  return fo < fend_abs ? vb_seg_nfc_at(p, fo) : nfc_end;
}

/* ---- national header ---------------------------------------------------- */

static int parse_national(vb_parser *p, hstate *st, size_t b, size_t e, int *handled);
static int header_cell(vb_parser *p, hstate *st, size_t li, size_t b, size_t e);

static void set_national(vb_parser *p, size_t b, size_t e, const char *kind) {
  vb_doc *d = &p->doc;
  if (d->national && d->national->text) return;
  if (!d->national) d->national = vb_new(p, sizeof *d->national);
  if (!d->national) return;
  d->national->text = vb_seg_str(p, b, e);
  d->national->kind = kind;
  d->national->at = vb_seg_span(p, b, e);
}

static int parse_national(vb_parser *p, hstate *st, size_t b, size_t e, int *handled) {
  vb_cell c = vb_seg_cell(p, b, e);
  const char *f = p->text.fold.data + c.fb;
  size_t n = c.fe - c.fb;
  long pos;
  *handled = 0;
  /* State: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" anchored on its tail so a
   * garbled first word still counts. */
  if ((pos = vb_fold_find(f, n, "xa hoi chu nghia viet nam")) >= 0) {
    size_t start = (size_t)pos, i = (size_t)pos;
    /* back up over "cong hoa" (two words) when present */
    int words = 0;
    while (start > 0 && words < 2) {
      size_t k = start;
      while (k > 0 && f[k - 1] == ' ') k--;
      size_t w = k;
      while (w > 0 && f[w - 1] != ' ') w--;
      if (w == k) break;
      if (!((words == 0 && (vb_fold_tok_ocr(f + w, k - w, "hoa") || (k - w == 2 && f[w] == 'h'))) ||
            (words == 1 && vb_fold_tok_ocr(f + w, k - w, "cong"))))
        break;
      start = w;
      words++;
    }
    size_t end = i + strlen("xa hoi chu nghia viet nam");
    size_t nb = vb_seg_nfc_at(p, c.fb + start);
    size_t ne = nfc_of(p, c.fb + end, c.fe, c.e);
    if (start > 0) header_cell(p, st, vb_text_line_of(&p->text, c.b), c.b, nb);
    set_national(p, nb, ne, "state");
    if (ne < c.e) header_cell(p, st, vb_text_line_of(&p->text, c.b), ne, c.e);
    *handled = 1;
    return 1;
  }
  /* Party: "ĐẢNG CỘNG SẢN VIỆT NAM"; OCR often reads Đ as P or B. */
  if ((pos = vb_fold_find(f, n, "cong san viet nam")) >= 0) {
    size_t start = (size_t)pos;
    size_t k = start;
    while (k > 0 && f[k - 1] == ' ') k--;
    size_t w = k;
    while (w > 0 && f[w - 1] != ' ') w--;
    if (w < k && k - w == 4 && f[w + 1] == 'a' && f[w + 2] == 'n' && f[w + 3] == 'g') start = w;
    size_t end = (size_t)pos + strlen("cong san viet nam");
    size_t nb = vb_seg_nfc_at(p, c.fb + start);
    size_t ne = nfc_of(p, c.fb + end, c.fe, c.e);
    if (start > 0) header_cell(p, st, vb_text_line_of(&p->text, c.b), c.b, nb);
    set_national(p, nb, ne, "party");
    if (ne < c.e) header_cell(p, st, vb_text_line_of(&p->text, c.b), ne, c.e);
    *handled = 1;
    return 1;
  }
  /* Tiêu ngữ: "Độc lập - Tự do - Hạnh phúc" */
  if ((pos = vb_fold_find(f, n, "doc lap")) >= 0) {
    long hp = vb_fold_find(f + pos, n - (size_t)pos, "hanh phuc");
    if (hp >= 0 && hp < 40) {
      size_t end = (size_t)pos + (size_t)hp + strlen("hanh phuc");
      size_t nb = vb_seg_nfc_at(p, c.fb + (size_t)pos);
      size_t ne = nfc_of(p, c.fb + end, c.fe, c.e);
      if (pos > 0) header_cell(p, st, vb_text_line_of(&p->text, c.b), c.b, nb);
      if (!st->have_motto) {
        st->have_motto = 1;
        st->motto_b = nb;
        st->motto_e = ne;
      }
      *handled = 1;
      return 1;
    }
  }
  return 0;
}

/* ---- number ------------------------------------------------------------- */

static int is_sym_char(const char *s, size_t i, size_t e, size_t *len) {
  uint32_t cp;
  size_t k = vb_utf8_next(s + i, e - i, &cp);
  *len = k;
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return 1;
  if (cp == '-' || cp == '/' || cp == '.') return 1;
  /* Đ đ Ơ ơ Ư ư Ă ă Â â Ê ê Ô ô and other Vietnamese letters in codes */
  if (cp >= 0xC0 && cp <= 0x1B0) return 1;
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return 1;
  return 0;
}

static int parse_number(vb_parser *p, hstate *st, size_t li, size_t b, size_t e) {
  vb_cell c = vb_seg_cell(p, b, e);
  const char *f = p->text.fold.data + c.fb;
  size_t n = c.fe - c.fb;
  if (n < 3 || f[0] != 's') return 0;
  /* "So", OCR "S6", "S0", "Sd" */
  if (!(f[1] == 'o' || f[1] == '6' || f[1] == '0' || f[1] == 'd')) return 0;
  size_t i = 2;
  int colon = 0;
  while (i < n && (f[i] == ' ' || f[i] == ':' || f[i] == '.')) {
    if (f[i] == ':') colon = 1;
    i++;
  }
  if (i >= n) return 0;
  if (!(fold_is_digit(f[i]) || f[i] == '/' || f[i] == '-' || f[i] == '_')) return 0;
  if (i == 2) return 0; /* "so12" is not a number line */
  const char *s = p->text.nfc.data;
  size_t pb = vb_seg_nfc_at(p, c.fb + i);
  size_t k = pb;
  vb_number *num = vb_new(p, sizeof *num);
  if (!num) return 1;
  num->colon = colon;
  /* blank sequence: spaces, dots or underscores before the separator */
  while (k < c.e && (s[k] == '.' || s[k] == '_' || s[k] == ' ')) k++;
  size_t seq_b = k;
  long seq = 0;
  while (k < c.e && s[k] >= '0' && s[k] <= '9' && k - seq_b < 7) seq = seq * 10 + (s[k++] - '0');
  int has_seq = k > seq_b;
  /* normative documents: 666/2015/QĐ-UBND */
  if (has_seq && k + 5 < c.e && s[k] == '/' && s[k + 1] >= '1' && s[k + 1] <= '2') {
    size_t y = k + 1;
    int year = 0;
    while (y < c.e && s[y] >= '0' && s[y] <= '9' && y - k <= 4) year = year * 10 + (s[y++] - '0');
    if (y - k == 5 && y < c.e && s[y] == '/') {
      num->year = year;
      k = y;
    }
  }
  while (k < c.e && s[k] == ' ') k++;
  if (k >= c.e || (s[k] != '/' && s[k] != '-')) {
    if (!has_seq) return 0;
  }
  char sep = k < c.e ? s[k] : 0;
  num->form = sep == '/' ? "state" : sep == '-' ? "party" : NULL;
  if (k < c.e && (sep == '/' || sep == '-')) k++;
  while (k < c.e && s[k] == ' ') k++;
  size_t code_b = k;
  size_t len;
  while (k < c.e && is_sym_char(s, k, c.e, &len)) k += len;
  size_t code_e = k;
  while (code_e > code_b && (s[code_e - 1] == '.' || s[code_e - 1] == '-' || s[code_e - 1] == '/')) code_e--;
  num->has_seq = has_seq;
  num->seq = seq;
  size_t sym_b = has_seq ? seq_b : code_b;
  num->symbol = vb_seg_str(p, sym_b, code_e > sym_b ? code_e : sym_b);
  num->raw = vb_seg_str(p, c.b, code_e > c.b ? code_e : k);
  /* split the code groups */
  const char *code = vb_strdup(p, s + code_b, code_e > code_b ? code_e - code_b : 0);
  size_t cl = strlen(code);
  if (cl) {
    if (sep == '-') {
      /* party: TYPE/ISSUER */
      const char *slash = strchr(code, '/');
      if (slash) {
        num->type_code = vb_strdup(p, code, (size_t)(slash - code));
        num->issuer_code = vb_strdup(p, slash + 1, strlen(slash + 1));
      } else {
        num->type_code = code;
      }
    } else {
      /* state: [TYPE-]ISSUER[-UNIT] */
      const char *g[4];
      size_t gl[4], ng = 0;
      const char *q = code;
      while (*q && ng < 4) {
        const char *d = q;
        while (*d && *d != '-' && *d != '/') d++;
        g[ng] = q;
        gl[ng] = (size_t)(d - q);
        ng++;
        q = *d ? d + 1 : d;
      }
      size_t gi = 0;
      if (ng >= 2) {
        const char *t = vb_strdup(p, g[0], gl[0]);
        if (vb_type_code_of_symbol(t)) {
          num->type_code = t;
          gi = 1;
        }
      }
      if (gi < ng) num->issuer_code = vb_strdup(p, g[gi], gl[gi]);
      if (gi + 1 < ng) {
        const char *rest = g[gi + 1];
        num->unit_code = vb_strdup(p, rest, strlen(rest));
      }
    }
  }
  num->at = vb_seg_span(p, c.b, code_e > c.b ? code_e : k);
  if (!p->doc.number) p->doc.number = num;
  st->after_issuer = 1;
  /* the rest of the cell: place and date, or a V/v subject (flattened) */
  if (k < c.e) header_cell(p, st, li, k, c.e);
  return 1;
}

/* ---- place and date ----------------------------------------------------- */

static int is_blank_fill(char c) { return c == ' ' || c == '.' || c == '_' || c == '/' || c == '-' || c == '*'; }

static int parse_int(const char *f, size_t a, size_t z, int *v) {
  int x = 0;
  size_t digits = 0;
  for (size_t i = a; i < z; i++) {
    if (fold_is_digit(f[i])) {
      if (digits >= 4) return 0;
      x = x * 10 + (f[i] - '0');
      digits++;
    } else if (!is_blank_fill(f[i])) {
      return 0;
    }
  }
  *v = digits ? x : 0;
  return 1;
}

static int parse_date(vb_parser *p, hstate *st, size_t b, size_t e) {
  vb_cell c = vb_seg_cell(p, b, e);
  const char *f = p->text.fold.data + c.fb;
  size_t n = c.fe - c.fb;
  size_t i = 0, ws, we;
  size_t ngay_s = 0, ngay_e = 0, thang_s = 0, thang_e = 0, nam_s = 0, nam_e = 0;
  int state = 0;
  while (next_word(f, n, &i, &ws, &we)) {
    size_t wl = we - ws;
    if (state == 0 && vb_fold_tok_ocr(f + ws, wl, "ngay")) {
      ngay_s = ws;
      ngay_e = we;
      state = 1;
    } else if (state == 1 && vb_fold_tok_ocr(f + ws, wl, "thang")) {
      thang_s = ws;
      thang_e = we;
      state = 2;
    } else if (state == 2 && (vb_fold_tok_ocr(f + ws, wl, "nam") || (wl == 3 && f[ws] == 'n' && f[ws + 2] == 'm'))) {
      nam_s = ws;
      nam_e = we;
      state = 3;
      break;
    } else if (state >= 1 && !fold_is_digit(f[ws])) {
      state = 0; /* words in between: not a date line */
    }
  }
  if (state != 3) return 0;
  int day = 0, month = 0, year = 0;
  if (!parse_int(f, ngay_e, thang_s, &day)) return 0;
  if (!parse_int(f, thang_e, nam_s, &month)) return 0;
  /* year: four digits, then nothing but punctuation */
  size_t y = nam_e;
  while (y < n && f[y] == ' ') y++;
  size_t yb = y;
  while (y < n && fold_is_digit(f[y])) year = vb_digit_acc(year, f[y++]);
  if (y - yb != 4) return 0;
  for (size_t r = y; r < n; r++)
    if (fold_is_alpha(f[r]) || fold_is_digit(f[r])) return 0;
  vb_place_date *pd = vb_new(p, sizeof *pd);
  if (!pd) return 1;
  /* place: the text before "ngày", without the comma */
  size_t pe = ngay_s;
  while (pe > 0 && (f[pe - 1] == ' ' || f[pe - 1] == ',')) {
    if (f[pe - 1] == ',') pd->has_comma = 1;
    pe--;
  }
  if (pe > 0) {
    size_t nb = c.b, ne = vb_seg_nfc_at(p, c.fb + pe);
    pd->place = vb_seg_str(p, nb, ne);
  }
  pd->day = day;
  pd->month = month;
  pd->year = year;
  /* digits as written, for the leading-zero rule */
  for (int part = 0; part < 2; part++) {
    size_t a = part ? thang_e : ngay_e, z = part ? nam_s : thang_s;
    while (a < z && !fold_is_digit(f[a])) a++;
    size_t q = a;
    while (q < z && fold_is_digit(f[q])) q++;
    if (q > a) {
      const char *txt = vb_strdup(p, f + a, q - a);
      if (part) pd->month_text = txt;
      else pd->day_text = txt;
    }
  }
  pd->valid = day && month && vb_date_valid(day, month, year);
  if (pd->valid) {
    static const char digits[] = "0123456789";
    char *o = pd->iso;
    o[0] = digits[(year / 1000) % 10];
    o[1] = digits[(year / 100) % 10];
    o[2] = digits[(year / 10) % 10];
    o[3] = digits[year % 10];
    o[4] = '-';
    o[5] = digits[month / 10];
    o[6] = digits[month % 10];
    o[7] = '-';
    o[8] = digits[day / 10];
    o[9] = digits[day % 10];
    o[10] = '\0';
  }
  size_t end_nfc = nfc_of(p, c.fb + y, c.fe, c.e);
  pd->raw = vb_seg_str(p, c.b, end_nfc);
  pd->at = vb_seg_span(p, c.b, end_nfc);
  if (!p->doc.place_date) p->doc.place_date = pd;
  st->after_issuer = 1;
  return 1;
}

/* ---- subject, type, addressees ------------------------------------------ */

static void subj_add(vb_parser *p, hstate *st, size_t b, size_t e) {
  const char *s = vb_seg_str(p, b, e);
  size_t l = strlen(s);
  if (!l) return;
  if (st->subj_text.len) {
    char last = st->subj_text.data[st->subj_text.len - 1];
    /* a line-break hyphen inside a token joins without a space */
    if (!(last == '-' && st->subj_text.len >= 2 && st->subj_text.data[st->subj_text.len - 2] != ' '))
      vb_buf_addc(&st->subj_text, ' ');
  } else {
    st->subj_b = b;
  }
  if (vb_buf_add(&st->subj_text, s, l)) p->failed = 1;
  st->subj_e = e;
  st->subj_lines++;
}

static int is_vv(const char *f, size_t n) {
  if (n < 4) return 0;
  if (f[0] != 'v') return 0;
  /* V/v, V.v, V/V, OCR VIV, V/v: */
  if ((f[1] == '/' || f[1] == '.' || f[1] == 'i' || f[1] == 'l' || f[1] == '|') && f[2] == 'v' &&
      (f[3] == ' ' || f[3] == ':' || f[3] == '.'))
    return 1;
  return 0;
}

static int parse_type_or_subject(vb_parser *p, hstate *st, size_t b, size_t e) {
  vb_cell c = vb_seg_cell(p, b, e);
  const char *f = p->text.fold.data + c.fb;
  size_t n = c.fe - c.fb;
  if (is_vv(f, n)) {
    st->subj = 1;
    st->subj_text.len = 0;
    st->subj_lines = 0;
    subj_add(p, st, c.b, c.e);
    st->after_issuer = 1;
    return 1;
  }
  size_t matched = 0;
  const char *code = vb_type_code_of_name(f, n, &matched);
  if (code && !p->doc.doc_type && vb_seg_upper_pct(p, c.b, c.e) >= 80) {
    size_t r = matched;
    while (r < n && (f[r] == ' ' || f[r] == ':')) r++;
    if (r == n) {
      vb_doc_type *dt = vb_new(p, sizeof *dt);
      if (!dt) return 1;
      dt->name = vb_seg_str(p, c.b, c.e);
      dt->code = code;
      dt->at = vb_seg_span(p, c.b, c.e);
      p->doc.doc_type = dt;
      st->subj = 2;
      st->subj_text.len = 0;
      st->subj_lines = 0;
      st->after_issuer = 1;
      return 1;
    }
  }
  return 0;
}

static void addr_add(vb_parser *p, hstate *st, size_t b, size_t e, int cont) {
  vb_cell c = vb_seg_cell(p, b, e);
  if (c.e <= c.b) return;
  if (cont && st->naddr) {
    vb_textline *a = &st->addr[st->naddr - 1];
    p->tmp2.len = 0;
    vb_buf_adds(&p->tmp2, a->text);
    vb_buf_addc(&p->tmp2, ' ');
    const char *more = vb_seg_str(p, c.b, c.e);
    vb_buf_adds(&p->tmp2, more);
    a->text = vb_strdup(p, p->tmp2.data, p->tmp2.len);
    vb_span s = vb_seg_span(p, c.b, c.e);
    a->at.end_line = s.end_line;
    a->at.end_column = s.end_column;
  } else if (st->naddr < sizeof st->addr / sizeof st->addr[0]) {
    st->addr[st->naddr].text = vb_seg_str(p, c.b, c.e);
    st->addr[st->naddr].at = vb_seg_span(p, c.b, c.e);
    st->naddr++;
  }
  const char *t = p->text.fold.data;
  char last = c.fe > c.fb ? t[c.fe - 1] : 0;
  st->addr_item_open = last != '.' && last != ';';
}

/* Addressee text after "Kính gửi:" or a dash: strip the dash. */
static void addr_item(vb_parser *p, hstate *st, size_t b, size_t e) {
  vb_cell c = vb_seg_cell(p, b, e);
  const char *s = p->text.nfc.data;
  size_t k = c.b;
  uint32_t cp;
  size_t l = vb_utf8_next(s + k, c.e - k, &cp);
  if (cp == '-' || cp == '+' || cp == 0x2013 || cp == 0x2022) k += l;
  addr_add(p, st, k, c.e, 0);
}

static int parse_kinh_gui(vb_parser *p, hstate *st, size_t b, size_t e) {
  vb_cell c = vb_seg_cell(p, b, e);
  const char *f = p->text.fold.data + c.fb;
  size_t n = c.fe - c.fb;
  size_t i = 0, ws, we, ws2, we2;
  if (!next_word(f, n, &i, &ws, &we) || ws != 0 || !vb_fold_tok_ocr(f, we, "kinh")) return 0;
  if (!next_word(f, n, &i, &ws2, &we2) || !vb_fold_tok_ocr(f + ws2, we2 - ws2, "gui")) return 0;
  size_t r = we2;
  while (r < n && (f[r] == ' ' || f[r] == ':')) r++;
  p->doc.addressees_at = vb_seg_span(p, c.b, c.e);
  st->addr_open = 1;
  st->addr_item_open = 0;
  st->after_issuer = 1;
  if (r < n) addr_item(p, st, vb_seg_nfc_at(p, c.fb + r), c.e);
  return 1;
}

/* ---- issuer --------------------------------------------------------------- */

static int starts_locality(const char *f, size_t n) {
  static const char *loc[] = {"tinh", "thanh pho", "huyen", "quan", "xa", "phuong", "thi xa", "thi tran", NULL};
  for (int i = 0; loc[i]; i++) {
    if (vb_fold_starts(f, n, loc[i])) {
      size_t k = strlen(loc[i]);
      while (k < n && f[k] == ' ') k++;
      /* "HUYỆN ỦY", "TỈNH ỦY" are bodies, not localities */
      if (vb_fold_starts(f + k, n - k, "uy")) return 0;
      return 1;
    }
  }
  return 0;
}

static int has_locality(const char *f, size_t n) {
  return vb_fold_find(f, n, "tinh") >= 0 || vb_fold_find(f, n, "thanh pho") >= 0 ||
         vb_fold_find(f, n, "huyen") >= 0 || vb_fold_find(f, n, "quan") >= 0 ||
         vb_fold_find(f, n, "xa") >= 0 || vb_fold_find(f, n, "phuong") >= 0 ||
         vb_fold_find(f, n, "trung uong") >= 0 || vb_fold_find(f, n, "ubnd") >= 0;
}

static void finish_issuer(vb_parser *p, hstate *st) {
  if (!st->nissuer) return;
  vb_issuer *is = vb_new(p, sizeof *is);
  if (!is) return;
  is->lines = vb_new(p, st->nissuer * sizeof *is->lines);
  if (!is->lines) return;
  /* Join wrapped lines into logical lines. */
  size_t lb[8], le[8], nl = 0;
  for (size_t i = 0; i < st->nissuer; i++) {
    is->lines[is->nlines++] = vb_seg_str(p, st->issuer_b[i], st->issuer_e[i]);
    if (nl) {
      vb_cell prev = vb_seg_cell(p, lb[nl - 1], le[nl - 1]);
      vb_cell cur = vb_seg_cell(p, st->issuer_b[i], st->issuer_e[i]);
      const char *pf = p->text.fold.data + prev.fb, *cf = p->text.fold.data + cur.fb;
      size_t pn = prev.fe - prev.fb, cn = cur.fe - cur.fb;
      int join = (starts_locality(cf, cn) && !has_locality(pf, pn)) ||
                 (pn >= 3 && (!memcmp(pf + pn - 3, " va", 3) || !memcmp(pf + pn - 3, "cua", 3))) ||
                 (pn && pf[pn - 1] == '-') || vb_seg_starts_case(p, cur.b, cur.e) < 0;
      if (join) {
        le[nl - 1] = st->issuer_e[i];
        continue;
      }
    }
    lb[nl] = st->issuer_b[i];
    le[nl] = st->issuer_e[i];
    nl++;
  }
  /* join the NFC text of a logical line from its physical parts */
  const char *names[8];
  for (size_t k = 0; k < nl; k++) {
    p->tmp2.len = 0;
    for (size_t i = 0; i < st->nissuer; i++) {
      if (st->issuer_b[i] >= lb[k] && st->issuer_e[i] <= le[k]) {
        if (p->tmp2.len) vb_buf_addc(&p->tmp2, ' ');
        vb_buf_adds(&p->tmp2, is->lines[i]);
      }
    }
    names[k] = vb_strdup(p, p->tmp2.data ? p->tmp2.data : "", p->tmp2.len);
  }
  is->name = names[nl - 1];
  if (nl >= 2) {
    p->tmp2.len = 0;
    for (size_t k = 0; k + 1 < nl; k++) {
      if (k) vb_buf_addc(&p->tmp2, ' ');
      vb_buf_adds(&p->tmp2, names[k]);
    }
    is->parent = vb_strdup(p, p->tmp2.data, p->tmp2.len);
  }
  is->at = vb_seg_span(p, st->issuer_b[0], st->issuer_e[st->nissuer - 1]);
  is->name_at = vb_seg_span(p, lb[nl - 1], le[nl - 1]);
  if (nl >= 2) is->parent_at = vb_seg_span(p, lb[0], le[nl - 2]);
  p->doc.issuer = is;
}

/* ---- cells and lines ----------------------------------------------------- */

/* Cells of a flattened header recurse: parse_national and parse_number
 * hand the text before and after what they found back to header_cell. A
 * real line holds at most 7 elements (issuer, Quốc hiệu, Tiêu ngữ, number,
 * date, type, subject); a hostile one repeating "Số: 1/QĐ-X " 600 000
 * times recursed that deep, rescanning the rest at each level: 286 s, then
 * a stack overflow (SIGSEGV). Past VB_HEADER_DEPTH the rest is left
 * unparsed, which bounds both the stack and the time. */
#define VB_HEADER_DEPTH 16
static int header_cell_at(vb_parser *p, hstate *st, size_t li, size_t b, size_t e);
static int header_cell(vb_parser *p, hstate *st, size_t li, size_t b, size_t e) {
  if (st->depth >= VB_HEADER_DEPTH) return 0;
  st->depth++;
  int r = header_cell_at(p, st, li, b, e);
  st->depth--;
  return r;
}

static int header_cell_at(vb_parser *p, hstate *st, size_t li, size_t b, size_t e) {
  vb_cell c = vb_seg_cell(p, b, e);
  if (c.e <= c.b) return 1;
  const char *f = p->text.fold.data + c.fb;
  size_t n = c.fe - c.fb;
  int handled;
  if (parse_national(p, st, c.b, c.e, &handled)) return 1;
  if (parse_number(p, st, li, c.b, c.e)) return 1;
  if (parse_date(p, st, c.b, c.e)) return 1;
  if (parse_kinh_gui(p, st, c.b, c.e)) return 1;
  if (parse_type_or_subject(p, st, c.b, c.e)) return 1;
  /* markers: draft, urgency, confidentiality */
  if (vb_fold_starts(f, n, "du thao")) {
    p->doc.draft = vb_seg_str(p, c.b, c.e);
    return 1;
  }
  if ((vb_fold_starts(f, n, "hoa toc") || vb_fold_starts(f, n, "thuong khan") || vb_fold_starts(f, n, "khan")) &&
      n <= 16) {
    p->doc.urgency = vb_seg_str(p, c.b, c.e);
    return 1;
  }
  if ((vb_fold_starts(f, n, "mat") || vb_fold_starts(f, n, "toi mat") || vb_fold_starts(f, n, "tuyet mat")) && n <= 10)
    return 1;
  if (!st->after_issuer && st->nissuer < 8 && vb_seg_upper_pct(p, c.b, c.e) >= 75 &&
      vb_seg_letters(p, c.b, c.e) >= 3 && !vb_type_code_of_name(f, n, NULL)) {
    st->issuer_b[st->nissuer] = c.b;
    st->issuer_e[st->nissuer] = c.e;
    st->nissuer++;
    return 1;
  }
  return 0;
}

/* Does this line start something other than a subject continuation? */
static int starts_other(vb_parser *p, size_t li) {
  const vb_lineinfo *in = &p->info[li];
  size_t n;
  const char *f = vb_cell_fold(p, &in->cells[0], &n);
  size_t lb, le;
  long num;
  if (vb_seg_label(p, li, &lb, &le, &num)) return 1;
  if (vb_fold_starts(f, n, "kinh gui") || vb_fold_starts(f, n, "can cu") || vb_fold_starts(f, n, "noi nhan"))
    return 1;
  if (n >= 3 && f[0] == 's' && (f[1] == 'o' || f[1] == '6') && (f[2] == ':' || (n > 3 && fold_is_digit(f[3]))))
    return 1;
  for (size_t ci = 0; ci < in->ncells; ci++) {
    const char *cf = vb_cell_fold(p, &in->cells[ci], &n);
    if (vb_fold_find(cf, n, "thang") >= 0 && vb_fold_find(cf, n, "ngay") >= 0) return 1;
  }
  int up = vb_seg_upper_pct(p, in->cells[0].b, in->cells[0].e);
  if (up >= 80 && vb_seg_letters(p, in->cells[0].b, in->cells[0].e) >= 4) return 1;
  return 0;
}

static void close_subject(vb_parser *p, hstate *st) {
  if (st->subj && st->subj_text.len && !p->doc.subject) {
    vb_textline *s = vb_new(p, sizeof *s);
    if (s) {
      s->text = vb_strdup(p, st->subj_text.data, st->subj_text.len);
      s->at = vb_seg_span(p, st->subj_b, st->subj_e);
      p->doc.subject = s;
    }
  }
  st->subj = 0;
}

void vb_parse_header(vb_parser *p) {
  vb_doc *d = &p->doc;
  size_t limit = d->footer.line ? (size_t)d->footer.line - 1 : p->text.nlines;
  hstate st;
  memset(&st, 0, sizeof st);
  vb_buf_init(&st.subj_text);
  size_t li = 0, first = (size_t)-1, last = 0;
  int para_gap = p->typical_gap + 1;
  for (; li < limit; li++) {
    vb_lineinfo *in = &p->info[li];
    if (in->blank || !in->ncells) continue;
    if (in->noise) continue;
    size_t ci = 0;
    int used = 0;
    /* subject continuation (left cell) */
    if (st.subj) {
      size_t n;
      (void)vb_cell_fold(p, &in->cells[0], &n);
      int gap_ok = in->gap < para_gap || (st.subj == 2 && st.subj_lines == 0 && in->gap <= para_gap);
      const char *sf = st.subj_text.data;
      int prev_done = st.subj_text.len && sf[st.subj_text.len - 1] == '.';
      /* across a blank line, a line closing a sentence is body text */
      if (in->gap > 0 && vb_seg_ends_sentence(p, li)) gap_ok = 0;
      if (gap_ok && st.subj_lines < 6 && !prev_done && !starts_other(p, li) && n > 0) {
        subj_add(p, &st, in->cells[0].b, in->cells[0].e);
        ci = 1;
        used = 1;
      } else if (st.subj == 2 && st.subj_lines == 0 && !starts_other(p, li) && in->gap <= para_gap + 1 &&
                 !(in->gap > 0 && vb_seg_ends_sentence(p, li))) {
        subj_add(p, &st, in->cells[0].b, in->cells[0].e);
        ci = 1;
        used = 1;
      } else {
        close_subject(p, &st);
      }
    }
    /* addressee continuation */
    if (!used && st.addr_open) {
      size_t lb, le;
      long num;
      const char *kind = vb_seg_label(p, li, &lb, &le, &num);
      if (kind && (!strcmp(kind, "dash") || !strcmp(kind, "plus")) && in->gap < para_gap + 1) {
        addr_item(p, &st, in->cells[0].b, in->cells[0].e);
        ci = 1;
        used = 1;
      } else if (st.addr_item_open && in->gap < para_gap && vb_seg_starts_case(p, in->cells[0].b, in->cells[0].e) < 0) {
        addr_add(p, &st, in->cells[0].b, in->cells[0].e, 1);
        ci = 1;
        used = 1;
      } else {
        st.addr_open = 0;
      }
    }
    for (; ci < in->ncells; ci++) {
      if (header_cell(p, &st, li, in->cells[ci].b, in->cells[ci].e)) used = 1;
      else if (ci == 0) break; /* a left cell of body text ends the header */
    }
    if (!used) break;
    if (first == (size_t)-1) first = li;
    last = li;
  }
  close_subject(p, &st);
  finish_issuer(p, &st);
  if (st.have_motto) {
    if (!d->national) d->national = vb_new(p, sizeof *d->national);
    if (d->national) {
      d->national->motto = vb_seg_str(p, st.motto_b, st.motto_e);
      d->national->motto_at = vb_seg_span(p, st.motto_b, st.motto_e);
      if (!d->national->kind) d->national->kind = "state";
      if (!d->national->text) d->national->at = d->national->motto_at;
    }
  }
  if (st.naddr) {
    d->addressees = vb_new(p, st.naddr * sizeof *d->addressees);
    if (d->addressees) {
      memcpy(d->addressees, st.addr, st.naddr * sizeof *st.addr);
      d->naddressees = st.naddr;
    }
  }
  /* tên loại: a công văn has a V/v subject and no type line */
  if (!d->doc_type && d->subject) {
    size_t n;
    p->tmp.len = 0;
    vb_fold_str(&p->folder, d->subject->text, strlen(d->subject->text), &p->tmp);
    n = p->tmp.len;
    if (is_vv(p->tmp.data, n)) {
      vb_doc_type *dt = vb_new(p, sizeof *dt);
      if (dt) {
        dt->code = "cong-van";
        dt->at = d->subject->at;
        d->doc_type = dt;
      }
    }
  }
  if (first != (size_t)-1) {
    d->header.line = (int)first + 1;
    d->header.end_line = (int)last + 1;
  }
  d->body.line = (int)li + 1; /* provisional; body.c refines */
  vb_buf_free(&st.subj_text);
}
