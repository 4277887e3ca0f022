-- A deadline earlier than the document's own date: the work was due
-- before anyone received the instruction (a wrong year or month is the
-- usual cause). When the day of the document is left blank (a draft),
-- only deadlines before its month count; with the year alone, before its
-- year.
local function doc_start(pd)
  if not pd then return nil end
  if pd.iso then return pd.iso, pd.iso end
  if pd.year and pd.month then
    local s = string.format("%04d-%02d-01", pd.year, pd.month)
    return s, string.format("%02d/%04d", pd.month, pd.year)
  end
  if pd.year then return string.format("%04d-01-01", pd.year), tostring(pd.year) end
  return nil
end

local function show(iso)
  local y, m, d = iso:match("^(%d+)-(%d+)-(%d+)$")
  return string.format("%s/%s/%s", d, m, y)
end

return {
  id = "task/deadline-past",
  severity = "warning",
  summary = {
    vi = "Thời hạn của nhiệm vụ sớm hơn ngày ban hành văn bản",
    en = "A task's deadline is before the document's date",
  },
  basis = "NĐ 30/2020/NĐ-CP, Điều 23 khoản 2 (thời hạn giải quyết)",
  messages = {
    past = {
      vi = "Thời hạn \"{deadline}\" ({date}) sớm hơn ngày của văn bản ({docdate})",
      en = "Deadline \"{deadline}\" ({date}) is before the document's date ({docdate})",
    },
  },
  examples = {
    fail = "Lai Châu, ngày 24 tháng 8 năm 2021 … Sở Y tế báo cáo trước ngày 20/8/2021.",
    pass = "Lai Châu, ngày 24 tháng 8 năm 2021 … Sở Y tế báo cáo trước ngày 30/8/2021.",
  },
  check = function(doc, report)
    local start, shown = doc_start(doc.place_date)
    if not start then return end
    if doc.place_date.iso then shown = show(start) end
    for _, task in ipairs(doc.tasks or {}) do
      for _, d in ipairs(task.deadlines or {}) do
        if d.iso and not d.inherited and (d.kind == "date" or d.kind == "period") and d.iso < start then
          report { at = task, message = "past", data = { deadline = d.text, date = show(d.iso), docdate = shown } }
        end
      end
    end
  end,
}
