/* docx.c: .docx packages into text, run formatting and page set-up; see
 * docx.h for what is read and the limits.
 *
 * libzip opens the package from memory; expat parses each part with
 * handlers that keep an explicit, bounded element stack (no recursion on
 * XML depth). Parts are read in dependency order: package relationships
 * (which part is the main document), the document's relationships
 * (styles, numbering, theme), the theme (major/minor fonts), numbering,
 * styles, then the document itself. */
#include "docx.h"

#include <expat.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <zip.h>

/* ---- limits and names ----------------------------------------------------- */

#define NS_SEP '\x01'
#define MAX_DEPTH 256     /* deeper elements are ignored */
#define MAX_TABLES 16     /* nested tables tracked; deeper ones read as plain cells */
#define MAX_COLS 64       /* cells per row kept apart; more run into the last one */
#define MAX_CHAIN 32      /* basedOn links followed */
#define MAX_PATH_LEN 256
#define BOMB_MIN ((size_t)8 * 1024 * 1024)

static const char *const W_NS[] = {"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                   "http://purl.oclc.org/ooxml/wordprocessingml/main", NULL};
static const char *const A_NS[] = {"http://schemas.openxmlformats.org/drawingml/2006/main",
                                   "http://purl.oclc.org/ooxml/drawingml/main", NULL};
static const char *const MC_NS[] = {"http://schemas.openxmlformats.org/markup-compatibility/2006", NULL};
static const char *const REL_NS[] = {"http://schemas.openxmlformats.org/package/2006/relationships", NULL};

/* Elements the handlers act on; everything else is T_OTHER. */
enum tag {
  T_OTHER = 0, T_SKIP, T_BODY, T_P, T_PPR, T_PSTYLE, T_JC, T_NUMPR, T_ILVL, T_NUMID, T_SECTPR,
  T_PGSZ, T_PGMAR, T_R, T_RPR, T_RSTYLE, T_RFONTS, T_SZ, T_B, T_I, T_U, T_CAPS, T_VANISH, T_T,
  T_TAB, T_BR, T_CR, T_NBHYPH, T_TBL, T_TBLPR, T_TBLSTYLE, T_TR, T_TC, T_STYLE, T_BASEDON,
  T_RPRDEFAULT, T_PPRDEFAULT, T_ABSNUM, T_LVL, T_START, T_NUMFMT, T_LVLTEXT, T_SUFF, T_NUM,
  T_ABSNUMID, T_LVLOVERRIDE, T_STARTOVERRIDE, T_MAJOR, T_MINOR, T_LATIN, T_REL
};

static const struct {
  const char *name;
  unsigned char tag;
} W_TAGS[] = {
    {"body", T_BODY}, {"p", T_P}, {"pPr", T_PPR}, {"pStyle", T_PSTYLE}, {"jc", T_JC},
    {"numPr", T_NUMPR}, {"ilvl", T_ILVL}, {"numId", T_NUMID}, {"sectPr", T_SECTPR},
    {"pgSz", T_PGSZ}, {"pgMar", T_PGMAR}, {"r", T_R}, {"rPr", T_RPR}, {"rStyle", T_RSTYLE},
    {"rFonts", T_RFONTS}, {"sz", T_SZ}, {"b", T_B}, {"i", T_I}, {"u", T_U}, {"caps", T_CAPS},
    {"vanish", T_VANISH}, {"t", T_T}, {"tab", T_TAB}, {"ptab", T_TAB}, {"br", T_BR}, {"cr", T_CR},
    {"noBreakHyphen", T_NBHYPH}, {"tbl", T_TBL}, {"tblPr", T_TBLPR}, {"tblStyle", T_TBLSTYLE},
    {"tr", T_TR}, {"tc", T_TC}, {"style", T_STYLE}, {"basedOn", T_BASEDON},
    {"rPrDefault", T_RPRDEFAULT}, {"pPrDefault", T_PPRDEFAULT}, {"abstractNum", T_ABSNUM},
    {"lvl", T_LVL}, {"start", T_START}, {"numFmt", T_NUMFMT}, {"lvlText", T_LVLTEXT},
    {"suff", T_SUFF}, {"num", T_NUM}, {"abstractNumId", T_ABSNUMID}, {"lvlOverride", T_LVLOVERRIDE},
    {"startOverride", T_STARTOVERRIDE},
    /* never displayed, or displayed elsewhere: skipped with their content */
    {"txbxContent", T_SKIP}, {"del", T_SKIP}, {"moveFrom", T_SKIP}, {"tblStylePr", T_SKIP},
    {"instrText", T_SKIP}, {"delText", T_SKIP}, {"footnoteReference", T_SKIP},
    {NULL, 0}};

/* ---- string map ------------------------------------------------------------ */

/* Open-addressing map from byte strings (kept in its own pool) to ints. */
typedef struct sm_ent {
  size_t off, len;
  uint32_t hash;
  int value;
} sm_ent;

typedef struct strmap {
  size_t *slot; /* entry index + 1; 0 = empty */
  size_t cap;   /* power of two, or 0 */
  sm_ent *ent;
  size_t n, ent_cap;
  vb_buf pool;
} strmap;

static uint32_t fnv(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static void sm_clear(strmap *m) {
  if (m->cap) memset(m->slot, 0, m->cap * sizeof *m->slot);
  m->n = 0;
  m->pool.len = 0;
}

static void sm_free(strmap *m) {
  free(m->slot);
  free(m->ent);
  vb_buf_free(&m->pool);
  memset(m, 0, sizeof *m);
}

/* The value of key s, or -1. */
static int sm_get(const strmap *m, const char *s, size_t n) {
  if (!m->cap) return -1;
  uint32_t h = fnv(s, n);
  for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
    size_t k = m->slot[i];
    if (!k) return -1;
    const sm_ent *e = &m->ent[k - 1];
    if (e->hash == h && e->len == n && !memcmp(m->pool.data + e->off, s, n)) return e->value;
  }
}

/* Add key s (not present) with value v. 0, or -1 when out of memory. */
static int sm_put(strmap *m, const char *s, size_t n, int v) {
  if ((m->n + 1) * 2 > m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 64;
    size_t *ns = calloc(cap, sizeof *ns);
    if (!ns) return -1;
    for (size_t j = 0; j < m->n; j++) {
      size_t i = m->ent[j].hash & (cap - 1);
      while (ns[i]) i = (i + 1) & (cap - 1);
      ns[i] = j + 1;
    }
    free(m->slot);
    m->slot = ns;
    m->cap = cap;
  }
  if (m->n == m->ent_cap) {
    size_t cap = m->ent_cap ? m->ent_cap * 2 : 64;
    sm_ent *ne = realloc(m->ent, cap * sizeof *ne);
    if (!ne) return -1;
    m->ent = ne;
    m->ent_cap = cap;
  }
  sm_ent *e = &m->ent[m->n];
  e->off = m->pool.len;
  e->len = n;
  e->hash = fnv(s, n);
  e->value = v;
  if (vb_buf_add(&m->pool, s, n)) return -1;
  size_t i = e->hash & (m->cap - 1);
  while (m->slot[i]) i = (i + 1) & (m->cap - 1);
  m->slot[i] = ++m->n;
  return 0;
}

/* Grow array *p of elem-sized items to hold n; 0 or -1. */
static int grow(void **p, size_t *cap, size_t n, size_t elem) {
  if (n <= *cap) return 0;
  size_t c = *cap ? *cap : 16;
  while (c < n) {
    if (c > SIZE_MAX / 2 / elem) return -1;
    c *= 2;
  }
  void *q = realloc(*p, c * elem);
  if (!q) return -1;
  *p = q;
  *cap = c;
  return 0;
}

/* ---- formatting properties ---------------------------------------------- */

enum { RP_ASCII = 1, RP_HANSI = 2, RP_ASCII_TH = 4, RP_HANSI_TH = 8, RP_SZ = 16, RP_B = 32,
       RP_I = 64, RP_U = 128, RP_CAPS = 256, RP_VANISH = 512 };
enum { PP_JC = 1, PP_NUM = 2, PP_ILVL = 4 };

/* Run properties as written at one level (has = which are set). */
typedef struct rprops {
  unsigned has;
  uint32_t ascii, hansi;     /* font index + 1 */
  uint8_t ascii_th, hansi_th; /* 1 major, 2 minor theme font */
  uint16_t sz;
  uint8_t b, i, u, caps, vanish;
} rprops;

/* Paragraph properties as written at one level. */
typedef struct pprops {
  unsigned has;
  uint8_t jc;
  int num; /* numbering instance index; -2 = numbering removed (numId 0) */
  int ilvl;
} pprops;

/* Resolved run formatting. */
typedef struct rfmt {
  uint32_t ascii, hansi;
  uint16_t sz;
  uint8_t b, i, u, caps, vanish;
} rfmt;

typedef struct style {
  int type;       /* 1 paragraph, 2 character, 3 table, 0 other */
  int based_on;   /* style index, -1 none */
  size_t base_off, base_len; /* basedOn name in names; base_len 0 = none */
  rprops rp, mrp; /* own, and merged along basedOn */
  pprops pp, mpp;
  int state;      /* 0 unmerged, 1 merging, 2 merged */
} style;

typedef struct numlvl {
  int start;
  uint8_t fmt; /* NF_* */
  uint8_t suff; /* 0 tab, 1 space, 2 nothing */
  size_t text_off, text_len;
  int has_text;
} numlvl;

enum { NF_DECIMAL, NF_DECIMAL_ZERO, NF_LOWER_LETTER, NF_UPPER_LETTER, NF_LOWER_ROMAN,
       NF_UPPER_ROMAN, NF_BULLET, NF_NONE };

typedef struct absnum {
  numlvl lvl[9];
  long count[9];
  uint8_t used[9];
} absnum;

typedef struct numinst {
  int abs;
  int override[9]; /* startOverride, -1 none */
  uint8_t applied[9];
} numinst;

/* A line being built: text in ptext, runs in pruns (columns relative). */
typedef struct pline {
  size_t text_off, text_len, ncp, run_off, nruns;
  uint8_t align;
} pline;

typedef struct table {
  int style;
  size_t pline0, text0, runs0; /* where the current row started */
  size_t cell0[MAX_COLS];
  size_t ncells;
  int in_row;
} table;

enum { TGT_NONE, TGT_RUN, TGT_DEFAULT, TGT_STYLE, TGT_PARA };

typedef struct reader {
  vb_docx *d;
  vb_error *err;
  vb_status status;
  zip_t *zip;
  size_t budget; /* decompressed bytes still allowed */
  vb_buf part;
  const char *part_name;
  XML_Parser x;
  int dtd;
  int depth, skip;
  unsigned char tags[MAX_DEPTH];
  char doc_path[MAX_PATH_LEN], styles_path[MAX_PATH_LEN], numbering_path[MAX_PATH_LEN],
      theme_path[MAX_PATH_LEN];
  int rel_mode; /* 0 package, 1 document */
  /* fonts */
  strmap fonts;
  uint32_t major_font, minor_font;
  int theme_which;
  /* styles */
  strmap style_ids;
  style *styles;
  size_t nstyles, styles_cap;
  int default_pstyle, default_tstyle;
  rprops def_rp;
  pprops def_pp;
  int cur_style;
  int rp_tgt, pp_tgt; /* TGT_* while inside an rPr / pPr that is read */
  vb_buf names;       /* basedOn names, lvlText */
  /* numbering */
  strmap abs_ids, num_ids;
  absnum *abs;
  size_t nabs, abs_cap;
  numinst *nums;
  size_t nnums, nums_cap;
  int cur_abs, cur_lvl, cur_num, cur_ovr;
  /* document */
  pline *pl;
  size_t npl, pl_cap;
  vb_buf ptext;
  vb_docx_run *pruns;
  size_t npruns, pruns_cap;
  table tbl[MAX_TABLES];
  int ntbl, tbl_over;
  int in_p, p_resolved, p_style;
  pprops p_direct;
  uint8_t p_align;
  int in_r, r_resolved, r_style;
  rprops r_direct;
  rfmt r_fmt;
  int in_t;
  vb_buf tbuf, tmp;
  vb_docx_section sec;
  int in_sect, sect_in_para, sec_pending, tbl_in_sec;
  size_t sec_start;
  /* row zipping scratch */
  vb_buf ztext;
  pline *zpl;
  size_t nzpl, zpl_cap;
  vb_docx_run *zruns;
  size_t nzruns, zruns_cap;
} reader;

/* ---- errors -------------------------------------------------------------- */

static vb_status fail(reader *rd, vb_status code, int reason, const char *detail) {
  if (rd->status != VB_OK) return rd->status; /* keep the first */
  rd->status = code;
  rd->err->code = code;
  rd->err->reason = reason;
  size_t k = detail ? strlen(detail) : 0;
  if (k >= sizeof rd->err->detail) k = sizeof rd->err->detail - 1;
  if (k) memcpy(rd->err->detail, detail, k);
  rd->err->detail[k] = '\0';
  return code;
}

static vb_status nomem(reader *rd) { return fail(rd, VB_ENOMEM, 0, ""); }

/* Stop the XML parser after an error in a handler. */
static void stop(reader *rd) {
  if (rd->x) XML_StopParser(rd->x, XML_FALSE);
}

/* ---- names, attributes --------------------------------------------------- */

/* Local part of an expat NS name ("uri\x01local" or "local"). */
static const char *local_of(const char *name, size_t *urilen) {
  const char *s = strrchr(name, NS_SEP);
  *urilen = s ? (size_t)(s - name) : 0;
  return s ? s + 1 : name;
}

static int ns_in(const char *name, size_t urilen, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == urilen && !memcmp(name, list[i], urilen)) return 1;
  return 0;
}

