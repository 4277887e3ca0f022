--- `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. One
-- run; tool.driver lists every rule of the pack (written first, from the
-- catalogue), results follow file by file. The formatter declares a
-- separator: the writer puts it between non-empty chunks, since a worker
-- checking one file cannot know whether an earlier file had findings.
local core = require "vbcheck.core"

local M = { separator = ",\n" }

local LEVEL = { error = "error", warning = "warning", info = "note" }

-- Findings the runner and the reader make, not rules of the pack.
local SYNTHETIC = {
  { id = "rule/error", severity = "error",
    summary = { vi = "Quy tắc bị lỗi khi chạy", en = "A rule failed while running" } },
  { id = "input/unreadable", severity = "error",
    summary = { vi = "Không đọc được tệp", en = "The file could not be read" } },
  { id = "suppression/unused", severity = "info",
    summary = { vi = "Chỉ thị tắt quy tắc không tắt phát hiện nào",
      en = "A suppression directive suppresses nothing" } },
}

local function catalogue(ctx)
  local all = {}
  for _, r in ipairs(ctx.rules) do all[#all + 1] = r end
  for _, r in ipairs(SYNTHETIC) do all[#all + 1] = r end
  return all
end

-- RFC 3986: a relative reference, each byte outside the unreserved set
-- (and "/") percent-encoded; an absolute path becomes a file: URI.
local function uri(path)
  local enc = path:gsub("[^%w%-%._~/]", function(c) return string.format("%%%02X", c:byte()) end)
  if path:sub(1, 1) == "/" then return "file://" .. enc end
  return (enc:gsub("^%./", ""))
end

local function text(msg, lang) return msg and (msg[lang] or msg.vi) or nil end

function M.begin(ctx)
  local rules = {}
  for i, r in ipairs(catalogue(ctx)) do
    local summary = text(r.summary, ctx.lang) or r.id
    local full = r.basis and (summary .. " — " .. r.basis) or summary
    rules[i] = {
      id = r.id, name = r.id:gsub("[/%-](%w)", string.upper):gsub("^%l", string.upper),
      shortDescription = { text = summary }, fullDescription = { text = full },
      help = { text = full .. "\n`vbcheck explain " .. r.id .. "`" },
      defaultConfiguration = { level = LEVEL[r.severity] or "note" },
      properties = r.basis and { basis = r.basis } or nil,
    }
  end
  local driver = core.json({ name = "vbcheck", version = ctx.version, rules = rules })
  return '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n'
    .. '  "runs": [{\n    "tool": {"driver": ' .. driver .. '},\n    "columnKind": "unicodeCodePoints",\n'
    .. '    "results": [\n'
end

local function index_of(ctx)
  if not ctx.rule_index then
    ctx.rule_index = {}
    for i, r in ipairs(catalogue(ctx)) do ctx.rule_index[r.id] = i - 1 end
  end
  return ctx.rule_index
end

local function location(path, f)
  local loc = { artifactLocation = { uri = uri(path) } }
  if f then
    loc.region = { startLine = f.line, startColumn = f.column, endLine = f.end_line, endColumn = f.end_column }
  end
  return { physicalLocation = loc }
end

function M.file(result, ctx)
  local idx = index_of(ctx)
  local out = {}
  if result.error then
    out[1] = core.json({ ruleId = "input/unreadable", ruleIndex = idx["input/unreadable"], level = "error",
      message = { text = result.error.message }, locations = { location(result.path) } })
  end
  for _, f in ipairs(result.findings) do
    out[#out + 1] = core.json({ ruleId = f.rule, ruleIndex = idx[f.rule], level = LEVEL[f.severity] or "note",
      message = { text = f.message }, locations = { location(result.path, f) } })
  end
  -- silenced in the source: SARIF keeps them, marked (GitHub hides them)
  for _, f in ipairs(result.suppressed or {}) do
    out[#out + 1] = core.json({ ruleId = f.rule, ruleIndex = idx[f.rule], level = LEVEL[f.severity] or "note",
      message = { text = f.message }, locations = { location(result.path, f) },
      suppressions = { { kind = "inSource" } } })
  end
  if #out == 0 then return "" end
  return "      " .. table.concat(out, ",\n      ")
end

function M.finish(s)
  return string.format('\n    ],\n    "invocations": [{"executionSuccessful": %s}]\n  }]\n}\n',
    (s.unreadable == 0 and s.rule_errors == 0) and "true" or "false")
end

return M
