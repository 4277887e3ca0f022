/* fuzz_read.c: the reader and normaliser on arbitrary bytes: decode
 * (BOM, UTF-16, validation), then NFC + folding + line map. Checks the
 * invariants the rest of the core relies on. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/read/reader.h"
#include "../../core/text/text.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  vb_buf utf8;
  vb_buf_init(&utf8);
  vb_error err;
  if (vb_decode((const char *)data, size, &utf8, &err) == VB_OK) {
    vb_folder f;
    vb_folder_init(&f);
    vb_text t;
    vb_text_init(&t);
    if (vb_text_build(&t, &f, utf8.data ? utf8.data : "", utf8.len, &err) == VB_OK) {
      for (size_t i = 0; i < t.nlines; i++) {
        const vb_line *l = &t.lines[i];
        if (l->off + l->len > t.nfc.len || l->foff + l->flen > t.fold.len) abort();
        if (l->len && vb_text_line_of(&t, l->off) != i) abort();
      }
      for (size_t i = 0; i < t.fold.len; i++)
        if (t.fmap[i] > t.nfc.len) abort();
    }
    vb_text_free(&t);
  }
  vb_buf_free(&utf8);
  return 0;
}
