"""The models' constraints keep the data sane, enforced by PostgreSQL itself."""
import pytest
from django.db import IntegrityError, transaction

from measures.models import Measure, MeasureUnit, Region, ResponsibleUnit, Target, Theme

pytestmark = pytest.mark.django_db


def test_reference_data_is_seeded():
    assert Region.objects.filter(level="province").count() >= 31
    assert Region.objects.get(name="沈阳市").parent.name == "辽宁省"
    assert Theme.objects.count() == 19


def test_document_content_hash_is_unique(make_document):
    make_document(content_hash="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_document(content_hash="same")


def test_document_source_is_unique(make_document):
    make_document(source="a.txt")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_document(source="a.txt")


def test_document_needs_a_title(make_document):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_document(title="")


def test_measure_ordinal_unique_per_document(make_document):
    doc, other = make_document(), make_document()
    Measure.objects.create(document=doc, ordinal=1, text="一")
    Measure.objects.create(document=other, ordinal=1, text="一")  # another document: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        Measure.objects.create(document=doc, ordinal=1, text="二")


def test_measure_ordinal_positive_and_text_required(make_document):
    doc = make_document()
    with pytest.raises(IntegrityError), transaction.atomic():
        Measure.objects.create(document=doc, ordinal=0, text="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        Measure.objects.create(document=doc, ordinal=2, text="")


def test_unit_name_unique_per_region_including_no_region():
    shenyang = Region.objects.get(name="沈阳市")
    ResponsibleUnit.objects.create(name="市市场监管局", region=shenyang)
    ResponsibleUnit.objects.create(name="市市场监管局", region=Region.objects.get(name="大连市"))
    with pytest.raises(IntegrityError), transaction.atomic():
        ResponsibleUnit.objects.create(name="市市场监管局", region=shenyang)
    ResponsibleUnit.objects.create(name="省知识产权局", region=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        ResponsibleUnit.objects.create(name="省知识产权局", region=None)


def test_unit_cannot_be_its_own_canonical():
    unit = ResponsibleUnit.objects.create(name="市公安局")
    unit.canonical = unit
    with pytest.raises(IntegrityError), transaction.atomic():
        unit.save()


def test_measure_unit_link_unique(make_document):
    m = Measure.objects.create(document=make_document(), ordinal=1, text="措施")
    unit = ResponsibleUnit.objects.create(name="市法院")
    MeasureUnit.objects.create(measure=m, unit=unit, role="lead")
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureUnit.objects.create(measure=m, unit=unit, role="support")


def test_target_year_must_be_plausible(make_document):
    doc = make_document()
    Target.objects.create(document=doc, metric="满意度", comparator=">=", value=84, unit="分", year=2026, quote="q")
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(document=doc, metric="满意度", value=84, year=20260, quote="q")


def test_region_province_has_no_parent():
    with pytest.raises(IntegrityError), transaction.atomic():
        Region.objects.create(id=990001, code="990001", name="测试市", short_name="测试", level="city", parent=None)


def test_deleting_a_document_deletes_its_measures_and_targets(make_document):
    doc = make_document()
    m = Measure.objects.create(document=doc, ordinal=1, text="措施")
    Target.objects.create(document=doc, measure=m, metric="件数", value=3, quote="q")
    doc.delete()
    assert not Measure.objects.exists() and not Target.objects.exists()


def test_region_province_and_city():
    heping = Region.objects.get(name="和平区", parent__name="沈阳市")
    assert [r.name for r in heping.province_and_city()] == ["辽宁省", "沈阳市"]
    haidian = Region.objects.get(name="海淀区")
    assert [r.name for r in haidian.province_and_city()] == ["北京市", "北京市"]
    hunan = Region.objects.get(name="湖南省")
    assert hunan.province_and_city() == (hunan, None)
