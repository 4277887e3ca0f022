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

#include "../report/json.h"
#include "cli.h"

static const char *const doc_order[] = {
    "path", "format", "family", "diacritics", "national", "issuer", "number", "place_date", "doc_type",
    "subject", "addressees", "items", "tasks", "signature", "recipients", "references", NULL};

static void write_out(vb_buf *b) {
  if (b->len) fwrite(b->data, 1, b->len, stdout);
  b->len = 0;
}

/* vb.parse_file(path, {lang}) leaving doc or nil, msg on the stack (2
 * values). */
static int parse_file(lua_State *L, int vb, const char *path, vb_lang lang) {
  lua_getfield(L, vb, "parse_file");
  lua_pushstring(L, path);
  lua_createtable(L, 0, 1);
  lua_pushstring(L, lang == VB_LANG_EN ? "en" : "vi");
  lua_setfield(L, -2, "lang");
  return vb_lua_call(L, 2, 2);
}

static int cmd_parse(lua_State *L, const vb_opts *o) {
  if (vb_lua_require(L, "vbcheck")) return 2;
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
    if (vb_lua_require(L, "vbcheck.outline")) return 2;
    lua_getfield(L, -1, "outline");
    lua_pushvalue(L, -3);
    lua_pushstring(L, o->lang == VB_LANG_EN ? "en" : "vi");
    if (vb_lua_call(L, 2, 1)) return 2;
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    if (s) vb_buf_add(&out, s, n);
  }
  write_out(&out);
  vb_buf_free(&out);
  return rc;
}

/* check and index: the worker pool (pool.c) with one session per worker. */
static int cmd_check(const vb_opts *o, const char *today) {
  size_t nfiles = 0;
  char **files = vb_walk(o->paths, o->npaths, &nfiles);
  if (!files) {
    fputs(o->lang == VB_LANG_EN ? "vbcheck: out of memory\n" : "vbcheck: hết bộ nhớ\n", stderr);
    return 2;
  }
  int rc = 0;
  if (!strcmp(o->command, "check") && o->cache) {
    /* check --cache, first pass: bring the register up to date (parse and
     * store what changed, silently); the check pass then replays every
     * file from it. Two passes, so what a file's cross-document rules see
     * never depends on which worker wrote what first. */
    vb_opts first = *o;
    first.command = "cache";
    rc = vb_check_files(&first, files, nfiles, today);
  }
  if (rc == 0) rc = vb_check_files(o, files, nfiles, today);
  vb_walk_free(files, nfiles);
  return rc;
}

/* The other commands are written in Lua (lua/vbcheck/cli.lua). */
static int cmd_lua(lua_State *L, const vb_opts *o, const char *today) {
  if (vb_lua_require(L, "vbcheck.cli")) return 2;
  lua_getfield(L, -1, o->command);
  if (!lua_isfunction(L, -1)) {
    fprintf(stderr, "vbcheck: %s: %s\n", o->command, o->lang == VB_LANG_EN ? "not available" : "chưa hỗ trợ");
    return 2;
  }
  vb_lua_push_opts(L, o, today, o->color > 0);
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
  if (vb_lua_call(L, 2, 2)) return 2;
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
  char today[16];
  time_t now = time(NULL);
  struct tm tmv;
  localtime_r(&now, &tmv);
  strftime(today, sizeof today, "%Y-%m-%d", &tmv);
  int rc;
  if (!strcmp(o.command, "check") || !strcmp(o.command, "index")) {
    rc = cmd_check(&o, today);
  } else {
    lua_State *L = vb_lua_open(o.lang);
    if (!L) {
      free(o.paths);
      return 2;
    }
    rc = !strcmp(o.command, "parse") ? cmd_parse(L, &o) : cmd_lua(L, &o, today);
    lua_close(L);
  }
  free(o.paths);
  fflush(stdout);
  return rc;
}
