--- A checking session: what one worker needs to check many files with the
-- same options, and the formatter that turns each file's result into its
-- piece of the report.
--
--   local s = assert(require("vbcheck.session").new { format = "json" })
--   io.write(s:begin())
--   for i, path in ipairs(paths) do io.write((s:file(path, i))) end
--   io.write(s:finish(summary))
--
-- The program runs one session per worker thread, each in its own Lua
-- state; a file's chunk depends only on the file and the options, so the
-- output is the same whatever the number of workers.
local vb = require "vbcheck"
local runner = require "vbcheck.runner"
local report = require "vbcheck.report"
local config = require "vbcheck.config"
local suppress = require "vbcheck.suppress"

local M = {}
local Session = {}

Session.__index = Session

-- The context formatters receive: options and the rule catalogue.
local function context(rules, opts)
  return {
    lang = opts.lang == "en" and "en" or "vi",
    color = opts.color == true,
    quiet = opts.quiet == true,
    stage = opts.stage,
    version = vb.version,
    rules = rules,
  }
end

-- The rule catalogue for the report (SARIF lists every rule before the
-- results): the pack and the rules of every configuration that applies
-- to the command line's paths or sits in a folder below them, in load
-- order, each once. A worker cannot see the file list, so the folders are
-- looked through here; only formats that read ctx.rules pay for it.
local function catalogue(resolver, set, opts)
  local core = require "vbcheck.core"
  local rules, seen = {}, {}
  local function add(s)
    for _, r in ipairs(runner.list(s)) do
      if not seen[r.id] then
        seen[r.id] = true
        rules[#rules + 1] = r
      end
    end
  end
  local function settings_in(dir)
    local st = resolver:settings(dir .. "/" .. config.NAME)
    if st then add(st.set) end
  end
  local function below(dir, depth)
    if depth > 32 then return end
    for _, name in ipairs(core.listdir(dir) or {}) do
      if name:sub(-1) == "/" then
        local sub = dir .. "/" .. name:sub(1, -2)
        if core.stat(sub .. "/" .. config.NAME) == "file" then settings_in(sub) end
        below(sub, depth + 1)
      end
    end
  end
  add(set)
  for _, p in ipairs(opts.paths or {}) do
    if core.stat(p) == "dir" then
      settings_in(p)
      below(p, 1)
    else
      local st = resolver:settings(p)
      if st then add(st.set) end
    end
  end
  return rules
end

--- A session for opts: {format, stage, lang, color, quiet, enable, disable,
-- rules_dirs = {extra dirs}, today, options} (see vb_lua_push_opts). nil, message when the rules do not load
-- or the format is unknown.
function M.new(opts)
  opts = opts or {}
  local set, err = vb.rules(vb.rule_dirs(opts))
  if not set then return nil, err end
  local resolver, cerr = config.resolver(opts)
  if not resolver then return nil, cerr end
  local fmt, ferr = report.get(opts.format or "text")
  if not fmt then return nil, ferr end
  -- the register: index/cache write it, check reads it when there is one
  local store, serr = require("vbcheck.store").new(opts, set)
  if serr then return nil, serr end
  -- what the writer puts between two non-empty file chunks (see report/)
  local separator = not (store and store.indexing) and fmt.separator or nil
  local ctx = context(nil, opts)
  setmetatable(ctx, { __index = function(t, k)
    if k ~= "rules" then return nil end
    local rules = catalogue(resolver, set, opts)
    rawset(t, "rules", rules)
    return rules
  end })
  return setmetatable({ opts = opts, set = set, fmt = fmt, ctx = ctx, store = store, separator = separator,
    resolver = resolver }, Session)
end

--- Parse and check one file. The result: {path, format, family, doc_type
-- (code or nil), findings, suppressed = {findings silenced in the file},
-- ran = {rule ids}, doc} or, when the file cannot be read or its
-- configuration does not load, {path, error = {message, code}, findings = {}}.
function Session:check_file(path)
  local st, serr = self.resolver:settings(path)
  if not st then
    return { path = path, error = { message = serr, code = "ECONFIG" }, findings = {}, ran = {} }
  end
  local result
  if self.store then
    result = self.store:check_file(path, st)
  else
    local doc, err, code = vb.load_file(path, { lang = st.opts.lang, agencies = st.opts.agencies })
    if not doc then
      return { path = path, error = { message = err, code = code }, findings = {}, ran = {} }
    end
    local findings, ran = runner.check(st.set, doc, st.opts)
    result = {
      path = path, format = doc.format, family = doc.family,
      doc_type = doc.doc_type and doc.doc_type.code or nil,
      findings = findings, ran = ran, doc = doc,
    }
  end
  if not result.error then
    local lines = result.doc and result.doc.lines or suppress.lines_of(path)
    result.findings, result.suppressed = suppress.apply(lines, result.findings, st.opts.lang)
  end
  return result
end

-- Counts for the exit status and the summary.
local function tally(result)
  local e, w, i, re = 0, 0, 0, 0
  for _, f in ipairs(result.findings) do
    if f.severity == "error" then e = e + 1 elseif f.severity == "warning" then w = w + 1 else i = i + 1 end
    if f.rule == "rule/error" then re = re + 1 end
  end
  return e, w, i, result.error and 1 or 0, re
end

--- The report's opening text.
function Session:begin()
  if self.store and self.store.indexing then return self.store:begin() end
  return self.fmt.begin(self.ctx) or ""
end

--- Check path (the index-th file, from 1) and format it. Returns the
-- chunk for stdout, a chunk for stderr (or nil), then the counts errors,
-- warnings, infos, unreadable, rule errors.
function Session:file(path, index)
  if self.store and self.store.indexing then
    local st, serr = self.resolver:settings(path)
    return self.store:file(path, index, st, serr)
  end
  local result = self:check_file(path)
  result.index = index
  local out, err = self.fmt.file(result, self.ctx)
  return out or "", err, tally(result)
end

--- The report's closing text. summary: {files, errors, warnings, infos,
-- unreadable, rule_errors}.
function Session:finish(summary)
  if self.store and self.store.indexing then return self.store:finish(summary) end
  return self.fmt.finish(summary, self.ctx) or ""
end

return M
