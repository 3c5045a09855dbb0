"""Document types derived from a document's title (实施方案, 实施意见, 办法, 通知 …).

The type is how the title ends, once a trailing note in parentheses
((2024—2025年), (征求意见稿)) and a 《…》的通知 wrapper are set aside: a title
ending in 实施方案 is of type 实施方案, and also of the wider type 方案. A
title that is only a notice (关于做好…工作的通知) is of type 通知; one that
wraps another document (关于印发《…实施方案》的通知) is of the wrapped type.
Titles in Traditional script match too (實施意見 is 实施意见).
"""
import re
from functools import cache

# Types offered in the search form, narrow ones under their wider type.
DOC_TYPES = [
    ("方案", ["实施方案", "行动方案", "工作方案", "建设方案"]),
    ("意见", ["实施意见", "指导意见", "若干意见"]),
    ("措施", ["若干措施", "具体措施", "政策措施"]),
    ("计划", ["行动计划", "推进计划", "工作计划"]),
    ("规划", []),
    ("纲要", []),
    ("办法", ["管理办法", "实施办法", "暂行办法"]),
    ("细则", ["实施细则"]),
    ("规定", []),
    ("条例", []),
    ("决定", []),
    ("要点", ["工作要点"]),
    ("通知", []),
]
ALL_TYPES = [t for wide, narrow in DOC_TYPES for t in [wide, *narrow]]

_TAIL = r"(?:[(（][^()（）]*[)）]|\s)*$"      # trailing notes in parentheses
_WRAPPED = r"[》〉>]?的通知"                 # 关于印发《…》的通知


@cache
def _variants(word: str) -> list[str]:
    from measures.search.text import _converter

    forms = [word, _converter("s2t").convert(word), _converter("s2tw").convert(word)]
    return list(dict.fromkeys(forms))


def _alternation(words) -> str:
    return "(?:" + "|".join(re.escape(v) for w in words for v in _variants(w)) + ")"


@cache
def title_regex(doc_type: str) -> str:
    """A PostgreSQL (and Python) regular expression for titles of this type."""
    if doc_type == "通知":
        others = _alternation(t for t in ALL_TYPES if t != "通知")
        # a notice, not a notice wrapping another document
        return f"^(?!.*{others}{_WRAPPED}{_TAIL}).*{_alternation(['通知'])}{_TAIL}"
    return f"{_alternation([doc_type])}(?:{_WRAPPED})?{_TAIL}"


def doc_type_of(title: str) -> str:
    """The narrowest type of a title ('' when none applies)."""
    title = title or ""
    for t in sorted(ALL_TYPES, key=len, reverse=True):
        if re.search(title_regex(t), title):
            return t
    return ""


def choices() -> list[tuple[str, str]]:
    """(value, label) for a select: each wide type, then its narrow ones indented."""
    out = []
    for wide, narrow in DOC_TYPES:
        out.append((wide, f"{wide}(全部)" if narrow else wide))
        out.extend((t, f"· {t}") for t in narrow)
    return out
