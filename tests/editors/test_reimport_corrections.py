"""Editors' corrections survive re-import (three-way merge in measures.importer).

For every editable field: import v1, correct the field as an editor (through
measures.services), import v2 of the same source in which the parser says
something new for that field *and* for an untouched "witness" field. The
correction must stay, the witness must take the new parse, and ``parsed``
must hold the new parse. A control test per field shows that without a
correction the new parse wins — so the correction tests can fail.
"""
from datetime import date
from decimal import Decimal

import pytest

from measures import services
from measures.models import Document, IPType, Measure, MeasureUnit, Region, ResponsibleUnit, Target, Theme

pytestmark = pytest.mark.django_db


def region(name, parent_name=None):
    qs = Region.objects.filter(name=name)
    if parent_name:
        qs = qs.filter(parent__name=parent_name)
    return qs.get()


# --- documents ----------------------------------------------------------------------

# field -> (editor's value, v2 parse changes, value the field has after v2 when nobody corrected it)
DOC_CASES = {
    "title": ("沈阳市知识产权保护若干措施(编辑修正)", {"title": "沈阳市知识产权保护若干措施(2024年修订)"},
              "沈阳市知识产权保护若干措施(2024年修订)"),
    "notice_title": ("编辑修正的通知标题", {"notice_title": "关于印发修订版的通知"}, "关于印发修订版的通知"),
    "issuer": ("沈阳市人民政府办公厅", {"issuer": "沈阳市人民政府办公室"}, "沈阳市人民政府办公室"),
    "doc_number": ("沈政发〔2023〕9号", {"doc_number": "沈政发〔2024〕1号"}, "沈政发〔2024〕1号"),
    "level": ("district", {"level": "province"}, "province"),
    "signed_date": (date(2023, 2, 28), {"signed_date": "2024-01-10"}, date(2024, 1, 10)),
    "published_date": (date(2023, 3, 6), {"published_date": "2024-01-15"}, date(2024, 1, 15)),
    "status": ("expired", {"status": "draft"}, "draft"),
    # the parser can only say hans or hant: v2 repeats v1 for the correction test
    "script": ("hant", {}, "hant"),
    "region": ("大连市", {"district": "和平区"}, "和平区"),
}


def doc_value(doc, field):
    return doc.region.name if field == "region" else getattr(doc, field)


def witness_for(field):
    return "title" if field == "issuer" else "issuer"


@pytest.mark.parametrize("field", list(DOC_CASES))
def test_document_correction_survives_reimport(field, load, spec, editor):
    editor_value, v2_changes, _ = DOC_CASES[field]
    doc = load(spec)
    assert doc_value(doc, field) != editor_value

    setattr(doc, field, region(editor_value) if field == "region" else editor_value)
    services.save_document(doc, user=editor)

    witness = witness_for(field)
    spec["document"].update(v2_changes)
    spec["document"][witness] = spec["document"][witness] + "(新版)"
    doc = load(spec)

    doc.refresh_from_db()
    assert doc_value(doc, field) == editor_value, f"correction of {field} lost"
    assert getattr(doc, witness) == spec["document"][witness], "untouched field did not take the new parse"
    if field == "region":
        assert doc.parsed["region"] == region("和平区", "沈阳市").pk
        assert (doc.province.name, doc.city.name) == ("辽宁省", "大连市")  # follow the corrected region
    elif v2_changes:
        assert doc.parsed[field] == v2_changes[field]


@pytest.mark.parametrize("field", list(DOC_CASES))
def test_uncorrected_document_field_takes_new_parse(field, load, spec):
    _, v2_changes, expected = DOC_CASES[field]
    load(spec)
    spec["document"].update(v2_changes or {"script": "hant"})
    doc = load(spec)
    assert doc_value(doc, field) == expected


def test_correcting_region_moves_province_and_city_at_once(load, spec, editor):
    doc = load(spec)
    assert doc.city.name == "沈阳市"
    doc.region = region("长春市")
    services.save_document(doc, user=editor)
    doc.refresh_from_db()
    assert (doc.province.name, doc.city.name) == ("吉林省", "长春市")


