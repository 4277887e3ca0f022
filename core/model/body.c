/* body.c: body paragraphs and the item tree.
 *
 * Hard-wrapped lines are joined into paragraphs. A line joins the one
 * before unless it starts an item, or the one before closed a sentence and
 * a paragraph break is visible (a blank gap wider than the document's
 * usual one, or a short last line). Hyphens at a line end join without a
 * space ("Covid-" + "19" -> "Covid-19") and take precedence over item
 * labels, so "19. Tham dự" after "Covid-" is not item 19. */
#include <stdlib.h>
#include <string.h>

#include "../parse/internal.h"

typedef struct para {
  size_t off, end;       /* in p->ptext */
  const char *kind;      /* label kind or NULL */
  size_t lab_b, lab_e;   /* label NFC range */
  long num;
} para;

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

static int put(vb_parser *p, char c, size_t nfc) {
  if (p->ptext.len + 1 >= p->pmap_cap) {
    size_t cap = p->pmap_cap ? p->pmap_cap * 2 : 8192;
    while (cap <= p->ptext.len + 1) cap *= 2;
    uint32_t *m = realloc(p->pmap, cap * sizeof *m);
    if (!m) return -1;
    p->pmap = m;
    p->pmap_cap = cap;
  }
  p->pmap[p->ptext.len] = (uint32_t)nfc;
  return vb_buf_addc(&p->ptext, c);
}

/* Append NFC [b, e) to the paragraph text: whitespace collapsed, Markdown
 * emphasis removed. */
static void append(vb_parser *p, size_t b, size_t e, int space_first) {
  const char *s = p->text.nfc.data;
  int space = space_first;
  for (size_t i = b; i < e; i++) {
    char c = s[i];
    if (is_ws(c) || ((unsigned char)c == 0xC2 && i + 1 < e && (unsigned char)s[i + 1] == 0xA0)) {
      if ((unsigned char)c == 0xC2) i++;
      space = 1;
      continue;
    }
    if ((c == '*' && i + 1 < e && s[i + 1] == '*') || (c == '_' && i + 1 < e && s[i + 1] == '_')) {
      i++;
      continue;
    }
    if (p->markup && (c == '*' || (c == '_' && !(i + 1 < e && s[i + 1] == '_') && !(i > b && s[i - 1] == '_'))))
      continue;
    if (space && p->ptext.len && p->ptext.data[p->ptext.len - 1] != '\0') {
      if (put(p, ' ', i)) p->failed = 1;
    }
    space = 0;
    if (put(p, c, i)) p->failed = 1;
  }
}

vb_span vb_para_span(const vb_parser *p, size_t a, size_t z) {
  size_t b = p->pmap[a];
  size_t e = z > a ? p->pmap[z - 1] + 1 : b;
  /* extend e to the end of its code point */
  const char *s = p->text.nfc.data;
  while (e < p->text.nfc.len && ((unsigned char)s[e] & 0xC0) == 0x80) e++;
  return vb_seg_span(p, b, e);
}

static char last_char(const vb_parser *p) {
  return p->ptext.len ? p->ptext.data[p->ptext.len - 1] : 0;
}

/* Is the paragraph text so far closed by a sentence mark? */
static int para_closed(const vb_parser *p, size_t off) {
  size_t n = p->ptext.len;
  while (n > off && (p->ptext.data[n - 1] == ' ' || p->ptext.data[n - 1] == '*')) n--;
  if (n == off) return 1;
  char c = p->ptext.data[n - 1];
  if ((c == ')' || c == '"') && n - 1 > off) c = p->ptext.data[n - 2];
  return strchr(".:;!?", c) != NULL;
}

static int ends_list_mark(const vb_parser *p, size_t off) {
  size_t n = p->ptext.len;
  if (n == off) return 1;
  char c = p->ptext.data[n - 1];
  return strchr(".:;,!?", c) != NULL;
}

/* Give item it the text accumulated in grow (see the continuation
 * paragraphs in the item loop). */
static void flush_text(vb_parser *p, vb_item *it, const vb_buf *grow) {
  if (it && grow->len) it->text = vb_strdup(p, grow->data, grow->len);
}

static vb_item *new_item(vb_parser *p, const para *pa, int level) {
  vb_item *it = vb_new(p, sizeof *it);
  if (!it) return NULL;
  it->label = vb_seg_str(p, pa->lab_b, pa->lab_e);
  it->kind = pa->kind;
  it->level = level;
  return it;
}

