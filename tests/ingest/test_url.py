"""Import from the address of an official page: a local site (http.server on 127.0.0.1) serving
recorded pages with attachments, a GBK page, a page whose only content is an attached PDF, redirects;
and the addresses that must never be fetched."""
import pytest
from django.core.management import CommandError, call_command

from measures.importer import Importer
from measures.ingest import IngestError, service
from measures.ingest import samples as makedocs
from measures.ingest.fetch import FetchError, allowed_address, check_url, fetch, resolve, same_site
from measures.models import Document, SourceFile

from .test_formats import POLICY, TASKS

NOTICE = """某市人民政府办公室关于印发某市知识产权保护工作实施方案的通知
某政办〔2024〕7号
各县、区人民政府，市政府各部门：
现将《某市知识产权保护工作实施方案》印发给你们，请认真贯彻落实。
某市人民政府办公室
2024年3月5日
"""


def serve_notice_with_attachments(site):
    """A GBK page: the covering notice, the plan as a PDF and its task table as a Word file."""
    page = makedocs.html_from_text(NOTICE, charset="gbk", attachments=[
        ("/files/plan.pdf", "附件1：某市知识产权保护工作实施方案.pdf"),
        ("/files/tasks.docx", "附件2：重点任务分工表.docx"),
        ("http://elsewhere.example.com/other.pdf", "其他网站的文件.pdf"),
    ])
    site.pages["/zcwj/notice.html"] = (page, "text/html; charset=gbk")
    site.pages["/files/plan.pdf"] = (makedocs.pdf_from_text(POLICY), "application/pdf")
    tasks = makedocs.docx_from_text("重点任务分工表", table=TASKS)
    site.pages["/files/tasks.docx"] = (tasks, "application/octet-stream")


@pytest.mark.django_db
def test_gbk_page_with_pdf_and_word_attachments(site):
    serve_notice_with_attachments(site)
    url = site.url("/zcwj/notice.html")
    candidate = service.preview(service.from_url(url))
    assert candidate.ok, candidate.error
    assert candidate.action == "new"
    assert [o.name for o in candidate.originals] == ["notice.html", "某市知识产权保护工作实施方案.pdf", "重点任务分工表.docx"]
    assert any("不在同一网站" in w for w in candidate.warnings)
    assert "/other.pdf" not in site.requests
    result = service.import_one(candidate, Importer())
    assert result.status == "added", result
    doc = Document.objects.get(pk=result.document_id)
    assert doc.source_url == url
    assert doc.doc_number == "某政办〔2024〕7号"
    texts = " ".join(doc.measures.values_list("text", flat=True))
    assert "开展专项执法行动" in texts  # from the PDF
    assert "铁拳" in texts  # from the Word task table
    files = list(SourceFile.objects.filter(document=doc).order_by("position"))
    assert [f.role for f in files] == ["page", "attachment", "attachment"]
    assert files[1].url == site.url("/files/plan.pdf") and bytes(files[1].data) == site.pages["/files/plan.pdf"][0]
    # the same page again: unchanged
    again = service.import_one(service.preview(service.from_url(url)), Importer())
    assert again.status == "unchanged" and Document.objects.count() == 1


@pytest.mark.django_db
def test_page_whose_only_content_is_an_attached_pdf(site):
    page = makedocs.html_from_text("附件下载", body_paras=False,
                                   attachments=[("plan.pdf", "某市知识产权保护工作实施方案.pdf")])
    site.pages["/zcwj/2024/only.html"] = (page, "text/html; charset=utf-8")
    site.pages["/zcwj/2024/plan.pdf"] = (makedocs.pdf_from_text(POLICY), "application/pdf")
    candidate = service.preview(service.from_url(site.url("/zcwj/2024/only.html")))
    assert candidate.ok, candidate.error
    assert candidate.parsed["document"]["title"] == "某市知识产权保护工作实施方案"
    assert len(candidate.parsed["measures"]) == 3


@pytest.mark.django_db
def test_attachment_repeating_the_page_is_kept_as_a_file_only(site):
    page = makedocs.html_from_text(POLICY, attachments=[("/files/same.pdf", "原文.pdf")])
    site.pages["/p.html"] = (page, "text/html")
    site.pages["/files/same.pdf"] = (makedocs.pdf_from_text(POLICY), "application/pdf")
    candidate = service.preview(service.from_url(site.url("/p.html")))
    assert len(candidate.parsed["measures"]) == 3
    assert len(candidate.originals) == 2
    assert any("与网页正文相同" in w for w in candidate.warnings)


