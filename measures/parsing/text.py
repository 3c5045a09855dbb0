"""Text helpers every stage may use: script folding, counting Han characters, Chinese numbers,
reading a source file.

:func:`fold` / :func:`fold_same_length` give Simplified forms of Traditional text for
matching; the original text is never replaced. Both are pure: a text without a
Traditional character comes back unchanged (ParseContext.fold skips even the check
for a document known to hold none).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .errors import ParseError

MAX_FILE_BYTES = 20 * 1024 * 1024  # the genre's largest pages are well under 1 MB
HAN = re.compile(r"[\u4e00-\u9fff]")
# full-width digits and number signs to ASCII, one character for one (offsets kept)
HALF_WIDTH = {**{0xFF10 + i: 0x30 + i for i in range(10)}, ord("％"): "%", ord("．"): ".", ord("～"): "~",
              ord("＞"): ">", ord("＜"): "<", ord("／"): "/",
              # a small per cent sign, and the care-of sign some editors type for it ("合格率达98℅", b193 012)
              ord("﹪"): "%", ord("℅"): "%"}
CN_DIGIT_VALUES = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                   "八": 8, "九": 9}


def han_count(text: str) -> int:
    """Number of CJK unified ideographs in ``text``."""
    return len(HAN.findall(text))


KANA = re.compile(r"[\u3040-\u30ff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
TRANSLATION_KANA_MIN = 3      # kana in a line that make it Japanese
TRANSLATION_LATIN_WORDS = 4   # words in a line without a Han character that make it a translation


def translation_line(line: str) -> bool:
    """A line of a translation printed beside the Chinese text (b513: "Please follow the arrangements of
    the epidemic…", "外商投資企業の苦情申立てに関連する…"): Japanese (kana in it), or words of a Latin script
    and no Han character at all. Short Latin tokens inside Chinese ("WTO", "Word格式") are not one."""
    if len(KANA.findall(line)) >= TRANSLATION_KANA_MIN:
        return True
    if "://" in line or "www." in line or "@" in line:  # a link or an address: the page's, not a translation
        return False
    return not HAN.search(line) and len(LATIN_WORD.findall(line)) >= TRANSLATION_LATIN_WORDS


def parse_cn_number(s: str) -> int | None:
    """'十九' -> 19, '二十一' -> 21, '一百零五' -> 105, '二〇二四' -> 2024, '105' -> 105; None if not a number."""
    if s.isascii() and s.isdigit():  # not "①" or "²", which isdigit() accepts
        return int(s)
    if s and all(c in CN_DIGIT_VALUES for c in s):
        return int("".join(str(CN_DIGIT_VALUES[c]) for c in s))
    total, cur = 0, 0
    for c in s:
        if c in CN_DIGIT_VALUES:
            cur = CN_DIGIT_VALUES[c]
        elif c in "十百":
            total += (cur or 1) * (10 if c == "十" else 100)
            cur = 0
        else:
            return None
    return total + cur


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc  # imported lazily: the package is optional for pure-Simplified input
    return opencc.OpenCC(config)


@lru_cache(maxsize=1)
def _trad_table() -> tuple[dict[int, str], "re.Pattern[str]"]:
    """Character-level Traditional -> Simplified table (same length) and a regex finding such characters."""
    try:
        conv = _converter("t2s")
    except Exception:  # pragma: no cover - opencc missing
        return {}, re.compile(r"(?!)")
    chars = [chr(i) for i in range(0x3400, 0xA000)] + [chr(i) for i in range(0xF900, 0xFB00)]
    out = conv.convert("\n".join(chars)).split("\n")
    table = {ord(a): b for a, b in zip(chars, out) if a != b and len(b) == 1} if len(out) == len(chars) else {}
    if not table:
        return {}, re.compile(r"(?!)")
    return table, re.compile("[" + re.escape("".join(sorted(chr(c) for c in table))) + "]")


def has_traditional(text: str) -> bool:
    """True when ``text`` holds at least one character that Simplified Chinese writes differently."""
    return bool(text) and _trad_table()[1].search(text) is not None


@lru_cache(maxsize=1024)
def _fold_cached(text: str) -> str:
    try:
        return _taiwan_terms(_converter("t2s").convert(text))
    except Exception:  # pragma: no cover - opencc missing or broken
        return text


def _taiwan_terms(text: str) -> str:
    """``text`` (Simplified characters) with Taiwan's words for what the mainland names otherwise
    (lexicon.TAIWAN_TERMS: 智慧财产权 → 知识产权, 软体 → 软件) in the mainland's words. Only these: OpenCC's
    tw2sp vocabulary also rewrites mainland words that a mirror site's Traditional copy keeps (建立 →
    创建, 文件 → 文档, 执行 → 运行, 程序 → 进程, 资料 → 数据, 蚌埠 → 蚌端口), which no rule should see."""
    from .lexicon import TAIWAN_TERMS

    for taiwan, mainland in TAIWAN_TERMS:
        if taiwan in text:
            text = text.replace(taiwan, mainland)
    return text


def fold(text: str) -> str:
    """Simplified form of ``text`` for matching (知識產權 → 知识产权; Taiwan's 智慧財產權 → 知识产权 too);
    lengths may change."""
    if not text or text.isascii() or not has_traditional(text):
        return text
    return _fold_cached(text) if len(text) <= 4000 else _fold_cached.__wrapped__(text)


def fold_same_length(text: str) -> str:
    """Character-level Traditional → Simplified conversion that keeps every offset."""
    if not text or text.isascii():
        return text
    table, rx = _trad_table()
    if rx.search(text) is None:
        return text
    return _translate_cached(text) if len(text) <= 4000 else text.translate(table)


@lru_cache(maxsize=4096)
def _translate_cached(text: str) -> str:
    return text.translate(_trad_table()[0])


def detect_script(text: str) -> str:
    """'hant' when the text is written in Traditional characters (over 4% of its Han characters), else 'hans'."""
    head = text[:20000]
    if not has_traditional(head):
        return "hans"
    n = han_count(head)
    if n < 20:
        return "hans"
    changed = len(head) - len(_trad_table()[1].sub("", head))
    return "hant" if changed / n > 0.04 else "hans"


def read_source(path) -> bytes:
    """A document file's bytes, refusing (ParseError) a file too large to be a policy text without
    ever holding more than the limit in memory."""
    with Path(path).open("rb") as fh:
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ParseError(f"文件过大 (file too large): more than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    return data
