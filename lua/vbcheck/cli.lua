--- Commands of the vbcheck program that are formatted in Lua:
-- `rules`, `explain`, `tasks`, `stats`, and the rule-author commands
-- `new-rule` and `test` (vbcheck.author). Each returns the text to print
-- and an exit code.
local vb = require "vbcheck"
local runner = require "vbcheck.runner"

local function core_json(v) return require("vbcheck.core").json(v, 2) end

local M = {}

-- The rules as checking a file here would see them: the pack, --rules,
-- and the folders of the .vbcheck.lua that applies to the current folder.
local function load_set(opts)
  local resolver, cerr = require("vbcheck.config").resolver(opts)
  if not resolver then return nil, cerr end
  local st, err = resolver:settings("./" .. require("vbcheck.config").NAME)
  if not st then return nil, err end
  return st.set
end

function M.rules(opts)
  local set, err = load_set(opts)
  if not set then return "vbcheck: " .. err .. "\n", 2 end
  local lang = opts.lang or "vi"
  local out = {}
  for _, r in ipairs(runner.list(set)) do
    local sev = r.severity == r.severity_issued and r.severity or (r.severity .. "/" .. r.severity_issued)
    out[#out + 1] = string.format("%-28s %-14s %-7s %s", r.id, sev, r.family or "", r.summary[lang] or r.summary.vi)
  end
  if #out == 0 then out[1] = lang == "en" and "(no rules)" or "(chưa có quy tắc)" end
  return table.concat(out, "\n") .. "\n", 0
end

function M.explain(opts, paths)
  local set, err = load_set(opts)
  if not set then return "vbcheck: " .. err .. "\n", 2 end
  local lang = opts.lang or "vi"
  local id = paths[1]
  for _, r in ipairs(runner.list(set)) do
    if r.id == id then
      local out = { r.id, "", r.summary[lang] or r.summary.vi, "",
        (lang == "en" and "Basis: " or "Căn cứ: ") .. (r.basis or "") }
      if r.examples then
        out[#out + 1] = ""
        out[#out + 1] = (lang == "en" and "Fails:\n" or "Vi phạm:\n") .. (r.examples.fail or "")
        out[#out + 1] = (lang == "en" and "Passes:\n" or "Đúng:\n") .. (r.examples.pass or "")
      end
      return table.concat(out, "\n") .. "\n", 0
    end
  end
  return (lang == "en" and "vbcheck: unknown rule: " or "vbcheck: không có quy tắc: ") .. tostring(id) .. "\n", 2
end

-- The register for a query command: opened read-only, or nil and the
-- text and exit code to return.
local function open_register(opts)
  local register = require "vbcheck.register"
  local reg, err = register.open(opts, "read")
  if reg then return reg end
  local en = opts.lang == "en"
  if not err then
    err = register.locate(opts) .. ": " .. (en and "no register here (run vbcheck index PATH first, or give --db FILE)"
      or "chưa có sổ đăng ký (chạy vbcheck index ĐƯỜNG_DẪN trước, hoặc dùng --db TỆP)")
  end
  return nil, "vbcheck: " .. err .. "\n", 2
end

--- `vbcheck tasks PATH...`: one row per task; unreadable files are
-- reported on stderr and make the exit status 2. With --db, the tasks of
-- every indexed document (of the documents under PATH... when given).
-- --overdue keeps the overdue ones.
function M.tasks(opts, paths)
  local fmt = require "vbcheck.tasks_format"
  local rows, code = {}, 0
  local as_of = opts.as_of or opts.today
  if opts.db then
    local reg, text, rc = open_register(opts)
    if not reg then return text, rc end
    local only
    if #paths > 0 then
      only = {}
      for _, p in ipairs(paths) do only[reg:rel(p)] = true end
    end
    rows = reg:task_rows(only)
    reg:close()
  else
    for _, path in ipairs(paths) do
      local doc, err = vb.load_file(path, { lang = opts.lang })
      if doc then
        for _, r in ipairs(fmt.rows(doc, path, { as_of = as_of })) do rows[#rows + 1] = r end
      else
        io.stderr:write(path, ": ", err, "\n")
        code = 2
      end
    end
  end
  if opts.overdue then
    local late = {}
    for _, r in ipairs(rows) do
      if fmt.status(r.deadline, as_of) == "overdue" then late[#late + 1] = r end
    end
    rows = late
  end
  local f = opts.format == "json" and "json" or opts.format == "csv" and "csv" or opts.format == "ics" and "ics"
    or "text"
  return fmt.format(rows, f, { lang = opts.lang, as_of = as_of, agency = opts.agency, fold = vb.fold }), code
end

local STATS_LABELS = {
  vi = { head = "Sổ đăng ký %s: %d văn bản, %d phát hiện, %d nhiệm vụ, %d trích dẫn",
    types = "Văn bản theo loại và cơ quan ban hành", rules = "Phát hiện theo quy tắc (số phát hiện, số văn bản)",
    tasks = "Nhiệm vụ theo cơ quan chủ trì và trạng thái (tính đến %s)", overdue = "quá hạn", open = "đang mở",
    none = "không hạn", agency = "cơ quan", nobody = "(chưa giao)", empty = "  (không có)" },
  en = { head = "Register %s: %d documents, %d findings, %d tasks, %d citations",
    types = "Documents by type and issuer", rules = "Findings by rule (findings, documents)",
    tasks = "Tasks by lead agency and status (as of %s)", overdue = "overdue", open = "open", none = "no deadline",
    agency = "agency", nobody = "(unassigned)", empty = "  (none)" },
}

-- Tasks per agency: {agency, overdue, open, none} in agency order.
local function agency_table(rows)
  local out, by = {}, {}
  for _, r in ipairs(rows) do
    local a = by[r.agency_key]
    if not a then
      a = { agency = r.agency, overdue = 0, open = 0, none = 0 }
      by[r.agency_key] = a
      out[#out + 1] = a
    end
    a[r.status] = r.n
  end
  return out
end

--- `vbcheck stats [--db FILE] [--as-of DATE] [--format text|json]`:
-- documents per type and issuer, findings per rule, tasks per lead agency
-- and status, from the register.
function M.stats(opts)
  local reg, text, rc = open_register(opts)
  if not reg then return text, rc end
  local as_of = opts.as_of or opts.today
  local s = reg:stats(as_of)
  local shown = reg.path
  reg:close()
  local agencies = agency_table(s.tasks)
  local lang = opts.lang == "en" and "en" or "vi"
  local L = STATS_LABELS[lang]
  if opts.format == "json" then
    local types, rules, tasks = {}, {}, {}
    for i, t in ipairs(s.types) do types[i] = { doc_type = t.doc_type, issuer = t.issuer, documents = t.n } end
    for i, r in ipairs(s.rules) do
      rules[i] = { rule = r.rule, severity = r.severity, findings = r.n, documents = r.docs }
    end
    for i, a in ipairs(agencies) do
      -- tasks nobody leads: no agency, unassigned = true
      tasks[i] = { agency = a.agency, unassigned = a.agency == nil or nil, overdue = a.overdue, open = a.open,
        none = a.none }
    end
    local t = s.totals
    return core_json({ register = shown, as_of = as_of,
      totals = { documents = t.documents, findings = t.findings, tasks = t.tasks, citations = t.refs },
      documents = types, findings = rules, tasks = tasks }) .. "\n", 0
  end
  local cwd = require("vbcheck.core").abspath(".")
  if shown:sub(1, #cwd + 1) == cwd .. "/" then shown = shown:sub(#cwd + 2) end
  local t = s.totals
  local out = { string.format(L.head, shown, t.documents, t.findings, t.tasks, t.refs), "", L.types }
  for _, r in ipairs(s.types) do out[#out + 1] = string.format("%6d  %-14s %s", r.n, r.doc_type, r.issuer) end
  if #s.types == 0 then out[#out + 1] = L.empty end
  out[#out + 1] = ""
  out[#out + 1] = L.rules
  for _, r in ipairs(s.rules) do
    out[#out + 1] = string.format("%6d %5d  %-8s %s", r.n, r.docs, r.severity, r.rule)
  end
  if #s.rules == 0 then out[#out + 1] = L.empty end
  out[#out + 1] = ""
  out[#out + 1] = string.format(L.tasks, as_of)
  local function w(s_) return math.max(utf8.len(s_) or #s_, 5) end
  local wo, wp, wn = w(L.overdue), w(L.open), w(L.none)
  local function pad(s_, n) return string.rep(" ", n - (utf8.len(s_) or #s_)) .. s_ end
  out[#out + 1] = "  " .. table.concat({ pad(L.overdue, wo), pad(L.open, wp), pad(L.none, wn), L.agency }, "  ")
  for _, a in ipairs(agencies) do
    out[#out + 1] = "  " .. table.concat({ pad(tostring(a.overdue), wo), pad(tostring(a.open), wp),
      pad(tostring(a.none), wn), a.agency or L.nobody }, "  ")
  end
  if #agencies == 0 then out[#out + 1] = L.empty end
  return table.concat(out, "\n") .. "\n", 0
end

M["new-rule"] = function(opts) return require("vbcheck.author").new_rule(opts, opts.paths or {}) end
M.test = function(opts) return require("vbcheck.author").test(opts, opts.paths or {}) end

return M
