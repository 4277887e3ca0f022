/* json.c: a small JSON writer for Lua values, see json.h.
 *
 * Hand-written rather than a library: it must walk Lua values directly
 * (a library would need a copy into its own tree), and it is ~150 lines
 * with its own tests (spec/c/test_json.c). */
#include "json.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int vb_json_string(vb_buf *out, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  if (vb_buf_addc(out, '"')) return -1;
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    unsigned char c = u[i];
    if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F) {
      char esc[7] = {'\\', 0, 0, 0, 0, 0, 0};
      size_t k = 2;
      switch (c) {
      case '"': esc[1] = '"'; break;
      case '\\': esc[1] = '\\'; break;
      case '\n': esc[1] = 'n'; break;
      case '\r': esc[1] = 'r'; break;
      case '\t': esc[1] = 't'; break;
      case '\b': esc[1] = 'b'; break;
      case '\f': esc[1] = 'f'; break;
      default:
        esc[1] = 'u';
        esc[2] = '0';
        esc[3] = '0';
        esc[4] = hex[c >> 4];
        esc[5] = hex[c & 15];
        k = 6;
      }
      if (vb_buf_add(out, esc, k)) return -1;
      i++;
      continue;
    }
    if (c < 0x80) {
      if (vb_buf_addc(out, (char)c)) return -1;
      i++;
      continue;
    }
    /* validate one UTF-8 sequence */
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    int ok = len && c < 0xF5 && i + len <= n;
    for (size_t j = 1; ok && j < len; j++) ok = (u[i + j] & 0xC0) == 0x80;
    if (ok && len == 3) {
      if (c == 0xE0 && u[i + 1] < 0xA0) ok = 0;
      if (c == 0xED && u[i + 1] >= 0xA0) ok = 0;
    }
    if (ok && len == 4) {
      if (c == 0xF0 && u[i + 1] < 0x90) ok = 0;
      if (c == 0xF4 && u[i + 1] >= 0x90) ok = 0;
    }
    if (!ok) {
      if (vb_buf_add(out, "\xEF\xBF\xBD", 3)) return -1;
      i++;
      continue;
    }
    if (vb_buf_add(out, s + i, len)) return -1;
    i += len;
  }
  return vb_buf_addc(out, '"');
}

static int newline(vb_buf *out, int indent, int depth) {
  if (indent < 0) return 0;
  if (vb_buf_addc(out, '\n')) return -1;
  for (int i = 0; i < indent * depth; i++)
    if (vb_buf_addc(out, ' ')) return -1;
  return 0;
}

static int is_array(lua_State *L, int idx, lua_Integer *n) {
  lua_Integer len = (lua_Integer)lua_rawlen(L, idx);
  lua_Integer count = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    count++;
    if (count > len) {
      lua_pop(L, 1);
      return 0;
    }
  }
  *n = len;
  return count == len;
}

static int cmp_keys(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int write_value(lua_State *L, int idx, vb_buf *out, int indent, int depth,
                       const char *const *order, int seen);

static int write_table(lua_State *L, int idx, vb_buf *out, int indent, int depth,
                       const char *const *order, int seen) {
  if (depth > 64) return vb_buf_adds(out, "null");
  lua_pushvalue(L, idx);
  if (lua_rawget(L, seen) != LUA_TNIL) {
    lua_pop(L, 1);
    lua_getfield(L, idx, "label");
    int r = lua_type(L, -1) == LUA_TSTRING ? write_value(L, lua_gettop(L), out, indent, depth, NULL, seen)
                                           : vb_buf_adds(out, "null");
    lua_pop(L, 1);
    return r;
  }
  lua_pop(L, 1);
  lua_pushvalue(L, idx);
  lua_pushboolean(L, 1);
  lua_rawset(L, seen);
  lua_Integer n;
  if (!order && is_array(L, idx, &n)) {
    if (vb_buf_addc(out, '[')) return -1;
    for (lua_Integer i = 1; i <= n; i++) {
      if (i > 1 && vb_buf_addc(out, ',')) return -1;
      if (newline(out, indent, depth + 1)) return -1;
      lua_rawgeti(L, idx, i);
      int r = write_value(L, lua_gettop(L), out, indent, depth + 1, NULL, seen);
      lua_pop(L, 1);
      if (r) return -1;
    }
    if (n && newline(out, indent, depth)) return -1;
    return vb_buf_addc(out, ']');
  }
  /* collect string keys, sorted; ordered keys first */
  size_t nk = 0, cap = 16;
  const char **keys = malloc(cap * sizeof *keys);
  if (!keys) return -1;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING) continue;
    const char *k = lua_tostring(L, -1);
    int listed = 0;
    for (size_t j = 0; order && order[j]; j++)
      if (!strcmp(order[j], k)) listed = 1;
    if (listed) continue;
    if (nk == cap) {
      const char **x = realloc(keys, cap * 2 * sizeof *x);
      if (!x) {
        free(keys);
        lua_pop(L, 1);
        return -1;
      }
      keys = x;
      cap *= 2;
    }
    keys[nk++] = k; /* the key string stays alive: it is a key of the table */
  }
  qsort(keys, nk, sizeof *keys, cmp_keys);
  int first = 1, r = 0;
  r |= vb_buf_addc(out, '{');
  size_t no = 0;
  while (order && order[no]) no++;
  for (size_t j = 0; j < no + nk && !r; j++) {
    const char *k = j < no ? order[j] : keys[j - no];
    if (!first) r |= vb_buf_addc(out, ',');
    first = 0;
    r |= newline(out, indent, depth + 1);
    r |= vb_json_string(out, k, strlen(k));
    r |= vb_buf_addc(out, ':');
    if (indent >= 0) r |= vb_buf_addc(out, ' ');
    lua_getfield(L, idx, k);
    r |= write_value(L, lua_gettop(L), out, indent, depth + 1, NULL, seen);
    lua_pop(L, 1);
  }
  free(keys);
  if (!first) r |= newline(out, indent, depth);
  r |= vb_buf_addc(out, '}');
  return r ? -1 : 0;
}

static int write_value(lua_State *L, int idx, vb_buf *out, int indent, int depth,
                       const char *const *order, int seen) {
  switch (lua_type(L, idx)) {
  case LUA_TNIL: return vb_buf_adds(out, "null");
  case LUA_TBOOLEAN: return vb_buf_adds(out, lua_toboolean(L, idx) ? "true" : "false");
  case LUA_TNUMBER:
    if (lua_isinteger(L, idx)) return vb_buf_printf(out, "%lld", (long long)lua_tointeger(L, idx));
    {
      double d = lua_tonumber(L, idx);
      if (!isfinite(d)) return vb_buf_adds(out, "null");
      return vb_buf_printf(out, "%.14g", d);
    }
  case LUA_TSTRING: {
    size_t n;
    const char *s = lua_tolstring(L, idx, &n);
    return vb_json_string(out, s, n);
  }
  case LUA_TTABLE: return write_table(L, idx, out, indent, depth, order, seen);
  default: return vb_buf_adds(out, "null");
  }
}

int vb_json_value(lua_State *L, int idx, vb_buf *out, int indent, const char *const *order) {
  idx = lua_absindex(L, idx);
  luaL_checkstack(L, 200, "json");
  lua_newtable(L);
  int seen = lua_gettop(L);
  int r = write_value(L, idx, out, indent, 0, order, seen);
  lua_pop(L, 1);
  return r;
}
