-- luacheck: std +busted
-- .docx documents through the Lua module: the model and its formatting,
-- the format/* rules on generated documents (one defect each), the seeds
-- as .docx against their .txt form, a Word table layout against its text
-- form, and bad packages. The fixtures are made by spec/docx/make_fixtures.py
-- (CTest runs it first and sets VB_DOCX_FIXTURES); without them the specs
-- are pending.
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "build/lib/?.so;" .. package.cpath

local ok_vb, vb = pcall(require, "vbcheck")
local DIR = os.getenv("VB_DOCX_FIXTURES") or "build/docx-fixtures"

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

local have = ok_vb and exists(DIR .. "/state-ok.docx")
local describe_docx = have and describe or pending

local cache = {}
local function parsed(name)
  if not cache[name] then cache[name] = assert(vb.parse_file(DIR .. "/" .. name)) end
  return cache[name]
end

local function check(doc, opts)
  opts = opts or {}
  opts.today = opts.today or "2021-12-31"
  local out = vb.check(doc, opts)
  for _, f in ipairs(out) do assert.are_not.equal("rule/error", f.rule, f.message) end
  return out
end

-- The format/* rule ids that fired, sorted, without repetition.
local function format_ids(findings)
  local seen, ids = {}, {}
  for _, f in ipairs(findings) do
    if f.rule:sub(1, 7) == "format/" and not seen[f.rule] then
      seen[f.rule] = true
      ids[#ids + 1] = f.rule
    end
  end
  table.sort(ids)
  return ids
end

describe_docx("a .docx state document", function()
  local doc
  setup(function() doc = parsed("state-ok.docx") end)

  it("is read into the same model as text", function()
    assert.equal("docx", doc.format)
    assert.equal("state", doc.family)
    assert.equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", doc.national.text)
    assert.equal("Độc lập - Tự do - Hạnh phúc", doc.national.motto)
    assert.equal("SỞ Y TẾ", doc.issuer.name)
    assert.equal("UBND TỈNH LAI CHÂU", doc.issuer.parent)
    assert.equal("125/SYT-NVY", doc.number.symbol)
    assert.equal("2021-06-05", doc.place_date.iso)
    assert.equal("cong-van", doc.doc_type.code)
    assert.equal(2, #doc.addressees)
    assert.equal(2, #doc.items)
    assert.equal("1.", doc.items[1].label)
    assert.equal("Nguyễn Văn An", doc.signature.name)
    assert.equal("KT.", doc.signature.authority[1].prefix)
    assert.equal("Lưu: VT, NVY.", doc.recipients.archive.text)
  end)

  it("numbers lines as paragraphs, table rows zipped cell by cell", function()
    assert.equal("UBND TỈNH LAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", doc.lines[1])
    assert.equal(1, doc.national.line)
    assert.equal(2, doc.national.motto_line)
    assert.equal(2, doc.issuer.name_line)
    assert.equal(1, doc.issuer.parent_line)
    assert.equal(17, doc.signature.name_line)
  end)

  it("gives each element its formatting", function()
    local qh = doc.national.format
    assert.same({ "Times New Roman" }, qh.fonts)
    assert.equal("Times New Roman", qh.font)
    assert.equal(12, qh.size)
    assert.is_true(qh.bold)
    assert.is_false(qh.italic)
    assert.is_true(qh.uppercase) -- written lower case with w:caps
    assert.equal("center", qh.align)
    assert.equal(13, doc.national.motto_format.size)
    assert.is_false(doc.national.motto_format.uppercase)
    assert.is_true(doc.issuer.format.bold)
    assert.is_false(doc.issuer.parent_format.bold)
    assert.is_true(doc.place_date.format.italic)
    assert.equal(12, doc.subject.format.size)
    assert.equal("justify", doc.paragraphs[1].format.align)
    assert.equal(14, doc.paragraphs[1].format.size)
    assert.equal(14, doc.items[1].format.size)
    assert.is_true(doc.signature.name_format.bold)
    assert.is_false(doc.signature.name_format.uppercase)
    assert.is_true(doc.signature.title_format.uppercase)
    assert.is_true(doc.recipients.format.italic)
    assert.equal(11, doc.recipients.items[1].format.size)
  end)

  it("says when a property covers only part of an element", function()
    local p = doc.paragraphs[1].format -- "... (sao gửi kèm theo) ..." in italics
    assert.is_nil(p.italic)
    assert.same({ "italic" }, p.mixed)
    local item = doc.items[1].format -- "Sở Y tế" in the Strong character style
    assert.is_nil(item.bold)
    assert.same({ "bold" }, item.mixed)
    assert.is_nil(doc.national.format.mixed)
  end)

  it("gives the page set-up in millimetres", function()
    assert.same({ line = 1, width = 210, height = 297, orientation = "portrait", table = true,
      margins = { top = 20, bottom = 20, left = 30, right = 15 } }, doc.page)
    assert.equal(1, #doc.sections)
    assert.equal(1, #doc.fonts)
    assert.equal("Times New Roman", doc.fonts[1].name)
  end)

  it("has no finding at all", function()
    assert.same({}, check(doc))
  end)

  it("carries the paragraph's text in its findings", function()
    local f = check(parsed("defect-style.docx"))
    assert.equal(1, #f)
    assert.equal("UBND TỈNH LAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f[1].context)
  end)
end)

describe_docx("the format/* rules on generated documents", function()
  it("find nothing in a correct party document (HD 36 sizes)", function()
    local doc = parsed("party-ok.docx")
    assert.equal("party", doc.family)
    assert.same({}, format_ids(check(doc)))
  end)

  local defects = {
    { "defect-font.docx", "format/font", 9, "Arial" },
    { "defect-size.docx", "format/size", 9, "12" },
    { "defect-style.docx", "format/style", 1, "Quốc hiệu" },
    { "defect-page.docx", "format/page", 1, "215,9 x 279,4" },
    { "defect-margins.docx", "format/margins", 1, "lề trái 20 mm" },
    { "defect-alignment.docx", "format/alignment", 9, "căn trái" },
  }
  for _, d in ipairs(defects) do
    it(d[2] .. " fires alone on " .. d[1], function()
      local f = check(parsed(d[1]))
      assert.same({ d[2] }, format_ids(f))
      local hit
      for _, x in ipairs(f) do if x.rule == d[2] then hit = x end end
      assert.equal(d[3], hit.line)
      assert.truthy(hit.message:find(d[4], 1, true), hit.message)
      assert.equal("warning", hit.severity)
    end)
  end

  it("reports a legacy font in a party document as an error", function()
    local f = check(parsed("party-legacy-font.docx"))
    assert.same({ "format/font" }, format_ids(f))
    assert.equal("error", f[1].severity)
    assert.truthy(f[1].message:find(".VnTime", 1, true))
  end)

  it("speak English with lang en", function()
    local f = check(parsed("defect-margins.docx"), { lang = "en" })
    assert.truthy(f[1].message:find("left 20 mm (30–35 mm)", 1, true), f[1].message)
  end)
end)

describe_docx("the seeds as .docx", function()
  local seeds = { "000_ae572a1d7cc66a6d", "001_794841c1d5532eea", "002_161b9cd3f6c97b82", "003_801a75eec3dce3ad",
    "004_bdcb37579fc0a953" }
  -- rule id -> count, format/* left out
  local function counts(findings)
    local c = {}
    for _, f in ipairs(findings) do
      if f.rule:sub(1, 7) ~= "format/" then c[f.rule .. "@" .. f.line] = (c[f.rule .. "@" .. f.line] or 0) + 1 end
    end
    return c
  end
  for _, name in ipairs(seeds) do
    it(name .. " gives the findings of its .txt form, on the same lines", function()
      local txt = assert(vb.parse_file("spec/fixtures/seeds/" .. name .. ".txt"))
      local docx = parsed("seeds/" .. name .. ".docx")
      assert.same(txt.lines, docx.lines)
      assert.same(counts(check(txt)), counts(check(docx)))
    end)
  end
end)

describe_docx("a Word table layout", function()
  it("reads like its text form (issuer | national, Nơi nhận | signature)", function()
    local txt = assert(vb.parse_file("spec/fixtures/layouts/word-table.txt"))
    local docx = parsed("word-table.docx")
    assert.same(txt.lines, docx.lines)
    for _, k in ipairs { "national", "issuer", "number", "place_date", "doc_type", "subject", "signature",
      "recipients" } do
      local a, b = txt[k], docx[k]
      assert.equal(a.line, b.line, k)
      assert.equal(a.column, b.column, k)
      assert.equal(a.text or a.name or a.raw, b.text or b.name or b.raw, k)
    end
    assert.equal(txt.signature.name, docx.signature.name)
    assert.equal(#txt.recipients.items, #docx.recipients.items)
  end)

  it("keeps a multi-line element to its own column", function()
    local docx = parsed("word-table.docx")
    -- the signature's lines share rows with the Nơi nhận list; its format
    -- counts only the right column (the list is not bold, nor is this)
    assert.is_nil(docx.signature.format.mixed)
  end)
end)

describe_docx("a document made with python-docx", function()
  local path = DIR .. "/python-docx.docx"
  local it_has = exists(path) and it or pending
  it_has("is read with Word's own template (theme fonts, styles)", function()
    local doc = assert(vb.parse_file(path))
    assert.equal("state", doc.family)
    assert.equal("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", doc.issuer.name)
    assert.equal(14, doc.paragraphs[1].format.size)
    assert.equal("justify", doc.paragraphs[1].format.align)
    local ids = format_ids(check(doc))
    assert.truthy(#ids > 0)
  end)
end)

describe_docx("bad packages", function()
  local cases = {
    { "corrupt.docx", "tệp .docx bị hỏng", "damaged .docx" },
    { "not-zip.docx", "không phải gói nén ZIP", "not a readable zip" },
    { "empty.docx", "không phải gói nén ZIP", "not a readable zip" },
    { "bomb.docx", "zip bomb", "zip bomb" },
    { "bomb-ratio.docx", "zip bomb", "zip bomb" },
    { "no-document.docx", "thiếu phần nội dung chính", "no main document part" },
    { "xxe.docx", "XXE", "XXE" },
    { "billion-laughs.docx", "billion laughs", "billion-laughs" },
    { "malformed-xml.docx", "XML sai cú pháp", "malformed XML" },
    { "encrypted.docx", "bảo vệ bằng mật khẩu", "password-protected" },
    { "legacy-doc.docx", "định dạng cũ (.doc", "old binary Word document (.doc)" },
  }
  for _, c in ipairs(cases) do
    it(c[1] .. ": a clear message, no model", function()
      local doc, msg, code = vb.parse_file(DIR .. "/bad/" .. c[1])
      assert.is_nil(doc)
      assert.equal("EFORMAT", code)
      assert.truthy(msg:find(c[2], 1, true), msg)
      local _, en = vb.parse_file(DIR .. "/bad/" .. c[1], { lang = "en" })
      assert.truthy(en:find(c[3], 1, true), en)
    end)
  end

  it("never resolves an external entity", function()
    local _, msg = vb.parse_file(DIR .. "/bad/xxe.docx")
    assert.falsy(msg:find("root:", 1, true))
  end)
end)

describe("the format/* rules on text", function()
  local it_core = ok_vb and it or pending
  it_core("say nothing about a text or Markdown document", function()
    for _, path in ipairs { "spec/fixtures/layouts/word-table.txt", "spec/fixtures/layouts/markdown.md",
      "examples/cong-van-so-y-te.txt" } do
      local doc = assert(vb.parse_file(path))
      assert.is_nil(doc.page)
      assert.is_nil(doc.national and doc.national.format)
      assert.same({}, format_ids(check(doc)))
      for _, f in ipairs(check(doc)) do assert.is_nil(f.context) end
    end
  end)
end)
