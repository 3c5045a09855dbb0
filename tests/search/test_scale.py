"""Counts: exact up to engine.EXACT_LIMIT matches, a sampled estimate within
±10% above it (shown as 约), facets by the same rule; title hits first
whatever the size; filter lexemes (measures.search.engine)."""
import pytest
from django.urls import reverse

from measures.models import Measure, Region, Theme
from measures.search import engine, totals
from measures.search.index import update_search_vectors
from measures.selectors import measure_search, parse_query

pytestmark = pytest.mark.django_db


@pytest.fixture
def big(make_document):
    """600 measures: 450 contain 纠纷调解, 150 hold 纠纷 and 调解 apart (loose
    matches that verification drops); two documents, two themes."""
    judicial, _ = Theme.objects.get_or_create(code="judicial", defaults={"name": "司法保护"})
    docs = [make_document(), make_document()]
    rows = []
    for i in range(600):
        text = "开展纠纷调解工作" if i % 4 else "化解纠纷,推进人民调解"
        rows.append(Measure(document=docs[i % 2], ordinal=i // 2 + 1, label=str(i), text=text + f"(第{i}条)"))
    ms = Measure.objects.bulk_create(rows)
    judicial.measures.add(*[m for i, m in enumerate(ms) if i % 3 == 0])
    update_search_vectors([m.pk for m in ms])
    return {"ms": ms, "truth": 450, "judicial_truth": sum(1 for i in range(600) if i % 4 and i % 3 == 0)}


def test_small_result_sets_are_exact(client, make_measure):
    for _ in range(3):
        make_measure("开展纠纷调解")
    body = client.get(reverse("measures:api-measures"), {"q": "调解"}).json()
    assert body["count"] == 3
    assert body["count_is_estimate"] is False and body["facets_are_estimates"] is False


def test_counts_are_exact_below_the_limit(big):
    r = measure_search(params={"q": "纠纷调解"})
    assert r.count == big["truth"] and not r.count_is_estimate
    assert sum(row["count"] for row in r.facets["theme"]) == big["judicial_truth"]
    assert not r.facets_are_estimates


def test_above_the_limit_the_count_is_a_sampled_estimate_within_ten_percent(client, big, monkeypatch):
    monkeypatch.setattr(engine, "EXACT_LIMIT", 200)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 400)
    r = measure_search(params={"q": "纠纷调解"})
    assert r.count_is_estimate and r.facets_are_estimates
    assert abs(r.count - big["truth"]) <= 0.1 * big["truth"], r.count
    theme = {row["code"]: row["count"] for row in r.facets["theme"]}
    assert abs(theme["judicial"] - big["judicial_truth"]) <= 0.1 * big["judicial_truth"] + 5, theme
    body = client.get(reverse("measures:api-measures"), {"q": "纠纷调解"}).json()
    assert body["count_is_estimate"] is True and body["count"] == r.count
    page = client.get(reverse("measures:measure_list"), {"q": "纠纷调解"}).content.decode()
    assert "约 <strong>" in page
    # with a facet filter active, the facet that ignores it is estimated from its own sample
    r = measure_search(params={"q": "纠纷调解", "theme": "judicial"})
    assert abs(r.count - big["judicial_truth"]) <= 0.1 * big["judicial_truth"] + 5
    assert not r.count_is_estimate   # 150 matches: exact, below the limit


def test_a_set_its_probe_puts_far_above_the_limit_is_sampled_without_an_exact_read(big, monkeypatch):
    """The probe (the first PROBE_SLICES slices of bucket 0) comes first: past
    engine.probe_gate the exact read (limit + 1 verified, ranked rows) is
    skipped, and the probe's rows are the sample's first slices (only the
    other slices are read)."""
    monkeypatch.setattr(engine, "EXACT_LIMIT", 200)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 400)
    monkeypatch.setattr(engine, "probe_gate", lambda limit, buckets=1: 0)   # every probe passes the gate
    # the facets' ratio estimates, as at scale (a sample of this corpus spans more slices than those
    # counted one by one; scaled up, the theme's 150 rows were off by up to 15% with some ids)
    monkeypatch.setattr(totals, "RATIO_SLICES", totals.SLICE_COUNT)
    statements = _record_statements(monkeypatch)
    r = measure_search(params={"q": "纠纷调解"})
    assert len(statements) == 2
    assert [part for part, _ in statements[0]] == [engine.PROBE_MAIN]
    sampled = [sql for part, sql in statements[1] if part == engine.MAIN]
    assert sampled and "LIMIT 201" not in sampled[0]          # no exact read
    # the probe's slices (bucket 0) came with the probe: only the other buckets are read
    assert engine.PROBE_SLICES == engine.SLICES and "'s:0'" in statements[0][0][1]
    assert not any(f"'s:{g}0'" in sampled[0] for g in ("", "q", "g"))
    assert r.count_is_estimate and r.facets_are_estimates
    assert abs(r.count - big["truth"]) <= 0.1 * big["truth"], r.count
    theme = {row["code"]: row["count"] for row in r.facets["theme"]}
    assert abs(theme["judicial"] - big["judicial_truth"]) <= 0.1 * big["judicial_truth"] + 5, theme


