/* footer.c: where the body ends, the Nơi nhận list and the signature.
 *
 * Both blocks sit side by side on paper (Nơi nhận left, signature right)
 * and arrive in any order once flattened: as separate cells, one after the
 * other, or run together on one line ("- Như trên, PHÓ BÍ THƯ"). Each cell
 * is routed to the recipients or the signature stream by what it looks
 * like; the signature is then read in order: authority lines, title, name. */
#include <string.h>

#include "../parse/internal.h"

#define MAX_SIG 24
#define MAX_RCPT 64

typedef struct seg {
  size_t b, e;
} seg;

typedef struct fstate {
  seg sig[MAX_SIG];
  size_t nsig;
  vb_textline rcpt[MAX_RCPT];
  size_t nrcpt;
  int rcpt_open; /* last recipient may continue */
} fstate;

static const char *const surnames[] = {
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "tong", "dinh", "luong", "lo", "ha", "mai", "trinh", "dao",
    "cao", "lam", "ta", "chu", "vuong", "quach", "trieu", "thai", "luu", "kieu", "to", "giang",
    "sung", "vang", "lu", "tong", "quang", "lai", "nong", "hua", "khong", "la", "doan", "van",
    "tang", "au", "mac", "thach", "kim", "bach", "dam", "diep", "nghiem", "ong", "tao", "han",
    NULL};

static int is_surname(const char *f, size_t n) {
  for (int i = 0; surnames[i]; i++)
    if (strlen(surnames[i]) == n && !memcmp(f, surnames[i], n)) return 1;
  return 0;
}

/* Authority prefix at the start of folded f: its folded length, or 0. */
static size_t authority_prefix(const char *f, size_t n) {
  static const char *const pre[] = {"t/m", "k/t", "t/l", "tuq.", "tuq", "tm.", "kt.", "tl.", "q.",
                                    "tm", "kt", "tl", NULL};
  for (int i = 0; pre[i]; i++) {
    size_t k = strlen(pre[i]);
    if (n > k + 1 && !memcmp(f, pre[i], k)) {
      char c = f[k];
      if (c == ' ' || (pre[i][k - 1] == '.' && c >= 'a' && c <= 'z')) return k;
    }
  }
  return 0;
}

/* A person's name: 2–6 capitalised words of letters, no digits, no final
 * punctuation; a known surname makes an all-caps line a name too. */
static int name_like(vb_parser *p, size_t b, size_t e) {
  vb_cell c = vb_seg_cell(p, b, e);
  size_t n;
  const char *f = vb_cell_fold(p, &c, &n);
  if (n < 4 || n > 48) return 0;
  size_t words = 0;
  for (size_t i = 0; i < n; i++) {
    char ch = f[i];
    if (!((ch >= 'a' && ch <= 'z') || ch == ' ')) return 0;
    if (ch != ' ' && (i == 0 || f[i - 1] == ' ')) words++;
  }
  if (words < 2 || words > 6) return 0;
  size_t w = 0;
  while (w < n && f[w] != ' ') w++;
  int up = vb_seg_upper_pct(p, c.b, c.e);
  if (is_surname(f, w)) return 1;
  if (up >= 90) return 0;
  /* every word capitalised */
  const char *s = p->text.nfc.data;
  size_t i = c.b;
  int at_start = 1;
  while (i < c.e) {
    uint32_t cp;
    size_t k = vb_utf8_next(s + i, c.e - i, &cp);
    if (cp == ' ') at_start = 1;
    else if (at_start) {
      if (vb_seg_starts_case(p, i, i + k) != 1) return 0;
      at_start = 0;
    }
    i += k;
  }
  return 1;
}

static int title_like(vb_parser *p, size_t b, size_t e) {
  vb_cell c = vb_seg_cell(p, b, e);
  size_t n;
  const char *f = vb_cell_fold(p, &c, &n);
  if (!n || n > 80) return 0;
  if (f[n - 1] == ':' || f[n - 1] == ';' || f[n - 1] == ',') return 0;
  return vb_seg_upper_pct(p, c.b, c.e) >= 70 && vb_seg_letters(p, c.b, c.e) >= 2;
}

