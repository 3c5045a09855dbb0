"""A sample read verifies its checked part (its first slices up to engine.CHECK_TARGET rows,
and its ranked rows) whatever; its other rows only when the checked part shows rows of the
index that do not match the query (engine._checked_sql). Exact reads verify every row."""
import pytest

from measures.models import Measure
from measures.search import engine
from measures.search.index import update_search_vectors
from measures.selectors import measure_search, parse_query

pytestmark = pytest.mark.django_db

PHRASE = '"专利侵权纠纷"'


@pytest.fixture
def decoys(make_document):
    """400 measures: 300 hold the phrase 专利侵权纠纷, 100 only its lean bigram 利侵 (专利侵害 … 维权纠纷):
    rows the index gives for the lean query that verification drops."""
    docs = [make_document(), make_document()]
    rows = [Measure(document=docs[i % 2], ordinal=i // 2 + 1, label=str(i),
                    text=("开展专利侵权纠纷行政裁决" if i % 4 else "查处专利侵害行为,化解维权纠纷") + f"(第{i}条)")
            for i in range(400)]
    ms = Measure.objects.bulk_create(rows)
    update_search_vectors([m.pk for m in ms])
    return {"hits": {m.pk for i, m in enumerate(ms) if i % 4}, "decoys": {m.pk for i, m in enumerate(ms) if not i % 4}}


@pytest.fixture
def sampled(monkeypatch):
    """Every set is sampled, over every slice (the whole set: the estimate is its count)."""
    monkeypatch.setattr(engine, "EXACT_LIMIT", 50)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 10**6)
    monkeypatch.setattr(engine, "probe_gate", lambda limit, buckets=1: 0)
    monkeypatch.setattr(engine, "RANK_TARGET", 20)
    monkeypatch.setattr(engine, "CHECK_TARGET", 200)
    monkeypatch.setattr(engine, "CHECK_MIN", 20)   # the probe's checked part (a few rows) is no evidence


def _candidates(**kwargs):
    return engine.candidates(parse_query({"q": [PHRASE]}), Measure.objects.all(), **kwargs)


def test_a_checked_part_with_rows_that_fail_the_query_has_every_row_verified(decoys, sampled):
    cand = _candidates()
    assert not cand.exact
    assert set(cand.sample_ids) == decoys["hits"] and cand.estimate == 300
    assert set(cand.ids) <= decoys["hits"]


def test_a_trusted_checked_part_leaves_the_other_rows_unread(decoys, sampled, monkeypatch):
    """With any share of failing rows trusted (CHECK_TRUST 1), the rows past the checked part are
    counted as the index gives them: decoys among them are counted, those of the checked part are
    not, and none is among the ranked rows (the results shown are always verified)."""
    monkeypatch.setattr(engine, "CHECK_TRUST", 1)
    cand = _candidates()
    counted = set(cand.sample_ids)
    assert decoys["hits"] <= counted and counted & decoys["decoys"]
    assert not decoys["decoys"] <= counted                               # the checked part dropped its own
    assert set(cand.ids) <= decoys["hits"] and cand.ids
    assert cand.estimate == engine.round_estimate(len(counted)) and len(counted) > 300
    # the same read without checked parts verifies every row
    monkeypatch.setattr(engine, "CHECKED_READS", False)
    assert set(_candidates().sample_ids) == decoys["hits"]


def test_exact_reads_verify_every_row(decoys, monkeypatch):
    monkeypatch.setattr(engine, "CHECK_TRUST", 1)
    monkeypatch.setattr(engine, "CHECK_MIN", 1)
    r = measure_search(params={"q": PHRASE})
    assert not r.count_is_estimate and r.count == 300


def test_too_few_checked_rows_are_no_evidence(decoys, sampled, monkeypatch):
    """Fewer than CHECK_MIN rows checked: every row verified, however few of them failed."""
    monkeypatch.setattr(engine, "CHECK_TRUST", 1)
    monkeypatch.setattr(engine, "CHECK_MIN", 10**6)
    assert set(_candidates().sample_ids) == decoys["hits"]


def test_a_wider_set_sample_is_checked_too(decoys, sampled, monkeypatch):
    """The wider set's read (ids, the facets' rows) has its checked part as well."""
    base = Measure.objects.all()
    for trust, has_decoys in ((400, False), (1, True)):
        monkeypatch.setattr(engine, "CHECK_TRUST", trust)
        cand = engine.candidates(parse_query({"q": [PHRASE]}), Measure.objects.filter(pk__in=decoys["hits"]),
                                 base=base)
        assert decoys["hits"] <= set(cand.base_ids)
        assert bool(set(cand.base_ids) & decoys["decoys"]) is has_decoys


def test_a_long_terms_lean_query_leaves_out_its_shorter_phrases(make_document, monkeypatch):
    """A term of query.LEAN_PAIR_FROM bigrams or more reads two non-word bigrams through the
    index (利侵 & 权纠 of 专利侵权纠纷): the rows of its shorter phrase 专利侵权, which hold its
    rarest bigram alone, are not among the index's rows (with one bigram a quarter of the
    rows at 1M failed the phrase, and every row of a sample was verified); still a superset."""
    from django.db import connection

    from measures.search import query

    doc = make_document()
    texts = ["开展专利侵权纠纷行政裁决"] * 3 + ["查处专利侵权行为"] * 3 + ["化解知识产权纠纷"]
    ms = Measure.objects.bulk_create([Measure(document=doc, ordinal=i + 1, label=str(i), text=t)
                                      for i, t in enumerate(texts)])
    update_search_vectors([m.pk for m in ms])

    def index_rows(pq):
        with connection.cursor() as c:
            c.execute("SELECT count(*) FILTER (WHERE search_vector @@ %s::tsquery), count(*) FILTER "
                      "(WHERE search_vector @@ %s::tsquery) FROM measures_measure", [pq.lean_tsquery, pq.tsquery])
            return c.fetchone()

    pq = parse_query({"q": [PHRASE]})
    assert pq.lean_tsquery == "('利侵' & '权纠')"
    assert index_rows(pq) == (3, 3)
    monkeypatch.setattr(query, "LEAN_PAIR_FROM", 99)   # the rarest bigram alone
    pq = parse_query({"q": [PHRASE]})
    assert pq.lean_tsquery == "'利侵'" and index_rows(pq) == (6, 3)
    # a term of three bigrams keeps one (识产 of 知识产权: no word, and it holds the term)
    monkeypatch.setattr(query, "LEAN_PAIR_FROM", 4)
    assert parse_query({"q": ["知识产权"]}).lean_tsquery.count("&") == 0
