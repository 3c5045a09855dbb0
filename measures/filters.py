"""Filters of the measure list page and of GET /api/measures/ (one FilterSet).

Multi-valued filters take repeated parameters or comma-separated values
(?theme=judicial&theme=criminal or ?theme=judicial,criminal); values of one
filter are alternatives, different filters must all hold. The values have
been validated by measures.params before they get here (the views answer bad
ones with a 400 or a notice); the filters still refuse what they cannot use.
"""
import django_filters
from django import forms
from django.db.models import Q

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
    """Region ids from ids, codes, full names or short names."""
    numbers = [int(v) for v in values if _ascii_number(v, 13)]
    names = [v for v in values if not (v.isascii() and v.isdigit()) and len(v) <= 50]
    cond = Q(id__in=numbers) | Q(code__in=[str(n) for n in numbers]) if numbers else Q(pk__in=[])
    if names:
        cond |= Q(name__in=names) | Q(short_name__in=names)
    return list(Region.objects.filter(cond, level=level).values_list("id", flat=True))


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
