-- luacheck: std +busted
-- What the parser must extract from documents whose layout was damaged on
-- the way to plain text (spec/fixtures/layouts/), and how it must fail on
-- input that is not a text document (spec/fixtures/bad/).
--
-- Expected values come from reading each document as a person would (NĐ 30
-- and HD 36 forms), not from any parser's output. Strings are NFC, in the
-- fixtures and in this file, and are compared exactly; `squashed` compares
-- with every run of whitespace collapsed to one space (texts joined from
-- several lines), `prefix`/`suffix`/`contains`/`lacks` likewise. Lines are
-- 1-based lines of the original file (LF, CRLF or CR ends a line; a form
-- feed does not); columns count code points.
--
-- Fixtures that are not plain UTF-8 with LF:
--   crlf.txt      UTF-8 with a BOM and CRLF line ends.
--   utf16le.txt   UTF-16 LE with a BOM. To edit it, decode, edit, encode:
--     iconv -f UTF-16 -t UTF-8 spec/fixtures/layouts/utf16le.txt > /tmp/utf16le.utf8
--     python3 -c 'import sys; d = sys.stdin.buffer.read().decode("utf-8");
--       sys.stdout.buffer.write(b"\xff\xfe" + d.encode("utf-16-le"))' \
--       < /tmp/utf16le.utf8 > spec/fixtures/layouts/utf16le.txt
--   pdftotext-layout.txt  has a form feed at the start of line 26 (page 2)
--                         and a last line holding only a form feed.
-- Bad inputs (offsets are 0-based byte offsets into the file):
--   invalid-utf8.txt  C3 28 (a broken "ế") at byte 112, in line 5.
--   binary.txt        UTF-8 text, then NUL bytes from byte 57 (no byte >= 0x80 after it).
--   legacy-tcvn3.txt  TCVN3 (ABC) text made with `iconv -t TCVN5712-1` after
--                     lowering the capitals with tone marks, as .VnTimeH text
--                     stores them; its first byte >= 0x80 is 0xD8 ("ỉ") at byte 6.
--   empty.txt         0 bytes.   whitespace.txt  spaces and 7 LFs.
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "build/lib/?.so;" .. package.cpath

local vb = require "vbcheck"

local LAYOUTS = "spec/fixtures/layouts/"
local BAD = "spec/fixtures/bad/"

local QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
local TN = "Độc lập - Tự do - Hạnh phúc"
local DCS = "ĐẢNG CỘNG SẢN VIỆT NAM"

-- ---- helpers ----------------------------------------------------------------

--- doc["a"]["b"][3] for "a.b.3"; nil as soon as a step is missing.
local function get(t, path)
  for key in path:gmatch("[^.]+") do
    if type(t) ~= "table" then return nil end
    t = t[tonumber(key) or key]
  end
  return t
end

--- Runs of whitespace to one space, trimmed.
local function squash(s)
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

local function show(v)
  return type(v) == "string" and ("%q"):format(v) or tostring(v)
end

local cache = {}
--- The model of a layout fixture, parsed once.
local function parsed(file)
  if not cache[file] then
    local doc, err = vb.parse_file(LAYOUTS .. file)
    assert(doc, ("%s: %s"):format(file, tostring(err)))
    cache[file] = doc
  end
  return cache[file]
end

--- The text at path, squashed; fails when it is not a string.
local function text_at(doc, path)
  local s = get(doc, path)
  assert(type(s) == "string", ("%s is %s, not a string"):format(path, show(s)))
  return squash(s)
end

-- ---- the fixtures --------------------------------------------------------------
-- Per case:
--   equal     {path, value}: exact (strings, numbers, booleans, line numbers)
--   missing   paths that must be nil
--   count     {path, n}: #list (`lines` is the number of original lines)
--   squashed  {path, text}: equal after squashing whitespace
--   prefix, suffix, contains, lacks  {path, text} on the squashed text
--   texts     {path, {...}}: the squashed .text of every element of a list
--   refs      {number, iso, doc_type}: references in order (those with a
--             number); iso/doc_type checked when given
--   paragraphs  texts that some body paragraph must contain (squashed)

