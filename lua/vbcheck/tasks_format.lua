--- Output of `vbcheck tasks`: the tasks of one or more documents as text,
-- JSON, CSV (RFC 4180) or an iCalendar to-do list (RFC 5545).
--
--   local tf = require "vbcheck.tasks_format"
--   local rows = tf.rows(doc, "cong-van.txt", {as_of = "2021-06-01"})
--   io.write(tf.format(rows, "ics", {as_of = "2021-06-01", agency = "Sở Y tế"}))
--
-- A row is {file, line, item, parent, lead = {..}, support = {..},
-- deadline = {text, kind, iso, from, to} or nil, status, deliverable, text}.
-- status: "overdue" when the deadline is a date or period whose iso is
-- before opts.as_of, "none" without a deadline, else "open".
local agencies = require "vbcheck.agencies"

local M = {}

local LABELS = {
  vi = { overdue = "quá hạn", open = "đang mở", none = "không hạn", support = "phối hợp", due = "hạn",
    nobody = "(chưa giao)", total = "nhiệm vụ", late = "quá hạn" },
  en = { overdue = "overdue", open = "open", none = "no deadline", support = "with", due = "due",
    nobody = "(unassigned)", total = "tasks", late = "overdue" },
}

--- Status of a deadline on day as_of (ISO; nil: nothing is overdue).
function M.status(deadline, as_of)
  if not deadline then return "none" end
  if as_of and deadline.iso and (deadline.kind == "date" or deadline.kind == "period") and deadline.iso < as_of then
    return "overdue"
  end
  return "open"
end

--- Rows for a parsed document's tasks.
function M.rows(doc, file, opts)
  local as_of = opts and opts.as_of
  local out = {}
  for _, t in ipairs(doc.tasks or {}) do
    out[#out + 1] = {
      file = file or doc.path, line = t.line, item = t.item, parent = t.parent, lead = t.lead or {},
      support = t.support or {}, deadline = t.deadline, status = M.status(t.deadline, as_of),
      deliverable = t.deliverable, text = t.text,
    }
  end
  return out
end

