--- `--format html`: one self-contained page (inline CSS and script, no
-- network): per file a summary by severity and the document's text with
-- each finding under its line; filters by severity and rule; the rules'
-- explanations at the end. Readable on a phone (one column, wrapping).
local M = {}

local h = require("vbcheck.report.util").html

local WORDS = {
  vi = { title = "Báo cáo kiểm tra văn bản", error = "lỗi", warning = "cảnh báo", info = "thông tin",
    rule = "Quy tắc", all = "tất cả", rules = "Các quy tắc", unreadable = "Không đọc được tệp",
    clean = "Không có phát hiện nào.", files = "tệp", basis = "Căn cứ" },
  en = { title = "Document check report", error = "error", warning = "warning", info = "info",
    rule = "Rule", all = "all", rules = "Rules", unreadable = "Cannot read the file",
    clean = "No findings.", files = "files", basis = "Basis" },
}

local CSS = [[
body{margin:0;font:16px/1.5 "Noto Sans","DejaVu Sans","Segoe UI",Arial,sans-serif;color:#1b1f24;background:#f4f5f7}
header{position:sticky;top:0;background:#0b3d6e;color:#fff;padding:.6em 1em;z-index:1}
h1{font-size:1.2em;margin:0 0 .3em}
.filters{display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center;font-size:.95em}
.filters select{font:inherit;max-width:100%}
main{max-width:60em;margin:0 auto;padding:.5em}
section.file{background:#fff;border-radius:6px;margin:1em 0;padding:.5em 1em;box-shadow:0 1px 3px #0002}
h2{font-size:1.05em;word-break:break-all;margin:.3em 0}
.counts span{display:inline-block;margin-right:.8em;font-weight:600}
.c-error{color:#b3261e}.c-warning{color:#8a5a00}.c-info{color:#155e9c}
.doc{font-family:"Noto Serif","DejaVu Serif","Times New Roman",serif;border-top:1px solid #ddd;margin-top:.4em}
.ln{display:flex;gap:.6em;white-space:pre-wrap;word-break:break-word}
.ln .no{flex:0 0 2.5em;text-align:right;color:#8a8f98;font:12px/2 monospace;user-select:none}
.ln.hit{background:#fff4d6}
.finding{margin:.2em 0 .4em 3.1em;padding:.3em .6em;border-left:4px solid;border-radius:3px;font-size:.92em}
.finding.s-error{border-color:#b3261e;background:#fdecea}
.finding.s-warning{border-color:#d08c00;background:#fff6e0}
.finding.s-info{border-color:#1f6fb5;background:#e8f1fb}
.finding .sev{font-weight:700;text-transform:uppercase;font-size:.8em;margin-right:.4em}
.finding a{font-family:monospace;font-size:.85em}
.unreadable{color:#b3261e;font-weight:600}
#rules dt{font-family:monospace;font-weight:700;margin-top:.6em}
#rules dd{margin:0 0 0 1em}
@media (max-width:600px){.ln .no{flex-basis:1.8em}.finding{margin-left:.5em}}
]]

local SCRIPT = [[
(function(){
  var boxes=document.querySelectorAll('.filters input[data-sev]'),sel=document.getElementById('rule');
  function apply(){
    var on={};boxes.forEach(function(b){on[b.dataset.sev]=b.checked});
    var r=sel.value;
    document.querySelectorAll('.finding').forEach(function(f){
      f.hidden=!(on[f.dataset.severity]&&(r===''||f.dataset.rule===r));
    });
  }
  boxes.forEach(function(b){b.addEventListener('change',apply)});
  sel.addEventListener('change',apply);
})();
]]

local function words(ctx) return WORDS[ctx.lang] or WORDS.vi end

function M.begin(ctx)
  local w = words(ctx)
  local opts = { '<option value="">' .. h(w.rule) .. ": " .. h(w.all) .. "</option>" }
  for _, r in ipairs(ctx.rules) do opts[#opts + 1] = '<option value="' .. h(r.id) .. '">' .. h(r.id) .. "</option>" end
  return table.concat({
    '<!DOCTYPE html>\n<html lang="', ctx.lang == "en" and "en" or "vi", '">\n<head>\n<meta charset="utf-8">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>vbcheck — ', h(w.title),
    "</title>\n<style>", CSS, "</style>\n</head>\n<body>\n<header>\n<h1>vbcheck ", h(ctx.version), " — ",
    h(w.title), '</h1>\n<div class="filters">',
    '<label><input type="checkbox" data-sev="error" checked> <span>', h(w.error), "</span></label>",
    '<label><input type="checkbox" data-sev="warning" checked> <span>', h(w.warning), "</span></label>",
    '<label><input type="checkbox" data-sev="info" checked> <span>', h(w.info), "</span></label>",
    '<select id="rule" aria-label="', h(w.rule), '">', table.concat(opts), "</select></div>\n</header>\n<main>\n",
  })
end

local function finding_html(f, w)
  return string.format('<div class="finding s-%s" data-severity="%s" data-rule="%s" data-line="%d">'
    .. '<span class="sev">%s</span>%s <a href="#rule-%s">[%s]</a></div>\n', f.severity, f.severity, h(f.rule),
    f.line, h(w[f.severity] or f.severity), h(f.message), h(f.rule), h(f.rule))
end

function M.file(result, ctx)
  local w = words(ctx)
  local out = { '<section class="file" id="file-', result.index or 0, '">\n<h2>', h(result.path), "</h2>\n" }
  if result.error then
    out[#out + 1] = '<p class="unreadable">' .. h(w.unreadable) .. ": " .. h(result.error.message) .. "</p>\n"
    out[#out + 1] = "</section>\n"
    return table.concat(out)
  end
  local counts, at = { error = 0, warning = 0, info = 0 }, {}
  for _, f in ipairs(result.findings) do
    counts[f.severity] = (counts[f.severity] or 0) + 1
    at[f.line] = at[f.line] or {}
    table.insert(at[f.line], f)
  end
  out[#out + 1] = string.format('<p class="counts"><span class="c-error">%d %s</span><span class="c-warning">%d %s'
    .. '</span><span class="c-info">%d %s</span></p>\n', counts.error, h(w.error), counts.warning, h(w.warning),
    counts.info, h(w.info))
  if #result.findings == 0 then out[#out + 1] = "<p>" .. h(w.clean) .. "</p>\n" end
  out[#out + 1] = '<div class="doc">\n'
  local lines = result.doc and result.doc.lines or {}
  local n = #lines
  for line in pairs(at) do if line > n then n = line end end
  for i = 1, n do
    local hits = at[i]
    out[#out + 1] = string.format('<div class="ln%s" id="file-%d-L%d"><span class="no">%d</span><span class="tx">%s'
      .. "</span></div>\n", hits and " hit" or "", result.index or 0, i, i, h(lines[i] or ""))
    for _, f in ipairs(hits or {}) do out[#out + 1] = finding_html(f, w) end
  end
  out[#out + 1] = "</div>\n</section>\n"
  return table.concat(out)
end

function M.finish(s, ctx)
  local w = words(ctx)
  local out = { '<section class="file" id="rules">\n<h2>', h(w.rules), "</h2>\n<dl>\n" }
  for _, r in ipairs(ctx.rules) do
    local summary = r.summary and (r.summary[ctx.lang] or r.summary.vi) or ""
    out[#out + 1] = string.format('<dt id="rule-%s">%s</dt><dd>%s%s</dd>\n', h(r.id), h(r.id), h(summary),
      r.basis and ("<br><small>" .. h(w.basis) .. ": " .. h(r.basis) .. "</small>") or "")
  end
  out[#out + 1] = string.format('</dl>\n<p class="counts"><span>%d %s</span><span class="c-error">%d %s</span>'
    .. '<span class="c-warning">%d %s</span><span class="c-info">%d %s</span></p>\n</section>\n',
    s.files, h(w.files), s.errors, h(w.error), s.warnings, h(w.warning), s.infos, h(w.info))
  out[#out + 1] = "</main>\n<script>" .. SCRIPT .. "</script>\n</body>\n</html>\n"
  return table.concat(out)
end

return M
