-- The typeface of a .docx. NĐ 30 sets every state document in Times New
-- Roman, Unicode per TCVN 6909:2001; HD 36 requires Unicode TCVN
-- 6909:2001 for party documents without naming a typeface. A legacy
-- Vietnamese font (.VnTime: TCVN3/ABC; VNI-Times: VNI; VPS) is not
-- Unicode: an error in both families. Symbol fonts (bullets, ticks) are
-- glyphs, not text, and are left alone. One finding per font, at its
-- first line, with the amount of text set in it: a document typed wholly
-- in Arial gives one finding, not one per paragraph. Text and Markdown
-- have no fonts: nothing to say.
local function is_legacy(name)
  local n = name:lower()
  return n:sub(1, 3) == ".vn" or n:sub(1, 4) == "vni-" or n:sub(1, 4) == "vni " or n:sub(1, 4) == "vps "
end

local function is_symbol(name)
  local n = name:lower()
  return n == "symbol" or n:sub(1, 9) == "wingdings" or n:sub(1, 8) == "webdings"
end

return {
  id = "format/font",
  severity = "warning",
  summary = { vi = "Phông chữ không phải Times New Roman (Unicode TCVN 6909:2001)",
    en = "The font is not Times New Roman (Unicode, TCVN 6909:2001)" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.4 (phông chữ Times New Roman, bộ mã Unicode TCVN 6909:2001); "
    .. "HD 36-HD/VPTW (2018): phông chữ theo bộ mã ký tự chữ Việt TCVN 6909:2001",
  messages = {
    legacy = {
      vi = "Phông chữ \"{font}\" ({chars} ký tự, từ dòng {line}) là phông mã cũ (TCVN3/VNI), không phải "
        .. "Unicode TCVN 6909:2001: hãy chuyển mã sang Unicode và dùng phông Times New Roman",
      en = "Font \"{font}\" ({chars} characters, from line {line}) is a legacy Vietnamese encoding (TCVN3/VNI), "
        .. "not Unicode TCVN 6909:2001: convert the text to Unicode and set it in Times New Roman",
    },
    not_tnr = {
      vi = "Phông chữ \"{font}\" ({chars} ký tự, từ dòng {line}): văn bản hành chính dùng phông Times New Roman",
      en = "Font \"{font}\" ({chars} characters, from line {line}): state documents are set in Times New Roman",
    },
  },
  check = function(doc, report)
    if doc.format ~= "docx" or type(doc.fonts) ~= "table" then return end
    for _, f in ipairs(doc.fonts) do
      local name = f.name or ""
      local data = { font = name, chars = f.chars or 0, line = f.line or 1 }
      if is_legacy(name) then
        report { line = f.line, message = "legacy", data = data, severity = "error" }
      elseif doc.family == "state" and not is_symbol(name) and name:lower() ~= "times new roman" then
        report { line = f.line, message = "not_tnr", data = data }
      end
    end
  end,
}
