-- luacheck: std +busted
local t = require "vbcheck.testing"
local rule = t.rule "policy/plan-implementation"

local function plan(sections)
  return [[
ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
Số: 215/KH-UBND
Lai Châu, ngày 04 tháng 12 năm 2026

KẾ HOẠCH
Triển khai chuyển đổi số năm 2027

]] .. sections
end

describe("policy/plan-implementation", function()
  it("fires on a plan without Tổ chức thực hiện", function()
    t.expect(rule):to_fire_on(plan("I. MỤC ĐÍCH, YÊU CẦU\nNâng cao chất lượng.\nII. NHIỆM VỤ\n1. Sở Nội vụ chủ trì.\n"),
      { 6 })
  end)

  it("finds the section numbered, in capitals or without diacritics", function()
    t.expect(rule):not_to_fire_on(plan("I. MỤC ĐÍCH\nNâng cao.\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì.\n"))
    t.expect(rule):not_to_fire_on(plan("3. To chuc thuc hien\nSo Noi vu chu tri.\n"))
  end)

  it("does not take a sentence that mentions it for the section", function()
    t.expect(rule):to_fire_on(plan("Các sở, ngành chủ động tổ chức thực hiện kế hoạch này và báo cáo kết quả "
      .. "về Ủy ban nhân dân tỉnh trước ngày 31 tháng 12 năm 2027 để tổng hợp, theo dõi.\n"))
  end)

  it("looks at plans only", function()
    t.expect(rule):not_to_fire_on((plan("Nội dung.\n"):gsub("KẾ HOẠCH", "CHỈ THỊ")))
  end)
end)
