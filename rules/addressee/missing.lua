-- A công văn is addressed: "Kính gửi:" names who must act on it (NĐ 30
-- Phụ lục I mục II.9.b; the same for party công văn under HD 36). Other
-- types list their readers under "Nơi nhận" only.
return {
  id = "addressee/missing",
  severity = "warning",
  summary = { vi = "Công văn không có \"Kính gửi\"", en = "A công văn without \"Kính gửi\"" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.9.b; HD 36-HD/VPTW (2018): nơi nhận (công văn)",
  messages = {
    missing = {
      vi = "Công văn không có phần \"Kính gửi:\": phải ghi cơ quan, tổ chức, cá nhân trực tiếp giải quyết công việc "
        .. "trước nội dung",
      en = "The công văn has no \"Kính gửi:\": name the bodies or people who must act on it before the text",
    },
  },
  examples = { fail = "V/v phòng, chống dịch\n\nThực hiện chỉ đạo của…",
    pass = "V/v phòng, chống dịch\nKính gửi: Sở Y tế tỉnh" },
  check = function(doc, report)
    local t = doc.doc_type
    if not t or t.code ~= "cong-van" then return end
    if (doc.addressees and #doc.addressees > 0) or doc.addressees_line then return end
    -- "Kính gửi" belongs right before the text: point at the body's first line
    local z = doc.zones or {}
    report { at = z.body and { line = z.body.line } or doc.subject or z.header, message = "missing" }
  end,
}
