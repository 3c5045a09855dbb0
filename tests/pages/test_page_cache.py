"""Anonymous visitors' repeated GETs of the read-only pages are served from a
brief per-worker cache (measures.pagecache); editors never are, and an edit
drops it."""
import pytest


@pytest.fixture
def cached(settings, build_corpus):
    settings.SEARCH_CACHE_SECONDS = 30
    return build_corpus(2)


@pytest.mark.parametrize("url", ["/", "/measures/?q=行政裁决", "/measures/?theme=administrative", "/compare/",
                                 "/targets/", "/api/measures/?q=行政裁决"])
def test_a_repeated_anonymous_get_costs_no_query(client, cached, django_assert_num_queries, url):
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.status_code == 200 and again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert "Content-Security-Policy" in again                # middleware still runs


def test_a_bad_parameter_notice_is_not_served_for_the_clean_url(client, cached):
    assert "已忽略" in client.get("/measures/?unit=²").content.decode()
    assert "已忽略" not in client.get("/measures/").content.decode()


def test_editors_are_never_served_from_the_cache(client, cached, editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/measures/?q=行政裁决")                      # cached for anonymous visitors
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/measures/?q=行政裁决")
    assert response.status_code == 200 and len(queries) > 0


def test_an_edit_drops_the_cached_pages(client, cached):
    from measures.models import Measure, Theme

    def finance_count():
        return client.get("/api/measures/", {"theme": "finance"}).json()["count"]

    before = finance_count()
    m = Measure.objects.exclude(themes__code="finance").first()
    m.themes.add(Theme.objects.get(code="finance"))
    assert finance_count() == before + 1


def test_the_cache_is_off_with_zero_seconds(client, build_corpus, settings, django_assert_num_queries):
    settings.SEARCH_CACHE_SECONDS = 0
    build_corpus(2)
    client.get("/compare/")
    with django_assert_num_queries(4):
        client.get("/compare/")
