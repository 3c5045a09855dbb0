"""Public pages of the portal. Query logic lives in selectors and QuerySet methods;
views only read parameters, call a selector and render."""
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from . import selectors_pages as pages
from .models import Document, Level

DOCUMENTS_PER_PAGE = 30
UNITS_PER_PAGE = 50


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_safe
def healthz(request):
    """Liveness probe: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@require_safe
def home(request):
    return render(request, "measures/home.html", pages.home_overview())


@require_safe
def measure_detail(request, pk):
    return render(request, "measures/measure_detail.html", pages.measure_detail(measure_id=pk))


@require_safe
def document_list(request):
    province = _int(request.GET.get("province"))
    status = request.GET.get("status") if request.GET.get("status") in Document.Status.values else None
    level = request.GET.get("level") if request.GET.get("level") in Level.values else None
    qs = pages.document_list(province=province, status=status, level=level)
    page = Paginator(qs, DOCUMENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "measures/document_list.html", {
        "page": page, "documents": page.object_list, "selected": {"province": province, "status": status,
                                                                  "level": level},
        "statuses": Document.Status.choices, "levels": Level.choices, **pages.document_filter_options(),
    })


@require_safe
def document_detail(request, pk):
    return render(request, "measures/document_detail.html", pages.document_detail(document_id=pk))


@require_safe
def compare(request):
    mode = "share" if request.GET.get("mode") == "share" else "count"
    return render(request, "measures/compare.html", pages.theme_matrix(mode=mode))


@require_safe
def targets(request):
    keyword = (request.GET.get("q") or "").strip()[:100]
    comparable_only = request.GET.get("comparable") == "1"
    context = pages.targets_board(keyword=keyword, comparable_only=comparable_only)
    context.update({"keyword": keyword, "comparable_only": comparable_only})
    return render(request, "measures/targets.html", context)


@require_safe
def unit_list(request):
    keyword = (request.GET.get("q") or "").strip()[:100]
    region = _int(request.GET.get("region"))
    page = Paginator(pages.unit_list(keyword=keyword, region=region), UNITS_PER_PAGE).get_page(request.GET.get("page"))
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
    ("themes", "工作类别"), ("ip_types", "知识产权类型"), ("units", "责任单位"), ("source", "来源文件"),
]


@require_safe
def measure_list(request):
    return render(request, "measures/measure_list.html", pages.measure_list_page(params=request.GET))


def _export_rows(request):
    return pages.export_rows(params=request.GET, base_url=request.build_absolute_uri("/")[:-1],
                                      limit=EXPORT_LIMIT)


class _Echo:
    def write(self, value):
        return value


@require_safe
def measure_export_csv(request):
    """The current result set as CSV, UTF-8 with a BOM so that Excel reads Chinese."""
    import csv

    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow([label for _, label in EXPORT_COLUMNS])
        for row in _export_rows(request):
            flat = dict(row, units=";".join(f"{u['name']}({u['role_label']})" for u in row["units"]))
            flat = {k: ";".join(v) if isinstance(v, list) else v for k, v in flat.items()}
            yield writer.writerow(["" if flat[k] is None else flat[k] for k, _ in EXPORT_COLUMNS])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="measures.csv"'
    return response


@require_safe
def measure_export_json(request):
    """The current result set as a JSON array (same fields as the CSV, lists kept as lists)."""
    import json

    def chunks():
        yield "["
        for i, row in enumerate(_export_rows(request)):
            yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False)
        yield "\n]\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="measures.json"'
    return response
