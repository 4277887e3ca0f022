--- Inline suppression: HTML comments in a draft (invisible once the
-- Markdown is rendered) that silence findings.
--
--   <!-- vbcheck-disable task/deadline-missing -->       from this line on
--   <!-- vbcheck-enable task/deadline-missing -->        until this line
--   <!-- vbcheck-disable-next-line number/blank -->      the next line with text
--   <!-- vbcheck-disable -->                             every rule
--
-- Several ids go comma- or space-separated, a whole group as "task/*";
-- text after "--" is a reason for the reader. Suppressed findings are kept
-- apart (result.suppressed: the JSON and SARIF reports carry them, marked),
-- not dropped. A directive that silences nothing, or that vbcheck does not
-- understand, is itself reported (suppression/unused, info), so stale ones
-- get cleaned. rule/error cannot be silenced: a broken rule is the rule
-- author's to fix.
local M = {}

M.RULE = "suppression/unused"

local KINDS = { disable = true, enable = true, ["disable-next-line"] = true }

local MSG = {
  unused = { vi = 'Chỉ thị "%s" không tắt phát hiện nào: hãy xoá nếu không còn cần',
    en = 'The directive "%s" suppresses nothing: remove it if it is no longer needed' },
  unmatched = { vi = 'Chỉ thị "%s" không có "vbcheck-disable" tương ứng ở trên',
    en = 'The directive "%s" has no matching "vbcheck-disable" above it' },
  unknown = { vi = 'Không hiểu chỉ thị "%s" (dùng vbcheck-disable, vbcheck-enable, vbcheck-disable-next-line)',
    en = 'Unknown directive "%s" (use vbcheck-disable, vbcheck-enable, vbcheck-disable-next-line)' },
}

local function cp_col(line, byte) return (utf8.len(line:sub(1, byte - 1)) or byte - 1) + 1 end

--- The directives in lines, in order: {kind, ids = {...} (empty: every
-- rule), text, line, column, end_column}.
function M.directives(lines)
  local out = {}
  for i, line in ipairs(lines or {}) do
    if line:find("vbcheck-", 1, true) then
      for b, body, e in line:gmatch("()<!%-%-%s*(vbcheck%-.-)%s*%-%->()") do
        local kind, rest = body:match("^vbcheck%-([%a%-]+)%s*(.-)$")
        rest = (rest or ""):gsub("%s*%-%-.*$", "")
        local ids = {}
        for id in rest:gmatch("[^%s,]+") do ids[#ids + 1] = id end
        out[#out + 1] = { kind = kind, ids = ids, text = body, line = i, column = cp_col(line, b),
          end_column = cp_col(line, e) }
      end
    end
  end
  return out
end

-- A line holding text a finding can sit on: not blank, not only comments.
local function has_text(line)
  return line and line:gsub("<!%-%-.-%-%->", ""):find("%S") ~= nil
end

local function covers(pattern, id)
  if pattern == "*" then return true end
  if pattern:sub(-2) == "/*" then return id:sub(1, #pattern - 1) == pattern:sub(1, -2) end
  return pattern == id
end

local function report(d, key, lang)
  local m = MSG[key]
  return { rule = M.RULE, severity = "info", message = (m[lang] or m.vi):format(d.text), message_id = key,
    line = d.line, column = d.column, end_line = d.line, end_column = d.end_column }
end


--- Apply the directives of lines to findings. Returns the findings kept
-- (with a suppression/unused finding per directive that silenced nothing)
-- and the findings suppressed, each marked `suppressed = {line = the
-- directive's line}`.
function M.apply(lines, findings, lang)
  local dirs = M.directives(lines)
  if #dirs == 0 then return findings, {} end
  local ranges, open, notes = {}, {}, {}
  for _, d in ipairs(dirs) do
    local ids = #d.ids > 0 and d.ids or { "*" }
    if not KINDS[d.kind] then
      notes[#notes + 1] = report(d, "unknown", lang)
    elseif d.kind == "disable" then
      for _, id in ipairs(ids) do
        if not open[id] then open[id] = { id = id, from = d.line, to = math.huge, d = d } end
      end
    elseif d.kind == "enable" then
      for _, id in ipairs(ids) do
        local closed = false
        for oid, r in pairs(open) do
          if id == "*" or oid == id then
            r.to = d.line - 1
            ranges[#ranges + 1] = r
            open[oid] = nil
            closed = true
          end
        end
        if not closed then notes[#notes + 1] = report(d, "unmatched", lang) end
      end
    else
      local t = d.line + 1
      while lines[t] and not has_text(lines[t]) do t = t + 1 end
      for _, id in ipairs(ids) do ranges[#ranges + 1] = { id = id, from = t, to = t, d = d } end
    end
  end
  for _, r in pairs(open) do ranges[#ranges + 1] = r end
  local kept, suppressed = {}, {}
  for _, f in ipairs(findings) do
    local hit
    if f.rule ~= "rule/error" and f.rule ~= M.RULE then
      for _, r in ipairs(ranges) do
        if f.line >= r.from and f.line <= r.to and covers(r.id, f.rule) then
          hit = r
          break
        end
      end
    end
    if hit then
      hit.used = true
      local s = {}
      for k, v in pairs(f) do s[k] = v end
      s.suppressed = { line = hit.d.line }
      suppressed[#suppressed + 1] = s
    else
      kept[#kept + 1] = f
    end
  end
  -- one note per directive, however many ids it names
  local noted = {}
  for _, r in ipairs(ranges) do
    if not r.used and not noted[r.d] then
      local any = false
      for _, q in ipairs(ranges) do if q.d == r.d and q.used then any = true end end
      if not any then
        noted[r.d] = true
        notes[#notes + 1] = report(r.d, "unused", lang)
      end
    end
  end
  for _, n in ipairs(notes) do kept[#kept + 1] = n end
  if #notes > 0 then table.sort(kept, require("vbcheck.runner").by_position) end
  return kept, suppressed
end

--- The lines of a file whose findings were replayed from the register
-- (it was not parsed): parsed again only when it holds a directive.
function M.lines_of(path)
  local f = io.open(path, "rb")
  if not f then return {} end
  local text = f:read("a") or ""
  f:close()
  if not text:find("vbcheck-", 1, true) then return {} end
  local doc = require("vbcheck").parse_file(path)
  return doc and doc.lines or {}
end

return M