static int noi_nhan(const char *f, size_t n, size_t *after) {
  size_t i = 0;
  while (i < n && f[i] != ' ') i++;
  if (!vb_fold_tok_ocr(f, i, "noi") && !(i == 3 && f[0] == 'n' && f[2] == 'i')) return 0;
  size_t j = i + 1;
  if (j >= n) return 0;
  size_t k = j;
  while (k < n && f[k] >= 'a' && f[k] <= 'z') k++;
  if (!vb_fold_tok_ocr(f + j, k - j, "nhan")) return 0;
  while (k < n && (f[k] == ' ' || f[k] == ':')) k++;
  *after = k;
  return 1;
}

/* A line that may belong to a signature block (used to find where it
 * starts when there is no Nơi nhận, or when it precedes Nơi nhận). */
static int sig_line(vb_parser *p, size_t li) {
  const vb_lineinfo *in = &p->info[li];
  if (in->blank || in->noise) return 2;
  for (size_t ci = 0; ci < in->ncells; ci++) {
    const vb_cell *c = &in->cells[ci];
    size_t n;
    const char *f = vb_cell_fold(p, c, &n);
    if (authority_prefix(f, n)) continue;
    if (title_like(p, c->b, c->e) && n <= 60) continue;
    if (name_like(p, c->b, c->e)) continue;
    if (n && f[0] == '(') continue; /* (Đã ký), (ký tên, đóng dấu) */
    return 0;
  }
  return 1;
}

static void sig_push(fstate *st, size_t b, size_t e) {
  if (st->nsig < MAX_SIG && e > b) {
    st->sig[st->nsig].b = b;
    st->sig[st->nsig].e = e;
    st->nsig++;
  }
}

static void rcpt_push(vb_parser *p, fstate *st, size_t b, size_t e, int cont) {
  vb_cell c = vb_seg_cell(p, b, e);
  if (c.e <= c.b) return;
  if (cont && st->nrcpt) {
    vb_textline *r = &st->rcpt[st->nrcpt - 1];
    p->tmp2.len = 0;
    vb_buf_adds(&p->tmp2, r->text);
    vb_buf_addc(&p->tmp2, ' ');
    vb_buf_adds(&p->tmp2, vb_seg_str(p, c.b, c.e));
    r->text = vb_strdup(p, p->tmp2.data, p->tmp2.len);
    vb_span s = vb_seg_span(p, c.b, c.e);
    r->at.end_line = s.end_line;
    r->at.end_column = s.end_column;
  } else if (st->nrcpt < MAX_RCPT) {
    st->rcpt[st->nrcpt].text = vb_seg_str(p, c.b, c.e);
    st->rcpt[st->nrcpt].at = vb_seg_span(p, c.b, c.e);
    st->nrcpt++;
  }
  char last = p->text.fold.data[c.fe - 1];
  st->rcpt_open = last != '.';
}

/* A recipient item that may have the right column run onto it: "- Như
 * trên, PHÓ BÍ THƯ". Split after a list mark when what follows is not
 * list text (mostly capitals, no closing mark). */
static void rcpt_item(vb_parser *p, fstate *st, size_t e, size_t dash_end) {
  vb_cell c = vb_seg_cell(p, dash_end, e);
  const char *f = p->text.fold.data + c.fb;
  size_t n = c.fe - c.fb;
  for (size_t i = 0; i + 2 < n; i++) {
    if (!(f[i] == ',' || f[i] == ';' || f[i] == '.') || f[i + 1] != ' ') continue;
    size_t rb = vb_seg_nfc_at(p, c.fb + i + 2);
    vb_cell r = vb_seg_cell(p, rb, c.e);
    size_t rn;
    const char *rf = vb_cell_fold(p, &r, &rn);
    if (!rn) continue;
    char last = rf[rn - 1];
    if (last == ',' || last == ';' || last == '.' || last == ':' || last == ')') continue;
    if (vb_seg_upper_pct(p, r.b, r.e) < 70 && !authority_prefix(rf, rn)) continue;
    size_t le = vb_seg_nfc_at(p, c.fb + i + 1);
    rcpt_push(p, st, c.b, le, 0);
    st->rcpt_open = 0;
    sig_push(st, r.b, r.e);
    return;
  }
  rcpt_push(p, st, c.b, c.e, 0);
}

static int is_dash_cell(vb_parser *p, const vb_cell *c, size_t *dash_end) {
  const char *s = p->text.nfc.data;
  uint32_t cp;
  size_t k = vb_utf8_next(s + c->b, c->e - c->b, &cp);
  if (cp == '-' || cp == '+' || cp == 0x2013 || cp == 0x2022 || cp == 0x2212) {
    *dash_end = c->b + k;
    return 1;
  }
  return 0;
}