local CASES = {
  {
    file = "pdftotext-layout.txt",
    about = "pdftotext -layout: columns side by side, justified body, page break, form feeds",
    equal = {
      { "format", "text" }, { "family", "state" }, { "diacritics", true },
      { "national.text", QH }, { "national.motto", TN }, { "national.line", 1 }, { "national.column", 45 },
      { "issuer.name", "SỞ Y TẾ" }, { "issuer.parent", "UBND TỈNH HÀ GIANG" },
      { "number.raw", "Số: 125/SYT-NVY" }, { "number.seq", 125 }, { "number.symbol", "125/SYT-NVY" },
      { "number.issuer_code", "SYT" }, { "number.unit_code", "NVY" }, { "number.line", 4 },
      { "place_date.place", "Hà Giang" }, { "place_date.day", 5 }, { "place_date.month", 3 },
      { "place_date.year", 2024 }, { "place_date.iso", "2024-03-05" },
      { "place_date.line", 4 }, { "place_date.column", 48 },
      { "doc_type.code", "cong-van" },
      { "subject.line", 5 }, { "subject.end_line", 6 },
      { "addressees.1.line", 8 }, { "addressees.3.line", 10 },
      { "items.1.label", "1." }, { "items.1.line", 17 }, { "items.2.line", 21 }, { "items.2.end_line", 29 },
      { "items.3.line", 31 }, { "items.4.label", "4." }, { "items.4.line", 35 },
      { "signature.line", 41 }, { "signature.authority.1.prefix", "KT." },
      { "signature.authority.1.of", "GIÁM ĐỐC" }, { "signature.authority.1.column", 63 },
      { "signature.title", "PHÓ GIÁM ĐỐC" }, { "signature.title_line", 42 },
      { "signature.name", "Hoàng Văn Thắng" }, { "signature.name_line", 48 },
      { "recipients.line", 40 }, { "recipients.archive.text", "Lưu: VT, NVY." }, { "recipients.archive.line", 45 },
    },
    missing = { "number.type_code", "doc_type.name" },
    count = { { "addressees", 3 }, { "items", 4 }, { "signature.authority", 1 }, { "recipients.items", 5 },
      { "lines", 49 } },
    squashed = {
      { "subject.text", "V/v tăng cường phòng, chống bệnh sốt xuất huyết Dengue năm 2024" },
    },
    prefix = {
      { "items.1.text", "Trung tâm Kiểm soát bệnh tật tỉnh chủ trì, phối hợp với Trung tâm Y tế các huyện, "
        .. "thành phố xây dựng kế hoạch giám sát véc tơ" },
      { "items.3.text", "Các bệnh viện đa khoa tuyến tỉnh rà soát thuốc" },
    },
    suffix = {
      { "items.2.text", "hoàn thành đợt 1 trong tháng 4/2024." },
      { "items.4.text", "báo cáo Giám đốc Sở trước ngày 30/6/2024." },
    },
    contains = {
      -- the page break (form feed, page number "2") falls inside this sentence
      { "items.2.text", "xử lý các dụng cụ chứa nước, ổ bọ gậy tại các hộ gia đình, trường học" },
    },
    lacks = { { "items.2.text", "\f" }, { "items.2.text", "ổ bọ gậy 2" }, { "items.4.text", "./." } },
    texts = {
      { "addressees", { "Trung tâm Kiểm soát bệnh tật tỉnh;", "Các bệnh viện đa khoa tuyến tỉnh;",
        "Trung tâm Y tế các huyện, thành phố." } },
      { "recipients.items", { "Như trên;", "UBND tỉnh (b/c);", "Giám đốc Sở (b/c);",
        "Trung tâm Truyền thông - GDSK tỉnh;", "Lưu: VT, NVY." } },
    },
    refs = {
      { "1024/BYT-DP", "2024-02-26", "cong-van" },
      -- "Kế hoạch số 45/KH-UBND" ends line 13, its date starts line 14
      { "45/KH-UBND", "2024-02-20", "ke-hoach" },
    },
  },

  {
    file = "word-table.txt",
    about = "Word tables saved as text: `cell | cell`, empty cells, Kế hoạch with Roman parts",
    equal = {
      { "family", "state" }, { "diacritics", true },
      { "national.text", QH }, { "national.motto", TN }, { "national.line", 1 }, { "national.column", 19 },
      { "issuer.name", "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG" }, { "issuer.line", 1 },
      { "number.raw", "Số: 87/KH-UBND" }, { "number.seq", 87 }, { "number.symbol", "87/KH-UBND" },
      { "number.type_code", "KH" }, { "number.issuer_code", "UBND" }, { "number.line", 3 },
      { "place_date.place", "Cao Bằng" }, { "place_date.day", 8 }, { "place_date.month", 4 },
      { "place_date.year", 2024 }, { "place_date.iso", "2024-04-08" },
      { "place_date.line", 3 }, { "place_date.column", 18 },
      { "doc_type.name", "KẾ HOẠCH" }, { "doc_type.code", "ke-hoach" }, { "doc_type.line", 5 },
      { "subject.line", 6 }, { "subject.end_line", 7 },
      { "items.1.label", "I." }, { "items.1.kind", "roman" }, { "items.1.level", 1 }, { "items.1.line", 11 },
      { "items.2.label", "II." }, { "items.2.line", 15 },
      { "items.3.label", "III." }, { "items.3.line", 20 },
      { "items.1.children.1.label", "1." }, { "items.1.children.1.level", 2 }, { "items.1.children.1.line", 12 },
      { "items.3.children.3.label", "3." }, { "items.3.children.3.line", 23 },
      { "signature.line", 27 },
      { "signature.authority.1.prefix", "TM." }, { "signature.authority.1.of", "ỦY BAN NHÂN DÂN" },
      { "signature.authority.1.line", 27 }, { "signature.authority.1.column", 13 },
      { "signature.authority.2.prefix", "KT." }, { "signature.authority.2.of", "CHỦ TỊCH" },
      { "signature.authority.2.line", 28 },
      { "signature.title", "PHÓ CHỦ TỊCH" }, { "signature.title_line", 29 },
      { "signature.name", "Bế Thị Hồng Nhung" }, { "signature.name_line", 34 },
      { "recipients.line", 27 }, { "recipients.archive.text", "Lưu: VT, KGVX." }, { "recipients.archive.line", 33 },
    },
    missing = { "issuer.parent", "number.unit_code" },
    count = { { "addressees", 0 }, { "items", 3 }, { "items.1.children", 2 }, { "items.2.children", 3 },
      { "items.3.children", 3 }, { "signature.authority", 2 }, { "recipients.items", 6 }, { "lines", 34 } },
    squashed = {
      { "subject.text", "Triển khai chuyển đổi số trong cơ quan nhà nước trên địa bàn tỉnh Cao Bằng năm 2024" },
    },
    prefix = {
      { "items.1.text", "MỤC ĐÍCH, YÊU CẦU" },
      { "items.3.text", "TỔ CHỨC THỰC HIỆN" },
      { "items.2.children.1.text", "Hoàn thiện hạ tầng số: nâng cấp mạng truyền số liệu chuyên dùng" },
      { "items.3.children.1.text", "Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành" },
    },
    suffix = {
      { "items.3.children.3.text", "định kỳ hằng quý báo cáo kết quả thực hiện." },
    },
    lacks = { { "items.3.children.3.text", "Trong quá trình thực hiện" } },
    texts = {
      { "recipients.items", { "Bộ Thông tin và Truyền thông (b/c);", "TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
        "Chủ tịch, các PCT UBND tỉnh;", "Các sở, ban, ngành tỉnh;", "UBND các huyện, thành phố;",
        "Lưu: VT, KGVX." } },
    },
    refs = {
      { "12-NQ/TU", "2022-02-25", "nghi-quyet" },
      { "315/QĐ-UBND", "2023-03-14", "quyet-dinh" },
    },
  },

  {
    file = "party-layout.txt",
    about = "party thông báo, layout-flattened: ĐẢNG BỘ / HUYỆN ỦY / * beside ĐẢNG CỘNG SẢN VIỆT NAM",
    equal = {
      { "family", "party" }, { "diacritics", true },
      { "national.text", DCS }, { "national.line", 1 }, { "national.column", 51 },
      { "issuer.name", "HUYỆN ỦY BẮC SƠN" }, { "issuer.parent", "ĐẢNG BỘ TỈNH LẠNG SƠN" },
      { "number.raw", "Số 45-TB/HU" }, { "number.seq", 45 }, { "number.symbol", "45-TB/HU" },
      { "number.type_code", "TB" }, { "number.issuer_code", "HU" }, { "number.colon", false }, { "number.line", 4 },
      { "place_date.place", "Bắc Sơn" }, { "place_date.day", 12 }, { "place_date.month", 1 },
      { "place_date.year", 2023 }, { "place_date.iso", "2023-01-12" },
      { "place_date.line", 4 }, { "place_date.column", 43 },
      { "doc_type.name", "THÔNG BÁO" }, { "doc_type.code", "thong-bao" }, { "doc_type.line", 6 },
      { "subject.line", 7 }, { "subject.end_line", 8 },
      { "items.1.label", "1." }, { "items.1.line", 16 }, { "items.2.line", 20 }, { "items.2.end_line", 23 },
      { "items.3.line", 25 }, { "items.5.label", "5." }, { "items.5.line", 33 },
      { "signature.line", 39 },
      { "signature.authority.1.prefix", "T/M" }, { "signature.authority.1.of", "BAN THƯỜNG VỤ" },
      { "signature.authority.1.column", 59 },
      { "signature.title", "PHÓ BÍ THƯ" }, { "signature.title_line", 40 },
      { "signature.name", "Hà Văn Khánh" }, { "signature.name_line", 47 },
      { "recipients.line", 39 }, { "recipients.archive.text", "Lưu Văn phòng Huyện ủy." },
      { "recipients.archive.line", 44 },
    },
    missing = { "national.motto", "number.unit_code" },
    count = { { "addressees", 0 }, { "items", 5 }, { "signature.authority", 1 }, { "recipients.items", 5 },
      { "lines", 47 } },
    squashed = {
      -- the "-----" rule under the trích yếu is not part of it
      { "subject.text", "kết luận của Ban Thường vụ Huyện ủy về công tác quản lý, bảo vệ rừng và phòng cháy, "
        .. "chữa cháy rừng mùa khô 2022 - 2023" },
    },
    prefix = {
      { "items.2.text", "Ủy ban nhân dân huyện chỉ đạo Hạt Kiểm lâm huyện chủ trì, phối hợp với Ủy ban nhân dân" },
    },
    contains = {
      -- line 23 starts with "24/24": a continuation, not an item
      { "items.2.text", "bố trí lực lượng trực 24/24 giờ tại các vùng trọng điểm trong mùa khô." },
      { "items.3.text", "quán triệt Chỉ thị số 12-CT/TU, ngày 20/12/2022 của Ban Thường vụ Tỉnh ủy" },
    },
    suffix = { { "items.5.text", "định kỳ hằng quý báo cáo Ban Thường vụ Huyện ủy." } },
    lacks = { { "items.5.text", "thông báo để các cấp ủy" } },
    texts = {
      { "recipients.items", { "Thường trực Tỉnh ủy (b/c),", "Các đồng chí Huyện ủy viên,",
        "Các chi bộ, đảng bộ cơ sở,", "UBND huyện, Hạt Kiểm lâm huyện,", "Lưu Văn phòng Huyện ủy." } },
    },
    refs = { { "12-CT/TU", "2022-12-20", "chi-thi" } },
  },

  {
    file = "cong-bao.txt",
    about = "Công báo print: running heads with page numbers, Điều articles, (Đã ký), no Nơi nhận",
    equal = {
      { "family", "state" },
      { "national.text", QH }, { "national.motto", TN }, { "national.line", 4 },
      { "issuer.name", "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ" }, { "issuer.line", 4 },
      -- not "Số 215 + 216" / "Ngày 20-4-2022" of the running head on line 1
      { "number.raw", "Số: 812/QĐ-UBND" }, { "number.seq", 812 }, { "number.symbol", "812/QĐ-UBND" },
      { "number.type_code", "QĐ" }, { "number.issuer_code", "UBND" }, { "number.line", 7 },
      { "place_date.place", "Quảng Trị" }, { "place_date.day", 8 }, { "place_date.month", 4 },
      { "place_date.year", 2022 }, { "place_date.iso", "2022-04-08" }, { "place_date.line", 7 },
      { "doc_type.name", "QUYẾT ĐỊNH" }, { "doc_type.code", "quyet-dinh" }, { "doc_type.line", 9 },
      { "subject.line", 10 }, { "subject.end_line", 11 },
      { "items.1.label", "Điều 1." }, { "items.1.kind", "article" }, { "items.1.line", 26 },
      { "items.2.label", "Điều 2." }, { "items.2.line", 40 },
      { "items.3.label", "Điều 3." }, { "items.3.line", 41 },
      { "items.1.children.1.label", "1." }, { "items.1.children.1.line", 28 },
      { "items.1.children.3.label", "3." }, { "items.1.children.3.line", 33 },
      { "items.1.children.3.end_line", 39 },
      { "signature.line", 46 },
      { "signature.authority.1.prefix", "TM." }, { "signature.authority.1.of", "ỦY BAN NHÂN DÂN" },
      { "signature.title", "CHỦ TỊCH" }, { "signature.title_line", 47 },
      { "signature.name", "Nguyễn Đăng Khoa" }, { "signature.name_line", 50 },
    },
    missing = { "recipients", "issuer.parent", "number.unit_code" },
    count = { { "addressees", 0 }, { "items", 3 }, { "items.1.children", 3 }, { "items.2.children", 0 },
      { "signature.authority", 1 }, { "lines", 50 } },
    squashed = {
      { "subject.text", "Về việc giao nhiệm vụ thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới "
        .. "trên địa bàn tỉnh năm 2022" },
      -- the running head of page 28 (line 37) falls inside this sentence
      { "items.1.children.3.text", "Ủy ban nhân dân các huyện, thị xã, thành phố tổ chức thực hiện các tiêu chí "
        .. "theo kế hoạch; định kỳ hằng quý báo cáo kết quả về Văn phòng Điều phối nông thôn mới tỉnh trước ngày 20 "
        .. "của tháng cuối quý." },
      { "items.2.text", "Quyết định này có hiệu lực thi hành kể từ ngày ký." },
    },
    prefix = {
      { "items.1.text", "Giao nhiệm vụ thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới" },
      { "items.3.text", "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở" },
    },
    lacks = { { "items.1.children.3.text", "CÔNG BÁO" }, { "items.3.text", "CÔNG BÁO" } },
    -- and nothing from the running heads ("215 + 216", "20-4-2022")
    refs = {
      { "15/2022/NQ-HĐND", "2022-03-25", "nghi-quyet" },
      { "56/TTr-SNN", "2022-03-28", "to-trinh" },
    },
  },

  {
    file = "hyphenated.txt",
    about = "hard wraps at ~70 columns: hyphen breaks in tokens, number-led wraps, page-break blank line",
    equal = {
      { "family", "party" }, { "diacritics", true },
      { "national.text", DCS }, { "national.line", 6 },
      { "issuer.name", "TỈNH ỦY BẮC KẠN" }, { "issuer.line", 1 },
      { "number.raw", "Số 2318-CV/TU" }, { "number.seq", 2318 }, { "number.symbol", "2318-CV/TU" },
      { "number.type_code", "CV" }, { "number.issuer_code", "TU" }, { "number.line", 3 },
      { "place_date.place", "Bắc Kạn" }, { "place_date.iso", "2022-03-15" }, { "place_date.line", 7 },
      { "doc_type.code", "cong-van" },
      { "subject.line", 4 }, { "subject.end_line", 5 },
      { "addressees.1.line", 10 },
      { "items.1.line", 22 }, { "items.2.label", "2." }, { "items.2.line", 27 }, { "items.2.end_line", 31 },
      { "items.3.label", "3." }, { "items.3.line", 33 }, { "items.3.end_line", 38 },
      { "items.4.label", "4." }, { "items.4.line", 40 },
      { "signature.line", 53 },
      { "signature.authority.1.prefix", "T/M" }, { "signature.authority.1.of", "BAN THƯỜNG VỤ" },
      { "signature.title", "PHÓ BÍ THƯ THƯỜNG TRỰC" }, { "signature.title_line", 54 },
      { "signature.name", "Phạm Duy Hưng" }, { "signature.name_line", 56 },
      { "recipients.line", 47 }, { "recipients.archive.text", "Lưu Văn phòng Tỉnh ủy." },
      { "recipients.archive.line", 51 },
    },
    missing = { "issuer.parent", "national.motto", "doc_type.name" },
    count = { { "addressees", 3 }, { "items", 4 }, { "recipients.items", 4 }, { "lines", 56 } },
    squashed = {
      { "subject.text", "V/v tiếp tục tăng cường các biện pháp phòng, chống dịch Covid-19 trong tình hình mới" },
    },
    contains = {
      -- "Covid-" / "19 cho": the hyphen stays, no space
      { "items.2.text", "tiêm vắc xin phòng Covid-19 cho các nhóm đối tượng" },
      -- "trong năm" / "2021. Trên cơ sở đó": line 30 is not item "2021."
      { "items.2.text", "đạt được trong năm 2021. Trên cơ sở đó, xây dựng kế hoạch tiêm mũi nhắc lại" },
      -- a blank line (page break) inside the sentence, lines 35-37
      { "items.3.text", "để cán bộ, đảng viên và nhân dân không hoang mang" },
    },
    suffix = {
      { "items.2.text", "hoàn thành trước ngày 30/4/2022." },
      { "items.3.text", "báo cáo kết quả về Ban Thường vụ Tỉnh ủy trước ngày 15/4/2022." },
    },
    lacks = { { "items.2.text", "Covid- 19" }, { "items.4.text", "Văn phòng Tỉnh ủy theo dõi, đôn đốc" } },
    paragraphs = {
      -- "số 2145-" / "CV/TU": joined without a space
      "Ban Thường vụ Tỉnh ủy đã ban hành Công văn số 2145-CV/TU về việc thực hiện",
      -- "kinh tế -" / "xã hội": a spaced dash keeps its spaces
      "ảnh hưởng đến phát triển kinh tế - xã hội của địa phương",
    },
    texts = {
      { "addressees", { "Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy,",
        "Các ban đảng, ban cán sự đảng, đảng đoàn, Văn phòng Tỉnh ủy,",
        "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh." } },
      { "recipients.items", { "Như trên,", "Văn phòng Trung ương Đảng (b/c),", "Thường trực Tỉnh ủy,",
        "Lưu Văn phòng Tỉnh ủy." } },
    },
    refs = { { "2145-CV/TU", nil, "cong-van" } },
  },

  {
    file = "ocr-flat.txt",
    about = "OCR without diacritics, columns joined by single spaces, letter noise (S6, ndm)",
    equal = {
      { "family", "state" }, { "diacritics", false },
      { "national.text", "CONG HOA XA HOI CHU NGHIA VIET NAM" }, { "national.motto", "Doc lap - Tu do - Hanh phuc" },
      { "national.line", 1 }, { "national.column", 21 },
      { "issuer.name", "SO GIAO DUC VA DAO TAO" }, { "issuer.parent", "UBND TINH DIEN BIEN" },
      { "number.raw", "S6: 210/SGDDT-VP" }, { "number.seq", 210 }, { "number.symbol", "210/SGDDT-VP" },
      { "number.issuer_code", "SGDDT" }, { "number.unit_code", "VP" }, { "number.line", 4 },
      { "place_date.place", "Dien Bien" }, { "place_date.day", 14 }, { "place_date.month", 9 },
      { "place_date.year", 2022 }, { "place_date.iso", "2022-09-14" },
      { "place_date.line", 4 }, { "place_date.column", 18 },
      { "doc_type.code", "cong-van" },
      { "subject.line", 5 }, { "subject.end_line", 6 },
      { "addressees.1.line", 9 },
      { "items.1.label", "1." }, { "items.1.line", 18 }, { "items.4.label", "4." }, { "items.4.line", 30 },
      { "items.4.end_line", 32 },
      { "signature.line", 36 },
      { "signature.authority.1.prefix", "KT." }, { "signature.authority.1.of", "GIAM DOC" },
      { "signature.authority.1.column", 11 },
      { "signature.title", "PHO GIAM DOC" }, { "signature.title_line", 37 },
      { "signature.name", "Lo Thi Thanh Huyén" }, { "signature.name_line", 42 },
      { "recipients.line", 36 }, { "recipients.archive.text", "Luu: VT, VP." }, { "recipients.archive.line", 40 },
    },
    missing = { "number.type_code", "doc_type.name" },
    count = { { "addressees", 3 }, { "items", 4 }, { "signature.authority", 1 }, { "recipients.items", 4 },
      { "lines", 42 } },
    squashed = {
      -- the wrap starts with "2022 - 2023"
      { "subject.text", "V/v trien khai nhiém vu trong tam nam hoc 2022 - 2023" },
    },
    prefix = { { "items.2.text", "Cac truong trung hoc pho thong td chirc day hoc 2 budi/ngay" } },
    suffix = {
      { "items.1.text", "hoan thanh truéc ngay 30/9/2022." },
      { "items.4.text", "bao cao Giam déc So truéc ngay 15/12/2022." },
    },
    texts = {
      { "addressees", { "Phong Giao duc va Dao tao cac huyén, thi xa, thanh pho;",
        "Cac truong trung hoc pho thong, truong pho thong dan toc ndi tru;", "Cac don vi truc thudc So." } },
      -- "PHO GIAM DOC" split off line 37; "UBND" and "VT, VP." are not signature columns
      { "recipients.items", { "Nhu trén;", "UBND tinh (b/c);", "Giam déc, cac PGD So;", "Luu: VT, VP." } },
    },
    refs = { { "1112/CT-BGDDT", "2022-09-05", "chi-thi" } },
  },

  {
    file = "markdown.md",
    about = "Markdown draft: bold header, blank number and day, # heading, emphasis, nested lists",
    equal = {
      { "format", "markdown" }, { "family", "state" }, { "diacritics", true },
      { "national.text", QH }, { "national.motto", TN }, { "national.line", 4 },
      { "issuer.name", "ỦY BAN NHÂN DÂN TỈNH SƠN LA" }, { "issuer.line", 1 },
      { "number.symbol", "UBND-KT" }, { "number.issuer_code", "UBND" }, { "number.unit_code", "KT" },
      { "number.line", 7 },
      { "place_date.place", "Sơn La" }, { "place_date.month", 11 }, { "place_date.year", 2025 },
      { "place_date.line", 9 },
      -- the type comes from the heading, not from the number (which has no type code)
      { "doc_type.name", "CHỈ THỊ" }, { "doc_type.code", "chi-thi" }, { "doc_type.line", 11 },
      { "subject.line", 13 },
      { "items.1.label", "1." }, { "items.1.line", 17 },
      { "items.1.children.1.label", "-" }, { "items.1.children.1.line", 18 }, { "items.1.children.2.line", 19 },
      { "items.2.line", 20 }, { "items.4.label", "4." }, { "items.4.line", 22 },
      { "signature.line", 34 },
      { "signature.authority.1.prefix", "KT." }, { "signature.authority.1.of", "CHỦ TỊCH" },
      { "signature.title", "PHÓ CHỦ TỊCH" }, { "signature.title_line", 35 },
      { "signature.name", "Quàng Văn Tuấn" }, { "signature.name_line", 37 },
      { "recipients.line", 26 }, { "recipients.archive.text", "Lưu: VT, KT." }, { "recipients.archive.line", 32 },
    },
    missing = { "number.seq", "number.type_code", "place_date.day", "place_date.iso", "issuer.parent" },
    count = { { "addressees", 0 }, { "items", 4 }, { "items.1.children", 2 }, { "signature.authority", 1 },
      { "recipients.items", 6 }, { "lines", 37 } },
    squashed = {
      { "number.raw", "Số: /UBND-KT" },
      { "subject.text", "Về tăng cường quản lý, bảo vệ rừng và phòng cháy, chữa cháy rừng mùa khô năm 2025 - 2026" },
    },
    prefix = {
      { "items.1.text", "Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh" },
      { "items.2.text", "Ủy ban nhân dân các xã, phường thường xuyên kiểm tra" },
      { "items.1.children.1.text", "Rà soát, cập nhật phương án phòng cháy, chữa cháy rừng" },
    },
    contains = {
      { "items.2.text", "xử lý nghiêm các hành vi đốt nương, làm rẫy trái phép." },
      { "items.1.children.2.text", "trong thời gian cao điểm (từ tháng 01 đến tháng 4/2026)." },
    },
    lacks = {
      { "subject.text", "*" }, { "items.1.text", "*" }, { "items.2.text", "_" }, { "items.3.text", "*" },
      { "items.1.children.2.text", "*" }, { "issuer.name", "*" }, { "place_date.place", "*" },
    },
    texts = {
      { "recipients.items", { "Bộ Nông nghiệp và Môi trường (b/c);", "TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
        "Chủ tịch, các PCT UBND tỉnh;", "Các sở, ban, ngành tỉnh;", "UBND các xã, phường;", "Lưu: VT, KT." } },
    },
    refs = { { "12/CĐ-TTg", "2025-10-20", "cong-dien" } },
  },

  {
    file = "crlf.txt",
    about = "clean công văn with a UTF-8 BOM and CRLF line ends",
    equal = {
      { "format", "text" }, { "family", "state" },
      { "lines.1", "ỦY BAN NHÂN DÂN" }, { "lines.33", "Đinh Văn Quang" },
      { "national.text", QH }, { "national.motto", TN }, { "national.line", 4 },
      { "issuer.name", "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH" }, { "issuer.line", 1 },
      { "number.raw", "Số: 1536/UBND-VP3" }, { "number.seq", 1536 }, { "number.symbol", "1536/UBND-VP3" },
      { "number.issuer_code", "UBND" }, { "number.unit_code", "VP3" }, { "number.line", 7 },
      { "place_date.place", "Ninh Bình" }, { "place_date.iso", "2023-11-20" }, { "place_date.line", 10 },
      { "doc_type.code", "cong-van" },
      { "subject.text", "V/v chuẩn bị Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023" },
      { "subject.line", 8 },
      { "addressees.1.text", "Sở Nội vụ tỉnh Ninh Bình." }, { "addressees.1.line", 12 },
      { "items.1.line", 16 }, { "items.3.label", "3." }, { "items.3.line", 20 }, { "items.3.end_line", 20 },
      { "signature.line", 30 },
      { "signature.authority.1.prefix", "TL." }, { "signature.authority.1.of", "CHỦ TỊCH" },
      { "signature.title", "CHÁNH VĂN PHÒNG" }, { "signature.title_line", 31 },
      { "signature.name", "Đinh Văn Quang" }, { "signature.name_line", 33 },
      { "recipients.line", 24 }, { "recipients.archive.text", "Lưu: VT, VP3." }, { "recipients.archive.line", 28 },
    },
    missing = { "issuer.parent", "number.type_code" },
    count = { { "addressees", 1 }, { "items", 3 }, { "recipients.items", 4 }, { "lines", 33 } },
    suffix = { { "items.3.text", "báo cáo Ủy ban nhân dân tỉnh trong tháng 12/2023." } },
    -- the closing formula after the last item belongs to no item
    lacks = { { "items.3.text", "Nhận được văn bản này" } },
    texts = {
      { "recipients.items", { "Như trên;", "Chủ tịch, các PCT UBND tỉnh;", "Lãnh đạo Văn phòng UBND tỉnh;",
        "Lưu: VT, VP3." } },
    },
    refs = { { "25/2023/QĐ-UBND", "2023-06-12", "quyet-dinh" } },
    no_chars = { "\r", "\u{FEFF}" },
  },

  {
    file = "utf16le.txt",
    about = "short clean thông báo in UTF-16 LE with a BOM",
    equal = {
      { "format", "text" }, { "family", "state" },
      { "lines.1", "ỦY BAN NHÂN DÂN" }, { "lines.30", "Thào Seo Vảng" },
      { "national.text", QH }, { "national.line", 4 },
      { "issuer.name", "ỦY BAN NHÂN DÂN HUYỆN MƯỜNG KHƯƠNG" }, { "issuer.line", 1 },
      { "number.seq", 34 }, { "number.symbol", "34/TB-UBND" }, { "number.type_code", "TB" }, { "number.line", 7 },
      { "place_date.place", "Mường Khương" }, { "place_date.day", 2 }, { "place_date.month", 2 },
      { "place_date.year", 2024 }, { "place_date.iso", "2024-02-02" }, { "place_date.line", 9 },
      { "doc_type.name", "THÔNG BÁO" }, { "doc_type.code", "thong-bao" }, { "doc_type.line", 11 },
      { "subject.text", "Phân công trực Tết Nguyên đán Giáp Thìn năm 2024" }, { "subject.line", 12 },
      { "items.1.line", 16 }, { "items.3.label", "3." }, { "items.3.line", 20 },
      { "signature.line", 27 },
      { "signature.authority.1.prefix", "KT." }, { "signature.authority.1.of", "CHỦ TỊCH" },
      { "signature.title", "PHÓ CHỦ TỊCH" }, { "signature.name", "Thào Seo Vảng" }, { "signature.name_line", 30 },
      { "recipients.line", 22 }, { "recipients.archive.text", "Lưu: VT, VP." }, { "recipients.archive.line", 25 },
    },
    count = { { "items", 3 }, { "recipients.items", 3 }, { "references", 0 }, { "lines", 30 } },
    prefix = { { "items.2.text", "Các cơ quan, đơn vị, UBND các xã, thị trấn bố trí cán bộ trực 24/24 giờ" } },
    no_chars = { "\0", "\u{FEFF}", "\r" },
  },
}

