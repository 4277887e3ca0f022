/* limit.h: a memory cap for the Lua state, in the vbcheck.core module.
 *
 * Added to the module table by luaopen_vbcheck_core:
 *   memory_cap(bytes | nil) -> hit
 *       bytes > 0: from now on, refuse allocations that would grow the
 *       state by more than bytes beyond its current size (Lua then raises
 *       "not enough memory" where the allocation happened); nil or 0:
 *       lift the cap. Returns whether the previous cap refused anything.
 *   memory_used() -> bytes the state holds now
 *
 * The runner arms the cap around each rule's check (a coroutine), so a
 * `string.rep` bomb or a table grown without bound fails that rule only.
 * The cap wraps the state's allocator on first use; the wrapper's data
 * lives in a userdata anchored in the registry, and its finaliser puts
 * the original allocator back before lua_close frees the rest. */
#ifndef VB_LIMIT_H
#define VB_LIMIT_H

#include <lua.h>

/* Add the functions above to the table on top of the stack. [-0, +0, m] */
void vb_limit_setfuncs(lua_State *L);

#endif
