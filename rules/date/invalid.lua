-- A date of issue that does not exist (31 tháng 9, 29 tháng 2 of a common
-- year, tháng 13) is a typing error that makes the document's date and
-- every deadline counted from it void. Blank parts are date/blank-day's.
local DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

local function days_in(month, year)
  if month == 2 and (not year or (year % 4 == 0 and (year % 100 ~= 0 or year % 400 == 0))) then return 29 end
  return DAYS[month]
end

return {
  id = "date/invalid",
  severity = "error",
  summary = { vi = "Ngày ban hành không tồn tại", en = "The date of issue does not exist" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.4.b; HD 36-HD/VPTW (2018): ngày tháng năm ban hành",
  messages = {
    month = {
      vi = "Thời gian ban hành \"{raw}\" không tồn tại: không có tháng {month}",
      en = "The date \"{raw}\" does not exist: there is no month {month}",
    },
    day = {
      vi = "Thời gian ban hành \"{raw}\" không tồn tại: tháng {month} chỉ có {days} ngày",
      en = "The date \"{raw}\" does not exist: month {month} has only {days} days",
    },
  },
  examples = { fail = "Hà Nội, ngày 31 tháng 9 năm 2021", pass = "Hà Nội, ngày 30 tháng 9 năm 2021" },
  check = function(doc, report)
    local d = doc.place_date
    if not d or not d.month then return end
    if d.month < 1 or d.month > 12 then
      return report { at = d, message = "month", data = { raw = d.raw or "", month = d.month } }
    end
    if not d.day then return end
    local days = days_in(d.month, d.year)
    if d.day < 1 or d.day > days then
      report { at = d, message = "day", data = { raw = d.raw or "", month = d.month, days = days } }
    end
  end,
}
