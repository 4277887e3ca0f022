-- luacheck: std +busted
-- `vbcheck check` and `vbcheck parse` on .docx: findings with the
-- paragraph's text, bad packages reported with exit 2 while the other
-- files are still checked. Fixtures from spec/docx/make_fixtures.py.
local bin = os.getenv("VBCHECK_BIN") or "build/vbcheck"
local DIR = os.getenv("VB_DOCX_FIXTURES") or "build/docx-fixtures"
local dkjson = require "dkjson"

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

local function run(args)
  local p = io.popen(bin .. " " .. args .. " 2>&1; echo \"::$?\"")
  local out = p:read("a")
  p:close()
  local body, code = out:match("^(.-)::(%d+)%s*$")
  return body, tonumber(code)
end

local describe_docx = exists(DIR .. "/state-ok.docx") and describe or pending

describe_docx("vbcheck on .docx", function()
  it("reports formatting findings with the paragraph's text", function()
    local out, code = run("check --no-color " .. DIR .. "/defect-style.docx")
    assert.equal(0, code) -- warnings only
    assert.truthy(out:find("defect-style.docx:1:22: warning: Quốc hiệu chưa in đậm (quy định: in hoa, đứng, đậm) — "
      .. "\"UBND TỈNH LAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\" [format/style]", 1, true), out)
  end)

  it("shortens a long paragraph's text", function()
    local out = run("check --no-color " .. DIR .. "/defect-size.docx")
    assert.truthy(out:find("— \"Thực hiện Thông báo số 137/TB-VPCP ngày 30/5/2021 của Văn ph…\" [format/size]", 1,
      true), out)
  end)

  it("checks the other files when one cannot be read, and exits 2", function()
    local out, code = run("check --no-color " .. DIR .. "/bad/xxe.docx " .. DIR .. "/defect-margins.docx "
      .. DIR .. "/bad/legacy-doc.docx spec/fixtures/seeds/002_161b9cd3f6c97b82.txt")
    assert.equal(2, code)
    assert.truthy(out:find("xxe.docx: lỗi: từ chối tệp .docx", 1, true), out)
    assert.truthy(out:find("legacy-doc.docx: lỗi: văn bản Word định dạng cũ (.doc", 1, true), out)
    assert.truthy(out:find("[format/margins]", 1, true), out)
    assert.truthy(out:find("[number/blank]", 1, true), out)
    assert.truthy(out:find("Đã kiểm tra 4 tệp", 1, true), out)
    assert.truthy(out:find("2 tệp không đọc được", 1, true), out)
  end)

  it("puts the context and the error in the JSON report", function()
    local out, code = run("check --format json " .. DIR .. "/defect-page.docx " .. DIR .. "/bad/bomb.docx")
    assert.equal(2, code)
    local rep = assert(dkjson.decode(out))
    local f = rep.files[1].findings[1]
    assert.equal("format/page", f.rule)
    assert.equal("UBND TỈNH LAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f.context)
    assert.truthy(rep.files[2].error.message:find("zip bomb", 1, true))
    assert.equal(1, rep.summary.unreadable)
  end)

  it("speaks English with --lang en", function()
    local out, code = run("check --lang en --no-color " .. DIR .. "/bad/encrypted.docx " .. DIR
      .. "/defect-alignment.docx")
    assert.equal(2, code)
    assert.truthy(out:find("password-protected", 1, true), out)
    assert.truthy(out:find("Body text: 3 paragraph(s) left-aligned, not justified", 1, true), out)
  end)

  it("prints the model with formatting and the page", function()
    local out, code = run("parse --format json " .. DIR .. "/state-ok.docx")
    assert.equal(0, code)
    local doc = assert(dkjson.decode(out))
    assert.equal("docx", doc.format)
    assert.equal(12, doc.national.format.size)
    assert.equal(true, doc.national.format.bold)
    assert.equal(297, doc.page.height)
    assert.equal(30, doc.page.margins.left)
  end)

  it("walks folders for .docx", function()
    local out = run("check --no-color -q " .. DIR .. "/seeds")
    for _, n in ipairs { "000", "001", "002", "003", "004" } do
      assert.truthy(out:find("seeds/" .. n .. "_[%x]+%.docx:%d+:%d+:"), n)
    end
  end)
end)
