--- A task given to a lower-level People's Committee must leave it time to
-- act: its deadline falls at least `min_days` working days after the
-- document's date (the office's rule; NĐ 30 says nothing about it).
return {
  id = "policy/deadline-lower-level",
  severity = "warning",
  family = "state",
  summary = {
    vi = "Nhiệm vụ giao UBND cấp dưới phải có thời hạn ít nhất 3 ngày làm việc sau ngày ban hành",
    en = "A task for a lower-level People's Committee needs a deadline at least 3 working days after the date",
  },
  basis = "Quy chế làm việc của UBND tỉnh (quy định nội bộ, ví dụ)",
  messages = {
    short = {
      vi = "Thời hạn \"{deadline}\" chỉ cách ngày ban hành {days} ngày làm việc: "
        .. "nhiệm vụ giao {who} cần ít nhất {min} ngày",
      en = "The deadline \"{deadline}\" is only {days} working days after the date: a task for {who} needs {min}",
    },
  },
  check = function(doc, report, ctx)
    local issued = doc.place_date and doc.place_date.iso
    if not issued then return end -- no date (a draft's blank day): nothing to count from
    local min = ctx.options.min_days or 3
    for _, task in ipairs(doc.tasks or {}) do
      local due = task.deadline and task.deadline.iso
      local lower
      for _, name in ipairs(task.lead or task.assignees or {}) do
        local f = vb.fold(name)
        if (f:find("ubnd", 1, true) or f:find("uy ban nhan dan", 1, true))
          and (f:find("huyen", 1, true) or f:find("xa", 1, true) or f:find("phuong", 1, true)) then
          lower = name
        end
      end
      if lower and due and vb.date.compare(due, issued) >= 0 then
        local days = vb.date.working_days(issued, due, ctx.options.holidays)
        if days < min then
          report { at = task, message = "short",
            data = { deadline = task.deadline.text, days = days, who = lower, min = min } }
        end
      end
    end
  end,
}
