-- The register from Lua: digests and paths from the core, a document's
-- rows written and read back unchanged, the read-only view rules get,
-- transactions, pruning, schema versions.
local core = require "vbcheck.core"
local vb = require "vbcheck"
local register = require "vbcheck.register"
local fmt = require "vbcheck.tasks_format"
local corpus = require "helpers.corpus"

local dir
before_each(function() dir = corpus.tmpdir() end)
after_each(function() corpus.cleanup(dir) end)

local function open(mode) return assert(register.open({ db = dir .. "/.vbcheck/register.db" }, mode)) end

local function index(reg, path, findings)
  local doc = assert(vb.parse_file(path))
  findings = findings or vb.check(doc)
  local rec = register.record(doc, reg:rel(path), core.file_digest(path), "key", findings, { "a/b" })
  assert(reg:put(rec))
  return doc, rec
end

describe("core helpers", function()
  it("digests strings and files with SHA-256", function()
    assert.equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", core.sha256("abc"))
    local p = corpus.write(dir, "x.txt", "abc")
    local hex, size = core.file_digest(p)
    assert.equal(core.sha256("abc"), hex)
    assert.equal(3, size)
    local none, msg = core.file_digest(dir .. "/missing.txt")
    assert.is_nil(none)
    assert.truthy(msg:find("missing.txt", 1, true))
  end)

  it("makes paths absolute on the text, so a deleted file still has one", function()
    assert.equal("/a/c", core.abspath("/a/./b/../c/"))
    assert.equal("/", core.abspath("/.."))
    assert.equal(core.abspath(".") .. "/x/y", core.abspath("x//z/../y"))
    assert.equal("dir", core.stat(dir))
    assert.is_nil(core.stat(dir .. "/nope"))
  end)

  it("finds the register beside the repository root or at --db", function()
    local path, root, explicit = register.locate { db = "/srv/repo/.vbcheck/register.db" }
    assert.same({ "/srv/repo/.vbcheck/register.db", "/srv/repo", true }, { path, root, explicit })
    path, root = register.locate { db = "/srv/r.db" }
    assert.same({ "/srv/r.db", "/srv" }, { path, root })
    -- specs run from the repository root, which holds .git
    path, root, explicit = register.locate {}
    assert.equal(core.abspath(".") .. "/.vbcheck/register.db", path)
    assert.equal(core.abspath("."), root)
    assert.is_false(explicit)
  end)
end)

