-- luacheck: std +busted
-- The rule runner: loading and validating rule files, the sandbox, running
-- rules on a model, positions, severities, languages and ordering. Rules
-- are written to temporary folders; the core's fold and listdir are the
-- pure-Lua doubles of spec/helpers/docs.lua.
local docs = require "helpers.docs"
local runner = require "vbcheck.runner"

local R = runner.new { fold = docs.fold, listdir = docs.listdir }

local function write(path, text)
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

-- Every folder below one temporary root, removed when the file is done.
local ROOT = os.tmpname()
os.remove(ROOT)
local made = 0
teardown(function() os.execute("rm -rf '" .. ROOT .. "'") end)

-- A folder of rules: { ["g/name"] = source, ... }.
local function folder(rules)
  made = made + 1
  local dir = ROOT .. "/" .. made
  for rel, src in pairs(rules) do
    local sub = (dir .. "/" .. rel):match("^(.*)/[^/]*$")
    assert(os.execute("mkdir -p '" .. sub .. "'"))
    write(dir .. "/" .. rel .. ".lua", src)
  end
  assert(os.execute("mkdir -p '" .. dir .. "'"))
  return dir
end

-- A rule source from parts: rule("g/x", "report{line = 3}").
local function rule(id, body, extra)
  return ([[return { id = %q, severity = "warning", summary = { vi = "Tóm tắt %s", en = "Summary %s" },
    messages = { m = { vi = "thiếu {what}", en = "missing {what}" }, only_vi = { vi = "chỉ tiếng Việt" } },
    %s
    check = function(doc, report, ctx) %s end }]]):format(id, id, id, extra or "", body or "")
end

local function load_ok(rules) return assert(R.load { folder(rules) }) end

local function load_err(rules)
  local set, err = R.load { folder(rules) }
  assert.is_nil(set)
  return err
end