static void add_child(vb_parser *p, vb_item *parent, vb_item *child) {
  if (parent->nchildren == parent->cap) {
    size_t cap = parent->cap ? parent->cap * 2 : 4;
    vb_item **c = vb_new(p, cap * sizeof *c);
    if (!c) return;
    if (parent->nchildren) memcpy(c, parent->children, parent->nchildren * sizeof *c);
    parent->children = c;
    parent->cap = cap;
  }
  parent->children[parent->nchildren++] = child;
}

void vb_parse_body(vb_parser *p) {
  vb_doc *d = &p->doc;
  size_t nl = p->text.nlines;
  size_t from = d->body.line ? (size_t)d->body.line - 1 : 0;
  size_t to = d->footer.line ? (size_t)d->footer.line - 1 : nl;
  p->ptext.len = 0;
  if (from >= to) {
    d->body.line = 0;
    return;
  }
  int para_gap = p->typical_gap + 1;
  /* usual width of a wrapped line, to spot the short last line of a
   * paragraph in text without blank lines */
  size_t widths[64], nw = 0;
  for (size_t li = from; li < to && nw < 64; li++)
    if (!p->info[li].blank && p->text.lines[li].flen > 20) widths[nw++] = p->text.lines[li].flen;
  size_t width = 0;
  for (size_t i = 0; i < nw; i++)
    if (widths[i] > width) width = widths[i];
  para *paras = NULL;
  size_t np = 0, cap = 0;
  long last_num = 0;
  size_t first_line = (size_t)-1, last_line = 0;
  size_t prev_li = 0;
  for (size_t li = from; li < to; li++) {
    vb_lineinfo *in = &p->info[li];
    if (in->blank || !in->ncells || in->noise) continue;
    size_t b = in->cells[0].b, e = in->cells[in->ncells - 1].e;
    size_t lb = 0, le = 0;
    long num = 0;
    const char *kind = vb_seg_label(p, li, &lb, &le, &num);
    int start = np == 0;
    int join_tight = 0;
    if (!start) {
      para *cur = &paras[np - 1];
      char lc = last_char(p);
      size_t n = p->ptext.len;
      int hyphen = lc == '-' && n >= 2 && p->ptext.data[n - 2] != ' ';
      int closed = para_closed(p, cur->off);
      int lower = vb_seg_starts_case(p, b, e) < 0;
      if (hyphen) {
        join_tight = 1;
        kind = NULL;
      } else if (kind) {
        int ok;
        if (!strcmp(kind, "number"))
          ok = closed || in->gap >= para_gap || num == last_num + 1 || num == 1;
        else if (!strcmp(kind, "dash") || !strcmp(kind, "plus"))
          ok = ends_list_mark(p, cur->off) || in->gap >= para_gap;
        else
          ok = closed || in->gap >= para_gap;
        if (ok) start = 1;
        else kind = NULL;
      } else if (in->gap >= para_gap) {
        start = closed || !lower;
        if (!closed && (lc == ',' || lc == ';')) start = 0;
        if (!closed && lower) start = 0;
      } else {
        size_t plen = p->text.lines[prev_li].flen;
        start = closed && !lower && width && plen * 4 < width * 3 && in->gap == 0 && !p->long_lines;
        if (closed && p->long_lines && !lower) start = 1;
      }
    }
    if (start) {
      if (np == cap) {
        size_t nc = cap ? cap * 2 : 32;
        para *x = realloc(paras, nc * sizeof *x);
        if (!x) {
          p->failed = 1;
          free(paras);
          return;
        }
        paras = x;
        cap = nc;
      }
      if (np) {
        paras[np - 1].end = p->ptext.len;
        if (put(p, '\0', p->ptext.len ? p->pmap[p->ptext.len - 1] : 0)) p->failed = 1;
      }
      para *pa = &paras[np++];
      memset(pa, 0, sizeof *pa);
      pa->off = p->ptext.len;
      pa->kind = kind;
      if (kind) {
        pa->lab_b = lb;
        pa->lab_e = le;
        pa->num = num;
        if (!strcmp(kind, "number")) last_num = num;
        append(p, le, e, 0);
      } else {
        append(p, b, e, 0);
      }
    } else {
      append(p, b, e, !join_tight);
    }
    if (first_line == (size_t)-1) first_line = li;
    last_line = li;
    prev_li = li;
  }
  if (np) paras[np - 1].end = p->ptext.len;
  if (put(p, '\0', 0)) p->failed = 1;
  if (p->failed || !np) {
    free(paras);
    d->body.line = 0;
    return;
  }
  d->body.line = (int)first_line + 1;
  d->body.end_line = (int)last_line + 1;
  /* model paragraphs and the item tree */
  const char *base = vb_strdup(p, p->ptext.data, p->ptext.len);
  d->paragraphs = vb_new(p, np * sizeof *d->paragraphs);
  if (!d->paragraphs) {
    free(paras);
    return;
  }
  d->nparagraphs = np;
  size_t last_labeled = (size_t)-1;
  for (size_t i = 0; i < np; i++)
    if (paras[i].kind) last_labeled = i;
  vb_item *stack[16];
  const char *kinds[16];
  size_t depth = 0;
  vb_item **top = NULL;
  size_t ntop = 0, topcap = 0;
  vb_item *growing = NULL; /* the item whose text is being extended in grow */
  vb_buf grow;
  vb_buf_init(&grow);
  for (size_t i = 0; i < np; i++) {
    para *pa = &paras[i];
    vb_paragraph *mp = &d->paragraphs[i];
    mp->text = base + pa->off;
    mp->at = vb_para_span(p, pa->off, pa->end);
    if (pa->kind) mp->at = vb_seg_span(p, pa->lab_b, p->pmap[pa->end ? pa->end - 1 : 0] + 1);
    if (pa->kind) {
      size_t k = depth;
      while (k > 0 && strcmp(kinds[k - 1], pa->kind)) k--;
      if (k > 0) depth = k - 1; /* sibling of the same kind */
      vb_item *it = new_item(p, pa, (int)depth + 1);
      if (!it) break;
      it->text = mp->text;
      it->at = mp->at;
      if (depth == 0) {
        if (ntop == topcap) {
          size_t nc = topcap ? topcap * 2 : 16;
          vb_item **t = vb_new(p, nc * sizeof *t);
          if (!t) break;
          if (ntop) memcpy(t, top, ntop * sizeof *t);
          top = t;
          topcap = nc;
        }
        top[ntop++] = it;
      } else {
        add_child(p, stack[depth - 1], it);
      }
      if (depth < 16) {
        stack[depth] = it;
        kinds[depth] = pa->kind;
        depth++;
      }
      mp->item = it;
    } else if (depth && i < last_labeled) {
      /* a further paragraph of the open item. Its text grows in `grow`
       * and is copied into the arena once, when another item starts
       * growing or at the end: copying the whole text again for every
       * paragraph was quadratic, and 5 000 short paragraphs under one
       * item (a 200 KB file) ran the arena out of memory. */
      vb_item *it = stack[depth - 1];
      if (it != growing) {
        flush_text(p, growing, &grow);
        growing = it;
        grow.len = 0;
        if (vb_buf_adds(&grow, it->text)) p->failed = 1;
      }
      if (vb_buf_addc(&grow, '\n') || vb_buf_adds(&grow, mp->text)) p->failed = 1;
      for (size_t k = 0; k < depth; k++) {
        stack[k]->at.end_line = mp->at.end_line;
        stack[k]->at.end_column = mp->at.end_column;
      }
      mp->item = it;
    } else if (depth && i > last_labeled) {
      depth = 0; /* closing paragraphs belong to no item */
    }
    if (pa->kind && depth > 1) {
      for (size_t k = 0; k + 1 < depth; k++) {
        if (stack[k]->at.end_line < mp->at.end_line) {
          stack[k]->at.end_line = mp->at.end_line;
          stack[k]->at.end_column = mp->at.end_column;
        }
      }
    }
  }
  flush_text(p, growing, &grow);
  vb_buf_free(&grow);
  d->items = top;
  d->nitems = ntop;
  /* remember paragraph offsets for the reference scanner */
  if (np > p->para_cap) {
    size_t *po = realloc(p->para_off, np * 2 * sizeof *po);
    if (!po) {
      p->failed = 1;
      free(paras);
      return;
    }
    p->para_off = po;
    p->para_cap = np;
  }
  for (size_t i = 0; i < np; i++) {
    p->para_off[2 * i] = paras[i].off;
    p->para_off[2 * i + 1] = paras[i].end;
  }
  free(paras);
}
