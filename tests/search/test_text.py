"""Folding, tokens and the tsquery builder (no database needed except the
dictionary lookup, which tolerates an empty table)."""
import pytest

from measures.search.highlight import highlight
from measures.search.index import build_vector
from measures.search.query import parse, phrase_query
from measures.search.text import fold, fold_chars, term_lexemes, tokens

pytestmark = pytest.mark.django_db


def test_fold_traditional_to_simplified_phrases():
    assert fold("智慧財產權") == "知识产权"
    assert fold("營業秘密") == "营业秘密"
    assert fold("ＡＢＣ１２３") == "abc123"


def test_fold_chars_keeps_length():
    text = "智慧財產權①㈠Ｘ"
    assert len(fold_chars(text)) == len(text)
    assert fold_chars("財產") == "财产"


def test_tokens_have_unigrams_bigrams_and_long_words():
    toks = {lex for _, lex in tokens("加强知识产权保护护航发展")}
    assert {"护", "护航", "知识", "识产", "知识产权"} <= toks
    assert "权保" in toks  # bigrams across word boundaries too


def test_term_lexemes_pin_the_substring():
    assert term_lexemes("知识产权") == [(0, "知识"), (2, "产权")]
    assert term_lexemes("三合一") == [(0, "三合"), (1, "合一")]
    assert term_lexemes("5g技术") == [(0, "5g"), (2, "技术")]
    assert phrase_query("三合一") == "('三合' <-> '合一')"
    assert phrase_query("🙂") == ""


def test_vector_weights_and_positions():
    vec = build_vector([("行政裁决", "A"), ("开展行政裁决", "D")])
    assert "'行政':1A,15D" in vec  # title at 1, body after the field gap
    assert "'行政裁决':1A,15D" in vec


def test_vector_fast_path_equals_token_by_token():
    """build_vector's one-pass layout gives the literal the token-by-token builder (the one used
    past MAX_POS) gives: weights per field, both foldings, a lexeme in several fields, the cap of
    MAX_POSITIONS positions per lexeme."""
    from measures.search.index import MAX_POSITIONS, _build_vector_clamped

    cases = [
        [("加强智慧財產權保护", "A"), ("加强智慧財產權保护，开展行政裁决试点abc 12。", "D")],
        [("专利", "A")],
        [("", "A"), ("专利转化运用", "B"), ("专利", "C"), ("专利导航", "D")],
        [("专利", "A"), ("专利" * (MAX_POSITIONS + 10), "D")],
    ]
    for fields in cases:
        assert build_vector(fields) == _build_vector_clamped(fields, None)
    vec = build_vector(cases[-1])
    assert vec.split("'专利':")[1].split(" ")[0].count(",") == MAX_POSITIONS - 1


def test_vector_past_max_pos_is_clamped():
    from measures.search.index import MAX_POS

    vec = build_vector([("专利", "A"), ("专利" + "。" * MAX_POS + "专利。专利", "D")])
    assert vec.split("'专利':")[1].split(" ")[0] == f"1A,11D,{MAX_POS}D"  # the two past MAX_POS: once


@pytest.mark.parametrize("q,expected", [
    ("专利 转化", "('专利' & '转化')"),
    ('"专利侵权纠纷"', "('专利' <2> '侵权' <2> '纠纷')"),
    ("专利 OR 商标", "('专利' | '商标')"),
    ("专利 -商标", "('专利' & !'商标')"),
    # a dangling operator: read again as plain terms (ANDed)
    ("知识产权' OR 1=1 --", "(('知识' <2> '产权') & ('1' <2> '1'))"),
    ("a:* & | !", "'a'"),
])
def test_parse_builds_quoted_tsquery(q, expected):
    assert parse(q).tsquery == expected


def test_unsearchable_query_matches_nothing():
    pq = parse("🙂🙂")
    assert pq.active and pq.matches_nothing
    assert not parse("   ").active


def test_highlight_escapes_and_marks_traditional():
    assert highlight("<script>x</script>知识产权", ["知识产权"]) == "&lt;script&gt;x&lt;/script&gt;<mark>知识产权</mark>"
    assert highlight("加強智慧財產權保護", ["智慧财产权"]) == "加強<mark>智慧財產權</mark>保護"
    assert highlight("商標品牌", ["商标"]) == "<mark>商標</mark>品牌"
    assert highlight("a & b", []) == "a &amp; b"