def test_the_probe_gate_leaves_sets_near_the_limit_exact():
    assert engine.probe_gate(10000) == 71              # about 18,000 expected matches
    assert engine.probe_gate(10000, engine.WIDE_PROBE) == 401
    assert engine.ambiguous_from(10000) == 20           # widened to 8 buckets from about 5,000
    assert engine.probe_gate(200) == engine.MIN_GATE


def test_an_ambiguous_probe_is_widened_before_reading(big, monkeypatch):
    """A probe that cannot tell whether the set is above the limit reads
    WIDE_PROBE buckets; a set below the limit is then read exactly."""
    monkeypatch.setattr(engine, "ambiguous_from", lambda limit, buckets=1: 0)
    statements = _record_statements(monkeypatch)
    r = measure_search(params={"q": "纠纷调解"})
    assert [[part for part, _ in st] for st in statements[:3]] == [[engine.PROBE_MAIN], [engine.PROBE_MAIN], [engine.MAIN]]
    assert r.count == big["truth"] and not r.count_is_estimate


def test_pages_stop_at_the_verified_candidates(client, big, monkeypatch):
    monkeypatch.setattr(engine, "EXACT_LIMIT", 200)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 400)
    body = client.get(reverse("measures:api-measures"), {"q": "纠纷调解", "page_size": 50}).json()
    last = client.get(reverse("measures:api-measures"),
                      {"q": "纠纷调解", "page_size": 50, "page": body["num_pages"]}).json()
    assert last["results"], "the last page must not be empty"
    past = client.get(reverse("measures:api-measures"), {"q": "纠纷调解", "page_size": 50, "page": 999})
    assert past.status_code == 404


def test_exports_are_exact_beyond_the_limit(client, make_document, make_measure, monkeypatch):
    monkeypatch.setattr(engine, "EXACT_LIMIT", 3)
    doc = make_document()
    for _ in range(8):
        make_measure("开展纠纷调解", document=doc)
    make_measure("加强专利保护", document=doc)
    import json

    rows = b"".join(client.get(reverse("measures:measure_export_json"), {"q": "调解"}).streaming_content)
    assert len(json.loads(rows)) == 8
    csv_text = b"".join(client.get(reverse("measures:measure_export_csv"), {"q": "调解"}).streaming_content)
    assert csv_text.decode("utf-8-sig").count("开展纠纷调解") == 8


def test_title_hits_are_candidates_when_sampled(make_document, make_measure, monkeypatch):
    monkeypatch.setattr(engine, "EXACT_LIMIT", 3)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 1)
    doc = make_document()
    for _ in range(8):
        make_measure("推进各项工作,涉及地理标志的一并推进", document=doc, title="统筹推进")
    titled = make_measure("推进产品认定", document=doc, title="加强地理标志保护")
    r = measure_search(params={"q": "地理标志"})
    assert r.count_is_estimate
    assert r.page.object_list[0].pk == titled.pk


def test_phrases_are_verified_on_candidates(make_measure):
    exact = make_measure("开展专利侵权纠纷行政裁决")
    make_measure("处理专利纠纷和侵权案件")
    r = measure_search(params={"q": '"专利侵权纠纷"'})
    assert [m.pk for m in r.page.object_list] == [exact.pk] and r.count == 1


