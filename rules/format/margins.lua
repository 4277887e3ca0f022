-- Page margins of each section of a .docx, for state documents: top and
-- bottom 20-25 mm, left 30-35 mm, right 15-20 mm (NĐ 30/2020). Margins
-- are compared to a tenth of a millimetre (Word stores 1,5 cm as 850
-- twips = 14.99 mm, shown as 15). HD 36's margins for party documents are
-- known only from derived summaries, so the rule is state-only.
local SIDES = {
  { "top", 20, 25, { vi = "trên", en = "top" } }, { "bottom", 20, 25, { vi = "dưới", en = "bottom" } },
  { "left", 30, 35, { vi = "trái", en = "left" } }, { "right", 15, 20, { vi = "phải", en = "right" } },
}

local function mm(v, lang)
  local s = v == math.floor(v) and string.format("%d", math.floor(v)) or string.format("%.1f", v)
  return lang == "vi" and (s:gsub("%.", ",")) or s
end

return {
  id = "format/margins",
  severity = "warning",
  family = "state",
  summary = { vi = "Lề trang không đúng (trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm)",
    en = "Page margins out of range (top, bottom 20–25 mm; left 30–35 mm; right 15–20 mm)" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.3 (cách mép trên và mép dưới 20 - 25 mm, cách mép trái "
    .. "30 - 35 mm, cách mép phải 15 - 20 mm)",
  messages = {
    margins = {
      vi = "Lề trang chưa đúng (từ dòng {line}): {sides}",
      en = "Page margins out of range (from line {line}): {sides}",
    },
  },
  check = function(doc, report, ctx)
    if doc.format ~= "docx" then return end
    local sections = doc.sections
    if type(sections) ~= "table" or #sections == 0 then sections = { doc.page } end
    local lang = ctx.lang == "en" and "en" or "vi"
    for _, s in ipairs(sections) do
      local m = s.margins
      if m then
        local bad = {}
        for _, side in ipairs(SIDES) do
          local v = m[side[1]]
          if v and (v < side[2] or v > side[3]) then
            bad[#bad + 1] = lang == "en"
              and string.format("%s %s mm (%d–%d mm)", side[4].en, mm(v, lang), side[2], side[3])
              or string.format("lề %s %s mm (quy định %d–%d mm)", side[4].vi, mm(v, lang), side[2], side[3])
          end
        end
        if #bad > 0 then
          report { line = s.line, message = "margins", data = { line = s.line or 1, sides = table.concat(bad, "; ") } }
        end
      end
    end
  end,
}
