--- Test double for `require("vbcheck.core").fold` (the C folder), so the
-- task specs run without the compiled module. It follows the same
-- contract, code point by code point: lower case, Vietnamese diacritics
-- stripped, đ/Đ -> d, curly quotes -> ASCII quotes, dashes -> "-",
-- "…" -> "...", combining marks dropped, every run of spaces, tabs and
-- Unicode spaces -> one " ", leading/trailing spaces trimmed; "\n" kept.
-- Test-only: production code receives the real fold by injection.
local BASE = {
  a = "àáảãạăằắẳẵặâầấẩẫậ", e = "èéẻẽẹêềếểễệ", i = "ìíỉĩị",
  o = "òóỏõọôồốổỗộơờớởỡợø", u = "ùúủũụưừứửữự", y = "ỳýỷỹỵ", d = "đð",
}
local UPPER = {
  a = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", e = "ÈÉẺẼẸÊỀẾỂỄỆ", i = "ÌÍỈĨỊ",
  o = "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢØ", u = "ÙÚỦŨỤƯỪỨỬỮỰ", y = "ỲÝỶỸỴ", d = "ĐÐ",
}

local map = {}
for base, set in pairs(BASE) do
  for _, c in utf8.codes(set) do map[c] = base end
  for _, c in utf8.codes(UPPER[base]) do map[c] = base end
end
for c in ("çÇ"):gmatch(utf8.charpattern) do map[utf8.codepoint(c)] = "c" end
for c in ("ñÑ"):gmatch(utf8.charpattern) do map[utf8.codepoint(c)] = "n" end
for _, c in ipairs { 0x2018, 0x2019, 0x201A, 0x2032 } do map[c] = "'" end
for _, c in ipairs { 0x201C, 0x201D, 0x201E, 0xAB, 0xBB } do map[c] = '"' end
for c = 0x2010, 0x2015 do map[c] = "-" end
map[0x2212] = "-"
map[0x2026] = "..."
for _, c in ipairs { 0x2022, 0x25CF, 0x25AA, 0xB7 } do map[c] = "*" end

local function is_space(c)
  return c == 0x20 or c == 0x09 or c == 0x0C or c == 0x0B or c == 0xA0 or (c >= 0x2000 and c <= 0x200B)
    or c == 0x202F or c == 0x205F or c == 0x3000 or c == 0xFEFF
end

return function(s)
  local out, n, last_space = {}, 0, true
  for _, c in utf8.codes(s) do
    if is_space(c) then
      if not last_space then
        n = n + 1
        out[n] = " "
        last_space = true
      end
    elseif c >= 0x300 and c < 0x370 then -- luacheck: ignore 542
      -- combining marks fold to nothing
    else
      local f = map[c]
      if not f then
        f = c < 0x80 and string.char(c):lower() or utf8.char(c)
      end
      n = n + 1
      out[n] = f
      last_space = false
    end
  end
  if out[n] == " " then out[n] = nil end
  return table.concat(out)
end
