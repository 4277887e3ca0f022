--- The rule runner: loads rule files into a sandbox, validates their
-- metadata, runs them on a document model and collects findings.
--
--   local runner = require "vbcheck.runner"
--   local set = assert(runner.load { "rules" })
--   for _, f in ipairs(runner.check(set, doc, { stage = "issued" })) do ... end
--
-- `runner.new{fold = f, listdir = g}` gives the same API with other
-- implementations of the two services taken from the C core (tests use
-- pure-Lua doubles); the module's own functions use `vbcheck.core`, loaded
-- on first use so that requiring the runner never needs the C module.

local M = {}

local SEVERITIES = { error = true, warning = true, info = true }
local STAGES = { draft = true, issued = true }
local FAMILIES = { state = true, party = true }
-- Generous: a rule on a 10 KB document runs ~10^5 instructions; this only
-- stops runaway loops (a few seconds of work).
local DEFAULT_BUDGET = 500000000
-- Per rule per document: far above what any rule of the pack needs on the
-- largest document the reader accepts (16 MiB), far below a machine's RAM.
local DEFAULT_MEMORY = 256 * 1024 * 1024
M.DEFAULT_BUDGET, M.DEFAULT_MEMORY = DEFAULT_BUDGET, DEFAULT_MEMORY

local function core() return require "vbcheck.core" end

local function copy(t, skip)
  local c = {}
  for k, v in pairs(t) do if k ~= skip then c[k] = v end end
  return c
end

