"""The search page runs a fixed, small number of SQL queries whatever the
filters (issue 13): the text work is two statements (the probe of sample
bucket 0, then the verified matches with every facet counted, engine.Tally;
a third only when a set the probe puts below the gate has more than
engine.EXACT_LIMIT), the page of rows one (with its labels and units:
selectors.page_rows; a list without search text: one plus four prefetches), labels two,
names of selected places, units and the document one. An active facet
filter that is no facet lexeme (unit, role, issuer, document type) adds one
statement: its facets are counted in SQL on their own (selectors._text_facets)."""
import pytest

from measures.models import ResponsibleUnit

pytestmark = pytest.mark.django_db

TEXT_QUERIES = 10    # of which the search: the probe and the verified matches with the facets (the rest is the page)
SQL_FACET_FILTERS = {"unit", "role", "issuer", "doc_type", "specificity", "undated"}   # + 1: the facet statement
PLAIN_QUERIES = 10


def filter_sets(docs, unit):
    doc = docs[0]
    return [
        {},
        {"city": "210100"},
        {"city": "沈阳市", "theme": "administrative"},
        {"province": "430000,210000", "theme": "administrative,disputes", "ip_type": "patent", "year_from": "2020"},
        {"unit": str(unit.pk), "role": "lead"},
        {"unit": str(unit.pk), "role": "lead", "city": "210100", "year_to": "2030", "has_targets": "true"},
        {"level": "city", "status": "in_force", "document": str(doc.pk)},
        {"issuer": "人民政府", "doc_type": "方案", "date_from": "2024-01-01", "date_to": "2024-12-31"},
        {"doc_number": "政发[2024]1号", "sort": "date"},
        {"fuzzy": "true", "page_size": "2", "page": "2"},
    ]


@pytest.mark.parametrize("q", ["行政裁决", "知识产权 OR 行政裁决 -假冒", "标题:措施标题", ""])
def test_search_page_queries_do_not_depend_on_the_filters(client, build_corpus, q):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    docs = build_corpus(6)
    unit = ResponsibleUnit.objects.get(name="市场监管局", region_id=210100)
    counts = {}
    for params in filter_sets(docs, unit):
        params = {"q": q, **params} if q else params
        client.get("/measures/", params)  # warm per-process caches (synonyms, tokenizer, regions)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/measures/", params)
        assert response.status_code == 200
        assert 'class="results"' in response.content.decode(), params
        counts[str(params)] = len(ctx.captured_queries) - (1 if q and SQL_FACET_FILTERS & set(params) else 0)
    assert len(set(counts.values())) == 1, counts
    assert max(counts.values()) <= (TEXT_QUERIES if q else PLAIN_QUERIES) + 3, counts   # small


def test_an_empty_result_page_runs_fewer(client, build_corpus, django_assert_max_num_queries):
    build_corpus(2)
    client.get("/measures/", {"q": "区块链"})
    with django_assert_max_num_queries(TEXT_QUERIES):
        response = client.get("/measures/", {"q": "区块链", "city": "沈阳市"})
    assert "没有找到" in response.content.decode()
