-- A draft leaves the sequence number blank for the clerk to fill in at
-- registration (NĐ 30 Điều 15: numbers are given after signing); an issued
-- document may not.
return {
  id = "number/blank",
  severity = { draft = "info", issued = "error" },
  summary = { vi = "Số văn bản để trống", en = "The document number is left blank" },
  basis = "NĐ 30/2020/NĐ-CP, Điều 15 và Phụ lục I, Phần I, mục II.3; HD 36-HD/VPTW (2018): số và ký hiệu",
  messages = {
    draft = {
      vi = "Số văn bản để trống (\"{raw}\"): văn thư sẽ ghi số khi đăng ký ban hành",
      en = "The number is left blank (\"{raw}\"): the clerk fills it in at registration",
    },
    issued = {
      vi = "Văn bản ban hành chưa có số (\"{raw}\"): phải ghi số thứ tự đăng ký tại văn thư, ví dụ \"{example}\"",
      en = "The issued document has no number (\"{raw}\"): write the registration number, e.g. \"{example}\"",
    },
  },
  examples = { fail = "Số:      /UBND-VX", pass = "Số: 125/UBND-VX" },
  check = function(doc, report, ctx)
    local n = doc.number
    if not n or n.seq then return end
    local example = doc.family == "party" and "Số 12-" .. (n.symbol or "CV/TU"):gsub("^[%-/]", "")
      or "Số: 12/" .. (n.symbol or "UBND-VX"):gsub("^[%-/]", "")
    report { at = n, message = ctx.stage == "issued" and "issued" or "draft",
      data = { raw = n.raw or "Số", example = example } }
  end,
}
