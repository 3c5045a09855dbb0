"""Admin login is rate-limited by django-axes; production cookies are secure."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


def attempt(client, password):
    return client.post(LOGIN, {"username": "bob", "password": password, "next": "/admin/"})


def logged_in(client):
    return "_auth_user_id" in client.session


def test_failure_limit_is_five():
    assert settings.AXES_FAILURE_LIMIT == 5


def test_sixth_attempt_is_refused_even_with_the_right_password(client, superuser):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = attempt(client, "wrong-password")
        assert not logged_in(client)
    response = attempt(client, "bob-pass-123")
    assert response.status_code == 429
    assert "锁定" in response.content.decode()
    assert not logged_in(client)
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_right_password_after_fewer_failures_logs_in(client, superuser):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "wrong-password")
    response = attempt(client, "bob-pass-123")
    assert response.status_code == 302
    assert logged_in(client)


def test_lockout_is_per_address_not_per_username(client, superuser, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "nobody", "password": "x", "next": "/admin/"})
    response = client.post(LOGIN, {"username": "alice", "password": "alice-pass-123", "next": "/admin/"})
    assert response.status_code == 429 and not logged_in(client)


ROOT = Path(__file__).resolve().parents[2]
PROBE = ("import json, django; from django.conf import settings; "
         "print(json.dumps({k: getattr(settings, k) for k in ['DEBUG', 'SESSION_COOKIE_SECURE', "
         "'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'AXES_FAILURE_LIMIT']}))")


def settings_with(**env):
    environ = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "SECURE_COOKIES"}}
    environ.update(env, DJANGO_SETTINGS_MODULE="portal.settings")
    proc = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=environ, capture_output=True, text=True,
                          timeout=120)
    return proc


def test_production_settings_make_cookies_secure():
    proc = settings_with(DEBUG="0", SECRET_KEY="test-secret-key-for-settings-probe")
    assert proc.returncode == 0, proc.stderr
    values = json.loads(proc.stdout.strip().splitlines()[-1])
    assert values == {"DEBUG": False, "SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True,
                      "SESSION_COOKIE_HTTPONLY": True, "AXES_FAILURE_LIMIT": 5}


def test_local_settings_do_not_require_https_cookies():
    proc = settings_with(DEBUG="1")
    assert proc.returncode == 0, proc.stderr
    values = json.loads(proc.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is True and values["SESSION_COOKIE_SECURE"] is False


def test_production_refuses_to_start_without_a_secret_key():
    proc = settings_with(DEBUG="0")
    assert proc.returncode != 0 and "SECRET_KEY" in proc.stderr
