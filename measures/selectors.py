"""Reads for the measure list page and the search API (HackSoft style:
keyword-only arguments, no writes)."""
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, QuerySet
from django.db.models.functions import Coalesce, ExtractYear

from .filters import MeasureFilter
from .models import Measure
from .search.query import ParsedQuery, parse

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
FACET_LIMIT = 50
SORTS = ("relevance", "date")

# facet name -> the filter parameters it ignores (its own)
FACET_PARAMS = {
    "province": ("province",),
    "city": ("city",),
    "theme": ("theme",),
    "ip_type": ("ip_type",),
    "unit": ("unit",),
    "year": ("year_from", "year_to"),
}


@dataclass
class SearchResult:
    query: ParsedQuery
    filterset: MeasureFilter
    sort: str
    queryset: QuerySet          # filtered, searched, ordered (not paginated)
    page: Page
    facets: dict = field(default_factory=dict)

    @property
    def count(self) -> int:
        return self.page.paginator.count


def _params_dict(params) -> dict:
    """A plain dict of str -> list[str] from a QueryDict or a dict."""
    items = params.lists() if hasattr(params, "lists") else (
        (k, v if isinstance(v, (list, tuple)) else [v]) for k, v in (params or {}).items())
    # PostgreSQL text cannot hold NUL: drop it from every value up front.
    return {k: [str(v).replace("\x00", "") for v in values] for k, values in items}


def _first(data: dict, key: str, default: str = "") -> str:
    values = data.get(key) or [default]
    return values[0]


def _int(value, default: int, lo: int, hi: int) -> int:
    try:
        return min(max(int(str(value).strip()), lo), hi)
    except (TypeError, ValueError):
        return default


class _QueryData(dict):
    """What MeasureFilter reads: getlist for multi-valued filters."""

    def getlist(self, key):
        return list(super().get(key) or [])

    def get(self, key, default=None):
        values = super().get(key)
        if values is None:
            return default
        return values[-1] if values else default

    def __getitem__(self, key):
        return self.get(key)


def _filtered(data: dict, base: QuerySet, drop=()) -> tuple[MeasureFilter, QuerySet]:
    fs = MeasureFilter(_QueryData({k: v for k, v in data.items() if k not in drop}), queryset=base)
    return fs, fs.qs


def measure_search(*, params, facets: bool = True, page_size: int | None = None) -> SearchResult:
    """Search and filter measures: the page of results, its count and facets.

    params: a QueryDict or dict with q, the MeasureFilter filters, sort
    (relevance|date), page and page_size.
    """
    data = _params_dict(params)
    pq = parse(_first(data, "q"))
    sort = _first(data, "sort", "relevance")
    sort = sort if sort in SORTS else "relevance"
    size = page_size or _int(_first(data, "page_size", str(DEFAULT_PAGE_SIZE)), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)

    matched = Measure.objects.matching(pq)
    filterset, filtered = _filtered(data, matched)

    listing = filtered.for_listing()
    if pq.tsquery and sort == "relevance":
        listing = listing.search(pq).by_relevance()
    elif sort == "date":
        listing = listing.by_date()
    else:
        listing = listing.order_by("document_id", "ordinal")

    paginator = Paginator(listing, size)
    paginator.count = filtered.count()  # the plain count, without joins for listing
    page = paginator.get_page(_first(data, "page", "1"))

    result = SearchResult(query=pq, filterset=filterset, sort=sort, queryset=listing, page=page)
    if facets:
        result.facets = measure_facets(data=data, matched=matched, filtered=filtered,
                                       total=paginator.count)
    return result


def measure_facets(*, data: dict, matched: QuerySet, filtered: QuerySet, total: int) -> dict:
    """Counts per province, city, theme, ip_type, unit and year; each facet
    applies every filter except its own (one GROUP BY query per facet)."""
    out = {}
    for name, own in FACET_PARAMS.items():
        if total == 0 and not any(k in data for k in own):
            out[name] = []
            continue
        qs = filtered if not any(k in data for k in own) else _filtered(data, matched, drop=own)[1]
        out[name] = FACETS[name](qs.order_by())
    return out


def _rows(qs, key, label, *, limit=FACET_LIMIT, distinct=False):
    rows = qs.annotate(count=Count("pk", distinct=distinct)).order_by("-count", key)[:limit]
    return [r for r in rows if r[key] is not None]


def _facet_province(qs):
    rows = _rows(qs.values(key=F("document__province_id"), name=F("document__province__name")), "key", "name")
    return [{"id": r["key"], "name": r["name"], "count": r["count"]} for r in rows]


def _facet_city(qs):
    rows = _rows(qs.values(key=F("document__city_id"), name=F("document__city__name")), "key", "name")
    return [{"id": r["key"], "name": r["name"], "count": r["count"]} for r in rows]


def _facet_theme(qs):
    rows = _rows(qs.values(key=F("themes__code"), name=F("themes__name")), "key", "name")
    return [{"code": r["key"], "name": r["name"], "count": r["count"]} for r in rows]


def _facet_ip_type(qs):
    rows = _rows(qs.values(key=F("ip_types__code"), name=F("ip_types__name")), "key", "name")
    return [{"code": r["key"], "name": r["name"], "count": r["count"]} for r in rows]


def _facet_unit(qs):
    rows = _rows(qs.values(key=Coalesce("unit_links__unit__canonical_id", "unit_links__unit_id"),
                           name=Coalesce("unit_links__unit__canonical__name", "unit_links__unit__name")),
                 "key", "name", distinct=True)
    return [{"id": r["key"], "name": r["name"], "count": r["count"]} for r in rows]


def _facet_year(qs):
    rows = _rows(qs.values(key=ExtractYear(Coalesce("document__signed_date", "document__published_date"))),
                 "key", "key")
    rows.sort(key=lambda r: -r["key"])
    return [{"year": r["key"], "count": r["count"]} for r in rows]


FACETS = {
    "province": _facet_province,
    "city": _facet_city,
    "theme": _facet_theme,
    "ip_type": _facet_ip_type,
    "unit": _facet_unit,
    "year": _facet_year,
}
