"""Ratio estimates of a sampled search's facets (measures.search.totals): a value's exact
count among the filter state's rows without the text, times the share of them that match
the text in the sample slices."""
from types import SimpleNamespace

import pytest
from django.db import connection

from measures import selectors
from measures.models import Measure, Theme
from measures.search import engine, totals
from measures.search.index import update_search_vectors
from measures.selectors import measure_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def wide(make_document):
    """800 measures: 600 contain 纠纷调解 (every one of the 200 judicial measures among
    them), 200 do not; two documents."""
    judicial, _ = Theme.objects.get_or_create(code="judicial", defaults={"name": "司法保护"})
    disputes, _ = Theme.objects.get_or_create(code="disputes", defaults={"name": "纠纷化解"})
    docs = [make_document(), make_document()]
    rows = [Measure(document=docs[i % 2], ordinal=i // 2 + 1, label=str(i),
                    text=("开展纠纷调解工作" if i % 4 else "推进知识产权保护") + f"(第{i}条)") for i in range(800)]
    ms = Measure.objects.bulk_create(rows)
    judicial.measures.add(*[m for i, m in enumerate(ms) if i % 4 and i % 3 == 0])
    disputes.measures.add(*[m for i, m in enumerate(ms) if i % 2 == 0])
    update_search_vectors([m.pk for m in ms])
    return {"ms": ms, "judicial": sum(1 for i in range(800) if i % 4 and i % 3 == 0),
            "disputes": sum(1 for i in range(800) if i % 4 and i % 2 == 0)}


def _sampled(monkeypatch):
    monkeypatch.setattr(engine, "EXACT_LIMIT", 200)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 300)
    # (a sample of this corpus spans most slices: every one is counted one by one)
    monkeypatch.setattr(totals, "RATIO_SLICES", totals.SLICE_COUNT)


def test_totals_count_every_row_of_the_filter_state_and_its_first_slices(wide):
    found = totals._count("")
    clause = "'t:judicial'"
    themed = totals._count(clause)
    assert found.counts["#"] == 800 and found.counts["t:judicial"] == wide["judicial"]
    assert themed.counts["#"] == wide["judicial"] and themed.counts["t:judicial"] == wide["judicial"]
    slice_sql = engine.slice_sql("id")
    with connection.cursor() as cursor:
        for k in (1, 37, 256, totals.RATIO_SLICES):
            cursor.execute(f"SELECT count(*), count(*) FILTER (WHERE facet_vector @@ %s::tsquery) "
                           f"FROM measures_measure WHERE {slice_sql} < %s", [clause, k])
            rows, judicial = cursor.fetchone()
            assert found.prefix["#"][k] == rows and found.prefix["t:judicial"][k] == judicial


def test_a_value_whose_rows_all_match_the_text_is_estimated_exactly(wide, monkeypatch):
    """Every judicial measure holds 纠纷调解: its ratio estimate is its count without the
    text, whatever rows the sample holds; the total and the results are those of the
    scaled estimate."""
    _sampled(monkeypatch)
    on = measure_search(params={"q": "纠纷调解"})
    assert on.count_is_estimate and on.facets_are_estimates
    theme = {row["code"]: row["count"] for row in on.facets["theme"]}
    assert theme["judicial"] == wide["judicial"], theme
    assert abs(theme["disputes"] - wide["disputes"]) <= 0.25 * wide["disputes"], theme   # half its rows match
    monkeypatch.setattr(selectors, "RATIO_FACETS", False)
    off = measure_search(params={"q": "纠纷调解"})
    assert (off.count, [m.pk for m in off.page.object_list]) == (on.count, [m.pk for m in on.page.object_list])
    assert set(off.facets) == set(on.facets)


def test_the_wider_set_of_an_active_filter_is_estimated_by_its_own_totals(wide, monkeypatch):
    _sampled(monkeypatch)
    r = measure_search(params={"q": "纠纷调解", "theme": "judicial"})
    theme = {row["code"]: row["count"] for row in r.facets["theme"]}
    assert theme["judicial"] == wide["judicial"], theme


def test_without_totals_the_sample_is_scaled_as_before(wide, monkeypatch):
    _sampled(monkeypatch)
    monkeypatch.setattr(totals, "get", lambda clause: None)
    missing = measure_search(params={"q": "纠纷调解"})
    monkeypatch.setattr(selectors, "RATIO_FACETS", False)
    off = measure_search(params={"q": "纠纷调解"})
    assert missing.facets == off.facets and missing.count == off.count


