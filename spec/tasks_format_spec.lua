-- `vbcheck tasks` output: text, JSON (checked with dkjson), CSV (RFC 4180)
-- and iCalendar (RFC 5545, checked line by line).
local tf = require "vbcheck.tasks_format"
local json = require "dkjson"
local fold = require "helpers.fold"

local function rows()
  return {
    { file = "a.txt", line = 34, item = "5.", lead = { "Sở Y tế" }, support = {},
      deadline = { text = "trước 20/5/2021", kind = "date", iso = "2021-05-20" }, deliverable = "báo cáo",
      text = "Sở Y tế rà soát, bổ sung các phương án; xây dựng \"kịch bản\" (báo cáo UBND tỉnh trước 20/5/2021)." },
    { file = "a, b.txt", line = 42, item = "8.", lead = { "Sở Y tế" }, support = { "Sở Tài chính", "Công an tỉnh" },
      deadline = { text = "trong quý IV/2021", kind = "period", iso = "2021-12-31", from = "2021-10-01",
        to = "2021-12-31" },
      text = "Sở Y tế phối hợp với Sở Tài chính\nxây dựng dự toán, báo cáo; kèm theo \\ phụ lục." },
    { file = "c.txt", line = 7, item = "-", parent = "11.", lead = { "Ban Tuyên giáo Tỉnh ủy" }, support = {},
      deadline = { text = "hằng tháng", kind = "recurring" }, text = "Ban Tuyên giáo Tỉnh ủy báo cáo hằng tháng." },
    { file = "c.txt", line = 9, item = "3.", lead = {}, support = {}, deadline = nil,
      text = "Tổng hợp kết quả." },
  }
end

describe("tasks_format.status", function()
  it("is overdue for a past date or period, open otherwise, none without a deadline", function()
    local r = rows()
    assert.equal("overdue", tf.status(r[1].deadline, "2021-05-21"))
    assert.equal("open", tf.status(r[1].deadline, "2021-05-20"))
    assert.equal("open", tf.status(r[1].deadline, nil))
    assert.equal("overdue", tf.status(r[2].deadline, "2022-01-01"))
    assert.equal("open", tf.status(r[3].deadline, "2030-01-01"))
    assert.equal("none", tf.status(nil, "2021-01-01"))
  end)

  it("is computed for rows built from a document", function()
    local doc = { path = "x.txt", tasks = { { item = "1.", line = 3, lead = { "Sở Y tế" }, support = {},
      deadline = { text = "trước ngày 01/5/2021", kind = "date", iso = "2021-05-01" }, text = "Sở Y tế báo cáo." } } }
    local r = tf.rows(doc, nil, { as_of = "2021-06-01" })
    assert.equal("x.txt", r[1].file)
    assert.equal("overdue", r[1].status)
  end)
end)

describe("tasks_format text", function()
  it("prints one task per entry and a summary", function()
    local out = tf.format(rows(), "text", { as_of = "2021-06-01" })
    assert.truthy(out:find("a.txt:34: 5. Sở Y tế | hạn: trước 20/5/2021 (2021-05-20) [quá hạn]", 1, true))
    assert.truthy(out:find("a, b.txt:42: 8. Sở Y tế | phối hợp: Sở Tài chính; Công an tỉnh | hạn: trong quý IV/2021 "
      .. "(2021-12-31) [đang mở]", 1, true))
    assert.truthy(out:find("c.txt:7: 11. - Ban Tuyên giáo Tỉnh ủy | hạn: hằng tháng [đang mở]", 1, true))
    assert.truthy(out:find("c.txt:9: 3. (chưa giao) [không hạn]", 1, true))
    assert.truthy(out:find("4 nhiệm vụ, 1 quá hạn\n$"))
  end)

  it("speaks English", function()
    local out = tf.format(rows(), "text", { as_of = "2021-06-01", lang = "en" })
    assert.truthy(out:find("[overdue]", 1, true))
    assert.truthy(out:find("4 tasks, 1 overdue", 1, true))
  end)

  it("filters by agency on folded names", function()
    local out = tf.format(rows(), "text", { agency = "CONG AN TINH", fold = fold })
    assert.truthy(out:find("a, b.txt:42", 1, true))
    assert.falsy(out:find("a.txt:34", 1, true))
    assert.truthy(out:find("1 nhiệm vụ", 1, true))
    -- without an injected fold the gazetteer's folding is used
    local out2 = tf.format(rows(), "text", { agency = "ban tuyen giao" })
    assert.truthy(out2:find("c.txt:7", 1, true))
  end)

  it("rejects an unknown format", function()
    local out, err = tf.format(rows(), "xml", {})
    assert.is_nil(out)
    assert.truthy(err:find("xml", 1, true))
  end)
end)

