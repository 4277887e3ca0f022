-- Every document is registered under a number and symbol; without the
-- "Số" line it cannot be cited or filed.
return {
  id = "number/missing",
  severity = "error",
  summary = { vi = "Thiếu số, ký hiệu văn bản", en = "The document number and symbol are missing" },
  basis = "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2 điểm c; Phụ lục I, Phần I, mục II.3; HD 36-HD/VPTW (2018): số và ký hiệu",
  messages = {
    state = {
      vi = "Thiếu số, ký hiệu văn bản: dưới tên cơ quan ban hành phải có dòng \"Số: 12/QĐ-UBND\" "
        .. "(công văn: \"Số: 12/UBND-VX\")",
      en = "No number and symbol: a \"Số: 12/QĐ-UBND\" line (công văn: \"Số: 12/UBND-VX\") "
        .. "must follow the issuing body",
    },
    party = {
      vi = "Thiếu số, ký hiệu văn bản: dưới tên cơ quan ban hành phải có dòng \"Số 12-CV/TU\" (không có dấu hai chấm)",
      en = "No number and symbol: a \"Số 12-CV/TU\" line (no colon) must follow the issuing body",
    },
  },
  examples = { fail = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nV/v phòng, chống dịch",
    pass = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 125/UBND-VX\nV/v phòng, chống dịch" },
  check = function(doc, report)
    if doc.number then return end
    report { at = doc.zones and doc.zones.header, message = doc.family == "party" and "party" or "state" }
  end,
}
