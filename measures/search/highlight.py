"""Highlighting on the original text (ts_headline cannot split unspaced Chinese).

The text is folded one character at a time (fold_chars keeps its length), so
offsets found in the folded copy are offsets in the original: a Simplified
query marks Traditional text and vice versa. Everything outside the marks is
HTML-escaped.
"""
from html import escape

from .text import fold_chars


def _spans(folded: str, terms) -> list[tuple[int, int]]:
    needles = {fold_chars(t).strip() for t in terms or ()}
    spans = []
    for needle in sorted((n for n in needles if n), key=len, reverse=True):
        start = folded.find(needle)
        while start != -1:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + len(needle))
    return spans


def highlight(text: str, terms, fallback_terms=()) -> str:
    """`text` escaped, with `terms` marked — or, when none of them occurs,
    `fallback_terms` (the words of a term that matched split)."""
    text = text or ""
    if not text:
        return ""
    folded = fold_chars(text)
    spans = _spans(folded, terms) or _spans(folded, fallback_terms)
    if not spans:
        return escape(text, quote=False)
    spans.sort()
    merged = [list(spans[0])]
    for a, b in spans[1:]:
        if a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, last = [], 0
    for a, b in merged:
        out.append(escape(text[last:a], quote=False))
        out.append("<mark>" + escape(text[a:b], quote=False) + "</mark>")
        last = b
    out.append(escape(text[last:], quote=False))
    return "".join(out)
