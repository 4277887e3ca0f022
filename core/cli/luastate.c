/* luastate.c: the program's Lua states: opening one with vbcheck's paths,
 * protected calls that report errors, and the options table that every
 * Lua entry point (session, cli.lua) receives. */
#include <lauxlib.h>
#include <limits.h>
#include <lualib.h>
#include <stdio.h>

#include "../bridge/bridge.h"
#include "cli.h"

/* Message handler: add a traceback. [-1, +1, m] */
static int traceback(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  luaL_traceback(L, L, msg ? msg : "(error object)", 1);
  return 1;
}

int vb_lua_call(lua_State *L, int nargs, int nres) {
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

int vb_lua_require(lua_State *L, const char *name) {
  lua_getglobal(L, "require");
  lua_pushstring(L, name);
  return vb_lua_call(L, 1, 1);
}

lua_State *vb_lua_open(vb_lang lang) {
  lua_State *L = luaL_newstate();
  if (!L) {
    fputs(lang == VB_LANG_EN ? "vbcheck: out of memory\n" : "vbcheck: hết bộ nhớ\n", stderr);
    return NULL;
  }
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

static void set_str(lua_State *L, const char *k, const char *v) {
  if (!v) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

static void set_bool(lua_State *L, const char *k, int v) {
  lua_pushboolean(L, v);
  lua_setfield(L, -2, k);
}

static void set_list(lua_State *L, const char *k, const char *const *v, size_t n) {
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_pushstring(L, v[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, k);
}

void vb_lua_push_opts(lua_State *L, const vb_opts *o, const char *today, int color) {
  lua_createtable(L, 0, 20);
  set_str(L, "command", o->command);
  set_str(L, "format", o->format);
  set_str(L, "stage", o->stage);
  set_str(L, "lang", o->lang == VB_LANG_EN ? "en" : "vi");
  set_str(L, "today", today);
  set_str(L, "as_of", o->as_of);
  set_str(L, "agency", o->agency);
  set_str(L, "config", o->config);
  set_str(L, "db", o->db);
  set_bool(L, "no_config", o->no_config);
  set_bool(L, "lang_given", o->lang_given);
  set_bool(L, "cache", o->cache);
  set_bool(L, "overdue", o->overdue);
  set_bool(L, "quiet", o->quiet);
  set_bool(L, "color", color);
  lua_pushinteger(L, o->jobs);
  lua_setfield(L, -2, "jobs");
  set_list(L, "enable", o->enable, o->nenable);
  set_list(L, "disable", o->disable, o->ndisable);
  /* extra rule folders only; Lua adds the built-in pack in front */
  set_list(L, "rules_dirs", o->rules_dirs, o->nrules_dirs);
  /* the command line's paths, before walking (index prunes under them) */
  set_list(L, "paths", (const char *const *)o->paths, o->npaths);
}
