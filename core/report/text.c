/* text.c: findings as compiler-style lines, plus a summary. */
#include <lauxlib.h>
#include <string.h>

#include "report.h"

static const char *field_str(lua_State *L, int t, const char *k, const char *dflt) {
  lua_getfield(L, t, k);
  const char *s = lua_tostring(L, -1);
  lua_pop(L, 1); /* the string stays alive as a field of t */
  return s ? s : dflt;
}

static lua_Integer field_int(lua_State *L, int t, const char *k, lua_Integer dflt) {
  lua_getfield(L, t, k);
  int ok;
  lua_Integer v = lua_tointegerx(L, -1, &ok);
  lua_pop(L, 1);
  return ok ? v : dflt;
}

/* A .docx finding's paragraph text, so a person can find it in Word:
 * ' — "first 60 characters…"'. */
static void add_context(vb_buf *out, const char *s) {
  if (!s) return;
  while (*s == ' ' || *s == '\t') s++;
  if (!*s) return;
  size_t n = 0, cps = 0;
  while (s[n] && cps < 60) {
    n++;
    while (((unsigned char)s[n] & 0xC0) == 0x80) n++;
    cps++;
  }
  vb_buf_printf(out, " \xE2\x80\x94 \"%.*s%s\"", (int)n, s, s[n] ? "\xE2\x80\xA6" : "");
}

void vb_report_count(lua_State *L, int idx, vb_tally *t) {
  idx = lua_absindex(L, idx);
  lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, idx, i);
    int f = lua_gettop(L);
    const char *sev = field_str(L, f, "severity", "");
    const char *rule = field_str(L, f, "rule", "");
    if (!strcmp(sev, "error")) t->errors++;
    else if (!strcmp(sev, "warning")) t->warnings++;
    else t->infos++;
    if (!strcmp(rule, "rule/error")) t->rule_errors++;
    lua_pop(L, 1);
  }
}

void vb_report_text(lua_State *L, int idx, const char *path, int color, vb_buf *out) {
  idx = lua_absindex(L, idx);
  lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, idx, i);
    int f = lua_gettop(L);
    const char *sev = field_str(L, f, "severity", "info");
    const char *c = !color ? "" : !strcmp(sev, "error") ? "\033[1;31m" : !strcmp(sev, "warning") ? "\033[1;33m" : "\033[1;36m";
    vb_buf_printf(out, "%s:%lld:%lld: %s%s%s: %s", path, (long long)field_int(L, f, "line", 1),
                  (long long)field_int(L, f, "column", 1), c, sev, color ? "\033[0m" : "",
                  field_str(L, f, "message", ""));
    add_context(out, field_str(L, f, "context", NULL));
    vb_buf_printf(out, " [%s]\n", field_str(L, f, "rule", "?"));
    lua_pop(L, 1);
  }
}

void vb_report_summary(const vb_tally *t, vb_lang lang, int color, vb_buf *out) {
  const char *b = color ? "\033[1m" : "", *e = color ? "\033[0m" : "";
  if (lang == VB_LANG_EN)
    vb_buf_printf(out, "%s%zu file%s checked: %zu error%s, %zu warning%s, %zu info", b, t->files,
                  t->files == 1 ? "" : "s", t->errors, t->errors == 1 ? "" : "s", t->warnings,
                  t->warnings == 1 ? "" : "s", t->infos);
  else
    vb_buf_printf(out, "%sĐã kiểm tra %zu tệp: %zu lỗi, %zu cảnh báo, %zu thông tin", b, t->files, t->errors,
                  t->warnings, t->infos);
  if (t->unreadable && lang == VB_LANG_EN)
    vb_buf_printf(out, "; %zu file%s could not be read", t->unreadable, t->unreadable == 1 ? "" : "s");
  else if (t->unreadable)
    vb_buf_printf(out, "; %zu tệp không đọc được", t->unreadable);
  vb_buf_printf(out, "%s\n", e);
}
