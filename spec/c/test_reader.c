/* Reader and normaliser: encodings, bad input, line ends, folding. */
#include <stdlib.h>

#include "../../core/read/reader.h"
#include "../../core/text/text.h"
#include "check.h"

static vb_status decode(const char *s, size_t n, vb_buf *out, vb_error *err) {
  return vb_decode(s, n, out, err);
}

int main(void) {
  vb_buf out;
  vb_buf_init(&out);
  vb_error err;
  /* UTF-8 with BOM */
  CHECK_INT(decode("\xEF\xBB\xBFSố", strlen("\xEF\xBB\xBFSố"), &out, &err), VB_OK);
  CHECK_STR(out.data, "Số");
  /* UTF-16 LE and BE with BOM: "Đa" */
  CHECK_INT(decode("\xFF\xFE\x10\x01\x61\x00", 6, &out, &err), VB_OK);
  CHECK_STR(out.data, "Đa");
  CHECK_INT(decode("\xFE\xFF\x01\x10\x00\x61", 6, &out, &err), VB_OK);
  CHECK_STR(out.data, "Đa");
  /* a lone surrogate in UTF-16 */
  CHECK_INT(decode("\xFF\xFE\x00\xD8\x61\x00", 6, &out, &err), VB_EUTF16);
  /* invalid UTF-8: offset of the bad byte */
  CHECK_INT(decode("ab\xC3\x28", 4, &out, &err), VB_EUTF8);
  CHECK_INT(err.offset, 2);
  /* overlong and surrogate encodings are invalid */
  CHECK_INT(decode("\xC0\xAF", 2, &out, &err), VB_EUTF8);
  CHECK_INT(decode("\xED\xA0\x80", 3, &out, &err), VB_EUTF8);
  CHECK_INT(decode("\xE0\x80\xAF", 3, &out, &err), VB_EUTF8);
  /* NUL means binary */
  CHECK_INT(decode("ab\0cd", 5, &out, &err), VB_EBINARY);
  CHECK_INT(err.offset, 2);
  /* missing file, directory */
  CHECK_INT(vb_read_file("/nonexistent/x.txt", &out, &err), VB_ENOENT);
  CHECK_INT(vb_read_file("/", &out, &err), VB_EISDIR);
  char msg[256];
  vb_strerror(&(vb_error){.code = VB_EUTF8, .offset = 17}, VB_LANG_VI, msg, sizeof msg);
  CHECK(strstr(msg, "17") != NULL);
  CHECK(strstr(msg, "UTF-8") != NULL);

  /* normalisation: CRLF and CR end lines; NFC composes; fold strips */
  vb_folder f;
  vb_folder_init(&f);
  vb_text t;
  vb_text_init(&t);
  const char *src = "Ha\xCC\x80 N\xC3\xB4\xCC\xA3i\r\nĐẢNG  Cộng\rx";
  CHECK_INT(vb_text_build(&t, &f, src, strlen(src), &err), VB_OK);
  CHECK_INT(t.nlines, 3);
  CHECK(!strncmp(t.nfc.data + t.lines[0].off, "Hà Nội", t.lines[0].len));
  CHECK(!strncmp(t.fold.data + t.lines[0].foff, "ha noi", t.lines[0].flen));
  CHECK(!strncmp(t.fold.data + t.lines[1].foff, "dang cong", t.lines[1].flen));
  /* column in code points: "ĐẢNG  Cộng" -> 'C' is column 7 */
  size_t off = t.lines[1].off + strlen("ĐẢNG  ");
  CHECK_INT(vb_text_column(&t, 1, off), 7);
  CHECK_INT(vb_text_line_of(&t, t.lines[2].off), 2);
  /* folding typographic marks */
  vb_buf fb;
  vb_buf_init(&fb);
  CHECK_INT(vb_fold_str(&f, "“Độc lập – Tự do”", strlen("“Độc lập – Tự do”"), &fb), 0);
  CHECK_STR(fb.data, "\"doc lap - tu do\"");
  /* the ASCII fast path folds like vb_fold_cp: case, \t\f\v as spaces,
   * runs collapsed, leading and trailing spaces dropped, \n kept; mixed with
   * the general path, and appending after what the buffer holds */
  const char *mix[] = {"  UBND\tTinh  \v Lai\fChau  ", "Sở  Y TẾ\t\tPHỐI HỢP", "A\nB  \xC2\xA0 C", "\t \v", "x"};
  for (size_t m = 0; m < sizeof mix / sizeof mix[0]; m++) {
    vb_buf ref;
    vb_buf_init(&ref);
    size_t ml = strlen(mix[m]);
    for (size_t i = 0; i < ml;) {
      uint32_t cp;
      size_t k = vb_utf8_next(mix[m] + i, ml - i, &cp);
      char b[4];
      size_t n = vb_fold_cp(&f, cp, b);
      i += k;
      if (n == 1 && b[0] == ' ' && (ref.len == 0 || ref.data[ref.len - 1] == ' ')) continue;
      CHECK_INT(vb_buf_add(&ref, b, n), 0);
    }
    while (ref.len && ref.data[ref.len - 1] == ' ') ref.len--;
    CHECK_INT(vb_buf_cstr(&ref), 0);
    fb.len = 0;
    CHECK_INT(vb_buf_adds(&fb, "pre"), 0);
    CHECK_INT(vb_fold_str(&f, mix[m], ml, &fb), 0);
    CHECK_INT(fb.len, ref.len + 3);
    CHECK(!memcmp(fb.data, "pre", 3) && !memcmp(fb.data + 3, ref.data, ref.len));
    vb_buf_free(&ref);
  }
  fb.len = 0;
  CHECK_INT(vb_fold_str(&f, "  UBND\tTinh  \v Lai\fChau  ", strlen("  UBND\tTinh  \v Lai\fChau  "), &fb), 0);
  CHECK_STR(fb.data, "ubnd tinh lai chau");
  /* empty input: no lines */
  CHECK_INT(vb_text_build(&t, &f, "", 0, &err), VB_OK);
  CHECK_INT(t.nlines, 0);
  vb_buf_free(&fb);
  vb_text_free(&t);
  vb_buf_free(&out);
  return CHECK_DONE();
}
