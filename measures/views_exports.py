"""Exports of the document, target and unit lists (issue 15), beside the measure
exports of measures.views: the list's current filters as CSV (UTF-8 with a BOM,
so that Excel reads Chinese) or as a JSON array, streamed, with X-Total-Count.

Like the measure exports they are rate-limited per client (RATELIMITS["export"])
and strict about parameters (an unknown or invalid one: HTTP 400 before anything
is streamed). Data stays as written; column names are in the interface language.
"""
import csv
import json

from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from portal.security import ratelimit

from . import params as P
from . import selectors_pages as pages
from .display import partial_date, unit_place
from .doctypes import doc_type_of
from .models import Document, Level
from .params import validated


class _Echo:
    def write(self, value):
        return value


def export_view_for(spec):
    """The decorator of every export view: rate-limited per client, every parameter of `spec`
    valid and known (else HTTP 400, before anything is streamed)."""
    def decorator(view):
        return require_safe(ratelimit("export")(validated(spec, on_error="400", strict=True)(view)))
    return decorator


def stream_export(kind: str, fmt: str, columns, rows, total: int):
    """A streamed CSV (BOM, a header row of labels) or JSON array of `rows` (dicts)."""
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def lines():
            yield "\ufeff" + writer.writerow([label for _, label in columns])
            for row in rows:
                yield writer.writerow([_cell(row.get(key)) for key, _ in columns])

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    else:
        def chunks():
            yield "["
            for i, row in enumerate(rows):
                yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False)
            yield "\n]\n"

        response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{kind}.{fmt}"'
    response["X-Total-Count"] = str(total)
    return response


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return value.get("name", "")
    return value


# --- documents ----------------------------------------------------------------------

def document_columns():
    return [("id", "ID"), ("url", _("链接")), ("title", _("标题")), ("doc_type", _("文件类型")),
            ("issuer", _("发布机构")), ("doc_number", _("文号")), ("province", _("省份")), ("city", _("城市")),
            ("level", _("级别")), ("signed_date", _("成文日期")), ("published_date", _("发布日期")),
            ("date", _("日期(仅知年月)")), ("status", _("效力状态")), ("n_measures", _("措施数")),
            ("n_targets", _("目标数")), ("source_url", _("来源网址")), ("source", _("来源文件"))]


def _document_rows(qs, base_url):
    levels, statuses = dict(Level.choices), dict(Document.Status.choices)
    for d in qs.iterator(chunk_size=500):
        yield {
            "id": d.pk, "url": f"{base_url}/documents/{d.pk}/", "title": d.title,
            "doc_type": doc_type_of(d.title), "issuer": d.issuer, "doc_number": d.doc_number or "",
            "province": d.province.name if d.province_id else "", "city": d.city.name if d.city_id else "",
            "level": str(levels.get(d.level, d.level or "")),
            "signed_date": d.signed_date.isoformat() if d.signed_date else "",
            "published_date": d.published_date.isoformat() if d.published_date else "",
            "date": partial_date(d.date_year, d.date_month) if not (d.signed_date or d.published_date) else "",
            "status": str(statuses.get(d.status, d.status)), "n_measures": d.n_measures, "n_targets": d.n_targets,
            "source_url": d.source_url, "source": d.source,
        }


def _documents(request, fmt):
    p = request.params
    qs = pages.document_list(province=p.get("province"), status=p.get("status"), level=p.get("level"),
                             issuer=p.get("issuer"), doc_type=p.get("doc_type"))
    total = qs.order_by().count()
    return stream_export("documents", fmt, document_columns(), _document_rows(qs, _base(request)), total)


@export_view_for(P.DOCUMENTS)
def document_export_csv(request):
    return _documents(request, "csv")


@export_view_for(P.DOCUMENTS)
def document_export_json(request):
    return _documents(request, "json")


# --- targets ------------------------------------------------------------------------

def target_columns():
    return [("id", "ID"), ("url", _("链接")), ("metric", _("指标(原文)")), ("comparator", _("比较")),
            ("value", _("数值")), ("unit", _("单位")), ("year", _("目标年份")), ("place", _("地区")),
            ("document", _("文件")), ("quote", _("原文")), ("comparable_places", _("可比地区数"))]


def _target_rows(groups, base_url):
    for g in groups:
        for t in g.targets:
            yield {
                "id": t.pk, "metric": t.metric, "comparator": t.get_comparator_display(),
                "value": format(t.value.normalize(), "f"), "unit": t.unit, "year": t.year,
                "place": t.place.name, "document": t.document.title,
                "url": (f"{base_url}/measures/{t.measure_id}/" if t.measure_id
                        else f"{base_url}/documents/{t.document_id}/#targets"),
                "quote": t.quote, "comparable_places": len(g.places),
            }


def _targets(request, fmt):
    p = request.params
    board = pages.targets_board(keyword=p.get("q", ""), comparable_only=p.get("comparable", False))
    return stream_export("targets", fmt, target_columns(), _target_rows(board["groups"], _base(request)),
                    board["n_targets"] if not p.get("comparable") else sum(len(g.targets) for g in board["groups"]))


@export_view_for(P.TARGETS)
def target_export_csv(request):
    return _targets(request, "csv")


@export_view_for(P.TARGETS)
def target_export_json(request):
    return _targets(request, "json")


# --- units --------------------------------------------------------------------------

def unit_columns():
    return [("id", "ID"), ("url", _("链接")), ("name", _("单位")), ("place", _("地区")),
            ("aliases", _("原文中的其他写法")), ("n_measures", _("措施数")), ("n_lead", _("牵头")),
            ("n_support", _("配合"))]


def _unit_rows(qs, base_url):
    units = list(qs.prefetch_related("aliases"))
    for u in units:
        place = u.region.name if u.region_id else ""
        yield {
            "id": u.pk, "url": f"{base_url}/units/{u.pk}/", "name": unit_place(place, u.name), "place": place,
            "aliases": sorted(a.name for a in u.aliases.all()), "n_measures": u.n_measures,
            "n_lead": u.n_lead, "n_support": u.n_support,
        }


def _units(request, fmt):
    p = request.params
    qs = pages.unit_list(keyword=p.get("q", ""), region=p.get("region"))
    total = qs.count()
    return stream_export("units", fmt, unit_columns(), _unit_rows(qs, _base(request)), total)


@export_view_for(P.UNITS)
def unit_export_csv(request):
    return _units(request, "csv")


@export_view_for(P.UNITS)
def unit_export_json(request):
    return _units(request, "json")


def _base(request) -> str:
    return request.build_absolute_uri("/")[:-1]
