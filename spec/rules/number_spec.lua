-- luacheck: std +busted
-- number/missing, number/blank, number/malformed, number/type-mismatch
local docs = require "helpers.docs"
local none = docs.none

describe("number/missing", function()
  local id = "number/missing"

  it("stays silent when there is a number", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party()))
  end)

  it("reports a missing number with the family's form", function()
    local f = docs.run(id, docs.state { number = none })
    assert.same({ 1, "error" }, { f[1].line, f[1].severity })
    assert.truthy(f[1].message:find("Số: 12/QĐ-UBND", 1, true))
    f = docs.run(id, docs.party { number = none })
    assert.truthy(f[1].message:find("Số 12-CV/TU", 1, true))
  end)
end)

describe("number/blank", function()
  local id = "number/blank"
  local blank_state = { number = { raw = "Số:      /UBND-VX", seq = none, symbol = "UBND-VX" } }
  local blank_party = { number = { raw = "Số    -CV/TU", seq = none, symbol = "CV/TU" } }

  it("stays silent on a numbered document", function()
    assert.same({}, docs.run(id, docs.state(), { stage = "issued" }))
    assert.same({}, docs.run(id, docs.party(), { stage = "issued" }))
  end)

  it("is an info in a draft and an error in an issued document", function()
    local f = docs.run(id, docs.state(blank_state))
    assert.same({ "info", "draft", 5 }, { f[1].severity, f[1].message_id, f[1].line })
    assert.truthy(f[1].message:find("\"Số:      /UBND-VX\"", 1, true))
    f = docs.run(id, docs.state(blank_state), { stage = "issued" })
    assert.same({ "error", "issued" }, { f[1].severity, f[1].message_id })
    assert.truthy(f[1].message:find("\"Số: 12/UBND-VX\"", 1, true))
  end)

  it("shows the party form to an issued party document", function()
    local f = docs.run(id, docs.party(blank_party), { stage = "issued" })
    assert.truthy(f[1].message:find("\"Số 12-CV/TU\"", 1, true), f[1].message)
  end)
end)

