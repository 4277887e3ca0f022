--- Written from docs/writing-rules.md alone (the "fourth rule" of issue 6):
-- the subject line spells names out. The office's list of abbreviations
-- comes from the options; by default the usual ones.
return {
  id = "policy/subject-abbreviation",
  severity = "warning",
  summary = { vi = "Trích yếu không viết tắt", en = "No abbreviations in the subject line" },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.5 (trích yếu nội dung); quy định của cơ quan",
  messages = {
    abbr = { vi = "Trích yếu viết tắt \"{word}\": viết đầy đủ",
      en = "The subject abbreviates \"{word}\": spell it out" },
  },
  check = function(doc, report, ctx)
    if not doc.subject then return end
    local words = #ctx.options > 0 and ctx.options or { "UBND", "HĐND", "MTTQ", "CV", "KH", "TT" }
    local line = doc.lines[doc.subject.line] or ""
    for _, w in ipairs(words) do
      -- a whole word only: "TT" must not match inside "TTHC" or "tăng"
      for start, word in line:gmatch("()(%S+)") do
        local bare = word:gsub("[%p]+$", ""):gsub("^[%p]+", "")
        if bare == w then
          local col = utf8.len(line:sub(1, start - 1)) + 1
          report { line = doc.subject.line, column = col, end_column = col + utf8.len(bare),
            message = "abbr", data = { word = w } }
        end
      end
    end
  end,
}
