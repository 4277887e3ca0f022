/* internal.h: parser state shared by the segmenter and element parsers.
 * Not part of the public interface. */
#ifndef VB_PARSE_INTERNAL_H
#define VB_PARSE_INTERNAL_H

#include <stddef.h>

#include "../model/model.h"
#include "../read/docx.h"
#include "../text/text.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "parse.h"

#define VB_MAX_CELLS 4

/* A cell: one column's text on a line, trimmed of spaces and markup. */
typedef struct vb_cell {
  size_t b, e;   /* NFC byte range (absolute) */
  size_t fb, fe; /* folded byte range (absolute) */
} vb_cell;

typedef struct vb_lineinfo {
  int blank;        /* only whitespace or markup */
  int gap;          /* blank lines just before this one */
  int indent;       /* leading whitespace, in code points */
  int noise;        /* page number, running head, timestamp, rule line */
  int zone;         /* 0 unassigned, 1 header, 2 body, 3 footer */
  size_t ncells;
  vb_cell cells[VB_MAX_CELLS];
} vb_lineinfo;

struct vb_parser {
  vb_folder folder;
  vb_buf raw;  /* file bytes */
  vb_buf utf8; /* decoded input */
  vb_docx docx; /* a .docx package's text, runs and sections */
  vb_text text;
  vb_arena arena;
  vb_buf tmp;  /* scratch for string building */
  vb_buf tmp2;
  vb_lineinfo *info;
  size_t info_cap;
  /* continuation bytes of text.nfc before each 4 KiB block, so a column
   * costs at most one block's scan (segment/lines.c); in the arena, NULL
   * when it could not be allocated */
  const uint32_t *col_blocks;
  vb_doc doc;
  vb_buf ptext;      /* body paragraphs' text, NUL-separated */
  uint32_t *pmap;    /* ptext byte -> NFC byte offset */
  size_t pmap_cap;
  size_t *para_off;  /* ptext offset of each paragraph */
  size_t para_cap;
  int typical_gap;   /* blank lines between wrapped lines of one paragraph */
  int long_lines;    /* one paragraph per line (no hard wraps) */
  int markup;        /* Markdown emphasis present */
  int failed;        /* out of memory somewhere */
};

/* --- segment/lines.c ------------------------------------------------- */

/* Fill p->info for every line: blanks, gaps, indents, cells, noise. */
int vb_seg_lines(vb_parser *p);

/* The folded range of NFC range [b, e). */
void vb_seg_fold_range(const vb_parser *p, size_t b, size_t e, size_t *fb, size_t *fe);

/* A cell for NFC range [b, e): trimmed of whitespace and markup. */
vb_cell vb_seg_cell(const vb_parser *p, size_t b, size_t e);

/* Cell text, whitespace collapsed, markup removed, into the arena. */
const char *vb_seg_str(vb_parser *p, size_t b, size_t e);

/* Folded text of a cell as a pointer and length (not NUL-terminated). */
static inline const char *vb_cell_fold(const vb_parser *p, const vb_cell *c, size_t *n) {
  *n = c->fe - c->fb;
  return p->text.fold.data + c->fb;
}

/* Span of an NFC byte range. */
vb_span vb_seg_span(const vb_parser *p, size_t b, size_t e);

/* The NFC offset corresponding to folded offset fo. */
size_t vb_seg_nfc_at(const vb_parser *p, size_t fo);

/* Share of cased letters that are upper case in [b, e), 0..100; -1 when no
 * cased letter. */
int vb_seg_upper_pct(const vb_parser *p, size_t b, size_t e);

/* Count of letters in [b, e). */
size_t vb_seg_letters(const vb_parser *p, size_t b, size_t e);

/* Does the folded text f (n bytes) start with word w (then a non-letter)? */
int vb_fold_starts(const char *f, size_t n, const char *w);

/* Find word w in folded f at word boundaries; offset or -1. */
long vb_fold_find(const char *f, size_t n, const char *w);

/* Is token t (n bytes) keyword kw allowing one OCR substitution when
 * the keyword has three or more letters? */
int vb_fold_tok_ocr(const char *t, size_t n, const char *kw);

/* Item label at the start of a folded line: its kind and byte length in
 * the NFC line (including the following space), or NULL. */
const char *vb_seg_label(const vb_parser *p, size_t li, size_t *lab_b, size_t *lab_e,
                         long *num);

/* Does the NFC line end a sentence (. : ; ! ? and ./.)? */
int vb_seg_ends_sentence(const vb_parser *p, size_t li);

/* First letter of the line: 1 upper, -1 lower, 0 none/other. */
int vb_seg_starts_case(const vb_parser *p, size_t b, size_t e);

/* --- element parsers --------------------------------------------------- */
void vb_parse_footer(vb_parser *p);     /* model/footer.c: zones end, signature, recipients */
void vb_parse_header(vb_parser *p);     /* model/header.c: header zone elements */
void vb_parse_body(vb_parser *p);       /* model/body.c: paragraphs and items */
void vb_parse_refs(vb_parser *p);       /* model/refs.c: cited documents */
void vb_parse_family(vb_parser *p);     /* model/family.c: state/party/unknown */

/* Span of [a, z) in p->ptext (body paragraph text). */
vb_span vb_para_span(const vb_parser *p, size_t a, size_t z);

/* Helpers shared by element parsers (model/common.c). */
void *vb_new(vb_parser *p, size_t size);
const char *vb_strdup(vb_parser *p, const char *s, size_t n);
int vb_date_valid(int d, int m, int y);
const char *vb_type_code_of_name(const char *fold, size_t n, size_t *matched);
const char *vb_type_code_of_symbol(const char *code);

/* Append decimal digit c to v, saturating: numbers in documents are short,
 * and a run of digits in hostile input must not overflow. Any value past
 * 8 digits is 999999999, which no check accepts as a day, year or number. */
static inline int vb_digit_acc(int v, char c) {
  return v > 99999999 ? 999999999 : v * 10 + (c - '0');
}

#endif
