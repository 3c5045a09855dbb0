"""The editors' admin: every model, inlines, the parse-vs-current panel, bulk actions."""
import re
from decimal import Decimal

import pytest
from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from measures.models import (DictionaryWord, Document, ErrorReport, IPType, Measure, MeasureUnit, Region,
                             ResponsibleUnit, SynonymGroup, Target, Theme, UnitAlias)

pytestmark = pytest.mark.django_db

ALL_MODELS = [Region, Theme, IPType, UnitAlias, SynonymGroup, DictionaryWord, Document, Measure, MeasureUnit,
              Target, ResponsibleUnit, ErrorReport]
CJK = re.compile(r"[\u4e00-\u9fff]")


def changelist(model):
    return reverse(f"admin:measures_{model._meta.model_name}_changelist")


def change(obj):
    return reverse(f"admin:measures_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_every_model_has_an_admin_with_search_filters_and_chinese_names(model):
    model_admin = admin.site._registry.get(model)
    assert model_admin is not None, f"{model.__name__} not registered"
    assert model_admin.search_fields, "no search"
    assert model_admin.list_filter, "no list_filter"
    assert CJK.search(str(model._meta.verbose_name))
    if hasattr(model, "history"):
        assert isinstance(model_admin, SimpleHistoryAdmin)


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_every_changelist_searches_and_filters(model, client, superuser, imported):
    client.force_login(superuser)
    response = client.get(changelist(model), {"q": "市"})
    assert response.status_code == 200
    # the first list filter's first choice must work too
    spec = response.context["cl"].filter_specs
    assert spec, "no filter shown"
    choices = [c for c in spec[0].choices(response.context["cl"]) if not c.get("selected")]
    if choices:
        assert client.get(changelist(model) + choices[0]["query_string"]).status_code == 200


def test_autocomplete_for_units_and_regions():
    assert "unit" in admin.site._registry[Measure].inlines[0].autocomplete_fields
    assert "region" in admin.site._registry[Document].autocomplete_fields
    assert {"region", "canonical"} <= set(admin.site._registry[ResponsibleUnit].autocomplete_fields)
    assert {"measure", "unit"} <= set(admin.site._registry[MeasureUnit].autocomplete_fields)


def test_unit_autocomplete_endpoint_answers_editors(editor_client, imported):
    response = editor_client.get("/admin/autocomplete/", {"app_label": "measures", "model_name": "measureunit",
                                                           "field_name": "unit", "term": "公安"})
    assert response.status_code == 200
    texts = [r["text"] for r in response.json()["results"]]
    assert "市公安局" in texts and "市市场监管局" not in texts


def test_document_page_shows_measures_compactly_with_links_and_targets(editor_client, imported):
    response = editor_client.get(change(imported))
    assert response.status_code == 200
    html = response.content.decode()
    for m in imported.measures.all():
        assert change(m) in html
        assert m.title in html
    assert 'name="measures-0-text"' not in html  # compact: the text is edited on the measure page
    assert 'name="targets-0-metric"' in html and "服务企业" in html


def test_measure_page_has_unit_inline_with_role_and_autocomplete(editor_client, imported):
    m = imported.measures.get(ordinal=1)
    response = editor_client.get(change(m))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="unit_links-0-role"' in html
    assert "admin-autocomplete" in html
    assert "牵头" in html and "配合" in html


# --- the panel "解析原值 vs 当前值" ---------------------------------------------------------

def diff_rows(html):
    return dict(re.findall(r'<tr class="parse-diff-row" data-field="(\w+)"><th>[^<]*</th><td>([^<]*)</td>', html))


def test_panel_lists_the_corrected_measure_fields(editor_client, imported, form_data):
    m = imported.measures.get(ordinal=1)
    response = editor_client.get(change(m))
    assert "解析原值 vs 当前值" in response.content.decode()
    assert diff_rows(response.content.decode()) == {}

    data = form_data(response)
    data["title"] = "编辑修正的标题"
    data["themes"] = [str(Theme.objects.get(code="judicial").pk)]
    assert editor_client.post(change(m), data).status_code == 302

    rows = diff_rows(editor_client.get(change(m)).content.decode())
    assert rows == {"title": "加大专利侵权打击力度", "themes": "行政保护"}


def test_panel_lists_corrected_document_and_target_fields(editor_client, imported, form_data):
    response = editor_client.get(change(imported))
    data = form_data(response)
    data["issuer"] = "沈阳市人民政府办公厅"
    data["region"] = str(Region.objects.get(name="大连市").pk)
    target_index = next(i for i in range(2) if data[f"targets-{i}-metric"] == "服务企业")
    data[f"targets-{target_index}-value"] = "650"
    assert editor_client.post(change(imported), data).status_code == 302

    rows = diff_rows(editor_client.get(change(imported)).content.decode())
    assert rows == {"issuer": "沈阳市人民政府", "region": "沈阳市"}
    target = imported.targets.get(metric="服务企业")
    assert target.value == Decimal("650")
    assert diff_rows(editor_client.get(change(target)).content.decode()) == {"value": "500"}
    imported.refresh_from_db()
    assert imported.city.name == "大连市"  # province/city follow the corrected region


def test_untouched_textarea_with_crlf_is_not_a_correction(editor_client, load, spec, form_data):
    spec["measures"][0]["text"] = "第一段。\n第二段。"
    doc = load(spec)
    m = doc.measures.get(ordinal=1)
    data = form_data(editor_client.get(change(m)))
    data["text"] = data["text"].replace("\n", "\r\n")  # what a browser submits
    data["path"] = data["path"].replace("\n", "\r\n")
    data["reviewed"] = "on"
    assert editor_client.post(change(m), data).status_code == 302
    m.refresh_from_db()
    assert m.reviewed and m.text == "第一段。\n第二段。" and m.path == ["重点任务", "严格保护"]


def test_target_added_by_editor_in_the_document_inline_is_marked(editor_client, imported, form_data):
    data = form_data(editor_client.get(change(imported)))
    n = int(data["targets-TOTAL_FORMS"])
    data.update({"targets-TOTAL_FORMS": str(n + 1), f"targets-{n}-metric": "查处案件", f"targets-{n}-comparator": ">=",
                 f"targets-{n}-value": "100", f"targets-{n}-unit": "件", f"targets-{n}-year": "2025",
                 f"targets-{n}-quote": "查处案件100件以上", f"targets-{n}-measure": "", f"targets-{n}-id": "",
                 f"targets-{n}-document": str(imported.pk)})
    response = editor_client.post(change(imported), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    added = imported.targets.get(metric="查处案件")
    assert added.added_by_editor and added.parsed == {}


def test_target_added_on_the_measure_page_belongs_to_its_document(editor_client, imported, form_data):
    m = imported.measures.get(ordinal=1)
    data = form_data(editor_client.get(change(m)))
    n = int(data["targets-TOTAL_FORMS"])
    data.update({"targets-TOTAL_FORMS": str(n + 1), f"targets-{n}-metric": "培训人次", f"targets-{n}-comparator": ">=",
                 f"targets-{n}-value": "300", f"targets-{n}-unit": "人次", f"targets-{n}-year": "",
                 f"targets-{n}-quote": "培训300人次", f"targets-{n}-id": "", f"targets-{n}-measure": str(m.pk)})
    assert editor_client.post(change(m), data).status_code == 302
    added = Target.objects.get(metric="培训人次")
    assert (added.document_id, added.measure_id, added.added_by_editor) == (imported.pk, m.pk, True)


# --- bulk actions ------------------------------------------------------------------------

def test_set_theme_action_asks_which_theme_then_applies(editor_client, imported):
    pks = [str(pk) for pk in imported.measures.values_list("pk", flat=True)]
    url = changelist(Measure)
    response = editor_client.post(url, {"action": "set_theme", "_selected_action": pks})
    assert response.status_code == 200 and "设置工作类别" in response.content.decode()
    assert Measure.objects.filter(themes__code="funding").count() == 0

    funding = Theme.objects.get(code="funding")
    response = editor_client.post(url, {"action": "set_theme", "_selected_action": pks, "apply": "1",
                                        "theme": funding.pk, "replace": "0", "index": "0"})
    assert response.status_code == 302
    assert Measure.objects.filter(themes=funding).count() == 2
    assert set(imported.measures.get(ordinal=1).themes.values_list("code", flat=True)) == {"administrative", "funding"}

    editor_client.post(url, {"action": "set_theme", "_selected_action": pks[:1], "apply": "1",
                             "theme": funding.pk, "replace": "1", "index": "0"})
    assert list(imported.measures.get(ordinal=1).themes.values_list("code", flat=True)) == ["funding"]


def test_merge_units_action_asks_for_the_canonical_one(editor_client, imported):
    a = ResponsibleUnit.objects.get(name="市市场监管局")
    b = ResponsibleUnit.objects.create(name="沈阳市市场监督管理局", region=a.region)
    c, _ = ResponsibleUnit.objects.get_or_create(name="市场监管局", region=a.region)
    alias_of_c = ResponsibleUnit.objects.create(name="市场监督管理局", region=a.region, canonical=c)
    url = changelist(ResponsibleUnit)
    selected = [str(a.pk), str(b.pk), str(c.pk)]
    response = editor_client.post(url, {"action": "merge_units", "_selected_action": selected})
    assert response.status_code == 200
    assert f'value="{b.pk}"' in response.content.decode()  # offered as a choice

    response = editor_client.post(url, {"action": "merge_units", "_selected_action": selected, "apply": "1",
                                        "canonical": b.pk, "index": "0"})
    assert response.status_code == 302
    assert {a.pk, c.pk, alias_of_c.pk} <= set(ResponsibleUnit.objects.filter(canonical=b).values_list("pk", flat=True))
    assert not ResponsibleUnit.objects.filter(canonical=c).exists()  # c's aliases follow c
    b.refresh_from_db()
    assert b.canonical_id is None
    # names as written are untouched: the measure keeps its unit link
    assert imported.measures.get(ordinal=1).unit_links.filter(unit=a).exists()
    # the unit facet groups by canonical unit at once
    from measures.selectors import measure_search

    units = {row["name"]: row["count"] for row in measure_search(params={}).facets["unit"]}
    merged = Measure.objects.filter(unit_links__unit__canonical=b).distinct().count()
    assert merged >= 1 and units.get("沈阳市市场监督管理局") == merged and "市场监管局" not in units


def test_merge_into_an_alias_promotes_it(editor):
    from measures import services

    region = Region.objects.get(name="沈阳市")
    canon = ResponsibleUnit.objects.create(name="市知识产权局", region=region)
    alias = ResponsibleUnit.objects.create(name="市知识产权局(市场监管局)", region=region, canonical=canon)
    services.merge_units([canon, alias], alias, user=editor)
    canon.refresh_from_db()
    alias.refresh_from_db()
    assert (alias.canonical_id, canon.canonical_id) == (None, alias.pk)


@pytest.mark.parametrize("model", [Document, Measure], ids=lambda m: m.__name__)
def test_mark_reviewed_action(model, editor_client, editor, imported):
    pks = [str(pk) for pk in model.objects.values_list("pk", flat=True)]
    response = editor_client.post(changelist(model), {"action": "mark_reviewed", "_selected_action": pks})
    assert response.status_code == 302
    assert not model.objects.filter(reviewed=False).exists()
    assert model.history.filter(reviewed=True).latest("history_date").history_user == editor


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_every_change_and_add_page_renders(model, client, superuser, imported):
    from measures import services

    services.create_error_report(document=imported, kind="other", description="测试报告内容")
    UnitAlias.objects.get_or_create(alias="测试别名", defaults={"canonical": "测试规范名"})
    SynonymGroup.objects.get_or_create(terms=["版权", "著作权"])
    DictionaryWord.objects.get_or_create(word="地理标志")
    client.force_login(superuser)
    obj = model.objects.order_by("pk").first()
    assert client.get(change(obj)).status_code == 200
    expected = 403 if model is ErrorReport else 200
    assert client.get(reverse(f"admin:measures_{model._meta.model_name}_add")).status_code == expected


def test_every_display_method_of_an_admin_is_shown_somewhere():
    """A column method no list, form or inline names is dead code that nothing checks (Theme's and
    ResponsibleUnit's warning_list read a parse_warnings those models do not have)."""
    import inspect

    from django.contrib.admin.utils import flatten_fieldsets

    unused = []
    registered = list(admin.site._registry.values())
    admins = registered + [inline(a.model, admin.site) for a in registered for inline in a.inlines]
    for model_admin in admins:
        if not type(model_admin).__module__.startswith("measures"):
            continue
        shown = {*getattr(model_admin, "list_display", ()), *model_admin.readonly_fields, *(model_admin.fields or []),
                 *flatten_fieldsets(model_admin.fieldsets or []), *(getattr(model_admin, "actions", None) or [])}
        for name, member in inspect.getmembers(type(model_admin), inspect.isfunction):
            if hasattr(member, "short_description") and member.__module__.startswith("measures") \
                    and name not in shown:
                unused.append(f"{type(model_admin).__name__}.{name}")
    assert not unused, unused
