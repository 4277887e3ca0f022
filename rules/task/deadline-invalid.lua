-- A deadline on a day that does not exist ("trước ngày 31/9/2021",
-- "tháng 13/2021"): the reader cannot know when the work is due.
return {
  id = "task/deadline-invalid",
  severity = "error",
  summary = {
    vi = "Thời hạn của nhiệm vụ là ngày không có thật",
    en = "A task's deadline is a date that does not exist",
  },
  basis = "NĐ 30/2020/NĐ-CP, Điều 23 khoản 2 (thời hạn giải quyết)",
  messages = {
    invalid = {
      vi = "Thời hạn \"{deadline}\" không phải là ngày có thật",
      en = "Deadline \"{deadline}\" is not a real date",
    },
  },
  examples = {
    fail = "Sở Y tế báo cáo UBND tỉnh trước ngày 31/9/2021.",
    pass = "Sở Y tế báo cáo UBND tỉnh trước ngày 30/9/2021.",
  },
  check = function(doc, report)
    for _, task in ipairs(doc.tasks or {}) do
      for _, d in ipairs(task.deadlines or {}) do
        if d.invalid and not d.inherited then
          report { at = task, message = "invalid", data = { deadline = d.text } }
        end
      end
    end
  end,
}
