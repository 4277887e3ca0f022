--- A Kế hoạch says who does what: it has a section "Tổ chức thực hiện".
local text = require "lib.text"

return {
  id = "policy/plan-implementation",
  severity = "warning",
  summary = {
    vi = "Kế hoạch phải có phần \"Tổ chức thực hiện\"",
    en = "A Kế hoạch (plan) must have a section \"Tổ chức thực hiện\" (implementation)",
  },
  basis = "Hướng dẫn xây dựng kế hoạch của UBND tỉnh (quy định nội bộ, ví dụ)",
  check = function(doc, report)
    if not (doc.doc_type and doc.doc_type.code == "ke-hoach") then return end
    if not text.find_heading(doc, "Tổ chức thực hiện") then
      report { at = doc.doc_type }
    end
  end,
}