static unsigned char classify(const char *name) {
  size_t ul;
  const char *loc = local_of(name, &ul);
  if (ns_in(name, ul, W_NS)) {
    for (int i = 0; W_TAGS[i].name; i++)
      if (W_TAGS[i].name[0] == loc[0] && !strcmp(W_TAGS[i].name, loc)) return W_TAGS[i].tag;
    /* tracked formatting changes hold the old formatting */
    size_t n = strlen(loc);
    if (n > 6 && !strcmp(loc + n - 6, "Change")) return T_SKIP;
    return T_OTHER;
  }
  if (ns_in(name, ul, MC_NS)) return strcmp(loc, "Fallback") ? T_OTHER : T_SKIP;
  if (ns_in(name, ul, A_NS)) {
    if (!strcmp(loc, "majorFont")) return T_MAJOR;
    if (!strcmp(loc, "minorFont")) return T_MINOR;
    if (!strcmp(loc, "latin")) return T_LATIN;
    return T_OTHER;
  }
  if (ns_in(name, ul, REL_NS) && !strcmp(loc, "Relationship")) return T_REL;
  return T_OTHER;
}

/* The value of the attribute with local name loc, or NULL. */
static const char *attr(const XML_Char **atts, const char *loc) {
  for (int i = 0; atts[i]; i += 2) {
    size_t ul;
    if (!strcmp(local_of(atts[i], &ul), loc)) return atts[i + 1];
  }
  return NULL;
}

/* ST_OnOff: absent or true/1/on = 1. */
static int on_off(const XML_Char **atts) {
  const char *v = attr(atts, "val");
  if (!v) return 1;
  return !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
}

static long num_attr(const XML_Char **atts, const char *loc, long dflt) {
  const char *v = attr(atts, loc);
  if (!v || !*v) return dflt;
  char *end;
  long n = strtol(v, &end, 10);
  if (*end && *end != '.') return dflt; /* "1440.0" is seen from some writers */
  return n;
}

/* A page dimension or margin in twips, clamped to +-10^7 (176 m): an
 * absurd value ("99999999999999999999" gives LONG_MAX from strtol) would
 * overflow the millimetre conversion and labs(LONG_MIN) is undefined.
 * Word's largest page is 31 680 twips; format/page reports the rest. */
static long twips_attr(const XML_Char **atts, const char *loc) {
  long n = num_attr(atts, loc, 0);
  return n > 10000000L ? 10000000L : n < -10000000L ? -10000000L : n;
}

static int parent_tag(const reader *rd) {
  /* the element just started is tags[depth - 1]; its parent is tags[depth - 2] */
  return rd->depth >= 2 && rd->depth - 2 < MAX_DEPTH ? rd->tags[rd->depth - 2] : T_OTHER;
}

static int grandparent_tag(const reader *rd) {
  return rd->depth >= 3 && rd->depth - 3 < MAX_DEPTH ? rd->tags[rd->depth - 3] : T_OTHER;
}

/* ---- fonts ---------------------------------------------------------------- */

/* Index + 1 of font name s in the document's font table (added when new);
 * 0 for an empty name or when out of memory (rd->status says which). */
static uint32_t intern_font(reader *rd, const char *s) {
  size_t n = strlen(s);
  while (n && s[n - 1] == ' ') n--;
  while (n && *s == ' ') s++, n--;
  if (!n || n > 200) return 0;
  int v = sm_get(&rd->fonts, s, n);
  if (v >= 0) return (uint32_t)v + 1;
  vb_docx *d = rd->d;
  if (grow((void **)&d->fonts, &d->fonts_cap, d->nfonts + 1, sizeof *d->fonts)) {
    nomem(rd);
    return 0;
  }
  vb_docx_font *f = &d->fonts[d->nfonts];
  f->name = d->font_names.len;
  f->chars = 0;
  f->line = 0;
  if (vb_buf_add(&d->font_names, s, n) || vb_buf_addc(&d->font_names, '\0') ||
      sm_put(&rd->fonts, s, n, (int)d->nfonts)) {
    nomem(rd);
    return 0;
  }
  return (uint32_t)++d->nfonts;
}

static uint8_t theme_ref(const char *v) {
  if (!v) return 0;
  if (!strncmp(v, "major", 5)) return 1;
  if (!strncmp(v, "minor", 5)) return 2;
  return 0;
}

/* ---- run and paragraph property elements ---------------------------------- */

static rprops *rp_target(reader *rd) {
  switch (rd->rp_tgt) {
  case TGT_RUN: return &rd->r_direct;
  case TGT_DEFAULT: return &rd->def_rp;
  case TGT_STYLE: return rd->cur_style >= 0 ? &rd->styles[rd->cur_style].rp : NULL;
  default: return NULL;
  }
}

static pprops *pp_target(reader *rd) {
  switch (rd->pp_tgt) {
  case TGT_PARA: return &rd->p_direct;
  case TGT_DEFAULT: return &rd->def_pp;
  case TGT_STYLE: return rd->cur_style >= 0 ? &rd->styles[rd->cur_style].pp : NULL;
  default: return NULL;
  }
}

/* A child of w:rPr. */
static void rpr_elem(reader *rd, rprops *p, int tag, const XML_Char **atts) {
  const char *v;
  switch (tag) {
  case T_RFONTS:
    if ((v = attr(atts, "ascii"))) {
      uint32_t f = intern_font(rd, v);
      if (f) p->ascii = f, p->has |= RP_ASCII;
    }
    if ((v = attr(atts, "hAnsi"))) {
      uint32_t f = intern_font(rd, v);
      if (f) p->hansi = f, p->has |= RP_HANSI;
    }
    if ((p->ascii_th = theme_ref(attr(atts, "asciiTheme")))) p->has |= RP_ASCII_TH;
    if ((p->hansi_th = theme_ref(attr(atts, "hAnsiTheme")))) p->has |= RP_HANSI_TH;
    break;
  case T_SZ: {
    long n = num_attr(atts, "val", 0);
    if (n > 0 && n <= 3276) p->sz = (uint16_t)n, p->has |= RP_SZ;
    break;
  }
  case T_B: p->b = (uint8_t)on_off(atts), p->has |= RP_B; break;
  case T_I: p->i = (uint8_t)on_off(atts), p->has |= RP_I; break;
  case T_CAPS: p->caps = (uint8_t)on_off(atts), p->has |= RP_CAPS; break;
  case T_VANISH: p->vanish = (uint8_t)on_off(atts), p->has |= RP_VANISH; break;
  case T_U:
    v = attr(atts, "val");
    p->u = !(v && !strcmp(v, "none"));
    p->has |= RP_U;
    break;
  default: break;
  }
}

