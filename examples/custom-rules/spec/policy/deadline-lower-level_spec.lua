-- luacheck: std +busted
local t = require "vbcheck.testing"
local rule = t.rule "policy/deadline-lower-level"

-- A state document dated Friday 4 December 2026 giving one task.
local function directive(task)
  return ([[
ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/CT-UBND
Lai Châu, ngày 04 tháng 12 năm 2026

CHỈ THỊ
Về rà soát hạ tầng mạng

Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. %s
]]):format(task)
end

describe("policy/deadline-lower-level", function()
  it("fires when a commune committee gets two working days", function()
    -- Fri 4 Dec -> Tue 8 Dec: Monday and Tuesday
    t.expect(rule):to_fire_on(directive(
      "Ủy ban nhân dân các xã, phường rà soát hạ tầng mạng, báo cáo trước ngày 08/12/2026."), { 13 })
  end)

  it("counts holidays from the options", function()
    local task = "Ủy ban nhân dân các xã, phường rà soát hạ tầng mạng, báo cáo trước ngày 09/12/2026."
    t.expect(rule):not_to_fire_on(directive(task))
    t.expect(rule):with { options = { holidays = { "2026-12-07" } } }:to_fire_on(directive(task), { 13 })
  end)

  it("stays quiet for three working days, for other bodies and without a deadline", function()
    t.expect(rule):not_to_fire_on(directive(
      "Ủy ban nhân dân các xã, phường rà soát hạ tầng mạng, báo cáo trước ngày 09/12/2026."))
    t.expect(rule):not_to_fire_on(directive("Sở Tài chính chủ trì rà soát kinh phí, báo cáo trước ngày 07/12/2026."))
    t.expect(rule):not_to_fire_on(directive("Ủy ban nhân dân các xã, phường thường xuyên kiểm tra hạ tầng mạng."))
  end)
end)
