"""The query language (measures.search.query): operators in any case and in
full-width forms, grouping, fields, and the plain-terms fallback."""
import pytest

from measures.search.query import Metadata, parse

pytestmark = pytest.mark.django_db

AND = "('专利' & '商标')"
OR = "('专利' | '商标')"
NOT = "('专利' & !'商标')"


@pytest.mark.parametrize("q", ["专利 商标", "专利 AND 商标", "专利 and 商标", "专利 And 商标", "专利 & 商标",
                               "+专利 +商标", "专利+商标", "专利＋商标", "专利\u3000商标", "专利 && 商标"])
def test_and_forms(q):
    pq = parse(q)
    assert pq.tsquery == AND and not pq.notice


@pytest.mark.parametrize("q", ["专利 OR 商标", "专利 or 商标", "专利 Or 商标", "专利|商标", "专利 | 商标", "专利｜商标",
                               "专利||商标", "专利 ｜ 商标"])
def test_or_forms(q):
    pq = parse(q)
    assert pq.tsquery == OR and not pq.notice


@pytest.mark.parametrize("q", ["专利 NOT 商标", "专利 not 商标", "专利 -商标", "专利 －商标", "专利 !商标", "专利 AND NOT 商标",
                               "专利 －\u300c商标\u300d", "专利 -“商标”"])
def test_not_forms(q):
    pq = parse(q)
    assert pq.tsquery == NOT and not pq.notice


def test_phrases_in_any_quotes_and_full_width_space():
    expected = "('专利' <2> '侵权' <2> '纠纷')"
    for q in ['"专利侵权纠纷"', "“专利侵权纠纷”", "＂专利侵权纠纷＂", "“专利 侵权\u3000纠纷”"]:
        assert parse(q).tsquery == expected, q


def test_or_binds_tighter_than_and_and_parentheses_group():
    assert parse("质押 专利 OR 商标").tsquery == "('质押' & ('专利' | '商标'))"
    assert parse("(专利 OR 商标) 质押").tsquery == "(('专利' | '商标') & '质押')"
    assert parse("（专利 或者 商标）").tsquery == "('专利' & '或者' & '商标')"
    assert parse("专利 NOT (商标 OR 版权)").tsquery.startswith("('专利' & !(")


def test_unquoted_chinese_is_one_term_as_written():
    pq = parse("数据知识产权")
    # an exact phrase of its bigrams (and its synonyms'), never its words apart
    assert "<2>" in pq.tsquery and "&" not in pq.tsquery.replace("<2>", "")
    assert pq.splittable and pq.fallback_terms == []
    fuzzy = parse("数据知识产权", fuzzy=True)
    assert fuzzy.fallback_terms == ["数据", "知识产权"]
    assert fuzzy.phrase_tsquery and " & " in fuzzy.tsquery


def test_fields():
    pq = parse("标题:地理标志")
    assert "'地理':A" in pq.tsquery and pq.loose_tsquery and ":A" not in pq.loose_tsquery
    pq = parse("标题：（专利 OR 商标）")
    assert pq.tsquery == "('专利':A | '商标':A)"
    pq = parse("文号:沈政发（2024）8号 -发布机构:市政府 单位:市场监管局 专利")
    assert pq.tsquery == "'专利'"
    assert pq.metadata == [Metadata("doc_number", "沈政发(2024)8号"), Metadata("issuer", "市政府", negated=True),
                           Metadata("unit", "市场监管局")]
    assert parse("发布机构:沈阳").active and not parse("发布机构:沈阳").matches_nothing
    # inside an alternative a field is searched as text
    assert parse("专利 OR 单位:法院").tsquery == "('专利' | '法院')"
    assert parse("专利 商标", scope="title").tsquery == "('专利':A & '商标':A)"


