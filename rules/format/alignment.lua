-- Paragraph alignment where Phụ lục I of NĐ 30/2020 fixes it, for state
-- documents read from .docx: the Tiêu ngữ, the issuing body, the number,
-- the date, the tên loại and trích yếu, the signer's name are centred
-- ("canh giữa"); "Nơi nhận" sits at the left margin ("sát lề trái"); the
-- body is justified ("canh đều cả hai lề"). Only body paragraphs long
-- enough to wrap (80 characters or more) and not in capitals (headings)
-- are checked, since a one-line paragraph looks the same either way, and
-- the body is one finding for all its paragraphs.
local NAMES = {
  center = { vi = "canh giữa", en = "centred" }, left = { vi = "căn trái", en = "left-aligned" },
  right = { vi = "căn phải", en = "right-aligned" }, justify = { vi = "canh đều hai lề", en = "justified" },
}

local CENTRED = {
  { function(d) return d.national, "motto_format", "motto_line" end, { "Tiêu ngữ", "Tiêu ngữ" } },
  { function(d) return d.issuer, "format", "name_line" end, { "Tên cơ quan ban hành", "Name of the issuing body" } },
  { function(d) return d.number, "format" end, { "Số, ký hiệu", "Number and symbol" } },
  { function(d) return d.place_date, "format" end, { "Địa danh và thời gian", "Place and date" } },
  { function(d) return d.doc_type and d.doc_type.name and d.doc_type, "format" end,
    { "Tên loại văn bản", "Document type" } },
  { function(d) return d.subject, "format" end, { "Trích yếu", "Subject line" } },
  { function(d) return d.signature, "name_format", "name_line" end, { "Họ tên người ký", "Signer's name" } },
}

return {
  id = "format/alignment",
  severity = "warning",
  family = "state",
  summary = { vi = "Căn lề đoạn văn không đúng Phụ lục I NĐ 30/2020 (canh giữa, canh đều hai lề)",
    en = "Paragraph alignment differs from Phụ lục I of NĐ 30/2020 (centred, justified)" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.1.b, II.2.b, II.3.c, II.4.c, II.5.b (canh giữa), "
    .. "II.6.e (nội dung canh đều cả hai lề), II.7.đ (họ tên canh giữa), II.9.d (\"Nơi nhận\" sát lề trái)",
  messages = {
    element = {
      vi = "{element} đang {have}: quy định {want}",
      en = "{element} is {have}: the norm says {want}",
    },
    body = {
      vi = "Nội dung văn bản: {count} đoạn {have}, không canh đều hai lề (đoạn đầu ở dòng {line})",
      en = "Body text: {count} paragraph(s) {have}, not justified (the first at line {line})",
    },
  },
  check = function(doc, report, ctx)
    if doc.format ~= "docx" then return end
    local lang = ctx.lang == "en" and "en" or "vi"
    local k = lang == "en" and 2 or 1
    local function one(el, key, line_key, name, ok, want)
      local f = el and el[key]
      if not f or not f.align or ok[f.align] then return end
      report { at = line_key and { line = el[line_key] } or el, message = "element",
        data = { element = name[k], have = NAMES[f.align][lang], want = NAMES[want][lang] } }
    end
    for _, e in ipairs(CENTRED) do
      local el, key, line_key = e[1](doc)
      if el then one(el, key, line_key, e[2], { center = true }, "center") end
    end
    one(doc.recipients, "format", nil, { "Từ \"Nơi nhận\"", "The word \"Nơi nhận\"" },
      { left = true, justify = true }, "left")
    local first, count
    for _, p in ipairs(doc.paragraphs or {}) do
      local f = p.format
      if f and f.align and f.align ~= "justify" and f.uppercase ~= true and utf8.len(p.text or "") and
          utf8.len(p.text) >= 80 then
        first = first or p
        count = (count or 0) + 1
      end
    end
    if first then
      report { at = first, message = "body",
        data = { count = count, have = NAMES[first.format.align][lang], line = first.line } }
    end
  end,
}