describe("tasks_format json", function()
  it("is valid JSON with every row", function()
    local out = tf.format(rows(), "json", { as_of = "2021-06-01" })
    local data, _, err = json.decode(out, 1, json.null)
    assert.is_nil(err)
    assert.equal(4, #data.tasks)
    assert.equal(4, data.summary.tasks)
    assert.equal(1, data.summary.overdue)
    local t = data.tasks[2]
    assert.equal("a, b.txt", t.file)
    assert.equal(42, t.line)
    assert.same({ "Sở Tài chính", "Công an tỉnh" }, t.support)
    assert.equal("2021-10-01", t.deadline.from)
    assert.equal("Sở Y tế phối hợp với Sở Tài chính\nxây dựng dự toán, báo cáo; kèm theo \\ phụ lục.", t.text)
    assert.equal(json.null, data.tasks[4].deadline)
    assert.equal("none", data.tasks[4].status)
    assert.equal("11.", data.tasks[3].parent)
    assert.equal('Sở Y tế rà soát, bổ sung các phương án; xây dựng "kịch bản" (báo cáo UBND tỉnh trước 20/5/2021).',
      data.tasks[1].text)
  end)

  it("escapes control characters", function()
    local r = { { file = "t\tab\1.txt", line = 1, lead = {}, support = {}, text = "x" } }
    local data = json.decode(tf.format(r, "json", {}))
    assert.equal("t\tab\1.txt", data.tasks[1].file)
  end)

  it("is valid for no rows", function()
    local data = json.decode(tf.format({}, "json", {}))
    assert.same({}, data.tasks)
    assert.equal(0, data.summary.tasks)
  end)
end)

-- A small RFC 4180 reader, to check the writer against.
local function parse_csv(s)
  local records, fields, field, i, n = {}, {}, {}, 1, #s
  local quoted = false
  while i <= n do
    local c = s:sub(i, i)
    if quoted then
      if c == '"' then
        if s:sub(i + 1, i + 1) == '"' then
          field[#field + 1] = '"'
          i = i + 1
        else
          quoted = false
        end
      else
        field[#field + 1] = c
      end
    elseif c == '"' then
      assert(#field == 0, "quote inside an unquoted field at " .. i)
      quoted = true
    elseif c == "," then
      fields[#fields + 1] = table.concat(field)
      field = {}
    elseif c == "\r" then
      assert(s:sub(i + 1, i + 1) == "\n", "bare CR at " .. i)
      fields[#fields + 1] = table.concat(field)
      records[#records + 1] = fields
      fields, field = {}, {}
      i = i + 1
    else
      assert(c ~= "\n", "bare LF outside quotes at " .. i)
      field[#field + 1] = c
    end
    i = i + 1
  end
  assert(not quoted, "unterminated quote")
  assert(#fields == 0 and #field == 0, "last record not terminated by CRLF")
  return records
end

describe("tasks_format csv", function()
  it("writes a header and CRLF records that round-trip", function()
    local out = tf.format(rows(), "csv", { as_of = "2021-06-01" })
    local recs = parse_csv(out)
    assert.equal(5, #recs)
    assert.same({ "file", "line", "item", "parent", "lead", "support", "deadline", "kind", "due", "status",
      "deliverable", "text" }, recs[1])
    for _, r in ipairs(recs) do assert.equal(12, #r) end
    assert.same({ "a, b.txt", "42", "8.", "", "Sở Y tế", "Sở Tài chính; Công an tỉnh", "trong quý IV/2021", "period",
      "2021-12-31", "open", "", "Sở Y tế phối hợp với Sở Tài chính\nxây dựng dự toán, báo cáo; kèm theo \\ phụ lục." },
      recs[3])
    assert.equal("overdue", recs[2][10])
    assert.equal('Sở Y tế rà soát, bổ sung các phương án; xây dựng "kịch bản" (báo cáo UBND tỉnh trước 20/5/2021).',
      recs[2][12])
    assert.equal("none", recs[5][10])
  end)

  it("quotes only when needed", function()
    assert.equal("plain", tf._csv_field("plain"))
    assert.equal('"a,b"', tf._csv_field("a,b"))
    assert.equal('"say ""hi"""', tf._csv_field('say "hi"'))
    assert.equal('"two\r\nlines"', tf._csv_field("two\r\nlines"))
    assert.equal('" padded"', tf._csv_field(" padded"))
    assert.equal("", tf._csv_field(nil))
  end)
end)

-- Unfold RFC 5545 content lines, checking the physical lines on the way.
local function ics_lines(s)
  assert.equal("\r\n", s:sub(-2), "ends with CRLF")
  assert.is_nil(s:gsub("\r\n", ""):find("[\r\n]"), "no bare CR or LF")
  local physical = {}
  for l in s:gmatch("(.-)\r\n") do physical[#physical + 1] = l end
  local logical = {}
  for _, l in ipairs(physical) do
    assert.truthy(#l <= 75, "longer than 75 octets: " .. l)
    assert.truthy(utf8.len(l), "UTF-8 split across a fold: " .. l)
    if l:sub(1, 1) == " " then
      logical[#logical] = logical[#logical] .. l:sub(2)
    else
      logical[#logical + 1] = l
    end
  end
  return logical, physical
end

local function unescape(v)
  return (v:gsub("\\(.)", { n = "\n", N = "\n", ["\\"] = "\\", [";"] = ";", [","] = "," }))
end

describe("tasks_format ics", function()
  local out = tf.format(rows(), "ics", { as_of = "2021-06-01", dtstamp = "20210601T080000Z" })
  local lines, physical = ics_lines(out)

  it("folds every line at 75 octets with CRLF", function()
    local folded = 0
    for _, l in ipairs(physical) do if l:sub(1, 1) == " " then folded = folded + 1 end end
    assert.truthy(folded > 0, "long descriptions must fold")
  end)

  it("balances BEGIN and END in order", function()
    local stack = {}
    for _, l in ipairs(lines) do
      local b = l:match("^BEGIN:(.*)$")
      local e = l:match("^END:(.*)$")
      if b then stack[#stack + 1] = b end
      if e then
        assert.equal(stack[#stack], e)
        stack[#stack] = nil
      end
    end
    assert.same({}, stack)
    assert.equal("BEGIN:VCALENDAR", lines[1])
    assert.equal("END:VCALENDAR", lines[#lines])
  end)

  it("has the calendar's and each to-do's required properties", function()
    local props, todos, uids = {}, 0, {}
    local cur
    for _, l in ipairs(lines) do
      if l == "BEGIN:VTODO" then
        todos, cur = todos + 1, {}
      elseif l == "END:VTODO" then
        assert.truthy(cur.UID and cur.DTSTAMP and cur.SUMMARY, "VTODO lacks UID/DTSTAMP/SUMMARY")
        assert.is_nil(uids[cur.UID], "UID not unique")
        uids[cur.UID] = true
        assert.truthy(cur.DTSTAMP:match("^%d%d%d%d%d%d%d%dT%d%d%d%d%d%dZ$"))
        cur = nil
      else
        local name, value = l:match("^([%w%-]+)[;:](.*)$")
        assert.truthy(name, "not a content line: " .. l)
        if cur then cur[name] = value else props[name] = value end
      end
    end
    assert.equal(4, todos)
    assert.equal("2.0", props.VERSION)
    assert.truthy(props.PRODID)
  end)

  it("gives DUE as a date only when the deadline has one", function()
    local dues = {}
    for _, l in ipairs(lines) do
      local d = l:match("^DUE;VALUE=DATE:(.*)$")
      if d then dues[#dues + 1] = d end
    end
    assert.same({ "20210520", "20211231" }, dues)
  end)

  it("escapes backslashes, semicolons, commas and newlines in TEXT", function()
    local desc
    for _, l in ipairs(lines) do
      local v = l:match("^DESCRIPTION:(.*)$")
      if v and v:find("a, b.txt", 1, true) == nil and v:find("a\\, b.txt", 1, true) then desc = v end
    end
    assert.truthy(desc, "description of row 2")
    -- no unescaped , ; or newline left
    assert.is_nil(desc:gsub("\\[\\;,nN]", ""):find("[,;\n]"))
    assert.truthy(desc:find("kèm theo \\\\ phụ lục", 1, true))
    assert.equal("a, b.txt:42 8.\nSở Y tế phối hợp với Sở Tài chính\nxây dựng dự toán, báo cáo; kèm theo \\ phụ lục."
      .. "\nphối hợp: Sở Tài chính, Công an tỉnh\nhạn: trong quý IV/2021", unescape(desc))
  end)

  it("folds without splitting a multi-byte character", function()
    local long = string.rep("Sở Y tế ", 40)
    local folded = tf._ical_fold("SUMMARY:" .. long)
    for part in (folded .. "\r\n"):gmatch("(.-)\r\n") do
      assert.truthy(#part <= 75)
      assert.truthy(utf8.len(part))
    end
    assert.equal("SUMMARY:" .. long, (folded:gsub("\r\n ", "")))
  end)

  it("escapes TEXT values", function()
    assert.equal("a\\,b\\;c\\\\d\\ne", tf._ical_text("a,b;c\\d\ne"))
  end)
end)