static void parse_signature(vb_parser *p, fstate *st) {
  vb_signature *sg = NULL;
  vb_authority auth[8];
  size_t nauth = 0;
  size_t title_b[4], title_e[4], ntitle = 0;
  size_t first_b = 0, last_e = 0;
  int have = 0;
  for (size_t i = 0; i < st->nsig; i++) {
    vb_cell c = vb_seg_cell(p, st->sig[i].b, st->sig[i].e);
    size_t n;
    const char *f = vb_cell_fold(p, &c, &n);
    if (!n || f[0] == '(' || f[0] == '[') continue; /* (Đã ký) */
    if (vb_fold_starts(f, n, "da ky") || vb_fold_starts(f, n, "ky boi") || vb_fold_starts(f, n, "ky ten"))
      continue;
    size_t pk = authority_prefix(f, n);
    if (pk && !ntitle && nauth < 8) {
      size_t pe = vb_seg_nfc_at(p, c.fb + pk);
      auth[nauth].prefix = vb_seg_str(p, c.b, pe);
      auth[nauth].of = vb_seg_str(p, pe, c.e);
      auth[nauth].at = vb_seg_span(p, c.b, c.e);
      nauth++;
      if (!have) first_b = c.b;
      have = 1;
      last_e = c.e;
      continue;
    }
    /* a lone short token is seal or OCR noise ("SAN"), not a title */
    size_t letters = vb_seg_letters(p, c.b, c.e);
    int one_word = memchr(f, ' ', n) == NULL;
    if ((have || ntitle) && name_like(p, c.b, c.e) &&
        !(vb_seg_upper_pct(p, c.b, c.e) >= 90 && !ntitle)) {
      if (!sg) sg = vb_new(p, sizeof *sg);
      if (!sg) return;
      sg->name = vb_seg_str(p, c.b, c.e);
      sg->name_at = vb_seg_span(p, c.b, c.e);
      last_e = c.e;
      break;
    }
    if (title_like(p, c.b, c.e) && !(one_word && letters <= 3) && ntitle < 4) {
      title_b[ntitle] = c.b;
      title_e[ntitle] = c.e;
      ntitle++;
      if (!have) first_b = c.b;
      have = 1;
      last_e = c.e;
      continue;
    }
  }
  if (!have && !sg) return;
  if (!sg) sg = vb_new(p, sizeof *sg);
  if (!sg) return;
  /* A name typed in capitals: the last title line, when it reads as one. */
  if (!sg->name && ntitle >= 2 && name_like(p, title_b[ntitle - 1], title_e[ntitle - 1])) {
    ntitle--;
    sg->name = vb_seg_str(p, title_b[ntitle], title_e[ntitle]);
    sg->name_at = vb_seg_span(p, title_b[ntitle], title_e[ntitle]);
  }
  if (nauth) {
    sg->authority = vb_new(p, nauth * sizeof *sg->authority);
    if (!sg->authority) return;
    memcpy(sg->authority, auth, nauth * sizeof *auth);
    sg->nauthority = nauth;
  }
  if (ntitle) {
    p->tmp2.len = 0;
    for (size_t k = 0; k < ntitle; k++) {
      if (k) vb_buf_addc(&p->tmp2, ' ');
      vb_buf_adds(&p->tmp2, vb_seg_str(p, title_b[k], title_e[k]));
    }
    sg->title = vb_strdup(p, p->tmp2.data, p->tmp2.len);
    sg->title_at = vb_seg_span(p, title_b[0], title_e[ntitle - 1]);
  }
  if (!have) first_b = st->sig[0].b;
  sg->at = vb_seg_span(p, first_b, last_e > first_b ? last_e : first_b);
  p->doc.signature = sg;
}