-- ---- the specs -------------------------------------------------------------------

describe("layout fixtures", function()
  for _, case in ipairs(CASES) do
    describe(case.file .. ": " .. case.about, function()
      local function doc() return parsed(case.file) end

      it("parses", function()
        assert.is_table(doc())
      end)

      for _, e in ipairs(case.equal or {}) do
        it(("%s = %s"):format(e[1], show(e[2])), function()
          assert.are.equal(e[2], get(doc(), e[1]))
        end)
      end

      for _, path in ipairs(case.missing or {}) do
        it(path .. " is nil", function()
          assert.is_nil(get(doc(), path))
        end)
      end

      for _, e in ipairs(case.count or {}) do
        it(("#%s = %d"):format(e[1], e[2]), function()
          local list = get(doc(), e[1])
          assert.is_table(list, e[1])
          assert.are.equal(e[2], #list)
        end)
      end

      for _, e in ipairs(case.squashed or {}) do
        it(("%s = %s (whitespace collapsed)"):format(e[1], show(e[2])), function()
          assert.are.equal(squash(e[2]), text_at(doc(), e[1]))
        end)
      end

      for _, e in ipairs(case.prefix or {}) do
        it(("%s starts %s"):format(e[1], show(e[2])), function()
          local s, want = text_at(doc(), e[1]), squash(e[2])
          assert.truthy(s:sub(1, #want) == want, ("%s: %s"):format(e[1], s))
        end)
      end

      for _, e in ipairs(case.suffix or {}) do
        it(("%s ends %s"):format(e[1], show(e[2])), function()
          local s, want = text_at(doc(), e[1]), squash(e[2])
          assert.truthy(s:sub(-#want) == want, ("%s: %s"):format(e[1], s))
        end)
      end

      for _, e in ipairs(case.contains or {}) do
        it(("%s contains %s"):format(e[1], show(e[2])), function()
          local s = text_at(doc(), e[1])
          assert.truthy(s:find(squash(e[2]), 1, true), ("%s: %s"):format(e[1], s))
        end)
      end

      for _, e in ipairs(case.lacks or {}) do
        it(("%s lacks %s"):format(e[1], show(e[2])), function()
          local raw = get(doc(), e[1])
          assert.is_string(raw, e[1])
          assert.falsy(raw:find(e[2], 1, true), ("%s: %s"):format(e[1], raw))
          if squash(e[2]) ~= "" then
            assert.falsy(squash(raw):find(squash(e[2]), 1, true), ("%s: %s"):format(e[1], raw))
          end
        end)
      end

      for _, e in ipairs(case.texts or {}) do
        it(("%s texts"):format(e[1]), function()
          local list = get(doc(), e[1])
          assert.is_table(list, e[1])
          local got = {}
          for i, x in ipairs(list) do got[i] = squash(x.text) end
          assert.are.same(e[2], got)
        end)
      end

      if case.refs then
        it("references: " .. #case.refs, function()
          local want, got = {}, {}
          for i, r in ipairs(case.refs) do want[i] = r[1] end
          for _, r in ipairs(doc().references) do
            if r.number then got[#got + 1] = r.number end
          end
          assert.are.same(want, got)
        end)
        for _, r in ipairs(case.refs) do
          if r[2] or r[3] then
            it(("reference %s: %s %s"):format(r[1], tostring(r[3]), tostring(r[2])), function()
              local found
              for _, x in ipairs(doc().references) do
                if x.number == r[1] then found = x break end
              end
              assert.is_table(found, "no reference " .. r[1])
              if r[2] then assert.are.equal(r[2], found.iso) end
              if r[3] then assert.are.equal(r[3], found.doc_type) end
            end)
          end
        end
      end

      for _, s in ipairs(case.paragraphs or {}) do
        it(("a paragraph contains %s"):format(show(s)), function()
          local want = squash(s)
          for _, p in ipairs(doc().paragraphs or {}) do
            if squash(p.text):find(want, 1, true) then return end
          end
          error("no paragraph contains " .. show(s))
        end)
      end

      if case.no_chars then
        it("original lines carry no line-end, BOM or NUL residue", function()
          for n, line in ipairs(doc().lines) do
            for _, c in ipairs(case.no_chars) do
              assert.falsy(line:find(c, 1, true), ("line %d has %s"):format(n, show(c)))
            end
          end
        end)
      end
    end)
  end
end)

-- ---- bad input ------------------------------------------------------------------

local UNREADABLE = {
  { file = "invalid-utf8.txt", code = "EUTF8", offset = 112, about = "a broken UTF-8 sequence (C3 28)" },
  { file = "legacy-tcvn3.txt", code = "EUTF8", offset = 6, about = "legacy TCVN3 single-byte text" },
  { file = "binary.txt", code = "EBINARY", offset = 57, about = "NUL bytes" },
}

local function is_ascii(s) return not s:find("[\128-\255]") end

describe("bad input", function()
  for _, case in ipairs(UNREADABLE) do
    describe(case.file .. " (" .. case.about .. ")", function()
      it("is refused with a Vietnamese message giving byte " .. case.offset, function()
        local doc, msg, code = vb.parse_file(BAD .. case.file)
        assert.is_nil(doc)
        assert.is_string(msg)
        assert.truthy(msg:find("%f[%d]" .. case.offset .. "%f[%D]"), msg)
        assert.is_false(is_ascii(msg), "not Vietnamese: " .. msg)
        assert.are.equal(case.code, code)
      end)

      it("is refused in English with lang = en", function()
        local doc, msg = vb.parse_file(BAD .. case.file, { lang = "en" })
        assert.is_nil(doc)
        assert.is_string(msg)
        assert.truthy(msg:find("%f[%d]" .. case.offset .. "%f[%D]"), msg)
        assert.is_true(is_ascii(msg), "not English: " .. msg)
      end)
    end)
  end

  local ELEMENTS = { "national", "issuer", "number", "place_date", "doc_type", "subject", "signature",
    "recipients" }

  for _, case in ipairs {
    { file = "empty.txt", lines = 0, about = "0 bytes" },
    { file = "whitespace.txt", lines = 7, about = "only spaces and newlines" },
  } do
    it(("%s (%s) gives an empty model with %d lines"):format(case.file, case.about, case.lines), function()
      local doc, err = vb.parse_file(BAD .. case.file)
      assert.is_table(doc, tostring(err))
      for _, k in ipairs(ELEMENTS) do
        assert.is_nil(doc[k], k)
      end
      assert.are.equal("unknown", doc.family)
      assert.are.same({}, doc.items)
      assert.are.same({}, doc.addressees)
      assert.are.same({}, doc.references)
      assert.are.equal(case.lines, #doc.lines)
    end)
  end
end)
