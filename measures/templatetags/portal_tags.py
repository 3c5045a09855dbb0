"""Template helpers for the portal pages: list URLs, bars, numbers, optional snippets."""
from decimal import Decimal
from urllib.parse import urlencode

from django import template
from django.template.loader import get_template
from django.template import TemplateDoesNotExist
from django.urls import reverse

register = template.Library()

_URL_FORMATS: dict = {}


def _url_format(name: str, *args) -> str:
    """reverse(name, args), remembered per script prefix: the measure list
    calls these tags a hundred times a page, and reverse() is not cheap."""
    from django.urls import get_script_prefix

    key = (get_script_prefix(), name, args)
    url = _URL_FORMATS.get(key)
    if url is None:
        url = _URL_FORMATS[key] = reverse(name, args=args)
    return url


@register.simple_tag
def list_url(params=None, **kwargs):
    """URL of the measure list with the given filter parameters (empty values dropped).
    `params` may be a dict (e.g. a Place's filter_params); kwargs add to it."""
    merged = dict(params or {})
    merged.update(kwargs)
    query = urlencode([(k, v) for k, v in merged.items() if v not in (None, "", [])], doseq=True)
    base = _url_format("measures:measure_list")
    return f"{base}?{query}" if query else base


@register.filter
def pct(value, maximum):
    """value as a percentage (0–100, one decimal) of maximum, for CSS bar widths."""
    try:
        value, maximum = float(value), float(maximum)
    except (TypeError, ValueError):
        return 0
    if maximum <= 0:
        return 0
    return round(min(100.0, 100.0 * value / maximum), 1)


@register.simple_tag(takes_context=True)
def facet_panel_cache(context):
    """How the measure list caches its rendered facet panel ({% cache %}): for
    SEARCH_CACHE_SECONDS, keyed by the page's (validated) query string and the
    search cache's generation, so an edit in this worker drops it with the
    counts it shows."""
    from django.conf import settings

    from measures.selectors import _generation

    request = context.get("request")
    query = request.GET.urlencode() if request is not None else ""
    from django.utils.translation import get_language

    return {"seconds": max(int(getattr(settings, "SEARCH_CACHE_SECONDS", 30) or 0), 0),
            "key": f"{_generation[0]}:{get_language()}:{query}"}


@register.filter
def in_document_url(measure):
    """The measure's place in its document page (/documents/<id>/?page=k#m-<ordinal>)."""
    from measures.selectors_pages import DOCUMENT_MEASURES_PER_PAGE, measure_page_number

    url = _url_format("measures:document_detail", 1).replace("/1/", f"/{int(measure.document_id)}/")
    page = measure_page_number(measure.ordinal, DOCUMENT_MEASURES_PER_PAGE)
    return f"{url}{'?page=%d' % page if page > 1 else ''}#m-{measure.ordinal}"


@register.filter
def pct_class(value, maximum):
    """A bar width as a CSS class (w-0 … w-100, whole percent): the pages carry
    no inline styles, which the Content-Security-Policy forbids."""
    width = pct(value, maximum)
    if 0 < width < 1:
        width = 1
    return f"w-{int(round(width))}"


@register.filter
def heat_class(heat):
    """A heat-map intensity (0–1) as a CSS class in steps of 0.05 (heat-0 … heat-20)."""
    try:
        heat = float(heat)
    except (TypeError, ValueError):
        return "heat-0"
    return f"heat-{int(round(min(max(heat, 0.0), 1.0) * 20))}"


@register.filter
def num(value):
    """A Decimal without trailing zeros: 84.0000 → 84, 12.5000 → 12.5."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    return value


@register.simple_tag(takes_context=True)
def optional_include(context, template_name):
    """Render a snippet another part of the project provides; nothing when it does not exist yet."""
    try:
        tpl = get_template(template_name)
    except TemplateDoesNotExist:
        return ""
    return tpl.render(context.flatten(), context.get("request"))


@register.filter
def excerpt(text, length=80):
    text = (text or "").strip()
    length = int(length)
    return text if len(text) <= length else text[:length] + "…"


@register.simple_tag
def documents_needing_review() -> int:
    """How many documents the parser flagged that no editor has reviewed (admin index)."""
    from measures.models import Document

    return Document.objects.needing_review().count()
