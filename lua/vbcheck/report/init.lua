--- Report formats. Each lives in vbcheck/report/<name>.lua and returns a
-- table of three functions, called in this order:
--
--   begin(ctx) -> string            once, before any file
--   file(result, ctx) -> out, err   once per file, possibly in another
--                                   worker: it may use only its arguments
--   finish(summary, ctx) -> string  once, after every file
--
-- ctx: {lang, color, quiet, stage, version, rules = runner.list(set)}.
-- result: see session.check_file, plus `index` (1-based input position).
-- summary: {files, errors, warnings, infos, unreadable, rule_errors}.
-- `err` is text for stderr (for instance an unreadable file in a format
-- meant for people). A format may set `separator`: the writer puts it
-- between two non-empty `out` chunks (a worker cannot know whether an
-- earlier file wrote anything).
local M = {}

M.names = { "text", "json", "github", "junit", "sarif", "html" }

local known = {}
for _, n in ipairs(M.names) do known[n] = true end

--- The formatter called name, or nil and a message.
function M.get(name)
  if not known[name] then return nil, "unknown format '" .. tostring(name) .. "'" end
  return require("vbcheck.report." .. name)
end

return M