@pytest.mark.django_db
def test_a_url_that_is_a_pdf_and_redirects(site):
    site.pages["/files/plan.pdf"] = (makedocs.pdf_from_text(POLICY), "application/pdf")
    site.redirects["/old/plan"] = "/files/plan.pdf"
    candidate = service.preview(service.from_url(site.url("/old/plan")))
    assert candidate.ok and candidate.format == "pdf"
    assert candidate.source_url == site.url("/files/plan.pdf")
    assert candidate.originals[0].name == "plan.pdf"


@pytest.mark.django_db
def test_command_imports_a_url(site, capsys):
    serve_notice_with_attachments(site)
    call_command("import_documents", "--url", site.url("/zcwj/notice.html"), "--no-progress")
    out, _ = capsys.readouterr()
    assert "新增 1" in out
    assert Document.objects.get().source_url == site.url("/zcwj/notice.html")
    with pytest.raises(CommandError):
        call_command("import_documents", "--url", site.url("/missing.html"), "--no-progress")
    assert "HTTP 404" in capsys.readouterr().err


def test_errors_of_fetching(site, settings):
    site.pages["/big.pdf"] = (b"%PDF-1.4" + b"0" * 5000, "application/pdf")
    settings.INGEST_MAX_FETCH_BYTES = 1000
    with pytest.raises(FetchError, match="过大"):
        fetch(site.url("/big.pdf"))
    with pytest.raises(FetchError, match="404"):
        fetch(site.url("/nothing"))
    site.pages["/slow"] = (b"x", "text/plain")
    site.slow.add("/slow")
    settings.INGEST_FETCH_TIMEOUT = 0.5
    with pytest.raises(FetchError, match="超时"):
        fetch(site.url("/slow"))
    site.redirects["/loop"] = "/loop"
    with pytest.raises(FetchError, match="重定向"):
        fetch(site.url("/loop"))


@pytest.mark.parametrize("url, words", [
    ("ftp://www.gov.cn/a.pdf", "http"),
    ("file:///etc/passwd", "http"),
    ("http://user:secret@www.gov.cn/", "用户名"),
    ("javascript:alert(1)", "http"),
])
def test_only_plain_http_addresses(url, words):
    with pytest.raises(FetchError, match=words):
        check_url(url)


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                                     "100.64.0.1", "0.0.0.0", "::1", "fc00::1", "fe80::1", "224.0.0.1",
                                     "::ffff:10.0.0.1"])
def test_private_and_loopback_addresses_are_refused(address, settings):
    settings.INGEST_ALLOW_LOOPBACK = False
    assert not allowed_address(address)
    with pytest.raises(FetchError, match="不允许访问"):
        resolve(address, 80)


def test_loopback_only_with_the_setting(settings):
    settings.INGEST_ALLOW_LOOPBACK = True
    assert allowed_address("127.0.0.1") and not allowed_address("10.0.0.1")
    settings.INGEST_ALLOW_LOOPBACK = False
    with pytest.raises(FetchError):
        fetch("http://127.0.0.1:9/")
    assert allowed_address("8.8.8.8")


def test_same_site():
    assert same_site("https://www.beijing.gov.cn/a.html", "http://zscq.beijing.gov.cn/f/1.pdf")
    assert not same_site("https://www.beijing.gov.cn/a.html", "https://www.shanghai.gov.cn/f/1.pdf")
    assert same_site("https://www.example.com/a", "https://files.example.com/b.pdf")


@pytest.mark.django_db
def test_url_map_and_sidecar(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    (tmp_path / "b.pdf.url").write_text("[InternetShortcut]\nURL=https://www.gov.cn/b.html\n", encoding="utf-8")
    (tmp_path / "map.csv").write_text("\ufefffile,url\na.pdf,https://www.gov.cn/a.html\nbad,notaurl\n", encoding="utf-8")
    mapping = service.load_url_map(tmp_path / "map.csv")
    assert mapping == {"a.pdf": "https://www.gov.cn/a.html"}
    assert service.url_for(tmp_path / "a.pdf", mapping) == "https://www.gov.cn/a.html"
    assert service.url_for(tmp_path / "b.pdf", mapping) == "https://www.gov.cn/b.html"
    assert service.url_for(tmp_path / "c.pdf", mapping) == ""


def test_an_empty_or_broken_upload_is_explained():
    assert "为空" in service.from_upload("empty.pdf", b"").error
    with pytest.raises(IngestError):
        service.readable(b"%PDF-1.4 broken", "x.pdf")
