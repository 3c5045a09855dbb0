"""A document's provenance on its page: 来源, 原文下载, 入库时间, the parser version, and a
"cite this" line (measures.ingest)."""
from django import template
from django.urls import reverse
from django.utils import timezone

register = template.Library()


def _files(document):
    from measures.models_ingest import SourceFile

    cached = getattr(document, "_source_files", None)
    if cached is None:
        cached = list(SourceFile.objects.filter(document_id=document.pk)
                      .only("id", "name", "format", "size", "role", "url", "document_id"))
        document._source_files = cached
    return cached


@register.inclusion_tag("measures/_provenance_rows.html")
def provenance_rows(document):
    return {"document": document, "files": _files(document)}


@register.inclusion_tag("measures/_provenance_files.html")
def provenance_files(document):
    return {"document": document, "files": _files(document)}


@register.inclusion_tag("measures/_cite.html", takes_context=True)
def cite_line(context, document):
    request = context.get("request")
    path = reverse("measures:document_detail", args=[document.pk])
    permalink = request.build_absolute_uri(path) if request is not None else path
    return {"document": document, "cite": citation(document, permalink), "permalink": permalink}


def citation(document, permalink: str) -> str:
    """《标题》，发布机构，文号，日期。来源：网址。本站链接：永久链接（访问日期）。
    The title, issuer and 文号 as written; the rest in the interface language."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    parts = [f"《{document.title}》"]
    if document.issuer:
        parts.append(document.issuer)
    parts.append(document.doc_number or _("文号不详"))
    day = document.signed_date or document.published_date
    if day:
        parts.append(date_format(day, "DATE_FORMAT"))
    text = _("，").join(parts) + _("。")
    if getattr(document, "excerpt", False):
        text += _("（节选）")
    if getattr(document, "source_url", ""):
        text += _("来源：%(url)s。") % {"url": document.source_url}
    today = date_format(timezone.localdate(), "DATE_FORMAT")
    text += _("知识产权保护措施库：%(link)s（%(day)s访问）。") % {"link": permalink, "day": today}
    return text


@register.filter
def filesize(n):
    n = int(n or 0)
    if n >= 1048576:
        return f"{n / 1048576:.1f} MB"
    return f"{max(1, round(n / 1024))} KB"
