--- Tasks: which items of a directive assign work, to whom, by when
-- (norms.md §3). Fills `doc.tasks` (model.md §3).
--
--   local tasks = require "vbcheck.tasks"
--   doc.tasks = tasks.extract(doc, require("vbcheck.core").fold)
--   doc.tasks = tasks.extract(doc, fold, { agencies = { "Sở Văn hóa, Thể thao và Du lịch tỉnh X", ... } })
--
-- opts (optional): `agencies` lists bodies (strings, or {name, kind =
-- "collective"}) recognised as assignees in addition to the built-in
-- gazetteer (vbcheck.agencies), e.g. a `.vbcheck.lua` configuration's
-- `agencies = {...}`. Names are written as usual, with diacritics; the
-- longest name wins, so "Sở Văn hóa, Thể thao và Du lịch tỉnh X" beats the
-- built-in "Sở Văn hóa, Thể thao và Du lịch". The option holds for that
-- call only; its compiled form (a lookup table by first folded word) is
-- cached per distinct list (keyed by the names joined), so passing the same
-- list for every document costs nothing after the first. The grammars are
-- compiled once, on first use, whatever the list.
--
-- How it reads an item. The item text is folded once (the injected `fold`)
-- and scanned once (one LPeg pass) for clause ends (". ", ";", paragraph
-- breaks), deadlines (vbcheck.deadline), deliverables and standing-work
-- words. At the start of each clause the assignment grammar looks for who
-- acts: "Giao X chủ trì, phối hợp với Y ...", "X chủ trì, Y phối hợp ...",
-- "X phối hợp với Y ...", "Đề nghị X ...", "Yêu cầu X ...", "UBND tỉnh
-- giao X ...", an agency as subject, a heading "X: ...", or a kế hoạch's
-- labelled line "Cơ quan chủ trì: X" / "Đơn vị phối hợp: Y" (also as
-- sub-items, with "Thời gian thực hiện: ..."). A clause that names a
-- subject starts a new task; a clause without one continues the current
-- task, so a trailing "(báo cáo UBND tỉnh trước ngày ...)" belongs to the
-- work before it, and a last clause that starts with its deadline
-- ("Hoàn thành trước ngày ...") is due for every task of the item. Items
-- without a subject inherit, in this order, the agency heading their
-- parent item ("2. Sở Y tế:" / "- ..."), the subject of a parent item, or
-- the addressees of the preamble ("UBND tỉnh yêu cầu các sở, ngành ...
-- thực hiện một số nhiệm vụ sau:", else the closing "... yêu cầu X triển
-- khai thực hiện", else `Kính gửi`). Sub-items also inherit their parent's
-- date.
--
-- Which items are tasks. An item (or clause group) with an explicit
-- subject always is, except a bare heading "2. Sở Y tế:" over sub-items;
-- one that inherits its subject is, unless it is a section heading
-- ("Mục đích:") or a container ending in ":"; one with nobody at all is a
-- task only when it has a date or a deliverable (so task/assignee-missing
-- can name it). A paragraph outside the items is a task only with an
-- explicit subject and chủ trì / phối hợp, a deliverable or a date.
--
-- Named or not. Inheriting the preamble's addressees does not name anyone
-- for a particular piece of work (NĐ 30 Điều 23.2 asks for the unit that
-- leads it), so such tasks have `named = false`, as do tasks whose only
-- subject is vague ("các cơ quan, đơn vị liên quan"). Heading and parent
-- inheritance do name the agency (`named = true`).
--
-- Original spelling. Names, deadline phrases and task texts are returned
-- as written (NFC, with diacritics), not folded, with positions computed
-- rather than assumed. Folding maps every code point on its own (1 code
-- point -> 0..3 bytes: "…" -> "...", combining marks -> nothing) and only
-- merges runs of spaces. So: (1) when the folded text has exactly as many
-- bytes as the original has code points (nearly all real text), folded
-- byte n is code point n and utf8.offset maps it in C; (2) otherwise both
-- texts have the same space-separated tokens, and a position is mapped by
-- finding its token (binary search over token starts, one LPeg pass per
-- text, built only when needed) and walking the code points inside that
-- token with a per-character cache of fold lengths (`fold("a" .. ch ..
-- "a")`). Every mapped span is checked by folding it again; if a fold
-- function ever breaks the contract the folded spelling is returned
-- instead of a wrong one.
local lpeg = require "lpeg"
local re = require "re"
local deadline = require "vbcheck.deadline"
local agencies = require "vbcheck.agencies"

local P, R, S, Cp, Ct, Cc = lpeg.P, lpeg.R, lpeg.S, lpeg.Cp, lpeg.Ct, lpeg.Cc

local M = {}

-- Alignment of folded and original text ----------------------------------------

-- The code points fold turns into one space (core/text/text.c is_space_cp).
local FOLD_SPACE = S " \t\f\v" + P "\194\160" + P "\226\128" * R "\128\139" + P "\226\128\175"
  + P "\226\129\159" + P "\227\128\128" + P "\239\187\191"
local ORIG_TOKENS = Ct(FOLD_SPACE ^ 0 * (Cp() * (1 - FOLD_SPACE) ^ 1 * FOLD_SPACE ^ 0) ^ 0)
local FOLDED_TOKENS = Ct((Cp() * (1 - P " ") ^ 1 * P " " ^ -1) ^ 0)

-- fold -> { [character] = folded length }; weak so a test double goes away.
local cp_lengths = setmetatable({}, { __mode = "k" })

local function new_text(o, f, fold)
  local cache = cp_lengths[fold]
  if not cache then
    cache = {}
    cp_lengths[fold] = cache
  end
  return { o = o, f = f, fold = fold, cache = cache }
end

local function tokens(a)
  if a.fs == nil then
    a.os, a.fs = ORIG_TOKENS:match(a.o), FOLDED_TOKENS:match(a.f)
    a.ok = #a.os == #a.fs
  end
  return a.ok
end

-- Original byte range (first, last) of the code point that produced
-- folded byte pos.
local function locate(a, pos)
  local fs = a.fs
  local lo, hi = 1, #fs
  while lo < hi do
    local mid = (lo + hi + 1) // 2
    if fs[mid] <= pos then lo = mid else hi = mid - 1 end
  end
  local k, o, s, cache, fold = pos - fs[lo], a.os[lo], a.o, a.cache, a.fold
  local acc, n = 0, #s
  while o <= n do
    local b = s:byte(o)
    local len, flen
    if b < 0x80 then
      len, flen = 1, 1
    else
      len = b >= 0xF0 and 4 or b >= 0xE0 and 3 or 2
      local ch = s:sub(o, o + len - 1)
      flen = cache[ch]
      if not flen then
        flen = #fold("a" .. ch .. "a") - 2
        cache[ch] = flen
      end
    end
    if acc + flen > k then return o, o + len - 1 end
    acc = acc + flen
    o = o + len
  end
  return n, n
end

-- Most texts fold one code point to one byte (Vietnamese letters, ASCII,
-- typographic quotes and dashes, single spaces): then folded byte n is
-- code point n of the original and utf8.offset maps it in C.
local function cp_aligned(a)
  local v = a.aligned
  if v == nil then
    v = utf8.len(a.o) == #a.f
    a.aligned = v
  end
  return v
end

--- The original text of folded span [s, e) of aligned text a.
local function original(a, s, e)
  local f = a.f
  while s < e and f:byte(s) == 32 do s = s + 1 end
  while e > s and f:byte(e - 1) == 32 do e = e - 1 end
  if s >= e then return "" end
  local want = f:sub(s, e - 1)
  if cp_aligned(a) then
    local o1, o2 = utf8.offset(a.o, s), utf8.offset(a.o, e)
    if o1 and o2 then
      local out = a.o:sub(o1, o2 - 1)
      if a.fold(out) == want then return out end
    end
  end
  if not tokens(a) then return want end
  local o1 = locate(a, s)
  local _, o2 = locate(a, e - 1)
  local out = a.o:sub(o1, o2)
  if a.fold(out) ~= want then return want end
  return out
end
M._original = function(o, fold, s, e) return original(new_text(o, fold(o), fold), s, e) end

-- Original byte where the code point behind folded byte pos starts.
local function locate_cp(a, pos)
  if cp_aligned(a) then return utf8.offset(a.o, pos) end
  if not tokens(a) then return nil end
  return (locate(a, pos))
end

-- Grammars -------------------------------------------------------------------------

-- Who acts, at the start of a clause. Captures {lead = {members},
-- support = {members}, chu_tri = true, heading = true, intro = "..."}.
-- (These grammars are compiled into one, with vbcheck.agencies' rules,
-- which define `list`, `first_list`, `sp` and `w`; `lead_list` is `list`
-- where the text has diacritics, `first_list` in OCR text.)
local HEAD = [[
  head          <- {| (adverb sp)* (intro / core) |}
  adverb        <- ('dong thoi' / 'truoc mat' / 'trong do' / 'ngoai ra' / 'ben canh do' / 'mat khac' / 'sau do'
                   / 'tiep theo' / 'cu the' / 'rieng' / 'them vao do' / 'do do' / 'vi vay') w (sp? ',')?
  intro         <- {:intro: intro_verb :} (sp 'cho')? sp core
  intro_verb    <- ('giao nhiem vu cho' / 'giao' / 'de nghi' / 'yeu cau' / 'phan cong' / 'uy quyen' / 'doi voi'
                   / 'trach nhiem cua' / 'nhiem vu cua') w
  -- "UBND tỉnh giao Sở Y tế chủ trì ...": the one given the work leads it
  core          <- {:lead: lead_list :} (sp give_verb (sp 'cho')? sp {:given: list :})? roles
  give_verb     <- ('giao' / 'de nghi' / 'yeu cau' / 'phan cong' / 'uy quyen') w
  roles         <- (sp? ',')? sp 'chu tri' w {:chu_tri: %yes :} chu_tri_rest?
                 / sp phoi_hop
                 / sp? ':' {:heading: %yes :}
                 / !(sp ('da' / 'la' / 'cua' / 've' / 'nay' / 'do' / 'voi') w)
  chu_tri_rest  <- (sp? ',')? sp phoi_hop
                 / sp? ',' sp {:support: list :} sp 'phoi hop' w
  phoi_hop      <- 'phoi hop' w (sp 'voi' w)? sp {:support: list :}
                 / 'phoi hop' w (sp !('voi' w) tword (sp? ',')?)^-4 sp 'voi' sp {:support: list :}
                 / 'phoi hop' w

]]

-- "... phối hợp (chặt chẽ) với Y ..." anywhere in a clause: the support
-- of a lead named earlier in a longer subject ("Ban Chỉ đạo ... mà nòng
-- cốt là cơ quan y tế, phối hợp với Mặt trận Tổ quốc ...").
local SUPPORT_SCAN = [[
  support_scan  <- {| (support_found / tword / .)* |}
  support_found <- {| {:chu_tri: 'chu tri' w %yes :} |}
                 / 'phoi hop' w ((sp 'voi' w)? sp / (sp !('voi' w) tword (sp? ',')?)^-4 sp 'voi' sp)
                   {| {:support: list :} |}
]]

-- The addressees of a preamble: "... yêu cầu A, B ... thực hiện ...:"
local PREAMBLE = [[
  preamble_scan <- {| (preamble_found / tword / .)* |}
  preamble_found <- ('giao nhiem vu cho' / 'yeu cau' / 'de nghi' / 'giao' / 'chi dao') w (sp 'cho' w)? sp list
]]

-- Labelled lines of a kế hoạch: "Cơ quan chủ trì: Sở Y tế", "Đơn vị phối
-- hợp: ...", "Thời gian thực hiện: Quý III/2021", as clauses of an item or
-- as its sub-items. Captures {f = "lead" | "support" | "time", at = where
-- the value starts}.
local FIELD = re.compile([[
  field         <- {| (who / when) sp? ':' sp? {:at: {} :} |}
  who           <- (('co quan' / 'don vi' / 'bo phan') sp)? ('chu tri' {:f: '' -> 'lead' :}
                   / 'phoi hop' {:f: '' -> 'support' :}) (sp 'thuc hien')?
  when          <- ('thoi gian' / 'thoi han' / 'tien do') (sp ('thuc hien' / 'hoan thanh' / 'trien khai'))?
                   {:f: '' -> 'time' :}
  sp            <- ' '
]])

-- What the task delivers, and words that mark standing work (cadences
-- and urgency are deadlines, found by the deadline grammar). The
-- deliverable names are the display forms.
local MARKERS = [[
  dv_event      <- not_mark / {| {:pos: {} :} {:dv: deliverable :} |}
  og_event      <- {| {:pos: {} :} {:og: ongoing %yes :} |}
  not_mark      <- ('khong' / 'chua' / 'dam bao' / 'bao dam' / 'phan dau' / 'nham' / 'da') sp 'hoan thanh' w
                 / 'tham gia' sp 'du thao' w / 'theo' sp 'huong dan' w
                 / 'thuong xuyen' sp 'bao cao' w / 'ban hanh' sp 'kem theo' w
                 / 'thi' sp 'bao cao' w -- "trường hợp ... thì báo cáo": on condition, not a product
  deliverable   <- ('bao cao' w !(sp 'vien' w)) -> 'báo cáo'
                 / ('trinh' w &(sp recipient)) -> 'trình'
                 / ('tham muu' w) -> 'tham mưu'
                 / ('du thao' w) -> 'dự thảo'
                 / ('xay dung' sp product) -> 'xây dựng'
                 / ('ban hanh' w) -> 'ban hành'
                 / ('hoan thanh' w !(sp ('tot' / 'xuat sac' / 'cac nhiem vu' / 'nhiem vu' / 'muc tieu' / 'chi tieu') w))
                   -> 'hoàn thành'
                 / ('hoan chinh' w) -> 'hoàn chỉnh'
                 / ('tong hop' w) -> 'tổng hợp'
                 / ('de xuat' w) -> 'đề xuất'
                 / ('co van ban' w) -> 'có văn bản'
                 / ('huong dan' sp ('thuc hien' / 'cac' / 'viec') w) -> 'hướng dẫn'
                 / ('lap' sp ('danh sach' / 'ke hoach' / 'ho so' / 'bao cao' / 'du toan' / 'phuong an') w) -> 'lập'
                 / ('gui' w (sp 've' w)? &(sp recipient)) -> 'gửi'
  recipient     <- ('ubnd' / 'uy ban' / 'hdnd' / 'hoi dong' / 'chu tich' / 'ban' / 'thuong truc' / 'thuong vu'
                   / 'tinh uy' / 'bo' / 'thu tuong' / 'chinh phu' / 'cap co tham quyen' / 'lanh dao' / 'cap tren'
                   / 'co quan' / 'dong chi' / 'so' / 'van phong') w
  product       <- ('ke hoach' / 'phuong an' / 'de an' / 'du an' / 'du toan' / 'chuong trinh' / 'quy che' / 'quy dinh'
                   / 'huong dan' / 'van ban' / 'bao cao' / 'du thao' / 'tieu chi' / 'kich ban' / 'co che'
                   / 'chinh sach' / 'danh muc' / 'lo trinh' / 'tai lieu' / 'bo tieu chi' / 'quy trinh') w
  ongoing       <- ('tiep tuc' / 'duy tri' / 'lien tuc' / 'tang cuong' / 'theo doi' / 'don doc' / 'quan triet'
                   / 'tuyen truyen' / 'kiem tra, giam sat' / 'thuc hien nghiem' / 'chu dong' / 'day manh'
                   / 'bam sat' / 'nam chac' / 'kiem soat chat che' / 'san sang') w
  sp            <- ' '
  w             <- ![a-z0-9%x80-%xff]
]]

-- The first words of the markers above (the scan's cheap gate).
local MARKER_WORDS = {
  "khong", "chua", "dam bao", "bao dam", "phan dau", "nham", "da", "tham gia", "theo", "thuong xuyen", "ban hanh",
  "thi", "bao cao", "trinh", "tham muu", "du thao", "xay dung", "hoan thanh", "hoan chinh", "tong hop", "de xuat",
  "co van ban", "huong dan", "lap", "gui", "tiep tuc", "duy tri", "lien tuc", "tang cuong", "theo doi", "don doc",
  "quan triet", "tuyen truyen", "kiem tra", "thuc hien", "chu dong", "day manh", "bam sat", "nam chac", "kiem soat",
  "san sang",
}

-- Years in the text (used when the document date has none).
local YEARS = Ct(((R "09" ^ -2 * S "/.-" * R "09" ^ -2 * S "/.-" * lpeg.C(P "20" * R "09" * R "09") * -R "09"
  + P "nam " * lpeg.C(P "20" * R "09" * R "09") * -R "09") + R("az", "09") ^ 1 + 1) ^ 0)

-- A clause that starts with its deadline: "Hoàn thành trước ngày ...",
-- "(Thời gian hoàn thành: ...)", "Thời hạn: ...", "Chậm nhất ngày ...".
local DEADLINE_CLAUSE = S "(" ^ -1 * (P "hoan thanh" + "hoan tat" + "xong" + "thoi gian" + "thoi han" + "han chot"
  + "cham nhat" + "truoc ngay" + "truoc" + "trong") * -R("az", "09")

-- Starts of items that are section headings, not work ("Mục đích:").
local HEADING_NOUN = (P "muc dich" + "yeu cau" + "noi dung" + "doi tuong" + "pham vi" + "thoi gian" + "dia diem"
  + "kinh phi" + "thanh phan" + "to chuc thuc hien" + "nguyen tac" + "quan diem" + "muc tieu") * -R("az", "09")

local function bytes(src) return (src:gsub("%%x80%-%%xff", "\128-\255")) end

-- The grammars that read agency lists are one grammar (each grammar
-- holds a copy of the agency rules and is compiled to code on its first
-- match: one grammar does that once), compiled on first use. Which one
-- runs is lpeg.match's second extra argument; the first is the gazetteer
-- (vbcheck.agencies): `gmatch(HEAD, f, init, gaz)`.
local HEAD_STRICT, HEAD_OCR, SUPPORT, PREAMBLE_LIST, LIST = 1, 2, 3, 4, 5
local ENTRY = [[
  entry         <- &(%m_head / %m_head_ocr) head / &%m_support support_scan / &%m_preamble preamble_scan
                 / &%m_list list
  lead_list     <- &%m_head_ocr first_list / !%m_head_ocr list
  tword         <- [a-z0-9%x80-%xff-]+
]]
local function mode(m) return lpeg.Cmt(lpeg.Carg(2), function(_, i, v) return v == m and i end) end
local TG
local function gmatch(m, s, init, gaz)
  if not TG then
    local defs = agencies.defs()
    defs.yes = Cc(true)
    defs.m_head, defs.m_head_ocr, defs.m_support = mode(HEAD_STRICT), mode(HEAD_OCR), mode(SUPPORT)
    defs.m_preamble, defs.m_list = mode(PREAMBLE_LIST), mode(LIST)
    TG = re.compile(bytes(ENTRY .. HEAD .. SUPPORT_SCAN .. PREAMBLE .. agencies.RULES), defs)
  end
  return TG:match(s, init, gaz, m)
end

-- One pass over a unit's folded text finds everything positional:
-- clause ends (a number: the position after ". ", "\n"; negated after
-- ";"), deadlines, deliverables and standing-work markers (tables).
local EVENTS
do
  -- a deliverable, else a deadline, else standing work: one grammar
  local mdefs = { yes = Cc(true), dl_first = deadline.first, deadline = deadline.pattern }
  local EVENT = re.compile("start <- dv_event / &%dl_first %deadline / og_event\n" .. bytes(MARKERS), mdefs)
  local words = {}
  for _, wd in ipairs(MARKER_WORDS) do words[#words + 1] = { s = wd } end
  for _, wd in ipairs(deadline.first_words) do words[#words + 1] = { s = wd } end
  local alnum = R("az", "09")
  local GATE = agencies.trie(words, -alnum)
  local hard = S ".!?" * #(P " " + P "\n" + -1) * Cp() + P "\n" * Cp()
  local soft = P ";" * (Cp() / function(p) return -p end)
  local event = #GATE * EVENT
  EVENTS = Ct((#alnum * (event + alnum ^ 1 * P " " ^ -1) + hard + soft + 1) ^ 0)
end

-- Helpers ----------------------------------------------------------------------------

local function trim_name(s)
  s = s:gsub("^[%s%-%+%*\"'“”]+", ""):gsub("[%s,;:%.]+$", "")
  return s
end

-- Names in original spelling for list members; kinds kept beside them.
local function names_of(a, members, out, role, explicit)
  if not members then return out end
  for _, m in ipairs(members) do
    local f = a.f:sub(m.s, m.e - 1)
    local kind = m.k
    if kind ~= "unknown" and agencies.is_vague(f) then kind = "vague" end
    out[#out + 1] = { name = trim_name(original(a, m.s, m.e)), role = role, kind = kind, explicit = explicit }
  end
  return out
end

local function excerpt(s, n)
  s = s:gsub("%s+", " ")
  if utf8.len(s) and utf8.len(s) > n then
    s = s:sub(1, utf8.offset(s, n) - 1) .. "…"
  end
  return s
end
M.excerpt = excerpt

-- The document date as a resolution context.
-- The document date as a resolution context. Without a year in the
-- place-and-date line, the year is the most frequent one of the full
-- dates in the body (ties: the later), worked out only if a deadline
-- needs it.
local function date_context(doc, fold)
  local pd = doc.place_date or {}
  if pd.year then return { year = pd.year, month = pd.month, day = pd.day, iso = pd.iso } end
  return setmetatable({}, { __index = function(ctx, k)
    if k ~= "year" then return nil end
    local count, best, bestn = {}, nil, 0
    for _, p in ipairs(doc.paragraphs or {}) do
      for _, y in ipairs(YEARS:match(fold(p.text))) do
        local v = tonumber(y)
        count[v] = (count[v] or 0) + 1
        if count[v] > bestn or (count[v] == bestn and v > best) then best, bestn = v, count[v] end
      end
    end
    rawset(ctx, "year", best or false)
    return best or false
  end })
end

local DELIVERABLE_RANK = {}
for i, dv in ipairs { "trình", "báo cáo", "ban hành", "xây dựng", "hoàn chỉnh", "hoàn thành", "dự thảo", "có văn bản",
  "hướng dẫn", "lập", "gửi", "tham mưu", "đề xuất", "tổng hợp" } do
  DELIVERABLE_RANK[dv] = i
end

local CONCRETE = { date = true, period = true, relative = true }
local RANK = { date = 1, period = 1, relative = 2, recurring = 3, immediate = 4 }

-- The public form of a deadline (no positions).
local function public_deadline(a, d)
  return {
    text = original(a, d.s, d.e), kind = d.kind, iso = d.iso, from = d.from, to = d.to, invalid = d.invalid,
    time = d.time, cadence = d.cadence, day = d.day, value = d.value, unit = d.unit, working = d.working,
    anchor = d.anchor, year_inferred = d.year_inferred, inherited = d.inherited,
  }
end

-- The deadline a task is due by: the latest known date of its concrete
-- deadlines; else a concrete one without a date (an impossible date, a
-- relative term); else a cadence; else urgency.
local function choose(list)
  local best
  for _, d in ipairs(list) do
    if not best then
      best = d
    else
      local rb, rd = RANK[best.kind], RANK[d.kind]
      if rd < rb then
        best = d
      elseif rd == rb and d.iso and (not best.iso or d.iso > best.iso) then
        best = d
      end
    end
  end
  return best
end

-- Line and column of a task that starts inside an item's text: search the
-- item's original lines, after the previous task, for the task's first
-- words (fewer words when a hard wrap splits them).
local function locate_line(doc, from, to, after_line, after_col, text)
  local lines = doc.lines
  if not lines or not from then return nil end
  local words = {}
  for wd in text:gmatch("%S+") do
    words[#words + 1] = wd
    if #words == 5 then break end
  end
  for n = #words, 1, -1 do
    local probe = table.concat(words, " ", 1, n)
    for i = math.max(from, after_line or from), math.min(to or from, #lines) do
      local l = lines[i]
      if type(l) == "string" then
        local init = 1
        if i == after_line and after_col then init = (utf8.offset(l, after_col + 1) or #l + 1) end
        local at = l:find(probe, init, true)
        if at then return i, (utf8.len(l:sub(1, at - 1)) or at - 1) + 1 end
      end
    end
    if n <= 2 then break end
  end
  return nil
end

-- Extraction -----------------------------------------------------------------------

local Extractor = {}
Extractor.__index = Extractor

-- fold(text), once per text and document (an item's text is read as a
-- field test, then as a unit; a paragraph as a subject test, then as a unit).
function Extractor:folded(text)
  local memo = self.memo
  local f = memo[text]
  if not f then
    f = self.fold(text)
    memo[text] = f
  end
  return f
end

-- A unit of text (an item's text or a loose paragraph), folded, scanned
-- once, cut into clauses. Deadlines are resolved against the document
-- date; "ngay" is checked against the original where the text has
-- diacritics ("ngay" = at once, "ngày" = day).
function Extractor:unit(text)
  local fold = self.fold
  local f = self:folded(text)
  local a = new_text(text, f, fold)
  local events = EVENTS:match(f)
  local cl, dls, marks = {}, {}, {}
  local start = 1
  events[#events + 1] = #f + 1 -- the text's end closes the last clause
  for _, ev in ipairs(events) do
    if type(ev) == "number" then
      -- a clause [start, e): skip the spaces it starts with
      local e = ev > 0 and ev or -ev
      local s0 = start
      while s0 < e and (f:byte(s0) == 32 or f:byte(s0) == 10) do s0 = s0 + 1 end
      if s0 < e then cl[#cl + 1] = { s = s0, e = e, hard = ev > 0 } end
      start = e
    elseif ev.kind then
      local keep = true
      if ev.amb and self.diacritics then
        local o1 = locate_cp(a, ev.amb)
        keep = o1 ~= nil and a.o:sub(o1, o1 + 3):lower() == "ngay"
      end
      if keep then dls[#dls + 1] = deadline.resolve(ev, self.ctx) end
    else
      marks[#marks + 1] = ev
    end
  end
  a.clauses, a.dls, a.marks, a.gaz = cl, dls, marks, self.gaz
  return a
end

-- Group the clauses of a into tasks. Returns a list of
-- {first, last (clause indexes), head (captures or nil)}.
local function group(a, ocr)
  local head = ocr and HEAD_OCR or HEAD_STRICT
  local groups, cur = {}, nil
  for i, c in ipairs(a.clauses) do
    local fld = FIELD:match(a.f, c.s)
    local h = not fld and gmatch(head, a.f, c.s, a.gaz)
    if fld then
      -- a labelled line belongs to the task before it
      if not cur then
        cur = { first = i, last = i }
        groups[#groups + 1] = cur
      else
        cur.last = i
      end
      if fld.f ~= "time" then
        local members = gmatch(LIST, a.f, fld.at, a.gaz)
        if members then
          cur.fields = cur.fields or {}
          cur.fields[#cur.fields + 1] = { role = fld.f, members = members }
        end
      end
      goto continue
    end
    if h and h.given then h.lead, h.given = h.given, nil end
    if h and h.lead and #h.lead > 0 then
      -- an unknown first member needs a known one after it (OCR damage)
      local ok = h.lead[1].k ~= "unknown"
      for j = 2, #h.lead do
        if h.lead[j].k ~= "unknown" then ok = true end
      end
      if not ok then h = nil end
    else
      h = nil
    end
    if h or not cur then
      cur = { first = i, last = i, head = h }
      groups[#groups + 1] = cur
    else
      cur.last = i
    end
    ::continue::
  end
  return groups
end

-- Lead, support, assignees and `named` from task.agencies; the inherited
-- agents lead when nobody is named.
local function set_agents(task, inherited)
  local agents = task.agencies
  local has_lead = false
  for _, ag in ipairs(agents) do
    if ag.role == "lead" and ag.explicit then has_lead = true end
  end
  if has_lead and task.inherited then
    -- a lead named later (a "Cơ quan chủ trì:" line) replaces the inherited one
    local kept = {}
    for _, ag in ipairs(agents) do
      if ag.explicit or ag.role ~= "lead" then kept[#kept + 1] = ag end
    end
    agents, task.agencies, task.inherited = kept, kept, nil
  elseif not has_lead and inherited and not task.inherited then
    for i, ag in ipairs(inherited.agents) do
      table.insert(agents, i, { name = ag.name, role = "lead", kind = ag.kind, explicit = false })
    end
    task.inherited = inherited.source
  end
  -- named: someone in particular leads it
  local named = false
  for _, ag in ipairs(agents) do
    if ag.role == "lead" and ag.kind ~= "vague" and ag.kind ~= "addressee"
      and (ag.explicit or task.inherited == "heading" or task.inherited == "parent") then
      named = true
    end
  end
  local lead, support, all, seen = {}, {}, {}, {}
  for _, ag in ipairs(agents) do
    if ag.name ~= "" then
      if ag.role == "lead" then lead[#lead + 1] = ag.name else support[#support + 1] = ag.name end
      if not seen[ag.name] then
        seen[ag.name] = true
        all[#all + 1] = ag.name
      end
    end
  end
  task.lead, task.support, task.assignees, task.named = lead, support, all, named
end

-- Build one task from clause group grp of unit a.
local function build(a, grp, inherited, dls)
  local cl = a.clauses
  local s, e = cl[grp.first].s, cl[grp.last].e
  local h = grp.head
  local agents = {}
  if h then
    names_of(a, h.lead, agents, "lead", true)
    names_of(a, h.support, agents, "support", true)
  end
  -- support or chủ trì said later in the clause ("X ..., phối hợp với Y")
  local chu_tri = h and h.chu_tri or false
  if not (h and h.support) then
    local body_end = cl[grp.first].e
    local hits = gmatch(SUPPORT, a.f:sub(1, body_end - 1), s, a.gaz)
    for _, hit in ipairs(hits or {}) do
      if hit.chu_tri then chu_tri = true end
      if hit.support then
        names_of(a, hit.support, agents, "support", true)
        break
      end
    end
  end
  for _, fl in ipairs(grp.fields or {}) do
    names_of(a, fl.members, agents, fl.role, true)
    if fl.role == "lead" then chu_tri = true end
  end
  local task = { chu_tri = chu_tri or nil, heading = h and h.heading or nil, agencies = agents }
  set_agents(task, inherited)

  -- deadlines inside the task's clauses
  local mine = {}
  for _, d in ipairs(dls) do
    if d.s >= s and d.s < e then mine[#mine + 1] = d end
  end
  task._dl = mine

  -- deliverables and standing-work markers
  local deliverables, first_dv, ongoing_at = {}, nil, {}
  for _, m in ipairs(a.marks) do
    if m.pos >= s and m.pos < e then
      if m.dv then
        if not first_dv then first_dv = m end
        deliverables[#deliverables + 1] = m.dv
      else
        ongoing_at[#ongoing_at + 1] = m.pos
      end
    end
  end
  -- a cadence or urgency next to the product is standing work too
  for _, d in ipairs(mine) do
    if d.kind == "recurring" or d.kind == "immediate" then ongoing_at[#ongoing_at + 1] = d.s end
  end
  -- the product that matters most names the task ("tổng hợp, báo cáo" -> báo cáo)
  local best
  for _, dv in ipairs(deliverables) do
    if not best or DELIVERABLE_RANK[dv] < DELIVERABLE_RANK[best] then best = dv end
  end
  task.deliverable = best
  task.deliverables = #deliverables > 0 and deliverables or nil
  -- Standing work: a marker in the clause of the first deliverable (or of
  -- the task's first clause when it delivers nothing).
  local cs, ce = cl[grp.first].s, cl[grp.first].e
  if first_dv then
    for i = grp.first, grp.last do
      if first_dv.pos >= cl[i].s and first_dv.pos < cl[i].e then cs, ce = cl[i].s, cl[i].e end
    end
  end
  local ongoing = false
  for _, p in ipairs(ongoing_at) do
    if p >= cs and p < ce then ongoing = true end
  end
  task.ongoing = ongoing
  task._s, task._e = s, e
  return task
end

-- Finish a task: deadline choice, public fields, position.
local function finish(a, task, item, parent_label, single, pos)
  local list = task._dl
  task._dl = nil
  local pub = {}
  for i, d in ipairs(list) do pub[i] = public_deadline(a, d) end
  for _, d in ipairs(task._extra_pub or {}) do pub[#pub + 1] = d end
  if task._inherit_dl and not pub[1] then pub[1] = task._inherit_dl end
  task._inherit_dl, task._extra_pub = nil, nil
  local best = choose(pub)
  task.deadline = best
  task.deadlines = pub
  for _, d in ipairs(pub) do
    if d.kind == "recurring" then task.recurring = true end
    if d.kind == "immediate" then task.urgent = true end
  end
  task.text = single and a.o or original(a, task._s, task._e)
  task.item = item and item.label or nil
  task.parent = parent_label
  if pos then
    task.line, task.column, task.end_line, task.end_column = pos.line, pos.column, pos.end_line, pos.end_column
  end
  task._s, task._e = nil, nil
  return task
end

function Extractor:emit(task)
  local n = #self.out + 1
  self.out[n] = task
  self.seq[task] = n
end

-- Is a (folded) item text only a heading for its sub-items or a section?
local function is_heading_only(f, has_children)
  if has_children and f:sub(-1) == ":" then return true end
  if HEADING_NOUN:match(f) and (f:sub(-1) == ":" or #f < 40) then return true end
  return false
end

-- Inherited agents from a unit's lead (for its sub-items).
local function agents_for_children(task, source)
  local out = {}
  for _, ag in ipairs(task.agencies) do
    if ag.role == "lead" then out[#out + 1] = { name = ag.name, kind = ag.kind } end
  end
  if #out == 0 then return nil end
  return { agents = out, source = source }
end

function Extractor:item(item, inherited, parent_label, parent_dl)
  local a = self:unit(item.text or "")
  local dls = a.dls
  local groups = group(a, not self.diacritics)
  local children = item.children or {}
  local heading_only = is_heading_only(a.f, #children > 0)
  local built = {}
  for gi, grp in ipairs(groups) do
    local task = build(a, grp, inherited, dls)
    task._explicit = grp.head ~= nil or task.chu_tri == true and task.lead[1] ~= nil and not task.inherited
    built[gi] = task
  end
  -- Labelled sub-items ("- Cơ quan chủ trì: Sở Y tế", "- Thời gian thực
  -- hiện: Quý III/2021") describe this item's task; they are no tasks.
  local rest, extra_agents, extra_dls = {}, {}, {}
  for _, child in ipairs(children) do
    local consumed = false
    if not (child.children and child.children[1]) and FIELD:match(self:folded(child.text or "")) then
      local ca = self:unit(child.text)
      local fld = FIELD:match(ca.f)
      consumed = true
      if fld.f == "time" then
        local found = ca.dls
        if not found[1] then
          local d = deadline.parse(ca.f, self.ctx, fld.at)
          if d then found = { d } end
        end
        for _, d in ipairs(found) do extra_dls[#extra_dls + 1] = public_deadline(ca, d) end
      else
        local members = gmatch(LIST, ca.f, fld.at, ca.gaz)
        if members then names_of(ca, members, extra_agents, fld.f, true) end
      end
    end
    if not consumed then rest[#rest + 1] = child end
  end
  local first_task = built[1]
  if first_task and (extra_agents[1] or extra_dls[1]) then
    for _, ag in ipairs(extra_agents) do
      first_task.agencies[#first_task.agencies + 1] = ag
      if ag.role == "lead" then first_task.chu_tri, first_task._explicit = true, true end
    end
    set_agents(first_task, inherited)
    first_task._extra_pub = extra_dls
  end
  -- A subject-less last clause that starts with a deadline ("Thời gian
  -- hoàn thành: ...", "Hoàn thành trước ngày ...") is due for the whole item.
  local lastc = #a.clauses
  local last = groups[#groups]
  if last and #groups > 1 and not (last.first == lastc and last.head) then
    local c = a.clauses[lastc]
    local leads_with_deadline = DEADLINE_CLAUSE:match(a.f, c.s)
    for _, d in ipairs(dls) do
      if leads_with_deadline and d.s >= c.s and d.s < c.e and CONCRETE[d.kind] then
        for gi = 1, #groups do
          local has = false
          for _, x in ipairs(built[gi]._dl) do
            if CONCRETE[x.kind] then has = true end
          end
          if not has then built[gi]._dl[#built[gi]._dl + 1] = d end
        end
      end
    end
  end

  local emitted = {}
  for gi, task in ipairs(built) do
    local keep
    if task._explicit and heading_only and task.heading then
      keep = false -- "2. Sở Y tế:" heads its sub-items and does nothing itself
    elseif task._explicit then
      keep = true
    elseif heading_only then
      keep = false
    elseif task.inherited then
      keep = true
    else
      local concrete = task._extra_pub ~= nil and task._extra_pub[1] ~= nil
      for _, d in ipairs(task._dl) do
        if CONCRETE[d.kind] then concrete = true end
      end
      keep = concrete or task.deliverable ~= nil
    end
    if keep then
      if not task._dl[1] and parent_dl then task._inherit_dl = parent_dl end
      task._gi = gi
      emitted[#emitted + 1] = task
    end
  end
  local prev_line, prev_col
  for i, task in ipairs(emitted) do
    local pos = { line = item.line, column = item.column, end_line = item.end_line, end_column = item.end_column }
    local single = #groups == 1
    if not single and task._gi > 1 then
      local text = original(a, task._s, task._e)
      local l, c = locate_line(self.doc, item.line, item.end_line, prev_line, prev_col, text)
      if l then pos.line, pos.column = l, c end
    end
    prev_line, prev_col = pos.line, pos.column
    if not single and i < #emitted then pos.end_line, pos.end_column = nil, nil end
    task._explicit, task._gi = nil, nil
    finish(a, task, item, parent_label, single, pos)
    self:emit(task)
  end

  -- What the sub-items inherit: the first explicit subject of this item,
  -- else what this item inherited. Its own deadline covers them too.
  local pass, pass_dl = inherited, nil
  for _, task in ipairs(emitted) do
    if not task.inherited and task.lead[1] then
      pass = agents_for_children(task, task.heading and "heading" or "parent") or inherited
      break
    end
  end
  if not emitted[1] and groups[1] and groups[1].head then
    -- a heading item ("2. Sở Y tế:") that is no task itself
    local t = build(a, groups[1], nil, dls)
    pass = agents_for_children(t, "heading") or inherited
  end
  for _, task in ipairs(emitted) do
    local d = task.deadline
    if d and (d.kind == "date" or d.kind == "period") and d.iso then pass_dl = d end
  end
  if pass_dl then
    local copy = {}
    for k, v in pairs(pass_dl) do copy[k] = v end
    copy.inherited = true
    pass_dl = copy
  end
  for _, child in ipairs(rest) do
    self:item(child, pass, item.label, pass_dl or parent_dl)
  end
end

-- A paragraph outside the items is a task only when it assigns work in
-- so many words: an explicit subject with chủ trì / phối hợp, a
-- deliverable or a deadline ("Văn phòng Tỉnh ủy chủ trì, phối hợp ... theo
-- dõi, đôn đốc ..., báo cáo Ban Thường vụ"). The enforcement formula
-- ("... yêu cầu các sở, ngành triển khai thực hiện./.") is not.
-- Whether some clause of folded text f starts with a subject (a quick
-- test before the full reading of a paragraph).
local function has_subject(f, ocr, gaz)
  local head, i = ocr and HEAD_OCR or HEAD_STRICT, 1
  while i do
    while f:byte(i) == 32 or f:byte(i) == 10 do i = i + 1 end
    local h = gmatch(head, f, i, gaz)
    if h and h.lead and h.lead[1] then return true end
    local j = f:find("[%.;\n]", i)
    i = j and j + 1
  end
  return false
end

function Extractor:paragraph(p)
  local text = p.text or ""
  if not has_subject(self:folded(text), not self.diacritics, self.gaz) then return end
  local a = self:unit(text)
  local dls = a.dls
  local groups = group(a, not self.diacritics)
  for _, grp in ipairs(groups) do
    if grp.head then
      local task = build(a, grp, nil, dls)
      local concrete = false
      for _, d in ipairs(task._dl) do
        if CONCRETE[d.kind] then concrete = true end
      end
      if task.named and (task.chu_tri or task.support[1] or task.deliverable or concrete) then
        local pos = { line = p.line, column = 1, end_line = p.end_line }
        local l, c = locate_line(self.doc, p.line, p.end_line, nil, nil, original(a, task._s, task._e))
        if l then pos.line, pos.column = l, c end
        finish(a, task, nil, nil, #groups == 1, pos)
        self:emit(task)
      end
    end
  end
end

-- The addressees a preamble gives to items without a subject.
function Extractor:preamble_agents()
  local doc = self.doc
  local items = doc.items or {}
  local first = items[1] and items[1].line
  local before, after = nil, nil
  for _, p in ipairs(doc.paragraphs or {}) do
    if not p.item then
      if first and p.line < first then before = p elseif first and not after and p.line > first then after = p end
    end
  end
  for _, p in ipairs { before, after } do
    if p then
      local a = new_text(p.text, self:folded(p.text), self.fold)
      local lists = gmatch(PREAMBLE_LIST, a.f, 1, self.gaz)
      local l = lists and lists[#lists]
      if l then
        local agents = names_of(a, l, {}, "lead", false)
        for _, ag in ipairs(agents) do ag.kind = ag.kind == "vague" and "vague" or "addressee" end
        return { agents = agents, source = "preamble" }
      end
    end
  end
  local out = {}
  for _, ad in ipairs(doc.addressees or {}) do
    local name = trim_name(ad.text or "")
    if name ~= "" then out[#out + 1] = { name = name, kind = "addressee" } end
  end
  if #out > 0 then return { agents = out, source = "addressees" } end
  return nil
end

--- The tasks of a parsed document (see the module comment). fold is the
-- folding function (`vbcheck.core`.fold in production); opts (optional):
-- {agencies = {"Sở Văn hóa, Thể thao và Du lịch tỉnh X", ...}}, bodies
-- recognised in addition to the built-in gazetteer.
function M.extract(doc, fold, opts)
  local self = setmetatable({ doc = doc, fold = fold, out = {}, seq = {}, diacritics = doc.diacritics ~= false,
    gaz = agencies.gazetteer(opts and opts.agencies), memo = {} }, Extractor)
  self.ctx = date_context(doc, fold)
  local inherited = self:preamble_agents()
  for _, item in ipairs(doc.items or {}) do
    self:item(item, inherited, nil, nil)
  end
  for _, p in ipairs(doc.paragraphs or {}) do
    if not p.item then self:paragraph(p) end
  end
  -- Document order: paragraphs (preamble, closing) sit among the items by
  -- line; tasks of one item keep their order.
  local seq = self.seq
  table.sort(self.out, function(x, y)
    if (x.line or 0) ~= (y.line or 0) then return (x.line or 0) < (y.line or 0) end
    return seq[x] < seq[y]
  end)
  return self.out
end

return M
