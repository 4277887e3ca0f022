--- The rule runner: loads rule files into a sandbox, validates their
-- metadata, runs them on a document and collects findings.
local core = require "vbcheck.core"

local M = {}

local SEVERITIES = { error = true, warning = true, info = true }

-- A fresh allow-list environment per rule: no io, os, debug, load, require.
local function sandbox()
  local s = {}
  for k, v in pairs(string) do if k ~= "dump" then s[k] = v end end
  local env = {
    assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs, pcall = pcall,
    select = select, tonumber = tonumber, tostring = tostring, type = type, rawequal = rawequal,
    string = s, table = table, math = math, utf8 = utf8, print = function() end,
    lpeg = require "lpeg", re = require "re", vb = { fold = core.fold },
  }
  return env
end

local function rule_files(dir, out)
  local names, err = core.listdir(dir)
  if not names then return nil, err end
  for _, n in ipairs(names) do
    if n:sub(-1) == "/" then
      local ok, e = rule_files(dir .. "/" .. n:sub(1, -2), out)
      if not ok then return nil, e end
    elseif n:match("%.lua$") then
      out[#out + 1] = dir .. "/" .. n
    end
  end
  return out
end

local function validate(rule, path)
  if type(rule) ~= "table" then return "does not return a table" end
  if type(rule.id) ~= "string" or not rule.id:match("^[%w%-]+/[%w%-]+$") then return "missing or bad id" end
  if not path:find(rule.id .. ".lua", 1, true) then return "id " .. rule.id .. " does not match the file name" end
  if type(rule.check) ~= "function" then return "check is not a function" end
  local sev = rule.severity
  if type(sev) == "table" then
    if not SEVERITIES[sev.draft] or not SEVERITIES[sev.issued] then return "bad severity" end
  elseif not SEVERITIES[sev] then
    return "bad severity"
  end
  if type(rule.summary) ~= "table" or type(rule.summary.vi) ~= "string" then return "missing summary.vi" end
  return nil
end

--- Load every rule under dirs. Returns the set, or nil and a message
-- naming the file.
function M.load(dirs)
  local set = { rules = {}, by_id = {} }
  for _, dir in ipairs(dirs) do
    local files, err = rule_files(dir, {})
    if not files then return nil, err end
    for _, path in ipairs(files) do
      local f = io.open(path, "rb")
      if not f then return nil, path .. ": cannot read" end
      local src = f:read("a")
      f:close()
      local chunk, lerr = load(src, "@" .. path, "t", sandbox())
      if not chunk then return nil, lerr end
      local ok, rule = pcall(chunk)
      if not ok then return nil, path .. ": " .. tostring(rule) end
      local bad = validate(rule, path)
      if bad then return nil, path .. ": " .. bad end
      if set.by_id[rule.id] then return nil, path .. ": duplicate id " .. rule.id end
      rule.path = path
      set.by_id[rule.id] = rule
      set.rules[#set.rules + 1] = rule
    end
  end
  return set
end

local function severity_of(rule, stage)
  local s = rule.severity
  if type(s) == "table" then return s[stage] or s.draft end
  return s
end

local function fill(template, data)
  return (template:gsub("{(%w+)}", function(k) return data and data[k] ~= nil and tostring(data[k]) or "" end))
end

--- Run the set on doc. opts: {stage, lang, enable, disable, today, options}
function M.check(set, doc, opts)
  opts = opts or {}
  local stage, lang = opts.stage or "draft", opts.lang or "vi"
  local off = {}
  for _, id in ipairs(opts.disable or {}) do off[id] = true end
  for _, id in ipairs(opts.enable or {}) do off[id] = nil end
  local findings = {}
  for _, rule in ipairs(set.rules) do
    if not off[rule.id] and (not rule.family or rule.family == doc.family) then
      local sev = severity_of(rule, stage)
      local function report(r)
        local at = r.at or {}
        local msg = r.message
        if type(msg) == "string" and rule.messages and rule.messages[msg] then msg = rule.messages[msg] end
        if type(msg) == "table" then msg = msg[lang] or msg.vi end
        findings[#findings + 1] = {
          rule = rule.id, severity = r.severity or sev,
          message = fill(msg or rule.summary[lang] or rule.summary.vi, r.data),
          line = r.line or at.line or 1, column = r.column or at.column or 1,
          end_line = r.end_line or at.end_line or r.line or at.line or 1,
          end_column = r.end_column or at.end_column or r.column or at.column or 1,
        }
      end
      local ctx = { stage = stage, lang = lang, today = opts.today, options = (opts.options or {})[rule.id] }
      local ok, err = xpcall(rule.check, debug.traceback, doc, report, ctx)
      if not ok then
        findings[#findings + 1] = { rule = "rule/error", severity = "error", line = 1, column = 1, end_line = 1,
          end_column = 1, message = rule.id .. " (" .. rule.path .. "): " .. tostring(err):match("^[^\n]*") }
      end
    end
  end
  table.sort(findings, function(a, b)
    if a.line ~= b.line then return a.line < b.line end
    if a.column ~= b.column then return a.column < b.column end
    return a.rule < b.rule
  end)
  return findings
end

--- Rule metadata for `vbcheck rules` and `explain`.
function M.list(set)
  local out = {}
  for _, r in ipairs(set.rules) do
    out[#out + 1] = { id = r.id, severity = severity_of(r, "draft"), severity_issued = severity_of(r, "issued"),
      family = r.family, summary = r.summary, basis = r.basis, examples = r.examples }
  end
  return out
end

return M