def test_a_metadata_field_takes_a_group_of_one_value_or_of_alternatives():
    # a value in parentheses is the value, not a 文号 that starts with one
    assert parse("发布机构:(某县人民政府)").metadata == [Metadata("issuer", "某县人民政府")]
    assert parse("单位：（市场监管局）").metadata == [Metadata("unit", "市场监管局")]
    assert parse("文号:(2024)8号").metadata == [Metadata("doc_number", "(2024)8号")]
    pq = parse("-发布机构:(某县) 专利")
    assert pq.metadata == [Metadata("issuer", "某县", negated=True)] and pq.tsquery == "'专利'" and not pq.notice
    # a ) that closes nothing in the value ends it
    pq = parse("(发布机构:某县人民政府) 专利")
    assert pq.metadata == [Metadata("issuer", "某县人民政府")] and pq.tsquery == "'专利'" and not pq.notice
    # alternatives of one field: any of the values
    for q in ("发布机构:(某县 OR 某市) 专利", "发布机构:某县 | 发布机构:某市 专利", "(发布机构:某县 OR 发布机构:某市) 专利"):
        pq = parse(q)
        assert pq.metadata == [Metadata("issuer", "某县", alternatives=("某市",))], q
        assert pq.tsquery == "'专利'" and not pq.notice, q
        assert [(t.text, t.field) for t in pq.terms] == [("专利", None), ("某县", "issuer"), ("某市", "issuer")]
    assert parse("-(发布机构:某县 OR 发布机构:某市)").metadata == [
        Metadata("issuer", "某县", negated=True, alternatives=("某市",))]
    # two fields, or anything but alternatives, are read as before: text, or plain terms with a notice
    assert parse("发布机构:某县 OR 单位:法院").tsquery == "('某县' | '法院')" and not parse("发布机构:某县 OR 单位:法院").metadata
    assert parse("发布机构:(某县 AND 某市)").notice


@pytest.mark.parametrize("q", ["知识产权 &", "知识产权)(", "(((专利", "专利 OR", "AND 专利", "专利 NOT",
                               "专利 (商标", "专利 ) 商标", "((((((((专利))))))))"])
def test_unparsable_queries_fall_back_to_plain_terms(q):
    pq = parse(q)
    assert pq.notice
    assert pq.tsquery  # the terms are still searched
    assert "!" not in pq.tsquery


@pytest.mark.parametrize("q", ["", " ", "&", "|", "!", "&|!:*()", "'", '"', "\\", "a:*", "(((", "\x00", "🙂🙂", "x" * 3000,
                               "知" * 1000, "%", "_", "-", "OR", "AND NOT", '"unclosed', "-知识产权", "!!知识产权",
                               "a <-> b", "'':*", "\\'", "專利 OR", "｜｜", "－", "（）", "标题:标题:专利", "::::",
                               "NOT NOT NOT", "+-+-", "文号:" + "〔" * 200])
def test_anything_parses(q):
    pq = parse(q)
    assert isinstance(pq.tsquery, str) and isinstance(pq.loose_tsquery, str)


def test_loose_query_is_exact_for_plain_lexemes():
    assert parse("专利 商标").loose_is_exact
    assert parse("专利 -商标").loose_is_exact
    assert not parse("知识产权").loose_is_exact       # a phrase needs its rows checked
    assert not parse("标题:专利").loose_is_exact      # so does a weight


ALPHABET = list("专利商标版权知识产权行政裁决数据 ()（）|｜&+-－!\"“”:：") + ["OR", "and", "NOT", "标题:", "文号:", "单位:",
                                                                   "\u3000", "a", "5g", "🙂", "'", "\\"]


def test_every_compiled_query_is_valid_for_postgresql():
    """Random mixes of terms and operators: parse never fails and PostgreSQL
    accepts every tsquery it builds."""
    from django.db import connection
    from hypothesis import HealthCheck, given, settings, strategies as st

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.sampled_from(ALPHABET), max_size=14).map("".join), st.booleans(), st.booleans())
    def check(q, fuzzy, title):
        pq = parse(q, fuzzy=fuzzy, scope="title" if title else "all")
        queries = [pq.tsquery, pq.loose_tsquery, pq.typed_tsquery, pq.title_tsquery, pq.word_tsquery, pq.phrase_tsquery]
        with connection.cursor() as cursor:
            for text in filter(None, queries):
                cursor.execute("SELECT %s::tsquery", [text])

    check()
