"""The one segmenter (measures.search.text): rjieba when installed, else Python jieba; both
cut the same words with the domain dictionary, so an index built by one is searched by the other."""
import pytest

from measures.models import DictionaryWord
from measures.search import text
from measures.search.query import is_word, term_words

pytestmark = pytest.mark.django_db

SAMPLES = [
    "加强数据知识产权保护，推进知识产权强国建设纲要实施",
    "支持企业开展专利导航和高价值专利培育，完善知识产权纠纷多元化解机制",
    "对获得中国专利金奖的企业给予100万元奖励；5g与ai产业知识产权运营中心",
    "鼓励开展知识产权质押融资、证券化试点",
]


@pytest.fixture
def domain_word():
    DictionaryWord.objects.update_or_create(word="数据知识产权", defaults={"freq": 50000})
    text.reset_tokenizer()
    yield "数据知识产权"
    text.reset_tokenizer()


def test_rjieba_is_the_segmenter_when_installed(monkeypatch):
    pytest.importorskip("rjieba")
    monkeypatch.delenv("SEGMENTER", raising=False)
    assert text.build_tokenizer().engine == "rjieba"
    monkeypatch.setenv("SEGMENTER", "jieba")
    assert text.build_tokenizer().engine == "jieba"


def test_rjieba_and_jieba_cut_the_same_words_with_the_domain_dictionary(domain_word):
    pytest.importorskip("rjieba")
    py, rs = text.build_tokenizer("jieba"), text.build_tokenizer("rjieba")
    for sample in SAMPLES:
        folded = text.fold(sample)
        assert rs.lcut(folded, HMM=False) == py.lcut(folded, HMM=False), sample
    # the domain word is one word for both (without it: 数据 + 知识产权)
    assert rs.lcut(domain_word, HMM=False) == py.lcut(domain_word, HMM=False) == [domain_word]
    assert rs.FREQ[domain_word] == py.FREQ[domain_word] == 50000


def test_index_and_query_side_share_the_segmenter(domain_word):
    seg = text.get_tokenizer()
    assert [w for _, w in text.segments("加强数据知识产权保护")] == ["加强", domain_word, "保护"]
    assert domain_word in {lex for _, lex in text.tokens("加强数据知识产权保护")}
    assert is_word(domain_word)
    assert term_words("数据知识产权保护") == [domain_word, "保护"]
    assert text.get_tokenizer() is seg
