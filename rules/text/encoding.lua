-- luacheck: read globals lpeg
-- Text that went through the wrong encoding:
--   * U+FFFD, the replacement character: letters were lost for good;
--   * mojibake, UTF-8 read as Latin-1/Windows-1252: "Viá»‡t", "Ä‘", "Ã¡";
--   * legacy Vietnamese fonts (TCVN3/ABC ".VnTime", VNI) kept as Latin-1
--     characters: "ViÖt Nam", "Céng hoµ", "Vieät Nam".
-- One finding per line (the first offending character), capped.

local MAX_LINES = 20

-- Windows-1252 decodings of the bytes 0x80-0x9F: a UTF-8 continuation
-- byte shown through that code page.
local CP1252 = {}
for _, c in utf8.codes("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ") do CP1252[c] = true end

local function continuation(c)
  return (c >= 0x80 and c <= 0xBF and c ~= 0xA0) or CP1252[c] == true
end

-- Lead bytes C2-C6 of UTF-8 letters seen as Latin-1: Â Ã Ä Å Æ.
-- "Ã" and "Â" are Vietnamese letters too: after them, quotes, dashes and
-- bullets are ordinary punctuation ("XÃ”"), not evidence.
local LEAD = { [0xC3] = true, [0xC4] = true, [0xC5] = true, [0xC6] = true, [0xC2] = true }
local WEAK = {}
for _, c in utf8.codes("‘’“”–—•…") do WEAK[c] = true end

-- Characters a TCVN3 or VNI font leaves behind: Latin-1 symbols used as
-- Vietnamese letters, and Latin-1 letters Vietnamese does not have (but
-- not "Ð", a wrong "Đ" that text/confusable reports).
local LEGACY = {}
for _, c in utf8.codes("¡¢£¤¥¦§¨©ª«¬\u{AD}®¯µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþÿ") do LEGACY[c] = true end

local function is_letter(c)
  return c and ((c >= 65 and c <= 90) or (c >= 97 and c <= 122) or (c >= 0xC0 and c <= 0x24F)
    or (c >= 0x1E00 and c <= 0x1EFF))
end

-- Byte-level pre-test that lets clean text skip the scan: U+FFFD,
-- anything in U+0080-U+00BF (C2 xx), and Latin-1 letters that Vietnamese
-- does not use or that lead mojibake (Â Ã Ä Å Æ …: C3 xx). Written so
-- that LPeg skips ordinary bytes as a set, which is fast.
local P, S = lpeg.P, lpeg.S
local C3 = S("\130\131\132\133\134\135\139\142\143\144\145\150\151\152\155\156\158\159"
  .. "\164\165\166\167\171\174\175\176\177\182\183\184\187\188\190\191")
local odd = P("\194") + P("\239\191\189") + P("\195") * C3
local plain = (1 - S("\194\195\239")) ^ 1 + P("\195") * (1 - C3) + P("\239") * -P("\191\189")
local suspect_pattern = plain ^ 0 * odd
local function suspect(text) return suspect_pattern:match(text) ~= nil end

