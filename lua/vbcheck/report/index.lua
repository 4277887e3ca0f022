--- Output of `vbcheck index`: a line per file saying what the register
-- now holds for it, the files removed from the register, and a summary.
-- Called by vbcheck.store, not chosen with --format.
local M = {}

local L = {
  vi = { indexed = "đã ghi sổ", unchanged = "không đổi", removed = "đã xóa khỏi sổ", error = "lỗi",
    failed = "không ghi được vào sổ", tasks = "nhiệm vụ", refs = "văn bản được dẫn", findings = "phát hiện",
    no_number = "không có số" },
  en = { indexed = "indexed", unchanged = "unchanged", removed = "removed from the register", error = "error",
    failed = "cannot write to the register", tasks = "tasks", refs = "cited documents", findings = "findings",
    no_number = "no number" },
}

local function dmy(iso)
  local y, m, d = (iso or ""):match("^(%d+)-(%d+)-(%d+)$")
  return y and (d .. "/" .. m .. "/" .. y) or nil
end

function M.begin() return "" end

function M.file(res, ctx)
  local t = L[ctx.lang] or L.vi
  if res.status == "unreadable" then
    return "", string.format("%s: %s: %s\n", res.path, t.error, res.error.message)
  elseif res.status == "failed" then
    return "", string.format("%s: %s: %s\n", res.path, t.failed, res.error.message)
  elseif res.status == "unchanged" then
    return ctx.quiet and "" or string.format("%s: %s\n", res.path, t.unchanged)
  end
  local rec = res.record
  local d = rec.doc
  local what = { d.symbol or t.no_number }
  if dmy(d.date) then what[#what + 1] = dmy(d.date) end
  what[#what + 1] = #rec.tasks .. " " .. t.tasks
  what[#what + 1] = #rec.refs .. " " .. t.refs
  what[#what + 1] = #rec.findings .. " " .. t.findings
  return string.format("%s: %s (%s)\n", res.path, t.indexed, table.concat(what, ", "))
end

--- s: {files, indexed, unchanged, unreadable, removed}; removed: the
-- stored paths dropped because their file is gone.
function M.finish(s, ctx, removed)
  local t = L[ctx.lang] or L.vi
  local out = {}
  for _, p in ipairs(removed or {}) do out[#out + 1] = string.format("%s: %s\n", p, t.removed) end
  if not ctx.quiet then
    local line
    if ctx.lang == "en" then
      line = string.format("Register %s: %d files, %d indexed, %d unchanged, %d removed, %d unreadable", ctx.db,
        s.files, s.indexed, s.unchanged, s.removed, s.unreadable)
    else
      line = string.format("Sổ đăng ký %s: %d tệp, %d ghi mới, %d không đổi, %d đã xóa, %d không đọc được", ctx.db,
        s.files, s.indexed, s.unchanged, s.removed, s.unreadable)
    end
    if ctx.color then line = "\27[1m" .. line .. "\27[0m" end
    out[#out + 1] = line .. "\n"
  end
  return table.concat(out)
end

return M
