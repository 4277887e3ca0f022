--- Configuration files: `.vbcheck.lua`, found from each checked file's
-- folder upwards (`--config FILE` names one for every file, `--no-config`
-- ignores them). The file is Lua, run in the rules' sandbox, and returns a
-- table:
--
--   return {
--     rules = { "rules" },                      -- extra rule folders, relative to this file
--     enable = { "policy/*" }, disable = { "format/*" },
--     severity = { ["task/deadline-missing"] = "error" },   -- or "off"
--     stage = "draft", lang = "vi",
--     agencies = { "Ban Quản lý các khu công nghiệp tỉnh" }, -- extra bodies for tasks
--     options = { ["recipients/required"] = { "Lưu: VT" } }, -- handed to one rule as ctx.options
--     limits = { instructions = 5e8, memory = 256 * 1024 * 1024 }, -- per rule per document
--     overrides = { { files = "drafts/**", stage = "draft", disable = { "number/blank" } } },
--   }
--
-- Precedence, lowest first: the rule's defaults, the file, each matching
-- override in order, the command line. A wrong key or type is an error
-- naming the file and the line.
local core = require "vbcheck.core"
local runner = require "vbcheck.runner"

local M = { NAME = ".vbcheck.lua" }

local MSG = {
  vi = {
    read = "không đọc được tệp cấu hình: %s",
    ret = "tệp cấu hình phải trả về một bảng (return { ... })",
    key = "khóa không hợp lệ '%s' (các khóa: %s)",
    type = "'%s' phải là %s",
    rule = "'%s': không có quy tắc này",
    failed = "tệp cấu hình bị lỗi: %s",
  },
  en = {
    read = "cannot read the configuration file: %s",
    ret = "the configuration file must return a table (return { ... })",
    key = "unknown key '%s' (keys: %s)",
    type = "'%s' must be %s",
    rule = "'%s': no such rule",
    failed = "the configuration file failed: %s",
  },
}

local WHAT = {
  vi = { strings = "một danh sách chuỗi", stage = '"draft" hoặc "issued"', lang = '"vi" hoặc "en"',
    severities = 'một bảng { ["nhóm/quy-tắc"] = "error" | "warning" | "info" | "off" }',
    options = 'một bảng { ["nhóm/quy-tắc"] = giá trị }', limits = "{ instructions = số, memory = số byte }",
    overrides = "một danh sách { files = ..., ... }", files = "một mẫu đường dẫn hoặc danh sách mẫu",
    positive = "một số nguyên dương" },
  en = { strings = "a list of strings", stage = '"draft" or "issued"', lang = '"vi" or "en"',
    severities = 'a table { ["group/rule"] = "error" | "warning" | "info" | "off" }',
    options = 'a table { ["group/rule"] = value }', limits = "{ instructions = number, memory = bytes }",
    overrides = "a list of { files = ..., ... }", files = "a path pattern or a list of patterns",
    positive = "a positive integer" },
}

-- The keys and their kinds; overrides take the same keys but these three.
local KEYS = { rules = "strings", enable = "strings", disable = "strings", severity = "severities",
  stage = "stage", lang = "lang", agencies = "strings", options = "options", limits = "limits",
  overrides = "overrides" }
local OVERRIDE_KEYS = { files = "files", enable = "strings", disable = "strings", severity = "severities",
  stage = "stage", lang = "lang", options = "options" }

