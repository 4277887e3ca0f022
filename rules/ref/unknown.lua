-- A document citing an earlier document of its own issuer ("Thực hiện
-- Nghị quyết số 12-NQ/HU" in a Huyện ủy HU document) expects that
-- document to be in the same repository. When the register holds this
-- issuer's documents but not the cited one, the citation may be mistyped
-- or the repository incomplete: information, not an error.
local function codes(number)
  local out = {}
  -- the groups after the sequence number (and a normative year)
  local rest = number:gsub("^%d+", ""):gsub("^[/%-]%d%d%d%d/", "/")
  for g in rest:gmatch("[^/%-]+") do out[#out + 1] = g end
  return out
end

local function party_form(number) return number:match("^%d+%-") ~= nil end

return {
  id = "ref/unknown",
  severity = "info",
  register = true,
  summary = { vi = "Văn bản được dẫn của cùng cơ quan ban hành chưa có trong sổ đăng ký",
    en = "A cited document of the same issuer is not in the register" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.6.b (viện dẫn văn bản: tên loại, số, ký hiệu, ngày); "
    .. "Điều 15 (đăng ký văn bản đi)",
  messages = {
    unknown = {
      vi = "Văn bản được dẫn \"{text}\" của cùng cơ quan ban hành không có trong sổ đăng ký: kiểm tra số, ký hiệu "
        .. "hoặc ghi sổ văn bản đó (vbcheck index)",
      en = "The cited \"{text}\" of the same issuer is not in the register: check its number or index it "
        .. "(vbcheck index)",
    },
  },
  examples = { fail = "Huyện ủy (HU), register has its documents but no 12-NQ/HU: …Thực hiện Nghị quyết số 12-NQ/HU…",
    pass = "…Thực hiện Nghị quyết số 12-NQ/HU… with 12-NQ/HU indexed; or citing another issuer's 1102/CĐ-TTg" },
  check = function(doc, report, ctx)
    local reg, n = ctx.register, doc.number
    if not (reg and n and n.issuer_code and doc.issuer) then return end
    if reg.issuer_documents(doc.issuer) == 0 then return end -- the register does not cover this issuer
    local own = ctx.fold(n.issuer_code)
    local own_symbol = n.symbol and ctx.fold(n.symbol)
    for _, r in ipairs(doc.references) do
      local num = r.number
      local same = false
      for _, c in ipairs(codes(num)) do
        if ctx.fold(c) == own then same = true end
      end
      if same and ctx.fold(num) ~= own_symbol then
        local y = r.iso and tonumber(r.iso:sub(1, 4)) or tonumber(num:match("^%d+/(%d%d%d%d)/"))
        -- state numbers restart every year; party numbers run through a term
        local found = reg.find_number { symbol = num, year = not party_form(num) and y or nil }
        if #found == 0 then report { at = r, message = "unknown", data = { text = r.text or num } } end
      end
    end
  end,
}
