"""The public "报告错误" form: GET shows it, POST saves a report, CSRF enforced."""
import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from measures.models import ErrorReport

pytestmark = pytest.mark.django_db

URL = reverse("measures:report")


def test_url_is_slash_report():
    assert URL == "/report/"


def test_get_shows_the_form_for_a_measure(client, imported):
    m = imported.measures.get(ordinal=1)
    response = client.get(URL, {"measure": m.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "报告错误" in html and m.title in html and imported.title in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="kind"' in html and 'name="description"' in html and 'name="contact"' in html
    assert "知识产权保护措施库" in html  # extends base.html


def test_post_saves_a_report_on_a_measure_and_thanks(client, imported):
    m = imported.measures.get(ordinal=1)
    response = client.post(f"{URL}?measure={m.pk}", {"kind": "units", "description": "牵头单位应为市知识产权局。",
                                                      "contact": "a@example.invalid"})
    assert response.status_code == 302 and response["Location"] == reverse("measures:report_thanks")
    report = ErrorReport.objects.get()
    assert (report.measure, report.document, report.kind, report.status) == (m, imported, "units", "open")
    assert report.description == "牵头单位应为市知识产权局。" and report.contact == "a@example.invalid"
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and "感谢" in thanks.content.decode()


def test_post_on_a_document_without_contact(client, imported):
    response = client.post(f"{URL}?document={imported.pk}", {"kind": "status", "description": "该文件已于2025年废止。"})
    assert response.status_code == 302
    report = ErrorReport.objects.get()
    assert (report.measure, report.document, report.contact) == (None, imported, "")


def test_invalid_post_shows_errors_and_saves_nothing(client, imported):
    response = client.post(f"{URL}?document={imported.pk}", {"kind": "", "description": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "请选择问题类型" in html and "请填写具体说明" in html
    assert not ErrorReport.objects.exists()


def test_csrf_is_enforced(imported):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"{URL}?document={imported.pk}", {"kind": "other", "description": "没有令牌的提交"})
    assert response.status_code == 403
    assert not ErrorReport.objects.exists()
    page = client.get(URL, {"document": imported.pk})
    token = page.context["csrf_token"]
    response = client.post(f"{URL}?document={imported.pk}", {"kind": "other", "description": "带令牌的提交",
                                                              "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302 and ErrorReport.objects.count() == 1


@pytest.mark.parametrize("query", [{"measure": "999999"}, {"document": "999999"}, {"measure": "abc"}])
def test_unknown_subject_is_404(client, imported, query):
    assert client.get(URL, query).status_code == 404


def test_honeypot_submissions_are_dropped(client, imported):
    response = client.post(f"{URL}?document={imported.pk}", {"kind": "other", "description": "垃圾广告内容",
                                                              "website": "http://spam.invalid"})
    assert response.status_code == 302
    assert not ErrorReport.objects.exists()


def test_link_snippet_points_to_the_form(imported):
    m = imported.measures.get(ordinal=1)
    html = render_to_string("measures/_report_link.html", {"measure": m, "document": imported})
    assert f'href="/report/?measure={m.pk}"' in html and "报告错误" in html
    html = render_to_string("measures/_report_link.html", {"document": imported})
    assert f'href="/report/?document={imported.pk}"' in html
    assert render_to_string("measures/_report_link.html", {}).strip() == ""
