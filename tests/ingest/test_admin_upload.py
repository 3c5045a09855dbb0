"""The admin's import page: upload (or paste, or give an address), preview, import with one button."""
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from measures.ingest import samples as makedocs
from measures.models import Document, SourceFile

from .test_formats import POLICY, TASKS

URL = "/admin/measures/document/import/"


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def preview(client, **data):
    response = client.post(URL, {"step": "preview", **data})
    assert response.status_code == 200
    return response


def import_all(client, response):
    html = response.content.decode()
    batch = re.search(r'name="batch" value="([0-9a-f]+)"', html).group(1)
    selected = re.findall(r'name="selected" value="(\d+)"', html)
    return client.post(URL, {"step": "import", "batch": batch, "selected": selected}, follow=True)


@pytest.mark.django_db
def test_upload_preview_then_import_then_find_by_search(editor_client):
    page = editor_client.get("/admin/measures/document/")
    assert URL in page.content.decode()
    assert editor_client.get(URL).status_code == 200
    pdf = makedocs.pdf_from_text(POLICY)
    response = preview(editor_client, files=[upload("某市实施方案.pdf", pdf, "application/pdf")],
                       source_url="https://www.example.gov.cn/zcwj/1.html")
    html = response.content.decode()
    assert "某市知识产权保护工作实施方案" in html
    assert "开展专项执法行动" in html and "市市场监管局" in html
    assert "200" in html and "件" in html  # the targets of the outline
    assert "新增" in html and "不详" in html  # no 文号: unknown, not 无
    assert not Document.objects.exists()  # a preview writes no document
    assert SourceFile.objects.filter(document__isnull=True).count() == 1  # the upload waits
    done = import_all(editor_client, response)
    text = done.content.decode()
    assert "已新增" in text
    doc = Document.objects.get()
    assert doc.source == "某市实施方案.pdf" and doc.source_url == "https://www.example.gov.cn/zcwj/1.html"
    assert doc.measures.count() == 3
    f = SourceFile.objects.get()
    assert f.document == doc and bytes(f.data) == pdf and f.uploaded_by is not None and not f.batch
    found = editor_client.get("/measures/", {"q": "快速维权中心"}).content.decode()
    assert "完善快速维权机制" in found
    download = editor_client.get(f"/documents/{doc.pk}/files/{f.pk}/")
    assert download.content == pdf and download["Content-Type"] == "application/pdf"
    # the same file again: the preview says so, and offers nothing to import
    again = preview(editor_client, files=[upload("某市实施方案.pdf", pdf)]).content.decode()
    assert "未变" in again and 'id="import-button"' not in again


@pytest.mark.django_db
def test_several_files_and_pasted_text_in_one_preview(editor_client):
    docx = makedocs.docx_from_text("某市2024年知识产权保护工作要点\n为加强知识产权保护，制定本要点。", table=TASKS)
    response = preview(editor_client, files=[upload("tasks.docx", docx), upload("plan.pdf", makedocs.pdf_from_text(
        POLICY.replace("某市", "某县")))], text=POLICY.replace("某市", "某区"))
    html = response.content.decode()
    assert html.count('class="ingest-card') == 3
    assert "市公安局" in html and "配合" in html  # the task table's units and roles
    import_all(editor_client, response)
    assert Document.objects.count() == 3
    pasted = Document.objects.get(title__contains="某区")
    assert SourceFile.objects.get(document=pasted).format == "txt"


@pytest.mark.django_db
def test_every_rejected_file_gets_a_clear_message(editor_client, settings):
    import io
    import zipfile

    xlsx = io.BytesIO()
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    files = [upload("locked.pdf", makedocs.pdf_from_text(POLICY, encrypt="pw")),
             upload("scan.pdf", makedocs.scanned_pdf()),
             upload("broken.pdf", makedocs.pdf_from_text(POLICY)[:600]),
             upload("tasks.xlsx", xlsx.getvalue()),
             upload("photo.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 100),
             upload("empty.txt", b""),
             upload("notes.txt", "没有编号的随笔。".encode() * 3)]
    html = preview(editor_client, files=files).content.decode()
    assert html.count("无法导入") == 6
    # a text without numbered measures is no refused file: it would load flagged for review, and says why
    notes = html[html.index("<h3>notes.txt</h3>"):]
    assert "无法导入" not in notes and "未找到编号的措施" in notes     # the parser's note, in the interface language
    for words in ("加密", "没有文字层", "损坏", "Excel", "图片", "为空"):
        assert words in html, words
    assert html.count('name="selected"') == 1  # only notes.txt can be imported
    settings.INGEST_MAX_UPLOAD_BYTES = 1000
    html = preview(editor_client, files=[upload("big.pdf", makedocs.pdf_from_text(POLICY))]).content.decode()
    assert "文件过大" in html


@pytest.mark.django_db
def test_import_from_an_address_in_the_admin(editor_client, site):
    site.pages["/zcwj/1.html"] = (makedocs.html_from_text(POLICY, charset="gbk", meta_table=True),
                                  "text/html; charset=gbk")
    response = preview(editor_client, urls=site.url("/zcwj/1.html"))
    assert "某政办〔2024〕3号" in response.content.decode()
    import_all(editor_client, response)
    doc = Document.objects.get()
    assert doc.source_url == site.url("/zcwj/1.html")
    assert doc.source.startswith("127.0.0.1:")


@pytest.mark.django_db
def test_a_new_version_keeps_editors_corrections(editor_client):
    first = preview(editor_client, files=[upload("plan.pdf", makedocs.pdf_from_text(POLICY))])
    import_all(editor_client, first)
    doc = Document.objects.get()
    doc.source_url = "https://www.example.gov.cn/corrected.html"
    doc.save()
    m = doc.measures.get(ordinal=1)
    m.title = "开展专项执法行动（编辑修订）"
    m.save()
    second = preview(editor_client, files=[upload("plan.pdf", makedocs.pdf_from_text(
        POLICY.replace("不少于200件", "不少于250件")))], source_url="https://www.example.gov.cn/other.html")
    assert "更新" in second.content.decode()
    import_all(editor_client, second)
    doc.refresh_from_db()
    assert doc.measures.get(ordinal=1).title == "开展专项执法行动（编辑修订）"
    assert doc.source_url == "https://www.example.gov.cn/corrected.html"  # the editor's correction stays
    assert doc.targets.filter(value=250).exists()


@pytest.mark.django_db
def test_expired_preview_and_permissions(editor_client, django_user_model):
    from django.test import Client

    response = editor_client.post(URL, {"step": "import", "batch": "0123456789abcdef", "selected": ["0"]}, follow=True)
    assert "预览已过期" in response.content.decode()
    empty = editor_client.post(URL, {"step": "preview"})
    assert empty.status_code == 200 and "请上传文件、粘贴文本或填写网址" in empty.content.decode()
    staff = django_user_model.objects.create_user("viewer", "v@example.invalid", "viewer-pass-123", is_staff=True)
    other = Client()
    other.force_login(staff)
    assert other.get(URL).status_code == 403
    assert other.post(URL, {"step": "preview", "text": POLICY}).status_code == 403
