"""Format readers (measures.ingest): each format of a published policy → the text the parser reads.

No database: files are made here (makedocs) and read back."""
import io
import zipfile

import pytest

from measures.ingest import IngestError, detect_format, extract

from measures.ingest import samples as makedocs

POLICY = """某市知识产权保护工作实施方案
为加强知识产权保护，优化营商环境，结合我市实际，制定本方案。这一段足够长，长到在页面上必须换行才能排得下，所以排版时会被硬换行切成几行，读取时要重新接起来。
一、加强知识产权行政保护
（一）开展专项执法行动。严厉打击商标侵权、假冒专利等违法行为，到2025年，查办侵权假冒案件不少于200件，行政执法案件按期办结率达到95%以上。（责任单位：市市场监管局、市公安局）
（二）完善快速维权机制。建设知识产权快速维权中心，专利预审周期压缩至30个工作日以内，全面推进知识产权纠纷多元化解。（责任单位：市市场监管局）
二、强化知识产权司法保护
（三）推进繁简分流。完善技术调查官制度，知识产权民事一审案件平均审理周期缩短至120天以内。（责任单位：市中级人民法院）
"""

TASKS = [["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
         ["一、强化知识产权保护"] * 5,
         ["1", "开展知识产权执法“铁拳”行动，查办商标侵权、假冒专利案件不少于50件。", "市市场监管局", "市公安局", "2024年12月"],
         ["2", "推进知识产权纠纷人民调解工作，建立调解组织2家。", "市司法局", "市市场监管局、市中级人民法院", "2024年12月"],
         ["二、促进知识产权运用"] * 5,
         ["3", "推动知识产权质押融资，全年质押融资金额达到5亿元。", "市地方金融监管局", "/", "2024年12月"]]


def lines(text):
    return [line for line in text.splitlines() if line.strip()]


# --- detection --------------------------------------------------------------------------------

def test_format_is_judged_from_the_bytes_not_the_name():
    pdf = makedocs.pdf_from_text(POLICY)
    docx = makedocs.docx_from_text(POLICY)
    page = makedocs.html_from_text(POLICY)
    assert detect_format(pdf, "notice.doc") == "pdf"
    assert detect_format(docx, "notice.pdf") == "docx"
    assert detect_format(page, "notice.doc") == "html"  # a web page saved as .doc
    assert detect_format(POLICY.encode("gb18030"), "notice.pdf") == "txt"
    assert detect_format(makedocs.doc_from_text(POLICY), "x.doc") == "doc"
    assert detect_format(makedocs.doc_from_text(POLICY), "x.wps") == "wps"
    assert detect_format(makedocs.ofd_from_text(POLICY)) == "ofd"


@pytest.mark.parametrize("data, words", [
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "图片"),
    (b"{\\rtf1\\ansi hello}", "RTF"),
    (b"Rar!\x1a\x07\x00" + b"\0" * 50, "压缩包"),
    (b"\x00\x01\x02\x03\x04\x05\x06\x07" * 40, "二进制"),
    (b"", "为空"),
])
def test_unsupported_files_are_refused_with_a_reason(data, words):
    with pytest.raises(IngestError, match=words):
        extract(data, "x.bin")


def test_spreadsheets_and_zip_archives_are_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(IngestError, match="Excel"):
        extract(buf.getvalue(), "tasks.xlsx")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "x")
    with pytest.raises(IngestError, match="压缩包"):
        extract(buf.getvalue(), "bundle.zip")


# --- PDF --------------------------------------------------------------------------------------

def test_pdf_hard_wraps_are_joined_and_page_furniture_dropped():
    long = POLICY + "\n".join(f"（{n}）第{n}项措施的内容写得比较长，需要在页面上换行，排版软件会把它切成好几行，读取时应当重新连成一段完整的文字。"
                              for n in range(4, 40))
    pdf = makedocs.pdf_from_text(long, running_head="某市人民政府公报 2024年第3期")
    result = extract(pdf, "plan.pdf")
    assert result.format == "pdf" and result.pages >= 3
    got = lines(result.text)
    assert got == [line.strip() for line in lines(long)]
    assert "公报" not in result.text and "- 2 -" not in result.text


