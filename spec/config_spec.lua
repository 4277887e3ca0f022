-- luacheck: std +busted
-- Configuration files (.vbcheck.lua) and inline suppression, through the
-- program: discovery upwards, --config, --no-config, each key, overrides,
-- precedence, errors naming file and line, and the cache key.
local cli = require "helpers.cli"
local config = require "vbcheck.config"

local ROOT = os.tmpname()
os.remove(ROOT)
teardown(function() os.execute("rm -rf '" .. ROOT .. "'") end)

local write = cli.write

-- A draft that breaks a few rules: task/deadline-missing (item 2),
-- number/blank (a draft's empty number) and recipients/archive-missing.
local DRAFT = [[
**ỦY BAN NHÂN DÂN**
**TỈNH LAI CHÂU**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
**Độc lập - Tự do - Hạnh phúc**

Số:      /CT-UBND

*Lai Châu, ngày 10 tháng 11 năm 2025*

# CHỈ THỊ

**Về tăng cường công tác phòng, chống thiên tai năm 2026**

Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. Sở Nông nghiệp và Môi trường chủ trì rà soát phương án, báo cáo trước ngày 15/12/2025.

2. Sở Tài chính tham mưu bố trí kinh phí cho công tác phòng, chống thiên tai.

**Nơi nhận:**
- Các sở, ban, ngành tỉnh;

**CHỦ TỊCH**

Nguyễn Văn A
]]

local n = 0
-- A fresh project folder with files = { [rel] = text }; returns its path.
local function project(files)
  n = n + 1
  local dir = ROOT .. "/p" .. n
  for rel, text in pairs(files) do write(dir .. "/" .. rel, text) end
  return dir
end

local function findings(args)
  local out, code = cli.run("check --format json " .. args)
  local got = {}
  -- findings only, not what directives silenced (no arrays nest inside)
  local shown = out:gsub(',"suppressed":%[.-%]', "")
  for rule, sev in shown:gmatch('"rule":"([^"]+)","severity":"(%a+)"') do got[#got + 1] = rule .. "=" .. sev end
  return got, code, out
end

local function has(list, x)
  for _, v in ipairs(list) do if v == x then return true end end
  return false
end

local function stderr_of(args)
  local p = io.popen(cli.bin .. " " .. args .. " 2>&1 >/dev/null; echo \"::$?\"")
  local out = p:read("a")
  p:close()
  local body, code = out:match("^(.-)::(%d+)%s*$")
  return body, tonumber(code)
end

describe(".vbcheck.lua", function()
  it("without one, the pack's defaults apply", function()
    local dir = project { ["d/a.md"] = DRAFT }
    local got = findings(dir .. "/d/a.md")
    assert.truthy(has(got, "task/deadline-missing=warning"))
    assert.truthy(has(got, "number/blank=info"))
  end)

  it("is found from the file's folder upwards and sets severity, disable and options", function()
    local dir = project {
      [".vbcheck.lua"] = [[return {
        severity = { ["task/deadline-missing"] = "error" },
        disable = { "number/blank" },
      }]],
      ["d/sub/a.md"] = DRAFT,
    }
    local got, code = findings(dir .. "/d/sub/a.md")
    assert.truthy(has(got, "task/deadline-missing=error"))
    assert.falsy(has(got, "number/blank=info"))
    assert.equal(1, code)
  end)

  it("the nearest one wins, and --no-config ignores them", function()
    local dir = project {
      [".vbcheck.lua"] = [[return { disable = { "task/*" } }]],
      ["d/.vbcheck.lua"] = [[return { severity = { ["number/blank"] = "off" } }]],
      ["d/a.md"] = DRAFT, ["b.md"] = DRAFT,
    }
    local got = findings(dir .. "/d/a.md")
    assert.truthy(has(got, "task/deadline-missing=warning"))
    assert.falsy(has(got, "number/blank=info"))
    got = findings(dir .. "/b.md")
    assert.falsy(has(got, "task/deadline-missing=warning"))
    got = findings("--no-config " .. dir .. "/b.md")
    assert.truthy(has(got, "task/deadline-missing=warning"))
  end)

  it("--config names one file for every checked file", function()
    local dir = project {
      ["conf.lua"] = [[return { disable = { "task/deadline-missing" } }]],
      [".vbcheck.lua"] = [[return {}]],
      ["a.md"] = DRAFT,
    }
    local got = findings("--config " .. dir .. "/conf.lua " .. dir .. "/a.md")
    assert.falsy(has(got, "task/deadline-missing=warning"))
  end)

  it("overrides apply per path, in order, and the command line has the last word", function()
    local dir = project {
      [".vbcheck.lua"] = [[return {
        overrides = {
          { files = "issued/**", stage = "issued" },
          { files = { "issued/old/*.md" }, disable = { "task/*" } },
        },
      }]],
      ["issued/a.md"] = DRAFT, ["issued/old/b.md"] = DRAFT, ["draft/c.md"] = DRAFT,
    }
    -- issued: a blank number is an error, not a draft's info
    local got = findings(dir .. "/issued/a.md")
    assert.truthy(has(got, "number/blank=error") or has(got, "number/blank=warning"), table.concat(got, " "))
    assert.truthy(has(got, "task/deadline-missing=warning"))
    got = findings(dir .. "/issued/old/b.md")
    assert.falsy(has(got, "task/deadline-missing=warning"))
    got = findings(dir .. "/draft/c.md")
    assert.truthy(has(got, "number/blank=info"))
    got = findings("--stage draft --enable task/deadline-missing " .. dir .. "/issued/old/b.md")
    assert.truthy(has(got, "number/blank=info"))
    assert.truthy(has(got, "task/deadline-missing=warning"))
  end)

  it("adds rule folders relative to itself, and passes options to one rule", function()
    local dir = project {
      [".vbcheck.lua"] = [[return {
        rules = { "policy" },
        options = { ["tinh/phrase"] = { phrase = "thiên tai" } },
      }]],
      ["policy/tinh/phrase.lua"] = [[return { id = "tinh/phrase", severity = "info",
        summary = { vi = "Cụm từ cần chú ý" },
        check = function(doc, report, ctx)
          local at = vb.locate(doc, ctx.options.phrase)
          if at then report { at = at, message = { vi = "thấy " .. ctx.options.phrase } } end
        end }]],
      ["a.md"] = DRAFT,
    }
    local got, _, out = findings(dir .. "/a.md")
    assert.truthy(has(got, "tinh/phrase=info"), out)
    assert.truthy(out:find("thấy thiên tai", 1, true))
  end)

  it("rejects an unknown key or a wrong type, naming the file and the line", function()
    local dir = project {
      [".vbcheck.lua"] = "return {\n  stage = \"draft\",\n  severty = {},\n}\n",
      ["a.md"] = DRAFT, ["b/.vbcheck.lua"] = "return {\n  stage = \"final\",\n}\n", ["b/b.md"] = DRAFT,
    }
    local err, code = stderr_of("check " .. dir .. "/a.md")
    assert.equal(2, code)
    assert.truthy(err:find(".vbcheck.lua:3: khóa không hợp lệ 'severty'", 1, true), err)
    err = stderr_of("--lang en check " .. dir .. "/b/b.md")
    assert.truthy(err:find(".vbcheck.lua:2: 'stage' must be \"draft\" or \"issued\"", 1, true), err)
  end)

  it("rejects an unknown rule id, a syntax error and a script that loops", function()
    local dir = project {
      ["x/.vbcheck.lua"] = "return {\n  disable = { \"text/encodng\" },\n}\n", ["x/a.md"] = DRAFT,
      ["y/.vbcheck.lua"] = "return {\n  stage = ,\n}\n", ["y/a.md"] = DRAFT,
    }
    local err, code = stderr_of("check " .. dir .. "/x/a.md")
    assert.equal(2, code)
    assert.truthy(err:find(".vbcheck.lua:2: 'text/encodng': không có quy tắc này", 1, true), err)
    err = stderr_of("check " .. dir .. "/y/a.md")
    assert.truthy(err:find(".vbcheck.lua:2:", 1, true), err)
  end)

  it("a broken configuration fails its files only: the others are checked", function()
    local dir = project { ["bad/.vbcheck.lua"] = "return 42", ["bad/a.md"] = DRAFT, ["good/b.md"] = DRAFT }
    local out, code = cli.run("check --format json " .. dir)
    assert.equal(2, code)
    assert.truthy(out:find('"error":{', 1, true))
    assert.truthy(out:find("task/deadline-missing", 1, true))
  end)

  it("matches globs: * and ? in a folder, ** across folders", function()
    assert.truthy(config.match("drafts/**", "drafts/a/b.md"))
    assert.truthy(config.match("drafts/**", "drafts/b.md"))
    assert.truthy(config.match("drafts/", "drafts/x/y.md"))
    assert.falsy(config.match("drafts/*", "drafts/a/b.md"))
    assert.truthy(config.match("*.md", "a/b/c.md"))
    assert.truthy(config.match("a/?.md", "a/b.md"))
    assert.falsy(config.match("a/?.md", "a/bc.md"))
    assert.falsy(config.match("drafts/**", "other/drafts.md"))
  end)

  it("is part of the cache key: changing it re-checks cached files", function()
    local dir = project { ["a.md"] = DRAFT, [".vbcheck.lua"] = "return {}" }
    local db = dir .. "/reg.db"
    local got = findings("--db " .. db .. " --cache " .. dir .. "/a.md")
    assert.truthy(has(got, "task/deadline-missing=warning"))
    write(dir .. "/.vbcheck.lua", [[return { severity = { ["task/deadline-missing"] = "error" } }]])
    got = findings("--db " .. db .. " --cache " .. dir .. "/a.md")
    assert.truthy(has(got, "task/deadline-missing=error"), table.concat(got, " "))
  end)
end)

describe("inline suppression", function()
  local function with(text) return project { ["a.md"] = text } .. "/a.md" end

  it("disable-next-line silences one rule on the next line with text", function()
    local text = DRAFT:gsub("\n2%. Sở Tài chính",
      "\n<!-- vbcheck-disable-next-line task/deadline-missing -- kinh phí theo năm -->\n2. Sở Tài chính")
    local got, _, out = findings(with(text))
    assert.falsy(has(got, "task/deadline-missing=warning"), out)
    assert.truthy(out:find('"suppressed":[', 1, true), out)
    assert.falsy(has(got, "suppression/unused=info"))
  end)

  it("disable ... enable silences a range, and the rest still reports", function()
    local text = DRAFT:gsub("\nSố:", "\n<!-- vbcheck-disable number/blank -->\nSố:")
      :gsub("\n%*Lai Châu", "\n<!-- vbcheck-enable number/blank -->\n*Lai Châu")
    local got = findings(with(text))
    assert.falsy(has(got, "number/blank=info"))
    assert.truthy(has(got, "task/deadline-missing=warning"))
  end)

  it("reports a directive that silences nothing, an unknown one and an unmatched enable", function()
    local text = "<!-- vbcheck-disable text/encoding -->\n<!-- vbcheck-disabel x/y -->\n"
      .. "<!-- vbcheck-enable task/deadline-missing -->\n" .. DRAFT
    local got, _, out = findings(with(text))
    local notes = 0
    for _, g in ipairs(got) do if g == "suppression/unused=info" then notes = notes + 1 end end
    assert.equal(3, notes, out)
    assert.truthy(has(got, "task/deadline-missing=warning"))
  end)

  it("cannot silence a failing rule", function()
    local dir = project {
      ["r/x/boom.lua"] = [[return { id = "x/boom", severity = "info", summary = { vi = "x" },
        check = function() error("boom") end }]],
      ["a.md"] = "<!-- vbcheck-disable -->\n" .. DRAFT,
    }
    local got, code = findings("--rules " .. dir .. "/r " .. dir .. "/a.md")
    assert.truthy(has(got, "rule/error=error"))
    assert.equal(2, code)
  end)

  it("leaves the model alone: a comment line is blank to the parser", function()
    local text = DRAFT:gsub("\n# CHỈ THỊ", "\n<!-- vbcheck-disable-next-line doc-type/missing -->\n# CHỈ THỊ")
    local out = cli.run("parse --format json " .. with(text))
    assert.truthy(out:find('"code": "chi-thi"', 1, true), out)
  end)
end)
