/* main.c: the vbcheck program. C reads files and writes reports; the
 * model is built by the core and the policy (rules, tasks) runs in Lua. */
#include <lauxlib.h>
#include <limits.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../bridge/bridge.h"
#include "../report/json.h"
#include "../report/report.h"
#include "cli.h"

static const char *const doc_order[] = {
    "path", "format", "family", "diacritics", "national", "issuer", "number", "place_date", "doc_type",
    "subject", "addressees", "items", "tasks", "signature", "recipients", "references", NULL};

/* Message handler: add a traceback. [-1, +1, m] */
static int traceback(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  luaL_traceback(L, L, msg ? msg : "(error object)", 1);
  return 1;
}

/* Call the function on the stack under it with nargs, nres. 0 or prints
 * the error and returns -1. */
static int call(lua_State *L, int nargs, int nres) {
  int base = lua_gettop(L) - nargs;
  lua_pushcfunction(L, traceback);
  lua_insert(L, base);
  int r = lua_pcall(L, nargs, nres, base);
  lua_remove(L, base);
  if (r != LUA_OK) {
    fprintf(stderr, "vbcheck: %s\n", lua_tostring(L, -1));
    lua_pop(L, 1);
    return -1;
  }
  return 0;
}

static lua_State *open_lua(vb_lang lang) {
  lua_State *L = luaL_newstate();
  if (!L) return NULL;
  luaL_openlibs(L);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, luaopen_vbcheck_core);
  lua_setfield(L, -2, "vbcheck.core");
  lua_pop(L, 1);
  char home[PATH_MAX];
  if (!vb_home(home, sizeof home)) {
    fprintf(stderr, "vbcheck: %s\n",
            lang == VB_LANG_EN ? "cannot find the Lua files (set VBCHECK_HOME to the folder with lua/ and rules/)"
                               : "không tìm thấy thư mục Lua (đặt VBCHECK_HOME trỏ tới thư mục chứa lua/ và rules/)");
    lua_close(L);
    return NULL;
  }
  lua_getglobal(L, "package");
  lua_pushfstring(L, "%s/lua/?.lua;%s/lua/?/init.lua;", home, home);
  lua_getfield(L, -2, "path");
  lua_concat(L, 2);
  lua_setfield(L, -2, "path");
  lua_pop(L, 1);
  return L;
}

/* Push require(name). [-0, +1, e] */
static int require(lua_State *L, const char *name) {
  lua_getglobal(L, "require");
  lua_pushstring(L, name);
  return call(L, 1, 1);
}

static void write_out(vb_buf *b) {
  if (b->len) fwrite(b->data, 1, b->len, stdout);
  b->len = 0;
}

/* Push the options table for vb.check. [-0, +1, m] */
static void push_check_opts(lua_State *L, const vb_opts *o) {
  lua_createtable(L, 0, 8);
  lua_pushstring(L, o->stage);
  lua_setfield(L, -2, "stage");
  lua_pushstring(L, o->lang == VB_LANG_EN ? "en" : "vi");
  lua_setfield(L, -2, "lang");
  char today[16];
  time_t now = time(NULL);
  struct tm tmv;
  localtime_r(&now, &tmv);
  strftime(today, sizeof today, "%Y-%m-%d", &tmv);
  lua_pushstring(L, today);
  lua_setfield(L, -2, "today");
  const char *const *lists[2] = {o->enable, o->disable};
  size_t counts[2] = {o->nenable, o->ndisable};
  const char *names[2] = {"enable", "disable"};
  for (int k = 0; k < 2; k++) {
    lua_createtable(L, (int)counts[k], 0);
    for (size_t i = 0; i < counts[k]; i++) {
      lua_pushstring(L, lists[k][i]);
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, names[k]);
  }
  if (o->nrules_dirs) {
    /* the built-in pack plus the user's folders */
    lua_createtable(L, (int)o->nrules_dirs + 1, 0);
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "loaded");
    lua_getfield(L, -1, "vbcheck");
    lua_getfield(L, -1, "default_rules_dir");
    lua_call(L, 0, 1);
    lua_rawseti(L, -5, 1);
    lua_pop(L, 3);
    for (size_t i = 0; i < o->nrules_dirs; i++) {
      lua_pushstring(L, o->rules_dirs[i]);
      lua_rawseti(L, -2, (lua_Integer)i + 2);
    }
    lua_setfield(L, -2, "rules");
  }
}

