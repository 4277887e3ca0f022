/* args.c: command line of the vbcheck program (model.md §1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help_vi[] =
    "vbcheck " VB_VERSION " — kiểm tra thể thức văn bản hành chính (NĐ 30/2020/NĐ-CP) và văn bản\n"
    "của Đảng (HD 36-HD/VPTW).\n"
    "\n"
    "Cách dùng:\n"
    "  vbcheck [check] [tùy chọn] ĐƯỜNG_DẪN...   kiểm tra tệp; thư mục được duyệt (.txt .md .docx)\n"
    "  vbcheck parse [--format json|text] TỆP   in mô hình văn bản\n"
    "  vbcheck tasks [--format text|json|csv|ics] [--as-of NGÀY] [--agency TÊN] [--overdue]\n"
    "                [--db TỆP] [ĐƯỜNG_DẪN...]  liệt kê nhiệm vụ (cơ quan chủ trì, thời hạn)\n"
    "  vbcheck rules                            liệt kê các quy tắc\n"
    "  vbcheck explain MÃ_QUY_TẮC               giải thích một quy tắc và căn cứ pháp lý\n"
    "  vbcheck index [--db TỆP] ĐƯỜNG_DẪN...     ghi văn bản, nhiệm vụ, trích dẫn vào sổ SQLite\n"
    "  vbcheck stats [--db TỆP] [--as-of NGÀY] [--format text|json]  thống kê từ sổ đăng ký\n"
    "  vbcheck new-rule NHÓM/TÊN [--rules THƯ_MỤC]  tạo quy tắc mới và tệp kiểm thử từ mẫu\n"
    "  vbcheck test [THƯ_MỤC]                   chạy kiểm thử (Busted) của một thư mục quy tắc\n"
    "\n"
    "Tùy chọn:\n"
    "  --format ĐỊNH_DẠNG      text (mặc định), json, sarif, junit, github, html (tasks: cả csv, ics)\n"
    "  --stage draft|issued    dự thảo (mặc định) hoặc văn bản đã ban hành\n"
    "  --config TỆP            tệp cấu hình (mặc định: .vbcheck.lua gần nhất từ thư mục của tệp\n"
    "                          trở lên); --no-config bỏ qua mọi tệp cấu hình\n"
    "  --lang vi|en            ngôn ngữ thông báo (mặc định vi)\n"
    "  --rules THƯ_MỤC         thêm thư mục quy tắc (lặp lại được)\n"
    "  --enable QUY_TẮC        bật quy tắc; --disable QUY_TẮC tắt quy tắc\n"
    "  --db TỆP                sổ đăng ký SQLite (mặc định .vbcheck/register.db ở gốc kho, nếu có)\n"
    "  --cache                 bỏ qua tệp không đổi từ lần kiểm tra trước (ghi vào sổ đăng ký)\n"
    "  -j N                    số tệp xử lý song song (mặc định: số nhân CPU)\n"
    "  -q                      chỉ in lỗi và cảnh báo, không in dòng tổng kết\n"
    "  --no-color              không tô màu (cũng theo biến NO_COLOR)\n"
    "  -h, --help              trợ giúp; --version  phiên bản\n"
    "\n"
    "Mã thoát: 0 không có lỗi (error); 1 có ít nhất một lỗi; 2 sai cách dùng, có tệp không\n"
    "đọc được hoặc quy tắc bị lỗi (các tệp khác vẫn được kiểm tra).\n";

static const char help_en[] =
    "vbcheck " VB_VERSION " — checks Vietnamese official documents against NĐ 30/2020/NĐ-CP (state)\n"
    "and HD 36-HD/VPTW (Party).\n"
    "\n"
    "Usage:\n"
    "  vbcheck [check] [options] PATH...        check files; directories are walked (.txt .md .docx)\n"
    "  vbcheck parse [--format json|text] FILE  print the document model\n"
    "  vbcheck tasks [--format text|json|csv|ics] [--as-of DATE] [--agency NAME] [--overdue]\n"
    "                [--db FILE] [PATH...]      list the tasks (lead agency, deadline)\n"
    "  vbcheck rules                            list every rule\n"
    "  vbcheck explain RULE-ID                  a rule's documentation and legal basis\n"
    "  vbcheck index [--db FILE] PATH...        record documents, tasks, references in SQLite\n"
    "  vbcheck stats [--db FILE] [--as-of DATE] [--format text|json]  figures from the register\n"
    "  vbcheck new-rule GROUP/NAME [--rules DIR]  write a new rule and its spec from a template\n"
    "  vbcheck test [DIR]                       run a rule folder's specs (Busted)\n"
    "\n"
    "Options:\n"
    "  --format FORMAT         text (default), json, sarif, junit, github, html (tasks: also csv, ics)\n"
    "  --stage draft|issued    draft (default) or issued document\n"
    "  --config FILE           configuration (default: the nearest .vbcheck.lua from the file's\n"
    "                          folder upwards); --no-config ignores configuration files\n"
    "  --lang vi|en            message language (default vi)\n"
    "  --rules DIR             extra rule folder (repeatable)\n"
    "  --enable RULE           enable a rule; --disable RULE disables one\n"
    "  --db FILE               SQLite register (default .vbcheck/register.db at the repository root)\n"
    "  --cache                 skip files unchanged since the last run (kept in the register)\n"
    "  -j N                    files checked in parallel (default: the number of cores)\n"
    "  -q                      findings only, no summary line\n"
    "  --no-color              no colour (NO_COLOR is honoured too)\n"
    "  -h, --help              this help; --version  the version\n"
    "\n"
    "Exit status: 0 no error finding; 1 at least one error finding; 2 usage error, an\n"
    "unreadable file or a failing rule (the other files are still checked).\n";

void vb_args_help(vb_lang lang) { fputs(lang == VB_LANG_EN ? help_en : help_vi, stdout); }

static int usage(const vb_opts *o, const char *what, const char *arg) {
  if (o->lang == VB_LANG_EN)
    fprintf(stderr, "vbcheck: %s%s%s (see vbcheck --help)\n", what, arg ? ": " : "", arg ? arg : "");
  else
    fprintf(stderr, "vbcheck: %s%s%s (xem vbcheck --help)\n", what, arg ? ": " : "", arg ? arg : "");
  return 2;
}

static int in(const char *s, const char *const *set) {
  for (; *set; set++)
    if (!strcmp(s, *set)) return 1;
  return 0;
}

int vb_args_parse(int argc, char **argv, vb_opts *o) {
  memset(o, 0, sizeof *o);
  o->command = "check";
  o->format = "text";
  o->stage = NULL; /* draft unless a configuration says otherwise */
  o->color = -1;
  o->jobs = 0;
  /* --lang first, so errors come in the chosen language */
  for (int i = 1; i + 1 < argc; i++)
    if (!strcmp(argv[i], "--lang") && !strcmp(argv[i + 1], "en")) o->lang = VB_LANG_EN;
  for (int i = 1; i < argc; i++)
    if (!strncmp(argv[i], "--lang=en", 9)) o->lang = VB_LANG_EN;
  int en = o->lang == VB_LANG_EN;
  static const char *const commands[] = {"check", "parse", "rules", "explain", "tasks", "index",
                                         "stats", "new-rule", "test", NULL};
  int i = 1;
  if (i < argc && in(argv[i], commands)) o->command = argv[i++];
  o->paths = calloc((size_t)argc + 1, sizeof *o->paths);
  if (!o->paths) return usage(o, en ? "out of memory" : "hết bộ nhớ", NULL);
  for (; i < argc; i++) {
    char *a = argv[i];
    char *val = NULL;
    char *eq = NULL;
    if (!strncmp(a, "--", 2) && (eq = strchr(a, '='))) {
      *eq = '\0';
      val = eq + 1;
    }
#define NEXT()                                                                  \
  do {                                                                          \
    if (!val) {                                                                 \
      if (i + 1 >= argc) return usage(o, en ? "missing value for" : "thiếu giá trị cho", a); \
      val = argv[++i];                                                          \
    }                                                                           \
  } while (0)
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      vb_args_help(o->lang);
      return -1;
    } else if (!strcmp(a, "--version")) {
      printf("vbcheck %s\n", VB_VERSION);
      return -1;
    } else if (!strcmp(a, "--format")) {
      NEXT();
      static const char *const fmts[] = {"text", "json", "github", "junit", "sarif", "html", "csv", "ics", NULL};
      if (!in(val, fmts)) return usage(o, en ? "unknown format" : "định dạng không hợp lệ", val);
      o->format = val;
    } else if (!strcmp(a, "--stage")) {
      NEXT();
      if (strcmp(val, "draft") && strcmp(val, "issued"))
        return usage(o, en ? "--stage must be draft or issued" : "--stage phải là draft hoặc issued", val);
      o->stage = val;
    } else if (!strcmp(a, "--lang")) {
      NEXT();
      if (strcmp(val, "vi") && strcmp(val, "en"))
        return usage(o, en ? "--lang must be vi or en" : "--lang phải là vi hoặc en", val);
      o->lang_given = 1;
    } else if (!strcmp(a, "--enable") || !strcmp(a, "--disable") || !strcmp(a, "--rules")) {
      const char *which = a;
      NEXT();
      const char **arr = !strcmp(which, "--enable") ? o->enable : !strcmp(which, "--disable") ? o->disable : o->rules_dirs;
      size_t *cnt = !strcmp(which, "--enable") ? &o->nenable : !strcmp(which, "--disable") ? &o->ndisable : &o->nrules_dirs;
      if (*cnt >= VB_MAX_LIST) return usage(o, en ? "too many values for" : "quá nhiều giá trị cho", which);
      arr[(*cnt)++] = val;
    } else if (!strcmp(a, "--config")) {
      NEXT();
      o->config = val;
    } else if (!strcmp(a, "--no-config")) {
      o->no_config = 1;
    } else if (!strcmp(a, "--db")) {
      NEXT();
      o->db = val;
    } else if (!strcmp(a, "--cache")) {
      o->cache = 1;
    } else if (!strcmp(a, "--overdue")) {
      o->overdue = 1;
    } else if (!strcmp(a, "--as-of")) {
      NEXT();
      o->as_of = val;
    } else if (!strcmp(a, "--agency")) {
      NEXT();
      o->agency = val;
    } else if (!strcmp(a, "-j") || !strncmp(a, "-j", 2)) {
      const char *num = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
      char *end;
      long j = num ? strtol(num, &end, 10) : 0;
      if (!num || *end || j < 1 || j > 256) return usage(o, en ? "-j needs a number 1..256" : "-j cần một số từ 1 đến 256", num);
      o->jobs = (int)j;
    } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
      o->quiet = 1;
    } else if (!strcmp(a, "--no-color")) {
      o->color = 0;
    } else if (!strcmp(a, "--color")) {
      o->color = 1;
    } else if (a[0] == '-' && a[1]) {
      return usage(o, en ? "unknown option" : "tùy chọn không hợp lệ", a);
    } else {
      o->paths[o->npaths++] = a;
    }
#undef NEXT
  }
  if (!strcmp(o->command, "parse") && o->npaths != 1)
    return usage(o, en ? "parse takes exactly one file" : "parse cần đúng một tệp", NULL);
  if (!strcmp(o->command, "explain") && o->npaths != 1)
    return usage(o, en ? "explain takes one rule id" : "explain cần một mã quy tắc", NULL);
  if ((!strcmp(o->command, "check") || !strcmp(o->command, "index") ||
       (!strcmp(o->command, "tasks") && !o->db)) && o->npaths == 0)
    return usage(o, en ? "no file or folder given" : "chưa chỉ định tệp hoặc thư mục", NULL);
  return 0;
}
