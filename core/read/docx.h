/* docx.h: Word .docx packages (Office Open XML) read into the text the
 * parser already understands, with the formatting of every run and the
 * page set-up of every section.
 *
 * The text is one line per paragraph (a manual line break, w:br, starts a
 * new line within the paragraph). A table row with two or more cells is
 * zipped cell by cell: its k-th line is the k-th line of each cell joined
 * by " | ", the separator the segmenter splits columns on, so the issuer /
 * national header and Nơi nhận / signature tables read like their text
 * form. Automatic numbering is written out ("1. ", "a) ", "- "), hidden
 * text, deleted revisions, text boxes and field codes are left out; text
 * in w:caps runs is written in capitals, as it is displayed.
 *
 * Formatting is resolved through docDefaults, the table style, the
 * paragraph style chain, the character style chain and direct formatting;
 * theme fonts come from the theme part. Bold, italic and caps toggle
 * between style levels (ECMA-376 §17.7.3) and are absolute in direct
 * formatting.
 *
 * Limits: every part read is decompressed into memory and all of them
 * together may not exceed VB_MAX_INPUT; a part that expands more than
 * VB_DOCX_MAX_RATIO times its compressed size beyond 8 MiB is refused as
 * a zip bomb. XML with a DOCTYPE or entity declarations is refused (no
 * genuine Word part has one), external entities are never resolved.
 * Legacy binary Word (.doc) and password-protected packages (both OLE
 * compound files) are recognised and named in the error. */
#ifndef VB_DOCX_H
#define VB_DOCX_H

#include <stddef.h>
#include <stdint.h>

#include "../include/vbcheck.h"
#include "../model/model.h"
#include "../text/text.h"
#include "../util/buf.h"

#define VB_DOCX_MAX_RATIO 200

/* Run flags. */
#define VB_DOCX_BOLD 1u
#define VB_DOCX_ITALIC 2u
#define VB_DOCX_UNDERLINE 4u
#define VB_DOCX_CAPS 8u

/* Paragraph alignment (w:jc). */
typedef enum vb_docx_align {
  VB_ALIGN_LEFT = 0,
  VB_ALIGN_CENTER,
  VB_ALIGN_RIGHT,
  VB_ALIGN_JUSTIFY,
  VB_ALIGN_COUNT
} vb_docx_align;

/* A run of uniformly formatted text on one line. */
typedef struct vb_docx_run {
  uint32_t line;     /* 0-based line of the text */
  uint32_t col, end; /* code points [col, end) of that line */
  uint32_t font;     /* index + 1 into fonts, 0 = unknown */
  uint16_t half_pt;  /* size in half-points, 0 = unknown */
  uint8_t flags;     /* VB_DOCX_* */
  uint8_t align;     /* vb_docx_align of the paragraph */
  uint8_t cell;      /* table column, 0 outside tables */
} vb_docx_run;

/* A font used in the document. */
typedef struct vb_docx_font {
  size_t name;  /* offset of the NUL-terminated name in font_names */
  size_t chars; /* code points of text set in it */
  size_t line;  /* first line (0-based) using it; valid when chars */
} vb_docx_font;

/* One section's page set-up (w:sectPr); sizes in twips (1/1440 inch). */
typedef struct vb_docx_section {
  size_t line;                   /* first line (0-based) of the section */
  int has_size, has_margins;     /* w:pgSz / w:pgMar present */
  long width, height;            /* w:pgSz w:w, w:h */
  int landscape;                 /* w:orient="landscape" */
  long top, bottom, left, right; /* w:pgMar (absolute values) */
  int has_table;                 /* the section holds a table */
} vb_docx_section;

/* What a package read gives: the text and its side tables. Reusable
 * across documents (buffers are kept). */
typedef struct vb_docx {
  vb_buf text;              /* UTF-8, lines separated by '\n' */
  size_t nlines;
  vb_docx_run *runs;        /* sorted by line, then column */
  size_t nruns, runs_cap;
  size_t *line_run;         /* first run of each line; nlines + 1 entries */
  size_t line_run_cap;
  vb_docx_font *fonts;
  size_t nfonts, fonts_cap;
  vb_buf font_names;
  vb_docx_section *sections;
  size_t nsections, sections_cap;
  void *work;               /* the reader's scratch, reused */
} vb_docx;

/* The formatting of a span of text, summarised (vb_docx_format_of). */
typedef struct vb_docx_format {
  size_t chars;                  /* code points counted (not spaces) */
  uint32_t font;                 /* most used font (index + 1), 0 unknown */
  uint32_t fonts[8];             /* distinct fonts, most used first */
  size_t nfonts;
  int half_pt, min_half_pt, max_half_pt; /* 0 = unknown */
  int bold, italic, underline;   /* 1 all, 0 none, -1 some */
  int uppercase;                 /* 1 every cased letter upper, 0 not, -1 no cased letter */
  int align;                     /* most used vb_docx_align */
} vb_docx_format;

/* Initialise / free a reusable reader result. */
void vb_docx_init(vb_docx *d);
void vb_docx_free(vb_docx *d);

/* Read a .docx package from memory into d (replacing its contents).
 * Errors: VB_EFORMAT with err->reason (vb_format_error) and a detail,
 * VB_ENOMEM, VB_ETOOBIG (the text grows past VB_MAX_INPUT). */
vb_status vb_docx_read(vb_docx *d, const char *bytes, size_t len, vb_error *err);

/* Is bytes an OLE compound file (legacy .doc, encrypted Office package)?
 * VB_OK when not; VB_EFORMAT with reason VB_FMTERR_DOC, _ENCRYPTED or
 * _OLE when it is. */
vb_status vb_docx_sniff_ole(const char *bytes, size_t len, vb_error *err);

/* Name of font index + 1 (run.font), or NULL for 0. */
const char *vb_docx_font_name(const vb_docx *d, uint32_t font);

/* Summarise the formatting of span s of the parsed text t (the NFC text
 * built from d->text). Columns are code points; a span over several lines
 * keeps to the table column its first character is in. Returns 1 when
 * some formatted character was found, else 0 (f is then zeroed). */
int vb_docx_format_of(const vb_docx *d, const vb_text *t, const vb_span *s, vb_docx_format *f);

#endif
