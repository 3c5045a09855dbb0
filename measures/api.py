"""GET /api/measures/: search and filter measures as JSON (see
shared/spec/search-api.md). Any query string gets a 200 answer: a filter, sort
or paging value that cannot be understood (measures.params) is left out and
listed in "ignored_parameters" — never a 500."""
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from . import params as P
from . import selectors
from .pagecache import anonymous_page_cache
from .params import validated
from .search.highlight import highlight


def measure_json(m, *, terms, fallback_terms=()) -> dict:
    doc = m.document
    return {
        "id": m.pk,
        "url": f"/measures/{m.pk}/",
        "source": doc.source,
        "ordinal": m.ordinal,
        "label": m.label,
        "title": m.title,
        "text": m.text,
        "highlight": highlight(m.text, terms, fallback_terms),
        "title_highlight": highlight(m.title or "", terms, fallback_terms),
        "path": m.path,
        "rank": getattr(m, "rank", None),
        "document": {
            "id": doc.pk,
            "title": doc.title,
            "city": doc.city.name if doc.city_id else None,
            "province": doc.province.name if doc.province_id else None,
            "source": doc.source,
            "published_date": doc.published_date.isoformat() if doc.published_date else None,
        },
        "themes": [t.code for t in m.themes.all()],
        "ip_types": [t.code for t in m.ip_types.all()],
        "units": [{"id": link.unit_id, "name": link.unit.name, "role": link.role} for link in m.unit_links.all()],
    }


def query_json(result, params) -> dict:
    """How the search string was read: its terms and fields, the 模糊 switch,
    a notice when it was read as plain terms, and — when no measure contains a
    term as written — how many the all-words (模糊) match would find."""
    pq = result.query
    suggestion = None
    if result.fuzzy_count is not None:
        q = params.copy()
        q["fuzzy"] = "true"
        q.pop("page", None)
        suggestion = {"count": result.fuzzy_count, "words": result.fuzzy_words,
                      "url": "/api/measures/?" + q.urlencode()}
    return {
        "q": pq.raw.strip(),
        "fuzzy": pq.fuzzy,
        "scope": pq.scope,
        "terms": [{"text": t.text, "phrase": t.phrase, "field": t.field} for t in pq.terms],
        "words": pq.fallback_terms,
        "notice": pq.notice or None,
        "fuzzy_suggestion": suggestion,
    }


def page_not_found(result) -> JsonResponse:
    return JsonResponse({"error": "page_out_of_range", "detail": "页码超出范围", "count": result.count,
                         "num_pages": result.page.paginator.num_pages}, status=404,
                        json_dumps_params={"ensure_ascii": False})


@require_GET
@anonymous_page_cache
@validated(P.MEASURES)
def measure_search(request):
    params = request.params.querydict()
    result = selectors.measure_search(params=params, fallback="offer")
    if result.page_out_of_range:
        return page_not_found(result)
    terms, fallback = result.query.highlight_terms, result.query.fallback_terms
    page = result.page
    return JsonResponse({
        "query": query_json(result, params),
        "count": result.count,
        "count_is_estimate": result.count_is_estimate,
        "page": page.number,
        "page_size": page.paginator.per_page,
        "num_pages": page.paginator.num_pages,
        "sort": result.sort,
        "results": [measure_json(m, terms=terms, fallback_terms=fallback) for m in page.object_list],
        "facets": result.facets,
        "facets_are_estimates": result.facets_are_estimates,
        # the facets whose counts are estimates (约): a sampled search's facets counted exactly are not
        "estimated_facets": [name for name in result.facets if selectors.facet_is_estimate(result, name, params)],
        "ignored_parameters": [{"name": e.name, "label": e.label, "message": e.message}
                               for e in request.params.errors],
    }, json_dumps_params={"ensure_ascii": False})

