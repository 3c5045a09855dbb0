"""The database is real PostgreSQL with a UTF-8 ctype and pg_trgm, never SQLite."""
import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_postgres_with_utf8_ctype():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cur:
        cur.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
        (ctype,) = cur.fetchone()
    assert "UTF" in ctype.upper().replace("-", "")


def test_pg_trgm_sees_cjk_characters():
    with connection.cursor() as cur:
        cur.execute("SELECT similarity('知识产权保护', '知识产权')")
        (sim,) = cur.fetchone()
    assert sim > 0.3


def test_embedded_server_is_used_without_database_url(settings):
    import os

    if os.environ.get("DATABASE_URL"):
        pytest.skip("DATABASE_URL points to an external server")
    assert settings.DATABASES["default"]["ENGINE"] == "portal.embedded_pg"
    assert connection.get_connection_params()["host"]
