-- `--format html`: a self-contained page holding every finding at its
-- line, checked in Python's HTML parser and in headless Chromium (which
-- also leaves a screenshot in the build folder for a person to look at).
local dkjson = require "dkjson"
local cli = require "helpers.cli"
local run = cli.run

-- Every .finding element's (rule, line, severity), and what would make the
-- page depend on the network.
local PARSE = [==[
import json, sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.found = []; self.external = []; self.charset = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("charset", "").lower() == "utf-8": self.charset = True
        for k in ("src", "href"):
            v = a.get(k)
            if v and not v.startswith("#"): self.external.append(v)
        if tag == "link": self.external.append("link")
        if "finding" in (a.get("class") or "").split():
            self.found.append([a["data-rule"], int(a["data-line"]), a["data-severity"]])
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps({"found": p.found, "external": p.external, "charset": p.charset}))
]==]

local PATHS = "spec/fixtures/seeds examples /nonexistent/x.txt"

local function expected()
  local js = run("check --format json " .. PATHS)
  local want = {}
  for _, file in ipairs(assert(dkjson.decode(js)).files) do
    for _, f in ipairs(file.findings) do want[#want + 1] = { f.rule, f.line, f.severity } end
  end
  return want
end

describe("--format html", function()
  it("holds every finding, needs no network, declares UTF-8; same exit status as JSON", function()
    local page, code = run("check --format html " .. PATHS)
    local _, jcode = run("check --format json " .. PATHS)
    assert.equal(jcode, code)
    local out, ok = cli.python(PARSE, page)
    assert(ok, out)
    local got = assert(dkjson.decode(out))
    assert.is_true(got.charset)
    assert.same({}, got.external)
    local want = expected()
    assert.is_true(#want > 20)
    assert.same(want, got.found)
    assert.truthy(page:find("không tìm thấy tệp", 1, true))
  end)

  it("escapes markup from the document and its path", function()
    local path, remove = cli.odd_file("<b>&x", "Số: /UBND-VP\n<script>alert(1)</script> & nội dung\n")
    local page = run("check --format html " .. cli.quote(path))
    remove()
    assert.falsy(page:find("<script>alert", 1, true))
    assert.truthy(page:find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; nội dung", 1, true))
    assert.truthy(page:find("/&lt;b&gt;&amp;x/x.txt", 1, true))
  end)

  it("renders in headless Chromium with every finding in the DOM, and leaves a screenshot", function()
    local page = run("check --format html " .. PATHS)
    local build = cli.bin:match("^(.*)/[^/]*$") or "."
    local file = build .. "/report-html.html"
    local h = assert(io.open(file, "wb"))
    h:write(page)
    h:close()
    local abs = io.popen("realpath " .. file):read("l")
    local flags = "--headless --no-sandbox --disable-gpu --hide-scrollbars "
    local p = io.popen("chromium " .. flags .. "--dump-dom file://" .. abs .. " 2>/dev/null")
    local dom = p:read("a")
    p:close()
    local n = 0
    for _ in dom:gmatch('<div class="finding s%-') do n = n + 1 end
    assert.equal(#expected(), n)
    assert.truthy(dom:find("Báo cáo kiểm tra văn bản", 1, true))
    local shot = build .. "/report-html.png"
    os.remove(shot)
    os.execute("chromium " .. flags .. "--window-size=900,1400 --screenshot=" .. shot .. " file://" .. abs
      .. " >/dev/null 2>&1")
    local s = io.open(shot, "rb")
    assert.truthy(s, "no screenshot written")
    assert.equal("\137PNG", s:read(4))
    s:close()
  end)
end)
