-- Cross-document rules: register/duplicate-number, ref/unknown and
-- ref/mismatch, on a register the spec builds with `vbcheck index`, then
-- `vbcheck check` with it.
local dkjson = require "dkjson"
local corpus = require "helpers.corpus"

local V = corpus.bin
local dir

before_each(function()
  dir = corpus.tmpdir()
  os.execute("mkdir " .. corpus.sh(dir .. "/.git"))
end)
after_each(function() corpus.cleanup(dir) end)

local function write(name, o) return corpus.write(dir, name, corpus.state(o)) end

local function index(paths)
  local _, code = corpus.run(dir, V .. " index -q " .. (paths or "."))
  assert.equal(0, code)
end

-- findings of rule for each file checked: {[path] = {finding...}}
local function check(rule, paths, extra)
  local out = corpus.stdout(dir, V .. " check --format json " .. (extra or "") .. " " .. (paths or "."))
  local res = assert(dkjson.decode(out), out)
  local by = {}
  for _, f in ipairs(res.files) do
    by[f.path] = {}
    for _, x in ipairs(f.findings) do
      if x.rule == rule then table.insert(by[f.path], x) end
    end
  end
  return by
end

-- a plan from the provincial People's Committee, cited by other documents
local UBND = { issuer = "ỦY BAN NHÂN DÂN TỈNH", parent = "", code = "UBND", issuer_short = "Ủy ban nhân dân tỉnh" }

local function ubnd(o)
  for k, v in pairs(UBND) do if o[k] == nil then o[k] = v end end
  return o
end

