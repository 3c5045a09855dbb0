"""Filters of the measure list page and of GET /api/measures/ (one FilterSet).

Multi-valued filters take repeated parameters or comma-separated values
(?theme=judicial&theme=criminal or ?theme=judicial,criminal); values of one
filter are alternatives, different filters must all hold. The values have
been validated by measures.params before they get here (the views answer bad
ones with a 400 or a notice); the filters still refuse what they cannot use.
"""
import django_filters
from django import forms

from .models import Document, Level, Measure, MeasureUnit, Region

MAX_VALUES = 50


class MultiValueField(forms.Field):
    widget = forms.SelectMultiple

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        out = []
        for item in value:
            out.extend(part.strip() for part in str(item).split(",") if part.strip())
        return list(dict.fromkeys(out))[:MAX_VALUES]


class MultiValueFilter(django_filters.Filter):
    field_class = MultiValueField


def _ascii_number(v: str, max_len: int) -> bool:
    # str.isdigit() is also true for '²' and '①', which int() refuses.
    return v.isascii() and v.isdigit() and len(v) < max_len


def region_ids(values, level: str) -> list[int]:
    """Region ids from ids, codes, full names or short names (the gazetteer is
    read once per process and kept REGION_TTL seconds: resolving a place costs
    no query, so a search runs the same queries whatever places it names)."""
    index = _region_index()
    out = []
    for v in values:
        if _ascii_number(v, 13):
            out.extend(index.get((level, "id", int(v)), ()))
            out.extend(index.get((level, "code", v), ()))
        elif not (v.isascii() and v.isdigit()) and len(v) <= 50:
            out.extend(index.get((level, "name", v), ()))
    return list(dict.fromkeys(out))


REGION_TTL = 300
_regions = {"at": -REGION_TTL, "index": {}}


def _region_index() -> dict:
    import time

    if time.monotonic() - _regions["at"] < REGION_TTL:
        return _regions["index"]
    index: dict = {}
    for pk, code, name, short, level in Region.objects.values_list("id", "code", "name", "short_name", "level"):
        for key in ((level, "id", pk), (level, "code", code), (level, "name", name), (level, "name", short)):
            index.setdefault(key, []).append(pk)
    # An empty gazetteer (a database being set up or reseeded) is not kept: the
    # next request reads it again instead of finding no place for REGION_TTL.
    if index:
        _regions.update(at=time.monotonic(), index=index)
    return index


def reset_regions(**kwargs) -> None:
    _regions["at"] = -REGION_TTL


def int_values(values) -> list[int]:
    return [int(v) for v in values if _ascii_number(v, 19)]


def clamp_year(value) -> int:
    return min(max(int(value), 1), 9999)


class MeasureFilter(django_filters.FilterSet):
    province = MultiValueFilter(method="filter_province", label="省份")
    city = MultiValueFilter(method="filter_city", label="城市")
    level = django_filters.ChoiceFilter(field_name="document__level", choices=Level.choices, label="级别")
    document = django_filters.NumberFilter(method="filter_document", label="文件")
    theme = MultiValueFilter(method="filter_theme", label="工作类别")
    ip_type = MultiValueFilter(method="filter_ip_type", label="知识产权类型")
    unit = MultiValueFilter(method="filter_unit", label="责任单位")
    role = django_filters.MultipleChoiceFilter(choices=MeasureUnit.Role.choices, method="filter_role",
                                               label="单位角色")
    year_from = django_filters.NumberFilter(method="filter_year_from", label="起始年份")
    year_to = django_filters.NumberFilter(method="filter_year_to", label="截止年份")
    undated = django_filters.BooleanFilter(method="filter_undated", label="日期不详")
    status = django_filters.ChoiceFilter(field_name="document__status", choices=Document.Status.choices,
                                         label="效力状态")
    has_targets = django_filters.BooleanFilter(method="filter_has_targets", label="含量化目标")
    # how policy spreads (measures.querysets_diffusion)
    cites = django_filters.NumberFilter(method="filter_cites", label="引用某文件")
    specificity = MultiValueFilter(method="filter_specificity", label="具体度")
    flag = MultiValueFilter(method="filter_flag", label="具体度依据")
    # the advanced search form (document metadata; measures.doctypes for the type)
    issuer = django_filters.CharFilter(method="filter_issuer", label="发布机构")
    doc_number = django_filters.CharFilter(method="filter_doc_number", label="文号")
    doc_type = django_filters.CharFilter(method="filter_doc_type", label="文件类型")
    date_from = django_filters.DateFilter(method="filter_date_from", label="起始日期")
    date_to = django_filters.DateFilter(method="filter_date_to", label="截止日期")

    class Meta:
        model = Measure
        fields = []

    def filter_province(self, qs, name, value):
        return qs.filter(document__province_id__in=region_ids(value, "province")) if value else qs

    def filter_city(self, qs, name, value):
        return qs.filter(document__city_id__in=region_ids(value, "city")) if value else qs

    def filter_theme(self, qs, name, value):
        return qs.with_theme(value) if value else qs

    def filter_ip_type(self, qs, name, value):
        return qs.with_ip_type(value) if value else qs

    def filter_unit(self, qs, name, value):
        if not value:
            return qs
        # unit and role together must hold on the same unit link
        return qs.with_unit(unit_ids=int_values(value), roles=self.form.cleaned_data.get("role") or None)

    def filter_role(self, qs, name, value):
        if not value or self.form.cleaned_data.get("unit"):
            return qs
        return qs.with_unit(roles=value)

    def filter_document(self, qs, name, value):
        if value is None:
            return qs
        return qs.filter(document_id=int(value)) if 0 < value < 2**63 and value == int(value) else qs.none()

    def filter_year_from(self, qs, name, value):
        return qs.with_year().filter(year__gte=clamp_year(value)) if value is not None else qs

    def filter_year_to(self, qs, name, value):
        return qs.with_year().filter(year__lte=clamp_year(value)) if value is not None else qs

    def filter_undated(self, qs, name, value):
        return qs.undated(value) if value is not None else qs

    def filter_has_targets(self, qs, name, value):
        return qs.with_targets(value) if value is not None else qs

    def filter_cites(self, qs, name, value):
        from .querysets_diffusion import citing

        if value is None:
            return qs
        return citing(qs, int(value)) if 0 < value < 2**63 and value == int(value) else qs.none()

    def filter_specificity(self, qs, name, value):
        from .querysets_diffusion import with_specificity

        return with_specificity(qs, value) if value else qs

    def filter_flag(self, qs, name, value):
        from .querysets_diffusion import with_flags

        return with_flags(qs, value) if value else qs

    def filter_issuer(self, qs, name, value):
        return qs.with_issuer(value[:100]) if value else qs

    def filter_doc_number(self, qs, name, value):
        return qs.with_doc_number(value[:100]) if value else qs

    def filter_doc_type(self, qs, name, value):
        from .doctypes import ALL_TYPES

        return qs.with_doc_type(value) if value in ALL_TYPES else qs

    def filter_date_from(self, qs, name, value):
        return qs.with_date_range(date_from=value) if value else qs

    def filter_date_to(self, qs, name, value):
        return qs.with_date_range(date_to=value) if value else qs
