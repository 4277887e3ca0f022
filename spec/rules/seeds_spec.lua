-- luacheck: std +busted
-- The built-in rules on the real seed documents, parsed by the C core: a
-- yardstick of which rules must and must not fire (the golden list in
-- shared/eval/seeds.json, task/* rules left out). Skipped when the core
-- module is not built.
local ok_vb, vb = pcall(require, "vbcheck")
local runner = require "vbcheck.runner"

local SEEDS = "spec/fixtures/seeds/"

local expect = {
  ["000_ae572a1d7cc66a6d.txt"] = {
    must = { "text/ocr-suspect" },
    must_not = { "header/national-missing", "header/national-malformed", "header/issuer-missing", "number/missing",
      "date/missing", "subject/missing", "signer/missing", "signer/name-missing", "recipients/missing",
      "addressee/missing", "text/encoding" },
  },
  ["001_794841c1d5532eea.txt"] = {
    must = { "number/blank", "date/blank-day", "signer/authority" },
    must_not = { "header/national-missing", "header/issuer-missing", "number/missing", "date/missing",
      "subject/missing", "signer/missing", "signer/name-missing", "recipients/missing", "addressee/missing" },
  },
  ["002_161b9cd3f6c97b82.txt"] = {
    must = { "number/blank", "date/blank-day" },
    must_not = { "header/national-malformed", "text/ocr-suspect" },
    no_errors = true,
  },
  ["003_801a75eec3dce3ad.txt"] = {
    must = { "header/national-missing", "header/issuer-missing", "number/missing", "date/missing" },
    must_not = { "signer/missing", "signer/name-missing", "recipients/missing", "subject/missing" },
  },
  ["004_bdcb37579fc0a953.txt"] = {
    must = { "header/national-missing", "header/issuer-missing", "number/missing", "date/missing",
      "subject/missing", "signer/name-missing" },
    must_not = { "recipients/missing", "addressee/missing", "signer/missing" },
  },
}

local describe_seeds = ok_vb and describe or pending

describe_seeds("the built-in rules on the seeds", function()
  local set = assert(runner.load { "rules" })
  local names = {}
  for name in pairs(expect) do names[#names + 1] = name end
  table.sort(names)

  for _, name in ipairs(names) do
    local e = expect[name]
    it(name, function()
      local doc = assert(vb.parse_file(SEEDS .. name))
      local fired, errors = {}, {}
      for _, f in ipairs(runner.check(set, doc, { today = "2021-12-31" })) do
        assert.are_not.equal("rule/error", f.rule, f.message)
        fired[f.rule] = true
        if f.severity == "error" then errors[#errors + 1] = f.rule end
      end
      for _, id in ipairs(e.must) do assert.is_true(fired[id] == true, id .. " must fire") end
      for _, id in ipairs(e.must_not) do assert.is_nil(fired[id], id .. " must not fire") end
      if e.no_errors then assert.same({}, errors) end
    end)
  end
end)
