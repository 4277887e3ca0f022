-- The national header is the first component of every document: Quốc hiệu
-- and Tiêu ngữ for state documents, "ĐẢNG CỘNG SẢN VIỆT NAM" for party ones.
return {
  id = "header/national-missing",
  severity = "error",
  summary = {
    vi = "Thiếu Quốc hiệu và Tiêu ngữ (văn bản nhà nước) hoặc tiêu đề \"ĐẢNG CỘNG SẢN VIỆT NAM\" (văn bản Đảng)",
    en = "No national header: Quốc hiệu and Tiêu ngữ (state) or \"ĐẢNG CỘNG SẢN VIỆT NAM\" (party)",
  },
  basis = "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2 điểm a; Phụ lục I, Phần I, mục II.1; HD 36-HD/VPTW (2018): tiêu đề",
  messages = {
    state = {
      vi = "Thiếu Quốc hiệu và Tiêu ngữ: văn bản hành chính phải có \"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\" "
        .. "và \"Độc lập - Tự do - Hạnh phúc\" ở góc trên bên phải trang đầu",
      en = "No Quốc hiệu and Tiêu ngữ: a state document starts with \"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\" "
        .. "and \"Độc lập - Tự do - Hạnh phúc\" at the top right of the first page",
    },
    party = {
      vi = "Thiếu tiêu đề \"ĐẢNG CỘNG SẢN VIỆT NAM\" ở góc trên bên phải trang đầu văn bản Đảng",
      en = "No \"ĐẢNG CỘNG SẢN VIỆT NAM\" header at the top right of the party document's first page",
    },
    unknown = {
      vi = "Thiếu Quốc hiệu và Tiêu ngữ (văn bản nhà nước) hoặc tiêu đề \"ĐẢNG CỘNG SẢN VIỆT NAM\" (văn bản Đảng) "
        .. "ở góc trên bên phải trang đầu",
      en = "No national header at the top right of the first page: Quốc hiệu and Tiêu ngữ (state) "
        .. "or \"ĐẢNG CỘNG SẢN VIỆT NAM\" (party)",
    },
  },
  examples = {
    fail = "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSố: 12/UBND-VX",
    pass = "ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      .. "TỈNH LAI CHÂU                   Độc lập - Tự do - Hạnh phúc",
  },
  check = function(doc, report)
    if doc.national then return end
    local key = (doc.family == "state" or doc.family == "party") and doc.family or "unknown"
    report { at = doc.zones and doc.zones.header, message = key }
  end,
}
