-- luacheck: std +busted
local t = require "vbcheck.testing"
local rule = t.rule "policy/recipients-required"

local function letter(recipients)
  return [[
ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
Số: 1520/UBND-VX
V/v phòng, chống dịch bệnh

Kính gửi: Sở Y tế.

Ủy ban nhân dân tỉnh đề nghị Sở Y tế triển khai ngay các biện pháp phòng bệnh.

Nơi nhận:
]] .. recipients .. [[

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Thị Hoa
]]
end

describe("policy/recipients-required", function()
  it("fires when Nơi nhận has no Lưu: VT", function()
    t.expect(rule):to_fire_on(letter("- Như trên;\n- Lưu: VX."), { 10 })
  end)

  it("accepts Lưu: VT however it is typed, OCR'd without diacritics too", function()
    t.expect(rule):not_to_fire_on(letter("- Như trên;\n- Lưu: VT, VX."))
    t.expect(rule):not_to_fire_on(letter("- Như trên;\n- Luu: VT, VX."))
  end)

  it("checks the entries the options name", function()
    local fs = t.expect(rule):with { options = { "Lưu: VT", "Sở Tài chính" } }
      :to_fire_on(letter("- Như trên;\n- Lưu: VT, VX."), { 10 })
    assert.truthy(fs[1].message:find("Sở Tài chính", 1, true))
  end)

  it("leaves a document without Nơi nhận to recipients/missing", function()
    t.expect(rule):not_to_fire_on("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 1/UBND-VX\nV/v thử\n")
  end)
end)
