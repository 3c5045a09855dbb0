"""Bounded search work: capped candidates, estimated counts, title hits first,
filter lexemes (measures.search.engine)."""
import pytest
from django.urls import reverse

from measures.models import Region, Theme
from measures.search import engine
from measures.search.index import update_search_vectors
from measures.selectors import measure_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_cap(monkeypatch):
    monkeypatch.setattr(engine, "CANDIDATE_CAP", 3)
    monkeypatch.setattr(engine, "TITLE_CAP", 2)


def test_small_result_sets_are_exact(client, make_measure):
    for _ in range(3):
        make_measure("开展纠纷调解")
    body = client.get(reverse("measures:api-measures"), {"q": "调解"}).json()
    assert body["count"] == 3
    assert body["count_is_estimate"] is False and body["facets_are_estimates"] is False


def test_over_the_cap_the_count_is_an_estimate(client, make_document, make_measure, small_cap):
    doc = make_document()
    for _ in range(8):
        make_measure("开展纠纷调解", document=doc)
    body = client.get(reverse("measures:api-measures"), {"q": "调解"}).json()
    assert body["count_is_estimate"] is True and body["facets_are_estimates"] is True
    assert body["count"] >= 4 and 1 <= len(body["results"]) <= 5
    # pages only reach as far as the verified candidates: no empty pages
    last = client.get(reverse("measures:api-measures"), {"q": "调解", "page_size": 2, "page": 99}).json()
    assert last["results"], "the last page must not be empty"
    page = client.get(reverse("measures:measure_list"), {"q": "调解"}).content.decode()
    assert "约 <strong>" in page


def test_exports_are_exact_beyond_the_cap(client, make_document, make_measure, small_cap):
    doc = make_document()
    for _ in range(8):
        make_measure("开展纠纷调解", document=doc)
    make_measure("加强专利保护", document=doc)
    import json

    rows = b"".join(client.get(reverse("measures:measure_export_json"), {"q": "调解"}).streaming_content)
    assert len(json.loads(rows)) == 8
    csv_text = b"".join(client.get(reverse("measures:measure_export_csv"), {"q": "调解"}).streaming_content)
    assert csv_text.decode("utf-8-sig").count("开展纠纷调解") == 8


def test_title_hits_are_candidates_when_capped(make_document, make_measure, small_cap):
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
