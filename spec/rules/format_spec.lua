-- luacheck: std +busted
-- format/font, format/size, format/style, format/page, format/margins,
-- format/alignment on synthetic models: a correct .docx state document
-- (formats as Phụ lục I of NĐ 30/2020 gives them) broken one property at
-- a time; the same rules say nothing on text and Markdown.
local docs = require "helpers.docs"

-- A format summary: Times New Roman 14 pt, upright, justified, then t.
local function F(t)
  local f = { font = "Times New Roman", fonts = { "Times New Roman" }, size = 14, bold = false, italic = false,
    underline = false, uppercase = false, align = "justify" }
  for k, v in pairs(t or {}) do f[k] = v end
  f.size_min, f.size_max = f.size_min or f.size, f.size_max or f.size
  return f
end

local CENTRE = "center"

-- A state công văn read from .docx, formatted by the book.
local function state()
  local d = docs.state()
  d.format = "docx"
  d.national.format = F { size = 12, bold = true, uppercase = true, align = CENTRE }
  d.national.motto_format = F { size = 13, bold = true, align = CENTRE }
  d.issuer.parent, d.issuer.parent_line, d.issuer.name_line = "ỦY BAN NHÂN DÂN", 1, 2
  d.issuer.parent_format = F { size = 13, uppercase = true, align = CENTRE }
  d.issuer.format = F { size = 13, bold = true, uppercase = true, align = CENTRE }
  d.number.format = F { size = 13, align = CENTRE }
  d.place_date.format = F { size = 13, italic = true, align = CENTRE }
  d.subject.format = F { size = 12, align = CENTRE }
  d.doc_type.format = d.subject.format
  d.addressees_format = F { align = CENTRE }
  for _, a in ipairs(d.addressees) do a.format = F { align = "left" } end
  for _, p in ipairs(d.paragraphs) do p.format = F {} end
  for _, it in ipairs(d.items) do it.format = F {} end
  local s = d.signature
  for _, a in ipairs(s.authority) do a.format = F { bold = true, uppercase = true, align = CENTRE } end
  s.format = F { bold = true, align = CENTRE }
  s.title_format = F { bold = true, uppercase = true, align = CENTRE }
  s.name_format = F { bold = true, align = CENTRE }
  d.recipients.format = F { size = 12, bold = true, italic = true, align = "left" }
  for _, r in ipairs(d.recipients.items) do r.format = F { size = 11, align = "left" } end
  d.recipients.archive.format = F { size = 11, align = "left" }
  local page = { line = 1, width = 210, height = 297, orientation = "portrait", table = true,
    margins = { top = 20, bottom = 20, left = 30, right = 15 } }
  d.page = page
  d.sections = { page }
  d.fonts = { { name = "Times New Roman", chars = 900, line = 1 } }
  return d
end

local function party()
  local d = docs.party()
  d.format = "docx"
  d.national.format = F { size = 15, bold = true, uppercase = true, align = CENTRE }
  d.issuer.format = F { size = 14, bold = true, uppercase = true, align = CENTRE }
  d.number.format = F { size = 14, align = CENTRE }
  for _, p in ipairs(d.paragraphs) do p.format = F { size = 15, align = "left" } end
  local page = { line = 1, width = 210, height = 297, orientation = "portrait", table = false,
    margins = { top = 25, bottom = 25, left = 35, right = 15 } }
  d.page, d.sections = page, { page }
  d.fonts = { { name = "Times New Roman", chars = 800, line = 1 } }
  return d
end

local IDS = { "format/font", "format/size", "format/style", "format/page", "format/margins", "format/alignment" }

local function run(id, doc, opts) return docs.run(id, doc, opts) end

describe("the format/* rules", function()
  for _, id in ipairs(IDS) do
    it(id .. " accepts a correct state document", function()
      assert.same({}, run(id, state()))
    end)
    it(id .. " accepts a correct party document (HD 36 sizes are not NĐ 30's)", function()
      assert.same({}, run(id, party()))
    end)
    it(id .. " says nothing on text or Markdown, even with stray fields", function()
      for _, fmt in ipairs { "text", "markdown" } do
        local d = state()
        d.format = fmt
        d.national.format.size = 20
        d.fonts[1].name = "Arial"
        d.page.width = 100
        d.page.margins.left = 5
        assert.same({}, run(id, d))
        assert.same({}, run(id, docs.state { format = fmt }))
      end
    end)
  end
end)

