--- What the markup formats share: escaping text for XML (junit) and HTML
-- (html). One pattern, one table each: the two differ only in how they
-- spell the apostrophe (XML's &apos; is not an HTML 4 entity) and in that
-- XML 1.0 drops the C0 controls it cannot carry.
local M = {}

local MARKUP = "[&<>\"']"

local function escaper(apos)
  local esc = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = apos }
  return function(s) return (s:gsub(MARKUP, esc)) end
end

local xml_escape, html_escape = escaper("&apos;"), escaper("&#39;")

--- Text for an XML 1.0 attribute or element: the C0 controls XML 1.0
-- forbids even as character references (all but tab, LF, CR) are dropped,
-- the five markup characters escaped.
function M.xml(s)
  return xml_escape((tostring(s):gsub("[%z\1-\8\11\12\14-\31]", "")))
end

--- Text for an HTML attribute or element: the five markup characters.
function M.html(s) return html_escape(tostring(s)) end

return M
