"""A brief cache of whole public pages for anonymous visitors.

The same anonymous GET of a read-only page (the home page, a search, the
comparison) within SEARCH_CACHE_SECONDS gets the same HTML: the counts and
facets in it are already that old at most (measures.selectors.cached). Each
worker keeps the rendered page in its "default" cache, keyed by the path, the
query string as sent and the search cache's generation, so that an edit in the
worker drops it with the counts. Requests with a session cookie (editors) and
responses that set a cookie, are not 200, or stream are never cached;
middleware (security headers, CSP) still runs on every response.
"""
import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse


def anonymous_page_cache(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        from .selectors import _generation

        ttl = int(getattr(settings, "SEARCH_CACHE_SECONDS", 30) or 0)
        if ttl <= 0 or request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return view(request, *args, **kwargs)
        from django.utils.translation import get_language

        # one page per interface language (portal.i18n)
        raw = f"{get_language()}:{request.path}?{request.META.get('QUERY_STRING', '')}"
        key = f"page:{_generation[0]}:{hashlib.sha1(raw.encode('utf-8', 'surrogateescape')).hexdigest()}"
        hit = cache.get(key)
        if hit is not None:
            content, content_type = hit
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            cache.set(key, (response.content, response["Content-Type"]), ttl)
        return response

    return wrapped
