-- Parallel runs and exit status across formats: on 200 generated documents
-- (scripts/bench-gen.py) every format gives the same bytes with -j 4 as
-- with -j 1, and every format exits with the same status on the same input,
-- including 2 for a folder holding an unreadable file.
local dkjson = require "dkjson"
local cli = require "helpers.cli"
local run, quote = cli.run, cli.quote

-- text without colour, so that its bytes do not depend on a tty
local FORMATS = { text = "--no-color", json = "", sarif = "", junit = "", github = "", html = "" }
local NAMES = { "text", "json", "sarif", "junit", "github", "html" }

local function check(fmt, j, paths)
  return run(string.format("check -j %d --format %s %s %s", j, fmt, FORMATS[fmt], paths))
end

-- each format's run on the corpus, made once whichever test asks first:
-- the corpus is the slow input
local cached = {}
local function on_corpus(corpus, fmt, j)
  local key = fmt .. j
  if not cached[key] then
    local out, code = check(fmt, j, quote(corpus))
    cached[key] = { out, code }
  end
  return cached[key][1], cached[key][2]
end

describe("parallel runs and exit status", function()
  local corpus, broken, remove

  setup(function()
    local dir
    dir, remove = cli.tmpdir()
    corpus = dir .. "/corpus"
    assert(os.execute("python3 scripts/bench-gen.py corpus " .. quote(corpus) .. " 200 >/dev/null"))
    -- a few good documents and one that cannot be read (binary bytes)
    broken = dir .. "/broken"
    assert(os.execute("mkdir -p " .. quote(broken) .. " && cp examples/*.txt " .. quote(broken)))
    local f = assert(io.open(broken .. "/zz-binary.txt", "wb"))
    f:write("\0\1\2\255PK\3\4\0\0\0")
    f:close()
  end)

  teardown(function() if remove then remove() end end)

  it("generated 200 documents, and JSON reports each of them", function()
    local js = on_corpus(corpus, "json", 1)
    assert.equal(200, #assert(dkjson.decode(js)).files)
  end)

  for _, fmt in ipairs(NAMES) do
    it("--format " .. fmt .. ": -j 4 gives the same bytes as -j 1 on 200 documents", function()
      local one, c1 = on_corpus(corpus, fmt, 1)
      local four, c4 = on_corpus(corpus, fmt, 4)
      assert.is_true(#one > 10000)
      assert.equal(c1, c4)
      assert.is_true(one == four, fmt .. ": -j 4 differs from -j 1")
    end)
  end

  it("every format exits with the same status on the corpus, a clean file, a missing path", function()
    for _, fmt in ipairs(NAMES) do
      local _, code = on_corpus(corpus, fmt, 1)
      assert.equal(1, code, fmt .. " on the corpus")
    end
    local cases = {
      { "examples/cong-van-so-y-te.txt", 0 },
      { "examples", 1 },
      { "examples/cong-van-so-y-te.txt /nonexistent/missing.txt", 2 },
    }
    for _, c in ipairs(cases) do
      for _, fmt in ipairs(NAMES) do
        local _, code = check(fmt, 2, c[1])
        assert.equal(c[2], code, fmt .. " on " .. c[1])
      end
    end
  end)

  it("every format exits 2 on a folder with an unreadable file, the same bytes with -j 4", function()
    for _, fmt in ipairs(NAMES) do
      local one, c1 = check(fmt, 1, quote(broken))
      local four, c4 = check(fmt, 4, quote(broken))
      assert.equal(2, c1, fmt)
      assert.equal(2, c4, fmt)
      assert.is_true(one == four, fmt .. ": -j 4 differs from -j 1")
    end
  end)

  it("writes a format's separator whole, whatever its length", function()
    -- a copy of the Lua files whose JSON format declares a 41-byte separator
    local home, rm = cli.tmpdir()
    assert(os.execute("cp -r lua rules " .. quote(home)))
    local path = home .. "/lua/vbcheck/report/json.lua"
    local h = assert(io.open(path, "rb"))
    local src = h:read("a")
    h:close()
    local n
    src, n = src:gsub('separator = ","', 'separator = string.rep(" ", 40) .. ","')
    assert.equal(1, n)
    h = assert(io.open(path, "wb"))
    h:write(src)
    h:close()
    local env = "VBCHECK_HOME=" .. quote(home)
    local one = run("check -j 1 --format json examples", env)
    local four = run("check -j 4 --format json examples", env)
    rm()
    local _, seps = one:gsub(string.rep(" ", 40) .. ",", "")
    local files = #assert(dkjson.decode(one)).files
    assert.is_true(files >= 3)
    assert.equal(files - 1, seps)
    assert.equal(one, four)
  end)
end)