-- Rows kept by the --agency filter: the folded name appears in a lead or
-- support agency (so "so y te" finds "Sở Y tế" and OCR's "So Y te").
local function filter(rows, opts)
  local want = opts.agency
  if not want or want == "" then return rows end
  local fold = opts.fold or agencies.fold_name
  want = fold(want)
  local out = {}
  for _, r in ipairs(rows) do
    local hit = false
    for _, list in ipairs { r.lead or {}, r.support or {} } do
      for _, name in ipairs(list) do
        if fold(name):find(want, 1, true) then hit = true end
      end
    end
    if hit then out[#out + 1] = r end
  end
  return out
end

local function status_of(r, opts)
  return r.status or M.status(r.deadline, opts.as_of)
end

-- Text -------------------------------------------------------------------------

local function excerpt(s, n)
  s = (s or ""):gsub("%s+", " ")
  local len = utf8.len(s)
  if len and len > n then s = s:sub(1, utf8.offset(s, n) - 1) .. "…" end
  return s
end

local function as_text(rows, opts)
  local L = LABELS[opts.lang] or LABELS.vi
  local out, late = {}, 0
  for _, r in ipairs(rows) do
    local st = status_of(r, opts)
    if st == "overdue" then late = late + 1 end
    -- names may hold commas ("UBND các huyện, thành phố"): ";" between names, "|" between parts
    local who = #r.lead > 0 and table.concat(r.lead, "; ") or L.nobody
    if #r.support > 0 then who = who .. " | " .. L.support .. ": " .. table.concat(r.support, "; ") end
    local due = ""
    if r.deadline then
      due = " | " .. L.due .. ": " .. r.deadline.text .. (r.deadline.iso and (" (" .. r.deadline.iso .. ")") or "")
    end
    local label = r.item and ((r.parent and (r.parent .. " ") or "") .. r.item .. " ") or ""
    out[#out + 1] = string.format("%s:%s: %s%s%s [%s]", r.file or "", r.line or 1, label, who, due, L[st])
    out[#out + 1] = "    " .. excerpt(r.text, 100)
  end
  out[#out + 1] = string.format("%d %s, %d %s", #rows, L.total, late, L.late)
  return table.concat(out, "\n") .. "\n"
end

-- JSON -------------------------------------------------------------------------

local ESC = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f", ["\n"] = "\\n", ["\r"] = "\\r",
  ["\t"] = "\\t" }

local function jstr(s)
  return '"' .. tostring(s):gsub('[%c"\\]', function(c)
    return ESC[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function jlist(list)
  local parts = {}
  for i, v in ipairs(list or {}) do parts[i] = jstr(v) end
  return "[" .. table.concat(parts, ", ") .. "]"
end

local function jval(v)
  if v == nil then return "null" end
  if type(v) == "number" then return (math.type(v) == "integer") and tostring(v) or string.format("%.17g", v) end
  if type(v) == "boolean" then return tostring(v) end
  return jstr(v)
end

local DEADLINE_KEYS = { "text", "kind", "iso", "from", "to", "invalid", "time", "cadence", "value", "unit",
  "working", "anchor" }

local function jdeadline(d)
  if not d then return "null" end
  local parts = {}
  for _, k in ipairs(DEADLINE_KEYS) do
    if d[k] ~= nil then parts[#parts + 1] = jstr(k) .. ": " .. jval(d[k]) end
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local function as_json(rows, opts)
  local out, late = {}, 0
  for _, r in ipairs(rows) do
    local st = status_of(r, opts)
    if st == "overdue" then late = late + 1 end
    out[#out + 1] = "    {" .. table.concat({
      '"file": ' .. jval(r.file), '"line": ' .. jval(r.line), '"item": ' .. jval(r.item),
      '"parent": ' .. jval(r.parent), '"lead": ' .. jlist(r.lead), '"support": ' .. jlist(r.support),
      '"deadline": ' .. jdeadline(r.deadline), '"status": ' .. jval(st), '"deliverable": ' .. jval(r.deliverable),
      '"text": ' .. jval(r.text),
    }, ", ") .. "}"
  end
  return '{\n  "tasks": [\n' .. table.concat(out, ",\n") .. (#out > 0 and "\n" or "") .. '  ],\n  "summary": {"tasks": '
    .. #rows .. ', "overdue": ' .. late .. ', "as_of": ' .. jval(opts.as_of) .. "}\n}\n"
end

-- CSV (RFC 4180: CRLF records, fields with , " CR LF quoted, quotes doubled) --

local function cfield(v)
  if v == nil then return "" end
  v = tostring(v)
  if v:find('[,"\r\n]') or v:find("^%s") or v:find("%s$") then
    return '"' .. v:gsub('"', '""') .. '"'
  end
  return v
end

local CSV_HEADER = "file,line,item,parent,lead,support,deadline,kind,due,status,deliverable,text"

local function as_csv(rows, opts)
  local out = { CSV_HEADER }
  for _, r in ipairs(rows) do
    local d = r.deadline or {}
    out[#out + 1] = table.concat({
      cfield(r.file), cfield(r.line), cfield(r.item), cfield(r.parent), cfield(table.concat(r.lead or {}, "; ")),
      cfield(table.concat(r.support or {}, "; ")), cfield(d.text), cfield(d.kind), cfield(d.iso),
      cfield(status_of(r, opts)), cfield(r.deliverable), cfield(r.text),
    }, ",")
  end
  return table.concat(out, "\r\n") .. "\r\n"
end

-- iCalendar (RFC 5545) ------------------------------------------------------------

-- TEXT values: backslash, semicolon, comma escaped; newlines as \n.
local function ical_text(s)
  s = tostring(s or ""):gsub("\r\n", "\n"):gsub("\r", "\n")
  return (s:gsub("[\\;,\n]", { ["\\"] = "\\\\", [";"] = "\\;", [","] = "\\,", ["\n"] = "\\n" }))
end

-- Fold a content line at 75 octets (continuations start with one space),
-- never inside a UTF-8 sequence.
local function ical_fold(line)
  if #line <= 75 then return line end
  local parts, i, limit = {}, 1, 75
  while i <= #line do
    local j = math.min(i + limit - 1, #line)
    -- back off to a character boundary: the next byte must not be a continuation byte
    while j < #line and j > i and line:byte(j + 1) >= 0x80 and line:byte(j + 1) < 0xC0 do j = j - 1 end
    parts[#parts + 1] = line:sub(i, j)
    i = j + 1
    limit = 74
  end
  return table.concat(parts, "\r\n ")
end

-- FNV-1a, for stable UIDs.
local function fnv1a(s)
  local h = 0x811c9dc5
  for i = 1, #s do
    h = ((h ~ s:byte(i)) * 0x01000193) & 0xffffffff
  end
  return string.format("%08x", h)
end

local function as_ics(rows, opts)
  local L = LABELS[opts.lang] or LABELS.vi
  local stamp = opts.dtstamp or os.date("!%Y%m%dT%H%M%SZ")
  local lines = { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vbcheck//tasks//VI", "CALSCALE:GREGORIAN" }
  for i, r in ipairs(rows) do
    local who = #(r.lead or {}) > 0 and table.concat(r.lead, ", ") or L.nobody
    local key = table.concat({ r.file or "", tostring(r.line or ""), r.item or "", r.text or "", tostring(i) }, "\0")
    lines[#lines + 1] = "BEGIN:VTODO"
    lines[#lines + 1] = "UID:" .. fnv1a(key) .. "-" .. i .. "@vbcheck"
    lines[#lines + 1] = "DTSTAMP:" .. stamp
    lines[#lines + 1] = "SUMMARY:" .. ical_text(who .. ": " .. excerpt(r.text, 80))
    local desc = (r.file or "") .. ":" .. (r.line or 1) .. (r.item and (" " .. r.item) or "") .. "\n" .. (r.text or "")
    if #(r.support or {}) > 0 then desc = desc .. "\n" .. L.support .. ": " .. table.concat(r.support, ", ") end
    if r.deadline then desc = desc .. "\n" .. L.due .. ": " .. r.deadline.text end
    lines[#lines + 1] = "DESCRIPTION:" .. ical_text(desc)
    if r.deadline and r.deadline.iso then
      lines[#lines + 1] = "DUE;VALUE=DATE:" .. r.deadline.iso:gsub("-", "")
    end
    lines[#lines + 1] = "STATUS:NEEDS-ACTION"
    lines[#lines + 1] = "END:VTODO"
  end
  lines[#lines + 1] = "END:VCALENDAR"
  for i, l in ipairs(lines) do lines[i] = ical_fold(l) end
  return table.concat(lines, "\r\n") .. "\r\n"
end

local FORMATS = { text = as_text, json = as_json, csv = as_csv, ics = as_ics }

--- Format rows as fmt ("text" | "json" | "csv" | "ics").
-- opts: {as_of = "YYYY-MM-DD", agency = "name" (folded match), fold = fn,
-- lang = "vi" | "en", dtstamp = "YYYYMMDDTHHMMSSZ" (ics; default now)}.
-- Returns the string, or nil and a message for an unknown format.
function M.format(rows, fmt, opts)
  opts = opts or {}
  local f = FORMATS[fmt or "text"]
  if not f then return nil, "unknown format: " .. tostring(fmt) end
  return f(filter(rows, opts), opts)
end

M._ical_fold, M._ical_text, M._csv_field = ical_fold, ical_text, cfield

return M
