--- Test helpers for the rule specs: pure-Lua doubles of the two services
-- the runner takes from the C core, a loaded built-in rule set, and
-- builders of complete, clean synthetic documents (state and party) that
-- a spec then breaks one element of.
local runner = require "vbcheck.runner"

local M = {}

-- The test double of core.fold (one for every spec: spec/helpers/fold.lua).
M.fold = require "helpers.fold"

-- Test double of core.listdir: sorted names, folders with a trailing "/".
function M.listdir(path)
  local p = io.popen("ls -1Ap '" .. path:gsub("'", "'\\''") .. "' 2>/dev/null")
  local names = {}
  for n in p:lines() do names[#names + 1] = n end
  local ok = p:close()
  if not ok then return nil, "cannot list" end
  table.sort(names)
  return names
end

M.runner = runner.new { fold = M.fold, listdir = M.listdir }

local builtin
--- The built-in rule pack, loaded once with the doubles.
function M.rules()
  if not builtin then builtin = assert(M.runner.load { "rules" }) end
  return builtin
end

--- Findings of the built-in pack on doc (only rule id's when id is given).
function M.check(doc, opts, id)
  local set = M.rules()
  if id then
    local rule = assert(set.by_id[id], "no rule " .. id)
    set = { rules = { rule }, by_id = { [id] = rule }, fold = set.fold }
  end
  return M.runner.check(set, doc, opts)
end

--- Findings of rule id on doc (a rule/error finding fails loudly).
function M.run(id, doc, opts)
  local f = M.check(doc, opts, id)
  for _, x in ipairs(f) do
    if x.rule == "rule/error" then error(x.message, 2) end
  end
  return f
end

-- ---- synthetic documents ---------------------------------------------------

--- Removes a field in an override table: docs.state{ issuer = docs.none }.
M.none = setmetatable({}, { __name = "docs.none" })

local function deep_copy(t)
  if type(t) ~= "table" or t == M.none then return t end
  local c = {}
  for k, v in pairs(t) do c[k] = deep_copy(v) end
  return c
end

-- Overrides merge into records key by key ({} changes nothing); a list
-- (addressees, authority…) is replaced whole ({} empties it).
local function merge(dst, src)
  for k, v in pairs(src) do
    if v == M.none then
      dst[k] = nil
    elseif type(v) == "table" and type(dst[k]) == "table" and v[1] == nil and dst[k][1] == nil then
      merge(dst[k], v)
    else
      dst[k] = deep_copy(v)
    end
  end
  return dst
end

-- An element on line n spanning its whole text.
local function el(lines, n, fields)
  fields = fields or {}
  fields.line, fields.column = n, 1
  fields.end_line = fields.end_line or n
  fields.end_column = utf8.len(lines[fields.end_line]) + 1
  return fields
end

local STATE_LINES = {
  "ỦY BAN NHÂN DÂN", -- 1
  "TỈNH LAI CHÂU", -- 2
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", -- 3
  "Độc lập - Tự do - Hạnh phúc", -- 4
  "Số: 125/UBND-VX", -- 5
  "V/v tăng cường phòng, chống dịch Covid-19", -- 6
  "Lai Châu, ngày 05 tháng 6 năm 2021", -- 7
  "Kính gửi:", -- 8
  "- Các sở, ban, ngành tỉnh;", -- 9
  "- Ủy ban nhân dân các huyện, thành phố.", -- 10
  "Thực hiện Thông báo số 137/TB-VPCP ngày 30/5/2021 của Văn phòng Chính phủ, Ủy ban nhân dân tỉnh yêu cầu:", -- 11
  "1. Sở Y tế chủ trì, phối hợp với các cơ quan liên quan tham mưu, báo cáo trước ngày 20/6/2021.", -- 12
  "2. Ủy ban nhân dân các huyện, thành phố thường xuyên theo dõi, kiểm tra.", -- 13
  "Nơi nhận:", -- 14
  "- Như trên;", -- 15
  "- Lưu: VT, VX1.", -- 16
  "TM. ỦY BAN NHÂN DÂN", -- 17
  "KT. CHỦ TỊCH", -- 18
  "PHÓ CHỦ TỊCH", -- 19
  "Tổng Thanh Hải", -- 20
}

local PARTY_LINES = {
  "TỈNH ỦY LAI CHÂU", -- 1
  "ĐẢNG CỘNG SẢN VIỆT NAM", -- 2
  "*", -- 3
  "Số 325-CV/TU", -- 4
  "Lai Châu, ngày 24 tháng 8 năm 2021", -- 5
  "V/v tăng cường các biện pháp phòng, chống dịch Covid-19", -- 6
  "Kính gửi:", -- 7
  "- Các huyện ủy, thành ủy, đảng ủy trực thuộc,", -- 8
  "- Các ban đảng, đảng đoàn, ban cán sự đảng tỉnh.", -- 9
  "Thực hiện Thông báo kết luận số 10-TB/VPTW, ngày 20/8/2021 của Văn phòng Trung ương, Ban Thường vụ yêu cầu:", -- 10
  "1. Các cấp ủy, tổ chức đảng quán triệt, thực hiện nghiêm.", -- 11
  "Nơi nhận:", -- 12
  "- Như trên,", -- 13
  "- Lưu Văn phòng Tỉnh ủy.", -- 14
  "T/M BAN THƯỜNG VỤ", -- 15
  "PHÓ BÍ THƯ", -- 16
  "Lê Văn Lương", -- 17
}

local function state_doc()
  local L = STATE_LINES
  return {
    path = "state.txt", format = "text", family = "state", diacritics = true,
    national = el(L, 3, { text = L[3], motto = L[4], kind = "state", motto_line = 4, end_line = 4 }),
    issuer = el(L, 1, { name = "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", lines = { L[1], L[2] }, end_line = 2 }),
    number = el(L, 5, { raw = L[5], seq = 125, colon = true, form = "state", symbol = "125/UBND-VX",
      issuer_code = "UBND", unit_code = "VX" }),
    place_date = el(L, 7, { raw = L[7], place = "Lai Châu", day = 5, month = 6, year = 2021, day_text = "05",
      month_text = "6", has_comma = true, valid = true, iso = "2021-06-05" }),
    doc_type = el(L, 6, { code = "cong-van" }),
    subject = el(L, 6, { text = L[6] }),
    addressees = { el(L, 9, { text = "Các sở, ban, ngành tỉnh;" }),
      el(L, 10, { text = "Ủy ban nhân dân các huyện, thành phố." }) },
    addressees_line = 8,
    items = {
      el(L, 12, { label = "1.", kind = "number", level = 1, text = L[12]:sub(4), children = {} }),
      el(L, 13, { label = "2.", kind = "number", level = 1, text = L[13]:sub(4), children = {} }),
    },
    paragraphs = { el(L, 11, { text = L[11] }) },
    tasks = {},
    signature = el(L, 17, { authority = { el(L, 17, { prefix = "TM.", of = "ỦY BAN NHÂN DÂN" }),
      el(L, 18, { prefix = "KT.", of = "CHỦ TỊCH" }) }, title = "PHÓ CHỦ TỊCH", name = "Tổng Thanh Hải",
      end_line = 20, title_line = 19, name_line = 20 }),
    recipients = el(L, 14, { items = { el(L, 15, { text = "Như trên;" }), el(L, 16, { text = "Lưu: VT, VX1." }) },
      archive = el(L, 16, { text = "Lưu: VT, VX1." }), end_line = 16 }),
    references = { el(L, 11, { text = "Thông báo số 137/TB-VPCP ngày 30/5/2021", number = "137/TB-VPCP",
      doc_type = "thong-bao", iso = "2021-05-30" }) },
    lines = deep_copy(L),
    zones = { header = { line = 1, end_line = 10 }, body = { line = 11, end_line = 13 },
      footer = { line = 14, end_line = 20 } },
  }
end

local function party_doc()
  local L = PARTY_LINES
  return {
    path = "party.txt", format = "text", family = "party", diacritics = true,
    national = el(L, 2, { text = L[2], kind = "party" }),
    issuer = el(L, 1, { name = "TỈNH ỦY LAI CHÂU", lines = { L[1] } }),
    number = el(L, 4, { raw = L[4], seq = 325, colon = false, form = "party", symbol = "325-CV/TU",
      type_code = "CV", issuer_code = "TU" }),
    place_date = el(L, 5, { raw = L[5], place = "Lai Châu", day = 24, month = 8, year = 2021, day_text = "24",
      month_text = "8", has_comma = true, valid = true, iso = "2021-08-24" }),
    doc_type = el(L, 6, { code = "cong-van" }),
    subject = el(L, 6, { text = L[6] }),
    addressees = { el(L, 8, { text = "Các huyện ủy, thành ủy, đảng ủy trực thuộc," }),
      el(L, 9, { text = "Các ban đảng, đảng đoàn, ban cán sự đảng tỉnh." }) },
    addressees_line = 7,
    items = { el(L, 11, { label = "1.", kind = "number", level = 1, text = L[11]:sub(4), children = {} }) },
    paragraphs = { el(L, 10, { text = L[10] }) },
    tasks = {},
    signature = el(L, 15, { authority = { el(L, 15, { prefix = "T/M", of = "BAN THƯỜNG VỤ" }) },
      title = "PHÓ BÍ THƯ", name = "Lê Văn Lương", end_line = 17, title_line = 16, name_line = 17 }),
    recipients = el(L, 12, { items = { el(L, 13, { text = "Như trên," }),
      el(L, 14, { text = "Lưu Văn phòng Tỉnh ủy." }) },
      archive = el(L, 14, { text = "Lưu Văn phòng Tỉnh ủy." }), end_line = 14 }),
    references = { el(L, 10, { text = "Thông báo kết luận số 10-TB/VPTW, ngày 20/8/2021", number = "10-TB/VPTW",
      doc_type = "thong-bao", iso = "2021-08-20" }) },
    lines = deep_copy(L),
    zones = { header = { line = 1, end_line = 9 }, body = { line = 10, end_line = 11 },
      footer = { line = 12, end_line = 17 } },
  }
end

--- A clean state công văn (NĐ 30/2020), with overrides merged in.
function M.state(over) return merge(state_doc(), over or {}) end

--- A clean party công văn (HD 36), with overrides merged in.
function M.party(over) return merge(party_doc(), over or {}) end

--- Both families, for table-driven specs: pairs of (name, builder).
M.families = { { "state", M.state }, { "party", M.party } }

--- The ids of findings, sorted and without repetition.
function M.ids(findings)
  local seen, out = {}, {}
  for _, f in ipairs(findings) do
    if not seen[f.rule] then seen[f.rule], out[#out + 1] = true, f.rule end
  end
  table.sort(out)
  return out
end

--- Replace line n of doc.lines (text rules read raw lines).
function M.with_lines(doc, lines)
  for n, text in pairs(lines) do doc.lines[n] = text end
  return doc
end

return M
