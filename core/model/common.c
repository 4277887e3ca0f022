/* common.c: allocation and lookup helpers shared by the element parsers. */
#include <string.h>

#include "../parse/internal.h"

void *vb_new(vb_parser *p, size_t size) {
  void *x = vb_arena_alloc(&p->arena, size);
  if (!x) p->failed = 1;
  return x;
}

const char *vb_strdup(vb_parser *p, const char *s, size_t n) {
  char *x = vb_arena_strndup(&p->arena, s, n);
  if (!x) {
    p->failed = 1;
    return "";
  }
  return x;
}

int vb_date_valid(int d, int m, int y) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return 0;
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = days[m - 1] + (m == 2 && leap);
  return d <= max;
}

/* Type names (folded, longest first where one prefixes another) and their
 * codes in rules.md. Names without a code map to "unknown". */
static const struct {
  const char *name, *code;
} type_names[] = {
    {"thong bao ket luan", "thong-bao"},
    {"thong bao", "thong-bao"},
    {"cong van", "cong-van"},
    {"quyet dinh", "quyet-dinh"},
    {"chi thi", "chi-thi"},
    {"ke hoach", "ke-hoach"},
    {"bao cao", "bao-cao"},
    {"to trinh", "to-trinh"},
    {"huong dan", "huong-dan"},
    {"chuong trinh", "chuong-trinh"},
    {"nghi quyet", "nghi-quyet"},
    {"ket luan", "ket-luan"},
    {"quy che", "quy-che"},
    {"quy dinh", "quy-dinh"},
    {"phuong an", "phuong-an"},
    {"de an", "de-an"},
    {"du an", "du-an"},
    {"bien ban", "bien-ban"},
    {"hop dong", "hop-dong"},
    {"cong dien", "cong-dien"},
    {"giay moi", "giay-moi"},
    {"giay gioi thieu", "giay-gioi-thieu"},
    {"giay uy quyen", "giay-uy-quyen"},
    {"thong cao", "thong-cao"},
    {"thong tri", "unknown"},
    {"quy trinh", "unknown"},
    {"ban ghi nho", "unknown"},
    {"ban thoa thuan", "unknown"},
    {"giay nghi phep", "unknown"},
    {"phieu gui", "unknown"},
    {"phieu chuyen", "unknown"},
    {"phieu bao", "unknown"},
    {"thu cong", "unknown"},
    {"cong thu", "unknown"},
};

const char *vb_type_code_of_name(const char *fold, size_t n, size_t *matched) {
  for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++) {
    if (vb_fold_starts(fold, n, type_names[i].name)) {
      if (matched) *matched = strlen(type_names[i].name);
      return type_names[i].code;
    }
  }
  return NULL;
}

/* Type codes of numbers (NĐ 30 Phụ lục III; HD 36 §2.3). */
static const struct {
  const char *sym, *code;
} type_codes[] = {
    {"NQ", "nghi-quyet"},   {"QĐ", "quyet-dinh"},  {"CT", "chi-thi"},
    {"QC", "quy-che"},      {"QyĐ", "quy-dinh"},   {"QĐi", "quy-dinh"},
    {"TC", "thong-cao"},    {"TB", "thong-bao"},   {"HD", "huong-dan"},
    {"CTr", "chuong-trinh"}, {"KH", "ke-hoach"},   {"PA", "phuong-an"},
    {"ĐA", "de-an"},        {"DA", "du-an"},       {"BC", "bao-cao"},
    {"BB", "bien-ban"},     {"TTr", "to-trinh"},   {"HĐ", "hop-dong"},
    {"CĐ", "cong-dien"},    {"GUQ", "giay-uy-quyen"}, {"GM", "giay-moi"},
    {"GGT", "giay-gioi-thieu"}, {"CV", "cong-van"}, {"KL", "ket-luan"},
    {"BGN", "unknown"},     {"BTT", "unknown"},    {"GNP", "unknown"},
    {"PG", "unknown"},      {"PC", "unknown"},     {"PB", "unknown"},
    {"SY", "unknown"},      {"TrS", "unknown"},    {"SL", "unknown"},
    {"TT", "unknown"},      {"QTr", "unknown"},    {"BS", "unknown"},
};

const char *vb_type_code_of_symbol(const char *code) {
  for (size_t i = 0; i < sizeof type_codes / sizeof type_codes[0]; i++)
    if (!strcmp(code, type_codes[i].sym)) return type_codes[i].code;
  return NULL;
}
