-- luacheck: std +busted
-- date/missing, date/blank-day, date/invalid, date/format
local docs = require "helpers.docs"
local none = docs.none

describe("date/missing", function()
  local id = "date/missing"

  it("stays silent when the date line is there", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party()))
  end)

  it("reports a missing date line at the header, with the family's example", function()
    local f = docs.run(id, docs.state { place_date = none, zones = { header = { line = 3, end_line = 9 } } })
    assert.same({ 3, "error" }, { f[1].line, f[1].severity })
    assert.truthy(f[1].message:find("Quốc hiệu", 1, true))
    f = docs.run(id, docs.party { place_date = none })
    assert.truthy(f[1].message:find("ĐẢNG CỘNG SẢN VIỆT NAM", 1, true))
  end)
end)

describe("date/blank-day", function()
  local id = "date/blank-day"
  local blank_day = { place_date = { day = none, day_text = none, iso = none, valid = false,
    raw = "Lai Châu, ngày    tháng 6 năm 2021" } }

  it("stays silent on a complete date", function()
    assert.same({}, docs.run(id, docs.state(), { stage = "issued" }))
    assert.same({}, docs.run(id, docs.party(), { stage = "issued" }))
  end)

  it("is an info in a draft and an error in an issued document", function()
    local f = docs.run(id, docs.state(blank_day))
    assert.same({ "info", "draft", 7 }, { f[1].severity, f[1].message_id, f[1].line })
    assert.truthy(f[1].message:find("để trống ngày:", 1, true), f[1].message)
    f = docs.run(id, docs.party(blank_day), { stage = "issued" })
    assert.same({ "error", "issued" }, { f[1].severity, f[1].message_id })
  end)

  it("names every blank part, in the reader's language", function()
    local f = docs.run(id, docs.state { place_date = { day = none, month = none } }, { lang = "en" })
    assert.truthy(f[1].message:find("leaves the day, month blank", 1, true), f[1].message)
  end)

  it("says nothing without a date line (date/missing does)", function()
    assert.same({}, docs.run(id, docs.state { place_date = none }))
  end)
end)

describe("date/invalid", function()
  local id = "date/invalid"
  local cases = {
    { "30 September", { day = 30, month = 9, year = 2021 }, false },
    { "31 September", { day = 31, month = 9, year = 2021 }, "tháng 9 chỉ có 30 ngày" },
    { "29 February of a common year", { day = 29, month = 2, year = 2021 }, "tháng 2 chỉ có 28 ngày" },
    { "29 February of a leap year", { day = 29, month = 2, year = 2020 }, false },
    { "29 February of 1900", { day = 29, month = 2, year = 1900 }, "chỉ có 28 ngày" },
    { "29 February with the year blank", { day = 29, month = 2, year = none }, false },
    { "day 0", { day = 0, month = 5, year = 2021 }, "chỉ có 31 ngày" },
    { "month 13", { day = 1, month = 13, year = 2021 }, "không có tháng 13" },
    { "a blank day in a 30-day month", { day = none, month = 9, year = 2021 }, false },
  }
  for _, c in ipairs(cases) do
    it((c[3] and "reports " or "accepts ") .. c[1], function()
      for _, build in ipairs { docs.state, docs.party } do
        local f = docs.run(id, build { place_date = c[2] })
        assert.equal(c[3] and 1 or 0, #f)
        if c[3] then
          assert.equal("error", f[1].severity)
          assert.truthy(f[1].message:find(c[3], 1, true), f[1].message)
        end
      end
    end)
  end
end)

describe("date/format", function()
  local id = "date/format"
  local cases = {
    -- name, builder, place_date override, expected phrase or false
    { "the state form", docs.state, {}, false },
    { "the party form", docs.party, {}, false },
    { "a day under 10 without its zero", docs.state, { day_text = "5" }, "\"ngày 05\"" },
    { "a party day under 10 without its zero", docs.party, { day = 4, day_text = "4" }, "\"ngày 04\"" },
    { "month 1 without its zero", docs.state, { month = 1, month_text = "1" }, "\"tháng 01\"" },
    { "month 2 with its zero", docs.state, { month = 2, month_text = "02" }, false },
    { "month 3 with a zero", docs.state, { month = 3, month_text = "03" }, "không có số 0 phía trước (\"tháng 3\")" },
    { "month 12", docs.state, { month = 12, month_text = "12" }, false },
    { "day 10 and up without zero", docs.state, { day = 10, day_text = "10" }, false },
    { "no comma after the place", docs.state, { has_comma = false }, "dấu phẩy sau địa danh (\"Lai Châu,\")" },
    { "no place", docs.party, { place = none, has_comma = false }, "thiếu địa danh" },
    { "a blank day", docs.state, { day = none, day_text = none }, false },
    { "a blank month", docs.state, { month = none, month_text = none }, false },
  }
  for _, c in ipairs(cases) do
    it((c[4] and "reports " or "accepts ") .. c[1], function()
      local f = docs.run(id, c[2] { place_date = c[3] })
      assert.equal(c[4] and 1 or 0, #f)
      if c[4] then
        assert.equal("warning", f[1].severity)
        assert.truthy(f[1].message:find(c[4], 1, true), f[1].message)
      end
    end)
  end

  it("gathers all faults of the line in one finding", function()
    local f = docs.run(id, docs.state { place_date = { raw = "Lai Châu ngày 5 tháng 03 năm 2021", has_comma = false,
      day = 5, day_text = "5", month = 3, month_text = "03" } })
    assert.equal(1, #f)
    assert.equal("Địa danh, ngày tháng \"Lai Châu ngày 5 tháng 03 năm 2021\" chưa đúng mẫu \"Hà Nội, ngày 05 tháng 01 "
      .. "năm 2020\": thiếu dấu phẩy sau địa danh (\"Lai Châu,\"); ngày nhỏ hơn 10 phải có số 0 phía trước "
      .. "(\"ngày 05\"); tháng 3 đến 12 không có số 0 phía trước (\"tháng 3\")", f[1].message)
  end)
end)
