"""Downloads of a document's original files (PDF, Word, web page …), from the database."""
from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from .ingest.fetch import safe_filename
from .models_ingest import SourceFile


@require_safe
def source_file(request, pk, file_id):
    """The file as it was published, with its content type and a safe file name; always an
    attachment, never rendered on the portal's own origin (an original web page included)."""
    f = SourceFile.objects.filter(pk=file_id, document_id=pk).first()
    if f is None:
        raise Http404(gettext("没有这个文件"))
    data = bytes(f.data)
    name = safe_filename(f.name) or f"document-{pk}"
    content_type = f.content_type or "application/octet-stream"
    if content_type.startswith("text/plain"):
        content_type = f"text/plain; charset={_charset(data)}"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "public, max-age=3600"
    response["ETag"] = f'"{f.sha256}"'
    return response


def _charset(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    for encoding in ("utf-8", "gb18030"):
        try:
            data.decode(encoding)
            return encoding
        except UnicodeDecodeError:
            continue
    return "utf-8"
