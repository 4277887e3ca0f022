/* fuzz_deadline.c: the deadline grammar (lua/vbcheck/deadline.lua, LPeg)
 * on arbitrary folded text: find() and parse() must return, never raise,
 * and positions must stay inside the input. Runs in one Lua state reused
 * across inputs (as a worker does). */
#include <lauxlib.h>
#include <lualib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

#ifndef VB_SOURCE_DIR
#define VB_SOURCE_DIR "."
#endif

static const char check_src[] =
    "local d, s = ...\n"
    "local ctx = {year = 2021, month = 10, day = 5, iso = '2021-10-05'}\n"
    "for _, r in ipairs(d.find(s, ctx)) do\n"
    "  assert(r.s >= 1 and r.e <= #s + 1 and r.s <= r.e, 'span out of range')\n"
    "end\n"
    "d.parse(s, ctx)\n"
    "d.parse(s, {})\n";

static lua_State *state(void) {
  /* One state per process: libFuzzer calls the target many times and a
   * fresh state per input would measure Lua's start-up, not the grammar. */
  static lua_State *L;
  if (L) return L;
  L = luaL_newstate();
  if (!L) abort();
  luaL_openlibs(L);
  lua_getglobal(L, "package");
  lua_getfield(L, -1, "path");
  lua_pushfstring(L, "%s;%s", VB_SOURCE_DIR "/lua/?.lua;" VB_SOURCE_DIR "/lua/?/init.lua", lua_tostring(L, -1));
  lua_setfield(L, -3, "path");
  lua_pop(L, 1);
  lua_pop(L, 1);
  lua_getglobal(L, "require");
  lua_pushstring(L, "vbcheck.deadline");
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
    fprintf(stderr, "%s\n", lua_tostring(L, -1));
    abort();
  }
  lua_setfield(L, LUA_REGISTRYINDEX, "fuzz.deadline");
  if (luaL_loadstring(L, check_src) != LUA_OK) abort();
  lua_setfield(L, LUA_REGISTRYINDEX, "fuzz.check");
  return L;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 4096) return 0; /* phrases are short; long inputs only slow the search */
  lua_State *L = state();
  lua_getfield(L, LUA_REGISTRYINDEX, "fuzz.check");
  lua_getfield(L, LUA_REGISTRYINDEX, "fuzz.deadline");
  lua_pushlstring(L, (const char *)data, size);
  if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
    fprintf(stderr, "deadline grammar raised: %s\n", lua_tostring(L, -1));
    abort();
  }
  lua_gc(L, LUA_GCSTEP, 0);
  return 0;
}
