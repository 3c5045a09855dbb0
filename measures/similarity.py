"""How alike two measures' texts are, and fingerprints that find alike measures fast.

Pure functions (jieba's dictionary is the only shared state). Texts are
folded first (measures.search.text.fold: Traditional → Simplified, full-width
→ half-width, lower case) and reduced to their CJK characters, letters and
digits, so that a copy on a Traditional mirror site or with other punctuation
is still a copy.

- `similarity(a, b)`: Jaccard similarity of the two texts' character trigram
  sets (the measure pg_trgm uses, on the folded text): 1.0 for the same
  words, ~0.05 for two unrelated measures of the same field.
- `overlap(a, b)`: shared trigrams over the smaller set: a short measure
  copied into a longer one scores high here although its Jaccard is lower.
- `is_copy(a, b)`: near-identical wording (the diffusion view): the texts
  share most of their trigrams.
- `bands(text)`: a MinHash locality-sensitive fingerprint (one-permutation
  hashing with optimal densification: 96 bins of the trigram hashes, 32 bands
  of 3 bins). Two texts share at least one band with probability
  1-(1-J³)^32: 99.9% at J=0.6, 98.6% at J=0.5, 87% at J=0.4, 3% at J=0.1 and
  0.03% at J=0.02 (most pairs of unrelated measures are below that) — stored
  in an int[] with a GIN index, this finds the copies of a measure among a
  million by index lookups alone.
- `keywords(text)`: the text's most distinctive words (jieba with the domain
  dictionary; weight = occurrences × log(total frequency / word frequency) from
  jieba's dictionary, generic policy words left out), stored in a GIN-indexed
  text[] to find measures on the same subject that are not copies.
- `shared_words(a, b)`: the distinctive words two texts have in common, the
  explanation shown next to a similar measure.
"""
from __future__ import annotations

import hashlib
import math
import re
import sys
from array import array
from functools import lru_cache

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KEEP = re.compile(rf"[{CJK}a-z0-9]+")
SHINGLE = 3
BINS = 96
ROWS = 3
N_BANDS = BINS // ROWS
KEYWORDS = 12

# Near-identical wording: most trigrams shared (both ways, or the shorter text
# nearly whole inside the longer one).
COPY_JACCARD = 0.5
COPY_OVERLAP = 0.75
COPY_MIN_JACCARD = 0.3
# Below this a "similar" measure is not shown at all.
MIN_SIMILARITY = 0.08

# Words every measure of this field uses: they make unrelated measures look alike.
STOPWORDS = frozenset("""
知识产权 知识 产权 保护 加强 推进 推动 建立 健全 完善 工作 开展 提升 提高 机制 体系 建设 支持 鼓励 加大 强化
积极 进一步 相关 有关 部门 单位 责任 全市 全省 全区 全县 我市 我省 我区 各地 各级 服务 落实 实施 深入 持续
发展 促进 依法 着力 全面 切实 不断 充分 发挥 作用 能力 水平 力度 工作机制 重点 领域 方面 主要 重要 以及 进行
做好 有效 规范 管理 制度 政策 措施 引导 组织 企业 市场 社会 政府 国家 地方 省级 市级 县级 我国 全国 按照 根据
结合 实际 情况 要求 加快 培育 打造 构建 形成 实现 确保 不断完善 大力 鼓励支持 等 和 与 及 的 在 对 为 将
""".split())


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """The text folded to Simplified, with only its CJK characters, letters and digits."""
    from measures.search.text import fold

    return "".join(_KEEP.findall(fold(text or "")))


