-- `--format github`: one workflow command per finding, the same findings
-- and exit status as JSON, GitHub's escaping of properties and messages.
local dkjson = require "dkjson"
local cli = require "helpers.cli"
local run = cli.run

local function lines(s)
  local t = {}
  for l in s:gmatch("[^\n]+") do t[#t + 1] = l end
  return t
end

local LEVEL = { error = "error", warning = "warning", info = "notice" }

describe("--format github", function()
  it("annotates every finding JSON reports, with the same exit status", function()
    local paths = "spec/fixtures/seeds examples /nonexistent/missing.txt"
    local js, jcode = run("check --format json " .. paths)
    local gh, gcode = run("check --format github " .. paths)
    assert.equal(2, jcode)
    assert.equal(jcode, gcode)
    local want = {}
    local report = assert(dkjson.decode(js))
    for _, file in ipairs(report.files) do
      if file.error then
        want[#want + 1] = "::error file=" .. file.path .. ",title=vbcheck::" .. file.error.message
      end
      for _, f in ipairs(file.findings) do
        want[#want + 1] = string.format("::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s",
          LEVEL[f.severity], file.path, f.line, f.column, f.end_line, f.end_column, f.rule, f.message)
      end
    end
    assert.is_true(#want > 20)
    assert.same(want, lines(gh))
  end)

  it("keeps the exit status of a clean run and of an error run", function()
    for _, p in ipairs { "spec/fixtures/seeds/003_801a75eec3dce3ad.txt", "examples/thong-bao-huyen-uy-loi.txt" } do
      local _, t = run("check " .. p)
      local _, g = run("check --format github " .. p)
      assert.equal(t, g)
    end
  end)

  it("escapes : and , in the file property and newlines in the message", function()
    local path, remove = cli.odd_file("a,b:c", "Số: /UBND-VP\nnội dung\n")
    local out = run("check --format github " .. cli.quote(path))
    remove()
    local any = false
    for _, l in ipairs(lines(out)) do
      any = true
      local props = l:match("^::%a+ (.-)::")
      assert.truthy(props, l)
      assert.truthy(props:find("a%2Cb%3Ac/x.txt", 1, true), l)
      assert.falsy(l:find("\r", 1, true))
    end
    assert.is_true(any)
  end)

  it("gives the same bytes with -j 4 as with -j 1", function()
    local one = run("check -j 1 --format github spec/fixtures examples")
    local four = run("check -j 4 --format github spec/fixtures examples")
    assert.equal(one, four)
  end)
end)
