-- luacheck: read globals lpeg
-- Look-alike characters that break search, sorting and spell checking:
--   * Cyrillic or Greek letters inside a Latin word ("Việt Nаm" with
--     Cyrillic "а"), from copy-paste or deliberate spoofing;
--   * "ƣ"/"Ƣ" (U+01A3/U+01A2, the letter "oi") typed for "ư"/"Ư" by some
--     converters and PDF fonts;
--   * "Ð"/"ð" (U+00D0/U+00F0, Icelandic eth) for "Đ"/"đ" at a word's start;
--   * "ǎ"/"Ǎ" (caron) for "ă"/"Ă" (breve).
-- Each occurrence is reported at its column (code points), capped.

local MAX = 50

local LATIN_OF = {
  -- Cyrillic
  [0x430] = "a", [0x435] = "e", [0x43E] = "o", [0x440] = "p", [0x441] = "c", [0x443] = "y", [0x445] = "x",
  [0x456] = "i", [0x458] = "j", [0x455] = "s", [0x501] = "d", [0x4CF] = "l", [0x43A] = "k",
  [0x410] = "A", [0x412] = "B", [0x415] = "E", [0x41A] = "K", [0x41C] = "M", [0x41D] = "H", [0x41E] = "O",
  [0x420] = "P", [0x421] = "C", [0x422] = "T", [0x423] = "Y", [0x425] = "X", [0x406] = "I", [0x408] = "J",
  [0x405] = "S",
  -- Greek
  [0x3B1] = "a", [0x3BF] = "o", [0x3BD] = "v", [0x3C1] = "p", [0x3B9] = "i", [0x3BA] = "k", [0x3C5] = "u",
  [0x391] = "A", [0x392] = "B", [0x395] = "E", [0x396] = "Z", [0x397] = "H", [0x399] = "I", [0x39A] = "K",
  [0x39C] = "M", [0x39D] = "N", [0x39F] = "O", [0x3A1] = "P", [0x3A4] = "T", [0x3A5] = "Y", [0x3A7] = "X",
}
local WRONG_LETTER = { [0x1A3] = "ư", [0x1A2] = "Ư", [0x1CE] = "ă", [0x1CD] = "Ă" }
local ETH = { [0xD0] = "Đ", [0xF0] = "đ" }

local function latin(c)
  return (c >= 65 and c <= 90) or (c >= 97 and c <= 122) or (c >= 0xC0 and c <= 0x24F and c ~= 0xD7 and c ~= 0xF7)
    or (c >= 0x1E00 and c <= 0x1EFF)
end
local function script(c)
  if c >= 0x400 and c <= 0x52F then return "cyrillic" end
  if c >= 0x370 and c <= 0x3FF then return "greek" end
end
local function wordish(c) return latin(c) or script(c) ~= nil or (c >= 48 and c <= 57) end

-- Byte-level pre-test: lead bytes of Greek and Cyrillic (CD-D4), ƣ Ƣ
-- (C6 A2/A3), ǎ Ǎ (C7 8D/8E), Ð ð (C3 90/B0); text without any cannot
-- hold a hit. Written so that LPeg skips ordinary bytes as a set (fast).
local P, R, S = lpeg.P, lpeg.R, lpeg.S
local odd = R("\205\212") + P("\198") * S("\162\163") + P("\199") * S("\141\142") + P("\195") * S("\144\176")
local plain = (1 - S("\195\198\199") - R("\205\212")) ^ 1 + P("\195") * (1 - S("\144\176"))
  + P("\198") * (1 - S("\162\163")) + P("\199") * (1 - S("\141\142"))
local has_odd = plain ^ 0 * odd

local SCRIPT_NAME = { vi = { cyrillic = "chữ Kirin", greek = "chữ Hy Lạp" },
  en = { cyrillic = "Cyrillic", greek = "Greek" } }

