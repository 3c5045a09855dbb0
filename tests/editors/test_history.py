"""History (django-simple-history): who changed what and when, with before/after, and revert."""

import pytest
from django.urls import reverse

from measures.models import Measure, Theme

pytestmark = pytest.mark.django_db


def change_url(m):
    return reverse("admin:measures_measure_change", args=[m.pk])


def edit_measure(client, m, form_data, **changes):
    data = form_data(client.get(change_url(m)))
    data.update(changes)
    response = client.post(change_url(m), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response


def theme_codes(m):
    return sorted(m.themes.values_list("code", flat=True))


def test_admin_edit_records_user_and_before_after(editor_client, editor, imported, form_data):
    m = imported.measures.get(ordinal=1)
    edit_measure(editor_client, m, form_data, title="编辑修正的标题")
    latest = m.history.latest("history_date")
    assert latest.history_user == editor
    delta = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes if c.field == "title"] == [
        ("title", "加大专利侵权打击力度", "编辑修正的标题")]

    page = editor_client.get(reverse("admin:measures_measure_history", args=[m.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "alice" in html and "加大专利侵权打击力度" in html and "编辑修正的标题" in html


def test_m2m_history_keeps_themes_per_version(editor_client, imported, form_data):
    m = imported.measures.get(ordinal=1)
    judicial = Theme.objects.get(code="judicial")
    edit_measure(editor_client, m, form_data, themes=[str(judicial.pk)])
    assert theme_codes(m) == ["judicial"]
    versions = list(m.history.order_by("history_date", "history_id"))
    snapshots = [sorted(row.theme.code for row in v.themes.all()) for v in versions]
    # as imported (each m2m write adds a version, so intermediate ones exist too)
    assert ["administrative"] in snapshots[:-1]
    assert snapshots[-1] == ["judicial"]


def test_revert_to_an_earlier_version_restores_fields_and_themes(editor_client, editor, imported, form_data):
    m = imported.measures.get(ordinal=1)
    original = m.history.order_by("history_date", "history_id").last()  # as imported (themes set)
    assert sorted(r.theme.code for r in original.themes.all()) == ["administrative"]
    edit_measure(editor_client, m, form_data, title="错误的修改",
                 themes=[str(Theme.objects.get(code="funding").pk)])
    m.refresh_from_db()
    assert m.title == "错误的修改"

    url = reverse("admin:measures_measure_simple_history", args=[m.pk, original.history_id])
    page = editor_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "加大专利侵权打击力度" in html
    data = form_data(page)
    assert data["themes"] == [str(Theme.objects.get(code="administrative").pk)]  # the version's themes, not today's
    response = editor_client.post(url, data)
    assert response.status_code == 302

    m.refresh_from_db()
    assert m.title == "加大专利侵权打击力度"
    assert theme_codes(m) == ["administrative"]
    assert m.history.latest("history_date").history_user == editor
    # the revert reindexed the measure: the wrong title is no longer found
    assert not Measure.objects.search("错误的修改").filter(pk=m.pk).exists()
    assert Measure.objects.search("打击力度").filter(pk=m.pk).exists()


@pytest.mark.parametrize("model", ["document", "target", "responsibleunit", "theme", "errorreport"])
def test_history_pages_exist_for_editable_models(model, editor_client, imported):
    from django.apps import apps

    from measures import services

    services.create_error_report(document=imported, kind="other", description="测试报告内容")
    obj = apps.get_model("measures", model).objects.first()
    assert editor_client.get(reverse(f"admin:measures_{model}_history", args=[obj.pk])).status_code == 200


def test_document_history_does_not_copy_the_raw_text(imported):
    fields = {f.name for f in imported.history.model._meta.fields}
    assert "title" in fields and "raw_text" not in fields and "parsed" not in fields
