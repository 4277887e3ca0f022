--- A readable outline of a parsed document (`vbcheck parse --format text`).
local M = {}

local labels = {
  vi = {
    family = "Loại", state = "văn bản hành chính (NĐ 30/2020)", party = "văn bản của Đảng (HD 36)",
    unknown = "chưa xác định", national = "Quốc hiệu/Tiêu đề", motto = "Tiêu ngữ", issuer = "Cơ quan ban hành",
    parent = "Cơ quan chủ quản", number = "Số, ký hiệu", blank = "(để trống)", place_date = "Địa danh, ngày",
    doc_type = "Tên loại", subject = "Trích yếu", addressees = "Kính gửi", items = "Các mục",
    tasks = "Nhiệm vụ", signature = "Chữ ký", recipients = "Nơi nhận", archive = "Lưu",
    references = "Văn bản được dẫn", missing = "— không có —", diacritics = "Không dấu (OCR?)",
  },
  en = {
    family = "Family", state = "state document (NĐ 30/2020)", party = "Party document (HD 36)",
    unknown = "unknown", national = "National header", motto = "Motto", issuer = "Issuer",
    parent = "Parent body", number = "Number", blank = "(blank)", place_date = "Place and date",
    doc_type = "Type", subject = "Subject", addressees = "Addressees", items = "Items",
    tasks = "Tasks", signature = "Signature", recipients = "Recipients", archive = "Archive",
    references = "Cited documents", missing = "— none —", diacritics = "No diacritics (OCR?)",
  },
}

local function at(e)
  return e and e.line and string.format("%4d  ", e.line) or "      "
end

local function items(out, list, depth)
  for _, it in ipairs(list) do
    local text = it.text:gsub("\n", " ¶ ")
    if utf8.len(text) and utf8.len(text) > 90 then
      text = text:sub(1, utf8.offset(text, 88) - 1) .. "…"
    end
    out[#out + 1] = at(it) .. string.rep("  ", depth) .. it.label .. " " .. text
    items(out, it.children, depth + 1)
  end
end

--- The outline as one string.
function M.outline(doc, lang)
  local L = labels[lang] or labels.vi
  local out = {}
  local function line(e, label, value)
    out[#out + 1] = at(e) .. label .. ": " .. (value or L.missing)
  end
  out[#out + 1] = (doc.path or "") .. " [" .. (doc.format or "text") .. "]"
  line(nil, L.family, L[doc.family] or doc.family)
  if doc.diacritics == false then line(nil, L.diacritics, "✓") end
  local n = doc.national
  line(n, L.national, n and n.text)
  if n and n.motto then line(n, L.motto, n.motto) end
  local i = doc.issuer
  if i and i.parent then line(i, L.parent, i.parent) end
  line(i, L.issuer, i and i.name)
  local num = doc.number
  line(num, L.number, num and (num.raw .. (num.seq and "" or "  " .. L.blank)))
  local pd = doc.place_date
  line(pd, L.place_date, pd and (pd.raw .. (pd.iso and ("  = " .. pd.iso) or "")))
  local dt = doc.doc_type
  line(dt, L.doc_type, dt and ((dt.name or "") .. " (" .. dt.code .. ")"))
  line(doc.subject, L.subject, doc.subject and doc.subject.text)
  out[#out + 1] = "      " .. L.addressees .. ": " .. (#doc.addressees > 0 and "" or L.missing)
  for _, a in ipairs(doc.addressees) do out[#out + 1] = at(a) .. "  - " .. a.text end
  out[#out + 1] = "      " .. L.items .. ": " .. #doc.items
  items(out, doc.items, 1)
  if doc.tasks and #doc.tasks > 0 then
    out[#out + 1] = "      " .. L.tasks .. ": " .. #doc.tasks
  end
  local s = doc.signature
  if s then
    out[#out + 1] = at(s) .. L.signature .. ":"
    for _, a in ipairs(s.authority) do out[#out + 1] = at(a) .. "  " .. a.prefix .. " " .. a.of end
    out[#out + 1] = "        " .. (s.title or L.missing)
    out[#out + 1] = "        " .. (s.name or L.missing)
  else
    line(nil, L.signature, nil)
  end
  local r = doc.recipients
  line(r, L.recipients, r and tostring(#r.items))
  if r then
    for _, it in ipairs(r.items) do out[#out + 1] = at(it) .. "  - " .. it.text end
  end
  out[#out + 1] = "      " .. L.references .. ": " .. #doc.references
  for _, ref in ipairs(doc.references) do
    out[#out + 1] = at(ref) .. "  " .. ref.number .. (ref.iso and ("  " .. ref.iso) or "")
  end
  return table.concat(out, "\n") .. "\n"
end

return M
