--- `--format github`: GitHub Actions workflow commands, one per finding, so
-- findings show up as annotations on the pull request without uploading
-- SARIF: `::error file=F,line=L,col=C,endLine=E,endColumn=EC,title=RULE::msg`.
-- GitHub has no "info" level; its equivalent is "notice".
local M = {}

local LEVEL = { error = "error", warning = "warning", info = "notice" }

-- The escaping GitHub's runner undoes (actions/toolkit, command.ts): the
-- message may not hold % CR LF; a property value may not hold : or , either.
local function data(s)
  return (s:gsub("%%", "%%25"):gsub("\r", "%%0D"):gsub("\n", "%%0A"))
end

local function prop(s)
  return (data(s):gsub(":", "%%3A"):gsub(",", "%%2C"))
end

function M.begin() return "" end

function M.file(result)
  local file = prop(result.path)
  if result.error then
    return string.format("::error file=%s,title=vbcheck::%s\n", file, data(result.error.message))
  end
  local out = {}
  for i, f in ipairs(result.findings) do
    out[i] = string.format("::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
      LEVEL[f.severity] or "notice", file, f.line, f.column, f.end_line, f.end_column, prop(f.rule), data(f.message))
  end
  return table.concat(out)
end

function M.finish() return "" end

return M
