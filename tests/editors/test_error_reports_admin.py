"""The admin queue of error reports: filters and the actions 标记为已修正 / 驳回."""
import pytest
from django.urls import reverse

from measures import services
from measures.models import ErrorReport

pytestmark = pytest.mark.django_db

LIST = reverse("admin:measures_errorreport_changelist")


@pytest.fixture
def reports(imported):
    m = imported.measures.get(ordinal=1)
    return [
        services.create_error_report(measure=m, kind="text", description="标题有错别字"),
        services.create_error_report(document=imported, kind="status", description="文件已废止", contact="13800000000"),
    ]


def test_queue_lists_open_reports_and_filters_by_status(editor_client, reports):
    response = editor_client.get(LIST, {"status__exact": "open"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "标题有错别字" in html and "文件已废止" in html
    assert reverse("admin:measures_measure_change", args=[reports[0].measure_id]) in html
    services.handle_error_reports([reports[1]], "rejected", user=None)
    html = editor_client.get(LIST, {"status__exact": "open"}).content.decode()
    assert "标题有错别字" in html and "文件已废止" not in html


@pytest.mark.parametrize("action,status", [("mark_fixed", "fixed"), ("mark_rejected", "rejected")])
def test_actions_close_reports_with_who_and_when(action, status, editor_client, editor, reports):
    response = editor_client.post(LIST, {"action": action, "_selected_action": [str(reports[0].pk)]})
    assert response.status_code == 302
    first, second = (ErrorReport.objects.get(pk=r.pk) for r in reports)
    assert (first.status, first.handled_by) == (status, editor) and first.handled_at is not None
    assert (second.status, second.handled_by, second.handled_at) == ("open", None, None)
    assert first.history.latest("history_date").history_user == editor


def test_action_labels_are_chinese(editor_client, reports):
    html = editor_client.get(LIST).content.decode()
    assert "标记为已修正" in html and "驳回" in html


def test_changing_status_on_the_change_page_records_the_handler(editor_client, editor, reports):
    url = reverse("admin:measures_errorreport_change", args=[reports[1].pk])
    page = editor_client.get(url)
    assert page.status_code == 200 and "13800000000" in page.content.decode()
    response = editor_client.post(url, {"status": "fixed", "note": "已在后台改为已失效"})
    assert response.status_code == 302
    report = ErrorReport.objects.get(pk=reports[1].pk)
    assert (report.status, report.handled_by, report.note) == ("fixed", editor, "已在后台改为已失效")
    assert report.description == "文件已废止"  # visitors' text is read-only


def test_editors_cannot_add_reports_in_the_admin(editor_client):
    assert editor_client.get(reverse("admin:measures_errorreport_add")).status_code == 403


def test_contact_is_not_copied_into_history(reports):
    assert "contact" not in {f.name for f in ErrorReport.history.model._meta.fields}
