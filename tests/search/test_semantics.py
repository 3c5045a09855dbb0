"""What a search means (issue 13): unquoted Chinese as written, the 模糊
switch and the zero-result offer, every operator form over HTTP, fields and
the advanced form (one shareable URL, the same in the API)."""
from datetime import date

import pytest
from django.urls import reverse

from measures.models import MeasureUnit, ResponsibleUnit

pytestmark = pytest.mark.django_db


def api(client, **params):
    resp = client.get(reverse("measures:api-measures"), params)
    assert resp.status_code == 200, resp.content[:300]
    return resp.json()


def api_ids(client, **params):
    return {r["id"] for r in api(client, page_size=100, **params)["results"]}


@pytest.fixture
def corpus(make_document, make_measure):
    d1 = make_document(title="某市数据知识产权工作实施方案", issuer="某市人民政府", doc_number="某政发〔2024〕8号",
                       signed_date=date(2024, 3, 1), published_date=date(2024, 3, 5))
    d2 = make_document(title="某省知识产权保护若干措施", issuer="某省市场监督管理局", doc_number="某市监发〔2022〕3号",
                       published_date=date(2022, 6, 1))
    d3 = make_document(title="关于做好专利转化工作的通知", issuer="某县人民政府", published_date=date(2023, 1, 10))
    ms = {
        "whole": make_measure("探索数据知识产权登记制度", document=d1, title="推进数据知识产权试点"),
        "apart": make_measure("推动数据共享,加强知识产权保护", document=d1),
        "adjudication": make_measure("开展专利侵权纠纷行政裁决试点", document=d2),
        "admin_apart": make_measure("强化行政执法,依法裁决纠纷", document=d2),
        "patent": make_measure("加强专利保护", document=d3),
        "trademark": make_measure("加强商标保护", document=d3),
        "both": make_measure("加强专利和商标保护", document=d2),
        "copyright": make_measure("加强著作权登记", document=d2),
        "heading_only": make_measure("推进相关工作", document=d1, path=["地理标志保护"]),
    }
    unit = ResponsibleUnit.objects.create(name="市市场监管局")
    MeasureUnit.objects.create(measure=ms["patent"], unit=unit, role="lead")
    return {"ms": ms, "docs": (d1, d2, d3)}


def test_unquoted_term_is_matched_as_written(client, corpus):
    ms = corpus["ms"]
    assert api_ids(client, q="数据知识产权") == {ms["whole"].pk}
    assert api_ids(client, q="行政裁决") == {ms["adjudication"].pk}
    # every result contains the term as written (folded)
    for r in api(client, q="知识产权")["results"]:
        assert "知识产权" in r["text"] + (r["title"] or "")


def test_chapter_headings_and_document_titles_do_not_match(client, corpus):
    assert api(client, q="地理标志")["count"] == 0      # only in a chapter heading
    assert api(client, q="实施方案")["count"] == 0      # only in a document title


def test_fuzzy_switch_matches_all_words(client, corpus):
    ms = corpus["ms"]
    body = api(client, q="数据知识产权", fuzzy="1")
    assert [r["id"] for r in body["results"]] == [ms["whole"].pk, ms["apart"].pk]   # as written first
    assert body["query"]["fuzzy"] is True and body["query"]["words"] == ["数据", "知识产权"]
    assert api_ids(client, q="行政裁决", fuzzy="true") == {ms["adjudication"].pk, ms["admin_apart"].pk}


def test_no_match_as_written_offers_the_all_words_match(client, corpus):
    ms = corpus["ms"]
    body = api(client, q="数据保护")
    assert body["count"] == 0 and body["results"] == []
    suggestion = body["query"]["fuzzy_suggestion"]
    assert suggestion["count"] == 1 and suggestion["words"] == ["数据", "保护"] and "fuzzy=true" in suggestion["url"]
    page = client.get(reverse("measures:measure_list"), {"q": "数据保护"}).content.decode()
    assert "模糊匹配" in page and "只看完整匹配" in page and f'href="/measures/{ms["apart"].pk}/"' in page
    # a term with a single word has nothing looser to offer
    assert api(client, q="区块链")["query"]["fuzzy_suggestion"] is None


