"""Folding and tokenising Chinese text, shared by the index and the query side.

Folding: NFKC (full-width letters and digits become ASCII), OpenCC 'tw2sp'
(Traditional / Taiwan phrasing → Simplified mainland phrasing, so 智慧財產權
becomes 知识产权) and lower case. tw2sp also rewrites a few Simplified phrases
(智慧城市 → 智能城市); the index therefore also stores the plain per-character
't2s' folding of a field whenever it differs, and queries try both.

Tokens carry character offsets into the folded string, so that a query term
can be matched exactly as a phrase of its bigrams (`<N>` distances in the
tsquery equal character distances in the text):

- every CJK character (unigram) and every pair of adjacent CJK characters
  (bigram), like Elasticsearch's cjk_bigram filter;
- jieba's words of three or more characters and their dictionary sub-words
  (like search mode), using the domain
  dictionary from the DictionaryWord table (two-character words are bigrams
  already);
- runs of ASCII letters and digits.
"""
import logging
import re
import threading
import unicodedata
from functools import lru_cache

from django.conf import settings

CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
RUN_RE = re.compile(f"([{CJK_CLASS}]+)|([a-z0-9]+)")
CJK_RE = re.compile(f"[{CJK_CLASS}]")
CJK_WORD_RE = re.compile(f"[{CJK_CLASS}]+")

_lock = threading.Lock()
_converters = {}
_tokenizer = None


def _converter(config: str):
    conv = _converters.get(config)
    if conv is None:
        import opencc

        conv = _converters[config] = opencc.OpenCC(config)
    return conv


def fold(text: str) -> str:
    """Fold a string for indexing and querying (may change its length)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    return _converter("tw2sp").convert(text).lower()


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """Fold one character to exactly one character (for highlight offsets)."""
    norm = unicodedata.normalize("NFKC", ch)
    if len(norm) != 1:
        norm = ch
    simple = _converter("t2s").convert(norm)
    if len(simple) != 1:
        simple = norm
    return simple.lower()


def fold_chars(text: str) -> str:
    """Per-character folding: same length as `text`, offsets line up."""
    return "".join(fold_char(ch) for ch in text or "")


def foldings(text: str) -> list[str]:
    """The distinct folded forms of `text`: the phrase-aware one first."""
    first = fold(text)
    second = fold_chars(text)
    return [first] if second == first else [first, second]


# --- jieba with the domain dictionary ---------------------------------------
# One place decides the segmenter, for the index and the query side alike (a mismatch would
# silently break search): rjieba (jieba-rs, a Rust port of jieba with the same dictionary and
# algorithm, about 20x faster) when its wheel is installed, else Python jieba. Python jieba's
# Tokenizer is built in both cases: its FREQ / total (word frequencies for dictionary look-ups
# and IDF weights) and its block regex are what every caller reads; only the cutting of each
# block moves to Rust. SEGMENTER names the one in use; SEGMENTER=jieba in the environment forces
# the fallback (benchmarks, comparisons).


def _segmenter_engine() -> str:
    import os

    if os.environ.get("SEGMENTER", "").strip().lower() == "jieba":
        return "jieba"
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return "jieba"
    return "rjieba"


class Segmenter:
    """Python jieba's Tokenizer (dictionary, FREQ, total) with the per-block cut done by
    rjieba when available. cut / lcut behave as jieba.Tokenizer.cut(sentence, HMM=...)."""

    def __init__(self, engine: str, tok):
        import jieba

        self.engine = engine
        self.tok = tok
        self.FREQ = tok.FREQ
        self.re_han = jieba.re_han_default
        self.re_skip = jieba.re_skip_default
        self.rust = None
        if engine == "rjieba":
            import rjieba

            self.rust = rjieba.Jieba()

    @property
    def total(self):
        return self.tok.total

    def add_word(self, word: str, freq=None):
        self.tok.add_word(word, freq=freq)
        if self.rust is not None:  # the frequency Python jieba stored (its suggestion if None)
            self.rust.add_word(word, self.tok.FREQ.get(word) or 1, None)

    def cut_block(self, blk: str, hmm: bool = False):
        """The words of one block (a run re_han matches), HMM off unless asked."""
        if self.rust is not None:
            return self.rust.cut(blk, hmm)
        if hmm:
            return list(self.tok._Tokenizer__cut_DAG(blk))
        return list(self.tok._Tokenizer__cut_DAG_NO_HMM(blk))

    def cut(self, sentence: str, HMM: bool = True):
        for blk in self.re_han.split(sentence or ""):
            if not blk:
                continue
            if self.re_han.match(blk):
                yield from self.cut_block(blk, HMM)
            else:
                for x in self.re_skip.split(blk):
                    if self.re_skip.match(x):
                        yield x
                    else:
                        yield from x

    def lcut(self, sentence: str, HMM: bool = True) -> list[str]:
        return list(self.cut(sentence, HMM))


def build_tokenizer(engine: str | None = None) -> Segmenter:
    """A new Segmenter (rjieba or jieba) with the DictionaryWord table added."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # its own handler would print every start-up
    cache_dir = settings.CACHE_DIR / "jieba"  # Python jieba's dictionary cache (both engines)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(cache_dir)
    _initialize(tok)
    seg = Segmenter(engine or _segmenter_engine(), tok)
    for word, freq in _dictionary_words():
        seg.add_word(fold(word), freq=freq)
    return seg


