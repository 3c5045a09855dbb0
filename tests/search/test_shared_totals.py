"""Counts of the search's filter states kept in the database (measures.search.totals: SHARED), so
that one process's counts serve the others and the next start, and never after the tables
changed. Outside a test transaction, as a serving process runs: the rows are committed, the
statistics counters move."""
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures import selectors
from measures.models import Measure, Theme
from measures.search import engine, totals
from measures.search.index import update_search_vectors
from measures.selectors import measure_search

# transactional tests empty every table afterwards: the session's reference data is put back
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("module_reference_data")]


def _kept_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {totals.SHARED_TABLE}")
        return cursor.fetchone()[0]


def _flush_statistics():
    """This connection's pending statistics (its writes' tuple counters) sent at once, as a backend
    does within a second or so."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_force_next_flush()")
        cursor.execute("SELECT 1")


def _another_process():
    """What a fresh process knows: nothing kept in memory, the fingerprint not read yet."""
    totals.clear()


@pytest.fixture
def shared(monkeypatch):
    monkeypatch.setattr(totals, "BACKGROUND", False)   # counted in the request (no thread to wait for)
    table = totals.SHARED_TABLE
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")
    totals.clear()
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")
    totals.clear()


@pytest.fixture
def rows(make_document):
    """400 measures, committed: 300 contain 纠纷调解, every third of those judicial."""
    judicial, _ = Theme.objects.get_or_create(code="judicial", defaults={"name": "司法保护"})
    docs = [make_document(signed_date=date(2024, 3, 1)), make_document()]
    ms = Measure.objects.bulk_create([
        Measure(document=docs[i % 2], ordinal=i // 2 + 1, label=str(i),
                text=("开展纠纷调解工作" if i % 4 else "推进知识产权保护") + f"(第{i}条)") for i in range(400)])
    judicial.measures.add(*[m for i, m in enumerate(ms) if i % 4 and i % 3 == 0])
    update_search_vectors([m.pk for m in ms])
    _flush_statistics()
    return ms


def _counting(queries) -> list:
    """The statements that count measures (not those reading the kept counts or the fingerprint)."""
    return [q["sql"] for q in queries if "measures_measure" in q["sql"] and "count(" in q["sql"].lower()
            and totals.SHARED_TABLE not in q["sql"] and "pg_stat_all_tables" not in q["sql"]]


def test_a_count_kept_by_one_process_serves_another(rows, shared):
    """The list without search text: its states' lexeme counts, counted by one process, are read by
    the next from the database, with no statement counting measures and the same numbers."""
    params = {"theme": "judicial"}
    with CaptureQueriesContext(connection) as first:
        counted = measure_search(params=params)
    assert _counting(first.captured_queries) and _kept_rows() == 2   # the state with the filter, and without
    _another_process()
    with CaptureQueriesContext(connection) as second:
        read = measure_search(params=params)
    assert not _counting(second.captured_queries), _counting(second.captured_queries)
    assert sum(totals.SHARED_TABLE in q["sql"] for q in second.captured_queries) == 2
    assert (read.count, read.facets) == (counted.count, counted.facets)
    assert read.count == 100 and {r["code"]: r["count"] for r in read.facets["theme"]}["judicial"] == 100


def test_a_change_to_the_tables_leaves_a_kept_count_unread(rows, shared):
    """Once the measures change (their tuple counters move), a kept count is not served: counted again,
    with the change."""
    assert measure_search(params={"theme": "judicial"}).count == 100
    Theme.objects.get(code="judicial").measures.add(rows[0])
    update_search_vectors([rows[0].pk])   # (the facet lexemes follow the index, as a text search's do)
    _flush_statistics()
    _another_process()
    with CaptureQueriesContext(connection) as after:
        r = measure_search(params={"theme": "judicial"})
    assert _counting(after.captured_queries)
    assert r.count == 101


def test_a_truncated_table_or_reset_statistics_change_the_fingerprint(rows, shared):
    """TRUNCATE empties a table without moving its tuple counters, and pg_stat_reset puts the counters
    back to 0 (from where they could reach a kept fingerprint again): either changes the fingerprint."""
    before = totals._read_fingerprint()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_reset()")
    assert totals._read_fingerprint() != before
    before = totals._read_fingerprint()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE measures_measure CASCADE")
    assert totals._read_fingerprint() != before


def test_a_sampled_sets_exact_counts_kept_by_one_process_make_the_next_ones_count_exact(rows, shared, monkeypatch):
    """A sampled search's exact counts (totals.exact_get) and ratio totals, counted by one process, give
    the next process's first search of that set its exact count and facets at once, without counting."""
    monkeypatch.setattr(engine, "EXACT_LIMIT", 100)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 150)
    monkeypatch.setattr(totals, "RATIO_SLICES", totals.SLICE_COUNT)
    first = measure_search(params={"q": "纠纷调解"})   # (counted in the request: BACKGROUND off)
    assert (first.count, first.count_is_estimate) == (300, False)
    _another_process()
    with CaptureQueriesContext(connection) as second:
        r = measure_search(params={"q": "纠纷调解"})
    assert (r.count, r.count_is_estimate, r.facets) == (300, False, first.facets)
    assert not r.facets_are_estimates
    assert not [q for q in second.captured_queries if "GROUP BY k" in q["sql"]]   # no count of lexemes


