/* reader.h: bytes from a file, decoded to UTF-8.
 *
 * Accepts UTF-8 with or without BOM and UTF-16 LE/BE with BOM. Rejects
 * invalid UTF-8, lone surrogates and binary content with the byte offset of
 * the first bad byte. Line ends are left as they are (the normaliser maps
 * CRLF and CR), so offsets stay those of the file. */
#ifndef VB_READER_H
#define VB_READER_H

#include <stddef.h>

#include "../include/vbcheck.h"
#include "../util/buf.h"

/* Read a whole file into out (replacing its contents). */
vb_status vb_read_file(const char *path, vb_buf *out, vb_error *err);

/* Decode raw bytes to valid UTF-8 in out (replacing its contents): strips a
 * UTF-8 BOM, converts UTF-16 with BOM, validates. */
vb_status vb_decode(const char *bytes, size_t len, vb_buf *out, vb_error *err);

/* VB_ETOOBIG (reason VB_TOOBIG_LINES) when s has more than VB_MAX_LINES
 * lines, else VB_OK. */
vb_status vb_check_lines(const char *s, size_t len, vb_error *err);

#endif
