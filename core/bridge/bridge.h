/* bridge.h: the document model as Lua tables, and the vbcheck.core module.
 *
 * The model becomes plain tables (the contract of model.md §3): strings as
 * Lua strings, absent elements nil. Rules read them; nothing writes back. */
#ifndef VB_BRIDGE_H
#define VB_BRIDGE_H

#include <lua.h>

#include "../model/model.h"

/* Push the model of doc as a new table. [-0, +1, m] */
void vb_push_doc(lua_State *L, const vb_doc *doc);

/* Open the vbcheck.core module: parse, parse_file, fold, listdir, version.
 * [-0, +1, m] */
int luaopen_vbcheck_core(lua_State *L);

#endif