@pytest.mark.usefixtures("needs_cjk_fonts")
def test_pdf_two_columns_are_read_column_by_column():
    pdf = makedocs.pdf_from_text(POLICY * 3, columns=2)
    got = lines(extract(pdf, "two.pdf").text)
    assert got == [line.strip() for line in lines(POLICY * 3)]


@pytest.mark.usefixtures("needs_cjk_fonts")
def test_pdf_ruled_task_table_comes_out_as_tab_separated_rows():
    pdf = makedocs.pdf_from_text("某市2024年知识产权工作要点\n为加强知识产权保护，制定本要点。", table=TASKS)
    got = lines(extract(pdf, "tasks.pdf").text)
    assert got[2:] == ["\t".join(TASKS[0]), TASKS[1][0], "\t".join(TASKS[2]), "\t".join(TASKS[3]), TASKS[4][0],
                       "\t".join(TASKS[5])]


def test_pdf_with_an_embedded_cjk_font():
    pdf = makedocs.pdf_with_noto(POLICY)
    if pdf is None:
        pytest.skip("Noto CJK font not installed (fonts-noto-cjk)")
    assert lines(extract(pdf, "noto.pdf").text)[:3] == [line.strip() for line in lines(POLICY)][:3]


def test_scanned_pdf_says_it_has_no_text_layer():
    with pytest.raises(IngestError, match="没有文字层"):
        extract(makedocs.scanned_pdf(), "scan.pdf")


def test_encrypted_pdf_is_refused_clearly():
    pdf = makedocs.pdf_from_text(POLICY, encrypt="secret")
    with pytest.raises(IngestError, match="加密"):
        extract(pdf, "locked.pdf")


@pytest.mark.parametrize("cut", [0.5, 0.1])
def test_broken_pdf_is_refused_clearly(cut):
    pdf = makedocs.pdf_from_text(POLICY)
    with pytest.raises(IngestError, match="损坏"):
        extract(pdf[:int(len(pdf) * cut)], "broken.pdf")


def test_kangxi_radicals_are_folded():
    from measures.ingest.pdf import _fold

    assert _fold("\u2f47") == "日" and _fold("\u2f49") == "月" and _fold("中") == "中"


# --- Word -------------------------------------------------------------------------------------

def test_docx_paragraphs_and_task_table_rows():
    docx = makedocs.docx_from_text(POLICY, table=TASKS)
    got = lines(extract(docx, "plan.docx").text)
    assert got[:len(lines(POLICY))] == [line.strip() for line in lines(POLICY)]
    assert got[len(lines(POLICY)):] == ["\t".join(TASKS[0]), TASKS[1][0], "\t".join(TASKS[2]), "\t".join(TASKS[3]),
                                        TASKS[4][0], "\t".join(TASKS[5])]


def test_docx_automatic_numbering_is_written_out():
    from docx import Document

    doc = Document()
    doc.add_paragraph("某某实施方案")
    for text in ["加强保护", "优化服务", "强化运用"]:
        doc.add_paragraph(text, style="List Number")
    buf = io.BytesIO()
    doc.save(buf)
    from measures.ingest.docx import extract_docx, format_number

    assert lines(extract_docx(buf.getvalue()).text) == ["某某实施方案", "1.加强保护", "2.优化服务", "3.强化运用"]
    assert [format_number(n, "chineseCounting") for n in (1, 10, 12, 20, 35)] == ["一", "十", "十二", "二十", "三十五"]
    assert format_number(3, "decimalEnclosedCircle") == "③" and format_number(2, "ideographTraditional") == "乙"


