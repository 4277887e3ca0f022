-- The two families write the number differently:
--   state (NĐ 30): "Số: 05/QĐ-UBND"  colon, "/" before the symbol, groups
--                  joined by "-", numbers under 10 with a leading 0;
--   party (HD 36): "Số 325-CV/TU"    no colon, "-" before the type code,
--                  "/" before the issuer code.
-- Documents of unknown family are not judged: either form may be right.

local REASONS = {
  colon_missing = { vi = "thiếu dấu hai chấm sau \"Số\"", en = "no colon after \"Số\"" },
  party_form = { vi = "giữa số và ký hiệu phải là dấu \"/\" (dấu \"-\" là mẫu văn bản Đảng)",
    en = "the number and symbol are joined by \"/\" (\"-\" is the party form)" },
  no_slash = { vi = "thiếu dấu \"/\" giữa số và ký hiệu", en = "no \"/\" between the number and the symbol" },
  groups = { vi = "các nhóm chữ viết tắt trong ký hiệu nối bằng dấu \"-\", không dùng \"/\"",
    en = "the symbol's groups are joined by \"-\", not \"/\"" },
  leading_zero = { vi = "số nhỏ hơn 10 phải có số 0 phía trước (\"0{seq}\")",
    en = "numbers under 10 take a leading zero (\"0{seq}\")" },
  colon = { vi = "văn bản Đảng không có dấu hai chấm sau \"Số\"", en = "party documents put no colon after \"Số\"" },
  state_form = { vi = "giữa số và mã loại văn bản phải là dấu \"-\" (dấu \"/\" là mẫu văn bản nhà nước)",
    en = "the number and type code are joined by \"-\" (\"/\" is the state form)" },
  no_dash = { vi = "thiếu dấu \"-\" giữa số và mã loại văn bản", en = "no \"-\" between the number and the type code" },
  no_issuer = { vi = "thiếu dấu \"/\" và mã cơ quan ban hành sau mã loại (\"-CV/TU\")",
    en = "no \"/\" and issuer code after the type code (\"-CV/TU\")" },
}

local function problems(doc, n)
  local out = {}
  if doc.family == "state" then
    if not n.colon then out[#out + 1] = "colon_missing" end
    if n.form == "party" then
      out[#out + 1] = "party_form"
    elseif n.form == nil then
      out[#out + 1] = "no_slash"
    else
      -- the part after "seq/" and an optional "year/" (666/2015/QĐ-UBND)
      local code = (n.symbol or ""):gsub("^%d*/", ""):gsub("^%d%d%d%d/", "")
      if code:find("/", 1, true) then out[#out + 1] = "groups" end
    end
    local digits = (n.symbol or ""):match("^(%d+)")
    if n.seq and n.seq < 10 and digits and #digits == 1 then out[#out + 1] = "leading_zero" end
  elseif doc.family == "party" then
    if n.colon then out[#out + 1] = "colon" end
    if n.form == "state" then
      out[#out + 1] = "state_form"
    elseif n.form == nil then
      out[#out + 1] = "no_dash"
    elseif n.type_code and not n.issuer_code then
      out[#out + 1] = "no_issuer"
    end
  end
  return out
end

return {
  id = "number/malformed",
  severity = "warning",
  summary = { vi = "Số, ký hiệu văn bản không đúng mẫu của khối văn bản",
    en = "The number and symbol do not follow the family's form" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.3; HD 36-HD/VPTW (2018): số và ký hiệu",
  messages = {
    state = {
      vi = "Số, ký hiệu \"{raw}\" chưa đúng mẫu văn bản hành chính \"Số: 05/QĐ-UBND\": {reasons}",
      en = "Number \"{raw}\" does not follow the state form \"Số: 05/QĐ-UBND\": {reasons}",
    },
    party = {
      vi = "Số, ký hiệu \"{raw}\" của văn bản Đảng phải theo mẫu \"Số 12-CV/TU\": {reasons}",
      en = "Party number \"{raw}\" must follow the form \"Số 12-CV/TU\": {reasons}",
    },
  },
  examples = { fail = "Số: 12/CV-TU   (văn bản Đảng)\nSố 5/UBND-VX   (văn bản nhà nước)",
    pass = "Số 12-CV/TU   (văn bản Đảng)\nSố: 05/UBND-VX   (văn bản nhà nước)" },
  check = function(doc, report, ctx)
    local n = doc.number
    if not n then return end
    local found = problems(doc, n)
    if #found == 0 then return end
    local text = {}
    for i, key in ipairs(found) do
      text[i] = REASONS[key][ctx.lang]:gsub("{seq}", tostring(n.seq))
    end
    report { at = n, message = doc.family,
      data = { raw = n.raw or n.symbol or "Số", reasons = table.concat(text, "; ") } }
  end,
}
