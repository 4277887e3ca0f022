-- The policy of a (fictional) provincial office on top of NĐ 30 and HD 36.
-- vbcheck finds this file from every checked file's folder upwards.
return {
  -- this folder holds the policy rules (policy/*.lua) and their modules (lib/)
  rules = { "." },
  -- the office treats a task without a deadline as an error, not a warning
  severity = { ["task/deadline-missing"] = "error" },
  options = {
    ["policy/deadline-lower-level"] = { min_days = 3, holidays = { "2026-01-01" } },
    ["policy/recipients-required"] = { "Lưu: VT" },
  },
  -- bodies the built-in gazetteer does not know
  agencies = { "Ban Quản lý các khu công nghiệp tỉnh" },
  overrides = {
    -- drafts may leave the number and day blank; nothing else is relaxed
    { files = "drafts/**", stage = "draft" },
  },
}
