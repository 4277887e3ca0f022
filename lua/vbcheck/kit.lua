--- Helpers for rule authors: the `vb` table of every rule's sandbox.
--
--   vb.fold(s)                          folded text: lower case, no diacritics, đ -> d
--   vb.find_folded(s, needle [, init])  first, last character of needle in s, compared folded
--   vb.locate(doc, needle [, from, to]) where needle is in doc.lines: {line, column, end_line,
--                                       end_column}, usable as report{at = ...}; or nil
--   vb.position(el)                     line, column, end_line, end_column of a model element
--   vb.deadline(text [, iso])           the first deadline phrase in text, resolved against
--                                       the document date iso: {kind, iso, from, to, ...}
--   vb.agencies(text)                   the bodies a list of agencies names: {{text, kind}...}
--   vb.date.parse(text)                 "ngày 5 tháng 3 năm 2024", "05/3/2024" -> "2024-03-05"
--   vb.date.compare(a, b)               -1, 0, 1 for two ISO dates
--   vb.date.add_days(iso, n), vb.date.add_working_days(iso, n [, holidays])
--   vb.date.working_days(a, b [, holidays])   working days after a up to and including b
--   vb.date.weekday(iso)                1 = Monday ... 7 = Sunday
--
-- Working days are Monday to Friday; holidays (a list of ISO dates) are
-- the caller's: public holidays move each year (Tết follows the lunar
-- calendar), so a rule takes them from its options. Nothing here reaches
-- files, the clock or the network: the table is safe to hand to a sandbox.
local M = {}

local function deadline_mod() return require "vbcheck.deadline" end

local function check_iso(s, what)
  local y, m, d = tostring(s):match("^(%d%d%d%d)-(%d%d)-(%d%d)$")
  if not y then error((what or "date") .. " must be an ISO date YYYY-MM-DD, got " .. tostring(s), 3) end
  return tonumber(y), tonumber(m), tonumber(d)
end

-- Days since 1970-01-01 of an ISO date.
local function day_number(iso)
  check_iso(iso)
  local y = tonumber(iso:sub(1, 4))
  local dl = deadline_mod()
  local n = 0
  for yy = 1970, y - 1 do n = n + (dl.days_in(2, yy) == 29 and 366 or 365) end
  for yy = y, 1969 do n = n - (dl.days_in(2, yy) == 29 and 366 or 365) end
  local m, d = tonumber(iso:sub(6, 7)), tonumber(iso:sub(9, 10))
  for mm = 1, m - 1 do n = n + dl.days_in(mm, y) end
  return n + d - 1
end

local date = {}

function date.compare(a, b)
  check_iso(a, "first date")
  check_iso(b, "second date")
  return a < b and -1 or a > b and 1 or 0
end

function date.add_days(iso, n)
  check_iso(iso)
  return deadline_mod().add_days(iso, math.tointeger(n) or error("add_days: n must be an integer", 2))
end

function date.weekday(iso)
  -- 1970-01-01 was a Thursday (4)
  return (day_number(iso) + 3) % 7 + 1
end

local function holiday_set(list)
  local set = {}
  for _, h in ipairs(list or {}) do set[h] = true end
  return set
end

local function working(iso, off) return date.weekday(iso) <= 5 and not off[iso] end

function date.add_working_days(iso, n, holidays)
  check_iso(iso)
  n = math.tointeger(n) or error("add_working_days: n must be an integer", 2)
  local off, step = holiday_set(holidays), n < 0 and -1 or 1
  local d = iso
  for _ = 1, math.abs(n) do
    repeat d = date.add_days(d, step) until working(d, off)
  end
  return d
end

function date.working_days(a, b, holidays)
  check_iso(a, "first date")
  check_iso(b, "second date")
  if b <= a then return 0 end
  local off, n, d = holiday_set(holidays), 0, a
  -- bounded: a decade of days at most, so a typo'd year cannot hang a rule
  for _ = 1, 3660 do
    d = date.add_days(d, 1)
    if working(d, off) then n = n + 1 end
    if d == b then return n end
  end
  error("working_days: dates more than ten years apart", 2)
end

function date.parse(text, fold)
  if type(text) ~= "string" then return nil end
  local r = deadline_mod().parse(fold(text), {})
  if r and r.kind == "date" and r.iso and not r.invalid then return r.iso end
  return nil
end

--- The `vb` table for a sandbox, folding with fold (core.fold).
function M.new(fold)
  local vb = { date = {} }
  for k, f in pairs(date) do vb.date[k] = f end
  vb.date.parse = function(text) return date.parse(text, fold) end

  vb.fold = fold

  -- Characters of s folded one by one, so folded bytes map back to
  -- characters: fs the folded text, at[i] the character that produced
  -- folded byte i. Runs of spaces fold to one, as fold does.
  local function folded_chars(s)
    local parts, at, n, cp, last_space = {}, {}, 0, 0, false
    for _, c in utf8.codes(s) do
      cp = cp + 1
      -- fold trims the ends of what it is given: fold a character between two letters
      local f = c < 128 and string.char(c):lower():gsub("%s", " ") or fold("a" .. utf8.char(c) .. "a"):sub(2, -2)
      if f == " " then
        if last_space then f = "" end
        last_space = true
      elseif f ~= "" then
        last_space = false
      end
      if f ~= "" then
        parts[#parts + 1] = f
        for _ = 1, #f do
          n = n + 1
          at[n] = cp
        end
      end
    end
    return table.concat(parts), at
  end

  function vb.find_folded(s, needle, init)
    if type(s) ~= "string" or type(needle) ~= "string" then error("find_folded expects two strings", 2) end
    local want = fold(needle):gsub("^ +", ""):gsub(" +$", "")
    if want == "" then return nil end
    local fs, at = folded_chars(s)
    local start = 1
    init = math.tointeger(init) or 1
    if init > 1 then
      start = #fs + 1
      for i = 1, #fs do
        if at[i] >= init then start = i break end
      end
    end
    local b, e = fs:find(want, start, true)
    if not b then return nil end
    return at[b], at[e]
  end

  function vb.locate(doc, needle, from, to)
    local lines = type(doc) == "table" and doc.lines or {}
    from, to = from or 1, math.min(to or #lines, #lines)
    for i = from, to do
      local b, e = vb.find_folded(lines[i], needle)
      if b then return { line = i, column = b, end_line = i, end_column = e + 1 } end
    end
    return nil
  end

  function vb.position(el)
    if type(el) ~= "table" then return nil end
    return el.line, el.column, el.end_line or el.line, el.end_column
  end

  function vb.deadline(text, iso)
    if type(text) ~= "string" then return nil end
    local ctx = {}
    if iso then
      local y, m, d = check_iso(iso, "document date")
      ctx = { year = y, month = m, day = d, iso = iso }
    end
    local f = fold(text)
    local found = deadline_mod().find(f, ctx)[1]
    if not found then return nil end
    found.text = f:sub(found.s, found.e - 1)
    return found
  end

  function vb.agencies(text)
    if type(text) ~= "string" then return {} end
    local f = fold(text)
    local lst = require("vbcheck.agencies").patterns().list
    for i = 1, #f do
      if i == 1 or f:byte(i - 1) == 32 then
        local got = lst:match(f, i)
        if type(got) == "table" and #got > 0 then
          local out = {}
          for k, m in ipairs(got) do out[k] = { text = f:sub(m.s, m.e - 1), kind = m.k } end
          return out
        end
      end
    end
    return {}
  end

  return vb
end

return M