def test_a_count_missing_there_is_counted_once_and_written(rows, shared, monkeypatch):
    """Two processes missing one count: the second, once the first's lock is free, reads what it wrote."""
    calls = []

    def count():
        calls.append(1)
        return {"#": 7}

    fingerprint = totals._current_fingerprint()
    assert totals._counted(("counts", "'t:x'", ""), fingerprint, count) == {"#": 7}
    assert totals._counted(("counts", "'t:x'", ""), fingerprint, count) == {"#": 7} and len(calls) == 1
    assert totals._shared_read(("counts", "'t:y'", ""), fingerprint) is None


def test_a_process_missing_a_count_another_is_counting_waits_and_reads_it(rows, shared):
    """Another connection (process) holds the key's lock while it counts: this one waits for it, then
    reads what that one wrote instead of counting it too."""
    import threading

    from django.db import connections

    key, fingerprint = ("counts", "'t:z'", ""), totals._current_fingerprint()
    holding, release = threading.Event(), threading.Event()

    def other_process():
        try:
            with totals._one_at_a_time(key, fingerprint):
                holding.set()
                release.wait(10)
                totals._shared_write(key, fingerprint, {"#": 5})
        finally:
            connections.close_all()

    other = threading.Thread(target=other_process)
    other.start()
    assert holding.wait(10)
    calls, result = [], []
    waiting = threading.Thread(target=lambda: (result.append(totals._counted(key, fingerprint, lambda: calls.append(1)
                                                                             or {"#": 9})), connections.close_all()))
    waiting.start()
    waiting.join(0.5)
    assert waiting.is_alive() and not result   # waiting for the lock
    release.set()
    other.join(10)
    waiting.join(10)
    assert result == [{"#": 5}] and not calls


def test_ratio_totals_are_kept_as_they_were_counted(rows, shared):
    counted = totals._count("")
    back = totals._decode(totals._encode(counted))
    assert back.counts == counted.counts and back.prefix == counted.prefix


def test_warm_search_totals_counts_the_lists_usual_states_ahead(rows, shared):
    """warm_search_totals counts the list's state without filters and those of one place, theme or year
    (and the ratio totals of every measure): a process after it counts none of them."""
    call_command("warm_search_totals", verbosity=0)
    _another_process()
    for params in ({}, {"theme": "judicial"}, {"year_from": "2024", "year_to": "2024"}, {"year_from": "2024"}):
        with CaptureQueriesContext(connection) as queries:
            measure_search(params=params)
        assert not _counting(queries.captured_queries), params
    with CaptureQueriesContext(connection) as queries:
        assert totals.get("") is not None
    assert not _counting(queries.captured_queries)


def test_without_the_table_counts_are_kept_by_the_process_alone(rows, shared, monkeypatch):
    """A database without the table (not migrated yet, a standby): counted as before, no error."""
    monkeypatch.setattr(totals, "SHARED_TABLE", "measures_search_totals_missing")
    first = measure_search(params={"theme": "judicial"})
    assert first.count == 100 and selectors.measure_search(params={"theme": "judicial"}).count == 100
