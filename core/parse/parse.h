/* parse.h: from decoded UTF-8 to the document model.
 *
 * A vb_parser is reused across documents: its buffers and arena are reset,
 * not reallocated, so parsing many files costs no per-file set-up. One
 * parser per thread. */
#ifndef VB_PARSE_H
#define VB_PARSE_H

#include <stddef.h>

#include "../include/vbcheck.h"
#include "../model/model.h"

typedef struct vb_parser vb_parser;

/* A new parser, or NULL when out of memory. */
vb_parser *vb_parser_new(void);

/* Free a parser and every model it returned. */
void vb_parser_free(vb_parser *p);

/* Parse raw file bytes (any accepted encoding, see reader.h). On VB_OK *out
 * points to a model owned by p, valid until the next call with p. */
vb_status vb_parse(vb_parser *p, const char *bytes, size_t len, const char *path,
                   vb_format fmt, const vb_doc **out, vb_error *err);

/* Read and parse a file. */
vb_status vb_parse_file(vb_parser *p, const char *path, const vb_doc **out,
                        vb_error *err);

/* Fold s (any UTF-8) into out (appended, NUL-terminated): lower case, no
 * diacritics, đ -> d, whitespace collapsed. 0, or -1 when out of memory. */
int vb_parser_fold(vb_parser *p, const char *s, size_t len, vb_buf *out);

/* Line (1-based) and column (1-based, code points) of an NFC byte offset
 * of the last parsed document. */
vb_span vb_parser_span(const vb_parser *p, size_t off, size_t end);

#endif
