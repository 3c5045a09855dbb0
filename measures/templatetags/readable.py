"""Template helpers of issue 15 (pages a researcher can trust): dates as far as
they are known, units with their place."""
from django import template

from measures.display import partial_date, unit_place

register = template.Library()


@register.filter
def doc_date(document, style="iso"):
    """A document's date for lists: its published (else signed) day, else the
    year and month it is known to (2022年12月), else ''. style "zh": 2024年12月2日."""
    if document is None:
        return ""
    day = getattr(document, "published_date", None) or getattr(document, "signed_date", None)
    if day:
        return f"{day.year}年{day.month}月{day.day}日" if style == "zh" else day.isoformat()
    return partial_date(getattr(document, "date_year", None), getattr(document, "date_month", None))


@register.filter
def with_place(unit):
    """沈阳市 · 市场监管局: a responsible unit with the place it belongs to."""
    if unit is None:
        return ""
    region = getattr(unit, "region", None) if getattr(unit, "region_id", None) else None
    return unit_place(region.name if region else "", unit.name)


@register.simple_tag(takes_context=True)
def lang_url(context, language):
    """This page's URL in another interface language (portal.i18n: ?lang=…)."""
    from portal.i18n import switch_url

    return switch_url(context.get("request"), language)


@register.filter(expects_localtime=True)
def long_date(day):
    """A day in the interface language's long form: 2024年7月9日 / July 9, 2024."""
    if not day:
        return ""
    from django.utils.formats import date_format

    return date_format(day, "DATE_FORMAT")
