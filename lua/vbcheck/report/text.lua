--- `--format text`: compiler-style lines `path:line:col: severity: message
-- [rule]`, then a summary line.
local M = {}

local COLORS = { error = "\27[1;31m", warning = "\27[1;33m", info = "\27[1;36m" }

-- A .docx finding's paragraph text, so a person can find it in Word:
-- ' — "first 60 characters…"'.
local function context(s)
  if type(s) ~= "string" then return "" end
  s = s:gsub("^[ \t]+", "")
  if s == "" then return "" end
  local n = utf8.len(s)
  if not n then return "" end
  if n <= 60 then return ' — "' .. s .. '"' end
  return ' — "' .. s:sub(1, utf8.offset(s, 61) - 1) .. '…"'
end

function M.begin() return "" end

function M.file(result, ctx)
  if result.error then
    return "", string.format("%s: %s: %s\n", result.path, ctx.lang == "en" and "error" or "lỗi",
      result.error.message)
  end
  local out = {}
  for i, f in ipairs(result.findings) do
    local sev = f.severity
    if ctx.color then sev = (COLORS[sev] or COLORS.info) .. sev .. "\27[0m" end
    out[i] = string.format("%s:%d:%d: %s: %s%s [%s]\n", result.path, f.line, f.column, sev, f.message,
      context(f.context), f.rule)
  end
  return table.concat(out)
end

local function plural(n, word, en)
  if not en or n == 1 then return n .. " " .. word end
  return n .. " " .. word .. "s"
end

function M.finish(s, ctx)
  if ctx.quiet then return "" end
  local en = ctx.lang == "en"
  local line
  if en then
    line = string.format("%s checked: %s, %s, %d info", plural(s.files, "file", true),
      plural(s.errors, "error", true), plural(s.warnings, "warning", true), s.infos)
    if s.unreadable > 0 then
      line = line .. string.format("; %s could not be read", plural(s.unreadable, "file", true))
    end
  else
    line = string.format("Đã kiểm tra %d tệp: %d lỗi, %d cảnh báo, %d thông tin", s.files, s.errors, s.warnings,
      s.infos)
    if s.unreadable > 0 then line = line .. string.format("; %d tệp không đọc được", s.unreadable) end
  end
  if ctx.color then line = "\27[1m" .. line .. "\27[0m" end
  return line .. "\n"
end

return M