return {
  id = "text/confusable",
  severity = "warning",
  summary = { vi = "Ký tự trông giống chữ Việt nhưng thuộc bảng chữ khác hoặc sai chữ (Kirin \"а\", \"ƣ\" thay \"ư\")",
    en = "Look-alike characters from another script or a wrong Vietnamese letter (Cyrillic \"а\", \"ƣ\" for \"ư\")" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.4 (phông chữ tiếng Việt, bộ mã Unicode TCVN 6909:2001)",
  messages = {
    script = {
      vi = "Ký tự \"{char}\" (U+{hex}, {script}) trong từ \"{word}\" trông giống chữ \"{latin}\": "
        .. "gõ lại bằng chữ Latinh",
      en = "Character \"{char}\" (U+{hex}, {script}) in \"{word}\" looks like \"{latin}\": retype it as a Latin letter",
    },
    mixed = {
      vi = "Từ \"{word}\" trộn chữ Latinh với {script} \"{char}\" (U+{hex}): gõ lại bằng chữ Latinh",
      en = "\"{word}\" mixes Latin letters with {script} \"{char}\" (U+{hex}): retype it in Latin letters",
    },
    letter = {
      vi = "Ký tự \"{char}\" (U+{hex}) trong từ \"{word}\" không phải chữ tiếng Việt: dùng \"{latin}\"",
      en = "Character \"{char}\" (U+{hex}) in \"{word}\" is not a Vietnamese letter: use \"{latin}\"",
    },
    more = { vi = "Còn {count} ký tự trông giống khác", en = "{count} more look-alike characters" },
  },
  examples = { fail = "Việt Nаm (chữ \"а\" Kirin); Hạnh phúc tƣơi", pass = "Việt Nam; Hạnh phúc tươi" },
  check = function(doc, report, ctx)
    local count, more_at = 0, nil
    local function hit(n, i, cps, message, data)
      count = count + 1
      if count > MAX then
        more_at = more_at or { line = n, column = i }
        return
      end
      local a, b = i, i
      while a > 1 and wordish(cps[a - 1]) do a = a - 1 end
      while b < #cps and wordish(cps[b + 1]) do b = b + 1 end
      data.word = utf8.char(table.unpack(cps, a, b))
      data.char = utf8.char(cps[i])
      data.hex = string.format("%04X", cps[i])
      report { line = n, column = i, end_column = i + 1, message = message, data = data }
    end
    local lines = doc.lines or {}
    if not has_odd:match(table.concat(lines, "\n")) then return end
    for n, line in ipairs(lines) do
      if has_odd:match(line) then
        local cps = {}
        for _, c in utf8.codes(line) do cps[#cps + 1] = c end
        for i, c in ipairs(cps) do
          local s = script(c)
          if s then
            -- only inside a word that also has Latin letters: a word wholly
            -- in Cyrillic or Greek (a name, a formula) is not a look-alike
            local a, b, mixed = i, i, false
            while a > 1 and wordish(cps[a - 1]) do a = a - 1; mixed = mixed or latin(cps[a]) end
            while b < #cps and wordish(cps[b + 1]) do b = b + 1; mixed = mixed or latin(cps[b]) end
            -- Greek only where it passes for Latin: "μg", "Ω" are units
            if mixed and (s == "cyrillic" or LATIN_OF[c]) then
              hit(n, i, cps, LATIN_OF[c] and "script" or "mixed",
                { script = SCRIPT_NAME[ctx.lang][s], latin = LATIN_OF[c] })
            end
          elseif WRONG_LETTER[c] then
            hit(n, i, cps, "letter", { latin = WRONG_LETTER[c] })
          elseif ETH[c] and (i == 1 or not wordish(cps[i - 1])) and cps[i + 1] and latin(cps[i + 1]) then
            hit(n, i, cps, "letter", { latin = ETH[c] })
          end
        end
      end
    end
    if more_at then report { at = more_at, message = "more", data = { count = count - MAX } } end
  end,
}
