-- A task that sets a deadline or asks for a product (báo cáo, trình, kế
-- hoạch ...) but names nobody in particular to do it: no subject at all,
-- only the preamble's addressees, or only "các cơ quan, đơn vị liên quan".
-- NĐ 30 Điều 23.2 asks the handling instruction to name the lead unit.
local CONCRETE = { date = true, period = true, relative = true }

local function excerpt(s)
  s = s:gsub("%s+", " ")
  local n = utf8.len(s)
  if n and n > 60 then s = s:sub(1, utf8.offset(s, 58) - 1) .. "…" end
  return s
end

local function what(task, lang)
  local has_deadline = false
  for _, d in ipairs(task.deadlines or {}) do
    if CONCRETE[d.kind] then has_deadline = true end
  end
  if lang == "en" then
    if has_deadline and task.deliverable then return "a deadline and a deliverable (" .. task.deliverable .. ")" end
    return has_deadline and "a deadline" or "a deliverable (" .. task.deliverable .. ")"
  end
  if has_deadline and task.deliverable then return "thời hạn và sản phẩm (" .. task.deliverable .. ")" end
  return has_deadline and "thời hạn" or "sản phẩm (" .. task.deliverable .. ")"
end

return {
  id = "task/assignee-missing",
  severity = "warning",
  summary = {
    vi = "Nhiệm vụ có thời hạn hoặc sản phẩm nhưng không giao cho cơ quan, đơn vị cụ thể",
    en = "A task with a deadline or a deliverable names no agency to do it",
  },
  basis = "NĐ 30/2020/NĐ-CP, Điều 23 khoản 2 (ghi rõ đơn vị chủ trì, đơn vị phối hợp, thời hạn giải quyết)",
  messages = {
    missing = {
      vi = "Nhiệm vụ \"{task}\" có {what} nhưng chưa giao cho cơ quan, đơn vị nào",
      en = "Task \"{task}\" has {what} but names no agency to do it",
    },
    vague = {
      vi = "Nhiệm vụ \"{task}\" có {what} nhưng chỉ giao chung cho \"{lead}\", chưa rõ đơn vị chủ trì",
      en = "Task \"{task}\" has {what} but is only addressed to \"{lead}\"; no lead agency is named",
    },
  },
  examples = {
    fail = "UBND tỉnh yêu cầu các sở, ngành thực hiện:\n"
      .. "1. Xây dựng kế hoạch tiêm chủng, báo cáo UBND tỉnh trước ngày 30/10/2021.",
    pass = "1. Sở Y tế chủ trì xây dựng kế hoạch tiêm chủng, báo cáo UBND tỉnh trước ngày 30/10/2021.",
  },
  check = function(doc, report, ctx)
    local lang = ctx and ctx.lang or "vi"
    for _, task in ipairs(doc.tasks or {}) do
      local due = false
      for _, d in ipairs(task.deadlines or {}) do
        if CONCRETE[d.kind] and not d.inherited then due = true end
      end
      if (due or task.deliverable) and not task.named then
        local lead = task.lead and task.lead[1]
        report {
          at = task,
          message = lead and "vague" or "missing",
          data = { task = excerpt(task.text or ""), what = what(task, lang), lead = lead },
        }
      end
    end
  end,
}
