"""Documents as published, end to end: file → import → document page → download of the original.

The same policy text as .txt, .html, .pdf and .docx imports to the same measures, units and targets
(the seed corpus rendered into each format)."""
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from measures.importer import Importer
from measures.models import Document, Measure, SourceFile, Target

from measures.ingest import samples as makedocs
from .conftest import cjk_fonts_installed
from .test_formats import POLICY, TASKS

CORPUS = sorted(Path(settings.CORPUS_DIR).glob("*.txt"))

RENDER = {
    "txt": lambda text: text.encode("utf-8"),
    "html": lambda text: makedocs.html_from_text(text, charset="gbk", with_date=False),
    "pdf": lambda text: makedocs.pdf_from_text(text, running_head="政府公报"),
    "pdf-2col": lambda text: makedocs.pdf_from_text(text, columns=2),
    "docx": lambda text: makedocs.docx_from_text(text),
}
SUFFIX = {"txt": ".txt", "html": ".html", "pdf": ".pdf", "pdf-2col": ".pdf", "docx": ".docx"}


def signature(doc: Document) -> dict:
    """What the import made of a document: its fields, and each measure with units, roles, targets."""
    measures = []
    for m in Measure.objects.filter(document=doc).order_by("ordinal").prefetch_related("unit_links__unit"):
        measures.append((m.label, m.title, tuple((l.unit.name, l.role) for l in m.unit_links.all())))
    targets = sorted((t.metric, t.comparator, format(t.value.normalize(), "f"), t.unit, t.year,
                      t.measure.ordinal if t.measure_id else None)
                     for t in Target.objects.filter(document=doc).select_related("measure"))
    return {"document": (doc.title, doc.doc_number, doc.issuer, doc.signed_date, doc.published_date,
                         doc.region_id, doc.level),
            "measures": measures, "targets": targets}


@pytest.mark.django_db
@pytest.mark.parametrize("path", CORPUS[:5], ids=lambda p: p.stem[:3])
def test_same_text_in_every_format_imports_to_the_same_measures_units_and_targets(path):
    text = path.read_text(encoding="utf-8")
    importer = Importer()
    seen = {}
    for fmt, render in RENDER.items():
        if fmt == "pdf-2col" and not cjk_fonts_installed() and os.environ.get("PORTAL_REQUIRE_CJK_FONTS") != "1":
            continue  # a two-column layout needs an installed CJK font to be measured (conftest.needs_cjk_fonts)
        result = importer.import_bytes(render(text), source=f"{path.stem}-{fmt}{SUFFIX[fmt]}")
        # the importer knows it is the same document (same title, issuer, 文号) and loads the new
        # format as a new version of it ("updated"), or as "duplicate" when the text is identical
        assert result.status in ("added", "updated", "duplicate"), (fmt, result)
        seen[fmt] = signature(Document.objects.get(pk=result.document_id))
    base = seen.pop("txt")
    assert base["measures"], "the seed document has measures"
    for fmt, sig in seen.items():
        assert sig == base, fmt