local function key_list(keys)
  local names = {}
  for k in pairs(keys) do names[#names + 1] = k end
  table.sort(names)
  return table.concat(names, ", ")
end

-- The line where key (or a quoted value) first appears: tables keep no
-- lines, the source does.
local function line_of(src, word)
  if not word then return nil end
  local n = 0
  local esc = word:gsub("%p", "%%%0")
  for line in (src .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    local code = line:gsub("%-%-.*$", "")
    if code:find("%f[%w_]" .. esc .. "%f[^%w_]%s*=") or code:find("[\"']" .. esc .. "[\"']") then return n end
  end
  return nil
end

local function is_list_of_strings(v)
  if type(v) ~= "table" then return false end
  for k, x in pairs(v) do
    if math.type(k) ~= "integer" or type(x) ~= "string" then return false end
  end
  return true
end

local SEVERITY = { error = true, warning = true, info = true, off = true }

local CHECK = {
  strings = is_list_of_strings,
  stage = function(v) return v == "draft" or v == "issued" end,
  lang = function(v) return v == "vi" or v == "en" end,
  severities = function(v)
    if type(v) ~= "table" then return false end
    for k, x in pairs(v) do if type(k) ~= "string" or not SEVERITY[x] then return false, k end end
    return true
  end,
  options = function(v)
    if type(v) ~= "table" then return false end
    for k in pairs(v) do if type(k) ~= "string" then return false end end
    return true
  end,
  limits = function(v)
    if type(v) ~= "table" then return false end
    for k, x in pairs(v) do
      if k ~= "instructions" and k ~= "memory" then return false, k end
      if type(x) ~= "number" or x ~= math.floor(x) or x < 1 then return false, k end
    end
    return true
  end,
  files = function(v) return type(v) == "string" or (is_list_of_strings(v) and #v > 0) end,
}

-- Validates t against keys; nil or the offending key and the kind it needed.
local function validate(t, keys, where)
  for k, v in pairs(t) do
    local kind = type(k) == "string" and keys[k]
    if not kind then return "key", tostring(k), where end
    if kind == "overrides" then
      if type(v) ~= "table" then return "type", k, "overrides" end
      for i, o in ipairs(v) do
        if type(o) ~= "table" or o.files == nil then return "type", k, "overrides" end
        local what, key, kind2 = validate(o, OVERRIDE_KEYS, "override")
        if what then return what, key, kind2, i end
      end
    else
      local ok, bad = CHECK[kind](v)
      if not ok then return "type", bad and kind ~= "severities" and k .. "." .. bad or k, kind end
    end
  end
  return nil
end

local function dirname(path)
  return path:match("^(.*)/[^/]*$") or "."
end

local function join(dir, rel)
  if rel:sub(1, 1) == "/" then return rel end
  return core.abspath(dir .. "/" .. rel)
end

--- Load the configuration file path. Returns the configuration: the
-- file's table with `path`, `dir` (absolute), `digest` (of its text),
-- `rules` made absolute, `files` of each override as a list; or nil and a
-- message "path:line: ..." in lang.
function M.load(path, lang)
  local T = MSG[lang] or MSG.vi
  local abs = core.abspath(path)
  local f, oerr = io.open(path, "rb")
  if not f then
    local why = tostring(oerr):gsub("^" .. path:gsub("%p", "%%%0") .. ": ", "")
    return nil, path .. ": " .. T.read:format(why)
  end
  local src = f:read("a")
  f:close()
  if not src then return nil, path .. ": " .. T.read:format("?") end
  local chunk, lerr = load(src, "@" .. path, "t", runner.sandbox())
  if not chunk then return nil, T.failed:format(lerr) end
  local ok, t = runner.run(chunk, path, { budget = runner.DEFAULT_BUDGET, memory = runner.DEFAULT_MEMORY },
    core.memory_cap)
  if not ok then return nil, T.failed:format(tostring(t)) end
  if type(t) ~= "table" then return nil, path .. ": " .. T.ret end
  local what, key, kind = validate(t, KEYS)
  if what then
    local top = key and key:match("^[^.]*")
    local ln = line_of(src, top)
    local at = path .. (ln and ":" .. ln or "") .. ": "
    if what == "key" then
      return nil, at .. T.key:format(key, key_list(kind == "override" and OVERRIDE_KEYS or KEYS))
    end
    return nil, at .. T.type:format(key, (WHAT[lang] or WHAT.vi)[kind] or kind)
  end
  local cfg = { path = abs, dir = dirname(abs), digest = core.sha256(src), src = src, shown = path }
  for k, v in pairs(t) do cfg[k] = v end
  local rules = {}
  for i, d in ipairs(t.rules or {}) do rules[i] = join(cfg.dir, d) end
  cfg.rules = rules
  cfg.overrides = {}
  for i, o in ipairs(t.overrides or {}) do
    local c = {}
    for k, v in pairs(o) do c[k] = v end
    c.files = type(o.files) == "string" and { o.files } or o.files
    cfg.overrides[i] = c
  end
  if t.limits then
    cfg.budget, cfg.memory = math.tointeger(t.limits.instructions), math.tointeger(t.limits.memory)
  end
  return cfg
end

--- The error message for an unknown rule id named in cfg.
function M.unknown_rule(cfg, id, lang)
  local T = MSG[lang] or MSG.vi
  local ln = line_of(cfg.src, id)
  return cfg.shown .. (ln and ":" .. ln or "") .. ": " .. T.rule:format(id)
end

-- Glob matching on "/"-separated paths: `*` and `?` stay within a folder,
-- `**` spans any number of folders (none included).
local function segment_pattern(seg)
  return "^" .. seg:gsub("[%^%$%(%)%%%.%[%]%+%-]", "%%%0"):gsub("%*", "[^/]*"):gsub("%?", "[^/]") .. "$"
end

local function match_parts(pat, pi, path, si)
  if pi > #pat then return si > #path end
  if pat[pi] == "**" then
    for k = si, #path + 1 do
      if match_parts(pat, pi + 1, path, k) then return true end
    end
    return false
  end
  if si > #path then return false end
  if not path[si]:find(segment_pattern(pat[pi])) then return false end
  return match_parts(pat, pi + 1, path, si + 1)
end

local function split(p)
  local parts = {}
  for seg in p:gmatch("[^/]+") do if seg ~= "." then parts[#parts + 1] = seg end end
  return parts
end

--- Whether rel (a path relative to the configuration's folder) matches
-- glob. A glob without "/" matches the file name in any folder.
function M.match(glob, rel)
  local g = glob:gsub("/$", "/**")
  if not g:find("/", 1, true) then g = "**/" .. g end
  return match_parts(split(g), 1, split(rel), 1)
end

--- The nearest configuration file from folder dir upwards, or nil.
function M.find(dir)
  local d = core.abspath(dir)
  while true do
    local p = (d == "/" and "" or d) .. "/" .. M.NAME
    if core.stat(p) == "file" then return p end
    if d == "/" or d == "" then return nil end
    d = dirname(d)
    if d == "" then d = "/" end
  end
end

M.dirname = dirname

-- Settings per file --------------------------------------------------------------

local Resolver = {}
Resolver.__index = Resolver

local function shown(path)
  local cwd = core.abspath(".")
  if path:sub(1, #cwd + 1) == cwd .. "/" then return path:sub(#cwd + 2) end
  return path
end

--- What decides each file's settings for the command line's opts
-- (config, no_config, lang, lang_given, stage, enable, disable, options,
-- rules_dirs). nil, message when --config names a file that does not load.
function M.resolver(opts)
  local lang = opts.lang == "en" and "en" or "vi"
  local r = setmetatable({ opts = opts, lang = lang, by_dir = {}, by_path = {}, settings_by = {},
    base_dirs = require("vbcheck").rule_dirs(opts) }, Resolver)
  if opts.config and not opts.no_config then
    local cfg, err = M.load(opts.config, lang)
    if not cfg then return nil, err end
    r.explicit = cfg
  end
  return r
end

--- The configuration that applies to path: nil when none, or nil and a
-- message when it does not load (every file under it then says so).
function Resolver:config_for(path)
  if self.opts.no_config then return nil end
  if self.explicit then return self.explicit end
  local dir = dirname(core.abspath(path))
  local hit = self.by_dir[dir]
  if hit == nil then
    local p = M.find(dir)
    if p then
      if self.by_path[p] == nil then
        local cfg, err = M.load(shown(p), self.lang)
        self.by_path[p] = cfg or { error = err }
      end
      hit = self.by_path[p]
    else
      hit = false
    end
    self.by_dir[dir] = hit
  end
  if hit and hit.error then return nil, hit.error end
  return hit or nil
end

local function relative(path, dir)
  local abs = core.abspath(path)
  if abs:sub(1, #dir + 1) == dir .. "/" then return abs:sub(#dir + 2) end
  return abs
end

-- The rule ids a configuration layer names, with the set they must be in.
local function check_ids(set, cfg, layer, lang)
  local function known(id)
    if set.by_id[id] then return true end
    if id:sub(-2) == "/*" then
      local g = id:sub(1, -2)
      for _, r in ipairs(set.rules) do if r.id:sub(1, #g) == g then return true end end
    end
    return false
  end
  for _, list in ipairs { layer.enable or {}, layer.disable or {} } do
    for _, id in ipairs(list) do if not known(id) then return M.unknown_rule(cfg, id, lang) end end
  end
  for _, map in ipairs { layer.severity or {}, layer.options or {} } do
    for id in pairs(map) do if not known(id) then return M.unknown_rule(cfg, id, lang) end end
  end
  return nil
end

local function sorted_keys(t)
  local ks = {}
  for k in pairs(t or {}) do ks[#ks + 1] = k end
  table.sort(ks)
  return ks
end

--- The settings for checking path: {set = the rule set, opts = runner
-- options (the command line's, with the configuration's layers applied),
-- config = the configuration or nil, digest = what the findings depend on
-- beyond the file and the rules}; or nil and a message.
function Resolver:settings(path)
  local cfg, err = self:config_for(path)
  if err then return nil, err end
  local matched = {}
  if cfg then
    local rel = relative(path, cfg.dir)
    for i, o in ipairs(cfg.overrides) do
      for _, g in ipairs(o.files) do
        if M.match(g, rel) then
          matched[#matched + 1] = i
          break
        end
      end
    end
  end
  local key = (cfg and cfg.path or "") .. "#" .. table.concat(matched, ",")
  local hit = self.settings_by[key]
  if hit then
    if hit.error then return nil, hit.error end
    return hit
  end
  local s, serr = self:build(cfg, matched)
  self.settings_by[key] = s or { error = serr }
  return s, serr
end

function Resolver:build(cfg, matched)
  local opts = self.opts
  local dirs = {}
  for i, d in ipairs(self.base_dirs) do dirs[i] = d end
  for _, d in ipairs(cfg and cfg.rules or {}) do dirs[#dirs + 1] = d end
  local set, err = require("vbcheck").rules(dirs)
  if not set then return nil, err end
  local toggles, severity, options = {}, {}, {}
  local stage, lang
  local function add(list, on)
    for _, id in ipairs(list or {}) do toggles[#toggles + 1] = { id, on } end
  end
  local function layer(c)
    local bad = check_ids(set, cfg, c, self.lang)
    if bad then return bad end
    add(c.disable, false)
    add(c.enable, true)
    -- a severity turns its rule on ("off" turns it off), as in ESLint
    for _, id in ipairs(sorted_keys(c.severity)) do
      local sv = c.severity[id]
      toggles[#toggles + 1] = { id, sv ~= "off" }
      if sv ~= "off" then severity[id] = sv end
    end
    for id, o in pairs(c.options or {}) do options[id] = o end
    stage, lang = c.stage or stage, c.lang or lang
    return nil
  end
  if cfg then
    local bad = layer(cfg)
    for _, i in ipairs(matched) do bad = bad or layer(cfg.overrides[i]) end
    if bad then return nil, bad end
  end
  -- the command line has the last word
  add(opts.disable, false)
  add(opts.enable, true)
  for id, o in pairs(opts.options or {}) do options[id] = o end
  stage = opts.stage or stage or "draft"
  if opts.lang_given or not lang then lang = opts.lang end
  local eff = { stage = stage, lang = lang, toggles = toggles, severity = severity, options = options,
    budget = cfg and cfg.budget, memory = cfg and cfg.memory, agencies = cfg and cfg.agencies }
  -- options may hold what JSON cannot say (a function): such a file is
  -- then never replayed from the cache, which is slow but right
  local ok, text = pcall(core.json, eff)
  local digest = core.sha256((ok and text or tostring(eff)) .. "\n" .. (cfg and cfg.digest or ""))
  return { set = set, opts = setmetatable(eff, { __index = opts }), config = cfg, digest = digest }
end

return M
