-- luacheck: std +busted
local t = require "vbcheck.testing"
local rule = t.rule "policy/subject-abbreviation"

local function letter(subject)
  return "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 1520/UBND-VX\n" .. subject .. "\n\nKính gửi: Sở Y tế.\n"
end

describe("policy/subject-abbreviation", function()
  it("fires on an abbreviation in the subject", function()
    local fs = t.expect(rule):to_fire_on(letter("V/v triển khai Kế hoạch của UBND tỉnh"), { 4 })
    assert.equal(29, fs[1].column) -- "V/v triển khai Kế hoạch của " is 28 characters
  end)

  it("stays quiet on a subject written out, and on words that only contain the letters", function()
    t.expect(rule):not_to_fire_on(letter("V/v triển khai Kế hoạch của Ủy ban nhân dân tỉnh"))
    t.expect(rule):not_to_fire_on(letter("V/v rà soát TTHC năm 2026"))
  end)

  it("takes the office's list from the options", function()
    t.expect(rule):with { options = { "TTHC" } }:to_fire_on(letter("V/v rà soát TTHC năm 2026"), { 4 })
  end)
end)
