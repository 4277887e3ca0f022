-- `--format junit`: well-formed XML (read by Python's parser, not by
-- pattern), a testsuite per file, a <failure> per error finding.
local dkjson = require "dkjson"
local cli = require "helpers.cli"
local run = cli.run

-- Parse with xml.etree and summarise each testsuite as JSON.
local PARSE = [[
import json, sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
out = []
for s in root.findall("testsuite"):
    out.append({"name": s.get("name"), "tests": int(s.get("tests")), "failures": int(s.get("failures")),
                "cases": len(s.findall("testcase")), "failure_elems": len(s.findall("testcase/failure")),
                "errors": len(s.findall("testcase/error")),
                "notes": sum(len((o.text or "").splitlines()) for o in s.findall("testcase/system-out"))})
print(json.dumps({"tag": root.tag, "suites": out}))
]]

local function parse_xml(text)
  local out, ok = cli.python(PARSE, text)
  assert(ok, "XML parser refused the report: " .. out)
  return assert(dkjson.decode(out), out)
end

describe("--format junit", function()
  it("has a testsuite per file and a failure per error finding, same exit status as JSON", function()
    local paths = "spec/fixtures/seeds examples /nonexistent/missing.txt"
    local js, jcode = run("check --format json " .. paths)
    local xml, xcode = run("check --format junit " .. paths)
    assert.equal(jcode, xcode)
    local report = assert(dkjson.decode(js))
    local got = parse_xml(xml)
    assert.equal("testsuites", got.tag)
    assert.equal(#report.files, #got.suites)
    local total_fail = 0
    for i, file in ipairs(report.files) do
      local s = got.suites[i]
      assert.equal(file.path, s.name)
      local errors, others = 0, 0
      for _, f in ipairs(file.findings) do
        if f.severity == "error" then errors = errors + 1 else others = others + 1 end
      end
      if file.error then
        assert.equal(1, s.errors)
      else
        assert.equal(errors, s.failures)
        assert.equal(errors, s.failure_elems)
        assert.equal(others, s.notes)
        assert.equal(s.tests, s.cases)
        assert.is_true(s.cases > 10)
      end
      total_fail = total_fail + s.failures
    end
    assert.is_true(total_fail > 0)
  end)

  it("escapes markup characters in paths", function()
    local path, remove = cli.odd_file("a&b<c>\"d'", "Số: /UBND-VP\nnội dung <b> & \"x\"\n")
    local xml = run("check --format junit " .. cli.quote(path))
    remove()
    local got = parse_xml(xml)
    assert.equal(path, got.suites[1].name)
  end)
end)
