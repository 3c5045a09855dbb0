"""selectors.page_rows: a text search's page of measures with their themes, IP types and unit links
(with their units) read in one statement, the same objects and order as the prefetches of
MeasureQuerySet.for_listing."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures import selectors
from measures.models import Measure
from measures.selectors import LISTING_DEFERRED, measure_search

pytestmark = pytest.mark.django_db


def shown(m):
    doc = m.document
    return (m.pk, m.title, m.text, doc.title, doc.city.name if doc.city_id else None,
            doc.province.name if doc.province_id else None,
            [(t.pk, t.code, t.name, t.keywords, t.order) for t in m.themes.all()],
            [(t.pk, t.code, t.name) for t in m.ip_types.all()],
            [(link.pk, link.role, link.position, link.unit.pk, link.unit.name, link.unit.canonical_id,
              link.measure_id, link.measure is m) for link in m.unit_links.all()])


@pytest.mark.parametrize("sort", ["relevance", "date", "specificity"])
def test_the_page_rows_are_those_of_the_prefetches_in_one_statement(build_corpus, sort):
    build_corpus(4)
    result = measure_search(params={"q": "行政裁决 OR 知识产权", "sort": sort, "page_size": "3", "page": "2"})
    rows = result.page.object_list
    assert isinstance(rows, list) and len(rows) == 3
    assert any(len(m.unit_links.all()) > 1 for m in rows) and any(m.themes.all() for m in rows)
    with CaptureQueriesContext(connection) as ctx:
        got = [shown(m) for m in rows]
    assert not ctx.captured_queries   # everything a row shows came with it
    ids = [m.pk for m in rows]
    expected = {m.pk: shown(m) for m in Measure.objects.filter(pk__in=ids).for_listing().defer(*LISTING_DEFERRED)}
    assert got == [expected[pk] for pk in ids]
    # the page is the one the queryset of the results gives (its order, its slice)
    assert ids == [m.pk for m in result.queryset[3:6]]


def test_page_rows_reads_one_statement(build_corpus):
    build_corpus(3)
    ids = list(Measure.objects.values_list("pk", flat=True)[:5])
    with CaptureQueriesContext(connection) as ctx:
        rows = selectors.page_rows(Measure.objects.filter(pk__in=ids).order_by("pk")[1:4])
        [shown(m) for m in rows]
    assert len(ctx.captured_queries) == 1 and [m.pk for m in rows] == sorted(ids)[1:4]


def test_the_relevance_page_reads_its_rows_through_sql_compiled_once(build_corpus, monkeypatch):
    """selectors.page_rows_by_id (the relevance page's ids): the statement is compiled once a thread and
    run again with other ids; the same measures, documents, places and related rows as page_rows, in one
    statement, each time read afresh."""
    build_corpus(4)
    ids = list(Measure.objects.order_by("-pk").values_list("pk", flat=True)[:6])
    selectors.page_rows_by_id(ids[:1])   # compiled (or already)

    def compiled(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(selectors, "_page_queryset", compiled)
    with CaptureQueriesContext(connection) as ctx:
        got = {m.pk: shown(m) for m in selectors.page_rows_by_id(ids)}
        assert len(ctx.captured_queries) == 1
        [m.document.published_date for m in selectors.page_rows_by_id(ids)]
    assert len(ctx.captured_queries) == 2 and selectors.page_rows_by_id([]) == []
    monkeypatch.undo()
    expected = {m.pk: shown(m) for m in selectors.page_rows(Measure.objects.filter(pk__in=ids).defer(*LISTING_DEFERRED))}
    assert got == expected and set(got) == set(ids)
    [m] = selectors.page_rows_by_id(ids[:1])
    assert m.get_deferred_fields() >= {"search_vector", "facet_vector", "parsed"}
    m.title = "改过的标题"
    m.save(update_fields=["title"])
    assert selectors.page_rows_by_id(ids[:1])[0].title == "改过的标题"
