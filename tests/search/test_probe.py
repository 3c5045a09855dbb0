"""The probe reads bucket 0 whole (engine.PROBE_SLICES): its first PROBE_RANKED slices are
verified and ranked, the others counted (as a sample read's unchecked rows); a set to sample
beside one whose probe is widened is widened with it, so that both are sampled in one read."""
import pytest
from django.db import connection

from measures.models import Measure, Theme
from measures.search import engine
from measures.search.index import update_search_vectors
from measures.selectors import measure_search, parse_query

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(make_document):
    judicial, _ = Theme.objects.get_or_create(code="judicial", defaults={"name": "司法保护"})
    docs = [make_document(), make_document()]
    rows = [Measure(document=docs[i % 2], ordinal=i // 2 + 1, label=str(i), text=f"开展纠纷调解工作(第{i}条)")
            for i in range(3000)]
    ms = Measure.objects.bulk_create(rows)
    judicial.measures.add(*ms[::3])
    update_search_vectors([m.pk for m in ms])
    with connection.cursor() as c:
        c.execute(f"SELECT id, {engine.slice_sql('id')} FROM measures_measure")
        return dict(c.fetchall())


def test_the_probe_counts_bucket_0_and_ranks_its_first_slices(corpus, monkeypatch):
    monkeypatch.setattr(engine, "EXACT_LIMIT", 10)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 1)                        # the probe is the sample
    monkeypatch.setattr(engine, "probe_gate", lambda limit, buckets=1: 0)
    cand = engine.candidates(parse_query({"q": ["纠纷调解"]}), Measure.objects.all())
    bucket0 = {pk for pk, s in corpus.items() if s < engine.SLICES}
    ranked = {pk for pk, s in corpus.items() if s < engine.PROBE_RANKED}
    assert engine.PROBE_SLICES == engine.SLICES and bucket0 > ranked and ranked
    assert set(cand.sample_ids) == bucket0 and set(cand.ids) == ranked
    assert cand.estimate == engine.round_estimate(len(bucket0) * engine.SAMPLE_BUCKETS)


def test_a_set_to_sample_beside_a_widened_probe_is_widened_with_it(corpus, monkeypatch):
    """The results (a theme) are ambiguous after the probe, the wider set (the text) above the
    gate: both are widened in one read (then sampled)."""
    judicial = set(Measure.objects.filter(themes__code="judicial").values_list("pk", flat=True))
    n_main = sum(1 for pk, s in corpus.items() if s < engine.PROBE_SLICES and pk in judicial)
    n_base = sum(1 for pk, s in corpus.items() if s < engine.PROBE_SLICES)
    assert n_base > n_main
    monkeypatch.setattr(engine, "EXACT_LIMIT", 100)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 300)
    monkeypatch.setattr(engine, "BASE_TARGET", 300)
    # after the probe the results stay below the gate (widened), the wider set passes it; after
    # the wide probe both pass
    monkeypatch.setattr(engine, "probe_gate", lambda limit, buckets=1: n_main + 1 if buckets < engine.WIDE_PROBE else 0)
    monkeypatch.setattr(engine, "ambiguous_from", lambda limit, buckets=1: 0)
    monkeypatch.setattr(engine, "TRY_SAMPLE", False)   # widened, not sampled at once
    parts = []
    original = engine._statement

    def recording(pq, ps, rank, **kwargs):
        parts.append([p for p, *_ in ps])
        return original(pq, ps, rank, **kwargs)

    monkeypatch.setattr(engine, "_statement", recording)
    r = measure_search(params={"q": "纠纷调解", "theme": "judicial"})
    assert r.count_is_estimate and abs(r.count - 1000) <= 150, r.count
    both = (engine.PROBE_MAIN, engine.PROBE_BASE)
    assert parts[0] == [both] and parts[1] == [both]
    assert {engine.MAIN, engine.BASE} <= {p for ps in parts[2:] for part in ps
                                          for p in (part if isinstance(part, tuple) else (part,))}


def _statements(monkeypatch):
    parts = []
    original = engine._statement

    def recording(pq, ps, rank, **kwargs):
        parts.append([p for p, *_ in ps if p != engine.TITLE])   # the title index's hits beside a sample
        return original(pq, ps, rank, **kwargs)

    monkeypatch.setattr(engine, "_statement", recording)
    return parts


def test_an_ambiguous_probe_above_the_limit_reads_its_sample_at_once(corpus, monkeypatch):
    """A probe that cannot tell (below the gate) but puts its set above the limit (engine.looks_above)
    reads the sample's slices next, not WIDE_PROBE buckets first: past the gate of those slices
    they are the sample (two statements, not three)."""
    gate = engine.probe_gate
    monkeypatch.setattr(engine, "EXACT_LIMIT", 100)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 300)
    monkeypatch.setattr(engine, "probe_gate", lambda limit, buckets=1: 10**6 if buckets <= 1 else gate(limit, buckets))
    monkeypatch.setattr(engine, "ambiguous_from", lambda limit, buckets=1: 0)
    parts = _statements(monkeypatch)
    r = measure_search(params={"q": "纠纷调解"})
    assert parts == [[engine.PROBE_MAIN], [engine.MAIN]]
    assert r.count_is_estimate and abs(r.count - 3000) <= 450, r.count
    monkeypatch.setattr(engine, "TRY_SAMPLE", False)
    parts.clear()
    assert measure_search(params={"q": "纠纷调解"}).count_is_estimate
    assert parts[:2] == [[engine.PROBE_MAIN], [engine.PROBE_MAIN]]   # widened first


def test_a_sample_read_at_once_below_its_gate_is_followed_by_the_exact_read(corpus, monkeypatch):
    """A set read at once as a sample whose slices stay below the gate is read whole: exact."""
    monkeypatch.setattr(engine, "EXACT_LIMIT", 5000)
    monkeypatch.setattr(engine, "SAMPLE_TARGET", 300)
    monkeypatch.setattr(engine, "probe_gate", lambda limit, buckets=1: 10**6)
    monkeypatch.setattr(engine, "ambiguous_from", lambda limit, buckets=1: 0)
    monkeypatch.setattr(engine, "looks_above", lambda n, read, limit: True)
    parts = _statements(monkeypatch)
    r = measure_search(params={"q": "纠纷调解"})
    assert parts == [[engine.PROBE_MAIN], [engine.MAIN], [engine.MAIN]]
    assert not r.count_is_estimate and r.count == 3000
