--- Deadlines in Vietnamese directives (norms.md §3.2), as an LPeg grammar.
--
-- Works on FOLDED text (lower case, no diacritics, đ -> d, spaces
-- collapsed), so OCR text without diacritics matches the same way, and
-- returns byte positions into that folded string. The grammar recognises
-- the phrase; `resolve` turns its captures into dates (year inference,
-- calendar checks). Nothing here knows about documents or tasks.
--
--   local dl = require "vbcheck.deadline"
--   dl.find("bao cao ubnd tinh truoc ngay 20/5/2021", {year = 2021})
--     --> { {s = 18, e = 39, kind = "date", iso = "2021-05-20", ...} }
--   dl.parse("quy iv/2021")  --> {kind = "period", from = "2021-10-01", to = "2021-12-31", iso = "2021-12-31"}
--
-- Kinds: date (a fixed day), period (due by the end of a month, quarter,
-- half or year), recurring (a cadence, no single date), immediate (ngay,
-- khẩn trương, kịp thời ...), relative (N days from an anchor).
local lpeg = require "lpeg"
local re = require "re"

local M = {}

-- Verbs after which "ngay" means "at once" ("khắc phục ngay", "báo cáo
-- ngay"); elsewhere "ngay" may be "ngày" (day) with its marks folded away.
M.now_verbs = {
  "thuc hien", "trien khai", "bao cao", "khac phuc", "xu ly", "to chuc", "dung", "ngung", "kiem tra", "chan chinh",
  "bo sung", "cap nhat", "gui", "tham muu", "chi dao", "rut kinh nghiem", "thong bao", "thu hoi", "cach ly",
  "phong toa", "truy vet", "xet nghiem", "khoanh vung", "sua doi", "dieu chinh", "hoan tra", "nop", "chuyen",
  "lam ro", "giai quyet", "kiem diem", "huy", "xu ly nghiem", "bao cao ket qua",
}

-- "verb " right before the current position (LPeg looks behind only by a
-- fixed length, so one lookbehind per verb).
-- (A balanced choice: ordered choice is associative, and LPeg copies both
-- operands of every `+`.)
local function any_of(ps, i, j)
  if i == j then return ps[i] end
  local m = (i + j) // 2
  return any_of(ps, i, m) + any_of(ps, m + 1, j)
end
local AFTER_VERB
do
  local behind = {}
  for k, v in ipairs(M.now_verbs) do behind[k] = lpeg.B(v .. " ") end
  AFTER_VERB = any_of(behind, 1, #behind)
end

-- Constants used by the grammar's captures.
local defs = {
  date = lpeg.Cc "date", period = lpeg.Cc "period", recurring = lpeg.Cc "recurring",
  immediate = lpeg.Cc "immediate", relative = lpeg.Cc "relative", yes = lpeg.Cc(true),
  month = lpeg.Cc "month", quarter = lpeg.Cc "quarter", half = lpeg.Cc "half", year = lpeg.Cc "year",
  range = lpeg.Cc "range", after_verb = AFTER_VERB,
  -- "chi thường xuyên" (recurrent spending), "nơi thường xuyên tập trung
  -- đông người" are no cadence; "từ trước khi có dịch" is no deadline
  after_spend = lpeg.B "chi " + lpeg.B "noi ", after_tu = lpeg.B "tu ",
}

-- The grammar. Rules are ordered as they are tried: a recurring phrase
-- ("trước ngày 20 hằng tháng") must win over a fixed date, a half-year
-- ("trong 6 tháng đầu năm") over a relative duration ("trong 6 tháng").
-- A bare date or period is only a deadline right after a cue word
-- ("trước", "chậm nhất", "hoàn thành", "thời hạn", "trong" ...): bare dates
-- in a directive are event dates and citations ("Công điện số
-- 1265/CĐ-TTg ngày 30/9/2021"), and bare years are objectives ("nhiệm vụ
-- năm 2021").
local GRAMMAR = [[
  deadline      <- {| {:s: {} :} phrase {:e: {} :} |}
  loose         <- {| {:s: {} :} (phrase / bare) {:e: {} :} |}
  phrase        <- recurring / fixed / range / period / relative / immediate
  bare          <- {:kind: %date :} (day_word sp)? date / {:kind: %period :} pcore

  -- words and numbers ---------------------------------------------------------
  sp            <- ' '
  w             <- ![a-z0-9]
  digit         <- [0-9]
  d2            <- digit digit?
  year4         <- digit digit digit digit
  year          <- year4 / digit digit
  sep           <- [/.-]
  colon         <- (sp? ':')?
  day_word      <- 'ngay' w

  -- fixed dates: "trước ngày 04/10/2021", "chậm nhất là ngày 15/12/2021",
  -- "trước 17 giờ 00 ngày 20/5/2021", "xong trong ngày 05/7",
  -- "trước ngày Quốc khánh 02/9/2025", "ngày 05 tháng 7 năm 2021"
  fixed         <- {:kind: %date :} {:cue: date_cue :} colon (sp clock (sp? ',')?)? sp (day_word sp holiday)? date
                 / {:kind: %date :} {:cue: 'trong' :} sp (clock (sp? ',')? sp)? day_word sp date
  date_cue      <- strong_cue (sp weak_cue)*
  strong_cue    <- 'truoc' / 'cham nhat' / 'muon nhat' / 'xong' / 'hoan thanh' / 'hoan tat' / 'han chot'
                 / 'han cuoi' / 'khong qua' / 'khong muon hon' / 'thoi han' (sp deadline_noun)?
                 / 'thoi gian' sp deadline_noun / 'tien do' (sp deadline_noun)?
  deadline_noun <- 'hoan thanh' / 'thuc hien' / 'bao cao' / 'nop' / 'gui'
  weak_cue      <- ('la' / 'vao' / 'trong' / 'truoc' / 'cham nhat') w
  holiday       <- (!digit [a-z]+ sp)^-3
  date          <- dmy_words / dmy
  dmy           <- {:d: d2 :} sep {:m: d2 :} (sep {:y: year :})? !digit !(sep digit)
  dmy_words     <- {:d: d2 :} sp 'thang' sp {:m: d2 :} !digit (sp 'nam' sp {:y: year4 :} !digit)?
  clock         <- {:time: d2 (sp? ('gio' / 'h') (sp? digit digit (sp 'phut')?)? / ':' digit digit) :} w

  -- a range after a time cue: "thời gian thực hiện: từ ngày 01/10 đến ngày 15/10/2021"
  range         <- {:kind: %period :} {:pk: %range :} range_cue colon sp 'tu' sp (day_word sp)? {:from_t: {| date |} :}
                   sp ('den' (sp 'het')? / '-') sp (day_word sp)? {:to_t: {| date |} :}
  range_cue     <- 'thoi gian' (sp ('thuc hien' / 'hoan thanh' / 'trien khai' / 'to chuc'))? / 'thoi han'
                 / 'trong thoi gian'

  -- periods: "trong tháng 10/2021", "Quý IV năm 2021", "6 tháng đầu năm 2021",
  -- "trong năm 2021", "cuối năm 2021"
  period        <- {:kind: %period :} ({:cue: period_cue :} colon sp pcore / &'cuoi' pcore)
  period_cue    <- date_cue / 'trong' (sp weak_cue)* / 'den het' / 'den cuoi' / 'ngay trong'
  pcore         <- ({:part: part :} sp)? (half / quarter / month / whole_year)
  part          <- ('cuoi' / 'dau' / 'giua') w
  half          <- {:pk: %half :} {:n: digit / numword :} sp 'thang' sp {:half: 'dau' / 'cuoi' :} sp 'nam' w
                   (sp {:y: year4 :} !digit)?
  quarter       <- {:pk: %quarter :} 'quy' sp {:q: roman / [1-4] :} w (of_year)?
  month         <- {:pk: %month :} 'thang' sp {:m: d2 :} !digit (of_year)? !(sep digit)
  whole_year    <- {:pk: %year :} 'nam' sp {:y: year4 :} !digit !('-' digit)
  of_year       <- (sep / sp 'nam' sp) {:y: year4 :} !digit
  roman         <- ('iv' / 'iii' / 'ii' / 'i') ![a-z]

  -- recurring: "định kỳ hằng tháng", "hàng tuần", "trước ngày 20 hằng tháng",
  -- "định kỳ 6 tháng, năm", "thường xuyên", "đột xuất khi có yêu cầu"
  recurring     <- {:kind: %recurring :} (
                     ('truoc' / 'vao' / 'cham nhat') sp day_word sp {:d: d2 :} sp every
                   / 'dinh ky' w (sp (every / {:cadence: digit+ sp 'thang' (sp? ',' sp? 'nam')? :}))?
                   / every
                   / !%after_spend {:cadence: 'thuong xuyen' :} w
                   / {:cadence: 'dot xuat' :} w (sp 'khi' sp 'co' sp 'yeu cau')?)
  every         <- ('hang' / 'moi') sp {:cadence: 'ngay' / 'tuan' / 'thang' / 'quy' / 'nam' :} w

  -- relative: "trong vòng 05 ngày làm việc kể từ ngày nhận được văn bản này",
  -- "trong thời hạn mười lăm ngày kể từ ngày ký", "sau 03 ngày kể từ ...",
  -- "trước khi trình UBND tỉnh"
  relative      <- {:kind: %relative :} (
                     rel_intro sp amount sp unit working? !(sp ('qua' / 'gan day' / 'truoc') w) ((sp? ',')? sp anchor)?
                   / 'sau' sp amount sp unit working? (sp? ',')? sp anchor
                   / !%after_tu 'truoc khi' sp {:anchor: event (!clause_end .)* :})
  rel_intro     <- 'trong vong' / 'trong thoi han' / 'trong thoi gian' / 'trong' / 'cham nhat' (sp 'la')? (sp 'sau')?
                 / 'khong qua' / 'toi da'
  working       <- sp {:working: 'lam viec' %yes :}
  amount        <- {:value: digit+ :} / {:words: numword (sp numword)* :}
  -- longer words first: PEG commits to "ba" in "bay" and would fail on w
  numword       <- ('muoi' / 'mot' / 'hai' / 'bay' / 'bon' / 'ba' / 'tu' / 'nam' / 'lam' / 'nham' / 'sau' / 'tam'
                   / 'chin') w
  unit          <- {:unit: 'ngay' / 'tuan' / 'thang' / 'nam' / 'gio' :} w
  anchor        <- ('ke tu' / 'tinh tu' / 'tu') sp {:anchor: (!clause_end .)+ :}
  clause_end    <- [,;()] / '.' (sp / !.) / %nl
  event         <- ('trinh' / 'ban hanh' / 'to chuc' / 'khai mac' / 'dien ra' / 'gui' / 'ky' / 'bau cu'
                   / 'hoi nghi' / 'ket thuc' / 'tong ket' / 'so ket') w

  -- immediate / urgent, no date: "ngay sau khi nhận được văn bản", "khẩn trương",
  -- "kịp thời", "trong thời gian sớm nhất", "khắc phục ngay" (%after_verb: the
  -- text before "ngay" ends with one of M.now_verbs)
  immediate     <- {:kind: %immediate :} (
                     at_once
                   / ('khan truong' / 'kip thoi' / 'trong thoi gian som nhat' / 'som nhat' / 'hoa toc'
                     / 'thuong khan' / 'lap tuc' / 'tuc thoi') w
                   / 'trong ngay' w !(sp (clock (sp? ',')? sp)? date)
                   / %after_verb {:amb: {} :} 'ngay' w !(sp? digit) !(sp day_noun))
  at_once       <- {:amb: {} :} 'ngay' sp ('lap tuc' / 'tu bay gio' / 'trong ngay') w
                 / {:amb: {} :} 'ngay' sp ('sau khi' / 'khi' / 'tu khi') w (sp {:anchor: (!clause_end .)+ :})?
  day_noun      <- ('hoi' / 'le' / 'tet' / 'thu' / 'nay' / 'mai' / 'lam viec' / 'cong' / 'cao diem' / 'dau'
                   / 'cuoi' / 'quoc' / 'hom' / 'nghi' / 'ky' / 'ban hanh' / 'thanh lap' / 'truyen thong'
                   / 'sach' / 'van hoa' / 'toan dan' / 'hien mau' / 'chu nhat' / 'bau cu') w
]]

-- One pattern per entry point: the scanners' at load, the loose one
-- (M.parse) on first use.
local P_DEADLINE = re.compile(GRAMMAR, defs)
local P_LOOSE

-- The words a deadline phrase can start with. Scanning tries the grammar
-- only at these (a cheap literal test per word), which is what keeps the
-- scan fast: most words of a directive start no deadline.
M.first_words = {
  "truoc", "vao", "cham nhat", "muon nhat", "dinh ky", "hang", "moi", "thuong xuyen", "dot xuat", "xong",
  "hoan thanh", "hoan tat", "han chot", "han cuoi", "khong qua", "khong muon", "thoi han", "thoi gian", "trong",
  "den het", "den cuoi", "ngay", "cuoi", "sau", "toi da", "tien do", "khan truong", "kip thoi", "som nhat", "hoa toc",
  "thuong khan", "lap tuc", "tuc thoi",
}

local alnum = lpeg.R("az", "09")

-- The words as a trie (one test per letter instead of one per word: an
-- ordered choice of 30 literals tried at every word costs more than the
-- rest of the scan).
local function trie(words)
  local groups, order, ends = {}, {}, false
  for _, wd in ipairs(words) do
    if wd == "" then
      ends = true
    else
      local c = wd:sub(1, 1)
      if not groups[c] then
        groups[c] = {}
        order[#order + 1] = c
      end
      table.insert(groups[c], wd:sub(2))
    end
  end
  local p = lpeg.P(false)
  for _, c in ipairs(order) do p = p + lpeg.P(c) * trie(groups[c]) end
  if ends then p = p + -alnum end
  return p
end
local FIRST = trie(M.first_words)

-- Scanning: at each word where a deadline can start, try one. Dates in
-- citations ("Công điện số 1265/CĐ-TTg ngày 30/9/2021") need no special
-- case: a date is a deadline only right after a cue word.
local SCAN -- built on first use (vbcheck.tasks has its own scan)

-- Pieces for scanners that look for more than deadlines in one pass
-- (vbcheck.tasks): `first` tells whether a deadline can start at a word,
-- `pattern` captures one deadline as a table (resolve it with M.resolve).
M.pattern = P_DEADLINE
M.first = FIRST

-- Calendar -------------------------------------------------------------------

local DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

local function leap(y) return y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0) end

--- Days in month m of year y (y may be nil: February then has 29).
local function days_in(m, y)
  if m == 2 and (not y or leap(y)) then return 29 end
  return DAYS[m]
end
M.days_in = days_in

local function iso(y, m, d) return string.format("%04d-%02d-%02d", y, m, d) end

-- Days since 1970-01-01 (proleptic Gregorian), and back.
local function day_number(y, m, d)
  if m <= 2 then y, m = y - 1, m + 12 end
  local era = y // 400
  local yoe = y - era * 400
  local doy = (153 * (m - 3) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function from_day_number(z)
  z = z + 719468
  local era = z // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return y, m, d
end

--- ISO date n days after the ISO date s.
function M.add_days(s, n)
  local y, m, d = s:match("^(%d+)-(%d+)-(%d+)$")
  return iso(from_day_number(day_number(tonumber(y), tonumber(m), tonumber(d)) + n))
end

-- Numbers written as words: "mười lăm" = 15, "hai mươi" = 20, "bảy" = 7.
local UNITS = { mot = 1, hai = 2, ba = 3, bon = 4, tu = 4, nam = 5, lam = 5, nham = 5, sau = 6, bay = 7,
  tam = 8, chin = 9 }

local function words_value(s)
  local tens, ones, seen_ten = 0, 0, false
  for wd in s:gmatch("%a+") do
    if wd == "muoi" then
      tens = (ones > 0 and ones or 1) * 10
      ones, seen_ten = 0, true
    else
      ones = UNITS[wd] or 0
    end
  end
  local v = tens + ones
  if not seen_ten and v == 0 then return nil end
  return v
end
M.words_value = words_value

local ROMAN = { i = 1, ii = 2, iii = 3, iv = 4 }

-- Year for a phrase that omits it: the document's year; a January-March
-- deadline in an October-December document means the next year (a
-- directive issued on 20/12 asking for "trước ngày 15/01").
local function infer_year(ctx, m)
  local y = ctx and ctx.year or nil
  if not y then return nil end
  if ctx.month and ctx.month >= 10 and m and m <= 3 then return y + 1 end
  return y
end

local function full_year(ys)
  local y = tonumber(ys)
  if y and #ys == 2 then y = 2000 + y end
  return y
end

-- Fill iso/invalid for a day-month(-year) capture table t into r.
local function resolve_date(t, r, ctx)
  local d, m = tonumber(t.d), tonumber(t.m)
  local y
  if t.y then
    y = full_year(t.y)
  else
    y = infer_year(ctx, m)
    r.year_inferred = y ~= nil or nil
  end
  r.day, r.month, r.year = d, m, y
  if not d or not m or m < 1 or m > 12 or d < 1 or d > days_in(m, y) or (y and (y < 1900 or y > 2200)) then
    r.invalid = true
    return r
  end
  if y then r.iso = iso(y, m, d) end
  return r
end

-- Months covered by a period capture: first and last month, and the year.
local function period_span(t, ctx)
  local y = t.y and full_year(t.y)
  local m1, m2, d1, d2
  if t.pk == "month" then
    local m = tonumber(t.m)
    if not m or m < 1 or m > 12 then return nil, "invalid" end
    m1, m2 = m, m
    if t.part == "dau" then d1, d2 = 1, 10
    elseif t.part == "giua" then d1, d2 = 11, 20
    elseif t.part == "cuoi" then d1 = 21
    end
    y = y or infer_year(ctx, m)
  elseif t.pk == "quarter" then
    local q = ROMAN[t.q] or tonumber(t.q)
    m1, m2 = q * 3 - 2, q * 3
    if t.part == "cuoi" then m1 = m2 elseif t.part == "dau" then m2 = m1 end
    y = y or infer_year(ctx, m1)
  elseif t.pk == "half" then
    local n = tonumber(t.n) or words_value(t.n)
    if not n or n < 1 or n > 12 then return nil, "invalid" end
    if t.half == "dau" then m1, m2 = 1, n else m1, m2 = 13 - n, 12 end
    y = y or (ctx and ctx.year or nil)
  else -- whole year
    m1, m2 = 1, 12
    if t.part == "cuoi" then m1 = 12 elseif t.part == "dau" then m2 = 3 elseif t.part == "giua" then m1, m2 = 6, 7 end
  end
  return { y = y, m1 = m1, m2 = m2, d1 = d1 or 1, d2 = d2 }
end

--- Turn the grammar's captures for one phrase into a deadline:
-- {s, e, kind, iso, from, to, invalid, time, cadence, day, value, unit,
--  working, anchor, year_inferred, cue}. ctx = {year, month, day, iso}
-- (the document's date; any field may be nil).
function M.resolve(t, ctx)
  local r = { s = t.s, e = t.e, kind = t.kind, cue = t.cue, time = t.time, amb = t.amb, anchor = t.anchor }
  local kind = t.kind
  if kind == "date" then
    resolve_date(t, r, ctx)
  elseif kind == "period" and t.pk == "range" then
    local a = resolve_date(t.from_t, {}, ctx)
    local b = resolve_date(t.to_t, {}, ctx)
    if a.invalid or b.invalid then
      r.invalid = true
    else
      r.from, r.to, r.iso = a.iso, b.iso, b.iso
      r.year_inferred = b.year_inferred
    end
  elseif kind == "period" then
    local span, bad = period_span(t, ctx)
    if not span then
      r.invalid = bad == "invalid" or nil
    elseif span.y then
      local y = span.y
      r.year = y
      r.year_inferred = not t.y or nil
      r.from = iso(y, span.m1, span.d1)
      r.to = iso(y, span.m2, span.d2 or days_in(span.m2, y))
      r.iso = r.to
      -- "trước tháng 10/2021": due the day before the period starts.
      if t.cue and t.cue:sub(1, 5) == "truoc" then
        r.kind, r.iso, r.before = "date", M.add_days(r.from, -1), true
        r.from, r.to = nil, nil
      end
    end
  elseif kind == "recurring" then
    r.cadence = t.cadence or "dinh ky"
    r.day = tonumber(t.d)
  elseif kind == "relative" then
    r.value = tonumber(t.value) or (t.words and words_value(t.words))
    r.unit = t.unit
    r.working = t.working or false
    r.anchor = t.anchor
    -- Counted from the signing/issue date in calendar days: known.
    if r.value and ctx and ctx.iso and not r.working and r.anchor
      and (r.anchor:find("^ngay ky") or r.anchor:find("^ngay ban hanh")) then
      if r.unit == "ngay" then r.iso = M.add_days(ctx.iso, r.value)
      elseif r.unit == "tuan" then r.iso = M.add_days(ctx.iso, 7 * r.value)
      end
    end
  end
  return r
end

--- Every deadline phrase in folded text f, in order, resolved against
-- ctx. Positions s (first byte) and e (one past the last byte) index f.
function M.find(f, ctx)
  SCAN = SCAN or lpeg.Ct((#FIRST * P_DEADLINE + alnum ^ 1 * lpeg.P " " ^ -1 + 1) ^ 0)
  local raw = SCAN:match(f)
  for i = 1, #raw do raw[i] = M.resolve(raw[i], ctx) end
  return raw
end

--- One phrase on its own (a table cell, a user's --as-of-like input):
-- cue words are optional, so "Quý IV/2021" and "ngày 05 tháng 7 năm 2021"
-- parse. Matching starts at init (default 1). Returns the resolved
-- deadline or nil.
function M.parse(f, ctx, init)
  P_LOOSE = P_LOOSE or re.compile("start <- sp? loose\n" .. GRAMMAR, defs)
  local t = P_LOOSE:match(f, init)
  if not t then return nil end
  return M.resolve(t, ctx)
end

return M
