"""Filters, facet counts and the query budget of the API."""
from datetime import date

import pytest
from django.urls import reverse

from measures.models import IPType, MeasureUnit, Region, ResponsibleUnit, Theme
from measures.search.index import update_search_vectors
from measures.selectors import measure_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_document, make_measure):
    liaoning = Region.objects.get(name="辽宁省")
    shenyang = Region.objects.get(name="沈阳市")
    hubei = Region.objects.get(name="湖北省")
    wuhan = Region.objects.get(name="武汉市")
    judicial, _ = Theme.objects.get_or_create(code="judicial", defaults={"name": "司法保护"})
    admin, _ = Theme.objects.get_or_create(code="administrative", defaults={"name": "行政保护"})
    patent, _ = IPType.objects.get_or_create(code="patent", defaults={"name": "专利"})
    d1 = make_document(province=liaoning, city=shenyang, region=shenyang, level="city",
                       signed_date=date(2024, 7, 9), published_date=date(2024, 12, 2))
    d2 = make_document(province=hubei, city=wuhan, region=wuhan, level="city", published_date=date(2023, 3, 1))
    d3 = make_document(province=hubei, region=hubei, level="province", published_date=date(2022, 1, 1))
    unit = ResponsibleUnit.objects.create(name="市市场监管局")
    alias = ResponsibleUnit.objects.create(name="市市场监督管理局", canonical=unit)
    ms = {
        "a": make_measure("开展专利侵权纠纷调解", document=d1),
        "b": make_measure("建立知识产权纠纷调解组织", document=d1),
        "c": make_measure("推进调解与仲裁衔接", document=d2),
        "d": make_measure("完善行政裁决和调解机制", document=d3),
        "e": make_measure("推进专利转化", document=d3),
    }
    ms["a"].themes.add(judicial)
    ms["b"].themes.add(judicial, admin)
    ms["d"].themes.add(admin)
    ms["a"].ip_types.add(patent)
    MeasureUnit.objects.create(measure=ms["a"], unit=unit, role="lead")
    MeasureUnit.objects.create(measure=ms["c"], unit=alias, role="support")
    MeasureUnit.objects.create(measure=ms["d"], unit=unit, role="support")
    # themes and IP types were set after indexing (the services reindex; here by hand)
    update_search_vectors([m.pk for m in ms.values()])
    return {"ms": ms, "liaoning": liaoning, "hubei": hubei, "wuhan": wuhan, "unit": unit}


def ids(result):
    return {m.pk for m in result.page.object_list}


def counts(facet, key="id"):
    return {row[key]: row["count"] for row in facet}


def test_facets_count_the_query_with_the_other_filters(world):
    ms, liaoning, hubei = world["ms"], world["liaoning"], world["hubei"]
    r = measure_search(params={"q": "调解"})
    assert r.count == 4
    assert counts(r.facets["province"]) == {liaoning.id: 2, hubei.id: 2}
    assert counts(r.facets["theme"], "code") == {"judicial": 2, "administrative": 2}
    assert counts(r.facets["year"], "year") == {2024: 2, 2023: 1, 2022: 1}
    assert counts(r.facets["unit"]) == {world["unit"].id: 3}  # the alias counts for its canonical unit

    r = measure_search(params={"q": "调解", "province": "湖北省"})
    assert ids(r) == {ms["c"].pk, ms["d"].pk}
    # the province facet ignores the province filter, the others apply it
    assert counts(r.facets["province"]) == {liaoning.id: 2, hubei.id: 2}
    assert counts(r.facets["theme"], "code") == {"administrative": 1}
    assert counts(r.facets["city"]) == {world["wuhan"].id: 1}

    r = measure_search(params={"q": "调解", "theme": ["judicial"]})
    assert ids(r) == {ms["a"].pk, ms["b"].pk}
    assert counts(r.facets["theme"], "code") == {"judicial": 2, "administrative": 2}
    assert counts(r.facets["province"]) == {liaoning.id: 2}


