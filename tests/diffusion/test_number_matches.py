"""citations.number_matches finds exactly what _NUMBER_RE.finditer finds (it only tries the regex
where a 文号's tail starts), on real pages and on random texts made of the characters that matter."""
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from measures import citations as C

REAL = Path(__file__).resolve().parents[1] / "parsing" / "data" / "real"


def _same(text: str) -> list:
    expected = [(m.span(), m.groupdict()) for m in C._NUMBER_RE.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in C.number_matches(text)] == expected
    return expected


def test_real_pages_and_the_known_forms():
    found = 0
    for path in sorted(REAL.glob("b*/*.txt")):
        found += len(_same(C.clean_text(path.read_text(encoding="utf-8", errors="replace"))))
    assert found > 100  # the pages cite many 文号
    text = "根据国发〔2021〕20号、国办函[2011]58号和教科技〔2020〕1 號,宁党发〔201817号 鄂办发202021号文件"
    assert [m.group("org") for m in C.number_matches(text)] == [
        m.group("org") for m in C._NUMBER_RE.finditer(text)] != []


# issuers, brackets, digits, 号, the glue characters 发函字办, spaces and other text, and whole
# 文号-like runs with issuers of up to 20 characters
_CHARS = st.sampled_from(list("国发办函字省市委知识产权局令第号號〔〕[]【】（）( )12090\n 、的") + ["2021", "20"])
_NUMBERS = st.builds(lambda org, year, no: org + year + no,
                     st.text(alphabet="国务院办公厅市场监督管理局知识产权发函", min_size=1, max_size=20),
                     st.sampled_from(["〔2021〕", "[2019]", "（2020）", "2021", " 〔 2021 〕", "〔2018"]),
                     st.sampled_from(["20号", "1 號", "5号", "号", "123"]))
_TEXTS = st.lists(st.one_of(_CHARS, _NUMBERS), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_random_texts(text):
    _same(text)
