"""An editor, in Debian's chromium: upload a PDF in the admin, preview, import, find its measures by
search within a minute, and download the original from the document's page."""
import re
import time

import pytest

from measures.ingest import samples
from .conftest import goto, new_context

pytestmark = pytest.mark.browser

POLICY = """某市知识产权快速保护工作实施方案
为加强知识产权快速保护，结合本市实际，制定本方案。
一、加强知识产权行政保护
（一）开展专项执法行动。严厉打击商标侵权、假冒专利等违法行为，到2025年，查办侵权假冒案件不少于200件。（责任单位：市市场监管局、市公安局）
（二）建设快速维权中心。建设知识产权快速维权中心，专利预审周期压缩至30个工作日以内。（责任单位：市市场监管局）
二、强化知识产权司法保护
（三）推进繁简分流。知识产权民事一审案件平均审理周期缩短至120天以内。（责任单位：市中级人民法院）
"""


@pytest.fixture
def editor_page(browser, live_server, transactional_db, django_user_model):
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    call_command("seed_reference", verbosity=0)
    call_command("ensure_groups", verbosity=0)
    user = django_user_model.objects.create_user("carol", "carol@example.invalid", "carol-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name="编辑"))
    context = new_context(browser, viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True)
    pg = context.new_page()
    goto(pg, live_server.url + "/admin/login/?next=/admin/measures/document/import/")
    pg.fill("input[name=username]", "carol")
    pg.fill("input[name=password]", "carol-pass-123")
    pg.click("input[type=submit]")
    pg.wait_for_url(re.compile(r"/admin/measures/document/import/$"))
    yield pg, live_server.url
    context.close()


def test_upload_preview_import_search_and_download(editor_page, tmp_path):
    page, base = editor_page
    pdf = samples.pdf_from_text(POLICY, running_head="某市人民政府公报")
    page.set_input_files("input[name=files]", files=[
        {"name": "快速保护实施方案.pdf", "mimeType": "application/pdf", "buffer": pdf}])
    page.click("#preview-button")
    card = page.locator(".ingest-card").first
    card.wait_for()
    assert "某市知识产权快速保护工作实施方案" in card.locator(".ingest-title").inner_text()
    assert "新增" in card.locator(".ingest-badge").inner_text()
    outline = card.locator(".ingest-outline")
    assert outline.locator("tr.ingest-measure").count() == 3
    assert "市市场监管局、市公安局" in outline.inner_text() and "不低于 200件" in outline.inner_text()
    assert "3 条措施" in card.locator(".ingest-counts").inner_text()

    started = time.monotonic()
    page.click("#import-button")
    page.wait_for_selector(".messagelist .success")
    assert "已新增" in page.locator(".messagelist").inner_text()

    # an editor (or anyone) finds the new measures by search
    goto(page, base + "/measures/?q=" + "快速维权中心")
    results = page.locator(".results")
    assert "建设快速维权中心" in results.inner_text()
    assert time.monotonic() - started < 60

    # the document's page offers the original for download
    results.locator(".result-title a").first.click()
    page.wait_for_url(re.compile(r"/measures/\d+/$"))
    page.get_by_role("link", name=re.compile("在原文件中查看此条")).click()
    page.wait_for_url(re.compile(r"/documents/\d+/"))
    meta = page.locator(".meta-table")
    assert "不详" in meta.locator("tr", has_text="文号").inner_text()
    assert meta.locator("tr", has_text="入库时间").is_visible()
    with page.expect_download() as info:
        meta.locator("a.original-download").first.click()
    download = info.value
    assert download.suggested_filename == "快速保护实施方案.pdf"
    target = tmp_path / "downloaded.pdf"
    download.save_as(target)
    assert target.read_bytes() == pdf
    assert "引用本文" in page.locator("#cite").inner_text()