static uint8_t jc_of(const char *v) {
  if (!v) return VB_ALIGN_LEFT;
  if (!strcmp(v, "center")) return VB_ALIGN_CENTER;
  if (!strcmp(v, "right") || !strcmp(v, "end")) return VB_ALIGN_RIGHT;
  if (!strcmp(v, "both") || !strcmp(v, "distribute") || !strncmp(v, "thai", 4) ||
      !strcmp(v, "lowKashida") || !strcmp(v, "mediumKashida") || !strcmp(v, "highKashida"))
    return VB_ALIGN_JUSTIFY;
  return VB_ALIGN_LEFT;
}

/* A child of w:pPr (jc), or of its w:numPr (ilvl, numId). */
static void ppr_elem(reader *rd, pprops *p, int tag, int parent, const XML_Char **atts) {
  if (tag == T_JC && parent == T_PPR) {
    p->jc = jc_of(attr(atts, "val"));
    p->has |= PP_JC;
  } else if (tag == T_ILVL && parent == T_NUMPR) {
    long n = num_attr(atts, "val", 0);
    p->ilvl = n >= 0 && n < 9 ? (int)n : 0;
    p->has |= PP_ILVL;
  } else if (tag == T_NUMID && parent == T_NUMPR) {
    const char *v = attr(atts, "val");
    if (v && !strcmp(v, "0")) p->num = -2;
    else p->num = v ? sm_get(&rd->num_ids, v, strlen(v)) : -1;
    p->has |= PP_NUM;
  }
}

static void merge_rp(rprops *dst, const rprops *src) {
  if (src->has & RP_ASCII) dst->ascii = src->ascii;
  if (src->has & RP_HANSI) dst->hansi = src->hansi;
  if (src->has & RP_ASCII_TH) dst->ascii_th = src->ascii_th;
  if (src->has & RP_HANSI_TH) dst->hansi_th = src->hansi_th;
  if (src->has & RP_SZ) dst->sz = src->sz;
  if (src->has & RP_B) dst->b = src->b;
  if (src->has & RP_I) dst->i = src->i;
  if (src->has & RP_U) dst->u = src->u;
  if (src->has & RP_CAPS) dst->caps = src->caps;
  if (src->has & RP_VANISH) dst->vanish = src->vanish;
  dst->has |= src->has;
}

static void merge_pp(pprops *dst, const pprops *src) {
  if (src->has & PP_JC) dst->jc = src->jc;
  if (src->has & PP_NUM) dst->num = src->num;
  if (src->has & PP_ILVL) dst->ilvl = src->ilvl;
  dst->has |= src->has;
}

/* Merge style idx along its basedOn chain (iterative, bounded). */
static const style *merged_style(reader *rd, int idx) {
  if (idx < 0 || (size_t)idx >= rd->nstyles) return NULL;
  style *s = &rd->styles[idx];
  if (s->state == 2) return s;
  int chain[MAX_CHAIN];
  int n = 0;
  for (int k = idx; k >= 0 && n < MAX_CHAIN; k = rd->styles[k].based_on) {
    int seen = 0;
    for (int j = 0; j < n; j++) seen |= chain[j] == k;
    if (seen) break; /* a cycle */
    chain[n++] = k;
    if (rd->styles[k].state == 2) break;
  }
  rprops rp;
  pprops pp;
  memset(&rp, 0, sizeof rp);
  memset(&pp, 0, sizeof pp);
  for (int j = n - 1; j >= 0; j--) {
    const style *c = &rd->styles[chain[j]];
    if (c->state == 2) {
      rp = c->mrp;
      pp = c->mpp;
    } else {
      merge_rp(&rp, &c->rp);
      merge_pp(&pp, &c->pp);
    }
  }
  s->mrp = rp;
  s->mpp = pp;
  s->state = 2;
  return s;
}

/* Apply one level's properties; toggles XOR between style levels. */
static void apply_rp(const reader *rd, rfmt *o, const rprops *p, int toggle) {
  if (p->has & RP_ASCII_TH && (p->ascii_th == 1 ? rd->major_font : rd->minor_font))
    o->ascii = p->ascii_th == 1 ? rd->major_font : rd->minor_font;
  else if (p->has & RP_ASCII) o->ascii = p->ascii;
  if (p->has & RP_HANSI_TH && (p->hansi_th == 1 ? rd->major_font : rd->minor_font))
    o->hansi = p->hansi_th == 1 ? rd->major_font : rd->minor_font;
  else if (p->has & RP_HANSI) o->hansi = p->hansi;
  if (p->has & RP_SZ) o->sz = p->sz;
  if (p->has & RP_U) o->u = p->u;
  if (p->has & RP_VANISH) o->vanish = p->vanish;
  if (toggle) {
    if (p->has & RP_B) o->b ^= p->b;
    if (p->has & RP_I) o->i ^= p->i;
    if (p->has & RP_CAPS) o->caps ^= p->caps;
  } else {
    if (p->has & RP_B) o->b = p->b;
    if (p->has & RP_I) o->i = p->i;
    if (p->has & RP_CAPS) o->caps = p->caps;
  }
}

static int table_style(const reader *rd) {
  if (!rd->ntbl) return -1;
  int s = rd->tbl[rd->ntbl - 1].style;
  return s >= 0 ? s : rd->default_tstyle;
}

static void resolve_run(reader *rd) {
  rfmt o;
  memset(&o, 0, sizeof o);
  apply_rp(rd, &o, &rd->def_rp, 0);
  const style *s = merged_style(rd, table_style(rd));
  if (s) apply_rp(rd, &o, &s->mrp, 1);
  if ((s = merged_style(rd, rd->p_style))) apply_rp(rd, &o, &s->mrp, 1);
  if ((s = merged_style(rd, rd->r_style))) apply_rp(rd, &o, &s->mrp, 1);
  apply_rp(rd, &o, &rd->r_direct, 0);
  rd->r_fmt = o;
  rd->r_resolved = 1;
}

/* ---- building lines -------------------------------------------------------- */

static size_t count_cp(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
}

static int begin_line(reader *rd, uint8_t align) {
  if (grow((void **)&rd->pl, &rd->pl_cap, rd->npl + 1, sizeof *rd->pl)) return nomem(rd), -1;
  pline *l = &rd->pl[rd->npl++];
  l->text_off = rd->ptext.len;
  l->text_len = l->ncp = 0;
  l->run_off = rd->npruns;
  l->nruns = 0;
  l->align = align;
  return 0;
}

/* Append text to the open line, with a run of format f (NULL: no run). */
static int add_text(reader *rd, const char *s, size_t n, const vb_docx_run *f) {
  if (!rd->npl && begin_line(rd, VB_ALIGN_LEFT)) return -1;
  pline *l = &rd->pl[rd->npl - 1];
  if (rd->ptext.len + n > VB_MAX_INPUT) return fail(rd, VB_ETOOBIG, 0, ""), -1;
  size_t cps = count_cp(s, n);
  if (f && cps) {
    vb_docx_run *prev = l->nruns ? &rd->pruns[rd->npruns - 1] : NULL;
    if (prev && prev->end == l->ncp && prev->font == f->font && prev->half_pt == f->half_pt &&
        prev->flags == f->flags && prev->align == f->align) {
      prev->end += (uint32_t)cps;
    } else {
      if (grow((void **)&rd->pruns, &rd->pruns_cap, rd->npruns + 1, sizeof *rd->pruns)) return nomem(rd), -1;
      vb_docx_run *r = &rd->pruns[rd->npruns++];
      *r = *f;
      r->line = 0;
      r->col = (uint32_t)l->ncp;
      r->end = (uint32_t)(l->ncp + cps);
      l->nruns++;
    }
  }
  if (vb_buf_add(&rd->ptext, s, n)) return nomem(rd), -1;
  l->text_len += n;
  l->ncp += cps;
  return 0;
}

/* ---- numbering labels ------------------------------------------------------- */

