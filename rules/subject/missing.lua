-- The trích yếu says in one phrase what the document is about; it is a
-- main component of every type except the giấy giới thiệu, whose sample
-- (NĐ 30 Phụ lục III) has none.
local EXEMPT = { ["giay-gioi-thieu"] = true }

return {
  id = "subject/missing",
  severity = "error",
  summary = { vi = "Thiếu trích yếu nội dung văn bản", en = "The subject line (trích yếu) is missing" },
  basis = "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2 điểm đ; Phụ lục I, Phần I, mục II.5; "
    .. "HD 36-HD/VPTW (2018): tên loại và trích yếu",
  messages = {
    cong_van = {
      vi = "Công văn thiếu trích yếu: dưới số, ký hiệu phải có dòng \"V/v …\" nêu khái quát nội dung",
      en = "The công văn has no subject: a \"V/v …\" line summing it up must follow the number",
    },
    typed = {
      vi = "Thiếu trích yếu nội dung dưới tên loại \"{name}\" (ví dụ \"Về tăng cường phòng, chống dịch\")",
      en = "No subject under the type name \"{name}\" (e.g. \"Về tăng cường phòng, chống dịch\")",
    },
    missing = {
      vi = "Thiếu trích yếu nội dung văn bản: một dòng nêu khái quát nội dung (\"Về …\" hoặc \"V/v …\")",
      en = "No subject line: one phrase summing up the document (\"Về …\" or \"V/v …\")",
    },
  },
  examples = { fail = "CHỈ THỊ\n\nThời gian qua, tình hình dịch bệnh…",
    pass = "CHỈ THỊ\nVề tăng cường phòng, chống dịch Covid-19" },
  check = function(doc, report)
    local t = doc.doc_type
    if doc.subject or (t and EXEMPT[t.code]) then return end
    if t and t.code == "cong-van" then
      report { at = doc.number or t, message = "cong_van" }
    elseif t and t.name then
      report { at = t, message = "typed", data = { name = t.name } }
    else
      report { at = t or (doc.zones and doc.zones.header), message = "missing" }
    end
  end,
}
