"""Database faults: /healthz says when the database is down, and a kept
connection that died (PostgreSQL restarted) never turns a request into a 500."""
import io
import sys

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connection
from django.test import RequestFactory


# transactional_db empties every table afterwards: the session's reference data is put back
pytestmark = pytest.mark.usefixtures("module_reference_data")


def wsgi_get(path: str) -> tuple[int, bytes]:
    """A request through the real WSGI handler: unlike the test client, it runs
    Django's request_started handling of old and broken connections."""
    environ = RequestFactory().get(path).environ
    environ.update({"wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr, "wsgi.url_scheme": "http",
                    "SERVER_NAME": "testserver", "SERVER_PORT": "80"})
    status = []
    body = WSGIHandler()(environ, lambda s, headers, exc_info=None: status.append(s))
    content = b"".join(body)
    if hasattr(body, "close"):
        body.close()
    return int(status[0].split()[0]), content


def test_healthz_is_503_with_a_short_body_when_the_database_is_down(client, db, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patched:  # undone before the test database is torn down
        patched.setattr(connection, "cursor", down)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database unavailable"
    assert response["Content-Type"].startswith("text/plain")


def test_a_kept_connection_that_died_is_replaced_before_the_next_request(transactional_db, settings):
    """After a database restart every kept connection is dead: the next request opens a new one."""
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"]
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0
    status, body = wsgi_get("/healthz")
    assert (status, body) == (200, b"ok")
    connection.ensure_connection()
    with connection.cursor() as cur:
        cur.execute("SELECT pg_backend_pid()")
        (pid,) = cur.fetchone()
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params.pop("prepare_threshold", None)
    params.pop("server_side_binding", None)
    with psycopg.connect(autocommit=True, **{k: v for k, v in params.items() if k != "options"}) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    status, body = wsgi_get("/healthz")
    assert (status, body) == (200, b"ok")
    status, _ = wsgi_get("/documents/")
    assert status == 200
