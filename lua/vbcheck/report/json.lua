--- `--format json`: the document in model.md §2, written as it goes: one
-- object per file, in input order.
local core = require "vbcheck.core"

local M = {}

function M.begin(ctx)
  return '{\n  "tool": {"name": "vbcheck", "version": "' .. ctx.version .. '"},\n  "files": ['
end

function M.file(result)
  local sep = result.index == 1 and "\n    " or ",\n    "
  local obj
  if result.error then
    obj = { path = result.path, error = { message = result.error.message }, findings = {} }
  else
    obj = { path = result.path, family = result.family, doc_type = result.doc_type, findings = result.findings }
  end
  return sep .. core.json(obj)
end

function M.finish(s)
  return string.format('\n  ],\n  "summary": {"files": %d, "errors": %d, "warnings": %d, "infos": %d, '
    .. '"unreadable": %d}\n}\n', s.files, s.errors, s.warnings, s.infos, s.unreadable)
end

return M
