-- The title (chức vụ) under the authority line says in what capacity the
-- signer signs: "KT. CHỦ TỊCH" needs "PHÓ CHỦ TỊCH" below it.
return {
  id = "signer/title-missing",
  severity = "error",
  summary = { vi = "Thiếu chức vụ của người ký", en = "The signer's title is missing" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.7.c và II.7.đ; HD 36-HD/VPTW (2018): chức vụ người ký",
  messages = {
    after = {
      vi = "Thiếu chức vụ của người ký dưới \"{authority}\" (ví dụ \"{example}\")",
      en = "The signer's title is missing under \"{authority}\" (e.g. \"{example}\")",
    },
    missing = {
      vi = "Thiếu chức vụ của người ký (ví dụ \"{example}\") phía trên họ tên \"{name}\"",
      en = "The signer's title (e.g. \"{example}\") is missing above the name \"{name}\"",
    },
  },
  examples = { fail = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n\nTổng Thanh Hải",
    pass = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTổng Thanh Hải" },
  check = function(doc, report)
    local s = doc.signature
    if not s or (s.title and s.title:match("%S")) then return end
    local example = doc.family == "party" and "PHÓ BÍ THƯ" or "PHÓ CHỦ TỊCH"
    local auth = s.authority or {}
    local last = auth[#auth]
    if last then
      report { at = last, message = "after",
        data = { authority = ((last.prefix or "") .. " " .. (last.of or "")):gsub("^%s+", ""), example = example } }
    else
      report { line = s.name_line or s.line, message = "missing", data = { name = s.name or "", example = example } }
    end
  end,
}
