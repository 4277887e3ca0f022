-- The header's wording is fixed by the norm. Compared on the folded text
-- (case and tone marks aside: "HÒA" and "HOÀ" are both accepted, and an
-- en dash counts as a hyphen). OCR text (doc.diacritics == false) gets a
-- small edit-distance allowance so that "PANG CONG SAN VIET NAM" is not
-- reported as wrong wording: text/ocr-suspect reports the OCR itself.

local QUOC_HIEU = "cong hoa xa hoi chu nghia viet nam"
local TIEU_NGU = "doc lap - tu do - hanh phuc"
local PARTY = "dang cong san viet nam"

local function distance(a, b)
  if a == b then return 0 end
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = { [0] = i }
    local ai = a:byte(i)
    for j = 1, #b do
      local cost = ai == b:byte(j) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return prev[#b]
end

-- Exact wording (spaces around hyphens aside); for OCR, letters only
-- within about one error in ten letters.
local function same(fold, text, expected, ocr)
  local f = fold(text):gsub("%s*%-%s*", " - ")
  if f == expected then return true end
  if not ocr then return false end
  local a, b = f:gsub("[^%a]", ""), expected:gsub("[^%a]", "")
  return distance(a, b) <= #b // 10 + 1
end

return {
  id = "header/national-malformed",
  severity = "warning",
  summary = { vi = "Quốc hiệu, Tiêu ngữ hoặc tiêu đề văn bản Đảng sai chữ",
    en = "The national header's wording is wrong" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.1; HD 36-HD/VPTW (2018): tiêu đề",
  messages = {
    quoc_hieu = {
      vi = "Quốc hiệu \"{text}\" sai chữ: phải là \"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\"",
      en = "Quốc hiệu \"{text}\" is worded wrongly: it must read \"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\"",
    },
    tieu_ngu = {
      vi = "Tiêu ngữ \"{text}\" sai chữ: phải là \"Độc lập - Tự do - Hạnh phúc\"",
      en = "Tiêu ngữ \"{text}\" is worded wrongly: it must read \"Độc lập - Tự do - Hạnh phúc\"",
    },
    no_tieu_ngu = {
      vi = "Có Quốc hiệu nhưng thiếu Tiêu ngữ \"Độc lập - Tự do - Hạnh phúc\" ngay dưới",
      en = "Quốc hiệu without its Tiêu ngữ: \"Độc lập - Tự do - Hạnh phúc\" must follow right below",
    },
    no_quoc_hieu = {
      vi = "Có Tiêu ngữ nhưng thiếu Quốc hiệu \"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\" ngay trên",
      en = "Tiêu ngữ without its Quốc hiệu: \"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\" must come right above",
    },
    party = {
      vi = "Tiêu đề \"{text}\" sai chữ: văn bản Đảng phải có \"ĐẢNG CỘNG SẢN VIỆT NAM\"",
      en = "Header \"{text}\" is worded wrongly: a party document carries \"ĐẢNG CỘNG SẢN VIỆT NAM\"",
    },
    party_motto = {
      vi = "Văn bản Đảng không có Tiêu ngữ: bỏ \"{text}\", chỉ giữ tiêu đề \"ĐẢNG CỘNG SẢN VIỆT NAM\"",
      en = "A party document has no Tiêu ngữ: drop \"{text}\" and keep only \"ĐẢNG CỘNG SẢN VIỆT NAM\"",
    },
    party_in_state = {
      vi = "Văn bản hành chính lại có tiêu đề \"ĐẢNG CỘNG SẢN VIỆT NAM\": phải là Quốc hiệu "
        .. "\"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\" và Tiêu ngữ \"Độc lập - Tự do - Hạnh phúc\"",
      en = "A state document headed \"ĐẢNG CỘNG SẢN VIỆT NAM\": it must carry the Quốc hiệu "
        .. "\"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\" and Tiêu ngữ \"Độc lập - Tự do - Hạnh phúc\"",
    },
    state_in_party = {
      vi = "Văn bản Đảng lại có Quốc hiệu \"{text}\": phải là tiêu đề \"ĐẢNG CỘNG SẢN VIỆT NAM\"",
      en = "A party document headed with the Quốc hiệu \"{text}\": it must carry \"ĐẢNG CỘNG SẢN VIỆT NAM\"",
    },
  },
  examples = {
    fail = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do và Hạnh phúc",
    pass = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
  },
  check = function(doc, report, ctx)
    local n = doc.national
    if not n then return end
    local fold, ocr = ctx.fold, doc.diacritics == false
    local motto_at = { line = n.motto_line or n.line, column = n.motto_column, end_line = n.motto_end_line,
      end_column = n.motto_end_column }
    local kind = n.kind or doc.family
    if doc.family == "state" and kind == "party" then
      return report { at = n, message = "party_in_state" }
    elseif doc.family == "party" and kind == "state" then
      return report { at = n, message = "state_in_party", data = { text = n.text or n.motto } }
    end
    if kind == "party" then
      if n.text and not same(fold, n.text, PARTY, ocr) then
        report { at = n, message = "party", data = { text = n.text } }
      end
      if n.motto then report { at = motto_at, message = "party_motto", data = { text = n.motto } } end
    elseif kind == "state" then
      if not n.text then
        report { at = motto_at, message = "no_quoc_hieu" }
      elseif not same(fold, n.text, QUOC_HIEU, ocr) then
        report { at = n, message = "quoc_hieu", data = { text = n.text } }
      end
      if not n.motto then
        if n.text then report { at = n, message = "no_tieu_ngu" } end
      elseif not same(fold, n.motto, TIEU_NGU, ocr) then
        report { at = motto_at, message = "tieu_ngu", data = { text = n.motto } }
      end
    end
  end,
}
