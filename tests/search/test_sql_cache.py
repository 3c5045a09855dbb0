"""engine._rows compiles each shape of read once (SQL_CACHE): the SQL and parameters it gives
are those the ORM compiles for the call."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures.models import Measure, Theme
from measures.search import engine
from measures.search.index import update_search_vectors
from measures.selectors import measure_search

pytestmark = pytest.mark.django_db

SEARCHES = [
    {"q": "纠纷调解"},
    {"q": "纠纷调解", "theme": "judicial"},
    {"q": "纠纷调解", "year_from": "2024"},
    {"q": "纠纷 调解", "theme": "judicial", "year_to": "2023"},
    {"q": '"纠纷调解" OR 人民', "fuzzy": "1"},
    {"q": "调解 NOT 人民"},
    {"q": "标题:调解"},
    {"q": "调解", "unit": "1"},
    {"q": "文号:1 调解"},
]


@pytest.fixture
def big(make_document):
    judicial, _ = Theme.objects.get_or_create(code="judicial", defaults={"name": "司法保护"})
    docs = [make_document(), make_document()]
    rows = [Measure(document=docs[i % 2], ordinal=i // 2 + 1, label=str(i),
                    text=("开展纠纷调解工作" if i % 4 else "化解纠纷,推进人民调解") + f"(第{i}条)") for i in range(600)]
    ms = Measure.objects.bulk_create(rows)
    judicial.measures.add(*[m for i, m in enumerate(ms) if i % 3 == 0])
    update_search_vectors([m.pk for m in ms])


def _statements(params):
    with CaptureQueriesContext(connection) as ctx:
        result = measure_search(params=params)
    return [q["sql"] for q in ctx.captured_queries if "c.part" in q["sql"]], result


@pytest.mark.parametrize("limits", [(10000, 3000, 500), (200, 400, 500), (200, 400, 50), (60, 100, 20)])
def test_the_cached_reads_are_the_compiled_reads(big, monkeypatch, limits):
    monkeypatch.setattr(engine, "EXACT_LIMIT", limits[0])
    monkeypatch.setattr(engine, "SAMPLE_TARGET", limits[1])
    monkeypatch.setattr(engine, "BASE_TARGET", limits[1])
    monkeypatch.setattr(engine, "RANK_TARGET", limits[2])   # a sample ranks its first slices only
    for params in SEARCHES:
        monkeypatch.setattr(engine, "SQL_CACHE", False)
        plain, plain_result = _statements(params)
        monkeypatch.setattr(engine, "SQL_CACHE", True)
        engine._SQL_CACHE.clear()
        for _ in range(2):   # the second time from the cache
            with_cache, result = _statements(params)
            assert with_cache == plain and plain, params
            assert result.count == plain_result.count and result.facets == plain_result.facets
    # and call by call: the same SQL and parameters as the ORM compiles
    rows, original, calls = engine._rows_sql, engine._rows, []

    def check(queryset, **kwargs):
        got = original(queryset, **kwargs)
        sql, params = rows(queryset, **kwargs)
        assert got[0] == sql and [(type(p), p) for p in got[1]] == [(type(p), p) for p in params], kwargs
        calls.append(kwargs)
        return got

    monkeypatch.setattr(engine, "_rows", check)
    for params in SEARCHES:
        measure_search(params=params)
    assert len(calls) >= len(SEARCHES) and engine._SQL_CACHE
    if limits[2] < 500:
        assert any(kwargs.get("ranked_below") for kwargs in calls)
