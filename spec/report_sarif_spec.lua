-- `--format sarif`: valid against the official SARIF 2.1.0 schema, the
-- same findings as JSON with their rule in tool.driver, the same bytes
-- whatever -j is.
local dkjson = require "dkjson"
local cli = require "helpers.cli"
local run = cli.run

local VALIDATE = [[
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.validate(json.load(open(sys.argv[2])), schema)
print("valid")
]]

local function validate(text)
  return (cli.python(VALIDATE, text, "spec/sarif/sarif-2.1.0-rtm.5.json"))
end

local PATHS = "spec/fixtures/seeds examples spec/fixtures/seeds/003_801a75eec3dce3ad.txt /nonexistent/x.txt"

describe("--format sarif", function()
  it("validates against the SARIF 2.1.0 schema", function()
    local out, code = run("check --format sarif " .. PATHS)
    assert.equal(2, code)
    assert.equal("valid\n", validate(out))
  end)

  it("a clean file alone is a valid run with no results", function()
    local out, code = run("check --format sarif examples/cong-van-so-y-te.txt")
    assert.equal(0, code)
    assert.equal("valid\n", validate(out))
    assert.same({}, dkjson.decode(out).runs[1].results)
  end)

  it("holds every JSON finding at its region, with its rule's index", function()
    local js, jcode = run("check --format json " .. PATHS)
    local sa, scode = run("check --format sarif " .. PATHS)
    assert.equal(jcode, scode)
    local run1 = assert(dkjson.decode(sa)).runs[1]
    assert.equal("unicodeCodePoints", run1.columnKind)
    local rules = run1.tool.driver.rules
    local want = {}
    for _, file in ipairs(assert(dkjson.decode(js)).files) do
      if file.error then want[#want + 1] = { "input/unreadable", file.path } end
      for _, f in ipairs(file.findings) do
        want[#want + 1] = { f.rule, file.path, f.line, f.column, f.end_line, f.end_column, f.message }
      end
    end
    local got = {}
    for _, r in ipairs(run1.results) do
      assert.equal(r.ruleId, rules[r.ruleIndex + 1].id)
      local loc = r.locations[1].physicalLocation
      local path = loc.artifactLocation.uri:gsub("^file://", "")
      if r.ruleId == "input/unreadable" then
        got[#got + 1] = { r.ruleId, path }
      else
        local g = loc.region
        got[#got + 1] = { r.ruleId, path, g.startLine, g.startColumn, g.endLine, g.endColumn, r.message.text }
      end
    end
    assert.is_true(#want > 20)
    assert.same(want, got)
  end)

  it("gives the same bytes with -j 4 as with -j 1", function()
    assert.equal(run("check -j 1 --format sarif " .. PATHS), run("check -j 4 --format sarif " .. PATHS))
  end)
end)
