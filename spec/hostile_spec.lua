-- Hostile and degenerate inputs (issue 11): each case names the message
-- the user sees and the exit status. Large inputs are generated into a
-- temporary folder and removed afterwards; nothing big is committed.
local cli = require "helpers.cli"
local dkjson = require "dkjson"
local vb = require "vbcheck"

local bin = cli.bin

-- Run vbcheck with stdout and stderr together (unreadable files are
-- reported on stderr in the text format); returns the output and status.
local function run(args)
  local p = io.popen(bin .. " " .. args .. " 2>&1; echo \"::$?\"")
  local out = p:read("a")
  p:close()
  local body, code = out:match("^(.-)::(%d+)%s*$")
  return body, tonumber(code)
end

local function sh(cmd)
  local ok = os.execute(cmd)
  assert(ok, "command failed: " .. cmd)
end

-- A fresh temporary folder (os.tmpname gives a unique file name).
local function tmpdir()
  local name = os.tmpname()
  os.remove(name)
  sh("mkdir " .. name)
  return name
end

local function write(path, content)
  local f = assert(io.open(path, "wb"))
  f:write(content)
  f:close()
  return path
end

local function json(args)
  local out, code = cli.run(args)
  return assert(dkjson.decode(out, 1, dkjson.null)), code
end

-- Root reads anything, so the permission test needs another user: as root
-- (CI) it drops to nobody with setpriv when that works from here, and is
-- pending otherwise.
local root = tostring(io.popen("id -u"):read("l")) == "0"
local SETPRIV = "setpriv --reuid=65534 --regid=65534 --clear-groups "
local as_user = not root and "" or
  (os.execute(SETPRIV .. bin .. " --version >/dev/null 2>&1") and SETPRIV or nil)

