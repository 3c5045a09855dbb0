"""Sample documents in the formats governments publish, for the tests and the
benchmark (manage.py bench_formats): PDF (reportlab, with the Adobe-GB1 CID
font STSong-Light so no font file is needed, or the installed Noto CJK font
embedded through fpdf2), DOCX (python-docx), Word 97 .doc and OFD written
after their specifications, and HTML pages with heavy site chrome. Each takes
the plain text of a policy (one paragraph a line, the first line its title).

reportlab and fpdf2 are development dependencies (uv sync installs them)."""
from __future__ import annotations

import html
import io
from pathlib import Path

NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
A4 = (595.27, 841.89)


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- PDF --------------------------------------------------------------------------------------

def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """Hard-wrap ``text`` at ``width`` points, as a word processor does (the first line indented)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = _font()
    lines, current, limit = [], "", width - indent
    for ch in text:
        if stringWidth(current + ch, font, size) > limit:
            lines.append(current)
            current, limit = ch, width
        else:
            current += ch
    if current:
        lines.append(current)
    return lines


def pdf_from_text(text: str, *, columns: int = 1, running_head: str | None = None, page_numbers: bool = True,
                  size: float = 14, table: list[list[str]] | None = None, encrypt: str | None = None,
                  title_on_top: bool = True) -> bytes:
    """A PDF of ``text``: the title centred, every paragraph indented by two characters and hard-wrapped,
    optional running head, page numbers "- n -" at the foot, one or two columns, an optional ruled table
    after the text, optionally encrypted with a user password."""
    from reportlab.pdfgen import canvas

    font = _font()
    buf = io.BytesIO()
    kwargs = {}
    if encrypt:
        from reportlab.lib import pdfencrypt

        kwargs["encrypt"] = pdfencrypt.StandardEncryption(encrypt, ownerPassword=encrypt + "-owner", strength=128)
    c = canvas.Canvas(buf, pagesize=A4, **kwargs)
    width, height = A4
    margin, top, bottom = 72.0, height - 80.0, 80.0
    gutter = 24.0
    col_w = (width - 2 * margin - gutter * (columns - 1)) / columns
    leading = size * 1.6
    state = {"page": 1, "col": 0, "y": top, "top": top}

    def furniture():
        if running_head:
            c.setFont(font, 9)
            c.drawCentredString(width / 2, height - 45, running_head)
        if page_numbers:
            c.setFont(font, 10)
            c.drawCentredString(width / 2, 40, f"- {state['page']} -")

    def new_column():
        state["col"] += 1
        if state["col"] >= columns:
            c.showPage()
            state["page"] += 1
            state["col"] = 0
            furniture()
            state["top"] = top
        state["y"] = state["top"]

    def emit(line: str, x_offset: float = 0.0, centred: bool = False, s: float = size):
        if state["y"] < bottom:
            new_column()
        c.setFont(font, s)
        x = margin + state["col"] * (col_w + gutter)
        if centred:
            c.drawCentredString(x + col_w / 2, state["y"], line)
        else:
            c.drawString(x + x_offset, state["y"], line)
        state["y"] -= s * 1.6

    furniture()
    paras = paragraphs(text)
    if title_on_top and paras:
        for line in _wrap(paras[0], width - 2 * margin, size + 4):
            c.setFont(font, size + 4)
            c.drawCentredString(width / 2, state["y"], line)
            state["y"] -= (size + 4) * 1.7
        state["y"] -= leading / 2
        state["top"] = state["y"]
        paras = paras[1:]
    for para in paras:
        for i, line in enumerate(_wrap(para, col_w, size, indent=2 * size)):
            emit(line, x_offset=2 * size if i == 0 else 0.0)
    if table:
        _draw_table(c, table, state, margin, width - 2 * margin, bottom, top, furniture, size=10)
    c.showPage()
    c.save()
    return buf.getvalue()


def _draw_table(c, rows, state, x0, total_w, bottom, top, furniture, size):
    font = _font()
    n = len(rows[0])
    # the task column gets most of the width
    weights = [1.0] * n
    widest = max(range(n), key=lambda i: sum(len(r[i]) for r in rows))
    weights[widest] = 4.0
    widths = [total_w * w / sum(weights) for w in weights]
    pad, leading = 3.0, size * 1.4
    state["y"] -= 10
    for row in rows:
        if len(set(row)) == 1:  # a section row: one cell across the table
            row, row_widths = [row[0]], [total_w]
        else:
            row_widths = widths
        wrapped = [_wrap(cell, w - 2 * pad, size) or [""] for cell, w in zip(row, row_widths)]
        h = max(len(w) for w in wrapped) * leading + 2 * pad
        if state["y"] - h < bottom:
            c.showPage()
            state["page"] += 1
            furniture()
            state["y"] = top
        y_top = state["y"]
        x = x0
        c.setLineWidth(0.8)
        for cell_lines, w in zip(wrapped, row_widths):
            c.rect(x, y_top - h, w, h, stroke=1, fill=0)
            c.setFont(font, size)
            for k, line in enumerate(cell_lines):
                c.drawString(x + pad, y_top - pad - size - k * leading, line)
            x += w
        state["y"] = y_top - h


def pdf_with_noto(text: str) -> bytes | None:
    """The same text through fpdf2 with the Noto Sans CJK font embedded (subset), as office suites
    export; None when the font is not installed."""
    if not NOTO.exists():
        return None
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("noto", fname=str(NOTO), collection_font_number=2)  # Noto Sans CJK SC
    pdf.set_margins(25, 25, 25)
    pdf.add_page()
    paras = paragraphs(text)
    pdf.set_font("noto", size=16)
    pdf.multi_cell(0, 10, paras[0], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("noto", size=12)
    for para in paras[1:]:
        pdf.multi_cell(0, 8, "\u3000\u3000" + para, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A PDF with a page that is only an image (a scan): no text layer."""
    from reportlab.pdfgen import canvas
    from reportlab.lib.utils import ImageReader
    from PIL import Image

    img = Image.new("RGB", (200, 280), "white")
    for x in range(20, 180):
        for y in range(30, 34):
            img.putpixel((x, y), (0, 0, 0))
    raw = io.BytesIO()
    img.save(raw, format="PNG")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(io.BytesIO(raw.getvalue())), 50, 100, width=495, height=693)
    c.showPage()
    c.save()
    return buf.getvalue()


