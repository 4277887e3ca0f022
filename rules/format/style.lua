-- Bold, italic and capitals where Phụ lục I of NĐ 30/2020 fixes them, for
-- state documents read from .docx ("in hoa" = capitals, "đứng" =
-- upright, "đậm" = bold, "nghiêng" = italic). Where the decree writes
-- "đứng" without "đậm" for an element whose neighbour is "đứng, đậm" (the
-- parent body above the issuer; the number; the date; a công văn's V/v),
-- bold is reported too. Kính gửi and the body are checked for italics
-- only, and groups (authority lines, addressees, body, recipients) are
-- summarised, an emphasised phrase inside a paragraph being no fault. A "Căn cứ ..." paragraph is italic
-- (mục II.6.a). HD 36 (party) is not applied: not verified here.
local PROBLEMS = {
  bold = { [true] = { vi = "chưa in đậm", en = "not bold" },
    [false] = { vi = "không được in đậm", en = "must not be bold" } },
  italic = { [true] = { vi = "chưa in nghiêng", en = "not italic" },
    [false] = { vi = "phải là chữ đứng, không in nghiêng", en = "must be upright, not italic" } },
  uppercase = { [true] = { vi = "chưa viết in hoa", en = "not in capitals" },
    [false] = { vi = "không viết in hoa toàn bộ", en = "must not be all capitals" } },
}

-- { get, { vi, en } name, requirements, { vi, en } the norm's words }
local ELEMENTS = {
  { function(d) return d.national, "format" end, { "Quốc hiệu", "Quốc hiệu" },
    { uppercase = true, bold = true, italic = false }, { "in hoa, đứng, đậm", "capitals, upright, bold" } },
  { function(d) return d.national, "motto_format", "motto_line" end, { "Tiêu ngữ", "Tiêu ngữ" },
    { uppercase = false, bold = true, italic = false }, { "in thường, đứng, đậm", "lower case, upright, bold" } },
  { function(d) return d.issuer, "parent_format", "parent_line" end,
    { "Tên cơ quan chủ quản", "Name of the parent body" },
    { uppercase = true, bold = false, italic = false }, { "in hoa, đứng", "capitals, upright" } },
  { function(d) return d.issuer, "format", "name_line" end, { "Tên cơ quan ban hành", "Name of the issuing body" },
    { uppercase = true, bold = true, italic = false }, { "in hoa, đứng, đậm", "capitals, upright, bold" } },
  { function(d) return d.number, "format" end, { "Số, ký hiệu", "Number and symbol" },
    { bold = false, italic = false }, { "đứng", "upright" } },
  { function(d) return d.place_date, "format" end, { "Địa danh và thời gian", "Place and date" },
    { bold = false, italic = true }, { "in thường, nghiêng", "lower case, italic" } },
  { function(d) return d.doc_type and d.doc_type.name and d.doc_type, "format" end,
    { "Tên loại văn bản", "Document type" },
    { uppercase = true, bold = true, italic = false }, { "in hoa, đứng, đậm", "capitals, upright, bold" } },
  { function(d) return d.addressees_format and d, "addressees_format", "addressees_line" end,
    { "Từ \"Kính gửi\"", "The word \"Kính gửi\"" }, { italic = false }, { "đứng", "upright" } },
  { function(d) return d.signature, "title_format", "title_line" end, { "Chức vụ của người ký", "Signer's title" },
    { uppercase = true, bold = true, italic = false }, { "in hoa, đứng, đậm", "capitals, upright, bold" } },
  { function(d) return d.signature, "name_format", "name_line" end, { "Họ tên người ký", "Signer's name" },
    { uppercase = false, bold = true, italic = false }, { "in thường, đứng, đậm", "lower case, upright, bold" } },
  { function(d) return d.recipients, "format" end, { "Từ \"Nơi nhận\"", "The word \"Nơi nhận\"" },
    { bold = true, italic = true }, { "nghiêng, đậm", "italic, bold" } },
}

local ORDER = { "uppercase", "bold", "italic" }

-- The problems of format f against requirements need, as a list. With
-- lenient, a property set on part of the text only (an emphasised phrase
-- in a body paragraph) is not a problem.
local function problems(f, need, lang, lenient)
  local out = {}
  for _, prop in ipairs(ORDER) do
    local want = need[prop]
    if want ~= nil then
      local have = f[prop]
      local bad
      if prop == "uppercase" or lenient then bad = have ~= nil and have ~= want else bad = have ~= want end
      if bad then out[#out + 1] = PROBLEMS[prop][want][lang] end
    end
  end
  return out
end

local function is_cong_van(doc)
  local s = doc.subject and doc.subject.text or ""
  return s:match("^[Vv]/[Vv]") ~= nil or (doc.doc_type and doc.doc_type.code == "cong-van" and not doc.doc_type.name)
end

return {
  id = "format/style",
  severity = "warning",
  family = "state",
  summary = { vi = "Kiểu chữ (in hoa, đậm, nghiêng) của thành phần thể thức không đúng Phụ lục I NĐ 30/2020",
    en = "An element's capitals, bold or italics differ from Phụ lục I of NĐ 30/2020" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.1–II.9 và mục V (kiểu chữ từng thành phần thể thức)",
  messages = {
    element = {
      vi = "{element} {problems} (quy định: {norm})",
      en = "{element}: {problems} (the norm: {norm})",
    },
    group = {
      vi = "{element}: {count} đoạn {problems} (đoạn đầu ở dòng {line}; quy định: {norm})",
      en = "{element}: {count} paragraph(s) {problems} (the first at line {line}; the norm: {norm})",
    },
  },
  check = function(doc, report, ctx)
    if doc.format ~= "docx" then return end
    local lang = ctx.lang == "en" and "en" or "vi"
    local k = lang == "en" and 2 or 1
    local function one(el, key, line_key, name, need, norm)
      local f = el and el[key]
      if not f then return end
      local p = problems(f, need, lang)
      if #p == 0 then return end
      report { at = line_key and { line = el[line_key] } or el, message = "element",
        data = { element = name[k], problems = table.concat(p, ", "), norm = norm[k] } }
    end
    local function group(list, name, need, norm, filter)
      local first, count, p1 = nil, 0, nil
      for _, el in ipairs(list or {}) do
        if el.format and (not filter or filter(el)) then
          local p = problems(el.format, need, lang, true)
          if #p > 0 then
            first, p1 = first or el, p1 or p
            count = count + 1
          end
        end
      end
      if first then
        report { at = first, message = "group", data = { element = name[k], count = count,
          problems = table.concat(p1, ", "), line = first.line, norm = norm[k] } }
      end
    end
    for _, e in ipairs(ELEMENTS) do
      local el, key, line_key = e[1](doc)
      if el then one(el, key, line_key, e[2], e[3], e[4]) end
    end
    if doc.subject then
      if is_cong_van(doc) then
        one(doc.subject, "format", nil, { "Trích yếu công văn", "Subject (V/v) of a công văn" },
          { bold = false, italic = false }, { "in thường, đứng", "lower case, upright" })
      else
        one(doc.subject, "format", nil, { "Trích yếu nội dung", "Subject line" }, { bold = true, italic = false },
          { "in thường, đứng, đậm", "lower case, upright, bold" })
      end
    end
    local sig = doc.signature
    if sig then
      group(sig.authority, { "Quyền hạn của người ký", "Signing authority" },
        { uppercase = true, bold = true, italic = false }, { "in hoa, đứng, đậm", "capitals, upright, bold" })
    end
    group(doc.addressees, { "Tên nơi nhận sau \"Kính gửi\"", "Addressees after \"Kính gửi\"" }, { italic = false },
      { "đứng", "upright" })
    local function can_cu(p) return p.text and p.text:match("^Căn cứ") ~= nil end
    group(doc.paragraphs, { "Căn cứ ban hành", "Legal bases (Căn cứ)" }, { italic = true },
      { "in thường, nghiêng", "lower case, italic" }, can_cu)
    group(doc.paragraphs, { "Nội dung văn bản", "Body text" }, { italic = false }, { "in thường, đứng", "upright" },
      function(p) return not can_cu(p) end)
    if doc.recipients then
      group(doc.recipients.items, { "Danh sách nơi nhận", "Recipient list" }, { italic = false },
        { "in thường, đứng", "upright" })
    end
  end,
}
