"""The JSON API beyond measure search: GET /api/ (the endpoints),
/api/documents/, /api/documents/<id>/, /api/targets/, /api/units/, and the
API page /api/docs/ (Chinese, every parameter with examples).

Each list takes the filters of its page (the same measures.params specs),
plus page and page_size; a page past the last one is a 404, never the last
page again. Lists answer {"count", "page", "page_size", "num_pages", "results"}.
"""
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET, require_safe

from . import params as P
from . import selectors_pages as pages
from .doctypes import ALL_TYPES, doc_type_of, title_regex
from .models import Document, Measure, Target
from .params import validated
from .querysets import text_variants

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _documents_spec():
    return {**P.DOCUMENTS(), "q": P.Text(gettext_noop("标题关键词"), max_length=100),
            "issuer": P.Text(gettext_noop("发布机构"), max_length=100),
            "doc_number": P.Text(gettext_noop("文号"), max_length=100),
            "doc_type": P.Choice(ALL_TYPES, gettext_noop("文件类型")),
            "date_from": P.Date(gettext_noop("起始日期")), "date_to": P.Date(gettext_noop("截止日期")),
            "page_size": P.PageSize()}


API_DOCUMENTS = _documents_spec
API_TARGETS = {**P.TARGETS, "page_size": P.PageSize()}
API_UNITS = {**P.UNITS, "page_size": P.PageSize()}


def _page(request, items, *, count=None):
    """(page, None) or (None, a 404 response) for the request's page and page_size."""
    size = request.params.get("page_size", DEFAULT_PAGE_SIZE)
    paginator = Paginator(items, size)
    if count is not None:
        paginator.count = count
    requested = request.params.get("page", 1)
    number = paginator.num_pages if requested == "last" else requested
    if number > paginator.num_pages and not (number == 1 and paginator.count == 0):
        return None, _json({"error": "page_out_of_range", "detail": "页码超出范围", "count": paginator.count,
                            "num_pages": paginator.num_pages}, status=404)
    return paginator.page(number), None


def _list(page, results):
    return {"count": page.paginator.count, "page": page.number, "page_size": page.paginator.per_page,
            "num_pages": page.paginator.num_pages, "results": results}


def _day(d):
    return d.isoformat() if d else None


def document_json(d) -> dict:
    return {
        "id": d.pk,
        "url": reverse("measures:document_detail", args=[d.pk]),
        "api_url": reverse("measures:api-document", args=[d.pk]),
        "source": d.source,
        "title": d.title,
        "notice_title": d.notice_title,
        "doc_type": doc_type_of(d.title) or None,
        "issuer": d.issuer or None,
        "doc_number": d.doc_number,
        "province": {"id": d.province_id, "name": d.province.name} if d.province_id else None,
        "city": {"id": d.city_id, "name": d.city.name} if d.city_id else None,
        "level": d.level or None,
        "signed_date": _day(d.signed_date),
        "published_date": _day(d.published_date),
        "status": d.status,
        "script": d.script,
        "n_measures": getattr(d, "n_measures", None),
        "n_targets": getattr(d, "n_targets", None),
    }


def target_json(t) -> dict:
    return {
        "id": t.pk,
        "metric": t.metric,
        "comparator": t.comparator,
        "value": float(t.value),
        "unit": t.unit,
        "year": t.year,
        "quote": t.quote,
        "document": t.document_id,
        "measure": ({"id": t.measure_id, "ordinal": t.measure.ordinal, "url": f"/measures/{t.measure_id}/"}
                    if t.measure_id else None),
    }


@require_GET
def api_index(request):
    base = request.build_absolute_uri("/")[:-1]
    endpoints = [
        ("measures", "api-measures", "检索与筛选措施(参数同措施检索页),含分面计数"),
        ("documents", "api-documents", "政策文件列表(省份、级别、效力状态、类型、发布机构、文号、日期)"),
        ("targets", "api-targets", "量化目标(指标关键词、只看可比指标)"),
        ("units", "api-units", "责任单位(关键词、地区),别名并入规范单位"),
    ]
    return _json({
        "name": "知识产权保护措施库 API",
        "docs": base + reverse("measures:api-docs"),
        "endpoints": {name: {"url": base + reverse(f"measures:{url}"), "description": text}
                      for name, url, text in endpoints}
        | {"document": {"url": base + "/api/documents/{id}/", "description": "一份文件:元数据、目录(章节与措施)、量化目标"},
           "feed": {"url": base + reverse("measures:measure_feed"),
                    "description": "任一检索与筛选条件的最新措施(Atom 订阅),参数同措施检索页"}},
    })


