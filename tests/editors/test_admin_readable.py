"""Issue 15: the admin reads at its width and in Chinese; the report queue opens
on 待处理. (Widths themselves are measured in tests/browser/test_readable.py.)"""
from pathlib import Path

import pytest
from django.conf import settings

from measures.models import Document, ErrorReport

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_every_admin_page_loads_the_readable_stylesheet(admin_client, make_document):
    doc = make_document()
    for url in ["/admin/", "/admin/measures/measure/", f"/admin/measures/document/{doc.pk}/change/"]:
        assert "css/admin_readable.css" in html(admin_client, url), url
    css = (Path(settings.BASE_DIR) / "static" / "css" / "admin_readable.css").read_text()
    # a measure's title column gets room; tabular inlines scroll inside the page
    assert "#result_list .field-heading" in css and "min-width: 16em" in css
    assert ".inline-group .tabular { overflow-x: auto" in css


def test_no_english_leftovers_in_the_admin(admin_client, make_document):
    doc = make_document()
    index = html(admin_client, "/admin/")
    for english in ("Access attempts", "Access failures", "Access logs", "Model name", "Add link",
                    "Change or view list link", ">Axes<"):
        assert english not in index, english
    assert "登录尝试" in index and "登录安全" in index
    history = html(admin_client, f"/admin/measures/document/{doc.pk}/history/")
    assert ">Changes<" not in history and "具体修改" in history
    assert "None" not in history.split('id="change-history"')[1]


def test_the_admin_javascript_catalogue_has_the_selector_strings(admin_client):
    import json

    js = html(admin_client, "/admin/jsi18n/")
    assert json.dumps("全选%s")[1:-1] in js and json.dumps("选择%s:选中后点击")[1:-1] in js


def test_report_queue_opens_on_open_reports(admin_client, make_document):
    doc = make_document()
    ErrorReport.objects.create(document=doc, kind="text", description="待处理的报告", status="open")
    ErrorReport.objects.create(document=doc, kind="text", description="已修正的报告", status="fixed")
    queue = html(admin_client, "/admin/measures/errorreport/")
    assert "待处理的报告" in queue and "已修正的报告" not in queue
    everything = html(admin_client, "/admin/measures/errorreport/?status=all")
    assert "待处理的报告" in everything and "已修正的报告" in everything
    fixed = html(admin_client, "/admin/measures/errorreport/?status=fixed")
    assert "已修正的报告" in fixed and "待处理的报告" not in fixed


def test_a_month_only_date_is_editable_on_the_document_page(admin_client, make_document):
    doc = make_document(date_year=2022, date_month=12)
    page = html(admin_client, f"/admin/measures/document/{doc.pk}/change/")
    assert 'name="date_year"' in page and 'value="2022"' in page and 'name="date_month"' in page
    assert Document.objects.get(pk=doc.pk).partial_date == "2022年12月"


def test_committed_translation_files_are_compiled_from_their_po():
    from portal.msgfmt import catalogues, compile_file

    for root in settings.LOCALE_PATHS:
        for po in catalogues(root):
            mo = po.with_suffix(".mo")
            assert mo.exists() and mo.read_bytes() == compile_file(po), f"run manage.py compile_translations ({po})"
