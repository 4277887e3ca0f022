-- Font sizes per element, as Phụ lục I of NĐ 30/2020 gives them (Phần I,
-- mục II and the table in mục V), for state documents read from .docx.
-- HD 36 sets party documents in other sizes (tiêu đề 15, body 14-15...),
-- which are not verified against its text here, so the rule is state-only.
-- Body paragraphs and list items are summarised (one finding per group,
-- at the first offending line) so that a body typed in 12 pt is one
-- finding, not fifty.
local ELEMENTS = {
  -- key, where in the model, { vi, en } name, lo, hi (pt), basis item
  { get = function(d) return d.national, "format" end, name = { "Quốc hiệu", "Quốc hiệu" }, lo = 12, hi = 13 },
  { get = function(d) return d.national, "motto_format", "motto_line" end, name = { "Tiêu ngữ", "Tiêu ngữ" },
    lo = 13, hi = 14 },
  { get = function(d) return d.issuer, "parent_format", "parent_line" end,
    name = { "Tên cơ quan chủ quản", "Name of the parent body" }, lo = 12, hi = 13 },
  { get = function(d) return d.issuer, "format", "name_line" end,
    name = { "Tên cơ quan ban hành", "Name of the issuing body" }, lo = 12, hi = 13 },
  { get = function(d) return d.number, "format" end, name = { "Số, ký hiệu", "Number and symbol" }, lo = 13, hi = 13 },
  { get = function(d) return d.place_date, "format" end, name = { "Địa danh và thời gian", "Place and date" },
    lo = 13, hi = 14 },
  { get = function(d) return d.doc_type and d.doc_type.name and d.doc_type, "format" end,
    name = { "Tên loại văn bản", "Document type" }, lo = 13, hi = 14 },
  { get = function(d) return d.signature, "title_format", "title_line" end,
    name = { "Chức vụ của người ký", "Signer's title" }, lo = 13, hi = 14 },
  { get = function(d) return d.signature, "name_format", "name_line" end,
    name = { "Họ tên người ký", "Signer's name" }, lo = 13, hi = 14 },
  { get = function(d) return d.recipients, "format" end, name = { "Từ \"Nơi nhận\"", "The word \"Nơi nhận\"" },
    lo = 12, hi = 12 },
}

local function is_cong_van(doc)
  local s = doc.subject and doc.subject.text or ""
  return s:match("^[Vv]/[Vv]") ~= nil or (doc.doc_type and doc.doc_type.code == "cong-van" and not doc.doc_type.name)
end

local function pt(v, lang)
  local s = v == math.floor(v) and string.format("%d", math.floor(v)) or string.format("%.1f", v)
  return lang == "vi" and (s:gsub("%.", ",")) or s
end

local function range(lo, hi, lang)
  return lo == hi and pt(lo, lang) or pt(lo, lang) .. "–" .. pt(hi, lang)
end

local function out_of(f, lo, hi)
  return f and f.size_min and (f.size_min < lo or f.size_max > hi)
end

return {
  id = "format/size",
  severity = "warning",
  family = "state",
  summary = { vi = "Cỡ chữ của thành phần thể thức không đúng Phụ lục I NĐ 30/2020",
    en = "An element's font size is not the one Phụ lục I of NĐ 30/2020 gives" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.1–II.9 và mục V (Quốc hiệu 12–13, Tiêu ngữ 13–14, "
    .. "tên cơ quan 12–13, số ký hiệu 13, địa danh ngày tháng 13–14, tên loại và trích yếu 13–14, trích yếu công "
    .. "văn 12–13, nội dung 13–14, Kính gửi 13–14, quyền hạn chức vụ họ tên 13–14, \"Nơi nhận\" 12, danh sách 11)",
  messages = {
    element = {
      vi = "{element}: cỡ chữ {size}, quy định {range} pt",
      en = "{element}: {size} pt; the norm gives {range} pt",
    },
    group = {
      vi = "{element}: {count} đoạn cỡ chữ {size} (đoạn đầu ở dòng {line}), quy định {range} pt",
      en = "{element}: {count} paragraph(s) in {size} pt (the first at line {line}); the norm gives {range} pt",
    },
  },
  check = function(doc, report, ctx)
    if doc.format ~= "docx" then return end
    local lang = ctx.lang == "en" and "en" or "vi"
    local function one(el, key, line_key, name, lo, hi)
      local f = el and el[key]
      if not out_of(f, lo, hi) then return end
      local size = f.size_min == f.size_max and pt(f.size_min, lang) or range(f.size_min, f.size_max, lang)
      local at = line_key and { line = el[line_key] } or el
      report { at = at, message = "element",
        data = { element = name[lang == "en" and 2 or 1], size = size, range = range(lo, hi, lang) } }
    end
    local function group(list, name, lo, hi)
      local first, count = nil, 0
      for _, el in ipairs(list or {}) do
        local f = el.format
        if out_of(f, lo, hi) then
          first = first or el
          count = count + 1
        end
      end
      if not first then return end
      local size = pt(first.format.size, lang)
      report { at = first, message = "group", data = { element = name[lang == "en" and 2 or 1], count = count,
        size = size, line = first.line, range = range(lo, hi, lang) } }
    end
    for _, e in ipairs(ELEMENTS) do
      local el, key, line_key = e.get(doc)
      if el then one(el, key, line_key, e.name, e.lo, e.hi) end
    end
    if doc.subject then
      if is_cong_van(doc) then
        one(doc.subject, "format", nil, { "Trích yếu công văn", "Subject (V/v) of a công văn" }, 12, 13)
      else
        one(doc.subject, "format", nil, { "Trích yếu nội dung", "Subject line" }, 13, 14)
      end
    end
    local sig = doc.signature
    if sig then group(sig.authority, { "Quyền hạn của người ký", "Signing authority" }, 13, 14) end
    if doc.addressees_format then
      one(doc, "addressees_format", "addressees_line", { "Từ \"Kính gửi\"", "The word \"Kính gửi\"" }, 13, 14)
    end
    group(doc.addressees, { "Tên nơi nhận sau \"Kính gửi\"", "Addressees after \"Kính gửi\"" }, 13, 14)
    group(doc.paragraphs, { "Nội dung văn bản", "Body text" }, 13, 14)
    if doc.recipients then
      group(doc.recipients.items, { "Danh sách nơi nhận", "Recipient list" }, 11, 11)
    end
  end,
}
