"""Settings for the IP-measures portal: one module, driven by the environment.

Environment variables (all optional for local use):
  DATABASE_URL   external PostgreSQL; without it an embedded server starts in .pgdata/
  SECRET_KEY     required when DEBUG is off, at least 50 characters, not a published placeholder
  SECRET_KEY_FILE  a file holding the secret key (docker-compose generates one into a volume)
  DEBUG          "1"/"0" (default 1 for local runs; docker-compose sets 0)
  ALLOWED_HOSTS  comma-separated (default 127.0.0.1,localhost)
  PORTAL_DATA_DIR  where the embedded database and caches live (default: project dir)
  PORTAL_DB_NAME database name on the embedded server (default portal; benchmarks use their own)
  TRUSTED_PROXY_COUNT  reverse proxies in front of the portal that append to X-Forwarded-For (default 0)
  HTTPS          "1" when the portal is served over TLS: HSTS, secure cookies, http -> https redirect
  RATELIMIT_EXPORT, RATELIMIT_REPORT, RATELIMIT_LOGIN  "N/SECONDS" per client (see RATELIMITS below)
"""
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or ""
if not SECRET_KEY and os.environ.get("SECRET_KEY_FILE"):
    SECRET_KEY = Path(os.environ["SECRET_KEY_FILE"]).read_text(encoding="utf-8").strip()
if not DEBUG:
    from portal.secret_key import weak_secret_key

    _why = weak_secret_key(SECRET_KEY)
    if _why:
        raise RuntimeError(f"{_why}: set SECRET_KEY (or SECRET_KEY_FILE) to a random value when DEBUG is off, "
                           "e.g. python3 -c 'import secrets; print(secrets.token_urlsafe(50))'")
elif not SECRET_KEY:
    SECRET_KEY = "dev-only-insecure-key-change-me"

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

DATA_DIR = Path(os.environ.get("PORTAL_DATA_DIR", BASE_DIR))
CACHE_DIR = DATA_DIR / ".cache"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    "measures",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.i18n.LanguageMiddleware",   # the interface language: zh-hans unless the visitor chose English
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "portal.security.LoginThrottleMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# --- Database: PostgreSQL always. ---------------------------------------------
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "portal.embedded_pg",
            "NAME": "portal",
            "OPTIONS_EMBEDDED_DATADIR": DATA_DIR / ".pgdata",
            "CONN_MAX_AGE": 60,
        }
    }
if os.environ.get("PORTAL_DB_NAME"):
    DATABASES["default"]["NAME"] = os.environ["PORTAL_DB_NAME"]
# A kept connection that died (database restarted) is replaced before a request uses it.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"  # JIT only slows short search queries
# Test databases get a per-process name so that parallel runs never collide.
DATABASES["default"].setdefault("TEST", {})["NAME"] = f"test_portal_{os.getpid()}"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_RESET_ON_SUCCESS = True
# Lock out an (address, username) pair: a guesser at one address cannot lock
# every editor out (nor editors behind one office NAT each other). Attempts
# per address, whatever the username, are capped by RATELIMITS["login"].
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
# The client's address as portal.security.client_ip resolves it: REMOTE_ADDR,
# or the address TRUSTED_PROXY_COUNT reverse proxies put in X-Forwarded-For.
AXES_CLIENT_IP_CALLABLE = "portal.security.client_ip"
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0") or 0)
AXES_LOCKOUT_CALLABLE = "measures.admin.lockout_response"  # Chinese lockout page, HTTP 429

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# Interface languages: Simplified Chinese (the default) and English; data stays as
# written. The portal's catalogues are in locale/ (the compiled .mo files are
# committed; `manage.py compile_translations` rebuilds them without gettext).
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- Caches and rate limits -------------------------------------------------------
# "default": per process, for short-lived read caches (facet counts, reference
# lists). "ratelimit": shared by every worker on the machine (files under the
# data directory), counts of requests per client and scope.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal-default"},
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("RATELIMIT_CACHE_DIR", str(CACHE_DIR / "ratelimit")),
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}
# Seconds a worker keeps a search's candidates, count and facet counts
# (measures.selectors.cached; an edit in the same worker drops them at once).
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "30"))
# scope -> "N/SECONDS": at most N requests per client address in SECONDS.
RATELIMITS = {
    "export": os.environ.get("RATELIMIT_EXPORT", "10/60"),    # CSV/JSON exports
    "report": os.environ.get("RATELIMIT_REPORT", "5/600"),    # POSTs of the error-report form
    "login": os.environ.get("RATELIMIT_LOGIN", "30/900"),     # admin login POSTs, any username
}

# --- Content-Security-Policy (django-csp): no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Served over TLS (HTTPS=1; with DEBUG off the default unless SECURE_COOKIES=0):
# HSTS on https responses, cookies only over https. Behind a TLS-terminating
# proxy, set TRUSTED_PROXY_COUNT so that its X-Forwarded-Proto is believed.
HTTPS = env_bool("HTTPS", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if TRUSTED_PROXY_COUNT > 0:
    # Only a trusted proxy may say that the original request was https.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Production hardening (DEBUG off, as in docker-compose).
if not DEBUG:
    HTTPS = env_bool("HTTPS", env_bool("SECURE_COOKIES", True))
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", HTTPS)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", HTTPS)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    CSRF_COOKIE_SAMESITE = "Lax"
if HTTPS:
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", False)
    # Off unless asked: behind a TLS proxy that is not trusted (TRUSTED_PROXY_COUNT=0)
    # every request looks like plain http and the redirect would loop.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]   # container health checks speak plain http
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True

# Where the seed corpus and the data fixtures live.
FIXTURES_DIR = BASE_DIR / "fixtures"
CORPUS_DIR = FIXTURES_DIR / "corpus"

# Documents as governments publish them (measures.ingest): the admin's uploads and the pages
# fetched from official sites. Fetching reaches public addresses only; INGEST_ALLOW_LOOPBACK
# lets the tests' local site on 127.0.0.1 through and is never set in production.
INGEST_MAX_UPLOAD_BYTES = int(os.environ.get("INGEST_MAX_UPLOAD_MB", "20")) * 1024 * 1024
INGEST_MAX_FETCH_BYTES = int(os.environ.get("INGEST_MAX_FETCH_MB", "20")) * 1024 * 1024
INGEST_FETCH_TIMEOUT = float(os.environ.get("INGEST_FETCH_TIMEOUT", "15"))
INGEST_MAX_ATTACHMENTS = 10
INGEST_ALLOW_LOOPBACK = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "pgserver": {"handlers": ["console"], "level": "WARNING"},
        "jieba": {"handlers": ["console"], "level": "WARNING"},
    },
}
