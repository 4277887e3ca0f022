--- Text documents for the register specs: a complete state document
-- (công văn or a typed document) with the number, date, issuer, citations
-- and tasks a spec chooses, written into a temporary repository.
local M = {}

local TYPES = { ke_hoach = { "KẾ HOẠCH", "KH" }, quyet_dinh = { "QUYẾT ĐỊNH", "QĐ" }, cong_van = { nil, nil } }

--- Text of a state document. o: {parent = "UBND TỈNH HÀ GIANG", issuer =
-- "SỞ Y TẾ", code = "SYT", unit = "NVY", seq = 12, kind = "cong_van" |
-- "ke_hoach" | "quyet_dinh", day, month, year, cites = {"Kế hoạch số
-- 45/KH-UBND ngày 20/02/2024"}, tasks = {{agency, work, due = "20/3/2024"}}}
function M.state(o)
  local kind = TYPES[o.kind or "cong_van"]
  local code = o.code or "SYT"
  local number = kind[2] and string.format("%02d/%s-%s", o.seq, kind[2], code)
    or string.format("%02d/%s-%s", o.seq, code, o.unit or "VP")
  local day, month, year = o.day or 5, o.month or 3, o.year or 2024
  local lines = {
    string.format("%-40s%s", o.parent or "UBND TỈNH HÀ GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    string.format("%-40s%s", o.issuer or "SỞ Y TẾ", "Độc lập - Tự do - Hạnh phúc"),
    "",
    string.format("%-40s%s, ngày %02d tháng %s năm %d", "Số: " .. number, o.place or "Hà Giang", day,
      month < 3 and string.format("%02d", month) or tostring(month), year),
  }
  if kind[1] then
    lines[#lines + 1] = ""
    lines[#lines + 1] = kind[1]
    lines[#lines + 1] = o.subject or "Triển khai công tác y tế năm " .. year
  else
    lines[#lines + 1] = "V/v " .. (o.subject or "triển khai công tác y tế năm " .. year)
    lines[#lines + 1] = ""
    lines[#lines + 1] = "Kính gửi: Các đơn vị trực thuộc."
  end
  lines[#lines + 1] = ""
  local cites = o.cites or {}
  if #cites > 0 then
    lines[#lines + 1] = "Thực hiện " .. table.concat(cites, "; ") .. ", " .. (o.issuer_short or "Sở Y tế")
      .. " đề nghị các đơn vị thực hiện một số nội dung sau:"
  else
    lines[#lines + 1] = (o.issuer_short or "Sở Y tế") .. " đề nghị các đơn vị thực hiện một số nội dung sau:"
  end
  lines[#lines + 1] = ""
  local tasks = o.tasks or { { "Phòng Nghiệp vụ Y", "xây dựng kế hoạch chi tiết, báo cáo Sở Y tế", "20/3/2024" } }
  for i, t in ipairs(tasks) do
    lines[#lines + 1] = string.format("%d. %s chủ trì %s%s.", i, t[1], t[2], t[3] and (" trước ngày " .. t[3]) or "")
    lines[#lines + 1] = ""
  end
  lines[#lines + 1] = "Đề nghị các đơn vị nghiêm túc triển khai thực hiện./."
  lines[#lines + 1] = ""
  lines[#lines + 1] = string.format("%-40s%s", "Nơi nhận:", "KT. GIÁM ĐỐC")
  lines[#lines + 1] = string.format("%-40s%s", "- Như trên;", "PHÓ GIÁM ĐỐC")
  lines[#lines + 1] = "- Lưu: VT, NVY."
  lines[#lines + 1] = ""
  lines[#lines + 1] = string.rep(" ", 40) .. "Nguyễn Văn Bình"
  return table.concat(lines, "\n") .. "\n"
end

local function sh(s) return "'" .. s:gsub("'", "'\\''") .. "'" end
M.sh = sh

-- folders already made by M.write (mkdir costs a shell)
local made = {}

--- A new empty folder (removed by M.cleanup).
function M.tmpdir()
  local p = assert(io.popen("mktemp -d /tmp/vbreg-spec-XXXXXX"))
  local d = p:read("l")
  p:close()
  return d
end

function M.cleanup(dir)
  if dir and dir:match("^/tmp/vbreg%-spec%-") then os.execute("rm -rf " .. sh(dir)) end
  made = {}
end

--- Write text to dir/name (folders created).
function M.write(dir, name, text)
  local path = dir .. "/" .. name
  local folder = path:match("^(.*)/")
  if not made[folder] then
    os.execute("mkdir -p " .. sh(folder))
    made[folder] = true
  end
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
  return path
end

--- Run a shell command in dir; output (stdout and stderr) and exit code.
function M.run(dir, cmd)
  local p = io.popen("cd " .. sh(dir) .. " && " .. cmd .. " 2>&1; echo \"::$?\"")
  local out = p:read("a")
  p:close()
  local body, code = out:match("^(.-)::(%d+)%s*$")
  return body, tonumber(code)
end

--- stdout only.
function M.stdout(dir, cmd)
  local p = io.popen("cd " .. sh(dir) .. " && " .. cmd .. " 2>/dev/null")
  local out = p:read("a")
  p:close()
  return out
end

M.bin = os.getenv("VBCHECK_BIN") or (os.getenv("PWD") .. "/build/vbcheck")

--- One-line results of an SQL query on db with the sqlite3 program.
function M.sql(db, query)
  local p = io.popen("sqlite3 -batch -bail " .. sh(db) .. " " .. sh(query) .. " 2>&1")
  local out = p:read("a")
  p:close()
  return out
end

return M
