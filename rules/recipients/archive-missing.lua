-- The last Nơi nhận line records where the original is archived:
--   state (NĐ 30):  "- Lưu: VT, VX1."   (văn thư, then the drafting unit)
--   party (HD 36):  "- Lưu Văn phòng Tỉnh ủy." / "- Lưu VPTU."
-- An item starting "Lưu" that the parser did not take as the archive
-- still counts, so the rule only fires when no such line exists.
return {
  id = "recipients/archive-missing",
  severity = "warning",
  summary = { vi = "\"Nơi nhận\" thiếu dòng lưu văn bản", en = "\"Nơi nhận\" has no archive line" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.9 và Phụ lục III (mẫu); HD 36-HD/VPTW (2018): nơi nhận",
  messages = {
    state = {
      vi = "\"Nơi nhận\" thiếu dòng lưu văn bản: dòng cuối phải là \"- Lưu: VT, <đơn vị soạn thảo>.\" "
        .. "(ví dụ \"- Lưu: VT, VX1.\")",
      en = "\"Nơi nhận\" has no archive line: it must end with \"- Lưu: VT, <drafting unit>.\" "
        .. "(e.g. \"- Lưu: VT, VX1.\")",
    },
    party = {
      vi = "\"Nơi nhận\" thiếu dòng lưu văn bản: dòng cuối phải là \"- Lưu Văn phòng …\" (ví dụ \"- Lưu VPTU.\")",
      en = "\"Nơi nhận\" has no archive line: it must end with \"- Lưu Văn phòng …\" (e.g. \"- Lưu VPTU.\")",
    },
  },
  examples = { fail = "Nơi nhận:\n- Như trên;\n- Sở Y tế;", pass = "Nơi nhận:\n- Như trên;\n- Lưu: VT, VX1." },
  check = function(doc, report, ctx)
    local r = doc.recipients
    if not r or r.archive then return end
    local items = r.items or {}
    for _, it in ipairs(items) do
      if ctx.fold(it.text or ""):match("^luu[%s:]") then return end
    end
    report { at = items[#items] or r, message = doc.family == "party" and "party" or "state" }
  end,
}