static void put_roman(vb_buf *b, long n, int upper) {
  static const struct { int v; const char *s; } R[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
      {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
  for (int i = 0; i < 13; i++)
    while (n >= R[i].v) {
      for (const char *c = R[i].s; *c; c++) vb_buf_addc(b, upper ? (char)(*c - 32) : *c);
      n -= R[i].v;
    }
}

static void put_number(vb_buf *b, long n, int fmt) {
  if (n < 0) n = 0;
  switch (fmt) {
  case NF_DECIMAL_ZERO: vb_buf_printf(b, "%02ld", n); break;
  case NF_LOWER_LETTER:
  case NF_UPPER_LETTER:
    if (n >= 1 && n <= 780) {
      char c = (char)((fmt == NF_LOWER_LETTER ? 'a' : 'A') + (n - 1) % 26);
      for (long k = 0; k <= (n - 1) / 26; k++) vb_buf_addc(b, c);
    } else {
      vb_buf_printf(b, "%ld", n);
    }
    break;
  case NF_LOWER_ROMAN:
  case NF_UPPER_ROMAN:
    if (n >= 1 && n < 4000) put_roman(b, n, fmt == NF_UPPER_ROMAN);
    else vb_buf_printf(b, "%ld", n);
    break;
  case NF_NONE: break;
  default: vb_buf_printf(b, "%ld", n);
  }
}

/* A bullet as the segmenter knows it: keep dashes, plus and the bullet,
 * turn symbol-font glyphs and the rest into "•". */
static void put_bullet(vb_buf *b, const char *s, size_t n) {
  if (n == 0) return;
  uint32_t cp;
  size_t k = vb_utf8_next(s, n, &cp);
  if (k == n && (cp == '-' || cp == '+' || cp == 0x2013 || cp == 0x2014 || cp == 0x2022 ||
                 cp == 0x2212 || cp == '*'))
    vb_buf_add(b, s, n);
  else
    vb_buf_adds(b, "\xE2\x80\xA2");
}

/* The label of a numbered paragraph into rd->tmp (emptied first); advances
 * the list's counters. */
static void make_label(reader *rd, int num, int ilvl) {
  rd->tmp.len = 0;
  if (num < 0 || (size_t)num >= rd->nnums || ilvl < 0 || ilvl > 8) return;
  numinst *ni = &rd->nums[num];
  if (ni->abs < 0 || (size_t)ni->abs >= rd->nabs) return;
  absnum *a = &rd->abs[ni->abs];
  if (ni->override[ilvl] >= 0 && !ni->applied[ilvl]) {
    a->count[ilvl] = ni->override[ilvl];
    ni->applied[ilvl] = 1;
  } else if (!a->used[ilvl]) {
    a->count[ilvl] = a->lvl[ilvl].start;
  } else if (a->count[ilvl] < 1000000) {
    a->count[ilvl]++;
  }
  a->used[ilvl] = 1;
  for (int k = ilvl + 1; k < 9; k++) a->used[k] = 0;
  const numlvl *lv = &a->lvl[ilvl];
  if (lv->fmt == NF_NONE) return;
  if (!lv->has_text) {
    put_number(&rd->tmp, a->count[ilvl], lv->fmt);
    vb_buf_addc(&rd->tmp, '.');
  } else if (lv->fmt == NF_BULLET) {
    put_bullet(&rd->tmp, rd->names.data + lv->text_off, lv->text_len);
  } else {
    const char *t = rd->names.data + lv->text_off;
    for (size_t i = 0; i < lv->text_len && rd->tmp.len < 64; i++) {
      if (t[i] == '%' && i + 1 < lv->text_len && t[i + 1] >= '1' && t[i + 1] <= '9') {
        int k = t[i + 1] - '1';
        long v = a->used[k] ? a->count[k] : a->lvl[k].start;
        put_number(&rd->tmp, v, a->lvl[k].fmt == NF_BULLET ? NF_DECIMAL : a->lvl[k].fmt);
        i++;
      } else {
        vb_buf_addc(&rd->tmp, t[i]);
      }
    }
  }
  if (rd->tmp.len && lv->suff != 2) vb_buf_addc(&rd->tmp, ' ');
}

/* Paragraph properties are known once w:pPr is over: alignment, label. */
static void resolve_para(reader *rd) {
  if (rd->p_resolved) return;
  rd->p_resolved = 1;
  pprops pp = rd->def_pp;
  const style *s = merged_style(rd, table_style(rd));
  if (s) merge_pp(&pp, &s->mpp);
  if ((s = merged_style(rd, rd->p_style))) merge_pp(&pp, &s->mpp);
  merge_pp(&pp, &rd->p_direct);
  rd->p_align = pp.has & PP_JC ? pp.jc : VB_ALIGN_LEFT;
  if (rd->npl) rd->pl[rd->npl - 1].align = rd->p_align;
  if (pp.has & PP_NUM && pp.num >= 0) {
    make_label(rd, pp.num, pp.has & PP_ILVL ? pp.ilvl : 0);
    if (rd->tmp.len) add_text(rd, rd->tmp.data, rd->tmp.len, NULL);
  }
}

/* ---- text of a w:t ------------------------------------------------------------ */

static int has_combining(const char *s, size_t n) {
  for (size_t i = 0; i + 1 < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xCC || (c == 0xCD && (unsigned char)s[i + 1] <= 0xAF)) return 1;
  }
  return 0;
}

/* The run record for text of the current run; wide: it has non-ASCII
 * characters, which Word sets in the hAnsi font. */
static void run_format(const reader *rd, int wide, vb_docx_run *f) {
  const rfmt *o = &rd->r_fmt;
  memset(f, 0, sizeof *f);
  f->font = wide ? (o->hansi ? o->hansi : o->ascii) : (o->ascii ? o->ascii : o->hansi);
  f->half_pt = o->sz;
  f->flags = (uint8_t)((o->b ? VB_DOCX_BOLD : 0) | (o->i ? VB_DOCX_ITALIC : 0) |
                       (o->u ? VB_DOCX_UNDERLINE : 0) | (o->caps ? VB_DOCX_CAPS : 0));
  f->align = rd->p_align;
}

static void flush_text(reader *rd) {
  vb_buf *t = &rd->tbuf;
  if (!t->len) return;
  if (!rd->r_resolved) resolve_run(rd);
  if (rd->r_fmt.vanish) {
    t->len = 0;
    return;
  }
  /* a literal line end inside w:t would move every later line */
  for (size_t i = 0; i < t->len; i++)
    if (t->data[i] == '\n' || t->data[i] == '\r') t->data[i] = ' ';
  const char *s = t->data;
  size_t n = t->len;
  utf8proc_uint8_t *nfc = NULL;
  if (has_combining(s, n)) {
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (m >= 0 && nfc) {
      s = (const char *)nfc;
      n = (size_t)m;
    }
  }
  if (rd->r_fmt.caps) {
    rd->tmp.len = 0;
    for (size_t i = 0; i < n;) {
      uint32_t cp;
      i += vb_utf8_next(s + i, n - i, &cp);
      utf8proc_uint8_t enc[4];
      utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_toupper((utf8proc_int32_t)cp), enc);
      if (vb_buf_add(&rd->tmp, enc, (size_t)k)) {
        free(nfc);
        nomem(rd);
        return;
      }
    }
    s = rd->tmp.data;
    n = rd->tmp.len;
  }
  int wide = 0;
  for (size_t i = 0; i < n && !wide; i++) wide = (unsigned char)s[i] >= 0x80;
  vb_docx_run f;
  run_format(rd, wide, &f);
  add_text(rd, s, n, &f);
  free(nfc);
  t->len = 0;
}

/* Tabs and hyphens inside a run. */
static void run_char(reader *rd, const char *s) {
  if (!rd->r_resolved) resolve_run(rd);
  if (rd->r_fmt.vanish) return;
  vb_docx_run f;
  run_format(rd, 0, &f);
  add_text(rd, s, strlen(s), &f);
}

/* ---- tables ------------------------------------------------------------------- */

static int zline_begin(reader *rd) {
  if (grow((void **)&rd->zpl, &rd->zpl_cap, rd->nzpl + 1, sizeof *rd->zpl)) return -1;
  pline *z = &rd->zpl[rd->nzpl++];
  z->text_off = rd->ztext.len;
  z->text_len = z->ncp = 0;
  z->run_off = rd->nzruns;
  z->nruns = 0;
  z->align = VB_ALIGN_LEFT;
  return 0;
}

/* Zip the cells of the row that just ended into lines "a | b". */
static void end_row(reader *rd) {
  table *tb = &rd->tbl[rd->ntbl - 1];
  tb->in_row = 0;
  size_t nc = tb->ncells;
  if (nc < 2) return;
  size_t first[MAX_COLS], count[MAX_COLS], lines = 0;
  for (size_t i = 0; i < nc; i++) {
    first[i] = tb->cell0[i];
    size_t end = i + 1 < nc ? tb->cell0[i + 1] : rd->npl;
    count[i] = end - first[i];
    if (count[i] > lines) lines = count[i];
  }
  rd->ztext.len = 0;
  rd->nzpl = rd->nzruns = 0;
  for (size_t j = 0; j < lines; j++) {
    if (zline_begin(rd)) return (void)nomem(rd);
    int any = 0;
    for (size_t i = 0; i < nc; i++)
      if (j < count[i] && rd->pl[first[i] + j].text_len) any = 1;
    if (!any) continue;
    pline *z = &rd->zpl[rd->nzpl - 1];
    int aligned = 0;
    for (size_t i = 0; i < nc; i++) {
      if (i) {
        if (vb_buf_adds(&rd->ztext, " | ")) return (void)nomem(rd);
        z->text_len += 3;
        z->ncp += 3;
      }
      if (j >= count[i]) continue;
      const pline *src = &rd->pl[first[i] + j];
      if (!aligned && src->text_len) z->align = src->align, aligned = 1;
      if (vb_buf_add(&rd->ztext, rd->ptext.data + src->text_off, src->text_len)) return (void)nomem(rd);
      if (grow((void **)&rd->zruns, &rd->zruns_cap, rd->nzruns + src->nruns, sizeof *rd->zruns))
        return (void)nomem(rd);
      for (size_t k = 0; k < src->nruns; k++) {
        vb_docx_run r = rd->pruns[src->run_off + k];
        r.col += (uint32_t)z->ncp;
        r.end += (uint32_t)z->ncp;
        r.cell = (uint8_t)(i < 255 ? i : 255);
        rd->zruns[rd->nzruns++] = r;
        z->nruns++;
      }
      z->text_len += src->text_len;
      z->ncp += src->ncp;
    }
  }
  /* replace the row's lines with the zipped ones */
  rd->npl = tb->pline0;
  rd->ptext.len = tb->text0;
  rd->npruns = tb->runs0;
  if (rd->ptext.len + rd->ztext.len > VB_MAX_INPUT) return (void)fail(rd, VB_ETOOBIG, 0, "");
  if (grow((void **)&rd->pl, &rd->pl_cap, rd->npl + rd->nzpl, sizeof *rd->pl) ||
      grow((void **)&rd->pruns, &rd->pruns_cap, rd->npruns + rd->nzruns, sizeof *rd->pruns) ||
      vb_buf_reserve(&rd->ptext, rd->ztext.len))
    return (void)nomem(rd);
  for (size_t j = 0; j < rd->nzpl; j++) {
    pline l = rd->zpl[j];
    l.text_off = rd->ptext.len + l.text_off;
    l.run_off = rd->npruns + l.run_off;
    rd->pl[rd->npl++] = l;
  }
  memcpy(rd->ptext.data + rd->ptext.len, rd->ztext.data, rd->ztext.len);
  rd->ptext.len += rd->ztext.len;
  memcpy(rd->pruns + rd->npruns, rd->zruns, rd->nzruns * sizeof *rd->zruns);
  rd->npruns += rd->nzruns;
}

/* ---- the document part ---------------------------------------------------------- */

