-- The task/* rules, run by the real runner (with the test doubles of
-- spec/helpers/docs.lua) on documents whose tasks come from tasks.extract.
local docs = require "helpers.docs"
local tasks = require "vbcheck.tasks"
local fold = require "helpers.fold"

-- A document from plain lines: "1. ..." items, "- ..." sub-items, other
-- lines paragraphs; dated 15/5/2021 unless over.place_date says otherwise.
local function doc_of(lines, over)
  local doc = docs.state { items = {}, paragraphs = {}, addressees = {}, references = {} }
  doc.lines = {}
  doc.place_date = { day = 15, month = 5, year = 2021, iso = "2021-05-15", line = 1 }
  local last
  for n, l in ipairs(lines) do
    doc.lines[n] = l
    local label, text = l:match("^(%d+%.)%s+(.*)$")
    local sub = false
    if not label then
      label, text = l:match("^(%-)%s+(.*)$")
      sub = label ~= nil
    end
    if label then
      local it = { label = label, kind = sub and "dash" or "number", level = sub and 2 or 1, text = text, line = n,
        end_line = n, column = 1, end_column = utf8.len(l) + 1, children = {} }
      if sub and last then last.children[#last.children + 1] = it else doc.items[#doc.items + 1] = it end
      if not sub then last = it end
      doc.paragraphs[#doc.paragraphs + 1] = { text = text, line = n, end_line = n, item = it }
    else
      doc.paragraphs[#doc.paragraphs + 1] = { text = l, line = n, end_line = n }
    end
  end
  for k, v in pairs(over or {}) do doc[k] = v end
  doc.tasks = tasks.extract(doc, fold)
  return doc
end

local function run(id, lines, over, opts)
  return docs.run(id, doc_of(lines, over), opts)
end

describe("task rules: metadata", function()
  for _, id in ipairs { "task/assignee-missing", "task/deadline-missing", "task/deadline-invalid",
    "task/deadline-past" } do
    it(id, function()
      local rule = assert(docs.rules().by_id[id], "not loaded: " .. id)
      assert.truthy(rule.summary.vi and rule.summary.en)
      assert.truthy(rule.basis:find("NĐ 30/2020/NĐ-CP", 1, true))
      for key, m in pairs(rule.messages) do
        assert.truthy(m.vi and m.en, key)
      end
      assert.truthy(rule.examples.fail and rule.examples.pass)
    end)
  end

  it("has the catalogue's severities", function()
    local by = docs.rules().by_id
    assert.equal("warning", by["task/assignee-missing"].severity)
    assert.equal("warning", by["task/deadline-missing"].severity)
    assert.equal("error", by["task/deadline-invalid"].severity)
    assert.equal("warning", by["task/deadline-past"].severity)
  end)
end)

describe("task/assignee-missing", function()
  local ID = "task/assignee-missing"
  local FIRE = {
    { "a deadline and nobody", { "1. Tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 30/11/2021." }, "missing" },
    { "a deliverable with only the preamble's addressees",
      { "UBND tỉnh yêu cầu các sở, ngành thực hiện:", "1. Xây dựng kế hoạch tiêm chủng, trình UBND tỉnh." },
      "vague" },
    { "a deadline and a vague subject",
      { "1. Các cơ quan, đơn vị liên quan báo cáo kết quả trước ngày 20/6/2021." }, "vague" },
    { "a period and nobody", { "1. Hoàn thành việc lắp đặt trong quý III/2021." }, "missing" },
  }
  for _, c in ipairs(FIRE) do
    it("fires for " .. c[1], function()
      local f = run(ID, c[2])
      assert.equal(1, #f)
      assert.equal(c[3], f[1].message_id)
      assert.equal(ID, f[1].rule)
      assert.equal("warning", f[1].severity)
      assert.equal(#c[2], f[1].line)
    end)
  end

  local PASS = {
    { "a named lead", { "1. Sở Y tế báo cáo UBND tỉnh trước ngày 30/11/2021." } },
    { "a named collective", { "1. Các sở, ban, ngành báo cáo kết quả trước ngày 15/12/2021." } },
    { "a heading agency", { "1. Sở Nội vụ:", "- Xây dựng kế hoạch, trình UBND tỉnh trước ngày 15/6/2021." } },
    { "standing work without product or deadline",
      { "UBND tỉnh yêu cầu các sở, ngành thực hiện:", "1. Tăng cường công tác tuyên truyền." } },
    { "a conditional report", { "UBND tỉnh yêu cầu các sở:", "1. Trường hợp vượt thẩm quyền thì báo cáo cấp trên." } },
  }
  for _, c in ipairs(PASS) do
    it("does not fire for " .. c[1], function()
      assert.same({}, run(ID, c[2]))
    end)
  end

  it("speaks English with lang en", function()
    local f = run(ID, { "1. Tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 30/11/2021." }, nil, { lang = "en" })
    assert.truthy(f[1].message:find("names no agency", 1, true))
    assert.truthy(f[1].message:find("a deadline and a deliverable (báo cáo)", 1, true))
  end)

  it("quotes the task in Vietnamese by default", function()
    local f = run(ID, { "1. Tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 30/11/2021." })
    assert.equal("Nhiệm vụ \"Tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 30/11/2021.\" có thời hạn và sản phẩm "
      .. "(báo cáo) nhưng chưa giao cho cơ quan, đơn vị nào", f[1].message)
  end)
end)

describe("task/deadline-missing", function()
  local ID = "task/deadline-missing"
  local FIRE = {
    { "a lead (chủ trì) with a product and no date",
      { "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Y tế kiểm tra thực tế và tham mưu UBND tỉnh giải quyết." } },
    { "a plan to build", { "1. Sở Giáo dục và Đào tạo xây dựng phương án tổ chức kỳ thi." } },
    { "a report to send", { "1. Sở Y tế báo cáo UBND tỉnh kết quả thực hiện." } },
    { "chủ trì without a product", { "1. Sở Công Thương chủ trì bảo đảm cung ứng hàng hóa." } },
    { "a product for nobody", { "1. Ban hành quy chế phối hợp." } },
  }
  for _, c in ipairs(FIRE) do
    it("fires for " .. c[1], function()
      local f = run(ID, c[2])
      assert.equal(1, #f)
      assert.equal("missing", f[1].message_id)
      assert.equal(1, f[1].line)
    end)
  end

  local PASS = {
    { "a date", { "1. Sở Y tế báo cáo UBND tỉnh trước ngày 30/5/2021." } },
    { "a period", { "1. Sở Y tế xây dựng kế hoạch trong quý III/2021." } },
    { "a relative term", { "1. Sở Y tế báo cáo trong vòng 05 ngày làm việc kể từ ngày nhận được văn bản này." } },
    { "a monthly report", { "1. Sở Y tế báo cáo UBND tỉnh định kỳ hằng tháng." } },
    { "a daily update", { "1. Sở Y tế chủ động liên hệ. Hàng ngày cập nhật, báo cáo kết quả." } },
    { "urgency (ngay)", { "1. Sở Y tế báo cáo ngay UBND tỉnh." } },
    { "urgency (khẩn trương)", { "1. Sở Y tế khẩn trương xây dựng phương án." } },
    { "standing work (tiếp tục)", { "1. Sở Y tế tiếp tục rà soát, bổ sung phương án, báo cáo UBND tỉnh." } },
    { "standing work (theo dõi)",
      { "1. Sở Giao thông vận tải chủ trì, phối hợp với Sở Y tế theo dõi sát tình hình, đề xuất giải pháp." } },
    { "standing work (thường xuyên)", { "1. Sở Y tế thường xuyên tổng hợp tình hình." } },
    { "no product and no lead role", { "1. Sở Y tế tăng cường kiểm tra." } },
    { "a deadline from the parent item",
      { "1. Sở Y tế thực hiện các nội dung sau (hoàn thành trước ngày 30/6/2021):", "- Xây dựng kế hoạch." } },
  }
  for _, c in ipairs(PASS) do
    it("does not fire for " .. c[1], function()
      assert.same({}, run(ID, c[2]))
    end)
  end

  it("names the lead, in both languages", function()
    local lines = { "1. Sở Y tế báo cáo UBND tỉnh kết quả thực hiện." }
    assert.equal("Nhiệm vụ \"Sở Y tế báo cáo UBND tỉnh kết quả thực hiện.\" giao cho Sở Y tế chưa có thời hạn "
      .. "hoàn thành", run(ID, lines)[1].message)
    assert.equal("Task \"Sở Y tế báo cáo UBND tỉnh kết quả thực hiện.\" assigned to Sở Y tế has no deadline",
      run(ID, lines, nil, { lang = "en" })[1].message)
  end)
end)

describe("task/deadline-invalid", function()
  local ID = "task/deadline-invalid"
  it("fires for 31/9", function()
    local f = run(ID, { "Kính gửi các sở.", "1. Sở Y tế báo cáo UBND tỉnh trước ngày 31/9/2021." })
    assert.equal(1, #f)
    assert.equal("error", f[1].severity)
    assert.equal(2, f[1].line)
    assert.equal("Thời hạn \"trước ngày 31/9/2021\" không phải là ngày có thật", f[1].message)
  end)

  it("fires for 29/02 in a common year and a month 13", function()
    assert.equal(1, #run(ID, { "1. Sở Y tế báo cáo trước ngày 29/02/2021." }))
    assert.equal(1, #run(ID, { "1. Sở Y tế báo cáo trong tháng 13/2021." }))
  end)

  it("does not fire for real dates", function()
    assert.same({}, run(ID, { "1. Sở Y tế báo cáo trước ngày 30/9/2021." }))
    assert.same({}, run(ID, { "1. Sở Y tế báo cáo trước ngày 29/02/2024." }))
  end)

  it("reports an invalid date once, not again in each sub-item", function()
    local f = run(ID, { "1. Sở Y tế thực hiện (hoàn thành trước ngày 31/4/2021):", "- Xây dựng kế hoạch." })
    assert.equal(1, #f)
  end)
end)

describe("task/deadline-past", function()
  local ID = "task/deadline-past"
  it("fires for a date before the document's date", function()
    local f = run(ID, { "1. Sở Y tế báo cáo UBND tỉnh trước ngày 10/5/2021." })
    assert.equal(1, #f)
    assert.equal("Thời hạn \"trước ngày 10/5/2021\" (10/05/2021) sớm hơn ngày của văn bản (15/05/2021)",
      f[1].message)
  end)

  it("fires for a period that ended before", function()
    assert.equal(1, #run(ID, { "1. Sở Y tế hoàn thành trong quý I/2021." }))
  end)

  it("does not fire on or after the document's date", function()
    assert.same({}, run(ID, { "1. Sở Y tế báo cáo trước ngày 15/5/2021." }))
    assert.same({}, run(ID, { "1. Sở Y tế báo cáo trước ngày 20/5/2021." }))
    assert.same({}, run(ID, { "1. Sở Y tế báo cáo trong tháng 5/2021." }))
  end)

  it("uses the month when the day is left blank (a draft)", function()
    local draft = { place_date = { month = 5, year = 2021, line = 1 } }
    assert.same({}, run(ID, { "1. Sở Y tế báo cáo trước ngày 10/5/2021." }, draft))
    local f = run(ID, { "1. Sở Y tế báo cáo trước ngày 30/4/2021." }, draft)
    assert.equal(1, #f)
    assert.truthy(f[1].message:find("05/2021", 1, true))
  end)

  it("does nothing without a document date", function()
    assert.same({}, run(ID, { "1. Sở Y tế báo cáo trước ngày 10/5/2020." }, { place_date = false }))
  end)

  it("ignores cadences and urgency", function()
    assert.same({}, run(ID, { "1. Sở Y tế báo cáo định kỳ hằng tháng, khẩn trương triển khai." }))
  end)

  it("speaks English with lang en", function()
    local f = run(ID, { "1. Sở Y tế báo cáo UBND tỉnh trước ngày 10/5/2021." }, nil, { lang = "en" })
    assert.truthy(f[1].message:find("is before the document's date", 1, true))
  end)
end)