# --- measures -----------------------------------------------------------------------

MEASURE_CASES = {
    "path": (["重点任务", "严格保护(编辑修正)"], {"path": ["主要任务", "严格保护"]}),
    "label": ("1-1", {"label": "一"}),
    "title": ("加大专利侵权查处力度", {"title": "加大专利侵权行政查处力度"}),
    "text": ("加大专利侵权打击力度。编辑修正后的正文。", {"text": "加大专利侵权打击力度。开展专项执法行动,依法查处专利侵权行为。"}),
    "themes": (["administrative", "judicial"], {"themes": ["administrative", "criminal"]}),
    "ip_types": (["patent", "trademark"], {"ip_types": ["copyright"]}),
    "units": ([("市知识产权局", "lead")],
              {"units_detail": [{"name": "市市场监管局", "role": "lead"}, {"name": "市司法局", "role": "support"}]}),
}


def measure_value(m, field):
    if field == "themes":
        return sorted(m.themes.values_list("code", flat=True))
    if field == "ip_types":
        return sorted(m.ip_types.values_list("code", flat=True))
    if field == "units":
        return [(link.unit.name, link.role) for link in m.unit_links.select_related("unit")]
    return getattr(m, field)


def correct_measure(m, field, value, user):
    if field == "themes":
        services.save_measure(m, user=user, themes=Theme.objects.filter(code__in=value))
    elif field == "ip_types":
        services.save_measure(m, user=user, ip_types=IPType.objects.filter(code__in=value))
    elif field == "units":
        units = [(ResponsibleUnit.objects.get(name=name, region=m.document.region), role) for name, role in value]
        services.save_measure(m, user=user, units=units)
    else:
        setattr(m, field, value)
        services.save_measure(m, user=user)


@pytest.mark.parametrize("field", list(MEASURE_CASES))
def test_measure_correction_survives_reimport(field, load, spec, editor):
    editor_value, v2_changes = MEASURE_CASES[field]
    doc = load(spec)
    m = doc.measures.get(ordinal=1)
    assert measure_value(m, field) != editor_value
    correct_measure(m, field, editor_value, editor)

    witness = "text" if field == "title" else "title"
    spec["measures"][0].update(v2_changes)
    spec["measures"][0][witness] += "(新版)"
    load(spec)

    m = Measure.objects.get(pk=m.pk)  # the same row, not a replacement
    assert measure_value(m, field) == editor_value, f"correction of {field} lost"
    assert getattr(m, witness) == spec["measures"][0][witness], "untouched field did not take the new parse"
    if field == "units":
        assert m.parsed["units"] == v2_changes["units_detail"]
    else:
        assert m.parsed[field] == (sorted(v2_changes[field]) if field in ("themes", "ip_types") else v2_changes[field])


@pytest.mark.parametrize("field", list(MEASURE_CASES))
def test_uncorrected_measure_field_takes_new_parse(field, load, spec):
    _, v2_changes = MEASURE_CASES[field]
    doc = load(spec)
    pk = doc.measures.get(ordinal=1).pk
    spec["measures"][0].update(v2_changes)
    load(spec)
    m = Measure.objects.get(pk=pk)
    if field == "units":
        assert measure_value(m, field) == [(u["name"], u["role"]) for u in v2_changes["units_detail"]]
    elif field in ("themes", "ip_types"):
        assert measure_value(m, field) == sorted(v2_changes[field])
    else:
        assert measure_value(m, field) == v2_changes[field]


def test_unit_role_correction_survives_reimport(load, spec, editor):
    doc = load(spec)
    m = doc.measures.get(ordinal=1)
    link = m.unit_links.get(unit__name="市公安局")
    link.role = MeasureUnit.Role.LEAD
    link.save()
    spec["measures"][0]["title"] = "新标题"
    load(spec)
    assert m.unit_links.get(unit__name="市公安局").role == "lead"
    assert Measure.objects.get(pk=m.pk).title == "新标题"


