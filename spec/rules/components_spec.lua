-- luacheck: std +busted
-- doc-type/missing, subject/missing, addressee/missing
local docs = require "helpers.docs"
local none = docs.none

describe("doc-type/missing", function()
  local id = "doc-type/missing"

  it("stays silent when the type is known", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party { doc_type = { code = "unknown", name = "THÔNG TRI" } }))
  end)

  it("reports a document with neither a type name nor a V/v subject", function()
    for _, build in ipairs { docs.state, docs.party } do
      local f = docs.run(id, build { doc_type = none })
      assert.same({ 1, "error" }, { f[1].line, f[1].severity })
      assert.truthy(f[1].message:find("V/v", 1, true))
    end
  end)
end)

describe("subject/missing", function()
  local id = "subject/missing"
  local chi_thi = { code = "chi-thi", name = "CHỈ THỊ", line = 6 }

  it("stays silent when there is a subject", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party { doc_type = chi_thi }))
  end)

  it("asks a công văn for its V/v line under the number", function()
    local f = docs.run(id, docs.state { subject = none })
    assert.same({ "cong_van", 5, "error" }, { f[1].message_id, f[1].line, f[1].severity })
    f = docs.run(id, docs.party { subject = none })
    assert.same({ "cong_van", 4 }, { f[1].message_id, f[1].line })
  end)

  it("asks a typed document for its subject under the type name", function()
    local f = docs.run(id, docs.state { subject = none, doc_type = chi_thi })
    assert.equal("Thiếu trích yếu nội dung dưới tên loại \"CHỈ THỊ\" (ví dụ \"Về tăng cường phòng, chống dịch\")",
      f[1].message)
  end)

  it("reports a document with no type either", function()
    local f = docs.run(id, docs.party { subject = none, doc_type = none })
    assert.same({ "missing", 1 }, { f[1].message_id, f[1].line })
  end)

  it("does not ask a giấy giới thiệu for one", function()
    assert.same({}, docs.run(id, docs.state { subject = none, doc_type = { code = "giay-gioi-thieu" } }))
  end)
end)

describe("addressee/missing", function()
  local id = "addressee/missing"
  local no_kinh_gui = { addressees = {}, addressees_line = none }

  it("stays silent on a công văn with Kính gửi", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party()))
  end)

  it("accepts a Kính gửi line whose addressees were not split out", function()
    assert.same({}, docs.run(id, docs.state { addressees = {}, addressees_line = 8 }))
  end)

  it("reports a state or party công văn without Kính gửi, where the body starts", function()
    local f = docs.run(id, docs.state(no_kinh_gui))
    assert.same({ 11, "warning" }, { f[1].line, f[1].severity })
    assert.truthy(f[1].message:find("Kính gửi:", 1, true))
    f = docs.run(id, docs.party(no_kinh_gui))
    assert.equal(10, f[1].line)
  end)

  it("does not ask other types for Kính gửi", function()
    local over = { addressees = {}, addressees_line = none, doc_type = { code = "thong-bao", name = "THÔNG BÁO" } }
    assert.same({}, docs.run(id, docs.state(over)))
    assert.same({}, docs.run(id, docs.party { addressees = {}, addressees_line = none, doc_type = none }))
  end)
end)