def test_damaged_docx_is_refused():
    docx = makedocs.docx_from_text(POLICY)
    with pytest.raises(IngestError):
        extract(docx[: len(docx) // 2], "cut.docx")


def test_word_97_doc_and_wps():
    doc = makedocs.doc_from_text(POLICY + "\n序号\t工作任务\t牵头单位\n1\t开展执法行动\t市市场监管局")
    for name in ("plan.doc", "plan.wps"):
        result = extract(doc, name)
        assert result.format == name.rsplit(".")[1]
        got = lines(result.text)
        assert got[:len(lines(POLICY))] == [line.strip() for line in lines(POLICY)]
        assert got[-2:] == ["序号\t工作任务\t牵头单位", "1\t开展执法行动\t市市场监管局"]


def test_old_wps_format_asks_for_conversion():
    with pytest.raises(IngestError, match="请转换为 .docx 或 .pdf"):
        extract(b"\x00\x01WPS\x02" + bytes(range(32)) * 20, "old.wps")


def test_ofd():
    result = extract(makedocs.ofd_from_text(POLICY * 2), "plan.ofd")
    assert result.format == "ofd"
    assert lines(result.text) == [line.strip() for line in lines(POLICY * 2)]


# --- HTML -------------------------------------------------------------------------------------

def test_html_main_text_without_site_chrome():
    page = makedocs.html_from_text(POLICY, meta_table=True, attachments=[("/files/tasks.docx", "附件：任务分工表.docx")])
    result = extract(page, "page.html")
    text = result.text
    for chrome in ("政务公开", "乡村振兴在行动", "市领导调研重点项目建设情况", "网站标识码", "打印本页", "请输入关键词"):
        assert chrome not in text, chrome
    body = [line.strip() for line in lines(POLICY)]
    got = lines(text)
    assert body[0] in got[:6]  # the title, near the metadata table above it
    assert got[got.index(body[0]) + 2:] == body[1:]  # (after the title, the page's date line, then the text)
    assert "文号：某政办〔2024〕3号" in got  # the metadata table, as label：value lines
    assert result.links == [("/files/tasks.docx", "附件：任务分工表.docx")]


def test_gbk_page():
    page = makedocs.html_from_text(POLICY, charset="gbk")
    assert b'charset="gbk"' in page
    assert "开展专项执法行动" in extract(page, "gbk.htm").text


def test_mht_single_file_web_page():
    html_part = makedocs.html_from_text(POLICY, charset="utf-8")
    import base64

    mht = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"XX\"\r\n\r\n--XX\r\n"
           b"Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           + base64.encodebytes(html_part) + b"\r\n--XX--\r\n")
    result = extract(mht, "saved.doc")
    assert result.format == "mht" and "完善快速维权机制" in result.text


def test_parse_document_command_reads_pdf_and_word(tmp_path, capsys):
    import json

    from django.core.management import call_command

    (tmp_path / "plan.pdf").write_bytes(makedocs.pdf_from_text(POLICY))
    (tmp_path / "tasks.docx").write_bytes(makedocs.docx_from_text("某市2024年知识产权保护工作要点\n为加强保护，制定本要点。",
                                                                   table=TASKS))
    (tmp_path / "scan.pdf").write_bytes(makedocs.scanned_pdf())
    (tmp_path / "plain.txt").write_text(POLICY, encoding="utf-8")
    call_command("parse_document", "--json", *(str(tmp_path / n) for n in ("plan.pdf", "tasks.docx", "scan.pdf",
                                                                           "plain.txt")))
    pdf, docx, scan, txt = json.loads(capsys.readouterr().out)
    assert [m["label"] for m in pdf["measures"]] == [m["label"] for m in txt["measures"]] == ["一", "二", "三"]
    assert pdf["targets"] == txt["targets"]
    assert [m["lead_units"] for m in docx["measures"]] == [["市市场监管局"], ["市司法局"], ["市地方金融监管局"]]
    assert "没有文字层" in scan["error"]
