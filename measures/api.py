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


@require_GET
@anonymous_page_cache
@validated(P.MEASURES)
def measure_search(request):
    result = selectors.measure_search(params=request.params.querydict())
    terms, fallback = result.query.highlight_terms, result.query.fallback_terms
    page = result.page
    return JsonResponse({
        "count": result.count,
        "count_is_estimate": result.count_is_estimate,
        "page": page.number,
        "page_size": page.paginator.per_page,
        "num_pages": page.paginator.num_pages,
        "sort": result.sort,
        "results": [measure_json(m, terms=terms, fallback_terms=fallback) for m in page.object_list],
        "facets": result.facets,
        "facets_are_estimates": result.facets_are_estimates,
        "ignored_parameters": [{"name": e.name, "label": e.label, "message": e.message}
                               for e in request.params.errors],
    }, json_dumps_params={"ensure_ascii": False})