# --- DOCX -------------------------------------------------------------------------------------

def docx_from_text(text: str, *, table: list[list[str]] | None = None, table_after: int | None = None,
                   page_breaks_every: int | None = None) -> bytes:
    """A Word file: the title centred, one paragraph per line; an optional table (the first row its
    header) after paragraph ``table_after`` (default: at the end)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "仿宋"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    paras = paragraphs(text)
    for i, para in enumerate(paras):
        p = doc.add_paragraph(para)
        if i == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if page_breaks_every and i and i % page_breaks_every == 0:
            p.runs[0].add_break(WD_BREAK.PAGE)
        if table and table_after is not None and i == table_after:
            _docx_table(doc, table)
    if table and (table_after is None or table_after >= len(paras)):
        _docx_table(doc, table)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _docx_table(doc, rows):
    t = doc.add_table(rows=0, cols=len(rows[0]))
    t.style = "Table Grid"
    for row in rows:
        cells = t.add_row().cells
        if len(set(row)) == 1 and row[0]:
            merged = cells[0].merge(cells[-1])
            merged.text = row[0]
            continue
        for cell, value in zip(cells, row):
            cell.text = value


# --- HTML -------------------------------------------------------------------------------------

CHROME_TOP = """<div class="header"><div class="logo">某某市人民政府门户网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/zjmc/">走进某某</a></li><li><a href="/en/">English</a></li></ul>
<form class="search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zcwj/">政策文件</a></div>
<div class="side"><h3>热点专题</h3><ul><li><a href="/zt/1.html">优化营商环境专题</a></li>
<li><a href="/zt/2.html">乡村振兴在行动</a></li><li><a href="/zt/3.html">文明城市创建</a></li></ul></div>"""
CHROME_BOTTOM = """<div class="tools">【字体：<a>大</a> <a>中</a> <a>小</a>】 <a href="javascript:print()">打印本页</a>
<a href="javascript:close()">关闭窗口</a> 分享到：微信 微博</div>
<div class="related"><h3>相关文章</h3><ul>
<li><a href="/a/101.html">市政府召开常务会议研究部署安全生产工作</a></li>
<li><a href="/a/102.html">全市春季植树造林工作推进会召开</a></li>
<li><a href="/a/103.html">关于做好2024年度城乡居民医疗保险参保缴费工作的通知</a></li>
<li><a href="/a/104.html">市领导调研重点项目建设情况</a></li></ul></div>
<div class="footer"><p>主办单位：某某市人民政府办公室 承办：某某市大数据中心</p>
<p>版权所有 © 某某市人民政府 网站标识码：1234000001 皖ICP备12345678号</p>
<p>联系我们 | 网站地图 | 隐私声明</p></div>"""


def html_from_text(text: str, *, charset: str = "utf-8", attachments: list[tuple[str, str]] = (),
                   meta_table: bool = False, body_paras: bool = True, with_date: bool = True) -> bytes:
    """A government page: navigation, breadcrumbs, a side bar, the document in the content area,
    page tools, a related-links list and a footer; encoded in ``charset``."""
    paras = paragraphs(text)
    title = paras[0] if paras else "附件下载"
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paras[1:]) if body_paras else ""
    links = "".join(f'<p><a href="{html.escape(href)}">{html.escape(label)}</a></p>\n' for href, label in attachments)
    meta = ""
    if meta_table:
        meta = ("<table class='xxgk'><tr><td>索引号</td><td>11340000/2024-00012</td><td>发布机构</td><td>某某市人民政府办公室</td></tr>"
                "<tr><td>发布日期</td><td>2024-03-05</td><td>文号</td><td>某政办〔2024〕3号</td></tr></table>")
    info = '<div class="info">发布时间：2024-03-05 来源：市政府办公室 浏览次数：1024</div>' if with_date else ""
    page = f"""<!DOCTYPE html><html><head><meta charset="{charset}"><title>{html.escape(title)}_某某市人民政府</title></head>