void vb_parse_footer(vb_parser *p) {
  vb_doc *d = &p->doc;
  size_t nl = p->text.nlines;
  if (!nl) return;
  /* last meaningful line */
  size_t last = nl;
  while (last > 0 && (p->info[last - 1].blank || p->info[last - 1].noise)) last--;
  if (!last) return;
  /* Nơi nhận anchor: the last line starting with it */
  size_t anchor = (size_t)-1, after = 0;
  for (size_t li = last; li-- > 0;) {
    const vb_lineinfo *in = &p->info[li];
    if (in->blank || !in->ncells) continue;
    size_t n;
    const char *f = vb_cell_fold(p, &in->cells[0], &n);
    if (noi_nhan(f, n, &after)) {
      anchor = li;
      break;
    }
  }
  size_t start;
  if (anchor != (size_t)-1) {
    start = anchor;
    /* a signature block printed before Nơi nhận */
    size_t li = anchor, found = (size_t)-1;
    while (li > 0) {
      int s = sig_line(p, li - 1);
      if (!s) break;
      li--;
      if (s == 1) found = li;
    }
    if (found != (size_t)-1 && found > 0) {
      /* only when the body before it is finished */
      size_t b = found;
      while (b > 0 && p->info[b - 1].blank) b--;
      if (b == 0 || vb_seg_ends_sentence(p, b - 1)) start = found;
    }
  } else {
    /* no Nơi nhận: the trailing run of signature-like lines */
    size_t li = last, found = (size_t)-1;
    int titles = 0;
    while (li > 0) {
      int s = sig_line(p, li - 1);
      if (!s) break;
      li--;
      if (s == 1) {
        found = li;
        titles++;
      }
    }
    if (found == (size_t)-1 || titles > 10) return;
    size_t b = found;
    while (b > 0 && p->info[b - 1].blank) b--;
    if (b > 0 && !vb_seg_ends_sentence(p, b - 1)) {
      /* a body line running into capitals is not a signature */
      if (titles < 2) return;
    }
    if (found == 0) return;
    start = found;
  }
  fstate st;
  memset(&st, 0, sizeof st);
  vb_recipients *rc = NULL;
  for (size_t li = start; li < last; li++) {
    vb_lineinfo *in = &p->info[li];
    if (in->blank || in->noise) continue;
    for (size_t ci = 0; ci < in->ncells; ci++) {
      vb_cell c = in->cells[ci];
      size_t n, dash_end, rest;
      const char *f = vb_cell_fold(p, &c, &n);
      if (!rc && noi_nhan(f, n, &rest)) {
        rc = vb_new(p, sizeof *rc);
        if (!rc) return;
        size_t re = rest < n ? vb_seg_nfc_at(p, c.fb + rest) : c.e;
        rc->at = vb_seg_span(p, c.b, re);
        if (rest < n) {
          vb_cell r = vb_seg_cell(p, re, c.e);
          if (is_dash_cell(p, &r, &dash_end)) rcpt_item(p, &st, r.e, dash_end);
          else if (vb_seg_upper_pct(p, r.b, r.e) >= 70 || authority_prefix(p->text.fold.data + r.fb, r.fe - r.fb))
            sig_push(&st, r.b, r.e);
          else rcpt_push(p, &st, r.b, r.e, 0);
        }
        st.rcpt_open = 0;
        continue;
      }
      if (rc && is_dash_cell(p, &c, &dash_end) && (ci == 0 || !st.nsig)) {
        rcpt_item(p, &st, c.e, dash_end);
        continue;
      }
      if (rc && st.nrcpt && f[0] == '(' && ci > 0) {
        rcpt_push(p, &st, c.b, c.e, 1); /* "(để b/c)" pushed right by spaces */
        continue;
      }
      if (rc && st.rcpt_open && ci == 0 && in->ncells > 1 && vb_seg_starts_case(p, c.b, c.e) < 0) {
        rcpt_push(p, &st, c.b, c.e, 1);
        continue;
      }
      if (rc && st.rcpt_open && ci == 0 && in->ncells == 1 && in->indent < 20 &&
          vb_seg_starts_case(p, c.b, c.e) < 0) {
        rcpt_push(p, &st, c.b, c.e, 1);
        continue;
      }
      sig_push(&st, c.b, c.e);
    }
  }
  if (rc) {
    if (st.nrcpt) {
      rc->items = vb_new(p, st.nrcpt * sizeof *rc->items);
      if (!rc->items) return;
      for (size_t i = 0; i < st.nrcpt; i++) {
        rc->items[i] = st.rcpt[i];
        size_t fl = 0;
        p->tmp.len = 0;
        vb_fold_str(&p->folder, st.rcpt[i].text, strlen(st.rcpt[i].text), &p->tmp);
        fl = p->tmp.len;
        if (fl >= 3 && p->tmp.data[0] == 'l' && p->tmp.data[1] == 'u' &&
            (p->tmp.data[2] == 'u' || p->tmp.data[2] == ':' || p->tmp.data[2] == ' '))
          rc->archive = &rc->items[i];
      }
      rc->nitems = st.nrcpt;
    }
    d->recipients = rc;
  }
  parse_signature(p, &st);
  d->footer.line = (int)start + 1;
  d->footer.end_line = (int)last;
}