@pytest.mark.parametrize("q,expected", [
    ("专利 AND 商标", {"both"}), ("专利 and 商标", {"both"}), ("专利+商标", {"both"}),
    ("专利 NOT 商标", {"patent", "adjudication"}), ("专利 -商标", {"patent", "adjudication"}),
    ("专利 －商标", {"patent", "adjudication"}), ("专利 not 商标", {"patent", "adjudication"}),
    ("版权 or 著作权", {"copyright"}), ("版权|著作权", {"copyright"}), ("版权｜著作权", {"copyright"}),
    ("专利 OR 商标", {"patent", "trademark", "both", "adjudication"}),
    ("(专利 OR 商标) 加强", {"patent", "trademark", "both"}), ("（专利｜商标） －专利", {"trademark"}),
    ("“行政裁决”", {"adjudication"}), ('"行政 裁决"', {"adjudication"}),
    ("专利\u3000商标", {"both"}), ("专利 (商标", {"both"}),
])
def test_every_operator_form_answers(client, corpus, q, expected):
    ms = corpus["ms"]
    assert api_ids(client, q=q) == {ms[k].pk for k in expected}


def test_an_unparsable_query_says_so(client, corpus):
    body = api(client, q="专利 (商标")
    assert body["query"]["notice"] and body["count"] == 1
    page = client.get(reverse("measures:measure_list"), {"q": "专利 (商标"}).content.decode()
    assert "已按普通关键词检索" in page


def test_field_prefixes(client, corpus):
    ms = corpus["ms"]
    assert api_ids(client, q="标题:数据知识产权") == {ms["whole"].pk}
    assert api_ids(client, q="标题:登记制度") == set()
    assert api_ids(client, q="文号:某政发[2024]8号") == {ms["whole"].pk, ms["apart"].pk, ms["heading_only"].pk}
    assert api_ids(client, q="发布机构:某县 保护") == {ms["patent"].pk, ms["trademark"].pk}
    assert api_ids(client, q="保护 -发布机构:某县") == {ms["apart"].pk, ms["both"].pk}
    assert api_ids(client, q="单位:市场监管") == {ms["patent"].pk}


def test_field_values_in_parentheses_and_alternatives(client, corpus):
    ms = corpus["ms"]
    county = {ms["patent"].pk, ms["trademark"].pk}
    for q in ("发布机构:(某县人民政府) 保护", "发布机构：（某县） 保护", "(发布机构:某县) 保护"):
        assert api_ids(client, q=q) == county, q
    assert api_ids(client, q="-发布机构:(某县) 保护") == {ms["apart"].pk, ms["both"].pk}
    for q in ("发布机构:(某县 OR 某市) 保护", "发布机构:某县 OR 发布机构:某市 保护"):
        body = api(client, q=q, page_size=100)
        assert {r["id"] for r in body["results"]} == county | {ms["apart"].pk}, q
        assert [(t["text"], t["field"]) for t in body["query"]["terms"]] == [
            ("保护", None), ("某县", "issuer"), ("某市", "issuer")]
    assert api_ids(client, q="单位:(市场监管) 保护") == {ms["patent"].pk}
    assert api_ids(client, q="保护 -(单位:市场监管 OR 单位:法院)") == {ms["trademark"].pk, ms["apart"].pk, ms["both"].pk}


def test_advanced_form_parameters(client, corpus):
    ms = corpus["ms"]
    assert api_ids(client, q="数据知识产权", scope="title") == {ms["whole"].pk}
    assert api_ids(client, q="保护", issuer="某县人民政府") == {ms["patent"].pk, ms["trademark"].pk}
    assert api_ids(client, doc_number="某市监发〔2022〕3号") == {
        ms[k].pk for k in ("adjudication", "admin_apart", "both", "copyright")}
    assert api_ids(client, q="保护", doc_type="若干措施") == {ms["both"].pk}
    assert api_ids(client, q="保护", doc_type="措施") == {ms["both"].pk}
    assert api_ids(client, q="保护", doc_type="通知") == {ms["patent"].pk, ms["trademark"].pk}
    assert api_ids(client, q="保护", doc_type="方案") == {ms["apart"].pk}
    assert api_ids(client, q="保护", date_from="2023-01-10", date_to="2024-03-01") == {
        ms["patent"].pk, ms["trademark"].pk, ms["apart"].pk}
    assert api_ids(client, q="保护", date_from="2023-01-11", date_to="2024-02-29") == set()
    # the page shows the same state, and its URL is shareable
    page = client.get(reverse("measures:measure_list"), {"q": "保护", "doc_type": "通知", "scope": "title",
                                                          "issuer": "某县", "date_from": "2023-01-01"}).content.decode()
    assert 'value="某县"' in page and 'value="2023-01-01"' in page and '<option value="通知" selected>' in page
    assert 'name="scope" value="title" checked' in page
    assert "类型:通知" in page and "仅检索标题" in page


def test_bad_advanced_values_are_ignored_not_errors(client, corpus):
    body = api(client, q="保护", date_from="2024-02-30", doc_type="火星文件")
    assert {p["name"] for p in body["ignored_parameters"]} == {"date_from", "doc_type"}
