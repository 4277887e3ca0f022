-- A number is given once per issuer per year (NĐ 30 Điều 15: numbering
-- restarts on 1 January; HD 36: per type per term). The same number and
-- symbol from the same issuer in the same year on two documents in the
-- register means one of them is misnumbered. Needs a register: reads the
-- other documents through ctx.register, so it is declared `register`.
local function dmy(iso)
  local y, m, d = (iso or ""):match("^(%d+)-(%d+)-(%d+)$")
  return y and (d .. "/" .. m .. "/" .. y) or "?"
end

return {
  id = "register/duplicate-number",
  severity = "error",
  register = true,
  summary = { vi = "Số, ký hiệu trùng với văn bản khác của cùng cơ quan trong cùng năm",
    en = "The same number and symbol as another document of the same issuer in the same year" },
  basis = "NĐ 30/2020/NĐ-CP, Điều 15 (số văn bản bắt đầu từ 01 vào ngày 01 tháng 01 hằng năm); "
    .. "HD 36-HD/VPTW (2018), mục số và ký hiệu",
  messages = {
    dup = {
      vi = "Số, ký hiệu \"{number}\" đã dùng cho văn bản khác của cùng cơ quan trong năm {year}: {other} "
        .. "(ngày {date}){more}",
      en = "Number \"{number}\" is already used by another document of the same issuer in {year}: {other} "
        .. "(dated {date}){more}",
    },
  },
  examples = { fail = "a.txt: Số: 12/QĐ-UBND, ngày 05/3/2024; b.txt (same issuer): Số: 12/QĐ-UBND, ngày 20/6/2024",
    pass = "a.txt: Số: 12/QĐ-UBND (2024); b.txt: Số: 12/QĐ-UBND (2025: numbering restarted)" },
  check = function(doc, report, ctx)
    local reg, n, pd = ctx.register, doc.number, doc.place_date
    if not (reg and n and n.seq and n.symbol and pd and pd.year and doc.issuer) then return end
    local others = reg.find_number { symbol = n.symbol, issuer = doc.issuer, year = pd.year }
    if #others == 0 then return end
    local more = ""
    if #others > 1 then
      more = ctx.lang == "en" and (" and " .. (#others - 1) .. " more") or (" và " .. (#others - 1) .. " văn bản khác")
    end
    report { at = n, message = "dup", data = { number = n.symbol, year = pd.year, other = others[1].path,
      date = dmy(others[1].date), more = more } }
  end,
}