describe("number/malformed", function()
  local id = "number/malformed"
  local cases = {
    -- name, builder, number override, reported?, a phrase of the message
    { "the state form", docs.state, {}, false },
    { "a state number without colon", docs.state, { colon = false, raw = "Số 125/UBND-VX" }, true, "hai chấm" },
    { "a state number in the party form", docs.state, { form = "party", symbol = "125-UBND/VX" }, true, "\"/\"" },
    { "a state number without separator", docs.state, { form = none, symbol = "125" }, true, "thiếu dấu \"/\"" },
    { "a state number under 10 without its zero", docs.state, { seq = 5, symbol = "5/UBND-VX" }, true, "\"05\"" },
    { "a state number under 10 with its zero", docs.state, { seq = 5, symbol = "05/UBND-VX" }, false },
    { "state symbol groups joined by /", docs.state, { symbol = "125/QĐ/UBND" }, true, "dấu \"-\"" },
    { "a normative number with its year", docs.state, { seq = 666, symbol = "666/2015/QĐ-UBND", year = 2015 },
      false },
    { "a blank state number", docs.state, { seq = none, symbol = "UBND-VX" }, false },
    { "the party form", docs.party, {}, false },
    { "a party number with a colon", docs.party, { colon = true, raw = "Số: 325-CV/TU" }, true,
      "không có dấu hai chấm" },
    { "a party number in the state form", docs.party, { form = "state", symbol = "325/CV-TU" }, true, "dấu \"-\"" },
    { "a party number without issuer code", docs.party, { symbol = "325-CV", issuer_code = none }, true,
      "mã cơ quan" },
    { "a blank party number", docs.party, { seq = none, symbol = "CV/TU" }, false },
  }
  for _, c in ipairs(cases) do
    it((c[4] and "reports " or "accepts ") .. c[1], function()
      local f = docs.run(id, c[2] { number = c[3] })
      assert.equal(c[4] and 1 or 0, #f)
      if c[4] then
        assert.equal("warning", f[1].severity)
        assert.truthy(f[1].message:find(c[5], 1, true), f[1].message)
      end
    end)
  end

  it("lists every fault of the brief's example in one finding", function()
    local f = docs.run(id, docs.party { number = { raw = "Số: 12/QĐ-UBND", colon = true, form = "state",
      symbol = "12/QĐ-UBND" } })
    assert.equal(1, #f)
    assert.equal("Số, ký hiệu \"Số: 12/QĐ-UBND\" của văn bản Đảng phải theo mẫu \"Số 12-CV/TU\": văn bản Đảng không "
      .. "có dấu hai chấm sau \"Số\"; giữa số và mã loại văn bản phải là dấu \"-\" (dấu \"/\" là mẫu văn bản nhà "
      .. "nước)", f[1].message)
  end)

  it("does not judge a document of unknown family", function()
    assert.same({}, docs.run(id, docs.state { family = "unknown", number = { colon = false } }))
  end)

  it("speaks English", function()
    local f = docs.run(id, docs.state { number = { colon = false } }, { lang = "en" })
    assert.truthy(f[1].message:find("no colon after", 1, true))
  end)
end)

describe("number/type-mismatch", function()
  local id = "number/type-mismatch"
  local chi_thi = { code = "chi-thi", name = "CHỈ THỊ" }
  local cases = {
    -- name, builder, overrides, expected code or false
    { "a QĐ number on a Chỉ thị", docs.state, { number = { type_code = "QĐ" }, doc_type = chi_thi }, "CT" },
    { "a CT number on a Chỉ thị", docs.state, { number = { type_code = "CT" }, doc_type = chi_thi }, false },
    { "a QyĐ number on a Quyết định", docs.state,
      { number = { type_code = "QyĐ" }, doc_type = { code = "quyet-dinh" } }, "QĐ" },
    { "a QĐi number on a state Quy định", docs.state,
      { number = { type_code = "QĐi" }, doc_type = { code = "quy-dinh" } }, false },
    { "a state công văn whose issuer looks like a type code (Cục Thuế: CT)", docs.state,
      { number = { type_code = "CT" } }, false },
    { "a CV number on a party Thông báo", docs.party, { doc_type = { code = "thong-bao" } }, "TB" },
    { "a TB number on a party công văn", docs.party, { number = { type_code = "TB" } }, "CV" },
    { "a QĐ number on a party Quy định", docs.party,
      { number = { type_code = "QĐ" }, doc_type = { code = "quy-dinh" } }, false },
    { "a QĐi number on a party Quy định", docs.party,
      { number = { type_code = "QĐi" }, doc_type = { code = "quy-dinh" } }, false },
    { "a code outside the table (BS)", docs.party, { number = { type_code = "BS" } }, false },
    { "a document of unknown type", docs.party, { doc_type = { code = "unknown" } }, false },
    { "a party document with no type code", docs.party, { number = { type_code = none } }, false },
  }
  for _, c in ipairs(cases) do
    it((c[4] and "reports " or "accepts ") .. c[1], function()
      local f = docs.run(id, c[2](c[3]))
      assert.equal(c[4] and 1 or 0, #f)
      if c[4] then
        assert.equal("warning", f[1].severity)
        assert.truthy(f[1].message:find("phải là \"" .. c[4] .. "\"", 1, true), f[1].message)
      end
    end)
  end

  it("reads OCR codes that lost the bar of Đ", function()
    local function ocr(code, type_code)
      return docs.run(id, docs.party { diacritics = false, number = { type_code = code },
        doc_type = { code = type_code } })
    end
    assert.equal(0, #ocr("QD", "quyet-dinh"))
    assert.equal(0, #ocr("HD", "hop-dong"))
    assert.equal(0, #ocr("HD", "huong-dan"))
    assert.equal(1, #ocr("QD", "chi-thi"))
  end)

  it("keeps HD and HĐ apart in typed text", function()
    local f = docs.run(id, docs.party { number = { type_code = "HD" }, doc_type = { code = "hop-dong" } })
    assert.equal(1, #f)
    assert.truthy(f[1].message:find("(Hướng dẫn)", 1, true))
    assert.equal(0, #docs.run(id, docs.party { number = { type_code = "QD" }, doc_type = { code = "chi-thi" } }))
  end)

  it("names both types in the message", function()
    local f = docs.run(id, docs.state { number = { type_code = "QĐ" }, doc_type = chi_thi })
    assert.equal("Ký hiệu \"125/UBND-VX\" mang mã loại \"QĐ\" (Quyết định) nhưng văn bản là Chỉ thị: mã loại phải là "
      .. "\"CT\"", f[1].message)
  end)
end)