static void XMLCALL doc_start(void *ud, const XML_Char *name, const XML_Char **atts) {
  reader *rd = ud;
  rd->depth++;
  if (rd->skip) return;
  if (rd->depth > MAX_DEPTH) {
    rd->skip = rd->depth;
    return;
  }
  int tag = classify(name);
  rd->tags[rd->depth - 1] = (unsigned char)tag;
  int parent = parent_tag(rd);
  if (tag == T_SKIP || (tag == T_RPR && parent == T_PPR)) {
    rd->skip = rd->depth;
    return;
  }
  if (rd->in_p && !rd->p_resolved && parent == T_P && tag != T_PPR) resolve_para(rd);
  if (rd->rp_tgt && parent == T_RPR) {
    rprops *p = rp_target(rd);
    if (tag == T_RSTYLE) {
      const char *v = attr(atts, "val");
      rd->r_style = v ? sm_get(&rd->style_ids, v, strlen(v)) : -1;
    } else if (p) {
      rpr_elem(rd, p, tag, atts);
    }
    return;
  }
  if (rd->pp_tgt && (parent == T_PPR || parent == T_NUMPR)) {
    if (tag == T_PSTYLE && parent == T_PPR) {
      const char *v = attr(atts, "val");
      int s = v ? sm_get(&rd->style_ids, v, strlen(v)) : -1;
      if (s >= 0) rd->p_style = s;
    } else if (tag != T_SECTPR) {
      ppr_elem(rd, &rd->p_direct, tag, parent, atts);
      return;
    }
  }
  if (rd->in_sect && parent == T_SECTPR) {
    if (tag == T_PGSZ) {
      rd->sec.has_size = 1;
      rd->sec.width = labs(twips_attr(atts, "w"));
      rd->sec.height = labs(twips_attr(atts, "h"));
      const char *o = attr(atts, "orient");
      rd->sec.landscape = o && !strcmp(o, "landscape");
    } else if (tag == T_PGMAR) {
      rd->sec.has_margins = 1;
      rd->sec.top = labs(twips_attr(atts, "top"));
      rd->sec.bottom = labs(twips_attr(atts, "bottom"));
      rd->sec.left = labs(twips_attr(atts, "left"));
      rd->sec.right = labs(twips_attr(atts, "right"));
    }
    return;
  }
  switch (tag) {
  case T_P:
    rd->in_p = 1;
    rd->p_resolved = 0;
    rd->p_style = rd->default_pstyle;
    memset(&rd->p_direct, 0, sizeof rd->p_direct);
    rd->p_direct.num = -1;
    rd->p_align = VB_ALIGN_LEFT;
    begin_line(rd, VB_ALIGN_LEFT);
    break;
  case T_PPR:
    if (parent == T_P) rd->pp_tgt = TGT_PARA;
    break;
  case T_R:
    rd->in_r = 1;
    rd->r_resolved = 0;
    rd->r_style = -1;
    memset(&rd->r_direct, 0, sizeof rd->r_direct);
    break;
  case T_RPR:
    if (parent == T_R) rd->rp_tgt = TGT_RUN;
    break;
  case T_T:
    if (rd->in_r && parent == T_R) rd->in_t = 1;
    break;
  case T_TAB:
    if (rd->in_r && parent == T_R) run_char(rd, "\t");
    break;
  case T_NBHYPH:
    if (rd->in_r && parent == T_R) run_char(rd, "-");
    break;
  case T_BR:
  case T_CR:
    if (rd->in_r && parent == T_R) {
      const char *ty = tag == T_BR ? attr(atts, "type") : NULL;
      if (!ty || !strcmp(ty, "textWrapping")) begin_line(rd, rd->p_align);
    }
    break;
  case T_SECTPR:
    rd->in_sect = 1;
    rd->sect_in_para = parent == T_PPR;
    memset(&rd->sec, 0, sizeof rd->sec);
    break;
  case T_TBL:
    rd->tbl_in_sec = 1;
    if (rd->ntbl < MAX_TABLES) {
      table *tb = &rd->tbl[rd->ntbl++];
      tb->style = -1;
      tb->in_row = 0;
      tb->ncells = 0;
    } else {
      rd->tbl_over++;
    }
    break;
  case T_TBLSTYLE:
    if (parent == T_TBLPR && grandparent_tag(rd) == T_TBL && !rd->tbl_over && rd->ntbl) {
      const char *v = attr(atts, "val");
      rd->tbl[rd->ntbl - 1].style = v ? sm_get(&rd->style_ids, v, strlen(v)) : -1;
    }
    break;
  case T_TR:
    if (!rd->tbl_over && rd->ntbl) {
      table *tb = &rd->tbl[rd->ntbl - 1];
      tb->in_row = 1;
      tb->ncells = 0;
      tb->pline0 = rd->npl;
      tb->text0 = rd->ptext.len;
      tb->runs0 = rd->npruns;
    }
    break;
  case T_TC:
    if (!rd->tbl_over && rd->ntbl) {
      table *tb = &rd->tbl[rd->ntbl - 1];
      if (tb->in_row && tb->ncells < MAX_COLS) tb->cell0[tb->ncells++] = rd->npl;
    }
    break;
  default: break;
  }
  if (rd->status != VB_OK) stop(rd);
}

static void record_section(reader *rd) {
  vb_docx *d = rd->d;
  if (grow((void **)&d->sections, &d->sections_cap, d->nsections + 1, sizeof *d->sections)) {
    nomem(rd);
    return;
  }
  rd->sec.line = rd->sec_start;
  rd->sec.has_table = rd->tbl_in_sec;
  d->sections[d->nsections++] = rd->sec;
  rd->tbl_in_sec = 0;
}

static void XMLCALL doc_end(void *ud, const XML_Char *name) {
  (void)name;
  reader *rd = ud;
  if (rd->skip) {
    if (rd->depth == rd->skip) rd->skip = 0;
    rd->depth--;
    return;
  }
  int tag = rd->tags[rd->depth - 1];
  int parent = parent_tag(rd);
  switch (tag) {
  case T_P:
    resolve_para(rd);
    rd->in_p = 0;
    if (rd->sec_pending) {
      rd->sec_start = rd->npl;
      rd->sec_pending = 0;
    }
    break;
  case T_PPR:
    if (parent == T_P) {
      rd->pp_tgt = TGT_NONE;
      resolve_para(rd);
    }
    break;
  case T_RPR:
    if (parent == T_R) rd->rp_tgt = TGT_NONE;
    break;
  case T_R: rd->in_r = 0; break;
  case T_T:
    if (rd->in_t) {
      flush_text(rd);
      rd->in_t = 0;
    }
    break;
  case T_SECTPR:
    if (rd->in_sect) {
      record_section(rd);
      if (rd->sect_in_para) rd->sec_pending = 1;
      rd->in_sect = 0;
    }
    break;
  case T_TR:
    if (!rd->tbl_over && rd->ntbl && rd->tbl[rd->ntbl - 1].in_row) end_row(rd);
    break;
  case T_TBL:
    if (rd->tbl_over) rd->tbl_over--;
    else if (rd->ntbl) rd->ntbl--;
    break;
  default: break;
  }
  rd->depth--;
  if (rd->status != VB_OK) stop(rd);
}

static void XMLCALL doc_text(void *ud, const XML_Char *s, int len) {
  reader *rd = ud;
  if (!rd->in_t || rd->skip || len <= 0) return;
  if (rd->tbuf.len + (size_t)len > VB_MAX_INPUT) {
    fail(rd, VB_ETOOBIG, 0, "");
    stop(rd);
    return;
  }
  if (vb_buf_add(&rd->tbuf, s, (size_t)len)) {
    nomem(rd);
    stop(rd);
  }
}

/* ---- styles ------------------------------------------------------------------ */

static void XMLCALL styles_start(void *ud, const XML_Char *name, const XML_Char **atts) {
  reader *rd = ud;
  rd->depth++;
  if (rd->skip) return;
  if (rd->depth > MAX_DEPTH) {
    rd->skip = rd->depth;
    return;
  }
  int tag = classify(name);
  rd->tags[rd->depth - 1] = (unsigned char)tag;
  int parent = parent_tag(rd);
  if (tag == T_SKIP) {
    rd->skip = rd->depth;
    return;
  }
  if (rd->rp_tgt && parent == T_RPR) {
    rprops *p = rp_target(rd);
    if (p) rpr_elem(rd, p, tag, atts);
    return;
  }
  if (rd->pp_tgt && (parent == T_PPR || parent == T_NUMPR)) {
    pprops *p = pp_target(rd);
    if (p) ppr_elem(rd, p, tag, parent, atts);
    return;
  }
  switch (tag) {
  case T_RPR:
    if (parent == T_RPRDEFAULT) rd->rp_tgt = TGT_DEFAULT;
    else if (parent == T_STYLE && rd->cur_style >= 0) rd->rp_tgt = TGT_STYLE;
    else rd->skip = rd->depth;
    break;
  case T_PPR:
    if (parent == T_PPRDEFAULT) rd->pp_tgt = TGT_DEFAULT;
    else if (parent == T_STYLE && rd->cur_style >= 0) rd->pp_tgt = TGT_STYLE;
    else rd->skip = rd->depth;
    break;
  case T_STYLE: {
    const char *id = attr(atts, "styleId");
    const char *ty = attr(atts, "type");
    rd->cur_style = -1;
    if (!id || sm_get(&rd->style_ids, id, strlen(id)) >= 0) break; /* the first definition wins */
    if (grow((void **)&rd->styles, &rd->styles_cap, rd->nstyles + 1, sizeof *rd->styles)) {
      nomem(rd);
      break;
    }
    style *s = &rd->styles[rd->nstyles];
    memset(s, 0, sizeof *s);
    s->based_on = -1;
    s->pp.num = -1;
    s->type = !ty ? 1 : !strcmp(ty, "paragraph") ? 1 : !strcmp(ty, "character") ? 2 : !strcmp(ty, "table") ? 3 : 0;
    if (sm_put(&rd->style_ids, id, strlen(id), (int)rd->nstyles)) {
      nomem(rd);
      break;
    }
    rd->cur_style = (int)rd->nstyles++;
    const char *def = attr(atts, "default");
    if (def && (!strcmp(def, "1") || !strcmp(def, "true") || !strcmp(def, "on"))) {
      if (s->type == 1 && rd->default_pstyle < 0) rd->default_pstyle = rd->cur_style;
      if (s->type == 3 && rd->default_tstyle < 0) rd->default_tstyle = rd->cur_style;
    }
    break;
  }
  case T_BASEDON:
    if (parent == T_STYLE && rd->cur_style >= 0) {
      const char *v = attr(atts, "val");
      style *s = &rd->styles[rd->cur_style];
      if (v && *v) {
        s->base_off = rd->names.len;
        s->base_len = strlen(v);
        if (vb_buf_add(&rd->names, v, s->base_len)) nomem(rd);
      }
    }
    break;
  default: break;
  }
  if (rd->status != VB_OK) stop(rd);
}

