"""A text search's tallied statements are planned with enable_sort off (engine.HASH_GROUPS), set and reset
in the same query string: the facet lexemes are grouped by hashing, the session's setting is left as it
was (after an error too), and the results are those of the statement planned as before."""
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from measures.search import engine
from measures.selectors import measure_search

from .test_facets import world  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

SEARCHES = [{"q": "调解"}, {"q": "调解", "theme": "judicial"}, {"q": "专利 OR 调解", "province": "湖北省"},
            {"q": "调解", "year_from": "2023"}]


def enable_sort():
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_sort")
        return cursor.fetchone()[0]


def answer(params):
    r = measure_search(params=params)
    return r.count, [m.pk for m in r.page.object_list], r.facets


@pytest.mark.parametrize("params", SEARCHES)
def test_the_tallied_statements_are_planned_without_sorts_and_answer_the_same(world, params, monkeypatch):  # noqa: F811
    with CaptureQueriesContext(connection) as ctx:
        hashed = answer(params)
    tallied = [q["sql"] for q in ctx.captured_queries if "lx AS MATERIALIZED" in q["sql"]]
    assert tallied and all(q.startswith("SET enable_sort = off; WITH ") and q.endswith("; RESET enable_sort")
                           for q in tallied)
    assert enable_sort() == "on"
    monkeypatch.setattr(engine, "HASH_GROUPS", False)
    with CaptureQueriesContext(connection) as ctx:
        assert answer(params) == hashed
    assert not any("enable_sort" in q["sql"] for q in ctx.captured_queries)


def test_a_statement_that_fails_leaves_the_setting_as_it_was(world, monkeypatch):  # noqa: F811
    monkeypatch.setattr(engine, "rank_sql", lambda pq, vector: ("(1 / 0)::float8", []))
    with pytest.raises(Exception, match="division by zero"), transaction.atomic():
        measure_search(params={"q": "调解"})
    assert enable_sort() == "on"
    monkeypatch.undo()
    assert answer({"q": "调解"})[0] == 4 and enable_sort() == "on"