describe("hostile input", function()
  local dir
  setup(function() dir = tmpdir() end)
  teardown(function() sh("rm -rf " .. dir) end)

  -- every unreadable case below: the message, and exit status 2
  local function refused(path, fragment, lang)
    local out, code = run("check " .. (lang == "en" and "--lang en " or "") .. path)
    assert.equal(2, code)
    assert.truthy(out:find(fragment, 1, true), out)
    return out
  end

  describe("empty and blank", function()
    it("an empty file is an input error", function()
      refused(write(dir .. "/empty.txt", ""), "tệp rỗng hoặc chỉ có khoảng trắng")
    end)
    it("a file of whitespace only is an input error, in English too", function()
      local p = write(dir .. "/blank.txt", " \t\n\r\n \f\n\n")
      refused(p, "tệp rỗng")
      refused(p, "empty or only whitespace", "en")
    end)
  end)

  describe("size", function()
    it("refuses 50 MB of text with the limit in the message", function()
      local p = dir .. "/big.txt"
      -- 50 MB, written in 1 MB chunks
      local f = assert(io.open(p, "wb"))
      local chunk = string.rep("Điều 1. Ủy ban nhân dân tỉnh chỉ đạo các sở.\n", 1024 * 1024 // 52)
      for _ = 1, 50 do f:write(chunk) end
      f:close()
      refused(p, "quá lớn: giới hạn là 16 MiB chữ")
      refused(p, "too large: the limits are 16 MiB of text", "en")
      os.remove(p)
    end)

    it("refuses more than 2^20 lines with its own message", function()
      local p = write(dir .. "/lines.txt", "CHỈ THỊ\n" .. string.rep("\n", 2 * 1024 * 1024))
      refused(p, "quá nhiều dòng: giới hạn là 1048576 dòng")
      refused(p, "too many lines", "en")
      os.remove(p)
    end)

    it("checks a single 10 MB line (under the limit) to the end", function()
      local p = write(dir .. "/line.txt",
        "CHỈ THỊ\n" .. string.rep("Ủy ban nhân dân tỉnh đề nghị các sở thực hiện ", 10 * 1024 * 1024 // 50) .. "\n")
      local doc, code = json("check --format json " .. p)
      assert.equal(1, code) -- a bare text misses its header: errors, not a crash
      assert.equal(1, doc.summary.files)
      assert.equal(0, doc.summary.unreadable)
      os.remove(p)
    end)

    it("reads 100 000 numbered items, every one of them", function()
      local t = { "ỦY BAN NHÂN DÂN\nCHỈ THỊ\n" }
      for i = 1, 100000 do t[#t + 1] = i .. ". Nội dung thứ " .. i .. ".\n" end
      local p = write(dir .. "/items.txt", table.concat(t))
      local doc = assert(vb.parse_file(p))
      -- "10000." and beyond are items too (a 4-digit cap used to fold them
      -- all into item 9999)
      assert.equal(100000, #doc.items)
      assert.equal("100000.", doc.items[100000].label)
      assert.equal(100002, doc.items[100000].line)
      local _, ccode = run("check " .. p)
      assert.equal(1, ccode)
      os.remove(p)
    end)

    it("builds an item's text once however many paragraphs it has", function()
      -- 5 000 paragraphs under one item used to copy the item's text again
      -- for each paragraph and run out of memory at 200 KB of input
      local t = { "CHỈ THỊ\n1. Các nội dung sau:\n\n" }
      for i = 1, 5000 do t[#t + 1] = "Đoạn thứ " .. i .. " của mục một.\n\n" end
      t[#t + 1] = "2. Hết.\n"
      local doc = assert(vb.parse_file(write(dir .. "/cont.txt", table.concat(t))))
      assert.equal(2, #doc.items)
      assert.truthy(doc.items[1].text:find("Đoạn thứ 5000 của mục một.", 1, true))
    end)

    it("reads a header line repeating 'Số: 12/QĐ-UBND' 100 000 times", function()
      -- each number handed the rest of the line back to the header parser,
      -- one recursion level per repetition: a stack overflow (SIGSEGV)
      local p = write(dir .. "/numbers.txt", string.rep("Số: 12/QĐ-UBND ", 100000) .. "\n")
      local _, code = run("check " .. p)
      assert.equal(1, code)
      local _, code2 = run("check " .. write(dir .. "/national.txt",
        string.rep("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ", 50000) .. "\n"))
      assert.equal(1, code2)
    end)

    it("reads one line of 20 000 citations", function()
      -- columns were counted from the line start for every span: quadratic
      local t = {}
      for i = 1, 20000 do t[i] = "Căn cứ Nghị định số " .. i .. "/2020/NĐ-CP ngày 05/3/2020 của Chính phủ; " end
      local line = table.concat(t)
      local doc = assert(vb.parse_file(write(dir .. "/refs.txt", "CHỈ THỊ\n" .. line .. "\n")))
      assert.truthy(#doc.references >= 2)
      -- the block-counted columns are code points, as before
      for _, r in ipairs({ doc.references[1], doc.references[#doc.references] }) do
        local at = assert(line:find(r.number, 1, true))
        assert.equal(2, r.line)
        assert.equal(utf8.len(line:sub(1, at - 1)) + 1, r.column)
      end
    end)

    pending("a single item of 8 000 task lines: task extraction is quadratic (tasks.lua scans every deadline "
      .. "of the unit for each task: 2 000 lines 0.85 s, 8 000 lines 12.6 s); owned by the tasks engineer")
  end)

  describe("deep nesting", function()
    local function count(items, depth, acc)
      for _, it in ipairs(items) do
        acc.n = acc.n + 1
        if depth > acc.depth then acc.depth = depth end
        count(it.children, depth + 1, acc)
      end
      return acc
    end

    it("keeps 10 000 mixed labels (1. a) - + I. *) and bounds the tree", function()
      local kinds = { "1.", "a)", "-", "+", "I.", "*" }
      local t = { "CHỈ THỊ\n" }
      for i = 0, 9999 do t[#t + 1] = kinds[i % #kinds + 1] .. " mục " .. i .. ";\n" end
      local doc = assert(vb.parse_file(write(dir .. "/mix.txt", table.concat(t))))
      local acc = count(doc.items, 1, { n = 0, depth = 0 })
      assert.equal(10000, acc.n)
      assert.truthy(acc.depth <= 17) -- body.c nests at most 16 levels
    end)

    it("reads a label 10 000 levels deep (1.1.1...) and a ladder of 1 500", function()
      local t = { "CHỈ THỊ\n1. Mở đầu.\n" }
      for d = 2, 1500 do t[#t + 1] = string.rep("1.", d) .. " mục;\n" end
      t[#t + 1] = string.rep("1.", 10000) .. " cuối.\n"
      local doc = assert(vb.parse_file(write(dir .. "/deep.txt", table.concat(t))))
      local acc = count(doc.items, 1, { n = 0, depth = 0 })
      assert.equal(1501, acc.n)
      assert.truthy(acc.depth <= 17)
    end)
  end)

  describe("encodings", function()
    it("refuses NUL bytes with their offset", function()
      refused(write(dir .. "/nul.txt", "CHỈ THỊ\nabc\0def\n"), "tệp nhị phân (byte NUL tại vị trí 15)")
    end)
    it("refuses invalid UTF-8 with its offset", function()
      refused(write(dir .. "/bad.txt", "CHỈ THỊ\nab\xff\n"), "không phải UTF-8 hợp lệ tại byte 14")
    end)
    it("refuses overlong UTF-8 (C0 AF for '/', E0 80 AF)", function()
      refused(write(dir .. "/over1.txt", "ab\xc0\xafcd\n"), "không phải UTF-8 hợp lệ tại byte 2")
      refused(write(dir .. "/over2.txt", "ab\xe0\x80\xafcd\n"), "not valid UTF-8 at byte 2", "en")
    end)
    it("refuses UTF-8-encoded surrogates (ED A0 80)", function()
      refused(write(dir .. "/sur8.txt", "ab\xed\xa0\x80\n"), "không phải UTF-8 hợp lệ tại byte 2")
    end)
    it("reads UTF-16 with a BOM, both byte orders", function()
      -- "Số: 1" in UTF-16 LE and BE
      local le = "\xff\xfeS\x00\xd1\x1e:\x00 \x001\x00\n\x00"
      local be = "\xfe\xff\x00S\x1e\xd1\x00:\x00 \x001\x00\n"
      for _, bytes in ipairs({ le, be }) do
        local doc, code = json("parse --format json " .. write(dir .. "/u16.txt", bytes))
        assert.equal(0, code)
        assert.equal("Số: 1", doc.lines[1])
      end
    end)
    it("refuses a lone surrogate in UTF-16", function()
      -- LE: 'a', then D800 not followed by a low surrogate, then 'b'
      refused(write(dir .. "/lone.txt", "\xff\xfea\0\0\xd8b\0"), "UTF-16 không hợp lệ tại byte 4")
      -- a low surrogate first
      refused(write(dir .. "/low.txt", "\xfe\xff\0a\xdc\0\0b"), "invalid UTF-16 at byte 4 (a lone surrogate", "en")
      -- odd length
      refused(write(dir .. "/odd.txt", "\xff\xfea\0b"), "UTF-16 không hợp lệ")
    end)
    it("names a binary file given as .txt", function()
      local png = write(dir .. "/image.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
      refused(png, "không phải văn bản chữ mà là tệp PNG")
      refused(write(dir .. "/doc.txt", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), "a PDF file", "en")
      -- bytes with a NUL after invalid UTF-8: binary, not a legacy encoding
      refused(write(dir .. "/rand.txt", "\x93\x11\xfa\x02\0\x85"), "tệp nhị phân")
      sh("head -c 4096 " .. bin .. " > " .. dir .. "/prog.txt")
      refused(dir .. "/prog.txt", "tệp ELF")
    end)
  end)

  describe(".docx", function()
    it("clamps absurd page sizes and margins (labs(LONG_MIN) was undefined)", function()
      -- also in spec/fuzz/regress/docx/, replayed under UBSan by scripts/test
      local p = dir .. "/absurd.docx"
      sh("cp spec/fuzz/regress/docx/absurd-page-size.docx " .. p)
      local doc = assert(vb.parse_file(p))
      assert.equal(176388.9, doc.page.width) -- 10^7 twips, the clamp
      assert.equal(176388.9, doc.page.height)
      assert.equal(176388.9, doc.page.margins.top)
      assert.equal(0, doc.page.margins.left) -- "12x" is no number
      local out, code = run("check " .. p)
      assert.equal(1, code)
      assert.truthy(out:find("Khổ giấy 176388,9 x 176388,9 mm", 1, true), out)
    end)
  end)

  describe("line ends", function()
    it("counts LF, CRLF and lone CR alike: the same findings on the same lines", function()
      local src = assert(io.open("examples/thong-bao-huyen-uy-loi.txt", "rb")):read("a")
      local lines = {}
      for l in (src:gsub("\r\n", "\n") .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = l end
      local ends = { "\n", "\r\n", "\r" }
      local mixed = {}
      local prev
      for i, l in ipairs(lines) do
        -- a lone CR then an empty line's LF would read as one CRLF
        local e = (prev == "\r" and l == "") and "\r" or ends[i % 3 + 1]
        mixed[#mixed + 1] = l .. e
        prev = e
      end
      local a = json("check --format json " .. write(dir .. "/lf.txt", table.concat(lines, "\n") .. "\n"))
      local b = json("check --format json " .. write(dir .. "/mixed.txt", table.concat(mixed)))
      local fa, fb = a.files[1].findings, b.files[1].findings
      assert.truthy(#fa > 0)
      assert.equal(#fa, #fb)
      for i = 1, #fa do
        assert.same({ fa[i].rule, fa[i].line, fa[i].column, fa[i].end_line, fa[i].end_column },
          { fb[i].rule, fb[i].line, fb[i].column, fb[i].end_line, fb[i].end_column })
      end
      local doc = json("parse --format json " .. dir .. "/mixed.txt")
      assert.equal(#lines, #doc.lines)
    end)
  end)

  describe("the walk", function()
    local good = "examples/cong-van-so-y-te.txt"

    it("reports a symbolic link loop and checks the other files", function()
      local d = dir .. "/loop"
      sh("mkdir -p " .. d .. "/a && ln -s .. " .. d .. "/a/up && ln -s self.txt " .. d .. "/self.txt && cp "
        .. good .. " " .. d .. "/ok.txt")
      local out, code = run("check " .. d)
      assert.equal(2, code)
      assert.truthy(out:find("self.txt: lỗi: vòng lặp liên kết tượng trưng", 1, true), out)
      assert.truthy(out:find("Đã kiểm tra 2 tệp", 1, true), out) -- ok.txt, self.txt; a/up not followed
      -- named on the command line, the loop is reported the same way
      refused(d .. "/self.txt", "symbolic link loop", "en")
    end)

    it("reports a folder nested too deep to open and checks the rest", function()
      local d = dir .. "/deep"
      local name = string.rep("d", 200)
      -- cd step by step (-P: dash's logical cd gives up past PATH_MAX); a
      -- single path this long cannot be named at all
      sh("mkdir " .. d .. " && cp " .. good .. " " .. d .. "/ok.txt && cd " .. d .. " && for i in $(seq 25); do "
        .. "mkdir " .. name .. " && cd -P " .. name .. " && printf 'CHỈ THỊ\\n' > doc.txt || exit 1; done")
      local out, code = run("check " .. d)
      assert.equal(2, code)
      assert.truthy(out:find("đường dẫn quá dài (quá 4096 byte): thư mục lồng quá sâu", 1, true))
      -- ok.txt and the doc.txt of every level that can still be named
      local n = tonumber(out:match("Đã kiểm tra (%d+) tệp"))
      assert.truthy(n and n > 15, out:sub(-300))
      assert.truthy(out:find("1 tệp không đọc được", 1, true))
      local en = run("check --lang en " .. d)
      assert.truthy(en:find("path too long (over 4096 bytes)", 1, true))
    end)

    it("reports a path that does not exist among existing ones", function()
      local out, code = run("check " .. good .. " " .. dir .. "/gone.txt examples/du-thao-chi-thi.md")
      assert.equal(2, code)
      assert.truthy(out:find("gone.txt: lỗi: không tìm thấy tệp", 1, true), out)
      assert.truthy(out:find("Đã kiểm tra 3 tệp", 1, true), out)
      assert.truthy(out:find("1 tệp không đọc được", 1, true), out)
    end)

    it("reports a file that vanished between the walk and the read", function()
      -- a dangling link is what the reader meets when a file listed by the
      -- walk is deleted before it is opened: the walk saw an entry, the open
      -- finds nothing
      local d = dir .. "/vanish"
      sh("mkdir " .. d .. " && cp " .. good .. " " .. d .. "/a.txt && ln -s deleted.txt " .. d .. "/b.txt")
      local out, code = run("check " .. d)
      assert.equal(2, code)
      assert.truthy(out:find("b.txt: lỗi: không tìm thấy tệp", 1, true), out)
      assert.truthy(out:find("Đã kiểm tra 2 tệp", 1, true), out)
    end)

    it("refuses a FIFO named like a document inside a folder, without waiting", function()
      local d = dir .. "/fifo"
      sh("mkdir " .. d .. " && mkfifo " .. d .. "/pipe.txt && cp " .. good .. " " .. d .. "/a.txt")
      local out, code = run("check " .. d)
      assert.equal(2, code)
      assert.truthy(out:find("pipe.txt: lỗi: không phải tệp thông thường", 1, true), out)
    end)

    local perm = as_user and it or pending
    perm("reports a file and a folder it may not read (as root: run as nobody, or pending)", function()
      local d = dir .. "/perm"
      sh("mkdir -p " .. d .. "/closed && cp " .. good .. " " .. d .. "/open.txt && cp " .. good .. " " .. d
        .. "/secret.txt && cp " .. good .. " " .. d .. "/closed/x.txt && chmod 000 " .. d .. "/secret.txt " .. d
        .. "/closed")
      local p = io.popen(as_user .. bin .. " check " .. d .. " 2>&1; echo \"::$?\"")
      local out, code = p:read("a"):match("^(.-)::(%d+)%s*$")
      p:close()
      code = tonumber(code)
      sh("chmod 755 " .. d .. "/closed && chmod 644 " .. d .. "/secret.txt")
      assert.equal(2, code)
      assert.truthy(out:find("secret.txt: lỗi: không có quyền đọc tệp", 1, true), out)
      assert.truthy(out:find("closed: lỗi: không có quyền đọc tệp", 1, true), out)
      assert.truthy(out:find("Đã kiểm tra 3 tệp", 1, true), out)
    end)
  end)
end)