static void XMLCALL styles_end(void *ud, const XML_Char *name) {
  (void)name;
  reader *rd = ud;
  if (rd->skip) {
    if (rd->depth == rd->skip) rd->skip = 0;
    rd->depth--;
    return;
  }
  int tag = rd->tags[rd->depth - 1];
  if (tag == T_RPR) rd->rp_tgt = TGT_NONE;
  else if (tag == T_PPR) rd->pp_tgt = TGT_NONE;
  else if (tag == T_STYLE) rd->cur_style = -1;
  rd->depth--;
}

/* ---- numbering ---------------------------------------------------------------- */

static uint8_t numfmt_of(const char *v) {
  if (!v) return NF_DECIMAL;
  if (!strcmp(v, "decimalZero")) return NF_DECIMAL_ZERO;
  if (!strcmp(v, "lowerLetter")) return NF_LOWER_LETTER;
  if (!strcmp(v, "upperLetter")) return NF_UPPER_LETTER;
  if (!strcmp(v, "lowerRoman")) return NF_LOWER_ROMAN;
  if (!strcmp(v, "upperRoman")) return NF_UPPER_ROMAN;
  if (!strcmp(v, "bullet")) return NF_BULLET;
  if (!strcmp(v, "none")) return NF_NONE;
  return NF_DECIMAL;
}

static void XMLCALL num_start(void *ud, const XML_Char *name, const XML_Char **atts) {
  reader *rd = ud;
  rd->depth++;
  if (rd->skip) return;
  if (rd->depth > MAX_DEPTH) {
    rd->skip = rd->depth;
    return;
  }
  int tag = classify(name);
  rd->tags[rd->depth - 1] = (unsigned char)tag;
  int parent = parent_tag(rd);
  if (tag == T_SKIP || tag == T_PPR || tag == T_RPR || (tag == T_LVL && parent == T_LVLOVERRIDE)) {
    rd->skip = rd->depth;
    return;
  }
  const char *v;
  switch (tag) {
  case T_ABSNUM:
    rd->cur_abs = -1;
    v = attr(atts, "abstractNumId");
    if (!v || sm_get(&rd->abs_ids, v, strlen(v)) >= 0) break;
    if (grow((void **)&rd->abs, &rd->abs_cap, rd->nabs + 1, sizeof *rd->abs) ||
        sm_put(&rd->abs_ids, v, strlen(v), (int)rd->nabs)) {
      nomem(rd);
      break;
    }
    memset(&rd->abs[rd->nabs], 0, sizeof *rd->abs);
    for (int k = 0; k < 9; k++) rd->abs[rd->nabs].lvl[k].start = 1;
    rd->cur_abs = (int)rd->nabs++;
    break;
  case T_LVL: {
    long k = num_attr(atts, "ilvl", -1);
    rd->cur_lvl = parent == T_ABSNUM && rd->cur_abs >= 0 && k >= 0 && k < 9 ? (int)k : -1;
    break;
  }
  case T_START:
  case T_NUMFMT:
  case T_LVLTEXT:
  case T_SUFF:
    if (parent == T_LVL && rd->cur_lvl >= 0) {
      numlvl *lv = &rd->abs[rd->cur_abs].lvl[rd->cur_lvl];
      v = attr(atts, "val");
      if (tag == T_START) {
        long n = num_attr(atts, "val", 1);
        lv->start = n >= 0 && n < 1000000 ? (int)n : 1;
      } else if (tag == T_NUMFMT) {
        lv->fmt = numfmt_of(v);
      } else if (tag == T_SUFF) {
        lv->suff = v && !strcmp(v, "space") ? 1 : v && !strcmp(v, "nothing") ? 2 : 0;
      } else if (v) {
        lv->text_off = rd->names.len;
        lv->text_len = strlen(v) < 64 ? strlen(v) : 64;
        lv->has_text = 1;
        if (vb_buf_add(&rd->names, v, lv->text_len)) nomem(rd);
      }
    }
    break;
  case T_NUM:
    rd->cur_num = -1;
    v = attr(atts, "numId");
    if (!v || sm_get(&rd->num_ids, v, strlen(v)) >= 0) break;
    if (grow((void **)&rd->nums, &rd->nums_cap, rd->nnums + 1, sizeof *rd->nums) ||
        sm_put(&rd->num_ids, v, strlen(v), (int)rd->nnums)) {
      nomem(rd);
      break;
    }
    rd->nums[rd->nnums].abs = -1;
    for (int k = 0; k < 9; k++) {
      rd->nums[rd->nnums].override[k] = -1;
      rd->nums[rd->nnums].applied[k] = 0;
    }
    rd->cur_num = (int)rd->nnums++;
    break;
  case T_ABSNUMID:
    if (parent == T_NUM && rd->cur_num >= 0 && (v = attr(atts, "val")))
      rd->nums[rd->cur_num].abs = sm_get(&rd->abs_ids, v, strlen(v));
    break;
  case T_LVLOVERRIDE: {
    long k = num_attr(atts, "ilvl", -1);
    rd->cur_ovr = parent == T_NUM && rd->cur_num >= 0 && k >= 0 && k < 9 ? (int)k : -1;
    break;
  }
  case T_STARTOVERRIDE:
    if (parent == T_LVLOVERRIDE && rd->cur_ovr >= 0) {
      long n = num_attr(atts, "val", 1);
      rd->nums[rd->cur_num].override[rd->cur_ovr] = n >= 0 && n < 1000000 ? (int)n : 1;
    }
    break;
  default: break;
  }
  if (rd->status != VB_OK) stop(rd);
}

static void XMLCALL num_end(void *ud, const XML_Char *name) {
  (void)name;
  reader *rd = ud;
  if (rd->skip && rd->depth == rd->skip) rd->skip = 0;
  rd->depth--;
}

/* ---- theme and relationships -------------------------------------------------- */

static void XMLCALL theme_start(void *ud, const XML_Char *name, const XML_Char **atts) {
  reader *rd = ud;
  int tag = classify(name);
  if (tag == T_MAJOR) rd->theme_which = 1;
  else if (tag == T_MINOR) rd->theme_which = 2;
  else if (tag == T_LATIN && rd->theme_which) {
    const char *v = attr(atts, "typeface");
    uint32_t f = v ? intern_font(rd, v) : 0;
    if (f && rd->theme_which == 1 && !rd->major_font) rd->major_font = f;
    if (f && rd->theme_which == 2 && !rd->minor_font) rd->minor_font = f;
    if (rd->status != VB_OK) stop(rd);
  }
}

static void XMLCALL theme_end(void *ud, const XML_Char *name) {
  reader *rd = ud;
  int tag = classify(name);
  if (tag == T_MAJOR || tag == T_MINOR) rd->theme_which = 0;
}

/* The part a relationship target names, from the folder of its source
 * part (base, "" for the package): "/word/x.xml", "x.xml", "../x.xml". */
static void resolve_target(const char *base, const char *target, char *out, size_t n) {
  char buf[2 * MAX_PATH_LEN];
  out[0] = '\0';
  if (strlen(target) >= MAX_PATH_LEN) return;
  if (target[0] == '/') snprintf(buf, sizeof buf, "%s", target + 1);
  else snprintf(buf, sizeof buf, "%s%s", base, target);
  /* normalise . and .. segments */
  char *seg[64];
  size_t ns = 0;
  for (char *s = strtok(buf, "/"); s && ns < 64; s = strtok(NULL, "/")) {
    if (!strcmp(s, ".")) continue;
    if (!strcmp(s, "..")) {
      if (ns) ns--;
      continue;
    }
    seg[ns++] = s;
  }
  size_t len = 0;
  for (size_t i = 0; i < ns; i++) {
    size_t k = strlen(seg[i]);
    if (len + k + 2 > n) {
      out[0] = '\0';
      return;
    }
    if (i) out[len++] = '/';
    memcpy(out + len, seg[i], k);
    len += k;
  }
  out[len] = '\0';
}

static int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && !strcmp(s + a - b, suffix);
}

static void XMLCALL rels_start(void *ud, const XML_Char *name, const XML_Char **atts) {
  reader *rd = ud;
  if (classify(name) != T_REL) return;
  const char *type = attr(atts, "Type"), *target = attr(atts, "Target"), *mode = attr(atts, "TargetMode");
  if (!type || !target || (mode && !strcmp(mode, "External"))) return;
  if (rd->rel_mode == 0) {
    if (ends_with(type, "/officeDocument") && !rd->doc_path[0])
      resolve_target("", target, rd->doc_path, sizeof rd->doc_path);
    return;
  }
  char base[MAX_PATH_LEN];
  snprintf(base, sizeof base, "%s", rd->doc_path);
  char *slash = strrchr(base, '/');
  if (slash) slash[1] = '\0';
  else base[0] = '\0';
  char *out = ends_with(type, "/styles") ? rd->styles_path
            : ends_with(type, "/numbering") ? rd->numbering_path
            : ends_with(type, "/theme") ? rd->theme_path : NULL;
  if (out && !out[0]) resolve_target(base, target, out, MAX_PATH_LEN);
}

static void XMLCALL rels_end(void *ud, const XML_Char *name) {
  (void)ud;
  (void)name;
}

/* ---- zip and XML plumbing -------------------------------------------------------- */

static void XMLCALL on_doctype(void *ud, const XML_Char *n, const XML_Char *sys, const XML_Char *pub,
                               int internal) {
  (void)n, (void)sys, (void)pub, (void)internal;
  reader *rd = ud;
  rd->dtd = 1;
  stop(rd);
}