def test_a_ratio_is_left_to_scaling_where_the_totals_cannot_tell():
    found = totals.Totals({"a": 100, "b": 10}, {"a": [0] * 5 + [40] * (totals.RATIO_SLICES - 4),
                                                "b": [0] * (totals.RATIO_SLICES + 1)})
    assert found.ratio("a", 20, 8) == 50
    assert found.ratio("a", 41, 8) is None                          # more matches than rows: stale totals
    assert found.ratio("b", 1, 8) is None                           # no rows of it in the slices
    assert found.ratio("c", 1, 8) is None                           # a value the totals do not know
    assert found.ratio("a", 20, totals.RATIO_SLICES + 1) is None    # beyond the slices counted one by one


def test_totals_are_kept_outside_a_transaction_until_the_tables_change(monkeypatch):
    """Outside a transaction a missing filter state is counted in a thread and kept while the
    tables' counters stand still; inside one (as here) it is counted at once and not kept."""
    calls = []
    monkeypatch.setattr(totals, "_count", lambda clause: calls.append(clause) or totals.Totals({"#": 1}, {}))
    totals.clear()
    assert totals.get("'t:x'") is not None and calls == ["'t:x'"] and not totals._kept
    monkeypatch.setattr(totals, "connection", SimpleNamespace(in_atomic_block=False))
    monkeypatch.setattr(totals, "_read_fingerprint", lambda: (1, 2, 3))
    monkeypatch.setattr(totals, "connections", type("C", (), {"close_all": staticmethod(lambda: None)}))
    try:
        assert totals.get("'t:y'") is None   # counted in a thread
        totals.wait()
        assert totals.get("'t:y'") is not None and calls.count("'t:y'") == 1
        totals._fingerprint[1] = -1e9        # read again: the tables changed
        monkeypatch.setattr(totals, "_read_fingerprint", lambda: (1, 2, 4))
        assert totals.get("'t:y'") is None
        totals.wait()
        assert calls.count("'t:y'") == 2
    finally:
        totals.clear()


def test_at_most_a_few_filter_states_are_counted_at_once(monkeypatch):
    """A crawler walking many filter states starts at most TOTALS_THREADS full counts in a process;
    the others keep the scaled estimate until a later search finds a count free."""
    import threading
    gate = threading.Event()
    monkeypatch.setattr(totals, "_count", lambda clause: gate.wait(10) and totals.Totals({"#": 1}, {}))
    monkeypatch.setattr(totals, "connection", SimpleNamespace(in_atomic_block=False))
    monkeypatch.setattr(totals, "_read_fingerprint", lambda: (1, 2, 3))
    monkeypatch.setattr(totals, "connections", type("C", (), {"close_all": staticmethod(lambda: None)}))
    totals.clear()
    try:
        for k in range(totals.TOTALS_THREADS + 3):
            assert totals.get(f"'t:{k}'") is None
        assert len(totals._running) == totals.TOTALS_THREADS
    finally:
        gate.set()
        totals.wait()
        totals.clear()


@pytest.mark.parametrize("params", [{"q": "纠纷调解"}, {"q": "纠纷调解", "theme": "judicial"},
                                    {"q": "纠纷调解", "year_from": "2000"}])
def test_a_sampled_sets_facets_counted_exactly_are_the_exact_facets(wide, monkeypatch, client, params):
    """A sampled set's facets counted exactly (totals.exact_get, outside the request; in a test's
    transaction at once with EXACT_IN_TRANSACTION) are those of the set read whole, none shown as
    约; so is its count ('#' of those counts: test_a_sampled_sets_count_is_exact_once_counted);
    until they are there, the ratio estimates."""
    read_whole = measure_search(params=params)
    assert not read_whole.facets_are_estimates   # 800 measures: below the limit
    _sampled(monkeypatch)
    estimated = measure_search(params=params)
    assert estimated.facets_are_estimates and estimated.estimated_facets
    monkeypatch.setattr(totals, "EXACT_IN_TRANSACTION", True)
    r = measure_search(params=params)
    assert r.facets == read_whole.facets
    assert not r.facets_are_estimates and r.estimated_facets == []
    assert not any(selectors.facet_is_estimate(r, name, params) for name in r.facets)
    body = client.get("/api/measures/", params).json()
    assert body["estimated_facets"] == [] and body["facets_are_estimates"] is False
    assert body["facets"]["theme"] == read_whole.facets["theme"]
    monkeypatch.setattr(totals, "EXACT_FACETS", False)
    assert measure_search(params=params).facets == estimated.facets


