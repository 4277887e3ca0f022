-- luacheck: std +busted
-- text/ocr-suspect, text/encoding, text/confusable: rules over doc.lines
local docs = require "helpers.docs"

describe("text/ocr-suspect", function()
  local id = "text/ocr-suspect"

  it("stays silent on typed text, units, times, codes and article numbers", function()
    assert.same({}, docs.run(id, docs.state()))
    local doc = docs.party()
    docs.with_lines(doc, { [11] = "Diện tích 100m2, 25km, lúc 14h30, ca F0, H5N1 và Covid19 theo Điều 12a;",
      [12] = "- Lưu: VT, VX1, TH5; Km12+300 đến Km15+200 và Km20." })
    assert.same({}, docs.run(id, doc))
  end)

  it("reports text that lost its diacritics", function()
    local f = docs.run(id, docs.party { diacritics = false })
    assert.same({ 1, "lost", 1, "warning" }, { #f, f[1].message_id, f[1].line, f[1].severity })
  end)

  it("reports words broken by digits once, with a count and the first one's position", function()
    local doc = docs.state()
    docs.with_lines(doc, { [12] = "1. Sở Y tế chủ trì, phối hợp vo1 các cơ quan",
      [13] = "Thông báo s6 10 và d6ng thời" })
    local f = docs.run(id, doc)
    assert.equal(1, #f)
    assert.same({ "broken", 12, 30, 33 }, { f[1].message_id, f[1].line, f[1].column, f[1].end_column })
    assert.truthy(f[1].message:find("3 từ lẫn chữ số (ví dụ \"vo1\", \"s6\", \"d6ng\")", 1, true), f[1].message)
  end)

  it("needs more than a couple of such words in typed text", function()
    local doc = docs.state()
    docs.with_lines(doc, { [12] = "vo1 và s6" })
    assert.same({}, docs.run(id, doc))
  end)

  it("names both signals of OCR output", function()
    local doc = docs.party { diacritics = false }
    docs.with_lines(doc, { [11] = "Trong thoi gian qua, vo1 sy lanh dao, d6ng 1ong cua cac ting 16p" })
    local f = docs.run(id, doc, { lang = "en" })
    assert.same({ "both", 11 }, { f[1].message_id, f[1].line })
    assert.truthy(f[1].message:find("diacritics lost and 3 words", 1, true), f[1].message)
  end)
end)

describe("text/encoding", function()
  local id = "text/encoding"
  local function run(lines, over)
    local doc = docs.state(over)
    docs.with_lines(doc, lines)
    return docs.run(id, doc)
  end

  it("stays silent on clean Unicode, quotes after Ã, trademarks and foreign names", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party()))
    assert.same({}, run { [11] = "UBND “CẤP XÃ” và XÃ HỘI; phần mềm Microsoft® Word; ông Müller (CHLB Đức)" })
    assert.same({}, run { [11] = "Ðảng ủy và Ðoàn thanh niên" }) -- a wrong Đ is text/confusable's
  end)

  it("does not take a stray OCR symbol for a legacy font", function()
    local ocr = { [11] = "ngay bén canh tinh ta cac tinh Lao Cai cling da phat hi¢n ca" }
    assert.same({}, run(ocr, { diacritics = false }))
  end)

  local cases = {
    { "a replacement character", "Vi\u{FFFD}t Nam", "replacement", 1, "Vi\u{FFFD}t" },
    { "UTF-8 read as Windows-1252", "Cộng hòa Viá»‡t Nam", "mojibake", 10, "Viá»‡t" },
    { "UTF-8 read as Latin-1 (đ)", "Ä‘á»“ng chí", "mojibake", 1, "Ä‘á»“ng" },
    { "C1 control characters", "Vi\u{81}t", "mojibake", 1, "Vi\u{81}t" },
    { "TCVN3 (.VnTime) text", "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "legacy", 6, "hoµ" },
    { "VNI text", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "legacy", 1, "Coäng" },
  }
  for _, c in ipairs(cases) do
    it("reports " .. c[1] .. " with the word and its column", function()
      local f = run { [11] = c[2] }
      assert.equal(1, #f)
      assert.same({ "error", c[3], 11 }, { f[1].severity, f[1].message_id, f[1].line })
      assert.same({ c[4], c[4] + utf8.len(c[5]) }, { f[1].column, f[1].end_column })
      assert.truthy(f[1].message:find("\"" .. c[5] .. "\"", 1, true), f[1].message)
    end)
  end

  it("reports a short legacy line when the document has many", function()
    local lines = {}
    for n = 11, 16 do lines[n] = "ViÖt Nam" end
    assert.equal(6, #run(lines))
  end)

  it("caps the findings and counts the rest", function()
    local lines = {}
    for n = 1, 25 do lines[n] = "Viá»‡t Nam" end
    local f = run(lines)
    assert.equal(21, #f)
    assert.same({ "more", 21 }, { f[21].message_id, f[21].line })
    assert.truthy(f[21].message:find("Còn 5 dòng khác", 1, true))
  end)
end)

describe("text/confusable", function()
  local id = "text/confusable"
  local function run(line, opts)
    local doc = docs.state()
    docs.with_lines(doc, { [11] = line })
    return docs.run(id, doc, opts)
  end

  it("stays silent on Vietnamese text and on whole Cyrillic or Greek words", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party()))
    assert.same({}, run "Đoàn công tác thăm Москва; hệ số α = 0,5; liều 50μg")
  end)

  it("reports a Cyrillic letter inside a Latin word at its code-point column", function()
    local f = run "Việt Nаm"
    assert.equal(1, #f)
    assert.same({ "warning", "script", 11, 7, 8 }, { f[1].severity, f[1].message_id, f[1].line, f[1].column,
      f[1].end_column })
    assert.equal("Ký tự \"а\" (U+0430, chữ Kirin) trong từ \"Nаm\" trông giống chữ \"a\": gõ lại bằng chữ Latinh",
      f[1].message)
  end)

  it("reports Greek look-alikes and names the script in English", function()
    local f = run("Hοà Bình", { lang = "en" })
    assert.same({ 2 }, { f[1].column })
    assert.truthy(f[1].message:find("(U+03BF, Greek)", 1, true), f[1].message)
  end)

  it("reports each occurrence", function()
    assert.equal(3, #run "Sở Y tế, Công аn tỉnh, Ủy bаn nhân dân сác huyện")
  end)

  it("reports ƣ for ư and eth for Đ", function()
    local f = run "Thƣờng trực Ðảng ủy"
    assert.equal(2, #f)
    assert.same({ "letter", 3, "letter", 13 }, { f[1].message_id, f[1].column, f[2].message_id, f[2].column })
    assert.truthy(f[1].message:find("dùng \"ư\"", 1, true))
    assert.truthy(f[2].message:find("dùng \"Đ\"", 1, true))
  end)

  it("reports a Cyrillic letter without a Latin twin as mixed script", function()
    local f = run "Việt Nдm"
    assert.equal("mixed", f[1].message_id)
  end)
end)
