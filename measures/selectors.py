"""Reads for the measure list page and the search API (HackSoft style:
keyword-only arguments, no writes)."""
import functools
import hashlib
import json
import re
import threading
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import BigIntegerField, BooleanField, F, FloatField, Func, IntegerField, QuerySet, Value
from django.db.models.functions import Cast

from .filters import MeasureFilter
from .querysets_diffusion import by_specificity
from .models import Measure
from .search import engine
from .search.query import ParsedQuery, parse

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
FACET_LIMIT = 50
SORTS = ("relevance", "date", "specificity")

# facet name -> the filter parameters it ignores (its own)
FACET_PARAMS = {
    "province": ("province",),
    "city": ("city",),
    "theme": ("theme",),
    "ip_type": ("ip_type",),
    "unit": ("unit",),
    "role": ("role",),
    # specificity flags hold together (AND): each counts among the current results
    "flag": (),
    # the document's issuer and its type (measures.doctypes, from the title)
    "issuer": ("issuer",),
    "doc_type": ("doc_type",),
    "year": ("year_from", "year_to", "undated"),
    "specificity": ("specificity",),
}


# --- a short-lived per-process cache of the expensive part of a search -------------
#
# What a search costs is the same for every page of it and for every visitor:
# the verified candidates (ids and ranks), the count and the facet counts. They
# are kept for SEARCH_CACHE_SECONDS (setting, default 30) in the process's
# "default" cache, keyed by the query and the filters (not page or sort). Any
# save, delete or m2m change of a measures model in this process starts a new
# generation (signals below); other processes see an edit within the TTL.

_generation = [0]
_generation_lock = threading.Lock()


def bump_generation(**kwargs) -> None:
    with _generation_lock:
        _generation[0] += 1


def _connect_invalidation():
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in apps.get_app_config("measures").get_models():
        for signal in (post_save, post_delete):
            signal.connect(bump_generation, sender=model, dispatch_uid=f"search-cache-{signal}-{model.__name__}")
    m2m_changed.connect(bump_generation, dispatch_uid="search-cache-m2m")
    for name in ("Region", "Theme", "IPType", "ResponsibleUnit"):   # the facets' reference names (reference_names)
        for signal in (post_save, post_delete):
            signal.connect(_bump_names, sender=apps.get_model("measures", name),
                           dispatch_uid=f"reference-names-{signal}-{name}")


def _bump_names(**kwargs) -> None:
    with _generation_lock:
        _names_generation[0] += 1