def test_filters(world):
    ms, hubei = world["ms"], world["hubei"]
    assert ids(measure_search(params={"province": str(hubei.id)})) == {ms["c"].pk, ms["d"].pk, ms["e"].pk}
    assert ids(measure_search(params={"city": "武汉"})) == {ms["c"].pk}
    assert ids(measure_search(params={"level": "province"})) == {ms["d"].pk, ms["e"].pk}
    assert ids(measure_search(params={"theme": "judicial,administrative"})) == {ms["a"].pk, ms["b"].pk, ms["d"].pk}
    assert ids(measure_search(params={"ip_type": "patent"})) == {ms["a"].pk}
    assert ids(measure_search(params={"unit": str(world["unit"].id)})) == {ms["a"].pk, ms["c"].pk, ms["d"].pk}
    assert ids(measure_search(params={"unit": str(world["unit"].id), "role": "lead"})) == {ms["a"].pk}
    assert ids(measure_search(params={"role": "support"})) == {ms["c"].pk, ms["d"].pk}
    assert ids(measure_search(params={"year_from": "2023"})) == {ms["a"].pk, ms["b"].pk, ms["c"].pk}
    assert ids(measure_search(params={"year_to": "2022"})) == {ms["d"].pk, ms["e"].pk}
    assert ids(measure_search(params={"has_targets": "false", "q": "专利"})) == {ms["a"].pk, ms["e"].pk}
    assert ids(measure_search(params={"province": "火星"})) == set()


def test_sort_by_date_and_document_order(world):
    ms = world["ms"]
    r = measure_search(params={"q": "调解", "sort": "date"})
    assert [m.pk for m in r.page.object_list] == [ms["a"].pk, ms["b"].pk, ms["c"].pk, ms["d"].pk]
    r = measure_search(params={})
    assert [m.pk for m in r.page.object_list] == sorted(m.pk for m in ms.values())


def test_api_query_count_does_not_grow_with_results(client, world, django_assert_num_queries, make_measure):
    url = reverse("measures:api-measures")
    client.get(url, {"q": "调解"})  # loads the synonym table once per process
    # the probe (sample bucket 0), the verified matches with all facets counted (engine.Tally),
    # the page with its themes, IP types and unit links (selectors.page_rows)
    with django_assert_num_queries(3):
        body = client.get(url, {"q": "调解"}).json()
    assert body["count"] == 4
    for _ in range(10):
        make_measure("调解员队伍建设", document=world["ms"]["a"].document)
    with django_assert_num_queries(3):
        body = client.get(url, {"q": "调解"}).json()
    assert body["count"] == 14 and len(body["results"]) == 14


@pytest.mark.parametrize("params", [
    {"q": "调解"},
    {"q": "调解", "province": "湖北省"},
    {"q": "调解", "city": "沈阳市", "theme": "judicial"},
    {"q": "调解", "theme": "administrative", "year_from": "2023"},
    {"q": "专利 OR 调解", "ip_type": "patent", "year_to": "2023"},
    {"q": "调解", "unit": "1"},      # a filter that is no facet lexeme: the SQL facets
])
def test_facets_from_the_candidate_rows_equal_the_sql_facets(world, params, monkeypatch):
    """Text-search facets are counted from the verified candidate rows (their
    facet lexemes, document, specificity and flags; selectors._row_facets);
    they are the counts the SQL facet statement gives for the same sets."""
    from measures import selectors

    params = dict(params)
    if "unit" in params:
        params["unit"] = str(world["unit"].pk)
    from_rows = measure_search(params=params)
    monkeypatch.setattr(selectors, "_row_facets", lambda *a, **k: None)
    from_sql = measure_search(params=params)
    assert from_rows.facets == from_sql.facets
    assert any(from_rows.facets[name] for name in from_rows.facets)


