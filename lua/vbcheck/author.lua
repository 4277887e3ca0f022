--- The rule-author commands: `vbcheck new-rule GROUP/NAME` writes a rule
-- and its spec from a template; `vbcheck test [DIR]` runs a rule folder's
-- specs with Busted inside this program, so `require "vbcheck.testing"`
-- and the C core are there without any path to set.
local core = require "vbcheck.core"
local config = require "vbcheck.config"

local M = {}

local RULE = [[
--- %s: what this rule checks, in one sentence.
return {
  id = %q,
  severity = "warning",           -- error | warning | info, or { draft = ..., issued = ... }
  -- family = "state",            -- only state (NĐ 30) or party (HD 36) documents
  summary = {
    vi = "Mô tả ngắn của quy tắc",
    en = "A short description of the rule",
  },
  basis = "Căn cứ: ... (điều, khoản, phụ lục của văn bản quy định)",
  messages = {
    missing = { vi = "Thiếu {what}", en = "Missing {what}" },
  },
  check = function(doc, report, ctx)
    -- doc: the document model (vbcheck parse --format json FILE shows it)
    -- ctx: { stage, lang, today, options } ; vb.*: helpers (see docs/writing-rules.md)
    if not doc.subject then
      report { message = "missing", data = { what = "trích yếu" } }
    end
  end,
}
]]

local SPEC = [[
-- luacheck: std +busted
local t = require "vbcheck.testing"
local rule = t.rule %q

-- A draft the rule must flag, and one it must leave alone: copy a real
-- draft's lines, keep only what the rule looks at.
local BAD = [==[
ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
Số: 12/UBND-VX

Kính gửi: Sở Y tế
]==]

local GOOD = [==[
ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
Số: 12/UBND-VX
V/v tăng cường công tác phòng, chống dịch

Kính gửi: Sở Y tế
]==]

describe(%q, function()
  it("fires on a draft without a subject", function()
    t.expect(rule):to_fire_on(BAD)
  end)

  it("stays quiet on a draft with one", function()
    t.expect(rule):not_to_fire_on(GOOD)
  end)
end)
]]

local function exists(p) return core.stat(p) ~= nil end

local function write(path, text)
  local f, err = io.open(path, "wb")
  if not f then return nil, err end
  f:write(text)
  f:close()
  return true
end

local function mkdirs(path)
  local acc = path:sub(1, 1) == "/" and "" or "."
  for part in path:gmatch("[^/]+") do
    acc = acc .. "/" .. part
    if not exists(acc) then
      local ok, err = core.mkdir(acc)
      if not ok then return nil, err end
    end
  end
  return true
end

-- The rule folder a command works in: --rules DIR, else the first folder
-- of the nearest .vbcheck.lua, else the current folder.
local function rule_dir(opts)
  if opts.rules_dirs and opts.rules_dirs[1] then return opts.rules_dirs[1] end
  local p = not opts.no_config and config.find(".")
  local cfg = p and config.load(p, opts.lang)
  if cfg and cfg.rules[1] then return cfg.rules[1] end
  return "."
end

function M.new_rule(opts, paths)
  local en = opts.lang == "en"
  local id = paths[1]
  if #paths ~= 1 or not id:match("^[%w_%-]+/[%w_%-]+$") then
    return en and "vbcheck: new-rule takes one rule id GROUP/NAME (letters, digits, - and _)\n"
      or "vbcheck: new-rule cần một mã quy tắc NHÓM/TÊN (chữ, số, - và _)\n", 2
  end
  local dir = rule_dir(opts)
  local rule_path = dir .. "/" .. id .. ".lua"
  local spec_path = dir .. "/spec/" .. id .. "_spec.lua"
  for _, p in ipairs { rule_path, spec_path } do
    if exists(p) then
      local msg = en and "vbcheck: %s exists already: nothing written\n" or "vbcheck: %s đã có: không ghi gì\n"
      return msg:format(p), 2
    end
  end
  local group = id:match("^[^/]+")
  for _, p in ipairs { { dir .. "/" .. group, rule_path, RULE:format(id, id) },
    { dir .. "/spec/" .. group, spec_path, SPEC:format(id, id) } } do
    local ok, err = mkdirs(p[1])
    if ok then ok, err = write(p[2], p[3]) end
    if not ok then return "vbcheck: " .. p[2] .. ": " .. tostring(err) .. "\n", 2 end
  end
  local msg = en
    and "wrote %s and %s\nnext: edit the rule, run `vbcheck test %s`, then `vbcheck --rules %s check FILE`\n"
    or "đã ghi %s và %s\ntiếp theo: sửa quy tắc, chạy `vbcheck test %s`, rồi `vbcheck --rules %s check TỆP`\n"
  return msg:format(rule_path, spec_path, dir, dir), 0
end

function M.test(opts, paths)
  local en = opts.lang == "en"
  local dir = opts.paths and opts.paths[1] or paths[1] or "."
  if core.stat(dir) ~= "dir" then
    return (en and "vbcheck: %s: not a folder\n" or "vbcheck: %s: không phải thư mục\n"):format(dir), 2
  end
  -- the rules the specs find: the folder's configuration, else the folder
  local testing = require "vbcheck.testing"
  local p = core.stat(dir .. "/" .. config.NAME) == "file" and dir .. "/" .. config.NAME
  local cfg, err
  if p then
    cfg, err = config.load(p, opts.lang)
    if not cfg then return "vbcheck: " .. err .. "\n", 2 end
  end
  testing.dirs = cfg and #cfg.rules > 0 and cfg.rules or { dir }
  -- DIR/spec and each rule folder's spec/, each once
  local specs, seen = {}, {}
  local candidates = { dir .. "/spec" }
  for _, d in ipairs(testing.dirs) do candidates[#candidates + 1] = d .. "/spec" end
  for _, d in ipairs(candidates) do
    local abs = core.abspath(d)
    if core.stat(d) == "dir" and not seen[abs] then
      seen[abs] = true
      specs[#specs + 1] = d
    end
  end
  if #specs == 0 then
    return (en and "vbcheck: no spec/ folder in %s\n" or "vbcheck: %s không có thư mục spec/\n"):format(dir), 2
  end
  local ok, runner = pcall(require, "busted.runner")
  if not ok then
    return en and "vbcheck: Busted is not installed (apt-get install lua-busted)\n"
      or "vbcheck: chưa cài Busted (apt-get install lua-busted)\n", 2
  end
  -- Busted reads its command line from the global `arg`
  -- (--ignore-lua: a .busted here may name an interpreter; we are it)
  local argv = { [0] = "vbcheck test", "--ignore-lua" }
  for _, s in ipairs(specs) do argv[#argv + 1] = s end
  _G.arg = argv -- luacheck: ignore 122
  runner { standalone = false }
  return "", 0
end

return M