describe("register/duplicate-number", function()
  it("fires on both documents of one issuer numbered alike in one year", function()
    write("a.txt", { seq = 12, kind = "quyet_dinh", month = 3 })
    write("b.txt", { seq = 12, kind = "quyet_dinh", month = 6 })
    write("c.txt", { seq = 13, kind = "quyet_dinh", month = 6 })
    index()
    local by = check("register/duplicate-number")
    assert.equal(1, #by["./a.txt"])
    assert.equal(1, #by["./b.txt"])
    assert.equal(0, #by["./c.txt"])
    local f = by["./a.txt"][1]
    assert.equal("error", f.severity)
    assert.equal(4, f.line)
    assert.equal("Số, ký hiệu \"12/QĐ-SYT\" đã dùng cho văn bản khác của cùng cơ quan trong năm 2024: b.txt "
      .. "(ngày 05/06/2024)", f.message)
    -- in English, and for a file checked from elsewhere
    local out = corpus.stdout(dir, V .. " check --lang en " .. dir .. "/b.txt")
    assert.truthy(out:find("already used by another document of the same issuer in 2024: a.txt (dated 05/03/2024)",
      1, true))
  end)

  it("counts the other documents when there are several", function()
    for i, m in ipairs { 3, 4, 5 } do write("d" .. i .. ".txt", { seq = 12, kind = "quyet_dinh", month = m }) end
    index()
    local f = check("register/duplicate-number", "d1.txt")["d1.txt"][1]
    assert.truthy(f.message:find("d2.txt (ngày 05/04/2024) và 1 văn bản khác", 1, true))
  end)

  it("does not fire across years, issuers, on blank numbers or without a register", function()
    write("a.txt", { seq = 12, kind = "quyet_dinh", year = 2024 })
    write("b.txt", { seq = 12, kind = "quyet_dinh", year = 2025 })                              -- numbering restarted
    write("c.txt", { seq = 12, kind = "quyet_dinh", year = 2024, parent = "UBND TỈNH LAI CHÂU" }) -- another Sở Y tế
    local by = check("register/duplicate-number")
    assert.equal(0, #by["./a.txt"]) -- no register yet
    index()
    by = check("register/duplicate-number")
    for _, p in ipairs { "./a.txt", "./b.txt", "./c.txt" } do assert.equal(0, #by[p], p) end
    -- a draft with a blank number is not a duplicate of anything
    local text = corpus.state { seq = 12, kind = "quyet_dinh" }:gsub("Số: 12/", "Số:   /")
    corpus.write(dir, "draft.txt", text)
    corpus.write(dir, "draft2.txt", text)
    index()
    by = check("register/duplicate-number")
    assert.equal(0, #by["./draft.txt"])
    assert.equal(0, #by["./a.txt"])
  end)

  it("sees the file being checked as it is now, not as indexed", function()
    write("a.txt", { seq = 12, kind = "quyet_dinh", month = 3 })
    write("b.txt", { seq = 13, kind = "quyet_dinh", month = 6 })
    index()
    write("b.txt", { seq = 12, kind = "quyet_dinh", month = 6 }) -- renumbered after indexing
    local by = check("register/duplicate-number", "b.txt")
    assert.equal(1, #by["b.txt"])
    -- a.txt's check sees b.txt as the register holds it (13): no duplicate yet
    assert.equal(0, #check("register/duplicate-number", "a.txt")["a.txt"])
  end)
end)

describe("ref/unknown", function()
  it("fires on a citation of the issuer's own document missing from the register", function()
    write("plan.txt", ubnd { seq = 45, kind = "ke_hoach", month = 2, day = 20 })
    write("a.txt", ubnd { seq = 50, cites = { "Kế hoạch số 44/KH-UBND ngày 19/02/2024" } })
    index()
    local f = check("ref/unknown", "a.txt")["a.txt"]
    assert.equal(1, #f)
    assert.equal("info", f[1].severity)
    assert.equal("Văn bản được dẫn \"Kế hoạch số 44/KH-UBND ngày 19/02/2024\" của cùng cơ quan ban hành không có "
      .. "trong sổ đăng ký: kiểm tra số, ký hiệu hoặc ghi sổ văn bản đó (vbcheck index)", f[1].message)
    assert.equal(9, f[1].line)
  end)

  it("does not fire when the cited document is there, belongs to another issuer, or the register does not cover "
    .. "this issuer", function()
    write("plan.txt", ubnd { seq = 45, kind = "ke_hoach", month = 2, day = 20 })
    write("a.txt", ubnd { seq = 50, cites = { "Kế hoạch số 45/KH-UBND ngày 20/02/2024",
      "Công điện số 1102/CĐ-TTg ngày 23/8/2021" } })
    write("syt.txt", { seq = 5, cites = { "Kế hoạch số 44/KH-UBND ngày 19/02/2024" } }) -- Sở Y tế cites the UBND
    index()
    local by = check("ref/unknown")
    for _, p in ipairs { "./plan.txt", "./a.txt", "./syt.txt" } do assert.equal(0, #by[p], p) end
    -- a register holding only the Sở Y tế's documents knows nothing of the UBND's
    os.remove(dir .. "/plan.txt")
    os.remove(dir .. "/a.txt")
    index()
    write("b.txt", ubnd { seq = 51, cites = { "Kế hoạch số 44/KH-UBND ngày 19/02/2024" } })
    assert.equal(0, #check("ref/unknown", "b.txt")["b.txt"])
  end)

  it("takes the year of a state number from the citation", function()
    write("plan.txt", ubnd { seq = 45, kind = "ke_hoach", year = 2023 })
    write("a.txt", ubnd { seq = 50, cites = { "Kế hoạch số 45/KH-UBND ngày 20/02/2024" } })
    index()
    assert.equal(1, #check("ref/unknown", "a.txt")["a.txt"])
  end)
end)

describe("ref/mismatch", function()
  it("fires when the register has the cited number with another date", function()
    write("plan.txt", ubnd { seq = 45, kind = "ke_hoach", month = 2, day = 21 })
    write("a.txt", { seq = 5, cites = { "Kế hoạch số 45/KH-UBND ngày 20/02/2024" } })
    index()
    local f = check("ref/mismatch", "a.txt")["a.txt"]
    assert.equal(1, #f)
    assert.equal("warning", f[1].severity)
    assert.equal("Văn bản được dẫn \"Kế hoạch số 45/KH-UBND ngày 20/02/2024\" ghi ngày 20/02/2024, nhưng văn bản số "
      .. "45/KH-UBND trong sổ đăng ký (plan.txt) đề ngày 21/02/2024", f[1].message)
  end)

  it("fires when the citation names another type than the registered document", function()
    write("qd.txt", ubnd { seq = 45, kind = "quyet_dinh", month = 2, day = 20 })
    -- a typed number says its type; a công văn's number does not, only its citation does
    write("cv.txt", ubnd { seq = 46, month = 2, day = 20 })
    write("a.txt", { seq = 5, cites = { "Kế hoạch số 45/QĐ-UBND ngày 20/02/2024", "Kế hoạch số 46/UBND-VP" } })
    index()
    local f = check("ref/mismatch", "a.txt", "--lang en")["a.txt"]
    assert.equal(2, #f)
    assert.equal("The cited \"Kế hoạch số 45/QĐ-UBND ngày 20/02/2024\" is a ke-hoach, but number 45/QĐ-UBND in the "
      .. "register (qd.txt) is a quyet-dinh", f[1].message)
    assert.truthy(f[2].message:find("(cv.txt) is a cong-van", 1, true))
  end)

  it("does not fire on a matching citation, another year, an undated or unnamed citation, or an ambiguous number",
    function()
    write("plan.txt", ubnd { seq = 45, kind = "ke_hoach", month = 2, day = 20 })
    write("old.txt", ubnd { seq = 46, kind = "ke_hoach", year = 2023 })
    write("a.txt", { seq = 5, cites = { "Kế hoạch số 45/KH-UBND ngày 20/02/2024", -- matches
      "Kế hoạch số 46/KH-UBND ngày 02/02/2024",                                 -- 2024's 46 is not 2023's
      "Kế hoạch số 45/KH-UBND",                                                 -- no date to compare
      "48/QĐ-UBND ngày 20/02/2024" } })                                         -- type not named
    -- a plan misnumbered as a decision: an unnamed citation takes the type from
    -- the symbol, which says nothing about the citation (number/type-mismatch
    -- reports the plan itself)
    corpus.write(dir, "misnumbered.txt", corpus.state(ubnd { seq = 48, kind = "ke_hoach", month = 2, day = 20 })
      :gsub("Số: 48/KH%-UBND", "Số: 48/QĐ-UBND"))
    -- two issuers share the code: which one is cited is unknown
    write("x1.txt", ubnd { seq = 47, kind = "ke_hoach", month = 1 })
    write("x2.txt", ubnd { seq = 47, kind = "ke_hoach", month = 1, parent = "TỈNH KHÁC",
      issuer = "ỦY BAN NHÂN DÂN HUYỆN" })
    write("b.txt", { seq = 6, cites = { "Kế hoạch số 47/KH-UBND ngày 09/09/2024" } })
    index()
    local by = check("ref/mismatch")
    for p, f in pairs(by) do assert.equal(0, #f, p) end
    -- and nothing at all without a register
    os.execute("rm -rf " .. corpus.sh(dir .. "/.vbcheck"))
    write("plan.txt", ubnd { seq = 45, kind = "ke_hoach", month = 2, day = 21 })
    assert.equal(0, #check("ref/mismatch", "a.txt")["a.txt"])
  end)
end)

describe("register rules", function()
  it("are listed and explained like the others", function()
    local out = corpus.stdout(dir, V .. " rules")
    assert.truthy(out:find("register/duplicate-number", 1, true))
    assert.truthy(out:find("ref/unknown", 1, true))
    assert.truthy(out:find("ref/mismatch", 1, true))
    out = corpus.stdout(dir, V .. " explain register/duplicate-number")
    assert.truthy(out:find("Điều 15", 1, true))
  end)
end)
