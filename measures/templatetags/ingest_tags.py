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
    """《标题》，发布机构，文号，日期。来源：网址。本站链接：永久链接（访问日期）。"""
    parts = [f"《{document.title}》"]
    if document.issuer:
        parts.append(document.issuer)
    parts.append(document.doc_number or "文号不详")
    day = document.signed_date or document.published_date
    if day:
        parts.append(f"{day.year}年{day.month}月{day.day}日")
    text = "，".join(parts) + "。"
    if getattr(document, "excerpt", False):
        text += "（节选）"
    if getattr(document, "source_url", ""):
        text += f"来源：{document.source_url}。"
    today = timezone.localdate()
    text += f"知识产权保护措施库：{permalink}（{today.year}年{today.month}月{today.day}日访问）。"
    return text


@register.filter
def filesize(n):
    n = int(n or 0)
    if n >= 1048576:
        return f"{n / 1048576:.1f} MB"
    return f"{max(1, round(n / 1024))} KB"
