-- luacheck: std +busted
-- recipients/missing, recipients/archive-missing, ref/future-date
local docs = require "helpers.docs"
local none = docs.none

describe("recipients/missing", function()
  local id = "recipients/missing"

  it("stays silent when there is a Nơi nhận", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party()))
  end)

  it("reports a missing Nơi nhận in the footer, with the family's archive line", function()
    local f = docs.run(id, docs.state { recipients = none })
    assert.same({ 14, "error" }, { f[1].line, f[1].severity })
    assert.truthy(f[1].message:find("- Lưu: VT", 1, true))
    f = docs.run(id, docs.party { recipients = none })
    assert.truthy(f[1].message:find("- Lưu Văn phòng", 1, true))
  end)
end)

describe("recipients/archive-missing", function()
  local id = "recipients/archive-missing"
  local no_archive_state = { recipients = { archive = none, items = { { text = "Như trên;", line = 15 },
    { text = "Sở Y tế;", line = 16 } } } }
  local no_archive_party = { recipients = { archive = none, items = { { text = "Như trên,", line = 13 } } } }

  it("stays silent when the archive line is there", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party()))
  end)

  it("reports a Nơi nhận without archive at its last item, in the family's form", function()
    local f = docs.run(id, docs.state(no_archive_state))
    assert.same({ 16, "warning", "state" }, { f[1].line, f[1].severity, f[1].message_id })
    assert.truthy(f[1].message:find("\"- Lưu: VT, VX1.\"", 1, true))
    f = docs.run(id, docs.party(no_archive_party))
    assert.same({ 13, "party" }, { f[1].line, f[1].message_id })
    assert.truthy(f[1].message:find("\"- Lưu VPTU.\"", 1, true))
  end)

  it("counts a Lưu item the parser did not take as the archive", function()
    local doc = docs.party { recipients = { archive = none, items = { { text = "Như trên,", line = 13 },
      { text = "Lưu VT, VPTU.", line = 14 } } } }
    assert.same({}, docs.run(id, doc))
  end)

  it("says nothing without a Nơi nhận (recipients/missing does)", function()
    assert.same({}, docs.run(id, docs.state { recipients = none }))
  end)
end)

describe("ref/future-date", function()
  local id = "ref/future-date"
  local function ref(iso, number)
    return { { text = "Công văn số " .. (number or "12/UBND-VX") .. " ngày …", number = number or "12/UBND-VX",
      iso = iso, line = 11, column = 11, end_line = 11, end_column = 40 } }
  end

  it("accepts references dated before or on the document's date", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party()))
    assert.same({}, docs.run(id, docs.state { references = ref("2021-06-05") }))
  end)

  it("reports a reference dated after the document, where it is cited", function()
    local f = docs.run(id, docs.state { references = ref("2021-06-10") })
    assert.same({ 1, 11, 11, "warning" }, { #f, f[1].line, f[1].column, f[1].severity })
    assert.truthy(f[1].message:find("đề ngày 10/06/2021, sau thời gian ban hành văn bản này (05/06/2021)", 1, true),
      f[1].message)
    f = docs.run(id, docs.party { references = ref("2022-01-01", "20-CV/TU") })
    assert.equal(1, #f)
  end)

  it("bounds a draft with a blank day by the end of its month", function()
    local draft = { place_date = { day = none, iso = none, valid = false } }
    draft.references = ref("2021-06-30")
    assert.same({}, docs.run(id, docs.state(draft)))
    draft.references = ref("2021-07-01")
    local f = docs.run(id, docs.state(draft))
    assert.truthy(f[1].message:find("(tháng 6/2021)", 1, true), f[1].message)
  end)

  it("skips references without a date, and documents without one", function()
    assert.same({}, docs.run(id, docs.state { references = ref(nil) }))
    assert.same({}, docs.run(id, docs.state { place_date = none, references = ref("2030-01-01") }))
  end)

  it("does not compare a document with itself", function()
    assert.same({}, docs.run(id, docs.state { references = ref("2021-07-01", "125/UBND-VX") }))
  end)
end)