describe("format/font", function()
  local id = "format/font"

  it("reports each font that is not Times New Roman once, at its first line", function()
    local d = state()
    d.fonts = { { name = "Times New Roman", chars = 900, line = 1 }, { name = "Arial", chars = 120, line = 11 } }
    local f = run(id, d)
    assert.equal(1, #f)
    assert.equal("not_tnr", f[1].message_id)
    assert.equal(11, f[1].line)
    assert.equal("warning", f[1].severity)
    assert.truthy(f[1].message:find("\"Arial\" (120 ký tự, từ dòng 11)", 1, true), f[1].message)
  end)

  it("leaves symbol fonts alone", function()
    local d = state()
    d.fonts[2] = { name = "Wingdings", chars = 3, line = 12 }
    d.fonts[3] = { name = "Symbol", chars = 2, line = 13 }
    assert.same({}, run(id, d))
  end)

  it("reports legacy TCVN3/VNI fonts as errors, in both families", function()
    for _, build in ipairs { state, party } do
      local d = build()
      d.fonts = { { name = ".VnTime", chars = 500, line = 1 }, { name = "VNI-Times", chars = 10, line = 5 } }
      local f = run(id, d)
      assert.equal(2, #f)
      for _, x in ipairs(f) do
        assert.equal("legacy", x.message_id)
        assert.equal("error", x.severity)
      end
    end
  end)

  it("does not ask a party document for Times New Roman", function()
    local d = party()
    d.fonts[1].name = "Arial"
    assert.same({}, run(id, d))
  end)
end)

describe("format/size", function()
  local id = "format/size"
  local cases = {
    { "Quốc hiệu at 14", function(d) d.national.format = F { size = 14, bold = true, uppercase = true } end, 3,
      "Quốc hiệu: cỡ chữ 14, quy định 12–13 pt" },
    { "Tiêu ngữ at 12", function(d) d.national.motto_format = F { size = 12, bold = true } end, 4, "Tiêu ngữ" },
    { "the issuer at 14", function(d) d.issuer.format = F { size = 14, bold = true, uppercase = true } end, 2,
      "Tên cơ quan ban hành" },
    { "the number at 14", function(d) d.number.format = F { size = 14 } end, 5, "quy định 13 pt" },
    { "the date at 12,5", function(d) d.place_date.format = F { size = 12.5, italic = true } end, 7, "cỡ chữ 12,5" },
    { "a công văn's V/v at 14", function(d) d.subject.format = F { size = 14 } end, 6, "Trích yếu công văn" },
    { "mixed sizes in the name", function(d) d.signature.name_format = F { size = 14, size_max = 16, bold = true } end,
      20, "cỡ chữ 14–16" },
    { "Nơi nhận at 14", function(d) d.recipients.format = F { size = 14, bold = true, italic = true } end, 14,
      "quy định 12 pt" },
    { "the recipient list at 12", function(d)
      for _, r in ipairs(d.recipients.items) do r.format = F { size = 12 } end
    end, 15, "2 đoạn cỡ chữ 12" },
    { "the body at 12", function(d) d.paragraphs[1].format = F { size = 12 } end, 11, "Nội dung văn bản: 1 đoạn" },
  }
  for _, c in ipairs(cases) do
    it("reports " .. c[1], function()
      local d = state()
      c[2](d)
      local f = run(id, d)
      assert.equal(1, #f)
      assert.equal(c[3], f[1].line)
      assert.truthy(f[1].message:find(c[4], 1, true), f[1].message)
    end)
  end

  it("gives a typed document's trích yếu 13–14", function()
    local d = state()
    d.doc_type = { name = "KẾ HOẠCH", code = "ke-hoach", line = 6, format = F { size = 14, bold = true } }
    d.subject = { text = "Triển khai chuyển đổi số", line = 7, format = F { size = 12, bold = true } }
    local f = run(id, d)
    assert.equal(1, #f)
    assert.truthy(f[1].message:find("Trích yếu nội dung: cỡ chữ 12, quy định 13–14", 1, true))
  end)

  it("speaks English", function()
    local d = state()
    d.number.format = F { size = 14 }
    assert.equal("Number and symbol: 14 pt; the norm gives 13 pt", run(id, d, { lang = "en" })[1].message)
  end)
end)

describe("format/style", function()
  local id = "format/style"
  local cases = {
    { "a Quốc hiệu not bold", function(d) d.national.format.bold = false end, "Quốc hiệu chưa in đậm" },
    { "a Quốc hiệu bold in part", function(d) d.national.format.bold = nil end, "Quốc hiệu chưa in đậm" },
    { "a Quốc hiệu not in capitals", function(d) d.national.format.uppercase = false end, "chưa viết in hoa" },
    { "a Tiêu ngữ in capitals", function(d) d.national.motto_format.uppercase = true end,
      "không viết in hoa toàn bộ" },
    { "a bold parent body", function(d) d.issuer.parent_format.bold = true end, "không được in đậm" },
    { "an italic number", function(d) d.number.format.italic = true end, "phải là chữ đứng" },
    { "an upright date", function(d) d.place_date.format.italic = false end, "chưa in nghiêng" },
    { "a bold V/v", function(d) d.subject.format.bold = true end, "Trích yếu công văn không được in đậm" },
    { "an italic body paragraph", function(d) d.paragraphs[1].format.italic = true end, "Nội dung văn bản: 1 đoạn" },
    { "a signer's name in capitals", function(d) d.signature.name_format.uppercase = true end, "Họ tên người ký" },
    { "an authority line not bold", function(d) d.signature.authority[2].format.bold = false end,
      "Quyền hạn của người ký: 1 đoạn chưa in đậm" },
    { "Nơi nhận upright", function(d) d.recipients.format.italic = false end, "Từ \"Nơi nhận\" chưa in nghiêng" },
  }
  for _, c in ipairs(cases) do
    it("reports " .. c[1], function()
      local d = state()
      c[2](d)
      local f = run(id, d)
      assert.equal(1, #f)
      assert.truthy(f[1].message:find(c[3], 1, true), f[1].message)
    end)
  end

  it("lists every problem of an element in one finding", function()
    local d = state()
    d.issuer.format = F { size = 13, bold = false, italic = true, uppercase = false }
    local f = run(id, d)
    assert.equal(1, #f)
    assert.equal(2, f[1].line)
    assert.truthy(f[1].message:find("chưa viết in hoa, chưa in đậm, phải là chữ đứng, không in nghiêng", 1, true))
  end)

  it("accepts an emphasised phrase inside a body paragraph", function()
    local d = state()
    d.paragraphs[1].format.italic = nil
    d.paragraphs[1].format.bold = nil
    assert.same({}, run(id, d))
  end)

  it("asks a Căn cứ paragraph for italics", function()
    local d = state()
    d.paragraphs[2] = { text = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", line = 12,
      format = F {} }
    local f = run(id, d)
    assert.equal(1, #f)
    assert.truthy(f[1].message:find("Căn cứ ban hành", 1, true))
    d.paragraphs[2].format.italic = true
    assert.same({}, run(id, d))
  end)
end)

describe("format/page", function()
  local id = "format/page"

  it("reports a page that is not A4", function()
    local d = state()
    d.page.width, d.page.height = 215.9, 279.4
    local f = run(id, d)
    assert.equal(1, #f)
    assert.equal("size", f[1].message_id)
    assert.truthy(f[1].message:find("215,9 x 279,4 mm", 1, true))
  end)

  it("allows a landscape section holding a table, not one without", function()
    local d = state()
    d.sections[2] = { line = 30, width = 297, height = 210, orientation = "landscape", table = true }
    assert.same({}, run(id, d))
    d.sections[2].table = false
    local f = run(id, d)
    assert.equal(1, #f)
    assert.equal("landscape", f[1].message_id)
    assert.equal(30, f[1].line)
  end)

  it("accepts A5 for a party document, not Letter", function()
    local d = party()
    d.page.width, d.page.height = 148, 210
    assert.same({}, run(id, d))
    d.page.width, d.page.height = 215.9, 279.4
    assert.equal("party_size", run(id, d)[1].message_id)
  end)

  it("says nothing when the size is not given", function()
    local d = state()
    d.page.width, d.page.height = nil, nil
    assert.same({}, run(id, d))
  end)
end)

describe("format/margins", function()
  local id = "format/margins"

  it("accepts the bounds of each range", function()
    local d = state()
    d.page.margins = { top = 25, bottom = 20, left = 35, right = 20 }
    assert.same({}, run(id, d))
  end)

  it("names every margin out of range in one finding per section", function()
    local d = state()
    d.page.margins = { top = 15, bottom = 20, left = 25.4, right = 14.9 }
    local f = run(id, d)
    assert.equal(1, #f)
    assert.equal("Lề trang chưa đúng (từ dòng 1): lề trên 15 mm (quy định 20–25 mm); lề trái 25,4 mm (quy định "
      .. "30–35 mm); lề phải 14,9 mm (quy định 15–20 mm)", f[1].message)
  end)
end)

describe("format/alignment", function()
  local id = "format/alignment"

  it("asks for the Tiêu ngữ centred", function()
    local d = state()
    d.national.motto_format.align = "left"
    local f = run(id, d)
    assert.equal(1, #f)
    assert.equal(4, f[1].line)
    assert.equal("Tiêu ngữ đang căn trái: quy định canh giữa", f[1].message)
  end)

  it("asks for long body paragraphs justified, in one finding", function()
    local d = state()
    d.paragraphs[1].format.align = "left"
    local f = run(id, d)
    assert.equal(1, #f)
    assert.equal(11, f[1].line)
    assert.truthy(f[1].message:find("1 đoạn căn trái", 1, true))
  end)

  it("leaves short paragraphs and headings in capitals alone", function()
    local d = state()
    d.paragraphs[2] = { text = "Trân trọng./.", line = 13, format = F { align = "left" } }
    d.paragraphs[3] = { text = string.rep("MỤC ĐÍCH, YÊU CẦU ", 6), line = 14,
      format = F { align = CENTRE, uppercase = true } }
    assert.same({}, run(id, d))
  end)

  it("wants Nơi nhận at the left margin", function()
    local d = state()
    d.recipients.format.align = "justify"
    assert.same({}, run(id, d))
    d.recipients.format.align = CENTRE
    assert.equal(1, #run(id, d))
  end)
end)
