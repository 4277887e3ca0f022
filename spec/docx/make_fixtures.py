#!/usr/bin/env python3
"""Generate the .docx test fixtures into a folder (CTest runs this first).

    make_fixtures.py OUTDIR [SPEC_FIXTURES_DIR]

Every file is built here from XML templates with the standard library's
zipfile, so no binary is committed and each property under test is written
explicitly: theme fonts, styles based on styles, table styles, character
styles, automatic numbering, w:caps, tables for the two-column header and
signature, section page set-up. When python-docx (Debian: python3-docx) can
be imported, one more document is made with it, from Word's own template.

Fixtures (OUTDIR/...):
  state-ok.docx, party-ok.docx      correct documents: no format/* finding
  defect-<rule>.docx                one defect for each format/* rule
  seeds/NNN_*.docx                  spec/fixtures/seeds/*.txt, a paragraph per line
  word-table.docx                   layouts/word-table.txt with its " | " rows as tables
  python-docx.docx                  (optional) made with python-docx
  bad/*.docx                        corrupt zip, not a zip, zip bombs, no document
                                    part, XXE, billion laughs, malformed XML,
                                    password-protected (OLE), .doc renamed (OLE), empty
"""
import io
import os
import struct
import sys
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# twips: 1 mm = 1440 / 25.4
def mm(x):
    return int(round(x * 1440 / 25.4))

A4 = (11906, 16838)
LETTER = (12240, 15840)

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>
</Types>"""

PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL}">
<Relationship Id="rId1" Type="{DOC_REL}/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL}">
<Relationship Id="rId1" Type="{DOC_REL}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{DOC_REL}/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="{DOC_REL}/theme" Target="theme/theme1.xml"/>
</Relationships>"""


