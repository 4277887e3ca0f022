-- `vbcheck index`, `tasks --db`, `stats` and `check --cache`, run as a
-- user would in a temporary repository.
local dkjson = require "dkjson"
local corpus = require "helpers.corpus"

local V = corpus.bin
local dir, db

local function run(args) return corpus.run(dir, V .. " " .. args) end
local function stdout(args) return corpus.stdout(dir, V .. " " .. args) end
local function sql(q) return corpus.sql(db, q) end

before_each(function()
  dir = corpus.tmpdir()
  os.execute("mkdir " .. corpus.sh(dir .. "/.git"))
  db = dir .. "/.vbcheck/register.db"
end)
after_each(function() corpus.cleanup(dir) end)

local function three()
  corpus.write(dir, "docs/a.txt", corpus.state { seq = 1, kind = "ke_hoach",
    tasks = { { "Phòng Nghiệp vụ Y", "xây dựng kế hoạch chi tiết, báo cáo Sở Y tế", "20/3/2024" } } })
  corpus.write(dir, "docs/b.txt", corpus.state { seq = 2, month = 4,
    tasks = { { "Văn phòng Sở", "tổng hợp, báo cáo Giám đốc Sở", "30/12/2024" }, { "Thanh tra Sở", "theo dõi" } } })
  corpus.write(dir, "docs/c.txt", corpus.state { seq = 3, month = 5, cites = { "Kế hoạch số 01/KH-SYT ngày 05/3/2024" },
    tasks = { { "Phòng Nghiệp vụ Y", "báo cáo kết quả", "20/6/2024" } } })
end

describe("vbcheck index", function()
  it("adds, skips unchanged, replaces changed and removes deleted files", function()
    three()
    local out, code = run("index docs")
    assert.equal(0, code)
    assert.truthy(out:find("docs/a.txt: đã ghi sổ (01/KH-SYT, 05/03/2024, 1 nhiệm vụ", 1, true))
    assert.truthy(out:find("Sổ đăng ký .vbcheck/register.db: 3 tệp, 3 ghi mới, 0 không đổi, 0 đã xóa", 1, true))
    assert.equal("docs/a.txt|01/KH-SYT|2024-03-05|ke-hoach\ndocs/b.txt|02/SYT-VP|2024-04-05|cong-van\n"
      .. "docs/c.txt|03/SYT-VP|2024-05-05|cong-van\n",
      sql("SELECT path, symbol, date, doc_type FROM document ORDER BY path"))
    assert.equal("4\n", sql("SELECT count(*) FROM task"))
    assert.equal("docs/c.txt|01/KH-SYT|2024-03-05\n", sql("SELECT d.path, r.number, r.date FROM reference r"
      .. " JOIN document d ON d.id = r.doc_id"))

    out = run("index docs")
    assert.truthy(out:find("docs/b.txt: không đổi", 1, true))
    assert.truthy(out:find("3 tệp, 0 ghi mới, 3 không đổi", 1, true))

    -- a changed file replaces its rows; --lang changes the messages stored, so
    -- everything is checked again
    corpus.write(dir, "docs/b.txt", corpus.state { seq = 9, month = 4, tasks = { { "Văn phòng Sở", "báo cáo" } } })
    out = run("index --lang en docs")
    assert.truthy(out:find("3 files, 3 indexed, 0 unchanged", 1, true))
    out = run("index --lang en docs")
    assert.truthy(out:find("3 files, 0 indexed, 3 unchanged", 1, true))
    local ids = sql("SELECT id FROM document WHERE path <> 'docs/b.txt' ORDER BY path")
    corpus.write(dir, "docs/b.txt", corpus.state { seq = 10, month = 4, tasks = { { "Văn phòng Sở", "theo dõi" } } })
    out = run("index --lang en -q docs")
    assert.equal("docs/b.txt: indexed (10/SYT-VP, 05/04/2024, 1 tasks, 0 cited documents, 0 findings)\n", out)
    assert.equal("10/SYT-VP\n", sql("SELECT symbol FROM document WHERE path = 'docs/b.txt'"))
    assert.equal(ids, sql("SELECT id FROM document WHERE path <> 'docs/b.txt' ORDER BY path"))

    -- a deleted file goes, with its tasks and citations
    os.remove(dir .. "/docs/c.txt")
    out = run("index --lang en docs")
    assert.truthy(out:find("docs/c.txt: removed from the register", 1, true))
    assert.truthy(out:find("2 files, 0 indexed, 2 unchanged, 1 removed", 1, true))
    assert.equal("2|0\n", sql("SELECT count(*), (SELECT count(*) FROM reference) FROM document"))
  end)

  it("removes only under the paths it was given", function()
    corpus.write(dir, "one/a.txt", corpus.state { seq = 1 })
    corpus.write(dir, "two/b.txt", corpus.state { seq = 2 })
    run("index one two")
    os.remove(dir .. "/two/b.txt")
    local out = run("index one")
    assert.falsy(out:find("removed", 1, true) or out:find("đã xóa khỏi sổ", 1, true))
    assert.equal("2\n", sql("SELECT count(*) FROM document"))
    run("index .")
    assert.equal("one/a.txt\n", sql("SELECT path FROM document"))
  end)

  it("reports unreadable files (exit 2) and drops what the register said about them", function()
    three()
    run("index docs")
    corpus.write(dir, "docs/b.txt", "abc\0def")
    local out, code = run("index docs")
    assert.equal(2, code)
    assert.truthy(out:find("docs/b.txt: lỗi: ", 1, true))
    assert.truthy(out:find("1 không đọc được", 1, true))
    assert.equal("docs/a.txt\ndocs/c.txt\n", sql("SELECT path FROM document ORDER BY path"))
  end)

  it("keeps paths relative to the repository root, from any folder in it", function()
    three()
    local out = corpus.run(dir .. "/docs", V .. " index a.txt")
    assert.truthy(out:find("Sổ đăng ký " .. dir .. "/.vbcheck/register.db", 1, true))
    assert.equal("docs/a.txt\n", sql("SELECT path FROM document"))
    -- --db elsewhere: paths relative to that file's folder
    out = run("index --db reg/x.db docs/b.txt")
    assert.truthy(out:find("Sổ đăng ký reg/x.db: 1 tệp", 1, true))
    assert.equal(dir .. "/docs/b.txt\n", corpus.sql(dir .. "/reg/x.db", "SELECT path FROM document"))
  end)

  it("refuses a database that is not a register", function()
    corpus.sql(dir .. "/other.db", "CREATE TABLE t (x)")
    three()
    local out, code = run("index --db other.db docs")
    assert.equal(2, code)
    assert.truthy(out:find("not a vbcheck register", 1, true))
  end)
end)

