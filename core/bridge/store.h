/* store.h: the register and file helpers in the vbcheck.core Lua module.
 *
 * Added to the module table by luaopen_vbcheck_core:
 *   sha256(s) -> hex                      SHA-256 of a string
 *   file_digest(path) -> hex, size | nil, message
 *   abspath(path) -> absolute path, made lexically ("a/./b/../c" -> "a/c")
 *   stat(path) -> "file" | "dir" | "other" | nil
 *   mkdir(path) -> true | nil, message    one folder, 0777 & ~umask
 *   register_open(path, "read" | "write") -> register | nil, message
 * A register has methods exec(name, params) -> changes, rowid;
 * rows(name, params) -> {row...}; row(name, params) -> row | nil;
 * begin(), commit(), rollback(); integrity() -> "ok" | problems; close().
 * Statements are the named ones of core/store/register.c; params fill
 * their ":field" parameters from the table's fields (nil -> NULL, booleans
 * -> 0/1). Database errors are raised as Lua errors. */
#ifndef VB_STORE_H
#define VB_STORE_H

#include <lua.h>

/* Add the functions above to the table on top of the stack. [-0, +0, m] */
void vb_store_setfuncs(lua_State *L);

#endif
