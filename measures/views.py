"""Public pages of the portal. Query logic lives in selectors and QuerySet methods;
views only read parameters, call a selector and render.

Every view's query parameters are parsed and validated once, by the
measures.params.validated decorator (its spec names them); views read the
clean values from request.params. HTML pages leave bad values out and say so;
exports and the API answer them with HTTP 400. A page past the last one is a
404 page (measures.paging), as in the API.
"""
import logging

from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.views.decorators.http import require_safe


from . import params as P
from . import selectors_pages as pages
from .models import Document, Level
from .pagecache import anonymous_page_cache
from .paging import out_of_range_as_404, page_of
from .params import validated
from .views_exports import export_view_for, stream_export

log = logging.getLogger(__name__)

DOCUMENTS_PER_PAGE = 30
UNITS_PER_PAGE = 50
TARGET_GROUPS_PER_PAGE = 25


@require_safe
def healthz(request):
    """Health probe: "ok" while the database answers SELECT 1, else 503 with a short body."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # database down, or the embedded server cannot start: never a 500 here
        log.warning("healthz: database unavailable", exc_info=True)
        return HttpResponse("database unavailable", status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@require_safe
@anonymous_page_cache
def home(request):
    return render(request, "measures/home.html", pages.home_overview())


@require_safe
def measure_detail(request, pk):
    return render(request, "measures/measure_detail.html", pages.measure_detail(measure_id=pk))


@require_safe
@validated(P.DOCUMENTS)
@out_of_range_as_404
def document_list(request):
    p = request.params
    province, status, level = p.get("province"), p.get("status"), p.get("level")
    issuer, doc_type = p.get("issuer"), p.get("doc_type")
    qs = pages.document_list(province=province, status=status, level=level, issuer=issuer, doc_type=doc_type)
    page = page_of(Paginator(qs, DOCUMENTS_PER_PAGE), p.get("page"))
    return render(request, "measures/document_list.html", {
        "page": page, "documents": page.object_list, "selected": {"province": province, "status": status,
                                                                  "level": level, "issuer": issuer,
                                                                  "doc_type": doc_type},
        "statuses": Document.Status.choices, "levels": Level.choices, **pages.document_filter_options(),
    })


@require_safe
@validated(P.DOCUMENT_DETAIL)
@out_of_range_as_404
def document_detail(request, pk):
    """A document page: its metadata, then its outline and measures a page at a
    time (pages.DOCUMENT_MEASURES_PER_PAGE measures), so a document of thousands of
    measures is still a small page."""
    return render(request, "measures/document_detail.html", pages.document_detail(
        document_id=pk, page=request.params.get("page", 1)))


@require_safe
@anonymous_page_cache
@validated(P.COMPARE)
def compare(request):
    mode = request.params.get("mode", "count")
    return render(request, "measures/compare.html", pages.theme_matrix(mode=mode))


@require_safe
@anonymous_page_cache
@validated(P.TARGETS)
@out_of_range_as_404
def targets(request):
    p = request.params
    keyword = p.get("q", "")
    comparable_only = p.get("comparable", False)
    context = pages.targets_board(keyword=keyword, comparable_only=comparable_only)
    page = page_of(Paginator(context["groups"], TARGET_GROUPS_PER_PAGE), p.get("page"))
    context.update({"keyword": keyword, "comparable_only": comparable_only, "page": page,
                    "groups": page.object_list})
    return render(request, "measures/targets.html", context)


@require_safe
@validated(P.UNITS)
@out_of_range_as_404
def unit_list(request):
    p = request.params
    keyword, region = p.get("q", ""), p.get("region")
    page = page_of(Paginator(pages.unit_list(keyword=keyword, region=region), UNITS_PER_PAGE), p.get("page"))
    return render(request, "measures/unit_list.html", {
        "page": page, "units": page.object_list, "keyword": keyword, "region": region,
        "regions": pages.unit_regions(),
    })


@require_safe
def unit_detail(request, pk):
    context = pages.unit_detail(unit_id=pk)
    if "redirect_to" in context:
        return redirect("measures:unit_detail", pk=context["redirect_to"], permanent=False)
    return render(request, "measures/unit_detail.html", context)


# --- measure list and exports (built on measures.selectors.measure_search) ----------

EXPORT_LIMIT = 20000
EXPORT_COLUMNS = [
    ("id", "ID"), ("url", "链接"), ("province", "省份"), ("city", "城市"), ("document", "文件"),
    ("doc_number", "文号"), ("issuer", "发布机构"), ("published_date", "发布日期"), ("status", "效力状态"),
    ("ordinal", "序号"), ("label", "编号"), ("path", "章节"), ("title", "标题"), ("text", "正文"),
    ("themes", "工作类别"), ("ip_types", "知识产权类型"), ("units", "责任单位"), ("lead_units", "牵头单位"),
    ("support_units", "配合单位"), ("targets", "量化目标"), ("date_text", "日期(仅知年月)"), ("source", "来源文件"),
    ("specificity", "具体度"), ("specificity_flags", "具体度依据"),
]


@require_safe
@anonymous_page_cache
@validated(P.MEASURES)
@out_of_range_as_404
def measure_list(request):
    return render(request, "measures/measure_list.html",
                  pages.measure_list_page(params=request.params.querydict()))


def _export(request):
    """(total, rows) of the export, or an HTTP 400 response when the result set is
    larger than EXPORT_LIMIT (never a silently cut file)."""
    try:
        return pages.export_rows(params=request.params.querydict(), base_url=request.build_absolute_uri("/")[:-1],
                                 limit=EXPORT_LIMIT)
    except pages.ExportTooLarge as e:
        return HttpResponseBadRequest(render_to_string("measures/error.html", {
            "title": gettext("导出结果过多"),
            "message": gettext("当前条件下共有 %(total)s 条措施,超过单次导出的上限 %(limit)s 条。请增加筛选条件后再导出。")
            % {"total": e.total, "limit": EXPORT_LIMIT},
        }, request=request))


# Exports: rate-limited per client (RATELIMITS["export"]), every parameter valid and
# known (else HTTP 400, before anything is streamed); streamed as the other lists' exports.
export_view = export_view_for(P.EXPORT)


@export_view
def measure_export_csv(request):
    """The current result set as CSV, UTF-8 with a BOM so that Excel reads Chinese (streamed),
    targets and units in readable columns."""
    export = _export(request)
    if isinstance(export, HttpResponse):
        return export
    total, rows = export
    readable = (dict(row, **pages.readable_export_columns(row)) for row in rows)
    return stream_export("measures", "csv", EXPORT_COLUMNS, readable, total)


@export_view
def measure_export_json(request):
    """The current result set as a JSON array (same fields as the CSV, lists kept as lists; streamed)."""
    export = _export(request)
    if isinstance(export, HttpResponse):
        return export
    total, rows = export
    return stream_export("measures", "json", EXPORT_COLUMNS, rows, total)