describe("vbcheck tasks --db", function()
  it("lists the tasks of every indexed document as `tasks PATH` does", function()
    three()
    run("index docs")
    for _, f in ipairs { "text", "json", "csv" } do
      local files = stdout("tasks --as-of 2024-06-01 --format " .. f .. " docs")
      local reg = stdout("tasks --db .vbcheck/register.db --as-of 2024-06-01 --format " .. f)
      assert.equal(files, reg)
    end
    local ics = stdout("tasks --db .vbcheck/register.db --format ics"):gsub("DTSTAMP:%S+", "")
    assert.equal(stdout("tasks --format ics docs"):gsub("DTSTAMP:%S+", ""), ics)
  end)

  it("filters overdue tasks on --as-of, by agency and by path", function()
    three()
    run("index docs")
    local res = dkjson.decode(stdout("tasks --db .vbcheck/register.db --overdue --as-of 2024-06-01 --format json"))
    assert.equal(1, #res.tasks)
    assert.equal("docs/a.txt", res.tasks[1].file)
    assert.equal("overdue", res.tasks[1].status)
    res = dkjson.decode(stdout("tasks --db .vbcheck/register.db --overdue --as-of 2025-01-01 --format json"))
    assert.equal(3, #res.tasks)
    res = dkjson.decode(stdout("tasks --db .vbcheck/register.db --overdue --as-of 2024-03-01 --format json"))
    assert.equal(0, #res.tasks)
    res = dkjson.decode(stdout("tasks --db .vbcheck/register.db --agency 'van phong so' --format json"))
    assert.equal(1, #res.tasks)
    assert.same({ "Văn phòng Sở" }, res.tasks[1].lead)
    res = dkjson.decode(stdout("tasks --db .vbcheck/register.db --format json docs/b.txt"))
    assert.equal(2, #res.tasks)
    -- --overdue works on files too
    res = dkjson.decode(stdout("tasks --overdue --as-of 2024-06-01 --format json docs"))
    assert.equal(1, #res.tasks)
  end)

  it("says so when there is no register", function()
    local out, code = run("tasks --db nowhere.db")
    assert.equal(2, code)
    assert.truthy(out:find("nowhere.db: không có sổ đăng ký", 1, true))
  end)
end)

describe("vbcheck stats", function()
  it("counts documents per type and issuer, findings per rule, tasks per agency and status", function()
    three()
    corpus.write(dir, "docs/d.txt", corpus.state { seq = 4, issuer = "SỞ TÀI CHÍNH", code = "STC",
      tasks = { { "Phòng Nghiệp vụ Y", "báo cáo", "31/02/2024" } } })
    run("index docs")
    local out, code = run("stats --as-of 2024-06-01")
    assert.equal(0, code)
    assert.truthy(out:find("Sổ đăng ký .vbcheck/register.db: 4 văn bản, 1 phát hiện, 5 nhiệm vụ, 1 trích dẫn", 1, true))
    assert.truthy(out:find("\n     2  cong-van       SỞ Y TẾ\n", 1, true))
    assert.truthy(out:find("\n     1  cong-van       SỞ TÀI CHÍNH\n", 1, true))
    assert.truthy(out:find("\n     1     1  error    task/deadline-invalid\n", 1, true))
    local res = dkjson.decode(stdout("stats --as-of 2024-06-01 --format json --lang en"))
    assert.same({ documents = 4, findings = 1, tasks = 5, citations = 1 }, res.totals)
    local by = {}
    for _, a in ipairs(res.tasks) do by[a.agency or "-"] = a end
    -- the impossible deadline (31/02) is open: it has no date to be late by
    assert.same({ agency = "Phòng Nghiệp vụ Y", overdue = 1, open = 2, none = 0 }, by["Phòng Nghiệp vụ Y"])
    assert.same({ agency = "Thanh tra Sở", overdue = 0, open = 0, none = 1 }, by["Thanh tra Sở"])
    assert.same({ agency = "Văn phòng Sở", overdue = 0, open = 1, none = 0 }, by["Văn phòng Sở"])
    assert.equal(3, #res.tasks)
  end)

  it("needs a register", function()
    local out, code = run("stats")
    assert.equal(2, code)
    assert.truthy(out:find("chưa có sổ đăng ký", 1, true))
  end)
end)

describe("vbcheck check --cache", function()
  it("replays unchanged files byte for byte, and checks changed ones again", function()
    three()
    corpus.write(dir, "docs/e.txt", corpus.state { seq = 5, day = 31, month = 9 })
    corpus.write(dir, "docs/bad.txt", "\0")
    local fresh, fcode = run("check --format json docs")
    local first, code1 = run("check --cache --format json docs")
    assert.equal(2, fcode)
    assert.equal(fresh, first)
    assert.equal(fcode, code1)
    -- the register now holds every readable file
    assert.equal("4\n", sql("SELECT count(*) FROM document"))
    -- a replayed finding comes from the register: change it there and see it
    sql("UPDATE finding SET message = 'from the register' WHERE rule = 'date/invalid'")
    local replay, code2 = run("check --cache --format json docs")
    assert.equal(code1, code2)
    local original = fresh:match('"message":"(Thời gian ban hành.-)","message_id":"day"')
    local s, e = replay:find("from the register", 1, true)
    assert.truthy(original and s)
    assert.equal(fresh, replay:sub(1, s - 1) .. original .. replay:sub(e + 1))
    assert.equal(replay, (run("check --cache --format json docs")))
    -- other options, or a changed file, are checked again
    assert.falsy(run("check --cache --stage issued docs"):find("from the register", 1, true))
    sql("UPDATE finding SET message = 'from the register' WHERE rule = 'date/invalid'")
    corpus.write(dir, "docs/e.txt", corpus.state { seq = 5, day = 31, month = 9, subject = "khác" })
    assert.falsy(run("check --cache docs"):find("from the register", 1, true))
  end)

  it("gives the same text with a register, with --cache and without a register", function()
    three()
    local plain = stdout("check docs")
    run("index docs")
    assert.equal(plain, stdout("check docs"))
    assert.equal(plain, stdout("check --cache docs"))
    assert.equal(plain, stdout("check --cache -j 1 docs"))
  end)
end)
