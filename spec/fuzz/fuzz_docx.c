/* fuzz_docx.c: the .docx path on arbitrary bytes: zip (libzip), XML
 * (expat), styles, numbering, tables, then the text parse of the
 * flattened lines. Mutations of the generated fixtures reach the XML
 * handlers; raw bytes exercise the container checks. */
#include <stdint.h>
#include <stdlib.h>

#include "../../core/parse/parse.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  vb_parser *p = vb_parser_new();
  if (!p) return 0;
  const vb_doc *doc;
  vb_error err;
  if (vb_parse(p, (const char *)data, size, "f.docx", VB_FORMAT_DOCX, &doc, &err) == VB_OK && !doc) abort();
  vb_parser_free(p);
  return 0;
}
