"""Pages of the portal's lists: a page past the last one is a 404 (an HTML
page saying 没有第 N 页 with links to the last and the first page), as the
API answers it (measures.api, measures.api_resources) — never the last page
again, so that a client or a crawler following page numbers stops."""
from functools import wraps

from django.core.paginator import Page, Paginator
from django.shortcuts import render


class PageOutOfRange(Exception):
    def __init__(self, number: int, num_pages: int):
        super().__init__(f"page {number} of {num_pages}")
        self.number, self.num_pages = number, num_pages


def requested_number(requested, num_pages: int) -> int:
    """The page number asked for: a validated page (measures.params.Page: a
    number >= 1 or "last"), 1 when none; PageOutOfRange past `num_pages`."""
    if requested in (None, ""):
        return 1
    number = num_pages if requested == "last" else int(requested)
    if number > max(num_pages, 1):
        raise PageOutOfRange(number, max(num_pages, 1))
    return max(number, 1)


def page_of(paginator: Paginator, requested) -> Page:
    """paginator's requested page (see requested_number)."""
    return paginator.page(requested_number(requested, paginator.num_pages))


def out_of_range_as_404(view):
    """A view whose page lies past the last one answers 404 with the
    portal's page (templates/measures/page_out_of_range.html)."""
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PageOutOfRange as e:
            return render(request, "measures/page_out_of_range.html",
                          {"number": e.number, "num_pages": e.num_pages}, status=404)

    return wrapped
