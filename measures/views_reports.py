"""The public "报告错误" form: a visitor tells the editors that a measure or document is wrong.

GET /report/?measure=<id> or ?document=<id> shows the form (plain /report/: a
general report, on coverage or the site itself); POST saves an
ErrorReport (through measures.services) and redirects to the thank-you page.
POSTs are rate-limited per client (RATELIMITS["report"], HTTP 429 beyond it)
and carry a honeypot field (forms.ErrorReportForm.website): a filled-in
honeypot is thanked and dropped.
"""
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from portal.security import ratelimit

from . import params as P
from . import services
from .forms import ErrorReportForm
from .models import Document, Measure
from .params import validated


def _subject(request):
    """The measure or document reported on, from ?measure= / ?document= in the
    query string (the form posts back to the same URL)."""
    p = request.params
    if p.errors:
        raise Http404(gettext("无效的编号"))
    if p.get("measure"):
        measure = get_object_or_404(Measure.objects.select_related("document"), pk=p.get("measure"))
        return measure, measure.document
    if p.get("document"):
        return None, get_object_or_404(Document, pk=p.get("document"))
    return None, None  # a general report


@require_http_methods(["GET", "POST"])
@ratelimit("report", methods=("POST",))
@validated(P.REPORT)
def report_error(request):
    measure, document = _subject(request)
    if request.method == "POST":
        form = ErrorReportForm(request.POST)
        if form.is_valid():
            if not form.is_spam:  # honeypot filled in: pretend success, store nothing
                services.create_error_report(measure=measure, document=document, **{
                    k: form.cleaned_data[k] for k in ("kind", "description", "contact")})
            return redirect("measures:report_thanks")
    else:
        form = ErrorReportForm()
    return render(request, "measures/report_form.html",
                  {"form": form, "measure": measure, "document": document})


def report_thanks(request):
    return render(request, "measures/report_thanks.html")
