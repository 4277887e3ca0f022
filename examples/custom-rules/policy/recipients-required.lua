--- Nơi nhận lists what the office requires of every document: by default
-- "Lưu: VT" (the clerical office keeps the original); the configuration
-- may name other entries: options["policy/recipients-required"] = {...}.
return {
  id = "policy/recipients-required",
  severity = "warning",
  summary = {
    vi = "Nơi nhận phải có các dòng bắt buộc (mặc định \"Lưu: VT\")",
    en = "Nơi nhận must hold the required entries (by default \"Lưu: VT\")",
  },
  basis = "NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.9 (nơi nhận); quy định văn thư của cơ quan",
  messages = {
    missing = { vi = "Nơi nhận thiếu \"{entry}\"", en = "Nơi nhận lacks \"{entry}\"" },
  },
  check = function(doc, report, ctx)
    local r = doc.recipients
    if not r then return end -- no Nơi nhận at all: recipients/missing says so
    local required = #ctx.options > 0 and ctx.options or { "Lưu: VT" }
    local lines = {}
    for _, item in ipairs(r.items or {}) do lines[#lines + 1] = item.text end
    if r.archive then lines[#lines + 1] = r.archive.text end
    for _, entry in ipairs(required) do
      local found = false
      for _, text in ipairs(lines) do
        if vb.find_folded(text, entry) then found = true end
      end
      if not found then report { at = r, message = "missing", data = { entry = entry } } end
    end
  end,
}
