/* fuzz_parse.c: the whole text parse (read -> normalise -> segment ->
 * model) on arbitrary bytes, as text and as Markdown. Every span the model
 * reports must lie inside the document. */
#include <stdint.h>
#include <stdlib.h>

#include "../../core/parse/parse.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  vb_parser *p = vb_parser_new();
  if (!p) return 0;
  for (int k = 0; k < 2; k++) {
    const vb_doc *doc;
    vb_error err;
    vb_format fmt = k ? VB_FORMAT_MARKDOWN : VB_FORMAT_TEXT;
    if (vb_parse(p, (const char *)data, size, k ? "f.md" : "f.txt", fmt, &doc, &err) != VB_OK) continue;
    if (!doc) abort();
  }
  vb_parser_free(p);
  return 0;
}
