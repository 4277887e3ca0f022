/* parse.c: the pipeline read -> normalise -> segment -> model. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "../read/reader.h"
#include "internal.h"

/* Model memory per document is bounded: the input is at most
 * VB_MAX_INPUT and the model is a small multiple of it. */
#define VB_ARENA_LIMIT ((size_t)16 * VB_MAX_INPUT)

vb_parser *vb_parser_new(void) {
  vb_parser *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  vb_folder_init(&p->folder);
  vb_buf_init(&p->raw);
  vb_buf_init(&p->utf8);
  vb_buf_init(&p->tmp);
  vb_buf_init(&p->tmp2);
  vb_buf_init(&p->ptext);
  vb_text_init(&p->text);
  vb_docx_init(&p->docx);
  vb_arena_init(&p->arena, VB_ARENA_LIMIT);
  return p;
}

void vb_parser_free(vb_parser *p) {
  if (!p) return;
  vb_buf_free(&p->raw);
  vb_buf_free(&p->utf8);
  vb_buf_free(&p->tmp);
  vb_buf_free(&p->tmp2);
  vb_buf_free(&p->ptext);
  free(p->pmap);
  free(p->para_off);
  vb_text_free(&p->text);
  vb_docx_free(&p->docx);
  vb_arena_free(&p->arena);
  free(p->info);
  free(p);
}

static vb_status nomem(vb_error *err) {
  err->code = VB_ENOMEM;
  err->offset = 0;
  err->detail[0] = '\0';
  return VB_ENOMEM;
}

static vb_status parse_utf8(vb_parser *p, const char *path, vb_format fmt,
                            const vb_doc **out, vb_error *err) {
  vb_status st = vb_text_build(&p->text, &p->folder, p->utf8.data, p->utf8.len, err);
  if (st != VB_OK) return st;
  vb_arena_reset(&p->arena);
  p->failed = 0;
  memset(&p->doc, 0, sizeof p->doc);
  vb_doc *d = &p->doc;
  d->format = fmt;
  d->path = path ? vb_strdup(p, path, strlen(path)) : NULL;
  d->text = &p->text;
  d->family = "unknown";
  /* Text without diacritics: OCR output or typed without a Vietnamese
   * keyboard. A handful of marked words (OCR noise) does not count. */
  d->diacritics = p->text.words < 20 || p->text.marked_words * 100 >= p->text.words * 20;
  if (vb_seg_lines(p)) return nomem(err);
  vb_parse_footer(p);
  vb_parse_header(p);
  vb_parse_body(p);
  vb_parse_refs(p);
  vb_parse_family(p);
  if (p->failed) return nomem(err);
  *out = d;
  return VB_OK;
}

vb_status vb_parse(vb_parser *p, const char *bytes, size_t len, const char *path,
                   vb_format fmt, const vb_doc **out, vb_error *err) {
  memset(err, 0, sizeof *err);
  if (len > (fmt == VB_FORMAT_DOCX ? VB_MAX_PACKAGE : VB_MAX_INPUT)) {
    err->code = VB_ETOOBIG;
    return VB_ETOOBIG;
  }
  vb_status st;
  if (fmt == VB_FORMAT_DOCX) {
    /* the package's text is valid UTF-8 (expat checks it) */
    st = vb_docx_read(&p->docx, bytes, len, err);
    if (st != VB_OK) return st;
    p->utf8.len = 0;
    if (vb_buf_add(&p->utf8, p->docx.text.data, p->docx.text.len) || vb_buf_cstr(&p->utf8)) return nomem(err);
    st = parse_utf8(p, path, fmt, out, err);
    if (st == VB_OK) p->doc.docx = &p->docx;
    return st;
  }
  /* a Word .doc or encrypted package named .txt: say what it is */
  st = vb_docx_sniff_ole(bytes, len, err);
  if (st != VB_OK) return st;
  st = vb_decode(bytes, len, &p->utf8, err);
  if (st != VB_OK) return st;
  return parse_utf8(p, path, fmt, out, err);
}

vb_status vb_parse_file(vb_parser *p, const char *path, const vb_doc **out, vb_error *err) {
  memset(err, 0, sizeof *err);
  vb_status st = vb_read_file(path, &p->raw, err);
  if (st != VB_OK) return st;
  return vb_parse(p, p->raw.data, p->raw.len, path, vb_format_from_path(path), out, err);
}

int vb_parser_fold(vb_parser *p, const char *s, size_t len, vb_buf *out) {
  return vb_fold_str(&p->folder, s, len, out);
}

vb_span vb_parser_span(const vb_parser *p, size_t off, size_t end) {
  return vb_seg_span(p, off, end);
}
