/* store.c: Lua binding of the register (core/store/register.h) and the
 * file helpers the register needs; see store.h. Stack effects are noted
 * as in the Lua manual: [-pop, +push, errors]. */
#include "store.h"

#include <errno.h>
#include <lauxlib.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../store/register.h"
#include "../util/buf.h"
#include "../util/sha256.h"

#define REG_MT "vbcheck.register"
/* How long a writer waits for another connection's write lock. */
#define BUSY_MS 60000

typedef struct ud_reg {
  vb_reg *r;
} ud_reg;

/* core.sha256(s) -> hex [-0, +1, m] */
static int l_sha256(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  char hex[65];
  vb_sha256_hex(s, n, hex);
  lua_pushlstring(L, hex, 64);
  return 1;
}

/* core.file_digest(path) -> hex, size | nil, message [-0, +2, m] */
static int l_file_digest(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  FILE *f = fopen(path, "rb");
  if (!f) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  vb_sha256 c;
  vb_sha256_init(&c);
  unsigned char buf[65536];
  size_t n, total = 0;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
    vb_sha256_update(&c, buf, n);
    total += n;
  }
  int bad = ferror(f);
  int e = errno;
  fclose(f);
  if (bad) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(e));
    return 2;
  }
  unsigned char d[32];
  char hex[65];
  vb_sha256_final(&c, d);
  vb_sha256_tohex(d, hex);
  lua_pushlstring(L, hex, 64);
  lua_pushinteger(L, (lua_Integer)total);
  return 2;
}

/* core.abspath(path) -> path: relative paths are taken from the current
 * folder; "." and ".." are resolved on the text, so a deleted file still
 * has a path. [-0, +1, m] */
static int l_abspath(lua_State *L) {
  const char *p = luaL_checkstring(L, 1);
  vb_buf in, out;
  vb_buf_init(&in);
  vb_buf_init(&out);
  int bad = 0;
  if (p[0] != '/') {
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) {
      lua_pushnil(L);
      lua_pushfstring(L, "getcwd: %s", strerror(errno));
      return 2;
    }
    bad |= vb_buf_adds(&in, cwd) | vb_buf_addc(&in, '/');
  }
  bad |= vb_buf_adds(&in, p) | vb_buf_cstr(&in);
  /* out keeps "/seg/seg"; ".." drops the last segment */
  for (const char *s = bad ? "" : in.data; *s;) {
    while (*s == '/') s++;
    const char *e = s;
    while (*e && *e != '/') e++;
    size_t len = (size_t)(e - s);
    if (len == 0 || (len == 1 && s[0] == '.')) {
      /* nothing */
    } else if (len == 2 && s[0] == '.' && s[1] == '.') {
      while (out.len && out.data[out.len - 1] != '/') out.len--;
      if (out.len) out.len--;
    } else {
      bad |= vb_buf_addc(&out, '/') | vb_buf_add(&out, s, len);
    }
    s = e;
  }
  if (!bad && !out.len) bad |= vb_buf_addc(&out, '/');
  if (bad) {
    vb_buf_free(&in);
    vb_buf_free(&out);
    return luaL_error(L, "out of memory");
  }
  lua_pushlstring(L, out.data, out.len);
  vb_buf_free(&in);
  vb_buf_free(&out);
  return 1;
}

/* core.stat(path) -> "file" | "dir" | "other" | nil [-0, +1, -] */
static int l_stat(lua_State *L) {
  struct stat st;
  if (stat(luaL_checkstring(L, 1), &st)) {
    lua_pushnil(L);
    return 1;
  }
  lua_pushstring(L, S_ISREG(st.st_mode) ? "file" : S_ISDIR(st.st_mode) ? "dir" : "other");
  return 1;
}

/* core.mkdir(path) -> true | nil, message; an existing folder is fine.
 * [-0, +1|2, m] */
