-- The deadline grammar (norms.md §3.2) on folded text: every phrase is
-- checked with diacritics, folded by the test double, and as OCR text
-- (no diacritics, upper case), inside a sentence around it.
local dl = require "vbcheck.deadline"
local fold = require "helpers.fold"

-- The document is dated 15/5/2021 unless a row says otherwise.
local DOC = { year = 2021, month = 5, day = 15, iso = "2021-05-15" }

-- Expected value "no such field".
local NONE = setmetatable({}, { __tostring = function() return "nil" end })

-- {phrase, expected fields, ctx = optional document date}
local CASES = {
  -- fixed dates
  { "trước ngày 04/10/2021", { kind = "date", iso = "2021-10-04" } },
  { "trước 20/5/2021", { kind = "date", iso = "2021-05-20" } },
  { "trước 21/5/2021", { kind = "date", iso = "2021-05-21" } },
  { "chậm nhất ngày 15/12/2021", { kind = "date", iso = "2021-12-15" } },
  { "chậm nhất là ngày 15/12/2021", { kind = "date", iso = "2021-12-15" } },
  { "chậm nhất vào ngày 10/6/2021", { kind = "date", iso = "2021-06-10" } },
  { "muộn nhất ngày 10/6/2021", { kind = "date", iso = "2021-06-10" } },
  { "xong trong ngày 05/7", { kind = "date", iso = "2021-07-05", year_inferred = true } },
  { "trong ngày 05/10/2021", { kind = "date", iso = "2021-10-05" } },
  { "trước ngày 05 tháng 7 năm 2021", { kind = "date", iso = "2021-07-05" } },
  { "trước ngày 29 tháng 8 năm 2025", { kind = "date", iso = "2025-08-29" } },
  { "trước ngày 30 tháng 9", { kind = "date", iso = "2021-09-30", year_inferred = true } },
  { "trước 17 giờ 00 ngày 20/5/2021", { kind = "date", iso = "2021-05-20", time = "17 gio 00" } },
  { "trước 17h00 ngày 20/5/2021", { kind = "date", iso = "2021-05-20", time = "17h00" } },
  { "trước 10 giờ 30 phút, ngày 25/5/2021", { kind = "date", iso = "2021-05-25" } },
  { "trước ngày 20-5-2021", { kind = "date", iso = "2021-05-20" } },
  { "trước ngày 20.5.2021", { kind = "date", iso = "2021-05-20" } },
  { "trước ngày 20/5/21", { kind = "date", iso = "2021-05-20" } },
  { "hoàn thành trước ngày 30/11/2021", { kind = "date", iso = "2021-11-30" } },
  { "hoàn thành trong ngày 30/11/2021", { kind = "date", iso = "2021-11-30" } },
  { "xong trước ngày 01/6/2021", { kind = "date", iso = "2021-06-01" } },
  { "trước ngày Quốc khánh 02/9/2025", { kind = "date", iso = "2025-09-02" } },
  { "trước ngày 05/7", { kind = "date", iso = "2021-07-05" } },
  { "hạn chót: ngày 10/6/2021", { kind = "date", iso = "2021-06-10" } },
  { "không quá ngày 30/6/2021", { kind = "date", iso = "2021-06-30" } },
  { "thời hạn: 30/6/2021", { kind = "date", iso = "2021-06-30" } },
  { "thời hạn hoàn thành: ngày 30/6/2021", { kind = "date", iso = "2021-06-30" } },
  { "trước ngày 29/02/2024", { kind = "date", iso = "2024-02-29" } },
  { "trước ngày 15/01", { kind = "date", iso = "2022-01-15" }, ctx = { year = 2021, month = 12, day = 20 } },
  -- impossible dates
  { "trước ngày 31/9/2021", { kind = "date", invalid = true, iso = NONE } },
  { "trước ngày 29/02/2021", { kind = "date", invalid = true, iso = NONE } },
  { "trước ngày 15/13/2021", { kind = "date", invalid = true, iso = NONE } },
  { "chậm nhất ngày 32/12/2021", { kind = "date", invalid = true, iso = NONE } },
  -- periods
  { "trong tháng 10/2021", { kind = "period", from = "2021-10-01", to = "2021-10-31", iso = "2021-10-31" } },
  { "trong tháng 10 năm 2021", { kind = "period", from = "2021-10-01", to = "2021-10-31" } },
  { "thời gian hoàn thành: Tháng 10/2021", { kind = "period", from = "2021-10-01", to = "2021-10-31" } },
  { "trong Quý IV/2021", { kind = "period", from = "2021-10-01", to = "2021-12-31" } },
  { "trong quý IV năm 2021", { kind = "period", from = "2021-10-01", to = "2021-12-31" } },
  { "hoàn thành trong quý 3/2021", { kind = "period", from = "2021-07-01", to = "2021-09-30" } },
  { "chậm nhất trong quý II/2022", { kind = "period", from = "2022-04-01", to = "2022-06-30" } },
  { "trong 6 tháng đầu năm 2021", { kind = "period", from = "2021-01-01", to = "2021-06-30" } },
  { "trong 6 tháng cuối năm 2021", { kind = "period", from = "2021-07-01", to = "2021-12-31" } },
  { "trong 9 tháng đầu năm 2021", { kind = "period", from = "2021-01-01", to = "2021-09-30" } },
  { "trong năm 2021", { kind = "period", from = "2021-01-01", to = "2021-12-31" } },
  { "cuối năm 2021", { kind = "period", to = "2021-12-31", iso = "2021-12-31" } },
  { "cuối tháng 11/2021", { kind = "period", from = "2021-11-21", to = "2021-11-30" } },
  { "hoàn thành trong tháng 02/2024", { kind = "period", from = "2024-02-01", to = "2024-02-29" } },
  { "trong tháng 10", { kind = "period", from = "2021-10-01", to = "2021-10-31", year_inferred = true } },
  { "trước tháng 10/2021", { kind = "date", iso = "2021-09-30" } },
  { "trong tháng 13/2021", { kind = "period", invalid = true, iso = NONE } },
  { "thời gian thực hiện: từ ngày 01/10/2021 đến ngày 15/10/2021",
    { kind = "period", from = "2021-10-01", to = "2021-10-15", iso = "2021-10-15" } },
  -- recurring
  { "định kỳ hằng tháng", { kind = "recurring", cadence = "thang" } },
  { "hàng tháng", { kind = "recurring", cadence = "thang" } },
  { "hằng tuần", { kind = "recurring", cadence = "tuan" } },
  { "hằng quý", { kind = "recurring", cadence = "quy" } },
  { "hằng năm", { kind = "recurring", cadence = "nam" } },
  { "hằng ngày", { kind = "recurring", cadence = "ngay" } },
  { "thường xuyên", { kind = "recurring", cadence = "thuong xuyen" } },
  { "trước ngày 20 hằng tháng", { kind = "recurring", cadence = "thang", day = 20 } },
  { "định kỳ 6 tháng, năm", { kind = "recurring", cadence = "6 thang, nam" } },
  { "đột xuất khi có yêu cầu", { kind = "recurring", cadence = "dot xuat" } },
  -- immediate
  { "ngay sau khi nhận được văn bản", { kind = "immediate" } },
  { "khẩn trương", { kind = "immediate" } },
  { "kịp thời", { kind = "immediate" } },
  { "trong thời gian sớm nhất", { kind = "immediate" } },
  { "ngay", { kind = "immediate" }, before = "khắc phục " },
  { "ngay", { kind = "immediate" }, before = "báo cáo " },
  { "ngay lập tức", { kind = "immediate" } },
  -- relative
  { "trong vòng 05 ngày làm việc kể từ ngày nhận được văn bản này",
    { kind = "relative", value = 5, unit = "ngay", working = true, anchor = "ngay nhan duoc van ban nay" } },
  { "trong thời hạn 15 ngày kể từ ngày ký",
    { kind = "relative", value = 15, unit = "ngay", working = false, iso = "2021-05-30" } },
  { "trong thời hạn mười lăm ngày kể từ ngày ký", { kind = "relative", value = 15, unit = "ngay" } },
  { "trong vòng hai mươi ngày", { kind = "relative", value = 20, unit = "ngay" } },
  { "trong vòng bảy ngày làm việc", { kind = "relative", value = 7, working = true } },
  { "sau 03 ngày kể từ ngày kết thúc đợt kiểm tra",
    { kind = "relative", value = 3, anchor = "ngay ket thuc dot kiem tra" } },
  { "trong 3 tháng", { kind = "relative", value = 3, unit = "thang" } },
  { "trong thời hạn 02 tuần kể từ ngày ban hành", { kind = "relative", value = 2, unit = "tuan", iso = "2021-05-29" } },
  { "trước khi trình UBND tỉnh", { kind = "relative", anchor = "trinh ubnd tinh" } },
}

