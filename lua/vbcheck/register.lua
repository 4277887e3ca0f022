--- The document register: where it lives, what a document's rows are, and
-- the read-only view cross-document rules get.
--
--   local register = require "vbcheck.register"
--   local reg = assert(register.open({ db = "r.db" }, "write"))
--   reg:put(register.record(doc, reg:rel(path), hash, key, findings))
--   for _, row in ipairs(reg:task_rows()) do ... end
--
-- Storage is C (core/store/register.c: schema, migrations, the named
-- prepared statements); this module only chooses statements and binds
-- values. Paths are stored relative to the register's root (the folder
-- holding .vbcheck/), so a register moves with its repository.
local core = require "vbcheck.core"

local M = {}

local DB_DIR, DB_NAME = ".vbcheck", "register.db"

local function dirname(p) return p:match("^(.*)/[^/]*$") or "/" end

-- The repository root: the nearest ancestor of the current folder that
-- holds .git or .vbcheck/, else the current folder.
function M.root()
  local cwd = core.abspath(".")
  local d = cwd
  while true do
    if core.stat(d .. "/.git") or core.stat(d .. "/" .. DB_DIR) == "dir" then return d end
    if d == "/" then return cwd end
    d = dirname(d)
    if d == "" then d = "/" end
  end
end

--- Where the register is: path, root, explicit (given by --db). The root
-- of an explicit FILE is the folder above .vbcheck/ when FILE is inside
-- one, else FILE's folder.
function M.locate(opts)
  if opts and opts.db then
    local path = core.abspath(opts.db)
    local dir = dirname(path)
    local root = dir:match("^(.*)/" .. DB_DIR:gsub("%.", "%%.") .. "$") or dir
    return path, root ~= "" and root or "/", true
  end
  local root = M.root()
  return (root == "/" and "" or root) .. "/" .. DB_DIR .. "/" .. DB_NAME, root, false
end

--- Keys for matching across documents: case, diacritics and spaces do not
-- count, so OCR text ("TINH UY LAI CHAU") meets typed text.
function M.key(s)
  if not s or s == "" then return nil end
  return (core.fold(s):gsub("%s+", ""))
end

--- An issuer's key: the issuing body and, when shown, its parent body.
function M.issuer_key(issuer)
  if not issuer or not issuer.name then return nil end
  return M.key(issuer.parent and (issuer.parent .. "|" .. issuer.name) or issuer.name)
end

-- The year a cited number or date points to: the date's, else a year
-- inside the number ("30/2020/NĐ-CP").
local function ref_year(r)
  local y = r.iso and tonumber(r.iso:sub(1, 4))
  if y then return y end
  return tonumber((r.number or ""):match("^%d+/(%d%d%d%d)/"))
end
M.ref_year = ref_year

local function b2i(v)
  if v == nil then return nil end
  return v and 1 or 0
end

local function i2b(v)
  if v == nil then return nil end
  return v ~= 0
end

