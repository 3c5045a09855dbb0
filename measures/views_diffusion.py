"""Pages of how policy spreads: a document's lineage, a measure's diffusion, a
draft compared with its final version, timelines and the province map for any
filter state of the measure list, and the citations API. Views read validated
parameters (measures.params), call measures.selectors_diffusion and render."""
from functools import cache

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET, require_safe

from . import params as P
from . import selectors_diffusion as S
from .models import Document
from .params import validated


@cache
def _timeline_spec():
    return {**P.MEASURES(), "by": P.Choice(["year", "month"], gettext_noop("时间粒度"))}


@cache
def _map_spec():
    return {**P.MEASURES(), "metric": P.Choice(list(S.PROVINCE_METRICS), gettext_noop("着色指标"))}


def _list_params(request):
    """The measure list's own parameters (without this page's)."""
    q = request.params.querydict().copy()
    for name in ("by", "metric", "page", "page_size", "sort"):
        q.pop(name, None)
    return q


@require_safe
def lineage(request, pk):
    return render(request, "measures/lineage.html", S.lineage(document_id=pk))


@require_safe
def measure_diffusion(request, pk):
    return render(request, "measures/diffusion.html", S.diffusion(measure_id=pk))


@require_safe
def draft_comparison(request, pk):
    return render(request, "measures/draft_compare.html", S.draft_comparison(document_id=pk))


@require_safe
@validated(_timeline_spec)
def timeline(request):
    params = _list_params(request)
    context = S.timeline(params=params)
    context.update({"by": request.params.get("by", "year"), "list_query": params.urlencode(),
                    "list_query_no_years": _without(params, "year_from", "year_to")})
    return render(request, "measures/timeline.html", context)


@require_safe
@validated(_map_spec)
def province_map(request):
    params = _list_params(request)
    context = S.province_map(params=params, metric=request.params.get("metric", "measures"))
    context.update({"list_query": params.urlencode(), "list_query_no_places": _without(params, "province", "city")})
    return render(request, "measures/map.html", context)


@require_GET
def document_citations_api(request, pk):
    """GET /api/documents/<id>/citations/: what the document cites and who cites it."""
    document = get_object_or_404(Document.objects.with_region().defer("raw_text", "parsed"), pk=pk)
    return JsonResponse(S.citations_json(document=document), json_dumps_params={"ensure_ascii": False})


def _without(query, *names) -> str:
    q = query.copy()
    for name in names:
        q.pop(name, None)
    return q.urlencode()