static void XMLCALL on_entity(void *ud, const XML_Char *n, int param, const XML_Char *v, int vlen,
                              const XML_Char *base, const XML_Char *sys, const XML_Char *pub,
                              const XML_Char *notation) {
  (void)n, (void)param, (void)v, (void)vlen, (void)base, (void)sys, (void)pub, (void)notation;
  reader *rd = ud;
  rd->dtd = 1;
  stop(rd);
}

/* Read part name into rd->part. 1 when read, 0 when absent, -1 on error
 * (rd->status set). */
static int read_part(reader *rd, const char *name) {
  rd->part.len = 0;
  if (!name[0]) return 0;
  zip_int64_t idx = zip_name_locate(rd->zip, name, ZIP_FL_NOCASE);
  if (idx < 0) return 0;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(rd->zip, (zip_uint64_t)idx, 0, &st) != 0) {
    fail(rd, VB_EFORMAT, VB_FMTERR_ZIP, zip_strerror(rd->zip));
    return -1;
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    fail(rd, VB_EFORMAT, VB_FMTERR_ENCRYPTED, name);
    return -1;
  }
  size_t size = (st.valid & ZIP_STAT_SIZE) ? (size_t)st.size : 0;
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > rd->budget) {
    fail(rd, VB_EFORMAT, VB_FMTERR_BOMB, name);
    return -1;
  }
  if ((st.valid & ZIP_STAT_COMP_SIZE) && size > BOMB_MIN &&
      size / (st.comp_size ? st.comp_size : 1) > VB_DOCX_MAX_RATIO) {
    fail(rd, VB_EFORMAT, VB_FMTERR_BOMB, name);
    return -1;
  }
  zip_file_t *zf = zip_fopen_index(rd->zip, (zip_uint64_t)idx, 0);
  if (!zf) {
    fail(rd, VB_EFORMAT, VB_FMTERR_ZIP, zip_strerror(rd->zip));
    return -1;
  }
  if (vb_buf_reserve(&rd->part, size + 1)) {
    zip_fclose(zf);
    nomem(rd);
    return -1;
  }
  /* read no more than the stated size (plus one byte to catch a lie); the
   * read after the last byte also makes libzip check the CRC */
  for (;;) {
    size_t want = size + 1 - rd->part.len < 65536 ? size + 1 - rd->part.len : 65536;
    if (vb_buf_reserve(&rd->part, want)) {
      zip_fclose(zf);
      nomem(rd);
      return -1;
    }
    zip_int64_t n = zip_fread(zf, rd->part.data + rd->part.len, want);
    if (n < 0) {
      fail(rd, VB_EFORMAT, VB_FMTERR_ZIP, zip_file_strerror(zf));
      zip_fclose(zf);
      return -1;
    }
    if (n == 0) break;
    rd->part.len += (size_t)n;
    if (rd->part.len > size) {
      zip_fclose(zf);
      fail(rd, VB_EFORMAT, VB_FMTERR_BOMB, name);
      return -1;
    }
  }
  zip_fclose(zf);
  size_t got = rd->part.len;
  if (got != size) {
    fail(rd, VB_EFORMAT, VB_FMTERR_ZIP, name);
    return -1;
  }
  rd->budget -= got;
  return 1;
}

/* Parse rd->part as XML with the given handlers. */
static vb_status parse_xml(reader *rd, const char *name, XML_StartElementHandler s, XML_EndElementHandler e,
                           XML_CharacterDataHandler c) {
  XML_Parser x = XML_ParserCreateNS(NULL, NS_SEP);
  if (!x) return nomem(rd);
  XML_SetUserData(x, rd);
  XML_SetParamEntityParsing(x, XML_PARAM_ENTITY_PARSING_NEVER);
  XML_SetStartDoctypeDeclHandler(x, on_doctype);
  XML_SetEntityDeclHandler(x, on_entity);
  XML_SetElementHandler(x, s, e);
  if (c) XML_SetCharacterDataHandler(x, c);
  rd->x = x;
  rd->dtd = 0;
  rd->depth = rd->skip = 0;
  rd->part_name = name;
  if (rd->part.len > INT_MAX) {
    XML_ParserFree(x);
    rd->x = NULL;
    return fail(rd, VB_EFORMAT, VB_FMTERR_BOMB, name);
  }
  enum XML_Status r = XML_Parse(x, rd->part.data ? rd->part.data : "", (int)rd->part.len, XML_TRUE);
  if (rd->dtd) {
    fail(rd, VB_EFORMAT, VB_FMTERR_DTD, name);
  } else if (rd->status == VB_OK && r != XML_STATUS_OK) {
    char detail[96];
    snprintf(detail, sizeof detail, "%s:%lu: %s", name, (unsigned long)XML_GetCurrentLineNumber(x),
             XML_ErrorString(XML_GetErrorCode(x)));
    fail(rd, VB_EFORMAT, VB_FMTERR_XML, detail);
  }
  XML_ParserFree(x);
  rd->x = NULL;
  return rd->status;
}

/* Read and parse an optional part; VB_OK when absent. */
static vb_status load_part(reader *rd, const char *name, XML_StartElementHandler s, XML_EndElementHandler e,
                           XML_CharacterDataHandler c) {
  int r = read_part(rd, name);
  if (r < 0) return rd->status;
  if (r == 0) return VB_OK;
  return parse_xml(rd, name, s, e, c);
}

/* ---- the reader ---------------------------------------------------------------- */

static void reader_reset(reader *rd) {
  rd->status = VB_OK;
  rd->zip = NULL;
  rd->budget = VB_MAX_PACKAGE;
  rd->x = NULL;
  rd->doc_path[0] = rd->styles_path[0] = rd->numbering_path[0] = rd->theme_path[0] = '\0';
  sm_clear(&rd->fonts);
  sm_clear(&rd->style_ids);
  sm_clear(&rd->abs_ids);
  sm_clear(&rd->num_ids);
  rd->major_font = rd->minor_font = 0;
  rd->theme_which = 0;
  rd->nstyles = 0;
  rd->default_pstyle = rd->default_tstyle = -1;
  memset(&rd->def_rp, 0, sizeof rd->def_rp);
  memset(&rd->def_pp, 0, sizeof rd->def_pp);
  rd->def_pp.num = -1;
  rd->cur_style = -1;
  rd->rp_tgt = rd->pp_tgt = TGT_NONE;
  rd->names.len = 0;
  rd->nabs = rd->nnums = 0;
  rd->cur_abs = rd->cur_lvl = rd->cur_num = rd->cur_ovr = -1;
  rd->npl = 0;
  rd->ptext.len = 0;
  rd->npruns = 0;
  rd->ntbl = rd->tbl_over = 0;
  rd->in_p = rd->in_r = rd->in_t = 0;
  rd->p_resolved = rd->r_resolved = 0;
  rd->p_style = rd->r_style = -1;
  rd->tbuf.len = rd->tmp.len = 0;
  rd->in_sect = rd->sect_in_para = rd->sec_pending = rd->tbl_in_sec = 0;
  rd->sec_start = 0;
}

static void reader_free(reader *rd) {
  if (!rd) return;
  vb_buf_free(&rd->part);
  sm_free(&rd->fonts);
  sm_free(&rd->style_ids);
  sm_free(&rd->abs_ids);
  sm_free(&rd->num_ids);
  free(rd->styles);
  vb_buf_free(&rd->names);
  free(rd->abs);
  free(rd->nums);
  free(rd->pl);
  vb_buf_free(&rd->ptext);
  free(rd->pruns);
  vb_buf_free(&rd->tbuf);
  vb_buf_free(&rd->tmp);
  vb_buf_free(&rd->ztext);
  free(rd->zpl);
  free(rd->zruns);
  free(rd);
}

void vb_docx_init(vb_docx *d) { memset(d, 0, sizeof *d); }

void vb_docx_free(vb_docx *d) {
  vb_buf_free(&d->text);
  free(d->runs);
  free(d->line_run);
  free(d->fonts);
  vb_buf_free(&d->font_names);
  free(d->sections);
  reader_free(d->work);
  memset(d, 0, sizeof *d);
}

const char *vb_docx_font_name(const vb_docx *d, uint32_t font) {
  if (!font || font > d->nfonts) return NULL;
  return d->font_names.data + d->fonts[font - 1].name;
}

/* The lines built become d->text, d->runs and the per-line index. */
static vb_status finish(reader *rd) {
  vb_docx *d = rd->d;
  size_t total = rd->npl + 1;
  for (size_t i = 0; i < rd->npl; i++) total += rd->pl[i].text_len;
  if (total > VB_MAX_INPUT) return fail(rd, VB_ETOOBIG, 0, "");
  /* millions of empty paragraphs compress to almost nothing */
  if (rd->npl > VB_MAX_LINES) return fail(rd, VB_ETOOBIG, VB_TOOBIG_LINES, "");
  if (vb_buf_reserve(&d->text, total + 1) ||
      grow((void **)&d->runs, &d->runs_cap, rd->npruns ? rd->npruns : 1, sizeof *d->runs) ||
      grow((void **)&d->line_run, &d->line_run_cap, rd->npl + 1, sizeof *d->line_run))
    return nomem(rd);
  for (size_t i = 0; i < rd->npl; i++) {
    const pline *l = &rd->pl[i];
    if (i) d->text.data[d->text.len++] = '\n';
    memcpy(d->text.data + d->text.len, rd->ptext.data + l->text_off, l->text_len);
    d->text.len += l->text_len;
    d->line_run[i] = d->nruns;
    for (size_t k = 0; k < l->nruns; k++) {
      vb_docx_run r = rd->pruns[l->run_off + k];
      r.line = (uint32_t)i;
      d->runs[d->nruns++] = r;
      if (r.font) {
        vb_docx_font *f = &d->fonts[r.font - 1];
        if (!f->chars) f->line = i;
        f->chars += r.end - r.col;
      }
    }
  }
  /* a last empty line needs its own line end: text lines end at '\n' and
   * a final '\n' does not start one */
  if (rd->npl && !rd->pl[rd->npl - 1].text_len) d->text.data[d->text.len++] = '\n';
  d->line_run[rd->npl] = d->nruns;
  d->nlines = rd->npl;
  if (vb_buf_cstr(&d->text)) return nomem(rd);
  return VB_OK;
}

