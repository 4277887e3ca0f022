-- The type code in the symbol (NĐ 30 Phụ lục III; HD 36) must name the
-- same type as the tên loại. Codes outside the table (BS, SY, TT…) are not
-- judged. A state công văn has no type code, and its first symbol group
-- is the issuer, which may look like a type code (Cục Thuế "CT"): skipped.

local TYPE_OF = {
  ["QĐ"] = "quyet-dinh", CT = "chi-thi", TB = "thong-bao", KH = "ke-hoach", BC = "bao-cao", CV = "cong-van",
  HD = "huong-dan", NQ = "nghi-quyet", TTr = "to-trinh", CTr = "chuong-trinh", KL = "ket-luan", QC = "quy-che",
  ["QyĐ"] = "quy-dinh", ["QĐi"] = "quy-dinh", PA = "phuong-an", ["ĐA"] = "de-an", DA = "du-an", BB = "bien-ban",
  ["HĐ"] = "hop-dong", ["CĐ"] = "cong-dien", GM = "giay-moi", GGT = "giay-gioi-thieu", GUQ = "giay-uy-quyen",
  TC = "thong-cao",
}
-- OCR drops the bar of Đ: "QD" is QĐ, "HD" may be HD or HĐ.
local OCR_TYPES = {}
for code, t in pairs(TYPE_OF) do
  local bare = code:gsub("Đ", "D")
  OCR_TYPES[bare] = OCR_TYPES[bare] or {}
  OCR_TYPES[bare][t] = true
end

local NAMES = {
  ["quyet-dinh"] = "Quyết định", ["chi-thi"] = "Chỉ thị", ["thong-bao"] = "Thông báo", ["ke-hoach"] = "Kế hoạch",
  ["bao-cao"] = "Báo cáo", ["cong-van"] = "Công văn", ["huong-dan"] = "Hướng dẫn", ["nghi-quyet"] = "Nghị quyết",
  ["to-trinh"] = "Tờ trình", ["chuong-trinh"] = "Chương trình", ["ket-luan"] = "Kết luận", ["quy-che"] = "Quy chế",
  ["quy-dinh"] = "Quy định", ["phuong-an"] = "Phương án", ["de-an"] = "Đề án", ["du-an"] = "Dự án",
  ["bien-ban"] = "Biên bản", ["hop-dong"] = "Hợp đồng", ["cong-dien"] = "Công điện", ["giay-moi"] = "Giấy mời",
  ["giay-gioi-thieu"] = "Giấy giới thiệu", ["giay-uy-quyen"] = "Giấy ủy quyền", ["thong-cao"] = "Thông cáo",
}

-- The code a document of each type should carry, per family.
local function expected_code(type_code, family)
  if type_code == "quy-dinh" then return family == "party" and "QĐi" or "QyĐ" end
  if type_code == "cong-van" then return family == "party" and "CV" or nil end
  for code, t in pairs(TYPE_OF) do
    if t == type_code and code ~= "QĐi" and code ~= "QyĐ" then return code end
  end
end

return {
  id = "number/type-mismatch",
  severity = "warning",
  summary = { vi = "Mã loại trong ký hiệu không khớp với tên loại văn bản",
    en = "The symbol's type code contradicts the document type" },
  basis = "NĐ 30/2020/NĐ-CP, Điều 9 và Phụ lục III (chữ viết tắt tên loại văn bản); "
    .. "HD 36-HD/VPTW (2018): ký hiệu văn bản",
  messages = {
    mismatch = {
      vi = "Ký hiệu \"{symbol}\" mang mã loại \"{code}\" ({code_type}) nhưng văn bản là {doc_type}: "
        .. "mã loại phải là \"{expected}\"",
      en = "Symbol \"{symbol}\" carries the type code \"{code}\" ({code_type}) but the document is a {doc_type}: "
        .. "the code must be \"{expected}\"",
    },
    no_code = {
      vi = "Ký hiệu \"{symbol}\" mang mã loại \"{code}\" ({code_type}) nhưng văn bản là {doc_type}",
      en = "Symbol \"{symbol}\" carries the type code \"{code}\" ({code_type}) but the document is a {doc_type}",
    },
  },
  examples = { fail = "Số: 12/QĐ-UBND\nCHỈ THỊ\nVề tăng cường phòng, chống dịch",
    pass = "Số: 12/CT-UBND\nCHỈ THỊ\nVề tăng cường phòng, chống dịch" },
  check = function(doc, report)
    local n, t = doc.number, doc.doc_type
    if not (n and n.type_code and t and NAMES[t.code]) then return end
    if doc.family ~= "party" and t.code == "cong-van" then return end
    local code = n.type_code:gsub("Ð", "Đ") -- U+00D0 (Eth) typed for Đ
    -- the types the code may stand for
    local types = {}
    if TYPE_OF[code] then types[TYPE_OF[code]] = true end
    if doc.diacritics == false then
      for ty in pairs(OCR_TYPES[code] or {}) do types[ty] = true end
    end
    -- party quy định are numbered "-QĐi/" or, as often, "-QĐ/"
    if doc.family == "party" and types["quyet-dinh"] then types["quy-dinh"] = true end
    if next(types) == nil or types[t.code] then return end
    local names = {}
    for ty in pairs(types) do names[#names + 1] = NAMES[ty] end
    table.sort(names)
    local expected = expected_code(t.code, doc.family)
    report { at = n, message = expected and "mismatch" or "no_code", data = { symbol = n.symbol or n.raw, code = code,
      code_type = table.concat(names, "/"), doc_type = NAMES[t.code], expected = expected } }
  end,
}
