/* json.h: JSON text of Lua values (the model, findings). */
#ifndef VB_JSON_H
#define VB_JSON_H

#include <lua.h>

#include "../util/buf.h"

/* Append the JSON string literal for s[0..n) to out; invalid UTF-8 bytes
 * become U+FFFD so the output is always valid JSON. 0 or -1 (memory). */
int vb_json_string(vb_buf *out, const char *s, size_t n);

/* Append the value at idx as JSON. Tables with keys 1..n (or empty) are
 * arrays, other tables objects with sorted keys; `order` (may be NULL) lists
 * object keys to emit first, as null when absent. A table met again is
 * written as its "label" field (or null), so shared subtables do not
 * repeat. indent < 0 writes compact JSON. 0 or -1. [-0, +0, m] */
int vb_json_value(lua_State *L, int idx, vb_buf *out, int indent, const char *const *order);

#endif
