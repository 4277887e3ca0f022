-- luacheck: std +busted
-- The sandbox against hostile rule scripts (issue 6): each escape or
-- resource attack gives one rule/error finding naming the rule, its
-- file:line and the reason; the other rules still run; the program exits 2.
local docs = require "helpers.docs"
local cli = require "helpers.cli"
local runner = require "vbcheck.runner"

local R = runner.new { fold = docs.fold, listdir = docs.listdir }

local ROOT = os.tmpname()
os.remove(ROOT)
local made = 0
teardown(function() os.execute("rm -rf '" .. ROOT .. "'") end)

local write = cli.write

-- A rule folder: files = { ["g/name.lua"] = source, ["lib/x.lua"] = ... }.
local function folder(files)
  made = made + 1
  local dir = ROOT .. "/" .. made
  for rel, src in pairs(files) do write(dir .. "/" .. rel, src) end
  assert(os.execute("mkdir -p '" .. dir .. "'"))
  return dir
end

local function rule(id, body)
  return ([[return { id = %q, severity = "warning", summary = { vi = "x" },
  check = function(doc, report, ctx)
    %s
  end }]]):format(id, body)
end

-- Findings of a hostile rule next to a harmless one.
local function attack(body, opts)
  local dir = folder { ["a/evil.lua"] = rule("a/evil", body), ["a/fine.lua"] = rule("a/fine", "report { line = 2 }") }
  local set = assert(R.load { dir })
  return R.check(set, {}, opts or {}), dir
end

local function failed(f, dir, reason)
  assert.equal(2, #f)
  assert.equal("rule/error", f[1].rule)
  assert.equal("a/evil", f[1].failed_rule)
  assert.equal("a/fine", f[2].rule)
  assert.truthy(f[1].message:find("a/evil", 1, true), f[1].message)
  assert.truthy(f[1].message:find(dir .. "/a/evil.lua:", 1, true), f[1].message)
  assert.truthy(f[1].message:find(reason, 1, true), f[1].message)
end

describe("a hostile rule", function()
  it("that loops forever is stopped by the instruction budget", function()
    local f, dir = attack("while true do end", { budget = 200000 })
    failed(f, dir, "instruction budget exceeded")
  end)

  it("that builds a huge string is stopped by the memory cap", function()
    local f, dir = attack("local s = string.rep('x', 1 << 30) report { message = { vi = #s } }",
      { memory = 16 * 1024 * 1024 })
    failed(f, dir, "memory cap exceeded (16 MiB)")
  end)

  it("that grows a table without bound is stopped, even when it catches the error", function()
    local f = attack("local t = {} pcall(function() for i = 1, 1e9 do t[i] = { i } end end) report {}",
      { memory = 16 * 1024 * 1024 })
    assert.equal("rule/error", f[1].rule)
    assert.truthy(f[1].message:find("memory cap exceeded", 1, true), f[1].message)
  end)

  it("cannot open files", function()
    local f, dir = attack("io.open('/etc/passwd')")
    failed(f, dir, "global 'io'")
  end)

  it("cannot run commands", function()
    local f, dir = attack("os.execute('touch " .. ROOT .. "/pwned')")
    failed(f, dir, "global 'os'")
    assert.is_nil(io.open(ROOT .. "/pwned"))
  end)

  it("cannot require a C module or vbcheck's internals", function()
    local f, dir = attack("require 'ffi'")
    failed(f, dir, "require 'ffi'")
    f, dir = attack("require 'vbcheck.core'")
    failed(f, dir, "require 'vbcheck.core'")
    f, dir = attack("require 'lib.x/../../etc'")
    failed(f, dir, "only modules lib.NAME")
  end)

  it("cannot load bytecode", function()
    local f, dir = attack("load(string.dump(function() end))()")
    failed(f, dir, "field 'dump'")
    f, dir = attack("local l = load or loadstring l('return 1')")
    failed(f, dir, "local 'l'")
  end)

  it("cannot reach the string metatable or install finalisers", function()
    local f, dir = attack("setmetatable('', {})")
    failed(f, dir, "setmetatable expects a table")
    f, dir = attack("setmetatable({}, { __gc = function() while true do end end })")
    failed(f, dir, "__gc metamethods are not allowed")
    f = attack("local t = setmetatable({}, { __index = function() return 7 end }) "
      .. "report { message = { vi = tostring(t.x) } }")
    assert.equal("7", f[1].message)
  end)

  it("that loops at load time fails the load, naming its file", function()
    local dir = folder { ["a/slow.lua"] = "while true do end" }
    local r = runner.new { fold = docs.fold, listdir = docs.listdir, limits = { budget = 100000 } }
    local set, err = r.load { dir }
    assert.is_nil(set)
    assert.truthy(err:find(dir .. "/a/slow.lua", 1, true), err)
    assert.truthy(err:find("instruction budget exceeded", 1, true), err)
  end)
end)

describe("require in a rule folder", function()
  it("loads lib modules once, from the rule folders only", function()
    local dir = folder {
      ["lib/words.lua"] = "local M = { n = 0 } function M.count() M.n = M.n + 1 return M.n end return M",
      ["a/one.lua"] = rule("a/one", "report { message = { vi = tostring(require('lib.words').count()) } }"),
      ["a/two.lua"] = rule("a/two", "report { line = 2, message = { vi = tostring(require('lib.words').count()) } }"),
    }
    local set = assert(R.load { dir })
    assert.same({ "a/one", "a/two" }, { set.rules[1].id, set.rules[2].id })
    local f = R.check(set, {}, {})
    assert.same({ "1", "2" }, { f[1].message, f[2].message })
  end)

  it("does not take lib/ or spec/ files for rules", function()
    local dir = folder {
      ["lib/x.lua"] = "return {}", ["spec/a/one_spec.lua"] = "error('never loaded')",
      ["a/one.lua"] = rule("a/one", ""), ["a/one_spec.lua"] = "error('never loaded')",
    }
    local set = assert(R.load { dir })
    assert.equal(1, #set.rules)
  end)

  it("names a missing module and where it looked", function()
    local dir = folder { ["a/one.lua"] = rule("a/one", "require 'lib.nope'") }
    local f = R.check(assert(R.load { dir }), {}, {})
    assert.equal("rule/error", f[1].rule)
    assert.truthy(f[1].message:find(dir .. "/lib/nope.lua", 1, true), f[1].message)
  end)
end)

describe("vbcheck check with a hostile rule folder", function()
  it("reports rule/error, still runs the other rules and files, and exits 2", function()
    local dir = folder { ["x/loop.lua"] = rule("x/loop", "while true do end") }
    -- the default budget stops the loop in a few seconds; keep the spec fast
    local evil = folder { ["x/bomb.lua"] = rule("x/bomb", "local s = string.rep('ab', 1 << 29) report {}") }
    local out, code = cli.run("check --format json --rules " .. evil .. " spec/fixtures/seeds")
    assert.equal(2, code)
    local n = select(2, out:gsub('"rule":"rule/error"', ""))
    local files = select(2, out:gsub('"path":', ""))
    assert.equal(5, files)
    assert.equal(files, n)
    assert.truthy(out:find("x/bomb", 1, true))
    assert.truthy(out:find("memory cap exceeded", 1, true))
    -- the pack's own rules still found what they find
    assert.truthy(out:find('"rule":"signer/name-missing"', 1, true))
    assert.truthy(dir)
  end)
end)