/* vb.parse_file(path, {lang}) leaving doc or nil, msg on the stack (2
 * values). */
static int parse_file(lua_State *L, int vb, const char *path, vb_lang lang) {
  lua_getfield(L, vb, "parse_file");
  lua_pushstring(L, path);
  lua_createtable(L, 0, 1);
  lua_pushstring(L, lang == VB_LANG_EN ? "en" : "vi");
  lua_setfield(L, -2, "lang");
  return call(L, 2, 2);
}

static int cmd_parse(lua_State *L, const vb_opts *o) {
  if (require(L, "vbcheck")) return 2;
  int vb = lua_gettop(L);
  if (parse_file(L, vb, o->paths[0], o->lang)) return 2;
  if (lua_isnil(L, -2)) {
    fprintf(stderr, "%s: %s\n", o->paths[0], lua_tostring(L, -1));
    return 2;
  }
  lua_pop(L, 1);
  vb_buf out;
  vb_buf_init(&out);
  int rc = 0;
  if (!strcmp(o->format, "json")) {
    if (vb_json_value(L, -1, &out, 2, doc_order) || vb_buf_addc(&out, '\n')) rc = 2;
  } else {
    if (require(L, "vbcheck.outline")) return 2;
    lua_getfield(L, -1, "outline");
    lua_pushvalue(L, -3);
    lua_pushstring(L, o->lang == VB_LANG_EN ? "en" : "vi");
    if (call(L, 2, 1)) return 2;
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    if (s) vb_buf_add(&out, s, n);
  }
  write_out(&out);
  vb_buf_free(&out);
  return rc;
}

static int cmd_check(lua_State *L, const vb_opts *o) {
  if (require(L, "vbcheck")) return 2;
  int vb = lua_gettop(L);
  /* load the rules once, up front: a broken rule pack is a usage error */
  push_check_opts(L, o);
  int opts = lua_gettop(L);
  lua_getfield(L, vb, "rules");
  lua_getfield(L, opts, "rules");
  if (call(L, 1, 2)) return 2;
  if (lua_isnil(L, -2)) {
    fprintf(stderr, "vbcheck: %s\n", lua_tostring(L, -1));
    return 2;
  }
  lua_pop(L, 2);
  size_t nfiles = 0;
  char **files = vb_walk(o->paths, o->npaths, &nfiles);
  if (!files) {
    fprintf(stderr, "vbcheck: out of memory\n");
    return 2;
  }
  int json = !strcmp(o->format, "json");
  int color = o->color >= 0 ? o->color : (isatty(1) && !getenv("NO_COLOR"));
  vb_tally t = {0};
  vb_buf out;
  vb_buf_init(&out);
  if (json) vb_buf_printf(&out, "{\n  \"tool\": {\"name\": \"vbcheck\", \"version\": \"%s\"},\n  \"files\": [", VB_VERSION);
  int failed = 0;
  for (size_t i = 0; i < nfiles && !failed; i++) {
    const char *path = files[i];
    int top = lua_gettop(L);
    t.files++;
    if (parse_file(L, vb, path, o->lang)) {
      failed = 1;
      break;
    }
    if (json) vb_buf_adds(&out, i ? ",\n    " : "\n    ");
    if (lua_isnil(L, -2)) {
      t.unreadable++;
      const char *msg = lua_tostring(L, -1);
      if (json) {
        lua_createtable(L, 0, 3);
        lua_pushstring(L, path);
        lua_setfield(L, -2, "path");
        lua_createtable(L, 0, 1);
        lua_pushstring(L, msg);
        lua_setfield(L, -2, "message");
        lua_setfield(L, -2, "error");
        lua_newtable(L);
        lua_setfield(L, -2, "findings");
        vb_json_value(L, -1, &out, -1, NULL);
      } else {
        fprintf(stderr, "%s: %s: %s\n", path, o->lang == VB_LANG_EN ? "error" : "lỗi", msg);
      }
      lua_settop(L, top);
      write_out(&out);
      continue;
    }
    lua_pop(L, 1);
    int doc = lua_gettop(L);
    lua_getfield(L, vb, "check");
    lua_pushvalue(L, doc);
    lua_pushvalue(L, opts);
    if (call(L, 2, 1)) {
      failed = 1;
      break;
    }
    int findings = lua_gettop(L);
    vb_report_count(L, findings, &t);
    if (json) {
      lua_createtable(L, 0, 4);
      lua_pushstring(L, path);
      lua_setfield(L, -2, "path");
      lua_getfield(L, doc, "family");
      lua_setfield(L, -2, "family");
      lua_getfield(L, doc, "doc_type");
      if (lua_istable(L, -1)) lua_getfield(L, -1, "code");
      else lua_pushnil(L);
      lua_setfield(L, -3, "doc_type");
      lua_pop(L, 1);
      lua_pushvalue(L, findings);
      lua_setfield(L, -2, "findings");
      vb_json_value(L, -1, &out, -1, NULL);
    } else {
      vb_report_text(L, findings, path, color, &out);
    }
    lua_settop(L, top);
    write_out(&out);
  }
  vb_walk_free(files, nfiles);
  if (failed) return 2;
  if (json) {
    vb_buf_printf(&out,
                  "\n  ],\n  \"summary\": {\"files\": %zu, \"errors\": %zu, \"warnings\": %zu, \"infos\": %zu, "
                  "\"unreadable\": %zu}\n}\n",
                  t.files, t.errors, t.warnings, t.infos, t.unreadable);
  } else if (!o->quiet) {
    vb_report_summary(&t, o->lang, color, &out);
  }
  write_out(&out);
  vb_buf_free(&out);
  if (t.unreadable || t.rule_errors) return 2;
  return t.errors ? 1 : 0;
}

