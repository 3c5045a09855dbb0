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


def test_lockout_is_per_address_and_username(client, superuser, editor):
    """A guesser hammering one account does not lock the other editors out."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "bob", "password": "x", "next": "/admin/"})
    assert attempt(client, "bob-pass-123").status_code == 429
    client.logout()
    response = client.post(LOGIN, {"username": "alice", "password": "alice-pass-123", "next": "/admin/"})
    assert response.status_code == 302 and logged_in(client)


def test_attempts_per_address_are_capped_whatever_the_username(client, superuser, settings):
    settings.RATELIMITS = {**settings.RATELIMITS, "login": "8/900"}
    for i in range(8):
        assert client.post(LOGIN, {"username": f"user{i}", "password": "x"}).status_code == 200
    response = attempt(client, "bob-pass-123")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert not logged_in(client)


def test_behind_a_proxy_the_lockout_keys_on_the_forwarded_address(client, superuser, settings):
    """With TRUSTED_PROXY_COUNT=1 every request comes from the proxy's address;
    the client is the last X-Forwarded-For entry (the one the proxy appended)."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "bob", "password": "x"}, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    locked = client.post(LOGIN, {"username": "bob", "password": "bob-pass-123"},
                         HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert locked.status_code == 429
    # the same account from another client behind the same proxy still logs in;
    # a spoofed left-most entry does not change who the client is
    ok = client.post(LOGIN, {"username": "bob", "password": "bob-pass-123", "next": "/admin/"},
                     HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.9", **proxy)
    assert ok.status_code == 302 and logged_in(client)


def test_client_ip_trusts_only_the_configured_number_of_proxies(rf, settings):
    from portal.security import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.9, 10.0.0.1")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"      # X-Forwarded-For ignored: anyone can send it
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request) == "203.0.113.9"
    settings.TRUSTED_PROXY_COUNT = 5             # fewer entries than proxies: the direct peer
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="not-an-ip")) == "10.0.0.2"


ROOT = Path(__file__).resolve().parents[2]
PROBE = ("import json, django; from django.conf import settings; "
         "print(json.dumps({k: getattr(settings, k) for k in ['DEBUG', 'SESSION_COOKIE_SECURE', "
         "'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'AXES_FAILURE_LIMIT']}))")


STRONG_KEY = "k9Vq2xZt7Lw4Rb8Nc1Hs5Pj3Gd6Fy0Ma-Ue_Ti2Oo8Kk4Qq7Ww1Ee5Rr9Yy3Uu"

SECRET_PROBE = "from django.conf import settings; print(len(settings.SECRET_KEY))"


def settings_with(probe=PROBE, **env):
    environ = {k: v for k, v in os.environ.items()
               if k not in {"DEBUG", "SECRET_KEY", "SECRET_KEY_FILE", "SECURE_COOKIES", "HTTPS"}}
    environ.update(env, DJANGO_SETTINGS_MODULE="portal.settings")
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=environ, capture_output=True, text=True,
                          timeout=120)
    return proc


def test_production_settings_make_cookies_secure():
    proc = settings_with(DEBUG="0", SECRET_KEY=STRONG_KEY)
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


@pytest.mark.parametrize("key", ["change-me-in-production-please", "dev-only-insecure-key-change-me",
                                 "django-insecure-" + "x1y2z3" * 10, "short-but-random-Zx81",
                                 "a" * 80, "please-change-me-" + "q" * 50])
def test_production_refuses_known_or_weak_secret_keys(key):
    proc = settings_with(probe=SECRET_PROBE, DEBUG="0", SECRET_KEY=key)
    assert proc.returncode != 0 and "SECRET_KEY" in proc.stderr


def test_secret_key_can_come_from_a_file(tmp_path):
    path = tmp_path / "secret_key"
    path.write_text(STRONG_KEY + "\n")
    proc = settings_with(probe=SECRET_PROBE, DEBUG="0", SECRET_KEY_FILE=str(path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(len(STRONG_KEY))


def test_local_runs_keep_working_without_a_key():
    proc = settings_with(probe=SECRET_PROBE, DEBUG="1")
    assert proc.returncode == 0, proc.stderr


def test_container_entrypoint_generates_a_key_once_and_keeps_it(tmp_path):
    """docker-compose gives no SECRET_KEY: the entrypoint makes one in the volume and reuses it."""
    path = tmp_path / "volume" / "secret_key"
    environ = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "SECRET_KEY_FILE"}}
    environ.update(SECRET_KEY_FILE=str(path), DEBUG="0", PATH=f"{Path(sys.executable).parent}:{environ['PATH']}")
    check = [sys.executable, "-c", "import os; print(open(os.environ['SECRET_KEY_FILE']).read().strip())"]
    first = subprocess.run(["sh", str(ROOT / "bin/docker-entrypoint.sh"), *check], env=environ,
                           capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    key = path.read_text().strip()
    assert len(key) >= 50 and oct(path.stat().st_mode & 0o777) == "0o600"
    second = subprocess.run(["sh", str(ROOT / "bin/docker-entrypoint.sh"), *check], env=environ,
                            capture_output=True, text=True, timeout=60)
    assert second.returncode == 0 and path.read_text().strip() == key
    # and the settings accept it
    assert settings_with(probe=SECRET_PROBE, DEBUG="0", SECRET_KEY_FILE=str(path)).returncode == 0


def test_compose_file_has_no_fallback_secret_key():
    compose = (ROOT / "docker-compose.yml").read_text()
    assert "change-me" not in compose and "SECRET_KEY: ${SECRET_KEY:-}" in compose
