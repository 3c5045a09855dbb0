"""Shared fixtures: reference data and named personas (healthchecks-style).

Personas: `alice` is an editor (staff, in the 编辑 group), `bob` a superuser,
`visitor` the anonymous client.
"""
import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Seed the reference data once per test database (regions, themes, ...)."""
    _reseed(django_db_blocker)


def _reseed(django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_reference", verbosity=0)
        call_command("ensure_groups", verbosity=0)


@pytest.fixture(scope="module")
def module_reference_data(django_db_setup, django_db_blocker):
    """For modules of transactional or live-server tests: after the module, the reference data
    their flushes emptied is seeded again (pytestmark = pytest.mark.usefixtures(...))."""
    yield
    _reseed(django_db_blocker)


@pytest.fixture
def committed_reference_data(django_db_blocker):
    """For transactional tests, which empty every table afterwards: the reference data is put
    back. Request it before transactional_db so that it runs after that fixture's flush."""
    yield
    _reseed(django_db_blocker)


@pytest.fixture
def editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("alice", "alice@example.invalid", "alice-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name="编辑"))
    return user


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("bob", "bob@example.invalid", "bob-pass-123")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def make_document(db):
    """Create a Document with sensible defaults; keyword arguments override."""
    from measures.models import Document

    counter = {"n": 0}

    def make(**kwargs):
        counter["n"] += 1
        n = counter["n"]
        values = {"source": f"doc{n}.txt", "content_hash": f"hash{n}", "raw_text": "原文", "title": f"文件{n}"}
        values.update(kwargs)
        return Document.objects.create(**values)

    return make


@pytest.fixture
def corpus(db):
    """The seed corpus imported through the real parser and importer."""
    from django.conf import settings

    from measures.importer import Importer

    summary = Importer().import_paths([settings.CORPUS_DIR])
    assert not summary.failed, summary.failed
    return summary


@pytest.fixture(autouse=True)
def _fresh_caches(settings):
    """Every test starts with empty caches (rate-limit counts, short-lived read
    caches), in this process only: other test runs on the machine share the
    file cache of the settings."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-default"},
        "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-ratelimit"},
    }
    # Tests change data between searches, often with bulk writes that send no
    # signals: the search cache is off unless a test turns it on.
    settings.SEARCH_CACHE_SECONDS = 0
    from django.core.cache import caches

    for alias in settings.CACHES:
        caches[alias].clear()
    # and the per-process copies of reference data (regions, synonyms,
    # dictionary): a flush by an earlier transactional test empties their tables
    from measures.search import reset_reference_caches

    reset_reference_caches()
    yield
