-- A citation names a document by type, number and date (NĐ 30 Phụ lục I,
-- II.6.b). When the register holds the cited number but with another
-- date, or of another type than the citation names, one of the two is
-- wrong. Candidates are the register's documents with that number in the
-- cited year (state numbers restart every year) or within a five-year
-- term (party numbers); only an unambiguous candidate (one issuer) is
-- compared.
local function dmy(iso)
  local y, m, d = (iso or ""):match("^(%d+)-(%d+)-(%d+)$")
  return y and (d .. "/" .. m .. "/" .. y) or "?"
end

local function party_form(number) return number:match("^%d+%-") ~= nil end

local TYPE_NAMES = {
  vi = { ["cong-van"] = "công văn", ["quyet-dinh"] = "quyết định", ["chi-thi"] = "chỉ thị",
    ["thong-bao"] = "thông báo", ["ke-hoach"] = "kế hoạch", ["bao-cao"] = "báo cáo", ["to-trinh"] = "tờ trình",
    ["huong-dan"] = "hướng dẫn", ["chuong-trinh"] = "chương trình", ["nghi-quyet"] = "nghị quyết",
    ["ket-luan"] = "kết luận", ["cong-dien"] = "công điện", ["giay-moi"] = "giấy mời" },
}

local function type_name(code, lang)
  if lang == "en" then return code end
  return TYPE_NAMES.vi[code] or code
end

return {
  id = "ref/mismatch",
  severity = "warning",
  register = true,
  summary = { vi = "Văn bản được dẫn có trong sổ đăng ký nhưng khác ngày hoặc khác loại",
    en = "A cited document is in the register with another date or type" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.6.b (viện dẫn: tên loại, số, ký hiệu, ngày tháng năm ban hành)",
  messages = {
    date = {
      vi = "Văn bản được dẫn \"{text}\" ghi ngày {cited}, nhưng văn bản số {number} trong sổ đăng ký ({path}) "
        .. "đề ngày {date}",
      en = "The cited \"{text}\" is dated {cited}, but number {number} in the register ({path}) is dated {date}",
    },
    type = {
      vi = "Văn bản được dẫn \"{text}\" là {cited}, nhưng văn bản số {number} trong sổ đăng ký ({path}) là {kind}",
      en = "The cited \"{text}\" is a {cited}, but number {number} in the register ({path}) is a {kind}",
    },
  },
  examples = { fail = "…Kế hoạch số 45/KH-UBND ngày 20/02/2024… while the register has 45/KH-UBND dated 21/02/2024",
    pass = "…Kế hoạch số 45/KH-UBND ngày 21/02/2024… matching the register" },
  check = function(doc, report, ctx)
    local reg = ctx.register
    if not reg then return end
    local own = doc.number and doc.number.symbol and ctx.fold(doc.number.symbol)
    for _, r in ipairs(doc.references) do
      local num = r.number
      local y = r.iso and tonumber(r.iso:sub(1, 4)) or tonumber(num:match("^%d+/(%d%d%d%d)/"))
      if ctx.fold(num) ~= own then
        local party = party_form(num)
        local cands = {}
        for _, c in ipairs(reg.find_number { symbol = num, year = not party and y or nil }) do
          if not (party and y and c.year and math.abs(c.year - y) >= 5) then cands[#cands + 1] = c end
        end
        local agree, issuers, n_issuers = false, {}, 0
        for _, c in ipairs(cands) do
          local date_ok = not r.iso or not c.date or c.date == r.iso
          local type_ok = not r.named or not r.doc_type or not c.doc_type or c.doc_type == r.doc_type
          if date_ok and type_ok then agree = true end
          local who = c.issuer or ""
          if not issuers[who] then issuers[who], n_issuers = true, n_issuers + 1 end
        end
        if #cands > 0 and not agree and n_issuers == 1 then
          local c = cands[1]
          local data = { text = r.text or num, number = c.number or num, path = c.path }
          if r.iso and c.date and c.date ~= r.iso then
            data.cited, data.date = dmy(r.iso), dmy(c.date)
            report { at = r, message = "date", data = data }
          else
            data.cited, data.kind = type_name(r.doc_type, ctx.lang), type_name(c.doc_type, ctx.lang)
            report { at = r, message = "type", data = data }
          end
        end
      end
    end
  end,
}
