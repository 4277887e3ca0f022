-- The signature block (authority, title, name) makes the document binding.
return {
  id = "signer/missing",
  severity = "error",
  summary = { vi = "Thiếu phần chữ ký (quyền hạn, chức vụ, họ tên người ký)", en = "No signature block" },
  basis = "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2 điểm g, Điều 13; Phụ lục I, Phần I, mục II.7; "
    .. "HD 36-HD/VPTW (2018): quyền hạn, chức vụ, họ tên và chữ ký",
  messages = {
    state = {
      vi = "Thiếu phần chữ ký ở cuối văn bản: quyền hạn (TM., KT., TL., TUQ., Q.), chức vụ và họ tên người ký, "
        .. "ví dụ \"TM. ỦY BAN NHÂN DÂN\" / \"CHỦ TỊCH\" / \"Nguyễn Văn A\"",
      en = "No signature block at the end: authority (TM., KT., TL., TUQ., Q.), title and the signer's name, "
        .. "e.g. \"TM. ỦY BAN NHÂN DÂN\" / \"CHỦ TỊCH\" / \"Nguyễn Văn A\"",
    },
    party = {
      vi = "Thiếu phần chữ ký ở cuối văn bản: quyền hạn (T/M, K/T, T/L, Q.), chức vụ và họ tên người ký, "
        .. "ví dụ \"T/M BAN THƯỜNG VỤ\" / \"PHÓ BÍ THƯ\" / \"Nguyễn Văn A\"",
      en = "No signature block at the end: authority (T/M, K/T, T/L, Q.), title and the signer's name, "
        .. "e.g. \"T/M BAN THƯỜNG VỤ\" / \"PHÓ BÍ THƯ\" / \"Nguyễn Văn A\"",
    },
  },
  examples = { fail = "Nơi nhận:\n- Như trên;\n- Lưu: VT, VX1.",
    pass = "Nơi nhận:              TM. ỦY BAN NHÂN DÂN\n- Như trên;                  CHỦ TỊCH\n"
      .. "- Lưu: VT, VX1.\n                        Nguyễn Văn A" },
  check = function(doc, report)
    if doc.signature then return end
    -- it belongs in the footer, or else at the end of the text
    local z = doc.zones or {}
    local at = z.footer or { line = doc.lines and #doc.lines or 1 }
    report { at = at, message = doc.family == "party" and "party" or "state" }
  end,
}
