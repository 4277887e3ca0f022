/* Element parsers on small documents: number, date, signature, items. */
#include <stdlib.h>

#include "../../core/parse/parse.h"
#include "check.h"

static const vb_doc *parse(vb_parser *p, const char *s) {
  const vb_doc *d = NULL;
  vb_error err;
  vb_status st = vb_parse(p, s, strlen(s), "t.txt", VB_FORMAT_TEXT, &d, &err);
  CHECK_INT(st, VB_OK);
  return d;
}

int main(void) {
  vb_parser *p = vb_parser_new();
  CHECK(p != NULL);
  const vb_doc *d;

  /* state header, two columns flattened by runs of spaces */
  d = parse(p,
            "UBND TỈNH HÀ GIANG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "SỞ Y TẾ                   Độc lập - Tự do - Hạnh phúc\n"
            "\n"
            "Số: 05/QĐ-SYT             Hà Giang, ngày 31 tháng 9 năm 2024\n"
            "\n"
            "QUYẾT ĐỊNH\n"
            "Về việc thành lập Tổ công tác\n"
            "\n"
            "1. Giao Phòng Nghiệp vụ chủ trì thực hiện.\n"
            "a) Báo cáo trước ngày 10/10/2024.\n"
            "2. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "\n"
            "Nơi nhận:                 GIÁM ĐỐC\n"
            "- Như Điều 2;\n"
            "- Lưu: VT, NVY.           Nguyễn Văn An\n");
  CHECK_STR(d->family, "state");
  CHECK(d->national && d->national->text);
  CHECK_STR(d->national->motto, "Độc lập - Tự do - Hạnh phúc");
  CHECK_STR(d->issuer->name, "SỞ Y TẾ");
  CHECK_STR(d->issuer->parent, "UBND TỈNH HÀ GIANG");
  CHECK(d->number && d->number->has_seq);
  CHECK_INT(d->number->seq, 5);
  CHECK_STR(d->number->symbol, "05/QĐ-SYT");
  CHECK_STR(d->number->type_code, "QĐ");
  CHECK_STR(d->number->issuer_code, "SYT");
  CHECK_STR(d->place_date->place, "Hà Giang");
  CHECK_INT(d->place_date->day, 31);
  CHECK(!d->place_date->valid); /* 31 September does not exist */
  CHECK_STR(d->doc_type->code, "quyet-dinh");
  CHECK_STR(d->subject->text, "Về việc thành lập Tổ công tác");
  CHECK_INT(d->nitems, 2);
  CHECK_INT(d->items[0]->nchildren, 1);
  CHECK_STR(d->items[0]->children[0]->label, "a)");
  CHECK_STR(d->signature->title, "GIÁM ĐỐC");
  CHECK_STR(d->signature->name, "Nguyễn Văn An");
  CHECK_INT(d->signature->name_at.line, 15);
  CHECK_STR(d->recipients->archive->text, "Lưu: VT, NVY.");

  /* party number, blank day, malformed authority kept raw */
  d = parse(p,
            "HUYỆN ỦY MƯỜNG TÈ         ĐẢNG CỘNG SẢN VIỆT NAM\n"
            "*\n"
            "Số 45-TB/HU               Mường Tè, ngày   tháng 01 năm 2023\n"
            "\n"
            "THÔNG BÁO\n"
            "về kết luận của Ban Thường vụ\n"
            "\n"
            "Nội dung thông báo.\n"
            "\n"
            "Nơi nhận:\n"
            "- Như trên,\n"
            "- Lưu Văn phòng Huyện ủy.\n"
            "\n"
            "TM BAN THƯỜNG VỤ\n"
            "PHÓ BÍ THƯ\n");
  CHECK_STR(d->family, "party");
  CHECK_STR(d->number->symbol, "45-TB/HU");
  CHECK_STR(d->number->type_code, "TB");
  CHECK_STR(d->number->issuer_code, "HU");
  CHECK(!d->number->colon);
  CHECK_INT(d->place_date->day, 0);
  CHECK_INT(d->place_date->month, 1);
  CHECK_STR(d->place_date->month_text, "01");
  CHECK_INT(d->signature->nauthority, 1);
  CHECK_STR(d->signature->authority[0].prefix, "TM");
  CHECK_STR(d->signature->authority[0].of, "BAN THƯỜNG VỤ");
  CHECK(d->signature->name == NULL);

  /* hard wraps: a hyphen at a line end joins; "2021." after a wrap is
   * not an item */
  d = parse(p,
            "Thực hiện Công văn số 1879-\n"
            "CV/TU ngày 30/7/2020 về phòng, chống dịch Covid-\n"
            "19 trên địa bàn tỉnh trong năm\n"
            "2021. Tiếp tục triển khai.\n"
            "\n"
            "1. Sở Y tế chủ trì.\n");
  CHECK_INT(d->nitems, 1);
  CHECK_INT(d->nrefs, 1);
  CHECK_STR(d->refs[0].number, "1879-CV/TU");
  CHECK_STR(d->refs[0].iso, "2020-07-30");
  CHECK_STR(d->refs[0].doc_type, "cong-van");
  CHECK(strstr(d->paragraphs[0].text, "Covid-19 trên") != NULL);

  /* a draft's blank fill is not a column gap */
  d = parse(p, "Số:      /UBND-VX\nLai Châu, ngày    tháng 5 năm 2021\n");
  CHECK(d->number && !d->number->has_seq);
  CHECK_STR(d->number->symbol, "UBND-VX");
  CHECK(d->place_date != NULL);
  CHECK_INT(d->place_date->month, 5);

  /* empty document: every element absent */
  d = parse(p, "");
  CHECK(!d->national && !d->issuer && !d->number && !d->signature && d->nitems == 0);
  vb_parser_free(p);
  return CHECK_DONE();
}
