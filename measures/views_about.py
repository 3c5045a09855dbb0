"""The about / methodology / coverage page (measures.about)."""
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import about as A
from .pagecache import anonymous_page_cache


@require_safe
@anonymous_page_cache
def about(request):
    return render(request, "measures/about.html", {**A.coverage(), "accuracy": A.accuracy(),
                                                   "score_columns": A.SCORE_COLUMNS})