<body>{CHROME_TOP}
<div class="content">{meta}<h1 class="title">{html.escape(title)}</h1>
{info}
<div class="article">
{body}{links}</div></div>
{CHROME_BOTTOM}</body></html>"""
    return page.encode("gb18030" if charset.lower() in ("gbk", "gb2312") else charset, errors="xmlcharrefreplace")


# --- Word 97 (.doc) and OFD, written by hand after their specifications ------------------------

def _cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (MS-CFB version 3) holding ``streams`` (each padded to at least
    4096 bytes so that none goes to the mini stream)."""
    import struct

    sector = 512
    free, end, fat_sect, nostream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    datas = [streams[n] + b"\0" * max(0, 4096 - len(streams[n])) for n in names]
    sizes = [len(d) for d in datas]
    datas = [d + b"\0" * (-len(d) % sector) for d in datas]
    # sector 0: FAT, sector 1: directory, then the streams
    fat = [fat_sect, end]
    starts = []
    for d in datas:
        n = len(d) // sector
        first = len(fat)
        starts.append(first)
        fat += [first + k + 1 for k in range(n - 1)] + [end]
    assert len(fat) <= 128, "test streams too large for one FAT sector"
    fat += [free] * (128 - len(fat))

    def entry(name, kind, start, size, left=nostream, right=nostream, child=nostream):
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1) + struct.pack("<III", left, right, child)
                + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", start, size))

    # a chain of siblings, smallest name first: each entry's right sibling is the next one
    entries = [entry("Root Entry", 5, end, 0, child=1)]
    for i, (name, start, size) in enumerate(zip(names, starts, sizes), 1):
        entries.append(entry(name, 2, start, size, right=i + 1 if i < len(names) else nostream))
    while len(entries) % 4:
        entries.append(b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", nostream, nostream, nostream)
                       + b"\0" * 36 + struct.pack("<IQ", 0, 0))
    assert len(entries) == 4
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == sector
    return header + struct.pack("<128I", *fat) + b"".join(entries) + b"".join(datas)


