-- A task that asks for a product (báo cáo, trình, xây dựng kế hoạch ...)
-- or names a lead unit (chủ trì), with no deadline at all. Standing work
-- is never flagged: a cadence (hằng tháng, thường xuyên), urgency (ngay,
-- khẩn trương, kịp thời) or continuing work (tiếp tục, duy trì, tăng
-- cường, theo dõi ...) in the clause that holds the product (norms.md §3.3).
local function excerpt(s)
  s = s:gsub("%s+", " ")
  local n = utf8.len(s)
  if n and n > 60 then s = s:sub(1, utf8.offset(s, 58) - 1) .. "…" end
  return s
end

return {
  id = "task/deadline-missing",
  severity = "warning",
  summary = {
    vi = "Nhiệm vụ có sản phẩm hoặc đơn vị chủ trì nhưng chưa có thời hạn",
    en = "A task with a deliverable or a lead agency has no deadline",
  },
  basis = "NĐ 30/2020/NĐ-CP, Điều 23 khoản 2 (ghi rõ thời hạn giải quyết)",
  messages = {
    missing = {
      vi = "Nhiệm vụ \"{task}\" giao cho {lead} chưa có thời hạn hoàn thành",
      en = "Task \"{task}\" assigned to {lead} has no deadline",
    },
  },
  examples = {
    fail = "Giao Sở Tài chính chủ trì, phối hợp với Sở Y tế tham mưu UBND tỉnh bố trí kinh phí.",
    pass = "Giao Sở Tài chính chủ trì, phối hợp với Sở Y tế tham mưu UBND tỉnh bố trí kinh phí trước ngày 15/10/2021.",
  },
  check = function(doc, report, ctx)
    local lang = ctx and ctx.lang or "vi"
    for _, task in ipairs(doc.tasks or {}) do
      if not task.deadline and not task.ongoing and (task.deliverable or task.chu_tri) then
        local lead = task.lead and task.lead[1]
        if lead and #task.lead > 1 then lead = table.concat(task.lead, ", ") end
        report {
          at = task,
          message = "missing",
          data = {
            task = excerpt(task.text or ""),
            lead = lead or (lang == "en" and "(nobody)" or "(chưa rõ đơn vị)"),
          },
        }
      end
    end
  end,
}
