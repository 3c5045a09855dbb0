"""Request-side protection shared by the whole portal: the client's address
(behind a known number of reverse proxies) and per-client rate limits.

Client address. ``TRUSTED_PROXY_COUNT`` (setting, environment variable of the
same name, default 0) is the number of reverse proxies in front of the portal
that append the address they saw to ``X-Forwarded-For``. With 0 the client is
``REMOTE_ADDR`` and X-Forwarded-For is ignored (anyone can send it); with N the
client is the N-th address from the right of X-Forwarded-For, the one the
outermost trusted proxy saw. django-axes (login lockout) and the rate limits
both use :func:`client_ip`.

Rate limits. ``RATELIMITS`` maps a scope ("export", "report", "login") to
"N/SECONDS": at most N requests per client in a window of SECONDS. Counts live
in the ``ratelimit`` cache (a file cache under the data directory by default,
shared by every gunicorn worker on the machine). :func:`ratelimit` decorates a
view; :func:`hit` counts one request and says whether it is allowed.
"""
from __future__ import annotations

import hashlib
import ipaddress
import time
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

# --- client address ---------------------------------------------------------------


def _valid_ip(value: str) -> str | None:
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:          # [v6]:port
        value = value[1:value.index("]")]
    elif value.count(":") == 1:                         # v4:port
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The address of the client that sent `request` (see the module doc)."""
    remote = _valid_ip(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        # Not all trusted proxies were passed: the request did not come the
        # expected way; the direct peer is all we know.
        return remote
    return _valid_ip(forwarded[-count]) or remote


# --- rate limits ------------------------------------------------------------------


def parse_rate(rate: str) -> tuple[int, int]:
    """"10/60" -> (10, 60): at most 10 requests in 60 seconds."""
    number, _, seconds = str(rate).partition("/")
    return max(int(number), 0), max(int(seconds or 60), 1)


def hit(scope: str, request) -> tuple[bool, int]:
    """Count a request of `scope` from this client: (allowed, seconds to wait
    when refused). A scope without a configured rate is never limited."""
    rate = getattr(settings, "RATELIMITS", {}).get(scope)
    if not rate:
        return True, 0
    limit, window = parse_rate(rate)
    now = int(time.time())
    bucket = now // window
    ident = hashlib.sha256(client_ip(request).encode()).hexdigest()[:24]
    key = f"rl:{scope}:{ident}:{bucket}"
    cache = caches["ratelimit"]
    try:
        if cache.add(key, 1, timeout=window + 5):
            count = 1
        else:
            count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    if count <= limit:
        return True, 0
    return False, (bucket + 1) * window - now


def too_many_requests(retry_after: int, *, json: bool = False) -> HttpResponse:
    from django.utils.translation import gettext

    message = gettext("请求过于频繁,请 %(n)s 秒后再试。") % {"n": max(retry_after, 1)}
    if json:
        from django.http import JsonResponse

        response = JsonResponse({"error": "rate_limited", "detail": message}, status=429,
                                json_dumps_params={"ensure_ascii": False})
    else:
        from django.template.loader import render_to_string

        response = HttpResponse(render_to_string("measures/error.html", {
            "title": gettext("请求过于频繁"), "message": message}), status=429)
    response["Retry-After"] = str(max(retry_after, 1))
    return response


def ratelimit(scope: str, *, methods=("GET", "HEAD", "POST"), json: bool = False):
    """View decorator: refuse (HTTP 429, Retry-After) a client's requests of
    `methods` beyond the scope's rate."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                allowed, wait = hit(scope, request)
                if not allowed:
                    return too_many_requests(wait, json=json)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class LoginThrottleMiddleware:
    """At most RATELIMITS["login"] login attempts per client address, whatever
    the usernames tried (the axes lockout counts per address *and* username,
    so that one guesser cannot lock every editor out)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info.rstrip("/").endswith("/admin/login"):
            allowed, wait = hit("login", request)
            if not allowed:
                return too_many_requests(wait)
        return self.get_response(request)