static vb_status read_package(reader *rd, const char *bytes, size_t len) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
  if (!src) {
    zip_error_fini(&ze);
    return nomem(rd);
  }
  rd->zip = zip_open_from_source(src, ZIP_RDONLY, &ze);
  if (!rd->zip) {
    zip_source_free(src);
    fail(rd, VB_EFORMAT, VB_FMTERR_ZIP, zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return rd->status;
  }
  zip_error_fini(&ze);
  /* which part is the document, then its styles, numbering and theme */
  rd->rel_mode = 0;
  if (load_part(rd, "_rels/.rels", rels_start, rels_end, NULL)) return rd->status;
  if (!rd->doc_path[0]) snprintf(rd->doc_path, sizeof rd->doc_path, "word/document.xml");
  char rels[MAX_PATH_LEN + 16];
  const char *slash = strrchr(rd->doc_path, '/');
  if (slash)
    snprintf(rels, sizeof rels, "%.*s/_rels/%s.rels", (int)(slash - rd->doc_path), rd->doc_path, slash + 1);
  else
    snprintf(rels, sizeof rels, "_rels/%s.rels", rd->doc_path);
  rd->rel_mode = 1;
  if (load_part(rd, rels, rels_start, rels_end, NULL)) return rd->status;
  if (!rd->styles_path[0]) snprintf(rd->styles_path, MAX_PATH_LEN, "word/styles.xml");
  if (!rd->numbering_path[0]) snprintf(rd->numbering_path, MAX_PATH_LEN, "word/numbering.xml");
  if (!rd->theme_path[0]) snprintf(rd->theme_path, MAX_PATH_LEN, "word/theme/theme1.xml");
  if (load_part(rd, rd->theme_path, theme_start, theme_end, NULL)) return rd->status;
  if (load_part(rd, rd->numbering_path, num_start, num_end, NULL)) return rd->status;
  if (load_part(rd, rd->styles_path, styles_start, styles_end, NULL)) return rd->status;
  for (size_t i = 0; i < rd->nstyles; i++) {
    style *s = &rd->styles[i];
    if (s->base_len) s->based_on = sm_get(&rd->style_ids, rd->names.data + s->base_off, s->base_len);
  }
  int r = read_part(rd, rd->doc_path);
  if (r < 0) return rd->status;
  if (r == 0) return fail(rd, VB_EFORMAT, VB_FMTERR_NODOC, rd->doc_path);
  if (parse_xml(rd, rd->doc_path, doc_start, doc_end, doc_text)) return rd->status;
  return finish(rd);
}

vb_status vb_docx_read(vb_docx *d, const char *bytes, size_t len, vb_error *err) {
  memset(err, 0, sizeof *err);
  d->text.len = 0;
  d->nlines = d->nruns = d->nfonts = d->nsections = 0;
  d->font_names.len = 0;
  vb_status st = vb_docx_sniff_ole(bytes, len, err);
  if (st != VB_OK) return st;
  if (len < 4 || memcmp(bytes, "PK", 2) != 0) {
    err->code = VB_EFORMAT;
    err->reason = VB_FMTERR_ZIP;
    snprintf(err->detail, sizeof err->detail, "%s", len ? "no zip signature" : "empty file");
    return VB_EFORMAT;
  }
  if (!d->work) {
    d->work = calloc(1, sizeof(reader));
    if (!d->work) {
      err->code = VB_ENOMEM;
      return VB_ENOMEM;
    }
  }
  reader *rd = d->work;
  reader_reset(rd);
  rd->d = d;
  rd->err = err;
  st = read_package(rd, bytes, len);
  if (rd->zip) zip_discard(rd->zip);
  rd->zip = NULL;
  if (st != VB_OK) {
    d->text.len = 0;
    d->nlines = d->nruns = d->nsections = 0;
  }
  return st;
}

/* ---- OLE compound files ------------------------------------------------------------ */

/* Is there a directory entry named name (ASCII) at a 128-byte boundary? */
static int ole_has(const unsigned char *s, size_t len, const char *name) {
  size_t n = strlen(name);
  for (size_t k = 512; k + 128 <= len; k += 128) {
    unsigned namelen = s[k + 64] | (unsigned)s[k + 65] << 8;
    if (namelen != 2 * (n + 1)) continue;
    size_t i = 0;
    while (i < n && s[k + 2 * i] == (unsigned char)name[i] && s[k + 2 * i + 1] == 0) i++;
    if (i == n) return 1;
  }
  return 0;
}

vb_status vb_docx_sniff_ole(const char *bytes, size_t len, vb_error *err) {
  static const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  const unsigned char *s = (const unsigned char *)bytes;
  if (len < 8 || memcmp(s, magic, 8) != 0) return VB_OK;
  err->code = VB_EFORMAT;
  err->offset = 0;
  err->detail[0] = '\0';
  if (ole_has(s, len, "EncryptionInfo") || ole_has(s, len, "EncryptedPackage")) err->reason = VB_FMTERR_ENCRYPTED;
  else if (ole_has(s, len, "WordDocument")) err->reason = VB_FMTERR_DOC;
  else err->reason = VB_FMTERR_OLE;
  return VB_EFORMAT;
}

/* ---- formatting of a span ------------------------------------------------------------ */

static int is_space_cp(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
         cp == 0x3000 || cp == 0xFEFF;
}

int vb_docx_format_of(const vb_docx *d, const vb_text *t, const vb_span *s, vb_docx_format *f) {
  memset(f, 0, sizeof *f);
  f->uppercase = -1;
  if (!d || !t || !s || s->line < 1) return 0;
  size_t l0 = (size_t)s->line - 1;
  size_t l1 = s->end_line >= s->line ? (size_t)s->end_line - 1 : l0;
  size_t nl = t->nlines < d->nlines ? t->nlines : d->nlines;
  if (l0 >= nl) return 0;
  if (l1 >= nl) l1 = nl - 1;
  size_t c0 = s->column > 0 ? (size_t)s->column - 1 : 0;
  size_t c1 = s->end_column > 0 ? (size_t)s->end_column - 1 : SIZE_MAX;
  int cell = -1;            /* the table column kept to, over several lines */
  uint32_t fid[16];
  size_t fcount[16], nf = 0;
  int hp[16];
  size_t hcount[16], nh = 0;
  size_t acount[VB_ALIGN_COUNT] = {0};
  size_t bold = 0, italic = 0, under = 0, upper = 0, lower = 0;
  for (size_t li = l0; li <= l1; li++) {
    const vb_line *ln = &t->lines[li];
    size_t r = d->line_run[li], rend = d->line_run[li + 1];
    size_t from = li == l0 ? c0 : 0, to = li == l1 ? c1 : SIZE_MAX;
    size_t cp_i = 0;
    for (size_t i = 0; i < ln->len && cp_i < to;) {
      uint32_t cp;
      i += vb_utf8_next(t->nfc.data + ln->off + i, ln->len - i, &cp);
      size_t at = cp_i++;
      if (at < from) continue;
      while (r < rend && d->runs[r].end <= at) r++;
      if (r >= rend || d->runs[r].col > at) continue;
      const vb_docx_run *run = &d->runs[r];
      if (l0 != l1) {
        if (cell < 0) cell = run->cell;
        else if (run->cell != cell) continue;
      }
      if (is_space_cp(cp)) continue;
      f->chars++;
      bold += (run->flags & VB_DOCX_BOLD) != 0;
      italic += (run->flags & VB_DOCX_ITALIC) != 0;
      under += (run->flags & VB_DOCX_UNDERLINE) != 0;
      if (run->align < VB_ALIGN_COUNT) acount[run->align]++;
      if (run->font) {
        size_t k = 0;
        while (k < nf && fid[k] != run->font) k++;
        if (k == nf && nf < 16) fid[nf] = run->font, fcount[nf++] = 0;
        if (k < nf) fcount[k]++;
      }
      if (run->half_pt) {
        size_t k = 0;
        while (k < nh && hp[k] != run->half_pt) k++;
        if (k == nh && nh < 16) hp[nh] = run->half_pt, hcount[nh++] = 0;
        if (k < nh) hcount[k]++;
        if (!f->min_half_pt || run->half_pt < f->min_half_pt) f->min_half_pt = run->half_pt;
        if (run->half_pt > f->max_half_pt) f->max_half_pt = run->half_pt;
      }
      if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') upper++;
        else if (cp >= 'a' && cp <= 'z') lower++;
      } else {
        const utf8proc_property_t *pr = utf8proc_get_property((utf8proc_int32_t)cp);
        if (pr->category == UTF8PROC_CATEGORY_LU || pr->category == UTF8PROC_CATEGORY_LT) upper++;
        else if (pr->category == UTF8PROC_CATEGORY_LL) lower++;
      }
    }
  }
  if (!f->chars) {
    memset(f, 0, sizeof *f);
    f->uppercase = -1;
    return 0;
  }
  size_t n = f->chars;
  f->bold = bold == n ? 1 : bold ? -1 : 0;
  f->italic = italic == n ? 1 : italic ? -1 : 0;
  f->underline = under == n ? 1 : under ? -1 : 0;
  f->uppercase = upper + lower == 0 ? -1 : lower == 0;
  int best = 0;
  for (int a = 1; a < VB_ALIGN_COUNT; a++)
    if (acount[a] > acount[best]) best = a;
  f->align = best;
  /* fonts, most used first (selection sort of at most 16) */
  for (size_t i = 0; i < nf; i++)
    for (size_t j = i + 1; j < nf; j++)
      if (fcount[j] > fcount[i]) {
        size_t c = fcount[i];
        uint32_t x = fid[i];
        fcount[i] = fcount[j], fid[i] = fid[j];
        fcount[j] = c, fid[j] = x;
      }
  for (size_t i = 0; i < nf && i < 8; i++) f->fonts[f->nfonts++] = fid[i];
  f->font = nf ? fid[0] : 0;
  size_t hb = 0;
  for (size_t k = 1; k < nh; k++)
    if (hcount[k] > hcount[hb]) hb = k;
  f->half_pt = nh ? hp[hb] : 0;
  return 1;
}