def test_title_only_search_reads_the_title_index(world, make_measure):
    """标题: matches (and ranks) on title_vector through its own GIN index, not
    the full-text index; the same measures as the title positions of
    search_vector."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from measures.search import engine
    from measures.search.query import parse

    titled = make_measure("建立纠纷调解组织", title="调解组织建设", document=world["ms"]["a"].document)
    update_search_vectors([titled.pk])
    pq = parse("标题:调解")
    assert engine.title_only(pq)
    assert not engine.title_only(parse("标题:调解 专利"))
    with CaptureQueriesContext(connection) as ctx:
        r = measure_search(params={"q": "标题:调解"})
    assert {m.pk for m in r.page.object_list} == {titled.pk}
    searches = [q["sql"] for q in ctx.captured_queries if "c.part" in q["sql"]]
    assert searches and all('"title_vector" @@' in s and '"search_vector" @@' not in s for s in searches)


def test_the_unit_facet_by_canonical_unit_and_place_equals_the_sql_facet(world, monkeypatch):
    """The candidate statements count units from the rows' 'u:<unit id>' facet lexemes by
    canonical unit and place (selectors._tally_sql): the same values and counts as the SQL
    facet, with an alias that has a place of its own under a canonical unit without one, a
    measure linked to both, and one linked to a unit and its alias (one value: counted once)."""
    from measures import selectors

    ms, wuhan, unit = world["ms"], world["wuhan"], world["unit"]
    canonical = ResponsibleUnit.objects.create(name="知识产权局")
    placed = ResponsibleUnit.objects.create(name="武汉市知识产权局", canonical=canonical, region=wuhan)
    other = ResponsibleUnit.objects.create(name="司法局", region=wuhan)
    alias = ResponsibleUnit.objects.get(canonical=unit)
    MeasureUnit.objects.create(measure=ms["a"], unit=canonical, role="lead")
    MeasureUnit.objects.create(measure=ms["a"], unit=placed, role="support")
    MeasureUnit.objects.create(measure=ms["a"], unit=alias, role="support")   # a: unit and its alias
    MeasureUnit.objects.create(measure=ms["b"], unit=placed, role="lead")
    MeasureUnit.objects.create(measure=ms["c"], unit=other, role="lead")
    MeasureUnit.objects.create(measure=ms["c"], unit=canonical, role="lead")
    update_search_vectors([m.pk for m in ms.values()])   # the services reindex; here by hand
    from_rows = measure_search(params={"q": "调解"}).facets
    monkeypatch.setattr(selectors, "_row_facets", lambda *a, **k: None)
    from_sql = measure_search(params={"q": "调解"}).facets
    assert from_rows == from_sql
    labels = {(row["id"], row["count"]) for row in from_sql["unit"]}
    assert (canonical.id, 2) in labels and (other.id, 1) in labels   # a (bare) and c; b's is placed
    assert (unit.id, 3) in labels   # a (twice), c (alias), d
    assert counts(from_sql["role"], "code") == {"lead": 3, "support": 3}


def test_the_facet_lexemes_follow_the_unit_links_and_the_document(world):
    """facet_vector holds each unit link ('u:<unit id>', 'r:<role>') and the document's issuer
    and type ('o:', 'k:', measures.doctypes) as FACET_VECTOR_SQL and index.facet_vector write
    them; the document type in SQL is doctypes.doc_type_of's."""
    from django.db import connection

    from measures.doctypes import doc_type_of
    from measures.search import index

    ms, unit = world["ms"], world["unit"]
    doc = ms["a"].document
    doc.issuer, doc.title = " 沈阳市知识产权局 ", "关于印发《沈阳市知识产权强市建设实施方案》的通知"
    doc.save()
    update_search_vectors([ms["a"].pk])
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(facet_vector) FROM measures_measure WHERE id = %s", [ms["a"].pk])
        lexemes = set(cursor.fetchone()[0])
    assert {f"u:{unit.pk}", "r:lead", "o: 沈阳市知识产权局 ", "k:实施方案"} <= lexemes
    python = index.facet_vector(province_id=doc.province_id, city_id=doc.city_id, bucket=0, year=2024,
                                units=[(unit.pk, "lead")], issuer=doc.issuer, title=doc.title)
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(%s::tsvector)", [python])
        written = set(cursor.fetchone()[0])
    assert {x for x in lexemes if x[:2] in ("u:", "r:", "o:", "k:")} == {x for x in written if x[:2] in
                                                                         ("u:", "r:", "o:", "k:")}
    titles = ["关于印发《知识产权保护工作要点》的通知", "关于做好专利转化工作的通知", "某某市专利资助管理办法(试行)",
              "關於加強知識產權保護的實施意見", "知识产权强省建设纲要", "无类型的标题", "条例", "实施方案》的通知 ",
              "关于印发《沈阳市知识产权强市建设实施方案(2024—2025年)》的通知", "行动计划（2023-2025年）"]
    with connection.cursor() as cursor:
        sql = index._doc_type_sql("t.title")
        cursor.execute(f"SELECT t.title, {sql} FROM unnest(%s::text[]) AS t(title)", [titles])
        assert {title: kind or "" for title, kind in cursor.fetchall()} == {t: doc_type_of(t) for t in titles}
    assert len({doc_type_of(t) for t in titles}) >= 6


