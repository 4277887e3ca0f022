--- `--format junit`: JUnit XML as GitLab and Jenkins read it. A testsuite
-- per file, a testcase per rule that ran on it, a <failure> per finding of
-- severity error; warnings and infos go to the testcase's <system-out> so
-- they are visible without failing the pipeline. An unreadable file is a
-- testsuite with one <error>.
local M = {}

local xml = require("vbcheck.report.util").xml

local function where(path, f)
  return string.format("%s:%d:%d", path, f.line, f.column)
end

function M.begin()
  return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="vbcheck">\n'
end

function M.file(result)
  local path = xml(result.path)
  if result.error then
    return string.format('  <testsuite name="%s" tests="1" failures="0" errors="1">\n'
      .. '    <testcase name="read" classname="%s">\n      <error message="%s"/>\n    </testcase>\n'
      .. '  </testsuite>\n', path, path, xml(result.error.message))
  end
  -- findings by rule, in the order rules ran; rule/error belongs to the
  -- failed rule's testcase
  local by_rule = {}
  for _, f in ipairs(result.findings) do
    local id = f.failed_rule or f.rule
    by_rule[id] = by_rule[id] or {}
    table.insert(by_rule[id], f)
  end
  local cases, failures = {}, 0
  for _, id in ipairs(result.ran) do
    local fails, notes = {}, {}
    for _, f in ipairs(by_rule[id] or {}) do
      local text = where(result.path, f) .. ": " .. f.severity .. ": " .. f.message .. " [" .. f.rule .. "]"
      if f.severity == "error" then
        fails[#fails + 1] = string.format('      <failure type="%s" message="%s">%s</failure>\n', xml(f.rule),
          xml(f.message), xml(text))
      else
        notes[#notes + 1] = xml(text)
      end
    end
    failures = failures + #fails
    local body = table.concat(fails)
    if #notes > 0 then body = body .. "      <system-out>" .. table.concat(notes, "\n") .. "</system-out>\n" end
    if body == "" then
      cases[#cases + 1] = string.format('    <testcase name="%s" classname="%s"/>\n', xml(id), path)
    else
      cases[#cases + 1] = string.format('    <testcase name="%s" classname="%s">\n%s    </testcase>\n', xml(id), path,
        body)
    end
  end
  return string.format('  <testsuite name="%s" tests="%d" failures="%d" errors="0">\n%s  </testsuite>\n', path,
    #result.ran, failures, table.concat(cases))
end

function M.finish() return "</testsuites>\n" end

return M
