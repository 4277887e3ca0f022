/* module.c: the vbcheck.core Lua module (C side of `require "vbcheck"`).
 *
 * One vb_parser per Lua state, held as an upvalue (no global state), so
 * parsing many documents from Lua reuses its buffers. */
#include <dirent.h>
#include <errno.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "../parse/parse.h"
#include "../report/json.h"
#include "bridge.h"
#include "limit.h"
#include "store.h"

#define PARSER_MT "vbcheck.parser"

typedef struct ud_parser {
  vb_parser *p;
} ud_parser;

static vb_parser *get_parser(lua_State *L) {
  ud_parser *u = luaL_checkudata(L, lua_upvalueindex(1), PARSER_MT);
  if (!u->p) luaL_error(L, "vbcheck: parser already closed");
  return u->p;
}

/* [-1, +0, -] */
static int parser_gc(lua_State *L) {
  ud_parser *u = luaL_checkudata(L, 1, PARSER_MT);
  vb_parser_free(u->p);
  u->p = NULL;
  return 0;
}

static vb_lang opt_lang(lua_State *L, int idx) {
  if (!lua_istable(L, idx)) return VB_LANG_VI;
  lua_getfield(L, idx, "lang");
  const char *s = lua_tostring(L, -1);
  vb_lang l = (s && !strcmp(s, "en")) ? VB_LANG_EN : VB_LANG_VI;
  lua_pop(L, 1);
  return l;
}

static const char *code_name(vb_status st) {
  switch (st) {
  case VB_ENOMEM: return "ENOMEM";
  case VB_ENOENT: return "ENOENT";
  case VB_EISDIR: return "EISDIR";
  case VB_EACCES: return "EACCES";
  case VB_EIO: return "EIO";
  case VB_EUTF8: return "EUTF8";
  case VB_EUTF16: return "EUTF16";
  case VB_EBINARY: return "EBINARY";
  case VB_ETOOBIG: return "ETOOBIG";
  case VB_EFORMAT: return "EFORMAT";
  default: return "OK";
  }
}

/* Push nil, message, code. [-0, +3, m] */
static int push_error(lua_State *L, const vb_error *err, vb_lang lang) {
  char msg[256];
  vb_strerror(err, lang, msg, sizeof msg);
  lua_pushnil(L);
  lua_pushstring(L, msg);
  lua_pushstring(L, code_name(err->code));
  return 3;
}

/* core.parse(text [, {path=, format=, lang=}]) -> doc | nil, msg, code */
static int l_parse(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  const char *path = NULL;
  vb_format fmt = VB_FORMAT_TEXT;
  if (lua_istable(L, 2)) {
    lua_getfield(L, 2, "path");
    path = lua_tostring(L, -1);
    lua_getfield(L, 2, "format");
    const char *f = lua_tostring(L, -1);
    if (f && !strcmp(f, "markdown")) fmt = VB_FORMAT_MARKDOWN;
    else if (!f && path) fmt = vb_format_from_path(path);
    lua_pop(L, 1); /* path stays referenced until return */
  }
  vb_parser *p = get_parser(L);
  const vb_doc *doc;
  vb_error err;
  if (vb_parse(p, s, len, path, fmt, &doc, &err) != VB_OK) return push_error(L, &err, opt_lang(L, 2));
  vb_push_doc(L, doc);
  return 1;
}

/* core.parse_file(path [, {lang=}]) -> doc | nil, msg, code */
static int l_parse_file(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  vb_parser *p = get_parser(L);
  const vb_doc *doc;
  vb_error err;
  if (vb_parse_file(p, path, &doc, &err) != VB_OK) return push_error(L, &err, opt_lang(L, 2));
  vb_push_doc(L, doc);
  return 1;
}

/* core.fold(s) -> folded string */
static int l_fold(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  vb_parser *p = get_parser(L);
  vb_buf out;
  vb_buf_init(&out);
  if (vb_parser_fold(p, s, len, &out)) {
    vb_buf_free(&out);
    return luaL_error(L, "out of memory");
  }
  lua_pushlstring(L, out.data ? out.data : "", out.len);
  vb_buf_free(&out);
  return 1;
}

/* core.json(value [, indent]) -> JSON text. Compact unless indent >= 0;
 * object keys sorted, so the same value always gives the same text.
 * [-0, +1, m] */
static int l_json(lua_State *L) {
  luaL_checkany(L, 1);
  int indent = (int)luaL_optinteger(L, 2, -1);
  vb_buf out;
  vb_buf_init(&out);
  if (vb_json_value(L, 1, &out, indent, NULL)) {
    vb_buf_free(&out);
    return luaL_error(L, "out of memory");
  }
  lua_pushlstring(L, out.data ? out.data : "", out.len);
  vb_buf_free(&out);
  return 1;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* core.listdir(path) -> sorted names, directories with a trailing "/";
 * or nil, message. Hidden entries (".x") are skipped. */
static int l_listdir(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  DIR *dir = opendir(path);
  if (!dir) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  size_t n = 0, cap = 32;
  char **names = malloc(cap * sizeof *names);
  struct dirent *de;
  int bad = names == NULL;
  while (!bad && (de = readdir(dir))) {
    if (de->d_name[0] == '.') continue;
    size_t pl = strlen(path), nl = strlen(de->d_name);
    char *full = malloc(pl + nl + 2);
    if (!full) { bad = 1; break; }
    memcpy(full, path, pl);
    full[pl] = '/';
    memcpy(full + pl + 1, de->d_name, nl + 1);
    struct stat st;
    int isdir = stat(full, &st) == 0 && S_ISDIR(st.st_mode);
    free(full);
    char *name = malloc(nl + 2);
    if (!name) { bad = 1; break; }
    memcpy(name, de->d_name, nl);
    if (isdir) name[nl++] = '/';
    name[nl] = '\0';
    if (n == cap) {
      char **x = realloc(names, cap * 2 * sizeof *x);
      if (!x) { free(name); bad = 1; break; }
      names = x;
      cap *= 2;
    }
    names[n++] = name;
  }
  closedir(dir);
  if (bad) {
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return luaL_error(L, "out of memory");
  }
  qsort(names, n, sizeof *names, cmp_str);
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_pushstring(L, names[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
    free(names[i]);
  }
  free(names);
  return 1;
}

int luaopen_vbcheck_core(lua_State *L) {
  static const luaL_Reg fns[] = {
      {"parse", l_parse}, {"parse_file", l_parse_file}, {"fold", l_fold}, {"listdir", l_listdir},
      {"json", l_json}, {NULL, NULL}};
  lua_createtable(L, 0, 8);
  ud_parser *u = lua_newuserdatauv(L, sizeof *u, 0);
  u->p = NULL;
  if (luaL_newmetatable(L, PARSER_MT)) {
    lua_pushcfunction(L, parser_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  u->p = vb_parser_new();
  if (!u->p) return luaL_error(L, "vbcheck: out of memory");
  luaL_setfuncs(L, fns, 1);
  vb_store_setfuncs(L);
  vb_limit_setfuncs(L);
  lua_pushliteral(L, VB_VERSION);
  lua_setfield(L, -2, "version");
  lua_pushstring(L, utf8proc_version());
  lua_setfield(L, -2, "utf8proc_version");
  return 1;
}