def test_filter_lexemes_follow_reindexing(make_document, make_measure):
    shenyang = Region.objects.get(name="沈阳市")
    theme, _ = Theme.objects.get_or_create(code="judicial", defaults={"name": "司法保护"})
    m = make_measure("加强司法保护", document=make_document(city=shenyang, province=shenyang.parent,
                                                         region=shenyang, level="city"))
    assert measure_search(params={"q": "司法", "city": "沈阳市"}).count == 1
    m.themes.add(theme)
    update_search_vectors([m.pk])  # the services do this after every edit
    assert measure_search(params={"q": "司法", "theme": "judicial"}).count == 1
    assert measure_search(params={"q": "司法", "year_from": "2999"}).count == 0


def test_every_measure_has_a_sample_bucket(make_measure):
    m = make_measure("加强司法保护")
    from django.db import connection

    with connection.cursor() as c:
        c.execute("SELECT tsvector_to_array(facet_vector) FROM measures_measure WHERE id = %s", [m.pk])
        lexemes = c.fetchone()[0]
    buckets = [x for x in lexemes if x.startswith("s:") and x[2:].isdigit()]
    assert len(buckets) == 1 and 0 <= int(buckets[0][2:]) < 256
    bucket = int(buckets[0][2:])
    # and its groups of 4 and of 16 buckets (engine.BUCKET_GROUPS)
    assert sorted(x for x in lexemes if x.startswith("s:") and not x[2:].isdigit()) == \
        [f"s:g{bucket // 16}", f"s:q{bucket // 4}"]


def _record_statements(monkeypatch):
    """engine._statement's parts [(part, sql with its parameters)] per statement."""
    statements = []
    original = engine._statement

    def recording(pq, parts, rank, **kwargs):
        statements.append([(part, sql + " " + " ".join(map(str, params))) for part, sql, params, _ in parts])
        return original(pq, parts, rank, **kwargs)

    monkeypatch.setattr(engine, "_statement", recording)
    return statements


def test_a_sample_holding_enough_title_hits_reads_no_title_index(make_document, monkeypatch):
    """Title-level hits join a sampled result set from the title index only when
    the sample itself would not hold TITLE_ENOUGH of them (engine._sample_has_titles,
    from the probe's title hits)."""
    monkeypatch.setattr(engine, "EXACT_LIMIT", 20)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 100000)            # the sample is every bucket
    monkeypatch.setattr(engine, "probe_gate", lambda limit, buckets=1: 0)   # every probe samples
    doc = make_document()
    rows = [Measure(document=doc, ordinal=i + 1, label=str(i), title="加强地理标志保护" if i % 2 else "统筹推进",
                    text=f"推进地理标志产品认定(第{i}条)") for i in range(300)]
    ms = Measure.objects.bulk_create(rows)
    update_search_vectors([m.pk for m in ms])
    statements = _record_statements(monkeypatch)
    for holds in (True, False):
        statements.clear()
        monkeypatch.setattr(engine, "_sample_has_titles", lambda pq, probe, buckets, k, holds=holds: holds)
        r = measure_search(params={"q": "地理标志"})
        assert r.count == 300 and r.count_is_estimate
        assert any(part == engine.TITLE for parts in statements for part, _ in parts) is not holds
        assert r.page.object_list[0].title == "加强地理标志保护"   # title hits first either way


def test_the_probe_counts_its_title_hits(make_document, make_measure):
    """A probe row is a title-level hit (the term in the measure's title) when its
    rank has the title tier; _sample_has_titles scales their count to the sample."""
    from django.db import connection

    from measures.search.query import parse

    doc = make_document()
    titled = make_measure("推进产品认定", document=doc, title="加强地理标志保护")
    texted = make_measure("推进地理标志产品认定", document=doc, title="统筹推进")
    pq = parse("地理标志")
    probes = {}
    for m in (titled, texted):
        with connection.cursor() as c:
            c.execute("SELECT (hashint8(%s) & 255)::int", [m.pk])
            bucket = c.fetchone()[0]
        sql, params = engine._rows(Measure.objects.filter(pk=m.pk), text=pq.tsquery, sample=f"'s:{bucket}'")
        reads, _, _ = engine._statement(pq, [(engine.PROBE_MAIN, sql, params, "rank")], True)
        probes[m.pk] = reads[engine.PROBE_MAIN]
    cap = engine.TITLE_ENOUGH
    assert [r[0] for p in probes.values() for r in p.ranked] == [titled.pk, texted.pk]
    assert engine._sample_has_titles(pq, probes[titled.pk], 1, cap)           # 1 title hit a bucket, cap buckets
    assert not engine._sample_has_titles(pq, probes[titled.pk], 1, cap - 1)
    assert not engine._sample_has_titles(pq, probes[texted.pk], 1, 256)
    assert not engine._sample_has_titles(parse("标题:地理标志"), probes[titled.pk], 1, 256)   # no title tier


