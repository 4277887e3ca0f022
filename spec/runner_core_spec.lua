-- The rule runner's contract, with rules written to a temporary folder.
local runner = require "vbcheck.runner"

local function write(path, text)
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

local made = {}

local function folder(rules)
  local dir = os.tmpname()
  os.remove(dir)
  made[#made + 1] = dir
  assert(os.execute("mkdir -p " .. dir .. "/g"))
  for name, src in pairs(rules) do write(dir .. "/g/" .. name .. ".lua", src) end
  return dir
end

local ok_rule = [[return { id = "g/ok", severity = {draft = "info", issued = "error"},
  summary = {vi = "Tóm tắt", en = "Summary"},
  messages = {m = {vi = "thiếu {x}", en = "missing {x}"}},
  check = function(doc, report)
    if not doc.number then report{at = doc.zones.header, message = "m", data = {x = "số"}} end
  end }]]

describe("runner", function()
  teardown(function()
    for _, dir in ipairs(made) do os.execute("rm -rf '" .. dir .. "'") end
  end)

  it("runs rules, fills messages and positions, follows the stage", function()
    local set = assert(runner.load { folder { ok = ok_rule } })
    local doc = { family = "state", zones = { header = { line = 3, end_line = 5 } } }
    local f = runner.check(set, doc, {})
    assert.equal(1, #f)
    assert.same({ "g/ok", "info", "thiếu số", 3 }, { f[1].rule, f[1].severity, f[1].message, f[1].line })
    f = runner.check(set, doc, { stage = "issued", lang = "en" })
    assert.same({ "error", "missing số" }, { f[1].severity, f[1].message })
    assert.equal(0, #runner.check(set, { number = {}, zones = {} }, {}))
    assert.equal(0, #runner.check(set, doc, { disable = { "g/ok" } }))
  end)

  it("names the file of a rule with bad metadata", function()
    local bad = [[return { id = "g/bad", severity = "error", summary = {vi = "x"} }]]
    local set, err = runner.load { folder { bad = bad } }
    assert.is_nil(set)
    assert.truthy(err:find("bad.lua: check is not a function", 1, true))
    set, err = runner.load { folder { x = ok_rule } }
    assert.is_nil(set)
    assert.truthy(err:find("does not match the file name", 1, true))
  end)

  it("turns a failing rule into one rule/error finding and runs the rest", function()
    local set = assert(runner.load { folder {
      ok = ok_rule,
      boom = [[return { id = "g/boom", severity = "error", summary = {vi = "x"}, check = function() error("no") end }]],
    } })
    local f = runner.check(set, { zones = {} }, {})
    local ids = {}
    for _, x in ipairs(f) do ids[#ids + 1] = x.rule end
    table.sort(ids)
    assert.same({ "g/ok", "rule/error" }, ids)
  end)

  it("gives rules no io, os or load", function()
    local set = assert(runner.load { folder {
      esc = [[return { id = "g/esc", severity = "error", summary = {vi = "x"},
        check = function(_, report) report{message = {vi = tostring(io) .. tostring(os) .. tostring(load)}} end }]],
    } })
    assert.equal("nilnilnil", runner.check(set, {}, {})[1].message)
  end)
end)