describe("a document's rows", function()
  it("read back as the same light model, findings and tasks as the parsed document", function()
    local reg = open("write")
    local path = corpus.write(dir, "docs/a.txt", corpus.state {
      seq = 7, kind = "ke_hoach", cites = { "Kế hoạch số 45/KH-UBND ngày 20/02/2024", "Công văn số 12/SYT-VP" },
      tasks = { { "Phòng Nghiệp vụ Y", "xây dựng kế hoạch", "20/3/2024" }, { "Văn phòng Sở", "theo dõi" } } })
    local doc, rec = index(reg, path, { { rule = "x/y", severity = "warning", message = "m", line = 3, column = 2,
      end_line = 3, end_column = 9 }, { rule = "rule/error", severity = "error", message = "boom", line = 1,
      column = 1, end_line = 1, end_column = 1, failed_rule = "x/z" } })
    assert.equal("docs/a.txt", rec.doc.path)
    local row = reg:lookup("docs/a.txt")
    assert.equal(core.file_digest(path), row.hash)
    assert.equal("a/b", row.ran)
    local fresh = register.light_doc(rec.doc, rec.refs)
    local stored = register.light_doc(row, reg:stored_refs(row))
    stored.path = fresh.path
    assert.same(fresh, stored)
    assert.equal("07/KH-SYT", stored.number.symbol)
    assert.equal(doc.number.column, stored.number.column)
    assert.equal(2, #stored.references)
    assert.is_true(stored.references[1].named)
    assert.equal(2024, stored.place_date.year)
    assert.same({ { rule = "x/y", severity = "warning", message = "m", line = 3, column = 2, end_line = 3,
      end_column = 9 }, { rule = "rule/error", severity = "error", message = "boom", line = 1, column = 1,
      end_line = 1, end_column = 1, failed_rule = "x/z" } }, reg:stored_findings(row))
    -- tasks: what `vbcheck tasks FILE` gives, field for field
    local want = fmt.rows(doc, "docs/a.txt", {})
    local got = reg:task_rows()
    assert.equal(2, #got)
    for i, r in ipairs(want) do
      r.status = nil
      assert.same(r, got[i])
    end
    reg:close()
  end)

  it("are replaced in one transaction, and a failing write leaves the old rows", function()
    local reg = open("write")
    local path = corpus.write(dir, "a.txt", corpus.state { seq = 1 })
    index(reg, path)
    local before = reg:lookup("a.txt")
    local doc = assert(vb.parse_file(path))
    -- a severity the schema refuses, after the document row was rewritten
    local rec = register.record(doc, "a.txt", "other-hash", "key", { { rule = "x/y", severity = "fatal",
      message = "m", line = 1, column = 1, end_line = 1, end_column = 1 } }, {})
    local ok, err = reg:put(rec)
    assert.is_nil(ok)
    assert.truthy(tostring(err):find("CHECK constraint", 1, true))
    assert.same(before, reg:lookup("a.txt"))
    reg:close()
  end)

  it("go with their document (foreign keys cascade)", function()
    local reg = open("write")
    index(reg, corpus.write(dir, "a.txt", corpus.state { seq = 1, cites = { "Công văn số 12/SYT-VP" } }))
    assert(reg:remove("a.txt"))
    reg:close()
    local db = dir .. "/.vbcheck/register.db"
    assert.equal("0|0|0|0\n", corpus.sql(db, "SELECT (SELECT count(*) FROM document), (SELECT count(*) FROM task),"
      .. " (SELECT count(*) FROM task_agency), (SELECT count(*) FROM reference)"))
  end)
end)

describe("the view rules get", function()
  it("finds other documents by number, issuer and year, never the document itself", function()
    local reg = open("write")
    index(reg, corpus.write(dir, "a.txt", corpus.state { seq = 12, kind = "quyet_dinh", year = 2024 }))
    index(reg, corpus.write(dir, "b.txt", corpus.state { seq = 12, kind = "quyet_dinh", year = 2024, month = 6 }))
    index(reg, corpus.write(dir, "c.txt", corpus.state { seq = 12, kind = "quyet_dinh", year = 2024,
      parent = "UBND TỈNH LAI CHÂU" }))
    reg:close()
    local ro = open("read")
    local view = ro:view("a.txt")
    local issuer = { name = "SỞ Y TẾ", parent = "UBND TỈNH HÀ GIANG" }
    local same = view.find_number { symbol = "12/QĐ-SYT", issuer = issuer, year = 2024 }
    assert.equal(1, #same)
    assert.same({ path = "b.txt", number = "12/QĐ-SYT", date = "2024-06-05", year = 2024, doc_type = "quyet-dinh",
      family = "state", issuer = "SỞ Y TẾ" }, same[1])
    -- OCR spelling and case do not matter; another issuer or year does
    assert.equal(1, #view.find_number { symbol = "12/qd-syt", issuer = { name = "SO Y TE",
      parent = "UBND TINH HA GIANG" }, year = 2024 })
    assert.equal(0, #view.find_number { symbol = "12/QĐ-SYT", issuer = issuer, year = 2025 })
    assert.equal(2, #view.find_number { symbol = "12/QĐ-SYT" })
    assert.equal(0, #view.find_number { symbol = "13/QĐ-SYT" })
    assert.equal(2, view.issuer_documents(issuer))
    assert.equal(0, view.issuer_documents { name = "SỞ TÀI CHÍNH" })
    -- the connection under the view cannot write
    assert.has_error(function() ro.db:exec("doc_delete", { path = "a.txt" }) end)
    assert.has_error(function() ro.db:begin() end)
    ro:close()
  end)
end)

describe("pruning", function()
  it("removes documents under the given paths whose file is gone, and nothing else", function()
    local reg = open("write")
    local a = corpus.write(dir, "one/a.txt", corpus.state { seq = 1 })
    local b = corpus.write(dir, "two/b.txt", corpus.state { seq = 2 })
    index(reg, a)
    index(reg, b)
    os.remove(a)
    os.remove(b)
    assert.same({ "one/a.txt" }, reg:prune { dir .. "/one" })
    assert.is_nil(reg:lookup("one/a.txt"))
    assert.truthy(reg:lookup("two/b.txt"))
    assert.same({ "two/b.txt" }, reg:prune { dir })
    reg:close()
  end)
end)

describe("schema versions", function()
  it("refuses a register written by a newer vbcheck and a database that is not a register", function()
    open("write"):close()
    local db = dir .. "/.vbcheck/register.db"
    assert.equal("1\n", corpus.sql(db, "PRAGMA user_version"))
    assert.equal("wal\n", corpus.sql(db, "PRAGMA journal_mode"))
    corpus.sql(db, "PRAGMA user_version = 2")
    local reg, err = register.open({ db = db }, "read")
    assert.is_nil(reg)
    assert.truthy(err:find("newer", 1, true))
    local other = dir .. "/other.db"
    corpus.sql(other, "CREATE TABLE t (x)")
    reg, err = register.open({ db = other }, "write")
    assert.is_nil(reg)
    assert.truthy(err:find("not a vbcheck register", 1, true))
    assert.equal("t\n", corpus.sql(other, "SELECT name FROM sqlite_schema"))
  end)

  it("says when an explicit register does not exist", function()
    local reg, err = register.open({ db = dir .. "/none.db" }, "read")
    assert.is_nil(reg)
    assert.truthy(err:find("không có sổ đăng ký", 1, true))
  end)
end)

describe("a checking session with a register", function()
  it("replays findings and the rules that ran exactly as a fresh check gives them", function()
    local session = require "vbcheck.session"
    local db = dir .. "/.vbcheck/register.db"
    local a = corpus.write(dir, "a.txt", corpus.state { seq = 12, kind = "quyet_dinh", day = 31, month = 9 })
    local b = corpus.write(dir, "b.txt", corpus.state { seq = 12, kind = "quyet_dinh", month = 6 })
    local base = { today = "2024-12-01", db = db, paths = { dir } }
    local function with(t)
      local o = {}
      for k, v in pairs(base) do o[k] = v end
      for k, v in pairs(t) do o[k] = v end
      return o
    end
    local idx = assert(session.new(with { command = "index" }))
    for i, p in ipairs { a, b } do
      local out = idx:file(p, i)
      assert.truthy(out:find("đã ghi sổ", 1, true))
    end
    local fresh = assert(session.new(with { command = "check" })):check_file(a)
    local replay = assert(session.new(with { command = "check", cache = true })):check_file(a)
    assert.is_true(replay.cached)
    assert.is_nil(fresh.cached)
    assert.same(fresh.findings, replay.findings)
    assert.same(fresh.ran, replay.ran)
    local rules = {}
    for _, f in ipairs(fresh.findings) do rules[#rules + 1] = f.rule end
    assert.same({ "register/duplicate-number", "date/invalid", "task/deadline-past" }, rules) -- by position
    -- every rule of the pack ran, in the pack's order
    local set = assert(vb.rules())
    local order = {}
    for _, r in ipairs(set.rules) do order[#order + 1] = r.id end
    assert.same(order, fresh.ran)
  end)
end)