@pytest.fixture
def folder(tmp_path):
    """A folder as an editor might receive it from several governments."""
    files = {
        "plan.pdf": makedocs.pdf_from_text(POLICY, running_head="某市人民政府公报"),
        "tasks.docx": makedocs.docx_from_text("某市2024年知识产权保护工作要点\n为加强知识产权保护，制定本要点。", table=TASKS),
        "page.html": makedocs.html_from_text(POLICY.replace("某市", "某县"), meta_table=True),
        "notice.txt": POLICY.replace("某市", "某区").encode("gb18030"),
        "old.doc": makedocs.doc_from_text(POLICY.replace("某市", "某镇")),
        "broken.pdf": makedocs.pdf_from_text(POLICY)[:800],
        "locked.pdf": makedocs.pdf_from_text(POLICY, encrypt="secret"),
        "scan.pdf": makedocs.scanned_pdf(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "plan.pdf.url").write_text("https://www.example.gov.cn/zcwj/plan.html\n", encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,url\ntasks.docx,https://www.example.gov.cn/zcwj/tasks.html\n",
                                          encoding="utf-8")
    return tmp_path, files


@pytest.mark.django_db
def test_command_imports_every_format_and_reports_each_refused_file(folder, capsys, client):
    path, files = folder
    with pytest.raises(CommandError):
        call_command("import_documents", str(path), "--url-map", str(path / "sources.csv"), "--no-progress")
    out, err = capsys.readouterr()
    assert "新增 5" in out
    assert re.search(r"broken\.pdf.*损坏", err)
    assert re.search(r"locked\.pdf.*加密", err)
    assert re.search(r"scan\.pdf.*没有文字层", err)
    for name in ("plan.pdf", "tasks.docx", "page.html", "notice.txt", "old.doc"):
        doc = Document.objects.get(source=name)
        f = SourceFile.objects.get(document=doc)
        assert bytes(f.data) == files[name] and f.name == name
        page = client.get(f"/documents/{doc.pk}/").content.decode()
        assert "原文下载" in page and "入库时间" in page and "来源" in page
        assert f"/documents/{doc.pk}/files/{f.pk}/" in page
        download = client.get(f"/documents/{doc.pk}/files/{f.pk}/")
        assert download.status_code == 200 and download.content == files[name]
        assert "attachment" in download["Content-Disposition"]
        assert doc.parser_version
    assert Document.objects.get(source="plan.pdf").source_url == "https://www.example.gov.cn/zcwj/plan.html"
    assert Document.objects.get(source="tasks.docx").source_url == "https://www.example.gov.cn/zcwj/tasks.html"
    pdf = client.get(f"/documents/{Document.objects.get(source='plan.pdf').pk}/files/"
                     f"{SourceFile.objects.get(document__source='plan.pdf').pk}/")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    # again: nothing changes
    with pytest.raises(CommandError):
        call_command("import_documents", str(path), "--no-progress")
    out, _ = capsys.readouterr()
    assert "新增 0" in out and "未变 5" in out
    assert SourceFile.objects.count() == 5


@pytest.mark.django_db
def test_docx_task_table_becomes_measures_with_units_and_deadlines():
    data = makedocs.docx_from_text("某市2024年知识产权保护工作要点\n为加强知识产权保护，制定本要点。", table=TASKS)
    result = Importer().import_bytes(data, source="tasks.docx")
    assert result.status == "added", result
    doc = Document.objects.get(pk=result.document_id)
    measures = list(doc.measures.order_by("ordinal").prefetch_related("unit_links__unit"))
    assert [m.label for m in measures] == ["1", "2", "3"]
    first = measures[0]
    assert "铁拳" in first.text and "2024年12月" in first.text
    roles = {(l.unit.name, l.role) for l in first.unit_links.all()}
    assert ("市市场监管局", "lead") in roles and ("市公安局", "support") in roles
    assert {(l.unit.name, l.role) for l in measures[1].unit_links.all()} >= {("市司法局", "lead")}
    assert first.path == ["一、强化知识产权保护"] or "强化知识产权保护" in " ".join(first.path)
    values = {(t.measure.ordinal, format(t.value.normalize(), "f"), t.unit) for t in doc.targets.select_related("measure")}
    assert (1, "50", "件") in values and (3, "5", "亿元") in values


@pytest.mark.django_db
def test_html_page_with_heavy_chrome_keeps_only_the_document(client):
    page = makedocs.html_from_text(POLICY, meta_table=True)
    result = Importer().import_bytes(page, source="heavy.html")
    doc = Document.objects.get(pk=result.document_id)
    for chrome in ("乡村振兴在行动", "市领导调研重点项目建设情况", "网站标识码", "请输入关键词"):
        assert chrome not in doc.raw_text
    assert doc.doc_number == "某政办〔2024〕3号"
    assert doc.measures.count() == 3
    html = client.get(f"/documents/{doc.pk}/").content.decode()
    assert "某政办〔2024〕3号" in html


@pytest.mark.django_db
def test_new_version_of_a_pdf_keeps_corrections_and_replaces_the_original():
    importer = Importer()
    first = importer.import_bytes(makedocs.pdf_from_text(POLICY), source="plan.pdf")
    doc = Document.objects.get(pk=first.document_id)
    m = doc.measures.get(ordinal=2)
    m.title = "完善快速维权机制（编辑修订）"
    m.save()
    from measures.ingest import service

    service.record(doc.pk, [service.Original("plan.pdf", b"%PDF-old", "pdf")], new_version=True)
    changed = POLICY.replace("不少于200件", "不少于300件")
    second = importer.import_bytes(makedocs.pdf_from_text(changed), source="plan.pdf")
    assert second.status == "updated" and second.document_id == doc.pk
    assert Measure.objects.get(document=doc, ordinal=2).title == "完善快速维权机制（编辑修订）"
    assert doc.targets.filter(value=300).exists()


@pytest.mark.django_db
def test_document_page_says_doc_number_unknown_and_offers_a_citation(client):
    result = Importer().import_bytes(POLICY.encode("utf-8"), source="plain.txt")
    doc = Document.objects.get(pk=result.document_id)
    assert doc.doc_number is None
    html = client.get(f"/documents/{doc.pk}/").content.decode()
    row = re.search(r"<th scope=\"row\">文号</th><td>(.*?)</td>", html).group(1)
    assert row == "不详"
    assert "引用本文" in html and f"/documents/{doc.pk}/" in html and "文号不详" in html
    assert "来源文件" not in html  # the internal file name is no longer shown as a source


@pytest.mark.django_db
def test_download_of_another_documents_file_is_not_found(client, make_document):
    a, b = make_document(), make_document()
    f = SourceFile.objects.create(document=a, name="a.pdf", data=b"%PDF-1.4", sha256="x", size=8,
                                  content_type="application/pdf")
    assert client.get(f"/documents/{b.pk}/files/{f.pk}/").status_code == 404
    ok = client.get(f"/documents/{a.pk}/files/{f.pk}/")
    assert ok.status_code == 200 and ok["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_unsafe_file_names_are_made_safe(client, make_document):
    doc = make_document()
    f = SourceFile.objects.create(document=doc, name='../..\\evil"\r\nX-Header: 1.pdf', data=b"%PDF", sha256="x",
                                  size=4, content_type="application/pdf")
    response = client.get(f"/documents/{doc.pk}/files/{f.pk}/")
    disposition = response["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition and ".." not in disposition and "/" not in disposition
    assert "X-Header" not in response


@pytest.mark.django_db
def test_chinese_file_name_download(client, make_document):
    doc = make_document()
    f = SourceFile.objects.create(document=doc, name="关于印发实施方案的通知.pdf", data=b"%PDF", sha256="x",
                                  size=4, content_type="application/pdf")
    response = client.get(f"/documents/{doc.pk}/files/{f.pk}/")
    assert "filename*=utf-8''%E5%85%B3" in response["Content-Disposition"]


@pytest.mark.django_db
def test_a_web_page_saved_as_one_file_imports():
    import base64

    page = makedocs.html_from_text(POLICY, charset="utf-8")
    mht = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"XX\"\r\n\r\n--XX\r\n"
           b"Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           + base64.encodebytes(page) + b"\r\n--XX--\r\n")
    result = Importer().import_bytes(mht, source="saved-by-word.doc")
    assert result.status == "added", result
    assert Document.objects.get(pk=result.document_id).measures.count() == 3


@pytest.mark.django_db(transaction=True)
def test_command_in_autocommit_mode_keeps_originals(tmp_path, committed_reference_data):
    """As in production: no test transaction around the command."""
    call_command("seed_reference", verbosity=0)
    (tmp_path / "plan.pdf").write_bytes(makedocs.pdf_from_text(POLICY))
    (tmp_path / "plan.pdf.url").write_text("https://www.example.gov.cn/plan.html", encoding="utf-8")
    call_command("import_documents", str(tmp_path), "--no-progress", "--workers", "1")
    doc = Document.objects.get(source="plan.pdf")
    assert doc.source_url == "https://www.example.gov.cn/plan.html"
    assert SourceFile.objects.filter(document=doc).count() == 1
