"""Measures alike by their text (measures.similarity, measures.selectors_diffusion):
real copies score high and share MinHash bands, unrelated measures do not;
Traditional and Simplified spellings are the same text; on the seed corpus the
行政裁决 measures of 潜江 and 三明 find each other."""
from pathlib import Path

import pytest

from measures import similarity as S

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "corpus"
REAL = ROOT / "tests" / "parsing" / "data" / "real"


def line_starting(path: Path, start: str) -> str:
    for line in path.read_text().splitlines():
        line = line.strip()
        if start in line[:40]:
            return line
    raise AssertionError(f"{start} not in {path.name}")


# Pairs of real measures known to be copies: the same wording adopted elsewhere.
QIANJIANG = SEEDS / "000_c4e0c1df15afd4a9.txt"
SHENYANG = SEEDS / "001_07ffb3bb428a376c.txt"
SANMING = SEEDS / "004_de0660f12d225504.txt"


def copies():
    data = Path(__file__).parent / "data"
    return [
        # 湖北's measure, taken by 潜江 with one clause added in front
        (line_starting(data / "p01_hubei_strengthen_protection_2020.txt", "3.创新专利侵权纠纷行政裁决"),
         line_starting(QIANJIANG, "2.创新专利侵权纠纷行政裁决")),
        # 福建's measure and 三明's draft
        (line_starting(data / "p02_fujian_ip_power_plan_2024.txt", "1.加强专利侵权纠纷行政裁决"),
         line_starting(SANMING, "13.加强专利侵权纠纷行政裁决")),
        # the same sentence in Traditional script on a mirror site
        ("加強專利侵權糾紛行政裁決能力建設,加大專利侵權糾紛行政裁決辦案力度。",
         "加强专利侵权纠纷行政裁决能力建设,加大专利侵权纠纷行政裁决办案力度。"),
        # 成都 and 四川 14th-plan chapters (real pages): only the verb differs
        ("助力成渝地区双城经济圈建设,推动知识产权区域协同发展", "融入成渝地区双城经济圈建设,推动知识产权区域协同发展"),
    ]


def unrelated():
    return [
        (line_starting(QIANJIANG, "3.加强知识产权海外维权"), line_starting(SANMING, "39.加强老字号传承和运用")),
        (line_starting(QIANJIANG, "1.加大侵犯知识产权犯罪刑打击力度"),
         line_starting(SHENYANG, "1.加强统筹协调")),
        (line_starting(SANMING, "13.加强专利侵权纠纷行政裁决"), line_starting(SANMING, "52.鼓励有条件的高校")),
    ]


@pytest.mark.parametrize("pair", range(4))
def test_copies_score_high_and_share_a_band(pair):
    a, b = copies()[pair]
    assert S.is_copy(a, b), (S.similarity(a, b), S.overlap(a, b))
    assert set(S.bands(a)) & set(S.bands(b))


@pytest.mark.parametrize("pair", range(3))
def test_unrelated_measures_score_low_and_share_no_band(pair):
    a, b = unrelated()[pair]
    assert S.similarity(a, b) < 0.08
    assert not S.is_copy(a, b)
    assert not set(S.bands(a)) & set(S.bands(b))


def test_traditional_is_folded_before_comparing():
    assert S.normalise("智慧財產權保護") == S.normalise("知识产权保护")
    assert S.similarity("加強專利侵權糾紛行政裁決", "加强专利侵权纠纷行政裁决") == 1.0


def test_shared_words_explain_the_likeness(domain_tokenizer):
    a = line_starting(SANMING, "13.加强专利侵权纠纷行政裁决")
    b = line_starting(QIANJIANG, "2.创新专利侵权纠纷行政裁决")
    words = S.shared_words(a, b)
    assert "行政裁决" in words and "专利侵权" in words
    assert "知识产权" not in words            # a word every measure uses explains nothing
    assert "行政" not in words                # nor a piece of a longer shared word


def test_fingerprints_are_stable_and_bounded(domain_tokenizer):
    text = line_starting(QIANJIANG, "2.创新专利侵权纠纷行政裁决")
    assert S.bands(text) == S.bands(text) and len(S.bands(text)) == S.N_BANDS
    assert all(-2**31 <= b < 2**31 for b in S.bands(text))
    assert S.bands("加强组织领导") == []      # too short to have copies worth finding
    assert len(S.keywords(text)) <= S.KEYWORDS


def test_band_values_are_pinned():
    """Stored bands are compared with bands computed later: the scheme is fixed (a change needs a
    migration recomputing the stored ones, as 0012 did), whatever the process or Python version."""
    assert S.bands("加大知识产权侵权行为惩治力度，提高知识产权侵权违法成本。")[:4] == [
        1920181042, -1556455759, 1929422370, 1360106448]


def test_on_the_seed_corpus_qianjiang_and_sanming_find_each_other(corpus):
    from measures.models import Measure
    from measures.selectors_diffusion import similar_measures

    sanming = Measure.objects.get(document__source="004_de0660f12d225504.txt",
                                  text__startswith="加强专利侵权纠纷行政裁决能力建设")
    qianjiang = Measure.objects.get(document__source="000_c4e0c1df15afd4a9.txt",
                                    text__startswith="创新专利侵权纠纷行政裁决工作方式")
    found = similar_measures(measure=sanming)
    assert found[0].measure == qianjiang or found[1].measure == qianjiang
    alike = next(a for a in found if a.measure == qianjiang)
    assert "行政裁决" in alike.shared and "专利侵权" in alike.shared
    back = similar_measures(measure=qianjiang)
    assert sanming in [a.measure for a in back]
    # unrelated measures are not offered: 潜江's measure on overseas rights is not like 三明's 行政裁决
    overseas = Measure.objects.get(document__source="000_c4e0c1df15afd4a9.txt", text__startswith="加强知识产权海外维权")
    assert overseas not in [a.measure for a in found]


def test_candidate_lookups_are_capped_index_lookups(corpus):
    """Similar measures come from capped GIN lookups: the SQL is a union of
    LIMITed subqueries on the fingerprint table, never a scan of measures."""
    from measures.models import Measure, MeasureFingerprint
    from measures.selectors_diffusion import BAND_CANDIDATES, QUERY_TERMS, TERM_CANDIDATES, candidate_sql

    m = Measure.objects.filter(document__source="004_de0660f12d225504.txt").first()
    sql, params = candidate_sql(MeasureFingerprint.objects.get(measure=m))
    assert sql.count("LIMIT") == QUERY_TERMS     # + the band function's own LIMIT
    assert "measures_measure " not in sql and "measures_band_candidates" in sql and "terms @>" in sql
    assert BAND_CANDIDATES in params and TERM_CANDIDATES in params
