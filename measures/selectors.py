"""Reads for the measure list page and the search API (HackSoft style:
keyword-only arguments, no writes)."""
from dataclasses import dataclass, field

from django.contrib.postgres.fields import ArrayField
from django.core.paginator import Page, Paginator
from django.db.models import BigIntegerField, Count, F, FloatField, Func, IntegerField, QuerySet, Value
from django.db.models.functions import Cast, Coalesce, ExtractYear

from .filters import MeasureFilter
from .models import Measure
from .search import engine
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
    # A search matching more rows than engine.CANDIDATE_CAP: the count is the
    # planner's estimate (shown as 约 N 条) and the results are the best of the
    # verified candidates; facets then count candidates, not every match.
    count_is_estimate: bool = False
    facets_are_estimates: bool = False
    # The (estimated) number of matches when it exceeds what can be paged
    # through; pages only cover the verified candidates.
    total: int | None = None

    @property
    def count(self) -> int:
        return self.total if self.total is not None else self.page.paginator.count


def _params_dict(params) -> dict:
    """A plain dict of str -> list[str] of the valid parameters (measures.params:
    the views have validated them already; values from elsewhere that would not
    pass are left out here)."""
    from .params import MEASURES, Params, parse

    clean = params if isinstance(params, Params) else parse(MEASURES, params)
    return dict(clean.querydict().lists())


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

    if pq.tsquery:
        return _text_search(data=data, pq=pq, sort=sort, size=size, facets=facets)
    return _plain_search(data=data, pq=pq, sort=sort, size=size, facets=facets)


def measure_export_queryset(*, params) -> QuerySet:
    """Every measure the list's parameters select, exact and uncapped (for
    exports, which must not stop at the search's candidate cap), in the list's
    order: relevance (rank, then document order) or date."""
    data = _params_dict(params)
    pq = parse(_first(data, "q"))
    sort = _first(data, "sort", "relevance")
    _, filtered = _filtered(data, Measure.objects.search(pq))
    listing = filtered.for_listing()
    if sort == "date":
        return listing.by_date()
    if pq.tsquery:
        return listing.by_relevance()
    return listing.order_by("document_id", "ordinal")


def _plain_search(*, data, pq, sort, size, facets) -> SearchResult:
    """Filters only (or a query that matches nothing): exact counts and facets."""
    matched = Measure.objects.matching(pq)
    filterset, filtered = _filtered(data, matched)

    listing = filtered.for_listing()
    if sort == "date":
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


class _Position(Func):
    function = "array_position"
    output_field = IntegerField()


class _Subscript(Func):
    """array[index]"""

    template = "((%(expressions)s])"
    arg_joiner = ")["
    output_field = FloatField()


def _text_search(*, data, pq, sort, size, facets) -> SearchResult:
    """A search with text: bounded work whatever the corpus size (see
    measures.search.engine). Every set of filters the page needs (the results,
    and each facet that ignores its own active filter) gets one capped
    candidate query; counts, pages and facets are read from those id sets."""
    base = Measure.objects.all()
    filterset, filtered = _filtered(data, base)
    cand = engine.candidates(pq, filtered, facets=engine.facet_tsquery(filterset))
    ids = cand.ids

    listing = Measure.objects.filter(pk__in=ids).for_listing()
    if sort == "relevance":
        id_array = Cast(Value(ids, output_field=ArrayField(BigIntegerField())), ArrayField(BigIntegerField()))
        rank_array = Cast(Value(cand.ranks, output_field=ArrayField(FloatField())), ArrayField(FloatField()))
        listing = listing.annotate(_pos=_Position(id_array, F("pk"))).annotate(
            rank=_Subscript(rank_array, F("_pos"))).order_by("_pos")
    else:
        listing = listing.by_date()

    paginator = Paginator(listing, size)
    # Pages cover the verified candidates; beyond the cap the total is an estimate.
    paginator.count = cand.count if cand.exact else len(ids)
    page = paginator.get_page(_first(data, "page", "1"))
    if sort == "relevance":
        # The page's ids are known: fetch just those rows, in rank order.
        start = (page.number - 1) * size
        page_ids = ids[start:start + size]
        rows = {m.pk: m for m in Measure.objects.filter(pk__in=page_ids).for_listing()}
        for pk, rank in zip(page_ids, cand.ranks[start:start + size]):
            rows[pk].rank = rank
        page.object_list = [rows[pk] for pk in page_ids]
    result = SearchResult(query=pq, filterset=filterset, sort=sort, queryset=listing, page=page,
                          count_is_estimate=not cand.exact, total=None if cand.exact else max(cand.count, len(ids)))
    if facets:
        sets = {(): cand}
        out = {}
        for name, own in FACET_PARAMS.items():
            drop = tuple(k for k in own if k in data)
            if not drop and not ids:
                out[name] = []
                continue
            if drop not in sets:
                fs, qs = _filtered(data, base, drop=drop)
                sets[drop] = engine.candidates(pq, qs, facets=engine.facet_tsquery(fs), rank=False)
            facet_ids = sets[drop].ids
            out[name] = FACETS[name](Measure.objects.filter(pk__in=facet_ids).order_by()) if facet_ids else []
        result.facets = out
        result.facets_are_estimates = not all(c.exact for c in sets.values())
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