/* rules / explain / tasks are formatted by Lua (lua/vbcheck/cli.lua). */
static int cmd_lua(lua_State *L, const vb_opts *o) {
  if (require(L, "vbcheck.cli")) return 2;
  lua_getfield(L, -1, o->command);
  if (!lua_isfunction(L, -1)) {
    fprintf(stderr, "vbcheck: %s: %s\n", o->command, o->lang == VB_LANG_EN ? "not available" : "chưa hỗ trợ");
    return 2;
  }
  push_check_opts(L, o);
  lua_pushstring(L, o->format);
  lua_setfield(L, -2, "format");
  if (o->as_of) {
    lua_pushstring(L, o->as_of);
    lua_setfield(L, -2, "as_of");
  }
  if (o->agency) {
    lua_pushstring(L, o->agency);
    lua_setfield(L, -2, "agency");
  }
  size_t nfiles = 0;
  char **files = vb_walk(o->paths, o->npaths, &nfiles);
  if (!files) return 2;
  lua_createtable(L, (int)nfiles, 0);
  for (size_t i = 0; i < nfiles; i++) {
    lua_pushstring(L, files[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  vb_walk_free(files, nfiles);
  /* cli.<command>(opts, paths) -> output string, exit code */
  if (call(L, 2, 2)) return 2;
  size_t n;
  const char *s = lua_tolstring(L, -2, &n);
  if (s) fwrite(s, 1, n, stdout);
  return (int)luaL_optinteger(L, -1, 0);
}

int main(int argc, char **argv) {
  vb_opts o;
  int r = vb_args_parse(argc, argv, &o);
  if (r) {
    free(o.paths);
    return r < 0 ? 0 : r;
  }
  lua_State *L = open_lua(o.lang);
  if (!L) {
    free(o.paths);
    return 2;
  }
  int rc;
  if (!strcmp(o.command, "parse")) rc = cmd_parse(L, &o);
  else if (!strcmp(o.command, "check")) rc = cmd_check(L, &o);
  else rc = cmd_lua(L, &o);
  lua_close(L);
  free(o.paths);
  fflush(stdout);
  return rc;
}
