"""Issue 15: errors and odds — the portal's own 404 and 500 pages (never a debug
page where the portal is served), a favicon, a general report form styled like
the rest with nothing pre-selected."""
import re
from pathlib import Path

import pytest
from django.conf import settings
from lxml import html as lxml_html

from measures.models import ErrorReport

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)


def portal_page(html: str) -> bool:
    """Rendered through base.html: the header, the stylesheets, the footer."""
    return 'class="site-header"' in html and "css/portal.css" in html and 'class="site-footer"' in html


@pytest.mark.parametrize("url", ["/no-such-page/", "/measures/99999999/", "/documents/99999999/", "/units/99999999/"])
def test_not_found_is_the_portals_own_page(client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert portal_page(html) and "页面不存在" in html
    assert "Technical" not in html and "Django" not in html and "URLconf" not in html


def test_server_error_is_the_portals_own_page(client, monkeypatch):
    from measures import selectors_pages

    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr(selectors_pages, "home_overview", broken)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert portal_page(html) and "服务器出错了" in html
    assert "boom" not in html and "Traceback" not in html


def test_no_served_configuration_shows_debug_pages():
    serve = (ROOT / "serve.sh").read_text()
    assert 'DEBUG="${DEBUG:-0}"' in serve and "collectstatic" in serve
    compose = (ROOT / "docker-compose.yml").read_text()
    assert re.search(r'DEBUG:\s*"0"', compose)


def test_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")
    assert (ROOT / "static" / "favicon.svg").read_text().startswith("<svg")
    home = client.get("/documents/").content.decode()
    assert re.search(r'<link rel="icon" href="[^"]*favicon\.svg"', home)


def test_report_without_a_subject_opens_a_general_form(client):
    response = client.get("/report/")
    assert response.status_code == 200
    html = response.content.decode()
    assert portal_page(html) and "一般反馈" in html
    doc = lxml_html.fromstring(html)
    radios = doc.xpath("//input[@name='kind']")
    assert radios and not any(r.get("checked") is not None for r in radios)
    assert "---------" not in html and all(r.get("value") for r in radios)
    response = client.post("/report/", {"kind": "other", "description": "缺少某省 2023 年的文件。"})
    assert response.status_code == 302
    report = ErrorReport.objects.get()
    assert (report.measure, report.document, report.kind) == (None, None, "other")


def test_report_form_is_styled(client):
    css = (ROOT / "static" / "css" / "readable.css").read_text()
    assert ".report-form" in css and ".report-form textarea" in css
    html = client.get("/report/").content.decode()
    assert "css/readable.css" in html


def test_general_reports_show_in_the_admin_queue(admin_client):
    ErrorReport.objects.create(kind="other", description="网站建议一条")
    html = admin_client.get("/admin/measures/errorreport/").content.decode()
    assert "一般反馈" in html