static int l_mkdir(lua_State *L) {
  const char *p = luaL_checkstring(L, 1);
  struct stat st;
  if (mkdir(p, 0777) && !(errno == EEXIST && stat(p, &st) == 0 && S_ISDIR(st.st_mode))) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", p, strerror(errno));
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* The open register at argument 1. [-0, +0, v] */
static vb_reg *check_reg(lua_State *L) {
  ud_reg *u = luaL_checkudata(L, 1, REG_MT);
  if (!u->r) luaL_error(L, "register: already closed");
  return u->r;
}

/* core.register_open(path, "read"|"write") -> register | nil, message
 * [-0, +1|2, m] */
static int l_register_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  static const char *const modes[] = {"read", "write", NULL};
  int mode = luaL_checkoption(L, 2, "read", modes);
  ud_reg *u = lua_newuserdatauv(L, sizeof *u, 0);
  u->r = NULL;
  luaL_setmetatable(L, REG_MT);
  char err[256];
  u->r = vb_reg_open(path, mode ? VB_REG_WRITE : VB_REG_READ, BUSY_MS, err, sizeof err);
  if (!u->r) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, err);
    return 2;
  }
  return 1;
}

/* Bind the statement's ":field" parameters from the table at idx.
 * [-0, +0, e] */
static void bind_params(lua_State *L, sqlite3_stmt *st, int idx) {
  int n = sqlite3_bind_parameter_count(st);
  for (int i = 1; i <= n; i++) {
    const char *name = sqlite3_bind_parameter_name(st, i);
    if (!name || !lua_istable(L, idx)) continue; /* stays NULL */
    lua_getfield(L, idx, name + 1);
    int rc = SQLITE_OK;
    switch (lua_type(L, -1)) {
    case LUA_TNIL: break;
    case LUA_TBOOLEAN: rc = sqlite3_bind_int(st, i, lua_toboolean(L, -1)); break;
    case LUA_TNUMBER:
      rc = lua_isinteger(L, -1) ? sqlite3_bind_int64(st, i, lua_tointeger(L, -1))
                                : sqlite3_bind_double(st, i, lua_tonumber(L, -1));
      break;
    case LUA_TSTRING: {
      size_t len;
      const char *s = lua_tolstring(L, -1, &len);
      rc = sqlite3_bind_text64(st, i, s, len, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    }
    default:
      sqlite3_reset(st);
      luaL_error(L, "register: cannot store a %s in %s", luaL_typename(L, -1), name);
    }
    lua_pop(L, 1);
    if (rc != SQLITE_OK) {
      sqlite3_reset(st);
      luaL_error(L, "register: %s", sqlite3_errmsg(sqlite3_db_handle(st)));
    }
  }
}

/* The statement called name (argument 2) with params (argument 3) bound.
 * [-0, +0, e] */
static sqlite3_stmt *prepare(lua_State *L, vb_reg *r) {
  const char *name = luaL_checkstring(L, 2);
  sqlite3_stmt *st = vb_reg_stmt(r, name);
  if (!st) luaL_error(L, "register: %s", vb_reg_errmsg(r));
  bind_params(L, st, 3);
  return st;
}

/* Raise the statement's error after resetting it. [-0, +0, e] */
static int step_error(lua_State *L, sqlite3_stmt *st) {
  sqlite3 *db = sqlite3_db_handle(st);
  sqlite3_reset(st);
  return luaL_error(L, "register: %s", sqlite3_errmsg(db));
}

/* register:exec(name, params) -> changes, rowid [-0, +2, e] */
static int l_exec(lua_State *L) {
  vb_reg *r = check_reg(L);
  sqlite3_stmt *st = prepare(L, r);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) return step_error(L, st);
  sqlite3 *db = sqlite3_db_handle(st);
  sqlite3_reset(st);
  lua_pushinteger(L, sqlite3_changes(db));
  lua_pushinteger(L, sqlite3_last_insert_rowid(db));
  return 2;
}

