"""The ranking, pinned on a small fixture corpus (measures.search.engine):
as typed above synonyms; title above text; a whole word above a substring
that crosses a word boundary; ties to the newest document. The page path
(engine.candidates) and the export path (MeasureQuerySet.search) agree."""
from datetime import date

import pytest

from measures.selectors import measure_search

pytestmark = pytest.mark.django_db


def page_ids(q, **params):
    return [m.pk for m in measure_search(params={"q": q, "page_size": 100, **params}).page.object_list]


@pytest.fixture
def corpus(make_document, make_measure):
    old = make_document(published_date=date(2019, 5, 1))
    new = make_document(published_date=date(2024, 5, 1))
    undated = make_document()
    m = {
        # 专利权: a word in the title; a word in the text; crossing 专利|权利 in the text
        "title_word": make_measure("推进各项工作", document=old, title="保护专利权"),
        "body_word_old": make_measure("依法加强专利权保护", document=old),
        "body_word_new": make_measure("依法加强专利权保护", document=new),
        "body_word_undated": make_measure("依法加强专利权保护", document=undated),
        "crossing": make_measure("完善专利权利要求审查", document=new),
        "title_crossing": make_measure("推进各项工作", document=old, title="专利权利要求"),
    }
    return m


def test_title_then_whole_word_then_crossing_then_newest(corpus, search_ids):
    m = corpus
    expected = [m["title_word"], m["title_crossing"], m["body_word_new"], m["body_word_old"],
                m["body_word_undated"], m["crossing"]]
    expected = [x.pk for x in expected]
    assert page_ids("专利权") == expected
    assert search_ids("专利权") == expected   # the export order is the same


def test_ties_go_to_the_newest_document(make_document, make_measure):
    docs = [make_document(published_date=date(2020 + i, 1, 1)) for i in range(3)]
    ms = [make_measure("开展调解工作", document=d) for d in docs]
    assert page_ids("调解") == [ms[2].pk, ms[1].pk, ms[0].pk]


def test_terms_as_typed_rank_above_synonyms_even_in_titles(make_measure):
    syn_title = make_measure("推进登记工作", title="加强著作权登记")
    typed = make_measure("加强版权保护")
    assert page_ids("版权") == [typed.pk, syn_title.pk]


def test_fuzzy_ranks_the_term_as_written_first(make_document, make_measure):
    apart_title = make_measure("推进各项工作", title="数据共享与知识产权")
    whole_body = make_measure("探索数据知识产权登记")
    assert page_ids("数据知识产权", fuzzy="1") == [whole_body.pk, apart_title.pk]


def test_more_occurrences_rank_higher_within_a_tier(make_document, make_measure):
    doc = make_document()
    once = make_measure("开展调解工作", document=doc)
    twice = make_measure("开展调解工作,完善调解机制", document=doc)
    assert page_ids("调解") == [twice.pk, once.pk]