def test_reviewed_measure_that_left_the_source_is_kept(load, spec, editor):
    doc = load(spec)
    m2 = doc.measures.get(ordinal=2)
    services.mark_reviewed(Measure.objects.filter(pk=m2.pk), user=editor)
    spec["measures"] = spec["measures"][:1]
    spec["targets"] = spec["targets"][1:]
    load(spec)
    assert Measure.objects.filter(pk=m2.pk).exists()


# --- targets ------------------------------------------------------------------------

TARGET_CASES = {
    "metric": ("服务企业数量", {"metric": "服务中小企业"}),
    "comparator": (">", {"comparator": "="}),
    "value": (Decimal("600"), {"value": 800}),
    "unit": ("户", {"unit": "家次"}),
    "year": (2026, {"year": 2027}),
    "quote": ("到2025年服务企业达到500家以上", {"quote": "到2025年力争服务企业达到500家"}),
    "measure": (1, {"measure": None}),
}


def target_value(t, field):
    if field == "measure":
        return t.measure.ordinal if t.measure_id else None
    return getattr(t, field)


@pytest.mark.parametrize("field", list(TARGET_CASES))
def test_target_correction_survives_reimport(field, load, spec, editor):
    editor_value, v2_changes = TARGET_CASES[field]
    doc = load(spec)
    t = doc.targets.get(metric="服务企业")
    if field == "measure":
        t.measure = doc.measures.get(ordinal=editor_value)
    else:
        setattr(t, field, editor_value)
    services.save_target(t, user=editor)

    witness = "year" if field == "value" else "value"
    spec["targets"][0].update(v2_changes)
    spec["targets"][0][witness] = 2028 if witness == "year" else 700
    load(spec)

    assert doc.targets.count() == 2, "a corrected target was duplicated or lost"
    t = Target.objects.get(pk=t.pk)
    assert target_value(t, field) == editor_value, f"correction of {field} lost"
    assert getattr(t, witness) == spec["targets"][0][witness], "untouched field did not take the new parse"
    assert t.parsed[field] == v2_changes[field]
    assert not t.added_by_editor


@pytest.mark.parametrize("field", list(TARGET_CASES))
def test_uncorrected_target_field_takes_new_parse(field, load, spec):
    _, v2_changes = TARGET_CASES[field]
    doc = load(spec)
    spec["targets"][0].update(v2_changes)
    load(spec)
    assert doc.targets.count() == 2
    t = doc.targets.get(position=0)
    assert target_value(t, field) == v2_changes[field]


def test_corrected_target_follows_a_new_version_that_rewords_it(load, spec, editor):
    """The new version changes the number and hence the quote: still the same target."""
    doc = load(spec)
    t = doc.targets.get(metric="服务企业")
    t.metric = "服务企业数量"
    services.save_target(t, user=editor)
    spec["targets"][0].update({"value": 800, "quote": "到2025年服务企业达到800家"})
    load(spec)
    assert doc.targets.count() == 2
    t = Target.objects.get(pk=t.pk)
    assert (t.metric, t.value, t.quote) == ("服务企业数量", Decimal("800"), "到2025年服务企业达到800家")


def test_editor_added_target_survives_reimport(load, spec, editor):
    doc = load(spec)
    added = services.save_target(Target(document=doc, measure=doc.measures.get(ordinal=1), metric="查处案件",
                                        comparator=">=", value=Decimal("100"), unit="件", year=2025,
                                        quote="查处专利侵权案件100件以上"), user=editor)
    assert added.added_by_editor
    spec["targets"][0]["value"] = 900
    spec["document"]["title"] = "新标题"
    load(spec)
    added = Target.objects.get(pk=added.pk)
    assert (added.metric, added.value, added.added_by_editor) == ("查处案件", Decimal("100"), True)
    assert doc.targets.count() == 3
    assert doc.targets.get(metric="服务企业").value == 900


