--- `--format json`: the document in model.md §2, written as it goes: one
-- object per file, in input order.
local core = require "vbcheck.core"

-- the writer puts the separator between files (report/init.lua)
local M = { separator = "," }

function M.begin(ctx)
  return '{\n  "tool": {"name": "vbcheck", "version": "' .. ctx.version .. '"},\n  "files": ['
end

function M.file(result)
  local obj
  if result.error then
    obj = { path = result.path, error = { message = result.error.message }, findings = {} }
  else
    obj = { path = result.path, family = result.family, doc_type = result.doc_type, findings = result.findings }
    -- silenced by a directive in the file: kept, apart (suppress.lua)
    if result.suppressed and #result.suppressed > 0 then obj.suppressed = result.suppressed end
  end
  return "\n    " .. core.json(obj)
end

function M.finish(s)
  return string.format('\n  ],\n  "summary": {"files": %d, "errors": %d, "warnings": %d, "infos": %d, '
    .. '"unreadable": %d}\n}\n', s.files, s.errors, s.warnings, s.infos, s.unreadable)
end

return M