-- Sentences the phrases are put into ({} marks the spot).
local CONTEXTS = {
  "Sở Y tế tổng hợp, báo cáo UBND tỉnh {}, để chỉ đạo.",
  "(báo cáo UBND tỉnh {})",
  "Giao Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan thực hiện {}; đồng thời tham mưu.",
}

-- OCR: no diacritics, upper case (folding must bring it back).
local function ocr(s) return fold(s):upper() end

local function check(expect, got, label)
  assert.is_truthy(got, label .. ": no deadline found")
  for k, v in pairs(expect) do
    if v == NONE then
      assert.is_nil(got[k], label .. ": " .. k)
    else
      assert.are.same(v, got[k], label .. ": " .. k)
    end
  end
end

describe("deadline.find", function()
  for i, case in ipairs(CASES) do
    local phrase, expect = case[1], case[2]
    local ctx = case.ctx or DOC
    local ctxt = CONTEXTS[i % #CONTEXTS + 1]
    for _, variant in ipairs { "diacritics", "ocr" } do
      it(string.format("%s (%s)", phrase, variant), function()
        local p = (case.before or "") .. phrase
        local sentence = ctxt:gsub("{}", function() return p end)
        if variant == "ocr" then sentence = ocr(sentence) end
        local f = fold(sentence)
        local found = dl.find(f, ctx)
        -- the deadline is the one whose text is the phrase
        local want, got = fold(phrase), nil
        for _, d in ipairs(found) do
          if f:sub(d.s, d.e - 1) == want then got = d end
        end
        check(expect, got, phrase)
      end)
    end
  end
end)

describe("deadline.find does not take", function()
  local NOT = {
    "Thực hiện Công điện số 1265/CĐ-TTg ngày 30/9/2021 của Thủ tướng Chính phủ",
    "Thông báo kết luận số 10-TB/VPTW, ngày 24/8/2021 của Văn phòng Trung ương",
    "theo Nghị quyết 116/NQ-CP ngày 24/9/2021",
    "Quyết định này có hiệu lực kể từ ngày ký.",
    "thực hiện tốt các mục tiêu nhiệm vụ năm 2021",
    "thi đua khen thưởng vào dịp sơ kết 6 tháng đầu năm 2021",
    "Ngày 01/10/2021, đồng chí Phó Chủ tịch chủ trì cuộc họp",
    "sử dụng tiết kiệm chi thường xuyên",
    "những nơi thường xuyên tập trung đông người",
    "phòng, chống từ xa, từ sớm, từ trước khi có dịch",
    "tổ chức ngày hội toàn dân bảo vệ an ninh Tổ quốc",
    "trước mắt tập trung mua sắm trang thiết bị",
    "kết quả đạt được trong 2 năm qua",
    "lưu thông hàng hóa thiết yếu",
    "năm học 2021-2022",
    "hơn 2/3 số xã đạt chuẩn",
  }
  for _, s in ipairs(NOT) do
    it(s, function()
      local f = fold(s)
      local found = dl.find(f, DOC)
      assert.are.same({}, found, s .. " -> " .. (found[1] and f:sub(found[1].s, found[1].e - 1) or ""))
    end)
  end
end)

describe("deadline.find positions", function()
  it("index the folded string", function()
    local f = fold("Hoàn chỉnh, trình UBND tỉnh trước ngày 04/10/2021. Đồng thời khẩn trương rà soát")
    local found = dl.find(f, DOC)
    assert.equal(2, #found)
    assert.equal("truoc ngay 04/10/2021", f:sub(found[1].s, found[1].e - 1))
    assert.equal("khan truong", f:sub(found[2].s, found[2].e - 1))
    assert.equal("immediate", found[2].kind)
  end)

  it("keep several deadlines in order", function()
    local f = fold("xây dựng kế hoạch trước ngày 10/6/2021, tổ chức thực hiện xong trước ngày 30/12/2021")
    local found = dl.find(f, DOC)
    assert.same({ "2021-06-10", "2021-12-30" }, { found[1].iso, found[2].iso })
  end)

  it("leave the year unknown without a document date", function()
    local d = dl.find(fold("trước ngày 20/5"), {})[1]
    assert.equal("date", d.kind)
    assert.is_nil(d.iso)
    assert.is_nil(d.invalid)
    assert.equal(20, d.day)
    assert.equal(5, d.month)
  end)

  it("reject 30/2 even without a year", function()
    assert.is_true(dl.find(fold("trước ngày 30/02"), {})[1].invalid)
  end)
end)

describe("deadline.parse", function()
  local BARE = {
    { "Quý IV/2021", { kind = "period", from = "2021-10-01", to = "2021-12-31" } },
    { "quý IV năm 2021", { kind = "period", to = "2021-12-31" } },
    { "ngày 05 tháng 7 năm 2021", { kind = "date", iso = "2021-07-05" } },
    { "tháng 10 năm 2021", { kind = "period", from = "2021-10-01", to = "2021-10-31" } },
    { "Tháng 10/2021", { kind = "period", to = "2021-10-31" } },
    { "6 tháng đầu năm 2021", { kind = "period", to = "2021-06-30" } },
    { "năm 2021", { kind = "period", from = "2021-01-01", to = "2021-12-31" } },
    { "20/5/2021", { kind = "date", iso = "2021-05-20" } },
    { "Trước ngày 04/10/2021", { kind = "date", iso = "2021-10-04" } },
    { "Hằng tháng", { kind = "recurring" } },
  }
  for _, case in ipairs(BARE) do
    it(case[1], function()
      check(case[2], dl.parse(fold(case[1]), DOC), case[1])
    end)
  end

  it("returns nil for text that is no deadline", function()
    assert.is_nil(dl.parse(fold("Sở Y tế"), DOC))
  end)
end)

describe("deadline calendar helpers", function()
  it("reads numbers written as words", function()
    assert.equal(15, dl.words_value("muoi lam"))
    assert.equal(20, dl.words_value("hai muoi"))
    assert.equal(25, dl.words_value("hai muoi lam"))
    assert.equal(10, dl.words_value("muoi"))
    assert.equal(7, dl.words_value("bay"))
    assert.equal(31, dl.words_value("ba muoi mot"))
  end)

  it("adds days across months and leap years", function()
    assert.equal("2021-03-01", dl.add_days("2021-02-28", 1))
    assert.equal("2024-02-29", dl.add_days("2024-02-28", 1))
    assert.equal("2022-01-04", dl.add_days("2021-12-20", 15))
    assert.equal("2021-09-30", dl.add_days("2021-10-01", -1))
  end)

  it("knows month lengths", function()
    assert.equal(30, dl.days_in(9, 2021))
    assert.equal(28, dl.days_in(2, 2021))
    assert.equal(29, dl.days_in(2, 2000))
    assert.equal(28, dl.days_in(2, 1900))
    assert.equal(29, dl.days_in(2, nil))
  end)
end)