def doc_from_text(text: str) -> bytes:
    """A Word 97 binary document ([MS-DOC]: a FIB, one piece of UTF-16 text, the CLX in 1Table)
    holding ``text`` (one paragraph a line; a line of tab-separated cells becomes a table row)."""
    import struct

    body = ""
    for line in paragraphs(text):
        if "\t" in line:
            body += "".join(cell + "\x07" for cell in line.split("\t")) + "\x07"
        else:
            body += line + "\r"
    text_offset = 0x800
    fib = bytearray(text_offset)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", fib, 0x0A, 0x0200)  # fWhichTblStm: the table stream is 1Table
    pos = 32
    struct.pack_into("<H", fib, pos, 14)
    pos += 2 + 14 * 2
    struct.pack_into("<H", fib, pos, 22)
    struct.pack_into("<i", fib, pos + 2 + 3 * 4, len(body))  # ccpText
    pos += 2 + 22 * 4
    struct.pack_into("<H", fib, pos, 93)
    pos += 2
    plc = struct.pack("<II", 0, len(body)) + struct.pack("<HIH", 0, text_offset, 0)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", fib, pos + 33 * 8, 0, len(clx))  # fcClx, lcbClx
    word = bytes(fib) + body.encode("utf-16-le")
    return _cfb({"WordDocument": word, "1Table": clx})


def ofd_from_text(text: str, *, chars_per_line: int = 26, size: float = 5.6) -> bytes:
    """An OFD file (GB/T 33190): A4 pages, every paragraph indented by two characters and wrapped."""
    import zipfile
    from xml.sax.saxutils import escape

    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    lines: list[tuple[str, float]] = []
    for k, para in enumerate(paragraphs(text)):
        if k == 0:
            lines.append((para, 105 - len(para) * size / 2))
            continue
        first = chars_per_line - 2
        chunks = [para[:first]] + [para[i:i + chars_per_line] for i in range(first, len(para), chars_per_line)]
        for i, chunk in enumerate(chunks):
            if chunk:
                lines.append((chunk, 30 + (2 * size if i == 0 else 0)))
    per_page = 30
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.0" DocType="OFD">'
                              '<ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID></ofd:DocInfo>'
                              '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        page_refs = "".join(f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}><ofd:CommonData>'
                                         '<ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297'
                                         f'</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{page_refs}'
                                         '</ofd:Pages></ofd:Document>')
        for i, page in enumerate(pages):
            objs = []
            for j, (line, x) in enumerate(page):
                y = 30 + j * size * 1.5
                width = len(line) * size
                objs.append(f'<ofd:TextObject ID="{100 + j}" Boundary="{x:.2f} {y:.2f} {width:.2f} {size * 1.2:.2f}" '
                            f'Font="1" Size="{size}"><ofd:TextCode X="0" Y="{size:.2f}" DeltaX="g {len(line) - 1} {size}">'
                            f'{escape(line)}</ofd:TextCode></ofd:TextObject>')
            objs.append(f'<ofd:TextObject ID="99" Boundary="100 285 20 6" Font="1" Size="4">'
                        f'<ofd:TextCode X="0" Y="4" DeltaX="g 4 2">- {i + 1} -</ofd:TextCode></ofd:TextObject>')
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Content><ofd:Layer ID="2">'
                       + "".join(objs) + "</ofd:Layer></ofd:Content></ofd:Page>")
    return buf.getvalue()
