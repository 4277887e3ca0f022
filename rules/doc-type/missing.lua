-- Without a type name (QUYẾT ĐỊNH, CHỈ THỊ…) or, for a công văn, a "V/v"
-- trích yếu, the reader cannot tell what kind of document this is.
return {
  id = "doc-type/missing",
  severity = "error",
  summary = { vi = "Thiếu tên loại văn bản (và không có trích yếu \"V/v\" của công văn)",
    en = "No document type name (and no công văn \"V/v\" subject)" },
  basis = "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2 điểm đ; Phụ lục I, Phần I, mục II.5; "
    .. "HD 36-HD/VPTW (2018): tên loại và trích yếu",
  messages = {
    missing = {
      vi = "Không xác định được loại văn bản: thiếu tên loại (ví dụ \"CHỈ THỊ\", \"THÔNG BÁO\") và cũng không có "
        .. "trích yếu \"V/v …\" của công văn dưới số, ký hiệu",
      en = "The document type cannot be told: no type name (e.g. \"CHỈ THỊ\", \"THÔNG BÁO\") and no công văn "
        .. "\"V/v …\" subject under the number",
    },
  },
  examples = { fail = "Số: 12/UBND-VX\n\nKính gửi: Sở Y tế", pass = "Số: 12/UBND-VX\nV/v phòng, chống dịch Covid-19" },
  check = function(doc, report)
    if doc.doc_type then return end
    report { at = doc.zones and doc.zones.header, message = "missing" }
  end,
}
