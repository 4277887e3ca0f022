/* model.h: the document model as C structs (the contract is
 * shared/docs/model.md §3; the Lua bridge maps these one to one).
 *
 * Every element is NULL when absent. Every string is NFC UTF-8, owned by
 * the parser's arena and valid until the next parse with the same context.
 * Positions are 1-based lines of the original file and 1-based columns in
 * code points; end_column is exclusive (SARIF's convention). 0 = unknown. */
#ifndef VB_MODEL_H
#define VB_MODEL_H

#include <stddef.h>

#include "../include/vbcheck.h"
#include "../text/text.h"

typedef struct vb_span {
  int line, column, end_line, end_column;
} vb_span;

typedef struct vb_national {
  const char *text;  /* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" or "ĐẢNG CỘNG SẢN VIỆT NAM" */
  const char *motto; /* Tiêu ngữ, NULL when absent */
  const char *kind;  /* "state" or "party" */
  vb_span at, motto_at;
} vb_national;

typedef struct vb_issuer {
  const char *name;   /* the issuing body */
  const char *parent; /* the body above it, NULL when not shown */
  const char **lines; /* the header lines as written */
  size_t nlines;
  vb_span at;
  vb_span name_at, parent_at; /* the lines of name and of parent (0 when absent) */
} vb_issuer;

typedef struct vb_number {
  const char *raw;    /* the whole "Số: 12/QĐ-UBND" as written */
  long seq;           /* valid when has_seq */
  int has_seq;
  int colon;          /* "Số:" (state form) rather than "Số" (party form) */
  int year;           /* "666/2015/QĐ-UBND" -> 2015, else 0 */
  const char *form;   /* "state" (12/QĐ-X), "party" (12-CV/X) or NULL */
  const char *symbol; /* number and symbol as cited: "325-CV/TU"; blank seq: "CV/TU" */
  const char *type_code, *issuer_code, *unit_code;
  vb_span at;
} vb_number;

typedef struct vb_place_date {
  const char *raw;
  const char *place;
  int day, month, year;        /* 0 = left blank */
  const char *day_text, *month_text; /* digits as written ("05"), NULL when blank */
  int valid;                   /* all parts present and the date exists */
  char iso[11];                /* "YYYY-MM-DD" when valid, else "" */
  int has_comma;               /* a comma between place and "ngày" */
  vb_span at;
} vb_place_date;

typedef struct vb_doc_type {
  const char *name; /* as written, or NULL for a công văn inferred from V/v */
  const char *code; /* rules.md code */
  vb_span at;
} vb_doc_type;

typedef struct vb_textline {
  const char *text;
  vb_span at;
} vb_textline;

typedef struct vb_item vb_item;
struct vb_item {
  const char *label; /* "1.", "a)", "-", "1.2." as written */
  const char *kind;  /* "roman", "number", "decimal", "letter", "dash", "plus", "article" */
  int level;         /* 1 = top */
  const char *text;  /* the item's text, wraps joined; paragraphs by "\n" */
  vb_span at;
  vb_item **children;
  size_t nchildren, cap;
};

typedef struct vb_paragraph {
  const char *text;
  vb_span at;
  vb_item *item; /* the item it belongs to, NULL for preamble/closing */
} vb_paragraph;

typedef struct vb_authority {
  const char *prefix; /* as written: "TM.", "T/M", "KT.", "TM" (malformed) */
  const char *of;     /* "ỦY BAN NHÂN DÂN" */
  vb_span at;
} vb_authority;

typedef struct vb_signature {
  vb_authority *authority;
  size_t nauthority;
  const char *title;
  const char *name;
  vb_span at, title_at, name_at;
} vb_signature;

typedef struct vb_recipients {
  vb_span at; /* the "Nơi nhận:" line */
  vb_textline *items;
  size_t nitems;
  vb_textline *archive;
} vb_recipients;

typedef struct vb_reference {
  const char *text;     /* "Thông báo kết luận số 131-TB/TU ngày 13/5/2021" */
  const char *number;   /* "131-TB/TU" */
  const char *doc_type; /* rules.md code or NULL */
  char iso[11];         /* cited date or "" */
  vb_span at;
} vb_reference;

typedef struct vb_zone {
  int line, end_line; /* 0 when the zone is empty */
} vb_zone;

typedef struct vb_doc {
  const char *path;
  vb_format format;
  const char *family; /* "state", "party", "unknown" */
  int diacritics;
  vb_national *national;
  vb_issuer *issuer;
  vb_number *number;
  vb_place_date *place_date;
  vb_doc_type *doc_type;
  vb_textline *subject;
  vb_textline *addressees;
  size_t naddressees;
  vb_span addressees_at; /* the "Kính gửi" line */
  vb_item **items;       /* top-level items */
  size_t nitems;
  vb_paragraph *paragraphs;
  size_t nparagraphs;
  vb_signature *signature;
  vb_recipients *recipients;
  vb_reference *refs;
  size_t nrefs;
  const char *draft;   /* "DỰ THẢO ..." marker as written */
  const char *urgency; /* "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC" */
  vb_zone header, body, footer;
  const vb_text *text; /* lines */
  const struct vb_docx *docx; /* .docx: runs' formatting and page set-up, else NULL */
} vb_doc;

#endif
