/* limit.c: the memory cap of limit.h. */
#include "limit.h"

#include <lauxlib.h>
#include <stddef.h>

#define CAP_KEY "vbcheck.memory_cap"

typedef struct cap {
  lua_Alloc f; /* the allocator the state had before */
  void *ud;
  size_t used;  /* bytes the state holds, tracked from installation */
  size_t limit; /* 0: no cap */
  int hit;      /* an allocation was refused since the cap was set */
} cap;

static void *cap_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  cap *c = ud;
  /* for a new block osize is a type tag, not a size */
  size_t old = ptr ? osize : 0;
  if (nsize > old && c->limit && c->used + (nsize - old) > c->limit) {
    c->hit = 1;
    return NULL;
  }
  void *p = c->f(c->ud, ptr, osize, nsize);
  if (p || nsize == 0) c->used = (c->used > old ? c->used - old : 0) + nsize;
  return p;
}

/* The userdata's finaliser: runs before lua_close frees the remaining
 * blocks, which the original allocator then frees directly. [-0, +0, -] */
static int cap_gc(lua_State *L) {
  cap *c = lua_touserdata(L, 1);
  if (c && c->f) {
    lua_setallocf(L, c->f, c->ud);
    c->f = NULL;
  }
  return 0;
}

/* The state's cap, installed on first use. [-0, +0, m] */
static cap *get_cap(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, CAP_KEY) == LUA_TUSERDATA) {
    cap *c = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return c;
  }
  lua_pop(L, 1);
  cap *c = lua_newuserdatauv(L, sizeof *c, 0);
  c->limit = 0;
  c->hit = 0;
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, cap_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, CAP_KEY);
  /* what the state holds right now, so that frees of older blocks balance */
  c->used = (size_t)lua_gc(L, LUA_GCCOUNT, 0) * 1024u + (size_t)lua_gc(L, LUA_GCCOUNTB, 0);
  c->f = lua_getallocf(L, &c->ud);
  lua_setallocf(L, cap_alloc, c);
  return c;
}

/* memory_cap(bytes | nil) -> hit [-1, +1, m] */
static int l_memory_cap(lua_State *L) {
  lua_Integer n = luaL_optinteger(L, 1, 0);
  if (n < 0) return luaL_argerror(L, 1, "negative cap");
  cap *c = get_cap(L);
  int hit = c->hit;
  c->hit = 0;
  c->limit = n > 0 ? c->used + (size_t)n : 0;
  lua_pushboolean(L, hit);
  return 1;
}

/* memory_used() -> bytes [-0, +1, -] */
static int l_memory_used(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)lua_gc(L, LUA_GCCOUNT, 0) * 1024 + lua_gc(L, LUA_GCCOUNTB, 0));
  return 1;
}

void vb_limit_setfuncs(lua_State *L) {
  static const luaL_Reg fns[] = {{"memory_cap", l_memory_cap}, {"memory_used", l_memory_used}, {NULL, NULL}};
  luaL_setfuncs(L, fns, 0);
}