/* The current row as a table keyed by column name; NULL columns are
 * absent. [-0, +1, m] */
static void push_row(lua_State *L, sqlite3_stmt *st) {
  int n = sqlite3_column_count(st);
  lua_createtable(L, 0, n);
  for (int c = 0; c < n; c++) {
    switch (sqlite3_column_type(st, c)) {
    case SQLITE_NULL: continue;
    case SQLITE_INTEGER: lua_pushinteger(L, sqlite3_column_int64(st, c)); break;
    case SQLITE_FLOAT: lua_pushnumber(L, sqlite3_column_double(st, c)); break;
    default: {
      const unsigned char *s = sqlite3_column_text(st, c);
      lua_pushlstring(L, s ? (const char *)s : "", (size_t)sqlite3_column_bytes(st, c));
    }
    }
    lua_setfield(L, -2, sqlite3_column_name(st, c));
  }
}

/* register:rows(name, params) -> {row, ...} [-0, +1, e] */
static int l_rows(lua_State *L) {
  vb_reg *r = check_reg(L);
  sqlite3_stmt *st = prepare(L, r);
  lua_newtable(L);
  int rc;
  lua_Integer i = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    push_row(L, st);
    lua_rawseti(L, -2, ++i);
  }
  if (rc != SQLITE_DONE) return step_error(L, st);
  sqlite3_reset(st);
  return 1;
}

/* register:row(name, params) -> row | nil [-0, +1, e] */
static int l_row(lua_State *L) {
  vb_reg *r = check_reg(L);
  sqlite3_stmt *st = prepare(L, r);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) push_row(L, st);
  else if (rc == SQLITE_DONE) lua_pushnil(L);
  else return step_error(L, st);
  sqlite3_reset(st);
  return 1;
}

/* register:begin() / commit() / rollback() -> true [-0, +1, e] */
static int l_txn(lua_State *L, int (*fn)(vb_reg *)) {
  vb_reg *r = check_reg(L);
  if (fn(r)) return luaL_error(L, "register: %s", vb_reg_errmsg(r));
  lua_pushboolean(L, 1);
  return 1;
}
static int l_begin(lua_State *L) { return l_txn(L, vb_reg_begin); }
static int l_commit(lua_State *L) { return l_txn(L, vb_reg_commit); }
static int l_rollback(lua_State *L) { return l_txn(L, vb_reg_rollback); }

/* register:integrity() -> "ok" | problems [-0, +1, e] */
static int l_integrity(lua_State *L) {
  vb_reg *r = check_reg(L);
  char out[1024];
  if (vb_reg_integrity(r, out, sizeof out)) return luaL_error(L, "register: %s", vb_reg_errmsg(r));
  lua_pushstring(L, out);
  return 1;
}

/* register:close(), also __gc and __close [-0, +0, -] */
static int l_close(lua_State *L) {
  ud_reg *u = luaL_checkudata(L, 1, REG_MT);
  vb_reg_close(u->r);
  u->r = NULL;
  return 0;
}

void vb_store_setfuncs(lua_State *L) {
  static const luaL_Reg methods[] = {{"exec", l_exec},         {"rows", l_rows},           {"row", l_row},
                                     {"begin", l_begin},       {"commit", l_commit},       {"rollback", l_rollback},
                                     {"integrity", l_integrity}, {"close", l_close},       {NULL, NULL}};
  if (luaL_newmetatable(L, REG_MT)) {
    luaL_newlib(L, methods);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_close);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, l_close);
    lua_setfield(L, -2, "__close");
  }
  lua_pop(L, 1);
  static const luaL_Reg fns[] = {{"sha256", l_sha256}, {"file_digest", l_file_digest}, {"abspath", l_abspath},
                                 {"stat", l_stat},     {"mkdir", l_mkdir},             {"register_open", l_register_open},
                                 {NULL, NULL}};
  luaL_setfuncs(L, fns, 0);
}
