-- The place and date of issue date the document's effect and its
-- deadlines; every document carries them under the national header.
return {
  id = "date/missing",
  severity = "error",
  summary = { vi = "Thiếu địa danh và thời gian ban hành văn bản", en = "The place and date of issue are missing" },
  basis = "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2 điểm d; Phụ lục I, Phần I, mục II.4; "
    .. "HD 36-HD/VPTW (2018): địa danh và ngày tháng năm ban hành",
  messages = {
    state = {
      vi = "Thiếu địa danh và thời gian ban hành: dưới Quốc hiệu, Tiêu ngữ phải có dòng "
        .. "\"Hà Nội, ngày 05 tháng 01 năm 2020\"",
      en = "No place and date of issue: a line like \"Hà Nội, ngày 05 tháng 01 năm 2020\" "
        .. "must follow the Quốc hiệu and Tiêu ngữ",
    },
    party = {
      vi = "Thiếu địa danh và thời gian ban hành: dưới tiêu đề \"ĐẢNG CỘNG SẢN VIỆT NAM\" phải có dòng "
        .. "\"Lai Châu, ngày 24 tháng 8 năm 2021\"",
      en = "No place and date of issue: a line like \"Lai Châu, ngày 24 tháng 8 năm 2021\" "
        .. "must follow the \"ĐẢNG CỘNG SẢN VIỆT NAM\" header",
    },
  },
  examples = { fail = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nQUYẾT ĐỊNH",
    pass = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 05 tháng 01 năm 2020" },
  check = function(doc, report)
    if doc.place_date then return end
    report { at = doc.zones and doc.zones.header, message = doc.family == "party" and "party" or "state" }
  end,
}
