"""Hardening headers: a Content-Security-Policy without inline code, HSTS and
secure cookies over TLS."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pages(build_corpus):
    from measures.models import ResponsibleUnit

    docs = build_corpus(3)
    m = docs[0].measures.first()
    unit = ResponsibleUnit.objects.filter(canonical__isnull=True).first()
    return ["/", "/measures/", "/measures/?q=行政裁决", f"/measures/{m.pk}/", "/documents/", f"/documents/{docs[0].pk}/",
            "/compare/", "/targets/", "/units/", f"/units/{unit.pk}/", f"/report/?measure={m.pk}",
            "/admin/login/"]


def test_every_page_sends_a_strict_content_security_policy(client, pages):
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        directives = dict((d.split(" ", 1) + [""])[:2] for d in policy.split("; "))
        assert directives["script-src"] == "'self'", (url, policy)
        assert directives["style-src"] == "'self'", (url, policy)
        assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert response["X-Content-Type-Options"] == "nosniff"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE_ATTR = re.compile(r"<[^>]+\sstyle\s*=", re.I)


def test_public_pages_carry_no_inline_scripts_handlers_or_styles(client, pages):
    for url in pages:
        if url.startswith("/admin/"):
            continue
        html = client.get(url).content.decode()
        assert not INLINE_SCRIPT.search(html), url
        assert not EVENT_HANDLER.search(html), url
        assert not STYLE_ATTR.search(html), (url, STYLE_ATTR.search(html))
        assert "<style" not in html, url


def test_hsts_over_tls(client, settings, db):
    settings.SECURE_HSTS_SECONDS = 31536000
    from django.test import Client

    secure = Client().get("/healthz", secure=True)
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "Strict-Transport-Security" not in Client().get("/healthz").headers  # never over plain http


def probe(**env):
    code = ("import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k, None) for k in "
            "['SECURE_HSTS_SECONDS', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_PROXY_SSL_HEADER', "
            "'TRUSTED_PROXY_COUNT']}))")
    environ = {k: v for k, v in os.environ.items()
               if k not in {"DEBUG", "SECRET_KEY", "SECURE_COOKIES", "HTTPS", "TRUSTED_PROXY_COUNT"}}
    environ.update(env, DJANGO_SETTINGS_MODULE="portal.settings", SECRET_KEY="probe-" + "Zq7Xw3Lp9Vm2" * 5)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_production_over_tls_sends_hsts_and_secure_cookies():
    values = probe(DEBUG="0", HTTPS="1", TRUSTED_PROXY_COUNT="1")
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_plain_http_compose_default_sends_no_hsts():
    values = probe(DEBUG="0", SECURE_COOKIES="0")
    assert not values["SECURE_HSTS_SECONDS"] and not values["SESSION_COOKIE_SECURE"]
    assert values["SECURE_PROXY_SSL_HEADER"] is None   # no proxy trusted: X-Forwarded-Proto ignored