def _initialize(tok) -> None:
    """tok.initialize(): Python jieba's dictionary (FREQ, total) from its cache file, read in one
    piece and unmarshalled from memory. jieba's own marshal.load of the open file reads it object
    by object and takes three times as long (about 0.6 s against 0.2 s, before an import's
    workers can start). Without a cache file (or with one it cannot read) jieba builds it."""
    import marshal
    from pathlib import Path

    cache = Path(tok.tmp_dir) / "jieba.cache"  # the default dictionary's cache, as jieba names it
    if tok.dictionary is None and not tok.cache_file and cache.is_file():
        try:
            tok.FREQ, tok.total = marshal.loads(cache.read_bytes())
        except Exception:  # damaged: jieba rebuilds it
            pass
        else:
            if isinstance(tok.FREQ, dict) and tok.FREQ:
                tok.initialized = True
                return
    tok.initialize()


def get_tokenizer() -> Segmenter:
    """The process-wide segmenter, built lazily with the DictionaryWord table added;
    `reset_tokenizer()` makes the next call rebuild it."""
    global _tokenizer
    tok = _tokenizer
    if tok is not None:
        return tok
    with _lock:
        if _tokenizer is None:
            _tokenizer = build_tokenizer()
        return _tokenizer


def _dictionary_words():
    from measures.models import DictionaryWord

    try:
        return list(DictionaryWord.objects.values_list("word", "freq"))
    except Exception:  # table missing (before migrate): plain jieba
        return []


def reset_tokenizer():
    global _tokenizer
    with _lock:
        _tokenizer = None
        _blocks.clear()


# --- segmentation, block by block ----------------------------------------------
# jieba's accurate mode without HMM cuts each run of Han characters, letters and digits (a
# "block", between punctuation and spaces) on its own: a block's words depend on the block and
# the dictionary only. The index (both foldings of a field, a title repeated in its text) and the
# text fingerprints (measures.similarity) ask for the same blocks again and again: each block is
# cut once while it stays in this cache. The importer clears it per document (so that a run's
# speed never depends on documents sharing their wording); elsewhere it is bounded.

_blocks: dict[str, tuple[str, ...]] = {}
BLOCK_CACHE_MAX = 50000


def clear_segmentation_cache() -> None:
    _blocks.clear()


def segments(folded: str) -> list[tuple[int, str]]:
    """(offset, word) of jieba's words (accurate mode, HMM off, the domain dictionary) in the
    Han blocks of an already folded string: the words and offsets tok.tokenize(folded, HMM=False)
    yields there (outside them it yields single characters and spaces, which no caller wants)."""
    tok = get_tokenizer()
    cut_block = tok.cut_block  # what tok.cut(blk, HMM=False) runs on a block it splits off
    cache = _blocks
    out = []
    offset = 0
    re_han = tok.re_han
    for blk in re_han.split(folded):
        if not blk:
            continue
        if re_han.match(blk):
            words = cache.get(blk)
            if words is None:
                if len(cache) >= BLOCK_CACHE_MAX:
                    cache.clear()
                words = cache[blk] = tuple(cut_block(blk))
            pos = offset
            for w in words:
                out.append((pos, w))
                pos += len(w)
        offset += len(blk)
    return out


def words(folded: str) -> list[str]:
    """The words of segments(): what tok.lcut(folded, HMM=False) gives, without the single
    characters and spaces between Han blocks."""
    return [w for _, w in segments(folded)]


# --- tokens -------------------------------------------------------------------

def tokens(folded: str, *, words: bool = True):
    """Yield (offset, lexeme) for an already folded string."""
    long_runs = False
    for m in RUN_RE.finditer(folded):
        start = m.start()
        run = m.group(0)
        if m.group(1):
            n = len(run)
            long_runs = long_runs or n >= 3
            for i in range(n):
                yield start + i, run[i]
                if i + 1 < n:
                    yield start + i, run[i:i + 2]
        else:
            yield start, run
    if words and long_runs:
        yield from _long_words(get_tokenizer(), folded)


def _long_words(tok, folded: str):
    """jieba words of 3+ CJK characters with their sub-words in the dictionary
    (search mode, but every length: 知识产权保护 also yields 知识产权), from
    segments(): each block cut once."""
    freq = tok.FREQ
    for w_start, word in segments(folded):
        n = len(word)
        if n < 3 or not CJK_WORD_RE.fullmatch(word):
            continue
        yield w_start, word
        for size in range(3, n):
            for i in range(0, n - size + 1):
                sub = word[i:i + size]
                if freq.get(sub):
                    yield w_start + i, sub


def term_lexemes(folded: str) -> list[tuple[int, str]]:
    """The few tokens that pin a folded query term exactly: bigrams at even
    offsets of each CJK run (plus the last one for odd lengths, or the single
    character), and each ASCII word. Returned as (offset, lexeme) in order."""
    out = []
    for m in RUN_RE.finditer(folded):
        start, run = m.start(), m.group(0)
        if m.group(2) or len(run) == 1:
            out.append((start, run))
            continue
        n = len(run)
        for i in range(0, n - 1, 2):
            out.append((start + i, run[i:i + 2]))
        if n % 2:
            out.append((start + n - 2, run[n - 2:]))
    return out


def has_cjk(text: str) -> bool:
    return bool(CJK_RE.search(text or ""))