@pytest.mark.parametrize("params", [
    {"theme": "judicial"},
    {"theme": "judicial", "year_from": "2000"},
    {"city": "沈阳市"},
])
def test_filters_that_are_lexemes_are_not_joined_in_sql(big, params, monkeypatch):
    """Place, theme, IP type and year filters of a text search are applied as facet
    lexemes only (no join to documents or themes), with the SQL filters' results
    (the exports keep those)."""
    from measures.selectors import measure_export_queryset

    statements = _record_statements(monkeypatch)
    params = {"q": "纠纷调解", **params}
    r = measure_search(params=params)
    assert r.count == measure_export_queryset(params=params).count()
    sql = " ".join(s for parts in statements for _, s in parts)
    assert "measures_measure_themes" not in sql and "JOIN" not in sql
    assert ("'t:judicial'" in sql) == ("theme" in params) and ("'c:" in sql) == ("city" in params)
    if "theme" in params and "year_from" not in params:
        assert r.count == big["judicial_truth"]


def test_a_filter_that_is_no_lexeme_keeps_its_sql(big, monkeypatch):
    from measures.selectors import measure_export_queryset

    statements = _record_statements(monkeypatch)
    params = {"q": "纠纷调解", "theme": "judicial", "level": "city"}
    r = measure_search(params=params)
    sql = " ".join(s for parts in statements for _, s in parts)
    assert "measures_document" in sql and "measures_measure_themes" in sql
    assert r.count == measure_export_queryset(params=params).count()


def test_equal_ranks_go_to_the_newest_document(make_document, make_measure):
    """The document's date (the ranking's tie-break) is read with the candidates."""
    import datetime

    old = make_measure("加强商业秘密保护", document=make_document(published_date=datetime.date(2019, 1, 1)))
    new = make_measure("加强商业秘密保护", document=make_document(published_date=datetime.date(2024, 1, 1)))
    undated = make_measure("加强商业秘密保护", document=make_document(published_date=None, signed_date=None))
    r = measure_search(params={"q": "商业秘密"})
    assert [m.pk for m in r.page.object_list] == [new.pk, old.pk, undated.pk]


def test_sample_buckets_and_filters_are_separate_index_conditions(big):
    """The buckets and a (long) filter clause are two GIN keys: the filter's is
    checked only on what the text and the buckets leave."""
    from measures.search.query import parse

    sql, params = engine._rows(Measure.objects.all(), text=parse("纠纷调解").tsquery, facets="('y:2020' | 'y:2021')",
                               sample="'s:1' | 's:2'")
    assert sql.count('"facet_vector" @@') == 2
    assert params.index("'s:1' | 's:2'") < params.index("('y:2020' | 'y:2021')")


def test_a_sample_ranks_its_first_buckets_and_counts_them_all(big, monkeypatch):
    """Of a sampled result set, the buckets up to RANK_TARGET rows are ranked (the
    results and their pages); the others are verified and counted, not ranked:
    the count and the facets are those of the whole sample."""
    monkeypatch.setattr(engine, "EXACT_LIMIT", 200)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 400)
    monkeypatch.setattr(engine, "probe_gate", lambda limit, buckets=1: 0)   # every probe samples
    monkeypatch.setattr(engine, "PROBE_RANKED", engine.PROBE_SLICES)        # the probe ranks all its rows
    found = {}
    for target in (10**6, 50):
        monkeypatch.setattr(engine, "RANK_TARGET", target)
        cand = engine.candidates(parse_query({"q": ["纠纷调解"]}), Measure.objects.all())
        r = measure_search(params={"q": "纠纷调解"})
        found[target] = (cand, r)
    (every, r_every), (first, r_first) = found[10**6], found[50]
    assert set(first.sample_ids) == set(every.sample_ids) and first.estimate == every.estimate
    assert r_first.count == r_every.count and r_first.facets == r_every.facets
    # the ranked slices are chosen from the probe's rows a slice (an estimate: the slices after the
    # probe may hold fewer rows than it did, which the generated ids decide), so only "some, not all"
    assert 0 < len(first.ids) < len(every.ids) == len(every.sample_ids)
    assert set(first.ids) < set(every.ids)
    ranks = dict(zip(every.ids, every.ranks))
    assert all(abs(ranks[i] - rank) < 1e-9 for i, rank in zip(first.ids, first.ranks))   # the same ranks
    assert r_first.page.paginator.count == len(first.ids) < r_every.page.paginator.count