-- The first problem on a line: kind and code-point column, or nil.
-- Legacy-font characters count only next to a letter, and only when the
-- line has two of them or the document has many (a lone "Müller" or
-- "Word®" is not an encoding fault).
local function scan(line, legacy_ok)
  local cps = {}
  for _, c in utf8.codes(line) do cps[#cps + 1] = c end
  local legacy, legacy_col = 0, nil
  for i, c in ipairs(cps) do
    if c == 0xFFFD then return "replacement", i end
    local p = cps[i - 1]
    if p and LEAD[p] and continuation(c) and not ((p == 0xC3 or p == 0xC2) and WEAK[c]) then
      return "mojibake", i - 1
    end
    if p == 0xE1 and (c == 0xBA or c == 0xBB) then return "mojibake", i - 1 end -- "á»" = E1 BB
    if c >= 0x80 and c <= 0x9F then return "mojibake", i end -- C1 controls: Latin-1 decoding
    -- "®" and "©" after a word are trademark signs; before a letter they
    -- are TCVN3's "đ" and "â"
    if LEGACY[c] and (is_letter(cps[i + 1]) or (c ~= 0xAE and c ~= 0xA9 and is_letter(p))) then
      legacy = legacy + 1
      legacy_col = legacy_col or i
    end
  end
  if legacy >= 2 or (legacy >= 1 and legacy_ok) then return "legacy", legacy_col end
  return nil, nil, legacy
end

-- The word around column i, for the message.
local function word_at(line, col)
  local chars = {}
  for _, c in utf8.codes(line) do chars[#chars + 1] = utf8.char(c) end
  local a, b = col, col
  while a > 1 and not chars[a - 1]:match("^%s$") do a = a - 1 end
  while b < #chars and not chars[b + 1]:match("^%s$") do b = b + 1 end
  return table.concat(chars, "", a, b), a, b
end

return {
  id = "text/encoding",
  severity = "error",
  summary = { vi = "Lỗi mã hóa ký tự (chữ bị lỗi phông, mã TCVN3/VNI cũ, ký tự thay thế)",
    en = "Broken character encoding (mojibake, legacy TCVN3/VNI text, replacement characters)" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.4 (bộ mã ký tự Unicode theo TCVN 6909:2001); "
    .. "HD 36-HD/VPTW (2018): phông chữ Unicode",
  messages = {
    replacement = {
      vi = "Dòng có ký tự thay thế \"�\" (U+FFFD) trong \"{word}\": chữ đã mất khi chuyển mã, cần lấy lại từ bản gốc",
      en = "Replacement character \"�\" (U+FFFD) in \"{word}\": letters were lost in conversion; "
        .. "recover them from the original",
    },
    mojibake = {
      vi = "Lỗi mã hóa \"{word}\": văn bản UTF-8 bị đọc nhầm theo bảng mã Latin-1/Windows-1252; "
        .. "cần chuyển lại sang Unicode",
      en = "Mojibake \"{word}\": UTF-8 text read as Latin-1/Windows-1252; convert it back to Unicode",
    },
    legacy = {
      vi = "Còn chữ theo bảng mã cũ TCVN3 (ABC) hoặc VNI: \"{word}\"; văn bản phải dùng bộ mã Unicode TCVN 6909:2001",
      en = "Text in a legacy TCVN3 (ABC) or VNI encoding: \"{word}\"; documents must use Unicode (TCVN 6909:2001)",
    },
    more = {
      vi = "Còn {count} dòng khác có lỗi mã hóa",
      en = "{count} more lines have encoding errors",
    },
  },
  examples = { fail = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\nViá»‡t Nam", pass = "Cộng hòa xã hội chủ nghĩa Việt Nam" },
  check = function(doc, report)
    local lines = doc.lines or {}
    if not suspect(table.concat(lines, "\n")) then return end
    local found, singles = {}, 0
    for n, line in ipairs(lines) do
      if suspect(line) then
        local kind, col, legacy = scan(line, false)
        if kind then
          found[#found + 1] = { n, kind, col }
        elseif legacy and legacy > 0 then
          singles = singles + 1
          found[#found + 1] = { n, "single" }
        end
      end
    end
    -- legacy-font text is rarely alone: with many single hits in the
    -- document, a line with one is also reported
    local legacy_ok = singles >= 5
    local reported, more, more_line = 0, 0, nil
    for _, hit in ipairs(found) do
      local n, kind, col = hit[1], hit[2], hit[3]
      local line = lines[n]
      if kind == "single" then
        if legacy_ok then kind, col = scan(line, true) else kind = nil end
      end
      if kind then
        if reported < MAX_LINES then
          reported = reported + 1
          local word, a, b = word_at(line, col)
          report { line = n, column = a, end_column = b + 1, message = kind, data = { word = word } }
        else
          more = more + 1
          more_line = more_line or n
        end
      end
    end
    if more > 0 then report { line = more_line, message = "more", data = { count = more } } end
  end,
}