-- Runs fn in its own coroutine so that an instruction budget (a count
-- hook on that coroutine only) can stop a runaway loop, with the state's
-- memory cap armed meanwhile (memory = bytes it may grow by). Once tripped
-- the hook re-arms itself at every instruction, so the code's own pcall
-- cannot swallow the error and keep going; a refused allocation fails the
-- run even when a pcall caught it, since what follows may be half done.
-- Returns true, fn's first result or false, reason, where (the innermost line in
-- path, the file fn comes from).
local function run(fn, path, limits, cap, ...)
  local co = coroutine.create(fn)
  local budget, memory = limits.budget, limits.memory
  if budget then
    local function trip()
      debug.sethook(co, trip, "", 1)
      error("instruction budget exceeded", 2)
    end
    debug.sethook(co, trip, "", budget)
  end
  if cap and memory then cap(memory) end
  -- nothing may allocate between resume and lifting the cap: one result only
  local ok, res = coroutine.resume(co, ...)
  local hit = cap and memory and cap(nil)
  if ok and not hit then
    if coroutine.status(co) ~= "dead" then return false, "yielded", nil end
    return true, res
  end
  -- where the code was: the innermost frame in its own file
  local where
  for level = 0, 50 do
    local info = debug.getinfo(co, level, "Sl")
    if not info then break end
    if info.source == "@" .. path then
      where = path .. ":" .. info.currentline
      break
    end
  end
  if hit then res = ("memory cap exceeded (%d MiB)"):format(memory // (1024 * 1024)) end
  return false, tostring(res), where
end
M.run = run

-- The limits of opts (budget, memory: false for none).
local function limits_of(opts)
  opts = opts or {}
  local budget, memory = opts.budget, opts.memory
  if budget == nil then budget = DEFAULT_BUDGET end
  if memory == nil then memory = DEFAULT_MEMORY end
  return { budget = budget or nil, memory = memory or nil }
end

-- Names a module may have: dotted words, nothing that walks out of a folder.
local MODULE_NAME = "^[%w_%-]+$"

-- A fresh allow-list environment per rule (and per config file, per module).
-- Library tables are copied so a rule that overwrites `table.insert` cannot
-- disturb the others; the string metatable stays the real one, which rules
-- cannot reach (no getmetatable). `require` finds modules only in the rule
-- folders' lib/ (see modules below), `vb` holds the helpers of
-- vbcheck.kit.
local function sandbox(services, req)
  local env = {
    assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs, pcall = pcall,
    select = select, tonumber = tonumber, tostring = tostring, type = type, xpcall = xpcall,
    -- tables only, so a string's metatable stays out of reach; no __gc,
    -- since a finaliser would run outside the rule's instruction budget
    setmetatable = function(t, mt)
      if type(t) ~= "table" then error("setmetatable expects a table", 2) end
      if type(mt) == "table" and rawget(mt, "__gc") ~= nil then error("__gc metamethods are not allowed", 2) end
      return setmetatable(t, mt)
    end,
    rawget = rawget, rawset = rawset, rawequal = rawequal, rawlen = rawlen,
    string = copy(string, "dump"), table = copy(table), math = copy(math), utf8 = copy(utf8),
    print = services.log or function() end,
    require = req,
  }
  env.vb = require("vbcheck.kit").new(services.fold)
  local ok, lpeg = pcall(require, "lpeg")
  if ok then env.lpeg = copy(lpeg) end
  local ok_re, re = pcall(require, "re")
  if ok_re then env.re = copy(re) end
  return env
end

-- Reads a Lua source file; nil, message when it cannot.
local function read_source(path)
  local f, oerr = io.open(path, "rb")
  if not f then return nil, path .. ": cannot read: " .. tostring(oerr) end
  local src = f:read("a")
  f:close()
  return src
end

-- The require of a set's sandboxes: require "lib.dates" loads
-- <folder>/lib/dates.lua from the first rule folder that has it, once per
-- set, in a sandbox of its own; "lpeg" and "re" give the sandbox's copies.
-- Anything else (C modules, vbcheck's internals, paths) is refused.
local function module_loader(services, set)
  local loading = {}
  local req
  req = function(name)
    if type(name) ~= "string" then error("require expects a module name", 2) end
    if set.modules[name] ~= nil then return set.modules[name] end
    if name == "lpeg" or name == "re" then
      local ok, m = pcall(require, name)
      if ok then return copy(m) end
    end
    local parts = {}
    for part in (name .. "."):gmatch("([^.]*)%.") do
      if not part:match(MODULE_NAME) then parts = nil break end
      parts[#parts + 1] = part
    end
    local rel = parts and #parts >= 2 and parts[1] == "lib" and table.concat(parts, "/") .. ".lua"
    local tried = {}
    for _, dir in ipairs(rel and set.dirs or {}) do
      local path = dir .. "/" .. rel
      local src = read_source(path)
      if src then
        if loading[name] then error("require '" .. name .. "': circular require", 2) end
        local chunk, lerr = load(src, "@" .. path, "t", sandbox(services, req))
        if not chunk then error(lerr, 0) end
        loading[name] = true
        local ok, m = run(chunk, path, limits_of(services.limits), services.memory_cap)
        loading[name] = nil
        if not ok then error(path .. ": " .. m, 0) end
        if m == nil then m = true end
        set.modules[name] = m
        return m
      end
      tried[#tried + 1] = path
    end
    if not rel then
      error("require '" .. name .. "': only modules lib.NAME from the rule folders can be required", 2)
    end
    error("require '" .. name .. "': not found (" .. table.concat(tried, ", ") .. ")", 2)
  end
  return req
end

-- Every *.lua under dir, depth first in the listing's (sorted) order, as
-- {path, rel} where rel is the path below dir.
local function rule_files(listdir, dir, rel, out)
  local names, err = listdir(rel == "" and dir or dir .. "/" .. rel)
  if not names then return nil, (rel == "" and dir or dir .. "/" .. rel) .. ": " .. tostring(err) end
  for _, n in ipairs(names) do
    local sub = rel == "" and n or rel .. "/" .. n
    -- at a folder's root, lib/ holds modules and spec/ the rules' specs
    if n:sub(-1) == "/" and not (rel == "" and (n == "lib/" or n == "spec/")) then
      local ok, e = rule_files(listdir, dir, sub:sub(1, -2), out)
      if not ok then return nil, e end
    elseif n:match("%.lua$") and not n:match("_spec%.lua$") then
      out[#out + 1] = { path = dir .. "/" .. sub, rel = sub }
    end
  end
  return out
end

local function valid_severity(s)
  if type(s) == "table" then return SEVERITIES[s.draft] and SEVERITIES[s.issued] end
  return SEVERITIES[s]
end

local function validate(rule, rel)
  if type(rule) ~= "table" then return "does not return a rule table" end
  local id = rule.id
  if type(id) ~= "string" or id == "" then return "missing id" end
  if not id:match("^[%w_%-]+/[%w_%-/]*[%w_%-]$") or id:find("//", 1, true) then
    return "bad id '" .. id .. "' (expected group/name)"
  end
  if rel ~= id .. ".lua" then return "id '" .. id .. "' does not match the file name (expected " .. id .. ".lua)" end
  if type(rule.check) ~= "function" then return "check is not a function" end
  if not valid_severity(rule.severity) then
    return "bad severity (expected error, warning, info or {draft = ..., issued = ...})"
  end
  if rule.family ~= nil and not FAMILIES[rule.family] then return "bad family (expected state, party or nil)" end
  if type(rule.summary) ~= "table" or type(rule.summary.vi) ~= "string" then return "missing summary.vi" end
  if rule.messages ~= nil and type(rule.messages) ~= "table" then return "messages is not a table" end
  return nil
end

local function load_rules(services, dirs)
  local set = { rules = {}, by_id = {}, fold = services.fold, dirs = {}, modules = {}, cap = services.memory_cap }
  for i, dir in ipairs(dirs) do set.dirs[i] = (dir:gsub("/+$", "")) end
  local req = module_loader(services, set)
  for _, dirname in ipairs(set.dirs) do
    local files, err = rule_files(services.listdir, dirname, "", {})
    if not files then return nil, err end
    for _, file in ipairs(files) do
      local path = file.path
      local src, rerr = read_source(path)
      if not src then return nil, rerr end
      local chunk, lerr = load(src, "@" .. path, "t", sandbox(services, req))
      if not chunk then return nil, lerr end
      local ok, rule = run(chunk, path, limits_of(services.limits), services.memory_cap)
      if not ok then return nil, path .. ": " .. tostring(rule) end
      local bad = validate(rule, file.rel)
      if bad then return nil, path .. ": " .. bad end
      local first = set.by_id[rule.id]
      if first then return nil, path .. ": duplicate id '" .. rule.id .. "' (already in " .. first.path .. ")" end
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
  return (template:gsub("{([%w_]+)}", function(k)
    local v = data and data[k]
    return v ~= nil and tostring(v) or "{" .. k .. "}"
  end))
end

-- Glob-free id matching: "text/encoding", or a whole group as "text/*".
local function matcher(ids)
  local exact, groups = {}, {}
  for _, id in ipairs(ids or {}) do
    if id:sub(-2) == "/*" then groups[#groups + 1] = id:sub(1, -2) else exact[id] = true end
  end
  return function(id)
    if exact[id] then return true end
    for _, g in ipairs(groups) do if id:sub(1, #g) == g then return true end end
    return false
  end
end

local function utf8_len(s)
  return s and utf8.len(s) or nil
end

-- Builds the report function a rule receives. Positions come from `at`
-- (any model element) or explicit fields; an element without a line (a
-- missing zone) falls back to line 1, never 0.
local function reporter(rule, doc, sev, lang, out)
  local messages = rule.messages or {}
  return function(r)
    if type(r) ~= "table" then error("report expects a table", 2) end
    local msg, key = r.message, nil
    if type(msg) == "string" then
      key = msg
      msg = messages[key]
      if not msg then error("unknown message id '" .. key .. "'", 2) end
    end
    msg = msg or rule.summary
    if type(msg) ~= "table" then error("message must be a message id or {vi = ..., en = ...}", 2) end
    local text = msg[lang] or msg.vi
    local at = type(r.at) == "table" and r.at or {}
    local line = r.line or at.line
    if type(line) ~= "number" or line < 1 then line = 1 end
    local column = r.column or at.column
    local end_line = r.end_line or at.end_line
    if type(end_line) ~= "number" or end_line < line then end_line = line end
    local end_column = r.end_column or at.end_column
    if not column then
      -- a whole line or zone: span to the end of its last line
      column = 1
      if not end_column then end_column = (utf8_len(doc.lines and doc.lines[end_line]) or 0) + 1 end
    end
    if not end_column or (end_line == line and end_column < column) then end_column = column end
    local severity = r.severity or sev
    if not SEVERITIES[severity] then error("bad severity '" .. tostring(severity) .. "'", 2) end
    out[#out + 1] = {
      rule = rule.id, severity = severity, message = fill(text, r.data), message_id = key,
      line = line, column = column, end_line = end_line, end_column = end_column,
      -- a .docx has no visible line numbers: carry the paragraph's text
      context = doc.format == "docx" and doc.lines and doc.lines[line] or nil,
    }
  end
end


local function error_finding(rule, err, where, lang)
  local first = err:match("^[^\n]*")
  -- error() messages already start with "path:line:"; say it once
  if first:sub(1, #rule.path + 1) == rule.path .. ":" then where = nil end
  local loc = where and " (" .. where .. ")" or ""
  local text = lang == "en" and ("rule " .. rule.id .. " failed" .. loc .. ": " .. first)
    or ("quy tắc " .. rule.id .. " bị lỗi" .. loc .. ": " .. first)
  return { rule = "rule/error", severity = "error", message = text, line = 1, column = 1, end_line = 1,
    end_column = 1, failed_rule = rule.id }
end

-- The order of findings in every report: position, then rule, then text.
local function by_position(a, b)
  if a.line ~= b.line then return a.line < b.line end
  if a.column ~= b.column then return a.column < b.column end
  if a.rule ~= b.rule then return a.rule < b.rule end
  return a.message < b.message
end
M.by_position = by_position

-- Whether each rule is on: opts.toggles, a list of {id or "group/*", on}
-- applied in order (the last match wins), else opts.disable then
-- opts.enable (an enable wins), else the rule's own `enabled`.
local function switch(opts)
  local toggles = opts.toggles
  if not toggles then
    toggles = {}
    for _, id in ipairs(opts.disable or {}) do toggles[#toggles + 1] = { id, false } end
    for _, id in ipairs(opts.enable or {}) do toggles[#toggles + 1] = { id, true } end
  end
  local rules = {}
  for i, t in ipairs(toggles) do rules[i] = { matcher { t[1] }, t[2] } end
  return function(rule)
    local on = rule.enabled ~= false
    for _, t in ipairs(rules) do
      if t[1](rule.id) then on = t[2] end
    end
    return on
  end
end

local function check(set, doc, opts)
  opts = opts or {}
  local stage = STAGES[opts.stage] and opts.stage or "draft"
  local lang = opts.lang == "en" and "en" or "vi"
  local on = switch(opts)
  local limits = limits_of(opts)
  local options = opts.options or {}
  local severity = opts.severity or {}
  local findings, ran = {}, {}
  for _, rule in ipairs(set.rules) do
    if on(rule) and (not rule.family or rule.family == doc.family) then
      ran[#ran + 1] = rule.id
      local ctx = { stage = stage, lang = lang, today = opts.today or os.date("%Y-%m-%d"),
        options = options[rule.id] or {}, fold = set.fold, register = rule.register == true and opts.register or nil }
      local out = {}
      local ok, err, where = run(rule.check, rule.path, limits, set.cap, doc,
        reporter(rule, doc, severity_of(rule, stage), lang, out), ctx)
      if ok then
        -- the configuration has the last word on severity
        local forced = severity[rule.id]
        if forced then for _, f in ipairs(out) do f.severity = forced end end
        table.move(out, 1, #out, #findings + 1, findings)
      else
        -- what a failing rule reported before it failed may be half the
        -- story: it yields the rule/error finding alone
        findings[#findings + 1] = error_finding(rule, err, where, lang)
      end
    end
  end
  table.sort(findings, by_position)
  return findings, ran
end

local function list(set)
  local out = {}
  for _, r in ipairs(set.rules) do
    out[#out + 1] = {
      id = r.id, severity = severity_of(r, "draft"), severity_issued = severity_of(r, "issued"),
      family = r.family, summary = r.summary, basis = r.basis, examples = r.examples, path = r.path,
      enabled = r.enabled ~= false,
    }
  end
  return out
end

--- A runner bound to services: {fold = function(s) -> folded string,
-- listdir = function(path) -> sorted names (folders end in "/") | nil, err,
-- log = function(...) for rules' print, limits = {budget, memory} while
-- loading files, memory_cap = core.memory_cap or false}. Missing services
-- come from vbcheck.core on first use.
function M.new(services)
  services = services or {}
  local s = {
    fold = services.fold or function(x) return core().fold(x) end,
    listdir = services.listdir or function(p) return core().listdir(p) end,
    log = services.log,
    limits = services.limits,
    memory_cap = services.memory_cap,
  }
  if s.memory_cap == nil then
    -- taken from the C module when first armed; without it (pure-Lua
    -- tests) there is no cap to arm
    s.memory_cap = function(n)
      local ok, c = pcall(core)
      if ok and c.memory_cap then return c.memory_cap(n) end
      return false
    end
  end
  return {
    --- Load every rule under dirs (a list of folders). Returns the set, or
    -- nil and a message naming the offending file.
    load = function(dirs) return load_rules(s, dirs) end,
    --- Run the set on doc; returns the findings sorted by position and
    -- the ids of the rules that ran (enabled and of the doc's family).
    -- opts: {stage = "draft"|"issued", lang = "vi"|"en", enable = {ids},
    -- disable = {ids}, toggles = {{id, on}...} (instead of enable and
    -- disable: in order, the last match wins), severity = {[id] = sev},
    -- today = "YYYY-MM-DD", options = {[id] = ...}, budget = instructions
    -- per rule, memory = bytes per rule (false: none)}
    check = check,
    --- Rule metadata for `vbcheck rules` and `vbcheck explain`.
    list = list,
  }
end

local default = M.new()
M.load, M.check, M.list = default.load, default.check, default.list

--- A sandbox environment like a rule's, for configuration files (no
-- require). services as for M.new (fold).
function M.sandbox(services)
  services = services or {}
  return sandbox({ fold = services.fold or function(x) return core().fold(x) end, log = services.log },
    function(name) error("require '" .. tostring(name) .. "': not available here", 2) end)
end

return M
