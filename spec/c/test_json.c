/* JSON writer: escaping, control characters, non-BMP, invalid UTF-8. */
#include <lauxlib.h>
#include <lualib.h>

#include "../../core/report/json.h"
#include "check.h"

int main(void) {
  vb_buf b;
  vb_buf_init(&b);
  vb_json_string(&b, "a\"b\\c\n\x01", 7);
  vb_buf_cstr(&b);
  CHECK_STR(b.data, "\"a\\\"b\\\\c\\n\\u0001\"");
  b.len = 0;
  vb_json_string(&b, "Đ😀", strlen("Đ😀"));
  vb_buf_cstr(&b);
  CHECK_STR(b.data, "\"Đ😀\"");
  b.len = 0;
  vb_json_string(&b, "x\xC3\x28", 3);
  vb_buf_cstr(&b);
  CHECK_STR(b.data, "\"x\xEF\xBF\xBD(\"");

  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  luaL_dostring(L, "return {b = 1, a = {1, 2, 'x'}, e = {}, f = 0.5, t = true}");
  b.len = 0;
  CHECK_INT(vb_json_value(L, -1, &b, -1, NULL), 0);
  vb_buf_cstr(&b);
  CHECK_STR(b.data, "{\"a\":[1,2,\"x\"],\"b\":1,\"e\":[],\"f\":0.5,\"t\":true}");
  /* ordered keys come first and absent ones are null */
  static const char *const order[] = {"z", "b", NULL};
  b.len = 0;
  CHECK_INT(vb_json_value(L, -1, &b, -1, order), 0);
  vb_buf_cstr(&b);
  CHECK(!strncmp(b.data, "{\"z\":null,\"b\":1,", 16));
  /* a shared table is written once, then by its label */
  luaL_dostring(L, "local it = {label = '1.'} return {items = {it}, p = {{item = it}}}");
  b.len = 0;
  vb_json_value(L, -1, &b, -1, NULL);
  vb_buf_cstr(&b);
  CHECK_STR(b.data, "{\"items\":[{\"label\":\"1.\"}],\"p\":[{\"item\":\"1.\"}]}");
  lua_close(L);
  vb_buf_free(&b);
  return CHECK_DONE();
}