def test_the_lean_query_is_a_superset_with_fewer_lexemes(big):
    """ParsedQuery.lean_tsquery (what the engine reads through the index before it
    checks the query on each row's vector) keeps each term's rarest bigram: every
    match of the query matches it."""
    from django.db import connection

    from measures.search.query import parse

    for q in ("纠纷调解", '"人民调解"', "调解 纠纷", "纠纷调解 OR 人民调解"):
        pq = parse(q)
        assert pq.lean_tsquery and pq.lean_tsquery.count("'") < pq.loose_tsquery.count("'") or \
            pq.lean_tsquery == pq.loose_tsquery
        with connection.cursor() as c:
            c.execute("SELECT count(*) FILTER (WHERE search_vector @@ %s::tsquery), "
                      "count(*) FILTER (WHERE search_vector @@ %s::tsquery AND NOT search_vector @@ %s::tsquery) "
                      "FROM measures_measure", [pq.tsquery, pq.tsquery, pq.lean_tsquery])
            matches, missed = c.fetchone()
        assert matches > 0 and missed == 0, q


@pytest.mark.parametrize("sampled", [False, True])
def test_rows_holding_the_lean_bigrams_but_not_the_phrase_are_dropped(make_document, make_measure, monkeypatch,
                                                                      sampled):
    """The index reads the lean query's rows; the phrase is checked on each row's
    vector (its copy, the one the ranks read), in an exact read and in a sample."""
    if sampled:
        monkeypatch.setattr(engine, "EXACT_LIMIT", 1)
        monkeypatch.setattr(engine, "SAMPLE_TARGET", 10**6)                  # every slice
        monkeypatch.setattr(engine, "probe_gate", lambda limit, buckets=1: 0)   # every probe samples
    doc = make_document()
    hits = [make_measure("开展专利侵权纠纷行政裁决", document=doc) for _ in range(3)]
    make_measure("查处专利侵害行为,化解维权纠纷", document=doc)     # 利侵 and 权纠, not the phrase
    r = measure_search(params={"q": '"专利侵权纠纷"'})
    assert r.count_is_estimate is sampled
    assert r.count == 3 and sorted(m.pk for m in r.page.object_list) == sorted(m.pk for m in hits)