def shingles(text: str, k: int = SHINGLE) -> frozenset[str]:
    norm = normalise(text)
    if len(norm) < k:
        return frozenset([norm]) if norm else frozenset()
    return frozenset(norm[i:i + k] for i in range(len(norm) - k + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def overlap_coefficient(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the folded texts' trigram sets (0–1)."""
    return jaccard(shingles(a), shingles(b))


def overlap(a: str, b: str) -> float:
    return overlap_coefficient(shingles(a), shingles(b))


def copy_score(sa: frozenset, sb: frozenset) -> tuple[float, bool]:
    """(Jaccard, near-identical?) of two trigram sets."""
    j = jaccard(sa, sb)
    copy = j >= COPY_JACCARD or (j >= COPY_MIN_JACCARD and overlap_coefficient(sa, sb) >= COPY_OVERLAP)
    return j, copy


def is_copy(a: str, b: str) -> bool:
    return copy_score(shingles(a), shingles(b))[1]


# --- MinHash fingerprint ------------------------------------------------------------------

@lru_cache(maxsize=1)
def _borrow_orders() -> list[list[int]]:
    """For each bin, a fixed pseudo-random order of the other bins: an empty bin
    takes the value of the first filled bin in its order ("optimal
    densification", Shrivastava 2017), so that two texts' empty bins agree with
    probability about their Jaccard similarity, as filled bins do."""
    orders = []
    for i in range(BINS):
        others = [j for j in range(BINS) if j != i]
        others.sort(key=lambda j: hashlib.blake2b(f"{i}:{j}".encode(), digest_size=8).digest())
        orders.append(others)
    return orders


MIN_SHINGLES = 8   # shorter texts (headings) get no fingerprint: nothing to copy


def bands(text: str, *, folded: str | None = None) -> list[int]:
    """N_BANDS signed 32-bit band hashes (one-permutation MinHash with optimal
    densification); [] for a text of fewer than MIN_SHINGLES trigrams.

    Each distinct trigram of the normalised text is an int of its three code points (21 bits
    each), hashed with splitmix64's finalizer (a stable 64-bit mix, no per-trigram digest);
    its bin is the hash mod BINS, its value the quotient. A band is the same mix of its number
    plus its ROWS bin values times fixed odd multipliers. Bands computed before this scheme (migration 0012 recomputes them)
    used blake2b digests. ``folded``: fold(text), when the caller has it already.

    The mixes run on all of a text's trigrams (then all its bands) at once (_mix_lanes);
    _bands_scalar computes the same one value at a time."""
    norm = normalise(text) if folded is None else "".join(_KEEP.findall(folded))
    if not _LANES_OK:
        return _bands_scalar(norm)
    n = len(norm)
    if n < MIN_SHINGLES + SHINGLE - 1:  # fewer trigrams than that, let alone distinct ones
        return []
    # lane k: the code of the trigram at k ((a << 42) | (b << 21) | c), from the code points'
    # lanes k, k + 1 and k + 2; the last two lanes (no whole trigram) are left out after the mix
    points = _pack(list(map(ord, norm)))
    mask = _lane_mask(n)
    mixed = _mix_lanes((points << 42) | ((points >> 128) << 21) | (points >> 256), mask)
    hashed = sorted(array("Q", mixed.to_bytes(16 * n, "little"))[:2 * (n - SHINGLE + 1):2], reverse=True)
    if len(set(hashed)) < MIN_SHINGLES:  # the mix is a bijection: distinct hashes, distinct trigrams
        return []
    return _bands_of(hashed)


def _full_mins(hashed: list[int]) -> list[int]:
    """Each bin's smallest hash (the hashes sorted largest first, so the smallest is written last);
    an empty bin borrows from the next filled one in its order (optimal densification)."""
    mins: list[int | None] = [None] * BINS
    for h in hashed:
        mins[h % BINS] = h // BINS
    if None not in mins:
        return mins
    orders = _borrow_orders()
    full = list(mins)
    for i, v in enumerate(mins):
        if v is None:
            for j in orders[i]:
                if mins[j] is not None:
                    full[i] = mins[j]
                    break
    return full


def _bands_of(hashed: list[int]) -> list[int]:
    """The bands of a text's trigram hashes (largest first; repeats change nothing)."""
    full = _full_mins(hashed)
    if not _LANES_OK:
        return _band_hashes_scalar(full)
    # each band's values in one odd-multiplier sum with its number (below 2^126: no lane
    # overflows), mixed, its low 32 bits read as a signed int
    k0, k1, k2 = _ROW_KEYS
    mask = _lane_mask(N_BANDS)
    x = (_BAND_NUMBERS + _pack(full[0::3]) * k0 + _pack(full[1::3]) * k1 + _pack(full[2::3]) * k2) & mask
    low = _mix_lanes(x, mask) & _BAND_LOW32
    return array("i", low.to_bytes(16 * N_BANDS, "little"))[::4].tolist()


def _bands_scalar(norm: str) -> list[int]:
    """bands() of a normalised text, one trigram and one band at a time (the reference the lane
    version is tested against; used where the machine is not little-endian)."""
    o = list(map(ord, norm))
    codes = {(a << 42) | (b << 21) | c for a, b, c in zip(o, o[1:], o[2:])}
    if len(codes) < MIN_SHINGLES:
        return []
    c1, c2, m64 = _C1, _C2, _M64
    # splitmix64's finalizer of each code (x, then y, are its two intermediate steps)
    hashed = [(y := (((x := ((c ^ (c >> 30)) * c1) & m64) ^ (x >> 27)) * c2) & m64) ^ (y >> 31) for c in codes]
    hashed.sort(reverse=True)
    return _band_hashes_scalar(_full_mins(hashed))


def _band_hashes_scalar(full: list[int]) -> list[int]:
    result = []
    rows = iter(full)
    k0, k1, k2 = _ROW_KEYS
    c1, c2, m64 = _C1, _C2, _M64
    # the band's values in one odd-multiplier sum with its number, mixed (ROWS == 3 values a band)
    for band, (v0, v1, v2) in enumerate(zip(rows, rows, rows)):
        x = (band + v0 * k0 + v1 * k1 + v2 * k2) & m64
        x = ((x ^ (x >> 30)) * c1) & m64
        x = ((x ^ (x >> 27)) * c2) & m64
        h = (x ^ (x >> 31)) & 0xFFFFFFFF
        result.append(h - (1 << 32) if h >= 1 << 31 else h)
    return result


# --- many 64-bit values in one int ----------------------------------------------------------
# Python mixes one 64-bit value at a time at the cost of a dozen big-int operations each. Packed
# into one int, 128 bits a lane (the value in the low 64), the same operations mix every lane
# at once: a 64-bit value times a 64-bit constant stays inside its lane, and each step masks
# the lanes back to 64 bits before the next multiplication. The lanes are read and written as
# the bytes of an array of unsigned 64-bit ints, so this needs a little-endian machine.

_LANES_OK = sys.byteorder == "little" and array("Q").itemsize == 8 and array("i").itemsize == 4


def _pack(values: list[int]) -> int:
    """One int holding each value (0 <= v < 2^64) in a 128-bit lane, the first in the lowest."""
    lanes = array("Q", bytes(16 * len(values)))
    lanes[::2] = array("Q", values)
    return int.from_bytes(lanes, "little")


@lru_cache(maxsize=256)
def _lane_mask(n: int) -> int:
    """The low 64 bits of each of n lanes."""
    return int.from_bytes((b"\xff" * 8 + b"\0" * 8) * n, "little")


def _mix_lanes(c: int, mask: int) -> int:
    """splitmix64's finalizer of every lane (each below 2^64; ``mask``: _lane_mask of their number)."""
    x = (((c ^ (c >> 30)) & mask) * _C1) & mask
    y = (((x ^ (x >> 27)) & mask) * _C2) & mask
    return (y ^ (y >> 31)) & mask


_M64 = (1 << 64) - 1
_C1, _C2 = 0xBF58476D1CE4E5B9, 0x94D049BB133111EB   # splitmix64's finalizer
_ROW_KEYS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)  # odd 64-bit multipliers
assert len(_ROW_KEYS) == ROWS == 3 and N_BANDS * ROWS == BINS  # bands() unpacks three values a band
if _LANES_OK:
    _BAND_NUMBERS = _pack(list(range(N_BANDS)))  # lane k: k
    _BAND_LOW32 = int.from_bytes((b"\xff" * 4 + b"\0" * 12) * N_BANDS, "little")


# --- distinctive words ------------------------------------------------------------------

def _tokenizer():
    from measures.search.text import get_tokenizer

    return get_tokenizer()


_CJK_WORD = re.compile(rf"[{CJK}]+")


def weighted_words(text: str, *, folded: str | None = None) -> dict[str, float]:
    """word -> weight (occurrences × IDF from jieba's dictionary) of the text's
    distinctive words (two or more CJK characters, not generic policy words).
    ``folded``: fold(text), when the caller has it already."""
    from measures.search.index import folded_words as words  # text.words, without the offsets
    from measures.search.text import fold

    tok = _tokenizer()
    freq, total = tok.FREQ, tok.total or 1
    counts: dict[str, int] = {}
    cjk = _CJK_WORD.fullmatch
    # jieba, HMM off: the blocks the search index cut already
    for word in words(fold(text or "") if folded is None else folded):
        if len(word) < 2 or word in STOPWORDS or not cjk(word):
            continue
        counts[word] = counts.get(word, 0) + 1
    out = {}
    for word, n in counts.items():
        f = freq.get(word) or 0
        idf = math.log(total / f) if f > 0 else math.log(total) + 1.0
        out[word] = n * idf
    return out


def keywords(text: str, n: int = KEYWORDS) -> list[str]:
    """The text's n most distinctive words, best first."""
    weights = weighted_words(text)
    return [w for w, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def shared_words(a: str, b: str, n: int = 8) -> list[str]:
    """Distinctive words both texts use, most distinctive first."""
    wa, wb = weighted_words(a), weighted_words(b)
    common = set(wa) & set(wb)
    # A word inside a longer shared word adds nothing (行政 inside 行政裁决).
    common = {w for w in common if not any(w != o and w in o for o in common)}
    return sorted(common, key=lambda w: (-(wa[w] + wb[w]), w))[:n]
