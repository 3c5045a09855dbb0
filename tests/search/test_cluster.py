"""manage.py cluster_measures (measures.search.index.cluster_by_sample_slice): the measures table
rewritten in the order of its rows' sample slices, its temporary index dropped, and every search
answering as before (which rows a sample holds is the hash's, never the heap order)."""
import pytest
from django.core.management import call_command
from django.db import connection

from measures.models import Measure
from measures.search import engine
from measures.search.index import SLICE_INDEX, update_search_vectors
from measures.selectors import measure_search

pytestmark = pytest.mark.django_db


def _heap_slices() -> list[int]:
    with connection.cursor() as c:
        c.execute(f"SELECT {engine.slice_sql('id')} FROM measures_measure ORDER BY ctid")
        return [r[0] for r in c.fetchall()]


def _answer(params):
    r = measure_search(params=params)
    return r.count, r.count_is_estimate, [m.pk for m in r.page.object_list], r.facets


def test_the_table_is_ordered_by_sample_slice_and_searches_answer_as_before(make_document, monkeypatch):
    docs = [make_document(), make_document()]
    rows = [Measure(document=docs[i % 2], ordinal=i // 2 + 1, label=str(i),
                    text=("推进地理标志运用" if i % 30 == 0 else "开展专利侵权纠纷调解" if i % 3 else "加强商标保护")
                    + f"(第{i}条)") for i in range(300)]
    ms = Measure.objects.bulk_create(rows)
    update_search_vectors([m.pk for m in ms])
    slices = _heap_slices()
    assert slices != sorted(slices)   # written in id order, the hash scatters the slices
    searches = [{"q": "专利侵权"}, {"q": "商标", "page": "2"}, {"q": "调解 OR 保护", "sort": "date"}, {"q": "地理标志"}]
    monkeypatch.setattr(engine, "EXACT_LIMIT", 50)   # sampled sets as well as exact ones
    before = [_answer(p) for p in searches]
    assert any(b[1] for b in before) and not all(b[1] for b in before)

    with connection.cursor() as c:   # the test's transaction holds the new rows' deferred foreign-key checks,
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")   # which CLUSTER (like CREATE INDEX) will not run beside
    call_command("cluster_measures")

    assert _heap_slices() == sorted(slices)
    with connection.cursor() as c:
        c.execute("SELECT count(*) FROM pg_indexes WHERE indexname = %s", [SLICE_INDEX])
        assert c.fetchone()[0] == 0
    assert [_answer(p) for p in searches] == before
