-- "Nơi nhận" lists who receives the document and where it is archived;
-- without it distribution and filing cannot be checked.
return {
  id = "recipients/missing",
  severity = "error",
  summary = { vi = "Thiếu phần \"Nơi nhận\"", en = "No \"Nơi nhận\" (recipients) block" },
  basis = "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2 điểm i; Phụ lục I, Phần I, mục II.9; HD 36-HD/VPTW (2018): nơi nhận",
  messages = {
    state = {
      vi = "Thiếu phần \"Nơi nhận:\" ở góc dưới bên trái, ngang hàng chữ ký: liệt kê nơi nhận, dòng cuối "
        .. "\"- Lưu: VT, …\"",
      en = "No \"Nơi nhận:\" block at the bottom left, level with the signature: list the recipients, "
        .. "ending with \"- Lưu: VT, …\"",
    },
    party = {
      vi = "Thiếu phần \"Nơi nhận:\" ở góc dưới bên trái, ngang hàng chữ ký: liệt kê nơi nhận, dòng cuối "
        .. "\"- Lưu Văn phòng …\"",
      en = "No \"Nơi nhận:\" block at the bottom left, level with the signature: list the recipients, "
        .. "ending with \"- Lưu Văn phòng …\"",
    },
  },
  examples = { fail = "                              CHỦ TỊCH\n                              Nguyễn Văn A",
    pass = "Nơi nhận:                     CHỦ TỊCH\n- Như trên;\n- Lưu: VT, VX1.          Nguyễn Văn A" },
  check = function(doc, report)
    if doc.recipients then return end
    local z = doc.zones or {}
    local at = z.footer or { line = doc.lines and #doc.lines or 1 }
    report { at = at, message = doc.family == "party" and "party" or "state" }
  end,
}
