-- luacheck: std +busted
-- signer/missing, signer/name-missing, signer/title-missing, signer/authority
local docs = require "helpers.docs"
local none = docs.none

describe("signer/missing", function()
  local id = "signer/missing"

  it("stays silent when there is a signature", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party()))
  end)

  it("reports a missing signature in the footer, with the family's prefixes", function()
    local f = docs.run(id, docs.state { signature = none })
    assert.same({ 14, "error" }, { f[1].line, f[1].severity })
    assert.truthy(f[1].message:find("TM., KT.", 1, true))
    f = docs.run(id, docs.party { signature = none })
    assert.truthy(f[1].message:find("T/M, K/T", 1, true))
  end)

  it("points at the last line when there is no footer", function()
    local f = docs.run(id, docs.party { signature = none, zones = { footer = none } })
    assert.equal(17, f[1].line)
  end)
end)

describe("signer/name-missing", function()
  local id = "signer/name-missing"

  it("stays silent when the name is there", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party()))
  end)

  it("reports a missing name under the title", function()
    local f = docs.run(id, docs.party { signature = { name = none, name_line = none } })
    assert.same({ 16, "error" }, { f[1].line, f[1].severity })
    assert.equal("Thiếu họ và tên người ký dưới chức vụ \"PHÓ BÍ THƯ\"", f[1].message)
    f = docs.run(id, docs.state { signature = { name = "  " } }, { lang = "en", stage = "draft" })
    assert.equal("The signer's full name is missing under the title \"PHÓ CHỦ TỊCH\"", f[1].message)
  end)

  it("reports a block with neither title nor name", function()
    local f = docs.run(id, docs.state { signature = { name = none, title = none, title_line = none } })
    assert.same({ "missing", 20 }, { f[1].message_id, f[1].line })
  end)

  it("says nothing without a signature block (signer/missing does)", function()
    assert.same({}, docs.run(id, docs.state { signature = none }))
  end)
end)

describe("signer/title-missing", function()
  local id = "signer/title-missing"

  it("stays silent when the title is there", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party()))
  end)

  it("reports a missing title under the last authority line", function()
    local f = docs.run(id, docs.state { signature = { title = none, title_line = none } })
    assert.same({ 18, "error" }, { f[1].line, f[1].severity })
    assert.truthy(f[1].message:find("dưới \"KT. CHỦ TỊCH\"", 1, true), f[1].message)
    f = docs.run(id, docs.party { signature = { title = none, title_line = none } })
    assert.truthy(f[1].message:find("\"T/M BAN THƯỜNG VỤ\" (ví dụ \"PHÓ BÍ THƯ\")", 1, true), f[1].message)
  end)

  it("reports a name with nothing above it", function()
    local f = docs.run(id, docs.state { signature = { title = none, authority = {} } })
    assert.same({ "missing", 20 }, { f[1].message_id, f[1].line })
    assert.truthy(f[1].message:find("Tổng Thanh Hải", 1, true))
  end)
end)

describe("signer/authority", function()
  local id = "signer/authority"
  local function with(build, prefix, of, title)
    return build { signature = { authority = { { prefix = prefix, of = of, line = 15, column = 1 } },
      title = title or "PHÓ BÍ THƯ" } }
  end
  local cases = {
    -- name, document, expected message id or false, a phrase of the message
    { "the state prefixes", docs.state(), false },
    { "TUQ. in a state document", with(docs.state, "TUQ.", "CHỦ TỊCH", "GIÁM ĐỐC SỞ Y TẾ"), false },
    { "Q. in a state document", with(docs.state, "Q.", "GIÁM ĐỐC", "GIÁM ĐỐC"), false },
    { "TM without its dot in a state document", with(docs.state, "TM", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "state",
      "văn bản hành chính viết \"TM. ỦY BAN NHÂN DÂN\"" },
    { "the party T/M in a state document", with(docs.state, "T/M", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "state",
      "\"TM. ỦY BAN NHÂN DÂN\"" },
    { "Tm. in a state document", with(docs.state, "Tm.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "state", "\"TM." },
    { "the party prefixes", docs.party(), false },
    { "T/L in a party document", with(docs.party, "T/L", "BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"), false },
    { "K/T TRƯỞNG BAN of an advisory body", with(docs.party, "K/T", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"), false },
    { "TM without dot or slash in a party document (seed-like)", with(docs.party, "TM", "BAN CÁN SỰ ĐẢNG"), "party",
      "Quyền hạn ký \"TM BAN CÁN SỰ ĐẢNG\" viết sai: văn bản Đảng viết \"T/M BAN CÁN SỰ ĐẢNG\"" },
    { "the state TM. in a party document", with(docs.party, "TM.", "BAN THƯỜNG VỤ"), "party", "\"T/M BAN THƯỜNG VỤ\"" },
    { "a cấp ủy deputy signing K/T BÍ THƯ", with(docs.party, "K/T", "BÍ THƯ"), "collective",
      "ký \"T/M BAN THƯỜNG VỤ\"" },
    { "a cấp ủy deputy signing KT. BÍ THƯ", with(docs.party, "KT.", "BÍ THƯ"), "collective", "T/M BAN THƯỜNG VỤ" },
    { "K/T BAN THƯỜNG VỤ", with(docs.party, "K/T", "BAN THƯỜNG VỤ"), "collective", "\"PHÓ BÍ THƯ\"" },
    { "K/T of a head whose title names a party committee", with(docs.party, "K/T", "CHÁNH VĂN PHÒNG ĐẢNG ỦY KHỐI",
      "PHÓ CHÁNH VĂN PHÒNG"), false },
    { "an unknown prefix", with(docs.party, "XL.", "BÍ THƯ"), "unknown_prefix", "T/M, K/T, T/L, Q." },
  }
  for _, c in ipairs(cases) do
    it((c[3] and "reports " or "accepts ") .. c[1], function()
      local f = docs.run(id, c[2])
      assert.equal(c[3] and 1 or 0, #f)
      if c[3] then
        assert.same({ "warning", c[3] }, { f[1].severity, f[1].message_id })
        assert.truthy(f[1].message:find(c[4], 1, true), f[1].message)
      end
    end)
  end

  it("accepts either family's forms when the family is unknown, but not a malformed one", function()
    assert.same({}, docs.run(id, docs.state { family = "unknown",
      signature = { authority = { { prefix = "T/M", of = "BAN THƯỜNG VỤ", line = 17 } } } }))
    assert.same({}, docs.run(id, docs.state { family = "unknown" }))
    local f = docs.run(id, docs.state { family = "unknown", signature = { authority = { { prefix = "TM", of = "X",
      line = 17 } } } })
    assert.equal("unknown_prefix", f[1].message_id)
  end)

  it("points at the faulty line of a stacked authority", function()
    local f = docs.run(id, docs.state { signature = { authority = {
      { prefix = "TM.", of = "ỦY BAN NHÂN DÂN", line = 17 },
      { prefix = "KT", of = "CHỦ TỊCH", line = 18, column = 1, end_line = 18, end_column = 12 } } } })
    assert.equal(1, #f)
    assert.same({ 18, 1, 12 }, { f[1].line, f[1].column, f[1].end_column })
  end)
end)
