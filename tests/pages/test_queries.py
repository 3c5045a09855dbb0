"""No N+1 queries: every page issues the same number of queries whatever the
number of rows (checked with 2 and with 9 measures per document)."""
import pytest

from measures.models import ResponsibleUnit

# url builder -> exact number of queries (anonymous visitor, warm caches)
PAGES = {
    "home": (lambda d, u: "/", 7),
    "list": (lambda d, u: "/measures/", 14),
    "search": (lambda d, u: "/measures/?q=行政裁决", 14),
    "list_filtered": (lambda d, u: "/measures/?theme=administrative&city=210100", 16),
    "measure": (lambda d, u: f"/measures/{d[0].measures.get(ordinal=2).pk}/", 10),
    "document": (lambda d, u: f"/documents/{d[0].pk}/", 6),
    "documents": (lambda d, u: "/documents/", 3),
    "compare": (lambda d, u: "/compare/", 4),
    "targets": (lambda d, u: "/targets/", 1),
    "units": (lambda d, u: "/units/", 3),
    "unit": (lambda d, u: f"/units/{u.pk}/", 3),
    "export_csv": (lambda d, u: "/measures/export.csv", 6),
    "export_json": (lambda d, u: "/measures/export.json", 6),
}


@pytest.mark.parametrize("size", [2, 9])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_query_count_does_not_grow_with_rows(client, build_corpus, django_assert_num_queries, page, size):
    docs = build_corpus(size)
    unit = ResponsibleUnit.objects.get(name="市场监管局", region_id=210100)
    make_url, expected = PAGES[page]
    url = make_url(docs, unit)
    client.get(url)  # warm per-process caches (synonyms, tokenizer)
    with django_assert_num_queries(expected):
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