def test_sample_slices_refine_the_buckets(big):
    """A row's sample slice (engine.slice_sql) lies in its bucket (its 's:N'
    lexeme): slices first … end - 1 are read through their buckets' lexemes
    and filtered to the slices."""
    from django.db import connection

    assert engine._region(4, 20) == ("'s:0' | 's:1'", (4, 20))
    assert engine._region(16, 48) == ("'s:1' | 's:2'", None)
    # whole groups of 4 and 16 buckets through their own lexeme
    assert engine._buckets(2, 40) == "'s:2' | 's:3' | 's:q1' | 's:q2' | 's:q3' | 's:g1' | 's:q8' | 's:q9'"
    assert engine._region(16 * 8, 16 * 58 + 3) == (
        "'s:q2' | 's:q3' | 's:g1' | 's:g2' | 's:q12' | 's:q13' | 's:56' | 's:57' | 's:58'", (128, 931))
    with connection.cursor() as c:
        c.execute(f"SELECT {engine.slice_sql('id')}, tsvector_to_array(facet_vector) FROM measures_measure")
        rows = c.fetchall()
    assert len(rows) == 600 and len({s for s, _ in rows}) > 256
    for slice_, lexemes in rows:
        assert f"s:{slice_ // engine.SLICES}" in lexemes
        assert {f"s:q{slice_ // engine.SLICES // 4}", f"s:g{slice_ // engine.SLICES // 16}"} <= set(lexemes)
    with connection.cursor() as c:   # the groups' lexemes select exactly their buckets' rows
        c.execute("SELECT id FROM measures_measure WHERE facet_vector @@ %s::tsquery", [engine._buckets(2, 40)])
        grouped = {r[0] for r in c.fetchall()}
    assert grouped and grouped == {m.pk for m in big["ms"] if 2 <= _slice_of(m.pk) // engine.SLICES < 40}
    # 16 slices around a row's (a fixed range holds none of the 600 rows about one time in ten: the
    # generated ids decide, and so the tests that ran before)
    first = max(0, min(_slice_of(big["ms"][0].pk) - 4, engine.SAMPLE_BUCKETS * engine.SLICES - 16))
    ids = {m.pk for m in Measure.objects.filter(engine._InSlices(engine.F("pk"), first, first + 16))}
    assert ids and ids == {m.pk for m in big["ms"] if first <= _slice_of(m.pk) < first + 16}


def _slice_of(pk: int) -> int:
    from django.db import connection

    with connection.cursor() as c:
        c.execute(f"SELECT {engine.slice_sql('x')} FROM (SELECT %s::bigint AS x) AS t", [pk])
        return c.fetchone()[0]


def _every_probe_samples(monkeypatch, exact: int, sample: int, *, base: int | None = None,
                         rank: int | None = None, slices: int | None = None) -> None:
    """The engine's limits made small for the test corpus, and every probe sampled (probe_gate 0);
    ``slices``: a probe reads that many times engine.SLICES (a probe that sees rows)."""
    monkeypatch.setattr(engine, "EXACT_LIMIT", exact)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", sample)
    if base is not None:
        monkeypatch.setattr(engine, "BASE_TARGET", base)
    if rank is not None:
        monkeypatch.setattr(engine, "RANK_TARGET", rank)
    monkeypatch.setattr(engine, "probe_gate", lambda limit, buckets=1: 0)   # every probe samples
    if slices is not None:
        monkeypatch.setattr(engine, "PROBE_SLICES", engine.SLICES * slices)


def _date_two_documents(big):
    """One document of the big corpus published in 2020, one in 1980 (the rest keep their dates)."""
    import datetime

    from measures.models import Document

    docs = sorted({m.document_id for m in big["ms"]})
    Document.objects.filter(pk=docs[0]).update(published_date=datetime.date(2020, 5, 1), signed_date=None)
    Document.objects.filter(pk=docs[1]).update(published_date=datetime.date(1980, 5, 1), signed_date=None)
    update_search_vectors([m.pk for m in big["ms"]])


def test_a_sampled_year_range_is_checked_on_the_rows_not_intersected_in_the_index(big, monkeypatch):
    """A result set filtered by years alone whose years keep most of the text's rows
    (the wider set's probe says so) reads its sample with the year range as a row
    filter (ts_match_vq), not as a key of the index; the count stays within 10%."""
    from measures.selectors import measure_export_queryset

    _date_two_documents(big)
    _every_probe_samples(monkeypatch, 100, 400, base=400, slices=64)
    statements = _record_statements(monkeypatch)
    params = {"q": "纠纷调解", "year_from": "1990"}
    r = measure_search(params=params)
    truth = measure_export_queryset(params=params).count()
    assert 100 < truth < big["truth"] and r.count_is_estimate
    assert abs(r.count - truth) <= 0.1 * truth, r.count
    main_reads = [sql for parts in statements[1:] for part, sql in parts
                  if part in (engine.MAIN, (engine.MAIN, engine.BASE))]
    assert main_reads and all("ts_match_vq" in sql for sql in main_reads)
    # the wider set (the text alone) is read in the same read, from the same slices
    wider_reads = [part for parts in statements[1:] for part, _ in parts
                   if part == engine.BASE or (isinstance(part, tuple) and engine.BASE in part)]
    assert wider_reads == [(engine.MAIN, engine.BASE)]
    # the probe reads both sets' rows of its slices in one read too (the results' are among them)
    assert [part for part, _ in statements[0]] == [(engine.PROBE_MAIN, engine.PROBE_BASE)]


@pytest.mark.parametrize("params", [{"q": "纠纷调解", "year_from": "1990"}, {"q": "纠纷 调解", "year_to": "2021"},
                                    {"q": "纠纷调解", "theme": "judicial"}])
def test_the_shared_read_of_results_and_wider_set_equals_two_reads(big, monkeypatch, params):
    """A sampled result set with lexeme filters (years, a theme) and the wider set of its
    text read in one read (engine.SHARED_READS: the probe, and the sample where the years
    keep a quarter of the text's rows) give the same rows, ranks, count and facets as two
    reads."""
    _date_two_documents(big)
    _every_probe_samples(monkeypatch, 100, 400, base=300, rank=150, slices=64)
    found = {}
    for shared in (True, False):
        monkeypatch.setattr(engine, "SHARED_READS", shared)
        statements = _record_statements(monkeypatch)
        r = measure_search(params={**params, "size": "100"})
        found[shared] = (r.count, r.count_is_estimate, [(m.pk, m.rank) for m in r.page.object_list], r.facets)
        merged = [part for parts in statements for part, _ in parts if isinstance(part, tuple)]
        assert bool(merged) is shared
    assert found[True][1] and found[True] == found[False]


@pytest.mark.parametrize("theme, merged", [("administrative", True), ("judicial", False)])
def test_a_sampled_theme_keeping_most_of_the_text_shares_the_wider_sets_read(big, monkeypatch, theme, merged):
    """A result set of one lexeme filter that keeps engine.SHARED_SHARE of the text's rows or
    more (a theme on 80% of them; by the probes) is sampled in one read with the wider set of
    its text, over the results' slices, and gives the same rows, ranks, count and facets as two
    reads; a theme on a third of them is read apart."""
    admin, _ = Theme.objects.get_or_create(code="administrative", defaults={"name": "行政保护"})
    admin.measures.add(*[m for i, m in enumerate(big["ms"]) if i % 5])
    update_search_vectors([m.pk for m in big["ms"]])   # the theme's facet lexemes
    _every_probe_samples(monkeypatch, 100, 300, base=250, rank=150, slices=32)
    found = {}
    for share in (engine.SHARED_SHARE, 0):
        statements = _record_statements(monkeypatch)
        monkeypatch.setattr(engine, "SHARED_SHARE", share)
        r = measure_search(params={"q": "纠纷调解", "theme": theme, "size": "100"})
        found[share] = (r.count, r.count_is_estimate, [(m.pk, m.rank) for m in r.page.object_list], r.facets)
        sampled = [part for parts in statements[1:] for part, _ in parts if part != engine.TITLE]
        # both sets sampled after the probe: in one read, or apart
        assert sampled == ([(engine.MAIN, engine.BASE)] if share and merged else [engine.MAIN, engine.BASE]), sampled
    assert found[engine.SHARED_SHARE][1] and found[engine.SHARED_SHARE] == found[0]


@pytest.mark.parametrize("params", [{"q": "纠纷调解", "year_from": "1990"}, {"q": "纠纷调解", "theme": "judicial"}])
def test_a_shared_reads_lexemes_counted_once_give_the_same_facets(big, monkeypatch, params):
    """engine.SPLIT_LEXEMES: the facet lexemes of a shared read's rows are unnested once and counted
    for both of its sets: the same facets (and everything else) as each set's rows unnested apart."""
    _date_two_documents(big)
    _every_probe_samples(monkeypatch, 100, 400, base=300, slices=64)
    found = {}
    for once in (True, False):
        monkeypatch.setattr(engine, "SPLIT_LEXEMES", once)
        statements = _record_statements(monkeypatch)
        r = measure_search(params={**params, "size": "100"})
        found[once] = (r.count, [(m.pk, m.rank) for m in r.page.object_list], r.facets)
        assert any(isinstance(part, tuple) for parts in statements for part, _ in parts)   # a shared read
    assert found[True] == found[False]
    assert found[True][2]["year"] and found[True][2]["theme"]


# half the set holds about 225 of the 450 matches (which half the ids decide): 180 of them are
# ENOUGH of a target of 225 (at 250, 200 were: a half holding fewer made one read more, as the ids
# of the tests that ran before decide)
@pytest.mark.parametrize("target, reads_more", [(225, False), (1000, True)])
def test_a_probe_holding_most_of_its_target_is_the_sample(big, monkeypatch, target, reads_more):
    """A probe with ENOUGH of the sample's target rows is the sample: reading a few
    more slices of its bucket would scan the bucket in the index again."""
    _every_probe_samples(monkeypatch, 100, target, slices=128)   # a probe of half the set
    statements = _record_statements(monkeypatch)
    r = measure_search(params={"q": "纠纷调解"})
    probe = [part for part, _ in statements[0]].count(engine.PROBE_MAIN)
    more = [part for parts in statements[1:] for part, _ in parts if part == engine.MAIN]
    assert probe == 1 and bool(more) is reads_more
    assert r.count_is_estimate and abs(r.count - big["truth"]) <= 0.2 * big["truth"], r.count


@pytest.mark.parametrize("lo, hi", [(1900, 2023), (2024, 2100), (1990, 2011), (2000, 2099), (2022, 2022)])
def test_a_year_range_is_a_few_prefixes_matching_the_same_rows(make_document, make_measure, lo, hi):
    """engine.year_lexemes: whole decades, centuries and millennia of a year range
    are lexeme prefixes ('y:201':*), so a range up to 2023 is 7 operands, not 124;
    PostgreSQL finds the same measures with it as with every year spelled out, and
    selectors reads the same years out of it."""
    import datetime

    from django.db import connection

    from measures.selectors import _clause_lexemes

    years = [1899, 1900, 1989, 1990, 1999, 2000, 2009, 2010, 2011, 2019, 2020, 2022, 2023, 2024, 2099, 2100, 2101]
    for y in years:
        make_measure("加强保护", document=make_document(published_date=datetime.date(y, 6, 1), signed_date=None))
    compact = " | ".join(engine.year_lexemes(lo, hi))
    spelled = " | ".join(f"'y:{y}'" for y in range(lo, hi + 1))
    assert compact.count("'") <= 2 * 14
    found = {}
    with connection.cursor() as cursor:
        for name, clause in (("compact", compact), ("spelled", spelled)):
            cursor.execute("SELECT count(*) FROM measures_measure WHERE facet_vector @@ %s::tsquery", [clause])
            found[name] = cursor.fetchone()[0]
    assert found["compact"] == found["spelled"] == sum(1 for y in years if lo <= y <= hi)
    assert _clause_lexemes(compact) == {f"y:{y}" for y in range(lo, hi + 1)}



def test_facet_counts_scaled_from_a_sample_are_shown_as_estimates(client, big, monkeypatch):
    """A facet counted from a sample shows 约 before each count, as the total does; a facet
    counted exactly does not (issue 13: facets follow the counts' rule)."""
    from lxml import html as lxml_html

    def counts(params):
        doc = lxml_html.fromstring(client.get(reverse("measures:measure_list"), params).content.decode())
        out = {}
        for group in doc.xpath("//fieldset[contains(@class,'facet-group')]"):
            key = [c for c in group.get("class").split() if c.startswith("facet-") and c != "facet-group"][0][6:]
            out[key] = [" ".join(s.text_content().split()) for s in group.xpath(".//span[@class='count']")]
        out["year"] = [" ".join(s.text_content().split()) for s in doc.xpath("//span[@class='bar-n']")]
        return out

    exact = counts({"q": "纠纷调解"})
    assert exact["theme"] and exact["year"] and not any("约" in c for cs in exact.values() for c in cs), exact
    monkeypatch.setattr(engine, "EXACT_LIMIT", 200)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 400)
    sampled = counts({"q": "纠纷调解"})
    assert all(c.startswith("约 ") for cs in sampled.values() for c in cs) and sampled["theme"], sampled
    # 150 results counted exactly; the theme facet counts the 450 of the wider set, sampled
    wider = counts({"q": "纠纷调解", "theme": "judicial"})
    assert wider["theme"] and all(c.startswith("约 ") for c in wider["theme"]), wider
    assert wider["specificity"] and not any("约" in c for key in ("specificity", "year") for c in wider[key]), wider
