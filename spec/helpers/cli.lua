--- Running the built program from a spec, and handing a text to a Python
-- checker (a real XML parser, a JSON-schema validator).
local M = {}

M.bin = os.getenv("VBCHECK_BIN") or "build/vbcheck"

--- Run `vbcheck ARGS` (stderr dropped); returns stdout and the exit status.
-- env: an optional shell prefix such as "VBCHECK_HOME=/tmp/x".
function M.run(args, env)
  local p = io.popen((env and env .. " " or "") .. M.bin .. " " .. args .. " 2>/dev/null; echo \"::$?\"")
  local out = p:read("a")
  p:close()
  local body, code = out:match("^(.-)::(%d+)%s*$")
  return body, tonumber(code)
end

--- Write text to path, making its folders first.
function M.write(path, text)
  assert(os.execute("mkdir -p '" .. path:match("^(.*)/[^/]*$") .. "'"))
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

--- s quoted for the shell (single quotes, any byte but NUL).
function M.quote(s)
  return "'" .. s:gsub("'", "'\\''") .. "'"
end

--- A new empty temporary folder; returns its path and a function that
-- removes it with everything in it.
function M.tmpdir()
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir -p " .. M.quote(dir)))
  return dir, function() os.execute("rm -rf " .. M.quote(dir)) end
end

--- A document at an odd path: `x.txt` holding text, in a folder called
-- name (markup or separator characters) under a new temporary folder.
-- Returns the file's path, and a function that removes it all.
function M.odd_file(name, text)
  local dir, remove = M.tmpdir()
  local odd = dir .. "/" .. name
  assert(os.execute("mkdir -p " .. M.quote(odd)))
  local f = assert(io.open(odd .. "/x.txt", "wb"))
  f:write(text)
  f:close()
  return odd .. "/x.txt", remove
end

--- Write text to a temporary file and run the Python source `script` as
-- `python3 SCRIPT ARGS... FILE`; returns its output and whether it exited 0.
function M.python(script, text, args)
  local f, py = os.tmpname(), os.tmpname()
  local h = assert(io.open(f, "wb")); h:write(text); h:close()
  h = assert(io.open(py, "wb")); h:write(script); h:close()
  local p = io.popen("python3 " .. py .. " " .. (args and args .. " " or "") .. f .. " 2>&1")
  local out = p:read("a")
  local ok = p:close()
  os.remove(f); os.remove(py)
  return out, ok
end

return M
