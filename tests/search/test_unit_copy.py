"""The unit facet of a text search counted from the results' unit lexemes by canonical unit and place
through the per-process copy of the units (selectors.reference_names, selectors._unit_facet): the
same values and counts as the statement's own count of them (UNITS_COPY False) and the SQL facet,
whatever the units' edits, and a unit the copy does not know yet (added in another process)."""
import pytest

from measures import selectors
from measures.models import MeasureUnit, ResponsibleUnit
from measures.search.index import update_search_vectors
from measures.selectors import measure_search

from .test_facets import world  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def units(params):
    return measure_search(params=params).facets["unit"]


def rows(facet):
    return {(row["id"], row["place"], row["name"], row["count"]) for row in facet}


@pytest.fixture
def linked(world):  # noqa: F811
    """Two units of one value on one measure (a: a unit and its alias; c: an alias with a place of its own
    under a canonical unit without one, and the canonical unit), as test_facets' unit test links them."""
    ms, wuhan, unit = world["ms"], world["wuhan"], world["unit"]
    canonical = ResponsibleUnit.objects.create(name="知识产权局")
    placed = ResponsibleUnit.objects.create(name="武汉市知识产权局", canonical=canonical, region=wuhan)
    alias = ResponsibleUnit.objects.get(canonical=unit)
    MeasureUnit.objects.create(measure=ms["a"], unit=canonical, role="lead")
    MeasureUnit.objects.create(measure=ms["a"], unit=placed, role="support")
    MeasureUnit.objects.create(measure=ms["a"], unit=alias, role="support")   # a: unit and its alias
    MeasureUnit.objects.create(measure=ms["b"], unit=placed, role="lead")
    MeasureUnit.objects.create(measure=ms["c"], unit=canonical, role="lead")
    update_search_vectors([m.pk for m in ms.values()])
    return {**world, "canonical": canonical, "placed": placed, "alias": alias}


@pytest.mark.parametrize("params", [{"q": "调解"}, {"q": "调解", "province": "湖北省"},
                                    {"q": "专利 OR 调解", "year_from": "2023"}])
def test_the_copy_counts_what_the_statement_counts(linked, params, monkeypatch):
    copied = units(params)
    monkeypatch.setattr(selectors, "UNITS_COPY", False)
    assert copied == units(params)
    monkeypatch.setattr(selectors, "_row_facets", lambda *a, **k: None)   # the SQL facet
    assert copied == units(params)


def test_two_units_of_one_value_count_a_measure_once(linked):
    unit, canonical = linked["unit"], linked["canonical"]
    assert rows(units({"q": "调解"})) == {
        (unit.id, "", "市市场监管局", 3),          # a (the unit and its alias: once), c (the alias), d
        (canonical.id, "", "知识产权局", 2),       # a and c (the canonical unit itself)
        (canonical.id, "武汉市", "知识产权局", 2),  # a and b through the placed alias
    }


def test_an_edited_unit_shows_in_the_next_search(linked):
    unit, alias = linked["unit"], linked["alias"]
    assert (unit.id, "", "市市场监管局", 3) in rows(units({"q": "调解"}))
    alias.canonical = None   # the alias becomes a unit of its own: c counts there, a for each
    alias.save()
    got = rows(units({"q": "调解"}))
    assert {(unit.id, "", "市市场监管局", 2), (alias.id, "", "市市场监督管理局", 2)} <= got
    unit.name = "市场监督管理局"
    unit.save()
    assert (unit.id, "", "市场监督管理局", 2) in rows(units({"q": "调解"}))


def test_a_unit_added_in_another_process_is_read_into_the_copy(linked, monkeypatch):
    ms = linked["ms"]
    units({"q": "调解"})   # the copy is read
    # bulk_create sends no signal: as a unit written by another process, unknown to this copy
    [other] = ResponsibleUnit.objects.bulk_create([ResponsibleUnit(name="司法局", region=linked["wuhan"])])
    MeasureUnit.objects.create(measure=ms["c"], unit=other, role="lead")
    update_search_vectors([ms["c"].pk])
    assert (other.id, "武汉市", "司法局", 1) in rows(units({"q": "调解"}))
    assert other.id in selectors.reference_names()["unit"]


def test_an_unknown_unit_sharing_a_value_gives_the_facet_of_the_sql_count(linked, monkeypatch):
    """A unit the copy does not know that shares its value with another: the statement could not tell the
    measures linked to both, so the facets are counted in SQL (the same counts)."""
    ms, unit = linked["ms"], linked["unit"]
    units({"q": "调解"})
    [twin] = ResponsibleUnit.objects.bulk_create([ResponsibleUnit(name="市场监管局", canonical=unit)])
    MeasureUnit.objects.create(measure=ms["d"], unit=twin, role="lead")   # d: the unit and its new alias
    update_search_vectors([ms["d"].pk])
    calls = []
    sql_facets = selectors.facet_counts

    def counted(*args, **kwargs):
        calls.append(args)
        return sql_facets(*args, **kwargs)

    monkeypatch.setattr(selectors, "facet_counts", counted)
    got = units({"q": "调解"})
    assert calls and (unit.id, "", "市市场监管局", 3) in rows(got)   # d once (the statement would count it twice)
    calls.clear()
    assert units({"q": "调解"}) == got and not calls   # the copy knows the new unit now
    monkeypatch.setattr(selectors, "_row_facets", lambda *a, **k: None)
    assert got == units({"q": "调解"})