def cached(kind: str, parts, compute):
    """compute(), or its value from the last SEARCH_CACHE_SECONDS for the same parts."""
    ttl = getattr(settings, "SEARCH_CACHE_SECONDS", 30)
    if not ttl or ttl <= 0:
        return compute()
    digest = hashlib.sha1(json.dumps([parts], sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()
    key = f"search:{kind}:{_generation[0]}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, ttl)
    return value


def _filter_key(data: dict) -> dict:
    """The parameters that decide which measures match (not paging or order)."""
    return {k: v for k, v in data.items() if k not in ("page", "page_size", "sort")}


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
    # the facets whose counts are estimates (shown as 约), where the search named them (_row_facets: a
    # sampled set's facets counted exactly outside the request are not); None: facet_is_estimate's rule
    estimated_facets: list | None = None
    # The (estimated) number of matches when it exceeds what can be paged
    # through; pages only cover the verified candidates.
    total: int | None = None
    # The requested page lies past the last one (the API and the pages answer
    # 404: measures.paging).
    page_out_of_range: bool = False
    # No measure contains a term as written: with fallback="show" these are the
    # all-words (模糊) results instead (fuzzy_fallback), with fallback="offer"
    # fuzzy_count says how many there would be.
    fuzzy_fallback: bool = False
    fuzzy_count: int | None = None
    fuzzy_words: list = field(default_factory=list)

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


def parse_query(data: dict) -> ParsedQuery:
    """The search string of the parameters, with the 模糊 switch (fuzzy) and
    the scope (all | title) of the advanced form."""
    return parse(_first(data, "q"), fuzzy=_first(data, "fuzzy") in ("true", "1"), scope=_first(data, "scope", "all"))


def measure_search(*, params, facets: bool = True, page_size: int | None = None,
                   fallback: str | None = None, browse_sort: str | None = None) -> SearchResult:
    """Search and filter measures: the page of results, its count and facets.

    params: a QueryDict or dict with q, fuzzy, scope, the MeasureFilter
    filters, sort (relevance|date), page and page_size.
    fallback: when no measure contains a term as written and the terms have
    several words, "show" returns the all-words (模糊) results instead
    (result.fuzzy_fallback), "offer" counts them (result.fuzzy_count).
    """
    data = _params_dict(params)
    pq = parse_query(data)
    sort = _first(data, "sort", "relevance")
    if sort not in SORTS or "sort" not in data and browse_sort and not pq.tsquery:
        # no order asked for: relevance with search text; without any, browse_sort
        # (the list page: newest first; the API keeps document order)
        sort = browse_sort if browse_sort and not pq.tsquery else "relevance"
    size = page_size or _int(_first(data, "page_size", str(DEFAULT_PAGE_SIZE)), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)

    search = _text_search if pq.tsquery else _plain_search
    result = search(data=data, pq=pq, sort=sort, size=size, facets=facets)
    if fallback and result.count == 0 and pq.splittable and not pq.fuzzy:
        fuzzy_data = dict(data, fuzzy=["true"])
        fpq = parse_query(fuzzy_data)
        if fallback == "show":
            shown = _text_search(data=fuzzy_data, pq=fpq, sort=sort, size=size, facets=facets)
            if shown.count:
                shown.fuzzy_fallback, shown.fuzzy_count, shown.fuzzy_words = True, shown.count, fpq.fallback_terms
                return shown
            result.fuzzy_count = 0
        else:
            base = Measure.objects.with_query_fields(fpq)
            fs, filtered = _filtered(fuzzy_data, base)
            result.fuzzy_count = engine.candidates(fpq, filtered, facets=engine.facet_tsquery(fs), rank=False).count
        result.fuzzy_words = fpq.fallback_terms
    return result


def facet_is_estimate(result: "SearchResult", name: str, data) -> bool:
    """Whether facet `name`'s counts are scaled up from a sample (shown as 约): every
    facet of a sampled result set; with the results counted exactly, a facet whose own
    filter is active when the wider set it counts was sampled (facets_are_estimates)."""
    if not result.facets_are_estimates:
        return False
    if result.estimated_facets is not None:
        return name in result.estimated_facets
    return result.count_is_estimate or any(k in data for k in FACET_PARAMS.get(name, ()))


def _get_page(paginator, data, result_holder: dict):
    """paginator.get_page, noting a requested page past the last one."""
    requested = _first(data, "page", "1")
    if requested == "last":
        return paginator.page(paginator.num_pages)
    if requested.isascii() and requested.isdigit() and int(requested) > max(paginator.num_pages, 1):
        result_holder["out_of_range"] = True
    return paginator.get_page(requested)


def measure_export_queryset(*, params) -> QuerySet:
    """Every measure the list's parameters select, exact and uncapped (for
    exports, which must not stop at the search's candidate cap), in the list's
    order: relevance (rank, then document order) or date."""
    data = _params_dict(params)
    pq = parse_query(data)
    sort = _first(data, "sort", "relevance")
    _, filtered = _filtered(data, Measure.objects.search(pq))
    listing = filtered.for_listing()
    if sort == "date":
        return listing.by_date()
    if sort == "specificity":
        return by_specificity(listing)
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
    elif sort == "specificity":
        listing = by_specificity(listing)
    else:
        listing = listing.order_by("document_id", "ordinal")

    def compute():
        counted = _counted_plain(data, pq, filterset) if facets else None
        if counted is not None:
            return counted
        total = filtered.count()  # the plain count, without joins for listing
        return {"count": total,
                "facets": measure_facets(data=data, matched=matched, filtered=filtered, total=total) if facets
                else {}}

    summary = cached("plain", [pq.tsquery, pq.matches_nothing, _filter_key(data), facets], compute)
    paginator = Paginator(listing, size)
    paginator.count = summary["count"]
    note = {}
    page = _get_page(paginator, data, note)

    result = SearchResult(query=pq, filterset=filterset, sort=sort, queryset=listing, page=page,
                          page_out_of_range=bool(note))
    result.facets = summary["facets"]
    return result


def _counted_plain(data, pq, filterset) -> dict | None:
    """The count and facets of the list without search text from its filter states' exact lexeme
    counts (search.totals.counts_get: the state of every filter, and of every filter but a facet's
    own where that is active), kept by the process: no SQL for them when kept, one statement a
    state when not (about a second for every measure at 1M, where measure_facets took 2-7 s).
    None (measure_facets counts in SQL) when a filter is not a facet lexeme, the query matches
    nothing, or the counts cannot tell (a unit shared with another that the copy did not know)."""
    from .search import totals

    if pq.tsquery or pq.matches_nothing or not totals.PLAIN_COUNTS:
        return None
    filterset.is_valid()   # the form's cleaned data, which facet_clauses reads
    clauses = engine.facet_clauses(filterset)
    if not lexeme_filters_only(data, clauses):
        return None
    states = {None: engine.all_of(clauses.values())}
    for name, own in FACET_PARAMS.items():
        if name in _LEXEME_FACETS and any(k in data for k in own):
            clause = _LEXEME_FACETS[name]
            states[clause] = engine.all_of(c for key, c in clauses.items() if key != clause)
    got = totals.counts_get(sorted(set(states.values())), reference_names()["unit_twice"] if UNITS_COPY else "")
    if got is None:
        return None
    facets = _facets_from_counts(data, lambda clause: got[states[clause]])
    if facets is None:
        return None
    return {"count": got[states[None]].get("#", 0), "facets": facets}


def _facets_from_counts(data, counts_of) -> dict | None:
    """Every facet from exact facet lexeme counts (search.totals._lexeme_counts): counts_of(None) those
    of the results, counts_of(clause) those of the rows that pass every filter but the facet's own
    (engine.facet_clauses' `clause`); the same rows as measure_facets counts in SQL. None when the
    unit facet cannot be told from them (_unit_facet)."""
    names = reference_names()
    names_of = {"province": "region", "city": "region", "theme": "theme", "ip_type": "ip"}
    main = counts_of(None)
    out = {}
    for name, own in FACET_PARAMS.items():
        if name in _LEXEME_PREFIXES:
            counts = counts_of(_LEXEME_FACETS[name] if any(k in data for k in own) else None)
            prefix = _LEXEME_PREFIXES[name]
            found = [(lex[len(prefix):], None, n) for lex, n in counts.items() if lex.startswith(prefix)]
            if name != "year":   # ('y:none': the undated rows)
                known = names.get(names_of[name], {})
                found = [(k, known[k], n) for k, _, n in found if k in known]
        elif name == "unit":
            found = _unit_facet({lex: n for lex, n in main.items() if lex.startswith("u:")},
                                [(lex[3:], None, n) for lex, n in main.items() if lex.startswith("ut:")])
            if found is None:
                return None
        else:   # specificity, flags, roles, issuers, document types
            found = _row_lexeme_values(name, main)
        out[name] = _by_lexeme(name, found) if name in ("issuer", "doc_type") else _shape(name, found)
    return out


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
    candidate query; counts, pages and facets are read from those id sets (one
    query for all facets), and kept briefly (cached())."""
    base = Measure.objects.with_query_fields(pq)
    filterset = MeasureFilter(_QueryData(data), queryset=base)

    def compute():
        filterset.is_valid()   # the form's cleaned data, which facet_clauses reads
        clauses = engine.facet_clauses(filterset)
        lexemes_only = lexeme_filters_only(data, clauses)
        # the filters on `base`: not needed when they are all lexemes (below)
        filtered = base if lexemes_only else filterset.qs
        wider, wider_lexemes = None, ""
        if facets and any(k in data for own in FACET_PARAMS.values() for k in own):
            # the facets that ignore their own active filter count this wider set
            wider = base if lexemes_only else \
                _filtered(data, base, drop=[k for own in FACET_PARAMS.values() for k in own])[1]
            wider_lexemes = engine.all_but_one(list(clauses.values()))
        if lexemes_only:
            # the filters are all facet lexemes (engine.facet_clauses), which the index
            # intersects: the same filters in SQL would join every row to its document,
            # themes or IP types for nothing
            filtered = base
        # facets of lexeme filters only are counted in the candidate statements (engine.Tally)
        active = {k for own in FACET_PARAMS.values() for k in own if k in data}
        tally = _tally_sql(clauses, data) if facets and not active - _LEXEME_PARAMS else None
        cand = engine.candidates(pq, filtered, facets=engine.all_of(clauses.values()), base=wider,
                                 base_facets=wider_lexemes, tally=tally)
        out = {"ids": cand.ids, "ranks": cand.ranks, "exact": cand.exact, "count": cand.count,
               "facets": {}, "facets_are_estimates": False}
        # a sampled set's exact counts (totals.exact_get; without facets only where they are there already)
        exact_of = _exact_counter(data, clauses, cand, pq, start=facets)
        if facets:
            out["facets"], estimated = _text_facets(data, pq, base, cand, clauses=clauses, exact_of=exact_of)
            # (_row_facets names the facets whose counts are estimates; the SQL facets say whether any is)
            out["facets_are_estimates"] = bool(estimated)
            out["estimated_facets"] = sorted(estimated) if isinstance(estimated, (set, frozenset)) else None
        counted = exact_of(None) if EXACT_COUNT and not cand.exact else None
        if counted is not None and counted.get("#", -1) >= len(cand.ids):
            # the count of the set, every row of it verified ('#'): exact, not the sample's estimate (the
            # pages still cover the verified candidates only; fewer than those: counts older than the rows)
            out["count"], out["count_exact"] = counted["#"], True
        return out

    found = cached("text", [pq.tsquery, pq.rank_tsquery, pq.loose_tsquery, _filter_key(data), facets], compute)
    ids, ranks = found["ids"], found["ranks"]

    # the ids as one array parameter (pk__in prepares each of thousands of ids)
    listing = Measure.objects.filter(_AnyOf(F("pk"), Value(ids, output_field=ArrayField(BigIntegerField())))
                                     ).for_listing().defer(*LISTING_DEFERRED)
    if sort == "relevance":
        id_array = Cast(Value(ids, output_field=ArrayField(BigIntegerField())), ArrayField(BigIntegerField()))
        rank_array = Cast(Value(ranks, output_field=ArrayField(FloatField())), ArrayField(FloatField()))
        listing = listing.annotate(_pos=_Position(id_array, F("pk"))).annotate(
            rank=_Subscript(rank_array, F("_pos"))).order_by("_pos")
    elif sort == "specificity":
        listing = by_specificity(listing)
    else:
        listing = listing.by_date()

    paginator = Paginator(listing, size)
    # Pages cover the verified candidates; beyond the cap the total is an estimate.
    paginator.count = found["count"] if found["exact"] else len(ids)
    note = {}
    page = _get_page(paginator, data, note)
    start = (page.number - 1) * size
    if sort == "relevance":
        # The page's ids are known: fetch just those rows, in rank order.
        page_ids = ids[start:start + size]
        if PAGE_ROWS_AT_ONCE:
            rows = {m.pk: m for m in page_rows_by_id(page_ids)}
        else:
            rows = {m.pk: m for m in Measure.objects.filter(pk__in=page_ids).for_listing().defer(*LISTING_DEFERRED)}
        for pk, rank in zip(page_ids, ranks[start:start + size]):
            rows[pk].rank = rank
        page.object_list = [rows[pk] for pk in page_ids if pk in rows]
    elif PAGE_ROWS_AT_ONCE:
        page.object_list = page_rows(listing[start:start + size])
    exact = found["exact"]
    result = SearchResult(query=pq, filterset=filterset, sort=sort, queryset=listing, page=page,
                          count_is_estimate=not (exact or found.get("count_exact")),
                          total=None if exact else max(found["count"], len(ids)),
                          page_out_of_range=bool(note))
    result.facets = found["facets"]
    result.facets_are_estimates = found["facets_are_estimates"]
    result.estimated_facets = found.get("estimated_facets")
    return result


# the page's rows of a text search with their themes, IP types and unit links (and units) in one statement
# (page_rows) instead of one and four prefetches
PAGE_ROWS_AT_ONCE = True


def page_rows(queryset) -> list:
    """The measures of `queryset` (sliced or not) with what a list row shows (MeasureQuerySet.for_listing:
    the document, its province and city; themes, IP types, unit links with their units), read in one
    statement: the related rows come as JSON arrays beside each measure and are put where the
    prefetches would put them (m.themes.all(), m.ip_types.all(), m.unit_links.all() and link.unit
    read no more rows), in the same order (the related models' Meta.ordering)."""
    qs = _page_queryset(queryset)
    out = list(qs)
    _put_related(out, qs.db)
    return out


def _page_queryset(queryset):
    """page_rows' queryset: `queryset` with its document, places and the related rows as JSON arrays."""
    from django.contrib.postgres.expressions import ArraySubquery
    from django.db.models import OuterRef
    from django.db.models.functions import JSONObject

    from .models import IPType, MeasureUnit, ResponsibleUnit, Theme

    def rows_of(model, qs, **extra):
        fields = {f.attname: f.attname for f in model._meta.concrete_fields}
        return ArraySubquery(qs.values(j=JSONObject(**fields, **extra)))

    unit_fields = {f"u_{f.attname}": f"unit__{f.attname}" for f in ResponsibleUnit._meta.concrete_fields}
    qs = queryset.select_related("document", "document__province", "document__city").prefetch_related(None)
    if qs.query.is_sliced:   # annotations go on the unsliced queryset, the slice after them
        low, high = qs.query.low_mark, qs.query.high_mark
        qs = qs.all()
        qs.query.clear_limits()
    else:
        low = high = None
    qs = qs.annotate(
        _themes=rows_of(Theme, Theme.objects.filter(measures=OuterRef("pk")).order_by(*Theme._meta.ordering)),
        _ip_types=rows_of(IPType, IPType.objects.filter(measures=OuterRef("pk")).order_by(*IPType._meta.ordering)),
        _unit_links=rows_of(MeasureUnit, MeasureUnit.objects.filter(measure_id=OuterRef("pk")).order_by(
            *MeasureUnit._meta.ordering), **unit_fields))
    if low is not None or high is not None:
        qs.query.set_limits(low, high)
    return qs


def _put_related(out: list, db: str) -> None:
    """page_rows' measures given their related rows (the JSON arrays read with them) as prefetched."""
    from .models import IPType, MeasureUnit, ResponsibleUnit, Theme

    def instances(model, dicts):
        names = [f.attname for f in model._meta.concrete_fields]
        return [model.from_db(db, names, [d[n] for n in names]) for d in dicts or ()]

    def cache(m, name, model, objs):
        related = model.objects.all()
        related._result_cache, related._prefetch_done = objs, True
        m._prefetched_objects_cache[name] = related

    unit_names = [f.attname for f in ResponsibleUnit._meta.concrete_fields]
    for m in out:
        m._prefetched_objects_cache = getattr(m, "_prefetched_objects_cache", {})
        cache(m, "themes", Theme, instances(Theme, m._themes))
        cache(m, "ip_types", IPType, instances(IPType, m._ip_types))
        links = []
        for d in m._unit_links or ():
            link = instances(MeasureUnit, [d])[0]
            unit = ResponsibleUnit.from_db(db, unit_names, [d[f"u_{n}"] for n in unit_names])
            MeasureUnit.unit.field.set_cached_value(link, unit)
            MeasureUnit.measure.field.set_cached_value(link, m)
            links.append(link)
        cache(m, "unit_links", MeasureUnit, links)
        del m._themes, m._ip_types, m._unit_links


# the relevance page's rows (page_rows of the page's ids) from its SQL compiled once a thread (_PAGE_SQL):
# the ORM builds and compiles that statement (three JSON subqueries, the select_related joins) in about
# 3 ms a search; False: compiled for each page
PAGE_SQL_CACHE = True
_PAGE_SQL = threading.local()
_PAGE_STAND_IN = [-7_000_000_001]   # the ids' stand-in in the compiled statement


def page_rows_by_id(ids: list) -> list:
    """page_rows(Measure.objects.filter(pk__in=ids).defer(*LISTING_DEFERRED)) in no particular order: the
    statement is compiled once (a thread) with the ids as one array parameter, and its rows made into
    measures with their document and places as the ORM's iteration makes them (the compiler's
    converters and select_related populators)."""
    from django.db.models.query import get_related_populators

    if not PAGE_SQL_CACHE:
        return page_rows(Measure.objects.filter(pk__in=ids).defer(*LISTING_DEFERRED))
    key = (Measure, LISTING_DEFERRED)
    hit = getattr(_PAGE_SQL, "hit", None)
    if hit is None or hit[0] != key:
        qs = _page_queryset(Measure.objects.filter(
            _AnyOf(F("pk"), Value(list(_PAGE_STAND_IN), output_field=ArrayField(BigIntegerField()))))
            .defer(*LISTING_DEFERRED))
        compiler = qs.query.get_compiler(using=qs.db)
        sql, params = compiler.as_sql()
        slots = [i for i, p in enumerate(params) if p == _PAGE_STAND_IN]
        assert len(slots) == 1, "the page's ids are one parameter"
        klass_info, select = compiler.klass_info, compiler.select
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        init_list = [f[0].target.attname for f in select[start:end]]
        hit = _PAGE_SQL.hit = (key, compiler, sql, params, slots[0], qs.db, (start, end), init_list)
    _, compiler, sql, params, slot, db, (start, end), init_list = hit
    params = list(params)
    params[slot] = list(ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if compiler.has_extra_select:
        rows = [r[:compiler.col_count] for r in rows]
    populators = get_related_populators(compiler.klass_info, compiler.select, db)
    annotations = compiler.annotation_col_map
    out = []
    for row in compiler.results_iter(results=[rows]):
        obj = Measure.from_db(db, init_list, row[start:end])
        for populator in populators:
            populator.populate(row, obj)
        for name, pos in annotations.items():
            setattr(obj, name, row[pos])
        out.append(obj)
    _put_related(out, db)
    return out


# columns a result row never shows: the vectors (a search vector is about 3 KB, read from
# TOAST and parsed into a string for nothing), the parse records and the document's source
# text (a whole document for each row)
LISTING_DEFERRED = ("search_vector", "title_vector", "facet_vector", "parsed", "document__raw_text",
                    "document__parsed", "document__parse_warnings")


def lexeme_filters_only(data: dict, clauses: dict) -> bool:
    """Whether every active filter of the parameters is one that the facet lexemes
    express exactly (place, theme, IP type, years) and has its clause among
    `clauses` (engine.facet_clauses), so that a text search may filter on the
    lexemes alone. Years are lexemes from engine.YEAR_SPAN's first to its last
    year: a range open at one end stops there."""
    if any(k in data for k in MeasureFilter.base_filters if k not in _LEXEME_PARAMS):
        return False
    return all(_LEXEME_FACETS[k if k in _LEXEME_FACETS else "year"] in clauses
               for k in _LEXEME_PARAMS if k in data)


class _AnyOf(Func):
    """column = ANY(array): one array parameter, however many ids."""

    template = "(%(expressions)s))"
    arg_joiner = " = ANY("
    output_field = BooleanField()


def _text_facets(data, pq, base, cand, clauses: dict | None = None, exact_of=None) -> tuple[dict, bool]:
    """Facet counts of a text search, all facets in one SQL statement: a facet
    whose filter is not active counts the verified results; one whose filter is
    active counts the verified rows of the wider set (every filter but the
    facets' own) with the other filters applied. Where a set was sampled
    (more than engine.EXACT_LIMIT matches) its counts are scaled up and
    rounded like the total."""
    from django.contrib.postgres.fields import ArrayField

    row_facets = _row_facets(data, pq, base, cand, clauses=clauses, exact_of=exact_of)
    if row_facets is not None:
        return row_facets
    sources, scales, empty = {}, {}, []
    for name, own in FACET_PARAMS.items():
        dropped = [k for k in own if k in data]
        if not dropped:
            ids = cand.ids if cand.exact else cand.sample_ids
            if ids:
                sources[name], scales[name] = ("ids", ids), cand.scale
            else:
                empty.append(name)
            continue
        ids = cand.base_ids or []
        if not ids:
            empty.append(name)
            continue
        _, qs = _filtered(data, base, drop=dropped)
        sources[name] = ("queryset", qs.filter(_AnyOf(F("pk"), Value(ids, output_field=ArrayField(BigIntegerField())))))
        scales[name] = cand.base_scale
    out = facet_counts(sources)
    for name, scale in scales.items():
        if scale != 1:
            for row in out[name]:
                row["count"] = engine.round_estimate(round(row["count"] * scale), engine.FACET_FIGURES)
    out.update({name: [] for name in empty})
    estimates = not cand.exact or (cand.base_ids is not None and not cand.base_exact)
    return {name: out[name] for name in FACET_PARAMS}, estimates


# facet name -> the facet_vector clause (engine.facet_clauses) of its own filter,
# for the facets whose filters are facet lexemes
_LEXEME_FACETS = {"province": "province", "city": "city", "theme": "theme", "ip_type": "ip_type", "year": "year"}
# facet (and engine.facet_clauses clause) -> the prefix of its lexemes in facet_vector
_LEXEME_PREFIXES = {"province": "p:", "city": "c:", "theme": "t:", "ip_type": "i:", "year": "y:"}
# facets counted from the results' facet lexemes with these prefixes (measures.search.index)
_ROW_LEXEMES = {"role": "r:", "issuer": "o:", "doc_type": "k:"}


def _row_lexeme_values(name: str, counts: dict) -> list:
    """(value, None, count) of a facet read from exact lexeme counts whose values stand in the rows'
    lexemes (specificity sp:, flags fl:, roles, issuers, document types)."""
    prefix = {"specificity": "sp:", "flag": "fl:"}.get(name) or _ROW_LEXEMES[name]
    return [(lex[len(prefix):], None, n) for lex, n in counts.items() if lex.startswith(prefix)]
_LEXEME_PARAMS = {"province", "city", "theme", "ip_type", "year_from", "year_to"}
_QUOTED = re.compile(r"'((?:[^']|'')*)'(:\*)?")


def _clause_lexemes(clause: str) -> set:
    """The lexemes a facet clause ORs ("'c:1' | 'c:2'"); a year prefix ('y:201':*,
    engine.year_lexemes) stands for its four-digit years."""
    out = set()
    for m, prefix in _QUOTED.findall(clause):
        m = m.replace("''", "'").replace("\\\\", "\\")
        if prefix and m.startswith("y:") and m[2:].isdigit():
            size = 10 ** (6 - len(m))
            out.update(f"{m}{i:0{6 - len(m)}d}" for i in range(size))
        else:
            out.add(m)
    return out


# the names of places, themes and IP types the facets show, from a per-process copy of those small
# reference tables (reference_names) instead of a lookup in each candidate statement (about 2 ms a
# search at 1M measures); False: looked up in the statement (engine.Tally.names)
REFERENCE_NAMES = True
# the unit facet's values (canonical unit and place) and names from the same copy (reference_names' "unit"
# and "unit_name"): the candidate statement counts the rows' unit lexemes with the others and returns the
# unit lexemes of the rows linked to two units or more, instead of joining the units and correcting in SQL
# (about 4 ms a search at 1M measures); False: counted by canonical unit and place in the statement
UNITS_COPY = True
NAMES_SECONDS = 300      # the copy is read again after an edit of those tables in this process, or this long
_names: dict = {}
_names_generation = [0]


def reference_names(*, refresh: bool = False) -> dict:
    """{"region": {id: name}, "theme": {code: name}, "ip": {code: name}} (ids as text, as the facet
    lexemes hold them), and the units: "unit" {unit id: (canonical unit id, its place id or None)} (the
    unit facet's value, as _facet_sql's unit facet takes it) and "unit_name" {unit id: name} (ints); kept
    NAMES_SECONDS and while none of those tables is edited in this process (or `refresh`): one statement
    when read again."""
    import time

    from .models import IPType, Region, ResponsibleUnit, Theme

    now, generation = time.monotonic(), _names_generation[0]
    hit = _names.get("names")
    if refresh or hit is None or hit[0] != generation or now - hit[1] > NAMES_SECONDS:
        value = {"region": {}, "theme": {}, "ip": {}, "unit": {}, "unit_name": {}, "unit_gone": set()}
        u = ResponsibleUnit._meta.db_table
        with connection.cursor() as c:
            c.execute(f"SELECT 'region', id::text, name, NULL::bigint, NULL::bigint FROM {Region._meta.db_table} "
                      f"UNION ALL SELECT 'theme', code, name, NULL, NULL FROM {Theme._meta.db_table} UNION ALL "
                      f"SELECT 'ip', code, name, NULL, NULL FROM {IPType._meta.db_table} UNION ALL "
                      f"SELECT 'unit', u.id::text, u.name, coalesce(u.canonical_id, u.id), "
                      f"coalesce(c.region_id, u.region_id) FROM {u} u LEFT JOIN {u} c ON c.id = u.canonical_id")
            for kind, key, name, canonical, place in c.fetchall():
                if kind == "unit":
                    value["unit"][int(key)] = (canonical, place)
                    value["unit_name"][int(key)] = name
                else:
                    value[kind][key] = name
        # the unit lexemes of the values that two units or more share, as a jsonb literal of our integers
        # ('u:<unit id>' -> '<canonical id> <place id>'): _tally_sql's unit part looks a row's up in it
        shared = Counter(value["unit"].values())
        twice = {f"u:{uid}": f"{key} {'' if place is None else place}" for uid, (key, place) in
                 sorted(value["unit"].items()) if shared[(key, place)] > 1}
        value["unit_twice"] = "'" + json.dumps(twice) + "'::jsonb" if twice else ""
        hit = _names["names"] = (generation, now, value)
    return hit[2]


def _unit_facet(lexemes, twice: list) -> list | None:
    """The unit facet's rows (key, place name chr(31) unit name, n) from the results' unit lexemes'
    counts (`lexemes`: 'u:<unit id>' -> measures) by canonical unit and place (reference_names' copy
    of the units), less the measures linked to two units of one value, counted once there (`twice`:
    [("<unit id> <place id>", None, -n)], _tally_sql's unit part), as the SQL facet counts them. A
    unit lexeme not in the copy (a unit added in another process) reads the copy again; None (the
    facets counted in SQL) when that unit shares its value with another, whose measures linked to
    both the statement could not tell."""
    counts = {int(lex[2:]): n for lex, n in lexemes.items() if lex.startswith("u:") and lex != "u:*"}
    names = reference_names()
    unknown = [uid for uid in counts if uid not in names["unit"] and uid not in names["unit_gone"]]
    if unknown:
        names = reference_names(refresh=True)
        # a lexeme of a unit no longer in the table (its links gone, the measure not reindexed yet) is
        # left out, as the SQL facet's join leaves it, without reading the copy again for it
        names["unit_gone"].update(uid for uid in unknown if uid not in names["unit"])
        shared = Counter(names["unit"].values())
        if any(shared[names["unit"][uid]] > 1 for uid in unknown if uid in names["unit"]):
            return None
    units, unit_names, regions = names["unit"], names["unit_name"], names["region"]
    totals: Counter = Counter()
    for uid, n in counts.items():
        if uid in units:
            totals[units[uid]] += n
    for value, _, n in twice:
        key, _, place = value.partition(" ")
        totals[(int(key), int(place) if place else None)] += n
    out: Counter = Counter()
    for (key, place), n in totals.items():
        if key in unit_names:
            out[(str(key), regions.get(str(place), "") + "\x1f" + unit_names[key])] += n
    return [(key, label, n) for (key, label), n in out.items()]


def _row_facets(data, pq, base, cand, clauses: dict | None = None, exact_of=None) -> tuple[dict, bool] | None:
    """Facet counts of a text search from what the candidate statements counted
    (engine.Tally, asked for by _text_search: the verified rows' facet lexemes,
    specificity, flags, documents, units and roles, and the names of places, themes
    and IP types), so that no row is read twice and none travels to Python for them.
    A facet whose own filter is active counts the rows of the wider set that pass
    the other filters (the clauses each row satisfies). None when an active filter
    of a facet is not a facet lexeme (unit, role, issuer, document type,
    specificity, undated) or nothing was counted: _text_facets then counts in SQL."""
    active = {k for own in FACET_PARAMS.values() for k in own if k in data}
    if active - _LEXEME_PARAMS or (active and cand.base_ids is None) or not cand.tallied:
        return None
    if clauses is None:   # engine.facet_clauses of the filters (the caller has them)
        clauses = engine.facet_clauses(_filtered(data, base)[0])
    keys = list(clauses)
    estimates = not cand.exact or (cand.base_ids is not None and not cand.base_exact)
    main_size = len(cand.sample_ids)
    if not main_size and not cand.base_ids:
        return {name: [] for name in FACET_PARAMS}, estimates   # nothing to count
    wider: dict = {}   # facet clause -> (lexeme counts, rows) of the wider set's rows that pass the others
    prefixes = _LEXEME_PREFIXES
    names_of = {"province": "region", "city": "region", "theme": "theme", "ip_type": "ip"}
    by_name = {}
    for kind, key, label in cand.tally:
        by_name.setdefault(kind, []).append((key, label, cand.tally[(kind, key, label)]))
    # ratio estimates of the sampled sets' facets (measures.search.totals): each set's filter state counted without the
    # text; None where a set is exact, its totals are not counted yet or the filters are not all lexemes
    ratio_of = _ratio_estimator(data, clauses, cand)
    main_ratio = ratio_of(None)
    # exact counts of the sampled sets' facets, counted outside the request (measures.search.totals.exact_get):
    # where a set's are there, its facets are exact and none of its values an estimate
    if exact_of is None:
        exact_of = _exact_counter(data, clauses, cand, pq)
    main_exact = exact_of(None)
    estimated = set()
    if UNITS_COPY:
        lexemes_of_units = cand.lexemes
        twice = [r for r in by_name.get("unit", []) if r[0] is not None]
        if main_exact is not None:
            lexemes_of_units = {lex: n for lex, n in main_exact.items() if lex.startswith("u:")}
            twice = [(lex[3:], None, n) for lex, n in main_exact.items() if lex.startswith("ut:")]
        elif main_ratio is not None:
            lexemes_of_units = {lex: main_ratio(lex, n) for lex, n in cand.lexemes.items() if lex.startswith("u:")}
            twice = [(k, label, n * cand.scale) for k, label, n in twice]
        units = _unit_facet(lexemes_of_units, twice)
        if units is None:
            return None
    out = {}
    for name, own in FACET_PARAMS.items():
        scale = cand.scale
        estimate = main_ratio
        exact = main_exact
        sampled = not cand.exact
        if name in prefixes:
            lexemes, size = cand.lexemes, main_size
            if any(k in data for k in own):
                clause = _LEXEME_FACETS[name]
                if clause not in wider:
                    need = sum(1 << i for i, key in enumerate(keys) if key != clause)
                    picked = [m for m in cand.base_lexemes if m & need == need]
                    counts = Counter()
                    for m in picked:
                        counts.update(cand.base_lexemes[m])
                    wider[clause] = counts, sum(cand.base_sizes.get(m, 0) for m in picked)
                lexemes, size = wider[clause]
                scale = cand.base_scale
                estimate = ratio_of(clause)
                exact, sampled = exact_of(clause), not cand.base_exact
            if exact is not None:   # (its 'y:none' is the year facet's undated rows)
                lexemes, size, estimate, scale = exact, exact.get("#", 0), None, 1
            prefix = prefixes[name]
            counts = {lex[2:]: n for lex, n in lexemes.items() if lex.startswith(prefix)}
            if name == "year":
                undated = size - sum(counts.values())   # a row has one year lexeme at most
                found = [(k, None, n) for k, n in counts.items()] + ([("none", None, undated)] if undated else [])
            else:
                names = (reference_names() if REFERENCE_NAMES else cand.names).get(names_of[name], {})
                found = [(k, names[k], n) for k, n in counts.items() if k in names]
            if estimate is not None:
                found = [(k, label, estimate(prefix + k, n)) for k, label, n in found]
        elif exact is not None and name in ("specificity", "flag", *_ROW_LEXEMES):
            found = _row_lexeme_values(name, exact)
            estimate, scale = None, 1
        elif name == "unit" and UNITS_COPY and exact is not None:
            found, estimate, scale = units, None, 1
        elif name == "specificity":
            found = [(k, None, n) for k, _, n in by_name.get("sp", [])]
            if estimate is not None:
                found = [(k, label, estimate(f"sp:{k}", n)) for k, label, n in found]
        elif name in _ROW_LEXEMES:   # role, issuer, document type: the results' facet lexemes
            prefix = _ROW_LEXEMES[name]
            found = [(lex[2:], None, n if estimate is None else estimate(lex, n)) for lex, n in cand.lexemes.items()
                     if lex.startswith(prefix)]
        elif name == "unit" and UNITS_COPY:
            found = units
        else:   # flag, unit
            found = [r for r in by_name.get(name, []) if r[0] is not None]
            if estimate is not None and name == "flag":
                found = [(k, label, estimate(f"fl:{k}", n)) for k, label, n in found]
            elif estimate is not None:
                estimate = None   # (the unit facet counted in SQL: scaled)
        shaped = _by_lexeme(name, found) if name in ("issuer", "doc_type") else _shape(name, found)
        if sampled and exact is None:
            estimated.add(name)
        if estimate is not None:   # ratio estimates (or scaled counts where the totals cannot tell)
            for row in shaped:
                row["count"] = engine.round_estimate(round(row["count"]), engine.FACET_FIGURES)
        elif scale != 1:
            for row in shaped:
                row["count"] = engine.round_estimate(round(row["count"] * scale), engine.FACET_FIGURES)
        out[name] = shaped
    return out, estimated


# a sampled search's facets are ratio estimates where its filter state's totals are counted (search.totals);
# False: its sample's counts scaled up
RATIO_FACETS = True


def _ratio_estimator(data, clauses: dict, cand):
    """ratio_of(clause) -> estimate(lexeme, n) or None: the ratio estimate (totals.Totals.ratio) of a
    facet value's matches from its `n` rows in a sampled set's sample, that set being the results
    (clause None) or the wider set of the facets whose own filter is `clause` (the rows that pass
    the other filters); where the totals cannot tell a value, its count scaled up as before. None
    when that set is exact, its filters are not all facet lexemes, or its totals are not counted
    yet (they are then counted in a thread)."""
    from .search import totals

    usable = RATIO_FACETS and totals.RATIO_FACETS and lexeme_filters_only(data, clauses)
    made: dict = {}

    def ratio_of(clause):
        if clause in made:
            return made[clause]
        made[clause] = None
        if clause is None:
            scale, state = cand.scale, engine.all_of(clauses.values())
        else:
            scale = cand.base_scale
            state = engine.all_of(c for key, c in clauses.items() if key != clause)
        if not usable or scale == 1:
            return None
        k = round(totals.SLICE_COUNT / scale)
        if k > totals.RATIO_SLICES:
            return None
        found = totals.get(state)
        if found is None:
            return None

        def estimate(lexeme: str, n):
            value = found.ratio(lexeme, n, k)
            return n * scale if value is None else value

        made[clause] = estimate
        return estimate

    return ratio_of


# a sampled set's facets counted exactly outside the request where they are there (search.totals.exact_get);
# False: never
EXACT_FACETS = True
# ... and its count too ('#' of those counts: every row of the set verified), shown without 约; False: the
# sample's estimate whatever
EXACT_COUNT = True


def _exact_counter(data, clauses: dict, cand, pq, start: bool = True):
    """exact_of(clause) -> the exact facet lexeme counts (totals.exact_get) of a sampled set, the results
    (clause None) or the wider set of the facets whose own filter is `clause`; None when that set is
    exact already, its filters are not all facet lexemes, or its counts are not there yet (they are
    then counted in a thread, for the searches after this one; with start False they are only read
    where they are kept: totals.exact_kept)."""
    from .search import totals

    usable = EXACT_FACETS and bool(pq.tsquery) and lexeme_filters_only(data, clauses)
    made: dict = {}

    def exact_of(clause):
        if clause not in made:
            made[clause] = None
            if clause is None:
                sampled, state = not cand.exact, engine.all_of(clauses.values())
            else:
                sampled = cand.base_ids is not None and not cand.base_exact
                state = engine.all_of(c for key, c in clauses.items() if key != clause)
            if usable and sampled:
                vector = "title_vector" if engine.title_only(pq) else "search_vector"
                twice = reference_names()["unit_twice"] if UNITS_COPY else ""
                made[clause] = (totals.exact_get if start else totals.exact_kept)(vector, pq.tsquery, state, twice)
        return made[clause]

    return exact_of


def _tally_sql(clauses: dict, data: dict | None = None) -> "engine.Tally":
    """engine.Tally of the facets _row_facets reads: the units of the results' rows, the names of
    places, themes and IP types among the counted lexemes, and the filter clauses' lexemes. With
    the search's parameters `data`, the wider set's lexemes are counted for the facets of its
    active filters only. Roles, issuers and document types are facet lexemes of the rows ('r:',
    'o:', 'k:'), counted with the others; so are the units linked ('u:<unit id>'), which the unit
    facet counts by canonical unit and place (the same values and counts as its SQL facet): with
    UNITS_COPY from the lexemes' counts and the copy of the units (_unit_facet), the statement
    giving only the measures two units of one value would count twice."""
    from .models import IPType, Region, ResponsibleUnit, Theme

    r, t, i = Region._meta.db_table, Theme._meta.db_table, IPType._meta.db_table
    names = {
        "region": (f"SELECT id::text, name FROM {r} WHERE id = ANY(ARRAY(SELECT DISTINCT substr(k, 3)::bigint "
                   f"FROM {{lx}} WHERE k LIKE 'p:%%' OR k LIKE 'c:%%'))"),
        "theme": f"SELECT code, name FROM {t} WHERE code IN (SELECT substr(k, 3) FROM {{lx}} WHERE k LIKE 't:%%')",
        "ip": f"SELECT code, name FROM {i} WHERE code IN (SELECT substr(k, 3) FROM {{lx}} WHERE k LIKE 'i:%%')",
    }
    u = ResponsibleUnit._meta.db_table
    # the results' unit lexemes with their canonical unit and place (the facet's value): each
    # unit's count is its measures'; where two units of one value were both found, a measure
    # linked to both counts once: those values are counted again on the rows linked to two
    # units or more ('u:*'), each row's unit lexemes once per value
    units = (f"SELECT lex, key, rid, n, count(*) OVER (PARTITION BY key, rid) AS members FROM (SELECT x.k AS lex, "
             f"coalesce(u.canonical_id, u.id) AS key, coalesce(c.region_id, u.region_id) AS rid, x.n FROM (SELECT k, "
             f"sum(n) AS n FROM {{lx}} WHERE part IN ({{main}}) AND k LIKE 'u:%%' AND k <> 'u:*' GROUP BY k) x "
             f"JOIN {u} u ON u.id = substr(x.k, 3)::bigint LEFT JOIN {u} c ON c.id = u.canonical_id) t")
    # the unit lexemes of a value found twice or more, as one lookup ('key rid' by lexeme): each
    # 'u:*' row's unit lexemes are looked up in it one by one (joined to `ul`, the planner, misled
    # by the rows' estimates, looped over every pair: 0.5 s for 1,200 rows and 77 such lexemes)
    dup = ("SELECT jsonb_object_agg(lex, key::text || ' ' || coalesce(rid::text, '')) AS j FROM ul "
           "WHERE members > 1")
    unit = (f"SELECT y.key::text, coalesce(ur.name, '') || chr(31) || ku.name, sum(y.n) FROM ("
            f"SELECT key, rid, n FROM ul UNION ALL "
            f"SELECT split_part(d.v, ' ', 1)::bigint, nullif(split_part(d.v, ' ', 2), '')::bigint, "
            f"count(DISTINCT d.id) - count(*) FROM (SELECT z.id, (SELECT j FROM ud) ->> x AS v "
            f"FROM {{r}} z, unnest(z.f) AS x WHERE z.part IN ({{main}}) AND 'u:*' = ANY(z.f) AND x LIKE 'u:%%' "
            f"AND (SELECT j FROM ud) IS NOT NULL) d WHERE d.v IS NOT NULL GROUP BY 1, 2"
            f") y JOIN {u} ku ON ku.id = y.key LEFT JOIN {r} ur ON ur.id = y.rid GROUP BY 1, 2")
    ctes = {"ul": units, "ud": dup}
    if UNITS_COPY:
        # the units are counted from the results' unit lexemes (_unit_facet, by the copy of the units);
        # the statement gives each value that two units share the measures it would count twice: those
        # of the rows linked to two units or more ('u:*') with two of its unit lexemes or more
        twice = reference_names()["unit_twice"]
        # (each such row's lexemes unnested in the select list, counted by row and value: hash aggregates,
        # where count(DISTINCT id) sorted them)
        unit = ("SELECT t.v, NULL, sum(1 - t.m) FROM (SELECT d.id, d.v, count(*) AS m FROM (SELECT y.id, "
                + twice + " ->> y.x AS v FROM (SELECT z.id, unnest(z.f) AS x FROM {r} z WHERE z.part IN ({main}) "
                "AND 'u:*' = ANY(z.f)) y WHERE y.x LIKE 'u:%%' OFFSET 0) d WHERE d.v IS NOT NULL GROUP BY d.id, d.v) t "
                "WHERE t.m > 1 GROUP BY t.v") if twice else "SELECT NULL, NULL, 0 WHERE false"
        ctes = {}
    return engine.Tally(parts={"unit": unit}, names={} if REFERENCE_NAMES else names, masks=[_clause_lexemes(c) for c in clauses.values()],
                        base_prefixes=None if data is None else tuple(sorted(
                            {_LEXEME_PREFIXES[name] for name in clauses} | {_LEXEME_PREFIXES[name] for name, own in
                             FACET_PARAMS.items() if name in _LEXEME_PREFIXES and any(k in data for k in own)})),
                        ctes=ctes)


def measure_facets(*, data: dict, matched: QuerySet, filtered: QuerySet, total: int) -> dict:
    """Counts per province, city, theme, ip_type, unit and year; each facet
    applies every filter except its own (all facets in one SQL statement)."""
    sources, empty = {}, []
    by_drop = {}
    for name, own in FACET_PARAMS.items():
        dropped = any(k in data for k in own)
        if total == 0 and not dropped:
            empty.append(name)
            continue
        if not dropped:
            sources[name] = ("queryset", filtered)
            continue
        if own not in by_drop:
            by_drop[own] = _filtered(data, matched, drop=own)[1]
        sources[name] = ("queryset", by_drop[own])
    out = facet_counts(sources)
    out.update({name: [] for name in empty})
    return {name: out[name] for name in FACET_PARAMS}


# Facets read from a source's row summary (one join to measures and documents
# per source, shared by these facets) rather than each joining on its own.
_ROW_FACETS = ("province", "city", "issuer", "doc_type", "flag", "year", "specificity")


def _facet_rows_sql() -> str:
    """The row summary CTE `{src}r` of a source `{src}(id)`: each measure with its
    document, place, year (the year of a date known only to the month too,
    Document.date_year; 'none' without any date), specificity and flags."""
    from .models import Document

    m, d = Measure._meta.db_table, Document._meta.db_table
    return (f"{{src}}r(id, document_id, province_id, city_id, year, specificity, f_target, f_deadline, f_unit, "
            f"f_lead, f_money) AS MATERIALIZED (SELECT s.id, m.document_id, d.province_id, d.city_id, "
            f"coalesce(coalesce(extract(year FROM coalesce(d.signed_date, d.published_date))::int, "
            f"d.date_year)::text, 'none'), m.specificity, m.flag_target, m.flag_deadline, m.flag_unit, "
            f"m.flag_lead, m.flag_money FROM {{src}} s JOIN {m} m ON m.id = s.id JOIN {d} d ON d.id = m.document_id)")


def _facet_sql() -> dict:
    """name -> (SELECT key, name, count FROM ... GROUP BY ...) over a CTE `{src}(id)`
    and, for _ROW_FACETS, its row summary `{src}r` (_facet_rows_sql). Places and
    documents are counted by id first and named after (a few rows to join)."""
    from .models import Document, IPType, MeasureUnit, Region, ResponsibleUnit, Theme

    d, r = Document._meta.db_table, Region._meta.db_table
    mt, t = Measure.themes.through._meta.db_table, Theme._meta.db_table
    mi, i = Measure.ip_types.through._meta.db_table, IPType._meta.db_table
    mu, u = MeasureUnit._meta.db_table, ResponsibleUnit._meta.db_table
    place = (f"SELECT x.k::text, r.name, x.n FROM (SELECT {{col}} AS k, count(*) AS n FROM {{src}}r "
             f"WHERE {{col}} IS NOT NULL GROUP BY 1) x JOIN {r} r ON r.id = x.k")
    # measures per document with its title and issuer: _shape sums them by issuer and by type
    by_document = (f"SELECT d.id::text, d.issuer || chr(31) || d.title, x.n FROM (SELECT document_id, "
                   f"count(*) AS n FROM {{src}}r GROUP BY 1) x JOIN {d} d ON d.id = x.document_id")
    return {
        "province": place.replace("{col}", "province_id"),
        "city": place.replace("{col}", "city_id"),
        "theme": (f"SELECT t.code, t.name, count(*) FROM {{src}} s JOIN {mt} x ON x.measure_id = s.id "
                  f"JOIN {t} t ON t.id = x.theme_id GROUP BY t.code, t.name"),
        "ip_type": (f"SELECT i.code, i.name, count(*) FROM {{src}} s JOIN {mi} x ON x.measure_id = s.id "
                    f"JOIN {i} i ON i.id = x.iptype_id GROUP BY i.code, i.name"),
        # the canonical unit with its place (chr(31) between place and name): two
        # bodies of one name in two cities are two values (沈阳市 · 市场监管局);
        # each measure once per value however many of its links lead there
        "unit": (f"SELECT y.k::text, coalesce(ur.name, '') || chr(31) || y.name, count(*) FROM ("
                 f"SELECT DISTINCT x.measure_id, coalesce(u.canonical_id, u.id) AS k, coalesce(c.name, u.name) AS name, "
                 f"coalesce(c.region_id, u.region_id) AS rid FROM {{src}} s JOIN {mu} x ON x.measure_id = s.id "
                 f"JOIN {u} u ON u.id = x.unit_id LEFT JOIN {u} c ON c.id = u.canonical_id) y "
                 f"LEFT JOIN {r} ur ON ur.id = y.rid GROUP BY 1, 2"),
        "role": (f"SELECT y.role, NULL, count(*) FROM (SELECT DISTINCT x.measure_id, x.role FROM {{src}} s "
                 f"JOIN {mu} x ON x.measure_id = s.id) y GROUP BY y.role"),
        "issuer": by_document,
        "doc_type": by_document,
        "flag": ("SELECT v.code, NULL, v.n FROM (SELECT count(*) FILTER (WHERE f_target) AS target, "
                 "count(*) FILTER (WHERE f_deadline) AS deadline, count(*) FILTER (WHERE f_unit) AS unit, "
                 "count(*) FILTER (WHERE f_lead) AS lead, count(*) FILTER (WHERE f_money) AS money "
                 "FROM {src}r) f CROSS JOIN LATERAL (VALUES ('target', f.target), ('deadline', f.deadline), "
                 "('unit', f.unit), ('lead', f.lead), ('money', f.money)) AS v(code, n) WHERE v.n > 0"),
        # documents with no date at all are the bucket 'none' (日期不详)
        "year": "SELECT year, NULL, count(*) FROM {src}r GROUP BY 1",
        "specificity": "SELECT specificity::text, NULL, count(*) FROM {src}r GROUP BY specificity",
    }


def facet_counts(sources: dict) -> dict:
    """Facet rows for each facet name in `sources` (name -> ("ids", [ids]) or
    ("queryset", measures)), in one SQL statement: the top FACET_LIMIT values
    by count, as the API returns them. Each source is read once (a
    materialized CTE, with its row summary when a facet needs one), and facets
    of the same SQL over the same source (issuer and doc_type) run once."""
    if not sources:
        return {}
    from django.core.exceptions import EmptyResultSet

    ctes, cte_params, names_of, with_rows = [], [], {}, set()
    parts, part_of = [], {}
    templates = _facet_sql()
    for name, (kind, source) in sources.items():
        ident = ("ids", tuple(source)) if kind == "ids" else ("qs", id(source))
        if ident not in names_of:
            alias = f"src{len(names_of)}"
            names_of[ident] = alias
            if kind == "ids":
                ctes.append(f"{alias}(id) AS MATERIALIZED (SELECT unnest(%s::bigint[]))")
                cte_params.append(list(source))
            else:
                try:
                    sql, params = source.order_by().values("pk").query.sql_with_params()
                except EmptyResultSet:
                    sql, params = "SELECT NULL::bigint WHERE false", ()
                ctes.append(f"{alias}(id) AS MATERIALIZED ({sql})")
                cte_params.extend(params)
        alias = names_of[ident]
        if name in _ROW_FACETS and alias not in with_rows:
            with_rows.add(alias)
            ctes.append(_facet_rows_sql().replace("{src}", alias))
        body = templates[name].replace("{src}", alias)
        if body not in part_of:
            part_of[body] = len(parts)
            # the part number is an integer of ours, never user input
            parts.append(f"SELECT {len(parts)}, * FROM ({body}) AS f{len(parts)}")
        sources_of = part_of.setdefault(("names", part_of[body]), [])
        sources_of.append(name)
    sql = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(parts)
    rows: dict[str, list] = {name: [] for name in sources}
    with connection.cursor() as cursor:
        cursor.execute(sql, cte_params)
        for part, key, label, count in cursor.fetchall():
            if key is not None:
                for name in part_of[("names", part)]:
                    rows[name].append((key, label, count))
    return {name: _shape(name, found) for name, found in rows.items()}


@functools.lru_cache(maxsize=65536)
def _doc_type(title: str) -> str:
    """doctypes.doc_type_of, a pure function of the title, kept per process: documents'
    titles repeat (a document's versions, a city's series) and a sampled search names
    thousands of documents (each title tried against every type's pattern)."""
    from .doctypes import doc_type_of

    return doc_type_of(title)


def _by_document(name: str, found: list) -> list[dict]:
    """Measures per document summed by issuer (name "issuer") or by document type
    (measures.doctypes, from the title; "" when none applies is left out)."""
    from collections import Counter

    totals: Counter = Counter()
    for _, label, n in found:
        issuer, _, title = label.partition("\x1f")
        key = issuer.strip() if name == "issuer" else _doc_type(title)
        if key:
            totals[key] += n
    return _document_facet_rows(name, totals)


def _document_facet_rows(name: str, totals: Counter) -> list[dict]:
    """The issuer or document-type facet's rows from their totals, the largest first (FACET_LIMIT)."""
    rows = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_LIMIT]
    if name == "issuer":
        return [{"name": k, "count": n} for k, n in rows]
    return [{"code": k, "name": k, "count": n} for k, n in rows]


def _by_lexeme(name: str, found: list) -> list[dict]:
    """_by_document's rows from the counts of the results' 'o:<issuer>' or 'k:<document type>'
    lexemes [(issuer or type, None, n)]: issuers summed by their name without its spaces."""
    totals: Counter = Counter()
    for key, _, n in found:
        key = key.strip() if name == "issuer" else key
        if key:
            totals[key] += n
    return _document_facet_rows(name, totals)


def _shape(name: str, found: list) -> list[dict]:
    if name in ("issuer", "doc_type"):
        return _by_document(name, found)
    numeric = name in ("province", "city", "unit", "year", "specificity")
    undated = [n for k, label, n in found if name == "year" and k == "none"]
    found = [(int(k) if numeric else k, label, n) for k, label, n in found if not (name == "year" and k == "none")]
    # (a unit facet's key is a canonical unit, in one value for each place: its places in name order)
    found.sort(key=lambda r: (-r[2], r[0], r[1] or "") if name == "unit" else (-r[2], r[0]))
    found = found[:FACET_LIMIT]
    if name == "unit":
        return [{"id": k, "name": label.partition("\x1f")[2], "place": label.partition("\x1f")[0], "count": n}
                for k, label, n in found]
    if name == "role":
        from .models import MeasureUnit

        labels = dict(MeasureUnit.Role.choices)
        return [{"code": k, "name": str(labels.get(k, k)), "count": n} for k, label, n in found]
    if name == "flag":
        from .querysets_diffusion import FLAG_LABELS

        return [{"code": k, "name": FLAG_LABELS.get(k, k), "count": n} for k, label, n in found]
    if name in ("province", "city"):
        return [{"id": k, "name": label, "count": n} for k, label, n in found]
    if name in ("theme", "ip_type"):
        return [{"code": k, "name": label, "count": n} for k, label, n in found]
    if name == "specificity":
        found.sort(key=lambda r: -r[0])
        return [{"score": k, "count": n} for k, label, n in found]
    found.sort(key=lambda r: -r[0])
    # measures of undated documents last, as year None (日期不详)
    return [{"year": k, "count": n} for k, label, n in found] + [{"year": None, "count": n} for n in undated]
