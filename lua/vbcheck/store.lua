--- A session's link to the register (see session.lua and register.lua).
--
-- Three uses, by opts.command:
--   index   parse, check and store each file; unchanged files cost a
--           digest; at the end, drop the documents whose file is gone
--   cache   the same without output or pruning: the first pass of
--           `check --cache` (core/cli/main.c)
--   check   with a register (--db, or .vbcheck/register.db present):
--           cross-document rules read it; with --cache, a file whose
--           digest and cache key match its stored row is not parsed, its
--           findings are replayed from the register
--
-- Findings stored are those of the document-local rules; rules declaring
-- `register = true` read other documents, so they are never stored: they
-- always run, on the rows the register holds (register.light_doc), after
-- the local ones. Every worker has its own connections; `check` never
-- writes, so what a file's check sees does not depend on the other
-- workers, and the output is the same for any -j.
local core = require "vbcheck.core"
local vb = require "vbcheck"
local runner = require "vbcheck.runner"
local register = require "vbcheck.register"

local M = {}
local Store = {}
Store.__index = Store

local function subset(set, want_register)
  local rules = {}
  for _, r in ipairs(set.rules) do
    if (r.register == true) == want_register then rules[#rules + 1] = r end
  end
  return { rules = rules, by_id = set.by_id, fold = set.fold, cap = set.cap }
end

-- Per rule set (a configuration may add rule folders): its local and
-- register halves, its rules' order and its cache key base.
local halves_of = setmetatable({}, { __mode = "k" })
local function halves(set)
  local p = halves_of[set]
  if not p then
    p = { local_set = subset(set, false), reg_set = subset(set, true), position = {} }
    for i, r in ipairs(set.rules) do p.position[r.id] = i end
    halves_of[set] = p
  end
  return p
end

local function digest_of(path)
  local d = core.file_digest(path)
  return d or "-"
end

-- What the stored findings of any file depend on besides the file and
-- its configuration: this program, its Lua files, the rule files and the
-- options that change findings or tasks. Output options (format, colour,
-- quiet) do not count.
local function key_base(set, opts)
  local parts = { "vbcheck " .. vb.version, "exe " .. digest_of("/proc/self/exe") }
  local here = package.searchpath("vbcheck.runner", package.path)
  local dir = here and here:match("^(.*)/[^/]*$")
  for _, name in ipairs(dir and core.listdir(dir) or {}) do
    if name:match("%.lua$") then parts[#parts + 1] = "lua " .. name .. " " .. digest_of(dir .. "/" .. name) end
  end
  for _, r in ipairs(set.rules) do parts[#parts + 1] = "rule " .. r.id .. " " .. digest_of(r.path) end
  local function sorted(t)
    local c = {}
    for i, v in ipairs(t or {}) do c[i] = v end
    table.sort(c)
    return c
  end
  parts[#parts + 1] = "opts " .. core.json {
    stage = opts.stage or "draft", lang = opts.lang or "vi", today = opts.today, enable = sorted(opts.enable),
    disable = sorted(opts.disable), options = opts.options or {}, no_config = opts.no_config == true,
  }
  return core.sha256(table.concat(parts, "\n"))
end

--- The store for a session, or nil when the command does not use the
-- register (nil, message when it cannot be opened).
function M.new(opts, set)
  local cmd = opts.command
  local st = setmetatable({ opts = opts, set = set }, Store)
  if cmd == "index" or cmd == "cache" then
    local reg, err = register.open(opts, "write")
    if not reg then return nil, err end
    st.rw, st.indexing, st.silent = reg, true, cmd == "cache"
    st.fmt = require "vbcheck.report.index"
  else
    local reg, err = register.open(opts, "read")
    if not reg then return nil, err end
    st.ro, st.replay = reg, opts.cache == true
  end
  return st
end

--- The cache key of a file's stored findings under settings st (see
-- config.lua): the program, the rules and the file's effective settings.
function Store:key(st)
  local p = halves(st.set)
  -- computed on first use: a plain check with a register never needs it
  if not p.base then p.base = key_base(st.set, self.opts) end
  return core.sha256(p.base .. "\nconfig " .. st.digest)
end

local by_position = runner.by_position

-- Local findings and ran, plus what the register rules find on the
-- document's rows, merged in the order one runner pass gives.
function Store:cross(st, row, refs, rel, findings, ran)
  local p = halves(st.set)
  if #p.reg_set.rules == 0 then return findings, ran end
  local light = register.light_doc(row, refs)
  local opts = setmetatable({ register = self.ro:view(rel) }, { __index = st.opts })
  local more, more_ran = runner.check(p.reg_set, light, opts)
  if #more > 0 then
    local all = table.move(findings, 1, #findings, 1, {})
    table.move(more, 1, #more, #all + 1, all)
    table.sort(all, by_position)
    findings = all
  end
  local all_ran = table.move(ran, 1, #ran, 1, {})
  table.move(more_ran, 1, #more_ran, #all_ran + 1, all_ran)
  table.sort(all_ran, function(a, b) return (p.position[a] or 0) < (p.position[b] or 0) end)
  return findings, all_ran
end

local function split_ids(s)
  local out = {}
  for id in (s or ""):gmatch("%S+") do out[#out + 1] = id end
  return out
end

--- session.check_file with a register, under settings st: replay when
-- allowed and valid, else parse and check; register rules either way.
function Store:check_file(path, st)
  local rel = self.ro:rel(path)
  if self.replay then
    local digest = core.file_digest(path)
    local row = digest and self.ro:lookup(rel)
    if row and row.hash == digest and row.cache_key == self:key(st) then
      local findings, ran = self:cross(st, row, self.ro:stored_refs(row), rel, self.ro:stored_findings(row),
        split_ids(row.ran))
      return { path = path, format = row.format, family = row.family, doc_type = row.doc_type,
        findings = findings, ran = ran, cached = true }
    end
  end
  local doc, err, code = vb.load_file(path, { lang = st.opts.lang, agencies = st.opts.agencies })
  if not doc then
    return { path = path, error = { message = err, code = code }, findings = {}, ran = {} }
  end
  local findings, ran = runner.check(halves(st.set).local_set, doc, st.opts)
  local rec = register.record(doc, rel)
  findings, ran = self:cross(st, rec.doc, rec.refs, rel, findings, ran)
  return {
    path = path, format = doc.format, family = doc.family, doc_type = doc.doc_type and doc.doc_type.code or nil,
    findings = findings, ran = ran, doc = doc,
  }
end

-- Indexing ------------------------------------------------------------------------

-- Index one file: {path, index, status = indexed | unchanged | unreadable
-- | failed, error = {message}, record}.
function Store:index(path, index, st, serr)
  local reg = self.rw
  local rel = reg:rel(path)
  local res = { path = path, index = index, rel = rel }
  if not st then
    res.status, res.error = "unreadable", { message = serr, code = "ECONFIG" }
    return res
  end
  local digest = core.file_digest(path)
  local key = self:key(st)
  local ok, err = pcall(function()
    local row = digest and reg:lookup(rel)
    if row and row.hash == digest and row.cache_key == key then
      res.status = "unchanged"
      return
    end
    local doc, perr, code = vb.load_file(path, { lang = st.opts.lang, agencies = st.opts.agencies })
    if not doc then
      res.status, res.error = "unreadable", { message = perr, code = code }
      -- what the register said about this path is no longer true
      if row then assert(reg:remove(rel)) end
      return
    end
    local findings, ran = runner.check(halves(st.set).local_set, doc, st.opts)
    local rec = register.record(doc, rel, digest, key, findings, ran)
    assert(reg:put(rec))
    res.status, res.record = "indexed", rec
  end)
  if not ok then res.status, res.error = "failed", { message = tostring(err) } end
  return res
end

function Store:context()
  local cwd = core.abspath(".")
  local shown = self.rw.path
  if shown:sub(1, #cwd + 1) == cwd .. "/" then shown = shown:sub(#cwd + 2) end
  return { lang = self.opts.lang == "en" and "en" or "vi", quiet = self.opts.quiet == true,
    color = self.opts.color == true, db = shown }
end

-- index output starts with the first file's line
function Store.begin() return "" end

--- session.file for index and cache: the chunk for stdout, for stderr,
-- then the pool's five counts, used as errors (always 0: indexing is not
-- checking), indexed, unchanged, unreadable or failed, and 0.
function Store:file(path, index, st, serr)
  local res = self:index(path, index, st, serr)
  local bad = (res.status == "unreadable" or res.status == "failed") and 1 or 0
  if self.silent then
    -- the check pass reports unreadable files; a register that cannot be
    -- written is worth saying now
    if res.status == "failed" then return "", path .. ": " .. res.error.message .. "\n", 0, 0, 0, 1, 0 end
    return "", nil, 0, 0, 0, 0, 0
  end
  local out, err = self.fmt.file(res, self:context())
  return out or "", err, 0, res.status == "indexed" and 1 or 0, res.status == "unchanged" and 1 or 0, bad, 0
end

--- session.finish for index: remove the documents under the indexed
-- paths whose file is gone, then the summary. summary as the pool counts
-- it (see Store:file).
function Store:finish(summary)
  if self.silent then return "" end
  local removed, err = self.rw:prune(self.opts.paths or {})
  local ctx = self:context()
  local s = { files = summary.files, indexed = summary.warnings, unchanged = summary.infos,
    unreadable = summary.unreadable, removed = removed and #removed or 0 }
  -- a register that cannot be pruned is a failed run (exit 2)
  if not removed then error(self.rw.path .. ": " .. tostring(err), 0) end
  return self.fmt.finish(s, ctx, removed)
end

return M
