-- Task extraction (norms.md §3): who leads, who supports, by when, on
-- synthetic documents built from plain lines, with and without diacritics.
local tasks = require "vbcheck.tasks"
local agencies = require "vbcheck.agencies"
local fold = require "helpers.fold"

-- Remove Vietnamese diacritics but keep the case (what OCR output looks like).
local STRIP = {}
do
  local sets = {
    a = "àáảãạăằắẳẵặâầấẩẫậ", e = "èéẻẽẹêềếểễệ", i = "ìíỉĩị", o = "òóỏõọôồốổỗộơờớởỡợ",
    u = "ùúủũụưừứửữự", y = "ỳýỷỹỵ", d = "đ",
  }
  local upper = {
    A = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", E = "ÈÉẺẼẸÊỀẾỂỄỆ", I = "ÌÍỈĨỊ", O = "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ",
    U = "ÙÚỦŨỤƯỪỨỬỮỰ", Y = "ỲÝỶỸỴ", D = "Đ",
  }
  for base, set in pairs(sets) do
    for ch in set:gmatch(utf8.charpattern) do STRIP[ch] = base end
  end
  for base, set in pairs(upper) do
    for ch in set:gmatch(utf8.charpattern) do STRIP[ch] = base end
  end
end
local function strip(s) return (s:gsub(utf8.charpattern, STRIP)) end

