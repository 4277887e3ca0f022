-- Paper and orientation of each section of a .docx. State documents
-- (NĐ 30/2020): A4 (210 x 297 mm) portrait; a section may be landscape
-- when it holds a table ("bảng, biểu"). Party documents (HD 36): A4, or
-- A5 for administrative papers; orientation not checked. A millimetre of
-- slack absorbs rounding between Word's units.
local function near(a, b) return math.abs(a - b) <= 1 end

local function is_size(s, w, h)
  return (near(s.width, w) and near(s.height, h)) or (near(s.width, h) and near(s.height, w))
end

local function mm(v, lang)
  local s = v == math.floor(v) and string.format("%d", math.floor(v)) or string.format("%.1f", v)
  return lang == "vi" and (s:gsub("%.", ",")) or s
end

return {
  id = "format/page",
  severity = "warning",
  summary = { vi = "Khổ giấy không phải A4 dọc", en = "The page is not A4 portrait" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.1 (khổ A4 210 mm x 297 mm) và I.2 (theo chiều dài khổ A4; "
    .. "chiều rộng khi có bảng, biểu); HD 36-HD/VPTW (2018): khổ giấy A4 (giấy tờ hành chính A4 hoặc A5)",
  messages = {
    size = {
      vi = "Khổ giấy {width} x {height} mm (từ dòng {line}), không phải khổ A4 (210 x 297 mm)",
      en = "Paper {width} x {height} mm (from line {line}) is not A4 (210 x 297 mm)",
    },
    party_size = {
      vi = "Khổ giấy {width} x {height} mm (từ dòng {line}): văn bản Đảng dùng khổ A4 (210 x 297 mm) hoặc A5",
      en = "Paper {width} x {height} mm (from line {line}): party documents use A4 (210 x 297 mm) or A5",
    },
    landscape = {
      vi = "Trang khổ ngang (từ dòng {line}) nhưng phần này không có bảng, biểu: văn bản trình bày theo chiều dài "
        .. "khổ A4",
      en = "Landscape pages (from line {line}) without a table: documents are laid out in A4 portrait",
    },
  },
  check = function(doc, report, ctx)
    if doc.format ~= "docx" then return end
    local sections = doc.sections
    if type(sections) ~= "table" or #sections == 0 then sections = { doc.page } end
    local lang = ctx.lang == "en" and "en" or "vi"
    for _, s in ipairs(sections) do
      if s.width and s.height then
        local data = { width = mm(s.width, lang), height = mm(s.height, lang), line = s.line or 1 }
        if doc.family == "party" then
          if not is_size(s, 210, 297) and not is_size(s, 148, 210) then
            report { line = s.line, message = "party_size", data = data }
          end
        elseif not is_size(s, 210, 297) then
          report { line = s.line, message = "size", data = data }
        elseif doc.family == "state" and s.orientation == "landscape" and not s.table then
          report { line = s.line, message = "landscape", data = data }
        end
      end
    end
  end,
}
