-- Drafts leave the day (sometimes the month) blank: the date of issue is
-- the day the clerk registers the signed document (NĐ 30 Điều 15). An
-- issued document must be dated in full.
local PARTS = {
  vi = { day = "ngày", month = "tháng", year = "năm" },
  en = { day = "day", month = "month", year = "year" },
}

return {
  id = "date/blank-day",
  severity = { draft = "info", issued = "error" },
  summary = { vi = "Ngày (hoặc tháng) ban hành để trống", en = "The day (or month) of issue is left blank" },
  basis = "NĐ 30/2020/NĐ-CP, Điều 15 và Phụ lục I, Phần I, mục II.4.b; HD 36-HD/VPTW (2018): ngày tháng năm ban hành",
  messages = {
    draft = {
      vi = "Thời gian ban hành \"{raw}\" còn để trống {parts}: văn thư sẽ ghi khi đăng ký ban hành",
      en = "The date \"{raw}\" leaves the {parts} blank: the clerk fills it in at registration",
    },
    issued = {
      vi = "Văn bản ban hành chưa ghi đủ thời gian (\"{raw}\" để trống {parts}): phải ghi đủ ngày, tháng, năm",
      en = "The issued document's date \"{raw}\" leaves the {parts} blank: day, month and year are required",
    },
  },
  examples = { fail = "Lai Châu, ngày    tháng 6 năm 2021", pass = "Lai Châu, ngày 05 tháng 6 năm 2021" },
  check = function(doc, report, ctx)
    local d = doc.place_date
    if not d then return end
    local names, blank = PARTS[ctx.lang], {}
    for _, k in ipairs { "day", "month", "year" } do
      if d[k] == nil then blank[#blank + 1] = names[k] end
    end
    if #blank == 0 then return end
    report { at = d, message = ctx.stage == "issued" and "issued" or "draft",
      data = { raw = d.raw or "", parts = table.concat(blank, ", ") } }
  end,
}
