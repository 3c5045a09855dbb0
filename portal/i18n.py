"""The interface language (issue 15): Simplified Chinese by default, English on request.

The portal opens in Chinese whatever the browser's Accept-Language says (its data
is Chinese; a visitor picks English with the switch on every page). The switch is
a plain link with ?lang=en or ?lang=zh-hans: LanguageMiddleware keeps the choice
in the language cookie and redirects to the same URL without the parameter, so
that no view ever sees it (exports refuse unknown parameters) and every page is
one URL in both languages. Data stays as written; only the interface changes.
"""
from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers

PARAM = "lang"


def supported(code) -> str | None:
    """The LANGUAGES code matching `code` (case-insensitive; zh, zh-cn → zh-hans), or None."""
    if not code:
        return None
    code = str(code).strip().lower().replace("_", "-")[:20]
    codes = {c.lower(): c for c, _ in settings.LANGUAGES}
    if code in codes:
        return codes[code]
    if code in ("zh", "zh-cn", "zh-sg", "zh-hans-cn"):
        return settings.LANGUAGE_CODE
    if code.startswith("en"):
        return "en" if "en" in codes else None
    return None


class LanguageMiddleware:
    """Activate the visitor's interface language (cookie, else LANGUAGE_CODE);
    ?lang=… sets the cookie and redirects to the URL without it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if PARAM in request.GET and request.method in ("GET", "HEAD"):
            return self._switch(request)
        language = supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response

    def _switch(self, request):
        language = supported(request.GET.get(PARAM))
        query = request.GET.copy()
        query.pop(PARAM, None)
        encoded = query.urlencode()
        response = HttpResponseRedirect(request.path + ("?" + encoded if encoded else ""))
        if language:
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE or
                                365 * 24 * 3600, path=settings.LANGUAGE_COOKIE_PATH, samesite="Lax",
                                secure=getattr(settings, "SESSION_COOKIE_SECURE", False), httponly=True)
        return response


def switch_url(request, language: str) -> str:
    """The current page's URL with ?lang=<language> (what the switch links to)."""
    if request is None:
        return f"/?{PARAM}={language}"
    query = request.GET.copy()
    query.pop(PARAM, None)
    query[PARAM] = language
    return f"{request.path}?{query.urlencode()}"