@require_GET
@validated(API_DOCUMENTS)
def document_list(request):
    p = request.params
    qs = pages.document_list(province=p.get("province"), status=p.get("status"), level=p.get("level"))
    if p.get("q"):
        cond = Q(pk__in=[])
        for v in text_variants(p.get("q")):
            cond |= Q(title__icontains=v) | Q(notice_title__icontains=v)
        qs = qs.filter(cond)
    ids = Measure.objects.all()
    if p.get("issuer"):
        ids = ids.with_issuer(p.get("issuer"))
    if p.get("doc_number"):
        ids = ids.with_doc_number(p.get("doc_number"))
    if p.get("doc_type"):
        qs = qs.filter(title__regex=title_regex(p.get("doc_type")))
    if p.get("date_from") or p.get("date_to"):
        ids = ids.with_date_range(p.get("date_from"), p.get("date_to"))
    if ids.query.where:
        qs = qs.filter(pk__in=ids.values("document_id"))
    page, missing = _page(request, qs)
    if missing:
        return missing
    return _json(_list(page, [document_json(d) for d in page.object_list]))


@require_GET
def document_detail(request, pk):
    from .selectors_diffusion import citation_fields

    doc = Document.objects.with_region().with_counts().defer("raw_text", "parsed").filter(pk=pk).first()
    if doc is None:
        return _json({"error": "not_found", "detail": "没有这份文件"}, status=404)
    measures = list(Measure.objects.filter(document_id=pk).order_by("ordinal")
                    .only("id", "ordinal", "label", "title", "text", "path"))
    outline, _ = pages.build_outline(measures)
    targets = Target.objects.filter(document_id=pk).select_related("measure").order_by("position", "id")
    return _json({
        **document_json(doc),
        "outline": [
            {"kind": e.kind, "depth": e.depth, "text": e.text,
             **({"measure": {"id": e.measure.pk, "ordinal": e.measure.ordinal, "label": e.measure.label,
                             "url": f"/measures/{e.measure.pk}/"}} if e.measure else {})}
            for e in outline
        ],
        "targets": [target_json(t) for t in targets],
        # what the document cites and who cites it (measures.selectors_diffusion)
        **citation_fields(document=doc),
    })


@require_GET
@validated(API_TARGETS)
def target_list(request):
    p = request.params
    board = pages.targets_board(keyword=p.get("q", ""), comparable_only=p.get("comparable", False))
    rows = [(g, t) for g in board["groups"] for t in g.targets]
    page, missing = _page(request, rows)
    if missing:
        return missing
    return _json(_list(page, [
        {**target_json(t), "group": g.metric, "comparable": g.comparable,
         "place": t.place.name if getattr(t, "place", None) else None}
        for g, t in page.object_list
    ]))


@require_GET
@validated(API_UNITS)
def unit_list(request):
    p = request.params
    page, missing = _page(request, pages.unit_list(keyword=p.get("q", ""), region=p.get("region")))
    if missing:
        return missing
    return _json(_list(page, [
        {"id": u.pk, "name": u.name, "url": reverse("measures:unit_detail", args=[u.pk]),
         "region": {"id": u.region_id, "name": u.region.name} if u.region_id else None,
         "n_measures": u.n_measures, "n_lead": u.n_lead, "n_support": u.n_support,
         "measures_url": reverse("measures:api-measures") + f"?unit={u.pk}"}
        for u in page.object_list
    ]))


@require_safe
def api_docs(request):
    from .doctypes import choices

    return render(request, "measures/api_docs.html", {"doc_types": choices()})
