-- luacheck: std +busted
-- header/national-missing, header/national-malformed, header/issuer-missing
local docs = require "helpers.docs"
local none = docs.none

local function keys(id, doc, opts)
  local out = {}
  for i, f in ipairs(docs.run(id, doc, opts)) do out[i] = f.message_id end
  return out
end

describe("header/national-missing", function()
  local id = "header/national-missing"

  it("stays silent on a complete state or party header", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party()))
  end)

  it("asks a state document for Quốc hiệu and Tiêu ngữ, at the header", function()
    local f = docs.run(id, docs.state { national = none, zones = { header = { line = 2 } } })
    assert.equal(1, #f)
    assert.equal("error", f[1].severity)
    assert.equal(2, f[1].line)
    assert.truthy(f[1].message:find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1, true))
    assert.truthy(f[1].message:find("Độc lập - Tự do - Hạnh phúc", 1, true))
  end)

  it("asks a party document for ĐẢNG CỘNG SẢN VIỆT NAM", function()
    local f = docs.run(id, docs.party { national = none })
    assert.equal(1, #f)
    assert.truthy(f[1].message:find("ĐẢNG CỘNG SẢN VIỆT NAM", 1, true))
    assert.falsy(f[1].message:find("Tiêu ngữ", 1, true))
  end)

  it("points at line 1 when there is no header zone", function()
    local f = docs.run(id, docs.state { national = none, zones = none })
    assert.equal(1, f[1].line)
  end)

  it("names both forms when the family is unknown", function()
    local f = docs.run(id, docs.state { national = none, family = "unknown" }, { lang = "en" })
    assert.equal("unknown", f[1].message_id)
    assert.truthy(f[1].message:find("(party)", 1, true))
  end)
end)

describe("header/national-malformed", function()
  local id = "header/national-malformed"
  local cases = {
    -- name, builder, national override, expected message ids
    { "the exact state header", docs.state, {}, {} },
    { "HOÀ (the sample table's spelling)", docs.state, { text = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" }, {} },
    { "en dashes in the motto", docs.state, { motto = "Độc lập – Tự do – Hạnh phúc" }, {} },
    { "unspaced hyphens", docs.state, { motto = "Độc lập-Tự do-Hạnh phúc" }, {} },
    { "a word missing from the Quốc hiệu", docs.state, { text = "CỘNG HÒA XÃ HỘI VIỆT NAM" }, { "quoc_hieu" } },
    { "a wrong word in the Quốc hiệu", docs.state, { text = "CỘNG HÒA DÂN CHỦ NHÂN DÂN VIỆT NAM" },
      { "quoc_hieu" } },
    { "a wrong word in the Tiêu ngữ", docs.state, { motto = "Độc lập - Tự do và Hạnh phúc" }, { "tieu_ngu" } },
    { "a Quốc hiệu without Tiêu ngữ", docs.state, { motto = none }, { "no_tieu_ngu" } },
    { "a Tiêu ngữ without Quốc hiệu", docs.state, { text = none }, { "no_quoc_hieu" } },
    { "the exact party header", docs.party, {}, {} },
    { "an abridged party header", docs.party, { text = "ĐẢNG CỘNG SẢN VN" }, { "party" } },
    { "a party header with a Tiêu ngữ", docs.party, { motto = "Độc lập - Tự do - Hạnh phúc" }, { "party_motto" } },
    { "a party header on a state document", docs.state, { kind = "party", text = "ĐẢNG CỘNG SẢN VIỆT NAM" },
      { "party_in_state" } },
    { "a Quốc hiệu on a party document", docs.party, { kind = "state", text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" },
      { "state_in_party" } },
  }
  for _, c in ipairs(cases) do
    it((#c[4] == 0 and "accepts " or "reports ") .. c[1], function()
      assert.same(c[4], keys(id, c[2] { national = c[3] }))
    end)
  end

  it("reports the Tiêu ngữ on its own line", function()
    local f = docs.run(id, docs.state { national = { motto = "Độc lập - Hạnh phúc" } })
    assert.equal(4, f[1].line)
    assert.equal("warning", f[1].severity)
    assert.truthy(f[1].message:find("\"Độc lập - Hạnh phúc\"", 1, true))
  end)

  describe("on OCR text (no diacritics)", function()
    it("tolerates letter noise: PANG CONG SAN VIET NAM", function()
      local doc = docs.party { diacritics = false, national = { text = "PANG CONG SAN VIET NAM" } }
      assert.same({}, keys(id, doc))
    end)

    it("tolerates a state header without diacritics and with noise", function()
      local doc = docs.state { diacritics = false,
        national = { text = "CONG HOA XA HOI CHU NGHIA VIET NAM", motto = "Doc lap - Tu do - Hanh phuc" } }
      assert.same({}, keys(id, doc))
      doc.national.text = "CONG HOA XA H0I CHU NGHIA VIET NAM"
      assert.same({}, keys(id, doc))
    end)

    it("still reports a missing word", function()
      local doc = docs.state { diacritics = false, national = { text = "CONG HOA CHU NGHIA VIET NAM" } }
      assert.same({ "quoc_hieu" }, keys(id, doc))
      doc = docs.party { diacritics = false, national = { text = "CONG SAN VIET NAM" } }
      assert.same({ "party" }, keys(id, doc))
    end)

    it("does not tolerate the same noise in typed text", function()
      assert.same({ "party" }, keys(id, docs.party { national = { text = "PANG CỘNG SẢN VIỆT NAM" } }))
    end)
  end)

  it("says nothing when the header is missing (header/national-missing does)", function()
    assert.same({}, keys(id, docs.state { national = none }))
  end)
end)

describe("header/issuer-missing", function()
  local id = "header/issuer-missing"

  it("stays silent when the issuer is there", function()
    assert.same({}, docs.run(id, docs.state()))
    assert.same({}, docs.run(id, docs.party()))
  end)

  it("reports a missing issuer at the header, with the family's example", function()
    local f = docs.run(id, docs.state { issuer = none })
    assert.same({ 1, "error", "state" }, { f[1].line, f[1].severity, f[1].message_id })
    assert.truthy(f[1].message:find("ỦY BAN NHÂN DÂN", 1, true))
    f = docs.run(id, docs.party { issuer = none })
    assert.equal("party", f[1].message_id)
    assert.truthy(f[1].message:find("TỈNH ỦY", 1, true))
  end)
end)
