-- The register under load: -j 4 writes the same rows as -j 1, and an
-- indexer killed with SIGKILL leaves a sound register that a re-run
-- completes. 500 generated documents.
local corpus = require "helpers.corpus"

local V = corpus.bin
local N = 500

local AGENCIES = { "Phòng Nghiệp vụ Y", "Văn phòng Sở", "Thanh tra Sở", "Trung tâm Y tế các huyện, thành phố",
  "Trung tâm Kiểm soát bệnh tật tỉnh" }
local ISSUERS = {
  { issuer = "SỞ Y TẾ", code = "SYT" },
  { issuer = "SỞ TÀI CHÍNH", code = "STC", issuer_short = "Sở Tài chính" },
  { issuer = "ỦY BAN NHÂN DÂN TỈNH", parent = "", code = "UBND", issuer_short = "Ủy ban nhân dân tỉnh" },
}
local KINDS = { "cong_van", "ke_hoach", "quyet_dinh" }

-- Document i: three issuers, numbers that repeat now and then, citations
-- of earlier numbers, one to three tasks, some with impossible dates.
local function generate(dir)
  for i = 1, N do
    local o = {}
    for k, v in pairs(ISSUERS[i % 3 + 1]) do o[k] = v end
    o.seq = i % 41 + 1
    o.kind = KINDS[i % 3 + 1]
    o.year = 2023 + i % 2
    o.month = i % 12 + 1
    o.day = i % 31 + 1
    o.cites = { string.format("Kế hoạch số %d/KH-%s ngày %02d/%02d/%d", (i * 7) % 41 + 1, o.code, (i % 27) + 1,
      (i % 12) + 1, o.year) }
    o.tasks = {}
    for t = 1, i % 3 + 1 do
      o.tasks[t] = { AGENCIES[(i + t) % #AGENCIES + 1], "báo cáo kết quả thực hiện",
        t == 2 and string.format("%d/%d/%d", (i % 31) + 1, (i % 12) + 1, o.year + 1) or nil }
    end
    corpus.write(dir, string.format("docs/%03d/doc-%04d.txt", i % 10, i), corpus.state(o))
  end
end

-- Every row of every table, without row ids, in a fixed order.
local function dump(db)
  local out = {}
  for _, t in ipairs { "document", "finding", "task", "task_agency", "reference" } do
    local cols = {}
    for c in corpus.sql(db, "SELECT name FROM pragma_table_info('" .. t .. "')"):gmatch("[^\n]+") do
      if c ~= "id" and c ~= "doc_id" then cols[#cols + 1] = "x." .. c end
    end
    local q = t == "document" and ("SELECT " .. table.concat(cols, ", ") .. " FROM document x ORDER BY x.path")
      or ("SELECT d.path, " .. table.concat(cols, ", ") .. " FROM " .. t .. " x JOIN document d ON d.id = x.doc_id"
        .. " ORDER BY 1, 2, 3, 4, 5")
    out[#out + 1] = "== " .. t .. "\n" .. corpus.sql(db, q)
  end
  return table.concat(out)
end

local function lines_of(s)
  local set = {}
  for l in s:gmatch("[^\n]+") do set[l] = true end
  return set
end

local dir
setup(function()
  dir = corpus.tmpdir()
  os.execute("mkdir " .. corpus.sh(dir .. "/.git"))
  generate(dir)
end)
teardown(function() corpus.cleanup(dir) end)

-- The rows of a clean -j 1 run (one.db), made once.
local reference
local function clean_run()
  if not reference then
    local out, code = corpus.run(dir, V .. " index -q -j 1 --db one.db docs")
    assert.equal(0, code, out)
    reference = dump(dir .. "/one.db")
  end
  return reference
end

describe("indexing 500 documents", function()
  it("gives the same rows with -j 4 as with -j 1", function()
    clean_run()
    local out, code = corpus.run(dir, V .. " index -q -j 4 --db four.db docs")
    assert.equal(0, code, out)
    assert.equal(tostring(N) .. "\n", corpus.sql(dir .. "/one.db", "SELECT count(*) FROM document"))
    assert.truthy(tonumber(corpus.sql(dir .. "/one.db", "SELECT count(*) FROM task")) >= N)
    assert.equal(reference, dump(dir .. "/four.db"))
    assert.equal("ok\n", corpus.sql(dir .. "/four.db", "PRAGMA integrity_check"))
    assert.equal("", corpus.sql(dir .. "/four.db", "PRAGMA foreign_key_check"))
  end)

  it("checks against the register the same way with -j 4 and -j 1, with and without --cache", function()
    clean_run()
    local one = corpus.stdout(dir, V .. " check -j 1 --db one.db docs")
    assert.truthy(one:find("[register/duplicate-number]", 1, true))
    assert.truthy(one:find("[ref/mismatch]", 1, true))
    assert.equal(one, corpus.stdout(dir, V .. " check -j 4 --db one.db docs"))
    assert.equal(one, corpus.stdout(dir, V .. " check -j 4 --cache --db cache.db docs"))
    assert.equal(one, corpus.stdout(dir, V .. " check -j 4 --cache --db cache.db docs"))
  end)

  it("survives kill -9 mid-run: the register is sound and a re-run completes it", function()
    clean_run()
    local db = dir .. "/crash.db"
    local p = io.popen("cd " .. corpus.sh(dir) .. " && { " .. V .. " index -j 2 --db crash.db docs >/dev/null 2>&1 & "
      .. "echo $!; }")
    local pid = assert(tonumber(p:read("l")))
    p:close()
    -- wait until some documents are in, then kill
    local n = 0
    local deadline = os.time() + 30
    while n < 20 and os.time() < deadline do
      n = tonumber(corpus.sql(db, "SELECT count(*) FROM document")) or 0
    end
    os.execute("kill -9 " .. pid .. "; while kill -0 " .. pid .. " 2>/dev/null; do sleep 0.01; done")
    local kept = tonumber(corpus.sql(db, "SELECT count(*) FROM document"))
    assert.truthy(kept >= 20 and kept < N, "killed after " .. tostring(kept) .. " documents")
    assert.equal("ok\n", corpus.sql(db, "PRAGMA integrity_check"))
    assert.equal("", corpus.sql(db, "PRAGMA foreign_key_check"))
    -- every document that made it is whole: its rows are exactly the reference's
    local paths = lines_of(corpus.sql(db, "SELECT path FROM document"))
    local want = {}
    local section
    for l in reference:gmatch("[^\n]+") do
      if l:sub(1, 3) == "== " then
        section = l
        want[#want + 1] = l
      elseif paths[l:match("^[^|]*")] then
        want[#want + 1] = l
      end
    end
    assert.truthy(section)
    assert.equal(table.concat(want, "\n") .. "\n", dump(db))
    -- a re-run indexes the rest and leaves the same register as a clean run
    local out, code = corpus.run(dir, V .. " index -j 2 --db crash.db docs")
    assert.equal(0, code)
    assert.truthy(out:find(string.format("%d tệp, %d ghi mới, %d không đổi", N, N - kept, kept), 1, true))
    assert.equal(reference, dump(db))
  end)
end)
