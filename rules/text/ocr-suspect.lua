-- luacheck: read globals lpeg
-- Unchecked OCR output: the core sets doc.diacritics = false when most
-- words lost their tone marks, and OCR misreads letters as digits inside
-- words ("vo1" for "với", "s6" for "số", "1anh" for "lãnh"). One finding
-- for the whole document, with a count: the fix is to proofread it all.

-- Letter+digit words that are not OCR noise: units, times, codes.
local UNITS = { m = true, km = true, cm = true, mm = true, ha = true, kg = true, g = true, l = true, ml = true,
  h = true, kw = true, kwh = true, mw = true, mwh = true, gb = true, mb = true, tb = true, m2 = true, m3 = true,
  km2 = true, cm2 = true, ["đ"] = true }
local TOKENS = { covid19 = true, co2 = true, h5n1 = true, sars = true, f0 = true, f1 = true, f2 = true, ["3g"] = true,
  ["4g"] = true, ["5g"] = true }
local MIN_BROKEN = 3

-- Byte-level pre-test, in LPeg because it skips runs of a character set
-- far faster than Lua patterns: a digit touching a letter (bytes >= 0x80
-- stand for Vietnamese letters here). Only such lines are tokenized.
local DIGIT, LETTER = lpeg.R("09"), lpeg.R("az", "AZ", "\128\255")
local touch = lpeg.B(LETTER) * DIGIT + DIGIT * LETTER
local has_touch = ((1 - DIGIT) ^ 1 + (DIGIT - touch)) ^ 0 * touch

local function broken(word)
  if not word:find("%d") then return false end
  -- a lower-case letter (ASCII or any non-ASCII letter) next to a digit;
  -- upper-case codes ("TH5", "VX1", "F0") are symbols, not words
  if not (word:find("%l") or word:find("[\128-\255]")) then return false end
  local lower = word:lower()
  if TOKENS[lower] then return false end
  local unit = lower:match("^%d+[.,]?%d*(%D+)$")
  if unit and UNITS[unit] then return false end
  if lower:match("^%d+h%d*$") or lower:match("^%d+g%d+p?$") then return false end -- 14h30, 8g30
  if lower:match("^%d+%l$") then return false end -- "Điều 12a", "khoản 3b"
  if lower:match("^km%d+$") then return false end -- road chainage "Km12+300"
  return true
end

-- Calls found(word, column, end_column) for each broken word of line.
-- Words are runs of digits and Latin letters (Vietnamese included: U+00C0
-- to U+024F without × and ÷, U+1E00 to U+1EFF); anything else, curly quotes
-- and dashes too, separates them. One LPeg pass finds the words that hold
-- a digit (their byte offsets); columns, in code points, are counted only
-- for broken ones.
local WORDCH = lpeg.R("09", "AZ", "az") + "\195" * (lpeg.R("\128\191") - "\151" - "\183")
  + lpeg.R("\196\200") * lpeg.R("\128\191") + "\201" * lpeg.R("\128\143")
  + "\225" * lpeg.R("\184\187") * lpeg.R("\128\191")
local NODIGIT = WORDCH - DIGIT
local WORDS = lpeg.Ct(((lpeg.Cp() * lpeg.C(NODIGIT ^ 0 * DIGIT * WORDCH ^ 0) + WORDCH ^ 1) + 1) ^ 0)
local function broken_words(line, found)
  local t = WORDS:match(line)
  for i = 1, #t, 2 do
    local at, w = t[i], t[i + 1]
    if broken(w) then
      local start = utf8.len(line, 1, at - 1) + 1
      found(w, start, start + utf8.len(w))
    end
  end
end

return {
  id = "text/ocr-suspect",
  severity = "warning",
  summary = { vi = "Văn bản có dấu hiệu là bản OCR chưa soát lại (mất dấu, chữ lẫn số)",
    en = "The text looks like unchecked OCR output (lost diacritics, broken words)" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.4 (phông chữ tiếng Việt, bộ mã Unicode TCVN 6909:2001)",
  messages = {
    both = {
      vi = "Văn bản có dấu hiệu là bản OCR chưa soát lại: mất dấu tiếng Việt và {count} từ lẫn chữ số "
        .. "(ví dụ {examples}); cần soát, sửa theo bản gốc",
      en = "The text looks like unchecked OCR: Vietnamese diacritics lost and {count} words mixing letters and digits "
        .. "(e.g. {examples}); proofread it against the original",
    },
    lost = {
      vi = "Văn bản mất dấu tiếng Việt (bản OCR hoặc gõ không dấu): cần soát, sửa theo bản gốc",
      en = "The text has lost its Vietnamese diacritics (OCR or typed without them): proofread it against the original",
    },
    broken = {
      vi = "Văn bản có {count} từ lẫn chữ số (ví dụ {examples}), dấu hiệu của bản OCR chưa soát lại",
      en = "{count} words mix letters and digits (e.g. {examples}), a sign of unchecked OCR",
    },
  },
  examples = { fail = "Trong thoi gian qua, vo1 sy quan tam, lanh dao... Thong bao s6 10-TB/VPTW",
    pass = "Trong thời gian qua, với sự quan tâm, lãnh đạo... Thông báo số 10-TB/VPTW" },
  check = function(doc, report)
    local count, examples, first = 0, {}, nil
    for n, line in ipairs(doc.lines or {}) do
      -- only lines where a digit touches a letter can hold a broken word
      if has_touch:match(line) then
        broken_words(line, function(w, column, end_column)
          count = count + 1
          if #examples < 3 then examples[#examples + 1] = "\"" .. w .. "\"" end
          first = first or { line = n, column = column, end_column = end_column }
        end)
      end
    end
    local lost = doc.diacritics == false
    local many = count >= MIN_BROKEN
    if not lost and not many then return end
    local at = many and first or { line = 1 }
    local key = (lost and many) and "both" or lost and "lost" or "broken"
    report { at = at, message = key, data = { count = count, examples = table.concat(examples, ", ") } }
  end,
}
