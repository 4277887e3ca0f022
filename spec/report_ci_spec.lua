-- The integration files (.pre-commit-hooks.yaml, examples/ci/*.yml), read
-- with Python's YAML parser: every vbcheck command line in them uses only
-- options `vbcheck --help` lists and, run with the built program on
-- examples/, exits 0 or 1 (never 2, a usage error); the files they hand on
-- (SARIF upload, JUnit report) are the ones those commands write; the
-- packages they install are in scripts/setup's list.
local dkjson = require "dkjson"
local cli = require "helpers.cli"

-- Prints JSON: per file the vbcheck command lines (argv after the program,
-- variables expanded from the file's own env/variables, stdout target),
-- plus what the checks below compare.
local EXTRACT = [==[
import json, os, re, shlex, sys, yaml

def commands(script, env, where):
    """vbcheck invocations in a shell script: argv after the program and
    the file its stdout goes to."""
    out = []
    for line in re.sub(r"\\\n", " ", script).splitlines():
        lex = shlex.shlex(line, posix=True, punctuation_chars=True)
        lex.whitespace_split = True
        toks = list(lex)
        for i, t in enumerate(toks):
            if os.path.basename(t) != "vbcheck":
                continue
            argv, target, j = [], None, i + 1
            while j < len(toks) and toks[j] not in ("|", "||", "&&", ";", "&"):
                if toks[j] in (">", ">>"):
                    target = toks[j + 1]; j += 2; continue
                argv.append(toks[j]); j += 1
            def expand(m):
                name = m.group(1) or m.group(2)
                if name not in env:
                    sys.exit("%s: $%s is not set in the file: %s" % (where, name, line))
                return str(env[name])
            argv = [re.sub(r"\$\{(\w+)\}|\$(\w+)", expand, a) for a in argv]
            out.append({"where": where, "line": line.strip(), "argv": argv, "stdout": target})
    return out

def installs(script):
    pkgs = []
    for line in script.splitlines():
        m = re.search(r"apt-get install (.*)", line)
        if m:
            pkgs += [p for p in m.group(1).split() if not p.startswith("-")]
    return pkgs

top = sys.argv[1]
res = {"commands": [], "packages": [], "uploads": [], "junit": [], "hook": None}

# pre-commit: entry + args + the files under examples/ its patterns select
hooks = yaml.safe_load(open(os.path.join(top, ".pre-commit-hooks.yaml")))
hook = [h for h in hooks if h["id"] == "vbcheck"][0]
inc, exc = re.compile(hook["files"]), re.compile(hook.get("exclude", "^$"))
sel = lambda p: bool(inc.search(p)) and not exc.search(p)
files = sorted("examples/" + f for f in os.listdir(os.path.join(top, "examples")) if sel("examples/" + f))
argv = shlex.split(hook["entry"])
res["hook"] = {"language": hook["language"], "pass_filenames": hook.get("pass_filenames", True),
               "program": argv[0], "files": files,
               "selects": {p: sel(p) for p in ("README.md", "drafts/README.md", "a/b.docx", "x.md", "y.txt", "z.pdf")}}
res["commands"].append({"where": "pre-commit", "line": hook["entry"], "argv": argv[1:] + hook.get("args", []) + files,
                        "stdout": None})

# GitHub Actions: every step's run, with the workflow, job and step env
gh = yaml.safe_load(open(os.path.join(top, "examples/ci/github-actions.yml")))
for name, job in gh["jobs"].items():
    for k, step in enumerate(job["steps"]):
        env = dict(gh.get("env") or {}, **(job.get("env") or {}), **(step.get("env") or {}))
        if "run" in step:
            res["commands"] += commands(step["run"], env, "github-actions %s step %d" % (name, k + 1))
            res["packages"] += installs(step["run"])
        if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"):
            res["uploads"].append(step["with"]["sarif_file"])

# GitLab CI: every job's scripts, with the global and job variables
gl = yaml.safe_load(open(os.path.join(top, "examples/ci/gitlab-ci.yml")))
for name, job in gl.items():
    if not isinstance(job, dict) or "script" not in job:
        continue
    env = dict(gl.get("variables") or {}, **(job.get("variables") or {}))
    for key in ("before_script", "script", "after_script"):
        for line in job.get(key) or []:
            res["commands"] += commands(line, env, "gitlab-ci %s %s" % (name, key))
            res["packages"] += installs(line)
    res["junit"].append(((job.get("artifacts") or {}).get("reports") or {}).get("junit"))

print(json.dumps(res))
]==]

local function extract()
  local out, ok = cli.python(EXTRACT, "", ".")
  assert(ok, out)
  return assert(dkjson.decode(out), out)
end

-- The options `vbcheck --help` lists.
local function help_options()
  local text, code = cli.run("--help")
  assert.equal(0, code)
  local opts = {}
  for o in text:gmatch("%-%-[%w][%w-]*") do opts[o] = true end
  for o in text:gmatch("%f[%w-]%-%a%f[^%w]") do opts[o] = true end
  return opts
end

local function setup_packages()
  local h = assert(io.open("scripts/setup", "rb"))
  local src = h:read("a")
  h:close()
  local list = assert(src:match('PKGS="(.-)"'), "no PKGS list in scripts/setup")
  local set = {}
  for p in list:gmatch("%S+") do set[p] = true end
  return set
end

-- what the GitHub job installs beyond the build's packages: actions/checkout
-- uses git inside the container
local CI_ONLY = { git = true, ["ca-certificates"] = true }

describe("integration files", function()
  local got

  setup(function() got = extract() end)

  it("hold vbcheck command lines for SARIF, GitHub annotations, JUnit and the pre-commit hook", function()
    local formats = {}
    for _, c in ipairs(got.commands) do
      for i, a in ipairs(c.argv) do
        if a == "--format" then formats[c.argv[i + 1]] = c end
      end
    end
    assert.truthy(formats.sarif, "no --format sarif")
    assert.truthy(formats.github, "no --format github")
    assert.truthy(formats.junit, "no --format junit")
    assert.is_true(#got.commands >= 4)
    -- the uploaded SARIF and the JUnit report are the files vbcheck writes
    assert.same({ formats.sarif.stdout }, got.uploads)
    assert.same({ formats.junit.stdout }, got.junit)
  end)

  it("use only options `vbcheck --help` lists", function()
    local opts = help_options()
    assert.truthy(opts["--format"] and opts["-j"] and opts["--stage"], "help not understood")
    for _, c in ipairs(got.commands) do
      for _, a in ipairs(c.argv) do
        if a:sub(1, 1) == "-" then assert.truthy(opts[a], c.where .. ": " .. a .. " is not in --help: " .. c.line) end
      end
    end
  end)

  it("run on examples/ with the built program and exit 0 or 1, not 2", function()
    for _, c in ipairs(got.commands) do
      local args = {}
      for i, a in ipairs(c.argv) do args[i] = cli.quote(a) end
      assert.truthy(table.concat(args, " "):find("examples", 1, true), c.where .. ": not run on examples/")
      local out, code = cli.run(table.concat(args, " "))
      assert.truthy(code == 0 or code == 1, c.where .. ": exit " .. tostring(code) .. ": " .. c.line)
      assert.is_true(#out > 0, c.where .. ": no output")
    end
  end)

  it("pre-commit: a system hook on vbcheck, handed the .txt .md .docx files but a README", function()
    local h = got.hook
    assert.equal("system", h.language)
    assert.is_true(h.pass_filenames)
    assert.equal("vbcheck", h.program)
    assert.same({ ["README.md"] = false, ["drafts/README.md"] = false, ["a/b.docx"] = true, ["x.md"] = true,
      ["y.txt"] = true, ["z.pdf"] = false }, h.selects)
    assert.equal(3, #h.files)
  end)

  it("install only packages scripts/setup lists (and git for the checkout)", function()
    local setup = setup_packages()
    assert.is_true(#got.packages > 5)
    for _, p in ipairs(got.packages) do
      assert.truthy(setup[p] or CI_ONLY[p], p .. " is not in scripts/setup")
    end
  end)
end)