-- A document model from lines: "1. ..." / "a) ..." are items, "- ..." and
-- "+ ..." sub-items of the item above, anything else a paragraph.
local function doc_of(lines, over)
  local doc = { lines = {}, items = {}, paragraphs = {}, addressees = {}, diacritics = true,
    place_date = { day = 15, month = 5, year = 2021, iso = "2021-05-15" } }
  local last
  for n, l in ipairs(lines) do
    doc.lines[n] = l
    local label, text = l:match("^(%d+%.)%s+(.*)$")
    local kind = "number"
    if not label then
      label, text = l:match("^([a-zđ]%))%s+(.*)$")
      kind = "letter"
    end
    local sub = false
    if not label then
      label, text = l:match("^([%-%+])%s+(.*)$")
      kind, sub = "dash", true
    end
    if label then
      local it = { label = label, kind = kind, level = sub and 2 or 1, text = text, line = n, end_line = n, column = 1,
        end_column = utf8.len(l) + 1, children = {} }
      if (sub or kind == "letter") and last then
        it.level = 2
        last.children[#last.children + 1] = it
      else
        doc.items[#doc.items + 1] = it
        last = it
      end
      doc.paragraphs[#doc.paragraphs + 1] = { text = text, line = n, end_line = n, item = it }
    else
      doc.paragraphs[#doc.paragraphs + 1] = { text = l, line = n, end_line = n }
      if doc.items[1] then last = nil end
    end
  end
  for k, v in pairs(over or {}) do doc[k] = v end
  return doc
end

local function extract(lines, over)
  return tasks.extract(doc_of(lines, over), fold)
end

-- {item sentence, lead, support}
local ASSIGNMENTS = {
  { "Giao Sở Y tế chủ trì, phối hợp với Văn phòng UBND tỉnh tiếp thu ý kiến, hoàn chỉnh dự thảo Quy chế, trình UBND "
    .. "tỉnh trước ngày 04/10/2021.", { "Sở Y tế" }, { "Văn phòng UBND tỉnh" } },
  { "Sở Giao thông vận tải chủ trì, phối hợp với Sở Y tế, Công an tỉnh và các đơn vị liên quan theo dõi sát diễn "
    .. "biến tình hình dịch.", { "Sở Giao thông vận tải" }, { "Sở Y tế", "Công an tỉnh", "các đơn vị liên quan" } },
  { "Giao Sở Y tế chủ trì, Sở Tài chính phối hợp có văn bản hướng dẫn thực hiện chế độ chính sách.",
    { "Sở Y tế" }, { "Sở Tài chính" } },
  { "UBND các huyện, thành phố phối hợp với các lực lượng chức năng phát động phong trào toàn dân.",
    { "UBND các huyện, thành phố" }, { "các lực lượng chức năng" } },
  { "Ban Tuyên giáo Tỉnh ủy chỉ đạo các cơ quan truyền thông tăng cường tuyên truyền.",
    { "Ban Tuyên giáo Tỉnh ủy" }, {} },
  { "Người đứng đầu các cơ quan, đơn vị phải chịu trách nhiệm thực hiện đầy đủ các biện pháp phòng, chống dịch.",
    { "Người đứng đầu các cơ quan, đơn vị" }, {} },
  { "Đề nghị Ủy ban MTTQ tỉnh và các tổ chức chính trị - xã hội tỉnh tuyên truyền, vận động đoàn viên, hội viên.",
    { "Ủy ban MTTQ tỉnh", "các tổ chức chính trị - xã hội tỉnh" }, {} },
  { "Yêu cầu Thủ trưởng các sở, ban, ngành báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15/12/2021.",
    { "Thủ trưởng các sở, ban, ngành" }, {} },
  { "Sở Giáo dục và Đào tạo: Xây dựng phương án tổ chức kỳ thi tốt nghiệp THPT.", { "Sở Giáo dục và Đào tạo" }, {} },
  { "Sở Y tế, Sở Tài chính và Công an tỉnh thực hiện kiểm tra liên ngành.",
    { "Sở Y tế", "Sở Tài chính", "Công an tỉnh" }, {} },
  { "UBND tỉnh giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính tham mưu phân bổ vốn.",
    { "Sở Kế hoạch và Đầu tư" }, { "Sở Tài chính" } },
  { "Sở Lao động, Thương binh và Xã hội phối hợp với Bảo hiểm xã hội tỉnh triển khai chính sách hỗ trợ.",
    { "Sở Lao động, Thương binh và Xã hội" }, { "Bảo hiểm xã hội tỉnh" } },
  { "Công an tỉnh có trách nhiệm đảm bảo an ninh trật tự tại các khu cách ly.", { "Công an tỉnh" }, {} },
  { "Bộ Chỉ huy Quân sự tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh tăng cường tuần tra biên giới.",
    { "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh" }, {} },
  { "Văn phòng Tỉnh ủy chủ trì, phối hợp với các cơ quan, đơn vị liên quan theo dõi, đôn đốc việc triển khai thực "
    .. "hiện Công văn này.", { "Văn phòng Tỉnh ủy" }, { "các cơ quan, đơn vị liên quan" } },
  { "Liên đoàn Lao động tỉnh chỉ đạo tổ chức công đoàn các cấp tham gia phòng, chống dịch.",
    { "Liên đoàn Lao động tỉnh" }, {} },
  { "Các sở, ban, ngành, đoàn thể tỉnh tổ chức quán triệt nội dung Chỉ thị.", { "Các sở, ban, ngành, đoàn thể tỉnh" },
    {} },
  { "Sở Tài nguyên và Môi trường tham mưu UBND tỉnh ban hành quy định về thu gom rác thải.",
    { "Sở Tài nguyên và Môi trường" }, {} },
  { "Ban Quản lý Khu kinh tế cửa khẩu Ma Lù Thàng phối hợp với Công an tỉnh kiểm soát người ra vào.",
    { "Ban Quản lý Khu kinh tế cửa khẩu Ma Lù Thàng" }, { "Công an tỉnh" } },
  { "UBND huyện Phong Thổ chủ trì, phối hợp với Trung tâm Y tế huyện rà soát danh sách.",
    { "UBND huyện Phong Thổ" }, { "Trung tâm Y tế huyện" } },
  { "Đề nghị Ban Dân vận Tỉnh ủy, Ủy ban Mặt trận Tổ quốc tỉnh phối hợp chặt chẽ, thường xuyên với ngành y tế tuyên "
    .. "truyền.", { "Ban Dân vận Tỉnh ủy", "Ủy ban Mặt trận Tổ quốc tỉnh" }, { "ngành y tế" } },
  { "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh chỉ đạo triển khai tiêm vắc xin.",
    { "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh" }, {} },
  { "Giao Trung tâm Kiểm soát bệnh tật tỉnh lấy mẫu xét nghiệm.", { "Trung tâm Kiểm soát bệnh tật tỉnh" }, {} },
  { "Sở Y tế và CDC tăng cường tập huấn chuyên môn.", { "Sở Y tế", "CDC" }, {} },
  { "Bảo hiểm xã hội tỉnh chủ trì hướng dẫn thủ tục.", { "Bảo hiểm xã hội tỉnh" }, {} },
  { "Chủ tịch UBND các huyện, thành phố chịu trách nhiệm trước Chủ tịch UBND tỉnh.",
    { "Chủ tịch UBND các huyện, thành phố" }, {} },
  { "Sở Thông tin và Truyền thông chủ trì, phối hợp Đài Phát thanh và Truyền hình tỉnh, Báo Lai Châu thông tin kịp "
    .. "thời.", { "Sở Thông tin và Truyền thông" }, { "Đài Phát thanh và Truyền hình tỉnh", "Báo Lai Châu" } },
  { "Đối với Sở Xây dựng: rà soát quy hoạch các khu cách ly tập trung.", { "Sở Xây dựng" }, {} },
  { "Cấp ủy, chính quyền các cấp tập trung lãnh đạo, chỉ đạo.", { "Cấp ủy, chính quyền các cấp" }, {} },
  { "Sở Nội vụ hướng dẫn các cơ quan, đơn vị thực hiện công tác thi đua, khen thưởng.", { "Sở Nội vụ" }, {} },
  { "Ban Cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh chỉ đạo các sở, ban, ngành tổ chức thực hiện.",
    { "Ban Cán sự đảng UBND tỉnh" }, {} },
  { "Kho bạc Nhà nước tỉnh phối hợp với Sở Tài chính kiểm soát chi.", { "Kho bạc Nhà nước tỉnh" }, { "Sở Tài chính" } },
  { "Phân công Sở Công Thương chủ trì bảo đảm cung ứng hàng hóa thiết yếu.", { "Sở Công Thương" }, {} },
  { "Trách nhiệm của Sở Văn hóa, Thể thao và Du lịch: hướng dẫn các cơ sở lưu trú thực hiện.",
    { "Sở Văn hóa, Thể thao và Du lịch" }, {} },
  { "Sở Khoa học và Công nghệ chủ trì, phối hợp Sở Thông tin và Truyền thông triển khai ứng dụng.",
    { "Sở Khoa học và Công nghệ" }, { "Sở Thông tin và Truyền thông" } },
  { "Đồng thời, Sở Tư pháp thẩm định dự thảo văn bản.", { "Sở Tư pháp" }, {} },
  { "Ban Chỉ đạo phòng, chống dịch các cấp mà nòng cốt là cơ quan y tế, phối hợp với Mặt trận Tổ quốc tham mưu.",
    { "Ban Chỉ đạo phòng, chống dịch các cấp" }, { "Mặt trận Tổ quốc" } },
}

describe("tasks.extract: who leads and who supports", function()
  for _, case in ipairs(ASSIGNMENTS) do
    for _, variant in ipairs { "diacritics", "ocr" } do
      it(string.format("%s (%s)", case[1]:sub(1, 60), variant), function()
        local ocr = variant == "ocr"
        local conv = ocr and strip or function(s) return s end
        local list = extract({ "1. " .. conv(case[1]) }, { diacritics = not ocr })
        assert.is_true(#list >= 1, "no task")
        local t = list[1]
        local lead, support = {}, {}
        for i, s in ipairs(case[2]) do lead[i] = conv(s) end
        for i, s in ipairs(case[3]) do support[i] = conv(s) end
        assert.same(lead, t.lead)
        assert.same(support, t.support)
        assert.equal("1.", t.item)
      end)
    end
  end
end)

describe("tasks.extract: what a task is", function()
  it("gives the text, position, assignees and deadline of a plain item", function()
    local list = extract {
      "Kính gửi các sở.",
      "1. Sở Y tế phối hợp với Sở Tài chính xây dựng dự toán kinh phí (báo cáo UBND tỉnh trước 21/5/2021).",
    }
    assert.equal(1, #list)
    local t = list[1]
    assert.equal("1.", t.item)
    assert.equal(2, t.line)
    assert.equal(1, t.column)
    assert.equal(2, t.end_line)
    assert.same({ "Sở Y tế", "Sở Tài chính" }, t.assignees)
    assert.equal("trước 21/5/2021", t.deadline.text)
    assert.equal("date", t.deadline.kind)
    assert.equal("2021-05-21", t.deadline.iso)
    assert.equal("báo cáo", t.deliverable)
    assert.same({ "xây dựng", "báo cáo" }, t.deliverables)
    assert.is_true(t.named)
    assert.is_false(t.ongoing)
    assert.truthy(t.text:find("^Sở Y tế phối hợp"))
  end)

  it("starts a new task at each sentence that names a new subject", function()
    local list = extract {
      "1. Sở Y tế rà soát các phương án (báo cáo UBND tỉnh trước 20/5/2021). Bộ Chỉ huy Quân sự tỉnh phối hợp với "
        .. "các địa phương, đơn vị rà soát các trụ sở. Sở Y tế và CDC tăng cường tập huấn.",
    }
    assert.equal(3, #list)
    assert.same({ "Sở Y tế" }, list[1].lead)
    assert.equal("2021-05-20", list[1].deadline.iso)
    assert.same({ "Bộ Chỉ huy Quân sự tỉnh" }, list[2].lead)
    assert.same({ "các địa phương, đơn vị" }, list[2].support)
    assert.is_nil(list[2].deadline)
    assert.same({ "Sở Y tế", "CDC" }, list[3].lead)
    assert.equal("Bộ Chỉ huy Quân sự tỉnh phối hợp với các địa phương, đơn vị rà soát các trụ sở.", list[2].text)
    for _, t in ipairs(list) do assert.equal("1.", t.item) end
    -- the later tasks point into the line, after the earlier ones
    assert.equal(1, list[2].line)
    assert.truthy(list[2].column > 40)
    assert.truthy(list[3].column > list[2].column)
  end)

  it("keeps sentences without a subject in the task before them", function()
    local list = extract {
      "1. Sở Y tế xây dựng dự toán. Rà soát, tổng hợp những khó khăn, báo cáo UBND tỉnh trước ngày 30/5/2021.",
    }
    assert.equal(1, #list)
    assert.equal("2021-05-30", list[1].deadline.iso)
  end)

  it("applies a closing 'Hoàn thành trước ...' to every task of the item", function()
    local list = extract {
      "1. Sở Y tế xây dựng kế hoạch tiêm chủng; Sở Tài chính bố trí kinh phí. Hoàn thành trước ngày 30/10/2021.",
    }
    assert.equal(2, #list)
    assert.equal("2021-10-30", list[1].deadline.iso)
    assert.equal("2021-10-30", list[2].deadline.iso)
  end)

  it("prefers a date to urgency and takes the latest of several dates", function()
    local list = extract {
      "1. Giao Sở Y tế chủ trì hoàn chỉnh dự thảo trước ngày 04/10/2021. Đồng thời khẩn trương rà soát, trình UBND "
        .. "tỉnh trước ngày 10/10/2021.",
    }
    assert.equal("2021-10-10", list[1].deadline.iso)
    assert.equal(3, #list[1].deadlines)
    assert.is_true(list[1].urgent)
  end)

  it("reads a cadence as recurring work", function()
    local list = extract {
      "1. Sở Y tế, Trung tâm Kiểm soát bệnh tật tỉnh chủ động nắm bắt thông tin. Hàng ngày cập nhật, báo cáo kết quả.",
    }
    assert.equal("recurring", list[1].deadline.kind)
    assert.equal("Hàng ngày", list[1].deadline.text)
    assert.is_true(list[1].recurring)
  end)

  it("does not take a cited document's date as a deadline", function()
    local list = extract {
      "1. UBND các huyện, thành phố thực hiện nghiêm chỉ đạo tại Công điện số 1265/CĐ-TTg ngày 30/9/2021.",
    }
    assert.is_nil(list[1].deadline)
  end)

  it("infers the year from the document date, else from the dates in the text", function()
    local a = extract({ "1. Sở Y tế báo cáo trước ngày 20/5." })
    assert.equal("2021-05-20", a[1].deadline.iso)
    local b = extract({ "Ngày 01/10/2022, Ban Chỉ đạo họp.", "1. Sở Y tế báo cáo trước ngày 20/10." },
      { place_date = false })
    assert.equal("2022-10-20", b[1].deadline.iso)
    assert.is_true(b[1].deadline.year_inferred)
  end)

  it("marks impossible dates invalid and keeps them", function()
    local list = extract({ "1. Sở Y tế báo cáo UBND tỉnh trước ngày 31/9/2021." })
    assert.is_true(list[1].deadline.invalid)
    assert.is_nil(list[1].deadline.iso)
  end)

  it("tells 'ngay' (at once) from 'ngày' (day) in text with diacritics", function()
    local with = extract({ "1. Sở Y tế kiểm tra ngày khai giảng tại các trường." })
    assert.is_nil(with[1].deadline)
    local at_once = extract({ "1. Sở Y tế kiểm tra ngay các trường." })
    assert.equal("immediate", at_once[1].deadline.kind)
    local ocr = extract({ "1. So Y te kiem tra ngay cac truong." }, { diacritics = false })
    assert.equal("immediate", ocr[1].deadline.kind)
  end)

  it("returns names and deadline text in original spelling through odd spacing and punctuation", function()
    local list = extract { "1. Giao  Sở Y tế\u{00A0}chủ trì, phối hợp với “Văn phòng UBND tỉnh”… tham mưu, trình "
      .. "UBND   tỉnh trước ngày 04/10/2021." }
    assert.same({ "Sở Y tế" }, list[1].lead)
    assert.equal("trước ngày 04/10/2021", list[1].deadline.text)
  end)

  it("flags standing work as ongoing", function()
    local list = extract({ "1. Sở Giao thông vận tải chủ trì theo dõi sát tình hình, kịp thời tham mưu, đề xuất." })
    assert.is_true(list[1].ongoing)
    assert.is_true(list[1].chu_tri)
    local plain = extract({ "1. Giao Sở Tài chính chủ trì kiểm tra thực tế và tham mưu UBND tỉnh giải quyết." })
    assert.is_false(plain[1].ongoing)
    assert.equal("tham mưu", plain[1].deliverable)
  end)

  it("finds each kind of deliverable", function()
    local cases = {
      { "báo cáo UBND tỉnh kết quả", "báo cáo" }, { "hoàn chỉnh hồ sơ", "hoàn chỉnh" },
      { "trình UBND tỉnh phê duyệt", "trình" }, { "xây dựng kế hoạch", "xây dựng" },
      { "ban hành quy chế", "ban hành" }, { "có văn bản gửi Bộ Y tế", "có văn bản" },
      { "tổng hợp ý kiến", "tổng hợp" }, { "đề xuất giải pháp", "đề xuất" }, { "tham mưu văn bản", "tham mưu" },
      { "hướng dẫn thực hiện chế độ", "hướng dẫn" }, { "hoàn thành việc lắp đặt", "hoàn thành" },
      { "thực hiện theo lịch trình", nil }, { "bảo đảm hoàn thành nhiệm vụ", nil },
      { "tham gia dự thảo Quy chế", nil }, { "thực hiện theo hướng dẫn", nil },
    }
    for _, c in ipairs(cases) do
      local list = extract({ "1. Sở Y tế " .. c[1] .. "." })
      assert.equal(c[2], list[1].deliverable, c[1])
    end
  end)
end)

describe("tasks.extract: inheritance", function()
  it("gives items without a subject the preamble's addressees, not named", function()
    local list = extract {
      "UBND tỉnh yêu cầu các sở, ban, ngành, địa phương thực hiện tốt một số nhiệm vụ sau:",
      "1. Tăng cường công tác tuyên truyền.",
      "2. Xây dựng kế hoạch tiêm chủng, báo cáo UBND tỉnh trước ngày 30/10/2021.",
    }
    assert.equal(2, #list)
    assert.same({ "các sở, ban, ngành, địa phương" }, list[1].lead)
    assert.equal("preamble", list[2].inherited)
    assert.is_false(list[2].named)
  end)

  it("falls back to the addressees (Kính gửi)", function()
    local list = extract({ "Ban Thường vụ Tỉnh ủy yêu cầu:", "1. Huy động cả hệ thống chính trị." },
      { addressees = { { text = "- Các huyện ủy, thành ủy,", line = 1 } } })
    assert.same({ "Các huyện ủy, thành ủy" }, list[1].lead)
    assert.equal("addressees", list[1].inherited)
    assert.is_false(list[1].named)
  end)

  it("gives sub-items the agency heading their item, named", function()
    local list = extract {
      "2. Sở Giáo dục và Đào tạo:",
      "a) Xây dựng phương án tổ chức kỳ thi, trình UBND tỉnh trước ngày 15/6/2021.",
      "b) Phối hợp với Sở Y tế bảo đảm an toàn phòng dịch tại các điểm thi.",
    }
    assert.equal(2, #list)
    assert.equal("a)", list[1].item)
    assert.equal("2.", list[1].parent)
    assert.same({ "Sở Giáo dục và Đào tạo" }, list[1].lead)
    assert.equal("heading", list[1].inherited)
    assert.is_true(list[1].named)
    assert.same({ "Sở Y tế" }, list[2].support)
  end)

  it("gives sub-items the subject of their item and its deadline", function()
    local list = extract {
      "2. Ban Cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh chỉ đạo các sở, ngành tập trung (hoàn thành trước ngày "
        .. "30/9/2021):",
      "- Thành lập Trung tâm Chỉ huy phòng, chống dịch các cấp.",
      "- Sở Y tế bảo đảm nhân lực.",
    }
    assert.equal(3, #list)
    assert.equal("parent", list[2].inherited)
    assert.same({ "Ban Cán sự đảng UBND tỉnh" }, list[2].lead)
    assert.equal("2021-09-30", list[2].deadline.iso)
    assert.is_true(list[2].deadline.inherited)
    assert.same({ "Sở Y tế" }, list[3].lead)
    assert.equal("-", list[3].item)
  end)

  it("reads a kế hoạch's labelled sub-items as the item's lead, support and deadline", function()
    local list = extract {
      "1. Tổ chức tuyên truyền về phòng, chống dịch",
      "- Cơ quan chủ trì: Sở Thông tin và Truyền thông.",
      "- Cơ quan phối hợp: Sở Y tế, Đài Phát thanh và Truyền hình tỉnh.",
      "- Thời gian thực hiện: Quý III/2021.",
      "2. Kiểm tra, giám sát việc thực hiện",
      "- Chủ trì: Văn phòng UBND tỉnh",
      "- Tiến độ: Hằng quý",
    }
    assert.equal(2, #list)
    assert.same({ "Sở Thông tin và Truyền thông" }, list[1].lead)
    assert.same({ "Sở Y tế", "Đài Phát thanh và Truyền hình tỉnh" }, list[1].support)
    assert.equal("2021-09-30", list[1].deadline.iso)
    assert.equal("period", list[1].deadline.kind)
    assert.is_true(list[1].named)
    assert.is_true(list[1].chu_tri)
    assert.same({ "Văn phòng UBND tỉnh" }, list[2].lead)
    assert.equal("recurring", list[2].deadline.kind)
  end)

  it("reads labelled lines inside an item's text", function()
    local doc = doc_of({ "1. Xây dựng kế hoạch tiêm chủng" })
    doc.items[1].text = "Xây dựng kế hoạch tiêm chủng\nĐơn vị chủ trì: Sở Y tế; đơn vị phối hợp: Sở Tài chính.\n"
      .. "Thời gian hoàn thành: Tháng 8/2021."
    local list = tasks.extract(doc, fold)
    assert.equal(1, #list)
    assert.same({ "Sở Y tế" }, list[1].lead)
    assert.same({ "Sở Tài chính" }, list[1].support)
    assert.equal("2021-08-31", list[1].deadline.iso)
  end)

  it("leaves section headings alone", function()
    local list = extract({ "UBND tỉnh yêu cầu các sở thực hiện:", "1. Mục đích:", "2. Yêu cầu" })
    assert.same({}, list)
  end)

  it("lists an item with a deadline but nobody to do it", function()
    local list = extract({ "1. Tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 30/11/2021." })
    assert.equal(1, #list)
    assert.same({}, list[1].lead)
    assert.is_false(list[1].named)
  end)

  it("skips subject-less items without a deadline or a product when nothing is inherited", function()
    assert.same({}, extract({ "1. Tăng cường công tác tuyên truyền." }))
  end)

  it("treats a vague subject as not named", function()
    local list = extract({ "1. Các cơ quan, đơn vị liên quan báo cáo kết quả trước ngày 20/6/2021." })
    assert.is_false(list[1].named)
    local sectors = extract({ "1. Các sở, ngành, đơn vị liên quan báo cáo kết quả trước ngày 20/6/2021." })
    assert.is_true(sectors[1].named)
  end)
end)

describe("tasks.extract: paragraphs outside the items", function()
  it("takes a closing paragraph that assigns monitoring work", function()
    local list = extract {
      "1. Sở Y tế tăng cường kiểm tra.",
      "Văn phòng Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc việc triển khai thực hiện "
        .. "Công văn này, báo cáo Ban Thường vụ Tỉnh ủy.",
    }
    assert.equal(2, #list)
    assert.is_nil(list[2].item)
    assert.equal(2, list[2].line)
    assert.same({ "Văn phòng Tỉnh ủy" }, list[2].lead)
    assert.is_true(list[2].ongoing)
  end)

  it("does not take the enforcement formula or narrative", function()
    local list = extract {
      "Sau khi nghe Sở Y tế báo cáo, đồng chí Phó Chủ tịch kết luận như sau:",
      "1. Sở Y tế tăng cường kiểm tra.",
      "Căn cứ nội dung Văn bản này, yêu cầu Thủ trưởng các sở, ngành, địa phương triển khai thực hiện./.",
    }
    assert.equal(1, #list)
    assert.equal("1.", list[1].item)
  end)

  it("returns an empty list for an empty document", function()
    assert.same({}, tasks.extract({ items = {}, paragraphs = {} }, fold))
  end)
end)

describe("tasks alignment of folded and original text", function()
  local CASES = {
    { "Sở  Y tế\tchủ trì", "so y te", "Sở  Y tế" },
    { "“Văn phòng” … Tỉnh ủy", "van phong\" ... tinh", "Văn phòng” … Tỉnh" },
    { "Đề nghị Ủy ban MTTQ", "uy ban mttq", "Ủy ban MTTQ" },
    { "a\u{00A0}\u{00A0}Bảo hiểm xã hội", "bao hiem", "Bảo hiểm" },
  }
  for _, c in ipairs(CASES) do
    it(c[1], function()
      local f = fold(c[1])
      local s = f:find(c[2], 1, true)
      assert.truthy(s)
      assert.equal(c[3], tasks._original(c[1], fold, s, s + #c[2]))
    end)
  end
end)

describe("agencies", function()
  after_each(function() agencies.reset() end)

  it("can be extended with new bodies", function()
    local before = extract({ "1. Hợp tác xã Nông nghiệp Tân Uyên xây dựng phương án sản xuất." })
    assert.same({}, before[1].lead)
    agencies.extend { "Hợp tác xã Nông nghiệp Tân Uyên" }
    local after = extract({ "1. Hợp tác xã Nông nghiệp Tân Uyên xây dựng phương án sản xuất." })
    assert.same({ "Hợp tác xã Nông nghiệp Tân Uyên" }, after[1].lead)
  end)

  it("takes extra bodies per call (opts.agencies), without changing the built-in gazetteer", function()
    local line = { "1. Hợp tác xã Nông nghiệp Tân Uyên chủ trì, phối hợp với Ban Quản lý chợ Mường Than xây dựng "
      .. "phương án sản xuất trước ngày 20/6/2021." }
    local without = tasks.extract(doc_of(line), fold)
    assert.same({}, without[1].lead)
    local opts = { agencies = { "Hợp tác xã Nông nghiệp Tân Uyên", "Ban Quản lý chợ Mường Than" } }
    local with = tasks.extract(doc_of(line), fold, opts)
    assert.same({ "Hợp tác xã Nông nghiệp Tân Uyên" }, with[1].lead)
    assert.same({ "Ban Quản lý chợ Mường Than" }, with[1].support)
    assert.is_true(with[1].named)
    -- the option is no global state: the next call without it is as before
    assert.same({}, tasks.extract(doc_of(line), fold)[1].lead)
  end)

  it("prefers an extra name to a shorter built-in one", function()
    local line = { "1. Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu chủ trì tổ chức Ngày hội văn hóa." }
    local opts = { agencies = { "Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu" } }
    assert.same({ "Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu" }, tasks.extract(doc_of(line), fold, opts)[1].lead)
  end)

  it("compiles an agency list once (memoised by its names)", function()
    local a = agencies.gazetteer { "Hợp tác xã Nông nghiệp Tân Uyên", "Ban Quản lý chợ Mường Than" }
    assert.equal(a, agencies.gazetteer { "Hợp tác xã Nông nghiệp Tân Uyên", "Ban Quản lý chợ Mường Than" })
    assert.are_not.equal(a, agencies.gazetteer { "Hợp tác xã Nông nghiệp Tân Uyên" })
    assert.equal(agencies.gazetteer(), agencies.gazetteer {})
    assert.truthy(a["hop"])
    assert.falsy(agencies.gazetteer()["hop"])
  end)

  it("folds names from the data", function()
    assert.equal("so lao dong, thuong binh va xa hoi", agencies.fold_name("Sở Lao động,  Thương binh và Xã hội"))
  end)

  it("knows vague collectives", function()
    assert.is_true(agencies.is_vague("cac co quan, don vi lien quan"))
    assert.is_false(agencies.is_vague("cac so, nganh lien quan"))
    assert.is_false(agencies.is_vague("cac so, ban, nganh"))
  end)
end)

-- The real seeds, when the compiled core is on the path (CTest runs it so).
local ok, core = pcall(require, "vbcheck.core")
if ok then
  describe("tasks.extract on the seeds", function()
    local seeds = "spec/fixtures/seeds/"
    local function seed(name) return tasks.extract(assert(core.parse_file(seeds .. name)), core.fold) end
    local function find(list, label)
      for _, t in ipairs(list) do if t.item == label then return t end end
    end

    it("001: leads, supports and deadlines", function()
      local list = seed("001_794841c1d5532eea.txt")
      assert.same({ "Sở Y tế" }, find(list, "5.").lead)
      assert.equal("2021-05-20", find(list, "5.").deadline.iso)
      assert.same({ "Sở Y tế" }, find(list, "8.").lead)
      assert.same({ "Sở Tài chính", "các đơn vị liên quan" }, find(list, "8.").support)
      assert.equal("2021-05-21", find(list, "8.").deadline.iso)
      assert.same({ "Sở Y tế", "Công an tỉnh", "các đơn vị liên quan" }, find(list, "6.").support)
    end)

    it("003: chủ trì / phối hợp, a cadence, sub-items", function()
      local list = seed("003_801a75eec3dce3ad.txt")
      assert.same({ "Văn phòng UBND tỉnh" }, find(list, "1.").support)
      assert.equal("2021-10-04", find(list, "1.").deadline.iso)
      assert.equal("recurring", find(list, "3.").deadline.kind)
      assert.same({ "Sở Y tế" }, find(list, "6.").support)
      assert.equal("11.", find(list, "-").parent)
    end)

    it("000: OCR text without diacritics", function()
      local list = seed("000_ae572a1d7cc66a6d.txt")
      assert.equal("Ban Tuyén gido Tinh uy", find(list, "4.").lead[1])
    end)
  end)
end
