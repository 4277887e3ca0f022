/* text.h: normalised text of one document and its folded copy.
 *
 * The NFC text keeps the file's line structure one to one (CRLF and CR
 * become LF, nothing else moves lines), so a byte offset in it gives the
 * original line and, counting code points, the column. The folded copy is
 * for matching: lower case, no diacritics, đ -> d, typographic quotes and
 * dashes as ASCII, whitespace runs collapsed and trimmed. Every folded byte
 * maps back to the NFC byte it came from. */
#ifndef VB_TEXT_H
#define VB_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "../include/vbcheck.h"
#include "../util/buf.h"

typedef struct vb_line {
  size_t off, len;   /* NFC bytes, without the line end */
  size_t foff, flen; /* folded bytes */
} vb_line;

/* Per-context folding table, built once (see vb_folder_init). */
typedef struct vb_folder {
  unsigned char latin[0x250 - 0x80]; /* U+0080..U+024F -> ASCII or 0 */
  unsigned char ext[0x100];          /* U+1E00..U+1EFF -> ASCII or 0 */
} vb_folder;

typedef struct vb_text {
  vb_buf nfc;
  vb_buf fold;
  uint32_t *fmap; /* fold byte index -> NFC byte offset */
  size_t fmap_cap;
  vb_line *lines;
  size_t nlines, lines_cap;
  size_t words;        /* words of two or more letters */
  size_t marked_words; /* of those, words with a Vietnamese diacritic */
  vb_buf scratch;      /* NFC conversion output */
} vb_text;

/* Build the folding table from utf8proc's data. */
void vb_folder_init(vb_folder *f);

/* Initialise/free a reusable text. */
void vb_text_init(vb_text *t);
void vb_text_free(vb_text *t);

/* Normalise valid UTF-8 (from vb_decode) into t, replacing its contents. */
vb_status vb_text_build(vb_text *t, const vb_folder *f, const char *utf8,
                        size_t len, vb_error *err);

/* Fold one code point: writes up to 4 bytes into out, returns the count
 * (0 = the code point folds to nothing, e.g. a combining mark). Whitespace
 * folds to a single ' '. */
size_t vb_fold_cp(const vb_folder *f, uint32_t cp, char out[4]);

/* Fold an arbitrary UTF-8 string (not necessarily NFC) into out, appending;
 * whitespace collapsed and trimmed. 0 or -1 on out of memory. */
int vb_fold_str(const vb_folder *f, const char *s, size_t len, vb_buf *out);

/* Decode one code point from valid UTF-8 at s (n bytes left); *cp receives
 * it; returns its length (1..4), or 1 with U+FFFD for a bad byte. */
size_t vb_utf8_next(const char *s, size_t n, uint32_t *cp);

/* The 0-based line index holding NFC offset off (binary search). */
size_t vb_text_line_of(const vb_text *t, size_t off);

/* 1-based column, in code points, of NFC offset off on line li. */
size_t vb_text_column(const vb_text *t, size_t li, size_t off);

#endif