def theme(font):
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="{A_NS}" name="Office Theme"><a:themeElements>
<a:fontScheme name="Office"><a:majorFont><a:latin typeface="{font}"/><a:ea typeface=""/></a:majorFont>
<a:minorFont><a:latin typeface="{font}"/><a:ea typeface=""/></a:minorFont></a:fontScheme>
</a:themeElements></a:theme>"""


def styles(body_pt):
    """docDefaults set the font through the theme and the size; Normal
    justifies; Centered (based on Normal) centres; Strong is a bold
    character style; BoldTable is a table style whose text is bold."""
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>
<w:sz w:val="{int(body_pt * 2)}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Centered"><w:name w:val="Centered"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>
<w:style w:type="table" w:styleId="BoldTable"><w:name w:val="Bold Table"/><w:basedOn w:val="TableNormal"/><w:rPr><w:b/></w:rPr>
<w:tblStylePr w:type="firstRow"><w:rPr><w:i/></w:rPr></w:tblStylePr></w:style>
</w:styles>"""


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/>
<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def run(text, font=None, pt=None, b=None, i=None, caps=None, u=None, style=None):
    props = []
    if style:
        props.append(f'<w:rStyle w:val="{style}"/>')
    if font:
        props.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>')
    if b is not None:
        props.append("<w:b/>" if b else '<w:b w:val="0"/>')
    if i is not None:
        props.append("<w:i/>" if i else '<w:i w:val="0"/>')
    if caps:
        props.append("<w:caps/>")
    if pt is not None:
        props.append(f'<w:sz w:val="{int(pt * 2)}"/>')
    if u:
        props.append('<w:u w:val="single"/>')
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    parts = []
    for k, piece in enumerate(text.split("\t")):
        if k:
            parts.append("<w:tab/>")
        if piece:
            parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def para(runs, jc=None, style=None, num=None, sect=None):
    """runs: a string (one plain run) or a list of run() strings."""
    if isinstance(runs, str):
        runs = [run(runs)] if runs else []
    props = []
    if style:
        props.append(f'<w:pStyle w:val="{style}"/>')
    if num:
        props.append(f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
    if jc:
        props.append(f'<w:jc w:val="{jc}"/>')
    if sect:
        props.append(sect)
    ppr = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def table(rows, style=None):
    """rows: lists of cells; a cell is a list of para() strings."""
    tblpr = f'<w:tblPr><w:tblStyle w:val="{style}"/></w:tblPr>' if style else "<w:tblPr/>"
    out = [f"<w:tbl>{tblpr}"]
    for row in rows:
        out.append("<w:tr>")
        for cell in row:
            out.append("<w:tc>" + "".join(cell or [para("")]) + "</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def sect_pr(size=A4, margins=(20, 20, 30, 15), landscape=False):
    w, h = size
    orient = ""
    if landscape:
        w, h = max(w, h), min(w, h)
        orient = ' w:orient="landscape"'
    top, bottom, left, right = (mm(x) for x in margins)
    return (f'<w:sectPr><w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
            f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" '
            f'w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>')


def document(body, sect):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{"".join(body)}{sect}</w:body></w:document>')


def write_docx(path, body, sect=None, body_pt=14, font="Times New Roman", parts=None):
    """A package with the given body paragraphs/tables."""
    sect = sect if sect is not None else sect_pr()
    files = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/theme/theme1.xml": theme(font),
        "word/styles.xml": styles(body_pt),
        "word/numbering.xml": NUMBERING,
        "word/document.xml": document(body, sect),
    }
    if parts:
        files.update(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            if data is None:
                continue
            z.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)


# ---- the correct documents ---------------------------------------------------------

BODY_1 = ("Thực hiện Thông báo số 137/TB-VPCP ngày 30/5/2021 của Văn phòng Chính phủ về phòng, chống dịch "
          "Covid-19, Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị thực hiện tốt một số nội dung sau:")
ITEM_1 = ("Sở Y tế chủ trì, phối hợp với các cơ quan liên quan tham mưu, báo cáo Ủy ban nhân dân tỉnh "
          "trước ngày 20/6/2021.")
ITEM_2 = ("Ủy ban nhân dân các huyện, thành phố thường xuyên theo dõi, kiểm tra việc thực hiện các biện "
          "pháp phòng, chống dịch trên địa bàn.")


def state_body(defect=None):
    """A state công văn (NĐ 30/2020) laid out as Word users do: the header
    and the signature in borderless two-column tables."""
    def f(**kw):
        return kw

    qh = f(pt=12, b=True, caps=True)
    tn = f(pt=13, b=True)
    if defect == "style":
        qh = f(pt=12, b=False, caps=True)  # Quốc hiệu not bold
    body_pt = 12 if defect == "size" else None
    body_font = "Arial" if defect == "font" else None
    body_jc = "left" if defect == "alignment" else None
    header = table([
        [[para([run("UBND TỈNH LAI CHÂU", pt=13)], style="Centered"),
          para([run("SỞ Y TẾ", pt=13, b=True)], style="Centered")],
         [para([run("Cộng hòa xã hội chủ nghĩa Việt Nam", **qh)], style="Centered"),
          para([run("Độc lập - Tự do - Hạnh phúc", **tn)], style="Centered")]],
        [[para([run("Số: 125/SYT-NVY", pt=13)], style="Centered"),
          para([run("V/v tăng cường phòng, chống dịch Covid-19", pt=12)], style="Centered")],
         [para([run("Lai Châu, ngày 05 tháng 6 năm 2021", pt=13, i=True)], style="Centered")]],
    ])
    body = [
        header,
        para(""),
        para([run("Kính gửi:")], jc="center"),
        para([run("Các sở, ban, ngành tỉnh;")], num=(2, 0), jc="left"),
        para([run("Ủy ban nhân dân các huyện, thành phố.")], num=(2, 0), jc="left"),
        # an emphasised phrase (italic) and a character style (Strong: bold)
        para([run(BODY_1[:-5], pt=body_pt, font=body_font),
              run(" (sao gửi kèm theo)", pt=body_pt, font=body_font, i=True),
              run(BODY_1[-5:], pt=body_pt, font=body_font)], jc=body_jc),
        para([run(ITEM_1[:7], pt=body_pt, font=body_font, style="Strong"),
              run(ITEM_1[7:], pt=body_pt, font=body_font)], num=(1, 0), jc=body_jc),
        para([run(ITEM_2, pt=body_pt, font=body_font)], num=(1, 0), jc=body_jc),
        para(""),
    ]
    footer = table([[
        [para([run("Nơi nhận:", pt=12, b=True, i=True)], jc="left"),
         para([run("- Như trên;", pt=11, b=False)], jc="left"),
         para([run("- UBND tỉnh (b/c);", pt=11, b=False)], jc="left"),
         para([run("- Lưu: VT, NVY.", pt=11, b=False)], jc="left")],
        [para([run("KT. GIÁM ĐỐC")], style="Centered"),
         para([run("PHÓ GIÁM ĐỐC")], style="Centered"),
         para(""), para(""),
         para([run("Nguyễn Văn An")], style="Centered")],
    ]], style="BoldTable")
    body.append(footer)
    return body


def party_body():
    """A party công văn (HD 36-HD/VPTW): its own sizes (15, 14), header
    table with the issuer's star line."""
    header = table([
        [[para([run("TỈNH ỦY LAI CHÂU", pt=14, b=True)], style="Centered"),
          para([run("*", pt=14)], style="Centered"),
          para([run("Số 325-CV/TU", pt=14)], style="Centered"),
          para([run("V/v tăng cường các biện pháp phòng, chống dịch Covid-19", pt=12, i=True)], style="Centered")],
         [para([run("ĐẢNG CỘNG SẢN VIỆT NAM", pt=15, b=True)], style="Centered"),
          para(""),
          para([run("Lai Châu, ngày 24 tháng 8 năm 2021", pt=14, i=True)], style="Centered")]],
    ])
    body = [
        header,
        para(""),
        para([run("Kính gửi:", pt=14)], jc="left"),
        para([run("- Các huyện ủy, thành ủy, đảng ủy trực thuộc,", pt=14)], jc="left"),
        para([run("- Các ban đảng, đảng đoàn, ban cán sự đảng tỉnh.", pt=14)], jc="left"),
        para([run("Thực hiện Thông báo kết luận số 10-TB/VPTW, ngày 20/8/2021 của Văn phòng Trung ương, "
                  "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng thực hiện nghiêm:", pt=14)]),
        para([run("1. Các cấp ủy, tổ chức đảng quán triệt, thực hiện nghiêm các biện pháp phòng, chống dịch "
                  "trên địa bàn.", pt=14)]),
        table([[
            [para([run("Nơi nhận:", pt=14, u=True)], jc="left"),
             para([run("- Như trên,", pt=12)], jc="left"),
             para([run("- Lưu Văn phòng Tỉnh ủy.", pt=12)], jc="left")],
            [para([run("T/M BAN THƯỜNG VỤ", pt=14, b=True)], style="Centered"),
             para([run("PHÓ BÍ THƯ", pt=14)], style="Centered"),
             para(""),
             para([run("Lê Văn Lương", pt=14, b=True)], style="Centered")],
        ]]),
    ]
    return body


def write_documents(out):
    write_docx(os.path.join(out, "state-ok.docx"), state_body())
    write_docx(os.path.join(out, "party-ok.docx"), party_body(), body_pt=14)
    write_docx(os.path.join(out, "defect-font.docx"), state_body("font"))
    write_docx(os.path.join(out, "defect-size.docx"), state_body("size"))
    write_docx(os.path.join(out, "defect-style.docx"), state_body("style"))
    write_docx(os.path.join(out, "defect-page.docx"), state_body(), sect=sect_pr(size=LETTER))
    write_docx(os.path.join(out, "defect-margins.docx"), state_body(), sect=sect_pr(margins=(15, 20, 20, 15)))
    write_docx(os.path.join(out, "defect-alignment.docx"), state_body("alignment"))
    # a party document typed in a legacy (TCVN3) font: not Unicode
    write_docx(os.path.join(out, "party-legacy-font.docx"), party_body(), body_pt=14, font=".VnTime")


# ---- text files as .docx ---------------------------------------------------------

def text_lines(path):
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def write_text_as_docx(src, dst, tables=False):
    """One paragraph per line. With tables, runs of lines holding " | " become
    a two-column table whose cells hold the two sides, line by line."""
    lines = text_lines(src)
    body = []
    i = 0
    while i < len(lines):
        if tables and " | " in lines[i]:
            rows = []
            while i < len(lines) and " | " in lines[i]:
                rows.append(lines[i].split(" | ", 1))
                i += 1
            left = [para([run(r[0])] if r[0] else []) for r in rows]
            right = [para([run(r[1])] if r[1] else []) for r in rows]
            body.append(table([[left, right]]))
            continue
        body.append(para([run(lines[i])] if lines[i] else []))
        i += 1
    write_docx(dst, body)


def write_seeds(out, fixtures):
    seeds = os.path.join(fixtures, "seeds")
    os.makedirs(os.path.join(out, "seeds"), exist_ok=True)
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt"):
            write_text_as_docx(os.path.join(seeds, name), os.path.join(out, "seeds", name[:-4] + ".docx"))
    write_text_as_docx(os.path.join(fixtures, "layouts", "word-table.txt"), os.path.join(out, "word-table.docx"),
                       tables=True)


def write_python_docx(out):
    """A document from python-docx's template (a real Word template: theme
    fonts, latent styles, settings), when python-docx is there."""
    try:
        import docx  # noqa: F401  (Debian: python3-docx)
        from docx.shared import Pt, Mm
        from docx.enum.text import WD_ALIGN_PARAGRAPH
    except ImportError:
        return
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    t = d.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    left.paragraphs[0].add_run("ỦY BAN NHÂN DÂN")
    left.add_paragraph().add_run("TỈNH LAI CHÂU").bold = True
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    p = d.add_paragraph()
    p.add_run("Số: 12/UBND-VX")
    p = d.add_paragraph()
    r = p.add_run("Lai Châu, ngày 05 tháng 6 năm 2021")
    r.italic = True
    p = d.add_paragraph(BODY_1)
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for para_ in d.paragraphs:
        for r in para_.runs:
            r.font.size = Pt(14)
    d.save(os.path.join(out, "python-docx.docx"))


# ---- bad input ----------------------------------------------------------------------

def ole_file(stream_names):
    """A minimal OLE compound file (version 3, 512-byte sectors): header,
    one FAT sector, one directory sector naming the given streams (empty).
    Enough for a reader to tell a .doc from an encrypted package."""
    ENDOFCHAIN, FREESECT, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 44, 1)           # FAT sectors
    struct.pack_into("<I", header, 48, 1)           # first directory sector
    struct.pack_into("<I", header, 56, 4096)        # mini stream cutoff
    struct.pack_into("<IIII", header, 60, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    for k in range(109):
        struct.pack_into("<I", header, 76 + 4 * k, 0 if k == 0 else FREESECT)
    fat = bytearray(512)
    for k in range(128):
        struct.pack_into("<I", fat, 4 * k, FREESECT)
    struct.pack_into("<II", fat, 0, FATSECT, ENDOFCHAIN)
    directory = bytearray(512)

    def entry(i, name, kind, child=0xFFFFFFFF, right=0xFFFFFFFF):
        base = 128 * i
        enc = name.encode("utf-16-le") + b"\0\0"
        directory[base:base + len(enc)] = enc
        struct.pack_into("<HBB", directory, base + 64, len(enc), kind, 1)
        struct.pack_into("<III", directory, base + 68, 0xFFFFFFFF, right, child)
        struct.pack_into("<I", directory, base + 116, ENDOFCHAIN)

    names = ["Root Entry"] + stream_names
    entry(0, "Root Entry", 5, child=1)
    for i, n in enumerate(stream_names, start=1):
        entry(i, n, 2, right=i + 1 if i < len(stream_names) else 0xFFFFFFFF)
    assert len(names) <= 4
    return bytes(header + fat + directory)


def write_bad(out):
    bad = os.path.join(out, "bad")
    os.makedirs(bad, exist_ok=True)
    good = io.BytesIO()
    with zipfile.ZipFile(good, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("word/document.xml", document([para("Văn bản") for _ in range(200)], sect_pr()))
    data = good.getvalue()
    with open(os.path.join(bad, "corrupt.docx"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(bad, "not-zip.docx"), "wb") as f:
        f.write("Đây là văn bản thuần, không phải tệp Word.\n".encode("utf-8"))
    open(os.path.join(bad, "empty.docx"), "wb").close()
    # zip bombs: 100 MiB of zeros (declared size past the limit), and 40 MiB
    # (within the size limit, but a compression ratio of about 1000)
    for name, mib in (("bomb.docx", 100), ("bomb-ratio.docx", 40)):
        with zipfile.ZipFile(os.path.join(bad, name), "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", CONTENT_TYPES)
            z.writestr("_rels/.rels", PACKAGE_RELS)
            with z.open("word/document.xml", "w", force_zip64=True) as f:
                chunk = bytes(1 << 20)
                for _ in range(mib):
                    f.write(chunk)
    with zipfile.ZipFile(os.path.join(bad, "no-document.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("word/styles.xml", styles(14))
    xxe = (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM '
           f'"file:///etc/passwd">]>\n<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t>'
           f'</w:r></w:p></w:body></w:document>')
    lols = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)]
    laughs = (f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{"".join(lols)}]>\n<w:document xmlns:w="{W_NS}">'
              f'<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    malformed = f'<?xml version="1.0"?>\n<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Số</w:r>'
    for name, doc in (("xxe.docx", xxe), ("billion-laughs.docx", laughs), ("malformed-xml.docx", malformed)):
        with zipfile.ZipFile(os.path.join(bad, name), "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", CONTENT_TYPES)
            z.writestr("_rels/.rels", PACKAGE_RELS)
            z.writestr("word/document.xml", doc)
    with open(os.path.join(bad, "encrypted.docx"), "wb") as f:
        f.write(ole_file(["EncryptionInfo", "EncryptedPackage"]))
    with open(os.path.join(bad, "legacy-doc.docx"), "wb") as f:
        f.write(ole_file(["WordDocument", "1Table"]))


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: make_fixtures.py OUTDIR [SPEC_FIXTURES_DIR]")
    out = sys.argv[1]
    fixtures = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "fixtures")
    os.makedirs(out, exist_ok=True)
    write_documents(out)
    write_seeds(out, fixtures)
    write_python_docx(out)
    write_bad(out)


if __name__ == "__main__":
    main()
