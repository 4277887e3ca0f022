-- Authority prefixes are written differently by the two families:
--   state (NĐ 30 Phụ lục I mục II.7.b): TM.  KT.  TL.  TUQ.  Q.
--   party (HD 36):                      T/M  K/T  T/L  Q.
-- A cấp ủy works collectively: its deputy secretary signs
-- "T/M BAN THƯỜNG VỤ" / "PHÓ BÍ THƯ", never "K/T BÍ THƯ" (K/T is for the
-- heads of advisory bodies: "K/T TRƯỞNG BAN").

local FORMS = {
  state = { TM = "TM.", KT = "KT.", TL = "TL.", TUQ = "TUQ.", Q = "Q." },
  party = { TM = "T/M", KT = "K/T", TL = "T/L", Q = "Q." },
}
-- Party norms define no thừa ủy quyền form: accept both spellings.
local PARTY_TUQ = { ["TUQ."] = true, ["T/UQ"] = true }

-- Folded names of collective party bodies whose deputy must sign T/M, as
-- the object of the authority line ("K/T BÍ THƯ", "K/T BAN THƯỜNG VỤ").
local COLLECTIVE = { "bi thu", "ban thuong vu", "ban chap hanh", "thuong truc", "tinh uy", "thanh uy", "huyen uy",
  "quan uy", "thi uy", "dang uy", "chi uy", "cap uy", "ban can su", "dang doan" }

local function is_collective(fold, of)
  local f = fold(of or "")
  for _, w in ipairs(COLLECTIVE) do
    if f:sub(1, #w) == w then return true end
  end
  return false
end

return {
  id = "signer/authority",
  severity = "warning",
  summary = { vi = "Quyền hạn ký (TM., KT., TL., TUQ., Q. / T/M, K/T, T/L, Q.) viết sai mẫu của khối văn bản",
    en = "The signing authority prefix is malformed for the family" },
  basis = "NĐ 30/2020/NĐ-CP, Điều 13 và Phụ lục I, Phần I, mục II.7.b; HD 36-HD/VPTW (2018): quyền hạn người ký; "
    .. "QĐ 66-QĐ/TW (2017)",
  messages = {
    state = {
      vi = "Quyền hạn ký \"{text}\" viết sai: văn bản hành chính viết \"{fix}\"",
      en = "Authority \"{text}\" is malformed: a state document writes \"{fix}\"",
    },
    party = {
      vi = "Quyền hạn ký \"{text}\" viết sai: văn bản Đảng viết \"{fix}\"",
      en = "Authority \"{text}\" is malformed: a party document writes \"{fix}\"",
    },
    unknown_prefix = {
      vi = "Quyền hạn ký \"{text}\" không phải mẫu nào: văn bản hành chính dùng TM., KT., TL., TUQ., Q.; "
        .. "văn bản Đảng dùng T/M, K/T, T/L, Q.",
      en = "Authority \"{text}\" matches no form: state documents use TM., KT., TL., TUQ., Q.; "
        .. "party documents use T/M, K/T, T/L, Q.",
    },
    collective = {
      vi = "Cấp ủy làm việc tập thể, cấp phó không ký \"{text}\": ký \"T/M BAN THƯỜNG VỤ\" (hoặc T/M tập thể cấp ủy) "
        .. "rồi ghi chức vụ \"{title}\"",
      en = "A party committee acts collectively, its deputy does not sign \"{text}\": sign \"T/M BAN THƯỜNG VỤ\" "
        .. "(or T/M the committee) above the title \"{title}\"",
    },
  },
  examples = { fail = "TM BAN CÁN SỰ ĐẢNG\nPHÓ BÍ THƯ\n\nK/T BÍ THƯ\nPHÓ BÍ THƯ   (văn bản cấp ủy)",
    pass = "T/M BAN CÁN SỰ ĐẢNG\nPHÓ BÍ THƯ   (văn bản Đảng)\n\n"
      .. "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH   (văn bản nhà nước)" },
  check = function(doc, report, ctx)
    local s = doc.signature
    if not s or not s.authority then return end
    for _, a in ipairs(s.authority) do
      local prefix = a.prefix or ""
      local key = prefix:upper():gsub("[%s%./]", "")
      local text = (prefix .. " " .. (a.of or "")):gsub("%s+$", "")
      local fam = doc.family
      if fam == "state" or fam == "party" then
        local fix = FORMS[fam][key]
        if fam == "party" and key == "TUQ" and PARTY_TUQ[prefix] then
          fix = prefix
        end
        -- a cấp ủy deputy's "ký thay", however spelled, is the real fault
        if fam == "party" and key == "KT" and (is_collective(ctx.fold, a.of)
            or ctx.fold(s.title or ""):match("^pho bi thu")) then
          report { at = a, message = "collective", data = { text = text, title = s.title or "PHÓ BÍ THƯ" } }
        elseif not fix then
          report { at = a, message = "unknown_prefix", data = { text = text } }
        elseif prefix ~= fix then
          local fixed = (fix .. " " .. (a.of or "")):gsub("%s+$", "")
          report { at = a, message = fam, data = { text = text, fix = fixed } }
        end
      elseif prefix ~= FORMS.state[key] and prefix ~= FORMS.party[key] then
        report { at = a, message = "unknown_prefix", data = { text = text } }
      end
    end
  end,
}
