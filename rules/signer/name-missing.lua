-- The signer's full name sits under the title (and the signature); a
-- block with a title and no name cannot be attributed to anyone.
return {
  id = "signer/name-missing",
  severity = "error",
  summary = { vi = "Thiếu họ tên người ký", en = "Signer's full name is missing" },
  basis = "NĐ 30/2020/NĐ-CP, Điều 13 và Phụ lục I, Phần I, mục II.7.c; HD 36-HD/VPTW (2018): họ tên người ký",
  messages = {
    titled = {
      vi = "Thiếu họ và tên người ký dưới chức vụ \"{title}\"",
      en = "The signer's full name is missing under the title \"{title}\"",
    },
    missing = {
      vi = "Thiếu họ và tên người ký trong phần chữ ký",
      en = "The signer's full name is missing from the signature block",
    },
  },
  examples = { fail = "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n",
    pass = "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nLê Văn Lương" },
  check = function(doc, report)
    local s = doc.signature
    if not s or (s.name and s.name:match("%S")) then return end
    local line = s.title_line or s.end_line or s.line
    if s.title then
      report { line = line, message = "titled", data = { title = s.title } }
    else
      report { line = line, message = "missing" }
    end
  end,
}
