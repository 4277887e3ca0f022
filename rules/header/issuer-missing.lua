-- The issuing body (top left) says who speaks; without it the document has
-- no author of record.
return {
  id = "header/issuer-missing",
  severity = "error",
  summary = { vi = "Thiếu tên cơ quan, tổ chức ban hành văn bản", en = "The issuing body's name is missing" },
  basis = "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2 điểm b; Phụ lục I, Phần I, mục II.2; "
    .. "HD 36-HD/VPTW (2018): tên cơ quan ban hành",
  messages = {
    state = {
      vi = "Thiếu tên cơ quan, tổ chức ban hành văn bản ở góc trên bên trái (dưới tên cơ quan chủ quản, nếu có), "
        .. "ví dụ \"ỦY BAN NHÂN DÂN\" / \"TỈNH LAI CHÂU\"",
      en = "The issuing body's name is missing at the top left (under the parent body, if any), "
        .. "e.g. \"ỦY BAN NHÂN DÂN\" / \"TỈNH LAI CHÂU\"",
    },
    party = {
      vi = "Thiếu tên cơ quan ban hành ở góc trên bên trái, trên dấu sao (*), ví dụ \"TỈNH ỦY LAI CHÂU\"",
      en = "The issuing party body's name is missing at the top left, above the asterisk (*), "
        .. "e.g. \"TỈNH ỦY LAI CHÂU\"",
    },
  },
  examples = {
    fail = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/UBND-VX",
    pass = "ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LAI CHÂU",
  },
  check = function(doc, report)
    if doc.issuer then return end
    report { at = doc.zones and doc.zones.header, message = doc.family == "party" and "party" or "state" }
  end,
}