describe("runner.load", function()
  it("loads every rule below the folders in sorted path order", function()
    local set = load_ok {
      ["b/z"] = rule("b/z"), ["a/y"] = rule("a/y"), ["a/x"] = rule("a/x"), ["a/sub/w"] = rule("a/sub/w"),
    }
    local ids = {}
    for i, r in ipairs(set.rules) do ids[i] = r.id end
    assert.same({ "a/sub/w", "a/x", "a/y", "b/z" }, ids)
    assert.equal("a/x", set.by_id["a/x"].id)
  end)

  it("ignores files that are not Lua", function()
    local dir = folder { ["a/x"] = rule("a/x") }
    write(dir .. "/README.md", "# notes")
    assert.equal(1, #assert(R.load { dir }).rules)
  end)

  it("loads several folders and refuses a duplicate id across them, naming both files", function()
    local one, two = folder { ["a/x"] = rule("a/x") }, folder { ["a/x"] = rule("a/x") }
    local set, err = R.load { one, two }
    assert.is_nil(set)
    assert.truthy(err:find(two .. "/a/x.lua: duplicate id 'a/x'", 1, true), err)
    assert.truthy(err:find(one .. "/a/x.lua", 1, true), err)
  end)

  local bad = {
    { "a missing id", [[return { severity = "error", summary = { vi = "x" }, check = function() end }]],
      "a/x.lua: missing id" },
    { "check that is not a function", [[return { id = "a/x", severity = "error", summary = { vi = "x" } }]],
      "a/x.lua: check is not a function" },
    { "a bad severity", [[return { id = "a/x", severity = "fatal", summary = { vi = "x" }, check = print }]],
      "a/x.lua: bad severity" },
    { "a bad stage severity", [[return { id = "a/x", severity = { draft = "info" }, summary = { vi = "x" },
      check = print }]], "a/x.lua: bad severity" },
    { "an id that does not match the path", rule("a/other"), "a/x.lua: id 'a/other' does not match the file name" },
    { "a bad family", [[return { id = "a/x", severity = "error", family = "church", summary = { vi = "x" },
      check = print }]], "a/x.lua: bad family" },
    { "no summary", [[return { id = "a/x", severity = "error", check = print }]], "a/x.lua: missing summary.vi" },
    { "something else than a table", [[return 42]], "a/x.lua: does not return a rule table" },
    { "a syntax error", [[return {]], "a/x.lua:1:" },
    { "an error while loading", [[error("boom")]], "a/x.lua:1: boom" },
  }
  for _, case in ipairs(bad) do
    it("refuses " .. case[1] .. " and names the file", function()
      local err = load_err { ["a/x"] = case[2] }
      assert.truthy(err:find(case[3], 1, true), err)
    end)
  end

  it("reports a folder it cannot list", function()
    local set, err = R.load { "/nonexistent/vbcheck-rules" }
    assert.is_nil(set)
    assert.truthy(err:find("/nonexistent/vbcheck-rules", 1, true))
  end)

  it("refuses bytecode", function()
    local f = assert(load("return { id = 'a/x' }"))
    local err = load_err { ["a/x"] = string.dump(f) }
    assert.truthy(err:find("binary", 1, true) or err:find("attempt to load", 1, true), err)
  end)
end)

describe("the sandbox", function()
  local function globals_seen(names)
    local body = "local seen = {} for _, k in ipairs {" .. names .. "} do "
      .. "seen[#seen + 1] = k .. '=' .. type(_ENV[k]) end "
      .. "report { message = { vi = table.concat(seen, ' ') } }"
    local set = load_ok { ["a/x"] = rule("a/x", body) }
    return R.check(set, {}, {})[1].message
  end

  it("denies io, os, load, dofile, debug, getmetatable and collectgarbage", function()
    assert.equal("io=nil os=nil load=nil loadfile=nil dofile=nil debug=nil getmetatable=nil "
      .. "collectgarbage=nil package=nil",
      globals_seen("'io', 'os', 'load', 'loadfile', 'dofile', 'debug', 'getmetatable', "
        .. "'collectgarbage', 'package'"))
  end)

  it("allows the safe base functions and libraries, string without dump", function()
    assert.equal("pairs=function pcall=function string=table table=table math=table utf8=table lpeg=table re=table",
      globals_seen "'pairs', 'pcall', 'string', 'table', 'math', 'utf8', 'lpeg', 're'")
    local set = load_ok { ["a/x"] = rule("a/x",
      "report { message = { vi = type(string.dump) .. type(string.find) } }") }
    assert.equal("nilfunction", R.check(set, {}, {})[1].message)
  end)

  it("gives each rule its own library tables", function()
    local set = load_ok {
      ["a/a"] = rule("a/a", "table.insert = nil; string.upper = nil"),
      ["a/b"] = rule("a/b", "local t = {} table.insert(t, ('x'):upper()) report { message = { vi = t[1] } }"),
    }
    local f = R.check(set, {}, {})
    assert.equal(1, #f)
    assert.equal("X", f[1].message)
    assert.is_function(table.insert)
  end)

  it("does not let a rule reach the real string table through a string", function()
    local set = load_ok { ["a/x"] = rule("a/x", "local ok = pcall(function() ('').x.y = 1 end) "
      .. "report { message = { vi = tostring(ok) .. type(getmetatable) } }") }
    assert.equal("falsenil", R.check(set, {}, {})[1].message)
  end)

  it("routes print to the logger", function()
    local logged = {}
    local r = runner.new { fold = docs.fold, listdir = docs.listdir, log = function(...) logged[#logged + 1] = ... end }
    local set = assert(r.load { folder { ["a/x"] = rule("a/x", "print('hello')") } })
    assert.same({}, r.check(set, {}, {}))
    assert.same({ "hello" }, logged)
  end)
end)

describe("runner.check", function()
  it("fills messages from ids and data, in Vietnamese by default and in English on request", function()
    local set = load_ok { ["a/x"] = rule("a/x", "report { message = 'm', data = { what = 'số' } }") }
    assert.equal("thiếu số", R.check(set, {}, {})[1].message)
    assert.equal("missing số", R.check(set, {}, { lang = "en" })[1].message)
    assert.equal("m", R.check(set, {}, {})[1].message_id)
  end)

  it("falls back to Vietnamese, and to the summary when no message is given", function()
    local set = load_ok { ["a/x"] = rule("a/x", "report { message = 'only_vi' } report { line = 2 }") }
    local f = R.check(set, {}, { lang = "en" })
    assert.same({ "chỉ tiếng Việt", "Summary a/x" }, { f[1].message, f[2].message })
  end)

  it("takes positions from an element, or explicit fields, never line 0", function()
    local set = load_ok { ["a/x"] = rule("a/x", [[
      report { at = doc.number }
      report { line = 4, column = 2, end_column = 5 }
      report { at = doc.zones.header }
      report { at = doc.zones.footer }
      report { line = 0 }]]) }
    local doc = { lines = { "Số: 12/UBND", "x", "abc" },
      number = { line = 1, column = 1, end_line = 1, end_column = 12 },
      zones = { header = { line = 2, end_line = 3 } } }
    local f = R.check(set, doc, {})
    local spans = {}
    for i, x in ipairs(f) do spans[i] = { x.line, x.column, x.end_line, x.end_column } end
    -- number; a missing footer and line 0 both fall back to the whole of line 1
    assert.same({ { 1, 1, 1, 12 }, { 1, 1, 1, 12 }, { 1, 1, 1, 12 }, { 2, 1, 3, 4 }, { 4, 2, 4, 5 } }, spans)
  end)

  it("sorts findings by line, column, then rule id", function()
    local set = load_ok {
      ["b/b"] = rule("b/b", "report { line = 2, column = 5 } report { line = 1, column = 9 }"),
      ["a/a"] = rule("a/a", "report { line = 2, column = 5 } report { line = 2, column = 1 }"),
    }
    local got = {}
    for i, x in ipairs(R.check(set, {}, {})) do got[i] = x.rule .. "@" .. x.line .. ":" .. x.column end
    assert.same({ "b/b@1:9", "a/a@2:1", "a/a@2:5", "b/b@2:5" }, got)
  end)

  it("turns a failing rule into one rule/error naming the rule and its file:line, and runs the others", function()
    local dir = folder {
      ["a/boom"] = rule("a/boom", "report { line = 7 }\n local x = nil\n return x.y"),
      ["a/fine"] = rule("a/fine", "report { line = 3 }"),
    }
    local set = assert(R.load { dir })
    local f = R.check(set, {}, {})
    assert.same({ "rule/error", "a/fine" }, { f[1].rule, f[2].rule })
    assert.equal(2, #f)
    assert.equal("error", f[1].severity)
    assert.equal(1, f[1].line)
    assert.truthy(f[1].message:find("a/boom", 1, true))
    assert.truthy(f[1].message:find(dir .. "/a/boom.lua:6", 1, true), f[1].message)
    assert.truthy(f[1].message:find("attempt to index", 1, true))
    assert.truthy(R.check(set, {}, { lang = "en" })[1].message:find("failed", 1, true))
  end)

  it("names the file:line of a rule that raises a non-string error", function()
    local dir = folder { ["a/t"] = rule("a/t", "\n error({})") }
    local f = R.check(assert(R.load { dir }), {}, {})
    assert.equal("rule/error", f[1].rule)
    assert.truthy(f[1].message:find(dir .. "/a/t.lua:5", 1, true), f[1].message)
  end)

  it("treats an unknown message id as a rule error", function()
    local f = R.check(load_ok { ["a/x"] = rule("a/x", "report { message = 'nope' }") }, {}, {})
    assert.equal("rule/error", f[1].rule)
    assert.truthy(f[1].message:find("unknown message id 'nope'", 1, true))
  end)

  it("stops a runaway rule, even one that catches errors", function()
    local set = load_ok {
      ["a/loop"] = rule("a/loop", "while true do pcall(function() while true do end end) end"),
      ["a/fine"] = rule("a/fine", "report { line = 2 }"),
    }
    local f = R.check(set, {}, { budget = 100000 })
    assert.same({ "rule/error", "a/fine" }, { f[1].rule, f[2].rule })
    assert.truthy(f[1].message:find("instruction budget exceeded", 1, true))
  end)

  it("follows the stage for stage-dependent severities", function()
    local set = load_ok { ["a/x"] = rule("a/x", "report {}"):gsub('severity = "warning"',
      'severity = { draft = "info", issued = "error" }') }
    assert.equal("info", R.check(set, {}, {})[1].severity)
    assert.equal("info", R.check(set, {}, { stage = "draft" })[1].severity)
    assert.equal("error", R.check(set, {}, { stage = "issued" })[1].severity)
  end)

  it("disables and enables rules by id or by group", function()
    local src = {
      ["a/x"] = rule("a/x", "report {}"), ["a/y"] = rule("a/y", "report {}"),
      ["b/z"] = rule("b/z", "report {}"),
      ["b/off"] = rule("b/off", "report {}", "enabled = false,"),
    }
    local set = load_ok(src)
    local function ids(opts) return docs.ids(R.check(set, {}, opts)) end
    assert.same({ "a/x", "a/y", "b/z" }, ids {})
    assert.same({ "a/y", "b/z" }, ids { disable = { "a/x" } })
    assert.same({ "b/z" }, ids { disable = { "a/*" } })
    assert.same({ "a/x", "b/z" }, ids { disable = { "a/*" }, enable = { "a/x" } })
    assert.same({ "a/x", "a/y", "b/off", "b/z" }, ids { enable = { "b/off" } })
  end)

  it("runs a family rule only on documents of that family", function()
    local set = load_ok { ["a/x"] = rule("a/x", "report {}", 'family = "party",') }
    assert.equal(1, #R.check(set, { family = "party" }, {}))
    assert.equal(0, #R.check(set, { family = "state" }, {}))
    assert.equal(0, #R.check(set, { family = "unknown" }, {}))
  end)

  it("passes stage, language, today, the rule's options and fold in ctx", function()
    local set = load_ok { ["a/x"] = rule("a/x", "report { message = { vi = table.concat({ ctx.stage, ctx.lang, "
      .. "ctx.today, ctx.options.n or '-', ctx.fold('Độc Lập') }, ' ') } }") }
    local f = R.check(set, {}, { stage = "issued", lang = "en", today = "2021-06-01",
      options = { ["a/x"] = { n = 3 } } })
    assert.equal("issued en 2021-06-01 3 doc lap", f[1].message)
    assert.truthy(R.check(set, {}, {})[1].message:match("^draft vi %d%d%d%d%-%d%d%-%d%d %- doc lap$"))
  end)

  it("lists metadata for `vbcheck rules` and `explain`", function()
    local set = load_ok { ["a/x"] = rule("a/x", "", 'basis = "NĐ 30", examples = { fail = "f", pass = "p" },'):gsub(
      'severity = "warning"', 'severity = { draft = "info", issued = "error" }') }
    local l = R.list(set)[1]
    assert.same({ "a/x", "info", "error", "NĐ 30", "Tóm tắt a/x", "f" },
      { l.id, l.severity, l.severity_issued, l.basis, l.summary.vi, l.examples.fail })
  end)
end)

describe("the default runner", function()
  local saved_loaded, saved_preload, saved_runner

  before_each(function()
    saved_loaded, saved_preload = package.loaded["vbcheck.core"], package.preload["vbcheck.core"]
    saved_runner = package.loaded["vbcheck.runner"]
    package.loaded["vbcheck.core"], package.loaded["vbcheck.runner"] = nil, nil
  end)

  after_each(function()
    package.loaded["vbcheck.core"], package.preload["vbcheck.core"] = saved_loaded, saved_preload
    package.loaded["vbcheck.runner"] = saved_runner
  end)

  it("loads vbcheck.core only when it needs it", function()
    local loads = 0
    package.preload["vbcheck.core"] = function()
      loads = loads + 1
      return { fold = docs.fold, listdir = docs.listdir }
    end
    local fresh = require "vbcheck.runner"
    assert.equal(0, loads)
    local set = assert(fresh.load { folder { ["a/x"] = rule("a/x", "report { message = { vi = ctx.fold('Đà') } }") } })
    assert.equal(1, loads)
    assert.equal("da", fresh.check(set, {}, {})[1].message)
  end)
end)
