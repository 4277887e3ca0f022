--- Shared by the policy rules: `require "lib.text"` (modules live in lib/).
local M = {}

--- Whether folded line f is a heading: short, and numbered ("III.", "3.",
-- "a)") or on its own.
function M.is_heading(f)
  if #f > 80 then return false end
  local rest = f:gsub("^[ivxlc]+[%.%)]%s*", ""):gsub("^%d+[%.%)]%s*", ""):gsub("^%a[%.%)]%s*", "")
  return #rest > 0 and #rest <= 60
end

--- The first line of doc whose folded text, past its numbering, starts
-- with the folded phrase and is a heading; its number or nil.
function M.find_heading(doc, phrase)
  local want = vb.fold(phrase)
  for i, line in ipairs(doc.lines or {}) do
    local f = vb.fold(line):gsub("[%*#_]", ""):gsub("^%s+", "")
    local rest = f:gsub("^[ivxlc]+[%.%)]%s*", ""):gsub("^%d+[%.%)]%s*", "")
    if rest:sub(1, #want) == want and M.is_heading(f) then return i end
  end
  return nil
end

return M