def test_uncorrected_target_that_left_the_source_is_removed(load, spec):
    doc = load(spec)
    spec["targets"] = spec["targets"][1:]
    load(spec)
    assert list(doc.targets.values_list("metric", flat=True)) == ["知识产权保护社会满意度"]


def test_same_bytes_again_is_unchanged_and_keeps_corrections(load, spec, editor, fake_parser):
    import json

    from measures.importer import UNCHANGED, Importer

    doc = load(spec)
    doc.title = "编辑修正"
    services.save_document(doc, user=editor)
    data = json.dumps(spec, ensure_ascii=False, sort_keys=True).encode("utf-8")
    assert Importer(knowledge=object()).import_bytes(data, source="sy.txt").status == UNCHANGED
    assert Document.objects.get(pk=doc.pk).title == "编辑修正"


def test_renumbered_measures_do_not_look_like_target_corrections(load, spec):
    """v2 inserts a measure before measure 2: its target follows it and still takes the new parse."""
    doc = load(spec)
    m2 = doc.measures.get(ordinal=2)
    inserted = {**spec["measures"][0], "ordinal": 2, "label": "1.5", "title": "新增措施",
                "text": "新增措施。加强商标保护。", "units_detail": []}
    spec["measures"][1]["ordinal"] = 3
    spec["measures"].insert(1, inserted)
    spec["targets"][0].update({"measure": 3, "value": 700})
    load(spec)
    m2.refresh_from_db()
    assert m2.ordinal == 3
    t = doc.targets.get(metric="服务企业")
    assert (t.measure_id, t.value) == (m2.pk, 700)


def test_correction_stays_with_its_measure_when_a_new_version_inserts_one_before(load, spec, editor):
    doc = load(spec)
    m2 = doc.measures.get(ordinal=2)
    m2.title = "建设知识产权维权援助中心"
    services.save_measure(m2, user=editor)
    inserted = {**spec["measures"][0], "ordinal": 2, "label": "2", "title": "新增措施",
                "text": "新增措施。加强商标保护。", "units_detail": []}
    spec["measures"][1].update({"ordinal": 3, "label": "3"})  # renumbered too
    spec["measures"].insert(1, inserted)
    load(spec)
    m2.refresh_from_db()
    assert (m2.ordinal, m2.label, m2.title) == (3, "3", "建设知识产权维权援助中心")
    assert m2.text.startswith("建设维权援助中心。")
    new = doc.measures.get(ordinal=2)
    assert (new.title, new.text) == ("新增措施", "新增措施。加强商标保护。")


# --- deletions are corrections too ---------------------------------------------------

def test_target_deleted_by_an_editor_stays_deleted_after_reimport(load, spec, editor_client):
    doc = load(spec)
    wrong = doc.targets.get(metric="服务企业")
    response = editor_client.post(f"/admin/measures/target/{wrong.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    spec["document"]["title"] = "新版本标题"
    load(spec)
    assert not doc.targets.filter(metric="服务企业").exists()
    assert doc.targets.filter(metric="知识产权保护社会满意度").exists()


def test_measure_deleted_by_an_editor_stays_deleted_after_reimport(load, spec, editor_client):
    doc = load(spec)
    wrong = doc.measures.get(ordinal=2)
    response = editor_client.post(f"/admin/measures/measure/{wrong.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    spec["document"]["title"] = "新版本标题"
    load(spec)
    assert list(doc.measures.values_list("title", flat=True)) == ["加大专利侵权打击力度"]


def test_deleting_a_document_leaves_no_suppression_and_reimport_restores_all(load, spec):
    doc = load(spec)
    doc.delete()
    doc = load(spec)
    assert doc.measures.count() == 2 and doc.targets.count() == 2
    assert "suppressed" not in doc.parsed


def test_importer_removing_stale_targets_is_not_a_suppression(load, spec):
    doc = load(spec)
    dropped = spec["targets"][0]
    spec["targets"] = spec["targets"][1:]
    load(spec)
    spec["targets"] = [dropped] + spec["targets"]
    load(spec)  # the target returns to the source: it is imported again
    assert doc.targets.filter(metric="服务企业").exists()