--- The rows of one document: {doc = {...}, findings, tasks, refs}, each
-- field named after its column (core/store/register.c). findings and ran
-- are what the runner returned.
function M.record(doc, rel, hash, cache_key, findings, ran)
  local n, pd, iss = doc.number or {}, doc.place_date or {}, doc.issuer or {}
  local row = {
    path = rel, hash = hash, cache_key = cache_key, ran = table.concat(ran or {}, " "), format = doc.format,
    family = doc.family,
    issuer = iss.name, issuer_parent = iss.parent, issuer_key = M.issuer_key(doc.issuer),
    number = n.raw, seq = n.seq, symbol = n.symbol, symbol_key = M.key(n.symbol), type_code = n.type_code,
    issuer_code = n.issuer_code, number_line = n.line, number_col = n.column, number_end_line = n.end_line,
    number_end_col = n.end_column, year = pd.year, date = pd.iso, doc_type = doc.doc_type and doc.doc_type.code,
    subject = doc.subject and doc.subject.text,
  }
  local fs = {}
  for i, f in ipairs(findings or {}) do
    fs[i] = { ord = i, rule = f.rule, severity = f.severity, message = f.message, message_id = f.message_id,
      failed_rule = f.failed_rule, line = f.line, col = f.column, end_line = f.end_line, end_col = f.end_column }
  end
  local tasks = {}
  for i, t in ipairs(doc.tasks or {}) do
    local d = t.deadline or {}
    tasks[i] = {
      ord = i, line = t.line, col = t.column, end_line = t.end_line, end_col = t.end_column, item = t.item,
      parent = t.parent, text = t.text, deliverable = t.deliverable, dl_text = d.text, dl_kind = d.kind,
      dl_iso = d.iso, dl_from = d.from, dl_to = d.to, dl_invalid = b2i(d.invalid), dl_time = d.time,
      dl_cadence = d.cadence, dl_day = d.day, dl_value = d.value, dl_unit = d.unit, dl_working = b2i(d.working),
      dl_anchor = d.anchor, dl_year_inferred = b2i(d.year_inferred), dl_inherited = b2i(d.inherited),
      lead = t.lead or {}, support = t.support or {},
    }
  end
  local refs = {}
  for _, r in ipairs(doc.references or {}) do
    if r.number then
      refs[#refs + 1] = {
        ord = #refs + 1, text = r.text, number = r.number, symbol_key = M.key(r.number), doc_type = r.doc_type,
        -- named: the text says the type ("Kế hoạch số 45/KH-UBND"), it is not guessed from the symbol
        named = (r.text and r.text:sub(1, #r.number) ~= r.number) and 1 or 0,
        date = r.iso, year = ref_year(r), line = r.line, col = r.column, end_line = r.end_line,
        end_col = r.end_column,
      }
    end
  end
  return { doc = row, findings = fs, tasks = tasks, refs = refs }
end

--- The part of the model cross-document rules see, built from a record's
-- rows (fresh or read back from the register, the same either way):
-- path, format, family, issuer, number, place_date {year, iso}, doc_type
-- {code}, references, and no lines.
function M.light_doc(row, refs)
  local doc = {
    path = row.path, format = row.format, family = row.family, lines = {}, references = {},
    issuer = row.issuer and { name = row.issuer, parent = row.issuer_parent } or nil,
    number = (row.number or row.symbol) and {
      raw = row.number, seq = row.seq, symbol = row.symbol, type_code = row.type_code,
      issuer_code = row.issuer_code, line = row.number_line, column = row.number_col,
      end_line = row.number_end_line, end_column = row.number_end_col,
    } or nil,
    place_date = row.year and { year = row.year, iso = row.date } or nil,
    doc_type = row.doc_type and { code = row.doc_type } or nil,
  }
  for i, r in ipairs(refs or {}) do
    doc.references[i] = { text = r.text, number = r.number, doc_type = r.doc_type, named = r.named == 1,
      iso = r.date, line = r.line, column = r.col, end_line = r.end_line, end_column = r.end_col }
  end
  return doc
end

--- Runner findings from finding rows.
function M.findings(rows)
  local out = {}
  for i, f in ipairs(rows) do
    out[i] = { rule = f.rule, severity = f.severity, message = f.message, message_id = f.message_id,
      failed_rule = f.failed_rule, line = f.line, column = f.col, end_line = f.end_line, end_column = f.end_col }
  end
  return out
end

-- A connection ---------------------------------------------------------------

local Reg = {}
Reg.__index = Reg

--- Open the register for opts ({db}); mode "read" or "write". "write"
-- creates .vbcheck/ and the file. Returns the register, or nil and a
-- message; "read" of a default register that does not exist returns nil
-- and no message (no register: cross-document rules stay quiet).
function M.open(opts, mode)
  local path, root, explicit = M.locate(opts)
  if mode == "write" then
    local ok, err = core.mkdir(dirname(path))
    if not ok then return nil, err end
  elseif not core.stat(path) then
    if explicit then return nil, path .. ": " .. (opts.lang == "en" and "no such register" or "không có sổ đăng ký") end
    return nil
  end
  local db, err = core.register_open(path, mode)
  if not db then return nil, err end
  return setmetatable({ db = db, path = path, root = root }, Reg)
end

function Reg:close() self.db:close() end

--- path as stored: relative to the root when inside it.
function Reg:rel(path)
  local abs = core.abspath(path)
  local root = self.root == "/" and "" or self.root
  if abs:sub(1, #root + 1) == root .. "/" then return abs:sub(#root + 2) end
  return abs
end

--- A stored path as a path to open.
function Reg:abs(rel)
  if rel:sub(1, 1) == "/" then return rel end
  return (self.root == "/" and "" or self.root) .. "/" .. rel
end

--- The document row stored for rel, or nil.
function Reg:lookup(rel) return self.db:row("doc_get", { path = rel }) end

function Reg:stored_findings(row) return M.findings(self.db:rows("doc_findings", { doc_id = row.id })) end

function Reg:stored_refs(row) return self.db:rows("doc_references", { doc_id = row.id }) end

-- fn inside one write transaction; rolled back on any error.
function Reg:transaction(fn, ...)
  local db = self.db
  local ok, err = pcall(db.begin, db)
  if not ok then return nil, err end
  local done, ferr = pcall(fn, self, ...)
  if done then
    done, ferr = pcall(db.commit, db)
    if done then return true end
  end
  db:rollback()
  return nil, ferr
end

local function put(self, rec)
  local db = self.db
  db:exec("doc_delete", rec.doc)
  local _, id = db:exec("doc_insert", rec.doc)
  for _, f in ipairs(rec.findings) do
    f.doc_id = id
    db:exec("finding_insert", f)
  end
  for _, t in ipairs(rec.tasks) do
    t.doc_id = id
    db:exec("task_insert", t)
    for _, role in ipairs { "lead", "support" } do
      for k, name in ipairs(t[role]) do
        db:exec("agency_insert", { doc_id = id, task_ord = t.ord, role = role, ord = k, name = name,
          name_key = M.key(name) or "" })
      end
    end
  end
  for _, r in ipairs(rec.refs) do
    r.doc_id = id
    db:exec("reference_insert", r)
  end
end

--- Replace a document's rows with rec (M.record) in one transaction.
-- true, or nil and a message.
function Reg:put(rec) return self:transaction(put, rec) end

--- Remove a document's rows; true, or nil and a message.
function Reg:remove(rel)
  return self:transaction(function() self.db:exec("doc_delete", { path = rel }) end)
end

-- is rel at or under one of roots (stored-path form; "" is everything)
local function under(rel, roots)
  for _, r in ipairs(roots) do
    if r == "" or rel == r or rel:sub(1, #r + 1) == r .. "/" then return true end
  end
  return false
end

--- Remove the documents under roots (paths as given on the command line)
-- whose file is gone. Returns the removed paths (sorted), or nil and a
-- message.
function Reg:prune(roots)
  local rels = {}
  for i, p in ipairs(roots) do
    local rel = self:rel(p)
    rels[i] = core.abspath(p) == (self.root == "/" and "/" or self.root) and "" or rel
  end
  local gone = {}
  for _, row in ipairs(self.db:rows("doc_paths", {})) do
    if under(row.path, rels) and core.stat(self:abs(row.path)) ~= "file" then gone[#gone + 1] = row.path end
  end
  if #gone == 0 then return gone end
  local ok, err = self:transaction(function()
    for _, rel in ipairs(gone) do self.db:exec("doc_delete", { path = rel }) end
  end)
  if not ok then return nil, err end
  return gone
end

--- PRAGMA integrity_check: "ok" or the problems.
function Reg:integrity() return self.db:integrity() end

-- The read-only view rules get ---------------------------------------------------

local function copy_doc(row)
  return { path = row.path, number = row.symbol, date = row.date, year = row.year, doc_type = row.doc_type,
    family = row.family, issuer = row.issuer }
end

--- ctx.register for the document stored (or to be stored) as rel: only
-- queries, as closures, so a rule cannot reach the connection.
--   find_number{symbol = "45/KH-UBND", issuer = {name, parent}?, year = 2024?}
--     -> the other documents carrying that number (and issuer, year), by
--        path: {path, number, date, year, doc_type, family, issuer}
--   issuer_documents(issuer) -> how many documents of that issuer the
--     register holds
function Reg:view(rel)
  local db = self.db
  return {
    find_number = function(q)
      local key = type(q) == "table" and M.key(q.symbol)
      if not key then return {} end
      local ikey = q.issuer and M.issuer_key(q.issuer)
      if q.issuer and not ikey then return {} end
      local out = {}
      for _, row in ipairs(db:rows("cited_find", { symbol_key = key, path = rel })) do
        if (not ikey or row.issuer_key == ikey) and (not q.year or row.year == q.year) then
          out[#out + 1] = copy_doc(row)
        end
      end
      return out
    end,
    issuer_documents = function(issuer)
      local ikey = M.issuer_key(issuer)
      if not ikey then return 0 end
      return db:row("issuer_docs", { issuer_key = ikey }).n
    end,
  }
end

-- Queries -----------------------------------------------------------------------

--- Every indexed task as a tasks_format row (status left to the
-- formatter), by path then position; only the files in `only` (a set of
-- stored paths) when given.
function Reg:task_rows(only)
  local rows, by = {}, {}
  for _, t in ipairs(self.db:rows("tasks_all", {})) do
    if not only or only[t.file] then
      local deadline
      if t.dl_kind or t.dl_text then
        deadline = { text = t.dl_text, kind = t.dl_kind, iso = t.dl_iso, from = t.dl_from, to = t.dl_to,
          invalid = i2b(t.dl_invalid), time = t.dl_time, cadence = t.dl_cadence, day = t.dl_day,
          value = t.dl_value, unit = t.dl_unit, working = i2b(t.dl_working), anchor = t.dl_anchor,
          year_inferred = i2b(t.dl_year_inferred), inherited = i2b(t.dl_inherited) }
      end
      local r = { file = t.file, line = t.line, item = t.item, parent = t.parent, lead = {}, support = {},
        deadline = deadline, deliverable = t.deliverable, text = t.text }
      rows[#rows + 1] = r
      by[t.file .. "\0" .. t.ord] = r
    end
  end
  for _, a in ipairs(self.db:rows("agencies_all", {})) do
    local r = by[a.file .. "\0" .. a.task_ord]
    if r then r[a.role][#r[a.role] + 1] = a.name end
  end
  return rows
end

--- Figures for `vbcheck stats`: {totals, types, rules, tasks} with tasks
-- counted per lead agency and status on as_of.
function Reg:stats(as_of)
  local db = self.db
  return {
    totals = db:row("stats_totals", {}),
    types = db:rows("stats_types", {}),
    rules = db:rows("stats_rules", {}),
    tasks = db:rows("stats_tasks", { as_of = as_of }),
  }
end

return M