def test_the_migration_adds_the_unit_and_document_lexemes_a_reindex_writes(world):
    """Migration 0015 adds to facet_vectors written before it what FACET_VECTOR_SQL writes now."""
    import importlib

    from django.db import connection

    from measures.search import index

    migration = importlib.import_module("measures.migrations.0015_facet_vector_units_documents")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")   # the test's rows: no pending checks before an index build
        cursor.execute("UPDATE measures_measure SET facet_vector = ts_delete(facet_vector, ARRAY(SELECT l FROM "
                       "unnest(tsvector_to_array(facet_vector)) l WHERE l ~ '^[uork]:'))")
        cursor.execute("SELECT count(*) FROM measures_measure m WHERE m.facet_vector IS DISTINCT FROM "
                       f"(SELECT {index.FACET_VECTOR_SQL} FROM measures_document d WHERE d.id = m.document_id)")
        assert cursor.fetchone()[0] >= 3   # a, c and d lack their unit links now
        for statement in (migration.add_lexemes_sql() + migration.BUILD_SQL).split(";\n"):
            if statement.strip():
                cursor.execute(statement)
        cursor.execute("SELECT count(*), count(*) FILTER (WHERE m.facet_vector IS DISTINCT FROM "
                       f"{index.FACET_VECTOR_SQL}) FROM measures_measure m JOIN measures_document d "
                       "ON d.id = m.document_id")
        total, different = cursor.fetchone()
    assert total == len(world["ms"]) and different == 0


@pytest.mark.parametrize("params", [
    {"q": "调解", "theme": "judicial"},
    {"q": "调解", "province": "湖北省"},
    {"q": "调解", "theme": "administrative", "year_from": "2023"},
    {"q": "专利 OR 调解", "ip_type": "patent", "year_to": "2023"},
])
def test_the_wider_set_counts_the_lexemes_of_the_active_facets_only(world, params, monkeypatch):
    """The candidate statement counts the wider set's facet lexemes of the facets whose own
    filter is active only (Tally.base_prefixes): the same facets as counting every lexeme."""
    from measures import selectors
    from measures.search import engine

    seen = []
    candidates = engine.candidates

    def spy(*args, **kwargs):
        cand = candidates(*args, **kwargs)
        seen.append({lex[:2] for counts in cand.base_lexemes.values() for lex in counts})
        return cand

    monkeypatch.setattr(engine, "candidates", spy)
    narrow = measure_search(params=params).facets
    tally_sql = selectors._tally_sql
    monkeypatch.setattr(selectors, "_tally_sql", lambda clauses, data=None: tally_sql(clauses))
    every = measure_search(params=params).facets
    assert narrow == every and any(narrow.values())
    own = {"theme": "t:", "province": "p:", "ip_type": "i:", "year_from": "y:", "year_to": "y:"}
    active = {own[k] for k in params if k in own}
    if len(active) == 1:   # with two filter clauses the wider set's rows come with their lexemes
        assert seen[0] <= active < seen[1]
