-- The document model as Lua sees it (require "vbcheck"), on the seeds and
-- on bad input. Expected values follow NĐ 30 / HD 36 forms, not file quirks.
local vb = require "vbcheck"

local seeds = "spec/fixtures/seeds/"

describe("vbcheck.parse_file on the seeds", function()
  it("reads an OCR'd party công văn without diacritics", function()
    local doc = assert(vb.parse_file(seeds .. "000_ae572a1d7cc66a6d.txt"))
    assert.equal("party", doc.family)
    assert.is_false(doc.diacritics)
    assert.equal("325-CV/TU", doc.number.symbol)
    assert.equal(325, doc.number.seq)
    assert.equal("CV", doc.number.type_code)
    assert.equal("TU", doc.number.issuer_code)
    assert.equal("2021-08-24", doc.place_date.iso)
    assert.equal("cong-van", doc.doc_type.code)
    assert.equal(3, #doc.addressees)
    assert.equal("T/M", doc.signature.authority[1].prefix)
    assert.equal("Lé Van Lwong", doc.signature.name)
    assert.equal(127, doc.recipients.archive.line)
  end)

  it("splits the flattened issuer/national header of seed 000", function()
    local doc = assert(vb.parse_file(seeds .. "000_ae572a1d7cc66a6d.txt"))
    assert.equal("TINH UY LAI CHAU", doc.issuer.name)
    assert.equal("PANG CONG SAN VIET NAM", doc.national.text)
    assert.equal(1, doc.national.line)
    assert.equal(18, doc.national.column)
  end)

  it("keeps a blank number and a blank day as nil", function()
    local doc = assert(vb.parse_file(seeds .. "001_794841c1d5532eea.txt"))
    assert.is_nil(doc.number.seq)
    assert.equal("CV/BCSĐ", doc.number.symbol)
    assert.is_nil(doc.place_date.day)
    assert.equal(5, doc.place_date.month)
    assert.is_nil(doc.place_date.iso)
    assert.equal("TM", doc.signature.authority[1].prefix)
    assert.equal("TỈNH ỦY LAI CHÂU", doc.issuer.parent)
    assert.equal(11, #doc.items)
  end)

  it("reads Markdown emphasis and a wrapped issuer name", function()
    local doc = assert(vb.parse_file(seeds .. "002_161b9cd3f6c97b82.txt"))
    assert.equal("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", doc.issuer.name)
    assert.is_nil(doc.issuer.parent)
    assert.equal("Độc lập - Tự do - Hạnh phúc", doc.national.motto)
    assert.equal("UBND-VX", doc.number.symbol)
    assert.equal("VX", doc.number.unit_code)
    assert.same({ "TM.", "KT." }, { doc.signature.authority[1].prefix, doc.signature.authority[2].prefix })
    assert.equal("Tổng Thanh Hải", doc.signature.name)
    assert.equal(2, #doc.references)
  end)

  it("joins PDF hard wraps and does not take 19. after Covid- as an item", function()
    local doc = assert(vb.parse_file(seeds .. "003_801a75eec3dce3ad.txt"))
    assert.is_nil(doc.number)
    assert.is_nil(doc.issuer)
    assert.equal("thong-bao", doc.doc_type.code)
    assert.equal(11, #doc.items)
    assert.equal("11.", doc.items[11].label)
    assert.equal(2, #doc.items[11].children)
    assert.equal("Nguyễn Thị Hồng Tuyến", doc.signature.name)
    assert.truthy(doc.paragraphs[1].text:find("Covid-19. Tham dự", 1, true))
  end)

  it("finds no name under a signature that has none", function()
    local doc = assert(vb.parse_file(seeds .. "004_bdcb37579fc0a953.txt"))
    assert.is_nil(doc.signature.name)
    assert.equal("PHÓ BÍ THƯ THƯỜNG TRỰC", doc.signature.title)
    assert.equal("1879-CV/TU", doc.references[1].number)
    assert.equal(6, #doc.items)
    assert.equal(3, #doc.addressees)
  end)

  it("links paragraphs to the item tables they belong to", function()
    local doc = assert(vb.parse_file(seeds .. "001_794841c1d5532eea.txt"))
    local p
    for _, para in ipairs(doc.paragraphs) do
      if para.text:find("^Sở Y tế và CDC") then p = para end
    end
    assert.truthy(p)
    assert.equal(doc.items[5], p.item)
  end)
end)

describe("vbcheck.parse", function()
  it("parses a string and reports original line numbers", function()
    local doc = assert(vb.parse("\r\n\r\nSố: 12/UBND-VP\r\nHà Nội, ngày 05 tháng 01 năm 2020\r\n"))
    assert.equal(3, doc.number.line)
    assert.equal("2020-01-05", doc.place_date.iso)
    assert.equal("05", doc.place_date.day_text)
    assert.equal(4, #doc.lines)
  end)

  it("gives every element nil for an empty document", function()
    local doc = assert(vb.parse(""))
    for _, k in ipairs { "national", "issuer", "number", "place_date", "doc_type", "subject", "signature",
      "recipients" } do
      assert.is_nil(doc[k], k)
    end
    assert.same({}, doc.items)
    assert.same({}, doc.lines)
  end)

  it("rejects invalid UTF-8 with the byte offset", function()
    local good = "Số: 12"
    local doc, msg, code = vb.parse(good .. "\xC3\x28")
    assert.is_nil(doc)
    assert.equal("EUTF8", code)
    assert.truthy(msg:find("byte " .. #good, 1, true))
  end)

  it("folds case and diacritics", function()
    assert.equal("dang cong san viet nam", vb.fold("ĐẢNG  CỘNG SẢN VIỆT NAM"))
  end)
end)