def test_no_value_shared_leaves_the_statement_without_the_correction(linked):
    ResponsibleUnit.objects.update(canonical=None)
    assert selectors.reference_names(refresh=True)["unit_twice"] == ""
    unit, alias = linked["unit"], linked["alias"]
    assert {(unit.id, "", "市市场监管局", 2), (alias.id, "", "市市场监督管理局", 2)} <= rows(units({"q": "调解"}))


def test_a_lexeme_of_a_unit_no_longer_there_reads_the_copy_once(linked, monkeypatch):
    """A measure whose unit link and unit are gone keeps its 'u:<unit id>' lexeme until it is reindexed:
    the facet leaves it out (as the SQL facet's join does) and the copy is read again once for it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ms = linked["ms"]
    gone = ResponsibleUnit.objects.create(name="撤销的局")
    MeasureUnit.objects.create(measure=ms["d"], unit=gone, role="lead")
    update_search_vectors([ms["d"].pk])
    MeasureUnit.objects.filter(unit=gone).delete()
    ResponsibleUnit.objects.filter(pk=gone.pk).delete()   # no signal: the copy still knows it
    units({"q": "调解"})
    selectors._names.clear()   # as after NAMES_SECONDS: the copy read again, without the unit
    with CaptureQueriesContext(connection) as ctx:
        got = units({"q": "调解"})
    reads = [q for q in ctx.captured_queries if "SELECT 'region'" in q["sql"]]
    assert len(reads) == 2 and gone.pk not in {row["id"] for row in got}   # the copy, then again for the unit
    with CaptureQueriesContext(connection) as ctx:
        assert units({"q": "调解"}) == got
    assert not [q for q in ctx.captured_queries if "SELECT 'region'" in q["sql"]]
    monkeypatch.setattr(selectors, "_row_facets", lambda *a, **k: None)   # the SQL facet
    assert units({"q": "调解"}) == got


@pytest.mark.parametrize("params", [{"q": "调解"}, {"q": "调解", "province": "湖北省"}])
def test_a_sampled_sets_exact_facets_count_two_units_of_one_value_once(linked, params, monkeypatch):
    """The exact facets of a sampled set (search.totals.exact_get) take the rows linked to two units
    of one value once, as the statement's count and the SQL facet do."""
    from measures.search import engine, totals

    read_whole = measure_search(params=params)
    monkeypatch.setattr(engine, "EXACT_LIMIT", 1)
    monkeypatch.setattr(totals, "EXACT_IN_TRANSACTION", True)
    r = measure_search(params=params)
    assert r.count_is_estimate or r.facets_are_estimates is False
    assert r.facets == read_whole.facets and r.estimated_facets == []


@pytest.mark.parametrize("params", [{}, {"province": "湖北省"}, {"theme": "judicial"},
                                    {"city": "武汉市", "year_from": "2023"},
                                    {"theme": "administrative", "province": "湖北省"}, {"year_to": "2023"},
                                    {"ip_type": "patent", "year_from": "2020", "year_to": "2024"}])
def test_the_list_without_text_counts_its_facets_from_lexeme_counts(linked, params, monkeypatch):
    """The list without search text counts its facets and total from its filter states' facet lexeme
    counts (search.totals.counts_get; in a test's transaction with COUNTS_IN_TRANSACTION): the same
    values and counts as the SQL facets, units of one value counted once."""
    from measures.search import totals

    in_sql = measure_search(params=params)
    monkeypatch.setattr(totals, "COUNTS_IN_TRANSACTION", True)
    monkeypatch.setattr(selectors, "measure_facets", lambda **kw: pytest.fail("counted in SQL"))
    counted = measure_search(params=params)
    assert counted.facets == in_sql.facets and counted.count == in_sql.count
    assert [m.pk for m in counted.page.object_list] == [m.pk for m in in_sql.page.object_list]


def test_the_list_with_another_filter_counts_in_sql(linked, monkeypatch):
    from measures.search import totals

    monkeypatch.setattr(totals, "COUNTS_IN_TRANSACTION", True)
    monkeypatch.setattr(totals, "_lexeme_counts", lambda *a: pytest.fail("not a lexeme filter"))
    assert measure_search(params={"role": "lead"}).count == 3
