"""Search against real PostgreSQL: matching, synonyms, ranking, the API."""
import pytest
from django.urls import reverse

from measures.models import SynonymGroup

pytestmark = pytest.mark.django_db

HOSTILE = ["", " ", "&", "|", "!", "&|!:*()", "'", "\"", "\\", "a:*", "知识产权 &", "(((", "知识产权' OR 1=1 --",
           "<script>alert(1)</script>", "\u0000", "🙂🙂", "x" * 3000, "知" * 1000, "%", "_", "  商业秘密   ", "-", "OR",
           "\"unclosed", "知识产权 -", "-知识产权", "a <-> b", "'':*", "!!知识产权", "知识产权)(", "\\'", "專利 OR"]


def test_traditional_query_finds_simplified_text_and_back(make_measure, search_ids):
    simp = make_measure("加强知识产权保护工作")
    trad = make_measure("加強智慧財產權保護工作")
    other = make_measure("推进营商环境建设")
    assert set(search_ids("智慧財產權")) == {simp.pk, trad.pk}
    assert set(search_ids("知识产权")) == {simp.pk, trad.pk}
    assert other.pk not in search_ids("保护")


def test_synonyms_expand_both_ways(make_measure, search_ids):
    a = make_measure("加强版权保护")
    b = make_measure("加强著作权登记")
    c = make_measure("加强商标注册")
    assert set(search_ids("版权")) == {a.pk, b.pk}
    assert set(search_ids("著作权")) == {a.pk, b.pk}
    assert c.pk not in search_ids("版权")


def test_hits_of_the_word_as_typed_rank_above_synonym_hits(make_measure, search_ids):
    syn = make_measure("加强著作权登记")
    direct = make_measure("加强版权保护")
    assert search_ids("版权") == [direct.pk, syn.pk]


def test_new_synonym_group_takes_effect(make_measure, search_ids):
    a = make_measure("推行双随机抽查")
    assert search_ids("随机检查") == []
    SynonymGroup.objects.create(terms=["随机检查", "随机抽查"])
    assert search_ids("随机检查") == [a.pk]


def test_substring_that_is_not_a_word(make_measure, search_ids):
    a = make_measure("为企业发展保驾护航")
    b = make_measure("推行“双随机、一公开”监管和三合一审判")
    assert search_ids("护航") == [a.pk]
    assert search_ids("三合一") == [b.pk]
    assert search_ids("双随机") == [b.pk]


def test_unquoted_term_matches_as_written_and_fuzzy_adds_its_words_apart(make_measure, search_ids):
    from measures.search.query import parse

    scattered = make_measure("强化专利保护,提供导航服务")
    contiguous = make_measure("建立专利导航工作机制")
    unrelated = make_measure("提供导航服务")
    assert search_ids("专利导航") == [contiguous.pk]
    assert search_ids('"专利导航"') == [contiguous.pk]
    fuzzy = parse("专利导航", fuzzy=True)
    assert search_ids(fuzzy) == [contiguous.pk, scattered.pk]
    assert unrelated.pk not in search_ids(fuzzy)


def test_phrase(make_measure, search_ids):
    a = make_measure("开展专利侵权纠纷行政裁决")
    b = make_measure("处理专利纠纷和侵权案件")
    assert search_ids('"专利侵权纠纷"') == [a.pk]
    assert set(search_ids("专利 纠纷")) == {a.pk, b.pk}


def test_exclusion_and_or(make_measure, search_ids):
    a = make_measure("加强专利保护")
    b = make_measure("加强商标保护")
    c = make_measure("加强专利和商标保护")
    d = make_measure("推进数据共享")
    assert set(search_ids("保护 -商标")) == {a.pk}
    assert set(search_ids("专利 OR 商标")) == {a.pk, b.pk, c.pk}
    assert set(search_ids("-保护")) == {d.pk}


def test_exclusion_drops_the_term_as_written_not_its_words_apart(make_measure, search_ids):
    whole = make_measure("加强商业秘密保护")
    apart = make_measure("保护商业活动中的技术秘密")
    trad = make_measure("加強商業秘密保護")
    assert set(search_ids("保护 -商业秘密")) == {apart.pk}
    assert whole.pk not in search_ids("保護 -商業秘密") and trad.pk not in search_ids("保护 -商业秘密")


def test_title_hit_ranks_above_passing_mention(make_document, make_measure, search_ids):
    doc = make_document(title="某市实施方案")
    mention = make_measure("推进各项工作,涉及地理标志的一并推进", document=doc, title="统筹推进")
    titled = make_measure("推进产品认定", document=doc, title="加强地理标志保护")
    assert search_ids("地理标志") == [titled.pk, mention.pk]


def test_ties_are_ordered_by_document_and_ordinal(make_document, make_measure, search_ids):
    doc = make_document()
    ms = [make_measure("开展调解工作", document=doc) for _ in range(3)]
    assert search_ids("调解") == [m.pk for m in ms]


def test_unsearchable_terms_do_not_break_the_rest(make_measure, search_ids):
    a = make_measure("保护商业秘密")
    assert search_ids("商业秘密 🙂") == [a.pk]
    assert search_ids("🙂") == []


def test_api_shape_and_highlight(client, make_document, make_measure):
    doc = make_document(title="沈阳市方案", source="001_x.txt")
    m = make_measure("<script>alert(1)</script>加強智慧財產權保護", title="標題", document=doc)
    resp = client.get(reverse("measures:api-measures"), {"q": "知识产权"})
    assert resp.status_code == 200
    body = resp.json()
    assert body["count"] == 1
    r = body["results"][0]
    assert r["id"] == m.pk and r["source"] == "001_x.txt" and r["url"] == f"/measures/{m.pk}/"
    assert r["text"] == m.text
    assert r["highlight"] == "&lt;script&gt;alert(1)&lt;/script&gt;加強<mark>智慧財產權</mark>保護"
    assert r["document"] == {"id": doc.pk, "title": "沈阳市方案", "city": None, "province": None,
                             "source": "001_x.txt", "published_date": None}
    assert set(body["facets"]) == {"province", "city", "theme", "ip_type", "unit", "year", "specificity",
                                   "role", "flag", "issuer", "doc_type"}


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_answer_200(client, make_measure, q):
    make_measure("知识产权保护 xxx")
    resp = client.get(reverse("measures:api-measures"), {"q": q, "page": "abc", "page_size": "-5"})
    assert resp.status_code == 200
    assert isinstance(resp.json()["results"], list)


@pytest.mark.parametrize("params", [
    {"page": "999999999999999999999"}, {"page_size": "100000"}, {"document": "99999999999999999999999"},
    {"year_from": "1e400"}, {"year_to": "-99999999999"}, {"province": "火星"}, {"city": "0,\x00"},
    {"theme": "x" * 500}, {"unit": "abc,99999999999999999999999"}, {"role": "boss"}, {"has_targets": "maybe"},
    {"sort": "'; drop"}, {"level": "galaxy"}, {"status": "\x00"},
])
def test_hostile_filters_answer_200(client, make_measure, params):
    make_measure("知识产权保护")
    resp = client.get(reverse("measures:api-measures"), {"q": "知识产权", **params})
    assert resp.status_code == 200


def test_page_size_is_capped(client, make_document, make_measure):
    doc = make_document()
    for _ in range(3):
        make_measure("调解", document=doc)
    body = client.get(reverse("measures:api-measures"), {"page_size": "2", "page": "2"}).json()
    assert body["count"] == 3 and len(body["results"]) == 1 and body["page"] == 2
    assert client.get(reverse("measures:api-measures"), {"page_size": "5000"}).json()["page_size"] == 100
