--- vbcheck: parse Vietnamese official documents and check them against
-- NĐ 30/2020/NĐ-CP and HD 36-HD/VPTW.
--
--   local vb = require "vbcheck"
--   local doc = assert(vb.parse_file("cong-van.txt"))
--   for _, f in ipairs(vb.check(doc)) do print(f.line, f.rule, f.message) end
local core = require "vbcheck.core"

local M = { version = core.version, fold = core.fold }

-- Fill what the C core leaves to Lua (tasks). Kept in one place so the
-- program and the module give the same model. opts.agencies: extra bodies
-- for the task gazetteer (a configuration's `agencies`).
local function enrich(doc, opts)
  local agencies = opts and opts.agencies
  doc.tasks = require("vbcheck.tasks").extract(doc, core.fold, agencies and { agencies = agencies } or nil)
  return doc
end
M.enrich = enrich

--- Parse text (a string) into the document model.
-- opts: {path = "x.md", format = "text"|"markdown", lang = "vi"|"en",
-- agencies = {extra bodies for tasks}}
function M.parse(text, opts)
  local doc, err, code = core.parse(text, opts)
  if not doc then return nil, err, code end
  return enrich(doc, opts)
end

--- Read and parse a file; nil, message, code when it cannot be read.
function M.parse_file(path, opts)
  local doc, err, code = core.parse_file(path, opts)
  if not doc then return nil, err, code end
  return enrich(doc, opts)
end

local EMPTY = {
  vi = "tệp rỗng hoặc chỉ có khoảng trắng: không có nội dung để kiểm tra",
  en = "the file is empty or only whitespace: nothing to check",
}

--- Read and parse a file to check or index it: parse_file, except that a
-- file without any text is refused (code "EEMPTY"): nothing to check is an
-- input error, not eight missing elements.
function M.load_file(path, opts)
  local doc, err, code = M.parse_file(path, opts)
  if not doc then return nil, err, code end
  for _, line in ipairs(doc.lines or {}) do
    if line:find("%S") then return doc end
  end
  return nil, EMPTY[opts and opts.lang == "en" and "en" or "vi"], "EEMPTY"
end

-- Where the rule pack lives: beside this module's folder (lua/../rules).
local function default_rules_dir()
  local path = package.searchpath("vbcheck", package.path)
  if path then
    local root = path:gsub("[^/]*/init%.lua$", ""):gsub("[^/]*/?$", "")
    return (root == "" and "." or root:gsub("/$", "")) .. "/rules"
  end
  return "rules"
end
M.default_rules_dir = default_rules_dir

--- The rule folders for options from the command line: opts.rules when
-- given, else the built-in pack followed by opts.rules_dirs.
function M.rule_dirs(opts)
  if opts and opts.rules then return opts.rules end
  local dirs = { default_rules_dir() }
  for _, d in ipairs(opts and opts.rules_dirs or {}) do dirs[#dirs + 1] = d end
  return dirs
end

local rulesets = {}

--- Load (once) the rule set from dirs (default: the built-in pack).
function M.rules(dirs)
  dirs = dirs or { default_rules_dir() }
  local key = table.concat(dirs, "\0")
  if not rulesets[key] then
    local runner = require "vbcheck.runner"
    local set, err = runner.load(dirs)
    if not set then return nil, err end
    rulesets[key] = set
  end
  return rulesets[key]
end

--- Check a parsed document; returns the findings.
-- opts: {stage, lang, enable, disable, today, options, rules = {dirs}}
function M.check(doc, opts)
  opts = opts or {}
  local set, err = M.rules(opts.rules)
  if not set then error(err, 2) end
  return require("vbcheck.runner").check(set, doc, opts)
end

return M
