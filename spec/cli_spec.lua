-- The vbcheck program: exit codes, messages, JSON of `parse`.
local bin = os.getenv("VBCHECK_BIN") or "build/vbcheck"
local dkjson = require "dkjson"

local function run(args)
  local p = io.popen(bin .. " " .. args .. " 2>&1; echo \"::$?\"")
  local out = p:read("a")
  p:close()
  local body, code = out:match("^(.-)::(%d+)%s*$")
  return body, tonumber(code)
end

local function tmpfile(content)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(content)
  f:close()
  return path
end

describe("vbcheck parse", function()
  it("prints the model as JSON with null for absent elements", function()
    local out, code = run("parse --format json spec/fixtures/seeds/003_801a75eec3dce3ad.txt")
    assert.equal(0, code)
    local doc = assert(dkjson.decode(out, 1, dkjson.null))
    assert.equal("state", doc.family)
    assert.equal(dkjson.null, doc.number)
    assert.equal("thong-bao", doc.doc_type.code)
  end)

  it("exits 2 with a Vietnamese message for invalid UTF-8", function()
    local good = "Số: 12/UBND\n"
    local path = tmpfile(good .. "\xFA\xFB")
    local out, code = run("parse " .. path)
    os.remove(path)
    assert.equal(2, code)
    assert.truthy(out:find("không phải UTF-8 hợp lệ tại byte " .. #good, 1, true))
  end)

  it("speaks English with --lang en", function()
    local out, code = run("parse --lang en /nonexistent/file.txt")
    assert.equal(2, code)
    assert.truthy(out:find("no such file", 1, true))
  end)

  it("says a directory is not a file", function()
    local out, code = run("parse spec")
    assert.equal(2, code)
    assert.truthy(out:find("là thư mục", 1, true))
  end)

  it("rejects unknown options with exit 2", function()
    local _, code = run("check --bogus x")
    assert.equal(2, code)
  end)

  it("refuses an unknown format and a missing config file with exit 2", function()
    local out, code = run("check --format pdf examples")
    assert.equal(2, code)
    assert.truthy(out:find("định dạng không hợp lệ", 1, true))
    out, code = run("check --config no-such-config.lua examples")
    assert.equal(2, code)
    assert.truthy(out:find("no-such-config.lua: không đọc được tệp cấu hình", 1, true), out)
    local help = run("--help")
    for _, f in ipairs { "json", "sarif", "junit", "github", "html", "--config", "--no-config" } do
      assert.truthy(help:find(f, 1, true), f)
    end
  end)

  it("refuses a FIFO named like a document instead of waiting for a writer", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert(os.execute("mkdir " .. dir .. " && mkfifo " .. dir .. "/pipe.txt"))
    local out, code = run("check " .. dir .. "/pipe.txt examples/cong-van-so-y-te.txt")
    os.execute("rm -rf " .. dir)
    assert.equal(2, code)
    assert.truthy(out:find("không phải tệp thông thường", 1, true))
    -- the other file was still checked
    assert.truthy(out:find("Đã kiểm tra 2 tệp", 1, true))
  end)

  it("answers --help and --version", function()
    local out, code = run("--help")
    assert.equal(0, code)
    assert.truthy(out:find("vbcheck parse", 1, true))
    out = run("--version")
    assert.truthy(out:find("^vbcheck %d"))
  end)
end)

describe("vbcheck check and tasks", function()
  it("exits 1 on error findings and 2 when a file is unreadable, still reporting the rest", function()
    local out, code = run("check --no-color spec/fixtures/seeds/004_bdcb37579fc0a953.txt")
    assert.equal(1, code)
    assert.truthy(out:find("004_bdcb37579fc0a953.txt:%d+:%d+: error: .- %[signer/name%-missing%]"))
    out, code = run("check --format json spec/fixtures/seeds/004_bdcb37579fc0a953.txt /nonexistent.txt")
    assert.equal(2, code)
    local res = assert(dkjson.decode(out))
    assert.equal(1, res.summary.unreadable)
    assert.truthy(#res.files[1].findings > 0)
  end)

  it("lists tasks as CSV with the deadline of seed 001 item 5", function()
    local out, code = run("tasks --format csv --as-of 2021-05-01 spec/fixtures/seeds/001_794841c1d5532eea.txt")
    assert.equal(0, code)
    assert.truthy(out:find("2021-05-20", 1, true))
  end)
end)