@pytest.mark.parametrize("params", [{"q": "纠纷调解"}, {"q": "纠纷调解", "page": "2"},
                                    {"q": "纠纷调解", "sort": "date"}, {"q": "纠纷调解", "page_size": "5"}])
def test_a_sampled_sets_count_is_exact_once_counted(wide, monkeypatch, client, params):
    """Once a sampled set's exact counts are there (totals.exact_get), its count is theirs ('#': every
    row of the set verified), the count of the set read whole, shown without 约 on the page and in
    the API; its pages still cover the verified candidates, as the estimate's did."""
    read_whole = measure_search(params=params)
    assert not read_whole.count_is_estimate   # 800 measures: below the limit
    _sampled(monkeypatch)
    estimated = measure_search(params=params)
    assert estimated.count_is_estimate
    monkeypatch.setattr(totals, "EXACT_IN_TRANSACTION", True)
    r = measure_search(params=params)
    assert (r.count, r.count_is_estimate) == (read_whole.count, False), (r.count, estimated.count)
    assert r.page.paginator.count == estimated.page.paginator.count   # the verified candidates
    assert [m.pk for m in r.page.object_list] == [m.pk for m in estimated.page.object_list]
    body = client.get("/api/measures/", params).json()
    assert (body["count"], body["count_is_estimate"]) == (read_whole.count, False)
    html = client.get("/measures/", params).content.decode()
    assert f"共 <strong>{read_whole.count}</strong> 条措施" in html and "约 <strong>" not in html
    monkeypatch.setattr(selectors, "EXACT_COUNT", False)   # the sample's estimate, as before
    before = measure_search(params=params)
    assert (before.count, before.count_is_estimate) == (estimated.count, True)


def test_a_count_without_facets_is_exact_only_where_the_counts_are_kept(wide, monkeypatch):
    """A search without facets (the diffusion pages') starts no count: its count is exact only where a
    search with facets had the set counted (totals.exact_kept)."""
    _sampled(monkeypatch)
    started = []
    monkeypatch.setattr(totals, "_exact", lambda key: started.append(key) or {"#": 600})
    assert measure_search(params={"q": "纠纷调解"}, facets=False).count_is_estimate and not started
    monkeypatch.setattr(totals, "EXACT_IN_TRANSACTION", True)
    r = measure_search(params={"q": "纠纷调解"}, facets=False)
    assert (r.count, r.count_is_estimate) == (600, False)


def test_exact_counts_are_kept_outside_a_transaction(monkeypatch):
    """Outside a transaction a sampled set's exact facets are counted in a thread and kept as the
    totals are; inside one (as here) they are not counted unless EXACT_IN_TRANSACTION."""
    calls = []
    monkeypatch.setattr(totals, "_exact", lambda key: calls.append(key) or {"#": 3})
    totals.clear()
    assert totals.exact_get("search_vector", "'a'", "", "") is None and not calls
    monkeypatch.setattr(totals, "connection", SimpleNamespace(in_atomic_block=False))
    monkeypatch.setattr(totals, "_read_fingerprint", lambda: (1, 2, 3))
    monkeypatch.setattr(totals, "connections", type("C", (), {"close_all": staticmethod(lambda: None)}))
    try:
        assert totals.exact_get("search_vector", "'a'", "", "") is None   # counted in a thread
        totals.wait()
        assert totals.exact_get("search_vector", "'a'", "", "") == {"#": 3} and len(calls) == 1
        assert totals.exact_get("title_vector", "'a'", "", "") is None     # another set
        totals.wait()
        assert len(calls) == 2
    finally:
        totals.clear()


def test_the_state_of_every_measure_is_kept_whatever_else_is_counted(monkeypatch):
    monkeypatch.setattr(totals, "TOTALS_KEPT", 3)
    totals.clear()
    try:
        totals._store("", 1, "all")
        totals._store(("counts", "", ""), 1, "all, no text")
        for k in range(5):
            totals._store(f"'t:{k}'", 1, k)
        assert "" in totals._kept and ("counts", "", "") in totals._kept and "'t:4'" in totals._kept
        assert len(totals._kept) == 3
    finally:
        totals.clear()
