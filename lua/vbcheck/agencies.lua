--- The gazetteer of Vietnamese public bodies, and the grammar that finds
-- agency names (and lists of them) in FOLDED text.
--
-- Everything a user may want to edit is plain data at the top of this
-- file, written in ordinary Vietnamese: it is folded (lower case, no
-- diacritics) when the patterns are built. Add bodies at run time with
--
--   require("vbcheck.agencies").extend { "Sở Khoa học và Công nghệ",
--     { "Các hợp tác xã", kind = "collective" } }
--
-- Recognition, in order: a collective subject ("các sở, ban, ngành",
-- "UBND các huyện, thành phố"), a name from the gazetteer (complete names,
-- including those with "và" or commas inside: "Sở Lao động, Thương binh và
-- Xã hội"), then the grammar for names not listed: a head ("Sở", "Ban",
-- "Trung tâm", "UBND", "Văn phòng" ...) followed by name words up to the
-- verb that follows the subject ("Ban Quản lý Khu kinh tế cửa khẩu X tăng
-- cường ..."). Folded text has no capitals, so a name ends at a stop word
-- (a verb or connector from STOP below), at punctuation or at "và".
local lpeg = require "lpeg"
local re = require "re"

local P, Cc = lpeg.P, lpeg.Cc

local M = {}

-- Data ------------------------------------------------------------------------

--- Complete names. A string is a specific body; a table may set
-- kind = "collective" (a group: "các sở, ban, ngành").
M.names = {
  -- Sở (provincial departments), names before and after the 2025 mergers
  "Sở Y tế", "Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Sở Xây dựng", "Sở Công Thương", "Sở Ngoại vụ",
  "Sở Giao thông vận tải", "Sở Giao thông vận tải - Xây dựng", "Sở Giáo dục và Đào tạo",
  "Sở Kế hoạch và Đầu tư", "Sở Khoa học và Công nghệ", "Sở Tài nguyên và Môi trường",
  "Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường", "Sở Lao động, Thương binh và Xã hội",
  "Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa và Thể thao",
  "Sở Văn hóa, Thể thao", "Sở Du lịch", "Sở Thông tin và Truyền thông", "Sở Dân tộc và Tôn giáo",
  "Sở Quy hoạch - Kiến trúc", "Sở Giáo dục - Đào tạo", "Sở Kế hoạch - Đầu tư", "Sở Tài nguyên - Môi trường",
  -- provincial authorities and agencies
  "Ủy ban nhân dân tỉnh", "UBND tỉnh", "Hội đồng nhân dân tỉnh", "HĐND tỉnh", "Thường trực HĐND tỉnh",
  "Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "VPUBND tỉnh", "Văn phòng HĐND tỉnh",
  "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
  "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Bộ đội Biên phòng tỉnh",
  "Đảng ủy Bộ đội Biên phòng tỉnh", "Quân sự tỉnh", "Ban Dân tộc tỉnh", "Thanh tra tỉnh",
  "Bảo hiểm xã hội tỉnh", "Bảo hiểm xã hội Việt Nam", "Bảo hiểm xã hội", "Kho bạc Nhà nước tỉnh",
  "Cục Thuế tỉnh", "Cục Thống kê tỉnh", "Cục Hải quan tỉnh", "Cục Quản lý thị trường tỉnh",
  "Ngân hàng Nhà nước chi nhánh tỉnh", "Ngân hàng Chính sách xã hội tỉnh", "Tòa án nhân dân tỉnh",
  "Viện Kiểm sát nhân dân tỉnh", "Trung tâm Kiểm soát bệnh tật tỉnh", "CDC tỉnh", "Trường Chính trị tỉnh",
  "Ban Quản lý các khu công nghiệp tỉnh", "Ban Quản lý Khu kinh tế tỉnh", "Cổng Thông tin điện tử tỉnh",
  "Phòng Cảnh sát giao thông", "Phòng Y tế", "Phòng Giáo dục và Đào tạo", "Phòng Tài chính - Kế hoạch",
  "Phòng Nội vụ", "Phòng Văn hóa và Thông tin", "Phòng Lao động - Thương binh và Xã hội",
  "Bệnh viện Đa khoa tỉnh", "Ngành Y tế", "Ngành Giáo dục", "Ngành Giáo dục và Đào tạo", "Y tế cơ sở",
  -- Party bodies
  "Tỉnh ủy", "Thường trực Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh",
  "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Nội chính Tỉnh ủy",
  "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy",
  "Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối doanh nghiệp tỉnh", "Đảng ủy các cơ quan Đảng tỉnh",
  "Đảng ủy UBND tỉnh", "Ban Cán sự đảng UBND tỉnh", "Ban Cán sự đảng Ủy ban nhân dân tỉnh",
  "Đảng đoàn HĐND tỉnh", "Đảng đoàn Hội đồng nhân dân tỉnh", "Đảng đoàn Ủy ban MTTQ tỉnh",
  "Đảng đoàn Mặt trận Tổ quốc tỉnh", "Ban Thường vụ Tỉnh đoàn", "Tỉnh đoàn",
  -- the Front and mass organisations
  "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh", "Ủy ban MTTQ Việt Nam tỉnh",
  "Ủy ban MTTQ tỉnh", "UBMTTQ tỉnh", "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "MTTQ",
  "Liên đoàn Lao động tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh",
  "Hội Chữ thập đỏ tỉnh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh", "Đoàn Thanh niên",
  "Liên minh Hợp tác xã tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Hội Người cao tuổi tỉnh",
  -- press and broadcasting
  "Đài Phát thanh và Truyền hình tỉnh", "Đài Phát thanh - Truyền hình tỉnh", "Báo và Phát thanh, Truyền hình tỉnh",
  "Báo Nhân dân", "Thông tấn xã Việt Nam",
  -- central bodies
  "Chính phủ", "Thủ tướng Chính phủ", "Văn phòng Chính phủ", "Bộ Y tế", "Bộ Tài chính", "Bộ Nội vụ",
  "Bộ Công an", "Bộ Quốc phòng", "Bộ Ngoại giao", "Bộ Tư pháp", "Bộ Xây dựng", "Bộ Công Thương",
  "Bộ Giao thông vận tải", "Bộ Giáo dục và Đào tạo", "Bộ Kế hoạch và Đầu tư", "Bộ Khoa học và Công nghệ",
  "Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Môi trường",
  "Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Thông tin và Truyền thông",
  "Bộ Dân tộc và Tôn giáo", "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ", "Kiểm toán Nhà nước",
  "Ban Chỉ đạo quốc gia", "Ủy ban Dân tộc",
  -- collective subjects that the collective grammar does not build
  { "Cấp ủy, chính quyền các cấp", kind = "collective" }, { "Cấp ủy, chính quyền", kind = "collective" },
  { "Cấp ủy, tổ chức đảng", kind = "collective" }, { "Cả hệ thống chính trị", kind = "collective" },
  { "Các cấp ủy đảng, chính quyền", kind = "collective" },
  { "Các đồng chí Ủy viên Ban Thường vụ", kind = "collective" },
}

--- Heads of names not in the list: the head plus at least one name word
-- ("Ban Quản lý Khu kinh tế cửa khẩu Ma Lù Thàng", "UBND huyện Phong
-- Thổ"); `alone = true` heads are names by themselves too ("Ban Chỉ
-- đạo"). `not_before` lists words that make the head an ordinary word
-- ("ban hành", "sơ kết", "số liệu").
M.heads = {
  { "Sở", not_before = { "kết", "bộ", "lược", "cấp", "sánh", "tay", "liệu", "lượng", "hóa", "hoá", "đồ", "tán",
    "hữu", "thích", "tại", "dĩ", "khai", "cứu", "đẳng", "trường", "vốn", "chí", "phát", "hở", "tổ" } },
  { "Ban", not_before = { "hành", "đầu", "thân", "chất", "ngày", "đêm", "bố", "bè", "giao", "bạc", "sao", "in",
    "tin" } },
  { "Ban Chỉ đạo", alone = true }, { "Ban Thường vụ", alone = true }, { "Ban Quản lý" }, { "Ban Chỉ huy" },
  { "Ban Tổ chức" }, { "Ban Tuyên giáo" }, { "Ban Dân vận" }, { "Ban Nội chính" }, { "Ban Cán sự đảng" },
  { "Ban Kinh tế" }, { "Trung tâm" }, { "Văn phòng" }, { "Chi cục" }, { "Bộ Chỉ huy" }, { "Công an" },
  { "Ủy ban nhân dân" }, { "UBND" }, { "Hội đồng nhân dân" }, { "HĐND" }, { "Đảng ủy" }, { "Đảng đoàn" },
  { "Kho bạc Nhà nước" }, { "Thanh tra" }, { "Bệnh viện" }, { "Liên đoàn" }, { "Tổng công ty" }, { "Công ty" },
  { "Ngân hàng" }, { "Huyện ủy" }, { "Thành ủy" }, { "Thị ủy" }, { "Ủy ban Kiểm tra" }, { "Ủy ban" },
  { "Chi nhánh" }, { "Hội Liên hiệp" }, { "Tòa án" },
  { "Cục", not_before = { "bộ", "kỳ", "diện", "mịch" } },
  { "Viện", not_before = { "trợ", "dẫn", "phí", "cớ" } },
  { "Đài", not_before = { "thọ", "các" } },
  { "Trường", not_before = { "hợp", "học", "kỳ", "lớp", "đoạn", "thành", "tồn" } },
  { "Phòng", not_before = { "chống", "ngừa", "bệnh", "dịch", "tránh", "họp", "hộ", "thủ", "cháy", "khi", "vệ",
    "làm", "ở", "trọ" } },
}

--- Nouns that make a collective subject after "các" ("các sở, ban, ngành,
-- đoàn thể tỉnh"); they may follow each other with commas and "và".
M.collective_nouns = {
  "sở", "ban", "ngành", "đoàn thể", "địa phương", "cơ quan", "đơn vị", "cấp", "cấp ủy", "cấp uỷ", "huyện ủy",
  "huyện uỷ", "thành ủy", "thành uỷ", "thị ủy", "đảng ủy", "đảng uỷ", "lực lượng", "tổ chức", "doanh nghiệp",
  "huyện", "thành phố", "thị xã", "xã", "phường", "thị trấn", "trường", "cơ sở", "ban đảng", "đảng đoàn",
  "ban cán sự đảng", "hội", "đoàn", "chốt", "chi bộ", "tổ chức đảng", "tổ chức chính trị - xã hội",
  "tổ chức chính trị xã hội", "hội đoàn thể", "kinh doanh", "sản xuất", "bộ", "ngành chức năng", "thành viên",
  "đồng chí", "chủ đầu tư", "nhà trường", "bệnh viện", "trung tâm", "phòng", "ban ngành", "hội quần chúng",
  "cơ quan báo chí", "cơ quan thông tin đại chúng", "cơ quan truyền thông", "huyện biên giới", "tỉnh", "bản",
  "thôn", "tổ dân phố", "khu dân cư", "tập thể", "cá nhân", "đơn vị sự nghiệp", "bộ phận",
}

--- Words that may follow a name or collective and still belong to it.
M.qualifiers = {
  "tỉnh", "liên quan", "chức năng", "trực thuộc", "trực thuộc tỉnh", "trên địa bàn tỉnh", "trên địa bàn huyện",
  "trên địa bàn", "các cấp", "cấp tỉnh", "cấp huyện", "cấp xã", "chính trị - xã hội", "chính trị xã hội",
  "trung ương", "thuộc tỉnh", "đoàn thể", "sản xuất", "kinh doanh", "địa phương", "thuộc phạm vi quản lý",
  "có liên quan", "biên giới", "tuyến đầu", "thành viên", "đóng trên địa bàn tỉnh", "của tỉnh",
  "các huyện, thành phố", "các huyện, thị xã, thành phố", "các huyện", "các xã, phường, thị trấn",
  "các xã, phường", "các cấp, các ngành",
}

--- Titles that may precede a body ("Thủ trưởng các sở", "Giám đốc Sở Y tế").
M.roles = {
  "thủ trưởng", "người đứng đầu", "giám đốc", "phó giám đốc", "chủ tịch", "phó chủ tịch", "bí thư",
  "trưởng ban", "chánh văn phòng", "chỉ huy trưởng", "lãnh đạo", "thành viên", "đồng chí", "tập thể lãnh đạo",
  "cục trưởng", "chi cục trưởng", "tổng giám đốc", "hiệu trưởng", "trưởng phòng",
}

--- Words that end a name not in the gazetteer: the verbs and connectors
-- that follow a subject in directives.
M.stop_words = {
  "chủ trì", "phối hợp", "với", "và", "cùng", "các", "những", "để", "theo", "trong", "trên", "tại",
  "về", "thì", "là", "có", "phải", "cần", "sẽ", "đã", "đang", "được", "bị", "không", "chưa", "tiếp tục",
  "tăng cường", "thực hiện", "chỉ đạo", "tổ chức", "xây dựng", "có trách nhiệm", "chịu trách nhiệm",
  "khẩn trương", "chủ động", "hướng dẫn", "kiểm tra", "rà soát", "báo cáo", "triển khai", "theo dõi", "làm",
  "đảm bảo", "bảo đảm", "nghiên cứu", "tham mưu", "quản lý", "cập nhật", "cập nhập", "đẩy mạnh", "phát huy",
  "nâng cao", "tập trung", "giám sát", "lãnh đạo", "thông báo", "xử lý", "tiếp nhận", "phân công", "cung cấp",
  "bố trí", "ưu tiên", "hỗ trợ", "duy trì", "tuyên truyền", "phát động", "huy động", "ban hành", "hoàn thành",
  "hoàn chỉnh", "đề xuất", "tổng hợp", "tiếp thu", "đổi mới", "điều tra", "thành lập", "kịp thời", "kiên quyết",
  "thường xuyên", "bám sát", "chuẩn bị", "quán triệt", "nắm", "giải quyết", "kiểm soát", "chấp hành", "nêu cao",
  "trực tiếp", "tích cực", "sớm", "ngay", "thống nhất", "kiện toàn", "đôn đốc", "chú trọng", "quan tâm",
  "xác định", "thẩm định", "trình", "gửi", "lập", "soạn thảo", "dự thảo", "cử", "bổ sung", "mua sắm",
  "tuần tra", "ngăn chặn", "phát hiện", "điều chỉnh", "sửa đổi", "nhanh chóng", "vận động", "động viên",
  "hướng", "rút kinh nghiệm", "đánh giá", "khảo sát", "thanh tra", "kiểm điểm", "xem xét", "tiến hành",
  "căn cứ", "thông tin", "phổ biến", "quy định", "yêu cầu", "đề nghị", "giao", "chuyển", "nộp", "lấy",
  "mở rộng", "nhân rộng", "tạo điều kiện", "khuyến khích", "vận hành", "sẵn sàng", "nghiêm túc", "thành phần",
  "gồm", "bao gồm", "như", "nhằm", "nếu", "khi", "trước", "sau", "từ", "đến", "đối với", "vào", "ra",
  "mỗi", "từng", "tất cả", "toàn bộ", "cả", "đồng thời", "tiếp", "nắm chắc", "kết nối", "hoàn thiện",
  "trước mắt", "chăm lo", "bám", "dừng", "tạm dừng", "liên hệ", "thiết lập", "tăng", "giảm", "nhận",
}

-- Folding for the data above (Vietnamese letters only; the text itself is
-- folded by the caller's fold).
local VI = {
  a = "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", e = "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ", i = "ìíỉĩịÌÍỈĨỊ",
  o = "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", u = "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ", y = "ỳýỷỹỵỲÝỶỸỴ", d = "đĐ",
}
local VI_MAP = {}
for base, set in pairs(VI) do
  for ch in set:gmatch(utf8.charpattern) do VI_MAP[ch] = base end
end

--- Fold a name from the data (or a user's entry) to the form the text
-- takes after fold: lower case, no diacritics, single spaces.
function M.fold_name(s)
  -- utf8.charpattern's multi-byte characters only: ASCII stays as it is
  s = s:gsub("[\194-\253][\128-\191]*", VI_MAP):lower()
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- Patterns --------------------------------------------------------------------

-- Ordered choice of a list of patterns, combined as a balanced tree (LPeg
-- copies both operands of every `+`: a left fold copies the whole choice
-- once per alternative). Ordered choice is associative, so the result
-- matches like p1 + p2 + ... + pn.
local function any_of(ps, i, j)
  i, j = i or 1, j or #ps
  if i > j then return P(false) end
  if i == j then return ps[i] end
  local m = (i + j) // 2
  return any_of(ps, i, m) + any_of(ps, m + 1, j)
end

--- A pattern matching any of entries = { {s = "folded words", tail =
-- pattern}, ... }: the longest entry that is there and whose tail
-- (default: the word ends) matches after it ("so giao duc va dao tao"
-- over "so giao duc"); of two equal entries only the first counts. Built
-- as a trie on the first letters (one test per letter instead of one per
-- entry: an ordered choice of 200 stop words tried at every word is what
-- made matching slow) down to groups of a few entries, which are an
-- ordered choice longest first (the same result: of the entries that are
-- prefixes of the text the longest is tried first). Choices are balanced,
-- so building costs about the size of the data, not size times depth.
local SMALL = 6
local function node(entries, tail)
  if #entries <= SMALL then
    local order = {}
    for k = 1, #entries do order[k] = k end
    table.sort(order, function(x, y)
      local a, b = #entries[x].s, #entries[y].s
      if a ~= b then return a > b end
      return x < y
    end)
    local alts = {}
    for k, i in ipairs(order) do alts[k] = P(entries[i].s) * (entries[i].tail or tail) end
    return any_of(alts)
  end
  local groups, order, leaf = {}, {}, nil
  for _, e in ipairs(entries) do
    if e.s == "" then
      leaf = e
    else
      local c = e.s:sub(1, 1)
      local g = groups[c]
      if not g then
        g = {}
        groups[c] = g
        order[#order + 1] = c
      end
      g[#g + 1] = { s = e.s:sub(2), tail = e.tail }
    end
  end
  local alts = {}
  for k, c in ipairs(order) do alts[k] = P(c) * node(groups[c], tail) end
  if leaf then alts[#alts + 1] = leaf.tail or tail end
  return any_of(alts)
end

local function trie(entries, tail)
  local seen, uniq = {}, {}
  for _, e in ipairs(entries) do
    if not seen[e.s] then
      seen[e.s] = true
      uniq[#uniq + 1] = e
    end
  end
  return node(uniq, tail)
end
M.trie = trie

-- Word lists by table lookup ---------------------------------------------------
--
-- The gazetteer and the stop words are matched by a table lookup, not a
-- pattern: the folded text's word at the current position selects the
-- phrases that start with it, and the longest one that is there and ends
-- a word wins: what a trie of the phrases finds, without building one
-- (building those two tries with LPeg was most of the start-up time, and
-- they are tried only some tens of times per document). The short lists
-- (heads, qualifiers, collective nouns, roles) stay tries: they are cheap
-- to build and tried more often, where a Lua call per test costs more
-- than it saves (measured: 0.3 M instructions per document against 6 M
-- once). A phrase table is { [first word] = { {s = folded phrase, n = #s,
-- kind = ...}, ... longest first } }.

local sub, byte = string.sub, string.byte

local function add_phrase(tbl, f, x)
  local key = f:match("^[a-z0-9\128-\255]*")
  local c = tbl[key]
  if not c then
    c = {}
    tbl[key] = c
  end
  x.s, x.n = f, #f
  c[#c + 1] = x
end

local function sort_phrases(tbl)
  for _, c in pairs(tbl) do
    -- longest first; two phrases of one length cannot both be there
    table.sort(c, function(x, y) return x.n > y.n end)
  end
  return tbl
end

-- The longest phrase of tbl that starts at pos (where the text's word is
-- word, ending at e) and ends a word: one past its end and its entry, or
-- nil.
local function lookup_word(tbl, subject, pos, e, word)
  local c = tbl[word]
  if not c then return nil end
  for i = 1, #c do
    local x = c[i]
    local n = pos + x.n
    if n == e or sub(subject, pos, n - 1) == x.s then
      local b = byte(subject, n)
      if not b or not (b >= 128 or (b >= 97 and b <= 122) or (b >= 48 and b <= 57)) then return n, x end
    end
  end
  return nil
end

-- The word at the current position, captured, for the functions below
-- (lpeg.Cmt gets the position after it).
local WORDCH = lpeg.R("az", "09") + lpeg.R("\128\255")
local WORD = lpeg.C(WORDCH ^ 0)
local WEND = -WORDCH

-- Data strings as a phrase table (duplicates and empty strings dropped).
local function phrases(list)
  local tbl, seen = {}, {}
  for _, item in ipairs(list) do
    local f = M.fold_name(item)
    if f ~= "" and not seen[f] then
      seen[f] = true
      add_phrase(tbl, f, {})
    end
  end
  return sort_phrases(tbl)
end

-- A pattern matching a phrase of tbl (no captures).
local function phrase_pattern(tbl)
  return lpeg.Cmt(WORD, function(subject, e, word)
    return (lookup_word(tbl, subject, e - #word, e, word)) or false
  end)
end

-- Data strings as a trie (see trie; for the short lists, which are tried
-- more often than their size would say).
local function choice(list)
  local entries, seen = {}, {}
  for _, item in ipairs(list) do
    local f = M.fold_name(item)
    if f ~= "" and not seen[f] then
      seen[f] = true
      entries[#entries + 1] = { s = f }
    end
  end
  if #entries == 0 then return P(false) end
  return trie(entries, WEND)
end

-- Heads as a trie; alone = heads that need no name word after them.
local function heads_trie(heads, alone)
  local entries = {}
  for _, h in ipairs(heads) do
    if (h.alone or false) == alone then
      local tail = WEND
      if h.not_before then tail = WEND * -(P " " * choice(h.not_before)) end
      entries[#entries + 1] = { s = M.fold_name(h[1]), tail = tail }
    end
  end
  return trie(entries, WEND)
end

-- The gazetteer of complete names: a phrase table whose entries carry the
-- kind ("specific", or the entry's own), given to the patterns as
-- lpeg.match's first extra argument (lpeg.Carg(1)), so one compiled
-- grammar serves every gazetteer.

local function add_names(gaz, list, seen)
  for _, item in ipairs(list) do
    local f = M.fold_name(type(item) == "table" and item[1] or item)
    if f ~= "" and not seen[f] then
      seen[f] = true
      add_phrase(gaz, f, { kind = type(item) == "table" and item.kind or "specific" })
    end
  end
end

local extra = {} -- entries added by extend()
local builtin     -- the gazetteer of M.names and extend(), built on first use
local by_list = {} -- opts.agencies lists -> gazetteer (memo, see M.gazetteer)
local by_list_n = 0

local function builtin_gazetteer()
  if not builtin then
    local gaz, seen = {}, {}
    add_names(gaz, M.names, seen)
    add_names(gaz, extra, seen)
    builtin = sort_phrases(gaz)
  end
  return builtin
end

--- The gazetteer of the built-in names, those added by extend(), and the
-- names of list (strings, or {name, kind = "collective"}; nil or empty:
-- the built-in one). Memoised per list (keyed by its names joined).
function M.gazetteer(list)
  if not list or not list[1] then return builtin_gazetteer() end
  local parts = {}
  for i, item in ipairs(list) do
    parts[i] = type(item) == "table" and ((item.kind or "") .. "\1" .. item[1]) or item
  end
  local key = table.concat(parts, "\0")
  local gaz = by_list[key]
  if gaz then return gaz end
  gaz = {}
  local seen = {}
  add_names(gaz, M.names, seen)
  add_names(gaz, extra, seen)
  add_names(gaz, list, seen)
  sort_phrases(gaz)
  if by_list_n >= 64 then -- a bounded memo: configurations do not vary much
    by_list, by_list_n = {}, 0
  end
  by_list[key], by_list_n = gaz, by_list_n + 1
  return gaz
end

-- Match time: the longest name of gaz at the word followed by a word end.
local function known_at(subject, e, word, gaz)
  local n, x = lookup_word(gaz or builtin_gazetteer(), subject, e - #word, e, word)
  if not n then return false end
  return n, x.kind
end
local KNOWN = lpeg.Cmt(WORD * lpeg.Carg(1), known_at)

local compiled    -- cache of the built patterns
local tries       -- the tries, built once

--- The grammar's rules (re syntax; %x80-%xff stands for the UTF-8 byte
-- range), for grammars that embed agency lists: the module's own
-- patterns and those of vbcheck.tasks are built from this text and
-- M.defs(), one grammar each, so each trie is in each grammar once.
M.RULES = [[
  list        <- {| member (lsep (member / unknown))* |}
  first_list  <- {| (member / unknown_first) (lsep (member / unknown))* |}
  lsep        <- sp? ',' (sp 'va')? sp / sp 'va' sp / sp 'cung' sp
  member      <- {| {:s: {} :} (a_role sp)? body {:e: {} :} |}
  body        <- {:k: collective %collective :} / {:k: %known :} quals / generic quals
  -- "các sở, ban, ngành, đoàn thể tỉnh", "UBND các huyện, thành phố"
  collective  <- (org sp)? 'cac' sp cnoun_q (csep ('cac' sp)? cnoun_q)*
  org         <- 'ubnd' / 'uy ban nhan dan' / 'hdnd' / 'hoi dong nhan dan' / 'cong an' / 'chu tich ubnd'
  cnoun_q     <- %cnoun &cend (sp a_qual)*
  csep        <- sp? ',' (sp 'va')? sp / sp 'va' sp / sp &'cac'
  cend        <- sp? [,;:.()] / sp? %nl / sp a_qual / sp ('va' / 'cac' / 'voi' / 'cua') w / sp a_stop / sp? !.
  quals       <- (sp a_qual)* (sp? '(' [^)]^-30 ')')?
  -- a name not in the gazetteer: head + name words up to a stop word
  generic     <- {:k: %specific :} (%head_alone (sp nameword)* / %head (sp nameword)^+1)
                 (sp? ',' sp 'chong' (sp nameword)*)?
  nameword    <- !a_stop !('va' w) (word / '-' / '&')
  word        <- [a-z0-9%x80-%xff] [a-z0-9%x80-%xff-]*
  -- a list member the grammar does not know ("CDC", OCR-damaged names):
  -- a few words that end where the list goes on or the predicate starts
  unknown     <- {| {:s: {} :} {:k: %unknown :} uword (sp uword)^-4 {:e: {} :} &uend |}
  unknown_first <- {| {:s: {} :} {:k: %unknown :} uword (sp uword)^-6 {:e: {} :} &(sp? ',') |}
  uword       <- !a_stop !'va ' word
  uend        <- sp? ',' / sp ('va' / 'cung') w / sp a_stop / sp? [;:.(] / sp? !.
  a_stop      <- %stop
  a_qual      <- %qual
  a_role      <- %role
  sp          <- ' '
  w           <- ![a-z0-9%x80-%xff]
]]

--- The definitions M.RULES refers to (%known, %stop, ...). %known reads
-- the gazetteer from lpeg.match's first extra argument.
function M.defs()
  if not tries then
    tries = {
      head = heads_trie(M.heads, false), head_alone = heads_trie(M.heads, true),
      cnoun = choice(M.collective_nouns), qual = choice(M.qualifiers), role = choice(M.roles),
      stop = phrase_pattern(phrases(M.stop_words)),
    }
  end
  local defs = { known = KNOWN, collective = Cc "collective", specific = Cc "specific", unknown = Cc "unknown" }
  for k, v in pairs(tries) do defs[k] = v end
  return defs
end

--- re source text with the byte range written out (re has no escapes for bytes).
function M.bytes(src) return (src:gsub("%%x80%-%%xff", "\128-\255")) end

local function build()
  local defs = M.defs()
  local src = M.bytes(M.RULES)
  compiled = {
    list = re.compile("start <- list\n" .. src, defs),
    first_list = re.compile("start <- first_list\n" .. src, defs),
    stop = defs.stop, known = KNOWN,
  }
  return compiled
end

--- The compiled patterns: `list` matches a list of agencies at the current
-- position and captures { {s=, e=, k=}, ... } (positions in the folded
-- subject, e one past the end; k = "specific" | "collective" | "unknown");
-- `first_list` also accepts an unrecognised first member when a later
-- one is known (OCR damage); `stop` matches one stop word; `known` a name
-- of the gazetteer. Give the gazetteer (M.gazetteer) as the extra
-- argument of match: `list:match(f, init, gaz)`; without one (nil) the
-- built-in one is used.
function M.patterns()
  return compiled or build()
end

--- Add bodies (strings, or {name, kind = "collective"}) to the gazetteer.
-- Names are written normally, with diacritics; they are folded here.
function M.extend(list)
  for _, e in ipairs(list) do extra[#extra + 1] = e end
  builtin, by_list, by_list_n = nil, {}, 0
end

-- Words that name no kind of body in particular.
local GENERAL = { cac = true, co = true, quan = true, don = true, vi = true, to = true, chuc = true, ca = true,
  nhan = true, lien = true, va = true, khac = true, nhung = true, cung = true }

--- Forget the bodies added by extend() (tests).
function M.reset()
  extra = {}
  builtin, by_list, by_list_n = nil, {}, 0
end

--- A list member is vague when it names nobody in particular: "các cơ
-- quan, đơn vị liên quan", "các đơn vị có liên quan" (but "các sở, ngành,
-- đơn vị liên quan" names the sở and ngành). f is the member's folded text.
function M.is_vague(f)
  if not f:find("lien quan", 1, true) then return false end
  for word in f:gmatch("[%w]+") do
    if not GENERAL[word] then return false end
  end
  return true
end

return M
