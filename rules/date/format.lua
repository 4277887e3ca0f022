-- The date line's form: "Hà Nội, ngày 05 tháng 01 năm 2020". Days under
-- 10 and months 1 and 2 take a leading zero; months 3-12 do not (so that
-- "tháng 01" cannot be altered into "tháng 11" nor "tháng 3" into "tháng
-- 03" by hand); the place comes first, followed by a comma. Blank parts
-- are date/blank-day's business, not this rule's.
local REASONS = {
  day_zero = { vi = "ngày nhỏ hơn 10 phải có số 0 phía trước (\"{fix}\")",
    en = "days under 10 take a leading zero (\"{fix}\")" },
  month_zero = { vi = "tháng 1 và 2 phải có số 0 phía trước (\"{fix}\")",
    en = "months 1 and 2 take a leading zero (\"{fix}\")" },
  month_no_zero = { vi = "tháng 3 đến 12 không có số 0 phía trước (\"{fix}\")",
    en = "months 3 to 12 take no leading zero (\"{fix}\")" },
  place = { vi = "thiếu địa danh trước ngày tháng", en = "the place is missing before the date" },
  comma = { vi = "thiếu dấu phẩy sau địa danh (\"{fix}\")", en = "no comma after the place (\"{fix}\")" },
}

return {
  id = "date/format",
  severity = "warning",
  summary = { vi = "Địa danh, ngày tháng không đúng mẫu \"Hà Nội, ngày 05 tháng 01 năm 2020\"",
    en = "The place and date do not follow the form \"Hà Nội, ngày 05 tháng 01 năm 2020\"" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.4; HD 36-HD/VPTW (2018): địa danh và ngày tháng năm ban hành",
  messages = {
    format = {
      vi = "Địa danh, ngày tháng \"{raw}\" chưa đúng mẫu \"Hà Nội, ngày 05 tháng 01 năm 2020\": {reasons}",
      en = "Place and date \"{raw}\" do not follow the form \"Hà Nội, ngày 05 tháng 01 năm 2020\": {reasons}",
    },
  },
  examples = { fail = "Hà Nội ngày 5 tháng 03 năm 2020", pass = "Hà Nội, ngày 05 tháng 3 năm 2020" },
  check = function(doc, report, ctx)
    local d = doc.place_date
    if not d then return end
    local found = {}
    local function add(key, fix)
      found[#found + 1] = (REASONS[key][ctx.lang]:gsub("{fix}", function() return fix or "" end))
    end
    if not d.place or d.place:match("^%s*$") then
      add("place")
    elseif d.has_comma == false then
      add("comma", d.place .. ",")
    end
    local dt, mt = d.day_text, d.month_text
    if d.day and dt and dt:match("^%d+$") and d.day < 10 and #dt < 2 then
      add("day_zero", "ngày " .. string.format("%02d", d.day))
    end
    if d.month and mt and mt:match("^%d+$") then
      if d.month <= 2 and #mt < 2 then
        add("month_zero", "tháng " .. string.format("%02d", d.month))
      elseif d.month >= 3 and mt:sub(1, 1) == "0" then
        add("month_no_zero", "tháng " .. tostring(d.month))
      end
    end
    if #found > 0 then
      report { at = d, message = "format", data = { raw = d.raw or "", reasons = table.concat(found, "; ") } }
    end
  end,
}
