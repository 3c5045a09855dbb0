"""measures.similarity.bands mixes all of a text's trigrams (and bands) at once, packed into one
int; the result must be what the one-value-at-a-time reference (_bands_scalar) gives."""
import random

import pytest

from measures import similarity as S
from measures.search.text import fold

pytestmark = pytest.mark.django_db

EDGES = [
    "", "专", "专利", "专利权", "a1b2c3", "abcdefghi", "abcdefghij",   # below / at MIN_SHINGLES
    "专利" * 30, "哈" * 60,                                           # long, few distinct trigrams
    "知识产权保护工作方案", "加大知识产权侵权行为惩治力度，提高知识产权侵权违法成本。",
    "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋",                                        # code points past the BMP
    "智慧財產權保護，ＡＢＣ１２３ and 5G 技术" * 3,
]


def _random_texts(n=300, seed=7):
    rng = random.Random(seed)
    alphabet = "知识产权保护专利商标版权侵权行政裁决纠纷调解快速维权中心建设推进加强工作方案abc0123"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 400))) for _ in range(n)]


@pytest.mark.parametrize("text", EDGES)
def test_lanes_equal_scalar_on_edges(text):
    norm = "".join(S._KEEP.findall(fold(text)))
    assert S.bands(text) == S._bands_scalar(norm)


def test_lanes_equal_scalar_on_random_texts():
    texts = _random_texts()
    assert any(S.bands(t) for t in texts) and any(not S.bands(t) for t in texts)
    for t in texts:
        folded = fold(t)
        assert S.bands(t, folded=folded) == S._bands_scalar("".join(S._KEEP.findall(folded))), t


def test_lanes_are_used_here():
    """The machines the portal runs on are little-endian: the fast path is the one tested above."""
    assert S._LANES_OK
