"""No N+1 queries: every page issues the same number of queries whatever the
number of rows (checked with 2 and with 9 measures per document)."""
import pytest

from measures.models import ResponsibleUnit

# url builder -> exact number of queries (anonymous visitor, warm caches)
PAGES = {
    "home": (lambda d, u: "/", 7),
    # count, 6 facets in one statement, page + 4 prefetches, theme and IP-type labels, names
    "list": (lambda d, u: "/measures/", 10),
    # the sample-bucket probe, the verified matches with their facets counted (engine.Tally), the page
    # with its labels and units (selectors.page_rows), labels, names (tests/pages/test_search_page_queries.py:
    # the same whatever the filters)
    "search": (lambda d, u: "/measures/?q=行政裁决", 6),
    "list_filtered": (lambda d, u: "/measures/?theme=administrative&city=210100", 10),
    "measure": (lambda d, u: f"/measures/{d[0].measures.get(ordinal=2).pk}/", 10),
    # document, measure span, page of measures + 2 prefetches, targets (original files: INGEST_QUERIES)
    "document": (lambda d, u: f"/documents/{d[0].pk}/", 6),
    # count, page, provinces, issuers and types (one read of titles and issuers)
    "documents": (lambda d, u: "/documents/", 4),
    "compare": (lambda d, u: "/compare/", 4),
    "targets": (lambda d, u: "/targets/", 1),
    "units": (lambda d, u: "/units/", 3),
    "unit": (lambda d, u: f"/units/{u.pk}/", 3),
    # count, rows, 4 prefetches of labels and units, targets (readable columns)
    "export_csv": (lambda d, u: "/measures/export.csv", 7),
    "export_json": (lambda d, u: "/measures/export.json", 7),
    # the other lists' exports (measures.views_exports)
    "documents_csv": (lambda d, u: "/documents/export.csv", 2),
    "targets_json": (lambda d, u: "/targets/export.json", 1),
    "units_csv": (lambda d, u: "/units/export.csv", 3),
}


# Added by how policy spreads (measures.selectors_diffusion): the timeline above the
# measure list and on a unit page (1 GROUP BY each, kept with the search cache),
# a document's citations both ways (1) and its draft or final version (1), the
# most cited documents on the home page (1 while nothing is cited, 2 after).
DIFFUSION_QUERIES = {"list": 1, "search": 1, "list_filtered": 1, "unit": 1, "document": 2, "home": 1}

# Added by provenance (measures.ingest): a document's original files, for 原文下载 (1).
INGEST_QUERIES = {"document": 1}


@pytest.mark.parametrize("size", [2, 9])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_query_count_does_not_grow_with_rows(client, build_corpus, django_assert_num_queries, page, size):
    docs = build_corpus(size)
    unit = ResponsibleUnit.objects.get(name="市场监管局", region_id=210100)
    make_url, expected = PAGES[page]
    expected += INGEST_QUERIES.get(page, 0)
    expected += DIFFUSION_QUERIES.get(page, 0)
    url = make_url(docs, unit)
    client.get(url)  # warm per-process caches (synonyms, tokenizer)
    with django_assert_num_queries(expected):
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200


# The same pages with the search cache on (SEARCH_CACHE_SECONDS): a repeated
# search costs only its page of rows.
CACHED_PAGES = {
    "search": (lambda d, u: "/measures/?q=行政裁决", 2),          # page (selectors.page_rows) + names
    "search_page_2": (lambda d, u: "/measures/?q=行政裁决&page_size=2&page=2", 2),
    "list": (lambda d, u: "/measures/", 6),                      # page + 4 prefetches + names
    "list_filtered": (lambda d, u: "/measures/?theme=administrative&city=210100", 6),
    "api_search": (lambda d, u: "/api/measures/?q=行政裁决", 1),
}


@pytest.mark.parametrize("size", [2, 9])
@pytest.mark.parametrize("page", sorted(CACHED_PAGES))
def test_cached_search_pages_issue_a_fixed_small_number_of_queries(client, build_corpus, django_assert_num_queries,
                                                                   settings, page, size):
    settings.SEARCH_CACHE_SECONDS = 30
    docs = build_corpus(size)
    make_url, expected = CACHED_PAGES[page]
    url = make_url(docs, None)
    first = client.get(url)
    # another query string for the same search (an ignored parameter): not the same
    # page for measures.pagecache, the same candidates and facets for the search cache
    other = url + ("&" if "?" in url else "?") + "utm_source=x"
    with django_assert_num_queries(expected):
        response = client.get(other)
    assert response.status_code == 200
    assert response.content == first.content     # the same answer, from the cache


def test_an_edit_drops_the_cached_search(client, build_corpus, settings):
    from measures.models import Measure, Theme

    settings.SEARCH_CACHE_SECONDS = 30
    build_corpus(2)
    before = client.get("/api/measures/", {"theme": "finance"}).json()["count"]
    m = Measure.objects.filter(text__contains="行政裁决").first()
    m.themes.add(Theme.objects.get(code="finance"))          # an editor's change in this process
    assert client.get("/api/measures/", {"theme": "finance"}).json()["count"] == before + 1


def test_cached_facet_panel_follows_an_edit(client, build_corpus, settings):
    """The rendered facet panel is cached with the counts it shows, and dropped with them."""
    import re

    from measures.models import Measure, Theme

    settings.SEARCH_CACHE_SECONDS = 30
    build_corpus(2)

    def theme_count():
        html = client.get("/measures/").content.decode()
        found = re.search(r'value="administrative".*?<span class="count"[^>]*>(\d+)<', html, re.S)
        return int(found.group(1))

    before = theme_count()
    assert theme_count() == before
    m = Measure.objects.exclude(themes__code="administrative").first()
    m.themes.add(Theme.objects.get(code="administrative"))
    assert theme_count() == before + 1
