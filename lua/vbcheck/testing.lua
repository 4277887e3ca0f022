--- Testing rules with Busted: what `vbcheck new-rule` puts in a spec.
--
--   local t = require "vbcheck.testing"
--   local rule = t.rule "policy/luu-vt"
--   describe("policy/luu-vt", function()
--     it("fires when Nơi nhận has no Lưu: VT", function()
--       t.expect(rule):to_fire_on(DRAFT_WITHOUT_LUU, { 23 })   -- exactly one finding, on line 23
--     end)
--     it("stays quiet on a clean draft", function()
--       t.expect(rule):not_to_fire_on(CLEAN_DRAFT)
--     end)
--   end)
--
-- Findings are compared by line (and message id when the expectation
-- gives one: { {line = 23, message = "missing"} }), never by wording, so
-- a spec survives rewording and translation. `:with{options = {...},
-- stage = "issued", today = "2025-12-01", format = "markdown"}` sets what
-- the rule receives. A rule that fails (rule/error) fails the spec with
-- its error. Rules are found in t.dirs: the folders of `vbcheck test DIR`
-- (DIR's .vbcheck.lua `rules`, else DIR), then the built-in pack.
local vb = require "vbcheck"
local runner = require "vbcheck.runner"
local config = require "vbcheck.config"

local M = {}

--- Where t.rule looks, in order; set by `vbcheck test`, else from the
-- current folder.
M.dirs = nil

local function default_dirs()
  local dirs = {}
  local cfg = config.find(".") and config.load(config.find("."))
  for _, d in ipairs(cfg and cfg.rules or {}) do dirs[#dirs + 1] = d end
  if #dirs == 0 then dirs[1] = "." end
  return dirs
end

local sets = {}
local function set_of(dirs)
  local key = table.concat(dirs, "\0")
  if not sets[key] then sets[key] = assert(runner.load(dirs)) end
  return sets[key]
end

--- The rule called id, loaded from dirs (default M.dirs) or the pack.
function M.rule(id, dirs)
  dirs = dirs or M.dirs or default_dirs()
  for _, d in ipairs(dirs) do
    local set = set_of { d }
    if set.by_id[id] then return set.by_id[id] end
  end
  local pack = set_of { vb.default_rules_dir() }
  if pack.by_id[id] then return pack.by_id[id] end
  error("no rule '" .. tostring(id) .. "' in " .. table.concat(dirs, ", ") .. " or the built-in pack", 2)
end

--- The document model of text (opts.format: "text" or "markdown"; by
-- default markdown when the text has Markdown emphasis or headings).
function M.document(text, opts)
  opts = opts or {}
  local format = opts.format or ((text:find("**", 1, true) or text:find("\n#", 1, true)) and "markdown" or "text")
  local doc, err = vb.parse(text, { format = format, path = opts.path or "spec." .. (format == "markdown" and "md"
    or "txt"), agencies = opts.agencies })
  if not doc then error("cannot parse the text: " .. tostring(err), 3) end
  return doc
end

--- What rule finds in text: the findings, as the runner gives them.
function M.findings(rule, text, opts)
  opts = opts or {}
  local set = { rules = { rule }, by_id = { [rule.id] = rule }, fold = vb.fold,
    cap = require("vbcheck.core").memory_cap }
  local doc = M.document(text, opts)
  local options = opts.options and { [rule.id] = opts.options } or nil
  return (runner.check(set, doc, { stage = opts.stage, lang = opts.lang, today = opts.today or "2025-12-01",
    options = options }))
end

local function describe_findings(fs)
  if #fs == 0 then return "no finding" end
  local parts = {}
  for i, f in ipairs(fs) do
    parts[i] = ("line %d%s: %s"):format(f.line, f.message_id and " [" .. f.message_id .. "]" or "", f.message)
  end
  return table.concat(parts, "\n  ")
end

local Expect = {}
Expect.__index = Expect

--- An expectation on rule (a rule table from t.rule, or its id).
function M.expect(rule)
  if type(rule) == "string" then rule = M.rule(rule) end
  if type(rule) ~= "table" or type(rule.check) ~= "function" then
    error("expect takes a rule (t.rule 'group/name')", 2)
  end
  return setmetatable({ rule = rule, opts = {} }, Expect)
end

--- The same expectation with options for the check.
function Expect:with(opts)
  local e = setmetatable({ rule = self.rule, opts = {} }, Expect)
  for k, v in pairs(self.opts) do e.opts[k] = v end
  for k, v in pairs(opts or {}) do e.opts[k] = v end
  return e
end

local function run(self, text)
  local fs = M.findings(self.rule, text, self.opts)
  for _, f in ipairs(fs) do
    if f.rule == "rule/error" then error(self.rule.id .. " failed: " .. f.message, 3) end
  end
  return fs
end

--- Fails unless the rule fires on text: at least once, or exactly at
-- expected = {line, ...} or { {line = n, message = "id"}, ... }.
-- Returns the findings.
function Expect:to_fire_on(text, expected)
  local fs = run(self, text)
  if #fs == 0 then error(self.rule.id .. " did not fire", 2) end
  if expected then
    local want, got = {}, {}
    for i, e in ipairs(expected) do
      want[i] = type(e) == "table" and (e.line .. (e.message and " [" .. e.message .. "]" or "")) or tostring(e)
    end
    for i, f in ipairs(fs) do
      local e = expected[i]
      got[i] = f.line .. ((type(e) == "table" and e.message) and " [" .. tostring(f.message_id) .. "]" or "")
    end
    if table.concat(want, ", ") ~= table.concat(got, ", ") then
      error(("%s fired at %s, expected %s:\n  %s"):format(self.rule.id, table.concat(got, ", "),
        table.concat(want, ", "), describe_findings(fs)), 2)
    end
  end
  return fs
end

--- Fails if the rule fires on text.
function Expect:not_to_fire_on(text)
  local fs = run(self, text)
  if #fs > 0 then error(self.rule.id .. " fired, expected no finding:\n  " .. describe_findings(fs), 2) end
  return fs
end

return M
