--- Commands of the vbcheck program that are formatted in Lua:
-- `rules`, `explain` and `tasks`. Each returns the text to print and an exit code.
local vb = require "vbcheck"
local runner = require "vbcheck.runner"

local M = {}

local function load_set(opts)
  local set, err = vb.rules(vb.rule_dirs(opts))
  if not set then return nil, err end
  return set
end

function M.rules(opts)
  local set, err = load_set(opts)
  if not set then return "vbcheck: " .. err .. "\n", 2 end
  local lang = opts.lang or "vi"
  local out = {}
  for _, r in ipairs(runner.list(set)) do
    local sev = r.severity == r.severity_issued and r.severity or (r.severity .. "/" .. r.severity_issued)
    out[#out + 1] = string.format("%-28s %-14s %-7s %s", r.id, sev, r.family or "", r.summary[lang] or r.summary.vi)
  end
  if #out == 0 then out[1] = lang == "en" and "(no rules)" or "(chưa có quy tắc)" end
  return table.concat(out, "\n") .. "\n", 0
end

function M.explain(opts, paths)
  local set, err = load_set(opts)
  if not set then return "vbcheck: " .. err .. "\n", 2 end
  local lang = opts.lang or "vi"
  local id = paths[1]
  for _, r in ipairs(runner.list(set)) do
    if r.id == id then
      local out = { r.id, "", r.summary[lang] or r.summary.vi, "",
        (lang == "en" and "Basis: " or "Căn cứ: ") .. (r.basis or "") }
      if r.examples then
        out[#out + 1] = ""
        out[#out + 1] = (lang == "en" and "Fails:\n" or "Vi phạm:\n") .. (r.examples.fail or "")
        out[#out + 1] = (lang == "en" and "Passes:\n" or "Đúng:\n") .. (r.examples.pass or "")
      end
      return table.concat(out, "\n") .. "\n", 0
    end
  end
  return (lang == "en" and "vbcheck: unknown rule: " or "vbcheck: không có quy tắc: ") .. tostring(id) .. "\n", 2
end

--- `vbcheck tasks PATH...`: one row per task; unreadable files are
-- reported on stderr and make the exit status 2.
function M.tasks(opts, paths)
  local fmt = require "vbcheck.tasks_format"
  local rows, code = {}, 0
  local as_of = opts.as_of or opts.today
  for _, path in ipairs(paths) do
    local doc, err = vb.parse_file(path, { lang = opts.lang })
    if doc then
      for _, r in ipairs(fmt.rows(doc, path, { as_of = as_of })) do rows[#rows + 1] = r end
    else
      io.stderr:write(path, ": ", err, "\n")
      code = 2
    end
  end
  local f = opts.format == "json" and "json" or opts.format == "csv" and "csv" or opts.format == "ics" and "ics"
    or "text"
  return fmt.format(rows, f, { lang = opts.lang, as_of = as_of, agency = opts.agency, fold = vb.fold }), code
end

return M
