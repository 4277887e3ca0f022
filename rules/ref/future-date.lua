-- A document cannot cite one issued after it: the cited date (or this
-- document's) is mistyped. When this document's day is still blank (a
-- draft) or impossible (31 tháng 9), the last day of its month is the bound.
local DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

local function last_day(month, year)
  if month == 2 and year % 4 == 0 and (year % 100 ~= 0 or year % 400 == 0) then return 29 end
  return DAYS[month]
end

local function dmy(iso)
  local y, m, d = iso:match("^(%d+)-(%d+)-(%d+)$")
  return y and (d .. "/" .. m .. "/" .. y) or iso
end

return {
  id = "ref/future-date",
  severity = "warning",
  summary = { vi = "Văn bản được dẫn có ngày sau ngày của văn bản này",
    en = "A cited document is dated after this document" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.6.b (viện dẫn văn bản); HD 36-HD/VPTW (2018)",
  messages = {
    future = {
      vi = "Văn bản được dẫn \"{text}\" đề ngày {ref_date}, sau thời gian ban hành văn bản này ({doc_date}): "
        .. "kiểm tra lại ngày của văn bản được dẫn",
      en = "The cited \"{text}\" is dated {ref_date}, after this document's date ({doc_date}): check the cited date",
    },
  },
  examples = { fail = "Hà Nội, ngày 05 tháng 6 năm 2021\n…Thực hiện Công văn số 12/UBND-VX ngày 10/6/2021…",
    pass = "Hà Nội, ngày 05 tháng 6 năm 2021\n…Thực hiện Công văn số 12/UBND-VX ngày 01/6/2021…" },
  check = function(doc, report, ctx)
    local d = doc.place_date
    if not d then return end
    local bound, shown = d.iso, d.iso and dmy(d.iso)
    if not bound and d.month and d.year and d.month >= 1 and d.month <= 12 then
      bound = string.format("%04d-%02d-%02d", d.year, d.month, last_day(d.month, d.year))
      shown = string.format(ctx.lang == "en" and "%02d/%04d" or "tháng %d/%04d", d.month, d.year)
    end
    if not bound then return end
    local own = doc.number and doc.number.symbol
    for _, r in ipairs(doc.references or {}) do
      if r.iso and r.iso > bound and not (own and r.number == own) then
        report { at = r, message = "future", data = { text = r.text or r.number or "", ref_date = dmy(r.iso),
          doc_date = shown } }
      end
    end
  end,
}
